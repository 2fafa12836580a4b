"""The JSON Schemas: shipped in the package as the code generates them, found by the template's
editor line and by `schema NAME --path`, and true to what the tool writes (docs/schemas.md).

Real outputs (case fixtures through the installed script, a cohort run, random profiles)
validate with formats checked; hand-made violations are rejected; every float is rounded to
the decimals docs/schemas.md gives for its field.
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
from collections.abc import Callable, Iterator
from importlib.resources import files
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import founder_check
from founder_check import Content, load_content
from founder_check.interview.answers_file import save_answers
from founder_check.report.formats import ExportFormat, export
from founder_check.report.template import answers_template
from founder_check.scoring.answers import load_answers, parse_answers
from founder_check.scoring.engine import score
from founder_check.scoring.schemas import SHIPPED
from founder_check.scoring.valuation import answer_value
from tests.answer_factory import answers_data
from tests.cohort_helpers import read_json, write_cohort
from tests.conftest import ROOT, copy_content, edit_file, run_cli
from tests.make_schemas import generated

CONTENT = load_content()
CASES = sorted((ROOT / "tests" / "cases").glob("[0e]*.yaml"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")
Validator = jsonschema.Draft202012Validator


def shipped(name: str) -> str:
    """A shipped schema's text, read as an installed package is read (not from src/)."""
    return (files("founder_check") / "schema_files" / f"{name}.json").read_text("utf-8")


def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator that checks formats too (date, date-time)."""
    return Validator(schema, format_checker=Validator.FORMAT_CHECKER)


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(shipped(name))
    return loaded


def as_editors_read(text: str) -> Any:
    """YAML as an editor's YAML 1.2 parser reads it: a date is text."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


# -- the shipped files --------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_schema_is_what_the_code_generates(name: str) -> None:
    assert shipped(name) == generated(name), (
        f"schema_files/{name}.json differs from the code: run python -m tests.make_schemas"
    )


def test_the_package_ships_every_schema_and_no_other() -> None:
    folder = files("founder_check") / "schema_files"
    assert sorted(item.name for item in folder.iterdir()) == sorted(f"{n}.json" for n in SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_the_schema_command_prints_the_shipped_file_and_names_it(name: str) -> None:
    printed = run_cli("schema", name)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == shipped(name)
    path = run_cli("schema", name, "--path")
    assert path.returncode == 0, path.stderr
    found = Path(path.stdout.rstrip("\n"))
    assert found.is_absolute() and found.read_text(encoding="utf-8") == shipped(name)
    assert found.parent == Path(founder_check.__file__).parent / "schema_files"
    loaded = json.loads(printed.stdout)
    Validator.check_schema(loaded)
    version = (
        f"{CONTENT.name}:{CONTENT.version}"
        if name == "answers"
        else loaded["properties"]["schema_version"]["const"]
    )
    assert loaded["$id"] == f"urn:founder-check:schema:{name}:{version}"


def test_other_content_has_no_shipped_answers_schema(tmp_path: Path) -> None:
    same = copy_content(tmp_path / "same")
    result = run_cli("schema", "answers", "--content", str(same), "--path")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).read_text(encoding="utf-8") == shipped("answers")
    other = copy_content(tmp_path / "other")
    edit_file(other / "scoring" / "content.yaml", f'version: "{CONTENT.version}"', 'version: "9"')
    result = run_cli("schema", "answers", "--content", str(other), "--path")
    assert result.returncode == 1 and not result.stdout
    assert "no schema file ships for this content" in result.stderr
    assert f"schema answers --content {other} > answers.schema.json" in result.stderr
    printed = json.loads(run_cli("schema", "answers", "--content", str(other)).stdout)
    assert printed["$id"] == f"urn:founder-check:schema:answers:{CONTENT.name}:9"


# -- the editor line ----------------------------------------------------------------------


def _schema_of_line(text: str) -> Path:
    """The file the first line of an answers file points editors at."""
    found = MODELINE.fullmatch(text.splitlines()[0])
    assert found, f"no schema line first: {text.splitlines()[0]!r}"
    uri = urlparse(found.group(1))
    assert uri.scheme == "file"
    return Path(url2pathname(uri.path))


