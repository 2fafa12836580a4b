"""index.html: the cohort at a glance for the program team, one self-contained page.

The ranking (linked to each founder's one-pager), each factor's spread across the cohort
against the stage's target (inline SVG), the gaps that cost the cohort most, the red flags
and the inputs not used, with links to the files that hold everything. Drawn through the
one-pager's autoescaping Jinja2 environment and base template, so founders' names are
always text, and with no script and nothing fetched.

Its size is bounded whatever the cohort's: the ranking lists every founder up to
`LEAGUE_ALL`, else the `LEAGUE_TOP` best and the `LEAGUE_BOTTOM` last (the workbook and
cohort.csv hold all), and each factor's plot draws at most `STRIP_DOTS` founders, evenly
spread through the scores. A cohort of 10,000 makes a page of about 260 KB.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from founder_check._version import __version__
from founder_check.base.i18n import Texts
from founder_check.cohort.aggregate import CohortStats
from founder_check.cohort.dashboard_words import word
from founder_check.cohort.export import COHORT_CSV, COHORT_JSON, REJECTED_CSV
from founder_check.cohort.inputs import Rejection
from founder_check.cohort.models import FactorStats
from founder_check.cohort.onepagers import page_href
from founder_check.cohort.scored import ScoredCohort
from founder_check.cohort.store import FounderStore, StoredFounder
from founder_check.content.models import SEVERITY_RANK, Content, Lang
from founder_check.report import svg
from founder_check.report.labels import aside, colon, field, joined, label
from founder_check.report.templating import drawn, environment, html_lang
from founder_check.report.view import chapter_titles

INDEX_HTML = "index.html"
LEAGUE_ALL = 500
LEAGUE_TOP = 200
LEAGUE_BOTTOM = 50
STRIP_DOTS = 240
REJECTED_SHOWN = 5


@dataclass(frozen=True)
class LeagueRow:
    rank: int
    founder: str
    company: str
    stage: str
    level: str
    level_class: str  # level-0 (lowest) .. level-3 (highest): the badge's shade
    overall: float
    flags: int
    worst: str | None  # the most severe red flag's severity
    href: str | None  # the one-pager, relative to the report folder


@dataclass(frozen=True)
class League:
    top: list[LeagueRow]
    bottom: list[LeagueRow]  # empty unless the cohort is cut
    hidden: int  # founders between `top` and `bottom`, not listed


@dataclass(frozen=True)
class FactorRow:
    stats: FactorStats
    plot: Markup
    stage_targets: str  # each stage's own target, when the founders' stages differ


@dataclass(frozen=True)
class FlagRow:
    severity: str
    severity_label: str
    title: str
    founders: int


@dataclass(frozen=True)
class RejectedRow:
    where: str
    reason: str


def league_cut(size: int) -> tuple[int, int]:
    """How many of the best and of the last founders the ranking lists: every founder up
    to LEAGUE_ALL, else the LEAGUE_TOP best and the LEAGUE_BOTTOM last."""
    if size <= LEAGUE_ALL:
        return size, 0
    return LEAGUE_TOP, LEAGUE_BOTTOM


def dashboard_html(cohort: ScoredCohort, *, stage_option: str | None, onepagers: bool) -> str:
    """The whole page, in the cohort's language."""
    content, lang, store, stats = cohort.content, cohort.lang, cohort.store, cohort.stats
    rejected, generated_at = cohort.rejected, cohort.generated_at
    size = stats.size
    stages: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    flagged = 0
    for founder in store:
        stages[founder.stage] += 1
        levels[founder.level] += 1
        flagged += bool(founder.red_flags)
    league = _league(content, lang, store, cohort.order, stats, onepagers)
    median = stats.overall_median()
    template = environment().get_template("cohort.html.j2")
    return template.render(
        html_lang=html_lang(lang),
        size=size,
        date=(generated_at or "")[:10],
        stage_mix=_stage_mix(content, lang, stages, stage_option),
        level_mix=[
            (level.name.get(lang), levels[level.id], _level_class(place, len(content.levels)))
            for place, level in enumerate(content.levels)
        ],
        median=median,
        flagged=flagged,
        rejected_total=len(rejected),
        rejected_rows=[_rejected_row(r, lang) for r in rejected[:REJECTED_SHOWN]],
        league=league,
        onepagers=onepagers,
        factor_rows=_factor_rows(content, lang, stats, cohort.factors, stages),
        mixed_stages=len(stages) > 1,
        one_stage=_one_stage(content, lang, stages),
        sampled=size > STRIP_DOTS,
        dots=STRIP_DOTS,
        gaps=cohort.shared_gaps,
        flag_rows=[
            FlagRow(f.severity, label("severity_" + f.severity, lang), f.title, f.founders)
            for f in cohort.red_flags
        ],
        files={"xlsx": "cohort.xlsx", "csv": COHORT_CSV, "json": COHORT_JSON},
        rejected_csv=REJECTED_CSV,
        footer=(
            f"{field('content', lang)}{content.name} {content.version} · "
            f"founder-check {__version__}"
        ),
        label=_words(label, lang),
        word=_words(word, lang),
        term=lambda key: _term(key, lang),
        aside=lambda text: aside(text, lang),
        joined=lambda texts: joined(texts, lang),
        titles=lambda chapters: chapter_titles(chapters, lang),
        colon=colon(lang),
        number=_number,
        score=_score,
    )


