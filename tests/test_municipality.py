"""A place whose name says it is no city ("Cape Breton Regional Municipality"): datelined where
the file says (its seat), never called "the city" (« la Ville »), named with its noun's article in
French (« la Municipalité régionale du Cap-Breton », BDL), and readable on a phone. Reading 20,
the CP and Quebec desks."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest

from conftest import build_round, illustrative_project, run

ROUND = "2043-11-canada"
CITY = "cape-breton-regional-municipality-ns-ca"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = illustrative_project(tmp_path_factory.mktemp("cbrm"), f"{ROUND}.yaml")
    args = ["--format", "txt", "--format", "eml", "--format", "html", "--out", "dist"]
    result = run(["build", f"announcements/{ROUND}.yaml", *args], cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / ROUND


def _text(built: Path, path: str) -> str:
    return " ".join((built / path).read_text("utf-8").split())


def test_its_release_is_datelined_in_its_seat_and_never_calls_it_a_city(built: Path) -> None:
    english = _text(built, f"en/cities/{CITY}.txt")
    assert (
        "SYDNEY, N.S., Nov. 18, 2043 — Cape Breton Regional Municipality has earned What Works "
        "Cities Gold Certification in recognition of how it uses data"
    ) in english
    assert "the city" not in english
    french = _text(built, f"fr-CA/cities/{CITY}.txt")
    assert (
        "SYDNEY (Nouvelle-Écosse), le 18 novembre 2043 – La Municipalité régionale du Cap-Breton "
        "obtient la certification Or de What Works Cities en reconnaissance de sa façon de mettre"
    ) in french
    assert "la Ville" not in french


def test_french_gives_its_name_the_article_of_its_noun(built: Path) -> None:
    release = _text(built, "fr-CA/press-release.txt")
    # A clock belongs to a place, not an administration: the embargo line names its seat
    # (Quebec desk, reading 22: « à la Municipalité du comté de Colchester »).
    # ... and its times read as an enumeration, the last joined by « et » (BDL).
    assert (
        "soit 11 h (heure de l’Atlantique) à Sydney et 9 h (heure du Centre) à Winnipeg" in release
    )
    assert "La Municipalité régionale du Cap-Breton (Nouvelle-Écosse) obtient" in release
    headline = _text(built, f"fr-CA/cities/{CITY}.txt").split(" Sydney")[0]
    assert "La Municipalité régionale du Cap-Breton obtient la certification Or" in headline


def test_cp_names_the_atlantic_clock_as_no_word(built: Path) -> None:
    path = built / "en" / "cities" / f"{CITY}.eml"
    mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert mail["Subject"].startswith("Embargoed until 11 a.m. AST, Nov. 18, 2043: Cape Breton")


def test_a_long_name_and_dateline_fit_a_phone(built: Path, browser_page) -> None:
    browser_page.set_viewport_size({"width": 360, "height": 740})
    for language in ("en", "fr-CA"):
        browser_page.goto((built / language / "cities" / f"{CITY}.html").as_uri())
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (language, width)  # nothing runs off the screen
        # ... and a compound of a name still never breaks at its hyphen (reading 22).
        kept = browser_page.evaluate(
            "[...document.querySelectorAll('span.keep:not(.name)')]"
            ".every(span => getComputedStyle(span).whiteSpace === 'nowrap')"
        )
        assert kept, language


def test_a_county_no_gazetteer_lists_keeps_its_seats_clock(built: Path) -> None:
    # Texas has two clocks: the county's is Houston's, where it is datelined.
    text = _text(built, "en/cities/harris-county-tx-us.txt")
    assert text.startswith("Embargoed until 9 a.m. CST (10 a.m. EST), Nov. 18, 2043")
    assert "HOUSTON, Nov. 18, 2043 — Harris County has earned" in text


COUNTY = """\
date: 2044-04-20
total_certified: 300
languages: [en, es, pt-BR]
embargo: 2044-04-20T10:00:00-04:00
cities:
  new:
    - name: Miami-Dade County
      region: FL
      country: US
      level: gold
      names: {es: Condado de Miami-Dade, pt-BR: Condado de Miami-Dade}
      dateline: Miami
    - {name: Manaus, region: AM, country: BR, level: gold}
  upgraded:
    - name: Coyoacán
      region: CMX
      country: MX
      from: silver
      level: gold
      within: {city: Ciudad de México, kind: {en: borough, es: alcaldía, pt-BR: distrito}}
