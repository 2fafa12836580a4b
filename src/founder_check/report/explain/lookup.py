"""What an id in the content means and how it counts (`founder-check explain ID`).

`explain(content, item_id)` finds a question, factor, red flag, chapter reference
("002 §1.14.1"), stage or readiness level and returns plain JSON-ready data: how it is scored
or triggered, its options and values, the factors it feeds and its share of the overall
score, and its sources in the documents. Pure: no I/O; the CLI renders or prints it.
Content models are read by attribute only, so this works whatever class backs them.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from founder_check.base.data import to_data
from founder_check.base.errors import FounderCheckError, Problem
from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import Condition, Content, Lang, Question, Stage
from founder_check.scoring.condition_text import condition_text
from founder_check.scoring.valuation import unknown_label, unknown_value

KINDS = ("question", "factor", "red_flag", "chapter", "stage", "level")
MAX_SUGGESTIONS = 6
_CHAPTER = re.compile(r"^(\d{3})\s*(?:§|-|\s)\s*([0-9A-Za-z]+(?:\.[0-9]+)*)$")

Data = dict[str, Any]


class UnknownIdError(FounderCheckError):
    """The id names nothing in the content (exit code 1, with close matches)."""


def explain(content: Content, item_id: str, *, lang: Lang = "en", stage: str | None = None) -> Data:
    """Everything about one id; the first kind in `KINDS` wins, others go to `also`."""
    stage_model = content.stage_by_id[stage or content.default_stage]
    matches = find(content, item_id)
    if not matches:
        raise UnknownIdError(Problem("explain", _unknown_message(content, item_id)))
    kind, key = matches[0]
    data = _BUILDERS[kind](content, key, lang, stage_model)
    if len(matches) > 1:
        data["also"] = [{"kind": k, "id": i} for k, i in matches[1:]]
    return data


def find(content: Content, item_id: str) -> list[tuple[str, str]]:
    """Every (kind, key) the id names, in the order of `KINDS`."""
    text = item_id.strip()
    found: list[tuple[str, str]] = []
    if text in content.question_by_id:
        found.append(("question", text))
    if text in content.factor_by_id:
        found.append(("factor", text))
    if text in content.red_flag_by_id:
        found.append(("red_flag", text))
    ref = chapter_ref(text)
    if ref is not None and ref in content.chapter_by_ref:
        found.append(("chapter", ref))
    if text in content.stage_by_id:
        found.append(("stage", text))
    if text in content.level_by_id:
        found.append(("level", text))
    return found


def chapter_ref(text: str) -> str | None:
    """'002 §1.14.1', '002§1.14.1', '002 1.14.1' or '002-1.14.1' as '002 §1.14.1'."""
    match = _CHAPTER.match(text.strip())
    if match is None:
        return None
    return f"{match.group(1)} §{match.group(2).upper()}"


def all_ids(content: Content) -> list[str]:
    ids = [q.id for q in content.questions]
    ids += [f.id for f in content.factors]
    ids += [flag.id for flag in content.red_flags]
    ids += [chapter.ref for chapter in content.chapters]
    ids += [s.id for s in content.stages]
    ids += [level.id for level in content.levels]
    return ids


def suggestions(content: Content, item_id: str) -> list[str]:
    """Ids that look like the one given: containing it, or spelled close to it."""
    text = item_id.strip().lower()
    ids = all_ids(content)
    if not text:
        return []
    containing = [i for i in ids if text in i.lower()]
    close = difflib.get_close_matches(text, ids, n=MAX_SUGGESTIONS, cutoff=0.6)
    tails = {i.split(".", 1)[-1]: i for i in ids if "." in i}
    close += [tails[t] for t in difflib.get_close_matches(text, list(tails), n=3, cutoff=0.7)]
    return list(dict.fromkeys(containing + close))[:MAX_SUGGESTIONS]


def _unknown_message(content: Content, item_id: str) -> str:
    message = (
        f"{item_id!r} is not a question, factor, red flag, chapter, stage or level id "
        "(see 'founder-check questionnaire')"
    )
    close = suggestions(content, item_id)
    if close:
        message += "; did you mean: " + ", ".join(close) + "?"
    return message


# --- shares of the overall score --------------------------------------------------------


def scored_at(content: Content, question: Question, stage: Stage) -> bool:
    """Whether the question counts at this stage (scored, and its `from_stage` reached)."""
    if not question.scored:
        return False
    if question.from_stage is None:
        return True
    return content.stage_rank[question.from_stage] <= content.stage_rank[stage.id]


def factor_weights(content: Content, stage: Stage) -> dict[str, float]:
    return {f.id: stage.weights.get(f.id, f.weight) for f in content.factors}


def shares(content: Content, stage: Stage) -> dict[str, dict[str, float]]:
    """question id -> factor id -> share of the overall score (0-1) at the stage.

    Assumes every question scored at the stage is answered, conditional ones included, as
    the engine would then weigh them; the shares add up to 1.
    """
    denominators: dict[str, float] = {f.id: 0.0 for f in content.factors}
    for question in content.questions:
        if scored_at(content, question, stage):
            for factor_id, weight in question.factors.items():
                denominators[factor_id] += weight
    weights = factor_weights(content, stage)
    total = sum(w for f, w in weights.items() if denominators[f] > 0)
    result: dict[str, dict[str, float]] = {}
    for question in content.questions:
        if not scored_at(content, question, stage):
            continue
        result[question.id] = {
            factor_id: weight / denominators[factor_id] * weights[factor_id] / total
            for factor_id, weight in question.factors.items()
        }
    return result


# --- readable conditions ----------------------------------------------------------------

_word = Texts(
    phrase("rule_single", "the chosen option's value"),
    phrase("rule_multi", "the chosen options' values added up, at most 1"),
    phrase("rule_scale", "(answer - min) / (max - min)"),
    phrase("rule_number", "the value of the band the number falls in (from <= x < to)"),
    phrase("rule_yesno", "the value of yes or of no"),
    phrase("rule_text", "recorded, not scored"),
    phrase("kind_single", "single choice"),
    phrase("kind_multi", "multiple choice"),
    phrase("kind_scale", "scale"),
    phrase("kind_number", "number"),
    phrase("kind_yesno", "yes or no"),
    phrase("kind_text", "free text"),
    phrase("yes", "Yes"),
    phrase("no", "No"),
)


def condition_data(node: Condition) -> Data:
    """A condition as it is written in YAML (keyword fields get their file names back)."""
    data: Data = to_data(node, drop_none=True)
    return data


def _named(condition: Condition) -> tuple[set[str], set[str]]:
    """Question ids and factor ids a condition looks at."""
    questions: set[str] = set()
    factors: set[str] = set()
    for node in condition.walk():
        if node.question is not None:
            questions.add(node.question)
        if node.factor is not None:
            factors.add(node.factor)
    return questions, factors


# --- the kinds ------------------------------------------------------------------------------


def _chapters(content: Content, refs: tuple[str, ...], lang: Lang) -> list[Data]:
    result = []
    for ref in refs:
        chapter = content.chapter_by_ref.get(ref)
        if chapter is None:
            result.append({"ref": ref})
            continue
        result.append(
            {
                "ref": ref,
                "document": content.document_by_id[chapter.doc].title.get(lang),
                "title": chapter.title.get(lang),
            }
        )
    return result


def _stage_ref(stage: Stage, lang: Lang) -> Data:
    return {"id": stage.id, "name": stage.name.get(lang)}


def _answers(question: Question, lang: Lang) -> Data:
    """The possible answers with their values, the rule that turns one into a value, and
    (scored questions) what "not sure" is worth."""
    data = _real_answers(question, lang)
    if question.scored:
        data["unknown"] = {"label": unknown_label(lang), "value": unknown_value(question)}
    return data


def _real_answers(question: Question, lang: Lang) -> Data:
    kind = question.kind
    if kind in ("single", "multi"):
        options = [
            {
                "id": option.id,
                "label": option.label.get(lang),
                "value": option.value,
                **({"exclusive": True} if option.exclusive else {}),
            }
            for option in question.options
        ]
        return {"rule": _word(f"rule_{kind}", lang), "options": options}
    if kind == "scale" and question.scale is not None:
        scale = question.scale
        points = []
        for point, value in question.choices():
            label = scale.labels.get(int(point))
            points.append(
                {"id": point, "value": value, **({"label": label.get(lang)} if label else {})}
            )
        return {
            "rule": _word("rule_scale", lang),
            "min": scale.min,
            "max": scale.max,
            "options": points,
        }
    if kind == "number":
        return {
            "rule": _word("rule_number", lang),
            "unit": question.unit.get(lang) if question.unit else None,
            "min": question.min,
            "max": question.max,
            "integer": question.integer,
            "bands": [
                {"from": b.from_, "to": b.to, "value": b.value, "label": b.label.get(lang)}
                for b in question.bands
            ],
        }
    if kind == "yesno":
        options = [
            {"id": choice, "label": _word(choice, lang), "value": value}
            for choice, value in question.choices()
        ]
        return {"rule": _word("rule_yesno", lang), "options": options}
    return {"rule": _word("rule_text", lang)}


def _question(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    question = content.question_by_id[key]
    section = next(s for s in content.sections if s.id == question.section)
    question_shares = shares(content, stage).get(key, {})
    factors = []
    for factor_id, weight in question.factors.items():
        factor = content.factor_by_id[factor_id]
        factors.append(
            {
                "id": factor_id,
                "name": factor.name.get(lang),
                "weight": weight,
                "share_of_overall": round(question_shares.get(factor_id, 0.0), 4),
            }
        )
    used_by_flags = [f.id for f in content.red_flags if key in _named(f.when)[0]]
    used_by_gates = [
        lv.id for lv in content.levels if any(key in _named(r.when)[0] for r in lv.requires)
    ]
    switches = [q.id for q in content.questions if q.when is not None and key in _named(q.when)[0]]
    return {
        "kind": "question",
        "id": key,
        "section": {"id": section.id, "title": section.title.get(lang)},
        "text": question.text.get(lang),
        "help": question.help.get(lang),
        "action": None if question.action is None else question.action.get(lang),
        "horizon_days": question.horizon_days,
        "type": question.kind,
        "type_name": _word(f"kind_{question.kind}", lang),
        "required": question.required,
        "scored": question.scored,
        "when": None
        if question.when is None
        else {
            "text": condition_text(question.when, lang, content),
            "condition": condition_data(question.when),
        },
        "from_stage": None
        if question.from_stage is None
        else _stage_ref(content.stage_by_id[question.from_stage], lang),
        "answers": _answers(question, lang),
        "factors": factors,
        "stage": _stage_ref(stage, lang),
        "scored_at_stage": scored_at(content, question, stage),
        "share_of_overall": round(sum(question_shares.values()), 4),
        "chapters": _chapters(content, question.chapters, lang),
        "red_flags": used_by_flags,
        "gates": used_by_gates,
        "decides_whether_asked": switches,
    }


def _factor(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    factor = content.factor_by_id[key]
    stage_shares = shares(content, stage)
    weights_total = sum(
        q.factors[key] for q in content.questions if key in q.factors and q.id in stage_shares
    )
    questions = []
    for question in content.questions:
        if key not in question.factors:
            continue
        counted = question.id in stage_shares
        questions.append(
            {
                "id": question.id,
                "text": question.text.get(lang),
                "weight": question.factors[key],
                "share_of_factor": round(question.factors[key] / weights_total, 4)
                if counted and weights_total
                else 0.0,
                "from_stage": question.from_stage,
                "conditional": question.when is not None,
            }
        )
    overall = sum(s.get(key, 0.0) for s in stage_shares.values())
    return {
        "kind": "factor",
        "id": key,
        "name": factor.name.get(lang),
        "description": factor.description.get(lang),
        "default_weight": factor.weight,
        "stage": _stage_ref(stage, lang),
        "share_of_overall": round(overall, 4),
        "stages": [
            {
                **_stage_ref(s, lang),
                "weight": s.weights.get(key, factor.weight),
                "target": s.targets.get(key),
            }
            for s in content.stages
        ],
        "questions": questions,
        "chapters": _chapters(content, factor.chapters, lang),
        "red_flags": [f.id for f in content.red_flags if key in _named(f.when)[1]],
    }


def _red_flag(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    flag = content.red_flag_by_id[key]
    questions, factors = _named(flag.when)
    cap = content.red_flag_caps.get(flag.severity)
    return {
        "kind": "red_flag",
        "id": key,
        "severity": flag.severity,
        "title": flag.title.get(lang),
        "because": None if flag.because is None else flag.because.get(lang),
        "explanation": flag.explanation.get(lang),
        "action": flag.action.get(lang),
        "when": {
            "text": condition_text(flag.when, lang, content),
            "condition": condition_data(flag.when),
        },
        "questions": [q.id for q in content.questions if q.id in questions],
        "factors": sorted(factors),
        "caps_level": None
        if cap is None
        else {"id": cap, "name": content.level_by_id[cap].name.get(lang)},
        "points": content.red_flag_points.get(flag.severity, 0.0),
        "cases": [case.get(lang) for case in flag.cases],
        "chapters": _chapters(content, flag.chapters, lang),
    }


def _chapter(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    chapter = content.chapter_by_ref[key]
    document = content.document_by_id[chapter.doc]
    prefix = key + "."
    return {
        "kind": "chapter",
        "id": key,
        "document": {"id": document.id, "file": document.file, "title": document.title.get(lang)},
        "section": chapter.section,
        "title": chapter.title.get(lang),
        "summary": chapter.summary.get(lang),
        "lesson": chapter.lesson.get(lang) if chapter.lesson is not None else None,
        "cited_by": {
            "questions": [q.id for q in content.questions if key in q.chapters],
            "factors": [f.id for f in content.factors if key in f.chapters],
            "red_flags": [f.id for f in content.red_flags if key in f.chapters],
        },
        "subsections": [c.ref for c in content.chapters if c.ref.startswith(prefix)],
    }


def _stage(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    shown = content.stage_by_id[key]
    stage_shares = shares(content, shown)
    return {
        "kind": "stage",
        "id": key,
        "name": shown.name.get(lang),
        "description": shown.description.get(lang),
        "rank": content.stage_rank[key],
        "default": key == content.default_stage,
        "factors": [
            {
                "id": f.id,
                "name": f.name.get(lang),
                "weight": shown.weights.get(f.id, f.weight),
                "target": shown.targets.get(f.id),
                "share_of_overall": round(sum(s.get(f.id, 0.0) for s in stage_shares.values()), 4),
            }
            for f in content.factors
        ],
        "questions_from_here": [q.id for q in content.questions if q.from_stage == key],
        "not_scored_yet": [
            q.id for q in content.questions if q.scored and q.id not in stage_shares
        ],
    }


def _level(content: Content, key: str, lang: Lang, stage: Stage) -> Data:
    level = content.level_by_id[key]
    return {
        "kind": "level",
        "id": key,
        "name": level.name.get(lang),
        "description": level.description.get(lang),
        "rank": [lv.id for lv in content.levels].index(key),
        "min_score": level.min_score,
        # each must-have as the sentence the report shows; the condition is the handle
        "requires": [
            {
                "text": requirement.text.get(lang),
                "when": condition_text(requirement.when, lang, content),
                "condition": condition_data(requirement.when),
            }
            for requirement in level.requires
        ],
        "capped_by": sorted(s for s, cap in content.red_flag_caps.items() if cap == key),
    }


# what explains each kind, in the order of KINDS
_BUILDERS = dict(zip(KINDS, (_question, _factor, _red_flag, _chapter, _stage, _level), strict=True))
