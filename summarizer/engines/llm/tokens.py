"""Offline token estimates: a bytes-per-token ratio, calibrated from the usage a server reports."""

from __future__ import annotations

import math
from dataclasses import dataclass

DEFAULT_BYTES_PER_TOKEN = 3.6
MIN_BYTES_PER_TOKEN = 1.5
MAX_BYTES_PER_TOKEN = 8.0


def utf8_len(text: str) -> int:
    """Length of a text in UTF-8 bytes."""
    return len(text.encode("utf-8"))


@dataclass
class TokenEstimator:
    """Estimates tokens as UTF-8 bytes over a ratio; `calibrate` refines the ratio from reported usage."""

    bytes_per_token: float = DEFAULT_BYTES_PER_TOKEN
    observed_bytes: int = 0
    observed_tokens: int = 0

    def estimate(self, text: str) -> int:
        """Estimated tokens of a text (never less than 1 for a non-empty text)."""
        size = utf8_len(text)
        return math.ceil(size / self.bytes_per_token) if size else 0

    def estimate_bytes(self, size: int) -> int:
        """Estimated tokens of a text of `size` UTF-8 bytes."""
        return math.ceil(size / self.bytes_per_token) if size else 0

    def observe(self, prompt_bytes: int, prompt_tokens: int) -> None:
        """Record one request's prompt size and the tokens the server counted for it."""
        if prompt_bytes > 0 and prompt_tokens > 0:
            self.observed_bytes += prompt_bytes
            self.observed_tokens += prompt_tokens

    def calibrate(self) -> float:
        """Set the ratio from what was observed so far (order-independent) and return it."""
        if self.observed_tokens:
            ratio = self.observed_bytes / self.observed_tokens
            self.bytes_per_token = min(max(ratio, MIN_BYTES_PER_TOKEN), MAX_BYTES_PER_TOKEN)
        return self.bytes_per_token
