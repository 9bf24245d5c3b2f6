"""Catalogs tied to the templates: a template edited without extract and update is a problem at
its line, a changed plural makes the translations fuzzy, and a build lists every gap at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, edit_catalog, run


@pytest.fixture
def sample_project(project: Path) -> Path:
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    return project


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` in a template; the line it is on."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if old in line)


def test_an_edited_singular_fails_check_at_the_template_line(sample_project: Path) -> None:
    macros = sample_project / "templates" / "_macros.html"
    line = _edit(macros, "For immediate release", "For immediate publication")
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    assert (
        f"templates/_macros.html:{line}:1: 'For immediate publication' is new: run 'wwc-press "
        "i18n extract' and 'wwc-press i18n update', then translate it"
    ) in result.stderr
    assert "'For immediate release' is in no template now" in result.stderr


def test_a_changed_plural_fails_check_then_becomes_fuzzy(sample_project: Path) -> None:
    release = sample_project / "templates" / "press-release.html"
    old = "The newly certified cities are in {{ words }} countries: {{ countries }}."
    line = _edit(release, old, old.replace("are in", "are located in").replace(
        "countries:", "different countries:"))  # fmt: skip
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    assert f"templates/press-release.html:{line}:1: the plural of 'The newly certified" in (
        result.stderr
    )
    assert run(["i18n", "extract"], cwd=sample_project).exit_code == 0
    assert run(["i18n", "update"], cwd=sample_project).exit_code == 0
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    for folder in ("es", "pt_BR", "fr_CA"):
        assert f"locales/{folder}/LC_MESSAGES/messages.po" in result.stderr
    assert "fuzzy translation of 'The newly certified cities are in %(words)s country" in (
        result.stderr
    )
    build = run(["build", "--lang", "es", "--format", "html", "--out", "dist"], cwd=sample_project)
    assert build.exit_code == 1
    assert "fuzzy translation of 'The newly certified cities" in build.stderr


def test_one_singular_with_two_plurals_is_an_error_at_both_lines(sample_project: Path) -> None:
    report = sample_project / "templates" / "report.html"
    text = report.read_text("utf-8")
    extra = "{% trans count=2 %}Media contact{% pluralize %}Press contacts{% endtrans %}\n"
    report.write_text(text + extra, "utf-8")
    line = len(text.splitlines()) + 1
    macros_line = next(
        n for n, x in enumerate((sample_project / "templates" / "_macros.html").read_text(
            "utf-8").splitlines(), 1) if "Media contact{% pluralize %}" in x
    )  # fmt: skip
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    assert f"templates/report.html:{line}:1: 'Media contact' has two plurals, here and at " \
        f"_macros.html:{macros_line}" in result.stderr  # fmt: skip
    assert f"templates/_macros.html:{macros_line}:1: 'Media contact' has two plurals, here and " \
        f"at report.html:{line}" in result.stderr  # fmt: skip


def test_a_build_lists_every_missing_translation_at_once(sample_project: Path) -> None:
    def blank(catalog) -> None:
        for msgid in ("For immediate release", "Highlights"):
            catalog[msgid].string = ""

    edit_catalog(sample_project, "es", blank)
    result = run(["build", "--lang", "es", "--out", "dist"], cwd=sample_project)
    assert result.exit_code == 1
    assert "2 catalog entries are not ready" in result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("locales/es/")]
    assert len(lines) == 2
    assert any("no translation for 'For immediate release'" in x for x in lines)
    assert any("no translation for 'Highlights'" in x for x in lines)
    assert not (sample_project / "dist" / SAMPLE_ID).exists()
