"""The PICO reader names an intervention the word lists do not know (target_profile.py, treatments.py)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.pico import load_pico_tagger
from summarizer.engines.extractive.reading import annotate, reread_treatments
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.target_profile import profile_target
from summarizer.models import Statement, Target
from summarizer.pipeline import summarize

pytestmark = pytest.mark.skipif(load_pico_tagger() is None, reason="the PICO reader's weights are not installed")

# a trial of a device no word list names, written for this test
BLANKET = [
    "Insomnia severity was lower in patients randomised to the weighted blanket than in the control group "
    "(p = 0.002).",
    "Sleep onset latency was shorter under the weighted blanket than with the light plastic blanket "
    "(mean difference 9 minutes, 95% CI 3 to 15).",
    # (not "between the weighted blanket and control groups": an arm word joined to the control's names the arm
    # without the PICO reader, treatments.py)
    "Daytime fatigue did not differ between the two groups.",
]


def _brief(texts: list[str], pico_reader: bool = True):  # type: ignore[no-untyped-def]
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine(pico_reader=pico_reader))


def test_the_pico_reader_names_a_trial_arm_the_word_lists_do_not_know() -> None:
    brief = _brief(BLANKET)
    assert brief.target.intervention is not None
    assert brief.target.intervention.name == "weighted blanket"
    assert brief.efficacy.assessment != "insufficient_evidence"
    assert all("weighted blanket" in outcome.claim for outcome in brief.efficacy.outcomes)


def test_without_the_pico_reader_the_word_lists_find_none() -> None:
    assert _brief(BLANKET, pico_reader=False).target.intervention is None


def test_a_comparator_arm_is_never_the_learned_intervention() -> None:
    text = "Students using conventional stethoscopes scored lower than students using the electronic stethoscope."
    res = load_resources()
    tagger = load_pico_tagger()
    assert tagger is not None
    spans = [(span.start, span.end) for span in tagger.intervention_spans(text)]
    names = [m.name for m in reread_treatments(text, annotate(text, resources_=res), spans, res).mentions]
    assert not any("conventional" in name for name in names)


def test_intervention_spans_are_offsets_into_the_whole_text() -> None:
    tagger = load_pico_tagger()
    assert tagger is not None
    text = "Background words here. " + BLANKET[1]
    for span in tagger.intervention_spans(text):
        assert text[span.start : span.end] == span.text


def test_learned_names_need_the_frame_of_something_given() -> None:
    # a basic-science statement set: the reader may tag a protein as an "intervention", but nothing is given
    texts = [
        "Perilipin levels were higher in aged adipocytes than in young adipocytes (p < 0.01).",
        "Compared with wild-type cells, perilipin-deficient cells showed more lipid droplet fragmentation.",
        "Lipolysis was significantly greater in perilipin-deficient adipocytes.",
    ]
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    profile = profile_target(Target(), readings, res, texts=texts, pico=load_pico_tagger)
    assert profile.name is None


def _reread(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool, bool]]:
    res = load_resources()
    reading = reread_treatments(text, annotate(text, resources_=res), spans, res)
    return [(m.name, m.therapy_frame, m.reference_frame) for m in reading.mentions]


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_units_counted_and_adverbs_are_no_learned_names() -> None:
    text = "Of the 37 pharmacies in the intervention group, 17 pharmacies provided advice (p = 0.7)."
    assert "pharmacies" not in [name for name, _, _ in _reread(text, [_span(text, "17 pharmacies")])]
    text = "The incidence of delirium was reduced post-operatively in the intervention group (p = 0.02)."
    assert "post-operatively" not in [name for name, _, _ in _reread(text, [_span(text, "post-operatively")])]


def test_a_learned_name_in_a_list_compared_against_is_the_reference() -> None:
    text = ("Mortality was lower in patients with de-escalation (17%) than in those with no change in therapy "
            "(23.7%) or escalation (42.6%) (P = 0.001).")
    at = text.rindex("escalation (")
    mentions = _reread(text, [_span(text, "de-escalation"), (at, at + len("escalation"))])
    assert [(name, reference) for name, _, reference in mentions] == [("de-escalation", False), ("escalation", True)]


def test_a_learned_name_attributed_a_result_in_numbers_needs_fewer_statements() -> None:
    texts = [BLANKET[0], "Daytime fatigue was similar.", "Sleep hygiene advice was given to all patients."]
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    profile = profile_target(Target(), readings, res, texts=texts, pico=load_pico_tagger)
    # one statement of three attributes it a result, with a p-value: a learned name otherwise needs two
    assert profile.name == "weighted blanket"
    assert profile.statements == (0,)


def _names(text: str, *spans: str) -> list[str]:
    return [name for name, _, _ in _reread(text, [_span(text, words) for words in spans])]


def test_statistics_group_numerals_and_time_frames_are_no_learned_names() -> None:
    # sentences written for this test: the reader's span runs over a statistic, a group's numeral, a time frame
    text = "Mean satisfaction was 7.1 (SE 0.4) in the reminder arm and 6.2 (SE 0.5) in the other arm."
    assert not any(name.lower().startswith("se") for name in _names(text, "SE 0.4"))
    text = "Recovery was faster in group II than in group I (p = 0.03)."
    assert "II" not in _names(text, "II")
    text = "Pain scores before treatment did not differ, but pain after the splint was lower (p = 0.01)."
    assert not any("before" in name for name in _names(text, "Pain scores before treatment"))
    text = "Adherence was higher when coaching was added to the leaflet (p = 0.04)."
    assert not any(name.startswith(("when", "higher")) for name in _names(text, "higher when coaching"))


def test_a_participle_alone_or_a_verb_is_no_learned_name() -> None:
    text = "Those treated had fewer falls than those not treated (p = 0.02)."
    assert "treated" not in _names(text, "treated")
    text = "The printed reminder gave higher attendance than the phone call (p = 0.01)."
    assert not any("gave" in name or "higher" in name for name in _names(text, "printed reminder gave higher"))


def test_a_dosing_frequency_is_no_name() -> None:
    text = "Ulcer healing was faster with 20 mg bid than with placebo (p = 0.03)."
    assert "bid" not in _names(text, "bid")


def test_an_arm_is_not_named_across_a_closing_bracket() -> None:
    res = load_resources()
    text = "Scores did not differ (Table 2). Groups 1 and 2 improved, and the bright light (group 3) did most."
    names = [m.name for m in annotate(text, resources_=res).treatment.mentions]
    assert not any("2" in name or "table" in name.lower() for name in names)
    assert "bright light" in names


def test_a_pico_outcome_span_is_cut_to_the_outcomes_name() -> None:
    from summarizer.engines.extractive.learned_results import _span_name

    assert _span_name("addition, the median number of days") == "median number of days"
    assert _span_name("difference, which") == "difference"
    assert _span_name("ratio of") == "ratio"
    assert _span_name("forced expiratory spirogram;") == "forced expiratory spirogram"
    assert _span_name("improved both median relapse-free survival") == "median relapse-free survival"
    assert _span_name("sperm count, semen volume and sperm motility") == "sperm count, semen volume and sperm motility"
