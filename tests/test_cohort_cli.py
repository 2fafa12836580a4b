"""`founder-check cohort` end to end: real files in, real files out, exit codes, safety."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from founder_check import Content
from tests.cohort_helpers import (
    founder_data,
    invoke,
    outputs_without_timestamps,
    read_csv,
    read_json,
    write_answers,
    write_cohort,
    write_csv,
)
from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, object]]:
    """The published schemas, from the installed script (as another program would get them)."""
    found = {}
    for name in ("cohort", "cohort-scorecard", "cohort-texts", "scorecard"):
        result = run_cli("schema", name)
        assert result.returncode == 0, result.stderr
        found[name] = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(found[name])
    return found


def _mixed_inputs(tmp_path: Path, content: Content) -> list[str]:
    """Good founders (YAML, nested JSON, CSV rows) and one of every kind of bad input."""
    inputs = tmp_path / "in"
    write_cohort(inputs, content, 5)
    write_answers(inputs / "nested" / "deeper" / "json-founder.json", founder_data(content, 40))
    (inputs / "broken.yaml").write_text("founder: Broken\nanswers: [\n", encoding="utf-8")
    incomplete = founder_data(content, 41)
    del incomplete["answers"]["funding.runway_months"]
    write_answers(inputs / "incomplete.yaml", incomplete)
    again = founder_data(content, 2, founder="  founder 02 ", company="COMPANY 02")
    write_answers(inputs / "zz-again.json", again)
    bad_row = founder_data(content, 43)
    bad_row["answers"]["market.segment_focus"] = "no_such_option"
    write_csv(tmp_path / "form.csv", content, [founder_data(content, 42), bad_row])
    return [str(inputs), str(tmp_path / "form.csv"), str(tmp_path / "missing.yaml")]


def test_bad_inputs_are_reported_and_never_stop_the_others(
    tmp_path: Path, content: Content, schemas: dict[str, dict[str, object]]
) -> None:
    out = tmp_path / "report"
    result = run_cli("cohort", *_mixed_inputs(tmp_path, content), "--out", str(out))
    assert result.returncode == 1, result.stderr
    for heading in (
        "Ranking",
        "Success factors across the cohort",
        "Gaps that cost the cohort most",
        "Inputs not used",
    ):
        assert heading in result.stdout
    report = read_json(out / "cohort.json")
    assert report["counts"] == {"inputs": 12, "scored": 7, "rejected": 5, "duplicates": 1}
    reasons = {(r["input"].rsplit("/", 1)[-1], r["row"]): r for r in read_csv(out / "rejected.csv")}
    assert set(reasons) == {
        ("broken.yaml", ""),
        ("incomplete.yaml", ""),
        ("zz-again.json", ""),
        ("form.csv", "2"),
        ("missing.yaml", ""),
    }
    assert reasons[("broken.yaml", "")]["line"] == "3"
    assert "invalid YAML" in reasons[("broken.yaml", "")]["reason"]
    assert "required answer is missing" in reasons[("incomplete.yaml", "")]["reason"]
    assert reasons[("incomplete.yaml", "")]["field"] == "answers.funding.runway_months"
    assert "duplicate founder" in reasons[("zz-again.json", "")]["reason"]
    assert "founder-02.yaml" in reasons[("zz-again.json", "")]["reason"]
    row = reasons[("form.csv", "2")]
    assert row["line"] == "3" and "market.segment_focus" in row["field"]
    assert "'no_such_option' is not an option" in row["reason"]
    assert reasons[("missing.yaml", "")]["reason"] == "no such file or folder"
    # every scored founder has its scorecard, and every file validates against its schema
    cards = sorted((out / "scorecards").iterdir())
    assert len(cards) == 7
    jsonschema.validate(report, schemas["cohort"])
    for path in cards:
        card = read_json(path)
        jsonschema.validate(card, schemas["cohort-scorecard"])
        assert card["texts"] == "texts.json"
    jsonschema.validate(read_json(out / "texts.json"), schemas["cohort-texts"])
    assert [f["rank"] for f in report["founders"]] == sorted(f["rank"] for f in report["founders"])
    # the duplicate's scorecard was never finished: no part file or work folder is left
    assert not [p for p in out.rglob(".*")]


def test_all_good_exits_0_and_writes_every_file(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "in", content, 6)
    out = tmp_path / "out"
    result = run_cli("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "cohort.csv",
        "cohort.json",
        "cohort.xlsx",
        "index.html",
        "onepagers",
        "rejected.csv",
        "scorecards",
        "texts.json",
    ]
    assert (out / "rejected.csv").read_bytes() == b"\xef\xbb\xbfinput,row,line,field,reason\r\n"
    assert len(read_csv(out / "cohort.csv")) == 6
    assert all((p.stat().st_mode & 0o077) == 0 for p in out.rglob("*.json"))


def test_strict_stops_at_the_first_error_and_writes_nothing(
    tmp_path: Path, content: Content
) -> None:
    out = tmp_path / "out"
    inputs = _mixed_inputs(tmp_path, content)
    result = run_cli("cohort", *inputs, "--out", str(out), "--strict")
    assert result.returncode == 1
    assert result.stderr.strip().endswith("missing.yaml: no such file or folder")
    result = run_cli("cohort", *inputs[:2], "--out", str(out), "--strict")
    assert result.returncode == 1  # inputs are taken in path order: form.csv before in/
    assert "form.csv:3: column 'market.segment_focus': 'no_such_option'" in result.stderr
    result = run_cli("cohort", inputs[0], "--out", str(out), "--strict")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "broken.yaml:3: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (out / "cohort.json").exists() and not (out / "scorecards").exists()
    write_cohort(tmp_path / "good", content, 3)
    result = run_cli("cohort", str(tmp_path / "good"), "--out", str(out), "--strict")
    assert result.returncode == 0, result.stderr


def test_same_files_whatever_the_input_order_and_jobs(tmp_path: Path, content: Content) -> None:
    inputs = _mixed_inputs(tmp_path, content)
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert invoke("cohort", *inputs, "--out", str(first)).exit_code == 1
    assert invoke("cohort", *reversed(inputs), "--out", str(second)).exit_code == 1
    result = invoke("cohort", inputs[1], inputs[2], inputs[0], "--out", str(third), "--jobs", "2")
    assert result.exit_code == 1, result.stdout
    expected = outputs_without_timestamps(first)
    assert outputs_without_timestamps(second) == expected
    assert outputs_without_timestamps(third) == expected


def test_large_cohorts_use_every_cpu_by_default_with_the_same_files(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from founder_check.cohort import run

    started: list[int] = []
    workers = run.Workers

    def counted(content: Content, settings: object, jobs: int) -> object:
        started.append(jobs)
        return workers(content, settings, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "Workers", counted)
    monkeypatch.setattr(run.os, "cpu_count", lambda: 2)
    write_cohort(tmp_path / "in", content, run.AUTO_JOBS_MIN)
    default, single = tmp_path / "default", tmp_path / "single"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(default)).exit_code == 0
    assert invoke("cohort", str(tmp_path / "in"), "-o", str(single), "-j", "1").exit_code == 0
    assert started == [2, 1]
    assert outputs_without_timestamps(default) == outputs_without_timestamps(single)
    (tmp_path / "in" / "founder-00.yaml").unlink()  # one short of the threshold: one process
    assert invoke("cohort", str(tmp_path / "in")).exit_code == 0
    assert started == [2, 1, 1]


def test_percentiles_only_in_cohorts_of_five_or_more(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "four", content, 4)
    out = tmp_path / "out4"
    result = invoke("cohort", str(tmp_path / "four"), "--out", str(out))
    assert result.exit_code == 0, result.stdout
    assert "fewer than 5 founders" in result.stdout
    report = read_json(out / "cohort.json")
    assert all(f["percentiles"] is None for f in report["founders"])
    assert all(row["overall_percentile"] == "" for row in read_csv(out / "cohort.csv"))
    for path in (out / "scorecards").iterdir():
        placement = read_json(path)["cohort"]
        assert placement == {"size": 4, "min_size": 5, "rank": None, "percentiles": None}

    write_cohort(tmp_path / "four", content, 1, start=4)
    out = tmp_path / "out5"
    assert invoke("cohort", str(tmp_path / "four"), "--out", str(out)).exit_code == 0
    report = read_json(out / "cohort.json")
    percentiles = [f["percentiles"]["overall"] for f in report["founders"]]
    assert percentiles == sorted(percentiles, reverse=True) and len(set(percentiles)) > 1
    top = report["founders"][0]
    card = read_json(out / top["scorecard"])
    assert card["cohort"]["rank"] == 1 and card["cohort"]["size"] == 5
    assert card["cohort"]["percentiles"] == top["percentiles"]
    assert set(card["cohort"]["percentiles"]["factors"]) == {f.id for f in content.factors}


def test_formulas_and_paths_in_names_stay_harmless(tmp_path: Path, content: Content) -> None:
    names = [
        ('=HYPERLINK("http://evil.example","click")', "../../etc"),
        ("+cmd|' /C calc'!A0", "@SUM(1+1)"),
        ("-2+3", "\tTabbed"),
        ("../../../../tmp/escape", "..\\..\\windows"),
        ("CON", None),
        ("Eve\x1b]0;pwned\x07\x1b[2J", "Term Co"),
    ]
    for number, (founder, company) in enumerate(names):
        data = founder_data(content, number, founder=founder, company=company)
        write_answers(tmp_path / "in" / f"f{number}.json", data)
    (tmp_path / "=cmd.yaml").write_text("not: [valid", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("cohort", "in", "=cmd.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout  # no terminal escapes
    assert "Eve ]0;pwned  [2J" in result.stdout  # control characters dropped at reading
    cards = sorted(p.name for p in (out / "scorecards").iterdir())
    assert len(cards) == len(names)
    for name in cards:
        assert "/" not in name and "\\" not in name and not name.startswith((".", "-"))
        assert (out / "scorecards" / name).resolve().parent == (out / "scorecards").resolve()
    assert "con-founder.json" in cards and "hyperlink-http-evil-example-click-etc.json" in cards
    assert sorted(p.name for p in tmp_path.iterdir()) == ["=cmd.yaml", "in", "out"]
    rows = read_csv(out / "cohort.csv")
    for row in rows:
        for key in ("founder", "company"):
            assert not row[key] or row[key][0] not in "=+-@\t\r", row[key]
    assert {row["founder"] for row in rows} >= {
        '\'=HYPERLINK("http://evil.example","click")',
        "'+cmd|' /C calc'!A0",
        "'-2+3",
    }
    # answers files trim names, so a leading tab is gone before it reaches a cell
    assert {row["company"] for row in rows} >= {"'@SUM(1+1)", "Tabbed"}
    rejected = read_csv(out / "rejected.csv")
    assert [row["input"] for row in rejected] == ["'=cmd.yaml"]
    # the JSON keeps the names exactly as given: it is data, not a spreadsheet
    founders = {f["founder"] for f in read_json(out / "cohort.json")["founders"]}
    assert '=HYPERLINK("http://evil.example","click")' in founders


def test_csv_with_question_ids_and_multi_choice_separator(tmp_path: Path, content: Content) -> None:
    rows = [founder_data(content, n) for n in range(3)]
    form = write_csv(tmp_path / "form.csv", content, rows, sep="|")
    out = tmp_path / "out"
    result = invoke("cohort", str(form), "--separator", "|", "--out", str(out))
    assert result.exit_code == 0, result.stdout
    report = read_json(out / "cohort.json")
    assert [f["row"] for f in sorted(report["founders"], key=lambda f: f["row"])] == [1, 2, 3]
    result = invoke("cohort", str(form), "--out", str(tmp_path / "out2"))
    assert result.exit_code == 1  # with the default ';' the '|' cells are not options


def test_template_csv_and_map_build_a_form_that_reads_back(
    tmp_path: Path, content: Content
) -> None:
    assert invoke("template", "--map", str(tmp_path / "map.yaml")).exit_code == 2
    result = invoke("template", "--csv")
    assert result.exit_code == 0
    header = result.stdout.strip().split(",")
    assert header[:3] == ["founder", "company", "stage"]
    assert header[3:] == [q.id for q in content.questions]

    mapping, form = tmp_path / "map.yaml", tmp_path / "form.csv"
    result = invoke("template", "--csv", "--map", str(mapping), "--output", str(form))
    assert result.exit_code == 0, result.stdout
    import csv

    with open(form, encoding="utf-8", newline="") as handle:
        titles = next(csv.reader(handle))
    assert titles[3] == content.questions[0].text.en
    # fill the form as a form tool exports it: option labels, ', ' between choices
    mapping.write_text(
        mapping.read_text(encoding="utf-8").replace('separator: ";"', 'separator: ", "'),
        encoding="utf-8",
    )
    lines = [titles]
    for number in range(2):
        data = founder_data(content, number, stage="seed")
        cells = [data["founder"], data["company"], "Seed"]
        for question in content.questions:
            raw = data["answers"].get(question.id)
            if raw is None:
                cells.append("")
            elif question.kind == "single":
                cells.append(question.option(raw).label.en.upper())
            elif question.kind == "multi":
                cells.append(", ".join(question.option(item).label.en for item in raw))
            elif question.kind == "yesno":
                cells.append("Yes" if raw == "yes" else "No")
            else:
                cells.append(str(raw))
        lines.append(cells)
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(lines)
    out = tmp_path / "out"
    result = invoke("cohort", str(form), "--map", str(mapping), "--out", str(out))
    assert result.exit_code == 0, result.stdout
    for entry in read_json(out / "cohort.json")["founders"]:
        assert entry["stage"] == {"id": "seed", "name": "Seed", "source": "answers"}


def test_a_bad_map_file_is_an_error_naming_its_line(tmp_path: Path, content: Content) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  Runway: funding.runwya_months\nlabels:\n  stage:\n    Seed round: seedling\n",
        encoding="utf-8",
    )
    form = write_csv(tmp_path / "form.csv", content, [founder_data(content, 0)])
    result = run_cli("cohort", str(form), "--map", str(mapping))
    assert result.returncode == 1
    assert f"{mapping}:2: columns.Runway: 'funding.runwya_months' is not a question id" in (
        result.stderr
    )
    assert "did you mean 'funding.runway_months'" in result.stderr
    assert f"{mapping}:5: labels.stage.Seed round: 'seedling' is not a stage" in result.stderr


def test_out_folder_must_be_new_empty_or_an_earlier_report(
    tmp_path: Path, content: Content
) -> None:
    write_cohort(tmp_path / "in", content, 3)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.docx").write_text("mine", encoding="utf-8")
    result = run_cli("cohort", str(tmp_path / "in"), "--out", str(busy))
    assert result.returncode == 2 and "not empty" in result.stderr
    assert sorted(p.name for p in busy.iterdir()) == ["thesis.docx"]

    out = tmp_path / "out"
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    assert len(list((out / "scorecards").iterdir())) == 3
    (tmp_path / "in" / "founder-02.yaml").unlink()
    stale = out / ".founder-check-killed"  # the work folder of a run that was killed
    stale.mkdir()
    (stale / "cards-1.bin").write_bytes(b"{")
    assert invoke("cohort", str(tmp_path / "in"), "--out", str(out)).exit_code == 0
    assert sorted(p.name for p in (out / "scorecards").iterdir()) == [
        "founder-00-company-00.json",
        "founder-01-company-01.json",
    ]
    assert not [p for p in out.rglob(".*")]  # no work folder or temporary file left behind


def test_the_report_folder_inside_an_input_folder_is_not_read(
    tmp_path: Path, content: Content
) -> None:
    write_cohort(tmp_path, content, 3)
    for _ in range(2):
        result = invoke("cohort", str(tmp_path), "--out", str(tmp_path / "report"))
        assert result.exit_code == 0, result.stdout
        assert read_json(tmp_path / "report" / "cohort.json")["counts"]["inputs"] == 3


def test_terminal_only_without_out(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "in", content, 7)
    result = invoke("cohort", str(tmp_path / "in"), "--rows", "2", "--lang", "zh")
    assert result.exit_code == 0, result.stdout
    assert "排名" in result.stdout and "全批次成功要素统计" in result.stdout
    assert "显示 7 项中的 2 项" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_stage_option_applies_to_every_founder(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "in", content, 2)
    out = tmp_path / "out"
    assert (
        invoke("cohort", str(tmp_path / "in"), "--stage", "idea", "--out", str(out)).exit_code == 0
    )
    report = read_json(out / "cohort.json")
    assert report["stage_option"] == "idea"
    assert {f["stage"]["source"] for f in report["founders"]} == {"option"}
    result = invoke("cohort", str(tmp_path / "in"), "--stage", "unicorn")
    assert result.exit_code == 2
    result = invoke(
        "cohort", str(tmp_path / "in"), "--content", str(ROOT), "--out", str(tmp_path / "other")
    )
    assert result.exit_code == 0, result.stdout
    assert read_json(tmp_path / "other" / "cohort.json")["content"]["name"] == content.name
    assert invoke("cohort", str(tmp_path / "in"), "--content", str(tmp_path)).exit_code == 1


def test_no_inputs_found_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("cohort", str(tmp_path / "empty"), str(tmp_path / "notes.txt"))
    assert result.exit_code == 1
    assert "folder holds no answers files" in result.stdout
    assert "no such file or folder" in result.stdout


def test_progress_bar_only_on_a_terminal(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from founder_check.cohort import run as cohort_run
    from founder_check.cohort.run import CohortOptions, run_cohort

    monkeypatch.setattr(cohort_run, "PROGRESS_MIN", 2)
    write_cohort(tmp_path / "in", content, 3)
    options = CohortOptions(inputs=(tmp_path / "in",))
    for terminal in (True, False):
        err = io.StringIO()
        console = Console(file=err, force_terminal=terminal, width=100)
        code = run_cohort(content, options, Console(file=io.StringIO()), console)
        assert code == 0
        assert ("Scoring founders" in err.getvalue()) is terminal


def test_the_workbook_is_forked_before_the_scorecards_are_finished_and_alone(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook's child starts before the scorecards are finished, and no thread but
    the main one runs then, progress bars drawn included (a fork copies only the forking
    thread, and with it the locks other threads held)."""
    import threading

    from rich.console import Console

    from founder_check.cohort import run as cohort_run
    from founder_check.cohort.background import Background
    from founder_check.cohort.run import CohortOptions, run_cohort

    at_fork: list[tuple[set[int], int]] = []  # (threads, scorecards finished)

    def counting(*args: Any, **kwargs: Any) -> Background:
        finished = len(list((args[1].parent / "scorecards").glob("*.json")))
        at_fork.append(({thread.ident or 0 for thread in threading.enumerate()}, finished))
        return Background(*args, **kwargs)

    monkeypatch.setattr(cohort_run, "PROGRESS_MIN", 2)
    monkeypatch.setattr(cohort_run, "Background", counting)
    write_cohort(tmp_path / "in", content, 4)
    out = tmp_path / "out"
    options = CohortOptions(inputs=(tmp_path / "in",), out=out, jobs=2)
    err = io.StringIO()
    console = Console(file=err, force_terminal=True, width=100)
    before = {thread.ident or 0 for thread in threading.enumerate()}
    assert run_cohort(content, options, Console(file=io.StringIO()), console) == 0
    [(threads, finished)] = at_fork
    assert threads <= before and finished == 0
    assert "Scoring founders" in err.getvalue() and "Writing scorecards" in err.getvalue()
    assert (out / "cohort.xlsx").stat().st_size > 0
    assert len(list((out / "scorecards").glob("*.json"))) == 4


