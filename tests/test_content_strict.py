"""A key no model knows is an error at every depth of every content file.

Only the record each file is read as carries the config that forbids unknown keys; pydantic
applies it to the records inside. This checks that it does, in each kind of file, with the
installed command on a real copy of the bundled content.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import copy_content, edit_file, run_cli

# (file, text to replace, its replacement, the problem expected: "field: message")
SURPRISES = [
    (
        "scoring/content.yaml",
        'version: "2026.11.1"\n',
        'version: "2026.11.1"\nsurprise: 1\n',
        r"surprise",
    ),
    (
        "scoring/factors.yaml",
        "name: {en: Technical innovation, zh: 技术创新}",
        "name: {en: Technical innovation, zh: 技术创新, surprise: 1}",
        r"factors\.0\.name\.surprise",
    ),
    (
        "scoring/stages.yaml",
        "name: {en: Idea, zh: 创意阶段}",
        "name: {en: Idea, zh: 创意阶段, surprise: 1}",
        r"stages\.0\.name\.surprise",
    ),
    (
        "scoring/levels.yaml",
        "when: {question: market.segment_focus, value_at_least: 0.45}",
        "when: {question: market.segment_focus, value_at_least: 0.45, surprise: 1}",
        r"levels\.\d+\.requires\.0\.when\.surprise",
    ),
    (
        "scoring/red_flags.yaml",
        "- {question: funding.runway_months, lt: 6}",
        "- {question: funding.runway_months, lt: 6, surprise: 1}",
        r"red_flags\.\d+\.when\.all\.0\.surprise",
    ),
    (
        "scoring/chapters/000.yaml",
        '  id: "000"\n',
        '  id: "000"\n  surprise: 1\n',
        r"document\.surprise",
    ),
    (
        "scoring/chapters/000.yaml",
        'summary: {en: "Introduces',
        'summary: {surprise: 1, en: "Introduces',
        r"chapters\.0\.summary\.surprise",
    ),
    (
        "questionnaires/team.yaml",
        "      - id: no_technical_founder\n",
        "      - id: no_technical_founder\n        surprise: 1\n",
        r"questions\.\d+\.options\.0\.surprise",
    ),
]


def test_an_unknown_key_is_an_error_at_every_depth(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    for file, old, new, _ in SURPRISES:
        edit_file(content / file, old, new)
    result = run_cli("content", "check", str(content))
    assert result.returncode == 1, result.stderr
    for file, _, _, field in SURPRISES:
        name = re.escape(Path(file).name)
        assert re.search(rf"{name}:\d+: {field}: unknown field", result.stderr), (
            file,
            field,
            result.stderr,
        )
    assert "Traceback" not in result.stderr
