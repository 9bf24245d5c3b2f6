"""The report and the city releases: every output of an announcement, in every language."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest

from wwc_press.model import Announcement
from wwc_press.plan import city_slugs

from conftest import ROOT, SAMPLE_ID, build_round, html_text, illustrative_project, pdf_text, run

CITIES = [
    "Carlsbad", "Charleston", "Buenos Aires", "Córdoba", "Fortaleza", "Mogi das Cruzes",
    "Chicago", "Cincinnati", "Henderson", "San Antonio", "Scottsdale", "South Bend", "Syracuse",
    "Arlington", "Cambridge", "Memphis", "Seattle", "Washington", "Bellingham", "Denver",
]  # fmt: skip
LABELS = {
    # The regions given are US and Brazilian states (the Argentine and Uruguayan cities have
    # none): the table's head says so. A city that moved up is "Avanço de nível" in Portuguese
    # ("Subida de nível" read as a game's word: Brazilian desk, readings 21 to 26).
    "en": [
        "Contents",
        "Key figures",
        "First certification",
        "City State Country",
        "Moved up a level",
    ],
    "es": [
        "Índice",
        "Cifras clave",
        "Primera certificación",
        "Ciudad Estado País",
        "Ascenso de nivel",
    ],
    "pt-BR": [
        "Sumário",
        "Números principais",
        "Primeira certificação",
        "Cidade Estado País",
        "Avanço de nível",
    ],
}


def _pages(pdf: Path) -> list[str]:
    count = len(pypdf.PdfReader(pdf).pages)
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for n in range(1, count + 1)
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_report_has_every_city_figures_and_a_chart(sample: Path, lang: str) -> None:
    pdf = sample / lang / "report.pdf"
    assert len(pypdf.PdfReader(pdf).pages) >= 3
    text = pdf_text(pdf)
    for city in CITIES + ["Montevidéu" if lang == "pt-BR" else "Montevideo"]:
        assert city in text
    for label in LABELS[lang]:
        assert label in text
    html = (sample / lang / "report.html").read_text("utf-8")
    chart = re.search(r'<svg class="chart".*?</svg>', html, re.S)
    assert chart and chart[0].count("<rect") >= 6
    assert LABELS[lang][2] in chart[0]  # the legend is in the language
    assert "%(" not in text and "{{" not in text


def _check_contents_and_headers(pdf: Path, header: str) -> int:
    """The contents' page numbers point at their headings; the table header is on each page."""
    pages = _pages(pdf)
    # The contents share page 2 with the key figures: read entries up to the first heading.
    entries: list[tuple[str, str]] = []
    for line in pages[1].splitlines():
        if entries and line.strip() == entries[0][0]:
            break
        entries += re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
    assert len(entries) >= 4
    for title, number in entries:
        target = pages[int(number) - 1]
        body = "\n".join(target.splitlines()[2:])  # below the running header
        assert title in body, (title, number)
    table_pages = [p for p in pages if re.search(r"^\s*(Town|Carlsbad)\b", p, re.M)]
    assert table_pages and all(header in " ".join(p.split()) for p in table_pages)
    return len(table_pages)


def test_sample_report_contents_point_at_the_right_pages(sample: Path) -> None:
    _check_contents_and_headers(sample / "en" / "report.pdf", "City State Country")


