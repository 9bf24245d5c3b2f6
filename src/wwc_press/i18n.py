"""The gettext catalog workflow: thin wrappers over Babel's own commands, and honest counts.

``extract`` writes ``locales/messages.pot`` from the templates and the ``NC_()`` marks in Python;
``update`` merges it into each language's ``.po`` with fuzzy matching, so translators work in
Poedit or Weblate as usual; ``compile`` writes ``.mo`` files for tools that want them (wwc-press
itself reads the ``.po``). Counts come from the ``.po``: Babel's compile statistics count fuzzy
entries and empty plural forms as translated.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from . import qa
from .errors import CONTROL, Problem
from .localize import CATALOG_DIR, CatalogError, catalog_path, read_catalog
from .model import Language

KEYWORDS = ["NC_:1c,2"]  # localize.NC_(context, message)


def _pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface  # heavy: only for the commands

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
    """Merge the template into every catalog, creating a missing one.

    pybabel matches entries by their singular, so a changed plural alone would keep its old
    translations as if nothing had changed: such entries are marked fuzzy here, as a changed
    singular is."""
    written = []
    for language, directory in CATALOG_DIR.items():
        path = catalog_path(root, language)
        before = {}
        if path.exists():
            before = {_key(m): _plural(m) for m in read_catalog(path, language) if m.id}
        command = "update" if path.exists() else "init"
        _pybabel(
            command, "-i", str(template_path(root)), "-d", str(root / "locales"),
            "-l", directory, "--width=100",
        )  # fmt: skip
        catalog = read_catalog(path, language)
        changed = [
            m for m in catalog if m.id and _key(m) in before and before[_key(m)] != _plural(m)
        ]
        if changed:
            for message in changed:
                message.flags.add("fuzzy")
            with path.open("wb") as handle:
                write_po(handle, catalog, width=100)
        written.append(path)
    return written


def compile_catalogs(root: Path) -> list[Path]:
    _pybabel("compile", "-d", str(root / "locales"))
    return [catalog_path(root, language).with_suffix(".mo") for language in CATALOG_DIR]


def is_translated(message: Message) -> bool:
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


def placeholders(text: str) -> list[str]:
    """The ``%(name)s`` and ``{name}`` fields of a message, sorted."""
    return sorted(PLACEHOLDER.findall(text))


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
        # The templates fill every message with %: a lone % would stop the build.
        try:
            form % _AnyValue()
        except (ValueError, TypeError, KeyError):
            problems.append(f"{msgid!r}: a % in {form!r} is not a placeholder: write %% for a "
                            "percent sign")  # fmt: skip
        control = CONTROL.search(form)
        if control:
            problems.append(f"{msgid!r}: control character U+{ord(control.group()):04X} in the "
                            "translation: delete it")  # fmt: skip
        # A translation is text: markup the English lacks, or a straight double quote (which
        # ends an attribute it fills), is a translator's slip or an attack; it prints as typed.
        extra = set(MARKUP.findall(form)) - set(MARKUP.findall(english))
        if '"' in form and '"' not in english:
            extra.add('"')
        if extra:
            problems.append(f"{msgid!r}: markup {sorted(extra)} in the translation that the "
                            "English does not have; write it as text, with the language's "
                            "quotation marks")  # fmt: skip
    return problems


class _AnyValue(dict):
    """Any placeholder's value, to try a form the way the templates fill it."""

    def __missing__(self, key: str) -> int:
        return 1


MARKUP = re.compile(r"</?[A-Za-z!][^>]*>?|&[A-Za-z#][A-Za-z0-9]*;")


def forms(message: Message) -> list[tuple[str, str]]:
    """Each translated form with the English it stands for."""
    if isinstance(message.id, tuple | list):
        return [
            (message.id[0] if index == 0 else message.id[1], form)
            for index, form in enumerate(message.string)
        ]
    return [(message.id, message.string)]


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


