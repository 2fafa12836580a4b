"""The gettext catalogs of the fixed texts: the template holds every text the code declares,
the Chinese catalog translates each of them (with the same placeholders, Chinese's one
plural form, nothing fuzzy), the committed `.mo` is that catalog compiled, and the package
reads it only when a Chinese text is first asked for. After a change of a text, run
`python -m tests.catalogs` (docs/translations.md)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from importlib.resources import files

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo

from founder_check.base.i18n import Texts, translations
from founder_check.base.problem_texts import FOREIGN
from tests.catalogs import (
    LANGUAGES,
    TEMPLATE,
    all_tables,
    entries,
    extract,
    mo_bytes,
    po_path,
    problems,
    read,
    same_compiled,
    update,
)
from tests.conftest import EXAMPLES, run_cli

FIX = "run `python -m tests.catalogs` and translate what it lists (docs/translations.md)"


def _differences(committed: Catalog, fresh: Catalog) -> list[str]:
    old, new = ({(e[0], str(e[1])): e for e in entries(c)} for c in (committed, fresh))
    return [
        f"{'missing' if key not in old else 'gone' if key not in new else 'changed'}: {key}"
        for key in sorted(old.keys() | new.keys(), key=str)
        if old.get(key) != new.get(key)
    ]


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


def test_the_template_holds_every_text_the_code_declares(template: Catalog) -> None:
    assert len(template) > 500
    assert _differences(read(TEMPLATE), template) == [], FIX


@pytest.mark.parametrize("locale", LANGUAGES)
def test_each_catalog_is_up_to_date_with_the_template(template: Catalog, locale: str) -> None:
    assert _differences(read(po_path(locale), locale), update(template, locale)) == [], FIX


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_text_has_a_translation(locale: str) -> None:
    """None untranslated or fuzzy, each with the placeholders of its English, each count
    with the language's number of forms."""
    assert problems(read(po_path(locale), locale), locale) == [], FIX


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_committed_mo_is_the_catalog_compiled(locale: str) -> None:
    compiled = read_mo(io.BytesIO(mo_bytes(read(po_path(locale), locale))))
    assert same_compiled(read(po_path(locale, ".mo")), compiled), FIX
    assert compiled.plural_forms == "nplurals=1; plural=0;"


def test_the_checks_find_each_kind_of_missing_translation() -> None:
    """A catalog broken in each way a translation can be wrong is reported, entry by entry."""
    catalog = read(po_path("zh_CN"), "zh_CN")
    broken = {
        ("title", "not translated"): lambda m: setattr(m, "string", ""),
        ("founder", "fuzzy"): lambda m: m.flags.add("fuzzy"),
        ("next_steps", "['{stage}'] for ['{level}']"): lambda m: setattr(
            m, "string", "迈向“{stage}”的下一步"
        ),
        ("need_score", "['{overall:.1f}'] for ['{minimum:g}', '{overall:.1f}']"): lambda m: setattr(
            m, "string", "目前 {overall:.1f} 分"
        ),
        ("within_days", "2 forms, the language has 1"): lambda m: setattr(
            m, "string", ("{days} 天内", "{days} 天内")
        ),
        ("csv", "[] for ['{0}']"): lambda m: setattr(m, "string", "单元格超过长度上限"),
    }
    for (context, _), breaking in broken.items():
        breaking(next(m for m in catalog if m.id and m.context == context))
    found = problems(catalog, "zh_CN")
    for context, what in broken:
        reported = [p for p in found if p.startswith(f"{context}: ") and p.endswith(what)]
        assert len(reported) == 1, (context, found)
    assert len(found) == len(broken)
    template = extract()
    template.add("A text added to the code", context="added", locations=[("x.py", None)])
    assert "added: 'A text added to the code': not translated" in problems(
        update(template, "zh_CN"), "zh_CN"
    )


def test_every_text_of_the_code_is_in_the_compiled_catalog() -> None:
    """What the running tool asks gettext for: each declared text, by its key and English,
    and each pattern of another program's words, has its Chinese in the `.mo`."""
    compiled = read(po_path("zh_CN", ".mo"))
    chinese = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string for m in compiled}
    asked = [
        (entry.key, entry.english)
        for table in all_tables().values()
        if isinstance(table, Texts)
        for entry in table
        if entry.translated
    ]
    asked += [(program, pattern) for program, patterns in FOREIGN.items() for pattern in patterns]
    assert len(asked) > 500
    assert [text for text in asked if not chinese.get(text)] == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("locale", LANGUAGES)
def test_gnu_msgfmt_accepts_the_catalog(locale: str) -> None:
    """The catalog as translators' tools see it: msgfmt checks its header, its plural forms
    and the python-brace-format placeholders of every entry."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po_path(locale))],
        capture_output=True,
        text=True,
        env=dict(os.environ, LC_ALL="C"),
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_installed_package_carries_the_compiled_catalog() -> None:
    installed = files("founder_check") / "locale" / "zh_CN" / "LC_MESSAGES" / "founder_check.mo"
    assert installed.read_bytes() == po_path("zh_CN", ".mo").read_bytes()


def test_the_catalog_is_read_once_and_only_for_chinese() -> None:
    """English texts are the msgids: no catalog is opened for them; the Chinese one is read on
    the first Chinese text, once, quickly."""
    probe = (
        "import time\n"
        "from founder_check.base import i18n\n"
        "from founder_check.report.labels import label\n"
        "label('within_days', 'en', days=1)\n"
        "assert 'zh' not in i18n._loaded, 'English opened the Chinese catalog'\n"
        "start = time.perf_counter()\n"
        "first = label('within_days', 'zh', days=1)\n"
        "took = time.perf_counter() - start\n"
        "catalog = i18n._loaded['zh']\n"
        "assert label('within_days', 'zh', days=2) == '2 天内' and first == '1 天内'\n"
        "assert i18n._loaded['zh'] is catalog\n"
        "print(type(catalog).__name__, took)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    kind, took = result.stdout.split()
    assert kind == "GNUTranslations"
    assert float(took) < 0.05  # about 1 ms on an idle machine; generous for a busy one


def test_a_chinese_report_speaks_through_the_catalog() -> None:
    """The real console script, in Chinese: fixed words, counts and a sentence made of two
    counts all come from the compiled catalog."""
    result = run_cli("assess", "--answers", str(EXAMPLES / "seed-founder.yaml"), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    for text in ("founder-check 评估报告", "成熟度等级", "可信度", "天内"):
        assert text in result.stdout, text
    chinese = translations("zh")
    assert chinese.pgettext("title", "founder-check report") == "founder-check 评估报告"
