"""Only what the records prove: firsts, years and counts held to what the roster knows, and
program quotes only in the releases they fit. The January 2024 round (tests/rounds/) is built
with and without the earlier rounds recorded."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, html_text, run

ROUND = Path(__file__).parent / "rounds" / "2024-01-international.yaml"
LANGS = ["en", "es", "pt-BR", "fr-CA"]
ID = "2024-01-international"

# Settings of the project that knows the earlier rounds: the baseline (every city before June
# 2023 was in the United States) and Chattanooga's Gold of an earlier round; the June 2023
# sample file is copied beside the round.
KNOWN = """
roster:
  - date: 2019-04
    cities: [{name: Chattanooga, region: TN, country: US, level: gold, status: new}]
  - date: 2023-05
    countries_to_date: [US]
"""


def _project(project: Path, roster: str) -> Path:
    settings = project / "wwc-press.yaml"
    settings.write_text(settings.read_text("utf-8").split("\nroster:")[0] + roster, "utf-8")
    shutil.copy(ROUND, project / "announcements")
    return project


def _build(project: Path) -> Path:
    args = ["build", "--format", "html", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / ID


@pytest.fixture(scope="module")
def unknown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The round built by a project that knows nothing before it."""
    from conftest import project as copy  # the fixture's body, for a module-wide copy

    root = _project(copy.__wrapped__(tmp_path_factory.mktemp("unknown")), "\n")
    return _build(root)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The round built by a project that records the earlier rounds."""
    from conftest import project as copy

    root = _project(copy.__wrapped__(tmp_path_factory.mktemp("known")), KNOWN)
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", root / "announcements")
    return _build(root)


def _lead(folder: Path, page: str) -> str:
    text = (folder / page).read_text("utf-8")
    lead = re.search(r'<p class="lead" id="lead">(.*?)</p>', text, re.S)
    assert lead
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", lead.group(1))))


# The lead's news of firsts, when the roster proves them: Colombia and Mexico, not Argentina
# or Brazil (June 2023), and "among" them, for the file lists only seven of the 12 new cities.
FIRSTS = {
    "en": "Bogotá, Medellín and Rionegro are among the program’s first certified cities in "
    "Colombia. Monterrey is among the first in Mexico.",
    # Spanish and Portuguese place each by its department or state, the capital alone and
    # last, so that "(Antioquia)" never closes a series that holds Bogotá.
    "es": "Medellín (Antioquia), Rionegro (Antioquia) y Bogotá están entre las primeras "
    "ciudades colombianas certificadas por el programa. Monterrey (Nuevo León) está entre las "
    "primeras ciudades mexicanas.",
    "pt-BR": "Medellín (Antioquia), Rionegro (Antioquia) e Bogotá estão entre as primeiras "
    "cidades colombianas certificadas pelo programa. Monterrey (Nuevo León) está entre as "
    "primeiras cidades mexicanas.",
    "fr-CA": "Bogota, Medellín et Rionegro figurent parmi les premières villes colombiennes "
    "certifiées par le programme. Monterrey figure parmi les premières villes mexicaines.",
}
FIRST_WORDS = {"en": "first cit", "es": "primeras ciudades", "pt-BR": "primeiras cidades",
               "fr-CA": "premières villes"}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_firsts_are_printed_only_where_the_roster_proves_them(
    unknown: Path, known: Path, lang: str
) -> None:
    assert FIRSTS[lang] in _lead(known / lang, "press-release.html")
    assert FIRST_WORDS[lang].replace(" cit", " certified cit") in FIRSTS[lang]
    assert FIRST_WORDS[lang].replace(" cit", " certified cit") not in _lead(
        unknown / lang, "press-release.html"
    )
    if lang == "fr-CA":
        return  # no city of the round has its releases in French
    city = "monterrey-nle-mx" if lang != "pt-BR" else "recife-pe-br"
    proven = city == "monterrey-nle-mx"
    # "among the first cities in Mexico": others of the round may be in it too
    assert (FIRST_WORDS[lang] in _lead(known / lang / "cities", f"{city}.html")) is proven
    assert FIRST_WORDS[lang] not in _lead(unknown / lang / "cities", f"{city}.html")


def test_check_notes_the_firsts_and_years_it_held_back(tmp_path: Path) -> None:
    from conftest import project as copy

    root = _project(copy.__wrapped__(tmp_path), "\n")
    result = run(["check"], cwd=root)
    assert result.exit_code == 0, result.output  # notes do not fail the check
    assert ": note: " not in result.stderr  # problems only there
    notes = [line for line in result.stdout.splitlines() if ": note: " in line]
    line = next(n for n, text in enumerate(ROUND.read_text("utf-8").splitlines(), 1)
                if "Monterrey" in text)  # fmt: skip
    assert (
        f"announcements/{ID}.yaml:{line}:7: note: Monterrey: not called the first in Mexico: the "
        "roster does not know the countries of the 62 cities certified before 2024-01-23; "
        "record them in the settings' roster"
    ) in notes
    assert len([n for n in notes if "not called the first" in n]) == 7
    assert any(
        "no year for the level of Chattanooga, San Francisco and Madison" in n for n in notes
    )


# What each language says with the round's counts (12 new, 2 up, 3 renewed: 17), though the
# file lists seven new cities.
COUNTS = {
    "en": [
        "today announced that 12 cities have earned",
        "Monterrey is one of 12 cities certified for the first time in this round, which "
        "recognizes 17 cities in all.",
        "Phoenix is one of two cities that moved up a level in this round, which recognizes 17 "
        "cities in all.",
    ],
    "es": [
        "12 ciudades obtuvieron",
        "Monterrey es una de las 12 ciudades que obtienen por primera vez la certificación en "
        "esta convocatoria, en la que se reconoce a 17 ciudades en total.",
        "Bogotá es una de las 12 ciudades",
    ],
    "pt-BR": [
        "12 cidades",
        "Recife é uma das 12 cidades certificadas pela primeira vez nesta edição, em que 17 "
        "cidades foram reconhecidas ao todo.",
        "Bogotá",
    ],
    "fr-CA": ["12 villes", "", ""],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_counts_are_the_rounds_not_the_listed_cities(known: Path, lang: str) -> None:
    lead, city, other = COUNTS[lang]
    assert lead in _lead(known / lang, "press-release.html")
    release = html_text(known / lang / "press-release.html")
    # The tense of the lead ("obtuvieron", "conquistaram"), which said they earned it.
    among = {"en": "Among the newly certified cities,", "es": "entre las nuevas ciudades "
             "certificadas y", "pt-BR": "entre as estreantes e",
             "fr-CA": "parmi les villes nouvellement certifiées et"}  # fmt: skip
    assert among[lang] in release
    if city:
        slug = {"en": "monterrey-nle-mx", "es": "monterrey-nle-mx", "pt-BR": "recife-pe-br"}[lang]
        assert city in html_text(known / lang / "cities" / f"{slug}.html")
    if lang == "en":
        assert other in html_text(known / "en" / "cities" / "phoenix-az-us.html")
    page = (known / lang / "report.html").read_text("utf-8")
    figures = re.findall(r'<tr(?: class="total")?><th scope="row">[^<]+</th><td>(\d+)</td>', page)
    assert figures[:4] == ["12", "2", "3", "17"]  # new, up, renewed, in all
    chart = re.search(r"<desc[^>]*>(.*?)</desc>", page, re.S)
    assert chart
    # The last bar: the round's cities not named, whose level the file does not give.
    last_bar = chart.group(1).strip().split(". ")[-1].split(": ", 1)[1]
    assert last_bar.split("; ")[0].rstrip(".").endswith(" 5")


def test_a_quote_for_new_cities_stays_out_of_other_releases(known: Path) -> None:
    cities = known / "en" / "cities"
    welcome = "We welcome the 12 cities"
    assert welcome in html_text(known / "en" / "press-release.html")
    assert welcome in html_text(known / "en" / "report.html")
    assert welcome in html_text(cities / "monterrey-nle-mx.html")
    for city in ("phoenix-az-us", "tempe-az-us", "chattanooga-tn-us", "madison-wi-us"):
        assert "Laura Medina" not in html_text(cities / f"{city}.html")
    recife = html_text(cities / "recife-pe-br.html")
    assert recife.index("Ana Souza") < recife.index("Laura Medina")  # the city's voice first


def test_counts_below_the_cities_listed_are_refused(tmp_path: Path) -> None:
    from conftest import project as copy

    root = _project(copy.__wrapped__(tmp_path), "\n")
    path = root / "announcements" / f"{ID}.yaml"
    text = path.read_text("utf-8").replace("upgraded: 2,", "upgraded: 1,")
    path.write_text(text.replace("releases: [new]", "releases: [nwe]"), "utf-8")
    result = run(["validate"], cwd=root)
    assert result.exit_code == 2
    assert (
        f"announcements/{ID}.yaml:8:29: counts.upgraded is 1, but the file lists 2 upgraded "
        "cities: write at least 2"
    ) in result.stderr
    assert (
        "'nwe' is neither a status (new, upgraded, recertified) nor a city of this "
        "announcement; did you mean 'new'?" in result.stderr
    )
    schema = run(["schema"]).stdout
    assert '"counts"' in schema and '"releases"' in schema


# The round's number, then the cities the file names "among them" (alone, they read as if
# they were the only ones), the subject of their own verb: "which went from…" after a list
# read as said of its last city only; in French not the same verb twice ("passent au niveau
# supérieur, dont …, qui passent du niveau Argent").
PARTIAL = {
    "en": "Four previously certified cities moved up a level. Among them, Boulder, Colorado, and "
    "Mogi das Cruzes, Brazil, went from Silver to Gold.",
    "fr-CA": "Quatre villes déjà certifiées montent d’un niveau. Parmi elles, Boulder (Colorado) "
    "et Mogi das Cruzes (Brésil) passent du niveau Argent au niveau Or.",
}


def test_a_round_known_by_some_of_its_cities_says_among_them(project: Path) -> None:
    """February 2025 (the sample): 21 new cities and four moving up, of which the file names two
    each."""
    for path in (ROOT / "announcements").glob("202[345]-*.yaml"):
        shutil.copy(path, project / "announcements")
    args = ["build", "announcements/2025-02-international.yaml", "--lang", "en", "--lang",
            "fr-CA", "--only", "release", "--format", "html", "--out", "dist"]  # fmt: skip
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    folder = project / "dist" / "2025-02-international"
    for lang, upgraded in PARTIAL.items():
        text = html_text(folder / lang / "press-release.html")
        assert upgraded in text
    lead = _lead(folder / "en", "press-release.html")
    assert "today announced that 21 cities have earned" in lead
    assert (
        "Winnipeg, Manitoba, and Hamilton, Ontario, are among the program’s first certified cities"
    ) in lead
    assert "countries:" not in lead  # the countries of the 19 unnamed cities are not known


def test_a_total_above_what_the_roster_counts_holds_the_firsts_back(tmp_path: Path) -> None:
    """The round says 80 cities to date; the roster counts 62 before it and the round adds 12:
    six cities were certified in rounds nobody recorded, in countries nobody knows."""
    from conftest import project as copy

    root = _project(copy.__wrapped__(tmp_path), KNOWN)
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", root / "announcements")
    path = root / "announcements" / f"{ID}.yaml"
    path.write_text(path.read_text("utf-8").replace("total_certified: 74", "total_certified: 80"))
    result = run(["check", str(path)], cwd=root)
    assert result.exit_code == 0, result.output
    assert (
        "Monterrey: not called the first in Mexico: the roster does not know the countries of "
        "the 6 cities certified before 2024-01-23"
    ) in result.stdout
    # ... and says the total a desk would count, in case no round came between.
    assert (
        "note: the total to date, 80, is 6 more than the 62 certified before and this round's "
        "12 new cities: if no round came between that the roster does not record, the total "
        "is 74"
    ) in result.stdout
    built = run(["build", str(path), "--lang", "en", "--format", "html", "--out", "dist"],
                cwd=root)  # fmt: skip
    assert built.exit_code == 0, built.output
    lead = _lead(root / "dist" / ID / "en", "press-release.html")
    assert "80 cities" in html_text(root / "dist" / ID / "en" / "press-release.html")
    assert "first certified cities in their countries" not in lead


def test_check_says_a_total_it_derived_rests_on_the_roster(project: Path) -> None:
    for name in ("2023-06-international", "2024-06-international"):
        shutil.copy(ROOT / "announcements" / f"{name}.yaml", project / "announcements")
    result = run(["check"], cwd=project)
    assert result.exit_code == 0, result.output
    # The June 2024 file gives no total: 74 after January 2024 (the settings' round), 9 new.
    assert (
        "announcements/2024-06-international.yaml:2:7: note: the total to date, 83, is the "
        "roster's 74 and this round's 9 new cities: if a round came between that the roster "
        "does not record, give total_certified"
    ) in result.stdout
    # The June 2023 file states its total: nothing to say about it.
    assert "2023-06-international.yaml:2:7: note: the total" not in result.stdout


def test_the_about_paragraph_states_only_the_programs_facts_the_settings_give(
    project: Path,
) -> None:
    """The year the program began and who may apply are the settings' facts: without them the
    About paragraph says neither, in any language."""
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8")
    text = re.sub(r"\nlaunched: 2017\neligibility:\n(?:  .*\n)+", "\n", text)
    assert "launched:" not in text and "eligibility:" not in text
    settings.write_text(text, "utf-8")
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    args = ["build", "--format", "html", "--only", "release", "--out", "dist"]
    assert run(args, cwd=project).exit_code == 0
    for lang, said, unsaid in [
        ("en", "What Works Cities Certification, led by Results for America, assesses",
         ["2017", "30,000", "may apply"]),
        ("es", "La certificación What Works Cities, dirigida por Results for America, analiza",
         ["creada en", "30\u00a0000", "postularse"]),
    ]:  # fmt: skip
        about = html_text(project / "dist" / SAMPLE_ID / lang / "press-release.html")
        paragraph = about[about.index(said) :].split(" levels. ", 1)[0].split(" Platino. ", 1)[0]
        after = about[about.index(said) + len(paragraph) :][:120]  # the sentence after it
        assert not [word for word in unsaid if word in paragraph + after]
