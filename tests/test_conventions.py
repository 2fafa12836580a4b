"""The habits of Python command-line tools: -h, -V, `python -m`, a licence, typing marker."""

from __future__ import annotations

import importlib.resources
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from founder_check import __version__
from tests.conftest import ROOT, run_cli, script_path


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flags_print_the_version(flag: str) -> None:
    result = run_cli(flag)
    assert result.returncode == 0
    assert result.stdout == f"founder-check {__version__}\n"


_COMMAND_LINE_LIBRARIES = {"click", "rich", "pydantic", "yaml", "questionary"}


@pytest.mark.parametrize("how", ["script", "module"])
def test_a_lone_version_flag_imports_no_command_line_library(how: str) -> None:
    """Scripts ask for the version often: it is answered before click (and what the commands
    need) is imported, which keeps it within benchmarks/startup.py's 1.1x of `import click`."""
    run = [script_path(), "--version"] if how == "script" else ["-m", "founder_check", "-V"]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *run], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout == f"founder-check {__version__}\n"
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "founder_check" in imported, result.stderr[-2000:]  # the list is the real one
    assert not imported & _COMMAND_LINE_LIBRARIES


def test_version_flag_is_eager_among_other_options() -> None:
    result = run_cli("-V", "assess")
    assert result.returncode == 0
    assert result.stdout.strip() == f"founder-check {__version__}"


@pytest.mark.parametrize(
    "command", [[], ["assess"], ["cohort"], ["content"], ["content", "check"], ["schema"]]
)
def test_short_help_is_the_long_help(command: list[str]) -> None:
    short, long = run_cli(*command, "-h"), run_cli(*command, "--help")
    assert short.returncode == long.returncode == 0
    assert short.stdout == long.stdout
    assert "Usage: founder-check" in short.stdout
    assert "-h, --help" in short.stdout


