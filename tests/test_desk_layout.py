"""What a native desk still sent back, read on the built outputs of a round in all four languages:
words hyphenated at a line's end ("contin- / ues", though ragged copy needs no word breaks),
and a city named two ways in one language (the report's table against its text, "New York
City" in Spanish).

The round has the long paragraphs and the italic quote where such lines were seen ("contin- /
ues", "cida- / des", "efici- / ente"), and cities whose names differ by language: San José
(Costa Rica), New York City, Montevideo and Guatemala City, in English, Spanish, Brazilian
Portuguese and Canadian French, with a city release in each language that has one.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import broken_words, html_text, pdf_text, run

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


def test_no_word_is_hyphenated_at_a_line_or_a_page_end(desk: Path) -> None:
    """Ragged copy needs no word breaks (release.css): no line ends on a word's head and a
    hyphen the word is not written with ("contin- / ues", "cida- / des", "efici- / ente", seen
    in this round), and no page does ("mea-" / -more- / "sured", struck by a CP desk), in any
    language, in the releases, the cities' releases and the report. Before, 28 lines of this
    round's PDFs ended so: 3 in English, 17 in Spanish, 8 in Portuguese."""
    broken, read = [], dict.fromkeys(LANGUAGES, 0)
    for language in LANGUAGES:
        for pdf in sorted((desk / language).rglob("*.pdf")):
            found, lines = broken_words(pdf, html_text(pdf.with_suffix(".html")))
            broken += found
            read[language] += lines
    assert broken == []
    assert all(lines > 100 for lines in read.values()), read  # every language's lines were read


