"""Write the README's screenshots of the HTML reports into docs/, with headless Chromium:
`python -m tests.make_screenshots`. The top of each page, as a 1040-pixel-wide window shows
it, fading into the page's background where the picture is cut: the example founder's
one-pager, and the dashboard of a made-up cohort of twelve founders (`cohort_inputs`)."""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from founder_check import Content, load_content
from founder_check.report.formats import ExportFormat, export
from founder_check.scoring.answers import load_answers
from founder_check.scoring.conditions import applies
from founder_check.scoring.engine import score
from founder_check.scoring.valuation import AnswerValue
from tests import browser
from tests.answer_factory import Pick, answer_for
from tests.cohort_helpers import invoke, write_answers

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "seed-founder.yaml"
WIDTH, HEIGHT, FADE = 1040, 1500, 160


def fade_bottom(png: Path, rows: int = FADE) -> None:
    """Blend the last `rows` rows into the background colour (the top-left pixel), then
    store a palette of 256 colours (octree: the few accent colours stay exact), a third
    of the size of full colour."""
    from PIL import Image

    with Image.open(png) as opened:
        image = opened.convert("RGB")
    background = Image.new("RGB", image.size, image.getpixel((0, 0)))  # type: ignore[arg-type]
    mask = Image.new("L", image.size, 0)
    top = image.height - rows
    for row in range(rows):
        mask.paste(round(255 * (row + 1) / rows), (0, top + row, image.width, top + row + 1))
    image = Image.composite(background, image, mask)
    palette = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(png, optimize=True)


def one_pager(lang: str, target: Path) -> None:
    content = load_content()
    card = score(content, load_answers(EXAMPLE, content), lang=lang)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(export(card, ExportFormat.html, content), encoding="utf-8")
        rendered = browser.screenshot(page, target, WIDTH, HEIGHT)
    if rendered.console:
        sys.exit(f"the page wrote to the console: {rendered.console}")
    fade_bottom(target)


# The made-up cohort: name, company, stage, and how its answers are drawn: each question
# gets its best answer with the given chance, else a random one, from the given seed
# (chosen so that the cohort spans the readiness levels, as a real one does).
DAY = "2026-11-20"
COHORT = (
    ("Lin Qiao", "Tidewater Robotics", "series_a", 0.9, 1),
    ("Amara Okafor", "Ledgerlight", "seed", 0.85, 2),
    ("陈思远", "深算科技", "seed", 0.75, 3),
    ("Priya Raman", "Cardia Insight", "pre_seed", 0.7, 2),
    ("王雨桐", "知行医疗", "series_a", 0.65, 4),
    ("Jonas Weber", "Klarwerk AI", "pre_seed", 0.6, 3),
    ("Hana Sato", "Kotoba Labs", "seed", 0.55, 4),
    ("Mateo Silva", "Harvest Vision", "seed", 0.8, 1),
    ("刘子豪", "云帆智能", "pre_seed", 0.5, 1),
    ("Elena Petrova", "Northwind Legal", "seed", 0.4, 0),
    ("David Cohen", "Quarry Analytics", "seed", 0.3, 0),
    ("赵可欣", "星图教育", "pre_seed", 0.2, 0),
)


def cohort_inputs(content: Content, folder: Path) -> None:
    """The made-up cohort's answers files, and one file that cannot be used."""
    for number, (founder, company, stage, strength, seed) in enumerate(COHORT):
        rng = random.Random(seed)
        typed: dict[str, AnswerValue] = {}
        written: dict[str, Any] = {}
        for question in content.questions:
            if question.when is not None and not applies(question.when, typed):
                continue
            pick: Pick = "best" if rng.random() < strength else "random"
            written[question.id], typed[question.id] = answer_for(question, pick, rng)
        data = {"founder": founder, "company": company, "stage": stage, "date": DAY}
        data["answers"] = written
        write_answers(folder / f"{number:02d}.yaml", data)
    (folder / "late-entry.yaml").write_text("founder: Sam Lee\nanswers: [\n", encoding="utf-8")


def dashboard(lang: str, target: Path) -> None:
    from founder_check import cli

    cli.now_iso = lambda: f"{DAY}T10:00:00+08:00"  # the same picture whenever it is made
    with tempfile.TemporaryDirectory() as folder:
        inputs, out = Path(folder) / "answers", Path(folder) / "report"
        cohort_inputs(load_content(), inputs)
        result = invoke("cohort", str(inputs), "--out", str(out), "--lang", lang)
        if result.exit_code != 1:  # one input is not used, on purpose
            sys.exit(f"cohort exited with {result.exit_code}: {result.stdout}")
        rendered = browser.screenshot(out / "index.html", target, WIDTH, HEIGHT)
    if rendered.console:
        sys.exit(f"the page wrote to the console: {rendered.console}")
    fade_bottom(target)


def main() -> None:
    """Every picture, or those named: `onepager`, `dashboard`."""
    if browser.chromium() is None:
        sys.exit("chromium is not installed")
    wanted = set(sys.argv[1:]) or {"onepager", "dashboard"}
    targets = []
    if "onepager" in wanted:
        for lang in ("en", "zh"):
            targets.append(DOCS / f"onepager.{lang}.png")
            one_pager(lang, targets[-1])
    if "dashboard" in wanted:
        targets.append(DOCS / "cohort-dashboard.en.png")
        dashboard("en", targets[-1])
    for target in targets:
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
