"""The target's study design, read from the statements (summarizer/design.py), and the certainty that starts from it.

Every sentence here is written for these tests in the general language of study design; none is from a data set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ScriptedEngine, quote_of

from summarizer.certainty import INDIRECT_REASON, NOT_HUMAN_REASONS, grade_certainty, grade_section
from summarizer.contract import contract_violations
from summarizer.design import DESIGNS, MIN_SUPPORT, read_design, statement_cues
from summarizer.models import Brief, Citing, Finding, Source, Statement, StudyDesign, Target
from summarizer.pipeline import normalise, summarize
from summarizer.renderers import render
from summarizer.renderers.json import brief_schema

ONE_OF_EACH: dict[StudyDesign, str] = {
    "randomised_trial": "In a randomised, double-blind, placebo-controlled trial of 1,200 adults, the vaccine cut "
    "hospital admissions by half [12].",
    "non_randomised_trial": "A non-randomised trial of the new dressing enrolled 80 people with leg ulcers [4].",
    "observational": "A retrospective cohort study of 5,000 patients found no link between the drug and fractures [7].",
    "case_report": "A case report described a 54-year-old woman who developed hepatitis after taking the "
    "supplement [3].",
    "animal": "In mice, the compound slowed tumour growth by half [9].",
    "in_vitro": "The extract blocked viral replication in vitro, in a human cell line [2].",
    "review": "A systematic review and meta-analysis of 14 trials found a modest benefit of the programme [5].",
    "other": "A mathematical model predicted that closing schools would delay the epidemic peak [8].",
}


def _statements(*texts: str) -> list[Statement]:
    return normalise([Statement(id="S1", text=text) for text in texts])


def _design(*texts: str, target: Target | None = None) -> tuple[StudyDesign | None, list[str]]:
    reading = read_design(target or Target(), _statements(*texts))
    return reading.design, reading.statement_ids


# --- reading the design --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("design", list(ONE_OF_EACH))
def test_each_design_is_read_from_a_plain_sentence(design: StudyDesign) -> None:
    assert _design(ONE_OF_EACH[design]) == (design, ["S1"])


def test_the_designs_are_the_contracts() -> None:
    assert set(ONE_OF_EACH) == set(DESIGNS)


@pytest.mark.parametrize(
    "text",
    [
        "The drug improved symptoms in most patients [1].",
        "Adverse events were mild and resolved without treatment [2].",
        "The cross-sectional area of the muscle grew after eight weeks of training [3].",
        "Cross sectional images of the tendon were thinner in the treated group [4].",
        "There was no difference in diarrhoea between the arms in any of the three cohorts [5].",
        "Costs were higher in the treatment group than in the control group for cohort 1 [6].",
        "",
    ],
)
def test_null_when_nothing_points_to_a_design(text: str) -> None:
    assert read_design(Target(), _statements(text) if text else []).design is None


def test_a_statement_that_cites_several_works_weighs_less() -> None:
    single = "A prospective cohort of 2,000 adults found the same [1]."
    several = "Randomised trials have shown a benefit [1-3]."
    reading = read_design(Target(), _statements(single, several))
    assert reading.support == pytest.approx({"observational": 1.0, "randomised_trial": 1 / 3})
    assert (reading.design, reading.statement_ids) == ("observational", ["S1"])
    # three statements that each cite three works outweigh the one that cites only the target
    more = _statements(single, several, "Randomised trials agree [4, 5, 6].", "So do randomised trials [7-9].")
    assert read_design(Target(), more).design is None  # 1 against 1: a tie
    assert read_design(Target(), [*more, *_statements("An RCT found the same [10, 11].")]).design == (
        "randomised_trial"
    )


def test_the_weight_counts_the_citations_of_the_text_as_written() -> None:
    # lower-casing "İ" makes two letters, so the cues are read in the lower-cased text, where an author-year citation
    # is no longer one; the statement's weight still counts its two works as written
    text = "A retrospective cohort in İstanbul found fewer deaths (Smith et al., 2019; Lee and Kim, 2020)."
    assert statement_cues(text) == {"observational": 1.0}
    assert read_design(Target(), _statements(text)).support == pytest.approx({"observational": 0.5})


def test_in_a_statement_that_cites_several_works_only_the_clauses_with_a_citation_count() -> None:
    # the cue is in a clause without a citation: it may describe the citing paper's own study
    assert (
        statement_cues("Several studies examined the drug [1, 2]; in a retrospective analysis, no harm was seen.") == {}
    )
    assert statement_cues(
        "Several studies examined the drug; in a retrospective analysis [1, 2], no harm was seen."
    ) == {"observational": 1.0}
    # a statement that cites one work: every clause but the citing paper's own is about it
    assert statement_cues("The drug was studied; in a retrospective analysis, no harm was seen [1].") == {
        "observational": 1.0
    }


def test_the_citing_papers_own_study_is_not_the_targets() -> None:
    assert statement_cues("In our cohort, the drug was well tolerated, as in the earlier report [4].") == {}
    assert statement_cues("We enrolled a cohort of 300 patients to test the finding of [4].") == {}
    assert statement_cues("The present study is a randomised trial that builds on [4].") == {}


@pytest.mark.parametrize(
    "text",
    [
        "No randomised trial has tested the drug so far [3].",
        "Larger randomised trials are needed to confirm these results [6].",
        "Future randomized controlled trials should test this [6].",
    ],
)
def test_a_study_that_is_wanted_is_not_one_that_was_done(text: str) -> None:
    assert "randomised_trial" not in statement_cues(text)


def test_a_review_of_trials_is_a_review() -> None:
    assert statement_cues("A meta-analysis of randomised trials and cohort studies found no effect [5].") == {
        "review": 1.0
    }


def test_non_randomised_is_not_randomised() -> None:
    assert statement_cues("In a non-randomised comparison, survival was longer [2].") == {"non_randomised_trial": 1.0}
    assert statement_cues("Patients were not randomized in that study [2].") == {"non_randomised_trial": 1.0}
    assert statement_cues("A randomised open-label pilot trial found fewer relapses [2].") == {"randomised_trial": 1.0}


def test_random_is_not_always_a_randomised_trial() -> None:
    assert statement_cues("Patients were randomly assigned to the drug or to placebo [2].") == {"randomised_trial": 1.0}
    assert statement_cues("The virus forms a randomly generated swarm of mutants [2].") == {}


def test_a_chart_review_is_no_review_and_a_cited_method_no_design() -> None:
    assert statement_cues("Patient records reviewed in that hospital showed few events [3].") == {}
    assert statement_cues("The mice were infected as previously described [3].") == {}
    assert statement_cues("In this feasibility study, cell lines were screened following [3].") == {}


def test_phases_of_a_trial() -> None:
    assert statement_cues("A phase III trial confirmed the benefit [2].") == {"randomised_trial": 1.0}
    assert statement_cues("A phase 1 study found the dose safe [2].") == {"non_randomised_trial": 1.0}
    assert statement_cues("The phase of the cycle mattered [2].") == {}


def test_an_upper_case_rat_is_a_test_not_an_animal() -> None:
    assert statement_cues("A negative RAT result was common in that survey [3].") == {}
    assert statement_cues("Rats given the drug gained less weight [3].") == {"animal": 1.0}


def test_ties_and_weak_evidence_give_null() -> None:
    assert _design(ONE_OF_EACH["animal"], ONE_OF_EACH["in_vitro"]) == (None, [])
    weak = "The drug was given open-label to everyone [2]."
    assert statement_cues(weak) == {"non_randomised_trial": 0.5}
    assert read_design(Target(), _statements(weak)).support["non_randomised_trial"] < MIN_SUPPORT
    assert _design(weak) == (None, [])
    assert _design(weak, "A single-arm trial of the device enrolled 40 people [3].") == (
        "non_randomised_trial",
        ["S1", "S2"],
    )


def test_the_most_supported_design_wins_with_its_statements() -> None:
    texts = [ONE_OF_EACH["animal"], "Treated rats lived longer [4].", ONE_OF_EACH["in_vitro"]]
    assert _design(*texts) == ("animal", ["S1", "S2"])


def test_the_targets_title_and_abstract_count() -> None:
    title = Target(title="A randomised controlled trial of a school-based exercise programme")
    assert _design(target=title) == ("randomised_trial", [])
    # the abstract's "we" is the target itself
    abstract = Target(abstract="We conducted a retrospective cohort study of 10,000 adults in three hospitals.")
    assert _design(target=abstract) == ("observational", [])
    # the title outweighs one statement
    assert _design(ONE_OF_EACH["observational"], target=title) == ("randomised_trial", [])


def test_reading_is_fast_on_many_statements() -> None:
    texts = [f"{ONE_OF_EACH[d]} Statement {i}." for i in range(2_000) for d in ("randomised_trial",)]
    texts += [f"The drug improved symptoms in patient group {i} [1]." for i in range(20_000)]
    import time

    start = time.process_time()  # this process's CPU time: other processes' load does not count
    reading = read_design(Target(), [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)])
    assert reading.design == "randomised_trial"
    assert time.process_time() - start < 5  # about 0.2 s


# --- certainty starts where the design starts ----------------------------------------------------------------------


def _evidence(count: int = 6, publications: int = 3) -> list[Statement]:
    return [
        Statement(
            id=f"S{i}", text=f"The drug was safe in study {i} [1].", citing=Citing(doi=f"10.1/{i % publications}")
        )
        for i in range(1, count + 1)
    ]


@pytest.mark.parametrize(
    ("design", "level", "first_reasons"),
    [
        ("randomised_trial", "moderate", ["design: randomised trial, where GRADE starts at high", INDIRECT_REASON]),
        (
            "non_randomised_trial",
            "very_low",
            ["design: non-randomised trial, where GRADE starts at low", INDIRECT_REASON],
        ),
        ("observational", "very_low", ["design: observational study, where GRADE starts at low", INDIRECT_REASON]),
        (
            "case_report",
            "very_low",
            ["design: case report or case series, where GRADE starts at very low", INDIRECT_REASON],
        ),
        (
            "animal",
            "very_low",
            ["design: animal study, where GRADE starts at low", NOT_HUMAN_REASONS["animal"], INDIRECT_REASON],
        ),
        (
            "in_vitro",
            "very_low",
            ["design: in vitro study, where GRADE starts at low", NOT_HUMAN_REASONS["in_vitro"], INDIRECT_REASON],
        ),
        # evidence not known to be randomised starts low, as an observational study's does: never above it
        (
            "review",
            "very_low",
            ["design: review or meta-analysis, whose evidence is not known to be randomised, where GRADE starts at "
             "low", INDIRECT_REASON],
        ),
        (
            "other",
            "very_low",
            ["design: other design, whose evidence is not known to be randomised, where GRADE starts at low",
             INDIRECT_REASON],
        ),
        (
            None,
            "very_low",
            ["design: not read from the statements, so it is not known to be randomised, where GRADE starts at low",
             INDIRECT_REASON],
        ),
    ],
)
def test_certainty_starts_where_the_design_starts(
    design: StudyDesign | None, level: str, first_reasons: list[str]
) -> None:
    certainty = grade_certainty(_evidence(), mixed=False, topic="safety", design=design)
    assert (certainty.level, certainty.reasons) == (level, first_reasons)


def test_imprecision_and_inconsistency_still_rate_down_from_the_start() -> None:
    few = grade_certainty(_evidence(3), mixed=False, topic="safety", design="randomised_trial")
    assert few.level == "low"
    assert few.reasons[-1] == "imprecision: only 3 statements from 3 citing publications address safety"
    mixed = grade_certainty(_evidence(), mixed=True, topic="safety", design="randomised_trial")
    assert (mixed.level, mixed.reasons[-1]) == ("low", "inconsistency: the statements disagree about safety")
    both = grade_certainty(_evidence(3), mixed=True, topic="safety", design="randomised_trial")
    assert both.level == "very_low" and len(both.reasons) == 4
    # without a design: as before designs were read
    assert grade_certainty(_evidence(3), mixed=False, topic="safety").level == "very_low"
    assert grade_certainty(_evidence(6, publications=2), mixed=False, topic="safety").level == "very_low"


def test_no_evidence_is_very_low_whatever_the_design() -> None:
    for design in (*DESIGNS, None):
        certainty = grade_certainty([], mixed=False, topic="efficacy", design=design)
        assert certainty.level == "very_low"
        assert certainty.reasons[-1] == "imprecision: no statement addresses efficacy"


def test_a_large_randomised_trial_never_rates_below_a_mouse_study() -> None:
    order = ["very_low", "low", "moderate", "high"]
    for count, mixed in [(1, False), (3, False), (6, False), (6, True), (3, True)]:
        trial = grade_certainty(_evidence(count), mixed, "efficacy", "randomised_trial")
        mice = grade_certainty(_evidence(count), mixed, "efficacy", "animal")
        assert order.index(trial.level) >= order.index(mice.level)
    assert grade_certainty(_evidence(), False, "efficacy", "randomised_trial").level == "moderate"
    assert grade_certainty(_evidence(), False, "efficacy", "animal").level == "very_low"


def test_grade_section_passes_the_design_on() -> None:
    statements = _evidence()
    finding = Finding(claim="Safe.", statement_ids=[s.id for s in statements])
    certainty = grade_section([finding], statements, False, "safety", design="randomised_trial")
    assert certainty.level == "moderate"


# --- the pipeline, for both engines -------------------------------------------------------------------------------

TRIAL_STATEMENTS = [
    "In a randomised, placebo-controlled trial of 30,000 adults, the vaccine was well tolerated [1].",
    "The double-blind trial found no serious adverse events with the vaccine [1].",
    "The randomized trial showed that the vaccine prevented infection [2].",
    "Its participants were followed for two years [3].",
    "Reactions at the injection site were mild [4].",
    "Fever was rare [5].",
]


def _citing(i: int) -> Citing:
    return Citing(doi=f"10.1/citing.{i}")


def test_the_pipeline_reads_the_design_and_grades_from_it() -> None:
    statements = [Statement(id="S1", text=t, citing=_citing(i)) for i, t in enumerate(TRIAL_STATEMENTS)]
    finding = Finding(
        claim="The vaccine was well tolerated.",
        statement_ids=[f"S{i}" for i in range(1, 7)],
        quotes=[quote_of("S1", "the vaccine was well tolerated")],
    )
    brief = summarize(Source(format="test", statements=statements), engine=ScriptedEngine(safety_findings=[finding]))
    assert (brief.target.design, brief.target.design_statement_ids) == ("randomised_trial", ["S1", "S2", "S3"])
    assert brief.safety.certainty.level == "moderate"
    assert brief.safety.certainty.reasons == ["design: randomised trial, where GRADE starts at high", INDIRECT_REASON]
    assert contract_violations(brief) == []


def test_the_extractive_engine_gets_the_design_too() -> None:
    statements = [Statement(id="S1", text=t, citing=_citing(i)) for i, t in enumerate(TRIAL_STATEMENTS)]
    brief = summarize(statements, engine="extractive")
    assert brief.target.design == "randomised_trial"
    assert brief.safety.certainty.reasons[0] == "design: randomised trial, where GRADE starts at high"


def test_the_llm_engine_gets_the_design_too(tmp_path: Path) -> None:
    from llm_server import FakeLLMServer, cite
    from test_llm_engine import settings_for

    from summarizer.engines.llm import LLMEngine

    statements = [Statement(id="S1", text=t, citing=_citing(i)) for i, t in enumerate(TRIAL_STATEMENTS)]
    with FakeLLMServer(answers=cite) as server:
        engine = LLMEngine(settings_for(server.base_url, tmp_path))
        brief = summarize(Source(format="test", statements=statements), engine=engine)
    assert brief.target.design == "randomised_trial"
    for certainty in (brief.safety.certainty, brief.efficacy.certainty):
        assert certainty.reasons[0] == "design: randomised trial, where GRADE starts at high"


# --- every output shows it -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trial_brief() -> Brief:
    statements = [Statement(id="S1", text=t, citing=_citing(i)) for i, t in enumerate(TRIAL_STATEMENTS)]
    return summarize(Source(format="test", statements=statements), engine=ScriptedEngine())


def test_json_has_the_design(trial_brief: Brief) -> None:
    target = json.loads(render(trial_brief, "json"))["target"]
    assert (target["design"], target["design_statement_ids"]) == ("randomised_trial", ["S1", "S2", "S3"])


def test_markdown_shows_the_design_near_the_intervention(trial_brief: Brief) -> None:
    markdown = render(trial_brief, "md")
    assert "**Study design (from the statements):** randomised trial (S1, S2, S3)\n" in markdown
    assert markdown.index("**Intervention:**") < markdown.index("**Study design") < markdown.index("**Safety:**")


def test_html_shows_the_design_with_links_to_its_statements(trial_brief: Brief) -> None:
    html = render(trial_brief, "html")
    assert (
        '<p class="meta" id="design">Study design (from the statements): <strong>randomised trial</strong> '
        '(<a href="#S1">S1</a>, <a href="#S2">S2</a>, <a href="#S3">S3</a>)</p>'
    ) in html


def test_a_long_list_of_ids_is_cut_for_people_but_not_in_json() -> None:
    texts = [f"In mice, dose {i} slowed tumour growth [1]." for i in range(1, 31)]
    brief = summarize(Source(format="test", statements=_statements(*texts)), engine=ScriptedEngine())
    assert len(brief.target.design_statement_ids) == 30
    shown = ", ".join(f"S{i}" for i in range(1, 13))
    assert f"**Study design (from the statements):** animal study ({shown} and 18 more)\n" in render(brief, "md")
    html = render(brief, "html")
    assert (
        '<a href="#S12">S12</a> and 18 more)</p>' in html and '<a href="#S13">S13</a>' not in html.split("</header>")[0]
    )
    assert len(json.loads(render(brief, "json"))["target"]["design_statement_ids"]) == 30


def test_every_format_says_when_no_design_was_found() -> None:
    brief = summarize([Statement(id="S1", text="The drug improved symptoms [1].")], engine=ScriptedEngine())
    assert brief.target.design is None and brief.target.design_statement_ids == []
    assert "**Study design:** not found: nothing the statements say points to one design\n" in render(brief, "md")
    assert "Study design: not found: nothing the statements say points to one design</p>" in render(brief, "html")
    assert json.loads(render(brief, "json"))["target"]["design"] is None


def test_a_design_from_the_title_alone_says_so() -> None:
    target = Target(title="A randomised trial of a reminder letter")
    brief = summarize(
        Source(format="test", target=target, statements=_statements("Letters helped [1].")), engine=ScriptedEngine()
    )
    assert (brief.target.design, brief.target.design_statement_ids) == ("randomised_trial", [])
    assert "**Study design (from the target's title and abstract):** randomised trial\n" in render(brief, "md")


def test_the_schema_has_the_design_keys() -> None:
    schema = brief_schema()
    target = schema["$defs"]["Target"]["properties"]  # type: ignore[index]
    assert "design" in target and "design_statement_ids" in target
    assert target["design"]["description"] and target["design_statement_ids"]["description"]
    assert set(target["design"]["anyOf"][0]["enum"]) == set(DESIGNS)


def test_the_contract_checks_the_designs_statement_ids(trial_brief: Brief) -> None:
    unknown = trial_brief.model_copy(
        update={"target": trial_brief.target.model_copy(update={"design_statement_ids": ["S1", "S99"]})}
    )
    assert contract_violations(unknown) == ["target.design_statement_ids: unknown statement id 'S99'"]
    null = trial_brief.model_copy(update={"target": trial_brief.target.model_copy(update={"design": None})})
    assert contract_violations(null) == ["target.design_statement_ids: statements for a design that is null"]


def test_a_cross_sectional_study_is_still_observational() -> None:
    reading = read_design(Target(), _statements("A cross-sectional survey of 2,000 adults found higher rates [1]."))
    assert reading.design == "observational"


def test_a_cohort_study_is_still_observational() -> None:
    text = "In a prospective cohort of 5,000 nurses, intake was linked to risk [1]."
    assert read_design(Target(), _statements(text)).design == "observational"
