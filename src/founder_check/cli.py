"""The command line: parse options, call the core, print, map errors to exit codes.

Only click is imported at start-up; every command imports what it needs when it runs, so
that a command starts little slower than click itself (a lone `--version` does not even
import click: `founder_check.__main__` answers it).

Exit codes: 0 success; 1 bad input (answers, content, files) or rejected cohort inputs;
2 usage error; 3 internal error; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click
from click.core import ParameterSource
from click.exceptions import Exit

from founder_check._version import version_text

if TYPE_CHECKING:
    from founder_check.content.models import Content
    from founder_check.content.models import Lang as LangCode
    from founder_check.scoring.answers import Answers
    from founder_check.scoring.compare import Comparison

EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
COMPLETE_VAR = "_FOUNDER_CHECK_COMPLETE"

F = TypeVar("F", bound=Callable[..., Any])


class HelpArgument(click.Argument):
    """A positional argument with a help text, shown in its command's Arguments section."""

    def __init__(
        self,
        param_decls: Sequence[str],
        required: bool | None = None,
        help: str | None = None,
        **attrs: Any,
    ) -> None:
        super().__init__(param_decls, required=required, **attrs)
        self.help = help


class Command(click.Command):
    """A command whose help lists its arguments, with their help, before its options."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        rows = [
            (param.make_metavar(ctx), _argument_help(param))
            for param in self.get_params(ctx)
            if isinstance(param, HelpArgument)
        ]
        if rows:
            with formatter.section("Arguments"):
                formatter.write_dl(rows)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)


def _argument_help(argument: HelpArgument) -> str:
    return f"{argument.help or ''}  [required]" if argument.required else argument.help or ""


class Group(click.Group):
    """A group that lists its commands as they are declared (click sorts them), the groups
    of commands after the commands."""

    command_class = Command
    group_class = type  # its subgroups are Groups too

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.commands, key=lambda name: isinstance(self.commands[name], click.Group))


# the metavars of the help: a placeholder's kind in angle brackets, a name in capitals
PATH = click.Path(path_type=Path)
PATH_METAVAR = "<path>"
TEXT_METAVAR = "<str>"
COUNT_METAVAR = "<int range>"


def _lang_or_locale(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--lang when given; otherwise the language of the user's locale, read when the command
    runs (LC_ALL, then LC_MESSAGES, then LANG: zh_* gives Chinese, anything else English).
    The option's default "en" is only the value click reports as not given."""
    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is ParameterSource.DEFAULT:
        from founder_check.base.env_lang import lang_from_env

        return lang_from_env(os.environ)
    return value


lang_option = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    callback=_lang_or_locale,
    metavar="<en|zh>",
    show_default=False,
    help="Language of questions and reports. Default: the locale's language (LC_ALL, "
    "LC_MESSAGES or LANG; zh_* gives zh, anything else en).",
)
content_option = click.option(
    "--content",
    "content_dir",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Content folder (questionnaires/ + scoring/) to use instead.",
)
stage_option = click.option(
    "--stage", metavar="STAGE", help="Company stage; overrides the answers' own stage."
)
force_option = click.option(
    "--force",
    is_flag=True,
    help="Replace an answers file (or form, or mapping) that already holds answers.",
)


def _console() -> Any:
    """The console reports are printed to: no control character from an input gets through."""
    from founder_check.base.text_safety import safe_console

    return safe_console()


def _err_console() -> Any:
    from founder_check.base.text_safety import safe_console

    return safe_console(stderr=True)


MAX_PROBLEMS_PRINTED = 1_000  # a content check lists all; a hostile file no more


