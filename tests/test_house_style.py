"""House style settings, and an announcement across the Americas with every rule applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from wwc_press import places
from wwc_press.languages import profile
from wwc_press.model import City
from wwc_press.style import HouseStyle

from conftest import html_text, pdf_text, place_pattern, run

AMERICAS = """\
date: 2024-09-01
dateline: {name: Sacramento, region: CA, country: US}
cities:
  new:
    - {name: Bogotá, country: CO, level: gold}
    - {name: Ibagué, country: CO, level: gold}
    - {name: Santiago, country: CL, level: silver}
    - {name: Toronto, region: ON, country: CA, level: silver}
    - {name: Montréal, region: QC, country: CA, level: silver}
    - {name: Recife, region: PE, country: BR, level: silver}
  upgraded:
    - {name: Boise, region: ID, country: US, from: silver, level: gold}
  recertified:
    - {name: Columbia, region: SC, country: US, level: gold}
"""

EXPECTED = {
    "en": [
        "SACRAMENTO, Calif., Sept. 1, 2024 —",
        "six cities have earned",
        "Bogotá and Ibagué, Colombia",
        # AP: both stand alone; "Montreal", as AP and CP write it (data/exonyms.yaml).
        "Santiago, Chile; Toronto; Montreal; and Recife, Brazil",
        "Boise, Idaho, moved up from Silver to Gold.",
        "Columbia, South Carolina, renewed its Gold Certification.",
        "in four countries: Brazil, Canada, Chile and Colombia",
    ],
    "es": [
        "SACRAMENTO (California), 1 de septiembre de 2024.—",
        "seis ciudades obtuvieron",
        "Bogotá e Ibagué (Colombia)",  # RAE: y -> e before /i/
        "Santiago (Chile); Toronto y Montreal (Canadá); y Recife (Brasil)",  # DPD: Montreal
        # A release that names cities abroad gives a US city its country, in every sentence.
        "Boise (Idaho, EE. UU.) subió",
        "Columbia (Carolina del Sur, EE. UU.) renovó",
        "cuatro países: Brasil, Canadá, Chile y Colombia",
    ],
    "pt-BR": [
        "SACRAMENTO (Califórnia), 1º de setembro de 2024 –",
        "seis cidades conquistaram",
        "Bogotá e Ibagué (Colômbia)",
        "Santiago (Chile); Toronto e Montreal (Canadá); e o Recife",  # Estadão: o Recife
        "Boise (Idaho, EUA) subiu",
        "Columbia (Carolina do Sul, EUA) renovou",
        "quatro países: Brasil, Canadá, Chile e Colômbia",
    ],
}


@pytest.fixture(scope="module")
def americas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import ROOT

    root = tmp_path_factory.mktemp("americas")
    (root / "a.yaml").write_text(AMERICAS, encoding="utf-8")
    result = run(["build", str(root / "a.yaml"), "--format", "pdf", "--out", str(root)], cwd=ROOT)
    assert result.exit_code == 0, result.output
    return root / "a"


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_americas_release_applies_every_rule(americas: Path, lang: str) -> None:
    text = pdf_text(americas / lang / "press-release.pdf")
    missing = [phrase for phrase in EXPECTED[lang] if phrase not in text]
    assert missing == []


def _cities() -> list[City]:
    return [
        City.model_validate({"name": n, "region": r, "country": "US", "level": "gold"})
        for n, r in (("Carlsbad", "CA"), ("Henderson", "NV"), ("Boise", "ID"))
    ]


def test_serial_comma_is_a_house_choice() -> None:
    assert profile("en").series(["a", "b", "c"], serial_comma=True) == "a, b, and c"
    house = HouseStyle(serial_comma=True, state_names="postal")
    assert places.cities_in_text(_cities(), "en", house) == (
        "Carlsbad, CA; Henderson, NV; and Boise, ID"
    )


def test_state_abbreviations_in_body_text_are_a_house_choice() -> None:
    assert places.cities_in_text(_cities(), "en", HouseStyle(state_names="ap")) == (
        "Carlsbad, Calif.; Henderson, Nev.; and Boise, Idaho"  # AP never abbreviates Idaho
    )
    assert places.cities_in_text(_cities(), "en") == (
        "Carlsbad, California; Henderson, Nevada; and Boise, Idaho"
    )


def test_dateline_form_is_a_house_choice() -> None:
    city = _cities()[0]
    assert places.dateline(city, "en") == "CARLSBAD, Calif."
    assert places.dateline(city, "en", HouseStyle(dateline_states="postal")) == "CARLSBAD, CA"
    spanish = place_pattern("es")
    assert places.dateline(city, "es", HouseStyle(dateline_states="ap"), pattern=spanish) == (
        "CARLSBAD (Calif.)"
    )


@pytest.mark.parametrize(
    ("value", "lang", "noun", "up_to", "expected"),
    [
        (21, "es", "city", 99, "veintiuna"),  # "veintiuna ciudades"
        (21, "es", "country", 99, "veintiún"),  # "veintiún países"
        (31, "es", "city", 99, "treinta y una"),
        (22, "pt-BR", "city", 99, "vinte e duas"),  # "vinte e duas cidades"
        (22, "pt-BR", "country", 99, "vinte e dois"),
        (21, "en", "city", 99, "twenty-one"),
        (7, "en", "city", -1, "7"),  # a house that always uses figures
        (10, "pt-BR", "city", 9, "10"),
    ],
)
def test_spelled_numbers_range_is_a_house_choice(
    value: int, lang: str, noun: str, up_to: int, expected: str
) -> None:
    assert profile(lang).number(value, noun, up_to) == expected


def test_project_file_sets_the_house_style(project: Path) -> None:
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8").split("\nstyle:")[0]
    text += "\nstyle:\n  en: {serial_comma: true, state_names: postal}\n"
    settings.write_text(text, encoding="utf-8")
    (project / "announcements" / "x.yaml").write_text(AMERICAS, encoding="utf-8")
    result = run(["build", "--lang", "en", "--format", "html", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    page = html_text(project / "dist" / "x" / "en" / "press-release.html")
    assert "Brazil, Canada, Chile, and Colombia" in page
    assert "Columbia, SC, renewed" in page


@pytest.mark.parametrize(
    ("name", "region", "country", "dateline", "in_text"),
    [
        # AP, "saint": St. in the names of cities; St. Louis stands alone in a dateline.
        ("Saint Paul", "MN", "US", "ST. PAUL, Minn.", "St. Paul, Minnesota"),
        ("Saint Louis", "MO", "US", "ST. LOUIS", "St. Louis"),
        # ... but Saint John, New Brunswick; and a French name keeps its "Saint-".
        ("Saint John", "NB", "CA", "SAINT JOHN, New Brunswick", "Saint John, New Brunswick"),
        ("Saint-Jérôme", "QC", "CA", "SAINT-JÉRÔME, Quebec", "Saint-Jérôme, Quebec"),
    ],
)
def test_ap_writes_saint_in_a_citys_name_as_st(
    name: str, region: str, country: str, dateline: str, in_text: str
) -> None:
    from wwc_press import places
    from wwc_press.model import Place

    place = Place(name=name, region=region, country=country)
    assert places.dateline(place, "en") == dateline
    assert places.cities_in_text([place], "en") == in_text