def test_python_m_runs_the_same_command_line(example_answers: object) -> None:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    module = subprocess.run(
        [
            sys.executable,
            "-m",
            "founder_check",
            "assess",
            "--answers",
            str(example_answers),
            "--json",
            "-",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    script = run_cli("assess", "--answers", str(example_answers), "--json", "-")
    assert module.returncode == script.returncode == 0
    strip = [line for line in module.stdout.splitlines() if "generated_at" not in line]
    assert strip == [line for line in script.stdout.splitlines() if "generated_at" not in line]
    version = subprocess.run(
        [sys.executable, "-m", "founder_check", "-V"], capture_output=True, text=True, env=env
    )
    assert version.stdout == f"founder-check {__version__}\n"


def test_package_is_marked_typed() -> None:
    assert importlib.resources.files("founder_check").joinpath("py.typed").is_file()


def test_licence_file_matches_the_declared_licence() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_suite_writes_no_real_user_folder(tmp_path: Path, example_answers: Path) -> None:
    real_cache = Path.home() / ".cache" / "founder-check"
    before = sorted(real_cache.rglob("*")) if real_cache.exists() else None
    result = run_cli("assess", "--answers", str(example_answers), "--json", str(tmp_path / "a"))
    assert result.returncode == 0
    test_cache = Path(os.environ["XDG_CACHE_HOME"])
    assert not test_cache.is_relative_to(Path.home()) or "founder-check-tests-" in str(test_cache)
    assert any((test_cache / "founder-check").rglob("*")), "the run did not use the test cache"
    after = sorted(real_cache.rglob("*")) if real_cache.exists() else None
    assert after == before


_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colour_codes(text: str) -> set[str]:
    """The colour parameters (foreground or background) among the SGR sequences of text."""
    found = set()
    for params in _SGR.findall(text):
        for code in params.split(";"):
            if code and (30 <= int(code) <= 49 or 90 <= int(code) <= 107):
                found.add(code)
    return found


@pytest.mark.parametrize(
    ("extra_env", "args", "coloured"),
    [
        ({}, [], True),
        ({"NO_COLOR": "1"}, [], False),
        ({}, ["--no-color"], False),
    ],
)
def test_no_color_removes_every_colour(
    example_answers: Path, extra_env: dict[str, str], args: list[str], coloured: bool
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="100", **extra_env)
    result = subprocess.run(
        [script_path(), *args, "assess", "--answers", str(example_answers)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0
    assert bool(_colour_codes(result.stdout)) is coloured
    assert "Readiness" in result.stdout or "readiness" in result.stdout


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o"),
        ("zsh", "#compdef founder-check"),
        ("fish", "--command founder-check"),
    ],
)
def test_completion_script_for_each_shell(shell: str, marker: str) -> None:
    result = run_cli("completion", shell)
    assert result.returncode == 0
    assert marker in result.stdout
    # the script asks the installed command, which answers that request (click's protocol)
    assert f"_FOUNDER_CHECK_COMPLETE={shell}_complete" in result.stdout


def test_completion_rejects_an_unknown_shell() -> None:
    result = run_cli("completion", "tcsh")
    assert result.returncode == 2
    assert "tcsh" in result.stderr


def _bash_complete(words: str) -> list[str]:
    """Source the generated bash script in a real bash and ask it to complete `words`."""
    script = run_cli("completion", "bash").stdout
    program = (
        f"{script}\n"
        f"COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n"
        "_founder_check_completion founder-check\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    bin_dir = str(Path(script_path()).parent)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    result = subprocess.run(
        ["bash", "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_values() -> None:
    assert _bash_complete("founder-check coh") == ["cohort"]
    assert "--markdown" in _bash_complete("founder-check assess --mark")
    assert _bash_complete("founder-check assess --lang z") == ["zh"]


def _complete(shell: str, words: str, current: str) -> list[str]:
    """What the installed command answers a shell's request for completions with, as the
    zsh and fish scripts ask it (COMP_WORDS: the line so far; COMP_CWORD: for zsh the index
    of the word being completed, for fish that word itself)."""
    env = dict(
        os.environ,
        _FOUNDER_CHECK_COMPLETE=f"{shell}_complete",
        COMP_WORDS=words,
        COMP_CWORD=current,
    )
    result = subprocess.run([script_path()], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_zsh_and_fish_requests_are_answered() -> None:
    zsh = _complete("zsh", "founder-check coh", "1")
    assert zsh[:2] == ["plain", "cohort"]  # type, value (then its help)
    assert "plain,zh" in _complete("fish", "founder-check assess --lang ", "z")
    assert "file,ans" in _complete("fish", "founder-check assess --answers ", "ans")


def _commands() -> list[list[str]]:
    """Every command of the command line, as the words that run it."""
    import click

    from founder_check.cli import app

    found: list[list[str]] = []

    def walk(group: click.Group, words: list[str]) -> None:
        for name, command in group.commands.items():
            found.append([*words, name])
            if isinstance(command, click.Group):
                walk(command, [*words, name])

    walk(app, [])
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_help_shows_every_argument_and_option_with_its_help() -> None:
    import click

    from founder_check.cli import app

    commands = _commands()
    assert len(commands) == 16  # 7 commands, 2 groups, 2 under content, 5 under schema
    for words in commands:
        command: click.Command = app
        for word in words:
            assert isinstance(command, click.Group)
            command = command.commands[word]
        shown = run_cli(*words, "-h")
        assert shown.returncode == 0, words
        flat = _flat(shown.stdout)
        for param in command.params:
            text = getattr(param, "help", None)
            assert text, (words, param.name)  # every argument and option has its help
            assert _flat(text) in flat, (words, param.name)
        arguments = [param for param in command.params if param.param_type_name == "argument"]
        assert ("Arguments:" in shown.stdout) is bool(arguments), words


def test_no_command_shows_the_commands_as_declared_and_exits_2() -> None:
    result = run_cli()
    assert result.returncode == 2 and result.stdout == ""  # the help, as an error: on stderr
    listed = [
        line.split()[0]
        for line in result.stderr.split("Commands:\n", 1)[1].splitlines()
        if line.strip()
    ]
    assert listed == [
        "assess",
        "template",
        "compare",
        "cohort",
        "questionnaire",
        "explain",
        "completion",
        "content",
        "schema",
    ]


def test_usage_errors_say_what_is_wrong_and_where_help_is() -> None:
    result = run_cli("assess", "--lang", "fr")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "Usage: founder-check assess [OPTIONS] [DRAFT]\n"
        "Try 'founder-check assess -h' for help.\n\n"
        "Error: Invalid value for '--lang': 'fr' is not one of 'en', 'zh'.\n"
    )
    jobs = run_cli("cohort", "x.yaml", "--jobs", "-1")
    assert jobs.returncode == 2
    assert "Error: Invalid value for '--jobs' / '-j': -1 is not in the range x>=0." in jobs.stderr
    unknown = run_cli("nosuch")
    assert unknown.returncode == 2
    assert "Try 'founder-check -h' for help." in unknown.stderr
    assert "No such command 'nosuch'" in unknown.stderr


@pytest.mark.parametrize(
    ("raised", "code", "said"),
    [("KeyboardInterrupt", 130, "interrupted"), ("EOFError", 1, "Aborted!")],
)
def test_an_interruption_while_the_command_line_is_parsed(
    raised: str, code: int, said: str
) -> None:
    """Ctrl-C before any command runs exits 130, as the README's table says, like Ctrl-C in a
    command; click's conversion of it (and of an end of input) to Abort is the real one."""
    program = (
        "import sys\n"
        "from founder_check import cli\n"
        "def stop(*args, **kwargs):\n"
        f"    raise {raised}\n"
        "cli.app.make_context = stop\n"
        "sys.argv = ['founder-check', 'assess', '--json', '-']\n"
        "cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == code
    assert result.stderr.strip() == said
