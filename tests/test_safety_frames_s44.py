"""The safety frames of citing sentences (issue 23, s44-citing): "without increasing X" says X did not increase, a
harm by its general name that its clause calls slight is no concern, and a safety judged good reassures. The
sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.events import slight_harm
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.reading import annotate


def _changes(text: str) -> dict[str, str]:
    return {m.outcome: m.change for m in find_outcomes(text)}


def test_without_a_verb_of_change_denies_the_change() -> None:
    changes = _changes("Adding ketamine shortened recovery in the trial without increasing the rate of nausea [ 7] .")
    assert changes.get("rate of nausea") == "no_difference"
    changes = _changes("The new splint eased pain without significantly reducing grip strength in 40 adults [ 7] .")
    assert changes.get("grip strength") == "no_difference"


def test_with_or_without_is_no_denial() -> None:
    # "with or without" says which patients or arms, not that a change failed to happen
    changes = _changes("Patients with or without increasing doses of steroid showed reduced joint swelling [ 7] .")
    assert changes.get("doses of steroid") != "no_difference"
    # a plain change stays a change
    assert _changes("Ketamine increased the rate of nausea in the trial [ 7] .").get("rate of nausea") == "increased"


def test_without_increasing_adverse_effects_reassures() -> None:
    reading = annotate("Oral ketamine increased total sleep time compared with placebo without increasing any adverse "
                       "effects [ 7] .")
    assert reading.safety_signal == "reassuring"
    assert not reading.adverse_events
    assert [(m.outcome, m.change) for m in reading.safety_outcomes] == [("adverse effects", "no_difference")]
    # a harm that did increase stays a concern
    reading = annotate("Oral ketamine increased total sleep time compared with placebo and increased adverse effects "
                       "[ 7] .")
    assert reading.safety_signal == "concern"


def test_a_negated_list_after_a_verb_of_raising_names_the_harm() -> None:
    reading = annotate("Oral ketamine prolonged sleep in the trial without increasing adverse events in the "
                       "mothers [ 7] .")
    assert reading.absent_events == ("adverse events",)


def test_general_harms_called_slight_by_their_clause() -> None:
    sentence = "Side effects of the cream were generally well tolerated, and no child stopped treatment."
    assert slight_harm(sentence, "Side effects")
    sentence = "Toxicities reported with the regimen are usually transient or well tolerated."
    assert slight_harm(sentence, "Toxicities")
    assert slight_harm("Toxicity of the new regimen was minimal.", "Toxicity")


def test_general_harms_not_called_slight() -> None:
    # a count of those who had them, a range that reaches severe harm, a predicate of something else
    assert not slight_harm("Adverse events were well tolerated in 14 of the 30 women given the cream.",
                           "Adverse events")
    # harms called only mild or transient were still had (a concern, described so)
    assert not slight_harm("Adverse events were mild to severe with the cream.", "Adverse events")
    assert not slight_harm("Side effects of the cream were mild and transient.", "Side effects")
    assert not slight_harm("Adverse events were frequent, and the rash was mild.", "Adverse events")


def test_a_safety_judged_good_reassures() -> None:
    reading = annotate("Aspirin remains the most used antiplatelet drug in older adults, with its proven safety [ 7] .")
    assert reading.safety_signal == "reassuring"
    reading = annotate("Its safety profile is generally good in adults given metformin for a year [ 7] .")
    assert reading.safety_signal == "reassuring"


def test_a_safety_judged_otherwise_does_not_reassure() -> None:
    reading = annotate("There were high safety concerns about the use of aspirin in older adults [ 7] .")
    assert reading.safety_signal != "reassuring"


def test_a_lone_modifier_the_tagger_took_names_the_event_with_its_noun() -> None:
    from summarizer.engines.extractive.fallback_events import _through_to_noun
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.scan import Scan

    def extended(text: str, word: str) -> str:
        scan = Scan(text, load_resources())
        start = text.index(word)
        end = _through_to_noun(scan, (start, start + len(word)))[1]
        return text[start:end]

    assert extended("A woman given naproxen for a year developed papillary necrosis.", "papillary") == (
        "papillary necrosis")
    assert extended("Sertraline gave acute adverse effects in two women.", "acute") == "acute adverse effects"
    assert extended("Chronic myeloid leukemia developed after ten years of busulfan.", "Chronic") == (
        "Chronic myeloid leukemia")
    # a head stays as it was; a verb or a function word ends the reach
    assert extended("A severe rash developed after busulfan.", "rash") == "rash"
    assert extended("The reaction was acute and resolved after stopping busulfan.", "acute") == "acute"
    # a noun that is no harm's head is not taken
    assert extended("The dose of busulfan took account of ventricular size in each child.", "ventricular") == (
        "ventricular")
