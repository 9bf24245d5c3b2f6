"""Line breaks the native desks struck in reading 8, read on built PDFs (pdftotext's blocks and
lines) in every language of the rounds: a paragraph's last line never holds one word ("Cusco /
(Peru)."), no line inside a paragraph holds one ("… met les données / et / les éléments…"), a
city's name and its state are never split ("San / Pedro Garza García", "São José dos / Campos",
"North / Carolina"), nor a range of figures ("de 68% a / 84%"); display text is never
hyphenated ("certifica-/ção" on a report's cover); a card keeps a place and its qualifier
("Saint John, / N.B.", "Albuquerque, New / Mexico,") and a phrasal verb ("moves / up").

The April 2030 round is the one the desks read (tests/rounds); the Canadian one is cut down from
theirs to the cities whose lines they struck.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import ROOT, build_round

NBSP = "\u00a0"

CANADA = """\
date: 2030-10-15
total_certified: 196
counts: {recertified: 0}
languages: [en, es, fr-CA]
embargo: 2030-10-15T11:00:00-04:00
cities:
  new:
    - {name: Saint John, region: NB, country: CA, level: silver}
    - {name: Winston-Salem, region: NC, country: US, level: silver}
  upgraded:
    - {name: Winnipeg, region: MB, country: CA, from: silver, level: gold}
    - {name: San Pedro Garza García, region: NLE, country: MX, from: silver, level: gold}
    - {name: Albuquerque, region: NM, country: US, from: gold, level: platinum}
"""

# Every multi-word name of the rounds' cities and states, as the languages print them.
NAMES = (
    "San Pedro Garza García", "São José dos Campos", "Viña del Mar", "Juiz de Fora",
    "Bahía Blanca", "San Isidro", "Saint John", "North Carolina", "Carolina do Norte",
    "Carolina del Norte", "Caroline du Nord", "New Mexico", "Novo México", "Nuevo México",
    "Nouveau-Mexique", "Nuevo León", "New Brunswick", "Nouveau-Brunswick",
)  # fmt: skip


@pytest.fixture(scope="module")
def americas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = (ROOT / "tests" / "rounds" / "2030-04-americas.yaml").read_text("utf-8")
    root = tmp_path_factory.mktemp("desk")
    args = ("--only", "release", "--only", "report")
    return build_round(root, "2030-04-americas", text, ["pdf", "docx"], *args)


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("desk"), "canada", CANADA, ["pdf", "docx"])


def _blocks(pdf: Path) -> list[list[str]]:
    """The PDF's text blocks (paragraphs, table cells) as pdftotext finds them: their lines."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    ns = "{http://www.w3.org/1999/xhtml}"
    blocks = []
    for block in ElementTree.fromstring(xml).iter(f"{ns}block"):
        lines = [[w.text or "" for w in line.iter(f"{ns}word")] for line in block.iter(f"{ns}line")]
        blocks.append([" ".join(words) for words in lines])
    return blocks


def _all_blocks(*folders: Path) -> list[tuple[str, list[str]]]:
    return [
        (str(pdf.relative_to(folder)), lines)
        for folder in folders
        for pdf in sorted(folder.rglob("*.pdf"))
        for lines in _blocks(pdf)
    ]


def test_a_paragraphs_last_line_never_holds_one_word(americas: Path, canada: Path) -> None:
    """Book and press typesetting: "Cusco / (Peru).", "nível / Prata.", "What Works Cities /
    Certification." leave a word alone on a paragraph's last line."""
    blocks = _all_blocks(americas, canada)
    alone = [
        (name, lines[-2][-30:], lines[-1])
        for name, lines in blocks
        if len(lines) > 1 and len(lines[-1].split()) == 1 and lines[-1].endswith(".")
    ]
    assert alone == []
    # The paragraphs are there, several lines long, in every language.
    ends = {name.split("/")[0] for name, lines in blocks if len(lines) > 2}
    assert ends >= {"en", "es", "pt-BR", "fr-CA"}


