"""The brief's data model: the public contract of ../shared/spec/brief-v1.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue
from pydantic.json_schema import SkipJsonSchema

SCHEMA_VERSION: Literal["1"] = "1"

Stance = Literal["supporting", "mentioning", "contrasting"]
StatementType = Literal[Stance, "unclassified"]
STATEMENT_TYPES: tuple[StatementType, ...] = ("supporting", "mentioning", "contrasting", "unclassified")
Topic = Literal["safety", "efficacy", "other"]
Polarity = Literal["favourable", "unfavourable", "neutral", "unclear"]
SafetyAssessment = Literal["no_concerns_reported", "concerns_reported", "mixed", "insufficient_evidence"]
EfficacyAssessment = Literal[
    "benefit_reported", "no_benefit_reported", "harm_reported", "mixed", "insufficient_evidence"
]
Direction = Literal["improved", "worsened", "no_difference", "unclear"]
Change = Literal["increased", "decreased", "no_difference", "unclear"]
CertaintyLevel = Literal["high", "moderate", "low", "very_low"]
StudyDesign = Literal[
    "randomised_trial",
    "non_randomised_trial",
    "observational",
    "case_report",
    "animal",
    "in_vitro",
    "review",
    "other",
]


# JSON Schema's readOnly marks a field the pipeline computes: an input's value is replaced, a model is never asked
PIPELINE_FILLED: dict[str, JsonValue] = {"readOnly": True}


class ContractModel(BaseModel):
    """Base for contract models: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid")


class Citing(ContractModel):
    """The citing paper, as far as the input tells."""

    doi: str | None = None
    title: str | None = None
    year: int | None = None
    journal: str | None = None
    retracted: bool | None = Field(
        default=None, description="The citing paper is retracted or withdrawn (null: the input does not say)."
    )
    editorial_notices: list[str] = Field(
        default_factory=list,
        description="Editorial notices on the citing paper as the source names them: Retracted, Withdrawn, "
        "Has expression of concern, Has erratum, Has correction.",
    )


class Annotation(ContractModel):
    """What an engine read in one statement."""

    topics: list[Topic] = Field(default_factory=list)
    polarity: Polarity = "unclear"
    annotated_by: str
    adverse_events: list[str] = Field(
        default_factory=list, description="Adverse events the statement reports as having occurred."
    )
    absent_events: list[str] = Field(
        default_factory=list, description="Adverse events the statement mentions only as absent."
    )


class Statement(ContractModel):
    """One citation statement after normalisation."""

    id: str = Field(pattern=r"^S[1-9][0-9]*$")
    text: str = Field(pattern=r"\S")
    citing: Citing = Field(default_factory=Citing)
    section: str | None = None
    type: StatementType = "unclassified"
    type_source: str = "source"
    confidence: float | None = Field(default=None, ge=0, le=1)
    occurrences: int = Field(default=1, ge=1)
    annotation: Annotation | None = None
    intents: list[str] = Field(default_factory=list, description="Citation intents the source gave (Semantic Scholar).")
    is_influential: bool | None = None
    self_cite: bool | None = None
    cites_several: bool = Field(
        default=False,
        description="The statement cites the target among several works; it weighs less in the verdicts. Set by "
        "the pipeline.",
        json_schema_extra=PIPELINE_FILLED,
    )
    cited_works: int | None = Field(
        default=None,
        ge=1,
        description="How many works the statement cites, where its citation markers can be read ([1], [2-5], "
        "39,45,47, author-year); null when no citation marker is recognised. Set by the pipeline.",
        json_schema_extra=PIPELINE_FILLED,
    )
    target_marker: SkipJsonSchema[str | None] = Field(
        default=None,
        exclude=True,
        description="The target's own citation marker in the text ('12', '[7]', 'Smith et al., 2020', '5 in "
        "[3]-[7]'), where the reader knows it (the scite API's <cite data-doi>, a full text's reference ids); for an "
        "engine's prompt, not part of the brief.",
    )


class ReportedTallies(ContractModel):
    """What the source itself says about all its citation statements."""

    statements: int | None = None
    publications: int | None = None
    supporting: int | None = None
    mentioning: int | None = None
    contrasting: int | None = None


class Intervention(ContractModel):
    """The treatment the target studied, as the statements (and the abstract, when known) show it."""

    name: str = Field(min_length=1)
    statement_ids: list[str] = Field(
        default_factory=list, description="The statements that attribute an effect or a harm of it to the target."
    )


