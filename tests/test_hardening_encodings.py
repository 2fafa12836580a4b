"""Issue 12, cause 2: CSV encodings (`--encoding`, a mapping file's `encoding:`) that are not
text encodings crashed (punycode, idna, undefined, BOM-less UTF-16) or read noise (rot13,
UTF-16-LE): only text encodings that read ASCII as ASCII are taken, with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from founder_check import Content
from founder_check.base.errors import InputFileError
from founder_check.cohort.mapping import ENCODING_EXAMPLES, encoding_problem, load_mapping
from tests.cohort_helpers import founder_data, write_csv
from tests.conftest import run_cli

TEXT_ENCODINGS = ["utf-8", "UTF8", "utf-8-sig", "gb18030", "gbk", "big5", "shift_jis", "cp1252"]
NOT_TEXT = ["punycode", "idna", "rot13", "base64", "hex", "zlib", "unicode_escape", "undefined"]
NOT_ASCII_BASED = ["utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-7", "cp037"]


@pytest.mark.parametrize("name", TEXT_ENCODINGS)
def test_cause2_text_encodings_are_taken(name: str) -> None:
    assert encoding_problem(name) is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        *((name, "is not a text encoding") for name in NOT_TEXT),
        *((name, "does not read plain ASCII") for name in NOT_ASCII_BASED),
        ("klingon", "is not a known text encoding"),
        ("utf-8\x00", "is not a known text encoding"),
        ("", "is not a known text encoding"),
    ],
)
def test_cause2_other_codecs_are_refused_with_the_reason(name: str, reason: str) -> None:
    problem = encoding_problem(name)
    assert problem is not None and reason in problem


def test_cause2_a_long_name_is_not_repeated_in_full() -> None:
    problem = encoding_problem("x" * 10_000)
    assert problem is not None and len(problem) < 200


@pytest.fixture
def form(tmp_path: Path, content: Content) -> Path:
    return write_csv(tmp_path / "form.csv", content, [founder_data(content, 1)])


@pytest.mark.parametrize("name", ["punycode", "idna", "undefined", "utf-16", "utf-16-le", "rot13"])
def test_cause2_encoding_option_is_a_usage_error_not_a_crash(form: Path, name: str) -> None:
    result = run_cli("cohort", str(form), "--encoding", name)
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"--encoding: {name!r} " in result.stderr
    assert ENCODING_EXAMPLES in result.stderr  # what would do instead


@pytest.mark.parametrize("name", ["punycode", "utf-16", "base64"])
def test_cause2_mapping_encoding_names_the_file_and_line(
    form: Path, tmp_path: Path, name: str
) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text(f"separator: ';'\nencoding: {name}\n", encoding="utf-8")
    result = run_cli("cohort", str(form), "--map", str(mapping))
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"{mapping}:2: encoding: {name!r} " in result.stderr
    assert "gb18030" in result.stderr


def test_cause2_load_mapping_lists_the_encoding_problem(tmp_path: Path, content: Content) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("encoding: idna\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        load_mapping(mapping, content)
    assert str(caught.value).startswith(f"{mapping}:1: encoding: 'idna' is not a text encoding")


def test_cause2_a_utf16_export_without_encoding_is_rejected_not_crashed(
    form: Path, tmp_path: Path
) -> None:
    """Excel's "Unicode text" is UTF-16: read as UTF-8 (the default) it is one rejected file
    with its reason, never an internal error."""
    form.write_bytes(form.read_text(encoding="utf-8").encode("utf-16"))
    out = tmp_path / "out"
    result = run_cli("cohort", str(form), "--out", str(out))
    assert result.returncode == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    rejected = (out / "rejected.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rejected) == 2 and rejected[1].startswith(f"{form},")


def test_cause2_a_text_encoding_still_reads_the_file(tmp_path: Path, content: Content) -> None:
    rows = [founder_data(content, 2, founder="Zoë")]
    form = write_csv(tmp_path / "form.csv", content, rows)
    form.write_bytes(form.read_text(encoding="utf-8").encode("cp1252"))
    result = run_cli("cohort", str(form), "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    assert "Zoë" in result.stdout
