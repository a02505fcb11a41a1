"""`-o`: symlinks are written through, devices and FIFOs in place, read-only files refused, the umask respected,
and a trailing slash names a directory; a regular file is still replaced atomically."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.models import Brief

EXISTING = "previous contents\n"


def _brief(capsys: pytest.CaptureFixture[str], example_path: Path, *argv: str) -> tuple[int, str]:
    code = main(["brief", str(example_path), *argv])
    return code, capsys.readouterr().err


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_symlink_is_written_through_and_stays_a_link(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "real.json"
    target.write_text(EXISTING)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    code, err = _brief(capsys, example_path, "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == target.name
    Brief.model_validate_json(target.read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_a_dangling_symlink_creates_its_target(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    code, err = _brief(capsys, example_path, "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and (tmp_path / "made.md").read_text().startswith("# Evidence brief")


def test_a_fifo_is_written_in_place(capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, err = _brief(capsys, example_path, "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    Brief.model_validate_json(received[0])


def test_a_character_device_is_written_in_place(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the kernel's null device, here
    except PermissionError:
        device = Path("/dev/null")  # not allowed to make one: the real one, which the old code replaced as root
    code, err = _brief(capsys, example_path, "-o", str(device))
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_read_only_file_is_refused_and_left_untouched(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    protected = tmp_path / "brief.json"
    protected.write_text(EXISTING)
    protected.chmod(0o444)
    code, err = _brief(capsys, example_path, "-o", str(protected))
    assert code == 2
    assert err.count("\n") == 1 and "read-only" in err
    assert protected.read_text() == EXISTING
    assert stat.S_IMODE(os.stat(protected).st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_respects_the_umask(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path, umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        code, err = _brief(capsys, example_path, "-o", str(tmp_path / "brief.json"))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(os.stat(tmp_path / "brief.json").st_mode) == mode


def test_a_replaced_file_keeps_its_mode(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path, umask_022: None
) -> None:
    existing = tmp_path / "brief.json"
    existing.write_text(EXISTING)
    existing.chmod(0o640)
    code, err = _brief(capsys, example_path, "-o", str(existing))
    assert code == 0, err
    assert existing.read_text() != EXISTING
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o640


def test_a_trailing_slash_names_a_directory_which_is_created(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path, umask_022: None
) -> None:
    code, err = _brief(capsys, example_path, "-o", f"{tmp_path / 'newdir'}/")
    assert code == 0, err
    assert (tmp_path / "newdir").is_dir()
    Brief.model_validate_json((tmp_path / "newdir" / "brief.json").read_text())
    code, err = _brief(capsys, example_path, "--format", "md", "-o", f"{tmp_path / 'newdir'}/")
    assert code == 0, err
    assert (tmp_path / "newdir" / "brief.md").read_text().startswith("# Evidence brief")


def test_an_existing_directory_gets_the_default_name(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    assert main(["extract", str(example_path), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "statements.jsonl").read_text().startswith("{")
    assert main(["schema", "-o", f"{tmp_path}/"]) == 0
    assert (tmp_path / "brief-schema.json").is_file()


def test_a_trailing_slash_on_a_file_or_under_a_missing_directory_exits_2(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text(EXISTING)
    code, err = _brief(capsys, example_path, "-o", f"{tmp_path / 'file'}/")
    assert code == 2 and "not a directory" in err
    code, err = _brief(capsys, example_path, "-o", f"{tmp_path / 'no' / 'such'}/")
    assert code == 2 and "does not exist" in err
    assert (tmp_path / "file").read_text() == EXISTING
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_dash_is_stdout(capsys: pytest.CaptureFixture[str], example_path: Path) -> None:
    assert main(["brief", str(example_path), "-o", "-", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Evidence brief")


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    from summarizer.output import write_output

    existing = tmp_path / "brief.json"
    existing.write_text(EXISTING)

    def chunks() -> Iterator[str]:
        yield "half of it"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_output(chunks(), str(existing))
    assert existing.read_text() == EXISTING
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]
