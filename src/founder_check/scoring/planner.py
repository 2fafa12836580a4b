"""Next steps: the fewest answer changes that take a founder to the next readiness level.

Computed from the answers and the content alone (no plan written per profile), greedily:
1. meet each missing must-have of the next level (and of those below it) with the smallest
   improvement that meets it;
2. clear each red flag that caps the level below it, with the smallest improvement that
   makes its rule false;
3. close what is left of the score gap, each time with the change that adds the most
   overall points (the last one with the smallest change that closes it).
A change is always to a strictly better answer (or from skipped or "not sure" to a real
one), to a scored question that is asked (its `when` holds); questions expected only at a
later stage are changed only where a must-have names them, and count for no points.
Better answers never lower the score or the level (at most they turn a red flag into a
milder one), so every step only helps; a real answer replacing "not sure" that would reveal
a red flag is never proposed. Should the greedy path fall short, the remaining questions
are raised to their best answer, most points first, until the level is reached.

What-if answers are weighed with `standing` (the engine's numbers without a scorecard); the
finished plan is confirmed with the engine itself (`measure`, passed in by the engine, which
imports this module). The steps are ordered by the points each adds, most first, measured
with the steps applied in that order, so that they add up to the whole gain.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import (
    NO,
    UNKNOWN,
    YES,
    Condition,
    Content,
    Lang,
    Question,
    Stage,
)
from founder_check.scoring.conditions import Test, compile_condition, questions_in
from founder_check.scoring.scorecard import JsonAnswer, LevelName, PlanStep
from founder_check.scoring.standing import Model, Scores, State, model
from founder_check.scoring.valuation import AnswerValue, answer_label, value_function

Values = Mapping[str, AnswerValue]
Measure = Callable[[dict[str, AnswerValue]], tuple[float, str]]
"""The engine's exact overall score and level id for answers: scoring without a plan."""

MAX_ROUNDS = 4  # rounds of the three phases before falling back on raising everything
MAX_ORDER_TRIALS = 100  # trial changes looking for an order of falling points (4 steps: all)
_SAME = 1e-9  # two overall scores closer than this are equal (summation order aside)

_word = Texts(phrase("skipped", "Not answered"))


class _Answer(NamedTuple):
    """One real answer to a question: typed, its value and (numbers) the number."""

    typed: AnswerValue
    value: float
    number: float | None = None


class _Candidate(NamedTuple):
    """A question the plan may change: asked, scored, and counting in the score or not."""

    question: Question
    value_of: Callable[[AnswerValue], float]
    counts: bool  # False: expected only at a later stage; changed only for a must-have


def next_steps(
    content: Content,
    values: Mapping[str, AnswerValue],
    stage: Stage,
    lang: Lang,
    *,
    level: str,
    overall: float,
    measure: Measure,
) -> tuple[list[PlanStep], LevelName | None]:
    """The plan from the level told (`level`, at `overall`) to the one above it.

    Empty, with no next level, at the top of the ladder (or if no answers could reach it).
    """
    rules = model(content, stage)
    ranks = {item.id: index for index, item in enumerate(rules.levels)}
    told = ranks[level]
    if told + 1 >= len(rules.levels):
        return [], None
    start = rules.state(dict(values))
    planner = _Planner(content, rules, start)
    done = planner.run()
    agrees = start.standing.level == told and abs(start.standing.overall - overall) < _SAME
    if not (agrees and done and _confirmed(done, start.values, measure, ranks)):
        # the model and the engine disagree: let the engine's numbers decide
        done = planner.run_with_engine(done or [], measure, ranks, told)
    if not done:
        return [], None
    return _steps(content, lang, start.values, overall, done, told)


class _Done(NamedTuple):
    """A step of the finished plan, with the overall score and level once it is made."""

    question: str
    answer: AnswerValue
    overall: float
    level: int


