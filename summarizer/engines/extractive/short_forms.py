"""A target's short forms and the long forms they stand for ("mesenchymal stem cells (MSCs)"), and how a mention's
anchors match a wanted name: the abbreviation side of the target profile (target_profile.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

from summarizer.engines.extractive.abbreviations import definitions_in
from summarizer.engines.extractive.treatment_mention import name_anchors
from summarizer.engines.extractive.treatment_names import MODIFIED_CLASSES, names_comparator

# treatment classes too general to name an intervention on their own
GENERIC_CLASSES = MODIFIED_CLASSES | {"administration"}
MIN_ACRONYM = 3


def specific_anchors(anchors: Sequence[str]) -> list[str]:
    """The anchors that name a treatment, not only its kind ("therapy", "administration")."""
    return [a for a in anchors if a not in GENERIC_CLASSES]


def acronyms(anchors: Sequence[str]) -> set[str]:
    """Initials of the name's last words: "mesenchymal stem cell" gives "msc", "umbilical cord ..." "ucmsc"."""
    words = [a for a in anchors if a.isalpha()]
    found = set()
    for k in range(MIN_ACRONYM, len(words) + 2):
        tail = words[-k:] if k <= len(words) else words
        # the head noun ("cells") is often not an anchor: try with and without a trailing "c"
        initials = "".join(w[0] for w in tail)
        found.update({initials, initials + "c", initials + "s"})
    return {a for a in found if len(a) >= MIN_ACRONYM}


def anchors_match(anchors: Sequence[str], wanted: AbstractSet[str]) -> bool:
    for anchor in specific_anchors(anchors):
        if anchor in wanted:
            return True
        compact = anchor.replace("-", "")
        if compact in wanted or compact.rstrip("s") in wanted:
            return True
        if "-" in anchor and any(part.rstrip("s") in wanted for part in anchor.split("-") if len(part) >= 3):
            return True
    return False


def short_form_anchors(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The abbreviations the texts define ("mesenchymal stem cells (MSCs)"), as the anchor of each short form and
    the specific anchors of the long form it stands for."""
    return aliases_of(definitions_in(texts))


def aliases_of(definitions: dict[str, str]) -> dict[str, tuple[str, ...]]:
    aliases: dict[str, tuple[str, ...]] = {}
    for short, long in definitions.items():
        long_anchors = tuple(specific_anchors(name_anchors(long)))
        if not long_anchors:
            continue
        for anchor in specific_anchors(name_anchors(short)):
            if anchor not in long_anchors:
                aliases[anchor] = long_anchors
    return aliases


def long_forms_of(anchor: str, aliases: dict[str, tuple[str, ...]]) -> set[str]:
    """The anchors of the long form a chosen short form stands for; a short form that begins with a number ("2-CdA")
    is written without it too ("CdA")."""
    return {
        word
        for short, long_anchors in aliases.items()
        if short == anchor or (short[:1].isdigit() and short.partition("-")[2] == anchor)
        for word in long_anchors
    }


def short_forms_of(wanted: set[str], aliases: dict[str, tuple[str, ...]]) -> set[str]:
    return {short for short, long_anchors in aliases.items() if wanted.intersection(long_anchors)}


def comparator_short_forms(aliases: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The short forms whose long form names the comparator's arm: "usual care (UC)", "control group (CG)", "placebo
    group (PG)"."""
    return frozenset(short for short, long_anchors in aliases.items() if any(map(names_comparator, long_anchors)))
