"""The PICO readers by name: the CRF (pico.py, the default, pure Python) and the optional MiniLM encoder reader
(pico_encoder.py, needs the `encoder` extra). Both tag the words of a sentence P, I, O or N through the same
interface (`tag`, `tag_words`, `marginals`, `spans`); `summarizer eval --task pico --pico-reader NAME` takes its
choices from PICO_READERS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from summarizer.engines.extractive.pico import PicoSpan
from summarizer.errors import ConfigError
from summarizer.registry import Registry

DEFAULT_PICO_READER = "crf"


class PicoReader(Protocol):
    """What a PICO reader offers: tags of any tokeniser's tokens, of the reader's words, the words' marginals of
    P, I and O, and the spans of a text."""

    def tag(self, tokens: Sequence[str]) -> list[str]: ...

    def tag_words(self, words: Sequence[str]) -> list[str]: ...

    def tag_many(self, token_lists: Sequence[Sequence[str]]) -> list[list[str]]: ...

    def marginals(self, words: Sequence[str]) -> list[tuple[float, float, float]]: ...

    def spans(self, text: str) -> list[PicoSpan]: ...


@dataclass(frozen=True)
class PicoReaderSpec:
    """One reader: its name, what it is, how to load the shipped one, and what its shipped data trained on."""

    name: str
    summary: str
    load: Callable[[], PicoReader]
    trained_on: str
    aliases: tuple[str, ...] = ()


def _load_crf() -> PicoReader:
    from summarizer.engines.extractive.pico import load_pico_tagger

    tagger = load_pico_tagger()
    if tagger is None:
        raise ConfigError("the PICO tagger's data file is not installed (see scripts/train_pico.py)")
    return tagger


def _load_encoder() -> PicoReader:
    from summarizer.engines.extractive.pico_encoder import load_pico_encoder_tagger

    return load_pico_encoder_tagger(threads=1)


PICO_READERS: Registry[PicoReaderSpec] = Registry("PICO reader")
PICO_READERS.register(
    PicoReaderSpec(
        "crf",
        "linear-chain CRFs over word features, pure Python (default)",
        _load_crf,
        "all of EBM-NLP's dev.jsonl and interventions.jsonl",
    )
)
PICO_READERS.register(
    PicoReaderSpec(
        "encoder",
        "a BiLSTM head on the frozen MiniLM encoder's word vectors (needs the encoder extra)",
        _load_encoder,
        "all of EBM-NLP's dev.jsonl",
        aliases=("minilm",),
    )
)
