"""Trial arms among the names the PICO reader reads (learned_arms.py, learned_names.py), the comparator's short forms
(treatment_names.COMPARATOR_INITIALS, short_forms.comparator_short_forms) and how the profile breaks a tie between
equally attributed names (target_profile._chosen_anchor). Sentences written for these tests; the PICO reader is the
fixture of tests/fake_pico.py."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.learned_names import arm_in_outcome
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.short_forms import comparator_short_forms
from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatment_names import names_comparator
from summarizer.engines.extractive.treatments import treatment_mentions


def _learned_frames(text: str, *names: str) -> dict[str, bool]:
    spans: list[Span] = [(text.index(name), text.index(name) + len(name)) for name in names]
    return {m.name: m.therapy_frame for m in treatment_mentions(Scan(text, Resources()), learned=spans)}


def _at(text: str, name: str) -> tuple[int, int]:
    return text.index(name), text.index(name) + len(name)


def test_two_short_forms_in_the_same_arm_place_of_a_tested_sentence_are_arms() -> None:
    text = "Weight fell by 2.1 kg in the KLD (P = 0.01) and by 0.4 kg in the RMD (P = 0.40)."
    assert _learned_frames(text, "KLD", "RMD") == {"KLD": True, "RMD": True}
    joined = "Sleep latency did not differ in the KLD or the RMD (P = 0.62)."
    assert _learned_frames(joined, "KLD", "RMD") == {"KLD": True, "RMD": True}


def test_a_short_form_in_the_place_of_the_control_group_is_an_arm() -> None:
    text = "Pain scores fell in the TXB-2 group (P < 0.01) but not in the control group (P = 0.51)."
    assert _learned_frames(text, "TXB-2") == {"TXB-2": True}


def test_no_arms_without_a_tested_result_or_with_names_in_lower_case() -> None:
    untested = "Weight fell by 2.1 kg in the KLD and by 0.4 kg in the RMD."
    assert _learned_frames(untested, "KLD", "RMD") == {"KLD": False, "RMD": False}
    # what was measured is as often after "in": "in house dust", "in soil"
    measured = "Residues fell in house dust (P = 0.03) and in garden soil (P = 0.04)."
    assert not any(_learned_frames(measured, "house dust", "garden soil").values())


def test_a_span_inside_an_outcome_after_an_arm_preposition_is_the_arm_set_against_another() -> None:
    text = "the recovery time for the z-valve (12 min) was shorter than for the w-valve (15 min) (p = 0.01)."
    z, w = _at(text, "z-valve"), _at(text, "w-valve")
    assert arm_in_outcome(text, (0, z[1]), z, [z, w])
    needed = "the need for cpap was the same in both groups (p = 0.40)."
    cpap = _at(needed, "cpap")
    assert not arm_in_outcome(needed, (0, cpap[1]), cpap, [cpap])
    # a span at the outcome's start is the outcome, unless the outcome is the span and set against another
    assert not arm_in_outcome(text, (0, 17), (0, 8), [(0, 8), z, w])
    subject = "kv-7 was significantly better than rv-2 for near vision (p = 0.02)."
    kv, rv = _at(subject, "kv-7"), _at(subject, "rv-2")
    assert arm_in_outcome(subject, kv, kv, [kv, rv])
    assert not arm_in_outcome(subject, kv, kv, [kv])
    compared = "patients had a higher svr rate compared with the kv-7 arm (p = 0.02)."
    svr = _at(compared, "svr")
    assert not arm_in_outcome(compared, svr, svr, [svr, _at(compared, "kv-7")])


def test_the_comparators_short_forms_are_never_the_intervention() -> None:
    assert names_comparator("ucg") and names_comparator("cg") and not names_comparator("acg")
    aliases = {"uc": ("usual", "care"), "mbt": ("mentalization", "based", "treatment"), "pg": ("placebo",)}
    assert comparator_short_forms(aliases) == {"uc", "pg"}
    texts = [
        "Mentalization-based treatment (MBT) was compared with usual care (UC) in 120 adults.",
        "Self-harm fell more with UC than with MBT (P = 0.02).",
        "Self-harm fell more with UC than with MBT in the second year (P = 0.04).",
    ]
    assert profile_with(texts, "UC", "MBT").name != "UC"


def test_of_two_names_equally_attributed_the_one_less_often_set_against_another_arm() -> None:
    alike = {"mentions": 2.0, "attributed": 2.0, "therapy": 2.0}
    tallies = {"amrelimab": _Tally(**alike, set_against=0), "zolvatide": _Tally(**alike, set_against=2)}  # type: ignore[arg-type]
    assert _chosen_anchor(tallies, 4, RULES) == "amrelimab"
    # names the statements treat alike in every way: the alphabet decides (the later word), so that the choice is
    # reproducible
    tallies = {"zolvatide": _Tally(**alike), "amrelimab": _Tally(**alike)}  # type: ignore[arg-type]
    assert _chosen_anchor(tallies, 4, RULES) == "zolvatide"