def test_no_paragraph_ends_on_the_tail_of_a_hyphenated_word(desk: Path) -> None:
    """A paragraph's last word is never hyphenated: no last line holds only "try." after
    "coun-" (seen in the English release before)."""
    runts = []
    for language in LANGUAGES:
        for pdf in sorted((desk / language).rglob("*.pdf")):
            xhtml = subprocess.run(
                ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            for block in re.findall(r"<block\b.*?</block>", xhtml, re.S):
                lines = [re.findall(r"<word [^>]*>(.*?)</word>", line)
                         for line in re.findall(r"<line\b.*?</line>", block, re.S)]  # fmt: skip
                if len(lines) >= 2 and len(lines[-1]) == 1 and _BROKEN.search(lines[-2][-1]):
                    runts.append(f"{pdf.relative_to(desk)}: {lines[-2][-1]} / {lines[-1][0]}")
    assert runts == []


ADDRESS = "communications.office@whatworkscities.bloomberg.org"  # 51 characters


def test_a_word_too_long_for_any_line_still_wraps_in_print(tmp_path: Path) -> None:
    """Print sets hyphenated text without ``overflow-wrap``: a run of letters longer than the
    column is given break opportunities of its own, and prints whole, on the page, with no
    hyphen added and nothing between its letters when copied; a long address breaks only after
    its "@" or before a dot."""
    word = "x" * 300
    addresses = " ".join(["Write to", ADDRESS, "or"] * 6)
    text = ROUND.replace("Interest keeps growing:", f"The code is {word}. {addresses} see:")
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    args = ["build", str(tmp_path / "long.yaml"), "--out", str(tmp_path), "--format", "pdf"]
    result = run([*args, "--lang", "en", "--only", "release"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "long" / "en" / "press-release.pdf"
    lines = [line for page in _laid_out(pdf) for line in page if line]
    pieces = [w for line in lines for w in line if set(w[2]) <= {"x", "."}]
    assert len(pieces) >= 4  # broken over several lines
    assert "".join(w[2] for w in pieces).rstrip(".") == word  # whole, no hyphen
    assert max(w[1] for line in lines for w in line) <= 612 - 72 + 1  # within the 1 in margin
    # Each address whole when copied, broken (if at all) only at its "@" or before a dot.
    ends = [(line[-1][2], after[0][2]) for line, after in zip(lines, lines[1:], strict=False)]
    split = [(end, start) for end, start in ends if end != ADDRESS and (end + start) in ADDRESS]
    assert split  # some addresses did fall at line ends
    assert [(e, s) for e, s in split if not (e.endswith("@") or s.startswith("."))] == []
    assert "".join(pdf_text(pdf).split()).count(ADDRESS) == 6  # lines joined, nothing between


# One form of each name per language

# Each city's one form in each language, as the round's text, tables and datelines print it:
# the file's spelling where it gives one (San Jose in English, Cidade da Guatemala in
# Portuguese), else the language's own name for the city (CLDR: Nueva York, Nova York,
# Montevidéu), else the residents' name.
FORMS = {
    "en": ["San Jose", "New York City", "Montevideo", "Guatemala City"],
    "es": ["San José", "Nueva York", "Montevideo", "Ciudad de Guatemala"],
    "pt-BR": ["San José", "Nova York", "Montevidéu", "Cidade da Guatemala"],
    "fr-CA": ["San José", "New York", "Montevideo", "Ciudad de Guatemala"],
}
# The program's dateline (the settings' New York): AP's stand-alone "NEW YORK" in English.
DATELINES = {
    "en": "NEW YORK, Feb. 20, 2025 —",
    "es": "NUEVA YORK, 20 de febrero de 2025.—",
    "pt-BR": "NOVA YORK, 20 de fevereiro de 2025 –",
    "fr-CA": "NEW YORK, le 20 février 2025 –",
}


def _words(path: Path) -> str | None:
    """The words of an output as its reader sees them, whatever its format."""
    import email
    import zipfile
    from email import policy

    from conftest import html_text

    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".html":
        return html_text(path)
    if path.suffix == ".docx":
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        text = unescape(re.sub(r"<w:p\b", " <w:p", xml))
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))
    if path.suffix == ".eml":
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        parts = [str(message["Subject"])]
        parts += [p.get_content() for p in message.walk() if p.get_content_type() == "text/plain"]
        return re.sub(r"\s+", " ", " ".join(parts))
    if path.suffix == ".txt":  # wire text, and the cards' alt text
        return re.sub(r"\s+", " ", path.read_text("utf-8"))
    return None


def _table_cities(report: Path, table: int) -> list[str]:
    """The city column of the report's ``table``-th table of cities, from its HTML page."""
    page = report.read_text("utf-8")
    body = re.findall(r'<table class="cities">.*?<tbody>(.*?)</tbody>', page, re.S)[table]
    cells = re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>", body, re.S)
    return [re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", cell))).strip() for cell in cells]


def _has(text: str, name: str) -> bool:
    """Whether ``name`` is in ``text`` as whole words, in any case (datelines are capitals)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_city_has_one_form_in_every_output_of_a_language(desk: Path, language: str) -> None:
    forms = FORMS[language]
    others = {name for names in FORMS.values() for name in names} - set(forms)
    others = {o for o in others if not any(_has(form, o) for form in forms)}  # "New York" in en
    # The report's table of this announcement's cities, its text and the release say the same.
    assert sorted(_table_cities(desk / language / "report.html", 0)) == sorted(forms)
    for kind in ("report.pdf", "press-release.pdf", "press-release.txt"):
        text = _words(desk / language / kind)
        assert text is not None
        assert [form for form in forms if not _has(text, form)] == [], kind
    # No other language's form anywhere, in any format: text, tables, datelines, cards' alt text.
    seen = {}
    for path in sorted((desk / language).rglob("*")):
        text = _words(path)
        if text is None:
            continue
        found = [name for name in others if _has(text, name)]
        if found:
            seen[str(path.relative_to(desk))] = found
    assert seen == {}
    assert DATELINES[language] in _words(desk / language / "press-release.txt")


def test_new_york_city_is_new_york_in_its_own_ap_dateline(desk: Path) -> None:
    """AP: New York is a dateline city that stands alone, and a dateline drops "City"; the text
    keeps the city's name."""
    text = _words(desk / "en" / "cities" / "new-york-city-ny-us.txt")
    assert "NEW YORK, Feb. 20, 2025 — New York City has earned" in text
    assert "NEW YORK CITY" not in text


# Embargo

# The running header of an embargoed report after its cover: the releases' embargo line, in the
# readers' one time: Brazil's legal time for Brazilian readers, else the program's own.
RUNNING = {
    "en": "Embargoed until 10 a.m. EST, Feb. 20, 2025",
    "es": "Bajo embargo hasta el 20 de febrero de 2025 a las 10:00 (hora de Nueva York)",
    "pt-BR": "Sob embargo até 20 de fevereiro de 2025, às 12h (horário de Brasília)",
    "fr-CA": "Sous embargo jusqu’au 20 février 2025, 10 h (heure de l’Est)",
}


def _spaced(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()  # no-break spaces hold "10 h" together


def _pages(pdf: Path) -> list[str]:
    """Each page's words, as pdf_text reads a whole PDF."""
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = re.sub(r"\u2010\n", "", raw).replace("\u2010", "-").split("\f")
    return [_spaced(page) for page in pages if page.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_embargoed_report_says_so_on_its_cover_and_atop_every_page(
    desk: Path, language: str
) -> None:
    from conftest import html_text

    release = _spaced((desk / language / "press-release.txt").read_text("utf-8").splitlines()[0])
    assert release.startswith(RUNNING[language].split(" 20")[0])  # the release's embargo line
    cover, *pages = _pages(desk / language / "report.pdf")
    assert release in cover  # the release's own line, word for word
    assert len(pages) >= 3
    assert [n for n, page in enumerate(pages, 2) if RUNNING[language] not in page] == []
    assert release in _spaced(html_text(desk / language / "report.html"))  # the web page's cover


def test_a_report_without_an_embargo_says_nothing_of_one(round_2024: Path) -> None:
    for language in ("en", "es", "pt-BR"):
        text = pdf_text(round_2024 / language / "report.pdf")
        assert not re.search("embargo", text, re.I), language
