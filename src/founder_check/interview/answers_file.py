"""Write the finished answers as an answers file the founder can rescore, edit or share.

The file is YAML in the same form `template` writes and `assess --answers` reads (produced
from `Answers.to_file_data()`), with a short comment saying how to use it. By default it is
`answers-<date>.yaml` in the current folder, numbered if that name is taken, so a
re-assessment months later never overwrites the earlier one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from founder_check.answers import Answers
from founder_check.atomic import write_text_atomic
from founder_check.content.models import Lang
from founder_check.interview.words import word


def default_save_path(folder: Path, today: date | None = None) -> Path:
    """`answers-YYYY-MM-DD.yaml` in `folder`, or `...-2.yaml`, `-3`... if that is taken."""
    stamp = (today or date.today()).isoformat()
    candidate = folder / f"answers-{stamp}.yaml"
    number = 2
    while candidate.exists():
        candidate = folder / f"answers-{stamp}-{number}.yaml"
        number += 1
    return candidate


def answers_yaml(answers: Answers, lang: Lang, *, name: str, when: str) -> str:
    """The answers file text: a comment on how to use it, then the answers mapping."""
    header = word("file_header", lang, when=when, name=name)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(answers.to_file_data(), allow_unicode=True, sort_keys=False, width=100)
    return comment + body


def save_answers(path: Path, answers: Answers, lang: Lang, *, when: str) -> None:
    """Write the answers file atomically, mode 0600 (it holds personal data)."""
    write_text_atomic(path, answers_yaml(answers, lang, name=path.name, when=when))
