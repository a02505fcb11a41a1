"""What a service client did, counted: below both the client (http) and the sources (base)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RequestStats:
    """What a client did: requests that went to the network, answers from the cache, retries."""

    sent: int = 0
    from_cache: int = 0
    retries: int = 0
