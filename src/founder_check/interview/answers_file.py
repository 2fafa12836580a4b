"""Write the finished answers as an answers file the founder can rescore, edit or share.

The file is YAML in the same form `template` writes and `assess --answers` reads (produced
from `Answers.to_file_data()`), with a short comment saying how to use it. By default it is
`answers-<date>.yaml` in the current folder, numbered if that name is taken, so a
re-assessment months later never overwrites the earlier one. Like a template, it starts with
the line that lets editors check it against the package's answers schema (when that schema is
the content's), and keeps it when `--update` writes the file again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from founder_check.base.atomic import write_text_atomic
from founder_check.content.models import Content, Lang
from founder_check.interview.words import word
from founder_check.scoring.answers import Answers
from founder_check.scoring.schemas import editor_line


def default_save_path(folder: Path, today: date | None = None) -> Path:
    """`answers-YYYY-MM-DD.yaml` in `folder`, or `...-2.yaml`, `-3`... if that is taken."""
    stamp = (today or date.today()).isoformat()
    candidate = folder / f"answers-{stamp}.yaml"
    number = 2
    while candidate.exists():
        candidate = folder / f"answers-{stamp}-{number}.yaml"
        number += 1
    return candidate


def answers_yaml(
    answers: Answers, lang: Lang, *, name: str, when: str, schema_line: str | None = None
) -> str:
    """The answers file text: the editors' schema line if any, a comment on how to use the
    file, then the answers mapping."""
    header = word("file_header", lang, when=when, name=name)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(answers.to_file_data(), allow_unicode=True, sort_keys=False, width=100)
    return ("" if schema_line is None else schema_line + "\n") + comment + body


def save_answers(path: Path, answers: Answers, content: Content, lang: Lang, *, when: str) -> None:
    """Write the answers file atomically, mode 0600 (it holds personal data)."""
    text = answers_yaml(answers, lang, name=path.name, when=when, schema_line=editor_line(content))
    write_text_atomic(path, text)
