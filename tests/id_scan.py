"""Find the content's ids in text a person reads: none may appear there.

Only ids that cannot be ordinary words are looked for: dotted question ids and ids written in
snake_case (options such as `several_unrelated`, factors, red flags, stages such as
`pre_seed`). One-word ids (`pilot`, `seed`, `mixed`) read as plain words and would match
ordinary sentences, so they cannot be told apart by a scan.
"""

from __future__ import annotations

import re

from founder_check.content.models import Content

_PATTERNS: dict[int, re.Pattern[str]] = {}  # by id(content): Content is not hashable


def _pattern(content: Content) -> re.Pattern[str]:
    found = _PATTERNS.get(id(content))
    if found is None:
        found = _PATTERNS[id(content)] = _compile(content)
    return found


def _compile(content: Content) -> re.Pattern[str]:
    ids: set[str] = set()
    for question in content.questions:
        ids.add(question.id)
        ids.update(option.id for option in question.options)
    ids.update(factor.id for factor in content.factors)
    ids.update(flag.id for flag in content.red_flags)
    ids.update(stage.id for stage in content.stages)
    ids.update(level.id for level in content.levels)
    distinct = sorted((i for i in ids if "_" in i or "." in i), key=len, reverse=True)
    # ASCII boundaries: an id written right against Chinese text must still be found
    alternatives = "|".join(map(re.escape, distinct))
    return re.compile(r"(?<![A-Za-z0-9_.])(" + alternatives + r")(?![A-Za-z0-9_])")


def ids_in(text: str, content: Content) -> list[str]:
    """The content ids found in `text`, in order, each once."""
    return list(dict.fromkeys(match.group(1) for match in _pattern(content).finditer(text)))
