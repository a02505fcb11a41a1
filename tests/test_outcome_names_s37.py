"""Outcome names read whole from their sentence (issue 23, helper s37-outnames): a finding that misreads its own
quote is a defect even when its verdict is right.

Every sentence here is written for these tests (none is from a dev set): modifiers that share one head ("surgical and
medical complications"), a range of numbers inside a name ("grade 2–4 neutropenia"), a capitalised name whose first
word is a common word ("the New England Symptom Index") and its bracketed abbreviation, words a slash joins, "at"
before a qualified noun, a phrase that says when a measure was taken and not what ("at each follow-up time"), the
change named before the measure ("the rise in X", "changes to X"), "as seen in", and a share of
people that says who was counted but not what.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcome_names import name_bounds, plausible_outcome_name
from summarizer.engines.extractive.outcome_spans import cut_object, split_pieces
from summarizer.engines.extractive.outcomes import find_outcomes


def _names(text: str) -> list[str]:
    return [m.outcome for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated modifiers sharing one head
        ("The length of stay, and surgical and medical complications did not differ between the two arms.",
         ["length of stay", "surgical and medical complications"]),
        ("There was no significant difference in physical and mental health scores between the groups.",
         ["physical and mental health scores"]),
        # a list whose first item is its own outcome stays a list
        ("There were no significant differences between arms in WOMAC, SF-36 physical score and walking time.",
         ["WOMAC", "SF-36 physical score", "walking time"]),
        # a range inside a name
        ("We found no significant difference between the arms in grade 2–4 neutropenia (p = 0.40).",
         ["grade 2–4 neutropenia"]),
        ("There was no difference in grade 3 to 4 diarrhoea between the regimens.", ["grade 3 to 4 diarrhoea"]),
        # a capitalised name, its first word a common word, and the abbreviation in brackets inside it
        ("There was no significant difference in the New England Symptom Index between the arms.",
         ["New England Symptom Index"]),
        ("No difference was found regarding the Canadian Cardiovascular Society (CCS) angina class between groups "
         "at six months.", ["Canadian Cardiovascular Society (CCS) angina class"]),
        # a bracket after the whole name is not read on past
        ("There was no significant difference in pain (VAS) between the groups.", ["pain"]),
        # words a slash joins
        ("No difference in the share of wounds with/without infection was seen between the arms.",
         ["share of wounds with/without infection"]),
        # "at" before a qualified noun says what, before a time says when
        ("There was no significant difference in the second attempt at successful cannulation between groups.",
         ["second attempt at successful cannulation"]),
        ("There was no significant difference in pain at rest between groups.", ["pain"]),
        # when a measure was taken is not what was measured
        ("Differences between the arms at each follow-up time were not statistically significant.", []),
        ("Between-arm differences in every visit were not significant.", []),
        ("There was no difference between the groups at any time point.", []),
        # the change named before the measure
        ("The drug did not significantly alter the rise in serum urate after the meal.", ["serum urate"]),
        ("There were no differences between arms in changes to body fat.", ["body fat"]),
        # how the measure was seen is not part of it
        ("There was no difference in bone turnover as shown by serum CTX between the groups.", ["bone turnover"]),
        # who was counted, with no measure of what was counted, names no outcome
        ("There was no difference in the proportion of neonates who needed surfactant between the arms.", []),
    ],
)
def test_outcome_names_read_whole(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_cut_object_keeps_ranges_slashes_and_qualified_at() -> None:
    assert cut_object("grade 1-2 nausea when all cycles were pooled") == "grade 1-2 nausea"
    assert cut_object("patients with/without fever between the arms") == "patients with/without fever"
    assert cut_object("first attempt at successful puncture between arms") == "first attempt at successful puncture"
    assert cut_object("pain at rest between arms") == "pain"
    assert cut_object("pain between arms") == "pain"


def test_split_pieces_shares_heads() -> None:
    assert split_pieces("chemical and clinical pregnancy rates") == ["chemical and clinical pregnancy rates"]
    assert split_pieces("complications and supplementary analgesic use") == [
        "complications", "supplementary analgesic use"
    ]


def test_names_never_end_in_a_slash_or_say_only_when() -> None:
    assert name_bounds("rate of nausea with/") == (0, 14)
    assert name_bounds("each follow up time") is None
    assert name_bounds("time points") is None
    assert name_bounds("recovery time") == (0, 13)
    assert not plausible_outcome_name("number of mothers")
    assert plausible_outcome_name("number of mothers breastfeeding")
