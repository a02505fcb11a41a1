"""One harm's name in two spans: a modifier the tagger took alone and the name it modifies.

The tagger may take the first adjective of a name apart from the rest: "subacute" and "degeneration of the spinal
cord" of "subacute combined degeneration of the spinal cord", "painful" and "ulcer" of "a painful hand ulcer",
"painful" and "neutrophilic skin lesions" of "painful neutrophilic skin lesions"; the claim then lists the adjective
as a harm of its own ("Subacute and degeneration of the spinal cord"). An adjective names no harm; where the next
span follows it after a space or one word of the name between ("combined", "hand") and ends in a noun, the two are
one name, the adjective's. Not across a comma ("a rare, but often fatal, immunoallergic reaction": an aside; "became
tremulous, agitated": a list of what the patient became), a word of grammar ("hepatic and renal failure" is the list's
reader's, "fatal despite ...") or a word that says the harm's cause ("fatal dapsone-induced agranulocytosis": the
claim names the drug, the harm keeps its own name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.tagged_modifiers import LONE_ADJECTIVE_ENDINGS
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.whole_terms import CAUSE_WORD, is_degree_or_course

__all__ = ["joined_to_modified"]

# endings of an adjective: those of a word that names nothing alone, and "-ful" ("painful", "stressful")
_ADJECTIVE_ENDINGS = (*LONE_ADJECTIVE_ENDINGS, "ful")
# prefixes that leave a word of course an adjective of course ("subacute", "hyperacute")
_COURSE_PREFIXES = re.compile(r"(?:sub|hyper|per|non-?)")
# what may stand between the adjective and the name: a space, or one word of the name
_GAP = re.compile(r"(?:[ ]|[ ]([A-Za-z][A-Za-z\-]*)[ ])")
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
# words of grammar, which join two names or close one, never stand inside a name
_GRAMMAR = frozenset({
    "and", "or", "nor", "but", "of", "with", "without", "to", "in", "on", "at", "by", "for", "from", "as", "after",
    "before", "during", "following", "despite", "than", "the", "a", "an", "was", "were", "is", "are", "be", "been",
    "had", "has", "have", "which", "that", "who", "not", "no", "into", "over", "under", "while", "when", "including",
    "like", "such", "its", "their", "his", "her", "this", "these", "both", "either",
})


def _is_adjective(word: str) -> bool:
    """Whether a word is an adjective that names no harm alone ("hepatic", "painful", "subacute", "fatal")."""
    low = word.lower()
    if low.endswith(_ADJECTIVE_ENDINGS) or is_degree_or_course(low):
        return True
    prefix = _COURSE_PREFIXES.match(low)
    return prefix is not None and is_degree_or_course(low[prefix.end() :])


def _only_adjectives(text: str, span: Span) -> bool:
    words = _WORD.findall(text, span[0], span[1])
    return bool(words) and all(_is_adjective(word) for word in words)


def _ends_in_a_noun(text: str, span: Span) -> bool:
    """Whether a span's last word may head a name: no adjective nor participle ("agitated")."""
    words = _WORD.findall(text, span[0], span[1])
    return bool(words) and not (_is_adjective(words[-1]) or words[-1].lower().endswith("ed"))


def _gap_joins(text: str, first: Span, second: Span) -> bool:
    """Whether the text between two spans keeps them one name: a space, or one word of a name."""
    gap = _GAP.fullmatch(text, first[1], second[0])
    if gap is None:
        return False
    word = gap.group(1)
    return word is None or (word.lower() not in _GRAMMAR and CAUSE_WORD.fullmatch(word.lower()) is None)


def joined_to_modified(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans in their order, each span of adjectives alone joined to the span right after it that it modifies
    ("subacute" + "degeneration of the spinal cord": "subacute combined degeneration of the spinal cord", at the
    first's place)."""
    if len(spans) < 2:
        return list(spans)
    ordered = sorted(set(spans))
    joined: dict[Span, Span] = {}
    modified: set[Span] = set()
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first in modified or first[1] >= second[0] or second[0] - first[1] > 40:
            continue
        if _only_adjectives(text, first) and _ends_in_a_noun(text, second) and _gap_joins(text, first, second):
            joined[first] = (first[0], second[1])
            modified.add(second)
    if not joined:
        return list(spans)
    return [joined.get(span, span) for span in spans if span not in modified]
