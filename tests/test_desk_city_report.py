"""What AP, CP, Latin American, Brazilian and Quebec desks corrected in a city's release, the
report and the About paragraph, read in the built outputs of every language:

- a city is certified in a round, which recognizes its cities; never "in this announcement",
  and no announcement "recognizes" anything (es "ronda", pt-BR "rodada", fr-CA "lors de ce
  cycle": the OQLF keeps "ronde" for negotiations and competitions, and "cohorte" is a group of
  people to Quebec desks);
- the report's key figures and chart list only statuses, levels and countries with cities,
  and the chart's description never names a level with nothing after it;
- a level is described by what the settings record of it, its share of the criteria;
- the About paragraph says what the records say: the program's name of record, with its
  funder's, the year it began, who leads it;
- a date on a card stays on one line;
- a table heads its regions by what they are: provinces, states, or both.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from conftest import ROOT, build_round, html_text, pdf_text

# Every city listed, no counts: the round's size is known. Four new cities (two Canadian, one
# Argentine, one Brazilian) and one renewal; nobody moves up and no city is Platinum.
ROUND = """\
date: 2030-10-15
total_certified: 210
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: Sherbrooke, region: QC, country: CA, level: gold}
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Niterói, region: RJ, country: BR, level: silver}
  recertified:
    - {name: Tulsa, region: OK, country: US, level: gold}
"""

# A Canadian and an Argentine city: a table of provinces only; Rosario at Platinum.
PROVINCES = """\
date: 2030-11-12
total_certified: 212
languages: [en, es, fr-CA]
cities:
  new:
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: Rosario, region: S, country: AR, level: platinum}
"""

# States, a province, a department and a region: a table of four kinds.
MIXED = """\
date: 2030-12-10
total_certified: 216
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Tucson, region: AZ, country: US, level: silver}
    - {name: Campinas, region: SP, country: BR, level: silver}
    - {name: London, region: "ON", country: CA, level: silver}
    - {name: Cali, region: VAC, country: CO, level: silver}
    - {name: Arequipa, region: ARE, country: PE, level: silver}
"""

LANGUAGES = ("en", "es", "pt-BR", "fr-CA")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("city-report")
    return {
        "round": build_round(root, "round", ROUND, ("pdf", "html", "txt")),
        "provinces": build_round(root, "provinces", PROVINCES, ("html", "txt")),
        "mixed": build_round(root, "mixed", MIXED, ("html",), "--only", "report"),
    }


def _text(path: Path) -> str:
    """A wire text's words, its no-break spaces read as spaces."""
    return " ".join(path.read_text("utf-8").replace("\u00a0", " ").split())


# A city's release places it in its round, whose size follows in the same sentence.
ROUND_SENTENCES = [
    ("en", "halifax-ns-ca",
     "Halifax is one of four cities certified for the first time in this round, which "
     "recognizes five cities in all."),
    ("en", "tulsa-ok-us",
     "is the only city to renew its certification in this round, which recognizes five cities "
     "in all."),
    ("es", "rosario-s-ar",
     # "convocatoria", not the calque "ronda" (Spanish desk, reading 16).
     "Rosario es una de las cuatro ciudades que obtienen por primera vez la certificación en "
     "esta convocatoria, en la que se reconoce a cinco ciudades en total."),
    ("pt-BR", "niteroi-rj-br",
     "é uma das quatro cidades certificadas pela primeira vez nesta edição, em que cinco "
     "cidades foram reconhecidas ao todo."),
    ("fr-CA", "halifax-ns-ca",
     "Halifax est l’une des quatre villes certifiées pour la première fois lors de ce "
     "cycle, qui compte cinq villes au total."),
]  # fmt: skip
# What an announcement never does in a city's release: certify, or recognize.
NOT_SAID = {
    "en": ["in this announcement", "the announcement recognizes"],
    "es": ["este anuncio", "el anuncio reconoce"],
    "pt-BR": ["neste anúncio", "o anúncio reconhece"],
    "fr-CA": ["ronde", "cette annonce"],
}


@pytest.mark.parametrize(("lang", "slug", "sentence"), ROUND_SENTENCES)
def test_a_city_is_certified_in_a_round_that_recognizes_the_cities(
    built: dict[str, Path], lang: str, slug: str, sentence: str
) -> None:
    city = built["round"] / lang / "cities" / slug
    assert sentence in _text(city.with_suffix(".txt"))
    assert sentence in pdf_text(city.with_suffix(".pdf")).replace("\u00a0", " ")
    for folder in (built["round"] / lang / "cities").glob("*.txt"):
        said = _text(folder)
        assert not [words for words in NOT_SAID[lang] if words in said], folder.name


