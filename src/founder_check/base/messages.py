"""Messages that can be told in English or Chinese, made where a problem is found.

Input problems are found deep in the readers and validators, which know nothing of the
language of the report, and the same functions serve `assess` (whose messages stay English)
and `cohort --lang zh` (which reports them in Chinese). So a message is made as a template
key and its parameters (`Message`), and is a `str` holding its English text: every caller
that prints, compares or joins it as text sees exactly the English message it always did,
and the cohort asks it for its Chinese (`told`) when it writes the reasons an input was
rejected. The templates are declared in `problem_texts`, in English; their Chinese
is in the gettext catalog (`i18n`).

Parameters are filled in the language being told: a `Message` is told in it too, `Quoted`
quotes a value (Python's repr in English, “…” in Chinese), `Series` lists items (", " or
"、"), `Both` is a text the content gives in both languages, and `Known` is the English of
another program (a YAML parser, the csv module, the operating system), in Chinese where
the catalog knows its pattern (`problem_texts.FOREIGN`) and quoted where it does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from founder_check.base.i18n import Lang, Texts


class Message(str):
    """A message in English (its value as a `str`) that can be told again in Chinese."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        self = super().__new__(cls, _render(key, "en", params))
        self.key = key
        self.params = params
        return self

    def __str__(self) -> str:
        return self  # keeps the message through `str(exception)`

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params))

    def text(self, lang: Lang) -> str:
        """The message told in `lang`, as plain text."""
        if lang == "en":
            return str.__str__(self)
        return _render(self.key, lang, self.params)


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def told(text: str, lang: Lang) -> str:
    """`text` in `lang`: a `Message` told in it, any other text as it is."""
    return text.text(lang) if isinstance(text, Message) else text


@dataclass(frozen=True)
class Quoted:
    """A value as a message quotes it: its repr in English, between “ and ” in Chinese."""

    shown: str

    @classmethod
    def of(cls, value: object) -> Quoted:
        return cls(repr(value))

    def text(self, lang: Lang) -> str:
        shown = self.shown
        if lang == "zh" and len(shown) >= 2 and shown[0] in "'\"" and shown[-1] == shown[0]:
            return f"“{shown[1:-1]}”"
        return shown


@dataclass(frozen=True)
class Series:
    """Items listed: joined by ", " in English and by "、" in Chinese."""

    items: tuple[Any, ...]

    def text(self, lang: Lang) -> str:
        return ("、" if lang == "zh" else ", ").join(_shown(item, lang) for item in self.items)


@dataclass(frozen=True)
class Joined:
    """Parts joined by the same separator in either language (a dotted field name)."""

    parts: tuple[Any, ...]
    separator: str

    def text(self, lang: Lang) -> str:
        return self.separator.join(_shown(part, lang) for part in self.parts)


def joined(parts: Sequence[str], separator: str) -> str:
    """The parts joined: plain text, or a `Message` when a part is one (so it is told too)."""
    for part in parts:
        if type(part) is not str:
            return Message("plain", text=Joined(tuple(parts), separator))
    return separator.join(parts)


@dataclass(frozen=True)
class Both:
    """A text the content gives in both languages (a unit, a name)."""

    en: str
    zh: str

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Known:
    """Words of another program (`table` names which), told in Chinese when a pattern of
    `problem_texts.FOREIGN[table]` matches them, else quoted as they are."""

    table: str
    words: str

    def text(self, lang: Lang) -> str:
        if lang != "zh":
            return self.words
        from founder_check.base.i18n import translations
        from founder_check.base.problem_texts import FOREIGN

        for pattern in FOREIGN[self.table]:
            found = re.match(pattern, self.words)
            if found:
                chinese = translations(lang).pgettext(self.table, pattern)
                groups = found.groups()
                return chinese.format(*groups) if groups else chinese
        return f"“{self.words}”"


def _shown(value: Any, lang: Lang) -> Any:
    """A parameter told in `lang`: anything with a `text(lang)` (a `Message`, `Quoted`, ...)
    is told, plain text and numbers are used as they are."""
    if type(value) in _PLAIN:
        return value
    tell = getattr(value, "text", None)
    return tell(lang) if tell is not None else value


_PLAIN = frozenset({str, int, float})
_templates: Texts | None = None  # problem_texts.PROBLEMS, imported when first needed


def _render(key: str, lang: Lang, params: dict[str, Any]) -> str:
    global _templates
    if _templates is None:
        from founder_check.base.problem_texts import PROBLEMS

        _templates = PROBLEMS
    told = {name: _shown(value, lang) for name, value in params.items()}
    return _templates(key, lang, **told)
