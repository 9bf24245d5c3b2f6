"""Rebuilds redo only what a change affects; nothing changed, nothing rendered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CITY_RELEASES, ROOT, SAMPLE_HTML, SAMPLE_ID, edit_catalog, run


def _build(project: Path, *extra: str) -> tuple[list[str], str]:
    result = run(["build", "--format", "html", "--out", "dist", *extra], cwd=project)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    return [line.split(f"dist/{SAMPLE_ID}/", 1)[1] for line in lines[:-1]], lines[-1]


def _sample(project: Path) -> Path:
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    return project / "announcements" / f"{SAMPLE_ID}.yaml"


def test_nothing_changed_renders_nothing(project: Path) -> None:
    _sample(project)
    first, _ = _build(project)
    assert set(first) == SAMPLE_HTML
    again, summary = _build(project)
    assert again == []
    assert summary.startswith("built 0 files (32 up to date)")


def test_a_spanish_catalog_change_rerenders_only_spanish(project: Path) -> None:
    _sample(project)
    _build(project)
    edit_catalog(
        project, "es", lambda c: setattr(c["For immediate release"], "string", "Para su difusión")
    )
    redone, _ = _build(project)
    assert set(redone) == {path for path in SAMPLE_HTML if path.startswith("es/")}
    assert len(redone) == 2 + len(CITY_RELEASES["es"])  # and nothing of another language


def test_a_change_to_one_city_rerenders_only_what_shows_it(project: Path) -> None:
    sample = _sample(project)
    _build(project)
    text = sample.read_text("utf-8")
    denver = "{name: Denver, region: CO, country: US, level: silver}"
    sample.write_text(text.replace(denver, denver.replace("silver", "gold")), "utf-8")
    redone, _ = _build(project)
    expected = {f"{lang}/{kind}.html" for lang in ("en", "es", "pt-BR")
                for kind in ("press-release", "report")}  # fmt: skip
    assert set(redone) == expected | {"en/cities/denver-co-us.html"}


def test_a_template_change_rerenders_everything(project: Path) -> None:
    _sample(project)
    _build(project)
    css = project / "templates" / "release.css"
    css.write_text(css.read_text("utf-8") + "\n/* a change */\n", "utf-8")
    redone, _ = _build(project)
    assert set(redone) == SAMPLE_HTML


def test_a_deleted_output_is_rendered_again(project: Path) -> None:
    _sample(project)
    _build(project)
    (project / "dist" / SAMPLE_ID / "es" / "report.html").unlink()
    redone, _ = _build(project)
    assert redone == ["es/report.html"]


def test_parallel_and_serial_builds_write_the_same_bytes(tmp_path: Path) -> None:
    args = ["build", "--only", "cities", "--lang", "pt-BR", "--format", "pdf"]
    assert run([*args, "--jobs", "1", "--out", str(tmp_path / "one")]).exit_code == 0
    assert run([*args, "--jobs", "2", "--out", str(tmp_path / "two")]).exit_code == 0
    one = sorted((tmp_path / "one").rglob("*.pdf"))
    # Every announcement's Brazilian cities: the sample's two and Porto Alegre in 2024.
    assert {pdf.stem for pdf in one} == {"fortaleza-ce-br", "mogi-das-cruzes-sp-br",
                                         "porto-alegre-rs-br"}  # fmt: skip
    for path in one:
        twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
        assert twin.read_bytes() == path.read_bytes()


# The program's quote is on the release, the report and each city's own release (only
# Fortaleza's and Mogi das Cruzes' are in Portuguese); the headline is on the first two only.
PT_RELEASE = {"pt-BR/press-release.html", "pt-BR/report.html"}
PT_CITIES = {"pt-BR/cities/fortaleza-ce-br.html", "pt-BR/cities/mogi-das-cruzes-sp-br.html"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Estamos percebendo que há muita procura",
            "Percebemos muita procura",
            PT_RELEASE | PT_CITIES,
        ),
        ("chega à América Latina", "desembarca na América Latina", PT_RELEASE),
    ],
    ids=["pt-BR quote", "pt-BR headline"],
)
def test_a_pt_br_edit_rerenders_only_the_pt_br_outputs_that_print_it(
    project: Path, old: str, new: str, expected: set[str]
) -> None:
    sample = _sample(project)
    _build(project)
    text = sample.read_text("utf-8")
    assert old in text
    sample.write_text(text.replace(old, new), "utf-8")
    redone, _ = _build(project)
    assert set(redone) == expected


def test_an_email_never_attaches_an_older_pdf(project: Path) -> None:
    import email
    from email import policy

    sample = _sample(project)
    base = ["build", "--lang", "es", "--only", "release", "--out", "dist"]
    assert run([*base, "--format", "pdf", "--format", "eml"], cwd=project).exit_code == 0
    text = sample.read_text("utf-8")
    sample.write_text(text.replace("se internacionaliza con", "llega a América Latina con"))
    # Only the e-mail: the PDF on disk is the old one, so the e-mail renders its own.
    assert run([*base, "--format", "eml"], cwd=project).exit_code == 0
    assert run([*base, "--format", "pdf", "--format", "eml"], cwd=project).exit_code == 0
    folder = project / "dist" / SAMPLE_ID / "es"
    raw = (folder / "press-release.eml").read_bytes()
    [pdf] = email.message_from_bytes(raw, policy=policy.default).iter_attachments()
    assert pdf.get_content() == (folder / "press-release.pdf").read_bytes()
