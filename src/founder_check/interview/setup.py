"""Decide how an interview starts: check the options and the terminal, then pick the draft.

Kept apart from `session` so that the checks run (and a piped `assess` fails fast with a
one-line hint) without importing the prompt library. The start is one of:
- resume a draft (`--resume [DRAFT]`, or the offer made when the draft already exists);
- update an earlier answers file (`--update FILE`: its answers become the defaults);
- a fresh interview.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from founder_check.base.errors import Problem, UsageError
from founder_check.base.readers import load_data
from founder_check.content.models import Content, Lang
from founder_check.interview.answers_file import default_save_path
from founder_check.interview.drafts import Draft, draft_path_for, read_draft
from founder_check.interview.words import word
from founder_check.scoring.answers import Answers, parse_answers

if TYPE_CHECKING:
    from rich.console import Console

Ask = Callable[[Any], Any]


@dataclass(frozen=True)
class InterviewOptions:
    """The command-line options of an interview, as given."""

    lang: Lang = "en"
    save: Path | None = None
    resume: bool = False
    draft: Path | None = None
    update: Path | None = None
    sections: tuple[str, ...] = ()
    stage: str | None = None
    force: bool = False  # replace the --save file even if it holds answers


@dataclass(frozen=True)
class Setup:
    """Everything an interview needs to run, resolved from the options and any draft."""

    content: Content
    lang: Lang
    sections: tuple[str, ...] | None
    preset_stage: str | None
    draft_path: Path
    save_path: Path
    save_chosen: bool
    base: Answers | None = None
    done: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    note: str | None = None


def check_options(content: Content, options: InterviewOptions) -> None:
    """Reject contradictory or invalid interview options before any question is asked."""
    if options.draft is not None and not options.resume:
        _usage(f"{options.draft}: a draft path is only taken with --resume")
    if options.resume and options.update is not None:
        _usage("--resume and --update cannot be combined: a draft already holds its defaults")
    known = [section.id for section in content.sections]
    for section_id in options.sections:
        if section_id not in known:
            _usage(f"--section {section_id!r}: expected one of {', '.join(known)}")
    if options.save is not None:  # a folder, a missing folder, read-only: exit 1 at once
        from founder_check.base.outputs import check_output

        check_output(str(options.save), "--save")
        _keep_saved_answers(options)


def _keep_saved_answers(options: InterviewOptions) -> None:
    """Refuse (exit 2) to save over a file that holds answers, unless --force, or unless it
    is the file the interview updates: its answers are the defaults of every question."""
    from founder_check.scoring.overwrite import check_overwrite, same_file

    assert options.save is not None
    if options.update is None or not same_file(options.save, options.update):
        check_overwrite(options.save, "--save", options.lang, force=options.force)


def require_terminal(lang: Lang, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
    """Refuse to prompt without a terminal on stdin and stdout (piped, CI): exit 2, one line."""
    stdin_tty = _isatty(stdin if stdin is not None else sys.stdin)
    stdout_tty = _isatty(stdout if stdout is not None else sys.stdout)
    if stdin_tty and stdout_tty:
        return
    which = "stdin_stdout" if not (stdin_tty or stdout_tty) else "stdin" if stdout_tty else "stdout"
    _usage(word("no_terminal", lang, which=word(which, lang)))


def interview_draft_path(content: Content, options: InterviewOptions) -> Path:
    """The draft this interview reads and writes; a usage error if `--resume` finds none."""
    save = options.save.absolute() if options.save is not None else None
    draft_path = options.draft or draft_path_for(save, content.name)
    if options.resume and not draft_path.is_file():
        _usage(f"{draft_path}: no draft to resume; start with 'founder-check assess'")
    return draft_path


def resolve_setup(
    content: Content, options: InterviewOptions, *, ask: Ask, console: Console
) -> Setup:
    """Pick the draft file and the starting answers; offer to continue an existing draft."""
    save = options.save.absolute() if options.save is not None else None
    draft_path = interview_draft_path(content, options)
    if options.resume:
        return _from_draft(content, options, draft_path, read_draft(draft_path))
    if draft_path.is_file():
        draft = read_draft(draft_path)
        _check_draft_content(content, draft_path, draft)
        if _offer(ask, console, options.lang, draft_path, draft):
            return _from_draft(content, options, draft_path, draft)
    base: Answers | None = None
    skipped: tuple[str, ...] = ()
    note = None
    if options.update is not None:
        data = load_data(options.update)
        base = parse_answers(data, content, source=str(options.update), require_complete=False)
        skipped = _explicit_skips(data)
        note = word("updating", options.lang, path=options.update)
    return Setup(
        content=content,
        lang=options.lang,
        sections=options.sections or None,
        preset_stage=options.stage,
        draft_path=draft_path,
        save_path=save if save is not None else default_save_path(Path.cwd()),
        save_chosen=save is not None,
        base=base,
        skipped=skipped,
        note=note,
    )


def resume_command(draft: Path, content_name: str, content_dir: Path | None, lang: Lang) -> str:
    """The command that continues this draft, with the options that must be given again."""
    import shlex

    words = ["founder-check", "assess", "--resume"]
    if draft.absolute() != draft_path_for(None, content_name).absolute():
        words.append(str(draft))
    if content_dir is not None:
        words += ["--content", str(content_dir)]
    if lang != "en":
        words += ["--lang", lang]
    return shlex.join(words)


def _from_draft(content: Content, options: InterviewOptions, path: Path, draft: Draft) -> Setup:
    _check_draft_content(content, path, draft)
    if options.save is None and draft.save_chosen:  # checked when the interview began
        from founder_check.scoring.overwrite import check_unchanged_since

        since = _timestamp(draft.saved_at)
        check_unchanged_since(Path(draft.save), since, "--save", options.lang, force=options.force)
    base = parse_answers(draft.answers_file, content, source=str(path), require_complete=False)
    save = options.save.absolute() if options.save is not None else Path(draft.save)
    return Setup(
        content=content,
        lang=options.lang,
        sections=options.sections or draft.sections,
        preset_stage=options.stage,
        draft_path=path,
        save_path=save,
        save_chosen=options.save is not None or draft.save_chosen,
        base=base,
        done=draft.done,
        skipped=_explicit_skips(draft.answers_file),
        note=word("resuming", options.lang, draft=path, count=draft.answered),
    )


def _explicit_skips(data: Any) -> tuple[str, ...]:
    """Questions an answers mapping skips on purpose (`id: null`), not merely leaves out."""
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return ()
    return tuple(str(key) for key, value in answers.items() if value is None)


def _check_draft_content(content: Content, path: Path, draft: Draft) -> None:
    if draft.content_name != content.name:
        _usage(
            f"{path}: this draft was made with the content {draft.content_name!r} "
            f"({draft.content_root}); resume it with --content {draft.content_root}"
        )


def _offer(ask: Ask, console: Console, lang: Lang, path: Path, draft: Draft) -> bool:
    from rich.text import Text

    from founder_check.interview.prompts import confirm_prompt

    when = _local_time(draft.saved_at)
    console.print(Text(word("draft_found", lang, when=when, count=draft.answered, draft=path)))
    return bool(ask(confirm_prompt(word("resume_offer", lang), default=True)))


def _timestamp(iso: str) -> float:
    """The POSIX time of a draft's `saved_at`; 0 (the distant past) if it cannot be read."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def _usage(message: str) -> None:
    raise UsageError(Problem("founder-check", message))
