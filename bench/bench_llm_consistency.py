"""Same answers, same brief: one call and map-reduce give the same verdicts, names and supporting ids.

    python bench/bench_llm_consistency.py [--data-dir ../shared/data] [--chunk-budget 1500]

A deterministic stand-in model (below; an httpx mock transport, no server) annotates each statement the same way
whatever the packing: its annotation is the extractive engine's reading of the statement's text, and its attribution
follows the statement's own signals (a statement on safety or efficacy is the target's, or the target's among
several when it cites several works; any other is `none`), and a statement on efficacy names the outcome it reports.
From its annotations it draws one finding per kind (safety by polarity, an outcome by polarity, an adverse event by
name) citing every statement that carries it, splitting a finding where the schema's id bound is reached; it writes
the verdicts from the counts: its own in one call, the parts' code-made counts summed in a merge. A merge unites the
parts' findings by claim and events by name.

Each target is briefed twice: in one call (budgets large enough for every statement), and by map-reduce at a chunk
budget of 1,500 tokens with the merge budget at its least (200 tokens), so that merges pair parts and run in at least
two levels; when packing at 1,500 tokens gives fewer than four groups, the statements are split into four (fewer for
fewer statements), so that a small target is map-reduced too. Reported: targets whose verdicts, outcome and
adverse-event names, supporting ids (per finding claim, outcome and event, and the intervention's) all agree, and the
calls and merge levels of the map-reduce runs. Inputs: the 66 `brief_targets` of ../shared/data (skipped with a
message when absent) and the bundled example.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2 as httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from summarizer.engines.base import ReadRequest  # noqa: E402
from summarizer.engines.llm import LLMEngine  # noqa: E402
from summarizer.engines.llm import engine as engine_module  # noqa: E402
from summarizer.engines.llm.counts import count, with_counted_event_ids  # noqa: E402
from summarizer.engines.llm.fallback import extractive_readings  # noqa: E402
from summarizer.engines.llm.schemas import ANNOTATION_DEF, ATTRIBUTED, AnnotationOut  # noqa: E402
from summarizer.engines.llm.session import Session  # noqa: E402
from summarizer.grounding import MIN_QUOTE_WORDS  # noqa: E402
from summarizer.models import Brief, Source, Statement, Target  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.readers import load_statements  # noqa: E402
from summarizer.settings import Settings, load_settings  # noqa: E402

DATA = REPO.parent / "shared" / "data"
EXAMPLE = REPO / "examples" / "uc-msc-covid19-scite-page.txt"
STATEMENT = re.compile(r"<s id=(S\d+)([^>]*)>(.*?)</s>", re.DOTALL)
PART = re.compile(r'<part n="\d+">(.*?)</part>', re.DOTALL)
PARTS = re.compile(r"(\d+) parts, drawn from (\d+) groups")
MIN_GROUPS = 4
QUOTE_WORDS = 6
DIRECTION = {"favourable": "improved", "unfavourable": "worsened"}


# --- the stand-in model ------------------------------------------------------------------------------------------


def _bound(schema: dict[str, Any], definition: str, key: str, default: int) -> int:
    node = schema.get("$defs", {}).get(definition, {}).get("properties", {}).get(key, {})
    return int(node.get("maxItems", default))


class StandIn:
    """A deterministic model: the same annotation for a statement in any request; findings and verdicts drawn from
    the annotations (one call, map) or from the parts and their counts (merge)."""

    def __init__(self, cut_outcomes: bool = False) -> None:
        self.cut_outcomes = cut_outcomes  # one outcome of one id: the rest must come from the annotations
        self.calls: dict[str, int] = {}
        self.second_level = 0  # merges of parts that are merges themselves (more groups than parts)
        self._readings: dict[str, dict[str, Any]] = {}

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        name = body["response_format"]["json_schema"]["name"]
        schema = body["response_format"]["json_schema"]["schema"]
        self.calls[name] = self.calls.get(name, 0) + 1
        user = body["messages"][1]["content"]
        answer = self.merge(user, schema) if name == "sections" else self.annotate_and_draw(user, schema, name)
        content = json.dumps(answer, ensure_ascii=False)
        return httpx.Response(
            200,
            json={
                "id": "stand-in",
                "object": "chat.completion",
                "created": 0,
                "model": "stand-in",
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": len(user) // 4, "completion_tokens": len(content) // 4, "total_tokens": 0},
            },
        )

    def _annotation(self, sid: str, attrs: str, text: str, schema: dict[str, Any]) -> dict[str, Any]:
        key = f"{attrs}\x00{text}"
        if key not in self._readings:
            reading = extractive_readings([ReadRequest(id="x", text=text)])["x"]
            on_topic: list[str] = [t for t in dict.fromkeys(reading.annotation.topics) if t in ("safety", "efficacy")]
            polarity = reading.annotation.polarity
            events = _bound(schema, ANNOTATION_DEF, "adverse_events", 2)
            absent = _bound(schema, ANNOTATION_DEF, "absent_events", 1)
            several = " cites=" in attrs
            self._readings[key] = {
                "attribution": ("target_among_several" if several else "target") if on_topic else "none",
                "topics": (on_topic or ["other"])[:2],
                "polarity": polarity,
                "stance": None if " type=" in attrs else _stance(reading.stance),
                "adverse_events": reading.annotation.adverse_events[:events],
                "absent_events": reading.annotation.absent_events[:absent],
                "outcomes": [f"{_outcome(polarity)}: {DIRECTION.get(polarity, 'unclear')}"]
                if "efficacy" in on_topic
                else [],
            }
        return {"id": sid, **self._readings[key]}

    def annotate_and_draw(self, user: str, schema: dict[str, Any], name: str) -> dict[str, Any]:
        shown = STATEMENT.findall(user)
        annotations = [self._annotation(sid, attrs, text, schema) for sid, attrs, text in shown]
        texts = {sid: text for sid, _, text in shown}
        safety, outcomes, events = _draw(annotations, texts)
        cited = _bound(schema, "Finding", "statement_ids", 2)
        quotes = _bound(schema, "Finding", "quotes", 1)
        safety, outcomes = _capped(safety, cited, quotes), self._outcomes(outcomes, schema, cited, quotes)
        attributed = any(a["attribution"] in ATTRIBUTED for a in annotations)
        intervention = {"name": "the intervention"} if attributed else None
        if name == "chunk":
            return {
                "annotations": annotations,
                "intervention": intervention,
                "safety_findings": safety,
                "adverse_events": events,
                "efficacy_outcomes": outcomes,
                "contrasting": [],
            }
        counts = count(AnnotationOut.model_validate(a) for a in annotations).data()
        return {"annotations": annotations, "intervention": intervention, **_sections(safety, outcomes, events, counts)}

    def _outcomes(
        self, outcomes: list[dict[str, Any]], schema: dict[str, Any], cited: int, quotes: int
    ) -> list[dict[str, Any]]:
        """Split where the id bound is reached; or, cutting, the first outcome with its first id and quote only (the
        least a model may write within any bounds): every other supporting id must come from the annotations."""
        if not self.cut_outcomes:
            return _capped(outcomes, cited, quotes)
        return [{**o, "statement_ids": o["statement_ids"][:1], "quotes": o["quotes"][:1]} for o in outcomes[:1]]

    def merge(self, user: str, schema: dict[str, Any]) -> dict[str, Any]:
        parts = [json.loads(raw) for raw in PART.findall(user)]
        drawn = PARTS.search(user)
        if drawn and int(drawn.group(2)) > int(drawn.group(1)):
            self.second_level += 1
        cited = _bound(schema, "Finding", "statement_ids", 2)
        quotes = _bound(schema, "Finding", "quotes", 1)
        safety = _capped(_united([f for p in parts for f in p.get("safety_findings", [])]), cited, quotes)
        outcomes = self._outcomes(
            _united([o for p in parts for o in p.get("efficacy_outcomes", [])]), schema, cited, quotes
        )
        events: dict[str, list[str]] = {}
        for part in parts:
            for event in part.get("adverse_events", []):
                events.setdefault(event["name"], [])
                events[event["name"]] += [sid for sid in event["statement_ids"] if sid not in events[event["name"]]]
        listed = [{"statement_ids": ids[:cited], "name": name} for name, ids in events.items()]
        named = next((p["intervention"] for p in parts if p.get("intervention")), None)
        counts = _summed([p.get("counts", {}) for p in parts])
        return {
            "intervention": {"name": named} if named else None,
            **_sections(safety, outcomes, listed, counts),
        }


def _listed(schema: dict[str, Any]) -> int:
    """The most items the schema allows a list of outcomes."""
    node = (
        schema.get("properties", {}).get("efficacy_outcomes")
        or schema["$defs"]["EfficacyOut"]["properties"]["outcomes"]
    )
    return int(node.get("maxItems", 8))


def _outcome(polarity: str) -> str:
    return f"reported effect ({polarity})"


def _stance(stance: str) -> str:
    return stance if stance in ("supporting", "contrasting") else "mentioning"


def _draw(
    annotations: list[dict[str, Any]], texts: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """One finding per kind, citing every statement that carries it (in order), each with its quotes."""
    safety: dict[str, dict[str, Any]] = {}
    outcomes: dict[str, dict[str, Any]] = {}
    events: dict[str, list[str]] = {}
    for a in annotations:
        if a["attribution"] not in ATTRIBUTED:
            continue
        sid, polarity = a["id"], a["polarity"]
        quote = {"statement_id": sid, "text": " ".join(texts[sid].split()[: max(QUOTE_WORDS, MIN_QUOTE_WORDS)])}
        if "safety" in a["topics"]:
            claim = f"Statements report the intervention's safety as {polarity}."
            found = safety.setdefault(claim, {"quotes": [], "statement_ids": [], "claim": claim})
            found["quotes"].append(quote)
            found["statement_ids"].append(sid)
        if "efficacy" in a["topics"]:
            outcome = _outcome(polarity)
            claim = f"Statements report a {polarity} effect."
            found = outcomes.setdefault(
                claim,
                {"quotes": [], "statement_ids": [], "outcome": outcome, "direction": DIRECTION.get(polarity, "unclear"),
                 "change": "unclear", "claim": claim},
            )  # fmt: skip
            found["quotes"].append(quote)
            found["statement_ids"].append(sid)
        for name in a["adverse_events"]:
            events.setdefault(name, []).append(sid)
    listed = [{"statement_ids": ids, "name": name} for name, ids in events.items()]
    return list(safety.values()), list(outcomes.values()), listed


def _united(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings with the same claim as one, with all their ids and quotes."""
    by_claim: dict[str, dict[str, Any]] = {}
    for finding in findings:
        kept = by_claim.setdefault(finding["claim"], {**finding, "quotes": [], "statement_ids": []})
        kept["statement_ids"] += [sid for sid in finding["statement_ids"] if sid not in kept["statement_ids"]]
        kept["quotes"] += finding["quotes"]
    return list(by_claim.values())


