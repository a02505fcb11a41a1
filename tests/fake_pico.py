"""A fixture standing in for the PICO reader in tests of the target profile: it reads the given names, and only
them, as interventions (written for tests/test_clinical_context.py and tests/test_framed_names.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FakeSpan:
    start: int
    end: int


@dataclass(frozen=True)
class FakePicoReader:
    """Reads the first place each given name stands in a text as an intervention span, in the text's order."""

    names: tuple[str, ...]

    def intervention_spans(self, text: str) -> list[FakeSpan]:
        spans = []
        for name in self.names:
            at = text.find(name)
            if at >= 0:
                spans.append(FakeSpan(at, at + len(name)))
        return sorted(spans, key=lambda span: span.start)
