"""Property tests of every reader of user input (issue 12): whatever the bytes, the answers,
CSV and mapping readers raise only the documented user errors (FounderCheckError: file,
line and reason), and valid answers always read back and score.

The budget is fixed (examples per test below, no per-example deadline that a slow CI could
trip; a 10 s one only to turn a hang into a failure) so the whole module takes seconds.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from founder_check import load_content
from founder_check.base.errors import FounderCheckError
from founder_check.base.readers import decode_text, parse_data
from founder_check.cohort.inputs import Rejection, csv_items, read_answers
from founder_check.cohort.mapping import CsvMapping, load_mapping
from founder_check.scoring.answer_rules import is_unknown_word
from founder_check.scoring.answers import Answers, parse_answers
from founder_check.scoring.engine import score
from tests.test_engine_properties import answers_strategy

CONTENT = load_content()
QUESTION_IDS = [question.id for question in CONTENT.questions]
OPTION_IDS = sorted({option.id for q in CONTENT.questions for option in q.options})
LABELS = sorted({option.label.en for q in CONTENT.questions for option in q.options})
WORDS = ["yes", "no", "unknown", "不确定", "Not sure", "9", "09", "3.10", "1e999", "-0", "nan"]
BUDGET = settings(
    max_examples=60,
    deadline=10_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# text with the characters that matter to YAML, JSON and CSV, control characters and CJK
SYNTAX = st.sampled_from(list("{}[]:,-#&*!|>'\"%@`?\n\t \\;\x00\x1b\u202e\ud800中文"))
NASTY_TEXT = st.text(st.one_of(SYNTAX, st.characters()), max_size=40)
KEYS = st.one_of(st.sampled_from(["founder", "company", "stage", "date", "answers"]), NASTY_TEXT)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    NASTY_TEXT,
    st.sampled_from(OPTION_IDS + WORDS + LABELS),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=12,
)


@st.composite
def answers_like(draw: Any) -> dict[str, Any]:
    """A mapping shaped like an answers file, with real ids and odd values mixed in."""
    answers = draw(
        st.dictionaries(st.one_of(st.sampled_from(QUESTION_IDS), NASTY_TEXT), VALUES, max_size=12)
    )
    data: dict[str, Any] = {"answers": answers}
    for key in ("founder", "company", "stage", "date"):
        if draw(st.booleans()):
            data[key] = draw(VALUES)
    extra = draw(st.dictionaries(KEYS, VALUES, max_size=2))
    return {**extra, **data}


def _serialised(data: Any, as_json: bool) -> bytes:
    if as_json:
        return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text.encode("utf-8", "surrogatepass")


def read_answers_bytes(raw: bytes, *, as_json: bool) -> Answers | None:
    """The answers reader as `load_answers` runs it, from the bytes of a file; None if refused
    with a user error (any other exception fails the test), and a scored result if read."""
    try:
        text = decode_text(raw, "answers")
        answers = parse_answers(parse_data(text, "answers", json_format=as_json), CONTENT)
    except FounderCheckError as exc:
        assert exc.problems and all(problem.message for problem in exc.problems)
        return None
    score(CONTENT, answers)
    return answers


@BUDGET
@given(st.binary(max_size=300), st.booleans())
def test_any_bytes_read_as_answers_raise_only_user_errors(raw: bytes, as_json: bool) -> None:
    read_answers_bytes(raw, as_json=as_json)


@BUDGET
@given(st.text(st.one_of(SYNTAX, st.characters(codec="utf-8")), max_size=200), st.booleans())
def test_any_text_read_as_answers_raises_only_user_errors(text: str, as_json: bool) -> None:
    read_answers_bytes(text.encode("utf-8"), as_json=as_json)


@BUDGET
@given(answers_like(), st.booleans())
def test_answers_shaped_files_raise_only_user_errors(data: dict[str, Any], as_json: bool) -> None:
    try:
        raw = _serialised(data, as_json)
    except (ValueError, yaml.YAMLError):
        return  # the serialiser refused (e.g. a float key); nothing to read
    read_answers_bytes(raw, as_json=as_json)


def expected_values(answers: Answers) -> dict[str, Any]:
    """The values a reader gives back: free text is stripped; text that says "not sure" is
    no valid free-text answer, so such examples are left out."""
    values: dict[str, Any] = {}
    for key, value in answers.values.items():
        if CONTENT.question_by_id[key].kind == "text":
            assert isinstance(value, str)
            assume(not is_unknown_word(value))
            value = value.strip()
        values[key] = value
    return values


@BUDGET
@given(answers_strategy(), st.booleans())
def test_valid_answers_read_back_the_same_and_score(answers: Answers, as_json: bool) -> None:
    expected = expected_values(answers)
    data = answers.to_file_data()
    if as_json:
        raw = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    else:
        raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    read = read_answers_bytes(raw, as_json=as_json)
    assert read is not None
    assert read.values == expected and read.stage == answers.stage
    card = score(CONTENT, read, next_steps=True)
    assert 0 <= card.overall <= 100


# -- mapping files and CSV ----------------------------------------------------------------

ENCODINGS = ["utf-8", "gb18030", "latin-1", "utf-16", "punycode", "idna", "rot13", "base64"]
TARGETS = st.one_of(
    st.sampled_from([*QUESTION_IDS, "founder", "company", "stage"]), NASTY_TEXT, VALUES
)


@st.composite
def mapping_like(draw: Any) -> dict[str, Any]:
    """A mapping file's data: real targets and labels mixed with nonsense of every type."""
    data: dict[str, Any] = {
        "columns": draw(st.dictionaries(NASTY_TEXT, TARGETS, max_size=6)),
        "labels": draw(
            st.dictionaries(
                TARGETS.filter(lambda t: isinstance(t, str)),
                st.one_of(st.dictionaries(NASTY_TEXT, SCALARS, max_size=4), VALUES),
                max_size=4,
            )
        ),
    }
    for key, values in (
        ("encoding", st.one_of(st.sampled_from(ENCODINGS), NASTY_TEXT, SCALARS)),
        ("delimiter", st.one_of(st.sampled_from([",", ";", "\t", ";;", ""]), SCALARS)),
        ("separator", st.one_of(st.sampled_from([";", "|", ""]), SCALARS)),
        ("ignore", st.one_of(st.lists(NASTY_TEXT, max_size=3), SCALARS)),
    ):
        if draw(st.booleans()):
            data[key] = draw(values)
    return data