def report_error(exc: BaseException, lang: LangCode = "en") -> int:
    """Print a user error (each problem on a line, in `lang` where it has words in it) to
    stderr; return its exit code."""
    from rich.markup import escape  # problems quote user text: '[/x]' is not markup

    from founder_check.base.errors import FounderCheckError, Problem
    from founder_check.base.messages import told
    from founder_check.base.text_safety import visible  # and may hold escape sequences

    console = _err_console()
    if isinstance(exc, FounderCheckError):
        for problem in exc.problems[:MAX_PROBLEMS_PRINTED]:
            field = None if problem.field is None else told(problem.field, lang)
            shown = Problem(problem.source, told(problem.message, lang), problem.line, field)
            line = escape(visible(str(shown)))
            console.print(f"[red]error:[/red] {line}", markup=True, soft_wrap=True)
        if len(exc.problems) > MAX_PROBLEMS_PRINTED:
            from founder_check.report.labels import label

            more = len(exc.problems) - MAX_PROBLEMS_PRINTED
            what = label("error_more_problems", lang, count=more)
            console.print(f"[red]error:[/red] {what}", markup=True)
        return exc.exit_code
    console.print(
        f"[red]internal error:[/red] {type(exc).__name__}: {escape(visible(str(exc)))}\n"
        "This is a bug in founder-check; set FOUNDER_CHECK_DEBUG=1 to see the traceback.",
        markup=True,
        soft_wrap=True,
    )
    return EXIT_INTERNAL


