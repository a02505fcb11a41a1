"""Credentials out of upstream error text: an endpoint may echo the request's headers in its error body."""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[redacted]"
_PATTERNS = (
    re.compile(r"(?i)(authorization|proxy-authorization|x-api-key|api[-_]?key|cookie)(['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+(?:\s+[^\s'\",}]+)?"),
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]{4,}"),
    re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_\-]{6,}"),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """The text with known secrets and anything that looks like a credential replaced by [redacted]."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _PATTERNS[1].sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    return _PATTERNS[2].sub(REDACTED, text)
