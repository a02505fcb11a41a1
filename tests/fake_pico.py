"""A fixture standing in for the PICO reader in tests of the target profile: it reads the given names, and only
them, as interventions; and the profile of written sentences, with that stand-in or with the shipped reader, shared by
the tests of the target profile."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.target_profile import TargetProfile, profile_target
from summarizer.models import Target


@dataclass(frozen=True)
class FakeSpan:
    start: int
    end: int


@dataclass(frozen=True)
class FakePicoReader:
    """Reads the first place each given name stands in a text as an intervention span, in the text's order; and,
    word by word (the outcome check on a chosen name, name_roles.py), the `outcomes`' words as outcomes and the
    names' other words as interventions."""

    names: tuple[str, ...]
    outcomes: tuple[str, ...] = ()

    def tag_words(self, words: list[str]) -> list[str]:
        named = {w.lower() for name in self.names for w in name.split()}
        measured = {w.lower() for name in self.outcomes for w in name.split()}
        return ["O" if w.lower() in measured else "I" if w.lower() in named else "N" for w in words]

    def intervention_spans(self, text: str) -> list[FakeSpan]:
        spans = []
        for name in self.names:
            at = text.find(name)
            if at >= 0:
                spans.append(FakeSpan(at, at + len(name)))
        return sorted(spans, key=lambda span: span.start)


def profile_with(texts: list[str], *names: str, outcomes: tuple[str, ...] = ()) -> TargetProfile:
    """The target profile of texts, with a PICO reader that reads exactly `names` as interventions (and, word by
    word, `outcomes` as outcomes)."""
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    reader = FakePicoReader(names, outcomes)
    return profile_target(Target(), readings, res, texts=texts, pico=lambda: reader)  # type: ignore[arg-type]


def profile_name(*texts: str) -> str | None:
    """The intervention's name the target profile reads from texts, with the shipped PICO reader."""
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    return profile_target(Target(), readings, res, texts=list(texts)).name
