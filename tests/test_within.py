"""A place that is part of a larger city (``within``): datelined in that city, said to be what
it is, never called a city, and placed by its city wherever it is listed (AP and EFE: a dateline
names the place without doubt; Peru has a Miraflores in Lima and one in Arequipa)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_round, illustrative_project, run

ROUND = "2043-05-americas"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = illustrative_project(tmp_path_factory.mktemp("within"), f"{ROUND}.yaml")
    result = run(["build", f"announcements/{ROUND}.yaml", "--format", "txt", "--out", "dist"],
                 cwd=project)  # fmt: skip
    assert result.exit_code == 0, result.output
    return project / "dist" / ROUND


def _text(built: Path, path: str) -> str:
    return " ".join((built / path).read_text("utf-8").split())


@pytest.mark.parametrize(
    ("path", "lead"),
    [
        ("en/cities/miraflores-lma-pe.txt", "LIMA, Peru, May 20, 2043 — Miraflores, a district of "
         "Lima, has earned What Works Cities Silver Certification in recognition of how it uses"),
        ("es/cities/miraflores-lma-pe.txt", "LIMA, 20 de mayo de 2043.— El distrito de Miraflores, "
         "en Lima, obtuvo la certificación Plata de What Works Cities en reconocimiento a la "
         "manera en que pone los datos"),
        ("es/cities/las-condes-rm-cl.txt", "SANTIAGO, 20 de mayo de 2043.— La comuna de Las "
         "Condes, en Santiago, pasó del nivel Plata al nivel Oro de la certificación What Works "
         "Cities en reconocimiento a la manera en que pone los datos"),
    ],
)  # fmt: skip
def test_its_release_is_datelined_in_its_city_and_says_what_it_is(
    built: Path, path: str, lead: str
) -> None:
    text = _text(built, path)
    assert lead in text
    assert "MIRAFLORES" not in text and "LAS CONDES" not in text
    assert not re.search(r"\b(the city|la ciudad)\b", text)  # it is not one


@pytest.mark.parametrize(
    ("language", "listed"),
    [
        # Never "Lima" as a state (AP desk, readings 24 and 25); what it is before its name where
        # the language says so there ("Cuauhtémoc (Ciudad de México)" left a quote's "una
        # alcaldía" nothing to point to: readings 27 and 28).
        ("en", "Miraflores, a district of Lima, Peru"),
        ("es", "El distrito de Miraflores (Lima, Perú)"),
        ("pt-BR", "A comuna de Las Condes (Santiago, Chile)"),
        ("fr-CA", "Le district de Miraflores (Lima, Pérou)"),
    ],
)
def test_the_program_release_places_it_by_its_city(built: Path, language: str, listed: str) -> None:
    assert listed in _text(built, f"{language}/press-release.txt")


def test_its_kind_is_needed_in_each_language_of_its_releases(tmp_path: Path) -> None:
    project = illustrative_project(tmp_path, f"{ROUND}.yaml")
    path = project / "announcements" / f"{ROUND}.yaml"
    text = path.read_text("utf-8").replace(", es: distrito", "")
    path.write_text(text, encoding="utf-8")
    result = run(["validate", str(path)], cwd=project)
    assert result.exit_code == 2
    line = text.splitlines().index(next(s for s in text.splitlines() if "within:" in s)) + 1
    assert f"{ROUND}.yaml:{line}:" in result.stderr
    assert "'cities.new.0.within.kind' has no 'es' text" in result.stderr


def test_a_kind_written_alike_in_two_languages_is_no_slip(tmp_path: Path) -> None:
    # "district" and "commune" are French words too: check does not ask for a translation.
    project = illustrative_project(tmp_path, f"{ROUND}.yaml")
    result = run(["check", f"announcements/{ROUND}.yaml"], cwd=project)
    said = result.stdout + result.stderr
    assert f"{ROUND}.yaml" in said  # checked (the date, years ahead, is a problem of its own)
    assert "within.kind" not in said


def test_its_name_keeps_its_capital_in_the_mail_subject(tmp_path: Path) -> None:
    # "…hora local: Ñuñoa obtiene…": a short name that only opens sentences, datelined in
    # another city, is still a name after the Subject's colon (reading 20: "ñuñoa obtiene").
    import email
    import email.policy

    project = illustrative_project(tmp_path, f"{ROUND}.yaml")
    args = ["--lang", "es", "--only", "cities", "--format", "eml", "--out", "dist"]
    result = run(["build", f"announcements/{ROUND}.yaml", *args], cwd=project)
    assert result.exit_code == 0, result.output
    path = project / "dist" / ROUND / "es" / "cities" / "nunoa-rm-cl.eml"
    mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert mail["Subject"].endswith(": Ñuñoa obtiene la certificación Plata de What Works Cities")


def test_a_city_that_takes_its_article_keeps_it_after_the_kind(tmp_path: Path) -> None:
    # "La alcaldía Coyoacán, en la Ciudad de México": the city takes its article in running
    # text; the kind its noun's ("comuna de Santiago" names another commune: reading 24), and
    # an alcaldía its name without "de", as Mexico City's press writes it (reading 28).
    text = (
        "date: 2044-04-20\ntotal_certified: 300\nlanguages: [en, es]\ncities:\n  new:\n"
        "    - name: Coyoacán\n      region: CMX\n      country: MX\n      level: silver\n"
        "      within: {city: Ciudad de México, kind: {en: borough, es: alcaldía}}\n"
    )
    folder = build_round(tmp_path, "cdmx", text, ["txt"])
    lead = " ".join((folder / "es" / "cities" / "coyoacan-cmx-mx.txt").read_text("utf-8").split())
    assert (
        "CIUDAD DE MÉXICO, 20 de abril de 2044.— La alcaldía Coyoacán, en la Ciudad de México, "
        in lead
    )
    # Placed by its city as a series places that city: AP's Mexico City stands alone (reading 21:
    # "Coyoacán, Mexico City, Mexico" read as a town of a state called Mexico City).
    english = " ".join((folder / "en" / "press-release.txt").read_text("utf-8").split())
    assert "Coyoacán, a borough of Mexico City" in english and "Mexico City, Mexico" not in english


def test_an_ap_headline_places_a_district_as_any_city(built: Path) -> None:
    # "Miraflores, Peru, earns…", as "Córdoba, Argentina, earns…": "Barranco (Lima), Peru" read as
    # AP's parentheses for a name (reading 25), "Santiago's Providencia commune" as no English
    # (reading 27); the lead says what it is.
    headline = (
        (built / "en" / "cities" / "miraflores-lma-pe.txt").read_text("utf-8").split("\n\n")[1]
    )
    assert headline == "Miraflores, Peru, earns What Works Cities Silver Certification"


def test_an_english_kind_that_opens_with_a_vowel_takes_an(tmp_path: Path) -> None:
    # "Tlalpan, an alcaldía of Mexico City": the article goes with the file's word, in the lead
    # and in lists alike (the lead's pattern had "a" fixed before it: "a alcaldía").
    text = (
        "date: 2044-04-20\ntotal_certified: 300\nlanguages: [en]\ncities:\n  new:\n"
        "    - name: Tlalpan\n      region: CMX\n      country: MX\n      level: silver\n"
        "      within: {city: Ciudad de México, kind: {en: alcaldía}}\n"
    )
    folder = build_round(tmp_path, "tlalpan", text, ["txt"])
    lead = " ".join((folder / "en" / "cities" / "tlalpan-cmx-mx.txt").read_text("utf-8").split())
    assert "— Tlalpan, an alcaldía of Mexico City, has earned What Works Cities Silver" in lead
    listed = " ".join((folder / "en" / "press-release.txt").read_text("utf-8").split())
    assert "Tlalpan, an alcaldía of Mexico City" in listed and "a alcaldía" not in listed


def test_a_borough_in_a_press_that_places_cities_by_province_names_its_city_once(
    tmp_path: Path,
) -> None:
    # "Verdun, a borough of Montreal, Montreal, and Paradise, N.L." (CP desk's blocker, reading
    # 29): the borough is placed by its city before any province.
    text = (
        "date: 2050-06-16\ntotal_certified: 112\nlanguages: [en, fr-CA]\n"
        'dateline: {name: Ottawa, region: "ON", country: CA}\ncities:\n  new:\n'
        "    - name: Verdun\n      region: QC\n      country: CA\n      level: silver\n"
        "      within: {city: Montréal, kind: {en: borough, fr-CA: arrondissement}}\n"
        "    - {name: Paradise, region: NL, country: CA, level: silver}\n"
    )
    folder = build_round(tmp_path, "verdun", text, ["txt"])
    english = " ".join((folder / "en" / "press-release.txt").read_text("utf-8").split())
    assert "Silver Certification: Paradise, N.L., and Verdun, a borough of Montreal." in english
    assert "Montreal, Montreal" not in english
    french = " ".join((folder / "fr-CA" / "press-release.txt").read_text("utf-8").split())
    assert (
        ": l’arrondissement de Verdun (Montréal) et Paradise (Terre-Neuve-et-Labrador)." in french
    )
