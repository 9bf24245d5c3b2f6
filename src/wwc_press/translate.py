"""An announcement's texts out to translators and back: the units of one language, what each
says now, whether its English changed since it was translated, and what earlier rounds offer.

The units come from the one registry of translatable texts (fields.py), the files from
xliff.py and pofile.py, and the writing back into the YAML from roundtrip.py. What each
translation was made from is recorded beside the announcement, in ``<id>.sources.yaml`` (see
the README's section on languages for why).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import fields, loader, publish, qa, readers
from .errors import CONTROL, InputError, Problem
from .languages import SOURCE_LANGUAGE, targets
from .model import Announcement
from .project import Project
from .settings import SETTINGS_FILE

NEAR = 0.75  # difflib's ratio from which an earlier translation is offered as a suggestion
KIND_NAMES = {"release": "press release", "report": "report", "cities": "city releases"}


@dataclass(frozen=True)
class Match:
    """An earlier round's translation of the same or a similar English text."""

    source: str
    target: str
    origin: str  # "announcements/2023-06-international.yaml:72 (quotes.0.text)"
    similarity: float  # 1.0 for the same English


@dataclass(frozen=True)
class Term:
    term: str
    translation: str
    note: str


@dataclass
class Unit:
    """One text of one language, as a translator sees it."""

    id: str  # "quotes.0.text"; the settings' texts start with "settings."
    file: Path  # the YAML file it is written in
    loc: fields.Loc  # its place in that file
    line: int  # the line of its English there
    source: str  # the English now
    target: str  # the translation now, or ""
    state: str  # "new", "translated", "changed" (the English changed since), "memory"
    previous: str | None = None  # the English the translation was made from, when it changed
    where: list[str] = field(default_factory=list)  # "press release, section quote-1"
    terms: list[Term] = field(default_factory=list)
    suggestions: list[Match] = field(default_factory=list)
    memory: Match | None = None  # the earlier translation that fills the target


def unit_id(file: str, loc: fields.Loc) -> str:
    path = ".".join(str(part) for part in loc)
    return path if file == "announcement" else f"settings.{path}"


def sources_path(announcement_path: Path) -> Path:
    """The record of the English each translation was made from, beside the announcement."""
    return announcement_path.with_name(f"{announcement_path.stem}.sources.yaml")


def read_sources(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}  # a damaged record only loses the "changed" marks; the next import rewrites it
    return data if isinstance(data, dict) else {}


def write_sources(path: Path, record: dict[str, dict[str, str]]) -> None:
    header = (
        "# The English each translation was made from, by language and unit: written by\n"
        "# `wwc-press translate import`, read by `translate export` to mark a translation whose\n"
        "# English changed since. Commit it with the announcement.\n"
    )
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=True, width=100)
    publish.write_atomic(path, (header + body).encode("utf-8"))


def _where(file: str, loc: fields.Loc, declared: fields.TextField, a: Announcement) -> list[str]:
    found = []
    for kind in declared.sections:
        section = fields.section(kind, loc, a, None, file)
        if section:
            found.append(f"{KIND_NAMES[kind]}, section {section}")
    return found


def _terms(glossary: dict, source: str, language: str) -> list[Term]:
    """The glossary's entries an English text uses: names kept, required translations, and the
    language's forbidden variants with their notes."""
    found = [
        Term(name, name, "a name, kept as it is in every language")
        for name in glossary.get("keep", [])
        if name in source
    ]
    for term, translation in glossary.get("required", {}).get(language, {}).items():
        if re.search(rf"\b{re.escape(term)}\b", source):
            found.append(Term(term, translation, f"the one {language} translation of '{term}'"))
    return found


def _languages_of(a: Announcement, loc: fields.Loc, declared: fields.TextField) -> list[str]:
    """The languages a text is needed in: a city's own texts in its releases' only."""
    languages = a.languages or []
    city = fields.city_of(a, loc) if declared.file == "announcement" else None
    return readers.release_languages(city, languages) if city else languages


def _printed(project: Project, a: Announcement, loc: fields.Loc) -> bool:
    """Whether the announcement prints a text of the settings: its About paragraphs (all, or
    those it picks) and the settings' contacts when it gives none of its own."""
    if loc[0] == "about":
        return a.about is None or loc[1] in a.about
    return loc[0] == "contacts" and not a.contacts


