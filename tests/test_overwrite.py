"""Nothing a user wrote is lost: commands that write answers files never replace one that
holds answers unless --force is given (exit 2, the file byte for byte as it was), and no
export is written over the answers file a command reads or saves. The interview's own
refusals, driven in-process, are in tests/interview/test_interview_overwrite.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from founder_check.scoring.overwrite import existing_work, other_name, same_file
from tests.conftest import run_cli

FILLED = "founder: Ada\nanswers:\n  market.timing: concrete_trigger\n"
# a template's second line: its first is the editors' schema line (docs/schemas.md)
TEMPLATE_HEAD = "# founder-check answers file. Fill in each answer after its question id, then run:"


def refused(result: object, path: Path, before: bytes, option: str) -> None:
    """Exit 2, one message naming the option and file and both ways on, the file unchanged."""
    assert result.returncode == 2, result.stderr  # type: ignore[attr-defined]
    message = result.stderr  # type: ignore[attr-defined]
    assert f"{option} {path}" in message and "--force" in message, message
    assert "Traceback" not in message
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("filled.yaml", FILLED, "already holds answers"),
        ("named.yaml", "founder: Ada\nanswers:\n", "already holds answers"),
        ("staged.yaml", "stage: seed\n", "already holds answers"),
        ("filled.json", json.dumps({"answers": {"team.advisors": "none"}}), "already holds"),
        ("notes.txt", "Call the bank on Monday.\n", "is not an empty answers file"),
        ("broken.yaml", "answers: [unclosed\n", "is not an empty answers file"),
        ("card.yaml", "schema_version: '3.1'\noverall: 60\n", "is not an empty answers file"),
    ],
)
def test_template_keeps_a_file_that_holds_answers(
    tmp_path: Path, name: str, text: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("template", "-o", str(path))
    refused(result, path, before, "--output")
    assert reason in result.stderr
    assert f"{path.stem}-2{path.suffix}" in result.stderr  # another name is suggested

    replaced = run_cli("template", "-o", str(path), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert path.read_text(encoding="utf-8").split("\n", 2)[1] == TEMPLATE_HEAD


def test_the_refusal_speaks_chinese(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(FILLED, encoding="utf-8")
    result = run_cli("template", "-o", str(path), "--lang", "zh")
    assert result.returncode == 2
    assert "已有回答，founder-check 不会覆盖它：确需替换请加 --force" in result.stderr


@pytest.mark.parametrize(
    "text",
    ["", "\n  \n", "# only a comment\n", "answers:\n", "founder:\nanswers:\n  team.advisors:\n"],
)
def test_template_replaces_what_holds_no_answers(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    assert run_cli("template", "-o", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8").split("\n", 2)[1] == TEMPLATE_HEAD


def test_an_untouched_template_is_written_again_and_devices_are_written_into(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.yaml"
    assert run_cli("template", "-o", str(path)).returncode == 0
    assert run_cli("template", "-o", str(path), "--lang", "zh").returncode == 0  # unfilled
    assert run_cli("template", "-o", os.devnull).returncode == 0


def test_a_link_to_an_answers_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text(FILLED, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    refused(run_cli("template", "-o", str(link)), link, FILLED.encode(), "--output")


def test_csv_form_with_rows_is_kept(tmp_path: Path) -> None:
    form = tmp_path / "form.csv"
    assert run_cli("template", "--csv", "-o", str(form)).returncode == 0
    assert run_cli("template", "--csv", "-o", str(form)).returncode == 0  # a header alone
    with form.open("a", encoding="utf-8") as handle:
        handle.write("Ada,Acme,seed\n")
    before = form.read_bytes()
    result = run_cli("template", "--csv", "-o", str(form))
    refused(result, form, before, "--output")
    assert "rows below its header" in result.stderr
    assert run_cli("template", "--csv", "-o", str(form), "--force").returncode == 0
    assert form.read_bytes().count(b"\n") == 1


def test_an_edited_mapping_is_kept(tmp_path: Path) -> None:
    mapping, form = tmp_path / "map.yaml", tmp_path / "form.csv"
    args = ["template", "--csv", "--map", str(mapping), "-o", str(form)]
    assert run_cli(*args).returncode == 0
    assert run_cli(*args, "--lang", "zh").returncode == 0  # as written: replaced
    mapping.write_text(mapping.read_text(encoding="utf-8") + "# ours\n", encoding="utf-8")
    before = mapping.read_bytes()
    result = run_cli(*args)
    refused(result, mapping, before, "--map")
    assert "edits would be lost" in result.stderr
    assert run_cli(*args, "--force").returncode == 0
    assert "# ours" not in mapping.read_text(encoding="utf-8")


def test_interview_save_path_holding_answers_is_refused_before_any_question(
    tmp_path: Path,
) -> None:
    """Without a terminal the interview exits 2 too; the refusal comes first, and says so."""
    path = tmp_path / "a.yaml"
    path.write_text(FILLED, encoding="utf-8")
    for option in ("-o", "--save"):
        result = run_cli("assess", option, str(path))
        refused(result, path, FILLED.encode(), "--save")
        assert "terminal" not in result.stderr
    other = tmp_path / "other.yaml"
    other.write_text(FILLED, encoding="utf-8")
    updating = run_cli("assess", "--update", str(other), "-o", str(path))
    refused(updating, path, FILLED.encode(), "--save")
    forced = run_cli("assess", "-o", str(path), "--force")
    assert forced.returncode == 2 and "needs a terminal" in forced.stderr  # past the check
    same = run_cli("assess", "--update", str(path), "-o", str(path))
    assert same.returncode == 2 and "needs a terminal" in same.stderr  # updating in place
    assert path.read_bytes() == FILLED.encode()


def test_force_is_for_the_interview(tmp_path: Path, example_answers: Path) -> None:
    result = run_cli("assess", "--answers", str(example_answers), "--force")
    assert result.returncode == 2 and "--force" in result.stderr


def test_no_export_replaces_the_answers_it_reads(tmp_path: Path, example_answers: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(example_answers.read_bytes())
    before = path.read_bytes()
    for option in ("--json", "--markdown"):
        result = run_cli("assess", "--answers", str(path), option, str(path))
        assert result.returncode == 2, result.stderr
        assert f"{option} {path}: is the answers file" in result.stderr
        assert path.read_bytes() == before
    compared = run_cli("compare", str(example_answers), str(path), "--json", str(path))
    assert compared.returncode == 2 and path.read_bytes() == before
    report = tmp_path / "card.json"
    report.write_text("{}", encoding="utf-8")  # a report is replaced as usual
    assert run_cli("assess", "--answers", str(path), "--json", str(report)).returncode == 0
    assert json.loads(report.read_text(encoding="utf-8"))["overall"] > 0


def test_what_counts_as_holding_answers(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    assert existing_work(path, "answers") is None  # missing
    assert existing_work(tmp_path, "answers") is None  # a folder: check_output says why
    path.write_bytes(b"\x00\x01binary")
    assert existing_work(path, "answers") == "other"
    path.write_text("answers:\n  x: []\n  y: ''\n", encoding="utf-8")
    assert existing_work(path, "answers") is None
    path.write_text("answers:\n  x: [a]\n", encoding="utf-8")
    assert existing_work(path, "answers") == "answers"
    path.write_text("answers: 3\n", encoding="utf-8")
    assert existing_work(path, "answers") == "other"
    csv = tmp_path / "f.csv"
    csv.write_text("a,b\n,\n\n", encoding="utf-8")  # empty rows are no answers
    assert existing_work(csv, "csv") is None
    csv.write_text('a,b\n"x\ny",\n', encoding="utf-8")
    assert existing_work(csv, "csv") == "rows"
    assert other_name(path) == tmp_path / "a-2.yaml"
    (tmp_path / "a-2.yaml").touch()
    assert other_name(path) == tmp_path / "a-3.yaml"
    assert same_file(path, tmp_path / "." / "a.yaml") and not same_file(path, None)


def test_a_file_that_cannot_be_read_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(FILLED, encoding="utf-8")
    real_open = os.open

    def denied(name: object, flags: int, *args: object) -> int:
        if Path(str(name)) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    assert existing_work(path, "answers") == "unreadable"
