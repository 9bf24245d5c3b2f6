"""Mexican Spanish (languages/es_mx.py) for every Spanish release whose readers are Mexican: the
June 2024 round certifies San Pedro Garza García, whose Spanish release prints its figures as
CLDR's es_MX does, while the other Latin American releases keep the Spanish profile's."""

from __future__ import annotations

from pathlib import Path

from wwc_press.languages import profile
from wwc_press.localize import Localizer, StrictTranslations

from conftest import pdf_text


def test_a_mexican_citys_spanish_release_prints_mexican_figures(round_2024: Path) -> None:
    mexican = pdf_text(round_2024 / "es" / "cities" / "san-pedro-garza-garcia-nle-mx.pdf")
    assert "con 30,000 habitantes" in mexican
    assert "entre el 51% y el 67%" in mexican
    chilean = pdf_text(round_2024 / "es" / "cities" / "las-condes-rm-cl.pdf")
    assert " ".join(chilean.replace("\u00a0", " ").split()).count("con 30 000 habitantes") == 1
    assert "entre el 51 % y el 67 %" in chilean


def test_mexican_readers_get_the_mexican_profile() -> None:
    spanish = profile("es")
    assert spanish.for_readers("MX") == "es-MX"
    assert spanish.for_readers("AR") == "es"
    mexican = profile("es-MX")
    assert mexican.text_language == "es"  # the file's Spanish and its catalog
    assert mexican.number(4_200_000) == "4,200,000"
    assert mexican.number(1234, up_to=-1) == "1,234"
    assert spanish.number(1234, up_to=-1) == "1234"
    l10n = Localizer(StrictTranslations(None, None), "America/New_York", mexican)
    assert l10n.phone("+52 81 8400 4400") == "81 8400 4400"
    assert l10n.phone("+1 212 555 0100") == "+1 212-555-0100"
