"""Shared fixtures: paths of the bundled example and a fake engine for pipeline tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from summarizer.engines.base import EngineResult, Reading, ReadRequest
from summarizer.models import (
    Annotation,
    Certainty,
    Efficacy,
    Finding,
    Intervention,
    Outcome,
    Quote,
    Safety,
    Statement,
    Target,
)

SCRIPTED_INTERVENTION = Intervention(name="the scripted treatment")

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PATH = REPO_ROOT / "examples" / "uc-msc-covid19-scite-page.txt"


@pytest.fixture(scope="session", autouse=True)
def _extractive_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The extractive engine's start-up cache (engines/extractive/startup.py) in the session's own directory, not
    the user's; the command lines the tests start inherit it."""
    from summarizer.engines.extractive.startup import CACHE_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("extractive-cache")))
        yield


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE_PATH


@pytest.fixture(scope="session")
def citing_sentences() -> list[str]:
    """Real citing sentences, the statements of the bundled scite page, for the service stand-ins to serve."""
    from summarizer.readers import load_statements

    return [s.text for s in load_statements(EXAMPLE_PATH).statements]


class ScriptedEngine:
    """A fake engine whose sections are given by the test, to exercise the pipeline and grounding."""

    name = "extractive"

    def __init__(
        self,
        safety_findings: Sequence[Finding] = (),
        outcomes: Sequence[Outcome] = (),
        contrasting: Sequence[Finding] = (),
        safety_assessment: str = "no_concerns_reported",
        efficacy_assessment: str = "benefit_reported",
        intervention: Intervention | None = SCRIPTED_INTERVENTION,
    ) -> None:
        self.safety_findings = list(safety_findings)
        self.outcomes = list(outcomes)
        self.contrasting = list(contrasting)
        self.safety_assessment = safety_assessment
        self.efficacy_assessment = efficacy_assessment
        self.intervention = intervention

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        certainty = Certainty(level="very_low", reasons=["indirect: citing statements"])
        return EngineResult(
            annotations=[Annotation(topics=["other"], polarity="neutral", annotated_by="scripted") for _ in statements],
            intervention=self.intervention,
            inferred_types={s.id: "mentioning" for s in statements if s.type == "unclassified"},
            safety=Safety.model_validate(
                {
                    "assessment": self.safety_assessment,
                    "summary": "scripted",
                    "findings": self.safety_findings,
                    "certainty": certainty,
                }
            ),
            efficacy=Efficacy.model_validate(
                {
                    "assessment": self.efficacy_assessment,
                    "summary": "scripted",
                    "outcomes": self.outcomes,
                    "certainty": certainty,
                }
            ),
            contrasting=self.contrasting,
        )

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        return [Reading(id=r.id, annotation=Annotation(annotated_by="scripted"), stance="mentioning") for r in requests]


def quote_of(statement_id: str, text: str) -> Quote:
    return Quote(statement_id=statement_id, text=text)
