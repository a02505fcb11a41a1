"""Abbreviations defined in a text, and the long forms they stand for.

Authors define an abbreviation once, as "long form (SHORT)" ("mesenchymal stem cells (MSCs)", "low molecular
weight heparin (LMWH)"), and then use the short form alone. Linking the two lets the statements of one target that
say "MSCs" and those that say "mesenchymal stem cells" count for the same intervention.

The matching follows the algorithm of Schwartz and Hearst ("A simple algorithm for identifying abbreviation
definitions in biomedical text", Pacific Symposium on Biocomputing 2003): a short form in parentheses after its long
form; the short form's letters and digits are found in the long form from right to left, its first character at
the start of a word of the long form; the long form has at most min(|short| + 5, 2 * |short|) words.
Schwartz and Hearst read the other order too, "SHORT (long form)", when the parenthesis holds no short form
("2-CdA (2-chloro-deoxyadenosine)"): the word before it is the short form when it has a capital, and the long form
is the parenthesis, matched from its first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# a parenthesised candidate short form: 2-10 characters, one or two words, beginning with a letter or digit
_PARENTHESISED = re.compile(r"\(\s*([A-Za-z0-9][^()\s;,]{0,9}(?:\s[^()\s;,]{1,9})?)\s*\)")
_WORD = re.compile(r"\S+")
# a parenthesised long form after its short form: 10 to 80 characters, up to 8 words
_LONG_MIN, _LONG_MAX, _LONG_WORDS = 10, 80, 8
_SHORT_PUNCT = ".,;:\"'"
# where a long form cannot reach back past: the end of a clause or an earlier parenthesis
_BOUNDARY = re.compile(r"[.;:!?()\[\]]")


@dataclass(frozen=True)
class Definition:
    """A short form defined in a text, the long form it stands for, and where the long form starts and ends."""

    short: str
    long: str
    start: int
    end: int


def _is_short_form(candidate: str) -> bool:
    letters = sum(c.isalpha() for c in candidate)
    return 2 <= len(candidate) <= 10 and letters >= 1 and candidate[0].isalnum()


def _match_start(short: str, long: str) -> int | None:
    """Where in `long` the long form begins, or None: each letter or digit of the short form found from right to
    left, the first one at the start of a word."""
    s, at = len(short) - 1, len(long) - 1
    while s >= 0:
        wanted = short[s].lower()
        if not wanted.isalnum():
            s -= 1
            continue
        while at >= 0 and (
            long[at].lower() != wanted or (s == 0 and at > 0 and long[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return None
        s -= 1
        at -= 1
    return at + 1


def find_definitions(text: str) -> list[Definition]:
    """The abbreviations defined in a text as "long form (SHORT)" or "SHORT (long form)", in order of appearance."""
    found = []
    for match in _PARENTHESISED.finditer(text):
        short = match.group(1).strip()
        if not _is_short_form(short):
            continue
        before = text[: match.start()]
        boundaries = list(_BOUNDARY.finditer(before))
        window_start = boundaries[-1].end() if boundaries else 0
        words = list(_WORD.finditer(before, window_start))
        limit = min(len(short) + 5, 2 * len(short))
        words = words[-limit:]
        if not words:
            continue
        window = before[words[0].start() : words[-1].end()]
        start = _match_start(short, window)
        if start is None:
            continue
        long_start = words[0].start() + start
        long_form = text[long_start : words[-1].end()].strip()
        if len(long_form) <= len(short) or short.lower() in long_form.lower().split():
            continue  # no long form, or one that holds the short form itself ("IMZ implants (IMZ)")
        found.append(Definition(short=short, long=long_form, start=long_start, end=words[-1].end()))
    if len(found) < text.count("("):
        found.extend(_short_first(text, {d.start for d in found}))
        found.sort(key=lambda d: d.start)
    return found


def _short_first(text: str, taken: set[int]) -> list[Definition]:
    """The abbreviations defined as "SHORT (long form)": a parenthesis that holds no short form, after a word with a
    capital whose letters and digits the parenthesis holds in order from its first character."""
    found = []
    at = text.find("(")
    while at > 0:
        close = text.find(")", at)
        if close < 0:
            break
        inner_start = at + 1
        long_form = text[inner_start:close].strip()
        before = text[:at].rstrip()
        short = before[before.rfind(" ") + 1 :].strip(_SHORT_PUNCT)
        # cheap checks first: the long form's first character is the short form's, and the short form has a capital
        if (
            _LONG_MIN <= len(long_form) <= _LONG_MAX and short and long_form[0].lower() == short[0].lower()
            and "(" not in long_form and any(c.isupper() for c in short) and _is_short_form(short)
            and not _is_short_form(long_form) and len(long_form.split()) <= _LONG_WORDS
            and _match_start(short, long_form) == 0 and short.lower() not in long_form.lower().split()
        ):
            start = text.index(long_form, inner_start)
            if start not in taken:
                found.append(Definition(short=short, long=long_form, start=start, end=start + len(long_form)))
        at = text.find("(", at + 1)
    return found


def definitions_in(texts: Iterable[str]) -> dict[str, str]:
    """The long form each short form stands for across texts (keyed by the lower-cased short form, a plural's "s"
    dropped: "MSCs" and "MSC" are one); the long form met most often wins, the first on a tie."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        if "(" not in text:
            continue
        for definition in find_definitions(text):
            key = short_key(definition.short)
            forms = counts.setdefault(key, {})
            forms[definition.long] = forms.get(definition.long, 0) + 1
    return {key: max(forms, key=forms.__getitem__) for key, forms in counts.items()}


def singular_short(short: str) -> str:
    """A short form without a plural's final "s" after a capital ("MSCs" is "MSC"), in its own case."""
    return short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short


def short_key(short: str) -> str:
    """A short form as a key: lower-cased, a plural's final "s" after a capital dropped ("MSCs" is "msc")."""
    return singular_short(short).lower()
