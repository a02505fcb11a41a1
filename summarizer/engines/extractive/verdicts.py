"""The weighing of the sides into a verdict.

A verdict rests on the statements' weights (1 for a statement that cites the target alone, 1/2 for one that cites
it among several papers). A statement of a trial's own report stands on a side of the efficacy verdict only for a
result not already counted there (sections.py): one outcome reported twice, in the abstract and in the results,
weighs once. Statements that point another way make the verdict "mixed" only when they weigh at least
VerdictRules.min_dissent and at least VerdictRules.dissent_share of all: one statement against a consistent
majority does not.

A verdict never contradicts the section's own findings: an adverse event reported with the intervention is never
outweighed into "no concerns reported". Where the reassuring statements weigh more and the concerns alone would not
make the evidence mixed, the verdict is "mixed" all the same (contract.contract_violations checks it on every
brief). Likewise an improvement the statements report is never outweighed into "no benefit reported": against more
unchanged outcomes the efficacy verdict is "mixed" (bench/brief_consistency.py checks it on the benchmark briefs).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summarizer.engines.extractive.evidence import ReadStatement
from summarizer.engines.extractive.target_profile import RULES, VerdictRules, statement_weight
from summarizer.models import EfficacyAssessment, SafetyAssessment


def weigh(sides: Mapping[str, Sequence[ReadStatement]], rules: VerdictRules = RULES) -> tuple[str | None, bool]:
    """The side the statements weigh most for, and whether the evidence is mixed.

    It is mixed when the statements for the other sides weigh at least rules.min_dissent and rules.dissent_share of
    all, unless a single statement stands against a majority of several that point that way only (or the sides
    weigh the same: then it is mixed too).
    """
    weights = {
        side: sum(statement_weight(i.reading.treatment) for i in group) for side, group in sides.items() if group
    }
    total = sum(weights.values())
    if total <= 0:
        return None, False
    top = max(weights, key=lambda side: (weights[side], len(sides[side]), side))
    dissent = total - weights[top]
    dissenting = sum(len(sides[side]) for side in weights if side != top)
    if dissent > 0 and dissent >= weights[top]:
        return top, True
    # a statement that also points the other way does not count in the majority it would stand against alone
    others = {id(item) for side in weights if side != top for item in sides[side]}
    lone = dissenting == 1 and sum(id(item) not in others for item in sides[top]) >= 2
    return top, dissent >= rules.min_dissent and dissent >= rules.dissent_share * total and not lone


def safety_verdict(
    concerns: Sequence[ReadStatement], reassuring: Sequence[ReadStatement], rules: VerdictRules = RULES
) -> SafetyAssessment:
    """The safety assessment of the statements that report harms (concerns) and those that report none.

    A statement that reports an adverse event is never outweighed: against more reassurance it makes the verdict
    mixed, never no_concerns_reported."""
    side, mixed = weigh({"concerns": concerns, "reassuring": reassuring}, rules)
    if side is None:
        return "insufficient_evidence"
    if mixed or (side == "reassuring" and concerns):
        return "mixed"
    return "concerns_reported" if side == "concerns" else "no_concerns_reported"


def efficacy_verdict(sides: Mapping[str, Sequence[ReadStatement]], rules: VerdictRules = RULES) -> EfficacyAssessment:
    """The efficacy assessment of the statements by what they report of the outcomes: improved, worsened,
    no_difference. Mixed needs an improvement among the sides."""
    side, mixed = weigh(sides, rules)
    if side is None:
        return "insufficient_evidence"
    if mixed and sides["improved"]:
        return "mixed"
    if side == "improved":
        return "benefit_reported"
    if side == "worsened":
        return "harm_reported"
    # an improvement the statements report is never outweighed into "no benefit reported", as a concern is never
    # outweighed into "no concerns reported": against more unchanged outcomes the verdict is mixed
    return "mixed" if sides["improved"] else "no_benefit_reported"
