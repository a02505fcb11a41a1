"""The s44 speed changes give the same results as before: the tagger pair's side-by-side tables score a word as each
tagger scores it alone; a case report's drug is counted, and refused where its statements cite works, whichever
order the two are looked at in; a statement's citations counted once serve every later reader. The sentences and
the weights are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.citations import count_citations
from summarizer.engines.extractive.caused_drug import CITED_SHARE, caused_counts
from summarizer.engines.extractive.linear import UNTAGGABLE_SCORE, TaggerPair, TokenTagger, letter_pieces, taggable
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources

# pieces and words in one tagger only, in both, weights of either sign, context weights on either side
_DRUG = TokenTagger(-2.25, {
    "C:<ox": 1.5, "C:ine>": 0.75, "C:mab>": 2.0, "C:<ri": -0.375, "W:oxaline": 0.5,
    "L:given": 1.25, "R:tablets": 0.625, "L:<s>": -0.125, "R:</s>": 0.25,
})
_EFFECT = TokenTagger(-1.75, {
    "C:<ox": -0.5, "C:itis>": 2.5, "C:rash": 1.0, "C:ine>": 0.125, "W:dermatitis": 0.25,
    "L:severe": 0.875, "R:tablets": -0.25,
})
_WORDS = ["oxaline", "dermatitis", "rituximab", "rash", "given", "tablets", "severe", "of", "12", "zzzz", "oxitis"]


def _alone(tagger: TokenTagger, tok: str) -> float:
    return tagger.score_of_pieces(tok, letter_pieces(tok)) if taggable(tok) else UNTAGGABLE_SCORE


@pytest.mark.parametrize("tok", _WORDS)
def test_the_pair_scores_a_word_as_each_tagger_alone(tok: str) -> None:
    pair = TaggerPair(_DRUG, _EFFECT)
    expected = (
        _alone(_DRUG, tok), _alone(_EFFECT, tok), _DRUG.left.get(tok, 0.0), _EFFECT.left.get(tok, 0.0),
        _DRUG.right.get(tok, 0.0), _EFFECT.right.get(tok, 0.0),
    )
    assert pair.values(tok) == expected


def test_the_pair_scores_words_of_real_taggers_bit_for_bit() -> None:
    res = load_resources()
    assert res.taggers is not None
    drug, effect = res.taggers.drug, res.taggers.effect
    for tok in ["methotrexate", "hepatotoxicity", "the", "nausea", "x", "2019", "pneumonitis", "qwxzv"]:
        own = res.taggers.values(tok)[:2]
        assert own == (drug.own_scores[tok], effect.own_scores[tok])


def test_a_word_no_tagger_knows_scores_the_bias() -> None:
    assert TaggerPair(_DRUG, _EFFECT).values("qqqq")[:2] == (_DRUG.bias, _EFFECT.bias)


_HARM = "Three days after the first dose of carbamazepine, the woman developed a widespread erythematous rash."
_PLAIN = [
    "She was admitted to a regional hospital in the winter.",
    "Her temperature was normal on arrival.",
    "She had two children and worked as a teacher.",
    "Routine blood counts were taken each morning.",
    "She went home after a week.",
]


def _counts(texts: list[str]) -> dict[str, int]:
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    return dict(caused_counts(readings, texts, res, "case_report"))


def test_a_report_that_cites_few_works_counts_its_drug() -> None:
    assert _counts([_HARM, *_PLAIN]) == {"carbamazepine": 1}


def test_statements_that_mostly_cite_works_count_no_drug() -> None:
    cited = [f"{text[:-1]} [{i}]." for i, text in enumerate(_PLAIN, start=1)]
    assert sum(count_citations(text) > 0 for text in cited) > CITED_SHARE * (len(cited) + 1)
    assert _counts([_HARM, *cited]) == {}


def test_statements_with_no_harm_count_no_drug() -> None:
    assert _counts(_PLAIN) == {}


def test_a_texts_citations_are_counted_once() -> None:
    text = "Two earlier series reported the same finding in older adults [14, 15]."
    first = count_citations(text)
    hits = count_citations.cache_info().hits
    assert count_citations(text) == first == 2
    assert count_citations.cache_info().hits == hits + 1
