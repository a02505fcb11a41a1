"""What a request gives a capable model, and what the engine keeps of the answer (issue 26's ten points).

Each test names its point: 1 whose claim, 2 caps, 3 merge counts, 4 harms, 5 efficacy rules, 6 signals, 7 unknown
target, 8 evidence before conclusion, 9 quotes, 10 labels and re-asks; then the prompt's size. The answers come
from the fake server (tests/llm_server.py) or are written here: they are fixtures, not recordings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from llm_server import Context, FakeLLMServer, cite
from test_llm_engine import run_brief, settings_for, statements

from summarizer.engines.llm.counts import count, with_counted_event_ids
from summarizer.engines.llm.dialects import bounds_for, request_schema
from summarizer.engines.llm.mapreduce import Partial, keep_what_parts_held, kept_errors
from summarizer.engines.llm.prompts import (
    MAP_TEMPLATE,
    SYSTEM_TEMPLATE,
    PromptSet,
    TargetView,
    restore_quotes,
    statement_views,
    target_view,
)
from summarizer.engines.llm.schemas import (
    ANNOTATION_DEF,
    AnnotationOut,
    SectionsOutput,
    SingleOutput,
    strict_schema,
)
from summarizer.engines.llm.sections import empty_sections
from summarizer.engines.llm.structured import MAX_REASK_ECHO_CHARS, reask_turns
from summarizer.grounding import MIN_QUOTE_WORDS, quote_error
from summarizer.models import AdverseEvent, Citing, Finding, Outcome, Quote, Statement, Target
from summarizer.pipeline import normalise
from summarizer.readers import load_statements

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "uc-msc-covid19-scite-page.txt"


def _annotation(sid: str, attribution: str = "target", topics: tuple[str, ...] = ("safety",), **more: Any) -> Any:
    return AnnotationOut.model_validate(
        {"id": sid, "attribution": attribution, "topics": list(topics), "polarity": "favourable", "stance": None} | more
    )


def _sent_schema(model: Any = SingleOutput, ids: tuple[str, ...] = ("S1", "S2")) -> dict[str, Any]:
    return request_schema(model, "json_schema", list(ids), bounds_for(model, 16384, list(ids)))


# --- 1. whose claim ---------------------------------------------------------------------------------------------


def test_1_each_annotation_first_says_whose_claim_and_the_intervention_follows_from_it(tmp_path: Path) -> None:
    annotation = _sent_schema()["$defs"][ANNOTATION_DEF]
    assert list(annotation["properties"])[:2] == ["id", "attribution"]
    assert annotation["properties"]["attribution"]["enum"] == ["target", "target_among_several", "other_work", "none"]

    def other_work_for_s2(schema: dict[str, Any], ctx: Context) -> Any:
        answer = cite(schema, ctx)
        for item in answer.get("annotations", []):
            item["attribution"] = "other_work" if item["id"] == "S2" else "target"
        return answer

    with FakeLLMServer(answers=other_work_for_s2) as server:
        brief = run_brief(settings_for(server.base_url, tmp_path), statements(3))
    assert brief.target.intervention is not None
    assert brief.target.intervention.statement_ids == ["S1", "S3"]  # another study of the drug is not the target's


def test_1_a_group_citation_is_marked_in_the_prompt() -> None:
    items = normalise([Statement(id="S1", text="Mortality fell in several trials 39,[44]-[56].")])
    assert items[0].cites_several
    view = statement_views(items, 4000)[0]
    assert f" cites={items[0].cited_works}" in view.attrs


# --- 2. caps sized from the answer budget ------------------------------------------------------------------------


def test_2_item_caps_are_sized_from_max_tokens_not_constants() -> None:
    ids = [f"S{i}" for i in range(1, 58)]  # the 57-statement trial
    roomy = bounds_for(SingleOutput, 16384, ids)
    assert roomy.cited >= 16 and roomy.findings >= 5 and roomy.quotes >= 2
    merge = bounds_for(SectionsOutput, 16384, ids[:16], annotated=False)
    assert merge.cited == 16  # 16 mapped outcomes' ids fit one merged finding
    assert bounds_for(SingleOutput, 1024, ids[:4]).findings < roomy.findings  # a small budget: fewer


def test_2_adverse_event_support_is_counted_from_the_annotations() -> None:
    annotations = {
        "S1": _annotation("S1", adverse_events=["fever"]),
        "S2": _annotation("S2", adverse_events=["Fever"]),
        "S3": _annotation("S3", attribution="other_work", adverse_events=["fever"]),
        "S4": _annotation("S4", adverse_events=["anaphylaxis (warning)"]),
    }
    sections = empty_sections("x").model_copy(deep=True)
    sections.safety.adverse_events = [AdverseEvent(name="fever", statement_ids=["S1"])]
    events = with_counted_event_ids(sections, annotations).safety.adverse_events
    assert [(e.name, e.statement_ids) for e in events] == [("fever", ["S1", "S2"]), ("anaphylaxis (warning)", ["S4"])]


def _outcome_annotation(sid: str, reported: str, attribution: str = "target") -> Any:
    return _annotation(sid, attribution, ("efficacy",), outcomes=[reported])


def test_2_outcome_support_is_counted_from_the_annotations() -> None:
    from summarizer.engines.llm.counts import with_counted_outcome_ids

    texts = {
        "S1": "In the trial, 28-day mortality was lower with the drug.",
        "S2": "The drug lowered mortality at day 28 in that trial.",
        "S3": "Another trial of the drug also lowered mortality.",
        "S4": "Time to recovery did not differ between the arms.",
    }
    annotations = {
        "S1": _outcome_annotation("S1", "28-day mortality: improved"),
        "S2": _outcome_annotation("S2", "28-Day  Mortality: improved", "target_among_several"),
        "S3": _outcome_annotation("S3", "28-day mortality: improved", "other_work"),  # not the target's
        "S4": _outcome_annotation("S4", "time to recovery: no_difference"),
    }
    listed = Outcome(
        claim="Mortality fell.",
        statement_ids=["S1"],
        quotes=[Quote(statement_id="S1", text="28-day mortality was lower")],
        outcome="mortality",  # named otherwise than its statement's annotation: matched through S1
        direction="improved",
    )
    sections = empty_sections("x").model_copy(deep=True)
    sections.efficacy.outcomes = [listed]
    warnings: list[str] = []
    outcomes = with_counted_outcome_ids(sections, annotations, texts, warnings).efficacy.outcomes
    assert [(o.outcome, o.direction, o.statement_ids) for o in outcomes] == [
        ("mortality", "improved", ["S1", "S2"]),
        ("time to recovery", "no_difference", ["S4"]),  # the answer had no room for it: listed from S4's annotation
    ]
    made = outcomes[1]
    assert made.quotes[0].text in texts["S4"] and quote_error(made.quotes[0], texts) is None
    assert "1 statement reports time to recovery as no different" in made.claim
    assert warnings and "listed from the annotations" in warnings[0]


def test_2_no_supporting_id_is_cut_by_the_answers_bounds(tmp_path: Path) -> None:
    """A model that obeys the sent bounds (2 ids a finding, 2 outcomes at 4,096 tokens for 12 statements) still
    gives a brief whose outcomes cite every statement that reports them; a full map call keeps its statements."""
    from summarizer.engines.llm.dialects import annotation_capacity
    from summarizer.engines.llm.schemas import ChunkOutput

    assert annotation_capacity(ChunkOutput, 16384) >= 126  # the annotations' per-statement budget did not shrink

    def reported(index: int) -> str:
        return "time to recovery: no_difference" if index % 3 == 1 else "mortality: improved"

    def bounded(schema: dict[str, Any], ctx: Context) -> Any:
        answer = cite(schema, ctx)
        for index, item in enumerate(answer["annotations"]):
            item.update(attribution="target", topics=["efficacy"], outcomes=[reported(index)])
        cap = schema["$defs"]["Outcome"]["properties"]["statement_ids"]["maxItems"]
        mortality = [sid for index, sid in enumerate(ctx.ids) if reported(index).startswith("mortality")]
        quote = {"statement_id": ctx.quote_id, "text": ctx.quote_text}
        outcome = {"quotes": [quote], "statement_ids": mortality[:cap], "outcome": "mortality",
                   "direction": "improved", "change": "decreased", "claim": "Mortality fell."}  # fmt: skip
        answer["efficacy"].update(outcomes=[outcome], assessment="benefit_reported")
        return answer

    with FakeLLMServer(answers=bounded) as server:
        brief = run_brief(settings_for(server.base_url, tmp_path, max_tokens=4096), statements(12))
    assert len(server.requests) == 1
    sent = server.requests[0].body["response_format"]["json_schema"]["schema"]
    assert sent["$defs"]["Outcome"]["properties"]["statement_ids"]["maxItems"] < 8  # the bound cuts the answer
    ids = [s.id for s in brief.statements]
    by_name = {(o.outcome, o.direction): o.statement_ids for o in brief.efficacy.outcomes}
    assert by_name == {
        ("mortality", "improved"): [sid for i, sid in enumerate(ids) if i % 3 != 1],
        ("time to recovery", "no_difference"): [sid for i, sid in enumerate(ids) if i % 3 == 1],
    }


# --- 3. the merge gets counts, the right number of parts, no verdicts; what it keeps is checked ------------------


def test_3_merge_prompts_carry_counts_and_the_right_number_of_parts(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        run_brief(settings_for(server.base_url, tmp_path, chunk_token_budget=800, max_tokens=600), statements(80))
    maps = [r for r in server.requests if r.body["response_format"]["json_schema"]["name"] == "chunk"]
    reduces = [r for r in server.requests if r.body["response_format"]["json_schema"]["name"] == "sections"]
    final = reduces[-1].body["messages"][1]["content"]
    parts = final.count("<part n=")
    assert f"{parts} parts, drawn from {len(maps)} groups of the 80 citation statements" in final
    summed = 0
    for request in reduces:
        content = request.body["messages"][1]["content"]
        for raw in content.split('">')[1:]:
            data = json.loads(raw.split("</part>")[0])
            assert "assessment" not in raw.split("</part>")[0]  # no earlier verdict anchors a merge
            assert data["counts"]["statements"] > 0
        if request is reduces[-1]:
            summed = sum(json.loads(raw.split("</part>")[0])["counts"]["statements"] for raw in content.split('">')[1:])
    assert summed == 80  # every statement is counted once at the last level


def test_3_what_a_merge_drops_is_checked_and_restored() -> None:
    quote = [Quote(statement_id="S1", text="mortality was lower")]
    part = Partial(
        outcomes=[
            Outcome(claim="c", statement_ids=["S1", "S2"], quotes=quote, outcome="mortality", direction="improved")
        ],
        adverse_events=[AdverseEvent(name="fever", statement_ids=["S3"])],
    )
    lost = empty_sections("x")
    errors = kept_errors(lost, [part])
    assert any("S1, S2" in e for e in errors) and any("fever" in e for e in errors)
    warnings: list[str] = []
    kept = keep_what_parts_held(lost, [part], warnings, "merge")
    assert kept_errors(kept, [part]) == [] and warnings


def test_3_counts_are_made_by_code_per_topic_attribution_polarity_and_harm() -> None:
    counts = count(
        [
            _annotation("S1", adverse_events=["fever"]),
            _annotation("S2", attribution="other_work", topics=("efficacy",)),
            _annotation("S3", attribution="target_among_several", adverse_events=["anaphylaxis (warning)"]),
            _annotation("S4", absent_events=["deaths"]),
        ]
    ).data()
    assert counts["statements"] == 4
    assert counts["safety"]["by_attribution"] == {"target": 2, "target_among_several": 1}
    assert counts["efficacy"]["by_attribution"] == {"other_work": 1}
    assert counts["harms"] == {"occurred": 1, "warned": 1, "absent": 1}


# --- 4. harms read as a reviewer reads them ----------------------------------------------------------------------


def test_4_harms_warned_of_count_and_rates_no_higher_than_the_comparator_are_no_concern() -> None:
    schema = _sent_schema()
    assessment = schema["$defs"]["SafetyOut"]["properties"]["assessment"]["description"]
    assert "warned of" in assessment and "comparator" in assessment
    events = schema["$defs"][ANNOTATION_DEF]["properties"]["adverse_events"]["description"]
    assert "warns of" in events and "(warning)" in events
    system = PromptSet().render(SYSTEM_TEMPLATE, min_quote_words=MIN_QUOTE_WORDS)
    assert "warned of" in system and "comparator" in system


# --- 5. efficacy rules -------------------------------------------------------------------------------------------


def test_5_efficacy_rests_on_the_primary_outcome_and_subgroups_are_outcomes_of_their_own() -> None:
    schema = _sent_schema()
    assessment = schema["$defs"]["EfficacyOut"]["properties"]["assessment"]["description"]
    assert "primary outcome" in assessment and "isolated" not in assessment
    assert "subgroup" in schema["$defs"]["Outcome"]["properties"]["outcome"]["description"]


# --- 6. the source's signals -------------------------------------------------------------------------------------


def test_6_each_statement_shows_its_type_section_confidence_and_citing_paper() -> None:
    paper = Citing(doi="10.1/review", title="A review")
    items = normalise(
        [
            Statement(id="S1", text="MSCs were safe.", type="supporting", section="Results", confidence=0.93,
                      citing=paper),
            Statement(id="S2", text="MSCs cut mortality.", type="mentioning", section="Discussion", citing=paper),
            Statement(id="S3", text="Fever occurred.", citing=Citing(doi="10.1/other")),
        ]
    )  # fmt: skip
    views = statement_views(items, 4000)
    text = PromptSet().render(MAP_TEMPLATE, target=TargetView(), statements=views, schema="")
    assert "<s id=S1 type=supporting sec=Results conf=0.93 by=P1>MSCs were safe.</s>" in text
    assert "<s id=S2 type=mentioning sec=Discussion by=P1>" in text  # one review, one voice
    assert "<s id=S3 by=P2>" in text  # unclassified: no type shown


def test_6_the_targets_own_marker_is_shown_where_the_source_knows_it() -> None:
    from test_readers_jats import TEN_REFS, article, sec, x

    from summarizer.readers import read_source

    scite = normalise(load_statements(REPO / "tests" / "fixtures" / "readers" / "scite-citations-with-snippets.json")
                      .statements)  # fmt: skip
    assert [s.target_marker for s in scite] == ["12", "7", "12"]  # <cite data-doi=...> of the citation's target
    text = PromptSet().render(MAP_TEMPLATE, target=TargetView(), statements=statement_views(scite, 4000), schema="")
    assert " by=P2 mark=7>Umbilical cord" in text and "mark= is the target's own citation marker" in text
    body = sec(f"Two trials [{x(4)},{x(5)}] and many more [{x(3)}–{x(7)}] agree.")
    jats = normalise(read_source(article(body, TEN_REFS), target="10.1000/ref.5").statements)
    assert jats[0].target_marker == "5; 5 in [3–7]"  # alone in one group, inside a range in the other
    assert ' mark="5; 5 in [3–7]"' in statement_views(jats, 4000)[0].attrs
    page = normalise(load_statements(EXAMPLE).statements)  # a scite page's text does not say which marker
    assert all(s.target_marker is None for s in page)
    shown = PromptSet().render(MAP_TEMPLATE, target=TargetView(), statements=statement_views(page, 4000), schema="")
    assert " mark=" not in shown and "mark= is" not in shown


def test_6_stance_is_asked_only_for_unclassified_statements(tmp_path: Path) -> None:
    stance = _sent_schema()["$defs"][ANNOTATION_DEF]["properties"]["stance"]
    assert {"type": "null"} in stance["anyOf"] and "without type=" in stance["description"]

    def no_stance(schema: dict[str, Any], ctx: Context) -> Any:
        answer = cite(schema, ctx)
        for item in answer.get("annotations", []):
            item["stance"] = None
        return answer

    with FakeLLMServer(answers=no_stance) as server:
        run_brief(settings_for(server.base_url, tmp_path), statements(2, kind="unclassified"))
    assert len(server.requests) > 1  # re-asked: an unclassified statement needs its stance
    assert "is shown without a type; give its stance" in server.requests[1].body["messages"][-1]["content"]


# --- 7. an unknown target is said; abbreviations are tied to their long forms ------------------------------------


def test_7_an_unknown_target_is_said_and_abbreviations_are_spelled_out() -> None:
    items = normalise(
        [
            Statement(id="S1", text="Remdesivir (RDV) shortened recovery versus standard of care (SOC)."),
            Statement(id="S2", text="RDV did not lower mortality in patients on IMV."),
        ]
    )
    view = target_view(Target(), items)
    text = PromptSet().render(MAP_TEMPLATE, target=view, statements=statement_views(items, 4000), schema="")
    assert "<target>unknown: infer it from what the statements attribute to the cited work</target>" in text
    assert "RDV = Remdesivir" in text and "SOC = standard of care" in text


def test_7_the_target_block_carries_the_design_the_pipeline_read() -> None:
    target = Target(title="A trial", design="randomised_trial", design_statement_ids=["S3", "S7"])
    assert target_view(target, []).design == "randomised trial, from S3, S7"


# --- 8. evidence before conclusion, inside every item ------------------------------------------------------------


def test_8_every_item_writes_its_evidence_before_its_conclusion() -> None:
    schema = strict_schema(SingleOutput)
    assert list(schema["properties"])[:2] == ["annotations", "intervention"]
    assert list(schema["$defs"]["Finding"]["properties"]) == ["quotes", "statement_ids", "claim"]
    outcome = list(schema["$defs"]["Outcome"]["properties"])
    assert outcome[:2] == ["quotes", "statement_ids"] and outcome[-1] == "claim"
    assert list(schema["$defs"]["AdverseEvent"]["properties"]) == ["statement_ids", "name"]


# --- 9. quotes ---------------------------------------------------------------------------------------------------


def test_9_quotes_need_one_item_and_match_after_nfkc_and_whitespace_normalisation() -> None:
    assert _sent_schema()["$defs"]["Finding"]["properties"]["quotes"]["minItems"] == 1
    statement = "Remdesivir\u00a0reduced time to\u2009recovery (\ufb01ve days)."
    texts = {"S1": statement}
    quote = Quote(statement_id="S1", text="reduced time to recovery")  # as a model that normalises spaces copies it
    finding = Finding(claim="c", statement_ids=["S1"], quotes=[quote])
    restored = restore_quotes(finding, texts).quotes[0].text
    assert restored == "reduced time to\u2009recovery" and restored in statement  # the statement's own characters
    ligature = restore_quotes(Quote(statement_id="S1", text="recovery (five days)"), texts)
    assert ligature.text == "recovery (\ufb01ve days)" and quote_error(ligature, texts) is None


def test_9_the_prompt_asks_the_quote_length_the_check_needs() -> None:
    system = PromptSet().render(SYSTEM_TEMPLATE, min_quote_words=MIN_QUOTE_WORDS)
    assert f"{MIN_QUOTE_WORDS} to 25 consecutive words" in system and "5 to 25" not in system
    description = _sent_schema()["$defs"]["Finding"]["properties"]["quotes"]["description"]
    assert f"{MIN_QUOTE_WORDS}+ words" in description


# --- 10. labels defined, kept, named; re-asks whole or not at all ------------------------------------------------


def test_10_every_label_is_defined_in_the_schema_that_is_sent() -> None:
    schema = _sent_schema()
    annotation = schema["$defs"][ANNOTATION_DEF]["properties"]
    assert ANNOTATION_DEF == "Annotation"
    for key in ("attribution", "topics", "polarity", "stance", "adverse_events", "absent_events"):
        assert annotation[key].get("description"), key
    assert "other" in annotation["topics"]["description"] and annotation["topics"]["minItems"] == 1
    assert "neutral" in annotation["polarity"]["description"]
    for name in ("SafetyOut", "EfficacyOut"):
        assert schema["$defs"][name]["properties"]["assessment"]["description"]
    for key in ("direction", "change", "outcome"):
        assert schema["$defs"]["Outcome"]["properties"][key]["description"]


def test_10_a_reask_shows_the_whole_answer_or_none_of_it() -> None:
    short = '{"annotations": []}'
    turns = reask_turns(short, ["e"])
    assert turns[0] == {"role": "assistant", "content": short} and "- e" in turns[1]["content"]
    long = "{" + "x" * MAX_REASK_ECHO_CHARS + "}"
    turns = reask_turns(long, ["e"])
    assert [t["role"] for t in turns] == ["user"] and "too long to repeat" in turns[0]["content"]


# --- size --------------------------------------------------------------------------------------------------------


def _prompt_bytes(request: Any) -> int:
    return sum(len(str(m["content"]).encode("utf-8")) for m in request.body["messages"])


def test_the_example_request_is_at_most_three_times_its_statements(tmp_path: Path) -> None:
    source = load_statements(EXAMPLE)
    statement_bytes = sum(len(s.text.encode("utf-8")) for s in source.statements)
    from summarizer.engines.llm import LLMEngine
    from summarizer.pipeline import summarize

    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path)
        summarize(source, engine=LLMEngine(settings), settings=settings)
    assert len(server.requests) == 1
    assert _prompt_bytes(server.requests[0]) <= 3 * statement_bytes


def test_map_prompts_are_small_beside_their_statements(tmp_path: Path) -> None:
    items = statements(600)
    sizes = {s.text: len(s.text.encode("utf-8")) for s in items}
    for budget, ratio in ((8000, 1.6), (1500, 2.5)):
        with FakeLLMServer() as server:
            run_brief(settings_for(server.base_url, tmp_path / str(budget), chunk_token_budget=budget), items)
        maps = [r for r in server.requests if r.body["response_format"]["json_schema"]["name"] == "chunk"]
        assert len(maps) > 1
        for request in maps:
            user = request.body["messages"][1]["content"]
            shown = sum(size for text, size in sizes.items() if f">{text}</s>" in user)
            assert _prompt_bytes(request) <= ratio * shown, budget
