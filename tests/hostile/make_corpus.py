"""Write the hostile-input corpus (`corpus/`) and what each input must give (`expected.yaml`).

Why a generator: the inputs are bytes nobody can type or review in an editor (BOMs, UTF-16,
NUL, lone surrogates, escape sequences, 50,000 brackets), so each is written from a recipe
that says what it is. Every valid input starts from `examples/seed-founder.yaml` (CSV rows
too) or `examples/idea-founder.json` and changes one thing. Inputs that cannot live in git,
or would make it heavy (files at and just over the 4 MB limit, named pipes, file names that
are not UTF-8 or hold escapes, links to devices, scorecards of the content in use), are
"generated": the test builds them into its temporary folder with the same recipes.

Run `python -m tests.hostile.make_corpus` (from the project root) after changing a case;
`tests/test_hostile_corpus.py` checks that the stored files are exactly what this writes.

Each case names the command it is fed to (`{file}`: the input's absolute path, `{base}`:
its name, run from its folder; `{out}`: a new folder for a cohort report; `{corpus}`: the
corpus folder), the exit code it must give (0 ok, 1 user error, 2 usage; 3, a bug, is never
expected) and, for a rejection, a few words its error must contain.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected.yaml"
LIMIT = 4 * 1024 * 1024  # the answers-file size limit (README: files over 4 MB are errors)

ASSESS = "assess --answers {file}"
ASSESS_JSON = "assess --answers {file} --json -"
ASSESS_MD = "assess --answers {file} --markdown -"
COHORT = "cohort {file} --out {out}"
MAPPED_CSV = "{corpus}/base/mapped.csv"
WITH_MAP = "cohort --map {file} " + MAPPED_CSV + " --out {out}"
COMPARE_OLD = "compare {file} {corpus}/answers/enc-utf8-plain.yaml"
COMPARE_NEW = "compare {corpus}/answers/enc-utf8-plain.yaml {file} --json -"

Builder = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One hostile input: stored bytes (`data`, or `files` for a folder) or a `build` recipe
    run at test time, and what running `command` on it must give."""

    name: str
    command: str
    exit: int
    note: str
    reason: str | None = None
    scored: int | None = None
    data: bytes | None = None
    files: dict[str, bytes] | None = None
    build: Builder | None = None


# --- valid starting points -----------------------------------------------------------------


def _example_answers() -> dict[str, str]:
    """The answers of examples/seed-founder.yaml as typed (raw YAML text per question id)."""
    pairs: dict[str, str] = {}
    text = (ROOT / "examples" / "seed-founder.yaml").read_text(encoding="utf-8")
    for line in text.splitlines():
        match = re.match(r"^  ([a-z0-9_.]+):(?: (.*))?$", line)
        if match:
            pairs[match[1]] = match[2] or ""
    return pairs


EXAMPLE = _example_answers()
IDEA = json.loads((ROOT / "examples" / "idea-founder.json").read_text(encoding="utf-8"))


