"""The Python API (docs/api.md): what it names, what it returns, and that it is the CLI's.

`score` must give what `assess --answers FILE --json -` gives for the same answers, refuse
what it refuses with the same problems, write nothing and change nothing it is given; the
package root re-exports it while no module of the package imports the root back.
"""

from __future__ import annotations

import ast
import copy
import csv
import functools
import importlib.metadata
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import founder_check
from founder_check.base.readers import load_data
from tests.conftest import EXAMPLES, ROOT, copy_content, edit_file, run_cli

PACKAGE = ROOT / "src" / "founder_check"
API_DOC = ROOT / "docs" / "api.md"
CASES = ROOT / "tests" / "cases"
SEED = EXAMPLES / "seed-founder.yaml"
# answers files of every readiness level, stage and kind of value (a JSON file's typed
# values, a text answer holding ';', skipped questions)
FIXTURES = (
    SEED,
    EXAMPLES / "idea-founder.json",
    CASES / "000-chatgpt.yaml",
    CASES / "000-nvidia.yaml",
    CASES / "002-company-d.yaml",
)


@functools.cache
def cli_scorecard(path: Path, lang: str = "en") -> dict[str, Any]:
    """The scorecard `assess --answers PATH --json -` writes, read back."""
    result = run_cli("assess", "--answers", str(path), "--json", "-", "--lang", lang)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def without_timestamp(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "generated_at"}


def doc_section(heading: str) -> str:
    """The text of docs/api.md under `## heading`, up to the next heading of that level."""
    text = API_DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", text, re.M | re.S)


# -- the names ---------------------------------------------------------------------------


def test_all_lists_exactly_the_names_the_docs_call_stable() -> None:
    table = doc_section("What is stable")
    documented = set()
    for row in re.findall(r"^\| `([^`]+)`(?:, `([^`]+)`)? \|", table, re.M):
        documented.update(name.partition("(")[0] for name in row if name)
    assert documented == set(founder_check.__all__)
    namespace: dict[str, Any] = {}
    exec("from founder_check import *", namespace)
    assert {name for name in namespace if name != "__builtins__"} == set(founder_check.__all__)


def test_the_docs_state_the_scorecard_schema_version() -> None:
    from founder_check.scoring.scorecard import SCHEMA_VERSION

    text = doc_section("What is stable")
    assert f"`schema_version` is `{SCHEMA_VERSION}`" in text
    major = SCHEMA_VERSION.split(".")[0]
    assert f'`card.schema_version.split(".")[0] == "{major}"`' in text


def test_root_names_are_the_documented_objects() -> None:
    from founder_check import api, content
    from founder_check.base import errors
    from founder_check.scoring import scorecard

    assert founder_check.load_content is api.load_content
    assert founder_check.score is api.score
    assert founder_check.Content is content.models.Content
    assert founder_check.Scorecard is scorecard.Scorecard
    assert founder_check.FounderCheckError is errors.FounderCheckError
    assert founder_check.Problem is errors.Problem
    with pytest.raises(AttributeError, match="no attribute 'parse_answers'"):
        founder_check.parse_answers  # noqa: B018  (internal: founder_check.scoring.answers)
    assert set(founder_check.__all__) <= set(dir(founder_check))


# -- the version leaf and the import graph -------------------------------------------------


def root_imports(text: str, module: str) -> list[str]:
    """Where the module `module` (dotted, `text` its source) imports the package root itself:
    `import founder_check`, or a name of the root that is not a submodule (`from founder_check
    import __version__`); `from founder_check import json_text` imports the submodule."""
    package = module if module.endswith(".__init__") else module.rpartition(".")[0]
    package = package.removesuffix(".__init__")
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name == "founder_check"]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative: from the package, `level - 1` packages up
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            if target != "founder_check":
                continue
            for alias in node.names:
                submodule = (PACKAGE / f"{alias.name}.py").is_file() or (
                    PACKAGE / alias.name / "__init__.py"
                ).is_file()
                if not submodule:
                    found.append(f"from founder_check import {alias.name}")
    return found


def test_no_module_of_the_package_imports_the_root() -> None:
    found = []
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50
    for path in modules:
        if path == PACKAGE / "__init__.py":
            continue  # the root itself
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for hit in root_imports(path.read_text(encoding="utf-8"), module):
            found.append(f"{path.relative_to(ROOT)}: {hit}")
    assert found == []


