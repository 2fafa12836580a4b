"""Guarded reading of YAML and JSON files written by people.

Why not `yaml.safe_load`: it keeps the last of duplicate keys, turns `no`, `3.10` and
`2024-01-15` into other types, expands alias bombs, and libyaml's composer recurses in C on
deep nesting. Here YAML is built from the parser's event stream in one iterative pass: every
scalar stays the text that was typed (callers type it by what the field needs), anchors,
aliases and tags are refused, depth and the number of values are bounded, and each mapping
remembers the line of each key so that a later validation error can name the line.

The bounds keep every file of up to 4 MB answered within a second or two: building a value
costs Python a few microseconds, so a file of millions of tiny values is refused (at its
50,001st value, or for JSON from a count taken on the text before anything is built).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from founder_check.base.errors import InputFileError, Problem
from founder_check.base.messages import Known, Message, Quoted

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 50_000  # keys, values, lists and mappings; an answers file has a few hundred

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HAVE_LIBYAML: bool = _YAML_LOADER is not yaml.SafeLoader
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class LineDict(dict[str, Any]):
    """A mapping read from YAML; `line` is where it starts, `key_lines` where each key is."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class LineList(list[Any]):
    """A sequence read from YAML; `item_lines[i]` is the line of item i."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


def line_of(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest part of `loc` (a pydantic error location) found in `data`."""
    line: int | None = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, LineDict) and isinstance(part, str) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing what is not one (too big, binary, empty, undecodable)."""
    source = str(path)
    try:
        with open(path, "rb", buffering=0) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputFileError(
                    Problem(
                        source,
                        Message(
                            "file_too_big",
                            size=f"{size / 1048576:.1f}",
                            limit=max_bytes // 1048576,
                        ),
                    )
                )
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputFileError(Problem(source, Message("no_such_file"))) from None
    except IsADirectoryError:
        raise InputFileError(Problem(source, Message("is_a_folder"))) from None
    except PermissionError:
        raise InputFileError(Problem(source, Message("permission_denied"))) from None
    except OSError as exc:
        reason = Known("os", str(exc.strerror))
        raise InputFileError(Problem(source, Message("cannot_read", reason=reason))) from None
    return decode_text(raw, source, max_bytes=max_bytes)


def decode_text(raw: bytes, source: str, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Decode bytes as UTF-8 text with the same checks as `read_text`."""
    if len(raw) > max_bytes:
        message = Message("file_larger_than", limit=max_bytes // 1048576)
        raise InputFileError(Problem(source, message))
    if b"\x00" in raw:
        raise InputFileError(Problem(source, Message("binary_not_text", kind="UTF-8")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        why = Message("bad_byte_at", offset=exc.start)
        message = Message("not_text", encoding="UTF-8", why=why, hint=Message("empty"))
        raise InputFileError(Problem(source, message, line=line)) from None
    if not text.strip():
        raise InputFileError(Problem(source, Message("file_empty")))
    return text


def parse_yaml(text: str, source: str) -> Any:
    """Build plain data (LineDict, LineList, str, None) from YAML text, with the guards above."""
    stack: list[Any] = []
    pending_keys: list[str | None] = []
    root: Any = None
    documents = 0
    nodes = 0
    try:
        for event in _events(text):
            kind = type(event)
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:
                nodes += 1
                if nodes > MAX_NODES:
                    _refuse(source, line, _TOO_MANY)
                if event.anchor is not None:
                    _refuse(source, line, Message("yaml_anchors"))
                if event.tag is not None and event.tag != "!":
                    _refuse(source, line, Message("yaml_tags", tag=event.tag))
                value: Any = event.value
                if event.implicit[0] and value in _NULLS:
                    value = None
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    _refuse(source, line, Message("yaml_anchors"))
                if event.tag is not None and not event.implicit:
                    _refuse(source, line, Message("yaml_tags", tag=event.tag))
                if len(stack) >= MAX_DEPTH:
                    _refuse(source, line, Message("too_deep", depth=MAX_DEPTH))
                nodes += 1
                if nodes > MAX_NODES:
                    _refuse(source, line, _TOO_MANY)
                stack.append(LineDict(line) if kind is yaml.MappingStartEvent else LineList(line))
                pending_keys.append(None)
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()
                pending_keys.pop()
                line = value.line
            elif kind is yaml.AliasEvent:
                _refuse(source, line, Message("yaml_aliases"))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    _refuse(source, line, Message("yaml_documents"))
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            parent = stack[-1]
            if type(parent) is LineList:
                parent.append(value)
                parent.item_lines.append(line)
                continue
            key = pending_keys[-1]
            if key is None:
                if not isinstance(value, str):
                    _refuse(source, line, Message("yaml_key_kind"))
                if value in parent:
                    first = parent.key_lines[value]
                    duplicate = Message("duplicate_key_at", which=Quoted.of(value), line=first)
                    _refuse(source, line, duplicate)
                pending_keys[-1] = value
                parent.key_lines[value] = line
            else:
                parent[key] = value
                pending_keys[-1] = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        words = exc.problem or exc.context
        problem: Message | Known = Known("yaml", words) if words else Message("yaml_syntax")
        if words and "maximum nesting depth" in words:
            problem = Message("too_deep", depth=MAX_DEPTH)
        raise InputFileError(
            Problem(
                source,
                Message("yaml_invalid", problem=problem),
                line=mark.line + 1 if mark is not None else None,
            )
        ) from None
    except yaml.YAMLError as exc:
        problem = Known("yaml", str(exc))
        raise InputFileError(Problem(source, Message("yaml_invalid", problem=problem))) from None
    return root


_TOO_MANY = Message("too_many_values", count=f"{MAX_NODES:,}")


def _events(text: str) -> Iterator[Any]:
    return yaml.parse(text, Loader=_YAML_LOADER)


def _refuse(source: str, line: int, message: Message) -> None:
    raise InputFileError(Problem(source, message, line=line))


def parse_json(text: str, source: str) -> Any:
    """Parse JSON, refusing duplicate keys, NaN/Infinity, deep nesting and too many values."""
    _check_json_shape(text, source)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_unique_pairs,
            parse_constant=_no_constant,
            # a call per integer (well under a microsecond for a whole answers file), where
            # searching the text for a long run of digits first took 30 microseconds
            parse_int=_json_int,
        )
    except json.JSONDecodeError as exc:
        from founder_check.base.json_errors import describe_json_error  # the same on every Python

        spot = describe_json_error(text, exc)
        message = Message("json_invalid", message=spot.message, column=spot.column)
        raise InputFileError(Problem(source, message, line=spot.line)) from None
    except RecursionError:
        raise InputFileError(Problem(source, Message("too_deep", depth=MAX_DEPTH))) from None
    except _JSONRefusal as exc:
        raise InputFileError(Problem(source, str(exc))) from None
    return data


_JSON_STRING = re.compile(r'"[^"]*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _check_json_shape(text: str, source: str) -> None:
    """Refuse too many values or too deep nesting from the text alone, at the speed of string
    methods, before `json` builds millions of objects (and for nesting, instead of walking
    them after). Commas and colons bound the number of values; brackets in strings do not
    count (escaped quotes and backslashes go first, then every string)."""
    containers = text.count("[") + text.count("{")
    if containers + text.count(",") + text.count(":") < MAX_NODES and containers <= MAX_DEPTH:
        return
    structure = _JSON_STRING.sub("", text.replace("\\\\", "").replace('\\"', ""))
    containers = structure.count("[") + structure.count("{")
    if containers + structure.count(",") + structure.count(":") >= MAX_NODES:
        raise InputFileError(Problem(source, _TOO_MANY))
    if containers <= MAX_DEPTH:
        return
    brackets = _NOT_BRACKET.sub("", structure).replace("{", "[").replace("}", "]")
    for _ in range(MAX_DEPTH):  # each pass takes away the innermost level of every nest
        shorter = brackets.replace("[]", "")
        if len(shorter) == len(brackets):
            return  # unbalanced: a syntax error, which json reports
        brackets = shorter
    if "[]" in brackets:
        raise InputFileError(Problem(source, Message("too_deep", depth=MAX_DEPTH)))


class _JSONRefusal(ValueError):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _JSONRefusal(Message("duplicate_key", which=Quoted.of(key)))
        seen.add(key)
    return result  # pragma: no cover - a shorter dict has a repeated key


def _no_constant(name: str) -> Any:
    raise _JSONRefusal(Message("not_a_number_constant", name=name))


MAX_INT_DIGITS = 100  # more than any answer needs; Python refuses ints of 4,300 digits


def _json_int(text: str) -> int | str:
    """A JSON integer; one too long for any answer stays the text it is, as YAML scalars do
    (`int()` of 4,300 digits raises, and a float cannot hold 309)."""
    return int(text) if len(text) <= MAX_INT_DIGITS else text


def is_json_path(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def load_data(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Read a YAML or JSON file (chosen by its suffix) into plain data."""
    text = read_text(path, max_bytes=max_bytes)
    return parse_data(text, str(path), json_format=is_json_path(path))


def parse_data(text: str, source: str, *, json_format: bool) -> Any:
    return parse_json(text, source) if json_format else parse_yaml(text, source)
