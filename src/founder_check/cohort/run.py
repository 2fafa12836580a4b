"""`founder-check cohort`: read every input, score each founder, write the report.

The flow is one pass over the inputs (each founder read, scored, counted, its scorecard
and one-pager spooled by the process that scored it), then the cohort's statistics, then
the files: each founder's scorecard finished with its place in the cohort, texts.json (the texts the
compact scorecards refer to by id), cohort.csv, rejected.csv,
cohort.xlsx, index.html, the scorecards and onepagers folders moved into place, and
cohort.json last (its presence means the run finished). A bad input is a rejection, never
a stop, unless `--strict`; each is kept trimmed to its first problems, told in `--lang`
(`rejections`). Every file is written into a work
folder and moved into `--out` only when all are complete (`outdir`): a run that fails leaves
`--out` as it was.
"""

from __future__ import annotations

import functools
import os
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from founder_check._version import __version__
from founder_check.base import readers
from founder_check.base.atomic import flush_folder, write_chunks_atomic, write_text_atomic
from founder_check.base.data import to_data
from founder_check.base.errors import FounderCheckError, Problem
from founder_check.base.messages import Message
from founder_check.cohort import export
from founder_check.cohort.aggregate import CohortStats, CohortTally, FounderOutcome
from founder_check.cohort.background import Background
from founder_check.cohort.hashes import HashSet, hash64
from founder_check.cohort.inputs import Discovery, Rejection, count_inputs, discover, iter_items
from founder_check.cohort.mapping import CsvMapping, SheetReading, norm
from founder_check.cohort.models import (
    COHORT_SCHEMA_VERSION,
    MIN_COHORT_FOR_PERCENTILES,
)
from founder_check.cohort.onepagers import ONEPAGERS, page_name
from founder_check.cohort.outdir import OutFolder, open_out_folder
from founder_check.cohort.process import PART_PREFIX, CardTask, Settings, Workers
from founder_check.cohort.rejections import RejectionLimiter, readable
from founder_check.cohort.render import CohortView, render
from founder_check.cohort.scored import ScoredCohort
from founder_check.cohort.store import FounderStore, StoredFounder
from founder_check.content.models import Content, Lang

PROGRESS_MIN = 200
_REDRAW_SECONDS = 0.1  # the progress bar's
AUTO_JOBS_MIN = 200  # below this, starting worker processes costs more than they save

_Outcome = FounderOutcome | Rejection  # what the workers give back for each input


@dataclass(frozen=True)
class CohortOptions:
    inputs: tuple[Path, ...]
    out: Path | None = None
    sheets: SheetReading = field(default_factory=SheetReading)  # how CSV inputs are read
    lang: Lang = "en"
    stage: str | None = None
    strict: bool = False
    jobs: int = 0  # 0: one per CPU when there are at least AUTO_JOBS_MIN inputs, else 1
    rows: int = 30
    generated_at: str | None = None
    onepagers: bool = True  # with `out`: each founder's HTML one-pager in onepagers/


class _Duplicates:
    """Founders already scored, by (founder, company); founders without a name are not compared.

    Keeps a 64-bit hash per founder (not the names), so memory stays flat for large cohorts.
    """

    def __init__(self) -> None:
        self._seen = HashSet()
        self._by_index = array("Q")

    def first(self, outcome: FounderOutcome) -> int | None:
        """The index of the founder this one repeats, or None (then it is remembered)."""
        key = 0
        if outcome.founder:
            key = hash64(f"{norm(outcome.founder)}\x00{norm(outcome.company or '')}")
            if key in self._seen:
                return self._by_index.index(key)
            self._seen.add(key)
        self._by_index.append(key)
        return None


def _duplicate(outcome: FounderOutcome, first: StoredFounder) -> Rejection:
    founder = outcome.founder or ""
    who = Message("who", founder=founder)
    if outcome.company:
        who = Message("who_with_company", founder=founder, company=outcome.company)
    where: str = first.source
    if first.row is not None:
        where = Message("source_row", source=first.source, row=first.row)
    message = Message("duplicate_founder", who=who, where=where)
    problem = Problem(outcome.source, message, line=outcome.line)
    return Rejection(outcome.source, outcome.row, (problem,), duplicate=True)


