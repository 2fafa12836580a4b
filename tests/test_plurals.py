"""Counts read right in both languages: "1 answer", "2 answers"; "1 个回答", "2 个回答".

Every table of fixed texts (`Texts`) in the package is found by walking its modules, so a
text added anywhere is held to the same rules: each counting text (a `plural_phrase`, or a
sentence made of them) is rendered through gettext with 0, 1 and 2 of each thing it counts,
in English and Chinese; and a plain English text that puts a number before a plural noun
must count it (or be listed below with why its number is never 1).
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from founder_check.base.i18n import Entry, Texts, plural_form, translations
from founder_check.report.labels import label
from founder_check.report.weights import _WORDS as WEIGHT_WORDS
from tests.catalogs import all_tables
from tests.conftest import copy_content, run_cli

# English words that may follow a number's field without being a plural noun ({x} is ...).
_VERBS = frozenset({"is", "has", "means", "asks", "was", "does"})
# Plain texts whose number is never 1, by table and key: why.
NEVER_ONE = {
    ("base.problem_texts.PROBLEMS", "long_text"): "only keys longer than 100 characters are cut",
    ("base.problem_texts.PROBLEMS", "text_too_long"): "only texts over 10,000 characters",
    ("base.problem_texts.PROBLEMS", "too_deep"): "the nesting limit, 64",
    ("base.problem_texts.PROBLEMS", "too_many_values"): "the value limit, 50,000",
    ("base.problem_texts.PROBLEMS", "huge_whole_number"): "only numbers of over 300 digits",
    ("base.problem_texts.PROBLEMS", "row_too_wide"): "more cells than a header of at least one",
    ("report.labels.label", "cohort_percentiles_hidden"): "the minimum cohort size, 5",
    ("interview.words.word", "too_long"): "the longest text an answer takes",
    ("report.progress._WORDS", "stage_points"): "a signed decimal, +1.0 points",
}
_NUMBER_BEFORE_PLURAL = re.compile(
    r"\{(\w+)(?::[^}]*)?\}\s+(?:more |unknown |required |scored )?([a-z]+s)\b"
)


TABLES = all_tables()
CATALOGUED = TABLES


def _parts(table: Texts, entry: Entry) -> Iterator[Entry]:
    """The entry and the texts it is made of."""
    yield entry
    entries = {e.key: e for e in table}
    for _, part in entry.parts:
        yield from _parts(table, entries[part])


def _counts(table: Texts, entry: Entry) -> list[str]:
    """The fields a text counts by: its own, then its parts'."""
    fields: list[str] = []
    for each in _parts(table, entry):
        if each.plural is not None and each.by not in fields:
            fields.append(each.by)
    return fields


COUNTED = [
    (name, entry.key)
    for name, table in CATALOGUED.items()
    for entry in table
    if _counts(table, entry)
]


def _templates(table: Texts, entry: Entry) -> list[str]:
    """Every form of the text and its parts, English and Chinese, as the catalogs give it."""
    texts = []
    for each in _parts(table, entry):
        texts += each.forms()
        texts.append(table(each.key, "zh"))
    return texts


def _values(texts: list[str], counts: dict[str, int]) -> dict[str, object]:
    """Every field of the texts: the counts as given, other numbers 7 (50% for a share),
    anything else a word; no digit but the counts' own."""
    values: dict[str, object] = dict(counts)
    for text in texts:
        for _, field, spec, _ in string.Formatter().parse(text):
            if field and field not in values:
                values[field] = 0.5 if spec and "%" in spec else 7 if spec else "X"
    return values


def test_every_table_is_found() -> None:
    assert {"report.labels.label", "interview.words.word", "report.weights._WORDS"} <= set(TABLES)
    assert len(COUNTED) >= 15


def test_chinese_counts_through_the_catalogs_plural_forms() -> None:
    """The Chinese catalog says Chinese has one form; gettext then gives it for any count."""
    chinese = translations("zh")
    assert chinese.info()["plural-forms"] == "nplurals=1; plural=0;"
    english = ("within {days} day", "within {days} days")
    forms = {chinese.npgettext("within_days", *english, n) for n in (0, 1, 2, 10)}
    assert forms == {"{days} 天内"}


@pytest.mark.parametrize(("table", "key"), COUNTED, ids=[f"{t}:{k}" for t, k in COUNTED])
def test_each_count_reads_right_with_0_1_and_2(table: str, key: str) -> None:
    texts = CATALOGUED[table]
    entry = next(e for e in texts if e.key == key)
    fields = _counts(texts, entry)
    templates = _templates(texts, entry)
    zh = " ".join(texts(each.key, "zh") for each in _parts(texts, entry))
    for numbers in itertools.product((0, 1, 2), repeat=len(fields)):
        counts = dict(zip(fields, numbers, strict=True))
        values = _values(templates, counts)
        english = texts(key, "en", **values)
        chinese = texts(key, "zh", **values)
        for text in (english, chinese):
            assert "{" not in text and "}" not in text, text
        # a count of one reads as one thing, and only then
        for match in re.finditer(
            r"(?<![\d.,])(\d+) (?:more |unknown |required |scored )?(\w+)", english
        ):
            number, noun = int(match.group(1)), match.group(2)
            if noun in _VERBS or noun in ("of", "from", "to"):
                continue
            if number == 1:
                assert not noun.endswith("s"), f"{key}: {english!r}"
        # Chinese counts with a measure word, the same for every number
        for field, number in counts.items():
            if f"{{{field}" in zh:
                assert re.search(rf"{number}\s?[\u4e00-\u9fff]", chinese), f"{key}: {chinese!r}"
    for field in fields:
        other_counts = dict.fromkeys(fields, 2)
        one = dict(other_counts, **{field: 1})
        values_two = _values(templates, other_counts)
        values_one = _values(templates, one)
        english_one = texts(key, "en", **values_one).replace("1", "2")
        assert english_one != texts(key, "en", **values_two), f"{key}: no singular for {field}"
        chinese_one = texts(key, "zh", **values_one).replace("1", "2")
        assert chinese_one == texts(key, "zh", **values_two), f"{key}: Chinese has one form"