def test_copied_inputs_keep_their_place_in_the_output(tmp_path: Path, content: Content) -> None:
    """A founder's file name follows the founder, not the order the files were found in."""
    write_cohort(tmp_path / "in", content, 3)
    shutil.copytree(tmp_path / "in", tmp_path / "copy")
    out = tmp_path / "out"
    result = invoke("cohort", str(tmp_path / "copy"), str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 1  # the copies are duplicates of the founders in copy/
    rejected = read_json(out / "cohort.json")["rejected"]
    assert [Path(r["source"]).parent.name for r in rejected] == ["in", "in", "in"]


def test_a_warning_when_yaml_is_read_without_libyaml(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from founder_check.base import readers
    from founder_check.cohort.run import CohortOptions, run_cohort

    write_cohort(tmp_path / "in", content, 1)
    options = CohortOptions(inputs=(tmp_path / "in",))
    for have_libyaml in (True, False):
        monkeypatch.setattr(readers, "HAVE_LIBYAML", have_libyaml)
        err = io.StringIO()
        run_cohort(content, options, Console(file=io.StringIO()), Console(file=err, width=200))
        assert ("without libyaml" in err.getvalue()) is not have_libyaml


def test_error_text_from_an_input_is_never_read_as_markup(tmp_path: Path, content: Content) -> None:
    data = founder_data(content, 0)
    data["answers"]["market.segment_focus"] = "[/x] [bold]loud"
    write_answers(tmp_path / "in" / "odd.yaml", data)
    result = run_cli("cohort", str(tmp_path / "in"), "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'[/x] [bold]loud' is not an option" in result.stderr


def test_csv_in_another_encoding_is_read_with_encoding(tmp_path: Path, content: Content) -> None:
    """Excel in Chinese saves CSV as GBK: rejected with a hint, read with --encoding."""
    rows = [founder_data(content, n, founder=f"张伟{n}", company="深度求索") for n in range(2)]
    form = write_csv(tmp_path / "form.csv", content, rows)
    form.write_bytes(form.read_text(encoding="utf-8").encode("gb18030"))
    out = tmp_path / "out"

    result = run_cli("cohort", str(form), "--out", str(out))
    assert result.returncode == 1
    reason = read_csv(out / "rejected.csv")[0]["reason"]
    assert "is not UTF-8 text" in reason and "--encoding" in reason and "gb18030" in reason

    result = run_cli("cohort", str(form), "--out", str(out), "--encoding", "gb18030")
    assert result.returncode == 0, result.stderr
    founders = read_json(out / "cohort.json")["founders"]
    assert sorted(f["founder"] for f in founders) == ["张伟0", "张伟1"]
    assert {f["company"] for f in founders} == {"深度求索"}

    mapping = tmp_path / "map.yaml"
    mapping.write_text("encoding: GB18030\n", encoding="utf-8")
    result = run_cli("cohort", str(form), "--map", str(mapping), "--out", str(out))
    assert result.returncode == 0, result.stderr
    result = run_cli("cohort", str(form), "--map", str(mapping), "--encoding", "utf-8")
    assert result.returncode == 1  # the option wins over the mapping file

    result = run_cli("cohort", str(form), "--encoding", "klingon")
    assert result.returncode == 2 and "--encoding: 'klingon' is not a known text encoding" in (
        result.stderr
    )
    mapping.write_text("separator: ','\nencoding: base64\n", encoding="utf-8")
    result = run_cli("cohort", str(form), "--map", str(mapping))
    assert result.returncode == 1
    assert f"{mapping}:2: encoding: 'base64' is not a text encoding" in result.stderr


def test_the_cohort_schema_says_how_far_short_the_cohort_falls(
    schemas: dict[str, dict[str, object]],
) -> None:
    """Schema 2.0: shared gaps carry what they cost (no share that reads 100%), factors
    their target and the shortfall of those below it."""
    schema: dict[str, Any] = schemas["cohort"]
    assert schema["properties"]["schema_version"] == {"const": "2.0"}
    gap = schema["$defs"]["SharedGap"]
    assert {"founders", "points_each", "cohort_points"} <= set(gap["required"])
    assert "share" not in gap["properties"]
    factor = schema["$defs"]["FactorStats"]
    assert {"target", "below_target", "shortfall"} <= set(factor["required"])


def test_the_terminal_shows_what_each_shared_gap_costs(tmp_path: Path, content: Content) -> None:
    write_cohort(tmp_path / "in", content, 6)
    out = tmp_path / "out"
    result = invoke("cohort", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 0, result.stdout
    report = read_json(out / "cohort.json")
    gaps = report["shared_gaps"]
    costs = [gap["cohort_points"] for gap in gaps]
    assert costs == sorted(costs, reverse=True) and costs[0] > 0
    table = result.stdout[result.stdout.index("Gaps that cost the cohort most") :]
    top = gaps[0]
    first = next(line for line in table.splitlines() if line.startswith("│  1 │"))
    cells = [cell.strip() for cell in first.split("│")]
    assert cells[3:6] == [
        f"{top['founders']} of 6",
        f"+{top['points_each']:.1f}",
        f"+{top['cohort_points']:.1f}",
    ]
    assert "%" not in table.split("Red flags by founder")[0]
    factors = result.stdout[result.stdout.index("Success factors across the cohort") :]
    assert "Target" in factors and "Short by" in factors