highlights:
  - city: Coyoacán
    text: {en: "Coyoacán replaced 3,400 old mains.", es: "Coyoacán sustituyó 3400 tuberías."}
"""


def test_a_name_built_on_a_common_noun_takes_its_article(tmp_path: Path) -> None:
    # Reading 21: "figuran Manaos (Brasil), Condado de Miami-Dade…" (RAE); "estrearam, entre
    # outras, Condado de Miami-Dade" (Folha, Estadão): the noun's article, contracted.
    folder = build_round(tmp_path, "county", COUNTY, ["txt"])
    spanish = " ".join((folder / "es" / "press-release.txt").read_text("utf-8").split())
    assert "el Condado de Miami-Dade (Florida, EE. UU.)" in spanish
    portuguese = " ".join((folder / "pt-BR" / "press-release.txt").read_text("utf-8").split())
    assert "o Condado de Miami-Dade (Flórida, EUA)" in portuguese


def test_a_mexican_release_groups_the_files_four_digit_counts(tmp_path: Path) -> None:
    # "3400 tuberías" beside "30,000 habitantes" read as two systems (Mexican desk, reading 21).
    folder = build_round(tmp_path, "county", COUNTY, ["txt"], "--lang", "es")
    text = " ".join((folder / "es" / "cities" / "coyoacan-cmx-mx.txt").read_text("utf-8").split())
    assert "Coyoacán sustituyó 3,400 tuberías." in text and "30,000 habitantes" in text
    assert "2044" in text  # a year is never grouped


COUNTIES = """\
date: 2045-10-18
total_certified: 300
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Pima County, region: AZ, country: US, level: gold, dateline: Tucson}
    - name: Kings County
      region: NS
      country: CA
      level: silver
      dateline: Kentville
      names: {fr-CA: comté de Kings}
"""


def test_a_county_the_file_spells_in_english_is_a_county_in_each_language(tmp_path: Path) -> None:
    # Reading 23: "Pima County" left in English in Spanish, Portuguese and French, and the file's
    # « comté de Kings » opening sentences in lower case, without its article, called « la Ville ».
    flags = ("--only", "release", "--only", "report")
    folder = build_round(tmp_path, "counties", COUNTIES, ["txt", "html"], *flags)

    def text(path: str) -> str:
        return " ".join((folder / path).read_text("utf-8").split())

    spanish = text("es/press-release.txt")
    assert "El condado de Pima (Arizona, EE. UU.) y el condado de Kings (Canadá)" in spanish
    assert "O condado de Pima (Arizona, EUA) e o condado de Kings" in text(
        "pt-BR/press-release.txt"
    )
    assert "Le comté de Pima (Arizona) et le comté de Kings" in text("fr-CA/press-release.txt")
    assert "Condado de Pima" in text("es/report.html")  # a table cell opens with a capital


def test_a_county_named_with_its_noun_in_lower_case_opens_its_release_as_a_sentence(
    tmp_path: Path,
) -> None:
    folder = build_round(tmp_path, "counties", COUNTIES, ["txt"], "--lang", "fr-CA")
    lead = " ".join((folder / "fr-CA/cities/kings-county-ns-ca.txt").read_text("utf-8").split())
    assert "Le comté de Kings obtient la certification Argent de What Works Cities" in lead
    assert "KENTVILLE (Nouvelle-Écosse), le 18 octobre 2045 – Le comté de Kings obtient" in lead
    assert "la Ville" not in lead


def test_the_article_a_place_was_given_is_lowered_after_the_subjects_colon(built: Path) -> None:
    # « … : le comté de Kings obtient … », not « : Le comté » (Quebec desk, reading 25); the
    # Cape Breton municipality's article the same.
    path = built / "fr-CA" / "cities" / f"{CITY}.eml"
    mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert "\u00a0: la Municipalité régionale du Cap-Breton obtient" in mail["Subject"]


WOOD_BUFFALO = """\
date: 2048-09-20
total_certified: 321
languages: [en, fr-CA]
cities:
  new:
    - name: Regional Municipality of Wood Buffalo
      names: {fr-CA: Municipalité régionale de Wood Buffalo}
      region: AB
      country: CA
      level: silver
      dateline: Fort McMurray
    - {name: Burnaby, region: BC, country: CA, level: silver}
