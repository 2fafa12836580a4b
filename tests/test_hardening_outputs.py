"""Issue 12, cause 5: output files. A path that cannot be written (a folder, a path under a
regular file, a read-only place, a full disk) is the user's to fix: exit 1 with the path and
the reason, found before any work where it can be; a device or FIFO is written into, never
replaced by a regular file (as root, that replaced /dev/null itself)."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from founder_check.base import atomic, outputs
from founder_check.base.errors import OutputError
from tests.conftest import run_cli, script_path

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _assess(example: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("assess", "--answers", str(example), *args, timeout=30)


def _clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_cause5_a_folder_or_a_path_under_a_file_is_exit_1_before_any_work(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("answers: [\n", encoding="utf-8")  # would fail too, but later
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    cases = [
        (("--json", str(tmp_path)), f"--json {tmp_path}: is a folder; give a file name"),
        (("--markdown", f"{plain}/r.md"), f"--markdown {plain}/r.md: {str(plain)!r} is a file"),
        (("--json", f"{plain}/sub/c.json"), "a part of the path is a file, not a folder"),
        (("--json", str(tmp_path / "no" / "c.json")), "does not exist"),
    ]
    for args, message in cases:
        result = _assess(broken, *args)
        _clean_failure(result)
        assert message in result.stderr
        assert "invalid YAML" not in result.stderr  # the output was checked first


def test_cause5_template_and_map_outputs_are_checked_first(tmp_path: Path) -> None:
    result = run_cli("template", "--csv", "--map", str(tmp_path / "m.yaml"), "-o", str(tmp_path))
    _clean_failure(result)
    assert "--output" in result.stderr and "is a folder" in result.stderr
    assert not (tmp_path / "m.yaml").exists()  # nothing written before the failure


def test_cause5_a_symlink_to_dev_null_is_written_through_and_kept(
    tmp_path: Path, example_answers: Path
) -> None:
    link = tmp_path / "card.json"
    link.symlink_to(os.devnull)
    result = _assess(example_answers, "--json", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not list(tmp_path.glob(".*.tmp")) and not list(Path("/dev").glob(".*.tmp"))


def test_cause5_a_full_disk_is_exit_1_with_the_reason(
    tmp_path: Path, example_answers: Path
) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    link = tmp_path / "card.json"
    link.symlink_to("/dev/full")
    result = _assess(example_answers, "--json", str(link))
    _clean_failure(result)
    assert f"{link}: cannot be written: no space left on the device" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_cause5_a_full_disk_under_stdout_is_exit_1(example_answers: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    for args in (("schema", "scorecard"), ("assess", "--answers", str(example_answers))):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [script_path(), *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=30,
                env=dict(os.environ, NO_COLOR="1"),
            )
        _clean_failure(result)
        assert "standard output: cannot be written: no space left" in result.stderr


def test_cause5_a_fifo_nobody_reads_fails_at_once(tmp_path: Path, example_answers: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = _assess(example_answers, "--json", str(fifo))  # would hang for ever
    _clean_failure(result)
    assert "nothing is reading from this named pipe" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_cause5_a_fifo_with_a_reader_gets_the_scorecard(
    tmp_path: Path, example_answers: Path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = _assess(example_answers, "--json", str(fifo))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(received[0])["overall"] >= 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a regular file


def test_cause5_a_symlink_to_a_file_keeps_the_link(tmp_path: Path, example_answers: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert _assess(example_answers, "--json", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["overall"] >= 0


def test_cause5_a_name_at_the_length_limit_is_written(
    tmp_path: Path, example_answers: Path
) -> None:
    """The temporary file beside it must not need a longer name than the folder allows."""
    path = tmp_path / ("c" * 250 + ".json")
    result = _assess(example_answers, "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(path.read_text(encoding="utf-8"))["overall"] >= 0


@pytest.mark.skipif(ROOT, reason="root writes into read-only folders")
def test_cause5_read_only_targets_are_found_before_any_work(
    tmp_path: Path, example_answers: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    readonly = tmp_path / "card.json"
    readonly.write_text("{}", encoding="utf-8")
    readonly.chmod(0o444)
    locked.chmod(0o555)
    try:
        folder = _assess(example_answers, "--markdown", str(locked / "r.md"))
        _clean_failure(folder)
        assert f"folder {str(locked)!r} is read-only" in folder.stderr
        file = run_cli("assess", "--json", str(readonly))  # the interview: not even started
        _clean_failure(file)
        assert "is read-only (permission denied)" in file.stderr
    finally:
        locked.chmod(0o755)


def test_cause5_read_only_is_reported_whoever_runs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check as above, made to run as root too (root may write anywhere)."""
    monkeypatch.setattr(outputs.os, "access", lambda path, mode: False)
    existing = tmp_path / "card.json"
    existing.write_text("{}", encoding="utf-8")
    with pytest.raises(OutputError, match="is read-only"):
        outputs.check_output(str(existing), "--json")
    with pytest.raises(OutputError, match=f"folder {str(tmp_path)!r} is read-only"):
        outputs.check_output(str(tmp_path / "new.json"), "--json")


def test_cause5_block_devices_and_sockets_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind, message in ((stat.S_IFBLK, "is a block device"), (stat.S_IFSOCK, "is a socket")):
        fake = os.stat_result((kind | 0o666, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        monkeypatch.setattr(outputs.os, "stat", lambda path, mode=fake: mode)
        with pytest.raises(OutputError, match=message):
            outputs.check_output("/dev/whatever", "--json")


def test_cause5_a_disk_full_while_writing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    target = tmp_path / "card.json"
    with pytest.raises(OutputError) as caught:
        outputs.write_text(str(target), "{}", "--json")
    assert str(caught.value) == f"--json {target}: cannot be written: no space left on the device"
    assert list(tmp_path.iterdir()) == []
