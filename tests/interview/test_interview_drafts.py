"""The draft store: where drafts live, atomic private writes, round trips, damaged drafts."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from founder_check.base.errors import FounderCheckError
from founder_check.content.models import Content
from founder_check.interview.drafts import (
    Draft,
    default_draft_dir,
    draft_path_for,
    read_draft,
    remove_draft,
    save_draft,
)
from founder_check.scoring.answers import Answers, parse_answers


def make_draft(content: Content, **changes: object) -> Draft:
    answers = Answers(
        founder="Ada",
        stage="seed",
        values={
            "basics.sector": "retail",
            "basics.raising": True,
            "basics.team_size": 12,
            "details.strengths": ("research", "sales"),
            "details.runway": 18.5,
        },
        skipped=("details.growth",),
    )
    fields: dict[str, object] = {
        "saved_at": "2026-01-02T03:04:05+00:00",
        "content_name": content.name,
        "content_version": content.version,
        "content_root": content.root,
        "lang": "en",
        "save": "/somewhere/answers.yaml",
        "save_chosen": True,
        "done": ("founder", "company", "stage", "basics.sector"),
        "answers_file": answers.to_file_data(),
    }
    fields.update(changes)
    return Draft.model_validate(fields)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_default_location_is_the_user_data_dir(data_home: Path) -> None:
    assert default_draft_dir() == data_home / "founder-check" / "drafts"
    path = draft_path_for(None, "founder-check-standard")
    assert path == data_home / "founder-check" / "drafts" / "founder-check-standard.draft.json"


def test_content_names_become_safe_file_names(data_home: Path) -> None:
    path = draft_path_for(None, "../My Program/2026")
    assert path.parent == default_draft_dir()
    assert path.name == "My-Program-2026.draft.json"


def test_a_chosen_answers_file_keeps_its_draft_beside_it(tmp_path: Path) -> None:
    save = tmp_path / "acme.yaml"
    assert draft_path_for(save, "anything") == tmp_path / "acme.yaml.draft.json"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_save_creates_a_private_folder_and_file(content: Content, data_home: Path) -> None:
    path = draft_path_for(None, content.name)
    save_draft(path, make_draft(content))
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary files left"


def test_round_trip_keeps_answers_and_position(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "d.draft.json"
    draft = make_draft(content, sections=("details",))
    save_draft(path, draft)
    again = read_draft(path)
    assert again == draft
    answers = parse_answers(again.answers_file, content, require_complete=False)
    assert answers.values["details.strengths"] == ("research", "sales")
    assert answers.values["basics.raising"] is True
    assert answers.values["details.runway"] == 18.5
    assert "details.growth" in answers.skipped
    assert again.done == ("founder", "company", "stage", "basics.sector")
    assert again.answered == 7  # five answers, the name and the stage
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "founder-check-draft"


def test_saving_again_replaces_the_draft_atomically(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "d.draft.json"
    save_draft(path, make_draft(content))
    save_draft(path, make_draft(content, done=("founder",)))
    assert read_draft(path).done == ("founder",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.draft.json"]


def test_a_file_that_is_not_a_draft_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.draft.json"
    path.write_text('{"answers": {}}', encoding="utf-8")
    with pytest.raises(FounderCheckError) as caught:
        read_draft(path)
    assert str(path) in str(caught.value)
    assert "not a founder-check draft" in str(caught.value)


def test_a_damaged_draft_names_the_field(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "x.draft.json"
    data = make_draft(content).model_dump(mode="json")
    data["lang"] = "fr"
    del data["save"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FounderCheckError) as caught:
        read_draft(path)
    fields = {problem.field for problem in caught.value.problems}
    assert {"lang", "save"} <= fields
    assert all(problem.source == str(path) for problem in caught.value.problems)


def test_broken_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.draft.json"
    path.write_text('{"format": "founder-check-draft",', encoding="utf-8")
    with pytest.raises(FounderCheckError) as caught:
        read_draft(path)
    assert str(path) in str(caught.value)


def test_remove_is_quiet_when_the_draft_is_gone(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "d.draft.json"
    save_draft(path, make_draft(content))
    remove_draft(path)
    remove_draft(path)
    assert not path.exists()