class _Planner:
    """One founder's search: the answers now, the questions it may change."""

    def __init__(self, content: Content, rules: Model, start: State) -> None:
        self.content = content
        self.rules = rules
        self.start = start
        self.detoured = False  # whether the search took more than one round of its phases
        values = start.values
        self.pool = {
            candidate.question.id: candidate
            for candidate, when in _candidates(content, rules)
            if when is None or when(values, None, None)
        }

    def run(self) -> list[_Done] | None:
        """The plan's changes in order, each with the standing after it; None: no plan."""
        start = self.start
        target = start.standing.level + 1
        work = self._search(start, target)
        if work is None:
            return None
        changes: Values = {q: a for q, a in work.values.items() if start.values.get(q) != a}
        alone = {
            q: self.rules.change(start, q, a).standing.overall - start.standing.overall
            for q, a in changes.items()
        }
        if self.detoured:
            changes = self._prune(changes, alone, target)
        return self._order(changes, alone)

    def run_with_engine(
        self, planned: list[_Done], measure: Measure, ranks: dict[str, int], told: int
    ) -> list[_Done] | None:
        """The fallback when the model and the engine disagree: the model's plan (or none),
        then every remaining question raised to its best, most points first, each step
        measured by the engine, until the engine finds the next level."""
        steps = [(item.question, item.answer) for item in planned]
        taken = {item.question for item in planned}
        steps += [step for step in self._raises(self._final(planned)) if step[0] not in taken]
        values = dict(self.start.values)
        done = []
        for question_id, answer in steps:
            values[question_id] = answer
            after, level = measure(values)
            done.append(_Done(question_id, answer, after, ranks[level]))
            if ranks[level] > told:
                return done
        return None

    def _final(self, planned: list[_Done]) -> State:
        state = self.start
        for item in planned:
            state = self.rules.change(state, item.question, item.answer)
        return state

    # --- the search -------------------------------------------------------------------

    def _search(self, work: State, target: int) -> State | None:
        rules = self.rules
        minimum = rules.levels[target].min_score
        self.detoured = False
        for round_ in range(MAX_ROUNDS):
            if work.standing.level >= target:
                return work
            self.detoured = round_ > 0
            for condition in rules.unmet(work.standing, target):
                work = self._satisfy(work, condition, want=True)
            for flag in rules.blocking(work.standing, target):
                work = self._satisfy(work, flag.condition, want=False)
            banned: set[str] = set()
            while work.standing.level < target and work.standing.overall < minimum:
                pick = self._most_points(work, minimum - work.standing.overall, banned)
                if pick is None:
                    break
                after = rules.change(work, *pick)
                if not after.standing.flags <= work.standing.flags:  # "not sure" made real
                    banned.add(pick[0])
                    continue
                work = after
        if work.standing.level >= target:
            return work
        self.detoured = True
        for question_id, answer in self._raises(work):
            work = rules.change(work, question_id, answer)
            if work.standing.level >= target:
                return work
        return None

    def _satisfy(self, work: State, condition: Condition, *, want: bool) -> State:
        """Change answers, smallest improvement first, until `condition` holds (`want`) or
        no longer holds; stop where no single change brings it closer."""
        relevant = self._relevant(condition)
        factors = any(node.factor is not None for node in condition.walk())
        distance = self._distance(condition, want, work.values, work.standing.known)
        while distance > 0:
            best: tuple[float, float, float, int] | None = None
            chosen: tuple[str, AnswerValue] | None = None
            for order, question_id in enumerate(relevant):
                current = work.values.get(question_id)
                fresh = current is None or current == UNKNOWN
                for answer in self._better(question_id, current):
                    trial = {**work.values, question_id: answer.typed}
                    known = (
                        self.rules.known_after(work, question_id, answer.typed)
                        if factors or fresh
                        else work.standing.known
                    )
                    after = self._distance(condition, want, trial, known)
                    if after >= distance or (fresh and self._reveals(trial, known, work)):
                        continue
                    key = (
                        after,
                        answer.value - self._value(question_id, current),
                        self._closeness(answer, current),
                        order,
                    )
                    if best is None or key < best:
                        best, chosen = key, (question_id, answer.typed)
            if chosen is None or best is None:
                return work
            work = self.rules.change(work, *chosen)
            distance = best[0]
        return work

    def _most_points(
        self, work: State, gap: float, banned: set[str]
    ) -> tuple[str, AnswerValue] | None:
        """The counting change that adds the most to the weighted mean; when some change
        closes the gap alone, the smallest such change instead."""
        mean = _Mean(self.rules, work)
        best: tuple[float, str, AnswerValue] | None = None
        closing: tuple[float, float, str, AnswerValue] | None = None
        for question_id, candidate in self.pool.items():
            if not candidate.counts or question_id in banned:
                continue
            current = work.values.get(question_id)
            better = self._better(question_id, current)
            if not better:
                continue
            old = None if current is None else candidate.value_of(current)
            # the gain grows with the value: the best answer (the nearest of equally good
            # ones) gains most, and the first answer that closes the gap is the smallest
            # change that does
            top = next(answer for answer in better if answer.value == better[-1].value)
            gain = mean.gain(question_id, old, top.value)
            if gain <= _SAME:
                continue
            if best is None or gain > best[0] + _SAME:
                best = (gain, question_id, top.typed)
            if gain < gap - _SAME:
                continue
            for answer in better:
                gain = mean.gain(question_id, old, answer.value)
                if gain >= gap - _SAME:
                    key = (gain, self._closeness(answer, current))
                    if closing is None or key < closing[:2]:
                        closing = (*key, question_id, answer.typed)
                    break
        if closing is not None:
            return closing[2], closing[3]
        return None if best is None else (best[1], best[2])

    def _raises(self, work: State) -> list[tuple[str, AnswerValue]]:
        """The fallback: every question the plan may change, to its best answer, most points
        first (questions a must-have names, but that count for nothing yet, last)."""
        mean = _Mean(self.rules, work)
        raises = []
        for question_id, candidate in self.pool.items():
            current = work.values.get(question_id)
            better = self._better(question_id, current)
            if not better:
                continue
            best = max(better, key=lambda a: a.value)
            old = None if current is None else candidate.value_of(current)
            gain = mean.gain(question_id, old, best.value) if candidate.counts else -math.inf
            raises.append((gain, question_id, best.typed))
        raises.sort(key=lambda item: -item[0])
        return [(question_id, answer) for _, question_id, answer in raises]

    # --- answers and conditions -------------------------------------------------------

    def _better(self, question_id: str, current: AnswerValue | None) -> list[_Answer]:
        """The real answers strictly better than `current`, the smallest improvement first
        (kept on the content, but for numbers, which founders answer in endless ways)."""
        candidate = self.pool[question_id]
        number = candidate.question.kind == "number"
        key = ("planner-better", question_id, current)
        cached = None if number else self.content.memo.get(key)
        if cached is None:
            answers = _answers(self.content, candidate.question, current)
            if current is not None:
                floor = candidate.value_of(current)
                answers = [answer for answer in answers if answer.value > floor]
            cached = sorted(answers, key=lambda a: (a.value, self._closeness(a, current)))
            if not number:
                self.content.memo[key] = cached
        better: list[_Answer] = cached
        return better

    def _value(self, question_id: str, current: AnswerValue | None) -> float:
        return 0.0 if current is None else self.pool[question_id].value_of(current)

    @staticmethod
    def _closeness(answer: _Answer, current: AnswerValue | None) -> float:
        """How far a number moves (0 for other answers): the nearer, the easier."""
        if answer.number is None or not isinstance(current, (int, float)):
            return 0.0
        return abs(answer.number - float(current))

    def _relevant(self, condition: Condition) -> list[str]:
        """The questions a change could move the condition by: those it names, and those
        feeding a factor it tests."""
        named = [q for q in questions_in(condition) if q in self.pool]
        factors = {node.factor for node in condition.walk() if node.factor is not None}
        if factors:
            named += [
                question_id
                for question_id, candidate in self.pool.items()
                if candidate.counts
                and question_id not in named
                and not factors.isdisjoint(candidate.question.factors)
            ]
        return named

    def _distance(self, condition: Condition, want: bool, values: Values, known: Scores) -> float:
        """How far the condition is from holding (`want`) or from failing: 0 when there,
        else about the number of tests still to turn (a factor test by its shortfall)."""
        if condition.all_ is not None or condition.any_ is not None:
            children = condition.all_ if condition.all_ is not None else condition.any_
            assert children is not None
            parts = [self._distance(child, want, values, known) for child in children]
            every = (condition.all_ is not None) == want  # all must turn, or any one suffices
            return sum(parts) if every else min(parts)
        holds = compile_condition(condition, self.content).test(values, known, self.rules.stage)
        if holds == want:
            return 0.0
        if condition.factor is not None:
            score = known.get(condition.factor)
            limit = condition.below if condition.below is not None else condition.at_least
            if score is None or limit is None:
                return 1.0
            return 0.5 + min(0.5, abs(score - limit) / 200.0)
        return 1.0

    def _reveals(self, trial: Values, known: Scores, work: State) -> bool:
        """Whether a real answer in place of a skipped or "not sure" one raises a red flag
        (a fact that was not known can raise any)."""
        stage = self.rules.stage
        held = work.standing.flags
        return any(
            flag.id not in held and flag.test(trial, known, stage) for flag in self.rules.flags
        )

    # --- the finished plan ------------------------------------------------------------

    def _prune(self, changes: Values, alone: dict[str, float], target: int) -> Values:
        """Drop changes the level does not need, those adding the fewest points first: after
        a second round or the fallback, a later change can make an earlier one needless."""
        if len(changes) < 2:
            return changes
        for question_id in sorted(changes, key=lambda q: alone[q]):
            rest = {q: a for q, a in changes.items() if q != question_id}
            if self._apply(rest)[-1].level >= target:
                changes = rest
        return changes

    def _order(self, changes: Values, alone: dict[str, float]) -> list[_Done]:
        """The changes, most points first, measured as they are made one after another.

        Points depend on the order where steps work together (two answers that clear one
        red flag only together; flags whose points are capped): first by the points of each
        alone; if that order does not give falling points, a search for one that does, most
        points first (within `MAX_ORDER_TRIALS`); failing that, the most points at each step.
        """
        ordered = self._apply({q: changes[q] for q in sorted(changes, key=lambda q: -alone[q])})
        if _falling(ordered, self.start.standing.overall):
            return ordered
        found = self._falling_order(
            self.start, list(changes), math.inf, changes, [MAX_ORDER_TRIALS]
        )
        if found is not None:
            return found
        work = self.start
        result = []
        remaining = list(changes)
        while remaining:
            best: tuple[float, str, State] | None = None
            for question_id in remaining:
                after = self.rules.change(work, question_id, changes[question_id])
                gain = after.standing.overall - work.standing.overall
                if best is None or gain > best[0] + _SAME:
                    best = (gain, question_id, after)
            assert best is not None
            _, question_id, work = best
            result.append(_done(question_id, changes[question_id], work))
            remaining.remove(question_id)
        return result

    def _falling_order(
        self,
        state: State,
        remaining: list[str],
        ceiling: float,
        changes: Values,
        budget: list[int],
    ) -> list[_Done] | None:
        """An order of the `remaining` changes whose points never rise above `ceiling` nor
        from one step to the next, trying the larger steps first; None if there is none (or
        the budget of trial changes runs out)."""
        if not remaining:
            return []
        options = []
        for question_id in remaining:
            if budget[0] <= 0:
                return None
            budget[0] -= 1
            after = self.rules.change(state, question_id, changes[question_id])
            gain = after.standing.overall - state.standing.overall
            if gain <= ceiling + _SAME:
                options.append((gain, question_id, after))
        options.sort(key=lambda option: -option[0])
        for gain, question_id, after in options:
            rest = [q for q in remaining if q != question_id]
            tail = self._falling_order(after, rest, gain, changes, budget)
            if tail is not None:
                return [_done(question_id, changes[question_id], after), *tail]
        return None

    def _apply(self, changes: Values) -> list[_Done]:
        """The changes made one after another, in order, each with where it leaves the
        answers."""
        state = self.start
        result = []
        for question_id, answer in changes.items():
            state = self.rules.change(state, question_id, answer)
            result.append(_done(question_id, answer, state))
        return result