def _capped(findings: list[dict[str, Any]], cited: int, quotes: int) -> list[dict[str, Any]]:
    """Each finding split where the schema's id bound is reached, with the quotes of its own ids (at most `quotes`,
    at least one)."""
    out = []
    for finding in findings:
        ids = finding["statement_ids"]
        for start in range(0, len(ids), cited):
            chunk = ids[start : start + cited]
            own = [q for q in finding["quotes"] if q["statement_id"] in chunk][: max(1, quotes)]
            out.append({**finding, "statement_ids": chunk, "quotes": own})
    return out


def _summed(counts: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {}
    for item in counts:
        _add(total, item)
    return total


def _add(into: dict[str, Any], item: dict[str, Any]) -> None:
    for key, value in item.items():
        if isinstance(value, dict):
            _add(into.setdefault(key, {}), value)
        else:
            into[key] = into.get(key, 0) + value


def _sections(
    safety: list[dict[str, Any]], outcomes: list[dict[str, Any]], events: list[dict[str, Any]], counts: dict[str, Any]
) -> dict[str, Any]:
    """Verdicts from the counts (never from an earlier verdict), resting on the findings listed."""
    harms = counts.get("harms", {})
    harmed = harms.get("occurred", 0) + harms.get("warned", 0)
    safe = counts.get("safety", {}).get("attributed_to_target", {}).get("favourable", 0)
    if not safety:
        safety_verdict = "insufficient_evidence"
    elif harmed and safe:
        safety_verdict = "mixed"
    elif harmed or events:
        safety_verdict = "concerns_reported"
    elif safe:
        safety_verdict = "no_concerns_reported"
    else:
        safety_verdict = "insufficient_evidence"
    effect = counts.get("efficacy", {}).get("attributed_to_target", {})
    good, bad = effect.get("favourable", 0), effect.get("unfavourable", 0)
    if not outcomes:
        efficacy_verdict = "insufficient_evidence"
    elif good and bad:
        efficacy_verdict = "mixed"
    elif good:
        efficacy_verdict = "benefit_reported"
    elif bad:
        efficacy_verdict = "no_benefit_reported"
    else:
        efficacy_verdict = "insufficient_evidence"
    return {
        "contrasting": [],
        "safety": {
            "findings": safety,
            "adverse_events": events,
            "assessment": safety_verdict,
            "summary": "As the findings say.",
            "certainty_note": "",
        },
        "efficacy": {
            "outcomes": outcomes,
            "assessment": efficacy_verdict,
            "summary": "As the outcomes say.",
            "certainty_note": "",
        },
    }


# --- the two briefs ----------------------------------------------------------------------------------------------


@contextmanager
def at_least_groups(minimum: int) -> Iterator[None]:
    """Pack as the engine does, then split into `minimum` groups (fewer for fewer statements) where packing gave
    fewer: a small target is map-reduced too."""
    original = Session.pack

    def pack(self: Session, views: Any, overhead: int, max_items: int) -> list[list[Any]]:
        groups = original(self, views, overhead, max_items)
        want = min(minimum, len(views))
        if len(groups) >= want:
            return groups
        size, extra = divmod(len(views), want)
        out, start = [], 0
        for i in range(want):
            end = start + size + (1 if i < extra else 0)
            out.append(list(views[start:end]))
            start = end
        return out

    Session.pack = pack  # type: ignore[method-assign]
    try:
        yield
    finally:
        Session.pack = original  # type: ignore[method-assign]


def settings(**llm: Any) -> Settings:
    options = {"model": "stand-in", "base_url": "http://stand-in.invalid/v1", "concurrency": 4, **llm}
    return load_settings(None, overrides={"llm": options, "cache": {"enabled": False}}, environ={})


def brief_with(source: Source, llm: dict[str, Any], model: StandIn) -> Brief:
    client = httpx.AsyncClient(transport=httpx.MockTransport(model.handle))
    chosen = settings(**llm)
    return summarize(source, engine=LLMEngine(chosen, http_client=client), settings=chosen)


def key_facts(brief: Brief) -> dict[str, Any]:
    """What must agree: verdicts, names, and the supporting ids of each claim, outcome, event and intervention."""
    claims: dict[str, set[str]] = {}
    for finding in [*brief.safety.findings, *brief.contrasting]:
        claims.setdefault(finding.claim, set()).update(finding.statement_ids)
    outcomes: dict[str, set[str]] = {}
    for outcome in brief.efficacy.outcomes:
        outcomes.setdefault(outcome.outcome, set()).update(outcome.statement_ids)
    events: dict[str, set[str]] = {}
    for event in brief.safety.adverse_events:
        events.setdefault(event.name, set()).update(event.statement_ids)
    intervention = brief.target.intervention
    return {
        "safety": brief.safety.assessment,
        "efficacy": brief.efficacy.assessment,
        "claims": claims,
        "outcomes": outcomes,
        "events": events,
        "intervention": (intervention.name, sorted(intervention.statement_ids)) if intervention else None,
    }


def differences(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    return [f"{key}: {one[key]!r} != {other[key]!r}" for key in one if one[key] != other[key]]


def sources(data_dir: Path) -> Iterator[tuple[str, Source]]:
    """The bundled example, then the brief_targets (when the data folder is there)."""
    yield "example", load_statements(EXAMPLE)
    path = data_dir / "brief_targets" / "statements.jsonl"
    if not path.is_file():
        print(f"skipped the brief_targets: {path} not found", file=sys.stderr)
        return
    by_target: dict[int, list[Statement]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                by_target.setdefault(row["target"], []).append(Statement(id="S1", text=row["text"]))
    for target, items in sorted(by_target.items()):
        yield f"T{target}", Source(format="brief_targets", target=Target(), statements=items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--chunk-budget", type=int, default=1500)
    parser.add_argument(
        "--cut-outcomes",
        action="store_true",
        help="the stand-in lists one outcome with one id and one quote, instead of every outcome split at the id "
        "bound: every other supporting id and outcome must then come from the annotations",
    )
    parser.add_argument(
        "--without-counted-outcomes",
        action="store_true",
        help="turn the engine's counting of outcome support from the annotations off (what it restores)",
    )
    args = parser.parse_args()
    if args.without_counted_outcomes:
        engine_module.with_counted_support = lambda sections, annotations, texts, warnings: with_counted_event_ids(
            sections, annotations
        )
    one_call = {"max_tokens": 1_000_000, "chunk_token_budget": 1_000_000}
    mapped = {"chunk_token_budget": args.chunk_budget, "reduce_token_budget": 200}
    agree, total, levels_ok, problems, no_merge = 0, 0, 0, [], []
    calls = {"brief": 0, "chunk": 0, "sections": 0}
    for name, source in sources(args.data_dir):
        total += 1
        single_model, mapped_model = StandIn(args.cut_outcomes), StandIn(args.cut_outcomes)
        single = brief_with(source, one_call, single_model)
        with at_least_groups(MIN_GROUPS):
            reduced = brief_with(source, mapped, mapped_model)
        if single_model.calls != {"brief": 1}:
            problems.append(f"{name}: the one-call brief took {single_model.calls}")
        for kind, n in mapped_model.calls.items():
            calls[kind] = calls.get(kind, 0) + n
        # a merge of merged parts: two levels (a level whose parts hold no finding makes no call)
        levels_ok += mapped_model.second_level > 0
        if "sections" not in mapped_model.calls:
            no_merge.append(name)  # no group drew a finding: nothing to merge
        diff = differences(key_facts(single), key_facts(reduced))
        if diff:
            problems.append(f"{name}: " + "; ".join(diff)[:400])
        else:
            agree += 1
    command = f"python bench/bench_llm_consistency.py --data-dir {args.data_dir} --chunk-budget {args.chunk_budget}"
    command += " --cut-outcomes" if args.cut_outcomes else ""
    command += " --without-counted-outcomes" if args.without_counted_outcomes else ""
    print(f"command: {command}")
    print(f"inputs: {total} (the example and the brief_targets)")
    print(f"same verdicts, names and supporting ids in one call and in map-reduce: {agree} of {total}")
    print(
        f"map-reduce runs with a merge of merged parts (two levels or more): {levels_ok} of {total}; "
        f"no merge call (no group drew a finding): {len(no_merge)} ({', '.join(no_merge)})"
    )
    print(f"map-reduce calls: {calls.get('chunk', 0)} map, {calls.get('sections', 0)} merge")
    for problem in problems:
        print(f"  {problem}")
    return 0 if agree == total and not problems and levels_ok + len(no_merge) == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