def run_cohort(content: Content, options: CohortOptions, console: Any, err_console: Any) -> int:
    """Run the cohort; return the exit code (1 if any input was rejected, else 0)."""
    mapping = options.sheets.mapping(content)
    out = options.out
    # checked (and locked) before any input is read; the run builds its files in folder.work
    folder = open_out_folder(out) if out is not None else None
    try:
        code = _checked_run(content, options, mapping, folder, console, err_console)
    except BaseException:
        if folder is not None:
            folder.close(keep=False)
        raise
    if folder is not None:
        folder.close(keep=True)
    return code


def _checked_run(
    content: Content,
    options: CohortOptions,
    mapping: CsvMapping,
    folder: OutFolder | None,
    console: Any,
    err_console: Any,
) -> int:
    """The run; an OSError that escapes (a full disk, a folder made read-only meanwhile) is
    about the files being written, and is reported as such (inputs that cannot be read are
    rejections)."""
    discovery = discover(options.inputs, exclude=options.out)
    if not readers.HAVE_LIBYAML and any(s.kind != "csv" for s in discovery.sources):
        from founder_check.report.labels import label

        err_console.print(label("cohort_no_libyaml", options.lang), style="yellow")
    if options.strict and discovery.rejected:
        raise FounderCheckError(readable(discovery.rejected[0].problems, options.lang))
    try:
        with FounderStore(folder.work if folder is not None else None) as store:
            return _run(content, options, mapping, discovery, store, folder, console, err_console)
    except OSError as exc:
        where = exc.filename or (folder.path if folder is not None else tempfile.gettempdir())
        reason = f"cannot write: {exc.strerror or exc}"
        raise FounderCheckError(Problem(str(where), reason)) from None


def _run(
    content: Content,
    options: CohortOptions,
    mapping: CsvMapping,
    discovery: Discovery,
    store: FounderStore,
    folder: OutFolder | None,
    console: Any,
    err_console: Any,
) -> int:
    """Score every input; with an output folder (`--out`), write the report files too."""
    lang = options.lang
    cards = pages = None  # the folders that become scorecards/ and onepagers/
    if folder is not None:
        cards = folder.work / export.SCORECARDS
        cards.mkdir(mode=0o700)
        if options.onepagers:
            pages = folder.work / ONEPAGERS
            pages.mkdir(mode=0o700)
    settings = Settings(
        lang,
        options.stage,
        options.generated_at,
        str(cards) if cards is not None else None,
        str(pages) if pages is not None else None,
    )
    tally = CohortTally(content)
    with Workers(content, settings, _jobs(options.jobs, discovery)) as workers:
        founders = functools.partial(count_inputs, discovery)
        with _Progress(err_console, "cohort_progress_scoring", lang, founders) as progress:
            outcomes = _advancing(workers.score(iter_items(discovery, content, mapping)), progress)
            rejected = _count_in(
                outcomes, tally, store, discovery, options, named=cards is not None
            )
        scored = _scored_cohort(options, tally.finish(lang), store, rejected)
        workbook = None
        if folder is not None:
            workbook = _start_workbook(folder, scored, parallel=workers.jobs > 1)
        try:
            if cards is not None:
                tasks = _card_tasks(store, scored.stats, cards, pages)
                cards_total = functools.partial(len, store)
                with _Progress(err_console, "cohort_progress_writing", lang, cards_total) as bar:
                    for count in workers.finish(tasks):
                        bar.advance(count)
        except BaseException:
            if workbook is not None:
                workbook.cancel()
            raise
    files: list[str] = []
    if folder is not None and workbook is not None:
        files = _write_reports(options, scored, folder, workbook)
    render(_view(options, scored, files), console)
    return 1 if rejected else 0


def _advancing(outcomes: Iterator[_Outcome], progress: _Progress) -> Iterator[_Outcome]:
    for outcome in outcomes:
        progress.advance()
        yield outcome


def _count_in(
    outcomes: Iterator[_Outcome],
    tally: CohortTally,
    store: FounderStore,
    discovery: Discovery,
    options: CohortOptions,
    named: bool,
) -> list[Rejection]:
    """Count each founder scored in (`named`: with its scorecard's file name), or reject it
    as a repeat of one already counted; returns the rejections, each trimmed. The names and
    founders remembered to do so (a hash each) are dropped on return."""
    names = export.FileNames()
    duplicates = _Duplicates()
    limiter = RejectionLimiter(options.lang)
    rejected = [limiter.trim(rejection) for rejection in discovery.rejected]
    for outcome in outcomes:
        if isinstance(outcome, FounderOutcome):
            first = duplicates.first(outcome)
            if first is None:
                name = None
                if named:
                    name = names.allocate(
                        outcome.founder, outcome.company, outcome.source, outcome.row
                    )
                tally.add(outcome)
                store.add(outcome, name)
                continue
            outcome = _duplicate(outcome, store.get(first))
        if options.strict:
            raise FounderCheckError(readable(outcome.problems, options.lang))
        rejected.append(limiter.trim(outcome))
    rejected.sort(key=lambda r: (r.source, -1 if r.row is None else r.row))
    return rejected