def _candidates(content: Content, rules: Model) -> list[tuple[_Candidate, Test | None]]:
    """Every scored question with the test of whether it is asked, built once per stage."""
    return content.remember(
        ("planner-candidates", rules.stage),
        lambda: [
            (
                _Candidate(question, value_function(question), question.id in rules.scored_by_id),
                None if question.when is None else compile_condition(question.when, content).test,
            )
            for question in content.questions
            if question.scored
        ],
    )


def _done(question_id: str, answer: AnswerValue, state: State) -> _Done:
    return _Done(question_id, answer, state.standing.overall, state.standing.level)


class _Mean:
    """The weighted mean of the factor scores, and what one changed answer does to it."""

    def __init__(self, rules: Model, state: State) -> None:
        self.rules = rules
        self.totals, self.weights = state.totals, state.weights
        factor_weights = rules.factor_weights
        self.scores = {
            f: (100.0 * self.totals[f] / w if w > 0 else None) for f, w in self.weights.items()
        }
        self.weight_sum = sum(factor_weights[f] for f, s in self.scores.items() if s is not None)
        self.weighted = sum(factor_weights[f] * s for f, s in self.scores.items() if s is not None)

    def gain(self, question_id: str, old: float | None, new: float) -> float:
        """Change of the weighted mean when the answer's value goes from `old` (None: not
        answered) to `new`."""
        item = self.rules.scored_by_id[question_id]
        factor_weights = self.rules.factor_weights
        weight_sum, weighted = self.weight_sum, self.weighted
        for factor_id, weight in item.terms:
            total = self.totals[factor_id] + weight * (new - (old or 0.0))
            denominator = self.weights[factor_id] + (weight if old is None else 0.0)
            before = self.scores[factor_id]
            if before is not None:
                weighted -= factor_weights[factor_id] * before
            else:
                weight_sum += factor_weights[factor_id]
            weighted += factor_weights[factor_id] * 100.0 * total / denominator
        mean_before = self.weighted / self.weight_sum if self.weight_sum > 0 else 0.0
        return weighted / weight_sum - mean_before


