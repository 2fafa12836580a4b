"""Fixed texts of the tool in both languages: one lookup for every module's table of them
(content strings are bilingual in the content itself, `Text`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from founder_check.content.models import Lang


class Phrases:
    """A table of fixed texts, key -> (English, Chinese); `{name}` fields are filled from the
    keyword arguments of a lookup (without any, the text is returned as written)."""

    __slots__ = ("_table",)

    def __init__(self, table: dict[str, tuple[str, str]]) -> None:
        self._table = table

    def __call__(self, key: str, lang: Lang, **values: Any) -> str:
        en, zh = self._table[key]
        text = zh if lang == "zh" else en
        return text.format(**values) if values else text
