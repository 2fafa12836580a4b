"""Reference scorecards: the numbers the previous release gave for the case fixtures and
1,000 random profiles, to prove that the compiled scoring plan changed no result.

`python -m tests.scoring_reference --write` (run with the reference release's package on
the path, e.g. `PYTHONPATH=/path/to/old/src`) writes tests/golden/scoring-reference.json.gz:
each profile's answers as written in an answers file, and the key fields of its scorecard.
The answers are stored, not regenerated, so a later change to the random generator or to
the order of options does not move the reference.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
from pathlib import Path
from typing import Any

from founder_check import load_content
from founder_check.content.models import Content
from founder_check.scoring.answers import parse_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.answer_factory import answers_data

ROOT = Path(__file__).resolve().parent
REFERENCE = ROOT / "golden" / "scoring-reference.json.gz"
CASES = ROOT / "cases"
RANDOM_PROFILES = 1000


def random_profiles(content: Content, count: int, seed: int = 14) -> list[dict[str, Any]]:
    """Answers files of every kind of founder: random, best, worst and middle answers,
    optional questions left out, and "not sure" answers sprinkled in."""
    rng = random.Random(seed)
    stages = [stage.id for stage in content.stages]
    scored = [question.id for question in content.questions if question.scored]
    profiles = []
    for index in range(count):
        data = answers_data(
            content,
            founder=f"Founder {index}",
            stage=rng.choice(stages),
            pick=rng.choice(["random"] * 6 + ["best", "worst", "first"]),
            rng=rng,
            skip_optional=rng.random() < 0.3,
        )
        if rng.random() < 0.4:
            answered = [q for q in scored if q in data["answers"]]
            for question_id in rng.sample(answered, rng.randint(1, 6)):
                data["answers"][question_id] = "unknown"
        profiles.append(data)
    return profiles


def case_profiles() -> list[dict[str, Any]]:
    import yaml

    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(CASES.glob("*.yaml"))
        if path.name != "cases.yaml"
    ]


def key_fields(card: Scorecard) -> dict[str, Any]:
    """What must not change: scores, levels, flags with their points, gaps, coverage."""
    return {
        "overall": card.overall,
        "red_flag_points": card.red_flag_points,
        "levels": [
            card.level.id,
            card.score_level.id,
            card.gate_level.id,
            card.flag_cap.id if card.flag_cap else None,
        ],
        "factors": [[f.id, f.score, f.gap, f.answered, f.applicable] for f in card.factors],
        "flags": [
            [hit.id, hit.points, [e.question for e in hit.evidence]] for hit in card.red_flags
        ],
        "gaps": [[gap.question, gap.value, gap.shortfall] for gap in card.gaps],
        "strengths": [s.question for s in card.strengths],
        # fsum: exact, so the same on every Python (3.12 changed what sum() of floats gives)
        "points": round(math.fsum(q.overall_points for q in card.questions), 2),
        "coverage": [card.coverage.applicable, card.coverage.answered, card.coverage.weighted],
        "next_gate": None
        if card.next_gate is None
        else [card.next_gate.level.id, [m.text for m in card.next_gate.missing]],
    }


def scored(content: Content, data: dict[str, Any]) -> dict[str, Any]:
    answers = parse_answers(data, content, source="reference", require_complete=False)
    return key_fields(score(content, answers, lang="en", next_steps=False))


def digest(fields: dict[str, Any]) -> str:
    """A short fingerprint of the key fields (random profiles keep only this, and a summary
    to read when it differs, so that the reference stays small)."""
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def summary(fields: dict[str, Any]) -> list[Any]:
    return [fields["overall"], fields["levels"][0], [flag[0] for flag in fields["flags"]]]


def reference_entry(content: Content, data: dict[str, Any], *, full: bool) -> dict[str, Any]:
    fields = scored(content, data)
    entry: dict[str, Any] = {"answers": data, "summary": summary(fields), "digest": digest(fields)}
    if full:
        entry["expected"] = fields
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    content = load_content()
    entries = [reference_entry(content, data, full=True) for data in case_profiles()]
    entries += [
        reference_entry(content, data, full=False)
        for data in random_profiles(content, RANDOM_PROFILES)
    ]
    if args.write:
        REFERENCE.parent.mkdir(exist_ok=True)
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), default=str)
        with gzip.GzipFile(REFERENCE, "wb", mtime=0) as handle:
            handle.write(text.encode("utf-8"))
        print(f"{len(entries)} profiles written to {REFERENCE}")


if __name__ == "__main__":
    main()