def test_the_import_check_finds_each_way_of_importing_the_root() -> None:
    text = textwrap.dedent(
        """
        import founder_check
        from founder_check import __version__, api
        from .. import cli, score
        from . import plan
        from founder_check.scoring.engine import score as engine_score
        if TYPE_CHECKING:
            from founder_check import Scorecard
        """
    )
    assert root_imports(text, "founder_check.cohort.run") == [
        "import founder_check",
        "from founder_check import __version__",
        "from founder_check import score",
        "from founder_check import Scorecard",
    ]
    assert root_imports("from . import score, api\n", "founder_check.cli") == [
        "from founder_check import score"
    ]


def test_importing_the_root_loads_only_the_version_leaf() -> None:
    code = (
        "import founder_check, sys; print(sorted(m for m in sys.modules if 'founder_check' in m))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "['founder_check', 'founder_check._version']"
    leaf = ast.parse((PACKAGE / "_version.py").read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(leaf) if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_the_build_reads_the_version_from_the_leaf_module() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    setting = re.search(r'^\[tool\.hatch\.version\]\npath = "([^"]+)"$', pyproject, re.M)
    assert setting is not None
    path = ROOT / setting.group(1)
    assert path == PACKAGE / "_version.py"
    assignments = [
        node
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
    ]
    assert len(assignments) == 1
    assert ast.literal_eval(assignments[0].value) == founder_check.__version__
    # the installed metadata is what the build read from that file
    assert importlib.metadata.version("founder-check") == founder_check.__version__
    assert run_cli("--version").stdout == f"founder-check {founder_check.__version__}\n"


# -- score and to_dict against the CLI --------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang"),
    [(SEED, "en"), (SEED, "zh"), *((path, "en") for path in FIXTURES[1:])],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_to_dict_is_what_assess_json_writes(path: Path, lang: str) -> None:
    expected = cli_scorecard(path, lang)
    card = founder_check.score(load_data(path), lang=lang)
    data = card.to_dict()
    assert data["generated_at"] is None and expected["generated_at"]
    assert without_timestamp(data) == without_timestamp(expected)
    assert list(data) == list(expected)  # the same keys, in the same order


def test_to_dict_fits_the_published_schema(content: founder_check.Content) -> None:
    schema = json.loads(run_cli("schema", "scorecard").stdout)
    for path in FIXTURES:
        jsonschema.validate(founder_check.score(load_data(path), content=content).to_dict(), schema)


def test_python_values_score_as_the_text_a_file_holds(content: founder_check.Content) -> None:
    """PyYAML's types (numbers, booleans, a date) and the tool's own reading (text) agree."""
    import yaml

    typed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    assert isinstance(typed["answers"]["funding.runway_months"], int)
    as_typed = founder_check.score(typed, content=content)
    as_text = founder_check.score(load_data(SEED), content=content)
    assert (
        as_typed.to_dict()
        == as_text.to_dict()
        == without_timestamp(cli_scorecard(SEED)) | {"generated_at": None}
    )


def test_stage_overrides_the_answers_stage(content: founder_check.Content) -> None:
    card = founder_check.score(load_data(SEED), content=content, stage="series_a")
    assert (card.stage.id, card.stage.source) == ("series_a", "option")
    result = run_cli("assess", "--answers", str(SEED), "--stage", "series_a", "--json", "-")
    assert without_timestamp(card.to_dict()) == without_timestamp(json.loads(result.stdout))


# -- pure ---------------------------------------------------------------------------------

_PURITY_SCRIPT = """
import copy, json, os, sys
from pathlib import Path

import founder_check
from founder_check.base.readers import load_data

def files():
    seen = {}
    for top in sys.argv[2:]:
        for path in sorted(Path(top).rglob("*")):
            info = path.lstat()
            seen[str(path)] = (info.st_size, info.st_mtime_ns)
    return seen

content = founder_check.load_content()
answers = json.loads(json.dumps(load_data(Path(sys.argv[1]))))
given = copy.deepcopy(answers)
before = files()
first = founder_check.score(answers, content=content)
second = founder_check.score(answers, content=content, lang="en")
default = founder_check.score(answers)
after = files()
print(json.dumps({
    "equal": first == second == default and first is not second,
    "same_data": first.to_dict() == second.to_dict(),
    "untouched": answers == given,
    "generated_at": first.generated_at,
    "written": sorted(set(after.items()) ^ set(before.items())),
}))
"""


def test_score_is_pure(tmp_path: Path) -> None:
    """Equal scorecards for equal answers, the answers left as they were, and no file made
    or changed in the working folder, the home folder, the user's folders or the temporary
    folder (the content is loaded first: that load may fill the content cache)."""
    home, work, temp = tmp_path / "home", tmp_path / "work", tmp_path / "tmp"
    for folder in (home, work, temp):
        folder.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(temp),
        "LANG": "C.UTF-8",
        **{name: str(home / name.lower()) for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME")},
        **{name: str(home / name.lower()) for name in ("XDG_DATA_HOME", "XDG_STATE_HOME")},
    }
    result = subprocess.run(
        [sys.executable, "-c", _PURITY_SCRIPT, str(SEED), str(home), str(work), str(temp)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {
        "equal": True,
        "same_data": True,
        "untouched": True,
        "generated_at": None,
        "written": [],
    }
    # the folders watched are those the tool writes to: the content load, before the
    # scoring, filled the cache there
    assert list((home / "xdg_cache_home" / "founder-check").glob("content-*.json"))


def test_the_answers_mapping_is_not_changed(content: founder_check.Content) -> None:
    answers = load_data(SEED)
    answers["answers"]["team.roles_covered"] = ("research", "product")  # a tuple stays one
    given = copy.deepcopy(answers)
    founder_check.score(answers, content=content, lang="zh")
    assert answers == given
    assert answers["answers"]["team.roles_covered"] == ("research", "product")


# -- load_content ----------------------------------------------------------------------------


def test_load_content_is_cached_until_a_file_changes(tmp_path: Path) -> None:
    assert founder_check.load_content() is founder_check.load_content()
    folder = copy_content(tmp_path)
    first = founder_check.load_content(folder)
    assert founder_check.load_content(str(folder)) is first
    question = first.question_by_id["funding.runway_months"]
    edit_file(
        folder / "questionnaires" / "funding.yaml", question.text.en, "How long is the runway?"
    )
    edited = founder_check.load_content(folder)
    assert edited is not first
    assert edited.question_by_id["funding.runway_months"].text.en == "How long is the runway?"
    assert founder_check.load_content(folder) is edited


def test_load_content_names_a_missing_or_broken_folder(tmp_path: Path) -> None:
    with pytest.raises(founder_check.FounderCheckError) as missing:
        founder_check.load_content(tmp_path / "nowhere")
    assert missing.value.problems[0].source == str(tmp_path / "nowhere")
    folder = copy_content(tmp_path)
    edit_file(folder / "questionnaires" / "funding.yaml", "kind: number", "kind: numeric")
    with pytest.raises(founder_check.FounderCheckError) as broken:
        founder_check.load_content(folder)
    assert any("funding.yaml" in problem.source for problem in broken.value.problems)


# -- errors ----------------------------------------------------------------------------------


def broken_answers() -> dict[str, Any]:
    """The example's answers with three mistakes: a word for a number, a misspelt question
    id, an option that is not offered."""
    data = json.loads(json.dumps(load_data(SEED)))
    data["answers"]["funding.runway_months"] = "lots"
    data["answers"]["market.timingg"] = "concrete_trigger"
    data["answers"]["market.segment_focus"] = "everyone"
    return data


def test_bad_answers_raise_the_problems_assess_prints(tmp_path: Path) -> None:
    data = broken_answers()
    with pytest.raises(founder_check.FounderCheckError) as raised:
        founder_check.score(data)
    problems = raised.value.problems
    assert [problem.field for problem in problems] == [
        "answers.market.timingg",
        "answers.market.segment_focus",
        "answers.funding.runway_months",
    ]
    assert "did you mean 'market.timing'" in problems[0].message
    assert "'everyone' is not an option" in problems[1].message
    assert problems[2].message == "expected a number, got 'lots'"
    assert {problem.source for problem in problems} == {"answers"}
    assert str(raised.value).splitlines()[2] == (
        "answers: answers.funding.runway_months: expected a number, got 'lots'"
    )
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 1
    printed = [line.removeprefix(f"error: {path}: ") for line in result.stderr.splitlines()]
    assert printed == [f"{problem.field}: {problem.message}" for problem in problems]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"stage": "seedling"}, "stage", "unknown stage 'seedling'; expected one of idea,"),
        ({"date": "2026-02-30"}, "date", "'2026-02-30' is not a day of the calendar"),
        ({"answers": ["market.timing"]}, "answers", "expected a mapping of question id"),
        ({"answer": {}}, "answer", "unknown key; expected founder, company, stage, date"),
        (
            {"team.roles_covered": "research;product"},  # a CSV cell, not a list
            "answers.team.roles_covered",
            "'research;product' is not an option; expected a list of research,",
        ),
        ({"market.positioning_clarity": 4.5}, "answers.market.positioning_clarity", "whole"),
        ({"funding.runway_months": 1e400}, "answers.funding.runway_months", "finite"),
    ],
)
def test_each_problem_names_its_field(
    content: founder_check.Content, change: dict[str, Any], field: str, message: str
) -> None:
    """Top-level keys replace the file's, question ids its answers."""
    data = json.loads(json.dumps(load_data(SEED)))
    for key, value in change.items():
        (data["answers"] if "." in key else data)[key] = value
    with pytest.raises(founder_check.FounderCheckError) as raised:
        founder_check.score(data, content=content)
    named = {problem.field: problem.message for problem in raised.value.problems}
    assert field in named, named
    assert message in named[field]