def _falling(ordered: list[_Done], before: float) -> bool:
    last = math.inf
    for item in ordered:
        gain = item.overall - before
        if gain > last + _SAME:
            return False
        last, before = gain, item.overall
    return True


def _confirmed(
    done: list[_Done], values: Mapping[str, AnswerValue], measure: Measure, ranks: dict[str, int]
) -> bool:
    """Whether the engine finds what the model found once every change is made."""
    final = dict(values)
    final.update({item.question: item.answer for item in done})
    overall, level = measure(final)
    return ranks[level] == done[-1].level and abs(overall - done[-1].overall) < _SAME


def _steps(
    content: Content,
    lang: Lang,
    values: Mapping[str, AnswerValue],
    before: float,
    done: list[_Done],
    told: int,
) -> tuple[list[PlanStep], LevelName | None]:
    """The plan as the scorecard holds it, each step's points counted from the overall
    score before it (`before`, then each step's)."""
    levels = content.levels
    steps = []
    for item in done:
        question = content.question_by_id[item.question]
        current = values.get(item.question)
        steps.append(
            PlanStep(
                question=item.question,
                text=question.text.get(lang),
                current=written(question, current),
                current_label=_label(question, current, lang),
                target=written(question, item.answer),
                target_label=_label(question, item.answer, lang),
                points=round(item.overall - before, 2),
                unlocks=levels[item.level].id if item.level > told else None,
                action=question.action.get(lang) if question.action is not None else "",
                horizon_days=question.horizon_days,
                chapters=list(question.chapters),
            )
        )
        before = item.overall
    level = levels[told + 1]
    return steps, LevelName(id=level.id, name=level.name.get(lang))


