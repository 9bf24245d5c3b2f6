"""Names and wording the fourth native desk reading corrected, each a class, read in built
outputs of two rounds nobody read: one across the Americas datelined in New York, one datelined
in Quebec City.

- A city release's lead ends on its attribution (AP, CP): "…in recognition of how the city
  uses data and evidence to serve its residents, Results for America announced today."
- A group the file names only in part is told as one: a city alone is "among" the group, the
  group's count and its named cities one sentence; a whole group of single cities at different
  levels one sentence, "respectively".
- Whether a US city takes its country is the release's decision, not each sentence's.
- Press exonyms (data/exonyms.yaml): "Quebec", "San Petersburgo", "Rosário", "Filadelfia".
- A large figure in prose as each press writes it: "30 000" (RAE), "30 mil" (Estadão).
- The report names the cities it does not list for what they are: "Other cities (not
  listed)", not "Level not given".
- Quebec French: « la Ville » for the municipal administration; what a level asks for; the
  lead-in of the examples.
- The end mark: -30- ends a Canadian release's text, its contacts under it; ### last.
- A city alone in its group is "the only city to renew its certification in this round",
  not "recognized along with 20 other cities".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, build_round, html_text, pdf_text, run

# Partial new cities (six in the round, three named: one Gold, two Silver), partial upgrades at
# two steps, and a whole group of renewals, one city per level, one of them in the US.
AMERICAS = """\
date: 2027-04-20
languages: [en, es, pt-BR]
total_certified: 140
counts: {new: 6, upgraded: 3, recertified: 2}
cities:
  new:
    - {name: Philadelphia, region: PA, country: US, level: gold}
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Campinas, region: SP, country: BR, level: silver}
  upgraded:
    - {name: Curitiba, region: PR, country: BR, from: silver, level: gold}
    - {name: Tampa, region: FL, country: US, from: gold, level: platinum}
  recertified:
    - {name: Louisville, region: KY, country: US, level: gold}
    - {name: Valparaíso, region: VS, country: CL, level: silver}
highlights:
  - city: Campinas
    text:
      en: Campinas redrew 23 bus routes for its 41,000 students.
      pt-BR: A prefeitura de Campinas redesenhou 23 linhas de ônibus para seus 41.000 estudantes.
"""

# Datelined in Quebec City: one Gold city named of the new ones, one upgrade named of two, and
# the round's only renewal, in the United States.
QUEBEC = """\
date: 2027-11-09
languages: [en, fr-CA, es]
embargo: 2027-11-09T10:00:00-05:00
total_certified: 160
counts: {new: 5, upgraded: 2, recertified: 1}
dateline: {name: Québec, region: QC, country: CA, names: {en: Quebec City}}
cities:
  new:
    - {name: Sherbrooke, region: QC, country: CA, level: gold}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
    - {name: Monterrey, region: NLE, country: MX, level: silver}
  upgraded:
    - {name: Victoria, region: BC, country: CA, from: silver, level: gold}
  recertified:
    - {name: New Orleans, region: LA, country: US, level: gold}
highlights:
  - city: Sherbrooke
    text:
      en: Sherbrooke publishes the response time of every resident's request.
      fr-CA: Sherbrooke publie le délai de réponse de chaque demande de citoyen.
      es: Sherbrooke publica el plazo de respuesta de cada solicitud de los vecinos.