def test_plain_texts_put_no_number_before_a_plural_noun() -> None:
    """A number's field before a plural noun in a plain English text is a count that reads
    wrong for 1: it must be a plural_phrase, unless its number can never be 1."""
    found = set()
    for name, table in TABLES.items():
        english = [(e.key, e.english) for e in table if e.plural is None]
        for key, text in english:
            for match in _NUMBER_BEFORE_PLURAL.finditer(text):
                if match.group(2) not in _VERBS:
                    found.add((name, key))
    assert found <= set(NEVER_ONE), sorted(found - set(NEVER_ONE))


def test_the_one_choice_of_form() -> None:
    assert [plural_form(n, "answer", "answers") for n in (0, 1, 2, 1.0, 2.5)] == [
        "answers",
        "answer",
        "answers",
        "answer",
        "answers",
    ]
    # a sentence counting two things is one counted text per thing
    assert [
        label("cohort_summary", "en", scored=scored, rejected=rejected)
        for scored, rejected in ((1, 1), (1, 3), (0, 1), (2, 2))
    ] == [
        "1 founder scored, 1 input not used",
        "1 founder scored, 3 inputs not used",
        "0 founders scored, 1 input not used",
        "2 founders scored, 2 inputs not used",
    ]
    # looked up without its count, a counting text is its plural template (for .format)
    assert label("not_applicable_count", "en") == (
        "{count} questions did not apply given your other answers"
    )


@pytest.mark.parametrize(
    ("key", "values", "english", "chinese"),
    [
        (
            "not_applicable_count",
            {"count": 1},
            "1 question did not apply given your other answers",
            "根据你的其他回答，有 1 个问题不适用",
        ),
        (
            "not_expected_count",
            {"count": 1, "stage": "Seed"},
            "1 question is not expected yet at the Seed stage",
            "有 1 个问题在“Seed”阶段尚不作要求",
        ),
        (
            "answered_of",
            {"answered": 1, "count": 1, "weighted": 1.0},
            "1 of 1 question answered, 100% of the weight",
            "已回答 1 题中的 1 题，覆盖 100% 的权重",
        ),
        (
            "cohort_summary",
            {"scored": 1, "rejected": 2},
            "1 founder scored, 2 inputs not used",
            "已评估 1 位创始人，2 份输入未能使用",
        ),
        (
            "cohort_summary",
            {"scored": 2, "rejected": 1},
            "2 founders scored, 1 input not used",
            "已评估 2 位创始人，1 份输入未能使用",
        ),
        ("cohort_more_problems", {"count": 1}, "… and 1 more problem", "……另有 1 个问题"),
        ("within_days", {"days": 1}, "within 1 day", "1 天内"),
        ("flag_points", {"points": 1.0}, "-1 point", "扣 1 分"),
        ("flag_points", {"points": 2.5}, "-2.5 points", "扣 2.5 分"),
    ],
)
def test_report_counts(key: str, values: dict[str, object], english: str, chinese: str) -> None:
    assert label(key, "en", **values) == english
    assert label(key, "zh", **values) == chinese


def test_interview_counts() -> None:
    from founder_check.interview.words import word

    draft = Path("d.json")
    assert (
        word("interrupted", "en", count=1, draft=draft)
        == "Interview paused: 1 answer saved in d.json."
    )
    assert (
        word("resuming", "en", count=0, draft=draft)
        == "Continuing the draft d.json: 0 answers so far."
    )
    assert word("partial", "en", count=1, path="a.yaml").startswith(
        "1 required question outside the chosen sections is not answered yet; complete it"
    )
    welcome = word("welcome", "en", sections=1, questions=12, draft=draft)
    assert welcome.startswith("founder-check interview: 1 section, about 12 questions.")
    assert word("welcome", "zh", sections=1, questions=12, draft=draft).startswith(
        "founder-check 评估访谈：共 1 个部分，约 12 个问题。"
    )
    assert WEIGHT_WORDS("stage_questions", "en", count=1).startswith("1 scored question at this")


def test_content_check_counts_a_content_of_one_red_flag(tmp_path: Path) -> None:
    """`content check` of a content with one red flag: "1 red flag", not "1 red flags"."""
    root = copy_content(tmp_path)
    flags = root / "scoring" / "red_flags.yaml"
    text = flags.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^  - id: ", text, flags=re.MULTILINE)]
    flags.write_text(text[: starts[1]], encoding="utf-8")  # the first rule alone
    result = run_cli("content", "check", str(root))
    assert result.returncode == 0, result.stderr
    assert " 1 red flag, " in result.stdout and "red flags" not in result.stdout
    assert re.search(r"\d+ sections, \d+ questions \(\d+ scored\), \d+ factors,", result.stdout)
