"""The Spanish of each country's readers (languages/es_mx.py, es_americas.py): the June 2024
round certifies San Pedro Garza García, whose Spanish release prints its figures as CLDR's es_MX
does, and Las Condes, whose release prints Chile's; the program's release keeps the Latin
American profile's (RAE's "30 000", "51 %", « »)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wwc_press.languages import profile
from wwc_press.localize import Localizer, StrictTranslations

from conftest import build_round, mayor_slot, pdf_text


def test_a_mexican_citys_spanish_release_prints_mexican_figures(round_2024: Path) -> None:
    mexican = pdf_text(round_2024 / "es" / "cities" / "san-pedro-garza-garcia-nle-mx.pdf")
    assert "con 30,000 habitantes" in mexican
    assert "entre el 51% y el 67%" in mexican
    chilean = pdf_text(round_2024 / "es" / "cities" / "las-condes-rm-cl.pdf")
    assert "con 30.000 habitantes" in chilean  # El Mercurio's, CLDR es_CL's
    assert "entre el 51% y el 67%" in chilean
    program = pdf_text(round_2024 / "es" / "press-release.pdf")
    assert "51 %" in program and "51%" not in program


def test_mexican_readers_get_the_mexican_profile() -> None:
    spanish = profile("es")
    assert spanish.for_readers("MX") == "es-MX"
    assert spanish.for_readers("AR") == "es-AR"
    assert spanish.for_readers("US") == "es"  # the program's release, datelined New York
    assert spanish.for_readers("BR") == "es"
    colombian = profile("es-CO")
    assert colombian.number(30_000) == "30.000" and colombian.percent(0.51) == "51%"
    assert colombian.word_language == "es-CO" and colombian.text_language == "es"
    assert profile("es-PE").number(30_000) == "30,000"  # CLDR es_PE: Peru groups by commas
    mexican = profile("es-MX")
    assert mexican.text_language == "es"  # the file's Spanish and its catalog
    assert mexican.number(4_200_000) == "4,200,000"
    assert mexican.number(1234, up_to=-1) == "1,234"
    assert spanish.number(1234, up_to=-1) == "1234"
    l10n = Localizer(StrictTranslations(None, None), "America/New_York", mexican)
    assert l10n.phone("+52 81 8400 4400") == "81 8400 4400"
    assert l10n.phone("+1 212 555 0100") == "+1 212-555-0100"


# The file's own Spanish texts in a Mexican city's release: the same figures as the tool's own.
FIGURES = """\
date: 2026-03-10
languages: [en, es]
cities:
  new:
    - name: Monterrey
      region: NLE
      country: MX
      level: silver
      quote:
        speaker: Ana Garza
        role: {en: data director of Monterrey, es: directora de datos de Monterrey}
        text:
          en: >-
            We answered 30,000 requests between 10:00 and 18:00 on routes 1, 2 and 3 since
            17.06.2024.
          es: >-
            Atendimos 30.000 solicitudes entre las 10:00 y las 18:00 en las rutas 1,2 y 3 desde
            el 17.06.2024.
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Zapopan, region: JAL, country: MX, level: silver}
highlights:
  - city: Monterrey
    text: &highlight
      en: >-
        The city put 2.3 million records online for its 1,142,994 residents; 51% of its services
        report results, up from 4.5% in 2019.
      es: >-
        La ciudad publicó 2,3 millones de registros para sus 1 142 994 habitantes; el 51 % de sus
        servicios informa resultados, frente al 4,5 % de 2019.
  - city: Rosario
    text: *highlight
  - city: Zapopan
    text:
      en: Zapopan answered 30,000 requests, 64% of them online.
      es: Zapopan atendió 30.000 solicitudes, el 64% de ellas en línea.
contacts:
  - name: {en: Press Office, es: Oficina de prensa}
    organization: Results for America
    email: prensa@results4america.org
    phone: "+52 81 8400 4400"
  - name: {en: Rosario Press Office, es: Prensa de Rosario}
    organization: Municipalidad de Rosario
    email: prensa@rosario.gob.ar
    phone: "+54 341 480 2000"
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(
        tmp_path_factory.mktemp("mexico"), "figures", FIGURES, ("pdf", "txt", "docx")
    )


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _wire_and_print(folder: Path, release: str) -> list[str]:
    """The words of a built release's wire text and of its PDF, as a desk reads each."""
    txt = (folder / f"{release}.txt").read_text("utf-8")
    return [_words(txt), _words(pdf_text(folder / f"{release}.pdf"))]


