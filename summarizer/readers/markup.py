"""Markup in text fields to plain text: scite snippets and titles carry tags such as
<cite data-doi="10.1038/mtna.2011.5"> 2 </cite> and <strong class="highlight">CRISPR</strong>, and HTML entities
(&gt;). The statement text is the plain text, so quotes are checked against what a reader sees."""

from __future__ import annotations

import html
import re

# A start, end or empty tag: a letter after "<" (so "a < b" and "<5 mg" stay text), no "<" or ">" inside.
# One pass, no nested quantifiers: each "<" starts at most one scan, which stops at the next "<" or ">".
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CITE = re.compile(r"<cite\b([^<>]*)>([^<]*)</cite>", re.IGNORECASE)
_DATA_DOI = re.compile(r"""\bdata-doi\s*=\s*["']([^"'<>]*)["']""", re.IGNORECASE)
_RESOLVER = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def has_markup(text: str) -> bool:
    """Tell whether the text holds a tag or an HTML entity."""
    return bool(_TAG.search(text) or _ENTITY.search(text))


def plain_text(text: str) -> str:
    """Drop the tags and resolve the HTML entities of a text field."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def cite_markers(text: str, doi: str) -> list[str]:
    """The printed text of each <cite data-doi="..."> element of a snippet that cites `doi` (case aside), as plain
    text, in order and once each: the cited work's own markers."""
    if "<" not in text:
        return []
    wanted = _RESOLVER.sub("", doi.strip()).lower()
    found = []
    for match in _CITE.finditer(text):
        cited = _DATA_DOI.search(match.group(1))
        marker = " ".join(plain_text(match.group(2)).split())
        if cited is not None and _RESOLVER.sub("", cited.group(1).strip()).lower() == wanted and marker:
            found.append(marker)
    return list(dict.fromkeys(found))
