"""Press style rules, each with the examples of the manual it follows."""

from __future__ import annotations

import datetime as dt

import pytest

from wwc_press import places
from wwc_press.languages import profile
from wwc_press.model import City, Place

from conftest import place_pattern


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (dt.date(2023, 6, 21), "en", "June 21, 2023"),  # AP: March-July never abbreviated
        (dt.date(2025, 2, 28), "en", "Feb. 28, 2025"),
        (dt.date(2023, 9, 5), "en", "Sept. 5, 2023"),  # AP: "Sept.", not "Sep."
        (dt.date(2023, 3, 1), "en", "March 1, 2023"),
        (dt.date(2023, 6, 21), "es", "21 de junio de 2023"),
        (dt.date(2023, 6, 21), "pt-BR", "21 de junho de 2023"),
        (dt.date(2023, 7, 1), "pt-BR", "1º de julho de 2023"),  # Estadão: ordinal first day
        (dt.date(2023, 7, 1), "es", "1 de julio de 2023"),
    ],
)
def test_long_dates(day: dt.date, lang: str, expected: str) -> None:
    assert profile(lang).long_date(day) == expected


@pytest.mark.parametrize(
    ("value", "lang", "noun", "expected"),
    [
        (1, "en", "city", "one"),
        (9, "en", "city", "nine"),
        (10, "en", "city", "10"),  # AP: figures from 10
        (0, "es", "city", "cero"),
        (1, "es", "city", "una"),  # "una ciudad"
        (1, "es", "country", "un"),  # "un país"
        (7, "es", "city", "siete"),
        (10, "es", "city", "10"),
        (1, "pt-BR", "city", "uma"),  # "uma cidade"
        (2, "pt-BR", "city", "duas"),  # "duas cidades"
        (2, "pt-BR", "country", "dois"),
        (10, "pt-BR", "city", "dez"),  # Estadão: words to ten
        (11, "pt-BR", "city", "11"),
        (1234, "es", "city", "1234"),  # CLDR es: no grouping below 10 000
        (12345, "es", "city", "12\u00a0345"),  # RAE: groups of three by a space, not a point
        (12345, "en", "city", "12,345"),
    ],
)
def test_numbers(value: int, lang: str, noun: str, expected: str) -> None:
    assert profile(lang).number(value, noun) == expected


def test_percent() -> None:
    assert profile("en").percent(0.57) == "57%"
    assert profile("es").percent(0.57) == "57\u00a0%"
    assert profile("pt-BR").percent(0.57) == "57%"


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        (["a", "b", "c"], "en", "a, b and c"),  # AP: no serial comma
        (["a", "b"], "en", "a and b"),
        (["Chicago", "Henderson, Nevada", "Syracuse, New York"], "en",
         "Chicago; Henderson, Nevada; and Syracuse, New York"),
        (["Carlsbad, California", "Denver"], "en", "Carlsbad, California, and Denver"),
        (["Bogotá", "Ibagué"], "es", "Bogotá e Ibagué"),  # RAE: y -> e before /i/
        (["Cali", "Hidalgo"], "es", "Cali e Hidalgo"),
        (["agua", "hielo"], "es", "agua y hielo"),  # but not before a diphthong
        (["Lima", "Quito", "Santiago"], "es", "Lima, Quito y Santiago"),
        (["Recife", "Natal", "Belém"], "pt-BR", "Recife, Natal e Belém"),
        (["only"], "en", "only"),
        ([], "en", ""),
    ],
)  # fmt: skip
def test_series(items: list[str], lang: str, expected: str) -> None:
    assert profile(lang).series(items) == expected


def test_quotation_marks() -> None:
    assert profile("en").quote("We grow.") == "“We grow.”"
    assert profile("es").quote("Crecemos.") == "«Crecemos»."  # RAE: period after the marks
    assert profile("es").quote("Dijo «sí»") == "«Dijo “sí”»"  # inner quotes “ ”
    assert profile("pt-BR").quote("Crescemos.") == "“Crescemos.”"


def _city(**fields: object) -> City:
    return City.model_validate({"level": "gold", **fields})


