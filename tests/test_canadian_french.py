"""Canadian French (fr-CA) as a profile: the OQLF's and the Canadian Press's forms, and the
Canadian sample in English and French."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest

from wwc_press import places, readers
from wwc_press.languages import profile
from wwc_press.model import Place

from conftest import ROOT, illustrative_project, pdf_text, place_pattern, run

FR = profile("fr-CA")


@pytest.mark.parametrize(
    ("value", "feminine", "words"),
    [(1, True, "une"), (1, False, "un"), (2, True, "deux"), (21, True, "vingt et une"),
     (21, False, "vingt et un"), (70, False, "soixante-dix"), (71, False, "soixante et onze"),
     (80, False, "quatre-vingts"), (81, True, "quatre-vingt-une"), (91, False, "quatre-vingt-onze"),
     (99, False, "quatre-vingt-dix-neuf")],
)  # fmt: skip
def test_number_words_agree_with_the_noun(value: int, feminine: bool, words: str) -> None:
    assert FR.cardinal(value, feminine) == words


def test_dates_clocks_percent_quotes_and_colons() -> None:
    assert profile("fr-CA").long_date(dt.date(2025, 3, 12)) == "12 mars 2025"
    assert profile("fr-CA").long_date(dt.date(2025, 6, 1)) == "1er juin 2025"  # BDL
    assert FR.clock(dt.datetime(2025, 1, 1, 10, 30)) == "10\u00a0h\u00a030"
    assert FR.clock(dt.datetime(2025, 1, 1, 10, 0)) == "10\u00a0h"
    assert profile("fr-CA").percent(0.57) == "57\u00a0%"
    assert profile("fr-CA").quote("Bonjour") == "«\u00a0Bonjour\u00a0»"
    # Quebec usage: a no-break space before the colon, none before ; ! ?
    assert profile("fr-CA").typography("Le bilan : 57 % ; bravo !") == (
        "Le bilan\u00a0: 57\u00a0% ; bravo !"
    )
    assert profile("fr-CA").number(1, "city") == "une"
    assert (
        profile("fr-CA").series(["Laval", "Gatineau", "Hamilton"]) == "Laval, Gatineau et Hamilton"
    )


@pytest.mark.parametrize(
    ("place", "text", "dateline"),
    [
        (dict(name="Laval", region="QC", country="CA"), "Laval", "LAVAL"),  # Quebec's readers
        (dict(name="Montréal", region="QC", country="CA"), "Montréal", "MONTRÉAL"),
        (dict(name="Hamilton", region="ON", country="CA"), "Hamilton (Ontario)",
         "HAMILTON (Ontario)"),
        (dict(name="Vancouver", region="BC", country="CA"), "Vancouver (Colombie-Britannique)",
         "VANCOUVER (Colombie-Britannique)"),
        (dict(name="Charleston", region="SC", country="US"), "Charleston (Caroline du Sud)",
         "CHARLESTON (Caroline du Sud)"),
        (dict(name="Córdoba", country="AR"), "Córdoba (Argentine)", "CÓRDOBA (Argentine)"),
    ],
)  # fmt: skip
def test_places_in_french(place: dict, text: str, dateline: str) -> None:
    city = Place.model_validate(place)
    pattern = place_pattern("fr-CA")
    assert places.cities_in_text([city], "fr-CA", pattern=pattern) == text
    assert places.dateline(city, "fr-CA", pattern=pattern) == dateline


def test_a_canadian_city_is_read_in_french_and_english() -> None:
    assert readers.city_language("CA", ["en", "fr-CA"]) == "fr-CA"
    assert readers.city_language("CA", ["en"]) == "en"
    assert readers.city_language("US", ["en", "fr-CA"]) == "en"


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = illustrative_project(tmp_path_factory.mktemp("canada"), "2025-11-canada.yaml")
    args = ["build", "announcements/2025-11-canada.yaml", "--format", "pdf", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / "2025-11-canada"


def test_the_canadian_release_reads_as_quebec_press(canada: Path) -> None:
    pdf = canada / "fr-CA" / "press-release.pdf"
    text = pdf_text(pdf)
    for phrase in [
        "Sous embargo jusqu’au 18 novembre 2025, 10 h (heure de l’Est), soit 9 h (heure du "
        "Centre) à Winnipeg",
        "Trois villes canadiennes obtiennent pour la première fois la certification What Works "
        "Cities",
        # One tense, the présent of the news, throughout: "annonce", "obtiennent", "passe".
        "MONTRÉAL, le 18 novembre 2025 – Results for America annonce aujourd’hui que trois "
        "villes obtiennent la certification What Works Cities pour la première fois.",
        # Two cities are the subject of their sentence, as one is (the Quebec desk, reading 12).
        "Laval et Gatineau obtiennent le niveau Argent.",
        "Winnipeg (Manitoba) passe du niveau Argent au niveau Or.",
        "Carlsbad (Californie) renouvelle sa certification Or.",
        "une ville qui en remplit de 51 % à 67 % obtient le niveau Argent",
    ]:
        assert phrase in text
    pages = pypdf.PdfReader(pdf).pages
    assert "(suite)" in pages[0].extract_text()
    end = re.compile(r"^[-\u2010]30[-\u2010]$", re.M)  # the font's hyphen copies as U+2010
    assert end.search(pages[-1].extract_text()) and "###" not in text
    english = pypdf.PdfReader(canada / "en" / "press-release.pdf").pages[-1].extract_text()
    assert end.search(english)  # Canadian, in English too


def test_canadian_cities_get_english_and_french_releases(canada: Path) -> None:
    french = {p.stem for p in (canada / "fr-CA" / "cities").glob("*.pdf")}
    english = {p.stem for p in (canada / "en" / "cities").glob("*.pdf")}
    assert french == {"laval-qc-ca", "gatineau-qc-ca", "hamilton-on-ca", "winnipeg-mb-ca"}
    assert english == french | {"carlsbad-ca-us"}
    laval = pdf_text(canada / "fr-CA" / "cities" / "laval-qc-ca.pdf")
    assert "LAVAL, le 18 novembre 2025 – Laval obtient la certification Argent" in laval
    winnipeg = pdf_text(canada / "en" / "cities" / "winnipeg-mb-ca.pdf")
    assert "WINNIPEG, Nov. 18, 2025 —" in winnipeg  # the Canadian Press: tests/test_canada.py
    assert "Embargoed until 9 a.m. CT (10 a.m. ET), Nov. 18, 2025" in winnipeg


def test_french_says_a_again_before_each_place_of_a_series() -> None:
    """BDL (répétition des prépositions): « 11 h à Fredericton et à Halifax »."""
    from wwc_press.localize import localizer
    from wwc_press.settings import load_settings

    settings = load_settings(ROOT)
    french = localizer(ROOT, "fr-CA", settings)
    assert french.places_after_preposition(["Fredericton", "Halifax"]) == "Fredericton et à Halifax"
    spanish = localizer(ROOT, "es", settings)
    assert spanish.places_after_preposition(["Bogotá", "Quito"]) == "Bogotá y Quito"


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("annonce que Ottawa obtient", "annonce qu’Ottawa obtient"),
        ("la mairesse de Edmonton", "la mairesse d’Edmonton"),
        ("jusque Iqaluit", "jusqu’Iqaluit"),
        ("la Ville de Yellowknife", "la Ville de Yellowknife"),  # "Y" is a consonant there
        ("que neuf villes", "que neuf villes"),
    ],
)
def test_que_and_de_are_elided_before_a_name_opening_with_a_vowel(written, printed) -> None:
    assert FR.typography(written) == printed  # BDL, élision


def test_a_one_city_lead_elides_que_before_its_name(tmp_path: Path) -> None:
    from conftest import build_round

    round_ = build_round(tmp_path, "ottawa", """\
