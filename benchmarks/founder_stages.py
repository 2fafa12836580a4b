"""Where one cohort founder's time goes, stage by stage, in one process.

Generates N random valid founders (the same generator as benchmarks/cohort.py), writes each
as a YAML and a JSON answers file in a temporary folder, then times each stage of the
cohort's per-founder path separately over all of them: read the bytes, parse (the guarded
YAML / JSON readers), validate (parse_answers), score (the compiled plan), build the compact
scorecard by id, summarise (the cohort's outcome), serialise (compact JSON) and write (a new
file); the full scorecard with texts that `assess` builds is timed beside them. Prints
microseconds per founder for each stage and its share, beside the floors of a bare
`yaml.load(..., CSafeLoader)` and a bare `json.loads` of the same texts.

Usage: python benchmarks/founder_stages.py [--count 2000] [--seed 4]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cohort import yaml_text  # noqa: E402

from answer_factory import answers_data  # noqa: E402
from founder_check import load_content  # noqa: E402
from founder_check.base.atomic import write_new_file  # noqa: E402
from founder_check.base.json_text import compact  # noqa: E402
from founder_check.base.readers import parse_json, parse_yaml  # noqa: E402
from founder_check.cohort.compact import compact_scorecard, founder_outcome  # noqa: E402
from founder_check.scoring.answers import parse_answers  # noqa: E402
from founder_check.scoring.engine import score  # noqa: E402
from founder_check.scoring.plan import scoring_plan  # noqa: E402

REPEATS = 5


def timed(
    label: str, items: list[Any], step: Callable[[Any], Any], *, keep: bool = True
) -> tuple[list[Any], float]:
    """Apply step to every item; return the results and the microseconds per item, the
    best of REPEATS runs (the least disturbed by whatever else the machine does).

    The timed runs drop each result as soon as it is made, as a worker does once it has
    written a founder; the results the next stage needs are made once more, untimed
    (unless `keep` is false: a step with effects, such as writing a file).
    Keeping thousands of results alive while timing would time the garbage collector's
    passes over them too (it doubled the compact scorecard's figure).
    """
    best = float("inf")
    for _ in range(REPEATS):
        gc.collect()
        start = time.perf_counter()
        for item in items:
            step(item)
        best = min(best, (time.perf_counter() - start) / len(items) * 1e6)
    return ([step(item) for item in items] if keep else []), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    content = load_content()
    rng = random.Random(args.seed)
    stages = [stage.id for stage in content.stages]
    founders = [
        answers_data(content, founder=f"Founder {index}", rng=rng, stage=rng.choice(stages))
        for index in range(args.count)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        yaml_paths, json_paths = [], []
        for index, data in enumerate(founders):
            yaml_paths.append(folder / f"f{index}.yaml")
            yaml_paths[-1].write_text(yaml_text(data), encoding="utf-8")
            json_paths.append(folder / f"f{index}.json")
            json_paths[-1].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        rows: list[tuple[str, float]] = []
        yaml_texts, t = timed("read", yaml_paths, lambda p: p.read_bytes().decode("utf-8"))
        rows.append(("read (YAML file, decode)", t))
        data, t = timed("parse", yaml_texts, lambda s: parse_yaml(s, "f.yaml"))
        rows.append(("parse YAML (guarded reader)", t))
        _, floor_yaml = timed("floor", yaml_texts, lambda s: yaml.load(s, Loader=yaml.CSafeLoader))
        json_texts = [p.read_text(encoding="utf-8") for p in json_paths]
        _, t_json = timed("parse", json_texts, lambda s: parse_json(s, "f.json"))
        _, floor_json = timed("floor", json_texts, json.loads)
        answers, t = timed("validate", data, lambda d: parse_answers(d, content, source="f"))
        rows.append(("validate (parse_answers)", t))
        plans = [scoring_plan(content, content.stage_by_id[a.stage]) for a in answers]
        pairs = list(zip(plans, answers, strict=True))
        _, t_plan = timed("plan", pairs, lambda pair: pair[0].evaluate(pair[1].values))
        rows.append(("score (compiled plan)", t_plan))
        built, t = timed(
            "compact",
            answers,
            lambda a: compact_scorecard(content, a, stage=None, lang="en", generated_at="x"),
        )
        rows.append(("  + compact scorecard by id", t - t_plan))
        _, t = timed("summarise", built, lambda b: founder_outcome(*b, source="f"))
        rows.append(("summarise (cohort outcome)", t))
        texts, t = timed("serialise", [b[0] for b in built], compact)
        rows.append(("serialise (compact JSON)", t))
        full, t_full = timed(
            "full",
            answers,
            lambda a: score(content, a, lang="en", generated_at="x", next_steps=False),
        )
        full_size = sum(len(compact(card)) for card in full) / len(full)
        counter = iter(range(len(texts) * REPEATS))
        for repeat in range(REPEATS):
            (folder / f"out{repeat}").mkdir()

        def write(text: bytes) -> None:
            number = next(counter)
            write_new_file(str(folder / f"out{number // len(texts)}" / str(number)), text)

        _, t = timed("write", texts, write, keep=False)
        rows.append(("write (new file)", t))
        total = sum(t for _, t in rows)
        size = sum(len(b) for b in texts) / len(texts)
        print(f"{args.count} founders, per founder (µs), one process")
        for label, value in rows:
            print(f"  {label:<32} {value:8.1f}  {value / total:6.1%}")
        print(f"  {'total':<32} {total:8.1f}")
        print(f"  floor: yaml.load CSafeLoader     {floor_yaml:8.1f}")
        print(f"  parse JSON (guarded reader)      {t_json:8.1f}")
        print(f"  floor: json.loads                {floor_json:8.1f}")
        print(f"  (assess's full scorecard with texts: {t_full:.1f} µs, {full_size / 1024:.1f} KB)")
        print(f"  compact scorecard size: {size / 1024:.1f} KB per founder (target: 12 KB)")
        print(f"scoring with the compiled plan: {t_plan:.1f} µs per founder (target: 100 µs)")


if __name__ == "__main__":
    main()