"""


@pytest.fixture(scope="module")
def americas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("names"), "americas", AMERICAS, ("txt", "html"))


@pytest.fixture(scope="module")
def quebec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("names"), "quebec", QUEBEC, ("txt", "html"))


def _txt(folder: Path, lang: str, output: str = "press-release") -> str:
    return " ".join((folder / lang / f"{output}.txt").read_text("utf-8").replace("\u00a0", " ")
                    .split())  # fmt: skip


# The attribution ends a city release's lead


@pytest.mark.parametrize(
    ("lang", "city", "lead"),
    [
        ("en", "rosario-s-ar", "Rosario has earned What Works Cities Silver Certification in "
         "recognition of how the city uses data and evidence to serve its residents, Results for "
         "America announced today."),
        ("en", "curitiba-pr-br", "Curitiba has moved up from Silver to What Works Cities Gold "
         "Certification in recognition of how the city uses data and evidence to serve its "
         "residents, Results for America announced today."),
        ("en", "louisville-ky-us", "Louisville has renewed its What Works Cities Gold "
         "Certification in recognition of how the city continues to use data and evidence to "
         "serve its residents, Results for America announced today."),
        ("es", "rosario-s-ar", "Rosario (Santa Fe) obtuvo la certificación Plata de What Works "
         "Cities en reconocimiento a la manera en que la ciudad pone los datos y la evidencia "
         "al servicio de sus habitantes, anunció hoy Results for America."),
        ("es", "valparaiso-vs-cl", "renovó su certificación Plata de What Works Cities en "
         "reconocimiento a la manera en que la ciudad sigue poniendo los datos y la evidencia al "
         "servicio de sus habitantes, anunció hoy Results for America."),
        ("pt-BR", "campinas-sp-br", "Campinas conquistou a certificação Prata do What Works "
         "Cities em reconhecimento à forma como a cidade usa dados e evidências a serviço de "
         "seus moradores, anunciou hoje a Results for America."),
        ("pt-BR", "curitiba-pr-br", "Curitiba passou do nível Prata para o nível Ouro da "
         "certificação What Works Cities em reconhecimento à forma como a cidade usa dados e "
         "evidências a serviço de seus moradores, anunciou hoje a Results for America."),
    ],
)  # fmt: skip
def test_a_city_releases_lead_ends_on_its_attribution(
    americas: Path, lang: str, city: str, lead: str
) -> None:
    text = _txt(americas, lang, f"cities/{city}")
    assert lead in text
    assert ", Results for America announced today, in" not in text


def test_a_quebec_city_release_says_la_ville_for_its_government(quebec: Path) -> None:
    """BDL: the city as an administration is « la Ville »; its lead ends on its attribution."""
    text = _txt(quebec, "fr-CA", "cities/sherbrooke-qc-ca")
    assert (
        # A release's lead is in the présent, as its headline (« obtient ») and the program's.
        "Sherbrooke obtient la certification Or de What Works Cities en reconnaissance de la "
        "façon dont la Ville met les données et les éléments probants au service de sa "
        "population, annonce aujourd’hui Results for America."
    ) in text
    assert "la ville met" not in text


# A group the file names in part, or whole at different levels


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # The count, then "among them" the cities named, each step's the subject of its own
        # verb: "which went from…" after a list read as said of its last city only.
        # "Among" hedges the new cities, never the level (Portuguese desk, reading 25).
        ("en", ["Among the newly certified cities, Philadelphia earned Gold Certification.",
                # The hedge once: again in the next paragraph, it read as a template's (AP
                # desk, reading 27).
                "Rosario, Argentina, and Campinas, Brazil, also earned their first "
                "certification at the Silver level.",
                # "Among them": "One of them" announced one city and named two (reading 13).
                "Three previously certified cities moved up a level. Among them, Tampa, Florida, "
                "went from Gold to Platinum; Curitiba, Brazil, went from Silver to Gold.",
                "Louisville, Kentucky, and Valparaíso, Chile, renewed their Gold and Silver "
                "certifications, respectively."]),
        # "Newly certified", then the level: not "reached Gold for the first time", which also
        # describes a city that moved up to Gold.
        ("es", ["Filadelfia (Pensilvania, EE. UU.) figura entre las nuevas ciudades certificadas "
                "y obtuvo el nivel Oro.",
                "Rosario (Argentina) y Campinas (Brasil) también obtuvieron su primera "
                "certificación en el nivel Plata.",
                "Tres ciudades ya certificadas subieron de nivel. Entre ellas, Tampa (Florida, "
                "EE. UU.) pasó del nivel Oro al Platino; Curitiba (Brasil) pasó del nivel Plata "
                "al Oro.",
                "Louisville (Kentucky, EE. UU.) y Valparaíso (Chile) renovaron sus "
                "certificaciones Oro y Plata, respectivamente."]),
        # Not "certificadas pela primeira vez que estrearam": "estrear" says the first time.
        ("pt-BR", ["Filadélfia (Pensilvânia, EUA) está entre as estreantes e conquistou o "
                   "nível Ouro.",
                   "Rosário (Argentina) e Campinas (SP) também estrearam no nível Prata.",
                   "Três cidades já certificadas subiram de nível. Entre elas, Tampa (Flórida, "
                   "EUA) passou do nível Ouro para o Platina; Curitiba passou do nível Prata "
                   "para o Ouro.",
                   "Louisville (Kentucky, EUA) e Valparaíso (Chile) renovaram as certificações "
                   "Ouro e Prata, respectivamente."]),
    ],
)  # fmt: skip
def test_a_group_named_in_part_is_never_told_as_whole(
    americas: Path, lang: str, expected: list[str]
) -> None:
    text = _txt(americas, lang)
    for sentence in expected:
        assert sentence in text


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        ("en", ["Among the newly certified cities, Sherbrooke, Que., earned Gold Certification.",
                "Two previously certified cities moved up a level. One of them, Victoria, went "
                "from Silver to Gold."],
         "earned its first certification at the Gold level."),
        ("fr-CA", ["Sherbrooke figure parmi les villes nouvellement certifiées et obtient le "
                   "niveau Or.",
                   "Deux villes déjà certifiées montent d’un niveau. L’une d’elles, Victoria "
                   "(Colombie-Britannique), passe du niveau Argent au niveau Or."],
         "Sherbrooke obtient"),
        ("es", ["Sherbrooke (Canadá) figura entre las nuevas ciudades certificadas y obtuvo el "
                "nivel Oro.",
                "Dos ciudades ya certificadas subieron de nivel. Una de ellas, Victoria (Canadá), "
                "pasó del nivel Plata al Oro.",
                # The release names cities abroad: the US city has its country too.
                "Nueva Orleans (Luisiana, EE. UU.) renovó su certificación Oro."],
         "Sherbrooke (Canadá) obtuvo"),
    ],
)  # fmt: skip
def test_one_city_named_of_a_group_is_among_it(
    quebec: Path, lang: str, expected: list[str], absent: str
) -> None:
    text = _txt(quebec, lang)
    for sentence in expected:
        assert sentence in text
    assert absent not in text


# Press exonyms


def test_each_press_names_a_city_as_its_manual_does(americas: Path, quebec: Path) -> None:
    # Fundéu: "Quebec", in the dateline as in the report's table.
    assert "QUEBEC (Canadá), 9 de noviembre de 2027.—" in _txt(quebec, "es")
    assert "QUÉBEC" not in _txt(quebec, "es")
    assert "QUEBEC, Nov. 9, 2027 —" in _txt(quebec, "en")  # its readers are Canadian: CP
    assert "QUÉBEC, le 9 novembre 2027 –" in _txt(quebec, "fr-CA")
    assert "La Nouvelle-Orléans (Louisiane) renouvelle sa certification Or." in _txt(
        quebec, "fr-CA"
    )
    # Folha and Estadão: "Rosário"; the Argentine press and the English keep "Rosario".
    assert "Rosário (Argentina)" in _txt(americas, "pt-BR")
    assert "Rosário" in html_text(americas / "pt-BR" / "report.html")
    assert "Rosário" not in _txt(americas, "es") + _txt(americas, "en")
    assert "Filadelfia" in html_text(americas / "es" / "report.html")


def test_a_spelling_of_the_file_still_wins_over_the_press_exonym() -> None:
    from wwc_press import places
    from wwc_press.model import Place

    rosario = Place(name="Rosario", region="S", country="AR")
    assert places.city_name(rosario, "pt-BR") == "Rosário"
    spelled = Place(name="Rosario", region="S", country="AR", names={"pt-BR": "Rosario"})
    assert places.city_name(spelled, "pt-BR") == "Rosario"
    # The province of Quebec City stays "Quebec" where the city is "Quebec City".
    quebec = Place(name="Québec", region="QC", country="CA")
    assert places.city_name(quebec, "en") == "Quebec City"
    assert places.region_name(quebec, "en") == "Quebec"
    assert places.city_name(Place(name="St. Petersburg", region="FL", country="US"), "es") == (
        "San Petersburgo"
    )
    # CLDR's time-zone cities only where the press writes them: EFE keeps "Belém" (CLDR's
    # "Belén" is also a town of Catamarca), the French press "Manaus" (CLDR's « Manaos »).
    belem, manaus = (
        Place(name="Belém", region="PA", country="BR"),
        Place(name="Manaus", region="AM", country="BR"),
    )
    assert places.city_name(belem, "es") == "Belém"
    assert places.city_name(manaus, "fr-CA") == "Manaus"
    assert places.city_name(manaus, "es") == "Manaos"  # EFE's
    cartagena = Place(name="Cartagena", region="BOL", country="CO")
    assert places.city_name(cartagena, "fr-CA") == "Carthagène"  # Quebec's press (reading 17)
    assert places.city_name(cartagena, "es") == "Cartagena"


# A large figure in prose


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Cities of 30,000 residents or more in the United States, Canada and Latin America "
         "may apply."),
        # RAE, Ortografía 2010: groups of three by a space, not a point; the place before the
        # size, so that "o más de Estados Unidos" is not read as "more than the United States".
        ("es", "Pueden postularse las ciudades de Estados Unidos, Canadá y América Latina con "
         "30\u00a0000 habitantes o más."),
        # Estadão and Folha: round thousands as "30 mil".
        ("pt-BR", "Podem se candidatar cidades dos Estados Unidos, do Canadá e da América Latina "
         "com 30 mil habitantes ou mais."),  # plain text: the PDF holds them with a no-break space
    ],
)  # fmt: skip
def test_a_large_figure_in_prose_as_each_press_writes_it(
    americas: Path, lang: str, sentence: str
) -> None:
    wire = (americas / lang / "press-release.txt").read_text("utf-8")
    assert sentence in wire
    assert "30.000" not in wire


def test_the_files_round_figures_in_prose_as_the_brazilian_press_writes_them(americas: Path):
    """The file's "41.000 estudantes" beside the tool's "30 mil habitantes" read as two systems
    (Brazilian desk, reading 13): Estadão's and Folha's "41 mil", on the wire and the web."""
    for text in (
        (americas / "pt-BR" / "press-release.txt").read_text("utf-8"),
        html_text(americas / "pt-BR" / "press-release.html"),
    ):
        words = " ".join(text.replace("\u00a0", " ").split())
        assert "para seus 41 mil estudantes" in words
        assert "41.000" not in words
        # One result, a paragraph of its own: no lead-in (reading 17).
        assert "A prefeitura de Campinas redesenhou" in words


def test_figures_of_a_table_stay_figures() -> None:
    from wwc_press.languages import profile

    portuguese, spanish = profile("pt-BR"), profile("es")
    assert portuguese.number(30000) == "30\u00a0mil"
    assert portuguese.number(1000) == "mil"
    assert portuguese.number(1250) == "1.250"
    assert portuguese.number(30000, up_to=-1, prose=False) == "30.000"
    assert spanish.number(212000) == "212\u00a0000"
    assert spanish.number(1250) == "1250"


# The report: what the cities it does not list are


def test_the_report_says_what_its_unlisted_cities_are(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("report")
    (root / "a.yaml").write_text(AMERICAS, encoding="utf-8")
    args = ["build", str(root / "a.yaml"), "--only", "report", "--format", "pdf", "--out"]
    result = run([*args, str(root)], cwd=ROOT)
    assert result.exit_code == 0, result.output
    labels = {
        "en": ("Other cities (not named)", "Cities named in this announcement (7 of 11)"),
        "es": ("Otras ciudades (no mencionadas)", "Ciudades mencionadas en este anuncio (7 de 11)"),
        "pt-BR": (
            "Demais cidades (não mencionadas)",
            "Cidades mencionadas neste anúncio (7 de 11)",
        ),
    }
    for lang, (label, heading) in labels.items():
        text = pdf_text(root / "a" / lang / "report.pdf")
        assert label in text, lang  # the chart's bar of the rest: the tables list the named
        assert heading in text
        assert "no indicado" not in text and "not given" not in text and "não informad" not in text


# Quebec French wording


def test_quebec_french_definitions_and_lead_in(quebec: Path) -> None:
    release = _txt(quebec, "fr-CA")
    # One city's result, a paragraph of its own; several: "Parmi…" and a list.
    assert "Parmi les réalisations" not in release
    assert "résultats soulignés" not in release
    sherbrooke = _txt(quebec, "fr-CA", "cities/sherbrooke-qc-ca")
    # What a level asks for, from the settings' thresholds: no description of its cities.
    assert (
        "La certification Or est décernée aux villes qui remplissent de 68 % à 84 % des 43 "
        "critères du programme."
    ) in sherbrooke
    saskatoon = _txt(quebec, "fr-CA", "cities/saskatoon-sk-ca")
    assert (
        "La certification Argent est décernée aux villes qui remplissent de 51 % à 67 % des 43 "
        "critères du programme."
    ) in saskatoon
    assert "gestion municipale rigoureuse" not in saskatoon and "fondements" not in saskatoon


# The end mark


def _blocks(folder: Path, lang: str, output: str = "press-release") -> list[str]:
    return (folder / lang / f"{output}.txt").read_text("utf-8").strip().split("\n\n")


@pytest.mark.parametrize(
    ("lang", "output", "heading"),
    [
        ("fr-CA", "press-release", "Renseignements pour les médias"),
        ("fr-CA", "cities/sherbrooke-qc-ca", "Renseignements pour les médias"),
        ("en", "press-release", "Media contact"),  # Canadian Press: datelined in Canada
        ("en", "cities/saskatoon-sk-ca", "Media contact"),
    ],
)
def test_a_canadian_release_ends_its_text_with_30(
    quebec: Path, lang: str, output: str, heading: str
) -> None:
    """CP and the BDL's model of a release: -30- after the text (About), the contacts under it."""
    blocks = _blocks(quebec, lang, output)
    at = blocks.index("-30-")
    assert blocks[at - 1].startswith(("Results for America", "More about", "Pour en savoir"))
    assert blocks[at + 1] == heading and blocks[-1].endswith("press@results4america.org")
    html = (quebec / lang / f"{output}.html").read_text("utf-8")
    assert html.index('id="end"') < html.index('id="contacts"')


