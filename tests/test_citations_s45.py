"""count_citations: a bracket that gives a statistic's degrees of freedom or interval cites no work; real
reference markers (numbered lists and ranges, author-years) are still counted. The sentences are written here."""

from __future__ import annotations

import pytest

from summarizer.citations import citation_marks, count_citations


@pytest.mark.parametrize(
    "text",
    [
        # degrees of freedom written onto F, t and chi-squared, a comparison after them
        "Grip strength differed between the arms (F[2,40] = 6.3, p = 0.004).",
        "Reaction times were shorter after training (t[30] = 2.9, p = 0.007).",
        "Dropout differed by site (χ2[3] = 9.2).",
        # a ratio's value, then its interval
        "The odds of relapse were lower with the new regimen (OR 0,81 [0,62–1,05]).",
        "Remission came sooner in younger patients (HR 3 [2-5]).",
        "Adherence rose with reminders (RR = 2 [1, 4]).",
        # a decimal value whose interval holds it, or whose spread is written onto it
        "Pain scores fell by 2.5 [1, 4] points on average.",
        "Peak pressure was 18.2[3] cm H2O with the new mask.",
        # a number that starts with 0 is no reference number
        "The median count was 0 [0–2] in both arms.",
        # words, percents, CI and 'of' inside the bracket
        "Nausea was reported by 7.1% [5 of 70 patients] of those treated.",
        "The risk rose with dose [95% CI 1.4-2.9].",
    ],
)
def test_a_bracket_holding_a_statistic_cites_nothing(text: str) -> None:
    assert count_citations(text) == 0
    assert citation_marks(text) == (False, None)


def test_numbers_after_a_statistics_bracket_are_no_citation_tail() -> None:
    # "], 0.64" and "], 5" follow an abbreviation's bracket, not a citation's
    assert count_citations("Fewer patients relapsed (risk ratio [RR], 0.64; 95% CI, 0.41 to 0.98).") == 0
    assert count_citations("Those given 2% [w/v], 5 of 40, had a rash.") == 0


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Earlier cohorts showed the same pattern [7].", 1),
        ("The effect has been reviewed elsewhere [2,4-6].", 4),
        ("Several trials [10]–[14] found no benefit.", 5),
        ("Two groups reported it first [[3],9.", 2),
        ("This was shown before (Jones et al., 2015).", 1),
        # a value before a single reference number set apart from it: a citation
        ("A relative risk of 2.75 [18] was reported in an earlier cohort.", 1),
        # a statistic's abbreviation with no value is also a word: homologous recombination
        ("Cells lacking BRCA2 repair breaks by HR [9].", 1),
        # references ranked with '>' between them, no number after the sign
        ("Efficacy ranked [3] > [8] in those studies.", 2),
        # a number that is part of a name before the bracket
        ("Outcomes in type 2 diabetes [5] and COVID-19 [6,7] differ.", 3),
        ("The antibody CC12.1 [4] binds the same site.", 1),
        ("Secretion of IL-1β [11] rose.", 1),
    ],
)
def test_reference_markers_are_still_counted(text: str, count: int) -> None:
    assert count_citations(text) == count
