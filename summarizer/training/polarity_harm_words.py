"""The case reports' harm words for the rule of how often a harm happens (harm_measures.py; data/harm_words.json).

A harm word is a condition the ADE corpus (Gurulingappa et al. 2012; `ade/dev.jsonl`) marks, alone, as a drug's
adverse effect ("delirium", "urticaria", "sedation"): the whole span, once the drug's words and the edge function
words are taken off (polarity_ade.harm_name, which also leaves out a span that names a change of a measure:
"hearing loss", "decreased heart rate"), is one word. Only TRAIN case reports count
(summarizer.evaluation.is_heldout(pmid) is False; the caller filters), and a word must be so named in at least
MIN_DOCUMENTS of them (a word one report names alone is as likely its own shorthand) and be MIN_LETTERS letters long
(short ones are abbreviations: "ten", "ss"). Each word's other spelling is added (British "oedema" for "edema":
spelling_variants).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from summarizer.engines.extractive.spelling_variants import other_spellings
from summarizer.training.polarity_ade import harm_name

MIN_DOCUMENTS = 2
MIN_LETTERS = 4


def harm_words(rows: Sequence[tuple[str, list[str], list[str]]], min_documents: int = MIN_DOCUMENTS) -> list[str]:
    """The one-word harm names of these (pmid, effect spans, drug names) rows that at least min_documents of the
    rows' documents name, sorted."""
    documents: dict[str, set[str]] = defaultdict(set)
    for pmid, effects, drugs in rows:
        for span in effects:
            name = harm_name(span, drugs)
            if name is not None and " " not in name and len(name) >= MIN_LETTERS and name.isalpha():
                documents[name].add(pmid)
    named = {word for word, pmids in documents.items() if len(pmids) >= min_documents}
    # the reports write one spelling of a word (mostly American): the brief reads the other too
    return sorted(named | {other for word in named for other in other_spellings(word)})


def harm_words_data(words: Sequence[str], source: str) -> dict[str, object]:
    """harm_words.json's contents."""
    return {"source": source, "min_documents": MIN_DOCUMENTS, "min_letters": MIN_LETTERS, "words": list(words)}
