"""s48-harmnames: a harm's name the fallback reader cut after a classifying word is taken whole from the lexicon's
name that holds it, never with a leading word of degree, course, hedge or cause. Sentences written for these
tests."""

from __future__ import annotations

from summarizer.engines.extractive.event_hedges import is_hedge_word
from summarizer.engines.extractive.fallback_events import fallback_event_spans
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.whole_terms import whole_term_span


def _whole(text: str, part: str) -> str:
    """The name whole_term_span gives for the first occurrence of `part` in `text`."""
    scan = Scan(text, load_resources())
    start = text.index(part)
    a, b = whole_term_span(scan, (start, start + len(part)))
    return text[a:b]


def test_a_classifying_adjective_cut_off_is_taken_back() -> None:
    text = "Endoscopy in the third week showed a colonic ulcer near the splenic flexure."
    assert _whole(text, "ulcer") == "colonic ulcer"


def test_an_organ_adjective_before_a_head_noun_is_taken_back() -> None:
    text = "Her hepatic impairment was noted a month into the course of the new antifungal."
    assert _whole(text, "impairment") == "hepatic impairment"


def test_a_drug_before_the_harm_is_not_taken_in() -> None:
    text = "The boy was admitted with lithium toxicity after taking his mother's tablets."
    assert _whole(text, "toxicity") == "toxicity"


def test_a_word_of_course_is_not_taken_in() -> None:
    text = "She had prolonged hypoglycemia for two days after the sulfonylurea was added."
    assert _whole(text, "hypoglycemia") == "hypoglycemia"


def test_a_word_of_degree_is_left_out_but_the_classifying_word_kept() -> None:
    text = "A severe hepatitis followed within weeks of the first infusion."
    assert _whole(text, "hepatitis") == "hepatitis"


def test_a_word_that_joins_two_names_is_not_taken_in() -> None:
    text = "A chest film then showed pulmonary infiltrates with eosinophilia on the blood count."
    assert _whole(text, "eosinophilia") == "eosinophilia"


def test_a_name_the_lexicon_does_not_hold_is_left() -> None:
    text = "He then reported a strange ulcer under the tongue."
    assert _whole(text, "ulcer") == "ulcer"


def test_a_span_never_grows_to_its_right_nor_moves_right() -> None:
    text = "A colonic ulcer was seen."
    assert _whole(text, "colonic ulcer") == "colonic ulcer"


def test_hedge_words_are_known_by_their_word() -> None:
    assert is_hedge_word("suspected") and is_hedge_word("possible")
    assert not is_hedge_word("pulmonary") and not is_hedge_word("possibly-related")


def _fallback_names(text: str) -> list[str]:
    scan = Scan(text, load_resources())
    return [text[a:b] for a, b in fallback_event_spans(scan, [])]


def test_the_fallback_names_the_harm_whole() -> None:
    assert _fallback_names("Endoscopy in the third week showed a colonic ulcer near the splenic flexure.") == [
        "colonic ulcer"
    ]


def test_the_fallback_leaves_a_drugs_toxicity_to_the_claim() -> None:
    assert _fallback_names("The boy was admitted with lithium toxicity after taking his mother's tablets.") == [
        "toxicity"
    ]
