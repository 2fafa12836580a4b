"""Why a cohort input was rejected, in the report's language: one input of every kind of
rejection, run in English (the reasons exactly as before: a golden file) and in Chinese (no
English sentence left in rejected.csv, cohort.json or the terminal)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from founder_check import Content
from tests.cohort_helpers import invoke, read_csv, read_json
from tests.cohort_rejections import CRASH_FOUNDER, write_rejections

GOLDEN = Path(__file__).parent / "golden" / "cohort-rejected.en.csv"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
# three or more English words in a row: a sentence, or most of one
_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'-]*(?:[ ,;:]+[A-Za-z][A-Za-z'-]*){2,}")
# what a Chinese reason may quote in Latin letters: names in quotes, paths, ids, options
_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|「[^」]*」")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, content: Content) -> dict[str, tuple[Any, Path]]:
    """The same inputs run in English and in Chinese (in this process: one founder meets a
    bug in the engine, patched here); each run's result and --out folder."""
    from founder_check.scoring import engine

    score = engine.score

    def flaky(content: Content, answers: object, **kwargs: object) -> object:
        if getattr(answers, "founder", None) == CRASH_FOUNDER:
            raise ZeroDivisionError("division by zero")
        return score(content, answers, **kwargs)  # type: ignore[arg-type]

    folder = tmp_path_factory.mktemp("rejections")
    args = write_rejections(folder, content)
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "score", flaky)
        patch.chdir(folder)
        for lang in ("en", "zh"):
            out = f"out-{lang}"
            result = invoke(
                "cohort", *args, "--out", out, "--lang", lang, "--rows", "0", "--jobs", "1"
            )
            assert result.exit_code == 1, result.stdout
            found[lang] = (result, folder / out)
    return found


def _options_normalized(text: str, content: Content) -> str:
    """Lists of a question's options written as `<options of ID>`: the reasons' wording is
    what is compared, not the order the content gives its options."""
    for question in content.questions:
        if question.options:
            ids = [option.id for option in question.options]
            for joiner in (", ", "、"):
                text = text.replace(joiner.join(ids), f"<options of {question.id}>")
    return text


def test_english_reasons_are_as_before(runs: dict[str, tuple[Any, Path]], content: Content) -> None:
    rows = read_csv(runs["en"][1] / "rejected.csv")
    lines = [",".join((row["input"], row["row"], row["field"], row["reason"])) for row in rows]
    text = _options_normalized("\n".join(lines) + "\n", content)
    if UPDATE_GOLDEN or not GOLDEN.exists():
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def _english_runs(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Runs of three or more English words in `text`, outside quotes and `allowed` texts."""
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    return _ENGLISH_RUN.findall(_QUOTED.sub(" ", text))


# texts a Chinese reason names as they are: the founders' names, paths, ids and options
_NAMES = ("Founder 00", "Company 00", "--encoding", "--map", "CSV UTF-8", "founder-check")


def test_every_reason_is_told_in_chinese(
    runs: dict[str, tuple[Any, Path]], content: Content
) -> None:
    english = read_csv(runs["en"][1] / "rejected.csv")
    chinese = read_csv(runs["zh"][1] / "rejected.csv")
    # the same problems, in the same places
    assert [(r["input"], r["row"], r["line"]) for r in chinese] == [
        (r["input"], r["row"], r["line"]) for r in english
    ]
    assert len({r["input"] for r in chinese}) >= 60  # every kind of rejection is there
    for row in chinese:
        for text in (row["reason"], row["field"]):
            assert not _english_runs(text, _NAMES), (row["input"], text)
        assert _CJK.search(row["reason"]), row
        assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:(][\u4e00-\u9fff]", row["reason"]), row
    report = read_json(runs["zh"][1] / "cohort.json")
    messages = [p["message"] for r in report["rejected"] for p in r["problems"]]
    assert messages == [row["reason"].removeprefix("'") for row in chinese]


def test_the_terminal_tells_the_reasons_in_chinese(runs: dict[str, tuple[Any, Path]]) -> None:
    result, _ = runs["zh"]
    table = result.stdout[result.stdout.index("未能使用的输入") :]
    text = re.sub(r"[│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇┼├┤\s]+", " ", table)
    assert "YAML 格式有误" in text and "重复的创始人" in text and "未评估：内部错误" in text
    assert not _english_runs(text, _NAMES)


def test_strict_stops_with_the_reason_in_chinese(tmp_path: Path, content: Content) -> None:
    """--strict prints every problem of the input it stops at, told in --lang."""
    from tests.cohort_helpers import founder_data, write_answers

    data = founder_data(content, 1)
    data["stage"] = "moonshot"
    write_answers(tmp_path / "bad.yaml", data)
    chinese = invoke("cohort", str(tmp_path / "bad.yaml"), "--strict", "--lang", "zh")
    english = invoke("cohort", str(tmp_path / "bad.yaml"), "--strict")
    assert chinese.exit_code == english.exit_code == 1
    assert "未知的阶段“moonshot”；应为以下之一：" in chinese.stderr
    assert "unknown stage 'moonshot'; expected one of " in english.stderr
    assert not _english_runs(_QUOTED.sub(" ", chinese.stderr.split("stage:", 1)[1]))
