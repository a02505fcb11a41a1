"""Counts of a group's statements, made by software from the model's annotations, for the merge step.

A merge sees the findings its parts kept, which are few; the counts say how many statements stand behind each side:
statements per topic and attribution, favourable / unfavourable / neutral per topic among those attributed to the
target, and statements with harms that occurred, were warned of or were reported absent. Counts add up, so a
second-level merge gets the sum of its parts' counts, never an earlier verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from summarizer.engines.llm.schemas import ATTRIBUTED, WARNING_SUFFIX, AnnotationOut, SectionsOutput, SingleOutput
from summarizer.models import AdverseEvent

SectionsT = TypeVar("SectionsT", bound=SectionsOutput | SingleOutput)

TOPICS = ("safety", "efficacy")
POLARITIES = ("favourable", "unfavourable", "neutral", "unclear")
HARMS = ("occurred", "warned", "absent")


@dataclass
class Counts:
    """Statement counts of one group (or the sum of several)."""

    statements: int = 0
    groups: int = 0
    attribution: Counter[str] = field(default_factory=Counter)  # "safety:target", "efficacy:other_work", ...
    polarity: Counter[str] = field(default_factory=Counter)  # "safety:favourable", ... (attributed statements)
    harms: Counter[str] = field(default_factory=Counter)  # occurred, warned, absent (attributed statements)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.statements + other.statements,
            self.groups + other.groups,
            self.attribution + other.attribution,
            self.polarity + other.polarity,
            self.harms + other.harms,
        )

    def data(self) -> dict[str, Any]:
        """The counts as the merge prompt shows them: per topic, statements by attribution and, of those
        attributed to the target, by polarity; harms; zeros left out."""
        out: dict[str, Any] = {"statements": self.statements}
        for topic in TOPICS:
            by_attribution = {
                key.split(":", 1)[1]: n for key, n in sorted(self.attribution.items()) if key.startswith(f"{topic}:")
            }
            by_polarity = {p: self.polarity[f"{topic}:{p}"] for p in POLARITIES if self.polarity[f"{topic}:{p}"]}
            if by_attribution:
                out[topic] = {"by_attribution": by_attribution, "attributed_to_target": by_polarity}
        harms = {h: self.harms[h] for h in HARMS if self.harms[h]}
        if harms:
            out["harms"] = harms
        return out


def count(annotations: Iterable[AnnotationOut]) -> Counts:
    """The counts of one group's annotations (one group)."""
    counts = Counts(groups=1)
    for item in annotations:
        counts.statements += 1
        attributed = item.attribution in ATTRIBUTED
        for topic in dict.fromkeys(item.topics):
            if topic not in TOPICS:
                continue
            counts.attribution[f"{topic}:{item.attribution}"] += 1
            if attributed:
                counts.polarity[f"{topic}:{item.polarity}"] += 1
        if attributed:
            warned = [name for name in item.adverse_events if _is_warning(name)]
            for harm, names in zip(
                HARMS, ([n for n in item.adverse_events if n not in warned], warned, item.absent_events), strict=True
            ):
                if names:
                    counts.harms[harm] += 1
    return counts


def intervention_ids(annotations: Mapping[str, AnnotationOut]) -> list[str]:
    """The statements that attribute an effect or a harm of the intervention to the target: those annotated as
    the target's (alone or among several) on safety or efficacy, in the order given."""
    return [
        sid
        for sid, item in annotations.items()
        if item.attribution in ATTRIBUTED and any(topic in TOPICS for topic in item.topics)
    ]


def event_index(annotations: Mapping[str, AnnotationOut]) -> dict[str, tuple[str, list[str]]]:
    """Per harm (case and a trailing "(warning)" aside): its name as first written and the statements attributed to
    the target whose annotation names it (occurred or warned of), in order: the support of an adverse event,
    counted in code."""
    index: dict[str, tuple[str, list[str]]] = {}
    for sid, item in annotations.items():
        if item.attribution not in ATTRIBUTED:
            continue
        for name in item.adverse_events:
            _, ids = index.setdefault(_event_key(name), (name, []))
            if sid not in ids:
                ids.append(sid)
    return index


def _is_warning(name: str) -> bool:
    return " ".join(name.lower().split()).endswith(WARNING_SUFFIX)


def _event_key(name: str) -> str:
    key = " ".join(name.lower().split())
    return key.removesuffix(WARNING_SUFFIX).strip()


def with_counted_event_ids(sections: SectionsT, annotations: Mapping[str, AnnotationOut]) -> SectionsT:
    """The sections with the adverse events counted in code from the annotations (event_index): every event's
    statements completed, and every harm that an annotation attributed to the target names but the sections do not
    list added, so that an answer's item bounds never cut an event or its support."""
    index = event_index(annotations)
    listed = {_event_key(e.name): e for e in sections.safety.adverse_events}
    events: list[AdverseEvent] = []
    for key, event in listed.items():
        ids = list(dict.fromkeys([*event.statement_ids, *index.get(key, ("", []))[1]]))
        events.append(event if ids == event.statement_ids else event.model_copy(update={"statement_ids": ids}))
    events += [AdverseEvent(name=name, statement_ids=ids) for key, (name, ids) in index.items() if key not in listed]
    if events == list(sections.safety.adverse_events):
        return sections
    safety = sections.safety.model_copy(update={"adverse_events": events})
    return cast(SectionsT, sections.model_copy(update={"safety": safety}))
