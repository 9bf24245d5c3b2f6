"""The list of other times in a program release's embargo line says each hour once, east to
west, with the zones or places that read it; Saskatchewan, which keeps standard time all year,
is named there as its own release names it ("CST", « heure normale du Centre »), unless the
list holds Manitoba's daylight time an hour apart (then by its cities: tests/test_embargo_times).

A Canadian Press desk read "(11 a.m. AT, 8 a.m. in Saskatoon, 8 a.m. MT, 7 a.m. PT)": the same
hour twice, a city among zones, and not the "8 a.m. CST" of Saskatoon's own release.
"""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_round, run

# Ottawa's round of June 2032 (/tmp/w/r9): 11 a.m. in Halifax and Moncton (ADT), 8 a.m. in
# Edmonton (MDT) and Saskatoon (CST all year), 7 a.m. in Victoria (PDT); Gatineau on Ottawa's.
JUNE = """\
date: 2032-06-10
languages: [en, fr-CA]
embargo: 2032-06-10T10:00:00-04:00
dateline: {name: Ottawa, region: "ON", country: CA}
cities:
  new:
    - {name: Ottawa, region: "ON", country: CA, level: gold}
    - {name: Gatineau, region: QC, country: CA, level: silver}
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: Moncton, region: NB, country: CA, level: silver}
    - {name: Edmonton, region: AB, country: CA, level: gold}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
    - {name: Victoria, region: BC, country: CA, level: silver}
"""

# In December Manitoba keeps Saskatchewan's clock: no Central time an hour apart.
DECEMBER = """\
date: 2032-12-09
languages: [en, fr-CA]
embargo: 2032-12-09T10:00:00-05:00
dateline: {name: Ottawa, region: "ON", country: CA}
cities:
  new:
    - {name: Brandon, region: MB, country: CA, level: silver}
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: Edmonton, region: AB, country: CA, level: silver}
"""

# From New York, where AP, the Spanish and the Brazilian desks name each clock by its places.
AMERICAS = """\
date: 2032-06-10
languages: [en, es, pt-BR]
embargo: 2032-06-10T10:00:00-04:00
cities:
  new:
    - {name: Edmonton, region: AB, country: CA, level: silver}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
    - {name: Bogotá, region: DC, country: CO, level: silver}
    - {name: Lima, region: LIM, country: PE, level: silver}
    - {name: Manaus, region: AM, country: BR, level: silver}
    - {name: Cuiabá, region: MT, country: BR, level: silver}
    - {name: Recife, region: PE, country: BR, level: silver}
"""

EN_JUNE = "Embargoed until June 10, 2032, at 10 a.m. ET (11 a.m. ADT, 8 a.m. MT and CST, 7 a.m. PT)"
FR_JUNE = (
    "Sous embargo jusqu’au 10 juin 2032, 10 h (heure de l’Est), soit 11 h (heure de "
    "l’Atlantique) à Halifax et à Moncton; 8 h à Edmonton (heure des Rocheuses) et à Saskatoon "
    "(heure normale du Centre); 7 h (heure du Pacifique) à Victoria"
)


@pytest.fixture(scope="module")
def june(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("clock"), "june", JUNE, ("txt", "pdf"))


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _embargo_line(folder: Path, lang: str) -> str:
    """The release's first line, the embargo's, its spaces read as spaces."""
    return _line((folder / lang / "press-release.txt").read_text("utf-8").split("\n", 1)[0])


def _first_page(path: Path) -> str:
    """The words of a PDF's first page (a release's head, the report's cover)."""
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return re.sub(r"\u2010\n", "", raw).replace("\u2010", "-")  # hyphenation undone


@pytest.mark.parametrize(("lang", "line"), [("en", EN_JUNE), ("fr-CA", FR_JUNE)])
def test_each_hour_is_said_once_with_its_zones(june: Path, lang: str, line: str) -> None:
    """CP: "8 a.m. MT and CST", not "8 a.m. in Saskatoon, 8 a.m. MT"; Quebec: « 8 h à Edmonton
    (heure des Rocheuses) et à Saskatoon (heure normale du Centre) », in the program release's
    text and PDF and on the report's cover."""
    folder = june / lang
    assert line in _line((folder / "press-release.txt").read_text("utf-8"))
    assert line in _line(_first_page(folder / "press-release.pdf"))
    assert line in _line(_first_page(folder / "report.pdf"))


