"""A release's ending never stands alone on its last page. The Quebec desk (Gatineau's release,
fr-CA) and the Spanish desk (Guadalajara's, es) read a page 2 that held only "More about the
program…: whatworkscities.bloomberg.org", the end mark (-30-, ###) and the media contact, page 1
otherwise full: the ending goes over with at least the paragraph of About before it (release.css).
The rounds below are modeled on the ones the desks read; every release they build is checked."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_round

WEBSITE = "whatworkscities.bloomberg.org"  # the settings' website, on the "more about" line
END_MARK = re.compile(r"^\s*(-30-|###)\s*$")

QUEBEC = """\
date: 2033-10-05
total_certified: 134
counts: {new: 0}
languages: [en, fr-CA]
dateline: {name: Montréal, region: QC, country: CA}
proper_names: [Outaouais]
cities:
  upgraded:
    - {name: Gatineau, region: QC, country: CA, from: silver, level: gold}
  recertified:
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: Winnipeg, region: MB, country: CA, level: silver}
highlights:
  - city: Gatineau
    text:
      en: >-
        Gatineau now ranks its 4,800 oldest rental buildings by tenant complaints and past
        inspections and inspects the riskiest first; in 2032, its inspectors found 1,150 serious
        violations, up from 560 the year before, with the same number of visits.
      fr-CA: "Gatineau classe maintenant ses 4\\u00a0800 immeubles locatifs les plus anciens selon
        les plaintes des locataires et les inspections antérieures, et visite d’abord ceux qui
        présentent le plus de risques. En 2032, ses inspecteurs ont relevé 1\\u00a0150 infractions
        graves, contre 560 l’année précédente, pour un même nombre de visites."
quotes:
  - speaker: Étienne Lavoie-Bergeron
    releases: [Gatineau]
    role:
      en: associate deputy minister of municipal affairs, Government of Quebec
      fr-CA: sous-ministre associé aux Affaires municipales, gouvernement du Québec
    text:
      en: >-
        Gatineau shows what a city can achieve when it lets its own records set its priorities.
        We want more municipalities in Quebec to take the same road, and we will share what
        Gatineau has learned with any that ask.
      fr-CA: >-
        Gatineau montre ce qu’une ville peut accomplir quand elle laisse ses propres données
        guider ses priorités. Nous souhaitons que d’autres municipalités québécoises empruntent
        la même voie, et nous transmettrons ce que Gatineau a appris à toutes celles qui le
        demanderont.
contacts:
  - name: Olivier Desrochers
    title:
      en: Communications adviser, Quebec
      fr-CA: Conseiller en communication, Québec
    organization: Results for America
    email: press@results4america.org
    phone: "+1 514 904 2617"
"""

# Guadalajara alone of the round's cities named; the counts give the rest.
AMERICAS = """\
date: 2033-05-18
total_certified: 134
counts: {new: 10, upgraded: 4, recertified: 3}
languages: [en, es]
embargo: 2033-05-18T11:00:00-04:00
cities:
  new:
    - name: Guadalajara
      region: JAL
      country: MX
      level: gold
      quote:
        speaker: Verónica Lomelí Arriaga
        role:
          en: mayor of Guadalajara
          es: presidenta municipal de Guadalajara
        text:
          en: >-
            We stopped asking which intersections felt dangerous and started counting where people
            were actually getting hurt. The answer was not always the one we expected, and the
            streets we rebuilt are safer because of it.
          es: >-
            Dejamos de preguntarnos qué cruceros parecían peligrosos y empezamos a contar dónde se
            lastimaba realmente la gente. La respuesta no siempre fue la que esperábamos, y las
            calles que rehicimos hoy son más seguras gracias a eso.
highlights:
  - city: Guadalajara
    text:
      en: >-
        Guadalajara compared its crash records with the street design of 120 intersections and
        rebuilt the 35 most dangerous; the number of pedestrians injured there fell 44% in the first
        year.
      es: >-
        Guadalajara comparó sus registros de siniestros viales con el diseño de 120 cruceros y
        rehízo los 35 más peligrosos; en ellos, el número de peatones lesionados bajó un 44 % en el
        primer año.
quotes:
  - speaker: Camila Restrepo Hale
    releases: [new, upgraded]
    role:
      en: director of What Works Cities Certification
      es: directora de la certificación What Works Cities
    text:
      en: >-
        From Lévis to Arequipa, these cities began with the questions their residents were already
        asking, and they changed course when the evidence told them to. Being measured in public
        takes nerve as well as skill, and these city governments have shown both.
      es: >-
        De Lévis a Arequipa, estas ciudades partieron de las preguntas que sus vecinos ya se hacían
        y cambiaron el rumbo cuando la evidencia así lo indicó. Someterse a una evaluación pública
        exige tanto valentía como capacidad, y estos gobiernos locales demostraron tener ambas.
contacts:
  - name:
      en: Press Office
      es: Oficina de prensa
    organization: Results for America
    email: press@results4america.org
    phone: "+1 646 859 2741"
"""

# The release the desk read, its continuation mark and its last page's footer.
READ = {
    "quebec": ("fr-CA/press-release.pdf", "(suite)", "Page 2 de 2"),
    "americas": ("es/cities/guadalajara-jal-mx.pdf", "(sigue)", "Página 2 de 2"),
}


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ending")
    return {
        name: build_round(root, name, text, ["pdf"])
        for name, text in (("quebec", QUEBEC), ("americas", AMERICAS))
    }


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's lines of text as laid out, the running header (its first line) included."""
    raw = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [[line for line in page.splitlines() if line.strip()] for page in raw.split("\f")[:-1]]


def _before_the_ending(page: list[str]) -> list[str]:
    """The lines of ``page`` under its running header and above the release's ending: the "more
    about" line, or the end mark where that line is on an earlier page."""
    body = page[1:]
    ends = [n for n, line in enumerate(body) if WEBSITE in line or END_MARK.match(line)]
    assert ends, page  # the last page carries the ending
    return body[: ends[0]]


@pytest.mark.parametrize("name", sorted(READ))
def test_the_last_page_carries_a_paragraph_with_the_ending(
    rounds: dict[str, Path], name: str
) -> None:
    releases = [pdf for pdf in sorted(rounds[name].rglob("*.pdf")) if pdf.name != "report.pdf"]
    assert len(releases) >= 3  # the program's release in each language, the cities' own
    stranded = []
    for pdf in releases:
        pages = _pages(pdf)
        # A paragraph of About: two lines of text at least (widows), never a heading alone.
        if len(pages) > 1 and len(_before_the_ending(pages[-1])) < 2:
            stranded.append(pdf.relative_to(rounds[name]).as_posix())
    assert stranded == []
    # The release the desk read still runs to two pages, so the check above reads its page 2:
    # "-more-" at the foot of page 1 only, and the pages numbered.
    path, more, footer = READ[name]
    first, last = _pages(rounds[name] / path)
    assert more in first[-1] and more not in " ".join(last)
    assert footer in last[-1]
    assert len(_before_the_ending(last)) >= 2
