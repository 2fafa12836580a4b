"""The cases' results as a Markdown table, for docs/red-flags.md (a test keeps it current).

python -m tests.case_table    # prints the block to put between the markers
"""

from __future__ import annotations

from tests.test_cases import CASES, INDEX, card, neutral_card

BEGIN = "<!-- generated: python -m tests.case_table -->"
END = "<!-- end generated -->"


def results_table() -> str:
    """One row per case, highest score first, and the all-neutral profile among them."""
    rows = []
    for case in CASES:
        result = card(case["id"])
        flags = ", ".join(f"{hit.id} ({hit.severity})" for hit in result.red_flags) or "—"
        source = case["source"]
        rows.append((result.overall, case["id"], source, case["outcome"], result, flags))
    neutral = neutral_card(INDEX["neutral"]["stage"])
    rows.append((neutral.overall, "*all-neutral profile*", "—", "—", neutral, "—"))
    lines = [
        "| case | source | outcome | stage | score | level | red flags |",
        "|---|---|---|---|---|---|---|",
    ]
    for overall, name, source, outcome, result, flags in sorted(rows, key=lambda r: -r[0]):
        lines.append(
            f"| {name} | {source} | {outcome} | {result.stage.id} | {overall:.1f} "
            f"| {result.level.id} | {flags} |"
        )
    return "\n".join(lines)


def block() -> str:
    return f"{BEGIN}\n{results_table()}\n{END}"


if __name__ == "__main__":
    print(block())
