"""Citing statements that report the citing work's own finding, not the cited work's (issue 23, s48-citing):
citing_own_findings.reports_own_finding and without_own_findings. The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.citing_own_findings import reports_own_finding, without_own_findings
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources


def test_the_citing_authors_finding_set_against_the_cited_work() -> None:
    assert reports_own_finding(
        "With 2 g of oral zinc, we observed a shorter duration of diarrhoea as compared with previous trials [ 7] .")
    assert reports_own_finding(
        "In our series, we noted that two children given the cream developed a rash, unlike the cohort of Lee [4].")
    assert reports_own_finding(
        "We found a higher relapse rate after the taper, consistent with earlier observational reports [12, 13].")


def test_the_citing_works_results_as_the_subject_of_what_they_show() -> None:
    assert reports_own_finding(
        "Unlike the findings of Park et al. [9], our results suggest that nightly melatonin does not shorten sleep "
        "latency.")
    assert reports_own_finding("The results of our study indicate that the brace did not reduce pain [ 21] .")
    assert reports_own_finding("Our trial showed fewer wound infections with the silver dressing [3].")


def test_the_cited_works_finding_is_not_the_citing_works() -> None:
    # the cited authors found it: "they", a name, "this study [n]"
    assert not reports_own_finding("Brown and colleagues found a lower mortality with early feeding [ 11] .")
    assert not reports_own_finding("This study [12] reported no effect of the splint on grip strength.")
    # "our results" compared with what the cited work found: the finding stated is the cited work's
    assert not reports_own_finding(
        "Our results are in agreement with Diaz et al. [5], who reported fewer falls with the exercise programme.")


def test_a_self_citation_is_the_cited_works_finding() -> None:
    assert not reports_own_finding("We previously found that the vaccine halved hospital admissions [ 14] .")
    assert not reports_own_finding(
        "In our previous trial, we observed a lower rate of nausea with ondansetron than with placebo [2].")
    assert not reports_own_finding("We have reported a similar fall in blood pressure elsewhere [8].")


def test_a_statement_that_cites_no_work_is_the_trials_own_report() -> None:
    # a trial's own abstract says "we found" of itself: its finding is the target's
    assert not reports_own_finding(
        "In this trial, we found a lower rate of stroke with the anticoagulant than with aspirin.")


def test_a_first_person_finding_with_nothing_placing_it_is_not_read() -> None:
    # without a word placing it in the citing work, "we found" with a marker may be the cited authors' own words
    assert not reports_own_finding("We found a lower rate of stroke with the anticoagulant [ 6] .")


def test_only_the_own_finding_statements_lose_their_treatments() -> None:
    texts = [
        "Smith et al. reported that ibuprofen reduced postoperative pain in children [ 7] .",
        "In our patients given ibuprofen, we observed less postoperative pain than in previous trials [ 7] .",
    ]
    readings = [annotate(text, resources_=load_resources()).treatment for text in texts]
    assert all(reading.mentions for reading in readings)
    kept = without_own_findings(readings, texts)
    assert kept[0] == readings[0]
    assert kept[1].mentions == ()
