"""Fixed texts of the tool in both languages: one lookup for every module's table of them
(content strings are bilingual in the content itself, `Text`).

A text that counts something ("3 answers") names its number in the field `count` (or the
field its `Plural` says) and gives English both forms; `plural_form` is the one place that
picks between them, as gettext's ngettext would, so the tables move to message catalogs as
they are. Chinese has one form: it counts with a measure word (个, 份, 位) that stays the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from founder_check.content.models import Lang

T = TypeVar("T")


def plural_form(count: float, one: T, other: T) -> T:
    """The English form for `count`: the singular for exactly one, the plural otherwise
    (0 answers, 1 answer, 2 answers)."""
    return one if count == 1 else other


@dataclass(frozen=True)
class Plural:
    """An English text in its singular and plural forms, chosen by the number in the field
    `by`; a form may itself be a `Plural` over another field, for a sentence that counts two
    things ("1 section, about 12 questions")."""

    one: str | Plural
    other: str | Plural
    by: str = "count"

    def pick(self, values: dict[str, Any]) -> str:
        """The form for the counts in `values` (a KeyError names a count not given)."""
        form = plural_form(values[self.by], self.one, self.other)
        return form.pick(values) if isinstance(form, Plural) else form

    def plural(self) -> str:
        """The form for counts other than one, of every count."""
        return self.other.plural() if isinstance(self.other, Plural) else self.other


class Phrases:
    """A table of fixed texts, key -> (English, Chinese); `{name}` fields are filled from the
    keyword arguments of a lookup (without any, the text is returned as written: a counting
    text in its plural form, for a caller that formats it itself). A counting text's English
    is a `Plural`: give its count in the lookup to get the right form."""

    __slots__ = ("_table",)

    def __init__(self, table: Mapping[str, tuple[str | Plural, str]]) -> None:
        self._table = table

    def __call__(self, key: str, lang: Lang, **values: Any) -> str:
        en, zh = self._table[key]
        if lang == "zh":
            text = zh
        elif isinstance(en, Plural):
            text = en.pick(values) if values else en.plural()
        else:
            text = en
        return text.format(**values) if values else text

    def texts(self) -> Mapping[str, tuple[str | Plural, str]]:
        """Every key's texts, for the tests that check them all."""
        return self._table

    def counted(self) -> dict[str, tuple[Plural, str]]:
        """The texts that count something, for the tests that render each with 0, 1 and 2."""
        return {k: (en, zh) for k, (en, zh) in self._table.items() if isinstance(en, Plural)}
