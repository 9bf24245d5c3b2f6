"""Catalogs: no English reaches another language, and counts read grammatically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit_catalog, run

US_CITIES = ["Carlsbad", "Charleston", "Henderson", "Scottsdale", "Syracuse", "Arlington"]


def _announcement(new: int = 0, upgraded: int = 0, recertified: int = 0) -> str:
    lines = ["date: 2024-07-01", "cities:"]  # the total is counted from the project's roster
    names = iter(f"{name} {i}" for i in range(100) for name in US_CITIES)
    for group, count in (("new", new), ("upgraded", upgraded), ("recertified", recertified)):
        lines.append(f"  {group}:" + (" []" if not count else ""))
        for _ in range(count):
            step = "from: silver, " if group == "upgraded" else ""
            lines.append(f"    - {{name: {next(names)}, country: US, {step}level: gold}}")
    return "\n".join(lines) + "\n"


def _html_text(project: Path, text: str, lang: str) -> str:
    (project / "announcements" / "draft.yaml").write_text(text, encoding="utf-8")
    result = run(["build", "--format", "html", "--lang", lang, "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    html = (project / "dist" / "draft" / lang / "press-release.html").read_text("utf-8")
    body = html.split("<body", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_missing_translation_is_an_error_naming_the_string(project: Path) -> None:
    edit_catalog(project, "es", lambda c: setattr(c["For immediate release"], "string", ""))
    (project / "announcements" / "draft.yaml").write_text(_announcement(new=1), "utf-8")
    result = run(["build", "--lang", "es", "--out", "dist"], cwd=project)
    assert result.exit_code == 1
    assert "no translation for 'For immediate release'" in result.stderr
    assert "messages.po" in result.stderr
    assert not (project / "dist" / "draft").exists(), "a failed build must leave nothing"


def test_fuzzy_translation_counts_as_missing(project: Path) -> None:
    edit_catalog(project, "pt_BR", lambda c: c.get("Gold", context="level name").flags.add("fuzzy"))
    (project / "announcements" / "draft.yaml").write_text(_announcement(new=1), "utf-8")
    result = run(["build", "--lang", "pt-BR", "--out", "dist"], cwd=project)
    assert result.exit_code == 1
    assert "fuzzy translation of 'Gold': review it" in result.stderr  # listed before rendering


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Carlsbad 0 earns What Works Cities Certification",
                "announced that Carlsbad 0 has earned",
                "Certification for the first time, at the Gold level."]),
        ("es", ["Carlsbad 0 obtiene la certificación What Works Cities",
                "anunció hoy que Carlsbad 0 obtuvo por primera vez",
                ", en el nivel Oro."]),
        ("pt-BR", ["Carlsbad 0 conquista a certificação What Works Cities",
                   "anunciou hoje que Carlsbad 0 conquistou pela primeira vez",
                   ", no nível Ouro."]),
    ],
)  # fmt: skip
def test_one_new_city_reads_in_the_singular(project: Path, lang: str, expected: list[str]) -> None:
    text = _html_text(project, _announcement(new=1), lang)
    for phrase in expected:
        assert phrase in text


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        ("en", ["2 cities renew What Works Cities Certification",  # AP: a headline's figures
                "Two cities renewed their Gold Certification"],
         ["first time", "Moving up"]),
        ("es", ["Dos ciudades renuevan la certificación What Works Cities",
                "En el nivel Oro, dos ciudades renovaron su certificación"],
         ["primera vez", "subieron"]),
        ("pt-BR", ["Duas cidades renovam a certificação What Works Cities",
                   "No nível Ouro, duas cidades renovaram a certificação"],
         ["primeira vez", "subiram"]),
    ],
)  # fmt: skip
def test_groups_without_cities_leave_no_trace(
    project: Path, lang: str, expected: list[str], absent: list[str]
) -> None:
    text = _html_text(project, _announcement(recertified=2), lang)
    for phrase in expected:
        assert phrase in text
    for phrase in absent:
        assert phrase not in text


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
@pytest.mark.parametrize("count", [1, 2, 7, 10, 11, 21])
def test_upgraded_counts_agree(project: Path, lang: str, count: int) -> None:
    text = _html_text(project, _announcement(upgraded=count), lang)
    words = {
        "en": {2: "two", 7: "seven"},
        "es": {2: "dos", 7: "siete"},
        "pt-BR": {2: "duas", 7: "sete", 10: "dez"},  # Estadão: words to ten
    }[lang]
    if count == 1:  # the round's one news: the lead names the city with its step, once
        singular = {
            "en": "announced that Carlsbad 0 has moved up from",
            "es": "anunció hoy que Carlsbad 0 subió del nivel",
            "pt-BR": "anunciou hoje que Carlsbad 0 subiu do nível",
        }
        assert singular[lang] in text
        # Named in the headline and in the lead, and nowhere else.
        assert text.count("Carlsbad 0") == 1 + text.count(singular[lang])
    else:
        number = words.get(count, str(count)).capitalize()  # it opens the sentence
        plural = {
            "en": f"{number} previously certified cities moved up from",
            "es": f"{number} ciudades ya certificadas subieron",
            "pt-BR": f"{number} cidades já certificadas subiram",
        }
        assert plural[lang] in text
