"""Issue 12, cause 4: slow inputs. 4 MB of unknown keys took 106 s (a did-you-mean search per
key against every id) and deeply nested flow collections 7 s (millions of values built one
by one). What is asserted here is the behaviour that keeps every input of up to 4 MB fast:
few suggestions, a bound on the number of values, refusal before the work. The times
themselves are measured by benchmarks/slow_inputs.py, not asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.base.errors import AnswersError, InputFileError
from founder_check.base.readers import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    parse_json,
    parse_yaml,
)
from founder_check.base.suggest import MAX_WORD, close_match
from founder_check.cohort.mapping import MAX_PROBLEMS_LISTED, load_mapping
from founder_check.scoring.answers import MAX_UNKNOWN_LISTED, parse_answers
from tests.conftest import run_cli

TOO_MANY = f"holds more than {MAX_NODES:,} keys and values"


def _refusal(text: str, *, json_format: bool) -> str:
    parse = parse_json if json_format else parse_yaml
    with pytest.raises(InputFileError) as caught:
        parse(text, "f")
    return str(caught.value)


def test_cause4_unknown_keys_get_a_few_suggestions_and_one_count(content: Content) -> None:
    known = content.questions[0].id
    stray = {f"{known}_{n}": 1 for n in range(5_000)}
    with pytest.raises(AnswersError) as caught:
        parse_answers({"answers": stray, **{f"extra{n}": 1 for n in range(30)}}, content)
    messages = [str(p) for p in caught.value.problems]
    unknown_ids = [m for m in messages if ": unknown question id" in m]
    assert len(unknown_ids) == MAX_UNKNOWN_LISTED
    assert all(f"did you mean {known!r}" in m for m in unknown_ids[:3])
    more = f"answers: answers: and {5_000 - MAX_UNKNOWN_LISTED:,} more unknown question ids"
    assert more in messages  # source, then the field, then the count
    assert len([m for m in messages if ": unknown key; expected" in m]) == MAX_UNKNOWN_LISTED
    assert f"and {30 - MAX_UNKNOWN_LISTED} more unknown keys" in " ".join(messages)


def test_cause4_a_huge_key_is_named_shortened(content: Content) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answers({"answers": {"k" * 1_000_000: 1}}, content)
    first = str(caught.value.problems[0])
    assert "(1,000,000 characters): unknown question id" in first and len(first) < 300


def test_cause4_close_match_skips_what_cannot_be_a_typo() -> None:
    ids = ["market.timing", "market.segment_focus", "funding.runway_months"]
    assert close_match("market.timeing", ids) == "market.timing"
    assert close_match("funding.runway", ids) == "funding.runway_months"
    assert close_match("m" * (MAX_WORD + 1), ["m" * (MAX_WORD + 1)]) is None
    assert close_match("abc", ["abcdefghijklmnopqrstuvwxyz"]) is None  # lengths too far apart
    assert close_match("", ids) is None


def test_cause4_yaml_with_too_many_values_is_refused_at_the_line(tmp_path: Path) -> None:
    lines = ["answers:", *(f"  k{n}: v" for n in range(MAX_NODES // 2 + 10))]
    message = _refusal("\n".join(lines), json_format=False)
    assert message.startswith("f:") and TOO_MANY in message
    line = int(message.split(":")[1])
    assert 2 <= line <= MAX_NODES // 2 + 2  # where the limit was crossed, not the end


def test_cause4_four_megabytes_of_balanced_flow_nesting_is_refused() -> None:
    """The 7 s input: balanced `[[...]]` groups just under the depth limit, repeated."""
    group = "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + ","
    text = "answers: [" + group * ((MAX_FILE_BYTES - 20) // len(group)) + "]"
    assert len(text) <= MAX_FILE_BYTES
    assert TOO_MANY in _refusal(text, json_format=False)
    assert TOO_MANY in _refusal(text.removeprefix("answers: "), json_format=True)


@pytest.mark.parametrize(
    "text",
    [
        "[" + ",".join(["{}"] * MAX_NODES) + "]",
        "[" + "1," * MAX_NODES + "1]",
        '{"a": [' + ",".join(['{"b":1}'] * (MAX_NODES // 3)) + "]}",
        "[" * (MAX_FILE_BYTES - 1),
    ],
)
def test_cause4_json_with_too_many_values_is_refused_before_parsing(text: str) -> None:
    assert TOO_MANY in _refusal(text, json_format=True)


def test_cause4_json_nesting_is_counted_outside_strings_only() -> None:
    deep_in_strings = json.dumps({"a": "[" * 500_000, "b": ['\\"[[[', "{{{{:,,,,"] * 1000})
    assert parse_json(deep_in_strings, "f")["a"] == "[" * 500_000
    assert "nested more than 64" in _refusal("[" * 65 + "]" * 65, json_format=True)
    assert parse_json("[" * 64 + "]" * 64, "f") is not None
    mixed = '{"a":' * 40 + "[" * 25 + "]" * 25 + "}" * 40
    assert "nested more than 64" in _refusal(mixed, json_format=True)
    escaped = '["\\\\", ' + "[" * 64 + "]" * 64 + "]"  # an escaped backslash ends the string
    assert "nested more than 64" in _refusal(escaped, json_format=True)


def test_cause4_unbalanced_json_is_still_a_syntax_error() -> None:
    assert "invalid JSON" in _refusal("[" * 200 + "]", json_format=True)


def test_cause4_a_mapping_file_lists_a_few_problems_and_counts_the_rest(
    tmp_path: Path, content: Content
) -> None:
    mapping = tmp_path / "map.yaml"
    columns = "".join(f"  header {n}: market.nope_{n}\n" for n in range(3_000))
    mapping.write_text(f"columns:\n{columns}", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        load_mapping(mapping, content)
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS_LISTED + 1
    assert problems[-1].message == f"and {3_000 - MAX_PROBLEMS_LISTED:,} more problems like these"


def test_cause4_the_cli_answers_four_megabytes_of_unknown_keys_in_few_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "keys.yaml"
    lines = ["answers:"]
    size = 0
    while size < MAX_FILE_BYTES - 200:
        line = f"  market.unknown_key_number_{len(lines):07d}_with_some_padding_to_be_long: 1"
        lines.append(line)
        size += len(line) + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("assess", "--answers", str(path), timeout=30)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert TOO_MANY in result.stderr or "more unknown question ids" in result.stderr
    assert len(result.stderr.splitlines()) < 150
