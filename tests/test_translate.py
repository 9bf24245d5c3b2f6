"""translate export and import: an announcement's texts to a translator's tool and back.

The translator's side is played by real libraries, as a CAT tool would: translate-toolkit reads
and writes the XLIFF 2 files, polib the PO files. What a user checks: the words in the built
PDF, the YAML as its author wrote it, the error at the translated file's line, exit code 2.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from translate.storage.xliff2 import Xliff2File

from conftest import ROOT, copy_project, pdf_text, run

ROUND = "2024-06-international"
LANGUAGES = ["es", "pt-BR"]  # the June 2024 round's languages besides English
FORMATS = {"xliff": "xlf", "po": "po"}


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    """A copy of the project with the June 2023 and June 2024 rounds."""
    project = copy_project(tmp_path)
    for name in ("2023-06-international", ROUND):
        shutil.copy(ROOT / "announcements" / f"{name}.yaml", project / "announcements")
    return project


def export(project: Path, language: str, fmt: str, announcement: str = ROUND) -> Path:
    out = project / f"{announcement}.{language}.{FORMATS[fmt]}"
    args = ["translate", "export", f"announcements/{announcement}.yaml", "--lang", language]
    result = run([*args, "--format", fmt, "--out", str(out)], cwd=project)
    assert result.exit_code == 0, result.output
    return out


def fill(path: Path, targets: dict[str, str]) -> None:
    """Translate units by id, and save, with the translator's library."""
    if path.suffix == ".po":
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgctxt in targets:
                entry.msgstr = targets[entry.msgctxt]
                if entry.fuzzy:
                    entry.flags.remove("fuzzy")
        po.save()
        return
    store = Xliff2File.parsefile(str(path))
    for unit in store.units:
        unit_id = unit.getid().split("::")[0]
        if unit_id in targets:
            unit.settarget(targets[unit_id])
            unit.marktranslated()
    path.write_bytes(bytes(store))


def import_(project: Path, path: Path):
    return run(["translate", "import", str(path)], cwd=project)