class Target(ContractModel):
    """The cited paper."""

    doi: str | None = None
    title: str | None = None
    year: int | None = None
    abstract: str | None = None
    intervention: Intervention | None = Field(
        default=None, description="What the target studied; null when it studies no intervention (or none was found)."
    )
    design: StudyDesign | None = Field(
        default=None,
        description="The target's study design as its citing statements (and its title and abstract, when known) "
        "describe it: randomised_trial, non_randomised_trial, observational, case_report (or case series), animal, "
        "in_vitro, review (or meta-analysis), other; null when nothing points to one design. Certainty starts "
        "from it (docs/CERTAINTY.md).",
    )
    design_statement_ids: list[str] = Field(
        default_factory=list,
        description="The statements the design rests on: those that describe the target as of that design "
        "(empty when the design is null or rests on the title and abstract alone).",
    )
    reported_tallies: ReportedTallies = Field(default_factory=ReportedTallies)


class TypeCounts(ContractModel):
    """Statement counts by citation type."""

    supporting: int = 0
    mentioning: int = 0
    contrasting: int = 0
    unclassified: int = 0


class CitingFlags(ContractModel):
    """How many statements come from citing papers that need a second look."""

    retracted: int = Field(default=0, description="Statements whose citing paper is retracted or withdrawn.")
    editorial_notice: int = Field(
        default=0, description="Statements whose citing paper carries an editorial notice (erratum, correction, ...)."
    )
    self_cite: int = Field(default=0, description="Statements whose citing paper shares an author with the target.")


class Tally(ContractModel):
    """Counts computed from the statements, never by a model."""

    statements: int
    duplicates_merged: int
    citing_publications: int | None
    by_type: TypeCounts
    by_section: dict[str, int]
    citing_flags: CitingFlags = Field(default_factory=CitingFlags)


class Quote(ContractModel):
    """A verbatim substring of one statement."""

    statement_id: str
    text: str = Field(min_length=1)


class Finding(ContractModel):
    """One claim grounded in statements."""

    claim: str = Field(min_length=1)
    statement_ids: list[str] = Field(min_length=1)
    quotes: list[Quote] = Field(default_factory=list)
    rests_on_group_citations: bool = Field(
        default=False,
        description="Every statement the finding cites cites the target among several works (cites_several). Set "
        "by the pipeline, never by a model.",
        json_schema_extra=PIPELINE_FILLED,
    )


class AdverseEvent(ContractModel):
    """An adverse event named as reported, with the statements that report it."""

    name: str = Field(min_length=1)
    statement_ids: list[str] = Field(min_length=1)


class Certainty(ContractModel):
    """Certainty of the evidence in the sense of GRADE."""

    level: CertaintyLevel
    reasons: list[str] = Field(min_length=1)


class Safety(ContractModel):
    """What the citing statements say about safety."""

    assessment: SafetyAssessment
    summary: str
    findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    certainty: Certainty


class Outcome(Finding):
    """An efficacy outcome: a finding with the outcome and its direction."""

    outcome: str = Field(min_length=1)
    direction: Direction
    change: Change = "unclear"


class Efficacy(ContractModel):
    """What the citing statements say about efficacy."""

    assessment: EfficacyAssessment
    summary: str
    outcomes: list[Outcome] = Field(default_factory=list)
    certainty: Certainty


class Coverage(ContractModel):
    """How many statements the findings cite."""

    statements_in: int
    statements_cited: int
    uncited_ids: list[str]


class Usage(ContractModel):
    """Model usage for one brief."""

    calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_calls: int = 0


class Provenance(ContractModel):
    """How the brief was made."""

    engine: str = Field(description="The registered name of the engine that made the brief: extractive, llm, ...")
    model: str | None = None
    resolved_model: str | None = None
    base_url: str | None = Field(default=None, description="Host of the endpoint, never a key.")
    prompt_templates: dict[str, str] = Field(default_factory=dict)
    config_sha256: str | None = None
    input_sha256: str | None = None
    created_at: str
    tool_version: str
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)


class Brief(ContractModel):
    """The evidence brief, version 1."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    target: Target
    statements: list[Statement]
    tally: Tally
    safety: Safety
    efficacy: Efficacy
    contrasting: list[Finding] = Field(default_factory=list)
    coverage: Coverage
    provenance: Provenance
    findings_on_retracted_citers: list[str] = Field(
        default_factory=list,
        description="JSON Pointers (RFC 6901) to the findings every statement of which comes from a retracted "
        "citing paper, e.g. /safety/findings/0.",
    )


class Source(BaseModel):
    """What a reader got from one input: the target and its statements in input order."""

    model_config = ConfigDict(extra="forbid")

    format: str
    input_sha256: str | None = Field(default=None, description="SHA-256 of the raw input bytes.")
    target: Target = Field(default_factory=Target)
    statements: list[Statement] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    statement_targets: list[str | None] = Field(
        default_factory=list,
        exclude=True,
        description="The DOI each statement cites, where the input says (parallel to statements; empty: unknown).",
    )
    known_targets: dict[str, Target] = Field(
        default_factory=dict, exclude=True, description="What the input tells of each cited paper, by lower-case DOI."
    )
