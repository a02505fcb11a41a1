"""One harm read twice, once inside a longer span: a statement's events listed once each.

A sentence may name one harm twice ("pancreatitis ... cases of amiodarone-induced pancreatitis"), or a reading may
keep both a span and a longer span that holds it ("skin toxicity" and "skin toxicity of aminoglutethimide"); a
safety claim then lists the harm twice ("Pancreatitis and acute pancreatitis reported with X"). Each name is first
read without what only repeats the intervention or frames the harm: "the toxicity of X" with X the intervention
is its toxicity, "the risk for the development of Y" and "susceptibility to developing Y" name Y. Two names that
differ only by the intervention named as the cause ("X-induced pancreatitis", "X neuropathy") are one harm, listed
by the shorter: the claim names X. Of two names where one holds the other's words, the longer says more
("vincristine neurotoxicity" over "neurotoxicity", "acute pancreatitis" over "pancreatitis") and is the one listed.
A name alone keeps the intervention's word ("X neuropathy"): it may be how the harm is known, or the intervention
may be misnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.cues import is_head

# a frame before a harm that names only its chance or its coming about: "(increased) risk for the development of Y",
# "susceptibility to developing Y", "the development of Y"
_FRAME = re.compile(
    r"^(?:(?:an?\s+|the\s+)?(?:increased\s+|higher\s+|greater\s+)?"
    r"(?:risk|susceptibility|predisposition|likelihood|propensity)\s+(?:of|for|to)\s+)?"
    r"(?:(?:the\s+)?development\s+of\s+|developing\s+)?",
    re.IGNORECASE,
)
# what follows a harm's name to say whose harm it is: "toxicity of X", "neurotoxicity from X", "rash with X"
_OWNER_AFTER = re.compile(r"\s+(?:of|from|with|due\s+to|by|(?:related|attributed)\s+to|(?:associated|seen)\s+with|"
                          r"(?:induced|caused)\s+by)\s+(?:the\s+)?(?P<owner>[\w\-/]+(?:\s+[\w\-/]+){0,3})$",
                          re.IGNORECASE)
# the intervention named as a harm's cause in one hyphenated word before it: "amiodarone-induced pancreatitis"
_CAUSED_BY = re.compile(r"(?P<cause>[\w/]+)-(?:induced|associated|related|caused|mediated)\s+(?=\S)")
_CAUSE_PARTICIPLE = re.compile(r"induced|associated|related|caused|mediated|triggered|dependent")
_WORD = re.compile(r"[\w\-/]+")


def names_only_the_intervention(words: str, anchors: frozenset[str]) -> bool:
    """Whether words name only the intervention: each is a word of its anchors, a plural's s aside ("CPM" of "in the
    CPM group", "statins")."""
    found = [w.lower().rstrip("s") for w in _WORD.findall(words)]
    known = {w.rstrip("s") for anchor in anchors for w in anchor.split()}
    return bool(found) and all(w in known for w in found)


def _leads_with_the_intervention(words: Sequence[str], anchors: frozenset[str]) -> bool:
    """Whether a name opens with the intervention's word before a harm's name ("X skin toxicity", "X neuropathy");
    not before a participle of its cause ("X induced hepatitis") nor before a word that names no harm alone
    ("insulin resistance", "heparin withdrawal": the intervention's word is the name's)."""
    if len(words) < 2 or not names_only_the_intervention(words[0], anchors):
        return False
    if _CAUSE_PARTICIPLE.fullmatch(words[1].lower()) is not None:
        return False
    return len(words) > 2 or is_head(words[1].lower())


def core_name(name: str, anchors: frozenset[str]) -> str:
    """A harm's name without a frame before it and without the intervention named as its owner after it: what a
    claim "... reported with X" lists without saying X twice."""
    framed = _FRAME.match(name)
    rest = name[framed.end() :] if framed is not None and framed.end() < len(name) else name
    owner = _OWNER_AFTER.search(rest)
    if owner is not None and owner.start() > 0 and names_only_the_intervention(owner.group("owner"), anchors):
        rest = rest[: owner.start()]
    if rest == name or not rest:
        return name
    return rest  # its own case: a claim capitalises its first name, not the others ("Pancreatitis and toxicity")


def _bare(name: str, anchors: frozenset[str]) -> str:
    """A name without the intervention named as its cause ("amiodarone-induced pancreatitis", "amiodarone
    neuropathy"), in lower case: two names the same but for it are one harm, listed by the shorter (the claim
    names the cause)."""
    low = name.lower()
    cause = _CAUSED_BY.match(low)
    if cause is not None and names_only_the_intervention(cause.group("cause"), anchors):
        return low[cause.end() :]
    words = low.split()
    lead = 0
    while _leads_with_the_intervention(words[lead:], anchors):
        lead += 1
    return " ".join(words[lead:])


def _holds(longer: str, shorter: str) -> bool:
    """Whether a name holds another's words, whole words in order ("acute pancreatitis" holds "pancreatitis")."""
    return len(longer) > len(shorter) and re.search(
        rf"(?<![\w\-]){re.escape(shorter)}(?![\w\-])", longer, re.IGNORECASE
    ) is not None


def _holds_a_list(name: str, names: Sequence[str]) -> bool:
    """Whether a name holds two others, neither holding the other: a span over a list of harms ("spectrum of
    pulmonary toxicity to include pulmonary nodules"), not one harm's name; the harms it lists are kept."""
    held = [other for other in names if _holds(name, other)]
    return any(not _holds(a, b) and not _holds(b, a) for i, a in enumerate(held) for b in held[i + 1 :])


def listed_once(events: Sequence[tuple[str, int]], anchors: frozenset[str]) -> list[tuple[str, int]]:
    """The events of a statement, each by its core name (core_name), once each: a name another one holds is
    dropped, the longer taking the place of the first of the two, and a span over two of them is none."""
    cores: list[tuple[str, int]] = []
    for event, at in events:
        core = core_name(event, anchors)
        same = next((i for i, (other, _) in enumerate(cores) if _bare(other, anchors) == _bare(core, anchors)), None)
        if same is None:
            cores.append((core, at))
        elif len(core) < len(cores[same][0]):
            cores[same] = (core, cores[same][1])
    cores = [pair for pair in cores if not _holds_a_list(pair[0], [other for other, _ in cores])]
    kept: list[tuple[str, int]] = []
    for event, at in cores:
        holders = [other for other in cores if _holds(other[0], event)]
        chosen = max(holders, key=lambda other: len(other[0])) if holders else (event, at)
        if all(chosen[0] != name for name, _ in kept):
            kept.append(chosen)
    return kept
