"""Places as the Latin American Spanish desk (EFE practice, RAE and FundéuRAE) read them in the
November 2032 round, each a class, read in the built wire text and PDF:

- A Spanish dateline gives a city its country in parentheses, in the city's own release too,
  unless it is its country's capital (EFE: "CUENCA (Ecuador)", "MENDOZA (Argentina)", but
  "QUITO", "SAN JOSÉ"); the lead then places the city by its region, never by the country again.
- The Mexican press places a Mexican city by its state after a comma ("LEÓN, Guanajuato"): a
  bare "LEÓN" is León in Nicaragua or Spain too, and parentheses read as Spain's style.
- US places of Spanish origin take back in Spanish the accent English dropped (RAE, Ortografía
  2010; FundéuRAE): "San José (California)" beside "San José (Costa Rica)", "Santa Bárbara",
  "Los Ángeles"; the Brazilian press keeps the English spelling.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_round, pdf_text

ROUND = """\
date: 2032-11-17
languages: [en, es, pt-BR]
cities:
  new:
    - {name: Cuenca, region: A, country: EC, level: gold}
    - {name: Quito, region: P, country: EC, level: silver}
    - {name: San José, region: SJ, country: CR, level: silver}
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Zapopan, region: JAL, country: MX, level: silver}
  upgraded:
    - {name: San Jose, region: CA, country: US, from: gold, level: platinum}
    - {name: Santa Barbara, region: CA, country: US, from: silver, level: gold}
    - {name: León, region: GUA, country: MX, from: silver, level: gold}
    - {name: Mendoza, region: M, country: AR, from: silver, level: gold}
  recertified:
    - {name: Los Angeles, region: CA, country: US, level: gold}
"""

DATE = "17 de noviembre de 2032.—"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("es-places"), "places", ROUND, ("txt", "pdf"))


def _texts(built: Path, release: str) -> list[str]:
    """A release's words as a desk reads them: its wire text and its PDF, spaces made plain."""
    wire = (built / f"{release}.txt").read_text("utf-8")
    return [" ".join(text.replace("\u00a0", " ").split()) for text in (wire, pdf_text(
        built / f"{release}.pdf"))]  # fmt: skip


@pytest.mark.parametrize(
    ("city", "opening", "never"),
    [
        # EFE: the country in parentheses after any city but a capital; the lead gives the
        # region the dateline does not, and never the country twice.
        ("cuenca-a-ec", f"CUENCA (Ecuador), {DATE} Cuenca (Azuay) ", "Cuenca (Ecuador)"),
        ("rosario-s-ar", f"ROSARIO (Argentina), {DATE} Rosario (Santa Fe) ", "Rosario (Argentina)"),
        # A name that says its region says nothing of its country: Mendoza in Mendoza.
        ("mendoza-m-ar", f"MENDOZA (Argentina), {DATE} Mendoza ", "Mendoza (Mendoza)"),
        # A capital stands alone, in the dateline as in the lead.
        ("quito-p-ec", f"QUITO, {DATE} Quito ", "QUITO (Ecuador)"),
        ("san-jose-sj-cr", f"SAN JOSÉ, {DATE} San José ", "SAN JOSÉ (Costa Rica)"),
    ],
)  # fmt: skip
def test_a_spanish_dateline_gives_the_country_unless_a_capital(
    built: Path, city: str, opening: str, never: str
) -> None:
    for text in _texts(built, f"es/cities/{city}"):
        assert opening in text
        assert never not in text


def test_the_english_datelines_keep_aps_form(built: Path) -> None:
    for text in _texts(built, "en/cities/cuenca-a-ec"):
        assert "CUENCA, Ecuador, Nov. 17, 2032 — Cuenca has earned" in text
    for text in _texts(built, "en/cities/quito-p-ec"):
        assert "QUITO, Ecuador, Nov. 17, 2032 —" in text


@pytest.mark.parametrize(
    ("city", "opening", "never"),
    [
        # The state after a comma in the dateline, so the lead names the city alone.
        ("leon-gua-mx", f"LEÓN, Guanajuato, {DATE} León pasó", "León (Guanajuato)"),
        ("zapopan-jal-mx", f"ZAPOPAN, Jalisco, {DATE} Zapopan obtuvo", "Zapopan (Jalisco)"),
    ],
)  # fmt: skip
def test_a_mexican_citys_release_places_it_by_its_state_after_a_comma(
    built: Path, city: str, opening: str, never: str
) -> None:
    for text in _texts(built, f"es/cities/{city}"):
        assert opening in text
        assert never not in text
        assert "(México)" not in text


def test_the_latin_american_release_keeps_mexican_cities_by_their_country(built: Path) -> None:
    """Only a Mexican reader's release is written by the Mexican press's rules."""
    for text in _texts(built, "es/press-release"):
        assert "León (México)" in text
        assert "Zapopan (México)" in text
        assert "León, Guanajuato" not in text


def test_us_places_of_spanish_origin_are_accented_in_spanish(built: Path) -> None:
    for text in _texts(built, "es/press-release"):
        assert "San José (California, EE. UU.)" in text
        assert "San José (Costa Rica)" in text
        assert "Santa Bárbara (California, EE. UU.)" in text
        assert "Los Ángeles" in text
        assert "San Jose" not in text and "Santa Barbara" not in text
        assert "Los Angeles" not in text
    # Brazilian papers write the US names as English does; English keeps its own.
    for text in _texts(built, "pt-BR/press-release"):
        assert "San Jose (Califórnia" in text
        assert "Santa Barbara (Califórnia" in text
        assert "Los Angeles" in text
        assert "San José (Califórnia" not in text
    for text in _texts(built, "en/press-release"):
        assert "San Jose, California" in text
        assert "Santa Barbara, California" in text