"""


def test_an_english_name_built_as_noun_of_place_takes_the(tmp_path: Path) -> None:
    # Reading 27: "— Regional Municipality of Wood Buffalo has earned" read as a headline's
    # words in a lead (CP: "the Regional Municipality of Wood Buffalo"); the headline drops the
    # article as headlines do.
    folder = build_round(tmp_path, "wood-buffalo", WOOD_BUFFALO, ["txt"])
    city = "regional-municipality-of-wood-buffalo-ab-ca.txt"
    paragraphs = (folder / "en" / "cities" / city).read_text("utf-8").split("\n\n")
    assert paragraphs[1].startswith("Regional Municipality of Wood Buffalo, Alta., earns ")
    assert (
        "Alta., Sept. 20, 2048 — The Regional Municipality of Wood Buffalo has earned"
        in (paragraphs[2])
    )
    program = " ".join((folder / "en" / "press-release.txt").read_text("utf-8").split())
    assert "the Regional Municipality of Wood Buffalo, Alberta, and Burnaby" in program
    assert not re.search(r"(?<!the )(?<!The )Regional Municipality", program)


@pytest.mark.parametrize(
    ("language", "dateline"),
    [("en", "FORT McMURRAY, Alta., Sept. 20, 2048 —"),
     ("fr-CA", "FORT McMURRAY (Alberta), le 20 septembre 2048 –")],
)  # fmt: skip
def test_a_datelines_mc_stays_as_written(tmp_path: Path, language: str, dateline: str) -> None:
    # "FORT MCMURRAY" read as a misprint: AP and CP set "McALLEN", "FORT McMURRAY".
    folder = build_round(tmp_path, "wood-buffalo", WOOD_BUFFALO, ["txt"], "--lang", language)
    city = "regional-municipality-of-wood-buffalo-ab-ca.txt"
    assert dateline in (folder / language / "cities" / city).read_text("utf-8")


def test_a_long_names_proper_part_is_never_split(tmp_path: Path) -> None:
    # « La Municipalité régionale de Wood / Buffalo obtient… » (Quebec desk, reading 27): a long
    # name may break between its parts, never inside "Wood Buffalo", in print, Word and on screen.
    import subprocess
    import zipfile

    folder = build_round(
        tmp_path, "wood-buffalo", WOOD_BUFFALO, ["pdf", "docx", "html"], "--lang", "fr-CA"
    )
    release = folder / "fr-CA" / "cities" / "regional-municipality-of-wood-buffalo-ab-ca"
    lines = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", f"{release}.pdf", "-"], check=True, capture_output=True,
        text=True,
    ).stdout.splitlines()  # fmt: skip
    assert not [line for line in lines if line.rstrip().endswith(" Wood")]
    assert any("Wood\u00a0Buffalo" in line or "Wood Buffalo" in line for line in lines)
    with zipfile.ZipFile(f"{release}.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "de Wood\u00a0Buffalo" in xml and "Wood Buffalo" not in xml  # the title too
    assert "Wood\u00a0Buffalo" in Path(f"{release}.html").read_text("utf-8")


RUSSELL = """\
date: 2049-10-18
embargo: 2049-10-18T11:00:00-04:00
total_certified: 345
languages: [en, fr-CA]
cities:
  new:
    - {name: Miramichi, region: NB, country: CA, level: gold}
    - name: Township of Russell
      names: {fr-CA: Canton de Russell}
      region: "ON"
      country: CA
      level: silver
      dateline: Embrun
    - {name: Penticton, region: BC, country: CA, level: silver}
"""


def test_a_city_whose_clock_no_record_gives_has_the_programs_time(tmp_path: Path) -> None:
    # Embrun is in no gazetteer and Ontario keeps two clocks: its release had the program's
    # list of Miramichi's and Penticton's times (CP desk's major, reading 28).
    folder = build_round(tmp_path, "russell", RUSSELL, ["txt"])
    city = "township-of-russell-on-ca.txt"
    english = (folder / "en" / "cities" / city).read_text("utf-8").splitlines()[0]
    assert english == "Embargoed until 11 a.m. ET, Oct. 18, 2049"
    french = (folder / "fr-CA" / "cities" / city).read_text("utf-8").splitlines()[0]
    assert french == "Sous embargo jusqu’au 18 octobre 2049, 11\u00a0h (heure de l’Est)"
    result = run(["check", str(tmp_path / "russell.yaml")])
    line = next(s for s in result.output.splitlines() if "Township of Russell:" in s)
    assert line.startswith(f"{tmp_path / 'russell.yaml'}:8:7: note: Township of Russell: no ")
    assert "give the city `timezone:`" in line