def test_no_line_inside_a_paragraph_holds_one_word(americas: Path, canada: Path) -> None:
    """ "… dont la Ville met les données / et / les éléments probants…": WeasyPrint broke a
    line after one word when a paragraph's last line carried the template's trailing space."""
    alone = [
        (name, lines[k - 1][-25:], line, lines[k + 1][:25])
        for name, lines in _all_blocks(americas, canada)
        for k, line in enumerate(lines[1:-1], 1)
        if len(line.split()) == 1 and line[:1].islower()
    ]
    assert alone == []


def _split_names(*folders: Path) -> list[tuple[str, str, str]]:
    found = []
    for name, lines in _all_blocks(*folders):
        for first, second in zip(lines, lines[1:], strict=False):
            for city in NAMES:
                words = city.split()
                for cut in range(1, len(words)):
                    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                    if first.endswith(head) and second.startswith(tail):
                        found.append((name, first[-30:], second[:30]))
    return found


def test_a_city_or_state_name_is_never_split(americas: Path, canada: Path) -> None:
    """AP, CP, Estadão: "San / Pedro Garza García", "São José dos / Campos" (a release and a
    report's table), "North / Carolina" split one name, in every language; Word holds them with
    no-break spaces too."""
    assert _split_names(americas, canada) == []
    for folder, lang, city in (
        (canada, "en", "San Pedro Garza García"),
        (canada, "es", "San Pedro Garza García"),
        (americas, "pt-BR", "São José dos Campos"),
        (americas, "es", "São José dos Campos"),
    ):
        with zipfile.ZipFile(folder / lang / "press-release.docx") as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert city.replace(" ", NBSP) in xml, (lang, city)
        assert city not in xml, (lang, city)


def test_display_text_is_never_hyphenated(americas: Path) -> None:
    """A report's cover (its title, embargo line and the round's headline) and every heading are
    never hyphenated: "certifica-/ção What Works Cities" on the Portuguese cover."""
    for lang in ("en", "es", "pt-BR"):
        cover = subprocess.run(
            ["pdftotext", "-l", "1", "-enc", "UTF-8", str(americas / lang / "report.pdf"), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        lines = [line.strip() for line in cover.splitlines() if line.strip()]
        assert len(lines) > 4, lines  # the cover's texts, over several lines
        assert [line for line in lines if re.search(r"\w[-\u2010]$", line)] == [], lang


def test_a_range_of_figures_stays_on_one_line(americas: Path, canada: Path) -> None:
    """ "de 68% a / 84%" reads as two figures: the About paragraph's ranges stay whole."""
    broken = [
        (name, first[-20:], second[:12])
        for name, lines in _all_blocks(americas, canada)
        for first, second in zip(lines, lines[1:], strict=False)
        if re.search(r"\d\s?%?\s(?:a|à|al|to|y|y el|e|et)$", first) and second[:1].isdigit()
    ]
    assert broken == []
    about = (americas / "pt-BR" / "press-release.docx").read_bytes()
    with zipfile.ZipFile(__import__("io").BytesIO(about)) as docx:
        assert f"68%{NBSP}a{NBSP}84%" in docx.read("word/document.xml").decode("utf-8")


def test_a_card_keeps_a_place_its_qualifier_and_its_verb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CP and AP: "Saint John, / N.B., earns", "Albuquerque, New / Mexico,", "Winston-Salem,
    North / Carolina," split a place; "moves / up" a verb. A short place stays one unit; a long
    one breaks before its state, if anywhere; "moves up" is never alone on a line."""
    from wwc_press.formats import cards

    laid: list[list[str]] = []
    lines_of = cards.headline_lines

    def recording(*args, **kwargs):
        size, lines = lines_of(*args, **kwargs)
        laid.append(lines)
        return size, lines

    monkeypatch.setattr(cards, "headline_lines", recording)
    args = ("--lang", "en", "--only", "cities", "--jobs", "1")
    build_round(tmp_path, "canada", CANADA, ["png"], *args)
    assert len(laid) == 10  # five cities, two sizes
    text = [[line.replace(NBSP, " ") for line in lines] for lines in laid]
    for lines in text:
        assert not [line for line in lines if line in ("moves up", "moves")], lines
        for first, second in zip(lines, lines[1:], strict=False):
            assert not re.search(r"\b(?:New|North|Saint|John,|moves)$", first), lines
            assert not second.startswith(("N.B.", "up ")), lines
    assert any("Saint John, N.B., earns" in line for lines in text for line in lines)