def guarded(function: F) -> F:
    """Run a command so that no user error or interrupt ever shows a traceback."""
    import functools

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from founder_check.base.errors import FounderCheckError

        try:
            return function(*args, **kwargs)
        except (Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            _err_console().print("interrupted")
            raise Exit(EXIT_INTERRUPTED) from None
        except FounderCheckError as exc:  # told in the command's --lang, where it has one
            raise Exit(report_error(exc, kwargs.get("lang") or "en")) from None
        except OSError as exc:  # a full disk or a closed stream under the report: not a bug
            if os.environ.get("FOUNDER_CHECK_DEBUG"):
                raise
            raise Exit(report_error(_output_failure(exc))) from None
        except Exception as exc:
            if os.environ.get("FOUNDER_CHECK_DEBUG"):
                raise
            raise Exit(report_error(exc)) from None

    return wrapper  # type: ignore[return-value]


def _output_failure(exc: OSError) -> Exception:
    """An OSError no command turned into a message: writing the report to the terminal or a
    redirected stdout failed (ENOSPC, EIO), unless it names a file."""
    from founder_check.base.errors import OutputError, Problem
    from founder_check.base.outputs import reason

    if exc.filename is not None:
        return OutputError(Problem(str(exc.filename), reason(exc)))
    return OutputError(Problem("standard output", f"cannot be written: {reason(exc)}"))


def usage_error(message: str) -> NoReturn:
    from founder_check.base.errors import UsageError

    raise UsageError(message)


def content_root(directory: Path | None, option: str = "") -> Path:
    """The content folder given (or the bundled one); a usage error if it is not a folder."""
    from founder_check.content.location import default_content_dir

    root = directory if directory is not None else default_content_dir()
    if not root.is_dir():
        usage_error(f"{option} {root}: no such folder".strip())
    return root


def load_content_option(content_dir: Path | None) -> Content:
    from founder_check.api import load_content

    return load_content(content_root(content_dir, "--content"))


def check_stage(content: Content, stage: str | None) -> None:
    if stage is not None and stage not in content.stage_by_id:
        usage_error(f"--stage {stage!r}: expected one of {', '.join(content.stage_by_id)}")


def _version_callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        click.echo(version_text())
        ctx.exit()


@click.group(
    cls=Group,
    name="founder-check",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    callback=_version_callback,
    is_eager=True,
    expose_value=False,
    help="Print the version.",
)
@click.option("--no-color", is_flag=True, help="No colours in any output (as NO_COLOR=1 does).")
def app(no_color: bool) -> None:
    """Assess an AI large-model startup against the success factors of five source documents."""
    if no_color:
        # every console (rich) and prompt (prompt_toolkit) is made later and reads NO_COLOR
        os.environ["NO_COLOR"] = "1"


@app.group("content", no_args_is_help=True)
def content_app() -> None:
    """Check and inspect content folders."""


@app.group("schema", no_args_is_help=True)
def schema_app() -> None:
    """Print the JSON Schema of a file format."""


def write_output(path: str, text: str) -> None:
    """Write to a file atomically (mode 0600), into a device or pipe, or to stdout for '-'."""
    if path == "-":
        from founder_check.base.streams import write_data

        write_data(text)  # UTF-8 whatever the terminal's encoding: it is a file's content
        return
    from founder_check.base.outputs import write_text

    write_text(path, text)


def check_output_path(path: str | None, option: str = "") -> None:
    """Refuse, before any work is done, an output path that cannot be written."""
    if path is None or path == "-":
        return
    from founder_check.base.outputs import check_output

    check_output(path, option)


def check_not_input(outputs: dict[str, str | None], answers: list[Path | None]) -> None:
    """Refuse (exit 2) an export written over an answers file the command reads or saves:
    a report is replaced as usual, answers never are."""
    from founder_check.base.errors import Problem, UsageError
    from founder_check.scoring.overwrite import same_file

    for option, path in outputs.items():
        for source in answers:
            if path not in (None, "-") and source is not None and same_file(str(path), source):
                raise UsageError(
                    Problem(
                        f"{option} {path}",
                        "is the answers file this command reads or saves; the export would "
                        "replace it: write the export to another file",
                    )
                )


def now_iso() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


INTERVIEW_ONLY = (
    "--save, --resume, --update, --section, --force and DRAFT are for the interview, "
    "not for --answers"
)


@app.command()
@click.option(
    "--answers",
    "-a",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Score this answers file (YAML or JSON) without asking.",
)
@click.option(
    "--json",
    "json_path",
    metavar="PATH",
    help="Write the scorecard as JSON to PATH ('-': stdout).",
)
@click.option(
    "--markdown",
    "markdown_path",
    metavar="PATH",
    help="Write the report as Markdown to PATH ('-': stdout), to share it.",
)
@click.option(
    "--html",
    "html_path",
    metavar="PATH",
    help="Write the report as a one-page HTML file to PATH ('-': stdout), to share or print it.",
)
@lang_option
@content_option
@stage_option
@click.option(
    "--save",
    "-o",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Interview: save the finished answers here (default: answers-DATE.yaml here).",
)
@click.option("--resume", is_flag=True, help="Interview: continue a saved draft (or DRAFT).")
@click.option(
    "--update",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Interview: ask again, with this answers file as defaults.",
)
@click.option(
    "--section",
    "sections",
    multiple=True,
    metavar="ID",
    help="Interview: ask only this section (repeatable); keep other answers.",
)
@click.argument(
    "draft",
    cls=HelpArgument,
    required=False,
    type=PATH,
    metavar="[DRAFT]",
    help="With --resume: the draft file to continue.",
)
@click.option(
    "--force", is_flag=True, help="Interview: replace the --save file even if it holds answers."
)
@guarded
def assess(
    answers: Path | None,
    json_path: str | None,
    markdown_path: str | None,
    html_path: str | None,
    lang: LangCode,
    content_dir: Path | None,
    stage: str | None,
    save: Path | None,
    resume: bool,
    update: Path | None,
    sections: tuple[str, ...],
    draft: Path | None,
    force: bool,
) -> None:
    """Score a founder: from an answers file, or by interview in a terminal."""
    content = load_content_option(content_dir)
    check_stage(content, stage)
    exports = {"--json": json_path, "--markdown": markdown_path, "--html": html_path}
    check_exports(exports, [answers, update, save])
    if answers is None:
        from founder_check.interview.setup import InterviewOptions

        options = InterviewOptions(
            lang=lang,
            save=save,
            resume=resume,
            draft=draft,
            update=update,
            sections=sections,
            stage=stage,
            force=force,
        )
        _interview(
            content,
            options,
            content_dir=content_dir,
            json_path=json_path,
            markdown_path=markdown_path,
            html_path=html_path,
        )
        return
    if save or resume or update or sections or draft or force:
        usage_error(INTERVIEW_ONLY)
    from founder_check.scoring.answers import load_answers

    loaded = load_answers(answers, content)
    emit_scorecard(
        content,
        loaded,
        stage=stage,
        lang=lang,
        json_path=json_path,
        markdown_path=markdown_path,
        html_path=html_path,
    )
    if loaded.left_out:  # a file written by `assess --section`: say how to complete it
        _completion_hint(content, answers, loaded.left_out, lang, content_dir)


def check_exports(exports: dict[str, str | None], answers: list[Path | None]) -> None:
    """Refuse, before any work, exports that cannot all be written as asked."""
    to_stdout = [option for option, path in exports.items() if path == "-"]
    if len(to_stdout) > 1:
        both = "both" if len(to_stdout) == 2 else "all"
        usage_error(f"{' - and '.join(to_stdout)} - cannot {both} write to stdout")
    for option, path in exports.items():
        check_output_path(path, option)
    check_not_input(exports, answers)


def _completion_hint(
    content: Content,
    answers: Path,
    left_out: tuple[str, ...],
    lang: LangCode,
    content_dir: Path | None,
) -> None:
    """How to complete an answers file written by `assess --section`."""
    from founder_check.scoring.left_out import completion_hint

    given = [] if content_dir is None else ["--content", str(content_dir)]
    given += ["--lang", "zh"] if lang == "zh" else []
    hint = completion_hint(str(answers), content, left_out, lang, given)
    _err_console().print(hint, markup=False, soft_wrap=True)


def _interview(
    content: Content,
    options: Any,
    *,
    content_dir: Path | None,
    json_path: str | None,
    markdown_path: str | None = None,
    html_path: str | None = None,
) -> None:
    """Interview the founder in the terminal, save the answers, then report as usual."""
    from founder_check.interview.setup import check_options, require_terminal, resume_command
    from founder_check.interview.words import word

    check_options(content, options)
    require_terminal(options.lang)
    before = _update_base(content, options)
    from founder_check.interview.session import InterviewInterrupted, run_interview

    lang = options.lang
    err = _err_console()
    try:
        result = run_interview(content, options, console=_console())
    except InterviewInterrupted as stop:
        if stop.draft is None:
            err.print(word("interrupted_empty", lang), markup=False, soft_wrap=True)
        else:
            command = resume_command(stop.draft, content.name, content_dir, lang)
            err.print(
                word("interrupted", lang, count=stop.answered, draft=stop.draft),
                markup=False,
                soft_wrap=True,
            )
            err.print(word("resume_with", lang, command=command), markup=False, soft_wrap=True)
        raise Exit(EXIT_INTERRUPTED) from None
    err.print(word("answers_saved", lang, path=result.saved_to), markup=False, soft_wrap=True)
    if result.unanswered_required:
        err.print(
            word("partial", lang, count=result.unanswered_required, path=result.saved_to),
            markup=False,
            soft_wrap=True,
        )
    emit_scorecard(
        content,
        result.answers,
        stage=options.stage,
        lang=lang,
        json_path=json_path,
        markdown_path=markdown_path,
        html_path=html_path,
    )
    if before is not None and "-" not in (json_path, markdown_path, html_path):
        from founder_check.scoring.compare import compare as compare_answers

        _print_comparison(compare_answers(content, before, result.answers, lang=lang))


def _update_base(content: Content, options: Any) -> Answers | None:
    """The answers an --update starts from, for the comparison after the report; read before
    the interview, since the new answers may be saved over the same file."""
    if options.update is None:
        return None
    from founder_check.base.readers import load_data
    from founder_check.scoring.answers import parse_answers

    data = load_data(options.update)
    return parse_answers(data, content, source=str(options.update), require_complete=False)


def emit_scorecard(
    content: Content,
    answers: Answers,
    *,
    stage: str | None,
    lang: LangCode,
    json_path: str | None,
    markdown_path: str | None = None,
    html_path: str | None = None,
) -> None:
    """Score, then print the report and/or write the exports ('-' for stdout: no report)."""
    from founder_check.report.formats import ExportFormat, export
    from founder_check.scoring.engine import score

    card = score(content, answers, stage=stage, lang=lang, generated_at=now_iso())
    written = []
    exports = (
        (json_path, ExportFormat.json),
        (markdown_path, ExportFormat.markdown),
        (html_path, ExportFormat.html),
    )
    for path, fmt in exports:
        if path is not None:
            write_output(path, export(card, fmt, content))
            if path != "-":
                written.append(path)
    if "-" not in (json_path, markdown_path, html_path):
        from founder_check.report.terminal import render
        from founder_check.report.view import build_view

        render(build_view(card, content), _console())
    for path in written:
        _err_console().print(f"written: {path}", markup=False)


@app.command()
@lang_option
@click.option(
    "--output",
    "-o",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Write to this file instead of stdout.",
)
@content_option
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    help="Write a CSV header row for 'cohort' instead (question ids).",
)
@click.option(
    "--map",
    "map_path",
    type=PATH,
    metavar=PATH_METAVAR,
    help="With --csv: also write a mapping file here; the header row then holds the question "
    "texts, to build a matching form.",
)
@force_option
@guarded
def template(
    lang: LangCode,
    output: Path | None,
    content_dir: Path | None,
    as_csv: bool,
    map_path: Path | None,
    force: bool,
) -> None:
    """Write a complete, commented answers file to fill in an editor (or, with --csv, a form)."""
    if map_path is not None and not as_csv:
        usage_error("--map goes with --csv")
    check_output_path(None if output is None else str(output), "--output")
    check_output_path(None if map_path is None else str(map_path), "--map")
    content = load_content_option(content_dir)
    _keep_what_was_written(content, lang, output, map_path, as_csv=as_csv, force=force)
    if as_csv:
        _csv_template(content, lang, output, map_path)
        return
    from founder_check.report.template import answers_template

    text = answers_template(content, lang)
    if output is None:
        write_output("-", text)
    else:
        write_output(str(output), text)
        _err_console().print(f"answers template written to {output}", markup=False)