class Catalogs:
    """The project's catalogs and ``messages.pot``, each read once, however many questions a
    command asks of them: the gaps a build needs filled, the QA check adds, the counts of
    ``i18n status``. Made for one command: a catalog edited since is read by the next one."""

    def __init__(self, root: Path):
        self.root = root
        self._read: dict[Language, Catalog | CatalogError] = {}
        self._coverage: dict[Language, Coverage] = {}

    def catalog(self, language: Language) -> Catalog:
        """The catalog of ``language``, or the CatalogError that says what is wrong with it."""
        if language not in self._read:
            path = catalog_path(self.root, language)
            assert path is not None
            try:
                self._read[language] = read_catalog(path, language)
            except CatalogError as error:
                self._read[language] = error
        found = self._read[language]
        if isinstance(found, CatalogError):
            raise found
        return found

    @cached_property
    def template(self) -> dict[Key, Message] | None:
        """``messages.pot``'s messages by key, or None when there is none."""
        path = template_path(self.root)
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            return {_key(m): m for m in read_po(handle) if m.id}

    def translated(self, language: Language) -> list[tuple[Message, str, str]]:
        """Each translated form of the catalog (fuzzy ones aside), with its message and the
        English it stands for; none when the catalog cannot be read (``coverage`` says why)."""
        try:
            catalog = self.catalog(language)
        except CatalogError:
            return []
        return [
            (message, english, form)
            for message in catalog
            if message.id and not message.fuzzy and is_translated(message)
            for english, form in forms(message)
        ]

    def gaps(self, languages: Iterable[Language]) -> list[Problem]:
        """What stops a build in ``languages``, each at its line."""
        return [
            Problem(report.path, line, 1, message)
            for language in languages
            for report in [self.coverage(language)]
            for line, message in report.problems
        ]

    def qa(self, language: Language) -> list[Problem]:
        """Translation QA (qa.py) on every translated form of the catalog."""
        path = catalog_path(self.root, language)
        assert path is not None
        return [
            Problem(path, message.lineno, 1, f"{_key(message)[1]!r}: {problem}")
            for message, english, form in self.translated(language)
            for problem in qa.problems(english, form, language)
        ]

    def coverage(self, language: Language) -> Coverage:
        if language not in self._coverage:
            self._coverage[language] = self._count(language)
        return self._coverage[language]

    def _count(self, language: Language) -> Coverage:
        path = catalog_path(self.root, language)
        assert path is not None
        if not path.is_file():
            report = Coverage(language, path)
            report.problems.append((1, "the catalog is missing: run 'wwc-press i18n update'"))
            return report
        try:
            catalog = self.catalog(language)
        except CatalogError as error:
            report = Coverage(language, path)
            report.problems.append((error.line, error.reason))
            return report
        report = Coverage(language, path, obsolete=len(catalog.obsolete))
        for message in catalog:
            if not message.id:
                continue
            msgid, line = _key(message)[1], message.lineno
            if message.fuzzy:
                report.fuzzy += 1
                report.problems.append((line, f"fuzzy translation of {msgid!r}: review it"))
            elif not is_translated(message):
                report.untranslated += 1
                report.problems.append((line, f"no translation for {msgid!r}"))
            else:
                report.translated += 1
                report.problems += [(line, p) for p in _placeholder_problems(message, msgid)]
        # A catalog cut short (a bad copy, a merge gone wrong) lacks entries instead of leaving
        # them empty: each message of messages.pot it lacks is a gap too.
        present = {_key(m) for m in catalog if m.id}
        end = max((m.lineno for m in catalog if m.id), default=1)  # after the last entry
        for key in [key for key in self.template or {} if key not in present]:
            report.untranslated += 1
            report.problems.append((end, f"{key[1]!r} is not in the catalog: run 'wwc-press "
                                    "i18n update', then translate it"))  # fmt: skip
        return report

    def status_lines(self) -> list[str]:
        """``i18n status``: a header, then per language the entries translated, fuzzy,
        untranslated and obsolete, in columns."""
        lines = [f"{'language':<10}{'translated':>12}{'fuzzy':>8}{'untranslated':>14}"
                 f"{'obsolete':>10}"]  # fmt: skip
        for language in CATALOG_DIR:
            report = self.coverage(language)
            lines.append(
                f"{language:<10}{report.translated:>12}{report.fuzzy:>8}"
                f"{report.untranslated:>14}{report.obsolete:>10}"
            )
        return lines


# The keywords pybabel extract is given (KEYWORDS above), in extract_from_dir's form.
_EXTRACT_KEYWORDS = {"NC_": ((1, "c"), 2)}
Key = tuple[str | None, str]  # (context, singular)


@dataclass
class _Source:
    plural: str | None
    comments: list[str]
    where: list[tuple[Path, int]]

    @property
    def comment(self) -> str:
        return _words(self.comments)


def _words(comments: list[str]) -> str:
    """Comments as words: the catalog rewraps them at its width, and keeps the tag of Python's
    comments but not of the templates'."""
    return " ".join(" ".join(comments).replace("Translators:", " ").split())


