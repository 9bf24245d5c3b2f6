"""Cities in a series, as the Spanish and Brazilian desks read them (three readings in a row).

- The sentence that names a round's first cities in a country places each by its province,
  state or department in Spanish and Portuguese, as their press does ("Winnipeg (Manitoba) y
  Hamilton (Ontario)"), not by the country's adjective alone; a capital and the press's own
  list stand alone (languages: ``Profile.regions_in_its_country``).
- A place closing a series reads as the place of every name before it: the cities named alone
  go last, after those with a place ("Trujillo (La Libertad), Lima y Arequipa", never "Lima,
  Arequipa y Trujillo (La Libertad)"), in every language and every series of cities; a series
  that "respectively" pairs with levels keeps each city with its level. AP's semicolons, which
  set each item off, keep their order.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wwc_press import places
from wwc_press.model import Place

from conftest import ROOT, copy_project, pdf_text, run


def _words(text: str) -> str:
    return re.sub(r"[ \n\u00a0]+", " ", text)


def _both(folder: Path, lang: str) -> list[str]:
    """The release's words in its wire text and in its PDF."""
    txt = (folder / lang / "press-release.txt").read_text("utf-8")
    return [_words(txt), pdf_text(folder / lang / "press-release.pdf")]


def _build(out: Path, path: str, cwd: Path = ROOT) -> None:
    args = ["build", path, "--only", "release", "--format", "txt", "--format", "pdf"]
    result = run([*args, "--out", str(out)], cwd=cwd)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def february(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _build(out, "announcements/2025-02-international.yaml")
    return out / "2025-02-international"


FEBRUARY = {
    "en": "Winnipeg, Manitoba, and Hamilton, Ontario, are among the program’s first certified "
    "cities in Canada.",
    "es": "Winnipeg (Manitoba) y Hamilton (Ontario) están entre las primeras ciudades "
    "canadienses certificadas por el programa.",
    # The Brazilian press's name of the province (data/regions.yaml).
    "pt-BR": "Winnipeg (Manitoba) e Hamilton (Ontário) estão entre as primeiras cidades "
    "canadenses certificadas pelo programa.",
    "fr-CA": "Winnipeg (Manitoba) et Hamilton (Ontario) figurent parmi les premières villes "
    "canadiennes certifiées par le programme.",
}


@pytest.mark.parametrize("lang", list(FEBRUARY))
def test_february_2025s_first_cities_are_placed_by_their_province(
    february: Path, lang: str
) -> None:
    for text in _both(february, lang):
        assert FEBRUARY[lang] in text


# Peru's and Canada's first cities (Lima, a capital whose name says its region, and Ottawa, a
# capital), a step up and two renewals, each at its own level, with a US city named alone.
ROUND = """\
date: 2024-11-19
total_certified: 88
languages: [en, es, pt-BR]
cities:
  new:
    - {name: Lima, region: LMA, country: PE, level: gold}
    - {name: Arequipa, region: ARE, country: PE, level: silver}
    - {name: Trujillo, region: LAL, country: PE, level: silver}
    - {name: Ottawa, region: "ON", country: CA, level: silver}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
  upgraded:
    - name: Washington
      region: DC
      country: US
      from: gold
      level: platinum
      names: {en: "Washington, D.C.", es: "Washington D. C.", pt-BR: "Washington, D.C."}
    - {name: Carlsbad, region: CA, country: US, from: gold, level: platinum}
  recertified:
    - {name: Chicago, region: IL, country: US, level: gold}
    - {name: Boise, region: ID, country: US, level: silver}
"""


@pytest.fixture(scope="module")
def peru(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The round in a copy of the project with the rounds of record before it (June 2023 and
    June 2024), whose roster knows every earlier city's country: the firsts are told."""
    project = copy_project(tmp_path_factory.mktemp("peru"))
    for path in (ROOT / "announcements").glob("202[34]-06-*.yaml"):
        shutil.copy(path, project / "announcements")
    (project / "announcements" / "2024-11-peru.yaml").write_text(ROUND, "utf-8")
    _build(project / "dist", "announcements/2024-11-peru.yaml", cwd=project)
    return project / "dist" / "2024-11-peru"


PERU = {
    # AP places a foreign city by its country, which the sentence names: names alone.
    "en": [
        "Saskatoon, Saskatchewan, and Ottawa are the program’s first certified cities in "
        "Canada. Lima, Arequipa and Trujillo are the first in Peru.",
        # Semicolons set each item off: the order stays.
        "Four cities earned their first certification at the Silver level: Arequipa and "
        "Trujillo, Peru; Ottawa; and Saskatoon, Saskatchewan.",
        # The cities, then what they did (an inversion read as a template's: AP, reading 28).
        "Two previously certified cities moved up from Gold to Platinum: Carlsbad, "
        "California, and Washington, D.C.",
        # Each city keeps its level; nothing sets off a city named alone.
        "Boise, Idaho, and Chicago renewed their Silver and Gold certifications, respectively.",
    ],
    "es": [
        "Saskatoon (Saskatchewan) y Ottawa son las primeras ciudades canadienses certificadas "
        "por el programa. Trujillo (La Libertad), Lima y Arequipa son las primeras ciudades "
        "peruanas.",
        "subieron del nivel Oro al Platino: Carlsbad (California, EE. UU.) y Washington D. C.",
        "Boise (Idaho, EE. UU.) y Chicago renovaron sus certificaciones Plata y Oro, "
        "respectivamente.",
    ],
    "pt-BR": [
        "Saskatoon (Saskatchewan) e Ottawa são as primeiras cidades canadenses certificadas "
        "pelo programa. Trujillo (La Libertad), Lima e Arequipa são as primeiras cidades "
        "peruanas.",
        "subiram do nível Ouro para o Platina: Carlsbad (Califórnia, EUA) e Washington, D.C.",
        "Boise (Idaho, EUA) e Chicago renovaram as certificações Prata e Ouro, respectivamente.",
    ],
}


@pytest.mark.parametrize("lang", list(PERU))
def test_no_place_closes_a_series_that_holds_cities_named_alone(peru: Path, lang: str) -> None:
    for text in _both(peru, lang):
        for sentence in PERU[lang]:
            assert sentence in text


# June 2023 (the sample): Brazil's first cities in Spanish, the state named as its capital said
# as the state (Fundéu: "el estado de São Paulo"); in Portuguese, Estadão's "(SP)".
JUNE_2023 = {
    "es": "Fortaleza (Ceará) y Mogi das Cruzes (estado de São Paulo) son las primeras "
    "ciudades brasileñas.",
    "pt-BR": "Mogi das Cruzes (SP) e Fortaleza são as primeiras cidades brasileiras.",
    "en": "Fortaleza and Mogi das Cruzes are the first in Brazil.",
}
# ... and Chicago, named alone, after the six cities with their state.
CHICAGO = {
    "es": "South Bend (Indiana, EE. UU.), Syracuse (estado de Nueva York, EE. UU.) y Chicago.",
    "pt-BR": "South Bend (Indiana, EUA), Syracuse (estado de Nova York, EUA) e Chicago.",
}


@pytest.mark.parametrize("lang", list(JUNE_2023))
def test_the_samples_series_in_every_language(sample: Path, lang: str) -> None:
    for text in _both(sample, lang):
        assert JUNE_2023[lang] in text
        if lang in CHICAGO:
            assert CHICAGO[lang] in text


def _place(name: str, region: str, country: str) -> Place:
    return Place(name=name, region=region, country=country)


def test_a_city_named_alone_before_a_place_of_its_own_stays() -> None:
    """The reading "both in Arizona" is true: nothing to move."""
    phoenix, tempe = _place("Phoenix", "AZ", "US"), _place("Tempe", "AZ", "US")
    chicago = _place("Chicago", "IL", "US")
    assert places.cities_in_text([phoenix, tempe], "en") == "Phoenix and Tempe, Arizona"
    assert places.cities_in_text([chicago, tempe], "en") == "Tempe, Arizona, and Chicago"
    pattern = "%(place)s (%(qualifier)s)"
    assert places.cities_in_text([chicago, tempe], "es", pattern=pattern) == (
        "Tempe (Arizona) y Chicago"
    )


def test_a_capital_stands_alone_and_its_namesakes_do_not() -> None:
    """GeoNames' capital of the country, the largest city of its name: Brasília, not (DF);
    Ottawa, Ontario, but not Ottawa, Illinois."""
    pattern = "%(place)s (%(qualifier)s)"
    assert places.local_name(_place("Brasília", "DF", "BR"), "pt-BR", pattern=pattern) == (
        "Brasília"
    )
    brasilia = _place("Brasília", "DF", "BR")
    assert places.dateline(brasilia, "pt-BR", pattern=pattern) == "BRASÍLIA"
    assert places.local_name(_place("Ottawa", "ON", "CA"), "es", pattern=pattern) == "Ottawa"
    assert places.local_name(_place("Ottawa", "IL", "US"), "es", pattern=pattern) == (
        "Ottawa (Illinois)"
    )