def test_bad_arguments_name_the_argument(content: founder_check.Content) -> None:
    answers = load_data(SEED)
    with pytest.raises(founder_check.FounderCheckError) as raised:
        founder_check.score(answers, content=content, stage="seedling", lang="fr")
    assert [(p.source, p.field) for p in raised.value.problems] == [
        ("score", "stage"),
        ("score", "lang"),
    ]
    assert (
        "expected one of idea, pre_seed, seed, series_a, growth" in raised.value.problems[0].message
    )
    with pytest.raises(founder_check.FounderCheckError) as not_a_mapping:
        founder_check.score([("answers", {})], content=content)
    assert not_a_mapping.value.problems[0].message == "expected a mapping with an 'answers:' key"
    assert not_a_mapping.value.problems[0].line is None


# -- typed -----------------------------------------------------------------------------------

_TYPED_USE = """
from typing import Any

import founder_check
from founder_check import Content, FounderCheckError, Problem, Scorecard

content: Content = founder_check.load_content()
card: Scorecard = founder_check.score({"answers": {}}, content=content, stage="seed", lang="zh")
data: dict[str, Any] = card.to_dict()
overall: float = card.overall
level: str = card.level.name
factors: dict[str, float | None] = {factor.id: factor.score for factor in card.factors}
version: str = founder_check.__version__
try:
    founder_check.score({})
except FounderCheckError as error:
    problems: list[Problem] = error.problems
"""

