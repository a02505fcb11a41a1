"""Ctrl-C with parallel workers: one line, exit 130, no traceback, no worker left behind, and no hang on a second.

A real Ctrl-C sends SIGINT to every process of the terminal's foreground group, the forked workers included; the
tests start `summarizer brief` in a process group of its own and signal the group (or the parent alone, as `kill`
does), at several moments of the parallel phase.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from foreground import foreground_sigint

from summarizer.engines.extractive.engine import PARALLEL_MIN_STATEMENTS
from summarizer.readers import load_statements, write_jsonl

REPO_ROOT = Path(__file__).resolve().parent.parent
EXISTING = "previous contents\n"
pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2, reason="needs Linux's /proc and two cores for workers"
)


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example's statements, each repeated with a case number: enough for forked workers."""
    source = load_statements(REPO_ROOT / "examples" / "uc-msc-covid19-scite-page.txt")
    count = 3 * PARALLEL_MIN_STATEMENTS
    statements = [
        s.model_copy(update={"id": f"S{i + 1}", "text": f"{s.text} (case {i})"})
        for i, s in enumerate(source.statements * (count // len(source.statements)))
    ]
    path = tmp_path_factory.mktemp("interrupt") / "big.jsonl"
    path.write_text(write_jsonl(source.model_copy(update={"statements": statements})), encoding="utf-8")
    return path


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "X"  # a zombie (Z) counts: nobody reaped it


def _start(big_input: Path, output: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer", "brief", str(big_input), "-o", str(output), "--quiet"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=foreground_sigint,
    )


def _wait_for_workers(proc: subprocess.Popen[bytes]) -> set[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if workers:
            return workers
        assert proc.poll() is None, "the run ended before its workers started"
        time.sleep(0.005)
    raise AssertionError("no workers were forked")


@pytest.mark.parametrize(
    ("after", "gaps", "group"),
    [
        (0.0, (), True),  # Ctrl-C as the workers start
        (0.4, (), True),  # in the middle of their work
        (0.3, (), False),  # `kill -INT` to the parent alone: it must stop the workers itself
        (0.2, (0.01,), True),  # a double Ctrl-C, the second at once
        (0.2, (0.3,), True),  # a double Ctrl-C, the second during the clean-up
        (0.1, (0.05, 0.05, 0.05), True),  # four
    ],
)
def test_ctrl_c_during_the_parallel_phase(
    big_input: Path, tmp_path: Path, after: float, gaps: tuple[float, ...], group: bool
) -> None:
    output = tmp_path / "brief.json"
    output.write_text(EXISTING)
    proc = _start(big_input, output)
    try:
        workers = _wait_for_workers(proc)
        time.sleep(after)
        workers |= _children(proc.pid)
        send = (lambda: os.killpg(proc.pid, signal.SIGINT)) if group else (lambda: proc.send_signal(signal.SIGINT))
        send()
        for gap in gaps:
            time.sleep(gap)
            if proc.poll() is None:
                send()
        _, err = proc.communicate(timeout=60)  # a hang fails here
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert (proc.returncode, err.decode()) == (130, "summarizer: interrupted\n")
    assert output.read_text() == EXISTING
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]
    assert [pid for pid in workers if _alive(pid)] == []


def test_ctrl_c_as_the_workers_finish_either_completes_or_stops_cleanly(big_input: Path, tmp_path: Path) -> None:
    output = tmp_path / "brief.json"
    output.write_text(EXISTING)
    proc = _start(big_input, output)
    try:
        workers = _wait_for_workers(proc)
        while _children(proc.pid) and proc.poll() is None:
            time.sleep(0.005)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if proc.returncode == 0:
        assert err == b"" and output.read_text().startswith("{")
    else:
        assert (proc.returncode, err.decode()) == (130, "summarizer: interrupted\n")
        assert output.read_text() == EXISTING
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]
    assert [pid for pid in workers if _alive(pid)] == []