def test_a_mexican_citys_release_sets_the_files_figures_as_mexican_press(figures: Path) -> None:
    """Figures the file writes in the Latin American form ("2,3 millones", "1 142 994",
    "30.000", "51 %") print as the Mexican press writes them, in the text and the PDF; a list,
    clocks, a date, a year and telephone numbers stay as written."""
    for words in _wire_and_print(figures / "es" / "cities", "monterrey-nle-mx"):
        assert "publicó 2.3 millones de registros para sus 1,142,994 habitantes" in words
        assert "el 51% de sus servicios informa resultados, frente al 4.5% de 2019" in words
        assert "Atendimos 30,000 solicitudes entre las 10:00 y las 18:00" in words
        assert "en las rutas 1,2 y 3 desde el 17.06.2024" in words
        assert "81 8400 4400" in words and "+54 341 480-2000" in words
        for latin_american in ("2,3", "142 994", "51 %", "4,5", "30.000", "30 000"):
            assert latin_american not in words


def test_an_argentine_citys_release_sets_the_files_figures_as_argentine_press(figures: Path):
    """Clarín's and La Nación's figures (CLDR es_AR): a point between the thousands, a decimal
    comma, "51%"; the file's "1 142 994" and "51 %" are RAE's, which no Argentine desk prints."""
    for words in _wire_and_print(figures / "es" / "cities", "rosario-s-ar"):
        assert "publicó 2,3 millones de registros para sus 1.142.994 habitantes" in words
        assert "el 51% de sus servicios informa resultados, frente al 4,5% de 2019" in words
        assert "0341 480-2000" in words  # Argentina's own number in national form
        for general in ("142 994", "51 %", "4,5 %"):
            assert general not in words


def test_the_program_release_keeps_the_latin_american_figures(figures: Path) -> None:
    """RAE's figures throughout, the file's too where it writes them as a country's press does
    ("30.000", "64%" in Zapopan's highlight): one text, one system (Spanish desk, reading 13)."""
    for words in _wire_and_print(figures / "es", "press-release"):
        assert "2,3 millones de registros para sus 1 142 994 habitantes" in words
        assert "el 51 % de sus servicios" in words
        assert "Zapopan atendió 30 000 solicitudes, el 64 % de ellas en línea." in words
        assert "30.000" not in words and "64%" not in words
    zapopan = _words((figures / "es" / "cities" / "zapopan-jal-mx.txt").read_text("utf-8"))
    assert "Zapopan atendió 30,000 solicitudes, el 64% de ellas en línea." in zapopan


def test_the_word_slot_for_a_mayors_quote_fits_every_spanish_speaking_country(figures) -> None:
    import docx

    for city in ("zapopan-jal-mx", "rosario-s-ar"):  # no quote of their own in the file
        path = figures / "es" / "cities" / f"{city}.docx"
        document = docx.Document(str(path))
        slot, comments = mayor_slot(path)
        assert comments == ["Cita de la autoridad municipal"]
        assert slot.style.name == "Cita de la autoridad municipal"
        texts = [p.text for p in document.paragraphs] + comments
        # Mexico's mayor is "presidente municipal", Argentina's "intendente".
        assert not any("alcalde" in text for text in texts)


def test_a_mexican_citys_release_quotes_as_mexican_papers_do(figures: Path) -> None:
    """“ ”, never RAE's « », which Mexican, Colombian and Argentine desks read as Spain's
    (EFE's) marks."""
    words = _words((figures / "es" / "cities" / "monterrey-nle-mx.txt").read_text("utf-8"))
    assert "“Atendimos 30,000 solicitudes" in words and "«" not in words
    assert profile("es-MX").quote("Dijo «sí».") == "“Dijo ‘sí’”."
    assert profile("es-AR").quote("Dijo «sí».") == "“Dijo ‘sí’”."
    assert profile("es").quote("Dijo “sí”.") == "«Dijo “sí”»."
