"""The roster: the program's memory across announcement files and the settings' rounds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, html_text, pdf_text, run

SAMPLES = ROOT / "announcements"


@pytest.fixture
def history(project: Path) -> Path:
    """A project with the 2023 and 2024 samples and the settings' January 2024 round."""
    for path in SAMPLES.glob("202[34]-*.yaml"):
        shutil.copy(path, project / "announcements")
    return project


def _edit(project: Path, old: str, new: str, name: str = "2024-06-international") -> Path:
    path = project / "announcements" / f"{name}.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_the_2024_total_is_counted_from_the_roster(history: Path) -> None:
    """The 2024 file gives no total: 62 (the 2023 file) -> 74 (January 2024) -> 83."""
    assert "total_certified" not in _edit(history, "date:", "date:").read_text("utf-8").replace(
        "# total_certified", ""
    )
    result = run(["roster", "--format", "json"], cwd=history)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["date"], data["total"]) == ("2024-06-17", 83)
    carlsbad = next(c for c in data["cities"] if c["city"] == "Carlsbad")
    assert (carlsbad["level"], carlsbad["since"]) == ("gold", "2024-06-17")
    result = run(["build", "--lang", "en", "--only", "release", "--format", "pdf"], cwd=history)
    assert result.exit_code == 0, result.output
    text = pdf_text(history / "dist" / "2024-06-international" / "en" / "press-release.pdf")
    assert "With this announcement, 83 cities have earned" in text


def test_an_upgrade_from_a_level_the_city_did_not_hold_is_refused(history: Path) -> None:
    before = "{name: Carlsbad, region: CA, country: US, from: silver, level: gold}"
    path = _edit(
        history, before, before.replace("silver", "gold").replace("l: gold", "l: platinum")
    )
    result = run(["validate"], cwd=history)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    line = _line(path, "name: Carlsbad")
    error = next(
        i for i, x in enumerate(lines) if x.startswith(f"announcements/{path.name}:{line}:")
    )
    assert "Carlsbad moves up from gold, but its last level is silver" in lines[error]
    earlier = _line(SAMPLES / f"{SAMPLE_ID}.yaml", "name: Carlsbad")
    assert lines[error + 1] == (
        f"announcements/{SAMPLE_ID}.yaml:{earlier}:7: Carlsbad was certified silver here"
    )
    assert "Traceback" not in result.output


def test_a_new_city_already_certified_is_refused(history: Path) -> None:
    path = _edit(history, "    - {name: Boise, region: ID, country: US, level: silver}",
                 "    - {name: Fortaleza, region: CE, country: BR, level: silver}")  # fmt: skip
    result = run(["build", "--out", "dist"], cwd=history)
    assert result.exit_code == 2
    line = _line(path, "name: Fortaleza")
    assert f"announcements/{path.name}:{line}:7: Fortaleza is listed as new, but it is " in (
        result.stderr
    )
    earlier = _line(SAMPLES / f"{SAMPLE_ID}.yaml", "name: Fortaleza")
    assert f"{SAMPLE_ID}.yaml:{earlier}:7: Fortaleza was certified gold here" in result.stderr
    assert not (history / "dist" / "2024-06-international").exists()


def test_a_total_below_what_came_before_is_refused(history: Path) -> None:
    path = _edit(history, "date: 2024-06-17\n", "date: 2024-06-17\ntotal_certified: 80\n")
    result = run(["validate"], cwd=history)
    assert result.exit_code == 2
    assert (
        f"announcements/{path.name}:3:18: total_certified is 80, but the roster counts 74 "
        "certified before it and 9 new here: at least 83"
    ) in result.stderr


def test_a_recertified_level_that_differs_is_refused(history: Path) -> None:
    later = history / "announcements" / "2025-01-x.yaml"
    later.write_text(
        "date: 2025-01-15\ncities:\n  recertified:\n"
        "    - {name: Montevideo, country: UY, level: silver}\n",
        "utf-8",
    )
    result = run(["validate", str(later)], cwd=history)
    assert result.exit_code == 2
    message = "2025-01-x.yaml:4:46: Montevideo is recertified silver, but its last level is gold"
    assert message in result.stderr  # at the level it gives
    line = _line(SAMPLES / "2024-06-international.yaml", "name: Montevideo")
    assert f"2024-06-international.yaml:{line}:7: Montevideo was certified gold here" in (
        result.stderr
    )


def test_a_city_the_roster_does_not_know_may_move_up(history: Path) -> None:
    """History is incomplete: Baton Rouge was certified before any record the project holds."""
    result = run(["validate"], cwd=history)
    assert result.exit_code == 0, result.output


