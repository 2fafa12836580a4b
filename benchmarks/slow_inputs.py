"""Time founder-check on the slowest inputs found for issue 12, against a plain parse.

Every input is at most the size limit (4 MB) and is answered within 2 s: that is the promise
(README, "Answers files"). Before issue 12, 4 MB of unknown keys took 106 s (a did-you-mean
search per key against every id) and 4 MB of balanced flow nesting 7 s (a Python object per
value). This builds the worst inputs known in a temporary folder and prints, for each:
- `cli`: wall time of the installed `founder-check` refusing it (assess --answers, or cohort
  --map for a mapping file), the number the promise is about;
- `read`: in-process time of the reader founder-check uses (load_answers / load_mapping);
- `plain`: in-process time of a plain parse of the same text in the same run (`json.loads`,
  or every YAML event from libyaml), what any reader must pay at least, and read/plain.
A plain parse of some of these takes longer than founder-check, which refuses them early.

Usage: python benchmarks/slow_inputs.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from founder_check import load_content
from founder_check.base.errors import FounderCheckError
from founder_check.base.readers import MAX_FILE_BYTES
from founder_check.cohort.mapping import load_mapping
from founder_check.scoring.answers import load_answers

TARGET_SECONDS = 2.0
LIMIT = MAX_FILE_BYTES - 64  # every input stays under the size limit


def _fill(head: str, unit: Callable[[int], str], tail: str = "") -> str:
    """`head`, then `unit(0)`, `unit(1)`, ... while it fits the limit, then `tail`."""
    parts = [head]
    size = len(head) + len(tail)
    number = 0
    while True:
        piece = unit(number)
        if size + len(piece) > LIMIT:
            break
        parts.append(piece)
        size += len(piece)
        number += 1
    parts.append(tail)
    return "".join(parts)


def inputs() -> dict[str, tuple[str, str]]:
    """name -> (file name, text): the slowest inputs known, each under 4 MB."""
    group = "[" * 62 + "]" * 62 + ","
    return {
        "yaml unknown keys": (
            "keys.yaml",
            _fill("answers:\n", lambda n: f"  market.no_such_question_{n:07d}: 1\n"),
        ),
        "yaml unknown keys, under the value limit": (
            "keys-long.yaml",
            _fill(
                "answers:\n",
                lambda n: f"  market.no_such_question_{n:07d}_{'x' * 50}: {'y' * 20}\n",
            ),
        ),
        "json unknown keys": (
            "keys.json",
            _fill('{"answers": {', lambda n: f'"market.q{n:07d}_{"x" * 50}": 1, ', '"z": 1}}'),
        ),
        "yaml balanced flow nesting": ("nest.yaml", _fill("answers: [", lambda n: group, "]")),
        "yaml nested list of scalars": (
            "deep.yaml",
            _fill("answers: " + "[" * 62, lambda n: "a,", "a" + "]" * 62),
        ),
        "json balanced nesting": ("nest.json", _fill("[", lambda n: group, "[]]")),
        "json empty objects": ("objects.json", _fill("[", lambda n: "{},", "{}]")),
        "json one huge key": ("key.json", '{"answers": {"' + "k" * (LIMIT - 40) + '": 1}}'),
        "json one huge answer": (
            "value.json",
            '{"answers": {"market.primary_sector": "' + "x" * (LIMIT - 60) + '"}}',
        ),
        "yaml flow mapping of many keys": (
            "flow.yaml",
            _fill("{", lambda n: f"k{n}: 1, ", "z: 1}"),
        ),
        "mapping file, unknown targets": (
            "map.yaml",
            _fill("columns:\n", lambda n: f"  header {n}: market.nope_{n}\n"),
        ),
    }


def plain_parse(path: Path) -> float:
    """Seconds for the plainest full parse of the file's text (errors count as done)."""
    text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    try:
        if path.suffix == ".json":
            json.loads(text)
        else:
            for _ in yaml.parse(text, Loader=loader):
                pass
    except (ValueError, yaml.YAMLError):
        pass
    return time.perf_counter() - start


def read(path: Path, content: object) -> float:
    """Seconds for founder-check's own reader to accept or refuse the file."""
    start = time.perf_counter()
    try:
        if path.name == "map.yaml":
            load_mapping(path, content)  # type: ignore[arg-type]
        else:
            load_answers(path, content)  # type: ignore[arg-type]
    except FounderCheckError:
        pass
    return time.perf_counter() - start


def cli(path: Path, folder: Path) -> tuple[float, int]:
    """Wall seconds and exit code of the installed console script refusing the file."""
    script = shutil.which("founder-check", path=str(Path(sys.executable).parent)) or "founder-check"
    if path.name == "map.yaml":
        form = folder / "form.csv"
        form.write_text("founder,market.timing\nA,unknown\n", encoding="utf-8")
        command = [script, "cohort", str(form), "--map", str(path)]
    else:
        command = [script, "assess", "--answers", str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return time.perf_counter() - start, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    args = parser.parse_args()
    content = load_content()
    worst = 0.0
    print(f"{'input':42} {'MB':>5} {'cli s':>7} {'read s':>7} {'plain s':>8} {'read/plain':>10}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for label, (file_name, text) in inputs().items():
            if args.only and args.only not in label:
                continue
            path = folder / file_name
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            assert size <= MAX_FILE_BYTES, (label, size)
            seconds, code = cli(path, folder)
            ours = read(path, content)
            plain = plain_parse(path)
            worst = max(worst, seconds)
            ratio = ours / plain if plain else float("inf")
            print(
                f"{label:42} {size / 1048576:5.2f} {seconds:7.2f} {ours:7.2f} {plain:8.2f} "
                f"{ratio:10.2f}" + ("" if code in (0, 1) else f"  exit {code}!")
            )
    verdict = "within" if worst <= TARGET_SECONDS else "OVER"
    print(f"slowest answer: {worst:.2f} s, {verdict} the {TARGET_SECONDS:.0f} s target")
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
