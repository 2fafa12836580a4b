"""The fast path of answers validation agrees with the full validator wherever it answers.

`answers_quick` may decline anything (the full validator then decides), but what it accepts
must be exactly what `answers.explained_parse` makes of the same data. Hypothesis starts
from valid answers and bends them the ways founders' files and tools do: text for numbers,
words for yes/no, stray spaces and capitals, "not sure", missing and extra keys, lists for
single answers, duplicates, exclusive options combined, numbers out of range.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from founder_check.base.errors import AnswersError
from founder_check.base.readers import parse_data
from founder_check.content.loader import load_content
from founder_check.scoring.answers import Answers, explained_parse, parse_answers
from founder_check.scoring.answers_quick import quick_reader
from tests.answer_factory import answers_data

CONTENT = load_content()
QUESTIONS = [q.id for q in CONTENT.questions]

_ODD_VALUES: list[Any] = [
    "unknown",
    "Unknown",
    " unknown",
    "不确定",
    "yes",
    "Yes",
    "no",
    "是",
    "y",
    True,
    False,
    "",
    " ",
    None,
    [],
    {},
    [None],
    ["unknown"],
    ["unknown", "x"],
    0,
    1,
    3,
    5,
    7,
    -1,
    10**20,
    2**53 + 1,
    0.5,
    3.0,
    1e308,
    float("inf"),
    "3",
    "03",
    "3.0",
    "3.5",
    "-2",
    "1_000",
    "٣",
    "x" * 10_001,
    "Answer ",
    "none",
    "other",
    "not_chosen",
    "one_defined_segment",
]


def _tricky(question_id: str) -> list[Any]:
    """Values near the edge of what this question accepts."""
    question = CONTENT.question_by_id[question_id]
    ids = [o.id for o in question.options]
    exclusive = [o.id for o in question.options if o.exclusive]
    values: list[Any] = ["unknown", "Unknown", "UNKNOWN ", "不确定", ["unknown"], [], ""]
    if ids:
        values += [ids[0], ids[-1], ids[0].upper(), f" {ids[0]}", ids[:2], [ids[0], ids[0]]]
        plain = [o.id for o in question.options if not o.exclusive]
        values += [[ex, plain[-1]] for ex in exclusive] + [[*ids], [ids[0], 3]]
    if question.kind == "yesno":
        values += ["yes", "no", "Yes", "是", "否", "true", True, False, 1]
    low = question.scale.min if question.scale else question.min
    high = question.scale.max if question.scale else question.max
    if low is not None and high is not None:
        values += [low, high, low - 1, high + 1, str(high), f"{high}.0", float(low) + 0.5]
        values += [str(low), f"0{low}", float(high), -0.0, "-0", True, f" {high}"]
        values += [int(low), int(high), int(low) + 1]
    if question.kind == "text":
        values += ["Answer", " Answer", "Answer\n", 42, "x" * 10_000, "x" * 10_001]
    return values


def _bend_value(value: Any, how: int, rng: random.Random) -> Any:
    """One of the ways a written answer drifts from its plain form."""
    if how == 0:
        return rng.choice(_ODD_VALUES)
    if how == 1:
        return (
            str(value).upper() if not isinstance(value, list) else [str(v).upper() for v in value]
        )
    if how == 2:
        return f" {value} " if isinstance(value, str) else value
    if how == 3:
        return [value] if not isinstance(value, list) else value + value[:1]
    if how == 4:
        return value[0] if isinstance(value, list) and value else str(value)
    if how == 5 and isinstance(value, (int, float)) and not isinstance(value, bool):
        return rng.choice([value + 0.5, value * 1000, -value, float(value), str(value)])
    if how == 6 and isinstance(value, list):
        return [*value, "none"]
    return value


@st.composite
def bent_answers(draw: Any) -> dict[str, Any]:
    seed = draw(st.integers(0, 10**6))
    rng = random.Random(seed)
    data = answers_data(
        CONTENT,
        pick=draw(st.sampled_from(["random", "best", "worst", "first"])),
        rng=rng,
        skip_optional=draw(st.booleans()),
        stage=draw(st.sampled_from([None, *CONTENT.stage_by_id])),
    )
    answers = data["answers"]
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(QUESTIONS))
        how = draw(st.integers(0, 10))
        if how == 7:
            answers.pop(key, None)
        elif how >= 8:
            answers[key] = draw(st.sampled_from(_tricky(key)))
        else:
            answers[key] = _bend_value(answers.get(key), how, rng)
    top = draw(st.integers(0, 12))
    if top == 0:
        data["founder"] = draw(st.sampled_from(["", " Ada", "Ada\x1b[31m", 7, "A" * 300, None]))
    elif top == 1:
        data["stage"] = draw(st.sampled_from(["nope", "", None, 3]))
    elif top == 2:
        data["date"] = draw(st.sampled_from(["2026-01-02", "2026-02-30", "today", 20260102]))
    elif top == 3:
        data["extra"] = 1
    elif top == 4:
        data["answers"][draw(st.sampled_from(["typo", "market.x", 3]))] = "x"
    elif top == 5:
        data["answers"] = draw(st.sampled_from([None, [], "x", {}]))
    return data


def _explained(data: Any, **kwargs: Any) -> Answers | AnswersError:
    try:
        return explained_parse(copy.deepcopy(data), CONTENT, source="a.yaml", **kwargs)
    except AnswersError as exc:
        return exc


def _agree(data: Any, require_complete: bool = True) -> None:
    quick = quick_reader(CONTENT).read(copy.deepcopy(data), require_complete=require_complete)
    full = _explained(data, require_complete=require_complete)
    if quick is None:
        return
    assert isinstance(full, Answers), f"fast path accepted what the validator refuses: {full}"
    assert full.values == quick.values
    assert [type(v) for v in full.values.values()] == [type(v) for v in quick.values.values()]
    assert (full.founder, full.company, full.stage, full.date) == (
        quick.founder,
        quick.company,
        quick.stage,
        quick.date,
    )
    assert (full.skipped, full.left_out) == (quick.skipped, quick.left_out)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bent_answers(), st.booleans(), st.booleans())
def test_fast_path_agrees_with_the_full_validator(
    data: dict[str, Any], as_yaml: bool, require_complete: bool
) -> None:
    if as_yaml:  # every scalar as text, as the guarded YAML reader gives them
        try:
            text = yaml.safe_dump(data, allow_unicode=True)
            data = parse_data(text, "a.yaml", json_format=False)
        except Exception:
            return
    _agree(data, require_complete)


def test_well_formed_files_take_the_fast_path() -> None:
    """Valid answers, as JSON and as YAML (whose scalars are all text), need no full
    validation: the speed of a cohort rests on it."""
    reader = quick_reader(CONTENT)
    for seed in range(60):
        rng = random.Random(seed)
        data = answers_data(CONTENT, rng=rng, pick="random", skip_optional=seed % 3 == 0)
        from_json = parse_data(json.dumps(data), "a.json", json_format=True)
        from_yaml = parse_data(
            yaml.safe_dump(data, allow_unicode=True), "a.yaml", json_format=False
        )
        for read in (from_json, from_yaml):
            quick = reader.read(read)
            assert quick is not None
            assert parse_answers(read, CONTENT, source="a").values == quick.values


def test_problems_are_still_explained() -> None:
    """What the fast path declines still gets the full validator's messages."""
    data = answers_data(CONTENT, rng=random.Random(1))
    data["answers"][QUESTIONS[0]] = " Finance "
    data["answers"].pop(QUESTIONS[1])
    try:
        parse_answers(data, CONTENT, source="f.yaml")
    except AnswersError as exc:
        fields = [p.field for p in exc.problems]
        assert any(QUESTIONS[1] in (f or "") for f in fields), fields
    else:
        raise AssertionError("a missing required answer was accepted")


def test_every_edge_value_of_every_question() -> None:
    """Each question's edge values, one at a time, on valid answers at every stage, as
    they are: the fast path agrees or declines, every time."""
    for number, stage in enumerate(CONTENT.stage_by_id):
        base = answers_data(CONTENT, rng=random.Random(number), stage=stage)
        for question_id in QUESTIONS:
            for value in [*_tricky(question_id), *_ODD_VALUES]:
                data = copy.deepcopy(base)
                data["answers"][question_id] = value
                _agree(data)
                _agree(data, require_complete=False)