date: 2031-05-14
total_certified: 197
languages: [en, fr-CA]
cities:
  new:
    - {name: Ottawa, region: "ON", country: CA, level: gold}
""", ("txt",), "--only", "release", "--lang", "fr-CA")  # fmt: skip
    text = (round_ / "fr-CA" / "press-release.txt").read_text("utf-8")
    assert "annonce aujourd’hui qu’Ottawa obtient" in text


@pytest.mark.parametrize(
    ("tag", "number", "city", "printed"),
    [
        ("fr-CA", "+1 613 688 4213", None, "613 688-4213"),  # BDL
        ("en-CA", "+1 613 688 4213", None, "613-688-4213"),  # CP
        ("en", "+1 212 555 0100", None, "212-555-0100"),  # AP
        # The United States and Canada share one numbering plan: dialled as at home.
        ("fr-CA", "+1 212 555 0100", None, "212 555-0100"),
        ("en-CA", "+1 646 859 2741", "CA", "646-859-2741"),
        # A city's release abroad is read where the city is: the country code.
        ("en", "+1 646 859 2741", "PE", "+1 646-859-2741"),
        # ... and an English release of a Brazilian city is read abroad: "+55", not "(11)".
        ("en", "+55 11 3090 4417", "BR", "+55 11 3090-4417"),
        ("pt-BR", "+55 11 3090 4417", "BR", "(11) 3090-4417"),
        ("es", "+57 601 745 3820", "CO", "(601) 7453820"),
        ("pt-BR", "+55 11 3333 4444", None, "(11) 3333-4444"),  # Brazil keeps its parentheses
    ],
)
def test_a_phone_number_is_written_as_the_readers_press_writes_it(
    tag, number, city, printed
) -> None:
    from wwc_press.localize import Localizer, StrictTranslations

    l10n = Localizer(StrictTranslations(None, None), "America/Toronto", profile(tag))
    place = Place(name="Lima", country=city) if city else None
    assert l10n.phone(number, place) == printed


def test_the_wire_keeps_a_figure_with_its_units_symbol() -> None:
    """Le Ramat: a figure and its symbol are never parted ("42 km"), in the wire text and the
    e-mail too, where only the ties that held a name on one line become spaces (Quebec desk,
    reading 13: "42 km" had an ordinary space in the txt)."""
    from wwc_press.formats.wire import plain

    tied = "remplacé 42\u00a0km de conduites, annonce Results\u00a0for\u00a0America"
    assert plain(tied) == "remplacé 42\u00a0km de conduites, annonce Results for America"
    assert plain("à 3\u00a0kilomètres") == "à 3 kilomètres"