def _scored_cohort(
    options: CohortOptions, stats: CohortStats, store: FounderStore, rejected: list[Rejection]
) -> ScoredCohort:
    return ScoredCohort(
        content=stats.tally.content,
        lang=options.lang,
        generated_at=options.generated_at,
        store=store,
        stats=stats,
        order=stats.rank_order(),
        rejected=rejected,
        factors=stats.factor_stats(),
        shared_gaps=stats.shared_gaps(),
        red_flags=stats.red_flag_counts(),
    )


def _start_workbook(folder: OutFolder, scored: ScoredCohort, parallel: bool) -> Background:
    """cohort.xlsx, the slowest file, written by a forked child (`background`) from the
    statistics on: while the workers finish the scorecards and this process writes the
    other files."""
    from founder_check.cohort.workbook import COHORT_XLSX, write_workbook

    return Background(write_workbook, folder.work / COHORT_XLSX, scored, parallel=parallel)


def _jobs(requested: int, discovery: Discovery) -> int:
    """`--jobs`; 0: one process per CPU when there are at least AUTO_JOBS_MIN founders."""
    if requested > 0:
        return requested
    cpus = os.cpu_count() or 1
    if cpus == 1 or count_inputs(discovery, stop_at=AUTO_JOBS_MIN) < AUTO_JOBS_MIN:
        return 1
    return cpus


def _card_tasks(
    store: FounderStore, stats: CohortStats, folder: Path, pages: Path | None
) -> Iterator[CardTask]:
    for founder in store:
        if founder.part is None or founder.scorecard is None:
            continue
        path = str(folder / founder.scorecard)
        tail = export.placement_tail(stats.placement(founder.index))
        page = str(pages / page_name(founder.scorecard)) if pages is not None else None
        yield CardTask(founder.part, path, tail, page)


def _write_reports(
    options: CohortOptions, scored: ScoredCohort, folder: OutFolder, workbook: Background
) -> list[str]:
    """cohort.csv, rejected.csv, index.html and cohort.json written beside the finished
    scorecards and one-pagers in the work folder, the `workbook` waited for, all flushed to
    disk, then moved into `--out` (cohort.json last: its presence means the run finished)."""
    import json
    import threading

    from founder_check.cohort.compact import TEXTS_FILE, cohort_texts
    from founder_check.cohort.dashboard import INDEX_HTML, dashboard_html
    from founder_check.cohort.workbook import COHORT_XLSX

    store, stats, rejected = scored.store, scored.stats, scored.rejected
    work = folder.work
    cards = work / export.SCORECARDS
    _remove_parts(cards)
    try:
        flushing = threading.Thread(target=flush_folder, args=(cards,), daemon=True)
        flushing.start()  # the scorecards go to disk while the CSV files are written
        export.write_cohort_csv(work / export.COHORT_CSV, store, scored.order, stats)
        export.write_rejected_csv(work / export.REJECTED_CSV, rejected)
        page = dashboard_html(scored, stage_option=options.stage, onepagers=options.onepagers)
        write_text_atomic(work / INDEX_HTML, page)
        texts = json.dumps(cohort_texts(scored.content, scored.lang), ensure_ascii=False, indent=2)
        write_text_atomic(work / TEXTS_FILE, texts + "\n")
        _write_cohort_json(work / export.COHORT_JSON, options, scored)
    except BaseException:
        workbook.cancel()
        raise
    workbook.join()
    flushing.join()
    names = [
        export.SCORECARDS,
        TEXTS_FILE,
        export.COHORT_CSV,
        export.REJECTED_CSV,
        COHORT_XLSX,
        INDEX_HTML,
    ]
    if options.onepagers:
        names.append(ONEPAGERS)
    # without one-pagers, an earlier run's are removed: they would be out of date
    dropped = [] if options.onepagers else [ONEPAGERS]
    folder.commit([*names, export.COHORT_JSON], drop=dropped)
    written = [
        INDEX_HTML,
        export.COHORT_JSON,
        export.COHORT_CSV,
        export.REJECTED_CSV,
        COHORT_XLSX,
        f"{export.SCORECARDS}/ ({len(store)})",
        TEXTS_FILE,
    ]
    if options.onepagers:
        written.append(f"{ONEPAGERS}/ ({len(store)})")
    return written