@pytest.mark.parametrize(
    ("lang", "own", "apart"),
    [
        ("en", "8 a.m. CST", "in Saskatoon"),
        ("fr-CA", "8 h (heure normale du Centre)", "8 h à Saskatoon"),
    ],
)
def test_the_list_names_saskatoon_as_its_own_release_does(
    june: Path, lang: str, own: str, apart: str
) -> None:
    """Saskatoon's release and the program's list give its hour and zone the same way."""
    city = (june / lang / "cities" / "saskatoon-sk-ca.txt").read_text("utf-8")
    assert own in _line(city.split("\n")[0])
    listed = _embargo_line(june, lang)
    zone = own.split(" ", 2)[-1]  # "CST", "(heure normale du Centre)"
    assert zone in listed and apart not in listed  # its zone, not its city among zones
    clocks = re.findall(r"\b\d{1,2}(?: a\.m\.| h)", listed.split("(", 1)[1])
    assert len(clocks) == len(set(clocks)), listed  # no hour twice


def test_in_winter_saskatchewan_shares_manitobas_hour(tmp_path: Path) -> None:
    """In winter Manitoba and Saskatchewan both read Central standard time: one zone, named
    once ("9 a.m. CT", not "9 a.m. CT and CST")."""
    folder = build_round(tmp_path, "december", DECEMBER, ("txt",))
    english = (folder / "en" / "press-release.txt").read_text("utf-8")
    assert "at 10 a.m. ET (9 a.m. CT, 8 a.m. MT)" in english
    french = _line((folder / "fr-CA" / "press-release.txt").read_text("utf-8"))
    assert (
        "soit 9 h (heure du Centre) à Brandon et à Regina; 8 h "
        "(heure des Rocheuses) à Edmonton" in french
    )


def test_desks_that_name_places_say_each_hour_once(tmp_path: Path) -> None:
    """AP, the Spanish and the Brazilian desks give one hour once, with all its places."""
    folder = build_round(tmp_path, "americas", AMERICAS, ("txt", "eml"))
    for lang, line in [
        # AP gives its own zone alone: a North American city's clock is its readers' to work out.
        ("en", "Embargoed until 10 a.m. EDT, June 10, 2032"),
        ("es", "a las 10:00 en Nueva York (9:00 en Bogotá y Lima)"),
        ("pt-BR", "às 10h em Nova York (11h em Brasília; 10h em Manaus e Cuiabá)"),
    ]:
        assert line in _line((folder / lang / "press-release.txt").read_text("utf-8")), lang
    # A Brazilian city off Brasília's clock gives its own time, then Brasília's, which the
    # country's desks work on, not New York's (Folha, Estadão: reading 28); so does its Subject.
    cuiaba = folder / "pt-BR" / "cities" / "cuiaba-mt-br.txt"
    assert _line(cuiaba.read_text("utf-8").split("\n")[0]) == (
        "Sob embargo até 10 de junho de 2032, às 10h, horário de Cuiabá (11h em Brasília)"
    )
    mail = email.message_from_bytes(
        cuiaba.with_suffix(".eml").read_bytes(), policy=email.policy.default
    )
    assert mail["Subject"].startswith("Sob embargo até 10 de junho de 2032, às 11h (horário de ")
    assert mail["Subject"].split(": ", 1)[0].endswith("(horário de Brasília)")


# Canadian cities on New York's clock, for the English release's readers in Canada.
EASTERN = """\
date: 2033-05-18
languages: [en]
embargo: 2033-05-18T11:00:00-04:00
cities:
  new:
    - {name: London, region: "ON", country: CA, level: silver}
    - {name: Lévis, region: QC, country: CA, level: silver}
"""


def test_a_place_on_the_programs_own_clock_is_not_listed_again(tmp_path: Path) -> None:
    """AP: "11 a.m. EDT (11 a.m. in Lévis and London)" said one time twice."""
    folder = build_round(tmp_path, "eastern", EASTERN, ("txt",), "--only", "release")
    assert _embargo_line(folder, "en") == "Embargoed until 11 a.m. EDT, May 18, 2033"


# Datelined in São Paulo, embargoed at 10 a.m. there: the file writes São Paulo's offset.
SAO_PAULO = """\
date: 2034-09-20
languages: [en, pt-BR]
dateline: {name: São Paulo, region: SP, country: BR}
embargo: 2034-09-20T10:00:00-03:00
cities:
  new:
    - {name: Londrina, region: PR, country: BR, level: silver}
"""


