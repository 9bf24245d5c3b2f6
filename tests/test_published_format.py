"""The release as the program publishes it: decks, program facts, thresholds, boilerplate,
contacts as press offices write them, and city releases that read as local news."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import html_text, pdf_text, run

ROUND = """\
date: 2023-03-14
total_certified: 40
languages: [en, es, pt-BR]
cities:
  new:
    - {name: Recife, region: PE, country: BR, level: gold}
    - name: Quito
      country: EC
      level: silver
      # Its quote is printed in English and Spanish only: no Portuguese needed.
      quote:
        speaker: Ana Torres
        role: {en: data director of Quito, es: directora de datos de Quito}
        text: {en: Data changed how we govern., es: Los datos cambiaron nuestra forma de gobernar.}
  upgraded:
    - {name: Reno, region: NV, country: US, from: silver, level: gold}
decks:
  - {en: First deck line, es: Primera línea de sumario, pt-BR: Primeira linha de olho}
  - {en: Second deck line, es: Segunda línea de sumario, pt-BR: Segunda linha de olho}
highlights:
  - text:
      en: More than 170 cities have applied since 2017.
      es: Más de 170 ciudades se han postulado desde 2017.
      pt-BR: Mais de 170 cidades se candidataram desde 2017.
  - city: Quito
    text: {en: Quito opened its budget data., es: Quito abrió sus datos de presupuesto.}
about: [results-for-america]
contacts:
  en:
    - name: Jane Roe
      title: Communications Director
      organization: Results for America
      email: jane@results4america.org
      phone: "+1 202 456 1111"
  es:
    - name: Lucía Gómez
      title: Directora de comunicación
      organization: Results for America
      email: lucia@results4america.org
      phone: "+1 202 456 1111"
  pt-BR:
    - name: {en: Press Office, es: Prensa, pt-BR: Assessoria de imprensa}
      organization: Results for America
      phone: "+55 11 3333 4444"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import ROOT

    root = tmp_path_factory.mktemp("published")
    (root / "r.yaml").write_text(ROUND, encoding="utf-8")
    args = ["build", str(root / "r.yaml"), "--format", "pdf", "--format", "html"]
    result = run([*args, "--out", str(root)], cwd=ROOT)
    assert result.exit_code == 0, result.output
    return root / "r"


EXPECTED = {
    "en": [
        "First deck line Second deck line",
        "More than 170 cities have applied since 2017.",
        "Cities are assessed on 43 criteria: Meeting 51% to 67% of them earns Silver, 68% to 84% "
        "earns Gold, and 85% or more earns Platinum.",
        "About Results for America",
        "Jane Roe Communications Director, Results for America jane@results4america.org "
        "202-456-1111",  # a US number for US readers: the national form, as AP writes it
    ],
    "es": [
        "Primera línea de sumario Segunda línea de sumario",
        "Las ciudades se evalúan con 43 criterios: cumplir entre el 51 % y el 67 %",
        "Acerca de Results for America",
        "Lucía Gómez Directora de comunicación, Results for America lucia@results4america.org "
        "+1 202-456-1111",  # readers in many countries: the international form
    ],
    "pt-BR": [
        "Primeira linha de olho Segunda linha de olho",
        "As cidades são avaliadas em 43 critérios",
        "Sobre a Results for America",
        "Assessoria de imprensa Results for America (11) 3333-4444",
    ],
}


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_the_release_says_everything_the_program_publishes(built: Path, lang: str) -> None:
    text = pdf_text(built / lang / "press-release.pdf")
    for phrase in EXPECTED[lang]:
        assert phrase in text
    assert "Bloomberg Philanthropies, the philanthropy" not in text  # not picked by 'about'
    assert html_text(built / lang / "press-release.html").count("Results for America") >= 3


def test_a_city_release_reads_as_local_news(built: Path) -> None:
    quito = pdf_text(built / "es" / "cities" / "quito-ec.pdf")
    lead = (
        "Quito obtuvo la certificación Plata de What Works Cities en reconocimiento a la manera "
        "en que la ciudad pone los datos y la evidencia al servicio de sus habitantes, anunció hoy "
        "Results for America."
    )
    assert lead in quito
    # Not called the first in Ecuador: the roster does not know where the 38 cities certified
    # before this illustrative round were (its baseline comes later).
    assert "primera ciudad" not in quito and "primeras ciudades" not in quito
    # What the city did comes before what the level means; the city's own voice is there, in
    # the marks of Ecuador's papers (El Comercio, El Universo: “ ”, not RAE's « »).
    assert quito.index("Quito abrió sus datos") < quito.index("La certificación Plata se otorga")
    assert (
        "“Los datos cambiaron nuestra forma de gobernar”, afirmó Ana Torres, directora de datos "
        "de Quito." in quito
    )
    assert "la ciudad de Quito" not in quito
    recife = pdf_text(built / "pt-BR" / "cities" / "recife-pe-br.pdf")
    assert "RECIFE, 14 de março de 2023 – O Recife conquistou a certificação Ouro" in recife
    assert "Ana Torres" not in recife and "170 cidades" not in recife


