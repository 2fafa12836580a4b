"""The guarded reader: every kind of bad file gets one clear error naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from founder_check.base.errors import InputFileError
from founder_check.base.readers import MAX_DEPTH, load_data, parse_json, parse_yaml


def _error(text: str, *, json_format: bool = False) -> str:
    with pytest.raises(InputFileError) as caught:
        if json_format:
            parse_json(text, "f.json")
        else:
            parse_yaml(text, "f.yaml")
    return str(caught.value)


def test_scalars_stay_the_text_that_was_typed() -> None:
    data = parse_yaml("a: no\nb: off\nc: 3.10\nd: 2024-01-15\ne: 012\nf: ~\ng:\n", "f.yaml")
    assert data == {
        "a": "no",
        "b": "off",
        "c": "3.10",
        "d": "2024-01-15",
        "e": "012",
        "f": None,
        "g": None,
    }


def test_lines_are_remembered_for_keys_and_items() -> None:
    data = parse_yaml("top: 1\nanswers:\n  x.y: a\n  x.z: [b, c]\n", "f.yaml")
    assert data.key_lines == {"top": 1, "answers": 2}
    assert data["answers"].key_lines == {"x.y": 3, "x.z": 4}


def test_duplicate_keys_name_both_lines() -> None:
    message = _error("answers:\n  a.b: x\n  a.b: y\n")
    assert "f.yaml:3" in message and "duplicate key 'a.b'" in message and "line 2" in message


def test_duplicate_keys_in_json() -> None:
    assert "duplicate key 'a'" in _error('{"a": 1, "a": 2}', json_format=True)


def test_alias_bomb_is_refused_before_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    message = _error(bomb)
    assert "anchors" in message and "f.yaml:1" in message


def test_tags_are_refused() -> None:
    assert "tags" in _error("a: !!python/object/apply:os.system [ls]\n")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 20_000])
def test_deep_flow_nesting_is_refused_without_crashing(depth: int) -> None:
    message = _error("a: " + "[" * depth + "]" * depth)
    assert "nested more than" in message


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * i + "k:\n" for i in range(30_000))
    assert "nested more than" in _error(text)


def test_deep_json_is_refused() -> None:
    assert "nested more than" in _error("[" * 20_000 + "]" * 20_000, json_format=True)
    assert "nested more than" in _error("[" * 100 + "]" * 100, json_format=True)


def test_malformed_yaml_names_the_line() -> None:
    message = _error("answers:\n  a.b: [x, y\n  c.d: z\n")
    assert message.startswith("f.yaml:") and "invalid YAML" in message


def test_malformed_json_names_line_and_column() -> None:
    # Python 3.13 changed its own message and position for this; ours stay the same
    message = _error('{\n "a": 1,\n}', json_format=True)
    assert message == (
        "f.json:2: invalid JSON: a comma before the '}' that ends a mapping; remove it (column 8)"
    )


def test_nan_is_not_a_number_in_json() -> None:
    assert "NaN" in _error('{"a": NaN}', json_format=True)


def test_several_documents_are_refused() -> None:
    assert "more than one YAML document" in _error("a: 1\n---\nb: 2\n")


def test_empty_binary_and_non_utf8_files(tmp_path: Path) -> None:
    cases = {
        "empty.yaml": b"   \n\n",
        "binary.yaml": b"\x89PNG\r\n\x1a\n\x00\x00",
        "latin1.yaml": "founder: Jos\xe9\n".encode("latin-1"),
    }
    expected = {"empty.yaml": "empty", "binary.yaml": "binary", "latin1.yaml": "not UTF-8"}
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        with pytest.raises(InputFileError) as caught:
            load_data(path)
        assert str(path) in str(caught.value)
        assert expected[name] in str(caught.value)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    with pytest.raises(InputFileError) as caught:
        load_data(path)
    assert "40.0 MB" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        load_data(tmp_path / "nope.yaml")
    with pytest.raises(InputFileError, match="is a folder"):
        load_data(tmp_path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefffounder: 张三\n".encode())
    assert load_data(path) == {"founder": "张三"}
