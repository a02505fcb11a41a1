"""`summarizer batch`: resumable runs over a targets file, against the local Semantic Scholar stand-in."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from citation_server import CitationServer, CitingPaper, fetch_config, make_corpus
from foreground import foreground_sigint

from summarizer.batch import SOME_FAILED_EXIT, read_targets
from summarizer.cli import main
from summarizer.errors import InputError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return fetch_config(tmp_path)


def _env(server: CitationServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("S2_API_KEY", "SCITE_API_TOKEN")}
    env.update(SUMMARIZER_S2_URL=server.s2_url, S2_API_KEY="batch-test-key", PYTHONPATH=str(REPO))
    return env


def _use(server: CitationServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in _env(server).items():
        monkeypatch.setenv(key, value)


def _argv(targets: Path, out: Path, config: Path, *more: str) -> list[str]:
    return ["batch", str(targets), "-o", str(out), "--config", str(config), "--quiet", *more]


def _targets(tmp_path: Path, ids: list[str]) -> Path:
    path = tmp_path / "targets.txt"
    path.write_text("# the included studies\n" + "\n".join(ids) + "\n", encoding="utf-8")
    return path


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _batch(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer", "batch", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=foreground_sigint,
    )


def _finished(out: Path) -> set[str]:
    """Targets whose record says ok (read from the records, as a re-run does)."""
    records = out / ".summarizer" / "targets"
    done = set()
    for path in records.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("status") == "ok":
            done.add(record["id"])
    return done


def _stop_once_some_are_done(process: subprocess.Popen[str], out: Path, sig: int, total: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_finished(out)) < 3:
        time.sleep(0.05)
    assert 0 < len(_finished(out)) < total, "the run was stopped part-way"
    process.send_signal(sig)
    process.communicate(timeout=60)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_an_interrupted_batch_resumes_and_never_refetches_a_finished_target(
    sig: int, citing_sentences: list[str], config: Path, tmp_path: Path
) -> None:
    corpus = make_corpus(citing_sentences, targets=20, citing_per_target=12, withheld_every=6)
    out = tmp_path / "out"
    targets = _targets(tmp_path, [p.doi for p in corpus])
    with CitationServer(corpus, latency=0.15) as server:
        env = _env(server)
        first = _batch([str(targets), "-o", str(out), "--config", str(config), "--format", "md"], env)
        _stop_once_some_are_done(first, out, sig, len(corpus))
        if sig == signal.SIGINT:
            assert first.returncode == 130
        finished = _finished(out)
        seen = len(server.log)

        second = _batch([str(targets), "-o", str(out), "--config", str(config), "--format", "md"], env)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
        assert f"{len(finished)} done earlier" in err
        finished_paths = {f"/graph/v1/paper/DOI:{doi}{end}" for doi in finished for end in ("", "/citations")}
        again = [r for r in server.log[seen:] if r.path in finished_paths]
        assert again == [], "a finished target is never fetched again"

    rows = _rows(out)
    assert len(rows) == 20 and all(row["status"] == "ok" for row in rows)
    briefs = sorted(out.glob("*.json"))
    assert len(briefs) == 20 and len(list(out.glob("*.md"))) == 20
    for path in briefs:
        json.loads(path.read_text(encoding="utf-8"))  # every brief is whole
    assert not list(out.rglob("*.partial")), "no half-written file is left"
    by_id = {row["id"]: row for row in rows}
    assert by_id[corpus[0].doi]["statements"] == "10"
    assert by_id[corpus[0].doi]["withheld_contexts"] == "2"


def test_failing_targets_are_rows_and_do_not_stop_the_others(
    citing_sentences: list[str],
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = make_corpus(citing_sentences, targets=3, citing_per_target=5)
    out = tmp_path / "out"
    targets = _targets(tmp_path, [corpus[0].doi, "10.5555/missing", "not a paper", corpus[1].doi, corpus[2].doi])
    with CitationServer(corpus) as server:
        _use(server, monkeypatch)
        assert main(_argv(targets, out, config)) == SOME_FAILED_EXIT
        rows = _rows(out)
        assert [row["status"] for row in rows] == [
            "ok",
            "error: Semantic Scholar: Paper with id DOI:10.5555/missing not found (404)",
            rows[2]["status"],
            "ok",
            "ok",
        ]
        assert rows[2]["status"].startswith("error: not a paper id")
        assert "3 briefed, 0 done earlier, 0 unchanged, 2 failed" in capsys.readouterr().err

        seen = len(server.log)
        assert main(_argv(targets, out, config)) == SOME_FAILED_EXIT
        asked = {r.path for r in server.log[seen:]}
        assert asked and all("missing" in path for path in asked), "a re-run retries only what failed"


def test_changed_only_rebriefs_only_targets_whose_statements_changed(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=3, citing_per_target=5)
    out = tmp_path / "out"
    targets = _targets(tmp_path, [p.doi for p in corpus])
    with CitationServer(corpus) as server:
        _use(server, monkeypatch)
        assert main(_argv(targets, out, config)) == 0
        before = {row["id"]: row for row in _rows(out)}
        corpus[1].citing.append(
            CitingPaper("10.5555/new.citer", "A new citing paper", 2026, "BMJ Open", [citing_sentences[-1]], ["result"])
        )
        time.sleep(1.1)  # briefed_at has a resolution of one second
        assert main(_argv(targets, out, config, "--changed-only", "--refresh")) == 0
        after = {row["id"]: row for row in _rows(out)}
    assert after[corpus[1].doi]["briefed_at"] != before[corpus[1].doi]["briefed_at"]
    assert after[corpus[1].doi]["statements"] == "6"
    for unchanged in (corpus[0].doi, corpus[2].doi):
        assert after[unchanged]["briefed_at"] == before[unchanged]["briefed_at"]
        assert after[unchanged]["checked_at"] != before[unchanged]["checked_at"]


def test_a_format_asked_for_later_is_rendered_from_the_kept_brief(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=2, citing_per_target=4)
    out = tmp_path / "out"
    targets = _targets(tmp_path, [p.doi for p in corpus])
    with CitationServer(corpus) as server:
        _use(server, monkeypatch)
        assert main(_argv(targets, out, config)) == 0
        seen = len(server.log)
        assert main(_argv(targets, out, config, "--format", "html,csv")) == 0
        assert len(server.log) == seen
    assert len(list(out.glob("*.html"))) == 2 and len(list(out.glob("*.csv"))) == 3  # and summary.csv


def test_summary_cells_from_the_service_cannot_run_as_formulas(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=3)
    corpus[0].title = '=HYPERLINK("http://example.invalid","x")'
    out = tmp_path / "out"
    with CitationServer(corpus) as server:
        _use(server, monkeypatch)
        argv = ["batch", str(_targets(tmp_path, [corpus[0].doi])), "-o", str(out), "--config", str(config)]
        assert main([*argv, "--quiet"]) == 0
    assert _rows(out)[0]["title"].startswith("'=HYPERLINK")


def test_targets_file(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("\ufeff10.1000/A  # first\n\n# comment\ndoi:10.1000/a\nPMID:12\nrubbish\n", encoding="utf-8")
    targets = read_targets(path)
    assert [t.name for t in targets] == ["10.1000/a", "PMID:12", "rubbish"]
    assert targets[2].paper is None and targets[2].stem == "line-6"
    with pytest.raises(InputError, match="no targets"):
        (tmp_path / "empty.txt").write_text("# nothing\n", encoding="utf-8")
        read_targets(tmp_path / "empty.txt")
    with pytest.raises(InputError, match="no such file"):
        read_targets(tmp_path / "missing.txt")


def test_batch_api_needs_the_llm_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = _targets(tmp_path, ["10.1000/a"])
    assert main(["batch", str(targets), "-o", str(tmp_path / "out"), "--via", "batch-api"]) == 2
    assert "--via batch-api batches the model work: use it with --engine llm" in capsys.readouterr().err
