"""Content models as plain JSON data and back, checked against the models' own type hints.

The content cache stores validated content as data (never code) and must rebuild it without
pydantic, whose import alone costs more than reading the cache. `to_plain` turns frozen
dataclasses into dicts, lists, strings, numbers and booleans; `from_plain` rebuilds them,
refusing anything whose shape or type does not match the annotations exactly (an unknown or
missing field, a string where a number belongs, a value outside a `Literal`). Rebuilding runs
each model's `__post_init__`, so the per-object checks of a full load run again too.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

Decoder = Callable[[Any], Any]
_DECODERS: dict[Any, Decoder] = {}
_HINTS: dict[type[Any], dict[str, Any]] = {}


class PlainDataError(ValueError):
    """The data does not have the shape the model's annotations describe."""


def to_plain(value: Any) -> Any:
    """A dataclass (or a tuple, list or dict of them) as JSON-ready data; dict keys as text.

    Fields holding their default are left out (most of a condition's fields are None); a
    record of text fields only (`Text`, thousands of them) is the list of its texts. Both
    make the data quicker to rebuild."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if _only_text(type(value)):
            return [getattr(value, field.name) for field in dataclasses.fields(value)]
        return {
            field.name: to_plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if not _is_default(field, getattr(value, field.name))
        }
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    return value


def _is_default(field: dataclasses.Field[Any], value: Any) -> bool:
    if field.default is not dataclasses.MISSING:
        return type(value) is type(field.default) and bool(value == field.default)
    if field.default_factory is not dataclasses.MISSING:
        default = field.default_factory()
        return type(value) is type(default) and bool(value == default)
    return False


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type `kind` from `to_plain` data; raise PlainDataError if it does
    not fit, TypeError if a required field is missing, ValueError from a model's own checks."""
    return _decoder(kind)(data)


def _decoder(kind: Any) -> Decoder:
    decoder = _DECODERS.get(kind)
    if decoder is None:
        if dataclasses.is_dataclass(kind) and isinstance(kind, type):
            # a model may contain itself (a condition's `not`): refer to it until it is built
            slot: list[Decoder] = []
            _DECODERS[kind] = lambda data: slot[0](data)
            slot.append(_dataclass_decoder(kind))
            decoder = _DECODERS[kind] = slot[0]
        else:
            decoder = _DECODERS[kind] = _make_decoder(kind)
    return decoder


def _make_decoder(kind: Any) -> Decoder:
    if kind is str or kind is bool or kind is int:
        return _exact(kind)
    if kind is float:
        return _number
    if kind is type(None):
        return _exact(type(None))
    origin = typing.get_origin(kind)
    arguments = typing.get_args(kind)
    if origin is Literal:
        return _literal(arguments)
    if origin is Union or origin is types.UnionType:
        others = [argument for argument in arguments if argument is not type(None)]
        if len(others) != 1 or len(arguments) != 2:
            raise TypeError(f"only 'X | None' unions are supported, not {kind}")
        return _optional(_decoder(others[0]))
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return _tuple(_decoder(arguments[0]))
    if origin is dict and len(arguments) == 2:
        return _dict(_key_decoder(arguments[0]), _decoder(arguments[1]))
    raise TypeError(f"no plain-data decoder for {kind!r}")


def _hints(cls: type[Any]) -> dict[str, Any]:
    """A dataclass's field types (evaluating annotations costs: once per class)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _only_text(cls: type[Any]) -> bool:
    """Whether every field of a dataclass is required text (such records are lists)."""
    hints = _hints(cls)
    return all(
        field.init
        and hints[field.name] is str
        and field.default is dataclasses.MISSING
        and field.default_factory is dataclasses.MISSING
        for field in dataclasses.fields(cls)
    )


def _text_record_decoder(cls: type[Any]) -> Decoder:
    size = len(dataclasses.fields(cls))

    def decode(data: Any) -> Any:
        if type(data) is not list or len(data) != size:
            raise PlainDataError(f"{cls.__name__}: expected a list of {size} texts")
        for value in data:
            if type(value) is not str:
                raise PlainDataError(f"{cls.__name__}: expected text, got {type(value).__name__}")
        return cls(*data)

    return decode


def _dataclass_decoder(cls: type[Any]) -> Decoder:
    if _only_text(cls):
        return _text_record_decoder(cls)
    hints = _hints(cls)
    names = [field.name for field in dataclasses.fields(cls) if field.init]
    # text, flags and whole numbers are checked inline: most fields are text
    simple = {name: hints[name] for name in names if hints[name] in (str, bool, int)}
    decoders = {name: _decoder(hints[name]) for name in names if name not in simple}

    def decode(data: Any) -> Any:
        if type(data) is not dict:
            raise PlainDataError(f"{cls.__name__}: expected a mapping")
        values = {}
        for name, value in data.items():
            kind = simple.get(name)
            if kind is not None:
                if type(value) is not kind:
                    raise PlainDataError(f"{cls.__name__}.{name}: expected {kind.__name__}")
                values[name] = value
                continue
            decoder = decoders.get(name)
            if decoder is None:
                raise PlainDataError(f"{cls.__name__}: unknown field {name!r}")
            values[name] = decoder(value)
        # a missing required field is the constructor's TypeError
        return cls(**values)

    return decode


def _exact(kind: type[Any]) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not kind:
            raise PlainDataError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return decode


def _number(data: Any) -> float:
    """A finite float (JSON writes 1.0 as 1.0, but a whole number is a float too)."""
    if type(data) is int and abs(data) < 2**53:
        data = float(data)
    if type(data) is not float or not math.isfinite(data):
        raise PlainDataError(f"expected a finite number, got {data!r:.40}")
    return data


def _literal(allowed: tuple[Any, ...]) -> Decoder:
    kinds = {type(value) for value in allowed}

    def decode(data: Any) -> Any:
        if type(data) not in kinds or data not in allowed:
            raise PlainDataError(f"expected one of {allowed}, got {data!r:.40}")
        return data

    return decode


def _optional(inner: Decoder) -> Decoder:
    def decode(data: Any) -> Any:
        return None if data is None else inner(data)

    return decode


def _tuple(item: Decoder) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not list:
            raise PlainDataError(f"expected a list, got {type(data).__name__}")
        return tuple(item(value) for value in data)

    return decode


def _key_decoder(kind: Any) -> Decoder:
    """Dict keys are text in JSON: integers come back from their canonical decimal form."""
    if kind is int:

        def decode(data: Any) -> Any:
            if type(data) is not str or data != str(_int_or_none(data)):
                raise PlainDataError(f"expected a whole-number key, got {data!r}")
            return int(data)

        return decode
    return _decoder(kind)


def _int_or_none(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _dict(key: Decoder, value: Decoder) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not dict:
            raise PlainDataError(f"expected a mapping, got {type(data).__name__}")
        return {key(name): value(item) for name, item in data.items()}

    return decode