def _mapping_from(folder: Path, raw: bytes) -> CsvMapping | None:
    path = folder / "map.yaml"
    path.write_bytes(raw)
    try:
        return load_mapping(path, CONTENT)
    except FounderCheckError as exc:
        assert exc.problems
        return None


@BUDGET
@given(mapping_like())
def test_mapping_files_raise_only_user_errors(data: dict[str, Any]) -> None:
    try:
        raw = _serialised(data, as_json=False)
    except yaml.YAMLError:
        return
    with tempfile.TemporaryDirectory() as folder:
        _mapping_from(Path(folder), raw)


@BUDGET
@given(st.text(st.one_of(SYNTAX, st.characters(codec="utf-8")), max_size=200))
def test_any_text_read_as_a_mapping_raises_only_user_errors(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _mapping_from(Path(folder), text.encode("utf-8"))


CELLS = st.one_of(
    st.sampled_from(OPTION_IDS + LABELS + WORDS + ["", "a;b", "x|y"]),
    NASTY_TEXT,
    st.integers().map(str),
)
HEADERS = st.one_of(st.sampled_from([*QUESTION_IDS, "founder", "company", "stage"]), NASTY_TEXT)


def _csv_text(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in [header, *rows]:
        try:
            writer.writerow(row)
        except csv.Error:  # Python 3.10's writer cannot write NUL: every cell quoted by hand
            quoted = ['"' + cell.replace('"', '""') + '"' for cell in row]
            buffer.write(delimiter.join(quoted) + "\r\n")
    return buffer.getvalue()


def _outcomes(path: Path, mapping: CsvMapping) -> Iterator[Answers | None]:
    """Each row of a CSV as the cohort reads it: Answers, or None when rejected."""
    for item in csv_items(str(path), CONTENT, mapping):
        if isinstance(item, Rejection):
            assert item.problems  # says why
            yield None
            continue
        try:
            answers = read_answers(item, CONTENT)
        except FounderCheckError as exc:
            assert exc.problems
            yield None
            continue
        score(CONTENT, answers)
        yield answers


@BUDGET
@given(
    st.lists(HEADERS, min_size=1, max_size=8),
    st.lists(st.lists(CELLS, max_size=9), max_size=4),
    st.sampled_from([",", ";", "\t"]),
    st.one_of(st.none(), mapping_like()),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_csv_files_with_a_mapping_raise_only_user_errors(
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    mapping_data: dict[str, Any] | None,
    encoding: str,
) -> None:
    text = _csv_text(header, rows, delimiter)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        mapping: CsvMapping | None = CsvMapping()
        if mapping_data is not None:
            try:
                mapping = _mapping_from(folder, _serialised(mapping_data, as_json=False))
            except yaml.YAMLError:
                mapping = CsvMapping()
        if mapping is None:
            return
        path = folder / "form.csv"
        path.write_bytes(text.encode(mapping.encoding or encoding, "replace"))
        list(_outcomes(path, mapping))


@BUDGET
@given(answers_strategy(), st.sampled_from([",", ";", "\t"]))
def test_valid_answers_in_a_csv_row_read_back_the_same(answers: Answers, delimiter: str) -> None:
    from tests.answer_factory import csv_cell

    expected = expected_values(answers)
    assume(not any("\x00" in v for v in expected.values() if isinstance(v, str)))  # binary
    assume(() not in expected.values())  # an empty cell is no answer, not an empty choice
    header = ["stage", *answers.values]
    cells = [answers.stage or ""] + [
        csv_cell(list(v) if isinstance(v, tuple) else v) for v in answers.values.values()
    ]
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "form.csv"
        path.write_text(_csv_text(header, [cells], delimiter), encoding="utf-8")
        read = list(_outcomes(path, CsvMapping()))
    assert len(read) == 1 and read[0] is not None
    # an empty cell is no answer: an optional text question left blank is skipped
    assert read[0].values == {k: v for k, v in expected.items() if v != ""}
