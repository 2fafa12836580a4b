"""Messages told in English or Chinese: a `Message` is its English text wherever text is
expected, survives exceptions and worker processes, and is told in Chinese from the
templates of `problem_texts` (their Chinese from the catalog), each with the parameters of
its English."""

from __future__ import annotations

import pickle
import re
from typing import Any

import pytest

from founder_check import Content
from founder_check.base.errors import AnswersError, Problem
from founder_check.base.i18n import Entry, translations
from founder_check.base.messages import Known, Message, Quoted, Series, told
from founder_check.base.problem_texts import FOREIGN, PROBLEMS
from founder_check.base.readers import parse_json, parse_yaml
from founder_check.cohort.inputs import Item, Rejection
from founder_check.cohort.pool import death_reason
from founder_check.cohort.process import _lost
from founder_check.cohort.rejections import RejectionLimiter
from founder_check.scoring.answer_rules import parse_date
from founder_check.scoring.answers import coerce_answer, parse_answers
from tests.answer_factory import answers_data

_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'-]*(?:[ ,;:]+[A-Za-z][A-Za-z'-]*){2,}")
_QUOTED = re.compile(r"“[^”]*”")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    """The `{name}` fields (a template without any is used as written, braces and all)."""
    return set(re.findall(r"\{(\w+)[^{}]*\}", template))


@pytest.mark.parametrize("entry", list(PROBLEMS), ids=lambda entry: entry.key)
def test_each_template_has_the_same_parameters_in_both_languages(entry: Entry) -> None:
    key = entry.key
    chinese = PROBLEMS(key, "zh")
    for form in entry.forms():
        assert _fields(form) == _fields(chinese), key
    words = re.sub(r"\{[^{}]*\}", " ", chinese)
    assert not _ENGLISH_RUN.findall(words), key  # Chinese, but for names and options


def test_a_message_is_its_english_text() -> None:
    message = Message("unknown_stage", stage=Quoted.of("moon"), stages=Series(("idea", "seed")))
    assert message == "unknown stage 'moon'; expected one of idea, seed"
    assert isinstance(message, str) and str(message) == message
    assert f"x: {message}" == "x: unknown stage 'moon'; expected one of idea, seed"
    assert message.text("en") == message and type(message.text("en")) is str
    assert message.text("zh") == "未知的阶段“moon”；应为以下之一：idea、seed"
    assert told(message, "zh") == message.text("zh") and told("plain", "zh") == "plain"


def test_a_message_survives_an_exception_and_a_worker_process() -> None:
    message = Message("not_yes_no", word=Quoted.of("perhaps"))
    try:
        raise ValueError(message)
    except ValueError as exc:
        carried = str(exc)
    assert isinstance(carried, Message) and carried.text("zh") == "“perhaps”既不是 yes 也不是 no"
    copy = pickle.loads(pickle.dumps(Problem("f.yaml", message, field="answers.x")))
    assert isinstance(copy.message, Message) and copy.message.text("zh") == carried.text("zh")


def test_words_of_other_programs_are_told_where_known_else_quoted() -> None:
    assert Known("csv", "field larger than field limit (131072)").text("zh") == (
        "单元格超过长度上限（131072 个字符）"
    )
    assert Known("os", "Permission denied").text("zh") == "没有访问权限"
    # a translation with a brace of its own and no group to fill in is told as it is
    assert Known("yaml", "expected ',' or '}', but got '<scalar>'").text("zh") == (
        "缺少逗号“,”或右花括号“}”"
    )
    assert Known("os", "Something new").text("zh") == "“Something new”"
    assert Known("os", "Something new").text("en") == "Something new"
    for table, patterns in FOREIGN.items():
        for pattern in patterns:
            re.compile(pattern)
            assert _CJK.search(translations("zh").pgettext(table, pattern)), (table, pattern)


