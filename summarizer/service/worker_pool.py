"""Forked worker processes that each run one job at a time under a time budget, for an asyncio server.

The service's CPU-heavy work (reading an export, the engine, rendering) runs here, not on the event loop, so that
no request can hold the loop (or the GIL it needs) and delay the others: a worker is a process. A job over its
budget is stopped inside the worker by an alarm; a worker that does not answer even then is killed and replaced.

Workers are forked, so that they inherit the server's engine (its loaded models), configuration and registries
without pickling them; the first ones are forked before the server starts its threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import stat
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# how long past its budget a worker may take to report that it stopped the job, before it is killed
KILL_GRACE_SECONDS = 2.0


class OverBudget(Exception):
    """The job did not finish within its budget (the worker stopped it or was killed)."""


class PoolBusy(Exception):
    """No worker became free within the job's budget."""


class WorkerLost(Exception):
    """The worker died while running the job (killed from outside, out of memory)."""


class _Stopped(BaseException):
    """Raised in a worker by its alarm; a BaseException, so that no `except Exception` in a job swallows it."""


@dataclass(frozen=True)
class _Failure:
    """A job's exception, sent back as it is, or as its type and text when it cannot be pickled."""

    error: BaseException


def _run_jobs(job: Callable[[Any], Any], conn: multiprocessing.connection.Connection) -> None:
    """A worker's loop: receive (payload, budget), run the job under an alarm, send back its result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    running = False

    def stop(signum: int, frame: object) -> None:
        if running:
            raise _Stopped

    signal.signal(signal.SIGALRM, stop)
    while True:
        try:
            payload, budget = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        result: Any
        try:
            running = True
            signal.setitimer(signal.ITIMER_REAL, max(budget, 0.001))
            try:
                result = job(payload)
            finally:
                running = False
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _Stopped:
            result = OverBudget()
        except Exception as exc:  # noqa: BLE001 - sent back to the server, which maps it to a response
            result = _Failure(exc)
        try:
            conn.send(result)
        except (TypeError, AttributeError, ValueError) as exc:  # the result or its exception does not pickle
            original = result.error if isinstance(result, _Failure) else exc
            conn.send(_Failure(RuntimeError(f"{type(original).__name__}: {original}")))
        except (BrokenPipeError, ConnectionResetError):
            return


class _Worker:
    conn: multiprocessing.connection.Connection

    def __init__(self, job: Callable[[Any], Any], others: list[_Worker]) -> None:
        ours, theirs = multiprocessing.Pipe()
        context = multiprocessing.get_context("fork")
        # the child closes the server's ends of every pipe, so that it sees EOF when the server dies
        ends = [ours, *(w.conn for w in others)]
        self.process = context.Process(target=_start_worker, args=(job, theirs, ends), daemon=True)
        with warnings.catch_warnings():
            # Python 3.12+ warns about forking a process with threads; a worker only runs its own code and talks
            # to the server through its pipe, so it takes none of the locks the server's threads may hold
            warnings.simplefilter("ignore", DeprecationWarning)
            self.process.start()
        theirs.close()
        self.conn = ours
        self.killed = False

    def call(self, payload: Any, budget: float) -> Any:
        """Send a job and wait for its result (in a thread: this blocks)."""
        try:
            self.conn.send((payload, budget))
            return self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerLost(f"worker {self.process.pid} died") from exc
        finally:
            if self.killed:
                self.conn.close()

    def kill(self) -> None:
        self.killed = True
        self.process.kill()
        self.process.join(timeout=5)

    def close(self) -> None:
        self.conn.close()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


def _release_sockets(keep: int) -> None:
    """Let go of the server's sockets (listening, clients'): a client's connection must close when the server
    closes it, not when a worker ends. Each is replaced by /dev/null rather than closed, so that no object the
    worker inherited can later close a number that a file of the worker's own has taken."""
    fd_dir = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    try:
        numbers = [int(name) for name in os.listdir(fd_dir)]
    except OSError:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in numbers:
        if fd > 2 and fd not in (keep, null):
            with contextlib.suppress(OSError):
                if stat.S_ISSOCK(os.fstat(fd).st_mode):
                    os.dup2(null, fd)
    os.close(null)


def _start_worker(
    job: Callable[[Any], Any],
    conn: multiprocessing.connection.Connection,
    server_ends: list[multiprocessing.connection.Connection],
) -> None:
    for end in server_ends:
        end.close()
    _release_sockets(keep=conn.fileno())
    _run_jobs(job, conn)


class WorkerPool:
    """`size` forked workers running `job(payload)`; `await pool.run(payload, budget)` from the event loop."""

    def __init__(self, job: Callable[[Any], Any], size: int, max_waiting: int = 16) -> None:
        self._job = job
        self._workers: list[_Worker] = []
        for _ in range(max(1, size)):
            self._workers.append(_Worker(job, self._workers))
        self._idle: asyncio.Queue[_Worker] | None = None
        self.max_waiting = max_waiting
        self._waiting = 0

    def full(self) -> bool:
        """Whether a job now would wait behind `max_waiting` others (and so be refused)."""
        return self._waiting >= self.max_waiting and (self._idle is None or self._idle.empty())

    @property
    def size(self) -> int:
        return len(self._workers)

    def _idle_queue(self) -> asyncio.Queue[_Worker]:
        # made on first use, inside the event loop that serves the requests
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    def _replace(self, worker: _Worker) -> _Worker:
        fresh = _Worker(self._job, [w for w in self._workers if w is not worker])
        self._workers = [fresh if w is worker else w for w in self._workers]
        return fresh

    async def run(self, payload: Any, budget: float) -> Any:
        """The job's result; its exception re-raised; OverBudget, PoolBusy or WorkerLost when it could not finish."""
        idle = self._idle_queue()
        deadline = time.monotonic() + budget
        if idle.empty() and self._waiting >= self.max_waiting:
            raise PoolBusy(f"all {self.size} workers are busy and {self._waiting} jobs wait")
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(idle.get(), timeout=budget)
        except TimeoutError:
            raise PoolBusy(f"all {self.size} workers stayed busy for {budget:g} s") from None
        finally:
            self._waiting -= 1
        remaining = max(deadline - time.monotonic(), 0.001)
        try:
            call = asyncio.to_thread(worker.call, payload, remaining)
            result = await asyncio.wait_for(call, remaining + KILL_GRACE_SECONDS)
        except TimeoutError:
            log.warning("worker %s did not stop its job in time; killing it", worker.process.pid)
            worker.kill()
            worker = self._replace(worker)
            raise OverBudget() from None
        except WorkerLost:
            log.error("worker %s died during a job; starting another", worker.process.pid)
            worker.kill()
            worker = self._replace(worker)
            raise
        except asyncio.CancelledError:  # the client went away: the worker's answer can no longer be read in order
            worker.kill()
            worker = self._replace(worker)
            raise
        finally:
            idle.put_nowait(worker)
        if isinstance(result, OverBudget):
            raise result
        if isinstance(result, _Failure):
            raise result.error
        return result

    def close(self) -> None:
        """Stop every worker (they also stop by themselves when the server's process ends)."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.close()
        self._workers = []