def written(question: Question, answer: AnswerValue | None) -> JsonAnswer:
    """An answer as an answers file writes it: option ids, yes/no, numbers, `unknown`."""
    if answer is None or answer == UNKNOWN:
        return answer
    if isinstance(answer, tuple):
        return list(answer)
    if isinstance(answer, bool):
        return YES if answer else NO
    if isinstance(answer, float) and answer.is_integer() and question.kind == "number":
        return int(answer)
    return answer


def _label(question: Question, answer: AnswerValue | None, lang: Lang) -> str:
    if answer is None:
        return _word("skipped", lang)
    return answer_label(question, answer, lang)


# --- the answers a question can take ------------------------------------------------------


def _answers(content: Content, question: Question, current: AnswerValue | None) -> list[_Answer]:
    """Every real answer worth trying (multiple choice: what can be added to `current`)."""
    if question.kind == "multi":
        return _multi_answers(question, current)
    key = ("planner-answers", question.id)
    return content.remember(key, lambda: _fixed_answers(content, question))


def _fixed_answers(content: Content, question: Question) -> list[_Answer]:
    kind = question.kind
    if kind == "single":
        return [_Answer(option.id, option.value) for option in question.options]
    if kind == "yesno":
        return [_Answer(True, question.yes_score), _Answer(False, question.no_score)]
    if kind == "scale" and question.scale is not None:
        span = question.scale.max - question.scale.min
        return [
            _Answer(point, (point - question.scale.min) / span)
            for point in range(question.scale.min, question.scale.max + 1)
        ]
    if kind == "number":
        return [
            _Answer(number, question.band_for(number).value, float(number))
            for number in _numbers(content, question)
        ]
    return []


