"""A terminal whose encoding cannot show every character (ISO-8859-1) gets a report with
replacement characters, never a crash; data written to stdout stays UTF-8."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from founder_check.base.streams import holds_unicode, tolerate_unencodable_text, write_data
from tests.conftest import EXAMPLES, script_path

LATIN1 = {"LANG": "en_US.ISO-8859-1", "LC_ALL": "", "PYTHONIOENCODING": "latin-1"}


def run_latin1(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb", **LATIN1)
    return subprocess.run([script_path(), *args], cwd=cwd, env=env, capture_output=True, timeout=60)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_survives_latin1_terminal(lang: str, tmp_path: Path) -> None:
    answers = str(EXAMPLES / "seed-founder.yaml")
    completed = run_latin1("assess", "--answers", answers, "--lang", lang, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr.decode("latin-1")
    assert completed.stderr == b""
    report = completed.stdout.decode("latin-1")
    assert "Jane Doe" in report and "60.6" in report
    if lang == "zh":
        assert "?" in report, "what Latin-1 cannot show is replaced"
    else:
        assert "Overall score" in report and "·" in report, "what it can show stays"


def test_exports_to_stdout_stay_utf8_on_a_latin1_terminal(tmp_path: Path) -> None:
    answers = str(EXAMPLES / "seed-founder.yaml")
    common = ("assess", "--answers", answers, "--lang", "zh")
    markdown = run_latin1(*common, "--markdown", "-", cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr.decode("latin-1")
    run_latin1(*common, "--markdown", "report.md", cwd=tmp_path)
    assert markdown.stdout == (tmp_path / "report.md").read_bytes()
    scorecard = run_latin1(*common, "--json", "-", cwd=tmp_path)
    assert scorecard.returncode == 0
    assert json.loads(scorecard.stdout.decode("utf-8"))["lang"] == "zh"


def test_an_error_message_survives_a_latin1_terminal(tmp_path: Path) -> None:
    bad = tmp_path / "创始人.yaml"
    bad.write_text("answers: [\n", encoding="utf-8")
    completed = run_latin1("assess", "--answers", str(bad), cwd=tmp_path)
    assert completed.returncode == 1
    message = completed.stderr.decode("latin-1")
    assert "invalid YAML" in message and "internal error" not in message


def test_streams_replace_only_what_they_cannot_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = io.BytesIO()
    terminal = io.TextIOWrapper(shown, encoding="latin-1")
    monkeypatch.setattr("sys.stdout", terminal)
    tolerate_unencodable_text()
    terminal.write("é 中\n")
    terminal.flush()
    assert shown.getvalue() == "é ?\n".encode("latin-1")
    exported = io.BytesIO()
    export_stream = io.TextIOWrapper(exported, encoding="latin-1")
    write_data("é 中\n", export_stream)
    assert exported.getvalue() == "é 中\n".encode()
    assert not holds_unicode(terminal)
    assert holds_unicode(io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
