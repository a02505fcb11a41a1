"""Markup in text fields to plain text: scite snippets and titles carry tags such as
<cite data-doi="10.1038/mtna.2011.5"> 2 </cite> and <strong class="highlight">CRISPR</strong>, and HTML entities
(&gt;). The statement text is the plain text, so quotes are checked against what a reader sees."""

from __future__ import annotations

import html
import re

# A start, end or empty tag: a letter after "<" (so "a < b" and "<5 mg" stay text), no "<" or ">" inside.
# One pass, no nested quantifiers: each "<" starts at most one scan, which stops at the next "<" or ">".
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
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