def _filled(template: str, answers: dict[str, Any]) -> str:
    """The template with each question's answer written after its id, as a founder would."""
    for key, value in answers.items():
        shown = value if not isinstance(value, bool) else ("yes" if value else "no")
        template = template.replace(f"  {key}:\n", f"  {key}: {json.dumps(shown)}\n")
    return template


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_template_points_editors_at_the_installed_schema(
    tmp_path: Path, example_answers: Path, lang: str
) -> None:
    out = tmp_path / "answers.yaml"
    assert run_cli("template", "--lang", lang, "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    path = _schema_of_line(text)
    installed = Path(founder_check.__file__).parent / "schema_files" / "answers.json"
    assert path.is_file() and path.samefile(installed)
    check = validator(json.loads(path.read_text(encoding="utf-8")))
    check.validate(as_editors_read(text))  # a fresh template: no answer yet, nothing wrong
    example = example_answers.read_text(encoding="utf-8")
    check.validate(as_editors_read(example))
    filled = _filled(text, yaml.safe_load(example)["answers"])
    check.validate(as_editors_read(filled))
    out.write_text(filled, encoding="utf-8")
    assert run_cli("assess", "--answers", str(out)).returncode == 0
    for wrong in (
        filled.replace("  market.segment_focus:", "  market.segment_focuss:"),
        filled.replace("funding.runway_months: 9\n", "funding.runway_months: 900\n"),
        re.sub(r"(  market\.segment_focus: )\S+", r'\1"everyone"', filled),
        filled.replace("answers:\n", "answer:\n", 1),
    ):
        assert wrong != filled
        assert not check.is_valid(as_editors_read(wrong))


def test_a_template_for_other_content_says_it_has_no_schema(tmp_path: Path) -> None:
    other = copy_content(tmp_path)
    edit_file(other / "scoring" / "content.yaml", f'version: "{CONTENT.version}"', 'version: "9"')
    for lang, command in (("en", "--content DIR >"), ("zh", "--content 内容目录 >")):
        text = run_cli("template", "--content", str(other), "--lang", lang).stdout
        assert not [line for line in text.splitlines() if MODELINE.match(line)]
        assert f"founder-check schema answers {command} answers.schema.json" in text
        assert "# yaml-language-server: $schema=answers.schema.json" in text


def test_the_saved_interview_file_keeps_the_line_when_written_again(
    tmp_path: Path, example_answers: Path
) -> None:
    path = tmp_path / "answers.yaml"
    answers = load_answers(example_answers, CONTENT)
    save_answers(path, answers, CONTENT, "en", when="2026-11-20 10:00")
    first = path.read_text(encoding="utf-8")
    assert _schema_of_line(first).samefile(_schema_of_line(answers_template(CONTENT, "en")))
    validator(schema("answers")).validate(as_editors_read(first))
    again = load_answers(path, CONTENT)  # as --update reads it, and writes it back
    assert again.values == answers.values
    save_answers(path, again, CONTENT, "zh", when="2026-11-21 10:00")
    assert path.read_text(encoding="utf-8").splitlines()[0] == first.splitlines()[0]


# -- what the schemas guarantee -----------------------------------------------------------

OUTPUTS = ("scorecard", "cohort", "cohort-scorecard", "cohort-texts")


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


@pytest.mark.parametrize("name", OUTPUTS)
def test_every_record_of_every_output_refuses_unknown_fields(name: str) -> None:
    records = list(_objects(schema(name)))
    assert len(records) > 3
    for record in records:
        assert record.get("additionalProperties") is False, record.get("title")


@pytest.fixture(scope="module")
def assessed(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Scorecards of several case fixtures, as `assess --json` writes them."""
    folder = tmp_path_factory.mktemp("assessed")
    cards = []
    for index, case in enumerate(CASES[::6]):
        out = folder / f"{case.stem}.json"
        lang = "zh" if index % 2 else "en"
        result = run_cli("assess", "--answers", str(case), "--lang", lang, "--json", str(out))
        assert result.returncode == 0, result.stderr
        cards.append(read_json(out))
    return cards


@pytest.fixture(scope="module")
def cohort_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report folder of a cohort of seven (percentiles and ranks included)."""
    folder = tmp_path_factory.mktemp("cohort")
    write_cohort(folder / "in", CONTENT, 7)
    shutil.copy(CASES[0], folder / "in" / CASES[0].name)
    result = run_cli("cohort", str(folder / "in"), "--out", str(folder / "out"))
    assert result.returncode == 0, result.stderr
    return folder / "out"


def _cohort_files(out: Path) -> Iterator[tuple[str, Any]]:
    yield "cohort", read_json(out / "cohort.json")
    yield "cohort-texts", read_json(out / "texts.json")
    for path in sorted((out / "scorecards").iterdir()):
        yield "cohort-scorecard", read_json(path)


def test_real_outputs_validate_with_their_formats(
    assessed: list[dict[str, Any]], cohort_run: Path
) -> None:
    for card in assessed:
        validator(schema("scorecard")).validate(card)
        assert card["generated_at"].endswith("+00:00")
    names = []
    for name, data in _cohort_files(cohort_run):
        validator(schema(name)).validate(data)
        names.append(name)
    assert names.count("cohort-scorecard") == 8


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A change to one field, by a dotted path (numbers index lists)."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    return change


VIOLATIONS: dict[str, dict[str, Mutation]] = {
    "scorecard": {
        "score over 100": _set("overall", 101.0),
        "negative score": _set("overall", -0.1),
        "factor score over 100": _set("factors.0.score", 100.5),
        "gap over 100": _set("factors.0.gap", 101.0),
        "value over 1": _set("questions.0.value", 1.2),
        "negative count": _set("coverage.answered", -1),
        "negative section count": _set("coverage.sections_answered", -1),
        "weighted over 1": _set("coverage.weighted", 1.5),
        "red flag points above 0": _set("red_flag_points", 2.5),
        "unknown field": _set("verdict", "great"),
        "unknown nested field": _set("factors.0.rank", 1),
        "timestamp not a date-time": _set("generated_at", "yesterday"),
        "timestamp without a time": _set("generated_at", "2026-05-04"),
        "date not a date": _set("date", "2026-13-01"),
    },
    "cohort": {
        "negative count": _set("counts.rejected", -1),
        "rank 0": _set("founders.0.rank", 0),
        "score over 100": _set("founders.0.overall", 101.0),
        "percentile over 100": _set("founders.0.percentiles.overall", 100.5),
        "negative red flag count": _set("founders.0.red_flag_count", -1),
        "spread over 100": _set("factors.0.max", 120.0),
        "unknown field": _set("founders.0.email", "a@b.c"),
        "timestamp not a date-time": _set("generated_at", "2026-05-04 09:30"),
    },
    "cohort-scorecard": {
        "score over 100": _set("overall", 101.0),
        "factor score over 100": _set("factors.0.1", 101.0),
        "rank 0": _set("cohort.rank", 0),
        "cohort size 0": _set("cohort.size", 0),
        "value over 1": _set("gaps.0.1", 1.5),
        "unknown field": _set("cohort.note", "x"),
        "timestamp not a date-time": _set("generated_at", "now"),
    },
}


@pytest.mark.parametrize(
    ("name", "what"), [(name, what) for name, table in VIOLATIONS.items() for what in table]
)
def test_violations_are_rejected(
    assessed: list[dict[str, Any]], cohort_run: Path, name: str, what: str
) -> None:
    real = assessed[0] if name == "scorecard" else dict(_cohort_files(cohort_run))[name]
    check = validator(schema(name))
    assert check.is_valid(real)
    broken = copy.deepcopy(real)
    VIOLATIONS[name][what](broken)
    assert broken != real
    assert not check.is_valid(broken), what


def test_pydantic_checks_the_bounds_the_schema_states(assessed: list[dict[str, Any]]) -> None:
    from pydantic import TypeAdapter, ValidationError

    from founder_check.scoring.scorecard import Scorecard

    adapter = TypeAdapter(Scorecard)
    card = {k: v for k, v in assessed[0].items()}
    card.setdefault("next_level", None)
    adapter.validate_python(card)
    for mutation in (_set("overall", 101.0), _set("coverage.answered", -1), _set("x", 1)):
        broken = copy.deepcopy(card)
        mutation(broken)
        with pytest.raises(ValidationError):
            adapter.validate_python(broken)


# -- decimals -----------------------------------------------------------------------------


def documented_decimals() -> dict[str, list[tuple[re.Pattern[str], int | None]]]:
    """docs/schemas.md's table: per schema, each field pattern and its decimals (None: as
    written). `[]` is any list item, `[1]` a row's second item, `*` any key."""
    table: dict[str, list[tuple[re.Pattern[str], int | None]]] = {}
    text = (ROOT / "docs" / "schemas.md").read_text(encoding="utf-8")
    for name, fields, decimals in re.findall(r"^\| ([\w-]+) \| (`.+`) \| ([\w ]+) \|$", text, re.M):
        for field in re.findall(r"`([^`]+)`", fields):
            pattern = re.escape(field).replace(r"\[\]", r"\[\d+\]").replace(r"\*", r"[^\[\]]+")
            digits = None if decimals == "as written" else int(decimals)
            table.setdefault(name, []).append((re.compile(pattern), digits))
    return table


DECIMALS = documented_decimals()


def _floats(node: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(node, float):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _floats(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _floats(value, f"{path}[{index}]")


def undocumented_or_unrounded(name: str, data: Any) -> list[str]:
    """Each float of a file that no row of the table names, or that carries more decimals
    than its row gives."""
    wrong = []
    for path, value in _floats(data):
        rules = [digits for pattern, digits in DECIMALS[name] if pattern.fullmatch(path)]
        if not rules:
            wrong.append(f"{path} = {value!r}: not in docs/schemas.md")
        elif rules[0] is not None and value != round(value, rules[0]):
            wrong.append(f"{path} = {value!r}: more than {rules[0]} decimals")
    return wrong


def test_the_decimals_table_covers_each_output() -> None:
    assert set(DECIMALS) == {"scorecard", "cohort", "cohort-scorecard"}
    assert len(DECIMALS["scorecard"]) >= 20


def test_real_outputs_round_as_documented(assessed: list[dict[str, Any]], cohort_run: Path) -> None:
    for card in assessed:
        assert undocumented_or_unrounded("scorecard", card) == []
    for name, data in _cohort_files(cohort_run):
        if name != "cohort-texts":
            assert undocumented_or_unrounded(name, data) == []


@st.composite
def profiles(draw: Any) -> dict[str, Any]:
    """Answers of every kind of founder: any stage, random, best or worst answers, optional
    questions left out, "not sure" answers sprinkled in."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    data = answers_data(
        CONTENT,
        stage=draw(st.sampled_from([stage.id for stage in CONTENT.stages])),
        pick=draw(st.sampled_from(["random", "random", "best", "worst", "first"])),
        rng=rng,
        skip_optional=draw(st.booleans()),
    )
    scored = [q.id for q in CONTENT.questions if q.scored and q.id in data["answers"]]
    for question_id in rng.sample(scored, draw(st.integers(0, 5))):
        data["answers"][question_id] = "unknown"
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles(), lang=st.sampled_from(["en", "zh"]))
def test_every_float_of_a_scorecard_is_rounded_as_documented(
    data: dict[str, Any], lang: str
) -> None:
    answers = parse_answers(data, CONTENT, source="profile", require_complete=False)
    card = score(CONTENT, answers, lang="zh" if lang == "zh" else "en", generated_at=None)
    written = json.loads(export(card, ExportFormat.json, CONTENT))
    assert undocumented_or_unrounded("scorecard", written) == []
    validator(schema("scorecard")).validate(written)


def _noisy_multiple_choice(content: Content) -> tuple[str, tuple[str, ...], float]:
    """A multiple choice always asked, and options whose values add up with binary noise
    (0.15 + 0.15 + 0.15 = 0.44999999999999996)."""
    for question in content.questions:
        if question.kind != "multi" or question.when is not None or not question.scored:
            continue
        plain = [o.id for o in question.options if not o.exclusive]
        for size in (2, 3, 4):
            for chosen in combinations(plain, size):
                raw = answer_value(question, chosen)
                if raw != round(raw, 3):
                    return question.id, chosen, raw
    raise LookupError("no option values add up with noise in this content")


def test_a_multiple_choice_value_is_written_without_float_noise(content: Content) -> None:
    question_id, chosen, raw = _noisy_multiple_choice(content)
    data = answers_data(content, pick="best", overrides={question_id: list(chosen)})
    card = score(content, parse_answers(data, content, require_complete=False))
    written = json.loads(export(card, ExportFormat.json, content))
    (result,) = [q for q in written["questions"] if q["id"] == question_id]
    assert result["value"] == round(raw, 3) != raw
