"""`--lang` defaults to the language of the user's locale: LC_ALL, then LC_MESSAGES, then
LANG, as POSIX orders them (zh_* gives Chinese, anything else English), unless `--lang` is
given. Run through the installed command with each environment."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from founder_check.base.env_lang import lang_from_env
from tests.conftest import EXAMPLES, ROOT, script_path

LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def run(*args: str, cwd: Path | None = None, **locale: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    env.update(COLUMNS="100", NO_COLOR="1", TERM="dumb", PYTHONIOENCODING="utf-8", **locale)
    return subprocess.run(
        [script_path(), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN@pinyin"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zu_ZA.UTF-8"}, "en"),  # Zulu: not a prefix match on "z"
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # empty: not set
    ],
)
def test_posix_order_of_the_locale_variables(environ: dict[str, str], lang: str) -> None:
    assert lang_from_env(environ) == lang


def test_lang_follows_the_locale_unless_given() -> None:
    explain = ("explain", "seed")
    assert "阶段 · seed" in run(*explain, LANG="zh_CN.UTF-8").stdout
    assert "Stage · seed" in run(*explain, LANG="zh_CN.UTF-8", LC_ALL="en_US.UTF-8").stdout
    assert "Stage · seed" in run(*explain, "--lang", "en", LANG="zh_CN.UTF-8").stdout
    assert "阶段 · seed" in run(*explain, "--lang", "zh", LANG="en_US.UTF-8").stdout
    assert "阶段 · seed" in run(*explain, LANG="en_US.UTF-8", LC_MESSAGES="zh_CN.UTF-8").stdout
    assert "Stage · seed" in run(*explain).stdout  # no locale at all


def test_every_command_with_lang_defaults_from_the_locale(tmp_path: Path) -> None:
    example = str(EXAMPLES / "seed-founder.yaml")
    chinese = {
        "assess": (("assess", "--answers", example), "成熟度等级"),
        "template": (("template",), "创始人"),
        "compare": (("compare", example, example), "两次评估之间的进展"),
        "cohort": (("cohort", example), "批次评估报告"),
        "questionnaire": (("questionnaire",), "市场定位"),
        "explain": (("explain", "fundable"), "成熟度等级"),
        "content weights": (("content", "weights", str(ROOT)), "各要素在各阶段"),
    }
    for name, (args, words) in chinese.items():
        result = run(*args, cwd=tmp_path, LANG="zh_CN.UTF-8")
        assert result.returncode == 0, (name, result.stderr)
        assert words in result.stdout, name
        english = run(*args, cwd=tmp_path, LANG="zh_CN.UTF-8", LC_ALL="C.UTF-8")
        assert words not in english.stdout, name


def test_help_says_where_the_default_comes_from() -> None:
    shown = " ".join(run("assess", "--help").stdout.split())
    assert "LC_ALL, LC_MESSAGES or LANG" in shown and "zh_* gives zh" in shown
    assert "[default: en]" not in shown
