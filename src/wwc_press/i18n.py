"""The gettext catalog workflow: thin wrappers over Babel's own commands, and honest counts.

``extract`` writes ``locales/messages.pot`` from the templates and the ``NC_()`` marks in Python;
``update`` merges it into each language's ``.po`` with fuzzy matching, so translators work in
Poedit or Weblate as usual; ``compile`` writes ``.mo`` files for tools that want them (wwc-press
itself reads the ``.po``). Counts come from the ``.po``: Babel's compile statistics count fuzzy
entries and empty plural forms as translated (LOCALIZATION.md).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from .localize import CATALOG_DIR, catalog_path
from .model import Language

KEYWORDS = ["NC_:1c,2"]  # localize.NC_(context, message)


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def template_path(root: Path) -> Path:
    return root / "locales" / "messages.pot"


def extract(root: Path) -> Path:
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    # Relative paths, so that the references in the catalogs do not depend on the checkout.
    with contextlib.chdir(root):
        _pybabel(
            "extract", "-F", "locales/babel.cfg", *keywords,
            "--add-comments=Translators:", "--sort-by-file", "--width=100",
            "--project=wwc-press", "--copyright-holder=Results for America",
            "-o", "locales/messages.pot", ".",
        )  # fmt: skip
    return template_path(root)


def update(root: Path) -> list[Path]:
    """Merge the template into every catalog, creating a missing one."""
    written = []
    for language, directory in CATALOG_DIR.items():
        path = catalog_path(root, language)
        command = "update" if path.exists() else "init"
        _pybabel(
            command, "-i", str(template_path(root)), "-d", str(root / "locales"),
            "-l", directory, "--width=100",
        )  # fmt: skip
        written.append(path)
    return written


def compile_catalogs(root: Path) -> list[Path]:
    _pybabel("compile", "-d", str(root / "locales"))
    return [catalog_path(root, language).with_suffix(".mo") for language in CATALOG_DIR]


def read_catalog(path: Path, language: Language) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=CATALOG_DIR[language])


def _is_translated(message: Message) -> bool:
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


def placeholders(text: str) -> list[str]:
    """The ``%(name)s`` and ``{name}`` fields of a message, sorted."""
    return sorted(_PLACEHOLDER.findall(text))


def _placeholder_problems(message: Message, msgid: str) -> list[str]:
    """Each translated form keeps the fields of the English form it stands for: the first form
    the singular's, the others the plural's. As msgfmt allows, the first form may leave out a
    field ("otra ciudad" needs no number), but no form may add one the English lacks."""
    if isinstance(message.id, tuple | list):
        pairs = [
            (index, form, message.id[0] if index == 0 else message.id[1])
            for index, form in enumerate(message.string)
        ]
    else:
        pairs = [(1, message.string, message.id)]
    problems = []
    for index, form, english in pairs:
        mine, theirs = set(placeholders(form)), set(placeholders(english))
        if mine != theirs and not (index == 0 and mine < theirs):
            problems.append(
                f"placeholders of {msgid!r} differ: {sorted(mine)} in the translation, "
                f"{sorted(theirs)} in the English"
            )
    return problems


@dataclass
class Coverage:
    """What a catalog holds, counted from the ``.po``; ``problems`` names each gap."""

    language: Language
    path: Path
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def coverage(root: Path, language: Language) -> Coverage:
    path = catalog_path(root, language)
    assert path is not None
    if not path.is_file():
        report = Coverage(language, path)
        report.problems.append((1, "the catalog is missing: run 'wwc-press i18n update'"))
        return report
    catalog = read_catalog(path, language)
    report = Coverage(language, path, obsolete=len(catalog.obsolete))
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        line = message.lineno
        if message.fuzzy:
            report.fuzzy += 1
            report.problems.append((line, f"fuzzy translation of {msgid!r}: review it"))
        elif not _is_translated(message):
            report.untranslated += 1
            report.problems.append((line, f"no translation for {msgid!r}"))
        else:
            report.translated += 1
            for problem in _placeholder_problems(message, msgid):
                report.problems.append((line, problem))
    return report