def test_quebec_french_says_cycle_in_any_output(built: dict[str, Path]) -> None:
    """Releases, the report's headings and tables, and every page of the round in fr-CA."""
    french = built["round"] / "fr-CA"
    report = pdf_text(french / "report.pdf")
    for heading in ("Toutes les villes de ce cycle", "Ce cycle", "Villes de ce cycle 5",
                    "Villes de ce cycle, par niveau", "Villes de ce cycle, par pays"):  # fmt: skip
        assert heading in report
    assert "cohorte" not in report and "ronde" not in report
    # A renewal is « Renouvellement » (OQLF), in the figures, the chart's legend and the table.
    assert "Renouvellement 1" in report and "Recertification" not in report
    assert re.search(r"Tulsa .{0,60}Renouvellement Or Or", report)
    pages = [*french.rglob("*.html"), *french.rglob("*.txt")]
    assert len(pages) > 4
    assert not [page.name for page in pages if "ronde" in page.read_text("utf-8").casefold()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reports_figures_and_chart_list_only_what_the_round_has(
    built: dict[str, Path], lang: str
) -> None:
    """No "Moved up a level 0", no "Platinum 0" (nobody moves up, nobody is Platinum), and the
    chart's description names only levels with cities, each with its figures."""
    page = (built["round"] / lang / "report.html").read_text("utf-8")
    figures = page[page.index('id="figures"') : page.index('id="chart"')]
    rows = re.findall(r"<th scope=\"row\">([^<]*)</th><td>([^<]*)</td>", figures)
    assert len(rows) >= 6  # statuses, the round, levels, countries, the program to date
    assert [name for name, figure in rows if figure == "0"] == []
    desc = re.search(r'<desc id="chart-desc">([^<]*)</desc>', page)[1]
    items = [item for item in desc.split(". ") if item.strip()]
    assert len(items) == 2  # Gold and Silver
    assert [item for item in items if not re.search(r": \S.* \d", item)] == []
    report = pdf_text(built["round"] / lang / "report.pdf")
    assert not re.search(r"(Platinum|Platino|Platina|Platine) 0", report)


# What a level asks for, from the settings (criteria: 43; Silver 51-67, Platinum 85 or more).
LEVEL_SENTENCES = [
    ("round", "en", "tulsa-ok-us",
     "Gold Certification goes to cities that meet 68% to 84% of the program’s 43 criteria."),
    ("round", "en", "halifax-ns-ca",  # CP: a range names its unit once
     "Silver Certification goes to cities that meet 51 to 67 per cent of the program’s 43 "
     "criteria."),
    ("round", "pt-BR", "niteroi-rj-br",
     "A certificação Prata é concedida às cidades que atendem de 51% a 67% dos 43 critérios do "
     "programa."),
    ("round", "fr-CA", "sherbrooke-qc-ca",
     "La certification Or est décernée aux villes qui remplissent de 68 % à 84 % des 43 critères "
     "du programme."),
    # Argentine readers: Clarín's "85%", the sign joined to its figure (CLDR es_AR).
    ("provinces", "es", "rosario-s-ar",
     "La certificación Platino se otorga a las ciudades que cumplen el 85% o más de los 43 "
     "criterios del programa."),
    ("provinces", "en", "rosario-s-ar",
     "Platinum Certification goes to cities that meet 85% or more of the program’s 43 criteria."),
]  # fmt: skip
# The descriptions of what a level's cities do, which no record states.
CLAIMS = ["leaders in the field", "recognizes cities that", "líderes", "referência na área",
          "chefs de file", "well-managed"]  # fmt: skip


@pytest.mark.parametrize(("name", "lang", "slug", "sentence"), LEVEL_SENTENCES)
def test_a_level_is_described_by_what_the_settings_record(
    built: dict[str, Path], name: str, lang: str, slug: str, sentence: str
) -> None:
    said = _text(built[name] / lang / "cities" / f"{slug}.txt")
    assert sentence in said
    assert not [claim for claim in CLAIMS if claim in said]
    # ... once: the About section does not list every level's thresholds after it, which read
    # as the same sentence twice (AP, Spanish, Brazilian desks, readings 13 to 15).
    figures = re.findall(r"\b43\b", said)
    assert len(figures) == 1, said
    report = html_text(built[name] / lang / "report.html")
    assert not [claim for claim in CLAIMS if claim in report]


ABOUT = {
    "en": ("Bloomberg Philanthropies What Works Cities Certification, which began in 2017 and is "
           "led by Results for America, assesses", ["launched by", "created by"]),
    "es": ("La certificación What Works Cities de Bloomberg Philanthropies, iniciada en 2017 y "
           "dirigida por Results for America, analiza", ["por Bloomberg", "creada"]),
    "pt-BR": ("A certificação What Works Cities da Bloomberg Philanthropies, iniciada em 2017 e "
              "conduzida pela Results for America, analisa", ["pela Bloomberg", "criada"]),
    "fr-CA": ("La certification What Works Cities de Bloomberg Philanthropies, en place depuis "
              "2017 et dirigée par Results for America, examine", ["par Bloomberg", "lancée"]),
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_paragraph_says_only_what_the_records_say(
    built: dict[str, Path], lang: str
) -> None:
    """The program's name of record ("Bloomberg Philanthropies What Works Cities Certification,
    led by Results for America") and the year it began: never that its funder launched it."""
    said, unsaid = ABOUT[lang]
    for page in ("press-release.txt", "cities/halifax-ns-ca.txt", "cities/tulsa-ok-us.txt"):
        path = built["round"] / lang / page
        if path.exists():
            text = _text(path)
            assert said in text, page
            assert not [words for words in unsaid if words in text], page
    assert said in pdf_text(built["round"] / lang / "report.pdf")


REGION_HEADS = {
    "round": {"en": "State or province", "es": "Estado o provincia",
              "pt-BR": "Estado ou província", "fr-CA": "État ou province"},
    "provinces": {"en": "Province", "es": "Provincia", "fr-CA": "Province"},
    # Never "Região" alone, which a Brazilian reads as Sul or Sudeste, nor "Estado ou
    # província" over Peru's region.
    "mixed": {"en": "State, province or region", "es": "Estado, provincia o región",
              "pt-BR": "Estado, província ou região", "fr-CA": "État, province ou région"},
}  # fmt: skip


@pytest.mark.parametrize("name", list(REGION_HEADS))
def test_a_table_heads_its_regions_by_what_they_are(built: dict[str, Path], name: str) -> None:
    """Canadian and Argentine provinces are "Provincia", never "Estado o región"; with US and
    Brazilian states beside them, "Estado o provincia"."""
    for lang, head in REGION_HEADS[name].items():
        page = (built[name] / lang / "report.html").read_text("utf-8")
        heads = re.findall(r"<th scope=\"col\">\s*([^<]*?)\s*</th>", page)
        assert heads[1] == head, (lang, heads)


CARDS = {"en": "Halifax", "es": "Rosario", "pt-BR": "Niterói", "fr-CA": "Halifax"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_date_on_a_card_stays_on_one_line(
    built: dict[str, Path], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report's link preview ("informe del 15 de octubre / de 2030" broke its date) and a
    city's card, as the build composes them: the card's page, which the PNG is drawn from."""
    from wwc_press import publish
    from wwc_press.languages import profile
    from wwc_press.plan import plan
    from wwc_press.project import Project
    from wwc_press.render import Renderer

    pages: list[str] = []
    real = publish.pdf_bytes
    monkeypatch.setattr(publish, "pdf_bytes", lambda html, *a, **k: pages.append(html) or real(
        html, *a, **k))  # fmt: skip
    source = built["round"].parent / "round.yaml"
    with contextlib.chdir(ROOT):
        target = Project(ROOT)
        [announcement] = target.load([source])
        outputs = plan(announcement, [lang], ["png"])
        report = next(o for o in outputs if o.kind == "report")
        city = next(o for o in outputs if o.city is not None and o.city.name == CARDS[lang])
        renderer = Renderer(target)
        renderer.cards(announcement, report)
        renderer.cards(announcement, city)
    date = profile(lang).long_date(announcement.date)
    [preview, *squares] = pages
    lines = [re.sub(r"\s+", " ", line) for line in re.findall(r'class="line">([^<]*)<', preview)]
    assert len(lines) > 1 and [line for line in lines if date in line], (date, lines)
    for card in squares:  # the city's: its date whole, on the organization's line or its own
        meta = card.replace("\u00a0", " ").split('<p class="meta">')[1].split("</p>")[0]
        parts = re.findall(r'class="line">([^<]*)<', meta)
        assert [part for part in parts if part.endswith(date)], (date, parts)
        assert not [part for part in parts if part.rstrip().endswith("·")], parts


def test_a_cards_organization_and_date_share_a_line_only_where_they_fit() -> None:
    """A square card had "Results for America ·" at a line's end, its date below."""
    from wwc_press.formats.cards import meta_lines

    templates = ROOT / "templates"
    date = "17 de noviembre de 2032"
    assert meta_lines("Results for America", date, templates, 1080, 1080) == [
        "Results for America",
        date,
    ]
    assert meta_lines("Results for America", date, templates, 1200, 630) == [
        f"Results for America · {date}"
    ]