def yq(text: str) -> str:
    """`text` as a YAML double-quoted scalar; controls, separators and the BOM as escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")  # libyaml refuses it: a case of its own
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def answers_yaml(
    founder: str,
    *,
    company: str = "Example AI",
    raw_founder: str | None = None,
    raw_company: str | None = None,
    stage: str = "seed",
    set_answers: dict[str, str | None] | None = None,
    add: tuple[str, ...] = (),
    top: tuple[str, ...] = (),
    head: str = "",
) -> str:
    """The example's answers file with a founder of its own (so that no two valid corpus files
    are duplicate founders in one cohort) and some answers changed (raw YAML text; None
    drops the line); `add` lines go into `answers:`, `top` lines before it."""
    values: dict[str, str | None] = dict(EXAMPLE)
    values.update(set_answers or {})
    lines = [
        f"founder: {raw_founder if raw_founder is not None else yq(founder)}",
        f"company: {raw_company if raw_company is not None else yq(company)}",
        f"stage: {stage}",
        "date: 2026-11-20",
        *top,
        "answers:",
    ]
    lines += [f"  {key}: {value}".rstrip() for key, value in values.items() if value is not None]
    lines += [f"  {line}" for line in add]
    return head + "\n".join(lines) + "\n"


class Raw:
    """A value written into JSON as it is (a number JSON's writers would not write)."""

    def __init__(self, text: str) -> None:
        self.text = text


def answers_json(
    founder: Any,
    *,
    company: Any = "Idea Lab",
    set_answers: dict[str, Any] | None = None,
    top: dict[str, Any] | None = None,
    ensure_ascii: bool = False,
) -> str:
    """examples/idea-founder.json with a founder of its own and some answers changed; `Raw`
    values are written verbatim."""
    data = json.loads(json.dumps(IDEA))
    data["founder"] = founder
    data["company"] = company
    data["answers"].update(set_answers or {})
    data.update(top or {})
    raws: dict[str, str] = {}

    def placeholder(value: Any) -> Any:
        if isinstance(value, Raw):
            key = f"@@raw{len(raws)}@@"
            raws[f'"{key}"'] = value.text
            return key
        if isinstance(value, dict):
            return {k: placeholder(v) for k, v in value.items()}
        return value

    text = json.dumps(placeholder(data), ensure_ascii=ensure_ascii, indent=2)
    for key, value in raws.items():
        text = text.replace(key, value)
    return text + "\n"


def _cell(raw: str) -> str:
    """A CSV cell from an answers file's raw YAML value (lists become `a;b`)."""
    if raw.startswith("[") and raw.endswith("]"):
        return ";".join(part.strip() for part in raw[1:-1].split(","))
    return raw


CSV_IDS = list(EXAMPLE)
CSV_HEADER = ["founder", "company", "stage", *CSV_IDS]


def csv_row(founder: str, *, company: str = "Example AI", **cells: str) -> list[str]:
    """One founder's CSV row from the example's answers; `cells` by question id with the dots
    as double underscores (`funding__runway_months="9"`)."""
    values = {key: _cell(raw) for key, raw in EXAMPLE.items()}
    values.update({key.replace("__", "."): value for key, value in cells.items()})
    return [founder, company, "seed", *(values[key] for key in CSV_IDS)]


def csv_text(
    rows: list[list[str]], *, header: list[str] | None = None, delimiter: str = ","
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_HEADER if header is None else header)
    writer.writerows(rows)
    return buffer.getvalue()


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def utf16(text: str) -> bytes:
    """UTF-16 with a byte-order mark, little-endian on every machine."""
    return b"\xff\xfe" + text.encode("utf-16-le")


def junk(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def nested_block(depth: int) -> str:
    """A block mapping `depth` levels deep under one free-text answer."""
    lines = ["  market.notes:"]
    lines += [f"{'  ' * (level + 2)}k{level}:" for level in range(depth)]
    return "\n".join(lines) + " leaf\n"


# --- the cases -----------------------------------------------------------------------------
#
# Answers files fed to `cohort` are run together, one process for all of them (the test
# checks each file's own outcome in the report); those fed to `assess` run one by one, for
# what `assess` prints: its report, Markdown, JSON and error messages.

CLEAR = "\x1b[2J\x1b[H"  # clear the screen, cursor home
RED = "\x1b[31m"
TITLE = "\x1b]0;pwned\x07"  # set the window title
GOTHIC = "\U00010330"  # a letter of 4 UTF-8 bytes


def _answers(
    name: str, command: str, code: int, note: str, data: str | bytes, reason: str | None = None
) -> Case:
    raw = data if isinstance(data, bytes) else utf8(data)
    return Case("answers/" + name, command, code, note, reason=reason, data=raw)


def encoding_cases() -> list[Case]:
    def seed(name: str) -> str:
        return answers_yaml(f"Encoding {name}")

    def idea(name: str) -> str:
        return answers_json(f"Encoding {name}")

    not_utf8 = "not UTF-8"
    return [
        _answers(
            "enc-utf8-plain.yaml", ASSESS, 0, "the example in UTF-8: the baseline", seed("Plain")
        ),
        _answers(
            "enc-utf8-bom.yaml", COHORT, 0, "UTF-8 with a byte-order mark", "\ufeff" + seed("BOM")
        ),
        _answers(
            "enc-utf8-bom.json", ASSESS, 0, "JSON with a byte-order mark", "\ufeff" + idea("BOM")
        ),
        _answers(
            "enc-utf8-chinese.yaml",
            COHORT,
            0,
            "Chinese names in UTF-8",
            answers_yaml("李伟", company="样例科技"),
        ),
        _answers(
            "enc-crlf.yaml", COHORT, 0, "Windows line ends", seed("CRLF").replace("\n", "\r\n")
        ),
        _answers(
            "enc-cr-only.yaml",
            COHORT,
            0,
            "old Mac line ends (CR alone)",
            seed("CR").replace("\n", "\r"),
        ),
        _answers(
            "enc-utf16le-bom.yaml",
            ASSESS,
            1,
            "UTF-16 LE with a byte-order mark",
            utf16(seed("U16")),
            "UTF-8",
        ),
        _answers(
            "enc-utf16be-bom.yaml",
            COHORT,
            1,
            "UTF-16 BE with a byte-order mark",
            b"\xfe\xff" + seed("U16BE").encode("utf-16-be"),
            "UTF-8",
        ),
        _answers(
            "enc-utf16le-nobom.yaml",
            COHORT,
            1,
            "UTF-16 LE without a byte-order mark",
            seed("U16LE").encode("utf-16-le"),
            "UTF-8",
        ),
        _answers(
            "enc-utf16be-nobom.json",
            COHORT,
            1,
            "UTF-16 BE JSON without a byte-order mark",
            idea("U16BE").encode("utf-16-be"),
            "UTF-8",
        ),
        _answers(
            "enc-utf32-bom.yaml",
            COHORT,
            1,
            "UTF-32 with a byte-order mark",
            b"\xff\xfe\x00\x00" + seed("U32").encode("utf-32-le"),
            "UTF-8",
        ),
        _answers(
            "enc-gb18030.yaml",
            ASSESS,
            1,
            "GB18030 (Excel in Chinese)",
            answers_yaml("王芳").encode("gb18030"),
            not_utf8,
        ),
        _answers(
            "enc-gb18030.json",
            COHORT,
            1,
            "GB18030 JSON",
            answers_json("王芳").encode("gb18030"),
            not_utf8,
        ),
        _answers(
            "enc-latin1.yaml",
            COHORT,
            1,
            "Latin-1 accents",
            answers_yaml("José Müller").encode("latin-1"),
            not_utf8,
        ),
        _answers(
            "enc-invalid-byte.yaml",
            COHORT,
            1,
            "a 0xFF byte in a value",
            utf8(seed("FF")).replace(b"FF", b"\xff"),
            not_utf8,
        ),
        _answers(
            "enc-overlong.yaml",
            COHORT,
            1,
            "an overlong UTF-8 '/'",
            utf8(seed("Overlong")).replace(b"Over", b"\xc0\xaf"),
            not_utf8,
        ),
        _answers(
            "enc-encoded-surrogate.yaml",
            COHORT,
            1,
            "a surrogate in UTF-8 bytes (CESU-8)",
            utf8(seed("CESU")).replace(b"CESU", b"\xed\xa0\x80"),
            not_utf8,
        ),
        _answers(
            "enc-truncated.yaml",
            COHORT,
            1,
            "ends inside a character",
            utf8(seed("Cut")) + "智".encode()[:2],
            not_utf8,
        ),
        _answers(
            "enc-nul.yaml",
            ASSESS,
            1,
            "a NUL byte in a value",
            utf8(seed("NUL")).replace(b"NUL", b"N\x00L"),
            "binary",
        ),
        _answers(
            "enc-nul.json",
            COHORT,
            1,
            "a NUL byte in JSON",
            utf8(idea("NUL")).replace(b"NUL", b"N\x00L"),
            "binary",
        ),
        _answers("enc-binary-junk.yaml", COHORT, 1, "4 KB of random bytes", junk(1, 4096)),
        _answers(
            "enc-png-magic.json",
            COHORT,
            1,
            "a PNG image named .json",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + junk(2, 200),
            "binary",
        ),
        _answers("enc-empty.yaml", ASSESS, 1, "an empty file", b"", "empty"),
        _answers("enc-empty.json", COHORT, 1, "an empty JSON file", b"", "empty"),
        _answers(
            "enc-whitespace.yaml",
            COHORT,
            1,
            "spaces, tabs and line ends only",
            b"  \n\t\n\r\n   ",
            "empty",
        ),
        _answers(
            "enc-bom-only.json",
            COHORT,
            1,
            "a byte-order mark and nothing else",
            b"\xef\xbb\xbf",
            "empty",
        ),
        _answers(
            "enc-comment-only.yaml",
            COHORT,
            1,
            "a YAML comment and nothing else",
            b"# nothing yet\n",
            "mapping",
        ),
    ]


def size_cases() -> list[Case]:
    notes = "market.notes"

    def seed(name: str, **kwargs: Any) -> str:
        return answers_yaml(f"Size {name}", **kwargs)

    def idea(name: str, **kwargs: Any) -> str:
        return answers_json(f"Size {name}", **kwargs)

    return [
        _answers(
            "size-deep-flow.yaml",
            ASSESS,
            1,
            "50,000 nested flow lists (issue 12: took 7 s)",
            seed("Flow", set_answers={notes: "[" * 50_000 + "]" * 50_000}),
            "nested",
        ),
        _answers(
            "size-deep-flow-open.yaml",
            COHORT,
            1,
            "50,000 flow mappings never closed",
            seed("Open", set_answers={notes: "{a: " * 50_000}),
        ),
        _answers(
            "size-deep-block.yaml",
            COHORT,
            1,
            "block mappings 100 levels deep",
            seed("Block", set_answers={notes: None}) + nested_block(100),
            "nested",
        ),
        _answers(
            "size-deep-dashes.yaml",
            COHORT,
            1,
            "block sequences 200 deep ('- - - x')",
            seed("Dashes", set_answers={notes: "\n    " + "- " * 200 + "x"}),
            "nested",
        ),
        _answers(
            "size-deep-array.json",
            COHORT,
            1,
            "40,000 nested JSON arrays",
            idea("Array", set_answers={notes: Raw("[" * 40_000 + "]" * 40_000)}),
            "nested",
        ),
        _answers(
            "size-deep-object.json",
            COHORT,
            1,
            "20,000 nested JSON objects",
            idea("Object", set_answers={notes: Raw('{"a":' * 20_000 + "1" + "}" * 20_000)}),
            "nested",
        ),
        _answers(
            "size-deep-open.json",
            COHORT,
            1,
            "100,000 '[' never closed",
            idea("Open", set_answers={notes: Raw("[" * 100_000)}),
        ),
        _answers(
            "size-brackets-in-text.json",
            COHORT,
            0,
            "9,000 brackets inside a string are text",
            idea("Brackets", set_answers={notes: "[{" * 4_500}),
        ),
        _answers(
            "size-text-at-limit.yaml",
            COHORT,
            0,
            "free text of 10,000 characters (the limit)",
            seed("Text", set_answers={notes: "x" * 10_000}),
        ),
        _answers(
            "size-text-over-limit.yaml",
            COHORT,
            1,
            "free text of 10,001 characters",
            seed("Over", set_answers={notes: "x" * 10_001}),
            "10000",
        ),
        _answers(
            "size-long-line.yaml",
            COHORT,
            1,
            "a line of 300 KB in free text",
            seed("Line", set_answers={notes: "word " * 60_000}),
        ),
        _answers(
            "size-long-key.yaml",
            COHORT,
            1,
            "an explicit key of 300,000 characters",
            seed("Key", add=("? " + "k" * 300_000, ": x")),
            "unknown question id",
        ),
        _answers(
            "size-long-plain-key.yaml",
            COHORT,
            1,
            "a plain key of 2,000 characters (YAML allows 1,024)",
            seed("Plain Key", add=("k" * 2_000 + ": x",)),
            "invalid YAML",
        ),
        _answers(
            "size-long-founder.json",
            ASSESS,
            0,
            "a founder name of 300,000 characters",
            answers_json("Long " + "n" * 300_000),
        ),
        _answers(
            "size-many-unknown-keys.yaml",
            COHORT,
            1,
            "10,000 unknown ids near real ones",
            seed("Keys", add=tuple(f"market.timing{i}: x" for i in range(10_000))),
            "unknown question id",
        ),
        _answers(
            "size-many-top-keys.json",
            COHORT,
            1,
            "60,000 keys at the top of a JSON file",
            idea("Top", top={f"{i:x}": 0 for i in range(60_000)}),
        ),
        _answers(
            "size-many-items.yaml",
            COHORT,
            1,
            "a multiple choice of 110,000 items",
            seed("Items", set_answers={"team.roles_covered": "[" + "a," * 110_000 + "b]"}),
        ),
        _answers(
            "size-many-documents.yaml",
            COHORT,
            1,
            "10,000 YAML documents",
            seed("Docs") + "---\na: 1\n" * 10_000,
            "more than one YAML document",
        ),
    ]


def number_cases() -> list[Case]:
    runway = "funding.runway_months"  # a number, 0 to 120
    heads = "team.full_time_headcount"  # a whole number, 0 to 5000
    scale = "market.positioning_clarity"  # a scale, 1 to 5
    digits = "9" * 4301  # Python's int() takes at most 4,300 digits

    def yml(
        name: str,
        code: int,
        note: str,
        key: str,
        value: str,
        reason: str | None = None,
        command: str = COHORT,
    ) -> Case:
        text = answers_yaml(f"Number {name}", set_answers={key: value})
        return _answers(f"num-{name}.yaml", command, code, note, text, reason)

    def jsn(
        name: str,
        code: int,
        note: str,
        key: str,
        value: Any,
        reason: str | None = None,
        command: str = COHORT,
    ) -> Case:
        text = answers_json(f"Number {name}", set_answers={key: value})
        return _answers(f"num-{name}.json", command, code, note, text, reason)

    return [
        yml("huge-int", 1, "a 401-digit runway (too large for a float)", runway, "1" + "0" * 400),
        yml("4301-digits", 1, "a 4,301-digit headcount", heads, digits),
        yml("4301-digits-scale", 1, "a 4,301-digit scale point", scale, digits),
        yml("1e400", 1, "1e400: too large for a float", runway, "1e400", "finite", ASSESS),
        yml("neg-1e400", 1, "-1e400", runway, "-1e400"),
        yml("1e-400", 0, "1e-400 months is zero: valid", runway, "1e-400"),
        yml("neg-zero", 0, "-0 months is zero: valid", runway, "-0"),
        yml("nan", 1, "nan", runway, "nan"),
        yml("yaml-nan", 1, "YAML's .nan", runway, ".nan"),
        yml("inf", 1, "inf", runway, "inf", "finite"),
        yml("yaml-inf", 1, "YAML's .inf", runway, ".inf"),
        yml("yaml-neg-inf", 1, "YAML's -.inf", runway, "-.inf"),
        yml("hex", 1, "0x1A is not read as 26", heads, "0x1A"),
        yml("octal", 1, "a YAML 1.2 octal (0o14)", heads, "0o14"),
        yml("leading-zero", 0, "014 is 14 (not a YAML 1.1 octal)", heads, "014"),
        yml("binary", 1, "a YAML 1.1 binary (0b1010)", heads, "0b1010"),
        yml("sexagesimal", 1, "YAML 1.1 base 60 (1:30)", heads, "1:30"),
        yml("underscores", 0, "1_2 (YAML digit grouping) is 12", heads, "1_2"),
        yml("thousands-comma", 1, "'1,000' with a thousands comma", heads, "'1,000'"),
        yml("quoted", 0, "a number in quotes is still a number", runway, '"9"'),
        yml("fraction-for-whole", 1, "7.5 people", heads, "7.5", "whole number"),
        yml("exponent-whole", 0, "7e0 people is 7", heads, "7e0"),
        yml("out-of-range", 1, "-1 people", heads, "-1", "out of range"),
        yml("scale-huge", 1, "a scale point of 10^30", scale, "1" + "0" * 30, "out of range"),
        yml("date", 1, "a date where a number belongs", heads, "2024-01-15"),
        yml("fullwidth", 0, "full-width digits (a Chinese input method's ９)", runway, "９"),
        yml("list", 1, "a list where a number belongs", runway, "[1, 2]"),
        jsn(
            "huge-int",
            1,
            "a 401-digit JSON integer (float() overflows)",
            runway,
            Raw("1" + "0" * 400),
            command=ASSESS,
        ),
        jsn(
            "4301-digits",
            1,
            "a 4,301-digit JSON integer (int() refuses it)",
            heads,
            Raw(digits),
            command=ASSESS,
        ),
        jsn("1e400", 1, "JSON 1e400 (read as infinity)", runway, Raw("1e400"), "finite"),
        jsn("neg-zero", 0, "JSON -0.0", runway, Raw("-0.0")),
        jsn("NaN", 1, "JSON's NaN extension", runway, Raw("NaN"), "not a valid number", ASSESS),
        jsn(
            "Infinity",
            1,
            "JSON's -Infinity extension",
            runway,
            Raw("-Infinity"),
            "not a valid number",
        ),
        jsn("bool", 1, "true where a number belongs", runway, True, "expected a number"),
        jsn("string", 0, "a number as a JSON string", runway, "9"),
        jsn("scale-float", 0, "a scale of 3.0 is the point 3", scale, Raw("3.0")),
        _answers(
            "num-4301-digits-founder.json",
            ASSESS,
            0,
            "a 4,301-digit integer as the founder's name (text)",
            answers_json(Raw(digits)),
        ),
        _answers(
            "num-huge-founder.json",
            COHORT,
            0,
            "a 401-digit integer as the founder's name",
            answers_json(Raw("7" * 401)),
        ),
        _answers(
            "num-1e400-company.json",
            COHORT,
            0,
            "1e400 as the company name",
            answers_json("Number Company", company=Raw("1e400")),
        ),
    ]


def yaml_cases() -> list[Case]:
    def seed(name: str, **kwargs: Any) -> str:
        return answers_yaml(f"YAML {name}", **kwargs)

    tags, anchors, dup = "tags", "anchors", "duplicate key"
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    merge = "base: &base\n  market.timing: general_trend\n"
    return [
        _answers(
            "yaml-python-object.yaml",
            ASSESS,
            1,
            "!!python/object/apply:os.system",
            seed("Py", raw_founder='!!python/object/apply:os.system ["echo pwned"]'),
            tags,
        ),
        _answers(
            "yaml-python-name.yaml",
            COHORT,
            1,
            "!!python/name:os.system",
            seed("PyName", raw_company="!!python/name:os.system ''"),
            tags,
        ),
        _answers(
            "yaml-binary-tag.yaml",
            COHORT,
            1,
            "!!binary",
            seed("Bin", raw_founder="!!binary aGVsbG8="),
            tags,
        ),
        _answers(
            "yaml-custom-tag.yaml",
            COHORT,
            1,
            "a local tag !founder",
            seed("Tag", raw_founder="!founder Jane"),
            tags,
        ),
        _answers(
            "yaml-tag-on-mapping.yaml",
            COHORT,
            1,
            "!!map on the answers mapping",
            seed("Map").replace("answers:\n", "answers: !!map\n"),
            tags,
        ),
        _answers(
            "yaml-str-tag.yaml",
            COHORT,
            1,
            "!!str on a number",
            seed("Str", set_answers={"team.full_time_headcount": "!!str 7"}),
            tags,
        ),
        _answers(
            "yaml-tag-directive.yaml",
            COHORT,
            1,
            "a %TAG directive and its tag",
            "%TAG !e! tag:example.com,2000:\n---\n" + seed("TagDir", raw_founder="!e!evil x"),
            tags,
        ),
        _answers(
            "yaml-yaml11-directive.yaml",
            COHORT,
            0,
            "%YAML 1.1, then valid answers",
            "%YAML 1.1\n---\n" + seed("Directive 11"),
        ),
        _answers(
            "yaml-yaml12-directive.yaml",
            COHORT,
            0,
            "%YAML 1.2, then valid answers",
            "%YAML 1.2\n---\n" + seed("Directive 12"),
        ),
        _answers(
            "yaml-yaml2-directive.yaml",
            COHORT,
            1,
            "%YAML 2.0",
            "%YAML 2.0\n---\n" + seed("Directive 20"),
            "invalid YAML",
        ),
        _answers(
            "yaml-unknown-directive.yaml",
            COHORT,
            1,
            "an unknown %FOO directive",
            "%FOO bar\n---\n" + seed("Foo"),
            "invalid YAML",
        ),
        _answers(
            "yaml-document-end.yaml",
            COHORT,
            0,
            "valid answers closed with '...'",
            seed("Doc End") + "...\n",
        ),
        _answers(
            "yaml-anchor-alias.yaml",
            COHORT,
            1,
            "an anchor and an alias",
            seed("Anchor", raw_founder="&who Jane", raw_company="*who"),
            anchors,
        ),
        _answers(
            "yaml-merge-key.yaml",
            COHORT,
            1,
            "a merge key '<<' of an alias",
            merge + seed("Merge").replace("answers:\n", "answers:\n  <<: *base\n"),
            anchors,
        ),
        _answers(
            "yaml-merge-key-inline.yaml",
            COHORT,
            1,
            "a merge key of a mapping (no alias)",
            seed("Merge Inline", add=("<<: {market.timing: general_trend}",)),
            "unknown question id",
        ),
        _answers(
            "yaml-billion-laughs.yaml",
            ASSESS,
            1,
            "the billion laughs alias bomb",
            laughs + seed("Laughs"),
            anchors,
        ),
        _answers(
            "yaml-duplicate-top-key.yaml",
            COHORT,
            1,
            "founder: twice",
            seed("Dup Top", top=("founder: Other",)),
            dup,
        ),
        _answers(
            "yaml-duplicate-answer.yaml",
            ASSESS,
            1,
            "one question answered twice",
            seed("Dup", add=("market.timing: general_trend",)),
            dup,
        ),
        _answers(
            "yaml-duplicate-answers.yaml",
            COHORT,
            1,
            "two answers: mappings",
            seed("Dup Answers") + "answers: {}\n",
            dup,
        ),
        _answers(
            "yaml-two-documents.yaml",
            COHORT,
            1,
            "two documents",
            seed("One") + "---\n" + seed("Two"),
            "more than one YAML document",
        ),
        _answers(
            "yaml-complex-key.yaml",
            COHORT,
            1,
            "a list as a key ('? [a, b]')",
            seed("Complex", add=("? [a, b]", ": c")),
            "key",
        ),
        _answers(
            "yaml-null-key.yaml", COHORT, 1, "~ as a key", seed("Null Key", add=("~: x",)), "key"
        ),
        _answers(
            "yaml-mapping-key.yaml",
            COHORT,
            1,
            "a mapping as a key",
            seed("Map Key", add=("? {a: 1}", ": c")),
            "key",
        ),
        _answers(
            "yaml-root-list.yaml",
            COHORT,
            1,
            "a list at the top",
            "- founder: Jane\n- answers: {}\n",
            "mapping",
        ),
        _answers("yaml-root-scalar.yaml", COHORT, 1, "a bare word", "hello\n", "mapping"),
        _answers(
            "yaml-answers-null.yaml",
            COHORT,
            1,
            "answers: with nothing under it",
            "founder: Nobody\nanswers:\n",
            "required",
        ),
        _answers(
            "yaml-answers-list.yaml",
            COHORT,
            1,
            "answers: as a list",
            "founder: L\nanswers:\n  - market.timing\n",
            "mapping",
        ),
        _answers(
            "yaml-syntax-error.yaml",
            ASSESS,
            1,
            "an unclosed flow list",
            seed("Syntax", set_answers={"team.roles_covered": "[research, product"}),
            "invalid YAML",
        ),
        _answers(
            "yaml-tab-indent.yaml",
            COHORT,
            1,
            "a tab used for indentation",
            seed("Tabs").replace("\n  market.timing", "\n\tmarket.timing"),
            "invalid YAML",
        ),
        _answers(
            "yaml-block-literal.yaml",
            COHORT,
            0,
            "free text as a | block",
            seed("Block", set_answers={"market.notes": "|\n    line one\n    line two"}),
        ),
        _answers(
            "yaml-non-specific-tag.yaml",
            COHORT,
            0,
            "the non-specific tag '!' keeps text",
            seed("Bang", set_answers={"team.full_time_headcount": "! 7"}),
        ),
        _answers(
            "yaml-surrogate-escape.yaml",
            COHORT,
            1,
            "a lone surrogate as a YAML escape",
            seed("Surrogate", raw_founder='"a\\ud800b"'),
            "invalid YAML",
        ),
    ]


def control_cases() -> list[Case]:
    def seed(founder: str, **kwargs: Any) -> str:
        return answers_yaml(founder, **kwargs)

    def idea(founder: str, **kwargs: Any) -> str:
        return answers_json(founder, ensure_ascii=True, **kwargs)

    screen = CLEAR + "notes" + TITLE
    unknown_id, surrogate = "unknown question id", "\ud800"
    return [
        _answers(
            "ctl-esc-unknown-key.yaml",
            ASSESS,
            1,
            "an unknown id that clears the screen",
            seed("Esc Key", add=(yq(CLEAR + RED + "market.timing") + ": x",)),
            unknown_id,
        ),
        _answers(
            "ctl-esc-top-key.yaml",
            ASSESS,
            1,
            "an unknown top-level key setting the title",
            seed("Esc Top", top=(yq(TITLE + "extra") + ": 1",)),
            "unknown key",
        ),
        _answers(
            "ctl-esc-option.yaml",
            COHORT,
            1,
            "an option that is an escape sequence",
            seed("Esc Option", set_answers={"market.timing": yq(RED + "x")}),
            "not an option",
        ),
        _answers(
            "ctl-esc-stage.yaml",
            COHORT,
            1,
            "a stage with an escape sequence",
            seed("Esc Stage", stage=yq(RED + "seed")),
            "stage",
        ),
        _answers(
            "ctl-esc-date.yaml",
            COHORT,
            1,
            "an escape sequence in the date",
            seed("Esc Date").replace("date: 2026-11-20", "date: " + yq(RED + "2026")),
            "date",
        ),
        _answers(
            "ctl-esc-founder.yaml",
            ASSESS,
            0,
            "a name that clears the screen, sets the title",
            seed(CLEAR + "Esc Founder" + TITLE),
        ),
        _answers(
            "ctl-esc-founder-cohort.yaml",
            COHORT,
            0,
            "the same in a cohort (ranking, file name)",
            seed(CLEAR + "Esc Cohort" + TITLE),
        ),
        _answers(
            "ctl-esc-founder-markdown.yaml",
            ASSESS_MD,
            0,
            "the same into Markdown",
            seed(CLEAR + "Esc Markdown" + TITLE),
        ),
        _answers(
            "ctl-esc-company-json.yaml",
            ASSESS_JSON,
            0,
            "an escape in the company, JSON out",
            seed("Esc JSON", company=RED + "Evil"),
        ),
        _answers(
            "ctl-bel-backspace.yaml",
            COHORT,
            0,
            "BEL and backspaces rubbing out the name",
            seed("Bell\x07\x08\x08\x08Name"),
        ),
        _answers(
            "ctl-cr-overwrite.yaml",
            ASSESS,
            0,
            "a carriage return overwriting the line",
            seed("Real Name\rFake Name"),
        ),
        _answers(
            "ctl-c1-controls.yaml",
            ASSESS,
            0,
            "C1 controls: 8-bit CSI, NEL, APC",
            seed("C1\x9b31m\x85\x9fName"),
        ),
        _answers("ctl-del.yaml", COHORT, 0, "DEL characters", seed("Del\x7f\x7fName")),
        _answers(
            "ctl-rtl-override.yaml",
            ASSESS,
            0,
            "U+202E turns the name around",
            seed("Ann\u202egpj.exe"),
        ),
        _answers(
            "ctl-bidi-isolates.yaml",
            COHORT,
            0,
            "bidi isolates and marks",
            seed("Iso\u2066late\u2069\u200f Name"),
        ),
        _answers(
            "ctl-zero-width.yaml",
            COHORT,
            0,
            "zero-width space and joiner",
            seed("Zero\u200bWidth\u200dName"),
        ),
        _answers(
            "ctl-line-separator.yaml",
            COHORT,
            0,
            "U+2028 and U+2029 in the company",
            seed("Line Sep", company="Li\u2028ne\u2029Co"),
        ),
        _answers(
            "ctl-esc-notes.yaml",
            ASSESS_JSON,
            0,
            "escapes in free text, JSON out",
            seed("Esc Notes", set_answers={"market.notes": yq(screen)}),
        ),
        _answers(
            "ctl-esc-notes-markdown.yaml",
            ASSESS_MD,
            0,
            "escapes in free text, Markdown",
            seed("Esc Notes Md", set_answers={"market.notes": yq(screen)}),
        ),
        _answers(
            "ctl-raw-esc-byte.yaml",
            COHORT,
            1,
            "a raw ESC byte in YAML (YAML forbids it)",
            seed("x", raw_founder="Raw\x1b[31mEsc"),
            "invalid YAML",
        ),
        _answers(
            "ctl-raw-esc-byte.json",
            COHORT,
            1,
            "a raw ESC byte in a JSON string",
            utf8(idea("Raw" + RED + "Esc")).replace(b"\\u001b", b"\x1b"),
            "invalid JSON",
        ),
        _answers(
            "ctl-escaped-esc-key.json",
            ASSESS,
            1,
            "\\u001b in an unknown JSON key",
            idea("Esc Key JSON", set_answers={CLEAR + "x": "x"}),
            unknown_id,
        ),
        _answers(
            "ctl-escaped-esc-founder.json",
            ASSESS_MD,
            0,
            "\\u001b in the founder, Markdown",
            idea(CLEAR + "Esc Founder JSON"),
        ),
        _answers(
            "ctl-surrogate-founder.json",
            ASSESS,
            0,
            "a lone surrogate in the name",
            idea("Lone" + surrogate + "Founder"),
        ),
        _answers(
            "ctl-surrogate-founder-cohort.json",
            COHORT,
            0,
            "the same in a cohort",
            idea("Lone" + surrogate + "Cohort"),
        ),
        _answers(
            "ctl-surrogate-company-json.json",
            ASSESS_JSON,
            0,
            "a lone surrogate in the company, JSON out",
            idea("Lone Company", company="Co\udc00"),
        ),
        _answers(
            "ctl-surrogate-notes.json",
            ASSESS_JSON,
            0,
            "a lone surrogate in free text, JSON out",
            idea("Lone Notes", set_answers={"market.notes": "n\udfff"}),
        ),
        _answers(
            "ctl-surrogate-notes-markdown.json",
            ASSESS_MD,
            0,
            "a reversed pair in free text, Markdown",
            idea("Lone Md", set_answers={"market.notes": "\udc00\ud800"}),
        ),
        _answers(
            "ctl-surrogate-notes-cohort.json",
            COHORT,
            0,
            "a lone surrogate in free text, cohort",
            idea("Lone Cohort Notes", set_answers={"market.notes": "n\ud800"}),
        ),
        _answers(
            "ctl-surrogate-key.json",
            ASSESS,
            1,
            "a lone surrogate in an unknown key",
            idea("Lone Key", set_answers={"m." + surrogate: "x"}),
            unknown_id,
        ),
        _answers(
            "ctl-surrogate-option.json",
            COHORT,
            1,
            "a lone surrogate as an option",
            idea("Lone Option", set_answers={"market.timing": "\udbff"}),
            "not an option",
        ),
        _answers(
            "ctl-nul-escape-founder.json",
            COHORT,
            0,
            "\\u0000 in the founder's name",
            idea("Nul\u0000Name"),
        ),
    ]


def name_cases() -> list[Case]:
    def named(name: str, command: str, note: str, founder: str, company: str = "Name Co") -> Case:
        return _answers(
            f"name-{name}.yaml", command, 0, note, answers_yaml(founder, company=company)
        )

    return [
        named("very-long", ASSESS, "a founder name of 100,000 characters", "Long " + "a" * 100_000),
        named(
            "very-long-cohort",
            COHORT,
            "the same in a cohort (scorecard file name)",
            "Longer " + "b" * 100_000,
        ),
        named(
            "4-byte-letters",
            COHORT,
            "300 Gothic letters (4 UTF-8 bytes each)",
            GOTHIC * 300,
            "\U00010331" * 300,
        ),
        named("long-cjk", COHORT, "600 Chinese characters", "长" * 600, "公司" * 300),
        named("slashes", COHORT, "a name that is a path", "../../etc/passwd", "/dev/null"),
        named("backslashes", COHORT, "a Windows path", "..\\..\\Windows\\System32", "C:\\evil"),
        named("dots", COHORT, "'..' and '.'", "..", "."),
        named("windows-device", COHORT, "Windows device names", "CON", "NUL.txt"),
        named(
            "formula",
            COHORT,
            "spreadsheet formulas",
            '=HYPERLINK("http://x","y")',
            "+cmd|'/c calc'!A1",
        ),
        named(
            "html",
            ASSESS_MD,
            "HTML in the name, Markdown",
            "<img src=x onerror=alert(1)>",
            "<script>x</script>",
        ),
        named(
            "markdown-link",
            ASSESS_MD,
            "a javascript: link, Markdown",
            "[c](javascript:alert(1))",
            "![x](http://e/x.png)",
        ),
        named("markdown-heading", ASSESS_MD, "a heading and a table row", "# Heading", "| a | b |"),
        named(
            "newlines", ASSESS_MD, "names that start new lines", "One\n# Two\n---", "Co\n\n* item"
        ),
        named(
            "rich-markup",
            ASSESS,
            "rich console markup",
            "[bold red]Boss[/bold red] [/]",
            "[link=http://e]x[/link]",
        ),
        named(
            "format-strings",
            COHORT,
            "format strings and shell",
            "%s%n {0} {founder} ${HOME}",
            "$(rm -rf /)",
        ),
        named(
            "nul-like",
            COHORT,
            "text that looks like NUL escapes",
            "Nul\\x00 %00 \\0 &#0;",
            "\\u0000 Co",
        ),
        named("spaces-only", COHORT, "a name of spaces only", "     ", "   "),
        named("emoji", COHORT, "emoji and a flag", "Founder 🚀👩🏽‍💻", "🇨🇳 AI"),
        named(
            "combining",
            COHORT,
            "combining marks (zalgo)",
            "Z\u0351\u0352\u0353" * 50,
            "e\u0301\u0301",
        ),
        _answers(
            "name-founder-list.yaml",
            COHORT,
            1,
            "a list as the founder",
            answers_yaml("x", raw_founder="[a, b]"),
            "plain text",
        ),
        _answers(
            "name-company-mapping.yaml",
            COHORT,
            1,
            "a mapping as the company",
            answers_yaml("Map Co", raw_company="{a: b}"),
            "plain text",
        ),
        _answers(
            "name file & 'quotes'.yaml",
            ASSESS,
            0,
            "spaces, '&' and quotes in the file name",
            answers_yaml("Spaced File"),
        ),
        _answers(
            "name-文件名.yaml", COHORT, 0, "a Chinese file name", answers_yaml("Chinese File")
        ),
        _answers(
            "name-UPPER.YAML", COHORT, 0, "an upper-case suffix", answers_yaml("Upper Suffix")
        ),
        _answers(
            "name-json-as.yaml",
            COHORT,
            0,
            "JSON in a .yaml file (YAML reads JSON)",
            answers_json("JSON In YAML"),
        ),
        _answers(
            "name-yaml-as.json",
            COHORT,
            1,
            "YAML in a .json file",
            answers_yaml("YAML In JSON"),
            "invalid JSON",
        ),
        _answers(
            "-leading-dash.yaml",
            "cohort {base} --out {out}",
            2,
            "a file name that looks like an option",
            answers_yaml("Dash"),
        ),
        _answers(
            "-leading-dash-2.yaml",
            "cohort --out {out} -- {base}",
            0,
            "the same after '--'",
            answers_yaml("Dash Two"),
        ),
    ]


def csv_cases() -> list[Case]:
    def rows(stem: str, count: int = 2) -> list[list[str]]:
        return [csv_row(f"{stem} {n}", company=f"{stem} Co") for n in range(1, count + 1)]

    def case(
        name: str,
        code: int,
        note: str,
        data: bytes,
        reason: str | None = None,
        scored: int | None = None,
        command: str = COHORT,
    ) -> Case:
        return Case("csv/" + name, command, code, note, reason=reason, scored=scored, data=data)

    invalid = [RED + "nope"] * len(CSV_IDS)
    chinese = [csv_row("王芳", company="样例一"), csv_row("李伟", company="样例二")]
    wide = CSV_HEADER + [f"extra{i}" for i in range(10_000)]
    numbers = [
        csv_row("Num 1", team__full_time_headcount="9" * 4301),
        csv_row("Num 2", funding__runway_months="1e400"),
        csv_row("Num 3", funding__runway_months="nan"),
        csv_row("Num 4", funding__runway_months="-inf"),
        csv_row("Num 5", team__full_time_headcount="0x1A"),
        csv_row("Num 6", funding__runway_months="-0"),
        csv_row("Num 7", funding__runway_months="９"),
    ]
    return [
        case(
            "valid.csv", 0, "two founders, comma-separated", utf8(csv_text(rows("Comma"))), scored=2
        ),
        case(
            "valid-semicolon.csv",
            0,
            "semicolon-separated",
            utf8(csv_text(rows("Semi"), delimiter=";")),
            scored=2,
        ),
        case(
            "valid-tab.csv",
            0,
            "tab-separated",
            utf8(csv_text(rows("Tab"), delimiter="\t")),
            scored=2,
        ),
        case(
            "utf8-bom.csv",
            0,
            "UTF-8 with a byte-order mark",
            b"\xef\xbb\xbf" + utf8(csv_text(rows("BOM"))),
            scored=2,
        ),
        case(
            "header-case-spaces.csv",
            0,
            "upper-case headers with spaces",
            utf8(csv_text(rows("Upper"), header=[f" {h.upper()} " for h in CSV_HEADER])),
            scored=2,
        ),
        case(
            "lf-only.csv",
            0,
            "LF line ends",
            utf8(csv_text(rows("LF")).replace("\r\n", "\n")),
            scored=2,
        ),
        case(
            "empty-lines.csv",
            0,
            "100,000 empty lines after the rows",
            utf8(csv_text(rows("Empty Lines")) + "\r\n" * 100_000),
            scored=2,
        ),
        case("header-only.csv", 0, "a header and no rows", utf8(csv_text([])), scored=0),
        case(
            "utf16-bom.csv",
            1,
            "UTF-16 with a byte-order mark",
            utf16(csv_text(rows("U16"))),
            "binary",
        ),
        case(
            "utf16-bom-flag.csv",
            2,
            "--encoding utf-16: refused, ASCII is not itself in it",
            utf16(csv_text(rows("U16F"))),
            "utf-16",
            command="cohort {file} --encoding utf-16 --out {out}",
        ),
        case(
            "gb18030.csv",
            1,
            "GB18030 without --encoding: the hint names it",
            csv_text(chinese).encode("gb18030"),
            "gb18030",
        ),
        case(
            "gb18030-flag.csv",
            0,
            "GB18030 with --encoding gb18030",
            csv_text(chinese).encode("gb18030"),
            scored=2,
            command="cohort {file} --encoding gb18030 --out {out}",
        ),
        case(
            "latin1.csv",
            1,
            "Latin-1 accents",
            csv_text([csv_row("José Müller")]).encode("latin-1"),
            "not UTF-8",
        ),
        case(
            "bad-byte-late.csv",
            1,
            "a bad byte on the last line",
            utf8(csv_text(rows("Late"))) + b"\xff\xfe\r\n",
            "not UTF-8",
            scored=0,
        ),
        case(
            "nul.csv",
            1,
            "a NUL byte in a cell",
            utf8(csv_text(rows("NUL"))).replace(b"NUL 2", b"NUL\x002"),
            "binary",
        ),
        case("binary-junk.csv", 1, "random bytes", junk(3, 8192)),
        case("empty.csv", 1, "an empty file", b"", "empty"),
        case("whitespace.csv", 1, "blank lines only", b"\r\n\r\n  \r\n", "empty"),
        case(
            "unknown-column.csv",
            1,
            "a column that is no question",
            utf8(csv_text([[*r, "x"] for r in rows("Unknown")], header=[*CSV_HEADER, "Email"])),
            "Email",
        ),
        case(
            "duplicate-column.csv",
            1,
            "a question's column twice",
            utf8(
                csv_text(
                    [[*r, "9"] for r in rows("Twice")],
                    header=[*CSV_HEADER, "funding.runway_months"],
                )
            ),
        ),
        case(
            "more-cells.csv",
            1,
            "a row with more cells than the header",
            utf8(csv_text([[*rows("More")[0], "x", "y"], rows("More")[1]])),
            "cells",
            scored=1,
        ),
        case(
            "unclosed-quote.csv",
            1,
            "a quote never closed",
            utf8(csv_text(rows("Quote"))) + b'"Quote 3,never closed\r\n' * 3,
            scored=2,
        ),
        case(
            "cell-too-large.csv",
            1,
            "a cell of 300,000 characters",
            utf8(csv_text([csv_row("Big Cell", market__notes="x" * 300_000)])),
        ),
        case(
            "very-wide.csv",
            1,
            "10,000 unknown columns",
            utf8(csv_text([rows("Wide")[0] + [""] * 10_000], header=wide)),
        ),
        case(
            "all-invalid-rows.csv",
            1,
            "400 rows, every cell invalid (issue 12: unbounded cost)",
            utf8(csv_text([[f"Bad {i}", "Bad Co", "seed", *invalid] for i in range(400)])),
            "not an option",
            scored=0,
            command=COHORT + " --rows 5",
        ),
        case(
            "esc-header.csv",
            1,
            "a header with escape sequences",
            utf8(
                csv_text(
                    [[*r, "x"] for r in rows("EscH")],
                    header=[*CSV_HEADER, CLEAR + RED + "x" + TITLE],
                )
            ),
            "column",
        ),
        case(
            "esc-cells.csv",
            1,
            "escapes in names and an option cell",
            utf8(
                csv_text(
                    [
                        csv_row(CLEAR + "Esc Row" + TITLE, company=RED + "Esc Co"),
                        csv_row("Esc Option", market__timing=RED + "x"),
                    ]
                )
            ),
            "not an option",
            scored=1,
        ),
        case(
            "control-names.csv",
            0,
            "BEL, BS, CR, DEL, C1 and U+202E in names",
            utf8(
                csv_text(
                    [
                        csv_row("Bell\x07\x08Name", company="Co\rFake"),
                        csv_row("Del\x7f\x9bName", company="Ann\u202egpj.exe"),
                    ]
                )
            ),
            scored=2,
        ),
        case(
            "formula-names.csv",
            0,
            "formulas as names",
            utf8(csv_text([csv_row("=1+1", company="@SUM(A1)"), csv_row("-2+3", company="+cmd")])),
            scored=2,
        ),
        case(
            "path-names.csv",
            0,
            "paths and devices as names",
            utf8(
                csv_text([csv_row("../../etc", company="/dev/null"), csv_row("CON", company="..")])
            ),
            scored=2,
        ),
        case(
            "long-names.csv",
            0,
            "very long names, in 4-byte letters too",
            utf8(
                csv_text(
                    [csv_row(GOTHIC * 300, company="\U00010331" * 300), csv_row("n" * 100_000)]
                )
            ),
            scored=2,
        ),
        case(
            "duplicate-founders.csv",
            1,
            "one founder twice (case and spaces differ)",
            utf8(csv_text([csv_row("Jane  Doe"), csv_row("jane doe")])),
            "duplicate founder",
            scored=1,
        ),
        case(
            "numbers.csv",
            1,
            "4,301 digits, 1e400, nan, -inf, hex; -0 and ９ are fine",
            utf8(csv_text(numbers)),
            scored=2,
        ),
        case(
            "huge-int-founder.csv",
            0,
            "a 4,301-digit founder name",
            utf8(csv_text([csv_row("9" * 4301)])),
            scored=1,
        ),
        case(
            "quoted-newlines.csv",
            0,
            "quoted cells over lines, a bare CR",
            utf8(csv_text([csv_row("Multi\nLine", company="Co\rCR", market__notes="a\nb\r\nc")])),
            scored=1,
        ),
        case(
            "bom-in-header.csv",
            1,
            "a byte-order mark before the second header",
            utf8(
                csv_text(
                    rows("BOM2"), header=[CSV_HEADER[0], "\ufeff" + CSV_HEADER[1], *CSV_HEADER[2:]]
                )
            ),
        ),
    ]


MAPPING = """\
separator: ";"
columns:
  "Your name": founder
  "Company name": company
  "Funding stage": stage
  "How many months of cash do you have left?": funding.runway_months
ignore:
  - Timestamp
labels:
  stage:
    "Seed round": seed
"""


def mapped_csv() -> str:
    months = "How many months of cash do you have left?"
    header = ["Timestamp", "Your name", "Company name", "Funding stage"]
    header += [months if key == "funding.runway_months" else key for key in CSV_IDS]
    rows = [csv_row("Map One"), csv_row("Map Two")]
    return csv_text([["2026-01-01", *r[:2], "Seed round", *r[3:]] for r in rows], header=header)


def mapping_cases() -> list[Case]:
    def case(name: str, code: int, note: str, text: str | bytes, reason: str | None = None) -> Case:
        data = text if isinstance(text, bytes) else utf8(text)
        return Case("maps/" + name, WITH_MAP, code, note, reason=reason, data=data)

    def encoding(name: str, note: str, value: str, code: int = 1) -> Case:
        reason = "encoding" if code else None
        return case(f"encoding-{name}.yaml", code, note, f"encoding: {value}\n" + MAPPING, reason)

    def replaced(old: str, new: str) -> str:
        assert old in MAPPING
        return MAPPING.replace(old, new)

    return [
        Case(
            "base/mapped.csv",
            "cohort --map {corpus}/maps/valid.yaml {file} --out {out}",
            0,
            "the CSV the mapping cases read",
            scored=2,
            data=utf8(mapped_csv()),
        ),
        case("valid.yaml", 0, "a valid mapping", MAPPING),
        encoding("utf-8", "encoding: utf-8", "utf-8", 0),
        encoding("latin-1", "latin-1 (any byte decodes; this CSV is ASCII)", "latin-1", 0),
        encoding("punycode", "punycode is no text encoding", "punycode"),
        encoding("idna", "idna is no text encoding", "idna"),
        encoding("rot13", "rot13 turns text into text", "rot13"),
        encoding("base64", "base64 turns bytes into bytes", "base64"),
        encoding("zlib", "zlib is compression", "zlib"),
        encoding("unicode-escape", "unicode_escape runs backslash escapes", "unicode_escape"),
        encoding("undefined", "Python's 'undefined' codec", "undefined"),
        encoding("utf-16", "utf-16 for a UTF-8 CSV without a byte-order mark", "utf-16"),
        encoding("utf-7", "utf-7 ('+' starts a base64 run)", "utf-7"),
        encoding("unknown", "a name that is no encoding", "klingon"),
        encoding("empty", "an empty name", '""'),
        encoding("esc", "an escape sequence as the name", yq(RED + "utf-8")),
        case(
            "delimiter-long.yaml",
            1,
            "a delimiter of two characters",
            'delimiter: ",;"\n' + MAPPING,
            "delimiter",
        ),
        case(
            "delimiter-quote.yaml",
            1,
            "the quote as delimiter",
            "delimiter: '\"'\n" + MAPPING,
            "delimiter",
        ),
        case(
            "delimiter-newline.yaml",
            1,
            "LF as delimiter",
            'delimiter: "\\n"\n' + MAPPING,
            "delimiter",
        ),
        case(
            "delimiter-cr.yaml", 1, "CR as delimiter", 'delimiter: "\\r"\n' + MAPPING, "delimiter"
        ),
        case(
            "separator-empty.yaml",
            1,
            "an empty separator",
            replaced('separator: ";"', 'separator: ""'),
            "separator",
        ),
        case(
            "unknown-target.yaml",
            1,
            "a misspelt question id",
            replaced("stage\n", "stage\n  X: market.timingg\n"),
            "not a question id",
        ),
        case(
            "unknown-field.yaml",
            1,
            "a key the format does not have",
            MAPPING + "columns2: {}\n",
            "columns2",
        ),
        case(
            "esc-target.yaml",
            1,
            "an id holding escapes",
            replaced(": funding.runway_months", ": " + yq(RED + "f" + TITLE)),
            "not a question id",
        ),
        case(
            "esc-label.yaml",
            1,
            "escapes in a label and its option",
            replaced('"Seed round": seed', yq(CLEAR + "S") + ": " + yq(RED + "seedling")),
        ),
        case("columns-list.yaml", 1, "columns: as a list", "columns:\n  - founder\n"),
        case(
            "anchors.yaml",
            1,
            "anchors and aliases",
            replaced('"Your name": founder', '"Your name": &f founder\n  "Name": *f'),
            "anchors",
        ),
        case(
            "tags.yaml",
            1,
            "a python tag",
            replaced('separator: ";"', "separator: !!python/object/apply:os.getcwd []"),
            "tags",
        ),
        case("duplicate-key.yaml", 1, "columns: twice", MAPPING + "columns: {}\n", "duplicate key"),
        case(
            "deep.yaml",
            1,
            "flow nesting 10,000 deep",
            "labels: " + "[" * 10_000 + "]" * 10_000 + "\n",
            "nested",
        ),
        case(
            "numbers.yaml",
            1,
            "numbers where text belongs",
            "delimiter: 1e400\nseparator: " + "9" * 4301 + "\n",
        ),
        case("root-list.yaml", 1, "a list at the top", "- a\n- b\n", "mapping"),
        case("empty.yaml", 1, "an empty file", b"", "empty"),
        case("binary.yaml", 1, "random bytes", junk(4, 2048)),
        case("utf16.yaml", 1, "a mapping file in UTF-16", utf16(MAPPING), "UTF-8"),
    ]


def compare_cases() -> list[Case]:
    def card(name: str, note: str, data: dict[str, Any]) -> Case:
        text = json.dumps({"schema_version": "3.0", **data}, ensure_ascii=True)
        return Case("compare/" + name, COMPARE_OLD, 1, note, reason="content", data=utf8(text))

    esc_answers = answers_yaml(
        CLEAR + "Compare Esc", company=TITLE, set_answers={"market.notes": yq(RED + "n")}
    )
    return [
        card(
            "other-content.json",
            "a scorecard of other content",
            {"content": {"name": "o", "version": "9"}},
        ),
        card(
            "esc-content.json",
            "content name and version holding escapes",
            {"content": {"name": CLEAR, "version": TITLE}},
        ),
        card("content-list.json", "content: a list", {"content": [1, 2]}),
        card(
            "schema-version-mapping.json",
            "schema_version: a mapping",
            {"schema_version": {"a": [1]}},
        ),
        Case(
            "compare/huge-version.json",
            COMPARE_OLD,
            1,
            "a 4,301-digit schema_version",
            data=utf8('{"schema_version": ' + "9" * 4301 + "}"),
        ),
        Case(
            "compare/binary-new.json",
            COMPARE_NEW,
            1,
            "random bytes as the later one",
            data=junk(5, 1024),
        ),
        Case(
            "compare/incomplete-new.yaml",
            COMPARE_NEW,
            1,
            "later answers missing one",
            reason="required",
            data=utf8(answers_yaml("Missing", set_answers={"market.timing": None})),
        ),
        Case(
            "compare/esc-new.yaml",
            COMPARE_NEW,
            0,
            "later answers with escapes in names and text",
            data=utf8(esc_answers),
        ),
    ]


def folder_cases() -> list[Case]:
    def valid(founder: str) -> bytes:
        return utf8(answers_yaml(founder))

    mixed = {
        "good-1.yaml": valid("Folder Good One"),
        "good-2.json": utf8(answers_json("Folder Good Two")),
        "sub/good-3.yml": valid("Folder Good Three"),
        "bad-binary.yaml": junk(6, 512),
        "bad-anchor.yaml": utf8(answers_yaml("Folder Anchor", raw_founder="&a x")),
        "bad-esc-key.yaml": utf8(answers_yaml("Folder Esc", add=(yq(CLEAR + "k") + ": v",))),
        "bad-4301.json": utf8(
            answers_json("F", set_answers={"team.full_time_headcount": Raw("9" * 4301)})
        ),
        "bad-1e400.json": utf8(
            answers_json("G", set_answers={"funding.runway_months": Raw("1" + "0" * 400)})
        ),
        ".hidden-bad.yaml": b"\x00",
        "notes.txt": b"\x00 not an answers file",
        "export.csv": b"\x00 CSV files in folders are not read",
    }
    odd = {
        "a b & 'c'.yaml": valid("Odd One"),
        "中文 名字.yaml": valid("Odd Two"),
        "--help.yaml": valid("Odd Three"),
        "CON.yaml": valid("Odd Four"),
        "x.YAML": valid("Odd Five"),
    }
    deep = "/".join(f"d{i}" for i in range(30)) + "/good.yaml"
    dups = {"a.yaml": valid("Dup  Founder"), "b.yaml": valid("dup founder")}
    return [
        Case(
            "folders/mixed",
            COHORT,
            1,
            "good and bad files side by side: the good scored",
            scored=3,
            files=mixed,
        ),
        Case(
            "folders/duplicates",
            COHORT,
            1,
            "one founder in two files",
            reason="duplicate founder",
            scored=1,
            files=dups,
        ),
        Case(
            "folders/only-hidden",
            COHORT,
            1,
            "only hidden files",
            reason="no answers files",
            scored=0,
            files={".a.yaml": valid("H")},
        ),
        Case(
            "folders/only-csv",
            COHORT,
            1,
            "only a CSV (not read in folders)",
            reason="no answers files",
            scored=0,
            files={"x.csv": utf8(csv_text([csv_row("In Folder")]))},
        ),
        Case(
            "folders/deep",
            COHORT,
            0,
            "an answers file 30 folders down",
            scored=1,
            files={deep: valid("Deep Folder")},
        ),
        Case(
            "folders/odd-names",
            COHORT,
            0,
            "spaces, Chinese, '--help', CON, upper case",
            scored=5,
            files=odd,
        ),
        Case(
            "folders/folder.yaml",
            ASSESS,
            1,
            "a folder named like an answers file",
            reason="folder",
            files={"inner.yaml": valid("Inner")},
        ),
    ]


# --- generated at test time --------------------------------------------------------------


def _bytes(data: bytes) -> Builder:
    def build(target: Path) -> None:
        target.write_bytes(data)

    return build


def _padded(text: str, size: int) -> bytes:
    """`text` followed by YAML comment lines up to exactly `size` bytes."""
    data = utf8(text)
    line = b"# " + b"p" * 97 + b"\n"
    pad = line * ((size - len(data)) // len(line))
    rest = size - len(data) - len(pad)
    return data + pad + (b"#" + b"p" * (rest - 2) + b"\n" if rest >= 2 else b"\n" * rest)


def _filled(prefix: str, unit: str, suffix: str, size: int) -> bytes:
    """`prefix`, then `unit` as many times as fits, then `suffix`: at most `size` bytes."""
    room = size - len(utf8(prefix + suffix))
    return utf8(prefix + unit * (room // len(utf8(unit))) + suffix)


def _lines(prefix: str, line: Callable[[int], str], size: int) -> bytes:
    """`prefix`, then `line(0)`, `line(1)`... while they fit in `size` bytes."""
    parts = [utf8(prefix)]
    total = len(parts[0])
    for number in range(size):
        data = utf8(line(number))
        if total + len(data) > size:
            break
        parts.append(data)
        total += len(data)
    return b"".join(parts)


def _link(to: str) -> Builder:
    def build(target: Path) -> None:
        target.symlink_to(to)

    return build


def _folder(files: dict[str, Builder]) -> Builder:
    def build(target: Path) -> None:
        for name, make in files.items():
            path = Path(os.fsdecode(os.path.join(os.fsencode(target), os.fsencode(name))))
            path.parent.mkdir(parents=True, exist_ok=True)
            make(path)

    return build


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _loop(target: Path) -> None:
    target.symlink_to(".")


def _unreadable(target: Path) -> None:
    target.write_bytes(utf8(answers_yaml("Unreadable")))
    target.chmod(0)


def _scorecard(change: Callable[[dict[str, Any]], str | None]) -> Builder:
    """A scorecard of the example, scored with the content in use, changed by `change`
    (which edits the data, or returns the whole text to write)."""

    def build(target: Path) -> None:
        from founder_check import load_content
        from founder_check.base import json_text
        from founder_check.scoring.answers import load_answers
        from founder_check.scoring.engine import score

        content = load_content()
        answers = load_answers(ROOT / "examples" / "seed-founder.yaml", content)
        data = json.loads(json_text.indented(score(content, answers, lang="en")))
        text = change(data)
        target.write_text(text if text is not None else json.dumps(data), encoding="utf-8")

    return build


def _answer(question: str, raw: str) -> Callable[[dict[str, Any]], str]:
    def change(data: dict[str, Any]) -> str:
        for item in data["questions"]:
            if item["id"] == question:
                item["answer"] = "@@answer@@"
        return json.dumps(data).replace('"@@answer@@"', raw)

    return change


def _subject(founder: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["subject"]["founder"] = founder

    return change


def _no_questions(data: dict[str, Any]) -> None:
    data["questions"] = {"a": 1}


def generated_cases() -> list[Case]:
    seed = answers_yaml("Generated")
    bad = utf8("founder: [unclosed\n")
    big_json = utf8(answers_json("Big JSON"))

    def gen(name: str, command: str, code: int, note: str, make: Builder, **kwargs: Any) -> Case:
        return Case("generated/" + name, command, code, note, build=make, **kwargs)

    def beside(founder: str, **others: Builder) -> Builder:
        return _folder({**others, "good.yaml": _bytes(utf8(answers_yaml(founder)))})

    unnamed = utf8(answers_yaml("", raw_founder="", raw_company=""))
    return [
        gen(
            "size-at-limit.yaml",
            ASSESS,
            0,
            "valid answers padded to exactly 4 MB",
            _bytes(_padded(seed, LIMIT)),
        ),
        gen(
            "size-over-limit.yaml",
            ASSESS,
            1,
            "the same and one byte more",
            _bytes(_padded(seed, LIMIT + 1)),
            reason="MB",
        ),
        gen(
            "size-over-limit.json",
            ASSESS,
            1,
            "JSON of 4 MB and one byte",
            _bytes(big_json + b" " * (LIMIT + 1 - len(big_json))),
            reason="MB",
        ),
        gen(
            "size-limit-unknown-keys.yaml",
            ASSESS,
            1,
            "4 MB of long unknown ids near real ones (issue 12: 106 s)",
            _bytes(_lines(seed, lambda i: f"  market.timing_{'x' * 400}{i}: x\n", LIMIT)),
            reason="unknown question id",
        ),
        gen(
            "size-limit-many-keys.yaml",
            ASSESS,
            1,
            "4 MB of short unknown ids",
            _bytes(_lines(seed, lambda i: f"  k{i}: 1\n", LIMIT)),
        ),
        gen(
            "size-limit-deep-flow.yaml",
            ASSESS,
            1,
            "4 MB of '['",
            _bytes(_filled("answers: ", "[", "", LIMIT)),
        ),
        gen(
            "size-limit-deep-flow.json",
            ASSESS,
            1,
            "4 MB of '[' in JSON",
            _bytes(_filled('{"answers": ', "[", "", LIMIT)),
        ),
        gen(
            "size-limit-small-values.json",
            ASSESS,
            1,
            "4 MB of tiny JSON values",
            _bytes(_filled('{"answers": {"a": [', "1,", "1]}}", LIMIT)),
        ),
        gen(
            "size-limit-small-items.yaml",
            ASSESS,
            1,
            "4 MB of tiny YAML list items",
            _bytes(_filled("answers:\n  market.notes:\n", "  - 1\n", "", LIMIT)),
        ),
        gen(
            "size-limit-one-string.yaml",
            ASSESS,
            0,
            "a founder name of almost 4 MB",
            _bytes(_filled("founder: ", "n", "\n" + seed.split("\n", 1)[1], LIMIT)),
        ),
        gen(
            "size-limit-long-key.json",
            ASSESS,
            1,
            "one unknown key of almost 4 MB",
            _bytes(_filled('{"answers": {"', "k", '": 1}}', LIMIT)),
            reason="unknown question id",
        ),
        gen(
            "dev-zero.yaml",
            ASSESS,
            1,
            "a link to /dev/zero (endless NUL bytes)",
            _link("/dev/zero"),
        ),
        gen("dev-null.yaml", ASSESS, 1, "a link to /dev/null", _link("/dev/null")),
        gen("dev-urandom.json", ASSESS, 1, "a link to /dev/urandom", _link("/dev/urandom")),
        gen(
            "unreadable.yaml",
            ASSESS,
            1,
            "no read permission",
            _unreadable,
            reason="permission denied",
        ),
        gen(
            "esc-\x1b[2J\x1b[31mname.yaml",
            ASSESS,
            1,
            "a file name that clears the screen",
            _bytes(bad),
        ),
        gen("newline\nname\r.yaml", ASSESS, 1, "a file name with a newline and a CR", _bytes(bad)),
        gen(
            "fifo.yaml",
            COHORT,
            1,
            "a named pipe given to cohort",
            _fifo,
            reason="not a regular file",
        ),
        gen(
            "cohort-fifo",
            COHORT,
            1,
            "a named pipe x.yaml in a folder (hung)",
            beside("By Fifo", **{"x.yaml": _fifo}),
            reason="named pipe",
            scored=1,
        ),
        gen(
            "cohort-devices",
            COHORT,
            1,
            "links to /dev/zero and /dev/null as *.yaml",
            beside(
                "By Devices", **{"zero.yaml": _link("/dev/zero"), "null.json": _link("/dev/null")}
            ),
            scored=1,
        ),
        gen(
            "cohort-links",
            COHORT,
            1,
            "a dangling link and a link loop",
            beside("By Links", **{"dangling.yaml": _link("nowhere/x.yaml"), "loop": _loop}),
            scored=1,
        ),
        gen(
            "cohort-non-utf8-name",
            COHORT,
            0,
            "a file name that is not UTF-8, founder unnamed",
            _folder({"bad-\udcff\udcfe.yaml": _bytes(unnamed)}),
            scored=1,
        ),
        gen(
            "cohort-non-utf8-name-bad",
            COHORT,
            1,
            "a file name that is not UTF-8, bad content",
            beside("By Bytes", **{"bad-\udcff.yaml": _bytes(bad)}),
            scored=1,
        ),
        gen(
            "cohort-esc-names",
            COHORT,
            1,
            "file names with escapes and line ends",
            beside("By Escapes", **{TITLE + "x.yaml": _bytes(bad), "a\nb\rc.yaml": _bytes(bad)}),
            scored=1,
        ),
        gen(
            "cohort-unreadable",
            COHORT,
            1,
            "an unreadable file",
            beside("By Locked", **{"locked.yaml": _unreadable}),
            reason="permission denied",
            scored=1,
        ),
        gen(
            "scorecard-valid.json",
            COMPARE_OLD,
            0,
            "a scorecard of the content in use",
            _scorecard(lambda data: None),
        ),
        gen(
            "scorecard-esc-founder.json",
            COMPARE_OLD,
            0,
            "its founder clears the screen",
            _scorecard(_subject(CLEAR + "Card" + TITLE)),
        ),
        gen(
            "scorecard-surrogate.json",
            COMPARE_OLD,
            0,
            "its founder holds a lone surrogate",
            _scorecard(_subject("Card\ud800")),
        ),
        gen(
            "scorecard-questions-mapping.json",
            COMPARE_OLD,
            1,
            "its questions are a mapping",
            _scorecard(_no_questions),
            reason="questions",
        ),
        gen(
            "scorecard-answer-1e400.json",
            COMPARE_OLD,
            1,
            "an answer of 1e400",
            _scorecard(_answer("funding.runway_months", "1e400")),
        ),
        gen(
            "scorecard-answer-4301.json",
            COMPARE_OLD,
            1,
            "an answer of 4,301 digits",
            _scorecard(_answer("team.full_time_headcount", "9" * 4301)),
        ),
        gen(
            "scorecard-answer-esc.json",
            COMPARE_OLD,
            1,
            "an answer that is an escape sequence",
            _scorecard(_answer("market.timing", json.dumps(CLEAR + "x"))),
            reason="not an option",
        ),
    ]


# --- writing -------------------------------------------------------------------------------


def all_cases() -> list[Case]:
    return [
        *encoding_cases(),
        *size_cases(),
        *number_cases(),
        *yaml_cases(),
        *control_cases(),
        *name_cases(),
        *csv_cases(),
        *mapping_cases(),
        *compare_cases(),
        *folder_cases(),
        *generated_cases(),
    ]


def expectations(cases: list[Case]) -> dict[str, dict[str, Any]]:
    """What expected.yaml holds: per input, its command, exit code, note and checks."""
    table: dict[str, dict[str, Any]] = {}
    for case in cases:
        assert case.name not in table, f"two cases named {case.name!r}"
        assert case.exit in (0, 1, 2), "exit 3 is a bug: never expected"
        entry: dict[str, Any] = {"command": case.command, "exit": case.exit, "note": case.note}
        if case.reason is not None:
            entry["reason"] = case.reason
        if case.scored is not None:
            entry["scored"] = case.scored
        if case.build is not None:
            entry["generated"] = True
        table[case.name] = entry
    return table


HEADER = """\
# The hostile-input corpus: for each input (a path under corpus/, or generated at test time
# into the test's folder), the command it is fed to, the exit code it must give (0 ok, 1 user
# error, 2 usage; 3, a bug, is never expected), what it tests, and for some the words its
# error must contain (`reason`) or the founders a cohort must still score (`scored`).
# Written by make_corpus.py: edit the cases there, then run
#   .venv/bin/python -m tests.hostile.make_corpus
"""


def expected_text(cases: list[Case]) -> str:
    body = yaml.safe_dump(expectations(cases), allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def stored_files(cases: list[Case]) -> dict[str, bytes]:
    """Every stored file of the corpus, by its path under corpus/."""
    files: dict[str, bytes] = {}
    for case in cases:
        if case.data is not None:
            files[case.name] = case.data
        for name, data in (case.files or {}).items():
            files[f"{case.name}/{name}"] = data
    return files


def build(case: Case, folder: Path) -> Path:
    """Make a generated input under `folder`; its path."""
    assert case.build is not None
    target = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(case.name))))
    target.parent.mkdir(parents=True, exist_ok=True)
    case.build(target)
    return target


def write_corpus(corpus: Path = CORPUS, expected: Path = EXPECTED) -> int:
    """Write the stored corpus (replacing the folder) and expected.yaml; the file count."""
    cases = all_cases()
    if corpus.exists():
        shutil.rmtree(corpus)
    files = stored_files(cases)
    for name, data in files.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    expected.write_text(expected_text(cases), encoding="utf-8")
    return len(files)


def main() -> None:
    count = write_corpus()
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    sys.stdout.write(f"{count} files, {size / 1048576:.1f} MB in {CORPUS}; {EXPECTED} written\n")


if __name__ == "__main__":
    main()