def _numbers(content: Content, question: Question) -> list[int | float]:
    """Numbers worth proposing: each band's first number (and the last whole number below
    its end), and the thresholds the rules test, with their neighbours."""
    assert question.min is not None and question.max is not None
    found: set[float] = set()
    last = question.bands[-1]
    for band in question.bands:
        found.add(band.from_)
        if band is not last and band.to - 1 > band.from_:
            found.add(band.to - 1)
    for threshold in _thresholds(content).get(question.id, ()):
        found.update((threshold - 1, threshold, threshold + 1))
    numbers: list[int | float] = []
    for number in sorted(found):
        if question.integer:
            number = math.ceil(number)
        if not question.min <= number <= question.max:
            continue
        typed: int | float = int(number) if question.integer else float(number)
        if typed not in numbers:
            numbers.append(typed)
    return numbers


def _thresholds(content: Content) -> dict[str, set[float]]:
    """Question id -> the numbers that gates and red flags compare its answer with."""
    return content.remember(("planner-thresholds",), lambda: _find_thresholds(content))


def _find_thresholds(content: Content) -> dict[str, set[float]]:
    found: dict[str, set[float]] = {}
    conditions = [flag.when for flag in content.red_flags]
    conditions += [r.when for level in content.levels for r in level.requires]
    for condition in conditions:
        for node in condition.walk():
            for number in (node.lt, node.le, node.gt, node.ge):
                if node.question is not None and number is not None:
                    found.setdefault(node.question, set()).add(number)
    return found


def _multi_answers(question: Question, current: AnswerValue | None) -> list[_Answer]:
    """The options chosen now (none if an exclusive one or "not sure") plus any one more, and
    plus as many more, most valuable first, as it takes to reach the best value."""
    plain = [option for option in question.options if not option.exclusive]
    chosen = set(current) if isinstance(current, tuple) else set()
    if any(option.exclusive for option in question.options if option.id in chosen):
        chosen = set()
    base = [option for option in plain if option.id in chosen]
    value = min(1.0, sum(option.value for option in base))
    others = [option for option in plain if option.id not in chosen]
    order = [option.id for option in question.options]

    def answer(extra: Iterable[str]) -> _Answer:
        ids = sorted({*chosen, *extra}, key=order.index)
        total = sum(option.value for option in plain if option.id in ids)
        return _Answer(tuple(ids), min(1.0, total))

    answers = [answer([option.id]) for option in others]
    top = min(1.0, value + sum(option.value for option in others))
    added: list[str] = []
    for option in sorted(others, key=lambda o: -o.value):
        if min(1.0, value + sum(o.value for o in plain if o.id in added)) >= top:
            break
        added.append(option.id)
    if len(added) > 1:
        answers.append(answer(added))
    return answers