def msgstr_line(path: Path, unit_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgctxt "{unit_id}"')
    return next(n for n in range(start, len(lines)) if lines[n].startswith("msgstr")) + 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_round_trip_without_change_leaves_the_files_as_they_were(
    translated: Path, language: str, fmt: str
) -> None:
    before = (translated / "announcements" / f"{ROUND}.yaml").read_bytes()
    settings = (translated / "wwc-press.yaml").read_bytes()
    path = export(translated, language, fmt)
    fill(path, {})  # opened and saved by the translator's tool, nothing changed
    result = import_(translated, path)
    assert result.exit_code == 0, result.output
    assert "11 texts accepted" in result.output
    assert (translated / "announcements" / f"{ROUND}.yaml").read_bytes() == before
    assert (translated / "wwc-press.yaml").read_bytes() == settings


def test_imported_words_are_in_the_build_and_the_yaml_keeps_its_layout(translated: Path) -> None:
    yaml_path = translated / "announcements" / f"{ROUND}.yaml"
    before = yaml_path.read_text(encoding="utf-8")
    quote = (
        "La comunidad de ciudades certificadas por What Works Cities de Bloomberg Philanthropies "
        "crece cada año y reúne a municipios que son ejemplares en el uso de los datos para "
        "mejorar la vida de sus comunidades."
    )
    xliff = export(translated, "es", "xliff")
    fill(xliff, {"quotes.0.role": "directora ejecutiva de la certificación What Works Cities",
                 "quotes.0.text": quote})  # fmt: skip
    assert import_(translated, xliff).exit_code == 0
    po = export(translated, "es", "po")
    fill(po, {"settings.about.results-for-america.title": "Sobre Results for America"})
    result = import_(translated, po)
    assert result.exit_code == 0, result.output

    after = yaml_path.read_text(encoding="utf-8")
    # Only the two texts moved: every comment, key and other line is where it was.
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed[0] == "      es: directora ejecutiva de la certificación What Works Cities"
    assert changed[1:] == [
        "        La comunidad de ciudades certificadas por What Works Cities de Bloomberg "
        "Philanthropies",
        "        crece cada año y reúne a municipios que son ejemplares en el uso de los datos "
        "para mejorar",
        "        la vida de sus comunidades.",
    ]  # a folded paragraph, as the English beside it, within the project's 100 columns
    assert "    # About the whole program: it fits every city's release too." in after
    kept = [line for line in before.splitlines() if line.startswith("#") or line[:1].isalpha()]
    assert [line for line in after.splitlines() if line.startswith("#") or line[:1].isalpha()] == (
        kept
    )

    out = translated / "dist"
    args = ["build", f"announcements/{ROUND}.yaml", "--lang", "es", "--format", "pdf"]
    result = run([*args, "--only", "release", "--out", str(out)], cwd=translated)
    assert result.exit_code == 0, result.output
    words = pdf_text(out / ROUND / "es" / "press-release.pdf")
    assert "directora ejecutiva de la certificación What Works Cities" in words
    assert "crece cada año y reúne a municipios" in words
    assert "Sobre Results for America" in words
    assert "Acerca de Results for America" not in words


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_unit_whose_english_changed_since_the_export_is_refused_at_its_line(
    translated: Path, fmt: str
) -> None:
    yaml_path = translated / "announcements" / f"{ROUND}.yaml"
    path = export(translated, "es", fmt)
    fill(path, {"quotes.0.role": "directora ejecutiva de la certificación What Works Cities"})
    edited = yaml_path.read_text(encoding="utf-8").replace(
        "en: managing director of What Works Cities Certification",
        "en: managing director of the What Works Cities Certification",
    )
    yaml_path.write_text(edited, encoding="utf-8")
    result = import_(translated, path)
    assert result.exit_code == 2
    if fmt == "po":
        line = msgstr_line(path, "quotes.0.role")
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        line = next(n for n, text in enumerate(lines, 1) if "directora ejecutiva" in text)
    assert f"{path.name}:{line}:1: quotes.0.role: the English changed since this file was " in (
        result.output
    )
    assert "managing director of the What Works Cities Certification" in result.output
    assert "Traceback" not in result.output
    assert yaml_path.read_text(encoding="utf-8") == edited  # nothing written
    assert not (translated / "announcements" / f"{ROUND}.sources.yaml").exists()


def test_an_unknown_unit_a_wrong_language_and_a_qa_problem_are_refused(translated: Path) -> None:
    yaml_path = translated / "announcements" / f"{ROUND}.yaml"
    before = yaml_path.read_bytes()
    path = export(translated, "es", "xliff")
    fill(path, {"decks.0": "Cuatro ciudades ciudades de Estados Unidos y cinco de América "
                "Latina obtienen el nivel Plata en su primera certificación"})  # fmt: skip
    text = path.read_text(encoding="utf-8").replace('<unit id="decks.1">', '<unit id="decks.7">')
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    unknown = next(
        n for n, line in enumerate(lines, 1) if "Baton Rouge, Carlsbad, Charlotte y" in line
    )
    doubled = next(n for n, line in enumerate(lines, 1) if "ciudades ciudades" in line)
    result = import_(translated, path)
    assert result.exit_code == 2
    assert f"{path.name}:{unknown}:1: unit 'decks.7' is no text of this announcement" in (
        result.output
    )
    assert f"{path.name}:{doubled}:1: decks.0: doublewords: the word 'ciudades' is repeated" in (
        result.output
    )
    assert yaml_path.read_bytes() == before

    path.write_text(text.replace('trgLang="es"', 'trgLang="fr-CA"'), encoding="utf-8")
    result = import_(translated, path)
    assert result.exit_code == 2
    assert f"{path.name}:2:1: the file is in 'fr-CA'; {ROUND} is translated into es, pt-BR" in (
        result.output
    )
    assert yaml_path.read_bytes() == before


def test_a_translation_whose_english_changed_is_exported_for_review(translated: Path) -> None:
    yaml_path = translated / "announcements" / f"{ROUND}.yaml"
    assert import_(translated, export(translated, "es", "po")).exit_code == 0  # records sources
    old = "Four U.S. and five Latin American cities reach Silver in their first certification"
    new = "Four U.S. cities and five Latin American ones reach Silver in their first certification"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace(old, new), "utf-8")

    po = polib.pofile(str(export(translated, "es", "po")))
    entry = po.find("decks.0", by="msgctxt")
    assert entry.fuzzy and entry.previous_msgid == old and entry.msgid == new
    assert entry.msgstr.startswith("Cuatro ciudades de Estados Unidos")
    assert not po.find("decks.1", by="msgctxt").fuzzy

    store = Xliff2File.parsefile(str(export(translated, "es", "xliff")))
    units = {unit.getid().split("::")[0]: unit for unit in store.units}
    assert units["decks.0"].isfuzzy() and not units["decks.1"].isfuzzy()
    assert units["decks.0"].xmlelement.get("state") == "initial"
    notes = units["decks.0"].getunitelement().find("{*}notes")
    assert f"The English changed since this translation; it was: {old}" in [
        note.text for note in notes
    ]

    # Still marked for review, it is not imported: the translation stays as it was.
    result = import_(translated, export(translated, "es", "po"))
    assert result.exit_code == 0 and "1 left untranslated or marked for review" in result.output