def test_a_release_datelined_on_another_clock_tells_its_country_its_own_time(
    tmp_path: Path,
) -> None:
    """A Brazilian desk read "às 9h (horário de Nova York)" on a release from São Paulo: its
    readers get Brasília's time, AP's readers New York's; the file's -03:00 is no slip."""
    (tmp_path / "sp.yaml").write_text(SAO_PAULO, encoding="utf-8")
    result = run(["validate", str(tmp_path / "sp.yaml")])
    assert result.exit_code == 0 and "offset" not in result.output, result.output
    folder = build_round(tmp_path, "sp", SAO_PAULO, ("txt", "eml"), "--only", "release")
    lines = {lang: _embargo_line(folder, lang) for lang in ("en", "pt-BR")}
    assert lines["pt-BR"] == "Sob embargo até 20 de setembro de 2034, às 10h (horário de Brasília)"
    assert lines["en"] == "Embargoed until 9 a.m. EDT, Sept. 20, 2034"
    mail = (folder / "pt-BR" / "press-release.eml").read_text("utf-8")
    assert "Date: Wed, 20 Sep 2034 10:00:00 -0300" in mail


# A US city on the Pacific clock and a Canadian one on Mountain time, from New York.
NORTH_AMERICA = """\
date: 2034-03-15
languages: [en]
embargo: 2034-03-15T10:00:00-04:00
cities:
  new:
    - {name: Durham, region: NC, country: US, level: silver}
    - {name: Calgary, region: AB, country: CA, level: silver}
  upgraded:
    - {name: Seattle, region: WA, country: US, from: gold, level: platinum}
"""


def test_ap_gives_its_own_zone_alone_in_the_programs_release(tmp_path) -> None:
    """AP: "(8 a.m. in Calgary)" named one city's time, and left Seattle's out."""
    folder = build_round(tmp_path, "na", NORTH_AMERICA, ("txt",), "--only", "release")
    assert _embargo_line(folder, "en") == "Embargoed until 10 a.m. EDT, March 15, 2034"


# Saskatchewan alone at its hour, in September, from Toronto.
LONE_REGINA = """\
date: 2035-09-24
languages: [en, fr-CA]
dateline: {name: Toronto, region: "ON", country: CA}
embargo: 2035-09-24T10:00:00-04:00
cities:
  new:
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: St. John's, region: NL, country: CA, level: gold}
"""


def test_saskatchewan_alone_at_its_hour_is_named_by_its_cities(tmp_path) -> None:
    """CP: a lone "8 a.m. CST" read as a slip in September, when the rest of Central time is on
    CDT: "8 a.m. in Regina", as beside Manitoba; beside Alberta's hour, "MT and CST"."""
    folder = build_round(tmp_path, "regina", LONE_REGINA, ("txt",), "--only", "release")
    first = {lang: _embargo_line(folder, lang) for lang in ("en", "fr-CA")}
    assert (
        first["en"]
        == "Embargoed until Sept. 24, 2035, at 10 a.m. ET (11:30 a.m. NDT, 8 a.m. in Regina)"
    )
    # Quebec: its zone, as its own release names it (readings 15 and 17).
    assert first["fr-CA"].endswith("8 h (heure normale du Centre) à Regina")


# Datelined in Winnipeg in November: Saskatchewan reads Winnipeg's hour, and Truro, N.S., is a
# town too small for GeoNames' list of cities.
WINNIPEG_NOVEMBER = """\
date: 2039-11-09
languages: [en, fr-CA]
dateline: {name: Winnipeg, region: MB, country: CA}
embargo: 2039-11-09T10:00:00-06:00
cities:
  new:
    - {name: Moose Jaw, region: SK, country: CA, level: gold}
    - {name: Truro, region: NS, country: CA, level: silver}
    - {name: Red Deer, region: AB, country: CA, level: silver}
    - {name: Barrie, region: "ON", country: CA, level: silver}
"""


def test_a_line_on_another_clock_names_each_hour_once_and_every_citys(tmp_path: Path) -> None:
    """The program's line from Winnipeg gave "10 a.m. CT (11 a.m. ET, 10 a.m. CT, 9 a.m. MT)":
    its own hour again for Moose Jaw, and no time for Truro, whose release printed the program's
    line instead of its own noon (CP and Quebec desks, reading 16)."""
    folder = build_round(tmp_path, "winnipeg", WINNIPEG_NOVEMBER, ("txt",))
    english = _embargo_line(folder, "en")
    assert (
        english == "Embargoed until Nov. 9, 2039, at 10 a.m. CT (noon AST, 11 a.m. ET, 9 a.m. MT)"
    )
    french = _embargo_line(folder, "fr-CA")
    assert french.count("10 h") == 1 and "12 h (heure de l’Atlantique) à Truro" in french
    truro = {
        lang: _line(
            (folder / lang / "cities" / "truro-ns-ca.txt").read_text("utf-8").split("\n")[0]
        )
        for lang in ("en", "fr-CA")
    }
    assert truro["en"] == "Embargoed until noon AST (10 a.m. CT), Nov. 9, 2039"
    assert truro["fr-CA"].startswith(
        "Sous embargo jusqu’au 9 novembre 2039, 12 h (heure de l’Atlantique)"
    )
