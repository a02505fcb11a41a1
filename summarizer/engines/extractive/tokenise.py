"""Words, word pairs and sentences of a statement, as every part of the extractive reading sees them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.per_word import shared_table


def word_set(text: str) -> frozenset[str]:
    """The words of a list written as one string ("placebo control sham"): how the word lists are written."""
    return frozenset(text.split())

Span = tuple[int, int]

TOKEN = re.compile(r"[a-z][a-z\-']*[a-z]|[a-z]|\d+(?:\.\d+)?|[<>=≤≥%]")
_SENTENCE_END = re.compile(r"(?<=[\.\?!])\s+(?=[A-Z\[\(0-9])")
# a full stop after these ends an abbreviation, not a sentence: "vs. 5", "et al. (2019)", "C. elegans", "Fig. 2"
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:vs|e\.g|i\.e|al|fig|figs|cf|approx|ref|refs|no|nos|dr|mr|mrs|ms|prof|st|eq|vol|ca|resp|incl|sp|spp|"
    r"viz|var|ed|eds|suppl|sect|ch)|(?<![A-Za-z])[A-Za-z])\.$",
    re.IGNORECASE,
)
_ABBREVIATION_CHARS = 8
# how many letters a short form in capitals has
_SHORT_FORM_LETTERS = (2, 5)
# a decimal point printed as a middle dot, between two digits
_MIDDOT_DECIMAL = re.compile(r"(?<=\d)·(?=\d)")
# words that say nothing of what a phrase names
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "over", "and", "or", "its",
    "their", "this", "that", "these", "those", "than", "as", "all", "any", "each",
})


def lower_same_length(text: str) -> str:
    """The text in lower case, keeping characters whose lower case is longer (so offsets carry over), and with a
    decimal point written as a middle dot ("0·54", "p<0·0001", as some journals print it) made a full stop."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if "·" in lowered:
        lowered = _MIDDOT_DECIMAL.sub(".", lowered)
    return lowered


def tokens(text: str) -> list[str]:
    """The lower-cased words and numbers of a text."""
    return TOKEN.findall(lower_same_length(text))


def ngram_features(tokens: Sequence[str]) -> list[str]:
    """The words (numbers folded to <n>) and adjacent word pairs ("a_b")."""
    return word_ngrams(list(map(fold_number.__getitem__, tokens)))


def word_ngrams(words: list[str]) -> list[str]:
    """The words, numbers folded already, and adjacent word pairs ("a_b")."""
    feats = list(words)
    feats.extend(map("_".join, zip(words, words[1:], strict=False)))
    return feats


@shared_table
def fold_number(tok: str) -> str:
    return "<n>" if tok[0].isdigit() else tok


def split_sentences(text: str) -> list[Span]:
    """Character spans of the sentences in a statement (exact slices of the text)."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if _ABBREVIATION_BEFORE.search(text, max(0, end - _ABBREVIATION_CHARS), end):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans or [(0, len(text))]


def written_as_short_form(text: str, starts: Sequence[int], ends: Sequence[int], i: int) -> bool:
    """Whether word i is written in capitals among words that are not ("the IS strategy group", "in the AT arm"): a
    short form, though its letters spell an English word that the lower-cased tokens read as that word. Not where a
    word beside it is in capitals too ("AS WELL AS", a title in capitals), nor where it stands alone."""
    if not _in_capitals(text[starts[i] : ends[i]]):
        return False
    neighbours = [k for k in (i - 1, i + 1) if 0 <= k < len(starts)]
    return bool(neighbours) and not any(_has_capitals_only(text[starts[k] : ends[k]]) for k in neighbours)


def _in_capitals(word: str) -> bool:
    return _SHORT_FORM_LETTERS[0] <= len(word) <= _SHORT_FORM_LETTERS[1] and word.isalpha() and word.isupper()


def _has_capitals_only(word: str) -> bool:
    """A word with letters and no lower-case letter ("WELL", "HbA1c" is not, "IP" is)."""
    return word.upper() == word and any(c.isalpha() for c in word)


def occurrences(text: str, name: str) -> list[int]:
    """Where a name stands in a text, left to right without overlaps (as re.finditer would find it, with no
    pattern to compile for each name)."""
    found = []
    start = text.find(name)
    while start != -1:
        found.append(start)
        start = text.find(name, start + max(1, len(name)))
    return found
