"""Dated assessments: the `date:` of an answers file, read, checked, written and reported."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from founder_check import load_content
from founder_check.base.errors import AnswersError
from founder_check.base.readers import parse_yaml
from founder_check.report.template import answers_template
from founder_check.scoring.answers import load_answers, parse_answers
from founder_check.scoring.engine import score
from tests.conftest import run_cli

CONTENT = load_content()


def undated(example: Path) -> str:
    """The example answers' text without any `date:` line."""
    return re.sub(r"(?m)^date:.*\n", "", example.read_text(encoding="utf-8"))


def dated(example: Path, folder: Path, line: str, name: str = "dated.yaml") -> Path:
    """The example answers with a `date:` line before its answers."""
    text = undated(example)
    path = folder / name
    path.write_text(text.replace("\nanswers:", f"\n{line}\nanswers:", 1), encoding="utf-8")
    return path


def test_a_date_is_read_and_reported(tmp_path: Path, example_answers: Path) -> None:
    path = dated(example_answers, tmp_path, "date: 2026-05-01")
    answers = load_answers(path, CONTENT)
    assert answers.date == dt.date(2026, 5, 1)
    assert score(CONTENT, answers).date == "2026-05-01"
    assert answers.to_file_data()["date"] == dt.date(2026, 5, 1)
    written = yaml.safe_dump(answers.to_file_data(), sort_keys=False)
    assert "\ndate: 2026-05-01\n" in written  # bare, as a person writes it
    assert parse_answers(parse_yaml(written, "again"), CONTENT).date == answers.date


def test_an_undated_file_is_scored_as_of_today(tmp_path: Path, example_answers: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(undated(example_answers), encoding="utf-8")
    answers = load_answers(path, CONTENT)
    assert answers.date is None
    assert score(CONTENT, answers).date == dt.date.today().isoformat()


def test_a_yaml_date_is_accepted_and_a_time_is_refused(example_answers: Path) -> None:
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))  # dates typed by PyYAML
    data["date"] = dt.date(2026, 5, 1)
    assert parse_answers(data, CONTENT).date == dt.date(2026, 5, 1)
    data["date"] = dt.datetime(2026, 5, 1, 9, 30)
    with pytest.raises(AnswersError) as caught:
        parse_answers(data, CONTENT, source="x.yaml")
    assert "time of day" in str(caught.value) and "x.yaml: date:" in str(caught.value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date: 2026-13-01", "'2026-13-01' is not a day of the calendar; expected YYYY-MM-DD"),
        ("date: 1 May 2026", "'1 May 2026' is not a date; expected YYYY-MM-DD"),
        ("date: 2026-5-1", "'2026-5-1' is not a date; expected YYYY-MM-DD"),
        ("date: [2026, 5, 1]", "a list is not a date"),
    ],
)
def test_a_bad_date_names_file_and_line(
    tmp_path: Path, example_answers: Path, line: str, expected: str
) -> None:
    path = dated(example_answers, tmp_path, line)
    number = path.read_text(encoding="utf-8").splitlines().index(line) + 1
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:{number}: date: {expected}" in result.stderr.replace("\n", " ")


def test_a_json_answers_file_carries_its_date(tmp_path: Path, example_answers: Path) -> None:
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["date"] = "2026-05-01"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("assess", "--answers", str(path), "--json", "-")
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["date"] == "2026-05-01"
    schema = json.loads(run_cli("schema", "scorecard").stdout)
    assert schema["properties"]["date"] == {"title": "Date", "type": "string", "format": "date"}
    assert "date" in schema["required"]
    jsonschema.validate(card, schema, format_checker=jsonschema.FormatChecker())
    answers_schema = json.loads(run_cli("schema", "answers").stdout)
    jsonschema.validate(data, answers_schema, format_checker=jsonschema.FormatChecker())


def test_the_cohort_scorecard_schema_knows_the_date() -> None:
    schema = json.loads(run_cli("schema", "cohort-scorecard").stdout)
    assert schema["properties"]["date"]["format"] == "date"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_template_is_dated_today(lang: str) -> None:
    text = answers_template(CONTENT, "zh" if lang == "zh" else "en", today=dt.date(2026, 5, 1))
    (line,) = [line for line in text.splitlines() if line.startswith("date:")]
    assert re.fullmatch(r"date: 2026-05-01 +# .*(YYYY-MM-DD).*", line)
    assert parse_yaml(text, "template")["date"] == "2026-05-01"
    printed = run_cli("template", "--lang", lang)
    assert printed.returncode == 0
    assert f"\ndate: {dt.date.today().isoformat()} " in printed.stdout


def test_a_filled_template_keeps_its_date(tmp_path: Path, example_answers: Path) -> None:
    text = answers_template(CONTENT, "en", today=dt.date(2026, 5, 1))
    example = yaml.safe_load(example_answers.read_text(encoding="utf-8"))["answers"]
    for key, value in example.items():
        shown = value if not isinstance(value, bool) else ("yes" if value else "no")
        text = text.replace(f"  {key}:\n", f"  {key}: {json.dumps(shown)}\n")
    path = tmp_path / "filled.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_answers(path, CONTENT).date == dt.date(2026, 5, 1)