def test_ap_and_latin_american_releases_end_with_their_mark_last(
    americas: Path, quebec: Path
) -> None:
    """### stays the last line; the Spanish releases of a round datelined in Quebec City are
    read by Latin American desks, and end as its Monterrey release does."""
    for folder, lang, output in [
        (americas, "en", "press-release"),
        (americas, "es", "press-release"),
        (americas, "pt-BR", "cities/campinas-sp-br"),
        (quebec, "es", "press-release"),
        (quebec, "es", "cities/monterrey-nle-mx"),
        (quebec, "en", "cities/new-orleans-la-us"),
    ]:
        blocks = _blocks(folder, lang, output)
        assert blocks[-1] == "###" and "-30-" not in blocks, (lang, output)


# A city alone in its group


def test_a_city_alone_in_its_group_is_the_only_one(quebec: Path) -> None:
    text = _txt(quebec, "en", "cities/new-orleans-la-us")
    assert (
        "New Orleans is the only city to renew its certification in this round, which "
        "recognizes eight cities in all."
    ) in text
    assert "recognized along with" not in text
    french = _txt(quebec, "fr-CA", "cities/victoria-bc-ca")
    assert (
        # BDL: an "annonce" is the act of announcing; cities are certified in a round, a
        # « cycle » (the OQLF keeps « ronde » for negotiations and competitions).
        # One relative clause, not two in a row: « …villes qui sont passées … lors de ce
        # cycle, qui compte… » read as translated (Quebec desk, reading 26).
        "Victoria est l’une des deux villes à passer au niveau supérieur "
        "lors de ce cycle, qui compte huit villes au total." in french
    )


def test_a_region_named_as_a_city_is_accented_as_the_press_accents_the_city() -> None:
    """Fundéu: "Río de Janeiro", the state as the city; but the province of Quebec City stays
    "Quebec"."""
    from wwc_press import places
    from wwc_press.model import Place

    niteroi = Place(name="Niterói", region="RJ", country="BR")
    assert places.region_name(niteroi, "es") == "Río de Janeiro"
    assert places.region_name(niteroi, "pt-BR") == "Rio de Janeiro"
    quebec = Place(name="Québec", region="QC", country="CA")
    assert places.region_name(quebec, "en") == "Quebec"
