"""cohort.xlsx read back with openpyxl: what it holds, how it is laid out, that founders'
text stays text, and that a failed run leaves no workbook behind."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from founder_check import Content
from tests.cohort_helpers import (
    founder_data,
    invoke,
    read_csv,
    read_json,
    write_answers,
    write_cohort,
)

FORMULA_NAME = '=HYPERLINK("http://example.invalid","click")'
FORMULA_COMPANY = "+1-555 @corp"
FORMULA_FILE = "=cmd.yaml"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _inputs(folder: Path, content: Content) -> list[str]:
    """Seven founders, one named like a formula, and a broken file named like one (its
    path, relative to `folder`, is what the report shows)."""
    inputs = folder / "in"
    write_cohort(inputs, content, 6)
    data = founder_data(content, 20, founder=FORMULA_NAME, company=FORMULA_COMPANY)
    write_answers(inputs / "formula.yaml", data)
    (folder / FORMULA_FILE).write_text("founder: [\n", encoding="utf-8")
    return ["in", FORMULA_FILE]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, content: Content) -> dict[str, Path]:
    """One cohort reported in English and in Chinese: lang -> its --out folder."""
    folder = tmp_path_factory.mktemp("workbook")
    inputs = _inputs(folder, content)
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for lang in ("en", "zh"):
            result = invoke("cohort", *inputs, "--out", f"out-{lang}", "--lang", lang)
            assert result.exit_code == 1, result.stdout  # the broken file is rejected
            found[lang] = folder / f"out-{lang}"
    return found


def _rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _number(text: str) -> float | None:
    return float(text) if text else None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_founders_sheet_holds_the_ranking_with_numbers_as_numbers(
    reports: dict[str, Path], content: Content, lang: str
) -> None:
    out = reports[lang]
    book = openpyxl.load_workbook(out / "cohort.xlsx")
    sheet = book.worksheets[0]
    factor_names = [factor.name.get(lang) for factor in content.factors]  # type: ignore[arg-type]
    header = _rows(sheet)[0]
    assert header[6 : 6 + len(factor_names)] == factor_names
    expected = read_csv(out / "cohort.csv")
    assert sheet.max_row == len(expected) + 1 == 8
    after = 6 + len(factor_names)
    for cells, row in zip(sheet.iter_rows(min_row=2), expected, strict=True):
        values = [cell.value for cell in cells]
        assert values[0] == int(row["rank"]) and cells[0].data_type == "n"
        assert values[1] == row["founder"] and values[2] == row["company"]
        assert values[5] == float(row["overall"]) and cells[5].data_type == "n"
        scores = [_number(row[factor.id]) for factor in content.factors]
        assert values[6:after] == scores
        assert all(cell.data_type == "n" for cell in cells[6:after] if cell.value is not None)
        assert values[after] == int(row["red_flags"]) and cells[after].data_type == "n"
        assert values[after + 3] == row["scorecard"]
        assert values[after + 4] == row["source"].removeprefix("'")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_founder_row_tells_levels_flags_and_gaps_in_words(
    reports: dict[str, Path], content: Content, lang: str
) -> None:
    """Names of stages, levels and red flags and the texts of the largest gaps, in the
    report's language, never ids; below-target factor cells are marked red."""
    out = reports[lang]
    sheet = openpyxl.load_workbook(out / "cohort.xlsx").worksheets[0]
    after = 6 + len(content.factors)
    separator = "；" if lang == "zh" else "; "
    for cells in sheet.iter_rows(min_row=2):
        card = read_json(out / str(cells[after + 3].value))
        texts = read_json(out / card["texts"])
        stage, level = texts["stages"][card["stage"]["id"]], texts["levels"][card["level"]]
        assert cells[3].value == stage and cells[4].value == level["name"]
        titles = [texts["red_flags"][flag_id]["title"] for flag_id, _, _ in card["red_flags"]]
        assert (cells[after + 1].value or "") == separator.join(titles)
        gaps = [texts["questions"][question]["text"] for question, _, _ in card["gaps"][:3]]
        assert (cells[after + 2].value or "") == separator.join(gaps)
        for cell, (factor_id, _, _, gap) in zip(cells[6:after], card["factors"], strict=True):
            marked = cell.fill.fgColor.rgb == "FFFFC7CE"
            assert marked == bool(gap), (factor_id, gap)
    marked_any = any(
        cell.fill.fgColor.rgb == "FFFFC7CE" for row in sheet.iter_rows(min_row=2) for cell in row
    )
    assert marked_any  # random founders fall below some target


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_layout_frozen_header_filters_widths_and_colour_scales(
    reports: dict[str, Path], content: Content, lang: str
) -> None:
    book = openpyxl.load_workbook(reports[lang] / "cohort.xlsx")
    founders, gaps, rejected, factors = book.worksheets
    assert founders.freeze_panes == "D2"  # header row, and rank, founder and company
    assert gaps.freeze_panes == rejected.freeze_panes == factors.freeze_panes == "A2"
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + str(
            max(sheet.max_row, 2)
        )
        assert all(cell.font.bold for cell in next(sheet.iter_rows(max_row=1)))
    assert founders.column_dimensions["B"].width >= 20  # founder names are not squeezed
    assert founders.column_dimensions["R"].width >= 60  # nor the gaps
    rules = {
        str(entry.sqref): [rule.type for rule in entry.rules]
        for entry in founders.conditional_formatting
    }
    last_factor = founders.cell(1, 6 + len(content.factors)).column_letter
    assert rules["F2:F8"] == ["colorScale"]  # overall
    assert rules[f"G2:{last_factor}8"] == ["dataBar"]  # factor scores
    if lang == "zh":
        for sheet in book.worksheets:
            headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
            assert all(_CJK.search(h) for h in headers), headers
        assert book.sheetnames == ["创始人", "共同差距", "未能使用的输入", "成功要素"]
    else:
        assert book.sheetnames == ["Founders", "Shared gaps", "Rejected inputs", "Factors"]


