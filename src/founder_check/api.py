"""The Python API: load the content, score a mapping of answers (docs/api.md).

What `assess --answers FILE --json -` does for one file, callable from a notebook or a
pipeline: the answers are the mapping an answers file holds, checked by the same
`parse_answers` (the same rules, the same problems naming each field), scored by the same
engine, and `Scorecard.to_dict()` is the data `--json` writes. The command line loads its
content through `load_content` too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from founder_check.base.errors import AnswersError, ContentError, FounderCheckError, Problem
from founder_check.content.cache import content_key, load_content_cached
from founder_check.content.location import default_content_dir

if TYPE_CHECKING:
    from founder_check.content.models import Content, Lang
    from founder_check.scoring.scorecard import Scorecard

SOURCE = "answers"  # how problems name the mapping given to `score`
LANGS = ("en", "zh")
_KEPT = 8  # content folders (or versions of one) kept loaded in a process
_loaded: dict[tuple[str, str], Content] = {}


def load_content(path: str | os.PathLike[str] | None = None) -> Content:
    """The content folder at `path` (the shipped content by default), validated.

    Loaded once per process for as long as its files stay the same (a folder being edited
    is read again), through the per-user cache the command line uses; ContentError lists
    every problem of a broken folder.
    """
    root = default_content_dir() if path is None else Path(path)
    if not root.is_dir():
        raise ContentError(Problem(str(root), "is not a content folder (no such folder)"))
    key = content_key(root)
    if key is None:  # a file that cannot be hashed: the full load says what is wrong
        return load_content_cached(root)
    found = _loaded.get((str(root), key))
    if found is not None:
        return found
    content = load_content_cached(root, key=key)
    if len(_loaded) >= _KEPT:
        _loaded.pop(next(iter(_loaded)), None)  # the oldest
    _loaded[(str(root), key)] = content
    return content


def score(
    answers: Mapping[str, Any],
    *,
    content: Content | None = None,
    stage: str | None = None,
    lang: Lang = "en",
) -> Scorecard:
    """Score one founder's answers: the mapping an answers file holds (`founder`, `company`,
    `stage`, `date` and `answers`, question id to answer).

    Pure: nothing is written and no clock is read but for the date of answers that give
    none (`generated_at` stays None), and `answers` is left as it was. `content` defaults to
    `load_content()`; `stage` overrides the answers' own. Answers that do not fit raise
    AnswersError, a bad `stage` or `lang` FounderCheckError, each problem naming its field.
    """
    # imported here: the command line imports this module for `load_content` alone
    from founder_check.scoring.answers import parse_answers
    from founder_check.scoring.engine import score as score_answers

    if content is None:
        content = load_content()
    _check_options(content, stage, lang)
    if not isinstance(answers, Mapping):
        from founder_check.base.messages import Message

        raise AnswersError(Problem(SOURCE, Message("answers_not_mapping")))
    parsed = parse_answers(answers, content, source=SOURCE)
    return score_answers(content, parsed, stage=stage, lang=lang)


def _check_options(content: Content, stage: str | None, lang: str) -> None:
    """Refuse what `assess --stage` and `--lang` would refuse, naming the argument."""
    from founder_check.base.messages import Message, Quoted, Series

    problems = []
    if stage is not None and (not isinstance(stage, str) or stage not in content.stage_by_id):
        stages = Series(tuple(content.stage_by_id))
        unknown = Message("unknown_stage", stage=Quoted.of(stage), stages=stages)
        problems.append(Problem("score", unknown, field="stage"))
    if lang not in LANGS:
        expected = f"unknown language {lang!r}; expected one of {', '.join(LANGS)}"
        problems.append(Problem("score", expected, field="lang"))
    if problems:
        raise FounderCheckError(problems)
