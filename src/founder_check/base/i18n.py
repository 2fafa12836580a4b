"""The tool's fixed texts in English and Chinese, through gettext (docs/translations.md).

English is the source language: each text is declared in the module that shows it, by key,
with its English (`phrase`, or `plural_phrase` for a text that counts something), and Babel
extracts those declarations into `locale/founder_check.pot` (see `babel.cfg`). The key is the
catalog entry's msgctxt and the English its msgid, so that one English word can be translated
differently where it means different things. The Chinese is in
`locale/zh_CN/LC_MESSAGES/founder_check.po`, compiled into the `.mo` beside it that the
standard library's `gettext` reads, once, the first time a Chinese text is asked for.

Counts take the plural form of the language, as its catalog's Plural-Forms header gives it:
Chinese has one form (nplurals=1; plural=0), measure words (个, 份, 位) staying the same for
any number; English, the untranslated source, takes gettext's own rule for msgids, which is
English's (nplurals=2; plural=(n != 1)): 0 answers, 1 answer, 2 answers. A sentence that counts
two things is made of `parts`, each counted by its own number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from gettext import NullTranslations

Lang = Literal["en", "zh"]  # the languages of the reports (and of the content's texts)

LOCALE_DIR = Path(__file__).parent.parent / "locale"  # the package's data, beside base/
DOMAIN = "founder_check"
LOCALES = {"zh": "zh_CN"}
"""The catalog of each language the tool speaks besides English (the msgids)."""

_MANY = 2
"""The number a fraction is counted as: gettext's plural formulas take whole numbers, and
in both languages here a fraction takes the form of 2 (2.5 points, 0.5 points)."""

_loaded: dict[str, NullTranslations] = {}


def translations(lang: str) -> NullTranslations:
    """The gettext catalog of `lang`, read from its `.mo` on first use; English, and any
    language without a catalog, is the msgids themselves (`NullTranslations`)."""
    found = _loaded.get(lang)
    if found is None:
        import gettext

        locale = LOCALES.get(lang)
        if locale is None:
            found = gettext.NullTranslations()
        else:
            with catalog_path(locale).open("rb") as file:
                found = gettext.GNUTranslations(file)
        _loaded[lang] = found
    return found


def catalog_path(locale: str, suffix: str = ".mo") -> Path:
    """Where the compiled (`.mo`) or source (`.po`) catalog of `locale` is."""
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


class Entry(NamedTuple):
    """One fixed text: its key (the msgctxt), its English (the msgid) and, for a text that
    counts, its English plural (msgid_plural) and the field `by` holding the number.

    `parts` names fields filled with other texts of the same table before this one is: a
    sentence that counts two things ("1 section, about 12 questions") is one text per count
    put together by a sentence. `translated` is false for a text the same in every language
    (only fields and symbols, "{stage} {target:.0f}"), which the catalogs leave out.
    """

    key: str
    english: str
    plural: str | None = None
    by: str = "count"
    parts: tuple[tuple[str, str], ...] = ()
    translated: bool = True

    def forms(self) -> tuple[str, ...]:
        """The English as written: the singular, then the plural of a counting text."""
        return (self.english,) if self.plural is None else (self.english, self.plural)

    def __repr__(self) -> str:
        return f"Entry({self.key!r}, {self.english!r})"


def phrase(key: str, english: str, *, parts: Mapping[str, str] | None = None) -> Entry:
    """A text to translate (extracted by Babel with the key as msgctxt)."""
    return Entry(key, english, None, "count", () if parts is None else tuple(parts.items()))


def plural_phrase(
    key: str, one: str, other: str, *, by: str = "count", parts: Mapping[str, str] | None = None
) -> Entry:
    """A text that counts the number in the field `by`, in English's two forms."""
    return Entry(key, one, other, by, () if parts is None else tuple(parts.items()))


def neutral(key: str, text: str) -> Entry:
    """A text the same in every language: fields and symbols only, nothing to translate."""
    return Entry(key, text, translated=False)


class Foreign(NamedTuple):
    """A pattern matching what another program (`program`: yaml, csv, os) says in English;
    the catalogs hold what it means in Chinese, with `{0}`, `{1}` for the pattern's groups."""

    program: str
    pattern: str


def foreign(program: str, pattern: str) -> Foreign:
    """A pattern of another program's words (extracted by Babel with the program as msgctxt)."""
    return Foreign(program, pattern)


class Texts:
    """A module's fixed texts by key: `texts(key, lang, **values)` is the text in `lang` with
    its `{name}` fields filled from `values`. Without values the text is returned as written
    (a counting text in the form for many), for a caller that formats it itself; with them, a
    counting text takes the form for the number in its field `by`."""

    __slots__ = ("_entries",)

    def __init__(self, *entries: Entry) -> None:
        table = {entry.key: entry for entry in entries}
        if len(table) != len(entries):
            keys = [entry.key for entry in entries]
            raise ValueError(f"keys given twice: {sorted({k for k in keys if keys.count(k) > 1})}")
        for entry in entries:
            for field, part in entry.parts:
                if part not in table or (field == entry.by and entry.plural is not None):
                    raise ValueError(f"{entry.key}: part {field} is not a text of its own")
        self._entries = table

    def __call__(self, key: str, lang: str, **values: Any) -> str:
        entry = self._entries[key]
        if entry.parts and values:
            told = {field: self(part, lang, **values) for field, part in entry.parts}
            values = {**values, **told}
        text = _template(entry, lang, values)
        return text.format(**values) if values else text

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[Entry]:
        """Every text of the table, for the tests that check them all."""
        return iter(self._entries.values())


def _template(entry: Entry, lang: str, values: Mapping[str, Any]) -> str:
    if not entry.translated:
        return entry.english
    catalog = translations(lang)
    if entry.plural is None:
        return catalog.pgettext(entry.key, entry.english)
    number = plural_number(values[entry.by]) if values else _MANY
    return catalog.npgettext(entry.key, entry.english, entry.plural, number)


def plural_number(value: Any) -> int:
    """The whole number that picks a count's plural form: the count itself when whole
    (1.0 is 1), `_MANY` for a fraction or for a count already written out as text."""
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return _MANY


def plural_form(count: float, one: str, other: str) -> str:
    """English's form for `count` (gettext's rule for msgids), for the few English-only
    texts of the command line that count: "1 problem", "2 problems"."""
    return translations("en").ngettext(one, other, plural_number(count))