def test_text_from_founders_never_becomes_a_formula(reports: dict[str, Path]) -> None:
    out = reports["en"]
    book = openpyxl.load_workbook(out / "cohort.xlsx")
    founders, _, rejected, _ = book.worksheets
    row = next(r for r in founders.iter_rows(min_row=2) if "HYPERLINK" in str(r[1].value))
    assert (row[1].value, row[1].data_type) == ("'" + FORMULA_NAME, "s")
    assert (row[2].value, row[2].data_type) == ("'" + FORMULA_COMPANY, "s")
    sources = [(cell.value, cell.data_type) for cell in rejected["A"][1:]]
    assert sources == [("'" + FORMULA_FILE, "s")]
    # nothing in the file is a formula, a hyperlink or a shared string turned into one
    with zipfile.ZipFile(out / "cohort.xlsx") as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 4
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert "<f>" not in xml and "<hyperlink" not in xml, name
        # constant-memory mode writes strings in place (no table of the cohort's strings)
        assert 't="inlineStr"' in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "xl/sharedStrings.xml" not in archive.namelist()
    assert all(
        cell.data_type != "f"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )
    assert (os.stat(out / "cohort.xlsx").st_mode & 0o777) == 0o600


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gaps_rejections_and_factors_sheets_match_the_report(
    reports: dict[str, Path], lang: str
) -> None:
    out = reports[lang]
    report = read_json(out / "cohort.json")
    _, gaps, rejected, factors = openpyxl.load_workbook(out / "cohort.xlsx").worksheets
    rows = _rows(gaps)[1:]
    assert len(rows) == len(report["shared_gaps"]) > 0
    for place, (row, gap) in enumerate(zip(rows, report["shared_gaps"], strict=True), start=1):
        assert row[:5] == [
            place,
            gap["text"],
            gap["founders"],
            gap["points_each"],
            gap["cohort_points"],
        ]
        assert all(chapter["title"] in row[6] for chapter in gap["chapters"])
    reasons = read_csv(out / "rejected.csv")
    assert [[row[0], row[1], row[2], row[3], row[4]] for row in _rows(rejected)[1:]] == [
        [
            r["input"],
            _int(r["row"]),
            _int(r["line"]),
            r["field"] or None,
            r["reason"],
        ]
        for r in reasons
    ]
    if lang == "zh":
        assert all(_CJK.search(r["reason"]) for r in reasons)
    rows = _rows(factors)[1:]
    assert [row[0] for row in rows] == [f["name"] for f in report["factors"]]
    for row, factor in zip(rows, report["factors"], strict=True):
        keys = ("founders", "min", "q1", "median", "q3", "max", "mean", "target")
        assert row[1:9] == [factor[key] for key in keys]
        assert row[9:11] == [factor["below_target"], factor["shortfall"]]