def _keep_what_was_written(
    content: Content,
    lang: LangCode,
    output: Path | None,
    map_path: Path | None,
    *,
    as_csv: bool,
    force: bool,
) -> None:
    """Refuse (exit 2) to replace a filled answers file, form or edited mapping: `overwrite`."""
    from founder_check.scoring.overwrite import check_overwrite

    check_overwrite(output, "--output", lang, kind="csv" if as_csv else "answers", force=force)
    if map_path is not None:
        from founder_check.cohort.mapping import mapping_skeleton

        written = [mapping_skeleton(content, code) for code in ("en", "zh")]
        check_overwrite(map_path, "--map", lang, kind="mapping", force=force, untouched=written)


def _csv_template(content: Content, lang: Any, output: Path | None, map_path: Path | None) -> None:
    """The CSV header row (and mapping skeleton) that `cohort` reads back."""
    from founder_check.cohort.mapping import csv_template, mapping_skeleton

    if map_path is not None:
        write_output(str(map_path), mapping_skeleton(content, lang))
        _err_console().print(f"CSV mapping written to {map_path}", markup=False)
    text = csv_template(content, lang, form_titles=map_path is not None)
    write_output("-" if output is None else str(output), text)
    if output is not None:
        _err_console().print(f"CSV header written to {output}", markup=False)


