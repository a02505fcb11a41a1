"""The words between two arms of a comparison, never a word of a name: "versus" as writers spell it, and "over".

Citing papers are typed in a hurry, and "versus" comes out as "vesus", "verus", "versos", "vresus": one letter left
out, added, changed or two swapped. A name reader that takes the word before a treatment's name as its modifier then
reads "vesus prophylaxis" as a name. A word of five to seven letters that begins with "v" and is one edit (a letter
dropped, added or changed, or two neighbours swapped) from "versus" is that word ("verses", one edit away, is too,
before a treatment's name; "venus", "version", "virus" are two edits or more away).

"Over" sets one arm against another as "versus" does ("the superiority of X over placebo", "a preference for X over
Y"); a treatment's name never holds it as a word of its own (a hyphen joins "over-the-counter").
"""

from __future__ import annotations

__all__ = ["is_comparison_boundary", "misspelt_versus"]

_VERSUS = "versus"


def is_comparison_boundary(word: str) -> bool:
    """Whether a lower-cased word stands between two arms and so ends a name: "over", or "versus" misspelt."""
    return word == "over" or (word[:1] == "v" and misspelt_versus(word))


def misspelt_versus(word: str) -> bool:
    """Whether a lower-cased word is "versus" with one edit: a letter dropped, added or changed, or two neighbouring
    letters swapped ("vesus", "verus", "versuss", "vresus"); not "versus" itself, nor "vs"."""
    if not 5 <= len(word) <= 7 or word[0] != "v" or word == _VERSUS:
        return False
    return _one_edit(word, _VERSUS)


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
