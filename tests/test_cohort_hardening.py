"""Issue 12, the cohort's part: one input never stops the run (cause 1), rejected rows cost a
bounded amount (cause 3), and `--out` is either completed or left as it was (causes 5, 10).

Each test is named after its cause; where it matters the installed console script runs as a
user runs it (`run_cli`), with a time limit, so a hang fails the test instead of stalling it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from founder_check import Content
from tests.cohort_helpers import (
    founder_data,
    invoke,
    read_csv,
    read_json,
    write_answers,
    write_cohort,
    write_csv,
)
from tests.conftest import run_cli, script_path

NUMBER = "funding.runway_months"  # a number every founder answers
TEXT = "market.notes"  # free text every founder may give


def _json_with(path: Path, data: dict[str, object], placeholder: str, raw_json: str) -> Path:
    """An answers file whose JSON holds `raw_json` (a literal json.dumps cannot write) where
    `placeholder` (a string value) was."""
    text = json.dumps(data, ensure_ascii=False).replace(json.dumps(placeholder), raw_json)
    assert raw_json in text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _report(out: Path) -> tuple[dict[str, object], dict[str, list[str]]]:
    """cohort.json's counts, and each rejected input's reasons by file name."""
    report = read_json(out / "cohort.json")
    reasons: dict[str, list[str]] = {}
    for row in read_csv(out / "rejected.csv"):
        reasons.setdefault(Path(row["input"]).name, []).append(row["reason"])
    return report["counts"], reasons


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) and its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


# --- cause 1: one input never stops the cohort -------------------------------------------


def test_cause1_a_file_name_that_is_not_utf8_is_scored_and_shown_escaped(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 2)
    odd = os.fsencode(inputs) + b"/caf\xe9 founder.yaml"  # Latin-1 bytes, not UTF-8
    data = founder_data(content, 7)
    with open(odd, "wb") as handle:
        handle.write(json.dumps(data).encode())  # JSON is YAML too
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert result.returncode == 0, result.stderr
    _no_traceback(result)
    founders = read_json(out / "cohort.json")["founders"]
    sources = {entry["founder"]: entry["source"] for entry in founders}
    assert sources["Founder 07"] == f"{inputs}/caf\\xe9 founder.yaml"
    rows = {row["founder"]: row for row in read_csv(out / "cohort.csv")}
    assert rows["Founder 07"]["source"] == f"{inputs}/caf\\xe9 founder.yaml"
    assert (out / "scorecards" / "founder-07-company-07.json").is_file()


def test_cause1_a_bad_file_name_in_a_rejection_is_escaped(tmp_path: Path, content: Content) -> None:
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 1)
    with open(os.fsencode(inputs) + b"/bad\xff.yaml", "wb") as handle:
        handle.write(b"founder: [\n")
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert result.returncode == 1, result.stderr
    _no_traceback(result)
    rejected = read_json(out / "cohort.json")["rejected"]
    assert [r["source"] for r in rejected] == [f"{inputs}/bad\\xff.yaml"]
    assert "invalid YAML" in rejected[0]["problems"][0]["message"]
    assert "bad\\xff.yaml" in result.stdout


def test_cause1_huge_integers_are_rejected_with_a_reason_or_kept_as_text(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 2)
    answer = founder_data(content, 10)
    answer["answers"][NUMBER] = "NUMBER"
    _json_with(inputs / "digits-5000.json", answer, "NUMBER", "9" * 5000)  # > int() limit
    _json_with(inputs / "digits-400.json", answer, "NUMBER", "9" * 400)  # > any float
    (inputs / "digits.yaml").write_text(
        f"founder: Y\nanswers:\n  {NUMBER}: {'9' * 5000}\n", encoding="utf-8"
    )
    name = founder_data(content, 11, founder="NAME")
    _json_with(inputs / "name-5000.json", name, "NAME", "7" * 5000)
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert result.returncode == 1, result.stderr
    _no_traceback(result)
    counts, reasons = _report(out)
    assert set(reasons) == {"digits-5000.json", "digits-400.json", "digits.yaml"}
    for file_name in ("digits-5000.json", "digits-400.json"):
        (reason,) = reasons[file_name]
        assert "expected a finite number" in reason and "characters)" in reason
        assert len(reason) < 200  # the digits are not repeated in full
    founders = {entry["founder"] for entry in read_json(out / "cohort.json")["founders"]}
    assert "7" * 200 in founders  # a founder "name" of 5,000 digits: kept as text, cut
    assert counts == {"inputs": 6, "scored": 3, "rejected": 3, "duplicates": 0}


def test_cause1_an_int_beyond_any_float_is_a_problem_not_an_overflow(content: Content) -> None:
    from founder_check.base.errors import AnswersError
    from founder_check.scoring.answers import parse_answers

    data = founder_data(content, 1)
    for huge in (10**400, 10**5000):
        data["answers"][NUMBER] = huge
        with pytest.raises(AnswersError) as caught:
            parse_answers(data, content)
        (problem,) = caught.value.problems
        assert problem.field == f"answers.{NUMBER}" and "finite number" in problem.message
        assert len(problem.message) < 120


def test_cause1_a_lone_surrogate_still_writes_the_scorecard(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 1)
    data = founder_data(content, 20)
    data["answers"][TEXT] = "NOTE"
    _json_with(inputs / "surrogate.json", data, "NOTE", '"before \\ud800 after"')
    named = founder_data(content, 21, company="COMPANY")
    _json_with(inputs / "named.json", named, "COMPANY", '"Acme \\udc80 AI"')
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert result.returncode == 0, result.stderr
    _no_traceback(result)
    card_path = out / "scorecards" / "founder-20-company-20.json"
    raw = card_path.read_bytes()
    raw.decode("utf-8")  # valid UTF-8 throughout
    assert "before \ufffd after" in raw.decode("utf-8")
    card = json.loads(raw)
    assert card["cohort"]["size"] == 3 and card["subject"]["founder"] == "Founder 20"
    companies = {entry["company"] for entry in read_json(out / "cohort.json")["founders"]}
    assert any(company and company.startswith("Acme") for company in companies)


def test_cause1_a_long_name_makes_a_file_name_under_255_bytes(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    wide = "\U00020000" * 150  # a CJK letter of 4 bytes in UTF-8: 600 bytes
    for number, tail in ((0, "a"), (1, "b"), (2, "c")):
        write_answers(
            inputs / f"f{number}.yaml",
            founder_data(content, number, founder=wide + tail, company="Example"),
        )
    write_answers(inputs / "latin.yaml", founder_data(content, 3, founder="N" * 190, company="C"))
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert result.returncode == 0, result.stderr
    names = sorted(os.fsencode(path.name) for path in (out / "scorecards").iterdir())
    assert len(names) == 4 and all(len(name) <= 143 for name in names)
    stems = sorted(name.decode().removesuffix(".json") for name in names)
    assert stems[-3:] == ["\U00020000" * 30, "\U00020000" * 30 + "-2", "\U00020000" * 30 + "-3"]
    entries = read_json(out / "cohort.json")["founders"]
    assert len({entry["scorecard"] for entry in entries}) == 4


def test_cause1_file_stem_is_cut_between_characters_within_the_byte_limit() -> None:
    from founder_check.cohort.export import MAX_STEM_BYTES, file_stem

    for text in ("é" * 200, "名" * 200, "\U00020000" * 200, "a" * 500, "ab名" * 100):
        stem = file_stem(text)
        assert 0 < len(stem.encode("utf-8")) <= MAX_STEM_BYTES
        assert text.startswith(stem)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_cause1_a_named_pipe_in_an_input_folder_is_rejected_without_a_hang(
    tmp_path: Path, content: Content
) -> None:
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 2)
    os.mkfifo(inputs / "pipe.yaml")  # opening it would wait for a writer for ever
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_cli("cohort", str(inputs), "--out", str(out), timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1, result.stderr
    _no_traceback(result)
    counts, reasons = _report(out)
    assert reasons == {
        "pipe.yaml": ["is a named pipe (FIFO), not a regular file; only regular files are read"]
    }
    assert counts["scored"] == 2


def test_cause1_a_bug_met_scoring_one_founder_rejects_that_founder_only(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from founder_check.scoring import engine

    score = engine.score

    def flaky(content: Content, answers: object, **kwargs: object) -> object:
        if getattr(answers, "founder", None) == "Founder 01":
            raise ZeroDivisionError("division by zero")
        return score(content, answers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "score", flaky)
    write_cohort(tmp_path / "in", content, 3)
    out = tmp_path / "out"
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 1, result.stdout
    counts, reasons = _report(out)
    assert counts["scored"] == 2
    (reason,) = reasons["founder-01.yaml"]
    assert "internal error (ZeroDivisionError: division by zero)" in reason
    assert sorted(p.name for p in (out / "scorecards").iterdir()) == [
        "founder-00-company-00.json",
        "founder-02-company-02.json",
    ]


def _dying_worker_run(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch, *, once: bool
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """40 founders scored by 2 workers; the worker that reaches founder-05.yaml is killed
    (SIGKILL), every time or only the first."""
    from founder_check.cohort.process import DIES_ON, DIES_ONCE

    write_cohort(tmp_path / "in", content, 40)
    monkeypatch.setenv(DIES_ON, "founder-05.yaml")
    if once:
        monkeypatch.setenv(DIES_ONCE, str(tmp_path / "died-once"))
    out = tmp_path / "out"
    result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out), "--jobs", "2", timeout=90)
    _no_traceback(result)
    return result, out


def test_cause1_a_worker_that_dies_costs_only_the_founder_that_killed_it(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, out = _dying_worker_run(tmp_path, content, monkeypatch, once=False)
    assert result.returncode == 1, result.stderr
    counts, reasons = _report(out)
    assert counts == {"inputs": 40, "scored": 39, "rejected": 1, "duplicates": 0}
    (reason,) = reasons["founder-05.yaml"]
    assert "worker process scoring this founder killed by SIGKILL, twice" in reason
    cards = sorted(p.name for p in (out / "scorecards").iterdir())
    assert len(cards) == 39 and "founder-05-company-05.json" not in cards
    assert not [p for p in out.rglob(".*")]  # no part file of the dead worker left


def test_cause1_a_worker_killed_once_loses_nothing(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, out = _dying_worker_run(tmp_path, content, monkeypatch, once=True)
    assert (tmp_path / "died-once").exists()  # a worker was killed
    assert result.returncode == 0, result.stderr
    counts, _ = _report(out)
    assert counts == {"inputs": 40, "scored": 40, "rejected": 0, "duplicates": 0}
    assert len(list((out / "scorecards").iterdir())) == 40
    single = tmp_path / "single"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(single)).exit_code == 0
    assert (
        read_json(single / "cohort.json")["founders"] == read_json(out / "cohort.json")["founders"]
    )


def test_cause1_the_worker_test_hook_needs_pytest(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a test run the hook is ignored: a user setting the variable changes nothing."""
    from founder_check.cohort.process import DIES_ON

    write_cohort(tmp_path / "in", content, 3)
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env[DIES_ON] = "founder-01.yaml"
    result = subprocess.run(
        [script_path(), "cohort", str(tmp_path / "in"), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr


# --- cause 3: rejected rows cost a bounded amount ----------------------------------------


def _all_invalid_csv(path: Path, content: Content, rows: int) -> Path:
    header = ["founder", "company", "stage", *(q.id for q in content.questions)]
    lines = [",".join(header)]
    for number in range(rows):
        cells = [f"Founder {number}", f"Company {number}", "seed"]
        cells += [f"zz{number}"] * len(content.questions)
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cause3_a_rejected_row_keeps_its_first_problems_and_a_count(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from founder_check.cohort import rejections

    monkeypatch.setattr(rejections, "DETAILED_INPUTS", 3)
    form = _all_invalid_csv(tmp_path / "form.csv", content, 5)
    out = tmp_path / "out"
    result = invoke("cohort", str(form), "--out", str(out))
    assert result.exit_code == 1, result.stdout
    rows = read_csv(out / "rejected.csv")
    per_row: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        per_row.setdefault(row["row"], []).append(row)
    assert sorted(per_row) == ["1", "2", "3", "4", "5"]
    for number in ("1", "2", "3"):  # the first DETAILED_INPUTS: three problems in full
        kept = per_row[number]
        assert len(kept) == rejections.PROBLEMS_KEPT
        assert kept[-1]["reason"].endswith("more problems)")
        assert "expected one of" in kept[0]["reason"]
    for number in ("4", "5"):  # later ones: the first problem, shortened, and the count
        (kept,) = per_row[number]
        assert kept["field"] == kept["field"] and kept["field"].startswith("column ")
        message, count = kept["reason"].split(" (and ")
        assert len(message) <= rejections.BRIEF_MESSAGE_CHARS and message.endswith("…")
        assert count.endswith(" more problems)")
    report = read_json(out / "cohort.json")
    assert [len(r["problems"]) for r in report["rejected"]] == [3, 3, 3, 1, 1]


def test_cause3_trimming_is_bounded_whatever_the_problems() -> None:
    from founder_check.base.errors import Problem
    from founder_check.cohort.inputs import Rejection
    from founder_check.cohort.rejections import (
        FIELD_CHARS,
        MESSAGE_CHARS,
        PROBLEMS_KEPT,
        RejectionLimiter,
    )

    problems = tuple(
        Problem("in.csv", "x" * 100_000, line=2, field="k" * 10_000) for _ in range(1000)
    )
    trimmed = RejectionLimiter().trim(Rejection("in.csv", 1, problems))
    assert len(trimmed.problems) == PROBLEMS_KEPT
    assert all(len(p.field or "") <= FIELD_CHARS for p in trimmed.problems)
    assert all(len(p.message) <= MESSAGE_CHARS + 40 for p in trimmed.problems)
    assert trimmed.problems[-1].message.endswith("(and 997 more problems)")
    one = RejectionLimiter().trim(Rejection("in.csv", 1, problems[:1]))
    assert "more problem" not in one.problems[0].message


def test_cause3_rejected_rows_cost_little_output_per_row(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every answer cell invalid: once past the detailed ones, well under 500 bytes a row
    (the benchmark's budget: 50 MB for 100,000 rows). Measured as what 200 more rows add,
    so the files every run writes whatever its size (texts.json, the dashboard) do not
    count."""
    from founder_check.cohort import rejections

    monkeypatch.setattr(rejections, "DETAILED_INPUTS", 0)
    written = []
    for rows in (200, 400):
        form = _all_invalid_csv(tmp_path / f"f{rows}.csv", content, rows)
        out = tmp_path / f"out{rows}"
        assert invoke("cohort", str(form), "--out", str(out)).exit_code == 1
        written.append(sum(path.stat().st_size for path in out.rglob("*") if path.is_file()))
    assert (written[1] - written[0]) / 200 < 500 + len(str(form)) * 2


# --- causes 5 and 10: --out completed or left as it was ----------------------------------


def _fail_writing_rejected_csv(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    from founder_check.cohort import export

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(export, "write_rejected_csv", fail)


def test_cause10_a_failed_run_leaves_no_new_folder(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_cohort(tmp_path / "in", content, 3)
    out = tmp_path / "new" / "report"
    _fail_writing_rejected_csv(monkeypatch, OSError(28, "No space left on device"))
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 1
    assert "cannot write: No space left on device" in result.stderr
    assert not (tmp_path / "new").exists()  # made by the run, so removed with it
    monkeypatch.undo()
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 0, result.stdout  # not refused as "not empty"


def test_cause10_an_interrupted_run_leaves_an_earlier_report_as_it_was(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_cohort(tmp_path / "in", content, 3)
    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    before = _snapshot(out)
    write_cohort(tmp_path / "in", content, 2, start=3)
    _fail_writing_rejected_csv(monkeypatch, KeyboardInterrupt())
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 130
    assert _snapshot(out) == before


def test_cause10_a_failure_putting_files_in_place_moves_them_back(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from founder_check.cohort import outdir

    write_cohort(tmp_path / "in", content, 3)
    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    before = _snapshot(out)
    write_cohort(tmp_path / "in", content, 2, start=3)
    rename = os.rename
    calls: list[str] = []

    def failing(source: object, destination: object) -> None:
        calls.append(str(destination))
        if str(destination).endswith("rejected.csv") and str(destination).startswith(str(out)):
            raise OSError(13, "Permission denied")
        rename(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(outdir.os, "rename", failing)
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 1
    assert "cannot put rejected.csv in place: Permission denied" in result.stderr
    assert any(call.endswith("cohort.csv") for call in calls)  # some were moved, then back
    assert _snapshot(out) == before


def test_cause10_ctrl_c_during_a_run_leaves_the_folder_as_it_was(
    tmp_path: Path, content: Content
) -> None:
    rows = [founder_data(content, number % 50, founder=f"F{number}") for number in range(3000)]
    form = write_csv(tmp_path / "form.csv", content, rows)
    out = tmp_path / "out"
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    process = subprocess.Popen(
        [script_path(), "cohort", str(form), "--out", str(out), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(p.name.startswith(".founder-check-") for p in out.iterdir())):
        assert process.poll() is None and time.monotonic() < deadline, "no work folder seen"
        time.sleep(0.01)
    time.sleep(0.3)  # well into scoring
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:  # finished before the signal: then it is complete
        assert (out / "cohort.json").is_file()
        pytest.skip("the run finished before Ctrl-C; nothing to check")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert not out.exists()  # new: made by the run, so removed with it


def test_cause5_an_out_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, content: Content
) -> None:
    write_cohort(tmp_path / "in", content, 2)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    cases = {
        a_file: f"--out {a_file}: exists and is not a folder",
        a_file / "report": f"--out {a_file / 'report'}: {a_file} is a file, not a folder",
    }
    for out, expected in cases.items():
        result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out))
        assert result.returncode == 1, result.stderr
        assert result.stderr.strip() == f"error: {expected}"
        assert result.stdout == ""  # nothing was scored
    assert a_file.read_text(encoding="utf-8") == "mine"


def _make_read_only(folder: Path) -> bool:
    """Make `folder` unwritable even by root (chattr +i) or by its owner (chmod)."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return True
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    return done.returncode == 0


def _undo_read_only(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o700)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_cause5_a_read_only_out_is_refused_before_any_work(
    tmp_path: Path, content: Content
) -> None:
    write_cohort(tmp_path / "in", content, 2)
    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    before = _snapshot(out)
    if shutil.which("chattr") is None and os.geteuid() == 0:
        pytest.skip("root without chattr: no folder is read-only")
    if not _make_read_only(out):
        pytest.skip("cannot make a folder read-only here")
    try:
        result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out))
        (out / ".probe").touch()
    except PermissionError:
        pass
    else:
        pytest.skip("the folder is writable after all")
    finally:
        _undo_read_only(out)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"error: --out {out}: cannot write into the folder: ")
    assert result.stdout == ""
    assert _snapshot(out) == before


def test_cause5_two_runs_never_write_one_folder_at_once(tmp_path: Path, content: Content) -> None:
    from founder_check.cohort.outdir import open_out_folder

    write_cohort(tmp_path / "in", content, 2)
    out = tmp_path / "out"
    holder = open_out_folder(out)
    try:
        result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out))
        assert result.returncode == 1
        assert "another founder-check cohort run is writing its report here" in result.stderr
        assert holder.work.is_dir()  # its work folder was not taken for a stale one
    finally:
        holder.close(keep=False)
    assert not out.exists()
    assert run_cli("cohort", str(tmp_path / "in"), "--out", str(out)).returncode == 0