@app.command()
@click.argument(
    "old",
    cls=HelpArgument,
    type=PATH,
    metavar="OLD",
    help="The earlier assessment: an answers file (YAML/JSON) or a scorecard JSON.",
)
@click.argument(
    "new",
    cls=HelpArgument,
    type=PATH,
    metavar="NEW",
    help="The later assessment: an answers file (YAML/JSON) or a scorecard JSON.",
)
@click.option(
    "--json",
    "json_path",
    metavar="PATH",
    help="Write the comparison as JSON to PATH ('-': stdout).",
)
@lang_option
@content_option
@guarded
def compare(
    old: Path, new: Path, json_path: str | None, lang: LangCode, content_dir: Path | None
) -> None:
    """Show the progress between two assessments: scores, levels, changed answers, red flags."""
    content = load_content_option(content_dir)
    check_output_path(json_path, "--json")
    check_not_input({"--json": json_path}, [old, new])
    from founder_check.scoring.assessment_file import load_assessment
    from founder_check.scoring.compare import compare as compare_answers

    comparison = compare_answers(
        content, load_assessment(old, content), load_assessment(new, content), lang=lang
    )
    if json_path is not None:
        from founder_check.base import json_text

        write_output(json_path, json_text.indented(comparison))
        if json_path == "-":
            return
    _print_comparison(comparison)
    if json_path is not None:
        _err_console().print(f"written: {json_path}", markup=False)


