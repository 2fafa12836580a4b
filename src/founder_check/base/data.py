"""Models as plain JSON-ready data (the inverse of reading them from YAML or JSON)."""

from __future__ import annotations

import dataclasses
from typing import Any


def to_data(value: Any, *, drop_none: bool = False) -> Any:
    """Dataclasses, tuples and dicts as dicts and lists, fields in declaration order.

    Fields named after Python keywords (`from_`, `all_`, `any_`, `not_`) get their file
    names back; with `drop_none`, unset optional fields are left out.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if drop_none and item is None:
                continue
            result[field.name.removesuffix("_")] = to_data(item, drop_none=drop_none)
        return result
    if isinstance(value, (list, tuple)):
        return [to_data(item, drop_none=drop_none) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item, drop_none=drop_none) for key, item in value.items()}
    return value
