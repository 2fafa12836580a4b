"""The language a user's locale asks for, used when `--lang` is not given.

POSIX decides which locale variable names the language of messages: LC_ALL if set and not
empty, else LC_MESSAGES, else LANG. A Chinese locale (`zh_CN.UTF-8`, `zh_TW`, `zh`) gives
Chinese; any other locale, "C", "POSIX" or none at all gives English, the tool's default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def lang_from_env(environ: Mapping[str, str]) -> Literal["en", "zh"]:
    """Chinese ("zh") when the locale that governs messages is Chinese, else "en"."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            language = value.split(".")[0].split("@")[0].replace("-", "_").lower()
            return "zh" if language == "zh" or language.startswith("zh_") else "en"
    return "en"
