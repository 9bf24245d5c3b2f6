"""Canada in its own press styles: Canadian English as The Canadian Press Stylebook writes it
(languages/en_ca.py) for every release whose readers are Canadian, Quebec's names of time zones
in fr-CA, the February 2025 round of record as the Canadian sample, and check asking for French
where a Canadian city is certified."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import shutil
from pathlib import Path

import docx
import pytest

from wwc_press import places
from wwc_press.languages import profile
from wwc_press.localize import Localizer, StrictTranslations
from wwc_press.model import Place

from conftest import ROOT, copy_project, html_text, illustrative_project, pdf_text, run


def _place(name: str, region: str, country: str = "CA") -> Place:
    return Place(name=name, region=region, country=country)


@pytest.mark.parametrize(
    ("place", "cp", "ap"),
    [
        (_place("Winnipeg", "MB"), "WINNIPEG", "WINNIPEG, Manitoba"),  # CP's list: alone
        (_place("Hamilton", "ON"), "HAMILTON", "HAMILTON, Ontario"),
        (_place("St. John's", "NL"), "ST. JOHN'S, N.L.", "ST. JOHN'S, Newfoundland and Labrador"),
        (_place("Gatineau", "QC"), "GATINEAU, Que.", "GATINEAU, Quebec"),  # CP's abbreviation
        (_place("Surrey", "BC"), "SURREY, B.C.", "SURREY, British Columbia"),
        # CP's wire: a provincial capital stands alone (reading 15), St. John's aside.
        (_place("Charlottetown", "PE"), "CHARLOTTETOWN", "CHARLOTTETOWN, Prince Edward Island"),
        (_place("Fredericton", "NB"), "FREDERICTON", "FREDERICTON, New Brunswick"),
        (_place("Whitehorse", "YT"), "WHITEHORSE, Yukon", "WHITEHORSE, Yukon"),  # territories
        (_place("Toronto", "ON"), "TORONTO", "TORONTO"),
        (_place("Québec", "QC"), "QUEBEC", "QUEBEC CITY"),  # CP: the capital alone, no "City"
        (Place(name="Québec", region="QC", country="CA", names={"en": "Quebec City"}),
         "QUEBEC", "QUEBEC CITY"),  # a spelling in names changes the text, not CP's dateline
    ],
)  # fmt: skip
def test_datelines_follow_the_canadian_press_for_canadian_readers(
    place: Place, cp: str, ap: str
) -> None:
    assert places.dateline(place, "en-CA") == cp
    assert places.dateline(place, "en") == ap  # the program's release from New York stays AP


def test_running_text_per_cent_and_numbers() -> None:
    gatineau, winnipeg = _place("Gatineau", "QC"), _place("Winnipeg", "MB")
    assert places.cities_in_text([gatineau, winnipeg], "en-CA") == "Gatineau, Que., and Winnipeg"
    laval = _place("Laval", "QC")
    assert places.cities_in_text([laval, winnipeg, gatineau], "en-CA") == (
        "Laval and Gatineau, Que., and Winnipeg"  # cities of one province share it
    )
    assert places.cities_in_text([laval, gatineau], "en") == "Laval and Gatineau, Quebec"
    carlsbad = _place("Carlsbad", "CA", "US")
    assert places.cities_in_text([carlsbad], "en-CA") == "Carlsbad, Calif."  # CP: abbreviated
    assert places.cities_in_text([carlsbad], "en") == "Carlsbad, California"  # AP since 2014
    # CP: "92 per cent", held to its figure: no line ends on "92 per".
    assert profile("en-CA").percent(0.92) == "92\u00a0per\u00a0cent"
    assert profile("en").percent(0.92) == "92%"  # AP
    assert profile("en-CA").typography("75% of the hours") == "75\u00a0per\u00a0cent of the hours"
    # CP Caps and Spelling: metric units in -re, in the file's English too, which AP reads as
    # written; a "meter" after no figure may be a device.
    assert profile("en-CA").typography("all 640 kilometers and 2.5 million liters") == (
        "all 640\u00a0kilometres and 2.5\u00a0million litres"
    )
    assert profile("en-CA").typography("12 meters of water meters") == ("12 metres of water meters")
    # ... and a litre is no device, after a figure or not (CP desk, reading 25: a mayor's quote).
    assert profile("en-CA").typography("every liter we lose") == "every litre we lose"
    assert profile("en").typography("640 kilometers") == "640\u00a0kilometers"
    # ... -our and -re nouns and the Canadian dollar, which AP's "C$" marks for readers abroad
    # (CP desk, reading 17); a name keeps its spelling.
    assert (
        profile("en-CA").typography(
            "outlying neighborhoods, a transit center, a day pass at C$9.50, Pearl Harbor"
        )
        == "outlying neighbourhoods, a transit centre, a day pass at $9.50, Pearl Harbor"
    )
    # A sum in millions before its noun is a compound modifier (CP, hyphen; reading 18).
    assert profile("en-CA").typography("and a C$2.4 million plan will serve the rest") == (
        "and a $2.4-million plan will serve the rest"
    )
    assert profile("en-CA").typography("saved $12 million since 2036, a $3 million a year") == (
        "saved $12\u00a0million since 2036, a $3\u00a0million a year"
    )
    # ... and a range on one line: "10 to / 15 per cent" reads as two figures.
    assert profile("en-CA").typography("from 10% to 15%") == (
        "from 10\u00a0to\u00a015\u00a0per\u00a0cent"
    )
    assert profile("en-CA").typography("61 per cent of them") == "61\u00a0per\u00a0cent of them"
    # CP writes dates, clock times and numbers as AP does.
    assert profile("en-CA").long_date(dt.date(2025, 2, 26)) == "Feb. 26, 2025"
    assert profile("en-CA").number(4, "city") == "four"
    assert profile("en-CA").number(21, "city") == "21"


@pytest.mark.parametrize(
    ("zone", "en_ca", "fr_ca"),
    [
        ("America/Toronto", "10 a.m. ET", "10\u00a0h (heure de l’Est)"),
        ("America/Winnipeg", "9 a.m. CT", "9\u00a0h (heure du Centre)"),
        # Saskatchewan keeps standard time all year: named so, or in summer it would share
        # "CT" with Winnipeg an hour apart.
        ("America/Regina", "9 a.m. CST", "9\u00a0h (heure normale du Centre)"),
        ("America/Edmonton", "8 a.m. MT", "8\u00a0h (heure des Rocheuses)"),
        ("America/Vancouver", "7 a.m. PT", "7\u00a0h (heure du Pacifique)"),
        # Atlantic's generic "AT" reads as the word "at" ("Embargoed until 11 a.m. AT, Nov. 18").
        ("America/Halifax", "11 a.m. AST", "11\u00a0h (heure de l’Atlantique)"),
        ("America/St_Johns", "11:30 a.m. NST", "11\u00a0h\u00a030 (heure de Terre-Neuve)"),
        ("America/New_York", "10 a.m. ET", "10\u00a0h (heure de l’Est)"),
    ],
)
def test_zones_are_named_as_each_press_names_them(zone: str, en_ca: str, fr_ca: str) -> None:
    when = dt.datetime(2025, 2, 26, 15, 0, tzinfo=dt.UTC)  # 10 a.m. in Toronto
    for tag, expected in (("en-CA", en_ca), ("fr-CA", fr_ca)):
        l10n = Localizer(StrictTranslations(None, None), "America/New_York", profile(tag))
        moment = l10n.moment(when, zone)
        assert f"{moment['clock']} {moment['zone']}" == expected


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked Canadian example (tests/rounds): datelined in Montreal, embargoed, with
    Quebec, Ontario and Manitoba cities and one in California."""
    project = illustrative_project(tmp_path_factory.mktemp("example"), "2025-11-canada.yaml")
    args = ["build", "announcements/2025-11-canada.yaml", "--out", "dist"]
    for fmt in ("pdf", "txt", "docx", "eml", "html"):
        args += ["--format", fmt]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / "2025-11-canada"


