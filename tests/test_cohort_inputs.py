"""Finding and reading the cohort's inputs: folders, answers files, CSV rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.base.errors import FounderCheckError
from founder_check.cohort.inputs import (
    Item,
    Rejection,
    discover,
    iter_items,
    read_answers,
)
from founder_check.cohort.mapping import CsvMapping
from tests.cohort_helpers import founder_data, write_answers, write_cohort, write_csv


def _items(paths: list[Path], content: Content, exclude: Path | None = None) -> list[object]:
    return list(iter_items(discover(paths, exclude=exclude), content, CsvMapping()))


def _sources(items: list[object]) -> list[tuple[str, int | None]]:
    found = []
    for item in items:
        assert isinstance(item, (Item, Rejection))
        found.append((item.source, item.row))
    return found


def test_folders_are_searched_recursively_in_a_stable_order(
    tmp_path: Path, content: Content
) -> None:
    write_cohort(tmp_path / "b", content, 2)
    write_answers(tmp_path / "a" / "deep" / "x.json", founder_data(content, 9))
    write_answers(tmp_path / "a" / ".hidden" / "skip.yaml", founder_data(content, 8))
    write_answers(tmp_path / "a" / ".skip.yaml", founder_data(content, 7))
    (tmp_path / "a" / "notes.txt").write_text("not an answers file", encoding="utf-8")
    write_cohort(tmp_path / "a" / "report", content, 1)
    expected = [
        str(tmp_path / "a" / "deep" / "x.json"),
        str(tmp_path / "b" / "founder-00.yaml"),
        str(tmp_path / "b" / "founder-01.yaml"),
    ]
    for order in ([tmp_path / "b", tmp_path / "a"], [tmp_path / "a", tmp_path / "b"]):
        items = _items(order, content, exclude=tmp_path / "a" / "report")
        assert [source for source, _ in _sources(items)] == expected


def test_repeated_and_covered_inputs_are_read_once(tmp_path: Path, content: Content) -> None:
    files = write_cohort(tmp_path / "in", content, 2)
    write_answers(tmp_path / "in" / ".draft.yaml", founder_data(content, 5))
    inputs = [
        tmp_path / "in",
        tmp_path / "in" / ".." / "in",
        files[0],
        tmp_path / "in" / ".draft.yaml",  # hidden: the folder walk skips it, so it is kept
    ]
    sources = [source for source, _ in _sources(_items(inputs, content))]
    assert sorted(Path(s).name for s in sources) == [
        ".draft.yaml",
        "founder-00.yaml",
        "founder-01.yaml",
    ]


def test_unusable_inputs_are_rejections(tmp_path: Path, content: Content) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    discovery = discover([tmp_path / "empty", tmp_path / "notes.txt", tmp_path / "gone.yaml"])
    assert [(Path(r.source).name, r.problems[0].message) for r in discovery.rejected] == [
        ("gone.yaml", "no such file or folder"),
        ("notes.txt", "expected an answers file (.yaml, .yml, .json) or a CSV file (.csv)"),
    ]
    items = list(iter_items(discovery, content, CsvMapping()))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert "folder holds no answers files" in items[0].problems[0].message


def test_a_folder_of_csv_files_alone_says_they_are_read_when_named(
    tmp_path: Path, content: Content
) -> None:
    forms = tmp_path / "forms"
    forms.mkdir()
    write_csv(forms / "b.csv", content, [])
    write_csv(forms / "a.csv", content, [])
    (forms / ".hidden.csv").write_text("founder\n", encoding="utf-8")
    [rejection] = _items([forms], content)
    assert isinstance(rejection, Rejection)
    message = rejection.problems[0].message
    assert message.startswith("folder holds no answers files (.yaml, .yml, .json); the CSV")
    assert message.endswith(f"named on the command line, as {str(forms / 'a.csv')!r}")
    assert "命令行" in message.text("zh")  # type: ignore[attr-defined]


def test_a_csv_row_that_answers_nothing_is_one_problem_about_columns(
    tmp_path: Path, content: Content
) -> None:
    path = write_csv(tmp_path / "form.csv", content, [{"founder": "Ann", "answers": {}}])
    [item] = _items([path], content)
    assert isinstance(item, Item)
    with pytest.raises(FounderCheckError) as caught:
        read_answers(item, content)
    [problem] = caught.value.problems
    assert problem.field is None and problem.line == 2
    assert problem.message.startswith("the row answers no question; expected answers in the ")
    assert "template --csv" in problem.message and "answers:" not in problem.message


def test_an_answers_file_is_read_through_parse_answers(tmp_path: Path, content: Content) -> None:
    data = founder_data(content, 1)
    data["answers"]["funding.runway_months"] = "a lot"
    path = write_answers(tmp_path / "f.yaml", data)
    with pytest.raises(FounderCheckError) as caught:
        read_answers(Item(str(path)), content)
    (problem,) = caught.value.problems
    assert problem.field == "answers.funding.runway_months" and problem.line is not None
    assert "expected a number" in problem.message


def test_csv_rows_become_items_with_row_and_line(tmp_path: Path, content: Content) -> None:
    rows = [founder_data(content, n) for n in range(3)]
    rows[1]["founder"] = "Multi\nline name"
    path = write_csv(tmp_path / "form.csv", content, rows)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n", "\n,,\n", 1), encoding="utf-8")  # a blank row after header
    items = _items([path], content)
    assert [(item.row, item.line) for item in items if isinstance(item, Item)] == [
        (2, 3),
        (3, 4),
        (4, 6),
    ]
    answers = [read_answers(item, content) for item in items if isinstance(item, Item)]
    assert [a.founder for a in answers] == ["Founder 00", "Multi line name", "Founder 02"]


def test_csv_row_problems_name_the_column(tmp_path: Path, content: Content) -> None:
    good, bad = founder_data(content, 0), founder_data(content, 1)
    bad["answers"]["market.segment_focus"] = "everyone"
    del bad["answers"]["funding.runway_months"]
    path = write_csv(tmp_path / "form.csv", content, [good, bad])
    items = [item for item in _items([path], content) if isinstance(item, Item)]
    read_answers(items[0], content)
    with pytest.raises(FounderCheckError) as caught:
        read_answers(items[1], content)
    problems = {p.field: p for p in caught.value.problems}
    assert set(problems) == {"column 'market.segment_focus'", "column 'funding.runway_months'"}
    assert all(p.line == 3 and p.source == str(path) for p in problems.values())
    assert "required answer is missing" in problems["column 'funding.runway_months'"].message


def test_bad_csv_files_are_rejected_whole_and_bad_rows_alone(
    tmp_path: Path, content: Content
) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("founder,market.segment_focus\nJos\u00e9,x\n".encode("latin-1"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"founder\x00,x\n")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("founder,Timestamp\nAda,now\n", encoding="utf-8")
    wide = write_csv(tmp_path / "wide.csv", content, [founder_data(content, 0)])
    wide.write_text(wide.read_text(encoding="utf-8").rstrip("\n") + ",extra\n", encoding="utf-8")
    items = _items([latin, binary, empty, unknown, wide], content)
    messages = {
        (Path(item.source).name, item.row): item.problems[0]
        for item in items
        if isinstance(item, Rejection)
    }
    assert "is not UTF-8 text" in messages[("latin1.csv", None)].message
    assert "CSV UTF-8" in messages[("latin1.csv", None)].message
    assert messages[("latin1.csv", None)].line == 2
    assert "binary" in messages[("binary.csv", None)].message
    assert messages[("empty.csv", None)].message == "file is empty"
    assert "unknown column 'Timestamp'" in messages[("unknown.csv", None)].message
    assert "cells but the header has" in messages[("wide.csv", 1)].message
    assert not [item for item in items if isinstance(item, Item)]


def test_semicolon_csv_with_bom_is_read(tmp_path: Path, content: Content) -> None:
    path = write_csv(tmp_path / "form.csv", content, [founder_data(content, 3)], sep="|")
    text = path.read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().replace("|", ",").encode("utf-8"))
    mapping = CsvMapping(separator=",")
    items = list(iter_items(discover([path]), content, mapping))
    assert len(items) == 1 and isinstance(items[0], Item)
    assert read_answers(items[0], content).founder == "Founder 03"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlinked_folder_loop_does_not_hang(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "in", content, 1)
    os.symlink(tmp_path / "in", tmp_path / "in" / "loop")
    assert len(_items([tmp_path / "in"], content)) == 1


def test_counting_inputs_can_stop_once_there_are_enough(tmp_path: Path, content: Content) -> None:
    from founder_check.cohort.inputs import count_inputs

    write_cohort(tmp_path / "in", content, 5)
    form = write_csv(tmp_path / "form.csv", content, [founder_data(content, n) for n in range(4)])
    alone = write_answers(tmp_path / "alone.yaml", founder_data(content, 9))
    discovery = discover([tmp_path / "in", form, alone])
    assert [source.kind for source in discovery.sources] == ["answers", "csv", "folder"]
    assert count_inputs(discovery) == 10
    assert count_inputs(discovery, stop_at=3) == 3  # stops in the CSV file
    assert count_inputs(discovery, stop_at=7) == 7  # and in the folder
    assert count_inputs(discovery, stop_at=50) == 10