def _write_cohort_json(path: Path, options: CohortOptions, scored: ScoredCohort) -> None:
    """cohort.json: the cohort's figures, then every founder best first, then the inputs
    not used, written as it is produced."""
    content, stats = scored.content, scored.stats
    head = {
        "schema_version": COHORT_SCHEMA_VERSION,
        "tool": {"name": "founder-check", "version": __version__},
        "content": {"name": content.name, "version": content.version},
        "generated_at": options.generated_at,
        "lang": options.lang,
        "stage_option": options.stage,
        "min_size_for_percentiles": MIN_COHORT_FOR_PERCENTILES,
        "counts": _counts(stats, scored.rejected),
        "factors": to_data(scored.factors),
        "shared_gaps": to_data(scored.shared_gaps),
        "red_flags": to_data(scored.red_flags),
    }
    founders = (
        export.founder_entry(scored.store.get(i), stats, content, options.lang)
        for i in scored.order
    )
    rejected = (export.rejected_entry(r) for r in scored.rejected)
    write_chunks_atomic(path, export.cohort_json_chunks(head, founders, rejected))


def _remove_parts(cards: Path) -> None:
    """The spool files, once every scorecard and one-pager is written from them (one of a
    worker process that died holds founders that were scored again, and duplicates)."""
    with os.scandir(cards) as entries:
        for entry in entries:
            if entry.name.startswith(PART_PREFIX):
                os.unlink(entry.path)


def _counts(stats: CohortStats, rejected: list[Rejection]) -> dict[str, int]:
    return {
        "inputs": stats.size + len(rejected),
        "scored": stats.size,
        "rejected": len(rejected),
        "duplicates": sum(1 for r in rejected if r.duplicate),
    }


def _view(options: CohortOptions, scored: ScoredCohort, files: list[str]) -> CohortView:
    from founder_check.cohort.models import Counts

    content, lang = scored.content, scored.lang
    store, stats, rejected = scored.store, scored.stats, scored.rejected
    limit = options.rows or None
    flagged, flagged_total = stats.flagged(scored.order, limit)

    def entries(indices: Sequence[int]) -> list[dict[str, Any]]:
        return [export.founder_entry(store.get(i), stats, content, lang) for i in indices]

    return CohortView(
        lang=lang,
        content=f"{content.name} {content.version}",
        counts=Counts(**_counts(stats, rejected)),
        stage_option=options.stage,
        show_placement=stats.show_placement,
        min_size=MIN_COHORT_FOR_PERCENTILES,
        factor_names={f.id: f.name.get(lang) for f in content.factors},
        ranked=entries(scored.order[:limit]),
        factors=scored.factors,
        shared_gaps=scored.shared_gaps,
        red_flag_counts=scored.red_flags,
        flagged=entries(flagged),
        flagged_total=flagged_total,
        rejected=rejected[:limit],
        rejected_total=len(rejected),
        out_dir=str(options.out) if options.out is not None else None,
        files=files,
    )


class _Progress:
    """A progress bar on stderr, only when it is a terminal and there are enough steps: the
    `total` is counted only then. Drawn as steps advance, at most ten times a
    second, by this thread: rich's own refresh thread would make each later fork (workers
    replaced, the workbook's child) copy a process in which another thread may hold a lock."""

    def __init__(
        self, err_console: Any, label_key: str, lang: Lang, total: Callable[[], int]
    ) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._drawn = 0.0
        if not getattr(err_console, "is_terminal", False):
            return
        steps = total()
        if steps < PROGRESS_MIN:
            return
        from rich.progress import Progress

        from founder_check.report.labels import label

        self._bar = Progress(console=err_console, transient=True, auto_refresh=False)
        self._task = self._bar.add_task(label(label_key, lang), total=steps)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, count)
            now = time.monotonic()
            if now - self._drawn >= _REDRAW_SECONDS:
                self._bar.refresh()
                self._drawn = now

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
