"""A scoring plan's arithmetic as straight-line Python, generated once per plan.

A founder's numbers are a few hundred float operations over some sixty questions. Run as
loops over the plan's tuples, most of the time goes to the loops themselves (iterators,
tuple unpacking, attribute and index lookups), not to the arithmetic. So `ScoringPlan`
writes each stage's arithmetic out as two functions, one statement per operation, with
the weights as constants and each factor's sums in local variables, and compiles them
once (`PlanCode`); `source` is the text, for reading and debugging.

The generated code does exactly the operations the rules describe (`engine`), in the same
order, so its results are the same to the last bit as the loops it replaces: float sums
are added one term at a time in question order, never regrouped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from founder_check.content.models import UNKNOWN
from founder_check.scoring.conditions import Test
from founder_check.scoring.valuation import AnswerValue

STRENGTH_VALUE = 0.8  # an answer worth this much or more is a strength


class Read(NamedTuple):
    """What `read` gives: each question's status (None for none yet) and answer value, the
    per-factor sums of weight x value and of weights over the real answers, the same with
    the "not sure" answers added (the same lists when there are none), and the stage
    weight the applicable questions could earn and the answers earned."""

    statuses: list[str | None]
    values: list[float | None]
    known_totals: list[float]
    known_weights: list[float]
    totals: list[float]
    weights: list[float]
    possible: float
    got: float


Ranked = list[tuple[float, str, int]]  # (-points, question id, question index)


@dataclass(frozen=True, slots=True)
class PlanQuestion:
    """One question as scored at the plan's stage."""

    id: str
    static: int  # 0 when the stage asks it, else why not (plan's _NOT_EXPECTED, _UNSCORED)
    when: Test | None
    terms: tuple[tuple[int, float], ...]  # (factor index, weight)
    stage_weights: tuple[float, ...]  # each weight times the stage's factor weight
    value_of: Callable[[AnswerValue], float]
    table: dict[str, float] | None  # single choice: option id -> value, looked up inline


@dataclass(frozen=True)
class PlanCode:
    """The compiled functions and the source they were compiled from."""

    read: Callable[[Mapping[str, AnswerValue]], Read]
    # (statuses, values, factor scores, factor weights, shares) -> gaps, strengths, unsorted
    rank: Callable[
        [Sequence[str | None], Sequence[float | None], Sequence[float | None], list[float], Any],
        tuple[Ranked, Ranked],
    ]
    source: str


class _Writer:
    """Source lines, and the objects the code names (functions, tables, odd numbers)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"UNKNOWN": UNKNOWN, "Read": Read}

    def line(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def bind(self, name: str, value: Any) -> str:
        self.names[name] = value
        return name

    def number(self, value: float) -> str:
        """A float as a literal that reads back as the same float (a name if it has none)."""
        if math.isfinite(value):
            return repr(float(value))
        return self.bind(f"_N{len(self.names)}", float(value))


def compile_plan_code(
    questions: Sequence[PlanQuestion],
    static_statuses: Sequence[str | None],
    factor_count: int,
    targets: Sequence[float | None],
) -> PlanCode:
    """Generate and compile the plan's `read` and `rank` functions."""
    writer = _Writer()
    _write_read(writer, questions, static_statuses, factor_count)
    writer.line(0, "")
    _write_rank(writer, questions, factor_count, targets)
    source = "\n".join(writer.lines) + "\n"
    namespace = dict(writer.names)
    exec(compile(source, "<scoring plan>", "exec"), namespace)
    return PlanCode(read=namespace["read"], rank=namespace["rank"], source=source)


def _sums(prefix: str, count: int) -> str:
    return "[" + ", ".join(f"{prefix}{factor}" for factor in range(count)) + "]"


def _write_read(
    w: _Writer,
    questions: Sequence[PlanQuestion],
    static_statuses: Sequence[str | None],
    factor_count: int,
) -> None:
    """`read(values)`: each question's status and value, and the sums per factor."""
    w.bind("STATIC", tuple(static_statuses))
    w.line(0, "def read(values):")
    w.line(1, "get = values.get")
    w.line(1, "st = list(STATIC)")
    w.line(1, f"va = [None] * {len(questions)}")
    for factor in range(factor_count):
        w.line(1, f"t{factor} = d{factor} = 0.0")
    w.line(1, "possible = got = 0.0")
    w.line(1, "unknown = False")
    # a `when` that fails makes the question not applicable, whatever the stage says
    for index, item in enumerate(questions):
        if item.when is not None:
            test = w.bind(f"W{index}", item.when)
            w.line(1, f"if not {test}(values, None, None):")
            w.line(2, f"st[{index}] = 'not_applicable'")
    for index, item in enumerate(questions):
        if not item.static:  # expected at this stage, and scored
            _write_answer(w, index, item)
    w.line(1, f"known_totals = {_sums('t', factor_count)}")
    w.line(1, f"known_weights = {_sums('d', factor_count)}")
    w.line(1, "if not unknown:")
    w.line(2, "return Read(st, va, known_totals, known_weights, known_totals, known_weights,")
    w.line(3, "possible, got)")
    # "not sure" answers count in the factors (after the real ones), not in the rules
    for index, item in enumerate(questions):
        if item.static or not item.terms:
            continue
        w.line(1, f"if st[{index}] == 'unknown':")
        w.line(2, f"v = va[{index}]")
        _write_terms(w, 2, item)
    w.line(1, "return Read(st, va, known_totals, known_weights,")
    w.line(2, f"{_sums('t', factor_count)}, {_sums('d', factor_count)}, possible, got)")