def test_without_a_total_or_a_roster_the_total_cannot_be_counted(project: Path) -> None:
    (project / "announcements" / "a.yaml").write_text(
        "date: 2023-06-21\ncities:\n  new:\n    - {name: Reno, region: NV, country: US, "
        "level: silver}\n",
        "utf-8",
    )
    settings = project / "wwc-press.yaml"
    settings.write_text(settings.read_text("utf-8").split("\nroster:")[0] + "\n", "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "a.yaml:1:1: total_certified is missing and the roster cannot count" in result.stderr


FIRSTS = {
    "en": "Las Condes is the program’s first certified city in Chile. Guatemala City is the "
    "first in Guatemala.",
    # Latin American and Brazilian desks place a first city by its region (the sentence names
    # its country); a name that says its country needs nothing more.
    "es": "Las Condes (Región Metropolitana) es la primera ciudad chilena certificada por el "
    "programa. Ciudad de Guatemala es la primera ciudad guatemalteca.",
    "pt-BR": "Las Condes (Região Metropolitana de Santiago) é a primeira cidade chilena "
    "certificada pelo programa. A Cidade da Guatemala é a primeira cidade guatemalteca.",
}


@pytest.mark.parametrize("lang", list(FIRSTS))
def test_the_firsts_are_the_news(round_2024: Path, sample: Path, lang: str) -> None:
    """Colombia, Argentina, Mexico and Brazil came in January 2024: only Guatemala and Chile
    are firsts in June 2024; in June 2023, Argentina, Brazil and Uruguay were."""
    text = pdf_text(round_2024 / lang / "press-release.pdf")
    assert FIRSTS[lang] in text
    assert "Mendoza" in text and "Mendoza is the" not in text
    first = {
        "en": "Fortaleza is among the first cities in Brazil to earn the certification",
        "es": "Córdoba está entre las primeras ciudades argentinas en obtener la certificación",
        "pt-BR": "Fortaleza está entre as primeiras cidades brasileiras a conquistar",
    }
    city = {"en": "fortaleza-ce-br", "es": "cordoba-ar", "pt-BR": "fortaleza-ce-br"}[lang]
    assert first[lang] in pdf_text(sample / lang / "cities" / f"{city}.pdf")
    assert "first cities in" not in pdf_text(sample / "en" / "cities" / "denver-co-us.pdf")


def test_the_report_lists_the_cities_only_when_the_roster_names_them_all(
    round_2024: Path, project: Path
) -> None:
    # The roster names 32 of the 83 cities: a list of some would read as the program not
    # knowing its own cities, so the report has none.
    text = pdf_text(round_2024 / "en" / "report.pdf")
    assert "Every What Works Cities city to date" not in text
    assert "Fortaleza Ceará Brazil Gold 2023" not in text
    # A roster that names every city: the list, with the year each reached its level (Reno's
    # Gold from a settings round of 2019), and a dash where no record says it (Provo, renewed
    # here, never "2024").
    settings = project / "wwc-press.yaml"
    settings.write_text(
        settings.read_text("utf-8").split("\nroster:")[0] + "\nroster:\n  - date: 2019-04\n"
        "    cities: [{name: Reno, region: NV, country: US, level: gold, status: new}]\n",
        "utf-8",
    )
    (project / "announcements" / "all.yaml").write_text(
        "date: 2024-06-17\ntotal_certified: 5\nlanguages: [en]\ncities:\n  new:\n"
        "    - {name: Boise, region: ID, country: US, level: silver}\n"
        "    - {name: Ciudad de México, region: CMX, country: MX, level: gold,"
        " names: {en: Mexico City}}\n"
        "    - {name: Dallas, region: TX, country: US, level: gold}\n"
        "  recertified:\n    - {name: Reno, region: NV, country: US, level: gold}\n"
        "    - {name: Provo, region: UT, country: US, level: silver}\n",
        "utf-8",
    )
    built = run(["build", "--format", "pdf", "--out", "dist"], cwd=project)
    assert built.exit_code == 0, built.output
    text = " ".join(pdf_text(project / "dist" / "all" / "en" / "report.pdf").split())
    assert "Every What Works Cities city to date" in text
    assert "Boise Idaho United States Silver 2024" in text
    assert "Reno Nevada United States Gold 2019" in text
    assert "Provo Utah United States Silver —" in text
    # The list prints each city as the text of its language does: one form of each name.
    assert "Mexico City" in text and "Ciudad de México" not in text


def test_roster_prints_a_table_and_csv(history: Path) -> None:
    table = run(["roster"], cwd=history)
    assert table.exit_code == 0
    assert "83 cities certified to 2024-06-17; the roster names 32 of them." in table.stdout
    rows = run(["roster", "--format", "csv"], cwd=history).stdout.splitlines()
    assert rows[0] == "city,region,country,level,since,source"
    assert f"Buenos Aires,,AR,gold,2023-06-21,announcements/{SAMPLE_ID}.yaml:9" in rows


def test_an_earlier_announcement_changes_what_later_ones_say(history: Path) -> None:
    """A Guatemalan city added to the 2023 file: in June 2024 Guatemala is no longer a first,
    and the incremental build re-renders the 2024 outputs though their file did not change."""
    args = ["build", "--lang", "en", "--only", "release", "--format", "html", "--out", "dist"]
    assert run(args, cwd=history).exit_code == 0
    page = history / "dist" / "2024-06-international" / "en" / "press-release.html"
    assert "Guatemala City is the first in Guatemala." in html_text(page)
    _edit(
        history,
        "    - {name: Mogi das Cruzes, region: SP, country: BR, level: silver}\n",
        "    - {name: Mogi das Cruzes, region: SP, country: BR, level: silver}\n"
        '    - {name: Quetzaltenango, region: "09", country: GT, level: silver}\n',
        name=SAMPLE_ID,
    )
    _edit(history, "total_certified: 62", "total_certified: 63", name=SAMPLE_ID)
    # The January 2024 round's total to date counts the city too (totals never go down).
    settings = history / "wwc-press.yaml"
    settings.write_text(settings.read_text("utf-8").replace("total: 74", "total: 75"), "utf-8")
    assert run(args, cwd=history).exit_code == 0
    text = html_text(page)
    assert "Las Condes is the program’s first certified city in Chile." in text