@pytest.mark.parametrize(
    ("city", "lang", "expected"),
    [
        (dict(name="Carlsbad", region="CA", country="US"), "en", "Carlsbad, California"),
        (dict(name="Carlsbad", region="CA", country="US"), "es", "Carlsbad (California)"),
        (dict(name="Carlsbad", region="CA", country="US"), "pt-BR", "Carlsbad (Califórnia)"),
        (dict(name="Charleston", region="SC", country="US"), "es", "Charleston (Carolina del Sur)"),
        (dict(name="Charleston", region="SC", country="US"), "pt-BR",
         "Charleston (Carolina do Sul)"),
        (dict(name="Chicago", region="IL", country="US"), "en", "Chicago"),  # AP dateline city
        (dict(name="Fortaleza", region="CE", country="BR"), "pt-BR", "Fortaleza"),
        (dict(name="Fortaleza", region="CE", country="BR"), "en", "Fortaleza, Brazil"),
        (dict(name="Fortaleza", region="CE", country="BR"), "es", "Fortaleza (Brasil)"),
        (dict(name="Córdoba", country="AR"), "en", "Córdoba, Argentina"),
        # AP: four Canadian cities stand alone, the others take their province, never "Canada".
        (dict(name="Toronto", region="ON", country="CA"), "en", "Toronto"),
        (dict(name="Laval", region="QC", country="CA"), "en", "Laval, Quebec"),
        (dict(name="Winnipeg", region="MB", country="CA"), "en", "Winnipeg, Manitoba"),
        (dict(name="Laval", region="QC", country="CA"), "es", "Laval (Canadá)"),
        # A name that says its state stands alone: never "New York City, New York".
        (dict(name="New York City", region="NY", country="US"), "en", "New York City"),
        (dict(name="Guatemala City", region="01", country="GT"), "en", "Guatemala City"),
        # Spanish and Brazilian press: a US city takes its state unless readers know it alone.
        (dict(name="San Antonio", region="TX", country="US"), "es", "San Antonio (Texas)"),
        (dict(name="Chicago", region="IL", country="US"), "es", "Chicago"),
        (dict(name="Seattle", region="WA", country="US"), "pt-BR",
         "Seattle (estado de Washington)"),
        (dict(name="Montevideo", country="UY", names={"pt-BR": "Montevidéu"}), "pt-BR",
         "Montevidéu (Uruguai)"),
        (dict(name="Washington", region="DC", country="US", names={"en": "Washington, D.C."}),
         "en", "Washington, D.C."),
    ],
)  # fmt: skip
def test_city_in_running_text(city: dict, lang: str, expected: str) -> None:
    assert places.cities_in_text([_city(**city)], lang, pattern=place_pattern(lang)) == expected


def test_cities_grouped_by_country() -> None:
    cities = [
        _city(name="Buenos Aires", country="AR"),
        _city(name="Córdoba", country="AR"),
        _city(name="Montevideo", country="UY"),
        _city(name="Fortaleza", region="CE", country="BR"),
        _city(name="Mogi das Cruzes", region="SP", country="BR"),
    ]
    assert places.cities_in_text(cities, "en") == (
        "Buenos Aires and Córdoba, Argentina; Montevideo, Uruguay; "
        "and Fortaleza and Mogi das Cruzes, Brazil"
    )
    # Montevidéu: the Portuguese name of the city (CLDR), as Brazilian papers write it.
    assert places.cities_in_text(cities, "pt-BR", pattern=place_pattern("pt-BR")) == (
        "Buenos Aires e Córdoba (Argentina); Montevidéu (Uruguai); Fortaleza; "
        "e Mogi das Cruzes (SP)"
    )


@pytest.mark.parametrize(
    ("place", "lang", "expected"),
    [
        (dict(name="New York", region="NY", country="US"), "en", "NEW YORK"),
        (dict(name="Sacramento", region="CA", country="US"), "en", "SACRAMENTO, Calif."),
        (dict(name="Boise", region="ID", country="US"), "en", "BOISE, Idaho"),  # never abbreviated
        (dict(name="New York", region="NY", country="US", names={"es": "Nueva York"}), "es",
         "NUEVA YORK"),
        (dict(name="Fortaleza", region="CE", country="BR"), "pt-BR", "FORTALEZA"),
        (dict(name="Córdoba", country="AR"), "en", "CÓRDOBA, Argentina"),
        # EFE: a country's capital alone, any other city with its country, whatever its name
        # says of its region; a name that says its country needs none.
        (dict(name="Quito", region="P", country="EC"), "es", "QUITO"),
        (dict(name="Cuenca", region="A", country="EC"), "es", "CUENCA (Ecuador)"),
        (dict(name="Mendoza", region="M", country="AR"), "es", "MENDOZA (Argentina)"),
        (dict(name="Guatemala City", region="01", country="GT",
              names={"es": "Ciudad de Guatemala"}), "es", "CIUDAD DE GUATEMALA"),
    ],
)  # fmt: skip
def test_datelines(place: dict, lang: str, expected: str) -> None:
    city = Place.model_validate(place)
    assert places.dateline(city, lang, pattern=place_pattern(lang)) == expected


def test_spanish_percent_in_the_files_texts_does_not_break() -> None:
    assert profile("es").typography("bajó un 57 % en") == "bajó un 57\u00a0% en"
    assert profile("en").typography("fell 57%") == "fell 57%"