def _print_comparison(comparison: Comparison) -> None:
    from founder_check.report.progress import render_comparison

    render_comparison(comparison, _console())


@app.command()
@click.argument(
    "inputs",
    cls=HelpArgument,
    nargs=-1,
    required=True,
    type=PATH,
    metavar="INPUT...",
    help="Answers files (YAML/JSON), folders of them (searched recursively) and CSV files "
    "(one founder a row).",
)
@click.option(
    "--out",
    "-o",
    type=PATH,
    metavar=PATH_METAVAR,
    help="Write index.html, cohort.json, cohort.csv, rejected.csv, cohort.xlsx, scorecards/ "
    "and onepagers/ to this folder.",
)
@click.option(
    "--map",
    "map_path",
    type=PATH,
    metavar=PATH_METAVAR,
    help="CSV mapping: column headers to question ids, cell labels to options.",
)
@click.option(
    "--separator",
    metavar=TEXT_METAVAR,
    help="Between the choices in a multiple-choice CSV cell [default: ;, or the mapping file's].",
)
@click.option(
    "--encoding",
    metavar=TEXT_METAVAR,
    help="Text encoding of the CSV files, e.g. gb18030 for a CSV saved by Excel in Chinese "
    "[default: UTF-8, or the mapping file's].",
)
@click.option("--strict", is_flag=True, help="Stop at the first input that cannot be used.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    metavar=COUNT_METAVAR,
    help="Worker processes [default: 0: one per CPU, for 200 founders or more].",
)
@click.option(
    "--rows",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar=COUNT_METAVAR,
    help="Lines per list in the terminal (0: all).",
)
@click.option(
    "--no-onepagers",
    is_flag=True,
    help="With --out: leave out onepagers/, each founder's HTML one-pager (they about double "
    "the time a cohort takes).",
)
@lang_option
@content_option
@stage_option
@guarded
def cohort(
    inputs: tuple[Path, ...],
    out: Path | None,
    map_path: Path | None,
    separator: str | None,
    encoding: str | None,
    strict: bool,
    jobs: int,
    rows: int,
    no_onepagers: bool,
    lang: LangCode,
    content_dir: Path | None,
    stage: str | None,
) -> None:
    """Assess a cohort: rank founders, show shared gaps and red flags, write a report."""
    content = load_content_option(content_dir)
    check_stage(content, stage)
    from founder_check.cohort.mapping import ENCODING_EXAMPLES, SheetReading, encoding_problem
    from founder_check.cohort.run import CohortOptions, run_cohort

    if separator == "":
        usage_error("--separator must not be empty")
    if encoding is not None:
        why = encoding_problem(encoding)
        if why is not None:
            usage_error(f"--encoding: {why}; expected a text encoding such as {ENCODING_EXAMPLES}")

    options = CohortOptions(
        inputs=inputs,
        out=out,
        sheets=SheetReading(map_path, separator, encoding),
        lang=lang,
        stage=stage,
        strict=strict,
        jobs=jobs,
        rows=rows,
        generated_at=now_iso(),
        onepagers=not no_onepagers,
    )
    raise Exit(run_cohort(content, options, _console(), _err_console()))


@app.command()
@click.option("--json", "as_json", is_flag=True, help="Print the content as JSON data.")
@lang_option
@content_option
@guarded
def questionnaire(as_json: bool, lang: LangCode, content_dir: Path | None) -> None:
    """Show the questions (or, with --json, all content as data)."""
    content = load_content_option(content_dir)
    if as_json:
        from founder_check.content.export import content_data

        _print_json(content_data(content))
        return
    from founder_check.report.questionnaire import render_questionnaire

    render_questionnaire(content, lang, _console())