def test_cause1_json_with_a_lone_surrogate_is_the_same_json_with_a_replacement(
    content: Content, example_answers: Path
) -> None:
    """The fallback encoder writes exactly what orjson writes, but for the surrogate."""
    import dataclasses

    from founder_check.base import json_text
    from founder_check.scoring.answers import load_answers
    from founder_check.scoring.engine import score

    card = score(content, load_answers(example_answers, content), next_steps=False)
    odd = dataclasses.replace(
        card, subject=dataclasses.replace(card.subject, company="Acme \ud800 AI")
    )
    fine = dataclasses.replace(
        card, subject=dataclasses.replace(card.subject, company="Acme \ufffd AI")
    )
    assert json_text.compact(odd) == json_text.compact(fine)
    assert json_text.indented(odd) == json_text.indented(fine)
    with pytest.raises(TypeError):
        json_text.compact({"not data": object()})


def _squares_or_death(conn: object, marker: str) -> None:
    """A pool worker for the test below: squares, but dies on 13 always, on 42 once, and
    takes its time over 1000 and more."""
    from founder_check.cohort.pool import serve

    def handle(name: str, items: list[int]) -> list[int]:
        for item in items:
            if item == 13 or (item == 42 and not os.path.exists(marker)):
                Path(marker).touch()
                os._exit(7)
            if item >= 1000:
                time.sleep(0.3)
        return [item * item for item in items]

    serve(conn, handle)  # type: ignore[arg-type]