def _in_templates(root: Path) -> tuple[dict[Key, _Source], list[Problem]]:
    """What ``_extracted`` finds, extracted once per version of the sources in this process:
    extraction parses every template and module (most of ``check``'s time), and ``serve``
    checks again after every comment and approval."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for source in [root / "locales" / "babel.cfg", *sorted((root / "templates").rglob("*.html")),
                   *sorted(package.rglob("*.py"))]:  # fmt: skip
        digest.update(f"{source}\0".encode() + source.read_bytes() + b"\0")
    found, problems = _extracted(digest.hexdigest(), root)
    return dict(found), list(problems)


@lru_cache(maxsize=8)
def _extracted(digest: str, root: Path) -> tuple[dict[Key, _Source], list[Problem]]:
    """The messages the templates and Python marks hold now, extracted in memory as ``extract``
    would write them; and the singulars two places give different plurals (gettext keeps one
    plural per singular, so one of them would print the other's words)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (root / "locales" / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {**DEFAULT_KEYWORDS, **_EXTRACT_KEYWORDS}
    # The project's templates, and the marks in our own code wherever the package is installed
    # (a project folder has no src/).
    package = Path(__file__).parent
    for template in sorted((root / "templates").rglob("*.html")):
        try:
            template.read_text("utf-8")
        except UnicodeDecodeError as error:
            raw = template.read_bytes()[: error.start]
            return {}, [Problem(template, raw.count(b"\n") + 1, 1, "bytes that are not UTF-8: "
                                "save the template as UTF-8")]  # fmt: skip
    sources = [
        (root, [(glob, how) for glob, how in method_map if how != "python"], options_map),
        (package, [("**.py", "python")], {}),
    ]
    extracted = []
    for folder, methods, options in sources:
        with contextlib.chdir(folder):
            extracted += [
                (folder / filename, line, message, comments, context)
                for filename, line, message, comments, context in extract_from_dir(
                    ".", methods, options, keywords=keywords, comment_tags=["Translators:"],
                    strip_comment_tags=True,
                )
            ]  # fmt: skip
    found: dict[Key, _Source] = {}
    problems: list[Problem] = []
    for filename, line, message, comments, context in extracted:
        singular, plural = (
            (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        )
        where = (filename, line)
        seen = found.get((context, singular))
        if seen is None:
            found[(context, singular)] = _Source(plural, list(comments), [where])
            continue
        seen.where.append(where)
        seen.comments += [c for c in comments if c not in seen.comments]
        if seen.plural != plural:
            first = seen.where[0]
            for path, at, other in ((where[0], where[1], first), (first[0], first[1], where)):
                problems.append(
                    Problem(
                        path, at, 1,
                        f"{singular!r} has two plurals, here and at {other[0].name}:{other[1]}: "
                        "gettext keeps one; give one of them another singular",
                    )
                )  # fmt: skip
    return found, problems


def _key(message: Message) -> Key:
    singular = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return (message.context, singular)


def _plural(message: Message) -> str | None:
    return message.id[1] if isinstance(message.id, tuple | list) else None


def template_problems(catalogs: Catalogs) -> list[Problem]:
    """The catalogs against the templates as they are now: a message new, changed (plural,
    context or translator comment) or gone since ``messages.pot`` was extracted is a problem at
    the template's line, with the commands that fix it; a catalog behind the template too."""
    fix = "run 'wwc-press i18n extract' and 'wwc-press i18n update'"
    root = catalogs.root
    found, problems = _in_templates(root)
    if not found:  # the templates could not be read: comparing them says nothing more
        return problems
    pot_path, pot = template_path(root), catalogs.template
    if pot is None:
        return [*problems, Problem(pot_path, 1, 1, "no messages.pot: run 'wwc-press i18n extract'")]
    for key, source in found.items():
        path, line = source.where[0]
        message = pot.get(key)
        if message is None:
            problems.append(Problem(path, line, 1, f"{key[1]!r} is new: {fix}, then translate it"))
        elif _plural(message) != source.plural:
            problems.append(
                Problem(
                    path, line, 1,
                    f"the plural of {key[1]!r} changed to {source.plural!r}: {fix} (the "
                    "translations become fuzzy)",
                )
            )  # fmt: skip
        elif _words(message.auto_comments) != source.comment:
            problems.append(
                Problem(path, line, 1, f"the translator comment of {key[1]!r} changed: {fix}")
            )
    for key, message in pot.items():
        if key not in found:
            problems.append(
                Problem(pot_path, message.lineno, 1, f"{key[1]!r} is in no template now: {fix}")
            )
    for language in CATALOG_DIR:
        path = catalog_path(root, language)
        try:
            catalog = {_key(m): m for m in catalogs.catalog(language) if m.id}
        except CatalogError:
            continue  # coverage says what is wrong with the file
        for key, message in pot.items():
            if key not in catalog or _plural(catalog[key]) != _plural(message):
                problems.append(
                    Problem(path, 1, 1, f"{key[1]!r} is not merged from messages.pot: run "
                            "'wwc-press i18n update'")
                )  # fmt: skip
    return problems
