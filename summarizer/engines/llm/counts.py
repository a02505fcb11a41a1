"""Counts of a group's statements, made by software from the model's annotations, for the merge step; and the
support of adverse events and efficacy outcomes, counted from the same annotations.

A merge sees the findings its parts kept, which are few; the counts say how many statements stand behind each side:
statements per topic and attribution, favourable / unfavourable / neutral per topic among those attributed to the
target, and statements with harms that occurred, were warned of or were reported absent. Counts add up, so a
second-level merge gets the sum of its parts' counts, never an earlier verdict.

An answer's item bounds (dialects.bounds_for) leave a full call room for few findings of few ids each; the support of
an adverse event and of an efficacy outcome is therefore taken from the annotations too (`with_counted_support`):
each annotation names the harms and the outcome (with its direction) its statement reports, and every statement
attributed to the target that names one supports it, whatever the answer's lists could hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from summarizer.engines.llm.schemas import (
    ATTRIBUTED,
    REPORTED_SEPARATOR,
    WARNING_SUFFIX,
    AnnotationOut,
    SectionsOutput,
    SingleOutput,
)
from summarizer.grounding import MIN_QUOTE_WORDS
from summarizer.models import AdverseEvent, Direction, Outcome, Quote

SectionsT = TypeVar("SectionsT", bound=SectionsOutput | SingleOutput)

TOPICS = ("safety", "efficacy")
POLARITIES = ("favourable", "unfavourable", "neutral", "unclear")
HARMS = ("occurred", "warned", "absent")


@dataclass
class Counts:
    """Statement counts of one group (or the sum of several)."""

    statements: int = 0
    groups: int = 0
    attribution: Counter[str] = field(default_factory=Counter)  # "safety:target", "efficacy:other_work", ...
    polarity: Counter[str] = field(default_factory=Counter)  # "safety:favourable", ... (attributed statements)
    harms: Counter[str] = field(default_factory=Counter)  # occurred, warned, absent (attributed statements)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.statements + other.statements,
            self.groups + other.groups,
            self.attribution + other.attribution,
            self.polarity + other.polarity,
            self.harms + other.harms,
        )

    def data(self) -> dict[str, Any]:
        """The counts as the merge prompt shows them: per topic, statements by attribution and, of those
        attributed to the target, by polarity; harms; zeros left out."""
        out: dict[str, Any] = {"statements": self.statements}
        for topic in TOPICS:
            by_attribution = {
                key.split(":", 1)[1]: n for key, n in sorted(self.attribution.items()) if key.startswith(f"{topic}:")
            }
            by_polarity = {p: self.polarity[f"{topic}:{p}"] for p in POLARITIES if self.polarity[f"{topic}:{p}"]}
            if by_attribution:
                out[topic] = {"by_attribution": by_attribution, "attributed_to_target": by_polarity}
        harms = {h: self.harms[h] for h in HARMS if self.harms[h]}
        if harms:
            out["harms"] = harms
        return out


def count(annotations: Iterable[AnnotationOut]) -> Counts:
    """The counts of one group's annotations (one group)."""
    counts = Counts(groups=1)
    for item in annotations:
        counts.statements += 1
        attributed = item.attribution in ATTRIBUTED
        for topic in dict.fromkeys(item.topics):
            if topic not in TOPICS:
                continue
            counts.attribution[f"{topic}:{item.attribution}"] += 1
            if attributed:
                counts.polarity[f"{topic}:{item.polarity}"] += 1
        if attributed:
            warned = [name for name in item.adverse_events if _is_warning(name)]
            for harm, names in zip(
                HARMS, ([n for n in item.adverse_events if n not in warned], warned, item.absent_events), strict=True
            ):
                if names:
                    counts.harms[harm] += 1
    return counts


def intervention_ids(annotations: Mapping[str, AnnotationOut]) -> list[str]:
    """The statements that attribute an effect or a harm of the intervention to the target: those annotated as
    the target's (alone or among several) on safety or efficacy, in the order given."""
    return [
        sid
        for sid, item in annotations.items()
        if item.attribution in ATTRIBUTED and any(topic in TOPICS for topic in item.topics)
    ]


