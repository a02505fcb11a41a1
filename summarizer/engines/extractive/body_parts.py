"""Parts of the body: alone, the place where a harm happened, never the harm.

The tagger may read only the organ of a harm named with "of" ("perforation of the bladder" read "bladder") or
the first word of a compound ("skin cancers" read "skin"); a brief then lists "Bladder reported with D". A lone part
of the body after "of" is the complement of the noun before it, which names the harm ("rupture of the spleen"); a
lone part of the body anywhere else names no harm at all.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.tokenise import word_set as _words

__all__ = ["BODY_PARTS", "with_its_head"]

BODY_PARTS = _words(
    "skin bladder liver kidney kidneys heart lung lungs brain bowel bowels colon stomach eye eyes pancreas "
    "spleen bone bones blood muscle muscles nerve nerves uterus vessel vessels artery arteries vein veins retina "
    "cornea esophagus oesophagus intestine intestines rectum gallbladder thyroid prostate breast breasts ovary "
    "ovaries testis testes tongue mouth lip lips gum gums tooth teeth nail nails hair scalp face hand hands foot "
    "feet leg legs arm arms joint joints spine cartilage tendon tendons marrow"
)
# the noun that "of" follows, and "of" with the words of the organ's phrase before it ("of the urinary bladder")
_HEAD_BEFORE = re.compile(
    r"\b([A-Za-z]{4,})[ \t]+of[ \t]+(?:(?:the|both|his|her|their|a|an)[ \t]+)?(?:[A-Za-z\-]+[ \t]+)?$"
)
# words before "of" that say where or how much, not what happened ("part of the liver", "both sides of the face")
_NO_HEAD = _words(
    "part parts side sides area areas region regions portion portions half most some none each much many all "
    "both level levels surface surfaces wall walls"
)
_REACH = 60


def with_its_head(text: str, span: Span) -> Span:
    """The span of a lone part of the body widened to the noun whose complement it is ("perforation of the bladder");
    any other span as it is."""
    start, end = span
    if text[start:end].strip().lower() not in BODY_PARTS:
        return span
    head = _HEAD_BEFORE.search(text, max(0, start - _REACH), start)
    if head is None:
        return span
    word = head.group(1).lower()
    if word in _NO_HEAD or word.endswith(("ed", "ly", "ing")):
        return span
    return (head.start(1), end)
