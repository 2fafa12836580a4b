"""The package's layers import one way only, and no module imports itself round a cycle.

From the bottom: `base` (errors and messages in two languages, guarded readers of user
files, atomic writes, terminal-safe text), `content` (the questionnaires and rules as
models, loaded and checked), `scoring` (answers typed, conditions, the compiled plan, the
engine, the scorecard), `report` (terminal, Markdown, HTML, explain), then `interview` and
`cohort`, and at the top the command line and the Python API. A module may import from its
own layer and the layers below it, never from one above (docs/architecture.md). The graph
is read from the source with `ast`, imports inside functions and under TYPE_CHECKING
included: a cycle or an upward import there is one too.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "founder_check"

LAYERS: list[tuple[str, ...]] = [
    ("base", "_version"),
    ("content",),
    ("scoring",),
    ("report",),
    ("interview", "cohort"),
    ("cli", "api", "__main__"),
]


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> Iterator[str]:
    """The package's modules that `name` imports (a `from X import y` of a submodule
    counts as importing the submodule)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            if not base.startswith("founder_check"):
                continue
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base


GRAPH = {name: sorted(set(_imports(name, path)) - {name}) for name, path in MODULES.items()}


def _top(name: str) -> str:
    """The module's first name under the package ("" for the package itself)."""
    return name.split(".")[1] if "." in name else ""


def layer(name: str) -> int:
    """The layer of a module: its first name under the package (a top-level module is
    its own name)."""
    if name == "founder_check":
        return len(LAYERS) - 1
    first = name.split(".")[1]
    for rank, names in enumerate(LAYERS):
        if first in names:
            return rank
    raise AssertionError(f"{name} belongs to no layer: add it to LAYERS and the docs")


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        layer(name)


def test_no_module_imports_from_a_layer_above_it() -> None:
    upward = [
        f"{name} ({'/'.join(LAYERS[layer(name)])}) imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if layer(target) > layer(name)
    ]
    assert not upward, "\n".join(upward)


def test_interview_and_cohort_do_not_import_each_other() -> None:
    crossing = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if {_top(name), _top(target)} == {"interview", "cohort"}
    ]
    assert not crossing, "\n".join(crossing)


def _cycle() -> list[str] | None:
    """A cycle of imports, if there is one."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def walk(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for target in GRAPH.get(name, ()):
            if target == "founder_check" and name != "founder_check":
                continue  # the root's lazy re-exports: checked by test_api
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := walk(target)):
                return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(GRAPH):
        if name not in state and (found := walk(name)):
            return found
    return None


def test_no_import_cycles() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"founder_check.base.a": ["founder_check.scoring.b"]}, "upward"),
        (
            {
                "founder_check.scoring.a": ["founder_check.scoring.b"],
                "founder_check.scoring.b": ["founder_check.scoring.a"],
            },
            "cycle",
        ),
    ],
)
def test_the_checks_can_fail(
    graph: dict[str, list[str]], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up upward import and a made-up cycle are each found."""
    monkeypatch.setattr(sys.modules[__name__], "GRAPH", graph)
    if expected == "upward":
        with pytest.raises(AssertionError, match=re.escape("imports founder_check.scoring.b")):
            test_no_module_imports_from_a_layer_above_it()
    else:
        assert _cycle() is not None


def test_no_function_in_the_scoring_path_is_over_60_lines() -> None:
    """The scoring layer reads in small steps: a function over 60 lines is split."""
    long = []
    for path in sorted((PACKAGE / "scoring").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > 60:
                    long.append(f"{path.relative_to(SRC)}: {node.name} ({lines} lines)")
    assert not long, "\n".join(long)