def _words(table: Texts, lang: Lang) -> Callable[..., str]:
    """A template's lookup of fixed words, bound to the page's language."""

    def lookup(key: str, **values: Any) -> str:
        return table(key, lang, **values)

    return lookup


def _term(key: str, lang: Lang) -> str:
    """A word before its value on the same line ("Stages: "): the page's own, or a label."""
    if key in word:
        return word(key, lang) + colon(lang)
    return field(key, lang)


def _number(value: int) -> str:
    """A count with thousands separators: 10,000."""
    return f"{value:,}"


def _score(value: float | None) -> str:
    """A score as the page shows it: one decimal, a dash for none."""
    return "—" if value is None else f"{value:.1f}"


def _level_class(place: int, count: int) -> str:
    """The shade of a level's badge, from level-0 (the lowest) to level-3 (the highest)."""
    return f"level-{round(3 * place / (count - 1)) if count > 1 else 3}"


def _stage_mix(content: Content, lang: Lang, stages: Counter[str], stage_option: str | None) -> str:
    """The founders' stages, most common first: "Seed 8 · Series A 4"."""
    if stage_option is not None and stage_option in content.stage_by_id:
        name = content.stage_by_id[stage_option].name.get(lang)
        return word("stage_all", lang, stage=name)
    order = {stage.id: place for place, stage in enumerate(content.stages)}
    ranked = sorted(stages.items(), key=lambda item: (-item[1], order.get(item[0], 0)))
    return " · ".join(
        word("stage_count", lang, stage=content.stage_by_id[stage].name.get(lang), count=count)
        for stage, count in ranked
    )


def _one_stage(content: Content, lang: Lang, stages: Counter[str]) -> str:
    """The one stage every founder is at, by name; empty when they differ."""
    if len(stages) != 1:
        return ""
    (stage,) = stages
    return content.stage_by_id[stage].name.get(lang)


def _league(
    content: Content,
    lang: Lang,
    store: FounderStore,
    order: Sequence[int],
    stats: CohortStats,
    onepagers: bool,
) -> League:
    size = len(order)
    top, bottom = league_cut(size)
    levels = {level.id: place for place, level in enumerate(content.levels)}

    def row(index: int) -> LeagueRow:
        return _league_row(content, lang, store.get(index), stats, levels, onepagers)

    return League(
        top=[row(index) for index in order[:top]],
        bottom=[row(index) for index in order[size - bottom :]] if bottom else [],
        hidden=size - top - bottom,
    )


def _league_row(
    content: Content,
    lang: Lang,
    founder: StoredFounder,
    stats: CohortStats,
    levels: dict[str, int],
    onepagers: bool,
) -> LeagueRow:
    level = content.level_by_id[founder.level]
    worst = min(
        (severity for _, severity in founder.red_flags),
        key=SEVERITY_RANK.__getitem__,
        default=None,
    )
    return LeagueRow(
        rank=stats.rank(founder.index),
        founder=founder.founder or label("cohort_unnamed", lang),
        company=founder.company or "",
        stage=content.stage_by_id[founder.stage].name.get(lang),
        level=level.name.get(lang),
        level_class=_level_class(levels.get(founder.level, 0), len(content.levels)),
        overall=founder.overall,
        flags=len(founder.red_flags),
        worst=worst,
        href=page_href(founder.scorecard) if onepagers and founder.scorecard else None,
    )


def _factor_rows(
    content: Content,
    lang: Lang,
    stats: CohortStats,
    factors: Sequence[FactorStats],
    stages: Counter[str],
) -> list[FactorRow]:
    rows = []
    for position, factor in enumerate(factors):
        counts = stats.factor_counts[position]
        plot = svg.box_strip(counts, target=factor.target, width=300, height=30, dots=STRIP_DOTS)
        rows.append(FactorRow(factor, drawn(plot), _stage_targets(content, lang, factor, stages)))
    return rows


def _stage_targets(content: Content, lang: Lang, factor: FactorStats, stages: Counter[str]) -> str:
    """Each stage's own target on the factor ("Seed 55 · Series A 65"), when the founders'
    stages differ and so do their targets."""
    if len(stages) < 2:
        return ""
    ordered = [stage for stage in content.stages if stage.id in stages]
    targets = [(s.name.get(lang), s.targets.get(factor.id)) for s in ordered]
    if len({target for _, target in targets}) < 2:
        return ""
    return " · ".join(
        word("stage_target", lang, stage=name, target=target)
        for name, target in targets
        if target is not None
    )


def _rejected_row(rejection: Rejection, lang: Lang) -> RejectedRow:
    where = rejection.source
    if rejection.row is not None:
        row = label("cohort_row", lang, row=rejection.row)
        where = label("cohort_input_row", lang, source=where, row=row)
    if not rejection.problems:
        return RejectedRow(where, "")
    problem = rejection.problems[0]
    place = [label("cohort_line", lang, line=problem.line)] if problem.line is not None else []
    if problem.field:
        place.append(problem.field)
    reason = problem.message
    if place:
        reason = label("cohort_place", lang, place=label("cohort_place_join", lang).join(place))
        reason += problem.message
    return RejectedRow(where, reason)