def test_long_report_repeats_its_table_header(tmp_path: Path) -> None:
    lines = ["date: 2024-05-02", "total_certified: 300", "cities:", "  new:"]
    lines += [f"    - {{name: Town {i:03d}, country: US, level: silver}}" for i in range(150)]
    (tmp_path / "long.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    args = ["build", str(tmp_path / "long.yaml"), "--only", "report", "--format", "pdf"]
    assert run([*args, "--lang", "es", "--out", str(tmp_path)], cwd=ROOT).exit_code == 0
    pdf = tmp_path / "long" / "es" / "report.pdf"
    assert _check_contents_and_headers(pdf, "Región") >= 3  # no region given: the generic head
    text = pdf_text(pdf)
    assert all(f"Town {i:03d}" in text for i in range(150))


def test_city_releases_in_english_and_the_citys_language(sample: Path) -> None:
    def slugs(lang: str) -> set[str]:
        return {p.stem for p in (sample / lang / "cities").glob("*.pdf")}

    assert len(slugs("en")) == 21
    assert slugs("es") == {"buenos-aires-ar", "cordoba-ar", "montevideo-uy"}
    assert slugs("pt-BR") == {"fortaleza-ce-br", "mogi-das-cruzes-sp-br"}
    for lang in ("en", "es", "pt-BR"):
        html = {p.stem for p in (sample / lang / "cities").glob("*.html")}
        assert html == slugs(lang)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("pt-BR/cities/fortaleza-ce-br.pdf", [
            "Fortaleza conquista a certificação Ouro do What Works Cities",  # (CE) in the dateline
            "FORTALEZA, 21 de junho de 2023 –",
            "A certificação Ouro é concedida às cidades que atendem de 68% a 84% dos 43 critérios",
            "reduziu em 57% as mortes",
            # One of the round's seven new cities, among 21 in all.
            "Fortaleza é uma das sete cidades certificadas pela primeira vez nesta edição, em "
            "que 21 cidades foram reconhecidas ao todo.",
        ]),
        ("es/cities/cordoba-ar.pdf", [
            # EFE: the country after any city but a capital, in its own release too; no
            # province in the lead (Córdoba is the capital of Córdoba).
            "Córdoba obtiene la certificación Plata de What Works Cities",
            "CÓRDOBA (Argentina), 21 de junio de 2023.— Córdoba obtuvo",
            # The city is the news: the subject of the lead, a first in its country, named.
            # ... and the attribution last (AP: between the news and its reason, it read as
            # the reason for announcing).
            "Córdoba obtuvo la certificación Plata de What Works Cities en reconocimiento a la "
            "manera en que la ciudad pone los datos y la evidencia al servicio de sus habitantes, "
            "anunció hoy Results for America.",
            "Córdoba está entre las primeras ciudades argentinas en obtener la certificación",
        ]),
        ("en/cities/henderson-nv-us.pdf", [
            "Henderson, Nevada, moves up to What Works Cities Gold Certification",
            "HENDERSON, Nev., June 21, 2023 —",
            # The dateline gives the state: the lead names the city alone.
            "Henderson has moved up from Silver to What Works Cities Gold Certification in "
            "recognition of how the city uses data and evidence to serve its residents, Results "
            "for America announced today.",
        ]),
        ("en/cities/washington-dc-us.pdf", [
            "Washington, D.C., renews its What Works Cities Gold Certification",
            "WASHINGTON, June 21, 2023 —",  # AP: a dateline city that stands alone
        ]),
    ],
)  # fmt: skip
def test_city_release_reads_as_the_citys_own(sample: Path, path: str, expected: list[str]) -> None:
    text = pdf_text(sample / path)
    for phrase in expected:
        assert phrase in text
    assert "%(" not in text and "{{" not in text and "None" not in text


def test_slugs_are_ascii_stable_and_unique() -> None:
    import datetime

    a = Announcement.model_validate(
        {
            "date": datetime.date(2024, 1, 1),
            "total_certified": 9,
            "cities": {
                "new": [
                    {"name": "Córdoba", "country": "AR", "level": "gold"},
                    {"name": "Cordoba", "country": "AR", "level": "gold"},
                    {"name": "São Paulo", "region": "SP", "country": "BR", "level": "gold"},
                    {"name": "Ωмега", "country": "US", "region": "CA", "level": "gold"},
                ]
            },
        }
    )
    slugs = [slug for _, slug in city_slugs(a)]
    assert len(set(slugs)) == 4
    assert slugs[0] == "cordoba-ar" and slugs[2] == "sao-paulo-sp-br"
    assert slugs[1].startswith("cordoba-ar-") and slugs[3].startswith(
        "ca-us-"
    )  # no Latin letter: a hash
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)


def test_only_narrows_the_build(tmp_path: Path) -> None:
    sample = f"announcements/{SAMPLE_ID}.yaml"
    result = run(["build", sample, "--only", "report", "--format", "html", "--out", str(tmp_path)])
    assert result.exit_code == 0
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    assert files == [
        "2023-06-international/en/report.html",
        "2023-06-international/es/report.html",
        "2023-06-international/index.html",
        "2023-06-international/pt-BR/report.html",
        "index.html",  # every announcement built, by headline
    ]


