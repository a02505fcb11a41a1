"""The wording of the brief's claims and summaries: plain sentences built from what sections.py selected.

Nothing here decides what is evidence (evidence.py) or what it adds up to (verdicts.py): each function words what
it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.evidence import ReadStatement
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.smaller_changes import smaller_change

SHOWN_IDS = 5
SHOWN_NAMES = 8


def count(number: int, singular: str, plural: str | None = None) -> str:
    """"1 statement", "3 statements"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def join(names: Sequence[str], conjunction: str = "and") -> str:
    """"a, b and c"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def ids(items: Sequence[ReadStatement]) -> str:
    """The first ids, and how many more: a summary stays short however many statements there are."""
    shown_ids = [item.statement.id for item in items]
    shown = ", ".join(shown_ids[:SHOWN_IDS])
    return shown if len(shown_ids) <= SHOWN_IDS else f"{shown} and {len(shown_ids) - SHOWN_IDS} more"


def names(listed: Sequence[str]) -> str:
    """The first names, and how many others."""
    shown = list(listed[:SHOWN_NAMES])
    if len(listed) > SHOWN_NAMES:
        shown.append(count(len(listed) - SHOWN_NAMES, "other"))
    return join(shown)


def capital(text: str) -> str:
    """The text with its first letter upper case; a first word written with a capital inside ("rFVIIa", "mRNA
    vaccines", "eGFR") stays as it is written."""
    first = re.split(r"[\s\-/]", text, maxsplit=1)[0]
    if any(letter.isupper() for letter in first[1:]):  # but "non-Hodgkin lymphoma": "Non-Hodgkin"
        return text
    return text[:1].upper() + text[1:]


_SENTENCE_ENDS = ".!?:;"


def written_capital(word: str, quoted: str) -> bool:
    """Whether the quote writes a capitalised word with its capital inside a sentence ("AHA and Melbourne
    scores", "the Barthel index"): a proper name, whose capital is not that of a sentence's first word."""
    if not word[:1].isupper():
        return False
    at = quoted.find(word)
    while at >= 0:
        before = quoted[:at].rstrip(" \t\n(\"'“‘[")
        if before and before[-1] not in _SENTENCE_ENDS and not quoted[at + len(word) : at + len(word) + 1].isalnum():
            return True
        at = quoted.find(word, at + 1)
    return False


def lower_first(text: str, quoted: str = "") -> str:
    """A name as it reads inside a sentence: "Mortality" becomes "mortality"; "HbA1c", "ICU stay", a first word
    with a capital inside ("PaCO2", "IgG titres"), a proper name of several capitalised words ("New York Heart
    Association class") and a first word that the quote (`quoted`, the sentence the name was read in) capitalises
    inside a sentence ("Melbourne") stay."""
    if not text[1:2].islower():
        return text
    first, _, rest = text.partition(" ")
    if any(letter.isupper() for letter in first[1:]) or (rest[:1].isupper() and rest[1:2].islower()):
        return text
    if quoted and written_capital(first, quoted):
        return text
    return text[:1].lower() + text[1:]


_PAIRS = (("(", ")"), ("[", "]"))


def without_stray_brackets(name: str) -> str:
    """A name cut from inside a bracket, without the bracket left unmatched ("DRESS) syndrome", "(sub)fulminant"
    cut to "sub)fulminant", "recurrent (stuttering) priapism" cut to "stuttering) priapism"): the words stay."""
    for opening, closing in _PAIRS:
        if name.count(opening) == name.count(closing):
            continue
        kept: list[str] = []
        depth = 0
        for char in name:
            if char == opening:
                depth += 1
            elif char == closing:
                if depth == 0:
                    continue  # a closing bracket whose opening was cut off
                depth -= 1
            kept.append(char)
        text = "".join(kept)
        while depth:  # an opening bracket whose closing was cut off: the last unmatched one goes
            at = text.rfind(opening)
            text = text[:at] + text[at + 1 :]
            depth -= 1
        name = re.sub(r"\s{2,}", " ", text).strip()
    return name


# claims of one finding


def concern_claim(events: Sequence[str], name: str, quoted: str = "") -> str:
    """The claim of a statement that reports adverse events with the intervention, with how the quote describes them
    when it calls them mild, transient or tolerated (quoted: the sentence): they happened, and the claim says no
    more of them than the quote does."""
    claim = f"{capital(join(events))} reported with {name}"
    described = described_as(quoted, events) if quoted else None
    if described is None:
        return f"{claim}."
    event, words = described
    if len(events) == 1:
        return f"{claim}, described as {words}."
    return f"{claim}; {lower_first(event)} described as {words}."


_MILD = r"(?:mild|transient|well[\s\-]tolerated|reversible|self[\s\-]limit(?:ed|ing)|short[\s\-]lived|minor|manageable)"
# "side effects are generally transient or well tolerated", "nausea was mild and transient"
_DESCRIBED_AFTER = re.compile(
    r"(?:\s+(?:of|with|from|due\s+to|associated\s+with|related\s+to|caused\s+by)\s+[^,.;]{1,40}?)?\s+(?:(?:are|were|is|was|have\s+been|has\s+been)\s+)"
    r"(?P<desc>(?:(?:generally|usually|mostly|often|typically|largely|mainly|all|only)\s+)?" + _MILD
    + r"(?:\s*(?:,|or|and|,\s*and)\s*" + _MILD + r")*)\b",
    re.IGNORECASE,
)


def described_as(sentence: str, events: Sequence[str]) -> tuple[str, str] | None:
    """The first event a sentence describes right after naming it as mild, transient or tolerated, and the words
    that do ("generally transient or well tolerated")."""
    low = sentence.lower()
    if not any(word in low for word in ("mild", "transient", "tolera", "reversible", "limit", "lived", "minor",
                                        "manageable")):
        return None
    for event in events:
        at = low.find(event.lower())
        while at >= 0:
            match = _DESCRIBED_AFTER.match(sentence, at + len(event))
            if match is not None:
                return event, match.group("desc")
            at = low.find(event.lower(), at + 1)
    return None


def reassuring_claim(
    safety_outcomes: Sequence[OutcomeMention], absent: Sequence[str], name: str, quoted: str = ""
) -> str:
    """The claim of a statement that reports no harm: harms that fell or did not differ, events that did not
    occur (named as `quoted`, the sentence, writes them inside a sentence), or the intervention called safe."""
    if safety_outcomes:
        return " ".join(
            f"No difference in {lower_first(m.outcome, m.quote)} with {name}." if m.change == "no_difference"
            else f"{capital(m.outcome)} {m.change} with {name}."
            for m in safety_outcomes
        )
    if absent:
        events = [lower_first(without_the_name(event, name), quoted) for event in absent]
        return f"No {join(events, 'or')} reported with {name}."
    return f"{capital(name)} described as safe or well tolerated."


def without_the_name(event: str, name: str) -> str:
    """An event without the phrase that names the intervention the claim names after it ("safety concerns when
    using X", "deleterious effects of X"): the claim says "with X" once. The event as it is when nothing else is
    left, or the intervention is not named at its end."""
    cut = re.search(
        r"\s+(?:of|with|from|after|to|when\s+using|when\s+taking|using)\s+(?:the\s+)?" + re.escape(name) + r"$",
        event, re.IGNORECASE,
    )
    return event[: cut.start()] if cut is not None and cut.start() > 0 else event


def outcome_claim(outcome: str, change: str, direction: str, name: str, quoted: str = "") -> str:
    """The claim of an outcome of the intervention, with its direction (`quoted`: the sentence it was read in)."""
    if direction == "no_difference":
        if outcome[:3].lower() == "in " and outcome[3:4].isalpha():
            outcome = outcome[3:]  # "[found] in emotional impact": "No difference in" says "in" once
        return f"No difference in {lower_first(outcome, quoted)} with {name}."
    if change in ("increased", "decreased"):
        better = "an improvement" if direction == "improved" else "a worsening"
        smaller = smaller_change(quoted, outcome)
        if smaller is not None:  # "X decreased less in the A group": X ended higher with A, said as the quote says it
            return f"A smaller {smaller} in {lower_first(outcome, quoted)} with {name} ({better})."
        return f"{capital(outcome)} {change} with {name} ({better})."
    if direction in ("improved", "worsened") and re.search(r"\bimprovements?$", outcome, re.IGNORECASE):
        # "better global improvement": "Global improvement greater", not "Global improvement improved"
        return f"{capital(outcome)} {'greater' if direction == 'improved' else 'smaller'} with {name}."
    return f"{capital(outcome)} {direction} with {name}."


def effective_claim(name: str) -> str:
    """The claim of the statements that call the intervention effective where the rules read no outcome with a
    direction: what it was effective for, when the quote says it ("effective in maintaining sinus rhythm"), is
    the quote's, and the claim says that it is there rather than that none is named."""
    return f"{capital(name)} reported effective (outcome as quoted)."


def contrasting_claim(contrasting: bool) -> str:
    """The claim of a statement that contrasts with the cited work, or questions it."""
    return "Contrasts its findings with the cited work." if contrasting else "Questions the cited work's claims."


# summaries of a section


def safety_summary(
    name: str,
    total: int,
    concerns: Sequence[ReadStatement],
    reassuring: Sequence[ReadStatement],
    events: Sequence[str],
    judged: bool,
    speaking: Sequence[ReadStatement] = (),
    tagged: Sequence[ReadStatement] = (),
) -> str:
    """The safety section's summary: how many statements report on safety, which report no harm and which
    adverse events; with judged=False, that there is no evidence either way, and how many statements about the
    intervention speak of safety all the same (`speaking`: tagged safety, but reporting no harm of it and no
    absence of one), or else how many statements speak of safety without attributing a harm or its absence to
    the intervention (`tagged`: every statement tagged safety), so that the summary never says that none does."""
    if not judged:
        if speaking:
            verb = "speaks" if len(speaking) == 1 else "speak"
            return (
                f"{count(len(speaking), 'statement')} of {total} {verb} of the safety of {name} ({ids(speaking)}), "
                "but none reports a harm of it or the absence of one, so there is no evidence either way."
            )
        if tagged:
            verb = "speaks" if len(tagged) == 1 else "speak"
            return (
                f"{count(len(tagged), 'statement')} of {total} {verb} of safety ({ids(tagged)}), but none attributes "
                f"a harm or its absence to {name}, so there is no evidence either way."
            )
        return f"No statement reports on the safety of {name}, so there is no evidence either way."
    addressing = len(concerns) + len(reassuring)
    verb = "reports" if addressing == 1 else "report"
    parts = [f"{count(addressing, 'statement')} of {total} {verb} on the safety of {name}."]
    if reassuring:
        parts.append(f"{count(len(reassuring), 'reports', 'report')} no harm ({ids(reassuring)}).")
    if concerns:
        parts.append(f"{count(len(concerns), 'reports', 'report')} adverse events ({ids(concerns)}): {names(events)}.")
    return " ".join(parts)


def efficacy_summary(
    name: str, total: int, used: Sequence[ReadStatement], by_direction: Sequence[tuple[str, Sequence[str]]],
    judged: bool,
) -> str:
    """The efficacy section's summary: how many statements report outcomes, and the outcomes by direction
    (("improved", [...]), ("worsened", [...]), ("unchanged", [...])); with judged=False, that none does."""
    if not judged:
        return f"No statement reports an outcome of {name}."
    verb = "reports" if len(used) == 1 else "report"
    parts = [f"{count(len(used), 'statement')} of {total} {verb} outcomes of {name} ({ids(used)})."]
    for label, outcomes in by_direction:
        if outcomes:
            parts.append(f"Reported as {label}: {names(outcomes)}.")
    return " ".join(parts)
