"""cohort.xlsx: the cohort as a workbook for the program team's spreadsheet.

Four sheets: the founders (one row each, best first, factor scores with data bars and the
cells below the founder's stage target marked), the shared gaps with what they cost the
cohort, the rejected inputs with their reasons, and the factors against their targets. Each
has a frozen header row, a filter and set column widths; numbers are written as numbers.

A cohort may hold 10,000 founders, so the workbook is written as the CSV is: row by row from
the founder store, in XlsxWriter's `constant_memory` mode (each row goes to a temporary file
in the run's work folder once the next one starts), never holding the cohort in memory.

The workbook's creation time is the run's `generated_at` (a fixed date when there is none), so
the same inputs give the same bytes apart from it, as for the other files.

Text from founders is not trusted. Every text goes in with `write_string` (and the workbook
turns no string into a formula, URL or number), and a text a spreadsheet would run as a
formula once edited gets the leading ' that cohort.csv gives it (`export.safe_cell`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from founder_check.base.atomic import write_atomic_with
from founder_check.base.i18n import Texts, phrase
from founder_check.cohort.aggregate import CohortStats
from founder_check.cohort.export import SCORECARDS, safe_cell
from founder_check.cohort.inputs import Rejection
from founder_check.cohort.models import FactorStats, SharedGap
from founder_check.cohort.scored import ScoredCohort
from founder_check.cohort.store import FounderStore
from founder_check.content.models import Content, Lang
from founder_check.report.view import chapter_titles

COHORT_XLSX = "cohort.xlsx"

_WORDS = Texts(
    phrase("founders", "Founders"),
    phrase("shared_gaps", "Shared gaps"),
    phrase("rejected", "Rejected inputs"),
    phrase("factors", "Factors"),
    phrase("rank", "Rank"),
    phrase("founder", "Founder"),
    phrase("company", "Company"),
    phrase("stage", "Stage"),
    phrase("level", "Readiness level"),
    phrase("overall", "Overall score"),
    phrase("sheet_red_flags", "Red flags"),
    phrase("red_flag_titles", "Red flags, most severe first"),
    phrase("top_gaps", "Biggest gaps"),
    phrase("scorecard", "Scorecard"),
    phrase("source", "Input"),
    phrase("row", "Row"),
    phrase("line", "Line"),
    phrase("field", "Field"),
    phrase("reason", "Why it was not used"),
    phrase("number", "#"),
    phrase("question", "Question"),
    phrase("gap_founders", "Founders with the gap"),
    phrase("points_each", "Points each could gain"),
    phrase("cohort_points", "Cohort mean could gain"),
    phrase("gap_factors", "Factors"),
    phrase("chapters", "Chapters to read"),
    phrase("sheet_factor", "Factor"),
    phrase("sheet_scored", "Founders scored"),
    phrase("min", "Min"),
    phrase("q1", "Q1"),
    phrase("median", "Median"),
    phrase("q3", "Q3"),
    phrase("max", "Max"),
    phrase("mean", "Mean"),
    phrase("target", "Target"),
    phrase("below_target", "Below target"),
    phrase("short_by", "Short by, on average"),
    phrase("below_note", "Red: below the target of the founder's stage."),
    phrase(
        "target_note",
        "The mean of the founders' stage targets (the stage's target when they share one).",
    ),
    phrase(
        "points_note",
        "Overall-score points the best answer would add, on average, for a founder with the gap.",
    ),
    phrase(
        "cohort_note",
        "How much the cohort's mean overall score would rise if every founder with the gap "
        "gave the best answer.",
    ),
    phrase("list_separator", "; "),
)

_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
_HEADER = {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "bottom": 1}
_BELOW = {"num_format": "0.0", "font_color": "#9C0006", "bg_color": "#FFC7CE", "bold": True}
_SCALE = {
    "type": "3_color_scale",
    "min_type": "num",
    "min_value": 0,
    "mid_type": "num",
    "mid_value": 50,
    "max_type": "num",
    "max_value": 100,
}
_BARS = {
    "type": "data_bar",
    "bar_color": "#638EC6",
    "min_type": "num",
    "min_value": 0,
    "max_type": "num",
    "max_value": 100,
}


def write_workbook(path: Path, cohort: ScoredCohort) -> None:
    """Write cohort.xlsx to `path` (atomically, mode 0600); temporary files go beside it."""
    from xlsxwriter import Workbook  # type: ignore[import-untyped]  # ships no type hints
    from xlsxwriter.exceptions import FileCreateError  # type: ignore[import-untyped]

    def write(handle: IO[bytes]) -> None:
        workbook = Workbook(handle, {**_OPTIONS, "tmpdir": str(path.parent)})
        workbook.set_properties({"created": _created(cohort.generated_at)})
        sheets = _Sheets(workbook, cohort.content, cohort.lang)
        sheets.founders(cohort.store, cohort.order, cohort.stats)
        sheets.shared_gaps(cohort.shared_gaps)
        sheets.rejected(cohort.rejected)
        sheets.factors(cohort.factors)
        try:
            workbook.close()
        except FileCreateError as exc:  # XlsxWriter's wrapping of an OSError (a full disk)
            _close_archives(exc)
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause.with_traceback(None) from None
            raise

    write_atomic_with(path, write)


def _close_archives(error: BaseException) -> None:
    """Close the zip archive XlsxWriter leaves open when packing the workbook fails (errors
    ignored: the file is discarded). Left to its finaliser, it would write into a closed
    file and print a second, confusing error after the run has reported the first."""
    import zipfile

    trace = error.__traceback__
    while trace is not None:
        for value in list(trace.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile):
                with contextlib.suppress(Exception):
                    value.close()
        trace = trace.tb_next


def _created(generated_at: str | None) -> datetime:
    """The workbook's creation time: the run's, in UTC without its zone (as xlsx holds it)."""
    if generated_at is None:
        return datetime(2000, 1, 1)
    moment = datetime.fromisoformat(generated_at)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


class _Sheets:
    """The workbook's sheets and formats, in the report's language."""

    def __init__(self, workbook: Any, content: Content, lang: Lang) -> None:
        self.workbook = workbook
        self.content = content
        self.lang = lang
        self.header = workbook.add_format(_HEADER)
        self.score = workbook.add_format({"num_format": "0.0"})
        self.points = workbook.add_format({"num_format": "0.00"})
        self.whole = workbook.add_format({"num_format": "0"})
        self.below = workbook.add_format(_BELOW)
        self.red = workbook.add_format({"font_color": "#9C0006", "bold": True})
        self.separator = _WORDS("list_separator", lang)

    def word(self, key: str) -> str:
        return _WORDS(key, self.lang)

    def words(self, keys: str) -> list[str]:
        """The words for space-separated keys: a sheet's headers."""
        return [self.word(key) for key in keys.split()]

    def sheet(self, key: str, headers: Sequence[str], widths: Sequence[float], rows: int) -> Any:
        """A sheet with its header row written, frozen and filtered over `rows` data rows."""
        sheet = self.workbook.add_worksheet(self.word(key))
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.set_row(0, 45)
        for column, text in enumerate(headers):
            sheet.write_string(0, column, safe_cell(text), self.header)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(rows, 1), len(headers) - 1)
        return sheet

    def text(self, sheet: Any, row: int, column: int, value: str | None) -> None:
        if value:
            sheet.write_string(row, column, safe_cell(value))

    def number(self, sheet: Any, row: int, column: int, value: float | None, style: Any) -> None:
        if value is not None:
            sheet.write_number(row, column, value, style)

    def founders(self, store: FounderStore, order: Sequence[int], stats: CohortStats) -> None:
        content, lang = self.content, self.lang
        names = [factor.name.get(lang) for factor in content.factors]
        headers = [
            *self.words("rank founder company stage level overall"),
            *names,
            *self.words("sheet_red_flags red_flag_titles top_gaps scorecard source row"),
        ]
        first_factor = 6
        after = first_factor + len(names)
        widths = [6, 22, 22, 11, 14, 9, *[11] * len(names), 8, 50, 70, 34, 34, 7]
        sheet = self.sheet("founders", headers, widths, len(order))
        sheet.freeze_panes(1, 3)  # rank, founder and company stay in view
        for column in range(first_factor, after):
            sheet.write_comment(0, column, self.word("below_note"))
        last = max(len(order), 1)
        sheet.conditional_format(1, 5, last, 5, _SCALE)
        sheet.conditional_format(1, first_factor, last, after - 1, _BARS)
        red_flags = {"type": "cell", "criteria": ">", "value": 0, "format": self.red}
        sheet.conditional_format(1, after, last, after, red_flags)
        for row, index in enumerate(order, start=1):
            founder = store.get(index)
            stage = content.stage_by_id[founder.stage]
            level = content.level_by_id[founder.level]
            sheet.write_number(row, 0, stats.rank(index), self.whole)
            self.text(sheet, row, 1, founder.founder)
            self.text(sheet, row, 2, founder.company)
            self.text(sheet, row, 3, stage.name.get(lang))
            self.text(sheet, row, 4, level.name.get(lang))
            sheet.write_number(row, 5, founder.overall, self.score)
            below = founder.below_target or (False,) * len(founder.factors)
            for offset, (score, low) in enumerate(zip(founder.factors, below, strict=True)):
                style = self.below if low else self.score
                self.number(sheet, row, first_factor + offset, score, style)
            sheet.write_number(row, after, len(founder.red_flags), self.whole)
            self.text(sheet, row, after + 1, self._flag_titles(founder.red_flags))
            self.text(sheet, row, after + 2, self._questions(founder.top_gaps))
            if founder.scorecard:
                self.text(sheet, row, after + 3, f"{SCORECARDS}/{founder.scorecard}")
            self.text(sheet, row, after + 4, founder.source)
            self.number(sheet, row, after + 5, founder.row, self.whole)

    def _flag_titles(self, flags: Sequence[tuple[str, str]]) -> str:
        titles = []
        for flag_id, _ in flags:
            flag = self.content.red_flag_by_id.get(flag_id)
            titles.append(flag.title.get(self.lang) if flag is not None else flag_id)
        return self.separator.join(titles)

    def _questions(self, question_ids: Sequence[str]) -> str:
        texts = []
        for question_id in question_ids:
            question = self.content.question_by_id.get(question_id)
            if question is not None:
                texts.append(question.text.get(self.lang))
        return self.separator.join(texts)

    def shared_gaps(self, gaps: Sequence[SharedGap]) -> None:
        headers = self.words(
            "number question gap_founders points_each cohort_points gap_factors chapters"
        )
        sheet = self.sheet("shared_gaps", headers, [6, 60, 12, 12, 12, 36, 60], len(gaps))
        sheet.write_comment(0, 3, self.word("points_note"))
        sheet.write_comment(0, 4, self.word("cohort_note"))
        if gaps:
            top = max(gap.cohort_points for gap in gaps)
            bars = {"type": "data_bar", "bar_color": "#F4B183", "max_type": "num"}
            sheet.conditional_format(1, 4, len(gaps), 4, {**bars, "max_value": top or 1})
        factor_names = {f.id: f.name.get(self.lang) for f in self.content.factors}
        for row, gap in enumerate(gaps, start=1):
            sheet.write_number(row, 0, row, self.whole)
            self.text(sheet, row, 1, gap.text)
            sheet.write_number(row, 2, gap.founders, self.whole)
            sheet.write_number(row, 3, gap.points_each, self.points)
            sheet.write_number(row, 4, gap.cohort_points, self.points)
            names = [factor_names.get(factor, factor) for factor in gap.factors]
            self.text(sheet, row, 5, self.separator.join(names))
            titles = chapter_titles(gap.chapters, self.lang)
            self.text(sheet, row, 6, self.separator.join(titles))

    def rejected(self, rejected: Sequence[Rejection]) -> None:
        headers = self.words("source row line field reason")
        rows = sum(len(rejection.problems) for rejection in rejected)
        sheet = self.sheet("rejected", headers, [40, 7, 7, 36, 100], rows)
        row = 0
        for rejection in rejected:
            for problem in rejection.problems:
                row += 1
                self.text(sheet, row, 0, rejection.source)
                self.number(sheet, row, 1, rejection.row, self.whole)
                self.number(sheet, row, 2, problem.line, self.whole)
                self.text(sheet, row, 3, problem.field)
                self.text(sheet, row, 4, problem.message)

    def factors(self, factors: Sequence[FactorStats]) -> None:
        headers = self.words(
            "sheet_factor sheet_scored min q1 median q3 max mean target below_target short_by"
        )
        sheet = self.sheet("factors", headers, [28, *[10] * 8, 12, 14], len(factors))
        sheet.write_comment(0, 8, self.word("target_note"))
        red = {"type": "cell", "criteria": ">", "value": 0, "format": self.red}
        sheet.conditional_format(1, 9, max(len(factors), 1), 9, red)
        for row, factor in enumerate(factors, start=1):
            self.text(sheet, row, 0, factor.name)
            sheet.write_number(row, 1, factor.founders, self.whole)
            values = (factor.min, factor.q1, factor.median, factor.q3, factor.max, factor.mean)
            for column, value in enumerate((*values, factor.target), start=2):
                self.number(sheet, row, column, value, self.score)
            sheet.write_number(row, 9, factor.below_target, self.whole)
            self.number(sheet, row, 10, factor.shortfall, self.score)
