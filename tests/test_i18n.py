"""The catalog workflow: extract, update, compile and honest status counts."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, edit_catalog, run


def _status(project: Path) -> dict[str, list[int]]:
    result = run(["i18n", "status"], cwd=project)
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines()[1:]]
    return {row[0]: [int(n) for n in row[1:]] for row in rows}


def test_status_counts_from_the_po(project: Path) -> None:
    clean = _status(project)
    assert clean["es"][1:] == [0, 0, 0] and clean["pt-BR"][1:] == [0, 0, 0]

    def break_three(catalog):
        catalog["For immediate release"].string = ""
        catalog.get("Gold", context="level name").flags.add("fuzzy")
        catalog["Media contact"].string = ("Contacto de prensa", "")  # one empty plural form

    edit_catalog(project, "es", break_three)
    counts = _status(project)
    assert counts["es"] == [clean["es"][0] - 3, 1, 2, 0]
    assert counts["pt-BR"] == clean["pt-BR"]


def test_extract_and_update_keep_translations_and_contexts(project: Path) -> None:
    shutil.copytree(ROOT / "src", project / "src")
    assert run(["i18n", "extract"], cwd=project).exit_code == 0
    pot = (project / "locales" / "messages.pot").read_text("utf-8")
    assert 'msgctxt "level name"\nmsgid "Gold"' in pot
    assert "#: templates/press-release.html:" in pot  # references relative to the project
    assert "#. the glossary of level names" in pot.replace("Translators: ", "")
    assert run(["i18n", "update"], cwd=project).exit_code == 0
    assert _status(project)["es"][1:] == [0, 0, 0]


def test_update_marks_a_changed_english_string_fuzzy(project: Path) -> None:
    shutil.copytree(ROOT / "src", project / "src")
    template = project / "templates" / "_macros.html"
    text = template.read_text("utf-8").replace("For immediate release", "For release now")
    template.write_text(text, "utf-8")
    run(["i18n", "extract"], cwd=project)
    run(["i18n", "update"], cwd=project)
    translated, fuzzy, untranslated, obsolete = _status(project)["es"]
    assert (fuzzy, untranslated) == (1, 0)
    assert obsolete == 1  # the old entry is kept as obsolete for the translator


def test_compile_writes_mo_files(project: Path) -> None:
    result = run(["i18n", "compile"], cwd=project)
    assert result.exit_code == 0
    for lang in ("es", "pt_BR"):
        assert (project / "locales" / lang / "LC_MESSAGES" / "messages.mo").stat().st_size > 1000
