"""s48-harmnames: a harm's name the fallback reader cut after a classifying word is taken whole from the lexicon's
name that holds it, never with a leading word of degree, course, hedge or cause. Sentences written for these
tests."""

from __future__ import annotations

from summarizer.engines.extractive.event_hedges import is_hedge_word
from summarizer.engines.extractive.fallback_events import fallback_event_spans
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.engines.extractive.peoples_condition import names_the_peoples_condition
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


# --- the filters that read the whole name: whom the sentence is about, a history suggestive of a disease

def _at(text: str, name: str) -> tuple[str, int, int]:
    start = text.index(name)
    return text, start, start + len(name)


def test_a_sentence_opening_on_the_people_with_a_disease_names_their_condition() -> None:
    text = "In patients with chronic asthma, the new inhaler may cause hoarseness."
    assert names_the_peoples_condition(*_at(text, "asthma"))


def test_a_name_after_the_opening_phrase_is_no_condition_of_the_people() -> None:
    text = "In patients with chronic asthma, the new inhaler may cause hoarseness."
    assert not names_the_peoples_condition(*_at(text, "hoarseness"))


def test_people_not_named_with_their_disease_frame_nothing() -> None:
    text = "In patients treated with the inhaler, asthma attacks became more frequent."
    assert not names_the_peoples_condition(*_at(text, "asthma attacks"))


def test_a_history_suggestive_of_a_disease_names_the_indication() -> None:
    text = "Three women had histories suggestive of a seizure disorder and then developed a rash on the new drug."
    assert names_the_indication(*_at(text, "seizure disorder"))


def test_a_disease_after_a_history_of_something_else_is_an_event() -> None:
    text = "Three women had histories of long travel and then developed a seizure disorder on the new drug."
    assert not names_the_indication(*_at(text, "seizure disorder"))


def test_a_name_that_says_its_cause_in_the_opening_phrase_is_an_event() -> None:
    text = "In patients with inhaler-induced hoarseness, speech therapy may help."
    assert not names_the_peoples_condition(*_at(text, "hoarseness"))