def units(project: Project, path: Path, a: Announcement, language: str) -> list[Unit]:
    """Every text of the announcement, and of the settings it prints, that ``language`` needs."""
    from .check import glossary

    terms = glossary(project.root)
    record = read_sources(sources_path(path)).get(language, {})
    found = []
    for file, source_path in (("announcement", path), ("settings", project.settings_path)):
        doc = loader.load(source_path)
        for loc, declared, texts in fields.all_texts(doc.data, file):
            if SOURCE_LANGUAGE not in texts or language not in _languages_of(a, loc, declared):
                continue
            if not declared.mark.every_language:  # a place's spellings: the rules write the rest
                continue
            if file == "settings" and not _printed(project, a, loc):
                continue
            uid = unit_id(file, loc)
            source, target = str(texts[SOURCE_LANGUAGE]), str(texts.get(language) or "")
            before = record.get(uid)
            changed = bool(target) and before is not None and before != source
            state = "changed" if changed else "translated" if target else "new"
            found.append(
                Unit(
                    uid, source_path, loc, doc.position((*loc, SOURCE_LANGUAGE))[0], source,
                    target, state, before if changed else None, _where(file, loc, declared, a),
                    _terms(terms, source, language),
                )
            )  # fmt: skip
    return found


def memory(project: Project, path: Path, language: str) -> dict[str, list[Match]]:
    """The translations into ``language`` of the project's other announcements, by English."""
    found: dict[str, list[Match]] = {}
    for other in project.announcement_paths([]):
        if other.resolve() == path.resolve():
            continue
        try:
            doc = loader.load(other)
        except (InputError, OSError):  # a damaged earlier file offers nothing; check says why
            continue
        shown = other.relative_to(project.root) if other.is_relative_to(project.root) else other
        for loc, _, texts in fields.all_texts(doc.data, "announcement"):
            english, translation = texts.get(SOURCE_LANGUAGE), texts.get(language)
            if isinstance(english, str) and isinstance(translation, str) and translation:
                line = doc.position((*loc, language))[0]
                origin = f"{shown}:{line} ({unit_id('announcement', loc)})"
                found.setdefault(english, []).append(Match(english, translation, origin, 1.0))
    return found


def recall(found: list[Unit], earlier: dict[str, list[Match]]) -> None:
    """Fill each untranslated or changed unit from the memory: the same English fills the
    target (marked as such); a similar one is a suggestion only."""
    for unit in found:
        if unit.state == "translated":
            continue
        same = earlier.get(unit.source)
        if same and unit.state == "new":
            unit.memory, unit.target, unit.state = same[0], same[0].target, "memory"
            continue
        near = []
        for english, matches in earlier.items():
            matcher = difflib.SequenceMatcher(None, unit.source, english, autojunk=False)
            if matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR:
                ratio = matcher.ratio()
                if NEAR <= ratio < 1.0 or (ratio == 1.0 and unit.state == "changed"):
                    near += [Match(m.source, m.target, m.origin, round(ratio, 3)) for m in matches]
        unit.suggestions = sorted(near, key=lambda m: -m.similarity)[:3]


def note(unit: Unit) -> str:
    """Where the text prints and how long it may be, for the translator."""
    where = "; ".join(unit.where) or "not printed in this announcement's outputs"
    file = SETTINGS_FILE if unit.id.startswith("settings.") else "the announcement"
    return (
        f"Prints in: {where}. From {file}, line {unit.line}. "
        f"At most {loader.MAX_TEXT:,} characters; plain text, no markup."
    )


def relative(project: Project, path: Path) -> str:
    return str(path.resolve().relative_to(project.root.resolve()))


def announcement(project: Project, path: Path) -> Announcement:
    """The announcement as its translators see it: read for its texts and its cities, not
    judged, since the language being translated is what it lacks (validate says the rest)."""
    from .validate import parse

    a = parse(loader.load(path), Announcement)
    return a.model_copy(
        update={"languages": a.languages or project.settings.languages, "id": a.id or path.stem}
    )


def export(project: Project, path: Path, language: str, fmt: str) -> bytes:
    """The file a translator opens: every unit of ``language``, with what the memory offers."""
    from . import pofile, xliff

    a = announcement(project, path)

    if language not in targets(a.languages or []):
        message = (
            f"{a.id} is not translated into {language}: choose one of "
            f"{_targets(a) or 'none'}, or add {language} to its languages"
        )
        raise InputError([Problem(path, 1, 1, message)])
    found = units(project, path, a, language)
    recall(found, memory(project, path, language))
    writer = xliff.write if fmt == "xliff" else pofile.write
    return writer(found, language, relative(project, path), {u.id: note(u) for u in found})


