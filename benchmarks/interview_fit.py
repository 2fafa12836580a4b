"""How many list entries the interview shows cut at the terminal's edge, per width and language.

Drives the installed `founder-check assess` in a real pseudo-terminal (pexpect) read through
a terminal emulator (pyte), over every question of the bundled content (answers chosen so
that every conditional question applies), in English and Chinese, and counts the entries of
each list (options, scale points, Yes/No, Not sure, Skip, the stages) not shown in full.
Needs the test extra (pexpect, pyte).

Usage: python benchmarks/interview_fit.py [--widths 60 80] [--rows 80]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.interview.screen import Screen, private_env  # noqa: E402
from tests.interview.walk import EVERYTHING_APPLIES, plan, save_at_review, walk  # noqa: E402

from founder_check.content.loader import load_content  # noqa: E402
from founder_check.content.models import Lang  # noqa: E402


def measure(lang: Lang, columns: int, rows: int, show: int) -> tuple[int, int, int, int]:
    """(entries cut, entries shown, option labels cut, option labels shown) over one whole
    interview; option labels are the content's options of single and multi questions."""
    content = load_content()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        screen = Screen(
            ["assess", "--lang", lang, "-o", "answers.yaml"],
            private_env(home),
            home,
            rows=rows,
            columns=columns,
        )
        try:
            stage = content.stages[-1].id  # the last stage: every question is expected
            prompts = walk(screen, lang, plan(content, lang, EVERYTHING_APPLIES, stage))
            save_at_review(screen, lang)
            screen.finish()
        finally:
            screen.close()
    cut = [(p.key, label) for p in prompts for label in p.cut]
    for key, label in cut[:show]:
        print(f"    cut: {key}: {label}")
    options = {(q.id, o.label.get(lang)) for q in content.questions for o in q.options}
    shown = [(p.key, label) for p in prompts for label in p.labels]
    return (
        len(cut),
        len(shown),
        sum(1 for item in cut if item in options),
        sum(1 for item in shown if item in options),
    )


LANGS: tuple[Lang, ...] = ("en", "zh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", type=int, nargs="+", default=[60, 80])
    parser.add_argument("--rows", type=int, default=80)
    parser.add_argument("--show", type=int, default=0, help="print the first N cut entries")
    args = parser.parse_args()
    for columns in args.widths:
        for lang in LANGS:
            cut, total, cut_options, options = measure(lang, columns, args.rows, args.show)
            print(
                f"{columns} columns, {lang}: {cut} of {total} list entries cut "
                f"({cut_options} of {options} option labels)"
            )


if __name__ == "__main__":
    main()
