"""The founder's one-pager as a self-contained HTML file, to share with mentors and
investors: drawn from the same plain-words view as the terminal and Markdown reports, through
an autoescaping Jinja2 template (`templates/onepager.html.j2`), with the factor chart drawn
as inline SVG by `svg`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from founder_check.base.i18n import Texts
from founder_check.content.models import Lang
from founder_check.report import svg
from founder_check.report.html_words import word
from founder_check.report.labels import aside, field, joined, label
from founder_check.report.templating import drawn, environment, html_lang
from founder_check.report.view import FactorView, ReportView


def view_html(view: ReportView, *, plan_left_out: bool = False) -> str:
    """The whole page, in the view's language. `plan_left_out`: the scorecard was made
    without its plan to the next level (a cohort's), which the page then says."""
    lang = view.lang
    heading = view.company or view.founder or view.title
    subject = [view.founder] if view.company and view.founder else []
    subject.append(field("stage", lang) + view.stage)
    template = environment().get_template("onepager.html.j2")
    return template.render(
        view=view,
        plan_left_out=plan_left_out,
        html_lang=html_lang(lang),
        page_title=word("page_title", lang, who=view.who) if view.who else view.title,
        heading=heading,
        subject=" · ".join(subject),
        chart=factor_chart(view.factors_in_order, lang),
        factor_bars=[drawn(svg.score_bar(f.score, f.target)) for f in view.factors],
        label=_words(label, lang),
        word=_words(word, lang),
        term=lambda key: field(key, lang),
        aside=lambda text: aside(text, lang),
        joined=lambda texts: joined(texts, lang),
    )


def factor_chart(factors: list[FactorView], lang: Lang) -> Markup:
    """The factor scores against the stage's targets: a radar from three factors on, bars
    below that (a content folder may define fewer), nothing without factors."""
    axes = [
        svg.Axis(
            label=factor.name,
            value=factor.score,
            target=factor.target,
            note=_note(factor, lang),
        )
        for factor in factors
    ]
    title = word("chart_title", lang)
    if len(axes) >= 3:
        return drawn(svg.radar(axes, title=title))
    if axes:
        return drawn(svg.bars(axes, title=title))
    return Markup("")


def _note(factor: FactorView, lang: Lang) -> str:
    """The figures under a spoke's name: score / target, or that nothing was answered."""
    if factor.score is None:
        return word("no_score", lang)
    if factor.target is None:
        return factor.score_text
    return f"{factor.score_text} / {factor.target_text}"


def _words(table: Texts, lang: Lang) -> Callable[..., str]:
    """A template's lookup of fixed words, bound to the page's language."""

    def lookup(key: str, **values: Any) -> str:
        return table(key, lang, **values)

    return lookup
