"""The gate and the page agree on what desks write: a percent in words is a percent, each press
prints it its own way, and a hyphenated name is spelt by its parts."""

from __future__ import annotations

import re

import pytest

from wwc_press.languages import profile
from wwc_press.qa import spelling_problems


@pytest.mark.parametrize(
    ("language", "written", "printed"),
    [
        ("en", "It fixes 80 per cent of them, and 57 percent on time.", "80% of them, and 57% on"),
        ("en-CA", "It fixes 80% of them, and 57 percent on time.", "80\u00a0per\u00a0cent of "
         "them, and 57\u00a0per\u00a0cent on"),
    ],
)  # fmt: skip
def test_each_press_prints_a_percent_its_way(language: str, written: str, printed: str) -> None:
    """AP since 2019: "80%"; the Canadian Press: "80 per cent"."""
    assert printed in profile(language).typography(written)


def test_check_reads_a_percent_in_words_as_the_percent_of_a_translation(tmp_path) -> None:
    from conftest import run

    path = tmp_path / "r.yaml"
    path.write_text(
        "date: 2025-01-14\nlanguages: [en, fr-CA]\ncities:\n  new:\n"
        "    - {name: Trois-Rivières, region: QC, country: CA, level: silver}\n"
        "highlights:\n  - city: Trois-Rivières\n    text:\n"
        "      en: Trois-Rivières now repairs 80 per cent of reported potholes within five days.\n"
        "      fr-CA: Trois-Rivières répare maintenant 80 % des nids-de-poule signalés en moins "
        "de cinq jours.\n",
        "utf-8",
    )
    result = run(["check", str(path)])
    assert "80" not in result.stderr, result.stderr  # the same fact in both languages
    assert "Trois-Rivières" not in result.stderr  # a name of the announcement, spelt by parts
    assert result.exit_code == 0, result.output


def test_a_compound_of_misspelt_parts_is_still_caught() -> None:
    found = spelling_problems("A well-mnaged city.", "en", set())
    assert any("well-mnaged" in problem for problem in found)


def test_english_accepts_canadian_spelling_and_still_catches_a_slip() -> None:
    # The "en" of a Canadian round is CP's to print: "kilometres" and "centre" were told they
    # were misspelt (the writers of readings 29 and 30 wrote "km" around it).
    assert spelling_problems("It paved 46 kilometres near the centre.", "en", set()) == []
    assert spelling_problems("It paved 46 kilometers near the center.", "en", set()) == []
    found = spelling_problems("It paved 46 kilomitres.", "en", set())
    assert any("kilomitres" in problem for problem in found)


def test_a_round_that_names_some_cities_claims_no_empty_level(tmp_path) -> None:
    """February 2025 names four of its 25 cities, none Platinum: the report cannot say the
    round has no Platinum city (an unnamed one may be), so it prints no zero for it."""
    from conftest import ROOT, run

    sample = ROOT / "announcements" / "2025-02-international.yaml"
    built = run(["build", str(sample), "--lang", "en", "--format", "html", "--out",
                 str(tmp_path)])  # fmt: skip
    assert built.exit_code == 0, built.output
    report = tmp_path / "2025-02-international" / "en" / "report.html"
    page = report.read_text("utf-8")
    # The round's own counts first, then the cities it names, by level and by country, captioned
    # so: "Gold 2" under "This announcement's cities by level" read as the round's two Gold
    # cities, when four had moved up to Gold (Quebec desk, the February 2025 sample).
    figures = re.search(r"<caption>This announcement</caption>(.*?)</table>", page, re.S)
    assert figures and "First certification 21" in " ".join(
        re.sub(r"<[^>]+>", " ", figures[1]).split()
    )
    caption = r"<caption>Cities named in this announcement, by {}</caption>(.*?)</table>"
    by_level = re.search(caption.format("level"), page, re.S)
    by_country = re.search(caption.format("country"), page, re.S)
    assert by_level and by_country and "This announcement’s cities by" not in page
    levels = " ".join(re.sub(r"<[^>]+>", " ", by_level[1]).split())
    assert levels == "Gold 2 Silver 2", levels
    by_country_words = " ".join(re.sub(r"<[^>]+>", " ", by_country[1]).split())
    assert "Canada 2" in by_country_words and "not listed" not in by_country_words
    # The chart is the whole round's and says so: its bars by level count the named cities, and
    # a bar of two statuses gives each its number (the 21 beside it read as 21 new cities).
    title = re.search(r'<h2 id="chart-title">(.*?)</h2>', page)
    assert title and re.sub(r"<[^>]+>", "", title[1]) == "Cities in this round, by level and status"
    contents = re.search(r'<a href="#chart">(.*?)</a>', page)  # the contents say it as the title
    assert contents and re.sub(r"<[^>]+>", "", contents[1]) == re.sub(r"<[^>]+>", "", title[1])
    chart = page.split('<desc id="chart-desc">')[1].split("</desc>")[0]
    assert "Platinum" not in chart
    assert chart.startswith("Gold (named cities): Moved up a level 2. Silver (named cities): ")
    assert "Other cities (not named): First certification 19; Moved up a level 2." in chart
    svg = page.split('<svg class="chart"')[1].split("</svg>")[0]
    parts = re.findall(r'class="bar-part"[^>]*>([^<]+)</text>', svg)
    assert parts == ["19", "2"], parts


@pytest.mark.parametrize(
    ("lang", "lead_in", "example"),
    [
        ("en", "the certification recognized", "Fortaleza"),
        ("es", "reconoce la certificación", "Fortaleza ilustra"),
        ("pt-BR", "levaram à certificação", "Fortaleza mostra"),
    ],
)
def test_one_result_is_a_paragraph_of_its_own(sample, lang: str, lead_in: str, example: str):
    """The round's one city result, after the paragraphs of cities: a paragraph of its own with
    no lead-in ("Among the results…, Cartagena crossed…" read as an anacoluthon, readings 17),
    nor a list of one (reading 13)."""
    paragraphs = (sample / lang / "press-release.txt").read_text("utf-8").split("\n\n")
    [result] = [p for p in paragraphs if p.startswith(example)]
    assert paragraphs.index(result) > 1
    assert not [p for p in paragraphs if lead_in in p]
    assert not [p for p in paragraphs if p.startswith("- ")]