def _int(text: str) -> int | None:
    return int(text) if text else None


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_failed_run_leaves_no_workbook(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--strict stopping at a bad input, and a disk that fills while the workbook is written:
    no cohort.xlsx, and an earlier report's workbook byte for byte as it was."""
    monkeypatch.chdir(tmp_path)
    inputs = _inputs(tmp_path, content)
    strict = tmp_path / "strict"
    result = invoke("cohort", *inputs, "--out", str(strict), "--strict")
    assert result.exit_code == 1 and not strict.exists()
    out = tmp_path / "out"
    assert invoke("cohort", "in", "--out", str(out)).exit_code == 0
    before = (out / "cohort.xlsx").read_bytes()
    write_cohort(tmp_path / "in", content, 2, start=30)

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    # the disk fills while XlsxWriter packs the workbook (it wraps the error in its own)
    monkeypatch.setattr(zipfile.ZipFile, "write", full_disk)
    result = invoke("cohort", "in", "--out", str(out))
    assert result.exit_code == 1  # a full disk, not a bug (exit 3)
    assert "No space left on device" in result.stderr and "Exception ignored" not in result.stderr
    assert (out / "cohort.xlsx").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [
        "cohort.csv",
        "cohort.json",
        "cohort.xlsx",
        "index.html",
        "onepagers",
        "rejected.csv",
        "scorecards",
        "texts.json",
    ]  # no work folder, no half-written workbook or temporary file left
    fresh = tmp_path / "fresh"
    result = invoke("cohort", "in", "--out", str(fresh))
    assert result.exit_code == 1 and not fresh.exists()


def test_the_same_inputs_give_the_same_workbook(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, given the run's timestamp, which is the workbook's creation time."""
    from founder_check import cli

    monkeypatch.setattr(cli, "now_iso", lambda: "2026-05-01T08:30:00+00:00")
    write_cohort(tmp_path / "in", content, 5)
    first, second = tmp_path / "first", tmp_path / "second"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(first)).exit_code == 0
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(second), "-j", "2").exit_code == 0
    assert (first / "cohort.xlsx").read_bytes() == (second / "cohort.xlsx").read_bytes()
    book = openpyxl.load_workbook(first / "cohort.xlsx")
    assert book.properties.created.isoformat() == "2026-05-01T08:30:00"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_names_no_ids(reports: dict[str, Path], content: Content, lang: str) -> None:
    """Founders, shared gaps and factors in words (the rejected inputs' reasons name the
    question ids a founder must fix, as rejected.csv does)."""
    from tests.id_scan import ids_in

    book = openpyxl.load_workbook(reports[lang] / "cohort.xlsx")
    founders, gaps, _, factors = book.worksheets
    for sheet in (founders, gaps, factors):
        texts = [str(cell) for row in _rows(sheet) for cell in row if isinstance(cell, str)]
        assert ids_in("\n".join(texts), content) == [], sheet.title