def _write_answer(w: _Writer, index: int, item: PlanQuestion) -> None:
    """Read one question's answer: its status and value, and its sums if it is real."""
    depth = 1
    w.line(depth, f"# {item.id!r}")
    if item.when is not None:
        w.line(depth, f"if st[{index}] is None:")
        depth += 1
    for stage_weighted in item.stage_weights:  # one by one, as the rules add them
        w.line(depth, f"possible += {w.number(stage_weighted)}")
    w.line(depth, f"raw = get({item.id!r})")
    w.line(depth, "if raw is None:")
    w.line(depth + 1, f"st[{index}] = 'skipped'")
    w.line(depth, "else:")
    depth += 1
    value_of = w.bind(f"V{index}", item.value_of)
    if item.table is not None:
        table = w.bind(f"T{index}", item.table)
        w.line(depth, f"v = {table}.get(raw, 0.0) if raw.__class__ is str else {value_of}(raw)")
    else:
        w.line(depth, f"v = {value_of}(raw)")
    w.line(depth, f"va[{index}] = v")
    w.line(depth, "if raw == UNKNOWN:")
    w.line(depth + 1, f"st[{index}] = 'unknown'")
    w.line(depth + 1, "unknown = True")
    w.line(depth, "else:")
    w.line(depth + 1, f"st[{index}] = 'answered'")
    for stage_weighted in item.stage_weights:
        w.line(depth + 1, f"got += {w.number(stage_weighted)}")
    _write_terms(w, depth + 1, item)


def _write_terms(w: _Writer, depth: int, item: PlanQuestion) -> None:
    """Add the answer's value `v` to the sums of the question's factors."""
    for factor, weight in item.terms:
        w.line(depth, f"t{factor} += {w.number(weight)} * v")
        w.line(depth, f"d{factor} += {w.number(weight)}")


def _write_rank(
    w: _Writer,
    questions: Sequence[PlanQuestion],
    factor_count: int,
    targets: Sequence[float | None],
) -> None:
    """`rank(...)`: the real answers below the best in a factor under its target, with the
    overall points the best answer would add, and the answers worth a strength, with the
    points they add; both as (-points, id, index), for the caller to sort."""
    w.line(0, "def rank(st, va, scores, weights, share):")
    if factor_count:
        factors = ", ".join(f"{{0}}{factor}" for factor in range(factor_count))
        w.line(1, f"{factors.format('c')}, = scores")
        w.line(1, f"{factors.format('d')}, = weights")
        w.line(1, f"{factors.format('s')}, = share")
    below = set()
    for factor, target in enumerate(targets):
        if target is not None:
            below.add(factor)
            w.line(1, f"b{factor} = c{factor} is not None and {w.number(target)} - c{factor} > 0")
    w.line(1, "gaps = []")
    w.line(1, "strengths = []")
    for index, item in enumerate(questions):
        if item.static:
            continue
        w.line(1, f"if st[{index}] == 'answered':")
        w.line(2, f"v = va[{index}]")
        points = _points(w, item, "v")
        w.line(2, f"if v >= {STRENGTH_VALUE!r}:")
        w.line(3, f"strengths.append((-({points}), {item.id!r}, {index}))")
        under = [f"b{factor}" for factor, _ in item.terms if factor in below]
        if under:
            shortfall = _points(w, item, "(1.0 - v)")
            w.line(2, f"if v < 1.0 and ({' or '.join(under)}):")
            w.line(3, f"gaps.append((-round({shortfall}, 2), {item.id!r}, {index}))")
    w.line(1, "return gaps, strengths")


def _points(w: _Writer, item: PlanQuestion, value: str) -> str:
    """The overall points of `value` in the question's factors, summed from 0.0 term by
    term: 100 x weight x value / the factor's weights x the factor's share."""
    terms = "".join(
        f" + {w.number(100.0 * weight)} * {value} / d{factor} * s{factor}"
        for factor, weight in item.terms
    )
    return f"0.0{terms}"
