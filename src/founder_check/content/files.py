"""A content folder's files, each read with the guarded reader and validated on its own
(problems carry file and line), before `content.check` checks them against each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from founder_check.base.errors import FounderCheckError, Problem
from founder_check.base.readers import LineDict, LineList, line_of, load_data
from founder_check.content.models import (
    Chapter,
    Content,
    Document,
    Factor,
    Level,
    RedFlag,
    Section,
    Severity,
    Stage,
    Text,
    strict,
)

QUESTIONNAIRES = "questionnaires"
SCORING = "scoring"
_KEYWORD_KEYS = ("from", "all", "any", "not")


@dataclass(frozen=True)
class _ChapterEntry:
    section: str
    title: Text
    summary: Text
    lesson: Text | None = None

    def __post_init__(self) -> None:
        if not self.section:
            raise ValueError("section must not be empty")


@strict
@dataclass(frozen=True)
class _ChaptersFile:
    document: Document
    chapters: tuple[_ChapterEntry, ...]


@strict
@dataclass(frozen=True)
class _FactorsFile:
    factors: tuple[Factor, ...]


@strict
@dataclass(frozen=True)
class _LevelsFile:
    levels: tuple[Level, ...]
    red_flag_caps: dict[Severity, str] = field(default_factory=dict)
    red_flag_points: dict[Severity, float] = field(default_factory=dict)
    red_flag_points_max: float | None = None


@strict
@dataclass(frozen=True)
class _StagesFile:
    default: str
    stages: tuple[Stage, ...]


@strict
@dataclass(frozen=True)
class _RedFlagsFile:
    red_flags: tuple[RedFlag, ...] = ()


@strict
@dataclass(frozen=True)
class _ManifestFile:
    name: str
    version: str


def _join_chinese_lines(data: Any) -> None:
    """Every `zh` text without the spaces a folded YAML block puts between Chinese lines."""
    from founder_check.content.punctuation import join_lines

    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, LineDict):
            if isinstance(node.get("zh"), str):
                node["zh"] = join_lines(node["zh"])
            todo.extend(node.values())
        elif isinstance(node, LineList):
            todo.extend(node)


def _rename_keyword_keys(data: Any) -> None:
    """Give YAML keys that are Python keywords the field names the models use (`from_`)."""
    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, LineDict):
            for key in _KEYWORD_KEYS:
                if key in node:
                    node[key + "_"] = node.pop(key)
                    node.key_lines[key + "_"] = node.key_lines.pop(key)
            todo.extend(node.values())
        elif isinstance(node, LineList):
            todo.extend(node)


@dataclass
class SourceMap:
    """Where each piece of content came from: file and raw data (for line numbers)."""

    raw: dict[str, Any] = field(default_factory=dict)

    def add(self, path: Path, data: Any) -> None:
        self.raw[str(path)] = data

    def line(self, path: str, loc: tuple[int | str, ...]) -> int | None:
        return line_of(self.raw.get(path), loc)


@dataclass
class LoadedContent:
    """The validated pieces of a content folder, before cross-checking."""

    root: Path
    sources: SourceMap = field(default_factory=SourceMap)
    problems: list[Problem] = field(default_factory=list)
    manifest: _ManifestFile | None = None
    sections: list[tuple[str, Section]] = field(default_factory=list)
    factors: _FactorsFile | None = None
    factors_path: str = ""
    levels: _LevelsFile | None = None
    levels_path: str = ""
    stages: _StagesFile | None = None
    stages_path: str = ""
    red_flags: _RedFlagsFile | None = None
    red_flags_path: str = ""
    chapter_files: list[tuple[str, _ChaptersFile]] = field(default_factory=list)

    def read(self, path: Path, model: type[Any]) -> Any:
        """Read and validate one file; record its problems and return None if it fails."""
        try:
            data = load_data(path)
        except FounderCheckError as exc:
            self.problems.extend(exc.problems)
            return None
        self.sources.add(path, data)
        if not isinstance(data, dict):
            self.problems.append(Problem(str(path), "expected a mapping at the top", line=1))
            return None
        from pydantic import TypeAdapter, ValidationError

        _rename_keyword_keys(data)
        _join_chinese_lines(data)
        try:
            return TypeAdapter(model).validate_python(data)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, str(path), data))
            return None

    def to_content(self) -> Content:
        assert self.manifest and self.factors and self.levels and self.stages
        chapters = [
            Chapter(
                doc=chapters_file.document.id,
                section=entry.section,
                title=entry.title,
                summary=entry.summary,
                lesson=entry.lesson,
            )
            for _, chapters_file in self.chapter_files
            for entry in chapters_file.chapters
        ]
        return Content(
            name=self.manifest.name,
            version=self.manifest.version,
            root=str(self.root),
            sections=tuple(section for _, section in self.sections),
            factors=self.factors.factors,
            levels=self.levels.levels,
            red_flag_caps=self.levels.red_flag_caps,
            red_flag_points=self.levels.red_flag_points,
            red_flag_points_max=self.levels.red_flag_points_max,
            stages=self.stages.stages,
            default_stage=self.stages.default,
            red_flags=self.red_flags.red_flags if self.red_flags else (),
            documents=tuple(chapters_file.document for _, chapters_file in self.chapter_files),
            chapters=tuple(chapters),
        )


_MESSAGES = {
    "Unexpected keyword argument": "unknown field (see docs/content-format.md)",
    "Missing required argument": "required field is missing",
    "Field required": "required field is missing",
}


def validation_problems(exc: Any, source: str, data: Any) -> list[Problem]:
    """Turn pydantic errors into problems naming the line and the field."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        loc = tuple(error["loc"])
        field_path = ".".join(str(part).removesuffix("_") for part in loc)
        message = error["msg"].removeprefix("Value error, ")
        message = _MESSAGES.get(message, message)
        problems.append(Problem(source, message, line=line_of(data, loc), field=field_path or None))
    return problems


