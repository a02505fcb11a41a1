"""One statement set about one target: inputs merged, and the statements about other cited papers set aside.

Several inputs (pages of one export, exports from several services) are read as one statement set; duplicates
across them are merged later exactly as within one input. A brief is about one target: when the statements
cite several (a reference check, a search, a spreadsheet of many papers), the most cited is chosen unless the
user names one, and the warning says which and how many statements were set aside.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from summarizer.errors import InputError
from summarizer.models import ReportedTallies, Source, Statement, Target
from summarizer.readers.common import clean_doi

_SHOWN_TARGETS = 5


def _merge_target(base: Target, other: Target) -> Target:
    """Fill the unknown fields of base from other (both about the same paper)."""
    updates = {
        name: getattr(other, name)
        for name in ("doi", "title", "year", "abstract")
        if getattr(base, name) is None and getattr(other, name) is not None
    }
    if base.reported_tallies == ReportedTallies() and other.reported_tallies != ReportedTallies():
        updates["reported_tallies"] = other.reported_tallies
    return base.model_copy(update=updates) if updates else base


def _targets_of(source: Source) -> list[str | None]:
    """Each statement's cited DOI: its own, else the source's target, else unknown."""
    default = source.target.doi
    own = source.statement_targets if len(source.statement_targets) == len(source.statements) else []
    return [doi or default for doi in own] if own else [default] * len(source.statements)


def merge_sources(sources: Sequence[Source]) -> Source:
    """Read several inputs as one: statements in input order, warnings named by input, targets kept apart."""
    if len(sources) == 1:
        source = sources[0]
        return source.model_copy(update={"statement_targets": _targets_of(source)})
    statements: list[Statement] = []
    targets: list[str | None] = []
    known: dict[str, Target] = {}
    warnings: list[str] = []
    target = Target()
    for source in sources:
        for statement, doi in zip(source.statements, _targets_of(source), strict=True):
            statements.append(statement.model_copy(update={"id": f"S{len(statements) + 1}"}))
            targets.append(doi)
        for doi, known_target in source.known_targets.items():
            known[doi] = _merge_target(known.get(doi, Target()), known_target)
        if source.target.doi:
            doi = source.target.doi.lower()
            known[doi] = _merge_target(known.get(doi, Target()), source.target)
        elif target.doi is None:
            target = _merge_target(target, source.target)
        warnings += source.warnings
    digest = hashlib.sha256("".join(s.input_sha256 or "" for s in sources).encode()).hexdigest()
    return Source(
        format="+".join(dict.fromkeys(s.format for s in sources)),
        input_sha256=digest,
        target=target,
        statements=statements,
        warnings=warnings,
        statement_targets=targets,
        known_targets=known,
    )


def _listing(counts: Counter[str], names: dict[str, str]) -> str:
    shown = ", ".join(f"{names[doi]} ({n})" for doi, n in counts.most_common(_SHOWN_TARGETS))
    more = len(counts) - _SHOWN_TARGETS
    return shown + (f" and {more} more" if more > 0 else "")


def select_target(source: Source, wanted: str | None = None) -> Source:
    """Keep the statements about one target: the wanted DOI, else the most cited; say what was set aside."""
    names: dict[str, str] = {}
    if source.target.doi:
        names[source.target.doi.lower()] = source.target.doi
    targets: list[str | None] = []
    for doi in _targets_of(source):
        if doi:
            names.setdefault(doi.lower(), doi)
        targets.append(doi.lower() if doi else None)
    counts = Counter(doi for doi in targets if doi)
    warnings = list(source.warnings)
    chosen: str | None
    if wanted is not None:
        chosen = (clean_doi(wanted) or wanted).lower()
        names.setdefault(chosen, clean_doi(wanted) or wanted)
        if counts and chosen not in counts:
            raise InputError(f"no statement in the input cites {wanted} (--target); it cites {_listing(counts, names)}")
    elif len(counts) > 1:
        chosen = counts.most_common(1)[0][0]
    else:
        chosen = next(iter(counts), None)
    if chosen is None:
        return source
    kept = [s for s, doi in zip(source.statements, targets, strict=True) if doi in (None, chosen)]
    set_aside = len(source.statements) - len(kept)
    if set_aside:
        others = Counter({doi: n for doi, n in counts.items() if doi != chosen})
        how = "as asked (--target)" if wanted is not None else "the most cited; choose another with --target DOI"
        warnings.append(
            f"the input cites {len(counts)} different targets: this brief is about {names[chosen]} "
            f"({len(kept)} statement{'s' if len(kept) != 1 else ''}, {how}); {set_aside} statement"
            f"{'s' if set_aside != 1 else ''} about {len(others)} other target{'s' if len(others) != 1 else ''} "
            f"set aside: {_listing(others, names)}"
        )
    target = source.target if source.target.doi is None or source.target.doi.lower() == chosen else Target()
    target = _merge_target(target.model_copy(update={"doi": names[chosen]}), source.known_targets.get(chosen, Target()))
    statements = [s.model_copy(update={"id": f"S{i}"}) for i, s in enumerate(kept, start=1)] if set_aside else kept
    return source.model_copy(
        update={
            "target": target,
            "statements": statements,
            "warnings": warnings,
            "statement_targets": [names[chosen]] * len(statements),
        }
    )