def _targets(a: Announcement) -> str:
    return ", ".join(targets(a.languages or []))


def read(file: Path):
    """The units of a translated file, by its kind."""
    from . import pofile, xliff

    if file.suffix.lower() in (".xlf", ".xliff"):
        return xliff.read(file)
    if file.suffix.lower() == ".po":
        return pofile.read(file)
    raise InputError([Problem(file, 1, 1, "not a translation file: give a .xlf, .xliff or .po")])


def _announcement(project: Project, incoming) -> tuple[Path, Announcement]:
    where = Problem(incoming.path, 1, 1, "")
    path = project.root / incoming.original if incoming.original else None
    if path is None or path.resolve() not in {p.resolve() for p in project.announcement_paths([])}:
        said = (
            f"exported from '{incoming.original}'"
            if incoming.original
            else ("no announcement named (XLIFF <file original=…>, PO X-Announcement header)")
        )
        message = (
            f"{said}, which is not an announcement of this project: run import in the project "
            "folder, with a file that translate export wrote"
        )
        raise InputError([replace(where, message=message)])
    return path, announcement(project, path)


def _judge(entry, unit: Unit | None, language: str, terms: dict, names: set[str]) -> list[str]:
    """Why ``entry`` cannot be imported: the unit it names, its English, its translation."""
    if unit is None:
        return [f"unit '{entry.id}' is no text of this announcement (any more): export again"]
    if entry.source != unit.source:
        return [f"{entry.id}: the English changed since this file was exported (it now reads "
                f"'{unit.source}'): export again and translate the change"]  # fmt: skip
    if not entry.done or not entry.target:
        return []
    if CONTROL.search(entry.target) or len(entry.target) > loader.MAX_TEXT:
        return [f"{entry.id}: control characters or over {loader.MAX_TEXT:,} characters"]
    found = qa.problems(unit.source, entry.target, language)
    found += qa.glossary_problems(terms, unit.source, entry.target, language)
    if not unit.id.startswith("settings."):  # check spells the announcements' texts, as here
        accepted = names | qa.glossary_words(terms, language)
        found += qa.spelling_problems(entry.target, language, accepted)
    return [f"{entry.id}: {problem}" for problem in found]


def import_file(project: Project, file: Path) -> tuple[list[Path], int, int]:
    """Write the translations of ``file`` into the announcement (and the settings), after every
    unit is accepted; the files written, the texts imported, the units left for review."""
    from .check import glossary, names_in

    incoming = read(file)
    path, a = _announcement(project, incoming)
    language = incoming.language or ""
    if language not in targets(a.languages or []):
        message = f"the file is in '{language}'; {a.id} is translated into {_targets(a)}"
        raise InputError([Problem(file, incoming.language_line, 1, message)])
    current = {unit.id: unit for unit in units(project, path, a, language)}
    terms = glossary(project.root)
    names = names_in(a, terms)
    problems, seen, accepted = [], set(), []
    for entry in incoming.entries:
        if entry.id in seen:
            problems.append(Problem(file, entry.line, 1, f"unit '{entry.id}' is given twice"))
        seen.add(entry.id)
        why = _judge(entry, current.get(entry.id), language, terms, names)
        problems += [Problem(file, entry.line, 1, message) for message in why]
        if not why and entry.done and entry.target:
            accepted.append((current[entry.id], entry.target))
    if problems:
        raise InputError(problems)
    return (
        _write(project, path, language, accepted),
        len(accepted),
        len(incoming.entries) - len(accepted),
    )


def _write(project: Project, path: Path, language: str, accepted: list) -> list[Path]:
    """Every file changed, written once all are made; the record of their English updated."""
    from . import roundtrip

    made = {}
    for file in (path, project.settings_path):
        changes = [(unit.loc, language, target) for unit, target in accepted if unit.file == file]
        data = roundtrip.edit(file, changes) if changes else None
        if data is not None:
            made[file] = data
    for file, data in made.items():
        publish.write_atomic(file, data)
    record = read_sources(sources_path(path))
    mine = record.setdefault(language, {})
    for unit, _ in accepted:
        mine[unit.id] = unit.source
    if record != read_sources(sources_path(path)):
        write_sources(sources_path(path), record)
        made[sources_path(path)] = b""
    return list(made)
