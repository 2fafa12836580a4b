"""The draft lock on its own: who holds it, what a second holder is told, what is cleaned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from founder_check.base.unicode_text import replace_lone_surrogates
from founder_check.interview.draft_lock import (
    DraftInUseError,
    hold_draft,
    owner_path,
    remove_stale_temporaries,
)
from founder_check.interview.drafts import Draft, save_draft

HOLD = """
import sys, time
from pathlib import Path
from founder_check.interview.draft_lock import hold_draft
with hold_draft(Path(sys.argv[1]), started=time.time()):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_draft_held_by_another_process_is_refused_with_its_process_id(tmp_path: Path) -> None:
    draft = tmp_path / "a.yaml.draft.json"
    draft.write_text("{}", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(draft)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(DraftInUseError) as refused, hold_draft(draft, started=time.time()):
            pytest.fail("a held draft was entered")
        message = str(refused.value)
        assert str(draft) in message and f"process {holder.pid}," in message
        assert refused.value.exit_code == 1
    finally:
        holder.communicate("\n", timeout=30)
    assert not owner_path(draft).exists()
    with hold_draft(draft, started=time.time()):  # free once its holder ended
        assert json.loads(owner_path(draft).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_a_forged_holder_record_is_not_echoed(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(draft)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        forged = {"pid": 1, "host": "\x1b]0;pwned\x07", "started": "now"}
        owner_path(draft).write_text(json.dumps(forged), encoding="utf-8")
        with pytest.raises(DraftInUseError) as refused, hold_draft(draft, started=time.time()):
            pass
        assert "process not known" in str(refused.value) and "\x1b" not in str(refused.value)
    finally:
        holder.communicate(b"\n", timeout=30)


def test_only_this_drafts_older_temporaries_are_removed(tmp_path: Path) -> None:
    draft = tmp_path / "x[1].yaml.draft.json"  # glob characters in the name are literal
    now = time.time()
    mine = tmp_path / f".{draft.name}.abc123.tmp"
    fresh = tmp_path / f".{draft.name}.def456.tmp"
    other = tmp_path / ".x1.yaml.draft.json.abc123.tmp"
    for path, age in ((mine, 60), (fresh, -60), (other, 60)):
        path.write_text("{", encoding="utf-8")
        os.utime(path, (now - age, now - age))
    assert remove_stale_temporaries(draft, older_than=now) == [mine]
    assert fresh.exists() and other.exists()


def test_the_draft_writer_keeps_text_with_lone_surrogates(tmp_path: Path) -> None:
    draft = Draft(
        saved_at="2026-01-01T00:00:00+00:00",
        content_name="c",
        content_version="1",
        content_root="/c",
        lang="en",
        save="/a.yaml",
        save_chosen=False,
        answers_file={"founder": "Ada \udcff", "answers": {"x.notes": "a\ud83d\ude00b \ud800"}},
    )
    path = tmp_path / "d.draft.json"
    save_draft(path, draft)
    saved = json.loads(path.read_text(encoding="utf-8"))["answers_file"]
    assert saved == {"founder": "Ada \ufffd", "answers": {"x.notes": "a\U0001f600b \ufffd"}}


def test_lone_surrogates_are_replaced_and_pairs_joined() -> None:
    assert replace_lone_surrogates("plain") == "plain"
    assert replace_lone_surrogates("中文 é") == "中文 é"
    assert replace_lone_surrogates("\udcff\ud800x") == "\ufffd\ufffdx"
    assert replace_lone_surrogates("\ud83d\ude00") == "\U0001f600"
