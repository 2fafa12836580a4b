"""Content as plain data and back: exact round trips, and anything of the wrong shape refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from founder_check.content.models import Condition, Content, Question, Scale, Text
from founder_check.content.plain import PlainDataError, from_plain, to_plain


def test_the_whole_content_survives_a_json_round_trip(content: Content) -> None:
    data = json.loads(json.dumps(to_plain(content), ensure_ascii=False))
    assert from_plain(Content, data) == content


def test_nested_conditions_and_integer_keys_come_back_with_their_types() -> None:
    condition = Condition(
        all_=(
            Condition(question="a.b", equals="x"),
            Condition(not_=Condition(factor="f", below=0.5)),
        )
    )
    assert from_plain(Condition, json.loads(json.dumps(to_plain(condition)))) == condition
    scale = Scale(labels={1: Text("low", "低"), 5: Text("high", "高")})
    plain = json.loads(json.dumps(to_plain(scale)))
    assert plain["labels"]["1"] == ["low", "低"], "a text record is a list of its texts"
    rebuilt = from_plain(Scale, plain)
    assert rebuilt == scale and list(rebuilt.labels) == [1, 5]


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Text, ["only one"]),
        (Text, ["en", 2]),
        (Text, {"en": "a", "zh": "b"}),
        (Scale, {"labels": {"01": ["a", "b"], "5": ["c", "d"]}}),  # not a canonical integer
        (Scale, {"labels": {"1": ["a", "b"], "5": ["c", "d"]}, "min": True}),  # bool for int
        (Condition, {"question": "a.b", "lt": "3"}),  # text for a number
        (Condition, {"question": "a.b", "lt": float("inf")}),
        (Condition, {"question": "a.b", "lt": 10**400}),
        (Condition, {"question": "a.b", "equals": "x", "extra": 1}),
        (Question, {"id": "a.b", "kind": "essay", "text": ["a", "b"], "help": ["c", "d"]}),
        (Condition, {"question": "a.b", "one_of": "x"}),  # text for a list
        (Condition, {"question": "a.b", "answered": 1}),  # number for a flag
    ],
)
def test_data_of_the_wrong_shape_is_refused(kind: Any, data: Any) -> None:
    with pytest.raises(PlainDataError):
        from_plain(kind, data)


def test_the_models_own_checks_run_again() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        from_plain(Text, ["", "空"])
    with pytest.raises(ValueError, match="exactly one test"):
        from_plain(Condition, {"question": "a.b"})
    with pytest.raises(TypeError):  # a required field is missing
        from_plain(Question, {"id": "a.b", "kind": "text", "text": ["a", "b"]})