def event_index(annotations: Mapping[str, AnnotationOut]) -> dict[str, tuple[str, list[str]]]:
    """Per harm (case and a trailing "(warning)" aside): its name as first written and the statements attributed to
    the target whose annotation names it (occurred or warned of), in order: the support of an adverse event,
    counted in code."""
    index: dict[str, tuple[str, list[str]]] = {}
    for sid, item in annotations.items():
        if item.attribution not in ATTRIBUTED:
            continue
        for name in item.adverse_events:
            _, ids = index.setdefault(_event_key(name), (name, []))
            if sid not in ids:
                ids.append(sid)
    return index


def _is_warning(name: str) -> bool:
    return " ".join(name.lower().split()).endswith(WARNING_SUFFIX)


def _event_key(name: str) -> str:
    key = " ".join(name.lower().split())
    return key.removesuffix(WARNING_SUFFIX).strip()


def with_counted_event_ids(sections: SectionsT, annotations: Mapping[str, AnnotationOut]) -> SectionsT:
    """The sections with the adverse events counted in code from the annotations (event_index): every event's
    statements completed, and every harm that an annotation attributed to the target names but the sections do not
    list added, so that an answer's item bounds never cut an event or its support."""
    index = event_index(annotations)
    listed = {_event_key(e.name): e for e in sections.safety.adverse_events}
    events: list[AdverseEvent] = []
    for key, event in listed.items():
        ids = list(dict.fromkeys([*event.statement_ids, *index.get(key, ("", []))[1]]))
        events.append(event if ids == event.statement_ids else event.model_copy(update={"statement_ids": ids}))
    events += [AdverseEvent(name=name, statement_ids=ids) for key, (name, ids) in index.items() if key not in listed]
    if events == list(sections.safety.adverse_events):
        return sections
    safety = sections.safety.model_copy(update={"adverse_events": events})
    return cast(SectionsT, sections.model_copy(update={"safety": safety}))


# --- efficacy outcomes -------------------------------------------------------------------------------------------

OutcomeKey = tuple[str, str]  # (the outcome's name, case and spacing aside; its direction)
MADE_QUOTES = 2  # quotes of an outcome listed from the annotations: from its first statements
MADE_QUOTE_WORDS = 20  # words of such a quote, from a few words before the outcome's name where the text holds it
_WORD = re.compile(r"\S+")
_CLAIMS = {
    "improved": "as improved",
    "worsened": "as worsened",
    "no_difference": "as no different from the comparator",
    "unclear": "with no clear direction",
}


def reported_outcome(mention: str) -> tuple[str, str]:
    """An annotation's '<outcome>: <direction>' as (outcome, direction)."""
    name, _, direction = mention.rpartition(REPORTED_SEPARATOR)
    return name.strip(), direction


def _outcome_key(name: str, direction: str) -> OutcomeKey:
    return " ".join(name.lower().split()), direction


def outcome_index(annotations: Mapping[str, AnnotationOut]) -> dict[OutcomeKey, tuple[str, list[str]]]:
    """Per outcome and direction: its name as first written and the statements attributed to the target whose
    annotation reports it, in order: the support of an efficacy outcome, counted in code."""
    index: dict[OutcomeKey, tuple[str, list[str]]] = {}
    for sid, item in annotations.items():
        if item.attribution not in ATTRIBUTED:
            continue
        for mention in item.outcomes:
            name, direction = reported_outcome(mention)
            if not name:
                continue
            _, ids = index.setdefault(_outcome_key(name, direction), (name, []))
            if sid not in ids:
                ids.append(sid)
    return index


def _aliases(outcome: Outcome, annotations: Mapping[str, AnnotationOut], taken: set[OutcomeKey]) -> list[OutcomeKey]:
    """The keys under which the statements an outcome cites name it, where the answer wrote its name otherwise
    ("mortality" for "28-day mortality"): a cited statement's one mention in the outcome's direction, unless some
    listed outcome bears that name (taken)."""
    keys: list[OutcomeKey] = []
    for sid in outcome.statement_ids:
        item = annotations.get(sid)
        if item is None or item.attribution not in ATTRIBUTED:
            continue
        same = [key for m in item.outcomes if (key := _outcome_key(*reported_outcome(m)))[1] == outcome.direction]
        if len(same) == 1 and same[0] not in taken and same[0] not in keys:
            keys.append(same[0])
    return keys


