"""Regions as each language's press prints them, read on built outputs (report tables, the
program's release, a city's own release).

The US states and Canadian provinces have names of their own in every language ("Virginia
Occidental", "Virginie-Occidentale", "Nouveau-Brunswick"); other countries' regions keep their
own name ("Nuevo León" in Quebec, never iso-codes' « Nouveau León »), and an official long form
gives way to the name its press uses ("Lima", not "Municipalidad Metropolitana de Lima").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_round, pdf_text

ROUND = """\
date: 2030-04-23
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: San Isidro, region: LMA, country: PE, level: gold}
    - {name: Bahía Blanca, region: B, country: AR, level: silver}
    - {name: Guadalupe, region: NLE, country: MX, level: silver}
    - {name: Xalapa, region: VER, country: MX, level: silver}
    - {name: Charleston, region: WV, country: US, level: silver}
    - {name: Moncton, region: NB, country: CA, level: silver}
"""

LANGUAGES = ("en", "es", "pt-BR", "fr-CA")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("regions"), "regions", ROUND, ("pdf", "txt"))


def _report(built: Path, lang: str) -> str:
    return pdf_text(built / lang / "report.pdf")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_official_long_forms_give_way_to_the_press_name(built: Path, lang: str) -> None:
    """The report's table: San Isidro is in "Lima", Xalapa in "Veracruz", in every language."""
    table = _report(built, lang)
    assert "San Isidro Lima " in table
    assert "Xalapa Veracruz " in table
    for official in ["Municipalidad Metropolitana", "Ignacio de la Llave"]:
        assert official not in table, (lang, official)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_countries_regions_keep_their_own_names(built: Path, lang: str) -> None:
    """A Mexican state keeps its Spanish name in every language's table: a Quebec desk prints
    "Nuevo León", never iso-codes' « Nouveau León »."""
    table = _report(built, lang)
    assert "Guadalupe Nuevo León " in table
    assert "Nouveau León" not in table and "Novo León" not in table


@pytest.mark.parametrize(
    ("lang", "state", "province"),
    [
        ("en", "West Virginia", "New Brunswick"),
        ("es", "Virginia Occidental", "Nuevo Brunswick"),
        ("pt-BR", "Virgínia Ocidental", "Nova Brunswick"),
        # Commission de toponymie du Québec; iso-codes half-translates it « Virginia occidentale ».
        ("fr-CA", "Virginie-Occidentale", "Nouveau-Brunswick"),
    ],
)
def test_us_states_and_canadian_provinces_keep_each_press_name(
    built: Path, lang: str, state: str, province: str
) -> None:
    table = _report(built, lang)
    assert f"Charleston {state} " in table and f"Moncton {province} " in table
    assert "Virginia occidentale" not in table


@pytest.mark.parametrize(
    ("release", "lead"),
    [
        # Peruvian press: "San Isidro (Lima)".
        ("san-isidro-lma-pe", "San Isidro (Lima) obtuvo"),
        # Fundéu, Clarín: the province named a province, never read as the capital.
        ("bahia-blanca-b-ar", "Bahía Blanca (provincia de Buenos Aires) obtuvo"),
    ],
)
def test_a_citys_own_release_names_its_region_as_its_press_does(
    built: Path, release: str, lead: str
) -> None:
    for text in [
        pdf_text(built / "es" / "cities" / f"{release}.pdf"),
        (built / "es" / "cities" / f"{release}.txt").read_text("utf-8"),
    ]:
        assert lead in " ".join(text.split()), text[:400]


def test_quebec_text_names_a_us_state_in_french(built: Path) -> None:
    text = " ".join((built / "fr-CA" / "press-release.txt").read_text("utf-8").split())
    assert "Charleston (Virginie-Occidentale)" in text


@pytest.mark.parametrize(
    ("place", "text", "dateline"),
    [
        (dict(name="Recife", region="PE", country="BR"), "o Recife", "RECIFE"),
        (dict(name="Porto Alegre", region="RS", country="BR"), "Porto Alegre", "PORTO ALEGRE"),
        (dict(name="Caxias do Sul", region="RS", country="BR"), "Caxias do Sul (RS)",
         "CAXIAS DO SUL (RS)"),
        # Palmas is Tocantins's capital; the Palmas of Paraná is not.
        (dict(name="Palmas", region="PR", country="BR"), "Palmas (PR)", "PALMAS (PR)"),
    ],
)  # fmt: skip
def test_a_brazilian_state_capital_takes_no_state(place: dict, text: str, dateline: str) -> None:
    """Folha and Estadão give the state after a Brazilian city, never after a state capital."""
    from wwc_press import places
    from wwc_press.model import Place

    from conftest import place_pattern

    city = Place.model_validate(place)
    pattern = place_pattern("pt-BR")
    assert places.cities_in_text([city], "pt-BR", pattern=pattern) == text
    assert places.dateline(city, "pt-BR", pattern=pattern) == dateline


@pytest.mark.parametrize(
    ("place", "lang", "dateline"),
    [
        # AP's list of foreign cities that stand alone, in AP's spelling.
        (dict(name="São Paulo", region="SP", country="BR"), "en", "SAO PAULO"),
        (dict(name="Rio de Janeiro", region="RJ", country="BR"), "en", "RIO DE JANEIRO"),
        (dict(name="Salvador", region="BA", country="BR"), "en", "SALVADOR, Brazil"),
        # El Tiempo: "Bogotá", not the city government's "Bogotá D. C.".
        (dict(name="Bogotá", region="DC", country="CO"), "es", "BOGOTÁ"),
    ],
)  # fmt: skip
def test_datelines_that_stand_alone(place: dict, lang: str, dateline: str) -> None:
    from wwc_press import places
    from wwc_press.model import Place

    from conftest import place_pattern

    city = Place.model_validate(place)
    assert places.dateline(city, lang, pattern=place_pattern(lang)) == dateline


def test_spanish_names_brazilian_states_as_efe_does() -> None:
    from wwc_press import places
    from wwc_press.model import Place

    bahia = Place(name="Salvador", region="BA", country="BR")
    assert places.region_name(bahia, "es") == "Bahía"
    assert places.region_name(bahia, "pt-BR") == "Bahia"


def test_quebec_french_names_latin_american_capitals_and_regions_in_french() -> None:
    """A Quebec desk struck "Bogotá" and "La Araucanía" in French copy."""
    from wwc_press import places
    from wwc_press.model import Place

    assert places.city_name(Place(name="Bogotá", region="DC", country="CO"), "fr-CA") == "Bogota"
    assert places.city_name(Place(name="Brasília", region="DF", country="BR"), "fr-CA") == (
        "Brasilia"
    )
    temuco = Place(name="Temuco", region="AR", country="CL")
    assert places.region_name(temuco, "fr-CA") == "Araucanie"
    assert places.region_name(temuco, "es") == "La Araucanía"


def test_portuguese_and_french_name_tierra_del_fuego_in_their_own_words() -> None:
    """ "Ushuaia | Tierra del Fuego | Argentina" in the Portuguese and French reports' tables
    (Brazilian and Quebec desks, reading 28)."""
    from wwc_press import places
    from wwc_press.model import Place

    ushuaia = Place(name="Ushuaia", region="V", country="AR")
    assert places.region_name(ushuaia, "pt-BR") == "Terra do Fogo"
    assert places.region_name(ushuaia, "fr-CA") == "Terre de Feu"
    assert places.region_name(ushuaia, "es") == "Tierra del Fuego"
    assert places.region_name(ushuaia, "en") == "Tierra del Fuego"
