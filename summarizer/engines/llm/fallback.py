"""The extractive engine's readings, for the statements and sentences the model left without one.

The extractive engine is a sibling that never imports this engine, so the import runs one way. It needs no optional
package and no network: a failure here is a bug or a broken install, and it is raised, not hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.engines.base import Reading, ReadRequest


def extractive_readings(requests: Sequence[ReadRequest]) -> dict[str, Reading]:
    """The extractive engine's reading of each request, by request id."""
    if not requests:
        return {}
    from summarizer.engines.extractive import ExtractiveEngine  # loads its rules and models only when needed

    return {r.id: r for r in ExtractiveEngine().read(list(requests))}
