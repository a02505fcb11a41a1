"""The one bridge from synchronous callers to the engine's coroutines."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from typing import Any, TypeVar

ResultT = TypeVar("ResultT")


def run_sync(coro: Coroutine[Any, Any, ResultT]) -> ResultT:
    """Run a coroutine to completion, also when the caller already runs an event loop (then in a worker thread).

    The coroutine's result is handed over outside the main task: asyncio.run's SIGINT handler names the main task,
    and restoring the previous handler formats it (signal's int-to-enum lookup), so a main task holding a large
    result (a brief of hundreds of findings) would be repr'd whole, once per run.
    """
    results: list[ResultT] = []

    async def main() -> None:
        results.append(await coro)

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(main())
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, main()).result()
    return results[0]