_MISTYPED_USE = """
import founder_check

founder_check.score({}, lang="fr")
name: int = founder_check.score({}).level.name
founder_check.load_content(3)
founder_check.score({}, founder_check.load_content())
"""


def mypy(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` on `code` as a user's own module, outside the project's configuration."""
    module = tmp_path / "use_founder_check.py"
    module.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), module],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_api_type_checks_for_a_user(tmp_path: Path) -> None:
    result = mypy(tmp_path, _TYPED_USE)
    assert result.returncode == 0, result.stdout + result.stderr
    mistyped = mypy(tmp_path, _MISTYPED_USE)
    assert mistyped.returncode == 1
    lines = [line for line in mistyped.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in lines] == ["4", "5", "6", "7"], mistyped.stdout


# -- the docs' examples ----------------------------------------------------------------------


def test_the_first_example_prints_what_it_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = python_blocks(API_DOC.read_text(encoding="utf-8"))[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {}
    exec(compile(code, str(API_DOC), "exec"), namespace)
    printed = capsys.readouterr().out.strip()
    expected = cli_scorecard(SEED)
    assert printed == f"{expected['overall']} {expected['level']['name']}"
    assert f"# {printed}" in code
    assert namespace["data"] == without_timestamp(expected) | {"generated_at": None}


def csv_cell(value: Any) -> str:
    """An answer as a cohort CSV cell holds it: a list's choices joined by ';'."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def test_the_dataframe_example_scores_as_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    header = run_cli("template", "--csv").stdout.strip().split(",")
    with open(tmp_path / "cohort.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for path in FIXTURES:
            data = load_data(path)
            cells = {**data["answers"], **{key: data.get(key) for key in header[:3]}}
            writer.writerow([csv_cell(cells.get(column)) for column in header])
    (code,) = python_blocks(doc_section("Scoring a DataFrame"))
    logic = [line for line in code.splitlines() if line.strip() and "import" not in line]
    assert len(logic) <= 11, "ten lines and a print"
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(compile(code, str(API_DOC), "exec"), namespace)
    scores = namespace["scores"]
    expected = [cli_scorecard(path) for path in FIXTURES]
    assert scores["company"].tolist() == [card["subject"]["company"] or "" for card in expected]
    assert scores["level"].tolist() == [card["level"]["name"] for card in expected]
    assert scores["overall"].tolist() == [card["overall"] for card in expected]
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 1 + len(FIXTURES)
    shown = [float(line.split()[-1]) for line in printed[1:]]
    assert shown == sorted((card["overall"] for card in expected), reverse=True)
