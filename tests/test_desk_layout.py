"""What a native desk still sent back, read on the built outputs of a round in all four languages:
lines that end in a hyphen while the rest of the word would have fit on them.

The round has the long paragraphs and the italic quote where such lines were seen ("contin- /
ues", "cida- / des", "efici- / ente"), in English, Spanish, Brazilian Portuguese and Canadian
French, and a city release in each language that has one.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import run

ROUND = """\
date: 2025-02-20
languages: [en, es, pt-BR, fr-CA]
embargo: 2025-02-20T10:00:00-05:00
cities:
  new:
    - {name: San José, region: SJ, country: CR, level: silver, names: {en: San Jose}}
    - {name: New York City, region: NY, country: US, level: gold}
  upgraded:
    - {name: Montevideo, country: UY, from: gold, level: platinum}
  recertified:
    - name: Ciudad de Guatemala
      region: "01"
      country: GT
      level: silver
      names: {en: Guatemala City, pt-BR: Cidade da Guatemala}
highlights:
  - text:
      en: >-
        Interest keeps growing: more than 170 cities have applied for the certification since the
        program began in 2017, and the community continues to grow, bringing together an
        extraordinary set of localities that are exemplary in utilizing data to enrich their
        communities and to understand the effectiveness of their programs.
      es: >-
        El interés no deja de crecer: más de 170 ciudades han solicitado la certificación desde que
        el programa comenzó en 2017, y la comunidad sigue creciendo y reúne a un conjunto
        extraordinario de municipios que son ejemplares en el uso de los datos para enriquecer sus
        comunidades y comprender la eficiencia de sus programas.
      pt-BR: >-
        O interesse não para de crescer: mais de 170 cidades se candidataram à certificação desde o
        início do programa, em 2017, e a comunidade continua crescendo e reúne um conjunto
        extraordinário de municípios que são exemplares no uso de dados para enriquecer suas
        comunidades e compreender a eficiência de seus programas.
      fr-CA: >-
        L'intérêt ne se dément pas : plus de 170 villes ont demandé la certification depuis le
        lancement du programme en 2017, et la communauté continue de grandir en réunissant un
        ensemble exceptionnel de municipalités exemplaires dans l'utilisation des données pour
        enrichir leurs collectivités et comprendre l'efficacité de leurs programmes.
quotes:
  - speaker: Rochelle Haynes
    releases: [new, upgraded, recertified]
    role:
      en: managing director of What Works Cities Certification
      es: directora general de la certificación What Works Cities
      pt-BR: diretora-geral da certificação What Works Cities
      fr-CA: directrice générale de la certification What Works Cities
    text:
      en: >-
        The Bloomberg Philanthropies What Works Cities Certification community continues to grow,
        bringing together an extraordinary set of localities that are exemplary in utilizing data
        to enrich their communities.
      es: >-
        La comunidad de la certificación What Works Cities de Bloomberg Philanthropies sigue
        creciendo y reúne a un conjunto extraordinario de municipios que son ejemplares en el uso
        de los datos para enriquecer sus comunidades.
      pt-BR: >-
        A comunidade da certificação What Works Cities da Bloomberg Philanthropies continua
        crescendo e reúne um conjunto extraordinário de municípios que são exemplares no uso de
        dados para enriquecer suas comunidades.
      fr-CA: >-
        La communauté de la certification What Works Cities de Bloomberg Philanthropies continue
        de grandir et réunit un ensemble exceptionnel de municipalités qui font un usage exemplaire
        des données pour enrichir leurs collectivités.
"""

LANGUAGES = ["en", "es", "pt-BR", "fr-CA"]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dist/desk`` of the round, in every format."""
    root = tmp_path_factory.mktemp("layout")
    (root / "desk.yaml").write_text(ROUND, encoding="utf-8")
    result = run(["build", str(root / "desk.yaml"), "--out", str(root)])
    assert result.exit_code == 0, result.output
    return root / "desk"


# Typesetting


def _laid_out(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's lines as pdftotext lays them out: per line, its words with their left and
    right edges in points."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    word = r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
    return [
        [
            [(float(a), float(b), unescape(text)) for a, b, text in re.findall(word, line)]
            for line in re.findall(r"<line\b[^>]*>(.*?)</line>", page, re.S)
        ]
        for page in xhtml.split("<page ")[1:]
    ]


# A word broken at a line's end: letters, then the hyphen (not a mark such as "-more-", "-30-").
_BROKEN = re.compile(r"^(?![-\u2010]).*\w[-\u2010]$")


def test_a_line_that_ends_in_a_hyphen_is_full(desk: Path) -> None:
    """A line ends in a hyphen only when the rest of the word would not have fit on it.

    The measure is the word's own remainder, the first word of the next line: if the room left
    at the end of the hyphenated line (to the page's right edge, the widest line of the page) is
    wider than it, the word was broken for nothing. Measured on this round: before the fix,
    such lines ended 36 to 152 pt short, each with room for the whole remainder ("contin- / ues"
    80 pt short, "ues" 15 pt wide); after it, the widest room left before a hyphen is 26 pt,
    always narrower than the remainder. The room is also checked against 3 em of body text
    (33 pt), the widest a syllable and its hyphen can leave, so that a line ending far short
    is caught even when the next word is long.
    """
    checked: dict[str, int] = {}
    short = []
    for language in LANGUAGES:
        for pdf in sorted((desk / language).rglob("*.pdf")):
            for page in _laid_out(pdf):
                right = max(word[1] for line in page for word in line)
                for line, following in zip(page, page[1:], strict=False):
                    if not line or not following or not _BROKEN.search(line[-1][2]):
                        continue
                    room = right - line[-1][1]
                    remainder = following[0][1] - following[0][0]
                    checked[language] = checked.get(language, 0) + 1
                    if room >= remainder or room > 33:
                        text = " ".join(word[2] for word in line)[-60:]
                        where = f"{pdf.relative_to(desk)}: …{text} / {following[0][2]}"
                        short.append(f"{where} ({room:.0f} pt left, {remainder:.0f} pt needed)")
    assert short == []
    # Words were broken at line ends in every language, so the measure saw them.
    assert all(checked.get(language, 0) >= 3 for language in LANGUAGES), checked


def test_a_word_too_long_for_any_line_still_wraps_in_print(tmp_path: Path) -> None:
    """Print sets hyphenated text without ``overflow-wrap``: a run of letters longer than the
    column is given break opportunities of its own, and prints whole, on the page, with no
    hyphen added and nothing between its letters when copied."""
    word = "x" * 300
    text = ROUND.replace("Interest keeps growing:", f"The code is {word}, and")
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    args = ["build", str(tmp_path / "long.yaml"), "--out", str(tmp_path), "--format", "pdf"]
    result = run([*args, "--lang", "en", "--only", "release"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "long" / "en" / "press-release.pdf"
    pages = _laid_out(pdf)
    pieces = [w for page in pages for line in page for w in line if set(w[2]) <= {"x", ","}]
    assert len(pieces) >= 4  # broken over several lines
    assert "".join(w[2] for w in pieces).rstrip(",") == word  # whole, no hyphen
    assert max(w[1] for w in pieces) <= 612 - 72 + 1  # within the right margin (1 in)
