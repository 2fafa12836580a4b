"""founder-check's gettext catalogs, kept with Babel (docs/translations.md).

    python -m tests.catalogs

extracts the template (`locale/founder_check.pot`) from the code's declarations, updates each
language's catalog (`locale/<lang>/LC_MESSAGES/founder_check.po`) from it, compiles the `.mo`
the package reads, and lists what is left to translate. A file is written only when what it
holds changes, never for a new date alone. The tests use the same functions to check that the
committed files are what these would write and that every text is translated.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import sys
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

import founder_check
from founder_check.base.i18n import Texts

ROOT = Path(__file__).resolve().parent.parent
SOURCE = PurePosixPath("src", "founder_check")
LOCALE_DIR = ROOT / SOURCE / "locale"
TEMPLATE = LOCALE_DIR / "founder_check.pot"
LANGUAGES = ("zh_CN",)
PLURAL_FORMS = {"zh_CN": "nplurals=1; plural=0;"}
FOREIGN_CONTEXTS = ("yaml", "csv", "os")  # msgids that are patterns: {0} is their first group
AUTHORS = "The founder-check authors"
HEADER = (
    "# Translations template for founder-check's fixed texts (docs/translations.md).\n"
    "# Copyright (C) 2026 The founder-check authors\n"
    "# This file is distributed under the same license as founder-check (MIT).\n"
    "#"
)
_PLACEHOLDER = re.compile(r"\{\w+(?:![rsa])?(?::[^{}]*)?\}")


def all_tables() -> dict[str, Texts]:
    """Every table of fixed texts in the package, named by the module that makes it: the
    declarations of the catalogs (`Texts`)."""
    tables: dict[str, Texts] = {}
    for module in pkgutil.walk_packages(founder_check.__path__, "founder_check."):
        loaded = importlib.import_module(module.name)
        source = Path(loaded.__file__ or "").read_text(encoding="utf-8")
        for name, value in vars(loaded).items():
            made_here = re.search(rf"^{name}\b[^=\n]*= Texts\(", source, re.MULTILINE)
            if isinstance(value, Texts) and made_here:
                tables[f"{module.name.removeprefix('founder_check.')}.{name}"] = value
    return tables


def po_path(locale: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"founder_check{suffix}"


def extract() -> Catalog:
    """The template: every text the code declares (babel.cfg says how to find them)."""
    from founder_check import __version__

    with (ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    template = Catalog(
        project="founder-check",
        version=__version__,
        copyright_holder=AUTHORS,
        msgid_bugs_address=AUTHORS,
        last_translator=AUTHORS,
        header_comment=HEADER,
        charset="utf-8",
    )
    found = extract_from_dir(str(ROOT / SOURCE), method_map, options_map)
    for filename, _lineno, message, comments, context in found:
        place = (str(SOURCE / PurePosixPath(Path(filename).as_posix())), None)
        template.add(message, None, [place], auto_comments=comments, context=context)
    return template


def update(template: Catalog, locale: str) -> Catalog:
    """The language's catalog brought in line with the template: new texts untranslated,
    changed ones fuzzy (with the translation of the nearest old text), gone ones dropped."""
    with po_path(locale).open("rb") as file:
        catalog = read_po(file, locale=locale)
    catalog.update(template, update_creation_date=False)
    for gone in list(catalog.obsolete):
        del catalog.obsolete[gone]
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, include_lineno=False, include_previous=True, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_mo(file) if path.suffix == ".mo" else read_po(file, locale=locale)


def entries(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a catalog says, header aside: each text with its translation, flags, comments
    (however a file wraps them) and files, in order: what a file must keep to be unchanged."""
    return [
        (m.context, m.id, _string(m), sorted(m.flags), " ".join(m.auto_comments), _files(m))
        for m in catalog
        if m.id
    ]


def translations(catalog: Catalog) -> dict[tuple[str | None, object], object]:
    """The translations a compiled catalog holds, by (msgctxt, msgid)."""
    return {(m.context, _tuple(m.id)): _tuple(m.string) for m in catalog if m.id}


def _files(message: Message) -> list[str]:
    return sorted({path for path, _ in message.locations})


def _string(message: Message) -> object:
    """A translation, the same whether read from a file or just made ("" for none)."""
    string = message.string
    if isinstance(string, (list, tuple)):
        return tuple(string) if any(string) else ""
    return string or ""


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def same_compiled(one: Catalog, other: Catalog) -> bool:
    """Whether two compiled catalogs hold the same translations and plural forms (their
    bytes differ with the Babel version that wrote them)."""
    return one.plural_forms == other.plural_forms and translations(one) == translations(other)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def problems(catalog: Catalog, locale: str) -> list[str]:
    """What keeps a catalog from being complete: a text with no translation or a fuzzy one,
    a placeholder of the English missing or changed in a translation, a plural with another
    number of forms than the language's, or the wrong Plural-Forms header."""
    found = []
    if catalog.plural_forms != PLURAL_FORMS[locale]:
        found.append(f"Plural-Forms is {catalog.plural_forms!r}, not {PLURAL_FORMS[locale]!r}")
    for message in catalog:
        if not message.id:
            continue
        where = f"{message.context}: {_english(message)[0]!r}"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"{where}: fuzzy")
        if not all(forms):
            found.append(f"{where}: not translated")
            continue
        if message.pluralizable and len(forms) != catalog.num_plurals:
            found.append(f"{where}: {len(forms)} forms, the language has {catalog.num_plurals}")
        expected = _expected_placeholders(message)
        for form in forms:
            if placeholders(form) != expected:
                found.append(f"{where}: {sorted(placeholders(form))} for {sorted(expected)}")
    return found


def _english(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _expected_placeholders(message: Message) -> set[str]:
    """The fields every translation must keep: those of the English (both forms of a
    count), or for a pattern of another program's words one per group of the pattern."""
    if message.context in FOREIGN_CONTEXTS:
        groups = re.compile(_english(message)[0]).groups
        return {f"{{{number}}}" for number in range(groups)}
    return set().union(*(placeholders(form) for form in _english(message)))


def _write_if_changed(path: Path, data: bytes, same: bool) -> bool:
    if path.exists() and same:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def main() -> int:
    template = extract()
    written = []
    old_template = read(TEMPLATE) if TEMPLATE.exists() else None
    same = old_template is not None and entries(old_template) == entries(template)
    if _write_if_changed(TEMPLATE, po_bytes(template), same):
        written.append(TEMPLATE)
    left = 0
    for locale in LANGUAGES:
        old = read(po_path(locale), locale)
        catalog = update(template, locale)
        if entries(old) != entries(catalog):
            catalog.revision_date = datetime.now(timezone.utc)
            po_path(locale).write_bytes(po_bytes(catalog))
            written.append(po_path(locale))
        mo = po_path(locale, ".mo")
        compiled = read_mo(io.BytesIO(mo_bytes(catalog)))
        same = mo.exists() and same_compiled(read(mo), compiled)
        if _write_if_changed(mo, mo_bytes(catalog), same):
            written.append(mo)
        for problem in problems(catalog, locale):
            print(f"{locale}: {problem}")
            left += 1
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"{len(template)} texts; {left} problems left to fix in the translations")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