def read_content(root: Path) -> LoadedContent:
    """Read every file of a content folder, collecting problems instead of stopping."""
    loaded = LoadedContent(root=root)
    questionnaires = root / QUESTIONNAIRES
    scoring = root / SCORING
    for folder in (questionnaires, scoring):
        if not folder.is_dir():
            loaded.problems.append(Problem(str(root), f"no {folder.name}/ folder here"))
    if loaded.problems:
        return loaded
    for path in sorted(questionnaires.glob("*.y*ml")):
        section = loaded.read(path, Section)
        if section is not None:
            loaded.sections.append((str(path), section))
    loaded.sections.sort(key=lambda item: (item[1].order, item[1].id))
    if not loaded.sections:
        loaded.problems.append(Problem(str(questionnaires), "holds no questionnaire (*.yaml)"))
    loaded.manifest = _read_required(loaded, scoring / "content.yaml", _ManifestFile)
    loaded.factors = _read_required(loaded, scoring / "factors.yaml", _FactorsFile)
    loaded.factors_path = str(scoring / "factors.yaml")
    loaded.levels = _read_required(loaded, scoring / "levels.yaml", _LevelsFile)
    loaded.levels_path = str(scoring / "levels.yaml")
    loaded.stages = _read_required(loaded, scoring / "stages.yaml", _StagesFile)
    loaded.stages_path = str(scoring / "stages.yaml")
    red_flags_path = scoring / "red_flags.yaml"
    loaded.red_flags_path = str(red_flags_path)
    if red_flags_path.exists():
        loaded.red_flags = loaded.read(red_flags_path, _RedFlagsFile)
    for path in sorted((scoring / "chapters").glob("*.y*ml")):
        chapters_file = loaded.read(path, _ChaptersFile)
        if chapters_file is not None:
            loaded.chapter_files.append((str(path), chapters_file))
    if not loaded.chapter_files:
        loaded.problems.append(Problem(str(scoring / "chapters"), "holds no chapter catalogue"))
    return loaded


def _read_required(loaded: LoadedContent, path: Path, model: type[Any]) -> Any:
    if not path.exists():
        loaded.problems.append(Problem(str(path), "missing (required in every content folder)"))
        return None
    return loaded.read(path, model)