@pytest.mark.parametrize(
    ("text", "json_format"),
    [
        ("founder: Broken\nanswers: [\n", False),
        ("a: b\n c: d\n", False),
        ("a:\n\t- b\n", False),
        ("a: 'open\n", False),
        ("a: [b, c\n", False),
        ("- a\nb: c\n", False),
        ('{"a": 1 "b": 2}', True),
        ('["a", "b"', True),
        ('{"a": "\\x"}', True),
        ('{"a": 1} x', True),
    ],
)
def test_syntax_errors_are_told_in_chinese(text: str, json_format: bool) -> None:
    """The YAML parser's and our JSON descriptions, in Chinese, with no English left."""
    parse = parse_json if json_format else parse_yaml
    with pytest.raises(Exception) as caught:
        parse(text, "f")
    (problem,) = caught.value.problems  # type: ignore[attr-defined]
    chinese = told(problem.message, "zh")
    assert _CJK.search(chinese) and not _ENGLISH_RUN.findall(_QUOTED.sub("", chinese)), chinese


def _chinese(problem: Problem | str) -> str:
    text = told(problem.message if isinstance(problem, Problem) else problem, "zh")
    assert _CJK.search(text), text
    assert not _ENGLISH_RUN.findall(_QUOTED.sub("", text)), text
    return text


def test_rejections_the_cohort_fixture_cannot_cause(content: Content) -> None:
    """A worker process that dies twice, a time of day in a date, thousands of digits, a
    stray key hundreds of characters long, too many unknown ids: told in Chinese too."""
    item = Item("in/f.yaml", line=3)
    for code in (-9, -200, 1):
        lost = _lost(item, death_reason(code))
        assert isinstance(lost, Rejection)
        _chinese(lost.problems[0])
    assert told(death_reason(-9), "zh") == "被 SIGKILL 信号终止"
    import datetime as dt

    with pytest.raises(ValueError) as caught:
        parse_date(dt.datetime(2026, 5, 1, 9, 30))
    assert _chinese(caught.value.args[0]).startswith("“2026-05-01T09:30:00”带有时刻")
    number = next(q for q in content.questions if q.kind == "number")
    with pytest.raises(ValueError) as caught:
        coerce_answer(number, 10**5000)
    assert "约 5,000 位的整数" in _chinese(caught.value.args[0])
    with pytest.raises(ValueError) as caught:
        coerce_answer(number, "9" * 80 + "x")
    assert _chinese(caught.value.args[0]).endswith("……（共 83 个字符）")  # the repr's length
    data: dict[str, Any] = answers_data(content)
    data["answers"].update({f"stray_{n:03d}": "x" for n in range(30)})
    data["x" * 150] = "y"
    with pytest.raises(AnswersError) as error:
        parse_answers(data, content)
    texts = [_chinese(p) for p in error.value.problems]
    assert "另有 10 个未知的问题编号" in texts
    long_key = next(p for p in error.value.problems if p.field and p.field.startswith("xxx"))
    assert told(long_key.field or "", "zh").endswith("……（共 150 个字符）")
    assert long_key.field.endswith("… (150 characters)")  # type: ignore[union-attr]


def test_the_limiter_tells_and_cuts_in_the_reports_language() -> None:
    problems = tuple(
        Problem("f.yaml", Message("not_yes_no", word=Quoted.of(f"w{n}")), line=n) for n in range(5)
    )
    rejection = Rejection("f.yaml", None, problems)
    english = RejectionLimiter("en").trim(rejection)
    chinese = RejectionLimiter("zh").trim(rejection)
    assert [p.message for p in english.problems] == [
        "'w0' is not yes or no",
        "'w1' is not yes or no",
        "'w2' is not yes or no (and 2 more problems)",
    ]
    assert [p.message for p in chinese.problems][-1] == "“w2”既不是 yes 也不是 no（另有 2 个问题）"
    assert all(type(p.message) is str for p in chinese.problems)  # plain text is kept
    one_more = Rejection("f.yaml", None, problems[:4])
    assert (
        RejectionLimiter("en").trim(one_more).problems[-1].message.endswith("(and 1 more problem)")
    )
