"""CSV mapping files (--map) and turning CSV cells into answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from founder_check import Content
from founder_check.base.errors import InputFileError
from founder_check.cohort.mapping import (
    CsvMapping,
    SheetReading,
    csv_template,
    detect_delimiter,
    load_mapping,
    mapping_skeleton,
    norm,
    plan_columns,
    row_answers,
)
from founder_check.scoring.answers import parse_answers
from tests.answer_factory import first_applicable


def _problems(path: Path, content: Content) -> list[str]:
    with pytest.raises(InputFileError) as caught:
        load_mapping(path, content)
    return [str(problem) for problem in caught.value.problems]


def test_the_command_lines_separator_and_encoding_win_over_the_mapping_files(
    content: Content, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("separator: '|'\nencoding: gbk\ncolumns: {Name: founder}\n", encoding="utf-8")
    from_file = SheetReading(path).mapping(content)
    assert (from_file.separator, from_file.encoding, from_file.source) == ("|", "gbk", str(path))
    assert dict(from_file.columns) == {"name": "founder"}
    given = SheetReading(path, separator="/", encoding="big5").mapping(content)
    assert (given.separator, given.encoding, dict(given.columns)) == (
        "/",
        "big5",
        {"name": "founder"},
    )
    assert SheetReading().mapping(content) == CsvMapping()
    assert SheetReading(separator="+").mapping(content) == CsvMapping(separator="+")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_skeleton_loads_and_maps_every_question(
    content: Content, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(mapping_skeleton(content, lang), encoding="utf-8")  # type: ignore[arg-type]
    mapping = load_mapping(path, content)
    assert sorted(mapping.columns.values()) == sorted(
        ["founder", "company", "stage", *(q.id for q in content.questions)]
    )
    assert mapping.separator == ";"
    header = csv_template(content, lang, form_titles=True).rstrip("\r\n")  # type: ignore[arg-type]
    assert header.count(",") >= len(content.questions) + 2


def test_map_problems_name_line_and_field(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "columns:\n"
        "  Runway: funding.runway_months\n"
        "  Runway again: funding.runway_months\n"
        "  Sector: market.sectr\n"
        "labels:\n"
        "  market.segment_focus:\n"
        "    Just one: one_defined_segment\n"
        "    Many: lots\n"
        "  company:\n"
        "    X: y\n"
        "delimiter: ';;'\n",
        encoding="utf-8",
    )
    problems = _problems(path, content)
    assert any(p.startswith(f"{path}:11: delimiter: ") for p in problems), problems
    path.write_text(
        path.read_text(encoding="utf-8").replace("delimiter: ';;'\n", ""), encoding="utf-8"
    )
    problems = _problems(path, content)
    assert len(problems) == 4, problems
    assert problems[0] == (
        f"{path}:3: columns.Runway again: 'funding.runway_months' is already the target of "
        "column 'Runway'"
    )
    assert problems[1].startswith(f"{path}:4: columns.Sector: 'market.sectr' is not a question")
    assert problems[2].startswith(f"{path}:8: labels.market.segment_focus.Many: 'lots' is not ")
    assert problems[3].startswith(f"{path}:9: labels.company: 'company' is not a question id")


def test_headers_match_by_id_or_map_and_unknown_ones_are_named(content: Content) -> None:
    question = content.questions[0]
    mapping = CsvMapping(columns={norm("Q One"): question.id}, ignore=frozenset({"timestamp"}))
    plan = plan_columns(["Timestamp", " FOUNDER ", "q  one", "company"], mapping, content, "f.csv")
    assert [(c.index, c.target) for c in plan.columns] == [
        (1, "founder"),
        (2, question.id),
        (3, "company"),
    ]
    with pytest.raises(InputFileError) as caught:
        plan_columns(["founder", "market.segmnt_focus", "Email"], CsvMapping(), content, "f.csv")
    (problem,) = caught.value.problems
    assert problem.line == 1
    assert "'market.segmnt_focus' (did you mean 'market.segment_focus'?)" in problem.message
    assert "'Email'" in problem.message and "ignore:" in problem.message


def _row(content: Content, mapping: CsvMapping, cells: dict[str, str]) -> dict[str, object]:
    plan = plan_columns(list(cells), mapping, content, "f.csv")
    return dict(row_answers(plan, list(cells.values()), line=7)["answers"])


def test_cells_take_ids_labels_in_either_language_and_mapped_labels(content: Content) -> None:
    single = first_applicable(content, "single")
    first, second = single.options[0], single.options[1]
    mapping = CsvMapping(labels={single.id: {norm("Pretty good"): second.id}})
    for cell, expected in (
        (first.id, first.id),
        (f"  {first.label.en.upper()}  ", first.id),
        (first.label.zh, first.id),
        ("pretty   GOOD", second.id),
        ("Something else", "Something else"),
    ):
        assert _row(content, mapping, {single.id: cell}) == {single.id: expected}


def test_multi_choice_cells_split_on_the_separator_but_keep_labels_whole(
    content: Content,
) -> None:
    multi = next(
        q
        for q in content.questions
        if q.kind == "multi" and q.when is None and any("," in o.label.en for o in q.options)
    )
    with_comma = next(o for o in multi.options if "," in o.label.en and not o.exclusive)
    other = next(o for o in multi.options if o is not with_comma and not o.exclusive)
    mapping = CsvMapping(separator=", ")
    cell = f"{with_comma.label.en}, {other.label.en}, not an option"
    assert _row(content, mapping, {multi.id: cell}) == {
        multi.id: [with_comma.id, other.id, "not an option"]
    }
    assert _row(content, CsvMapping(), {multi.id: f"{other.id};{with_comma.id}"}) == {
        multi.id: [other.id, with_comma.id]
    }


def test_a_row_goes_through_parse_answers_with_its_line(content: Content) -> None:
    single = first_applicable(content, "single")
    plan = plan_columns(["founder", single.id], CsvMapping(), content, "f.csv")
    data = row_answers(plan, ["Ada", "nope"], line=12)
    with pytest.raises(Exception) as caught:
        parse_answers(data, content, source="f.csv")
    lines = {problem.line for problem in caught.value.problems}  # type: ignore[attr-defined]
    assert lines == {12}


def test_stage_cells_take_ids_and_names(content: Content) -> None:
    question = content.questions[0].id
    plan = plan_columns(["stage", question], CsvMapping(), content, "f.csv")
    for cell in ("seed", "Seed", "种子轮"):
        assert row_answers(plan, [cell, "x"], line=2)["stage"] == "seed"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x, y";b;c', ";"), ("single", ",")],
)
def test_delimiter_detection(line: str, expected: str) -> None:
    assert detect_delimiter(line) == expected
