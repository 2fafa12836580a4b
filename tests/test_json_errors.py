"""JSON errors in our words, at the same place whichever Python runs (3.13 changed its own)."""

from __future__ import annotations

import json

import pytest

from founder_check.base.json_errors import JsonErrorSpot, describe_json_error

TRAILING = "a comma before the '}' that ends a mapping; remove it"


def spot(text: str) -> JsonErrorSpot:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    return describe_json_error(text, caught.value)


@pytest.mark.parametrize(
    ("python", "message", "position"),
    [
        ("3.10 to 3.12", "Expecting property name enclosed in double quotes", 11),
        ("3.13 and later", "Illegal trailing comma before end of object", 9),
    ],
)
def test_json_error_message_is_the_same_on_every_python(
    python: str, message: str, position: int
) -> None:
    text = '{\n "a": 1,\n}'
    error = json.JSONDecodeError(message, text, position)
    assert describe_json_error(text, error) == JsonErrorSpot(2, 8, TRAILING), python


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{\n "a": 1,\n}', JsonErrorSpot(2, 8, TRAILING)),
        ("[1,\n  \n]", JsonErrorSpot(1, 3, "a comma before the ']' that ends a list; remove it")),
        ('{"a" 1}', JsonErrorSpot(1, 6, "expected ':' after the key")),
        ("[1 2]", JsonErrorSpot(1, 4, "expected ',' between two items")),
        (
            '{"a": tru}',
            JsonErrorSpot(
                1,
                7,
                "expected a value: text in double quotes, a number, "
                "true, false, null, a list or a mapping",
            ),
        ),
        ("", JsonErrorSpot(1, 1, "the text ends where a value was expected")),
        ('"abc', JsonErrorSpot(1, 1, "a string is not closed (a '\"' is missing)")),
        ("{} x", JsonErrorSpot(1, 4, "more text after the end of the JSON value")),
        ('{"a": "x\ty"}', JsonErrorSpot(1, 9, "a line break or control character inside a string")),
        ('{"a": "\\q"}', JsonErrorSpot(1, 8, "an unknown escape after '\\' in a string")),
    ],
)
def test_each_error_is_named_where_it_is(text: str, expected: JsonErrorSpot) -> None:
    assert spot(text) == expected


def test_an_unknown_message_is_still_placed() -> None:
    text = '[1,\n "x"]'
    error = json.JSONDecodeError("Something new in Python 3.99", text, 5)
    assert describe_json_error(text, error) == JsonErrorSpot(2, 2, "not valid JSON here")