def made_quote(name: str, text: str) -> str | None:
    """The statement's own words to quote for an outcome it reports: up to MADE_QUOTE_WORDS words from a few
    before the outcome's name (where the text holds it, else from the start); None for a text too short."""
    words = list(_WORD.finditer(text))
    if len(words) < MIN_QUOTE_WORDS:
        return None
    at = 0
    found = re.search(r"\s+".join(re.escape(w) for w in name.split()), text, re.IGNORECASE) if name.split() else None
    if found is not None:
        at = next((i for i, w in enumerate(words) if w.end() > found.start()), 0)
    start = max(0, min(at - 4, len(words) - MADE_QUOTE_WORDS))
    chosen = words[start : start + MADE_QUOTE_WORDS]
    return text[chosen[0].start() : chosen[-1].end()]


def _made_outcome(name: str, direction: str, ids: list[str], texts: Mapping[str, str]) -> Outcome | None:
    quotes: list[Quote] = []
    for sid in ids:
        quote = made_quote(name, texts.get(sid, ""))
        if quote is not None:
            quotes.append(Quote(statement_id=sid, text=quote))
            if len(quotes) == MADE_QUOTES:
                break
    if not quotes:
        return None
    many = len(ids) > 1
    claim = f"{len(ids)} statement{'s' if many else ''} report{'' if many else 's'} {name} {_CLAIMS[direction]}."
    return Outcome(claim=claim, statement_ids=ids, quotes=quotes, outcome=name, direction=cast(Direction, direction))


def with_counted_outcome_ids(
    sections: SectionsT, annotations: Mapping[str, AnnotationOut], texts: Mapping[str, str], warnings: list[str]
) -> SectionsT:
    """The sections with the support of every efficacy outcome counted in code from the annotations
    (outcome_index): each listed outcome gets every statement attributed to the target that reports it in its
    direction (by its name, or by the name its own statements give it); an outcome and direction that annotations
    report but the answer does not list (its list bound was reached) is added, with the statements' own words as
    quotes and a claim that says it was counted, and a warning."""
    index = outcome_index(annotations)
    listed = list(sections.efficacy.outcomes)
    taken = {_outcome_key(o.outcome, o.direction) for o in listed}
    claimed: set[OutcomeKey] = set()
    outcomes: list[Outcome] = []
    for outcome in listed:
        keys = [_outcome_key(outcome.outcome, outcome.direction), *_aliases(outcome, annotations, taken | claimed)]
        claimed.update(keys)
        counted = [sid for key in keys for sid in index.get(key, ("", []))[1]]
        ids = list(dict.fromkeys([*outcome.statement_ids, *counted]))
        outcomes.append(outcome if ids == outcome.statement_ids else outcome.model_copy(update={"statement_ids": ids}))
    made = [
        found
        for key, (name, ids) in index.items()
        if key not in claimed and (found := _made_outcome(name, key[1], ids, texts)) is not None
    ]
    if made:
        names = ", ".join(f"{o.outcome} ({o.direction})" for o in made)
        warnings.append(
            f"llm: {len(made)} efficacy outcomes that annotations attribute to the target were not in the answer's "
            f"list; listed from the annotations, quoting their statements: {names[:300]}"
        )
    outcomes += made
    if outcomes == listed:
        return sections
    efficacy = sections.efficacy.model_copy(update={"outcomes": outcomes})
    return cast(SectionsT, sections.model_copy(update={"efficacy": efficacy}))


def with_counted_support(
    sections: SectionsT, annotations: Mapping[str, AnnotationOut], texts: Mapping[str, str], warnings: list[str]
) -> SectionsT:
    """The sections with the support of adverse events and efficacy outcomes counted from the annotations."""
    return with_counted_outcome_ids(with_counted_event_ids(sections, annotations), annotations, texts, warnings)