def test_the_memory_fills_the_same_english_and_suggests_a_similar_one(translated: Path) -> None:
    (translated / "announcements" / "2024-11-international.yaml").write_text(
        "date: 2024-11-20\n"
        "languages: [en, es]\n"
        "cities:\n"
        "  new:\n"
        "    - {name: Tulsa, region: OK, country: US, level: silver}\n"
        "quotes:\n"
        "  - speaker: Rochelle Haynes\n"
        "    role: {en: managing director of What Works Cities Certification}\n"
        '    text: {en: "The What Works Cities Certification community continues to grow, '
        'bringing together localities that are exemplary in using data."}\n',
        encoding="utf-8",
    )
    path = export(translated, "es", "po", "2024-11-international")
    po = polib.pofile(str(path))
    role = po.find("quotes.0.role", by="msgctxt")
    assert role.msgstr == "directora general de la certificación What Works Cities"
    assert "memory: filled from the same English in announcements/" in role.tcomment
    text = po.find("quotes.0.text", by="msgctxt")
    assert text.msgstr == ""  # a similar English is a suggestion, never a translation
    comment = " ".join(text.tcomment.split())  # polib wraps comments
    assert "suggestion (75% like announcements/2024-06-international.yaml:" in comment
    assert "La comunidad de la certificación What Works Cities de Bloomberg" in comment
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0

    xliff = export(translated, "es", "xliff", "2024-11-international")
    store = Xliff2File.parsefile(str(xliff))
    units = {unit.getid().split("::")[0]: unit for unit in store.units}
    assert units["quotes.0.role"].xmlelement.get("subState") == "wwc:memory"
    matches = units["quotes.0.text"].getunitelement().findall("{*}matches/{*}match")
    assert matches and float(matches[0].get("similarity")) >= 75
    assert units["quotes.0.text"].target in ("", None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_po_file_passes_msgfmt_and_the_xliff_reads_whole_in_translate_toolkit(
    translated: Path, language: str
) -> None:
    po = export(translated, language, "po")
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    entries = {e.msgctxt: e for e in polib.pofile(str(po)) if e.msgctxt}

    xliff = export(translated, language, "xliff")
    store = Xliff2File.parsefile(str(xliff))
    assert store.gettargetlanguage() == language
    units = {unit.getid().split("::")[0]: unit for unit in store.units}
    assert units.keys() == entries.keys()
    for unit_id, unit in units.items():
        assert unit.source == entries[unit_id].msgid
        assert (unit.target or "") == entries[unit_id].msgstr
    # Saved by the toolkit, the notes, glossary entries and states are all still there.
    again = Xliff2File.parsestring(bytes(store))
    for unit in again.units:
        element = unit.getunitelement()
        assert element.find("{*}notes/{*}note").text.startswith("Prints in: ")
    role = next(u for u in again.units if u.getid().startswith("quotes.0.role"))
    term = role.getunitelement().find("{*}glossary/{*}glossEntry/{*}term")
    assert term.text == "What Works Cities"


def test_a_file_that_is_not_an_export_of_this_project_is_refused(translated: Path) -> None:
    before = (translated / "announcements" / f"{ROUND}.yaml").read_bytes()
    stray = translated / "stray.po"
    stray.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgid "x"\nmsgstr "y"\n', "utf-8")
    result = import_(translated, stray)
    assert result.exit_code == 2
    assert "stray.po:1:1: no announcement named (XLIFF <file original=…>, PO X-Announcement" in (
        result.output
    )
    # An entity is never expanded: the unit's English is then not the announcement's.
    bomb = translated / "bomb.xlf"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "Nine cities">]>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" '
        f'trgLang="es"><file id="f1" original="announcements/{ROUND}.yaml">\n'
        '<unit id="headline"><segment state="translated"><source>&a;</source>'
        "<target>Nueve</target></segment></unit></file></xliff>\n",
        encoding="utf-8",
    )
    result = import_(translated, bomb)
    assert result.exit_code == 2
    assert "bomb.xlf:4:1: headline: the English changed since this file was exported" in (
        result.output
    )
    assert "Traceback" not in result.output
    assert (translated / "announcements" / f"{ROUND}.yaml").read_bytes() == before