def test_the_city_texts_are_needed_only_in_its_languages(built: Path) -> None:
    assert (built / "es" / "cities" / "quito-ec.pdf").exists()
    assert not (built / "pt-BR" / "cities" / "quito-ec.pdf").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('phone: "+55 11 3333 4444"', 'phone: "12345"',
         "'12345' is not a valid phone number: give it with its country code"),
        ("about: [results-for-america]", "about: [results-for-amerika]",
         "no About paragraph 'results-for-amerika': bloomberg-philanthropies, results-for-america"),
        ("role: {en: data director of Quito, es: directora de datos de Quito}",
         "role: {en: data director of Quito}", "'cities.new.1.quote.role' has no 'es' text"),
    ],
)  # fmt: skip
def test_a_wrong_field_is_refused_at_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ROUND.replace(old, new), encoding="utf-8")
    result = run(["validate", str(path)])
    assert result.exit_code == 2
    line = next(n for n, text in enumerate(ROUND.splitlines(), 1) if old in text)
    assert any(f"r.yaml:{line}:" in x and message in x for x in result.stderr.splitlines()), (
        result.stderr
    )


UNSENDABLE = """\
date: 2023-03-14
total_certified: 40
cities:
  new:
    - {name: Example City, region: CA, country: US, level: silver}
headline: {en: TODO headline, es: Titular TBD, pt-BR: Lorem ipsum dolor}
contacts:
  - {name: Jane Roe, email: jane@example.org}
  - {name: John Roe, phone: "+1 212 555 0123"}
  - {name: Nobody Roe}
"""


def test_check_refuses_what_must_never_be_sent(project: Path) -> None:
    path = project / "announcements" / "u.yaml"
    path.write_text(UNSENDABLE, encoding="utf-8")
    result = run(["check", str(path)], cwd=project)
    assert result.exit_code == 1
    for expected in [
        "u.yaml:5:14: the starter file's example city must not be sent: 'Example City'",
        "u.yaml:6:16: a draft mark must not be sent: 'TODO'",
        "u.yaml:6:35: a draft mark must not be sent: 'TBD'",
        "u.yaml:6:55: placeholder text must not be sent: 'Lorem ipsum'",
        "u.yaml:8:29: an example domain must not be sent: 'jane@example.org'",
        "u.yaml:9:29: a fictional phone number (555-01xx) must not be sent: '555 0123'",
        "u.yaml:10:5: a contact with neither e-mail nor phone: give one of them",
    ]:
        assert expected in result.stderr
    later = UNSENDABLE.replace("date: 2023-03-14\ntotal_certified: 40", "date: 2099-03-14")
    path.write_text(later, encoding="utf-8")
    result = run(["check", str(path)], cwd=project)
    assert "u.yaml:1:7: the release date 2099-03-14 is more than a year away" in result.stderr


def test_partner_logos_print_atop_every_output(project: Path) -> None:
    from PIL import Image

    logos = project / "logos"
    logos.mkdir()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" ' \
        'height="60" fill="#0b5c8a"/></svg>'  # fmt: skip
    (logos / "partner.svg").write_text(svg, "utf-8")
    Image.new("RGB", (120, 40), "#c00").save(logos / "other.png")
    settings = project / "wwc-press.yaml"
    settings.write_text(
        settings.read_text("utf-8")
        + "logos:\n"
        + "  - {file: partner.svg, alt: {en: Partner, es: Socio, pt-BR: Parceiro}}\n"
        + "  - {file: other.png, alt: {en: Other, es: Otro, pt-BR: Outro}}\n",
        "utf-8",
    )
    text = ROUND.replace("about: [results-for-america]", "logos: [other.png]")
    (project / "announcements" / "r.yaml").write_text(text, "utf-8")
    result = run(["build", "--lang", "es", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    folder = project / "dist" / "r"
    page = (folder / "es" / "cities" / "quito-ec.html").read_text("utf-8")
    assert '<img src="../../logos/other.png" alt="Otro">' in page
    assert "partner.svg" not in page  # the announcement picked one
    assert (folder / "logos" / "other.png").read_bytes() == (logos / "other.png").read_bytes()
    import pikepdf

    with pikepdf.open(folder / "es" / "press-release.pdf") as pdf:
        images = list(pdf.pages[0].get_images())
    assert len(images) == 1
    # A logo the settings do not list is refused at its line.
    (project / "announcements" / "r.yaml").write_text(
        text.replace("logos: [other.png]", "logos: [secret.png]"), "utf-8"
    )
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "no logo 'secret.png': partner.svg, other.png" in result.stderr
