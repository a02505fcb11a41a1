"""A statement's reading survives pickling (the engine's workers send readings back to the parent), interpreted and,
where the install compiled it (setup.py, mypyc), compiled: a compiled frozen dataclass cannot be unpickled by
setting its fields, so the readings pickle as their fields in order (SentenceReading / OutcomeMention.__reduce__).
And the guard that runs the reading from its sources when they no longer match the compiled build."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.engines.extractive import compiled
from summarizer.engines.extractive.outcome_spans import OutcomeMention
from summarizer.engines.extractive.reading import SentenceReading, annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.treatment_mention import TreatmentMention, TreatmentReading

ROOT = Path(__file__).resolve().parents[1]

# sentences written for this test
SENTENCES = [
    "Fewer patients given drugamab had nausea (12% vs 30%, p = 0.01), and pain scores were lower than with placebo.",
    "Headache and dizziness were reported in two patients treated with examplazole.",
    "Our results agree with those of the cited trial.",
]


def _full_reading() -> SentenceReading:
    """A reading with every field away from its default, so that a field left out of the pickle shows."""
    outcome = OutcomeMention("pain scores", "decreased", "improved", "pain scores were lower", 1, 42)
    mention = TreatmentMention("drugamab", ("drugamab",), 0, True, False, True, True, True, True)
    return SentenceReading(
        topics=("safety", "efficacy"),
        polarity="favourable",
        adverse_events=("nausea",),
        absent_events=("rash",),
        stance="supporting",
        change="decreased",
        direction="improved",
        outcomes=(outcome,),
        safety_signal="concern",
        safety_quote="Fewer patients had nausea.",
        stance_quote="Our results agree.",
        questions_cited_work=True,
        scores={"stance": 0.25, "ade": 0.75},
        ade_candidate=True,
        event_sentences=(0,),
        safety_sentence=0,
        treatment=TreatmentReading((mention,), (1,), (0,), (2,), (1,), 3, 2, (1,)),
        safety_outcomes=(dataclasses.replace(outcome, outcome="nausea"),),
        general_harms=(("adverse events", 1),),
        polarity_cues=True,
    )


@pytest.mark.parametrize("cls", [SentenceReading, OutcomeMention])
def test_the_pickle_holds_every_field_in_order(cls: type) -> None:
    reading = _full_reading()
    value = reading if cls is SentenceReading else reading.outcomes[0]
    rebuild, fields = value.__reduce__()
    assert rebuild is cls
    assert fields == tuple(getattr(value, field.name) for field in dataclasses.fields(value))


def test_a_reading_round_trips_through_pickle() -> None:
    reading = _full_reading()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(reading, protocol=protocol))
        assert back == reading
        assert type(back) is SentenceReading and type(back.outcomes[0]) is OutcomeMention


def test_real_readings_round_trip_through_pickle() -> None:
    resources = load_resources()
    readings = [annotate(text, resources_=resources) for text in SENTENCES]
    assert pickle.loads(pickle.dumps(readings, protocol=pickle.HIGHEST_PROTOCOL)) == readings


_CHILD = """
import pickle, sys
from summarizer.engines.extractive.compiled import reading_status
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
readings = [annotate(text, resources_=load_resources()) for text in sys.argv[1:]]
assert pickle.loads(pickle.dumps(readings, protocol=pickle.HIGHEST_PROTOCOL)) == readings
print(reading_status())
print(repr(readings))
"""


def _child(interpreted: bool) -> tuple[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    env.pop(compiled.INTERPRETED_ENV, None)
    if interpreted:
        env[compiled.INTERPRETED_ENV] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *SENTENCES], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    status, readings = done.stdout.split("\n", 1)
    return status, readings


def test_interpreted_and_compiled_readings_round_trip_and_agree() -> None:
    status, interpreted = _child(interpreted=True)
    assert status.startswith("interpreted")
    if compiled.why_interpreted() is not None:
        pytest.skip(f"no compiled reading to compare with: {compiled.why_interpreted()}")
    status, built = _child(interpreted=False)
    assert status == "compiled"
    assert built == interpreted


def _package(tmp_path: Path) -> Path:
    for name in compiled.MODULES:
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    (tmp_path / compiled.MANIFEST).write_text(compiled.manifest_text(tmp_path), encoding="utf-8")
    return tmp_path


def test_the_guard_sees_a_source_changed_since_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(compiled.INTERPRETED_ENV, raising=False)
    package = _package(tmp_path)
    assert compiled.why_interpreted(package) is None
    (package / "scan.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert "sources changed" in (compiled.why_interpreted(package) or "")
    monkeypatch.setenv(compiled.INTERPRETED_ENV, "1")
    assert compiled.INTERPRETED_ENV in (compiled.why_interpreted(package) or "")


def test_the_guard_sees_a_build_for_another_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(compiled.INTERPRETED_ENV, raising=False)
    package = _package(tmp_path)
    manifest = json.loads((package / compiled.MANIFEST).read_text(encoding="utf-8"))
    manifest["extension"] = ".cpython-00-other.so"
    (package / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert compiled.why_interpreted(package) == "compiled for another Python"
    assert compiled.why_interpreted(tmp_path / "absent") == "not compiled at install"


def test_the_sources_finder_imports_the_py_source(tmp_path: Path) -> None:
    package = _package(tmp_path)
    finder = compiled._FromSources(package)
    spec = finder.find_spec(f"{compiled.PACKAGE}.scan", None)
    assert spec is not None and spec.origin == str(package / "scan.py")
    assert finder.find_spec(f"{compiled.PACKAGE}.engine", None) is None