def test_a_city_quote_prints_in_that_citys_release_only(project: Path) -> None:
    text = """\
date: 2024-03-05
cities:
  new:
    - name: Recife
      region: PE
      country: BR
      level: gold
      quote:
        speaker: Ana Souza
        role: {en: data officer of Recife, es: responsable de datos de Recife,
               pt-BR: gerente de dados do Recife}
        text: {en: Data changed how we work., es: Los datos cambiaron nuestro trabajo.,
               pt-BR: Os dados mudaram nosso trabalho.}
    - {name: Quito, country: EC, level: silver}
"""
    (project / "announcements" / "q.yaml").write_text(text, "utf-8")
    result = run(["build", "--format", "html", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    folder = project / "dist" / "q"
    recife = html_text(folder / "pt-BR" / "cities" / "recife-pe-br.html")
    assert "“Os dados mudaram nosso trabalho”, afirma Ana Souza, gerente de dados do Recife." in (
        recife
    )
    quito = html_text(folder / "es" / "cities" / "quito-ec.html")
    assert "Ana Souza" not in quito
    release = html_text(folder / "en" / "press-release.html")
    assert "Ana Souza" not in release


def test_a_table_of_figures_is_whole_on_its_page(tmp_path: Path) -> None:
    """The May 2041 round (tests/rounds), whose Spanish report ran "What Works Cities hasta la
    fecha" as page 2's last line and its one row on page 3 (AP, Spanish and Quebec desks,
    readings 17 and 18): a caption is never parted from its table."""
    text = (ROOT / "tests" / "rounds" / "2041-05-americas.yaml").read_text("utf-8")
    folder = build_round(tmp_path, "may", text, ("pdf",), "--only", "report", "--lang", "es")
    pages = [" ".join(page.split()) for page in _pages(folder / "es" / "report.pdf")]
    caption, row = "What Works Cities hasta la fecha", "Ciudades certificadas hasta la fecha 356"
    [page] = [page for page in pages if caption in page]
    assert row in page


VOICES = """\
date: 2044-05-04
total_certified: 300
languages: [en, es, fr-CA]
cities:
  new:
    - {name: Tulsa, region: OK, country: US, level: gold}
    - {name: Rosario, region: S, country: AR, level: silver}
highlights:
  - city: Tulsa
    text: {en: "Tulsa mapped 1,200 potholes.", fr-CA: "Tulsa a cartographié 1 200 nids-de-poule."}
quotes:
  - speaker: Ana Pérez
    role: {en: director, es: directora, fr-CA: directrice}
    text: {en: "Data works.", es: "Los datos sirven.", fr-CA: "Les données servent."}
"""


def test_the_section_of_voices_is_named_for_what_it_holds_in_its_number(tmp_path: Path) -> None:
    # One highlight and one quote: "Fait saillant et citation" (Quebec desk, reading 20); the
    # Spanish report holds no highlight (Tulsa's is not written in Spanish): its quote alone.
    folder = build_round(tmp_path, "voices", VOICES, ["html"], "--only", "report")

    def title(language: str) -> str:
        page = (folder / language / "report.html").read_text("utf-8")
        found = re.search(r'<h2 id="voices-title">(.*?)</h2>', page, re.S)
        assert found, language
        return re.sub(r"<[^>]+>", "", found[1])

    assert title("en") == "Highlight and quote"
    assert title("fr-CA") == "Fait saillant et citation"
    assert title("es") == "Declaración"


def test_no_row_of_the_cities_table_stands_alone_on_a_page(tmp_path: Path) -> None:
    # Quebec desk, reading 24: Mirabel's row alone at page 2's foot under « Toutes les villes de
    # ce cycle », the four others on page 3.
    project = illustrative_project(tmp_path, "2046-10-canada.yaml")
    args = ["--lang", "fr-CA", "--only", "report", "--format", "pdf", "--out", "dist"]
    result = run(["build", "announcements/2046-10-canada.yaml", *args], cwd=project)
    assert result.exit_code == 0, result.output
    pdf = project / "dist" / "2046-10-canada" / "fr-CA" / "report.pdf"
    pages = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout
        for n in range(1, len(pypdf.PdfReader(pdf).pages) + 1)
    ]  # fmt: skip
    rows = [
        sum(bool(re.search(rf"^\s*{city}\s{{2,}}\S", page, re.M)) for city in CANADA_ROWS)
        for page in pages
    ]
    assert sum(rows) == len(CANADA_ROWS) and 1 not in rows, rows


CANADA_ROWS = ("Mirabel", "Milton", "Regina", "Fredericton", "Hamilton")
