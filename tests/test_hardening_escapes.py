"""Issue 12, cause 7: terminal escapes. An escape sequence in an unknown key, a CSV header, a
mapping label, a file name or a founder's name reached the terminal raw, through error
messages and reports. Everything printed is checked here for raw control characters."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from rich.table import Table

from founder_check import Content
from founder_check.base.text_safety import is_safe, safe_console, strip_unsafe, visible
from tests.cohort_helpers import founder_data, write_answers, write_csv
from tests.conftest import run_cli

# what a terminal acts on: C0 and C1 controls but newline, DEL, bidi controls, line separators
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
ESC = "\x1b"
NASTY = f"{ESC}]0;pwned\x07{ESC}[2J\r\x9b31m\u202eevil\x08\x00"


def raw_controls(text: str) -> list[str]:
    """Each character of `text` a terminal would act on (newline is the only one allowed)."""
    return [
        ch
        for ch in text
        if ch != "\n" and (unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI)
    ]


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert raw_controls(text) == [], [hex(ord(ch)) for ch in raw_controls(text)]


def test_cause7_visible_escapes_every_control_and_keeps_text() -> None:
    shown = visible(NASTY)
    assert_clean(shown)
    assert shown == "\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x9b31m\\u202eevil\\x08\\x00"
    kept = "张伟\u3000深度求索 · café 👩\u200d💻 [x]"
    assert visible(kept) == kept and is_safe(kept)
    assert visible("a\nb\tc") == "a\\x0ab\\x09c"
    assert visible("a\nb\tc", layout=True) == "a\nb\tc"
    assert visible("\ud800") == "\\ud800"
    assert strip_unsafe(f"a{ESC}[31mb\u2028c\n") == "a[31mbc\n"


def test_cause7_a_safe_console_drops_what_a_renderer_passed_through() -> None:
    buffer = io.StringIO()
    console = safe_console(file=buffer, width=60, force_terminal=True, color_system="standard")
    table = Table("name", "company")
    table.add_row(f"Ada{ESC}]0;pwned\x07", "Acme\u202e")
    console.print(table)
    console.print(f"founder: {NASTY}", markup=False, style="bold")
    out = buffer.getvalue()
    assert ESC + "]" not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out
    assert "Ada]0;pwned" in out and "\x1b[1m" in out  # the text, and rich's own styles stay


def test_cause7_an_unknown_key_and_a_bad_value_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(
        json.dumps({"founder": NASTY, "answers": {f"x{NASTY}": 1, "market.timing": NASTY}}),
        encoding="utf-8",
    )
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert_clean(result.stdout, result.stderr)
    assert "answers.x\\x1b]0;pwned\\x07" in result.stderr  # the user sees what is there


def test_cause7_a_founder_name_never_reaches_the_report_raw(
    tmp_path: Path, content: Content
) -> None:
    data = founder_data(content, 3, founder=f"Eve{NASTY}", company=f"Co{ESC}[5m")
    path = write_answers(tmp_path / "eve.json", data)
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout, result.stderr)
    assert "Eve" in result.stdout


def test_cause7_csv_headers_file_names_and_names_in_a_cohort(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    write_answers(inputs / f"ok{ESC}[31m.yaml", founder_data(content, 4, founder=f"A{NASTY}"))
    (inputs / f"bad{ESC}]0;x\x07.yaml").write_text("answers: [\n", encoding="utf-8")
    form = write_csv(inputs / "form.csv", content, [founder_data(content, 5)])
    text = form.read_text(encoding="utf-8")
    form.write_text(text.replace("founder,", f"found{ESC}[2Jer,", 1), encoding="utf-8")
    result = run_cli("cohort", str(inputs))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert_clean(result.stdout, result.stderr)
    strict = run_cli("cohort", str(inputs), "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert_clean(strict.stdout, strict.stderr)


def test_cause7_a_mapping_label_and_header_are_shown_escaped(
    tmp_path: Path, content: Content
) -> None:
    form = write_csv(tmp_path / "form.csv", content, [founder_data(content, 6)])
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        'columns:\n  "Fo\\e[31m": nowhere\n'
        'labels:\n  market.primary_sector:\n    "Fin\\e]0;x\\a": financ\n',
        encoding="utf-8",
    )
    result = run_cli("cohort", str(form), "--map", str(mapping))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert_clean(result.stdout, result.stderr)
    assert "Fin\\x1b]0;x\\x07" in result.stderr


@pytest.mark.parametrize("option", ["--json", "--markdown"])
def test_cause7_an_output_path_in_an_error_is_escaped(tmp_path: Path, option: str) -> None:
    result = run_cli("assess", option, str(tmp_path / f"no{ESC}[2J" / "x"))
    assert result.returncode == 1
    assert_clean(result.stdout, result.stderr)
    assert re.search(r"no\\x1b\[2J", result.stderr)
