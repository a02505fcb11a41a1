"""The parent's lean paths give what the plain ones give: the engine's annotations, the JSON's streamed pieces."""

from __future__ import annotations

from pathlib import Path

from summarizer.engines.extractive.engine import _annotation
from summarizer.engines.extractive.reading import annotate
from summarizer.models import Annotation


def _constructed(text: str) -> tuple[Annotation, Annotation]:
    reading = annotate(text)
    given = {"topics", "polarity", "annotated_by"}
    given |= {name for name in ("adverse_events", "absent_events") if getattr(reading, name)}
    plain = Annotation.model_construct(
        given,
        topics=list(reading.topics),
        polarity=reading.polarity,
        annotated_by="extractive",
        adverse_events=list(reading.adverse_events),
        absent_events=list(reading.absent_events),
    )
    return _annotation(reading, "extractive"), plain


def test_annotations_are_those_model_construct_gives_with_the_same_fields_set() -> None:
    texts = (
        "Patients given the new drug reported severe headache and nausea.",
        "No hepatotoxicity was observed with the treatment.",
        "The method was described elsewhere.",
    )
    for text in texts:
        lean, plain = _constructed(text)
        assert lean == plain
        assert lean.model_fields_set == plain.model_fields_set
        assert lean.model_dump_json() == plain.model_dump_json()


def test_json_pieces_of_several_hundred_items_are_the_json_rendering(example_path: Path) -> None:
    from summarizer.pipeline import summarize
    from summarizer.readers import load_statements
    from summarizer.renderers import render, render_chunks

    brief = summarize(load_statements(example_path))
    many = [s.model_copy(update={"id": f"S{n + 1}"}) for n in range(600) for s in brief.statements[:1]]
    large = brief.model_copy(update={"statements": many})
    assert "".join(render_chunks(large, "json")) == render(large, "json")