def test_cause1_the_pool_survives_dying_workers_and_keeps_the_order(tmp_path: Path) -> None:
    from founder_check.cohort.pool import Pool, WorkerLost, chunked

    pool = Pool(3, _squares_or_death, (str(tmp_path / "died"),))
    try:
        results = [
            value
            for chunk in pool.map(
                "square",
                chunked(range(100), 8),
                window=4,
                lost=lambda item, reason: f"lost {item}: {reason}",
            )
            for value in chunk
        ]
        expected: list[object] = [n * n for n in range(100)]
        expected[13] = "lost 13: stopped with exit code 7"
        assert results == expected  # 42 died once and was scored again
        with pytest.raises(WorkerLost, match="exit code 7"):  # no second chance without lost
            # 1000 and 1001 are still being squared when 13 kills its worker
            list(pool.map("square", chunked([1000, 1001, 13, 1002], 1), window=8))
        # what the abandoned run left in flight never leaks into the next one
        again = [1003, 1004, 5]  # slow too: the abandoned 1000 and 1001 would finish first
        assert list(pool.map("square", chunked(again, 1), window=6)) == [[n * n] for n in again]
    finally:
        pool.close()


def test_cause1_a_bug_met_reading_one_csv_file_rejects_that_file_only(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from founder_check.cohort import inputs

    plan_columns = inputs.plan_columns

    def flaky(headers: list[str], mapping: object, content: Content, source: str) -> object:
        if source.endswith("b.csv"):
            raise KeyError("oops")
        return plan_columns(headers, mapping, content, source)  # type: ignore[arg-type]

    monkeypatch.setattr(inputs, "plan_columns", flaky)
    write_csv(tmp_path / "a.csv", content, [founder_data(content, 0)])
    write_csv(tmp_path / "b.csv", content, [founder_data(content, 1)])
    write_csv(tmp_path / "c.csv", content, [founder_data(content, 2)])
    out = tmp_path / "out"
    files = [str(tmp_path / name) for name in ("a.csv", "b.csv", "c.csv")]
    result = invoke("cohort", *files, "--out", str(out))
    assert result.exit_code == 1, result.stdout
    counts, reasons = _report(out)
    assert counts["scored"] == 2
    assert reasons == {
        "b.csv": [
            "not read further: internal error (KeyError: 'oops'); this is a bug in founder-check"
        ]
    }


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, ended but not yet reaped, does not count)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc (Linux)")
def test_cause10_workers_of_a_killed_run_stop_and_free_the_folder(
    tmp_path: Path, content: Content
) -> None:
    rows = [founder_data(content, number % 50, founder=f"F{number}") for number in range(3000)]
    form = write_csv(tmp_path / "form.csv", content, rows)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [script_path(), "cohort", str(form), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.monotonic() + 60
    tasks = Path(f"/proc/{process.pid}/task")
    while len(children) < 2:
        assert process.poll() is None and time.monotonic() < deadline, "no workers seen"
        children = [
            int(pid)
            for task in tasks.iterdir()
            for pid in (task / "children").read_text(encoding="utf-8").split()
        ]
        time.sleep(0.01)
    process.kill()  # kill -9: no clean-up in the run itself
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in children):
        assert time.monotonic() < deadline, "workers outlived their run"
        time.sleep(0.1)
    write_cohort(tmp_path / "in", content, 2)
    result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.returncode == 0, result.stderr  # not locked, left-over work removed
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def _exit_1_if_open(fd: int) -> None:
    try:
        os.fstat(fd)
    except OSError:
        return
    sys.exit(1)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork start method only")
def test_cause10_forked_workers_do_not_hold_the_folder_lock(tmp_path: Path) -> None:
    import multiprocessing

    from founder_check.cohort.outdir import open_out_folder

    holder = open_out_folder(tmp_path / "out")
    try:
        lock = holder._lock
        assert lock is not None
        child = multiprocessing.get_context("fork").Process(target=_exit_1_if_open, args=(lock,))
        child.start()
        child.join(30)
        assert child.exitcode == 0  # closed in the worker; still held here
        os.fstat(lock)
    finally:
        holder.close(keep=False)