@app.command()
@click.argument(
    "item_id",
    cls=HelpArgument,
    metavar="ID",
    help="A question, factor, red flag, chapter ('002 §1.14.1'), stage or level id.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@lang_option
@content_option
@click.option(
    "--stage",
    metavar=TEXT_METAVAR,
    help="Stage for shares of the score (default: content's default).",
)
@guarded
def explain(
    item_id: str, as_json: bool, lang: LangCode, content_dir: Path | None, stage: str | None
) -> None:
    """Show how a question, factor, red flag, chapter, stage or level is scored and sourced."""
    content = load_content_option(content_dir)
    check_stage(content, stage)
    from founder_check.report.explain.lookup import explain as explain_id

    data = explain_id(content, item_id, lang=lang, stage=stage)
    if as_json:
        _print_json(data)
        return
    from founder_check.report.explain.render import render_explain

    render_explain(data, content, lang, _console())


directory_argument = click.argument(
    "directory",
    cls=HelpArgument,
    required=False,
    type=PATH,
    metavar="[DIR]",
    help="Content folder; the bundled content by default.",
)


@content_app.command("check")
@directory_argument
@guarded
def content_check(directory: Path | None) -> None:
    """Validate a content folder; report every problem with file and line."""
    from founder_check.base.errors import ContentError
    from founder_check.content.loader import check_content_dir

    root = content_root(directory)
    content, problems = check_content_dir(root)
    if problems:
        raise ContentError(problems)
    assert content is not None
    from founder_check.base.i18n import plural_form

    def counted(count: int, one: str, other: str) -> str:
        return f"{count} {plural_form(count, one, other)}"

    scored = sum(1 for q in content.questions if q.scored)
    click.echo(
        f"{root}: ok: {counted(len(content.sections), 'section', 'sections')}, "
        f"{counted(len(content.questions), 'question', 'questions')} ({scored} scored), "
        f"{counted(len(content.factors), 'factor', 'factors')}, "
        f"{counted(len(content.red_flags), 'red flag', 'red flags')}, "
        f"{counted(len(content.chapters), 'chapter', 'chapters')}"
    )


@content_app.command("weights")
@directory_argument
@click.option(
    "--markdown", is_flag=True, help="Print Markdown tables (as in docs/scoring-rationale.md)."
)
@lang_option
@content_option
@guarded
def content_weights(
    directory: Path | None, markdown: bool, lang: LangCode, content_dir: Path | None
) -> None:
    """Show each factor's weight, target and the overall points it can move, stage by stage."""
    from founder_check.api import load_content

    if directory is not None and content_dir is not None:
        usage_error("give the content folder as DIR or with --content, not both")
    if content_dir is not None:
        content = load_content_option(content_dir)
    else:
        content = load_content(content_root(directory))
    if markdown:
        from founder_check.report.weights import weights_markdown

        write_output("-", weights_markdown(content, lang))
        return
    from founder_check.report.weights import render_weights

    render_weights(content, lang, _console())


schema_path_option = click.option(
    "--path", is_flag=True, help="Print where the installed package keeps the schema's file."
)


# the schemas that do not depend on the content: the subcommand, the function that builds
# the schema (imported when the command runs, to keep start-up light) and the command's help
_FIXED_SCHEMAS = (
    (
        "scorecard",
        "founder_check.scoring.schemas:scorecard_schema",
        "JSON Schema of the scorecard (assess --json).",
    ),
    (
        "cohort",
        "founder_check.cohort.models:cohort_schema",
        "JSON Schema of cohort.json (cohort --out DIR).",
    ),
    (
        "cohort-scorecard",
        "founder_check.cohort.models:cohort_scorecard_schema",
        "JSON Schema of a founder's scorecard written by cohort (by id, + cohort block).",
    ),
    (
        "cohort-texts",
        "founder_check.cohort.models:cohort_texts_schema",
        "JSON Schema of texts.json, the texts a cohort's scorecards refer to by id.",
    ),
)


def _add_fixed_schema_command(name: str, builder: str, help_text: str) -> None:
    @schema_app.command(name, help=help_text)
    @schema_path_option
    @guarded
    def print_schema(path: bool) -> None:
        from importlib import import_module

        module, _, function = builder.partition(":")
        _print_schema(name, getattr(import_module(module), function), path)


for _name, _builder, _help in _FIXED_SCHEMAS:
    _add_fixed_schema_command(_name, _builder, _help)


@schema_app.command("answers")
@content_option
@schema_path_option
@guarded
def schema_answers(content_dir: Path | None, path: bool) -> None:
    """JSON Schema of an answers file (in its JSON form) for the loaded content."""
    from founder_check.scoring.schemas import answers_schema, answers_schema_file, schema_text

    content = load_content_option(content_dir)
    if not path:
        write_output("-", schema_text(answers_schema(content)))
        return
    found = answers_schema_file(content)
    if found is None and content_dir is not None:
        from shlex import quote

        from founder_check.base.errors import FounderCheckError, Problem

        raise FounderCheckError(
            Problem(
                str(content_dir),
                "no schema file ships for this content, only for the bundled one; 'founder-check "
                f"schema answers --content {quote(str(content_dir))} > answers.schema.json' "
                "writes one",
            )
        )
    _print_schema_path("answers", found)


def _print_schema(name: str, build: Callable[[], dict[str, Any]], path: bool) -> None:
    """A schema's text, or with --path the file of it that the installed package holds."""
    from founder_check.scoring.schemas import schema_text, shipped_file

    if path:
        _print_schema_path(name, shipped_file(name))
    else:
        write_output("-", schema_text(build()))


def _print_schema_path(name: str, found: Path | None) -> None:
    if found is None:
        from founder_check.base.errors import FounderCheckError, Problem

        raise FounderCheckError(
            Problem(
                f"schema {name}",
                "the installed package holds no file of this schema that fits (installed as "
                f"a zip, or changed since it was built); 'founder-check schema {name}' prints it",
            )
        )
    write_output("-", f"{found}\n")


def _print_json(data: Any) -> None:
    import json

    write_output("-", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


SHELLS = ("bash", "zsh", "fish")


@app.command()
@click.argument(
    "shell",
    cls=HelpArgument,
    type=click.Choice(SHELLS),
    metavar="SHELL",
    help="The shell to complete in: bash, zsh or fish.",
)
@guarded
def completion(shell: str) -> None:
    """Print the shell's completion script: `eval "$(founder-check completion bash)"`."""
    from click.shell_completion import get_completion_class

    complete = get_completion_class(shell)
    assert complete is not None  # click knows each of SHELLS
    click.echo(complete(app, {}, "founder-check", COMPLETE_VAR).source(), nl=False)


def main() -> None:
    """Run the command line (`founder_check.__main__` answers a lone --version before it).

    When COMPLETE_VAR is set (by the script `completion` prints), click answers the shell's
    request for completions instead."""
    from founder_check.base.streams import tolerate_unencodable_text

    tolerate_unencodable_text()  # a Latin-1 terminal gets '?' for what it cannot show
    try:
        code = app.main(prog_name="founder-check", complete_var=COMPLETE_VAR, standalone_mode=False)
    except click.UsageError as error:
        show_usage_error(error)
        code = error.exit_code
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except click.Abort as error:  # end of input, or Ctrl-C, while click parsed the command line
        if isinstance(error.__cause__, KeyboardInterrupt):
            code = _interrupted()
        else:
            click.echo("Aborted!", err=True)
            code = 1
    except KeyboardInterrupt:
        code = _interrupted()
    sys.exit(code)


def _interrupted() -> int:
    sys.stderr.write("interrupted\n")
    return EXIT_INTERRUPTED


def show_usage_error(error: click.UsageError) -> None:
    """click's report of a usage error, with the hint naming -h, the help option's first
    name (click 8.5 and later name the longest, --help)."""
    from click.exceptions import NoArgsIsHelpError

    ctx = error.ctx
    if ctx is None or isinstance(error, NoArgsIsHelpError):  # the latter shows the help
        error.show()
        return
    hint = f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."
    click.echo(f"{ctx.get_usage()}\n{hint}\n", err=True, color=ctx.color)
    click.echo(f"Error: {error.format_message()}", err=True, color=ctx.color)