def _subject(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return str(message["Subject"])


def _ends_its_text_with_30(wire: str) -> bool:
    """CP, and the BDL's model of a Quebec release: -30- ends the text (after About), and the
    contacts follow it, last; AP's ### is the release's last line."""
    blocks = wire.strip().split("\n\n")
    at = blocks.index("-30-")
    headings = ("Media contact", "Media contacts", "Renseignements pour les médias")
    return blocks.count("-30-") == 1 and blocks[at + 1] in headings and at >= len(blocks) - 4


def _word_languages(path: Path) -> set[str]:
    document = docx.Document(str(path))
    found = {document.core_properties.language}
    for element in document.styles.element.iter():
        if element.tag.endswith("}lang"):
            found |= {value for key, value in element.attrib.items() if key.endswith("}val")}
    return found


def test_a_canadian_citys_english_release_is_canadian_press(example: Path) -> None:
    winnipeg = example / "en" / "cities" / "winnipeg-mb-ca"
    text = pdf_text(winnipeg.with_suffix(".pdf"))
    for phrase in [
        "Embargoed until 9 a.m. CT (10 a.m. ET), Nov. 18, 2025",  # its own time first
        "Winnipeg moves up to What Works Cities Gold Certification",
        "WINNIPEG, Nov. 18, 2025 — Winnipeg has moved up",
        # CP: a range names its unit once.
        "meet 68 to 84 per cent of the program’s 43 criteria",  # its level, once
    ]:
        assert phrase in text
    assert "%" not in text and "New York" not in text and "Manitoba" not in text
    wire = winnipeg.with_suffix(".txt").read_text("utf-8")
    assert wire.startswith("Embargoed until 9 a.m. CT (10 a.m. ET), Nov. 18, 2025\n")
    assert _ends_its_text_with_30(wire)
    assert _word_languages(winnipeg.with_suffix(".docx")) == {"en-CA"}
    # On screen and in the e-mail the page is en-CA throughout: no body tagged with the print's
    # hyphenation patterns (en-US) contradicts it.
    message = email.message_from_bytes(
        winnipeg.with_suffix(".eml").read_bytes(), policy=email.policy.default
    )
    html_part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    for page in (winnipeg.with_suffix(".html").read_text("utf-8"), html_part.get_content()):
        assert re.findall(r"<(?:html|body)\b[^>]*?\blang=\"([^\"]+)\"", page) == ["en-CA"]
    # The Subject gives one time, the readers' own: the full line cut the headline off.
    assert _subject(winnipeg.with_suffix(".eml")) == (
        "Embargoed until 9 a.m. CT, Nov. 18, 2025: Winnipeg moves up to What Works Cities Gold "
        "Certification"
    )
    gatineau = (example / "en" / "cities" / "gatineau-qc-ca.txt").read_text("utf-8")
    assert "Gatineau, Que., earns What Works Cities Silver Certification" in gatineau
    assert "GATINEAU, Que., Nov. 18, 2025 — Gatineau has earned" in gatineau
    assert gatineau.startswith("Embargoed until 10 a.m. ET, Nov. 18, 2025\n")
    hamilton = (example / "en" / "cities" / "hamilton-on-ca.txt").read_text("utf-8")
    assert "Hamilton earns What Works Cities Gold Certification" in hamilton  # not "Ontario,"


def test_a_release_datelined_in_canada_is_canadian_press(example: Path) -> None:
    release = example / "en" / "press-release"
    text = pdf_text(release.with_suffix(".pdf"))
    # CP names the other zone alone: "9 a.m. CT", never "9 a.m. CT in Winnipeg".
    assert "Embargoed until 10 a.m. ET (9 a.m. CT), Nov. 18, 2025" in text
    assert "MONTREAL, Nov. 18, 2025 — Results for America" in text
    assert "Laval and Gatineau, Que., earned their first certification at the Silver level." \
        in text  # one province, said once  # fmt: skip
    assert "Carlsbad, Calif., renewed its Gold Certification." in text
    assert "New York" not in text and "EST" not in text
    assert _word_languages(release.with_suffix(".docx")) == {"en-CA"}
    assert _subject(release.with_suffix(".eml")).startswith(
        "Embargoed until 10 a.m. ET, Nov. 18, 2025: "
    )
    assert _ends_its_text_with_30(release.with_suffix(".txt").read_text("utf-8"))


def test_a_us_citys_release_in_a_canadian_round_stays_ap(example: Path) -> None:
    carlsbad = example / "en" / "cities" / "carlsbad-ca-us"
    wire = carlsbad.with_suffix(".txt").read_text("utf-8")
    assert "Carlsbad, California, renews its What Works Cities Gold Certification" in wire
    # AP names both zones: "7 a.m. PST (10 a.m. EST)", as CP does "9 a.m. CT (10 a.m. ET)".
    assert wire.startswith("Embargoed until 7 a.m. PST (10 a.m. EST), Nov. 18, 2025\n")
    assert "68% to 84%" in wire and wire.rstrip().endswith("###")
    assert _word_languages(carlsbad.with_suffix(".docx")) == {"en-US"}


def test_quebec_names_the_zones(example: Path) -> None:
    release = pdf_text(example / "fr-CA" / "press-release.pdf")
    assert (
        "Sous embargo jusqu’au 18 novembre 2025, 10 h (heure de l’Est), soit 9 h (heure du "
        "Centre) à Winnipeg" in release
    )
    winnipeg = example / "fr-CA" / "cities" / "winnipeg-mb-ca"
    line = "Sous embargo jusqu’au 18 novembre 2025, 9\u00a0h (heure du Centre), soit 10\u00a0h " \
        "(heure de l’Est)"  # fmt: skip
    assert winnipeg.with_suffix(".txt").read_text("utf-8").startswith(line + "\n")
    assert _subject(winnipeg.with_suffix(".eml")) == (
        "Sous embargo jusqu’au 18 novembre 2025, 9\u00a0h (heure du Centre)\u00a0: Winnipeg passe "
        "au niveau Or de la certification What Works Cities"
    )
    assert _word_languages(winnipeg.with_suffix(".docx")) == {"fr-CA"}
    for path in (example / "fr-CA").rglob("*.txt"):
        assert "New York" not in path.read_text("utf-8").splitlines()[0], path
        assert "Toronto" not in path.read_text("utf-8") and "Regina" not in path.read_text("utf-8")


def test_a_table_of_canadian_cities_heads_its_provinces(project: Path) -> None:
    (project / "announcements" / "2025-03-canada.yaml").write_text(
        "date: 2025-03-12\nlanguages: [en, fr-CA]\ncities:\n  new:\n"
        "    - {name: Laval, region: QC, country: CA, level: silver}\n"
        "    - {name: Gatineau, region: QC, country: CA, level: silver}\n",
        "utf-8",
    )
    args = ["build", "--only", "report", "--format", "html", "--out", "dist"]
    assert run(args, cwd=project).exit_code == 0
    for lang in ("en", "fr-CA"):
        report = html_text(project / "dist" / "2025-03-canada" / lang / "report.html")
        assert "City Province Country" in report or "Ville Province Pays" in report, lang
        assert "State or region" not in report


@pytest.fixture(scope="module")
def february(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples of announcements/ (the three rounds of record) in a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("february"))
    for path in (ROOT / "announcements").glob("*.yaml"):
        shutil.copy(path, project / "announcements")
    return project


def test_the_february_2025_round_and_the_earlier_samples_validate_and_check_together(
    february: Path,
) -> None:
    assert sorted(p.name for p in (february / "announcements").glob("*.yaml")) == [
        "2023-06-international.yaml", "2024-06-international.yaml",
        "2025-02-international.yaml",
    ]  # fmt: skip
    result = run(["validate"], cwd=february)
    assert result.exit_code == 0, result.output
    assert "2025-02-international: ok" in result.stdout
    result = run(["check"], cwd=february)
    assert result.exit_code == 0, result.output
    roster = run(["roster", "--format", "csv"], cwd=february).stdout
    assert "Winnipeg" in roster and "Hamilton" in roster and "Laval" not in roster


def test_the_february_2025_round_in_english_for_each_reader(february: Path) -> None:
    args = ["build", "announcements/2025-02-international.yaml", "--lang", "en", "--format",
            "txt", "--format", "docx", "--format", "html", "--out", "dist"]  # fmt: skip
    assert run(args, cwd=february).exit_code == 0
    folder = february / "dist" / "2025-02-international" / "en"
    # The record gives 21 new and 4 upgraded cities, nothing of those that kept their level:
    # no "Recertification 0", no total of the round, in the report or a city's release.
    report = html_text(folder / "report.html")
    assert (
        "This announcement First certification21 Moved up a level4 Cities named in this "
        "announcement, by level" in report
    )
    assert "Recertification 0" not in report and "Cities in this announcement" not in report
    assert "Recertification" not in report  # nor in the chart's legend, which no bar uses
    assert "Cities named in this announcement " in report and " of 25" not in report
    release = (folder / "press-release.txt").read_text("utf-8")  # from New York: AP
    assert "NEW YORK, Feb. 26, 2025 — Results for America today announced that 21 cities" in release
    assert "Winnipeg, Manitoba, and Hamilton, Ontario" in release and "75% of the hours" in release
    assert "104 cities have earned What Works Cities Certification to date" in release
    assert _word_languages(folder / "press-release.docx") == {"en-US"}
    winnipeg = (folder / "cities" / "winnipeg-mb-ca.txt").read_text("utf-8")  # CP
    assert "WINNIPEG, Feb. 26, 2025 — Winnipeg has earned What Works Cities Silver" in winnipeg
    assert "75\u00a0per cent of the hours" in winnipeg and _ends_its_text_with_30(winnipeg)
    assert (
        "Winnipeg is one of 21 cities certified for the first time in this round. "
        "A total of 104" in winnipeg
    )
    assert "in all" not in winnipeg and "today" not in winnipeg.split("announced today", 1)[1]
    # Two of Canada's first four: the country named, as a desk would, not "in its country".
    assert "Winnipeg is among the first cities in Canada to earn the certification" in winnipeg
    # The first mention places the cities by province; the sentence names the country; the
    # next paragraph gives their level without naming them again.
    assert (
        "Winnipeg, Manitoba, and Hamilton, Ontario, are among the program’s first certified "
        "cities in Canada. Both earned Silver Certification.\n\n"
    ) in release
    assert "Among the cities earning Silver" not in release
    assert _word_languages(folder / "cities" / "winnipeg-mb-ca.docx") == {"en-CA"}
    hamilton = (folder / "cities" / "hamilton-on-ca.txt").read_text("utf-8")
    assert "HAMILTON, Feb. 26, 2025 — Hamilton has earned" in hamilton
    assert "more than 4,100 students have built more than 230 solutions" in hamilton
    boulder = (folder / "cities" / "boulder-co-us.txt").read_text("utf-8")
    assert "BOULDER, Colo., Feb. 26, 2025" in boulder and boulder.rstrip().endswith("###")


WINNIPEG_IN_ENGLISH = """\
date: 2025-02-26
languages: [en, es, pt-BR]
cities:
  new:
    - {name: Boulder, region: CO, country: US, level: silver}
    - {name: Winnipeg, region: MB, country: CA, level: silver}
"""


def test_check_asks_for_french_where_a_canadian_city_is_certified(project: Path) -> None:
    path = project / "announcements" / "2025-02-winnipeg.yaml"
    path.write_text(WINNIPEG_IN_ENGLISH, "utf-8")
    result = run(["check"], cwd=project)
    assert result.exit_code == 1
    assert (
        "announcements/2025-02-winnipeg.yaml:6:7: Winnipeg: the press in Canada reads English "
        "and French; add fr-CA to languages, or to languages_left_out if the announcement "
        "leaves it out on purpose"
    ) in result.output
    assert "Boulder" not in result.output
    path.write_text(WINNIPEG_IN_ENGLISH + "languages_left_out: [fr-CA]\n", "utf-8")
    result = run(["check"], cwd=project)
    assert "Winnipeg" not in result.output, result.output


def test_the_february_2025_round_in_quebec_french(february: Path) -> None:
    args = ["build", "announcements/2025-02-international.yaml", "--lang", "fr-CA", "--format",
            "txt", "--out", "dist"]  # fmt: skip
    assert run(args, cwd=february).exit_code == 0
    folder = february / "dist" / "2025-02-international" / "fr-CA"
    release = (folder / "press-release.txt").read_text("utf-8")
    assert "NEW YORK, le 26 février 2025 – Results for America annonce aujourd’hui que 21 " \
        "villes obtiennent" in release  # fmt: skip
    assert "Winnipeg (Manitoba) et Hamilton (Ontario) figurent parmi les premières villes " \
        "canadiennes certifiées par le programme." in release  # fmt: skip
    hamilton = (folder / "cities" / "hamilton-on-ca.txt").read_text("utf-8")
    assert "HAMILTON (Ontario), le 26 février 2025 – Hamilton obtient" in hamilton
    assert "Hamilton figure parmi les premières villes canadiennes à obtenir la certification." in (
        hamilton
    )
    assert "plus de 4\u00a0100 étudiants" in hamilton and _ends_its_text_with_30(hamilton)


def test_the_program_figure_is_no_result_of_a_city(february: Path) -> None:
    """The lead-in introduces the cities' results; the program's own figure (700 cities assessed
    since 2017) follows them as a paragraph of its own, and where no city's result is written
    in a language there is no lead-in."""
    args = ["build", "announcements/2025-02-international.yaml", "--lang", "en", "--lang", "es",
            "--format", "txt", "--only", "release", "--out", "dist"]  # fmt: skip
    assert run(args, cwd=february).exit_code == 0
    folder = february / "dist" / "2025-02-international"
    english = (folder / "en" / "press-release.txt").read_text("utf-8").split("\n\n")
    at = english.index("Among the results the certification recognized:")
    # The cities' results a list under it, the program's figure a paragraph after them.
    assert english[at + 1].startswith("- Winnipeg put workforce data")
    assert english[at + 2].startswith("- Through CityLAB Hamilton")
    assert english[at + 3].startswith("Since 2017, 700 cities")
    spanish = (folder / "es" / "press-release.txt").read_text("utf-8")
    assert "Desde 2017, 700 ciudades" in spanish
    assert "Entre los resultados" not in spanish


def test_the_datelines_city_is_named_alone_in_the_text() -> None:
    """AP, CP: a release datelined in a city does not place that city again in its text."""
    gatineau, laval = _place("Gatineau", "QC"), _place("Laval", "QC")
    assert places.cities_in_text([gatineau], "en-CA", placed=gatineau) == "Gatineau"
    assert places.cities_in_text([laval], "en-CA", placed=gatineau) == "Laval, Que."
    assert places.cities_in_text([gatineau], "fr-CA", placed=gatineau) == "Gatineau"
