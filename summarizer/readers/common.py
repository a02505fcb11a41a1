"""Helpers shared by the input readers: value parsing, whitespace, JSON lists and statement building."""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.models import Citing, Statement, StatementType

# Classification words as sources spell them; None means "no classification given".
_TYPE_WORDS: dict[str, StatementType | None] = {
    "supporting": "supporting",
    "support": "supporting",
    "supports": "supporting",
    "mentioning": "mentioning",
    "mention": "mentioning",
    "mentions": "mentioning",
    "contrasting": "contrasting",
    "contrast": "contrasting",
    "contrasts": "contrasting",
    "contradicting": "contrasting",
    "contradict": "contrasting",
    "contradicts": "contrasting",
    "disputing": "contrasting",
    "disputes": "contrasting",
    "unclassified": None,
    "none": None,
    "null": None,
    "n/a": None,
    "na": None,
    "-": None,
    "": None,
}

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_TRUE_WORDS = {"true", "yes", "y", "1", "t"}
_FALSE_WORDS = {"false", "no", "n", "0", "f"}


class BadValue(ValueError):
    """A field value that cannot be used; the message says why."""


def parse_type(value: Any) -> tuple[StatementType, str]:
    """Return (type, type_source) for a classification value; raise BadValue if unknown."""
    if value is None:
        return "unclassified", "none"
    if not isinstance(value, str):
        raise BadValue(f"unknown citation type {value!r}")
    word = value.strip().lower()
    if word not in _TYPE_WORDS:
        raise BadValue(f"unknown citation type {value.strip()!r}")
    statement_type = _TYPE_WORDS[word]
    if statement_type is None:
        return "unclassified", "none"
    return statement_type, "source"


def _number(value: Any, what: str) -> float | None:
    """A finite number from a JSON number or a numeric string; None for an empty value."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise BadValue(f"{what} {text!r} is not a number") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        raise BadValue(f"{what} {value!r} is not a number")
    if math.isnan(number) or math.isinf(number):
        raise BadValue(f"{what} {value!r} is not a number")
    return number


def parse_confidence(value: Any) -> float | None:
    """Return a confidence in [0, 1] from 0.87, 87 or "87%"; None for an empty value."""
    if value is None:
        return None
    percent = isinstance(value, str) and value.strip().endswith("%")
    number = _number(value.strip()[:-1] if percent else value, "confidence")
    if number is None:
        return None
    if percent or 1 < number <= 100:
        number /= 100
    if not 0 <= number <= 1:
        raise BadValue(f"confidence {value!r} is out of range")
    return number


# A model's probability score that overshoots 1 a little (issue 13 saw 1.0982 from scite) is still a probability.
_PROBABILITY_OVERSHOOT = 1.5


def parse_probability(value: Any) -> float | None:
    """Return a probability score as a confidence in [0, 1]; never read as a percentage. None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadValue(f"confidence {value!r} is not a number")
    try:
        number = float(value)
    except ValueError:
        raise BadValue(f"confidence {value!r} is not a number") from None
    if not math.isfinite(number) or not 0 <= number <= _PROBABILITY_OVERSHOOT:
        raise BadValue(f"confidence {value!r} is not a probability")
    return min(number, 1.0)


def parse_year(value: Any) -> int | None:
    """Return a publication year from 2021, "2021" or 2021.0; None for an empty value."""
    if value is None:
        return None
    try:
        number = _number(value, "year")
    except BadValue:
        raise BadValue(f"year {value.strip() if isinstance(value, str) else value!r} is not a year") from None
    if number is None:
        return None
    if not number.is_integer() or not 1000 <= number <= 2999:
        raise BadValue(f"year {value!r} is not a year")
    return int(number)


def parse_bool(value: Any) -> bool | None:
    """Return a boolean from true/false, yes/no or 1/0; None for an empty value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if not text:
            return None
        if text in _TRUE_WORDS:
            return True
        if text in _FALSE_WORDS:
            return False
    raise BadValue(f"{value!r} is not true or false")


_COUNT_DIGITS = 15  # no count of citations has more digits; longer digit strings are not counts


def parse_count(value: Any) -> int | None:
    """Return a non-negative count from 14 or "1,234"; None when absent or unusable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if text.isdigit() and len(text) <= _COUNT_DIGITS:
            return int(text)
    return None


def clean_text(value: Any) -> str | None:
    """Return a stripped string, or None for a missing or blank value."""
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        else:
            return None
    value = value.strip()
    return value or None


def clean(text: str) -> str:
    """Whitespace normalised to single spaces."""
    return _SPACE.sub(" ", text).strip()


def clean_doi(value: Any) -> str | None:
    """Return a DOI without a resolver prefix, or None."""
    text = clean_text(value)
    if text is None:
        return None
    return _DOI_PREFIX.sub("", text).strip() or None


def object_list(value: Any) -> list[Any] | None:
    """Return value if it is a non-empty list holding objects, else None."""
    if isinstance(value, list) and value and any(isinstance(item, dict) for item in value[:50]):
        return value
    return None


# Keys of the error bodies Semantic Scholar ({"error": ...}, {"message": ...}, {"message": ..., "code": ...}) and
# scite (FastAPI: {"detail": "Not Found"} or {"detail": [{"loc": ..., "msg": ..., "type": ...}]}) answer with.
_ERROR_KEYS = {"error", "message", "detail"}
_ERROR_EXTRA_KEYS = {"code", "status", "statusCode", "errorType", "requestId", "type", "title"}


def service_error(data: Any) -> str | None:
    """The message of a service's error body (instead of an export), or None when the data is no error body."""
    if not isinstance(data, dict) or not data or not set(data) <= _ERROR_KEYS | _ERROR_EXTRA_KEYS:
        return None
    for key in ("error", "message", "detail"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if key == "detail" and isinstance(value, list):
            messages = [str(item.get("msg")) for item in value if isinstance(item, dict) and item.get("msg")]
            if messages:
                return "; ".join(messages[:3])
    return None


class StatementMaker:
    """Builds statements with ids S1, S2, ... in input order and collects the readers' warnings."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.statements: list[Statement] = []
        self.warnings: list[str] = []
        self.targets: list[str | None] = []  # the DOI each statement cites, where the input says

    def warn(self, message: str) -> None:
        """Record one warning."""
        self.warnings.append(message)

    def add(
        self,
        text: str,
        *,
        citing: Citing | None = None,
        section: str | None = None,
        statement_type: StatementType = "unclassified",
        type_source: str = "none",
        confidence: float | None = None,
        occurrences: int = 1,
        intents: list[str] | None = None,
        is_influential: bool | None = None,
        self_cite: bool | None = None,
        target_doi: str | None = None,
        target_marker: str | None = None,
    ) -> Statement:
        """Append a statement with the next id and return it."""
        try:
            statement = Statement(
                id=f"S{len(self.statements) + 1}",
                text=text,
                citing=citing if citing is not None else Citing(),
                section=section,
                type=statement_type,
                type_source=type_source,
                confidence=confidence,
                occurrences=occurrences,
                intents=intents if intents is not None else [],
                is_influential=is_influential,
                self_cite=self_cite,
                target_marker=target_marker or None,
            )
        except ValidationError as exc:  # pragma: no cover - the readers validate values first
            raise InputError(f"{self.name}: invalid statement: {exc.errors()[0]['msg']}") from None
        self.statements.append(statement)
        self.targets.append(target_doi)
        return statement
