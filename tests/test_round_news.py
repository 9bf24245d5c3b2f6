"""The release tells the round's own news, in every language, as its press would (reading 8).

A round with no new city has a lead of its own news (the one city that moved up, named with its
step; else the groups counted), and no running total that grew; a group the file names in part
is counted, then its cities "among them", each step's the subject of its verb; a new city's
level is its first certification's; a series whose last group holds several cities joins it by
"as well as" where its "and" would be read twice; an e-mail's Subject after the embargo's colon
is in lower case where the press writes so (Spanish, Portuguese, French), save a name.
"""

from __future__ import annotations

import email
import re
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from conftest import build_round, pdf_text

LANGS = ["en", "es", "pt-BR", "fr-CA"]

# One city moves up from Silver to Gold; no city is certified for the first time.
ONE_UP = """\
date: 2031-02-11
total_certified: 196
languages: [en, es, pt-BR, fr-CA]
cities:
  upgraded:
    - {name: Winston-Salem, region: NC, country: US, from: silver, level: gold}
"""
# No new city; five move up and three renew, of which the file names some.
COUNTED = """\
date: 2031-03-10
total_certified: 196
counts: {upgraded: 5, recertified: 3}
languages: [en, es, pt-BR, fr-CA]
cities:
  upgraded:
    - {name: Winnipeg, region: MB, country: CA, from: silver, level: gold}
    - {name: Brandon, region: MB, country: CA, from: silver, level: gold}
    - {name: Mérida, region: YUC, country: MX, from: silver, level: gold}
    - {name: Zapopan, region: JAL, country: MX, from: silver, level: gold}
  recertified:
    - {name: Boise, region: ID, country: US, level: silver}
"""
# One city renews its level, and nothing else happens.
ONE_RENEWAL = """\
date: 2031-02-11
total_certified: 196
languages: [en, es, pt-BR, fr-CA]
cities:
  recertified:
    - {name: Boise, region: ID, country: US, level: silver}
"""
# One city moves up, two renew: the city that moved up is the round's news.
UP_AND_RENEWALS = """\
date: 2033-10-05
total_certified: 134
languages: [en, es, pt-BR, fr-CA]
cities:
  upgraded:
    - {name: Gatineau, region: QC, country: CA, from: silver, level: gold}
  recertified:
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: Winnipeg, region: MB, country: CA, level: silver}
"""
# Three new cities, all Brazilian, and one renewal.
BRAZIL = """\
date: 2034-09-20
total_certified: 144
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Londrina, region: PR, country: BR, level: silver}
    - {name: Santos, region: SP, country: BR, level: silver}
    - {name: Salvador, region: BA, country: BR, level: gold}
  recertified:
    - {name: Buenos Aires, country: AR, level: gold}
"""
# Every group named in part (the April 2030 round of the reading).
AMERICAS = """\
date: 2030-04-23
total_certified: 187
counts: {new: 14, upgraded: 6, recertified: 5}
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Winston-Salem, region: NC, country: US, level: silver}
    - {name: São José dos Campos, region: SP, country: BR, level: gold}
    - {name: Bucaramanga, region: SAN, country: CO, level: silver}
    - {name: Viña del Mar, region: VS, country: CL, level: silver}
    - {name: Cusco, region: CUS, country: PE, level: silver}
    - {name: San Isidro, region: LMA, country: PE, level: gold}
  upgraded:
    - {name: Fortaleza, region: CE, country: BR, from: gold, level: platinum}
    - {name: Albuquerque, region: NM, country: US, from: gold, level: platinum}
    - {name: Juiz de Fora, region: MG, country: BR, from: silver, level: gold}
    - {name: Concepción, region: BI, country: CL, from: silver, level: gold}
  recertified:
    - {name: Bahía Blanca, region: B, country: AR, level: silver}
"""
# Nine new cities, one alone at Gold, the Silver ones ending with two Mexican cities.
CANMEX = """\
date: 2030-10-15
total_certified: 196
counts: {recertified: 0}
languages: [en, es, pt-BR, fr-CA]
embargo: 2030-10-15T11:00:00-04:00
cities:
  new:
    - {name: Longueuil, region: QC, country: CA, level: silver}
    - {name: Sherbrooke, region: QC, country: CA, level: silver}
    - {name: Saint John, region: NB, country: CA, level: silver}
    - {name: Kitchener, region: "ON", country: CA, level: silver}
    - {name: Surrey, region: BC, country: CA, level: silver}
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: Mérida, region: YUC, country: MX, level: silver}
    - {name: Zapopan, region: JAL, country: MX, level: silver}
    - {name: Querétaro, region: QUE, country: MX, level: gold}
  upgraded:
    - {name: Winnipeg, region: MB, country: CA, from: silver, level: gold}
    - {name: San Pedro Garza García, region: NLE, country: MX, from: silver, level: gold}
"""


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("news")
    built = {
        name: build_round(root, name, text, ("txt",), "--only", "release")
        for name, text in [
            ("one", ONE_UP),
            ("renewal", ONE_RENEWAL),
            ("up-and-renewals", UP_AND_RENEWALS),
            ("brazil", BRAZIL),
            ("counted", COUNTED),
            ("americas", AMERICAS),
        ]
    }
    built["canmex"] = build_round(root, "canmex", CANMEX, ("txt",), "--only", "release")
    # The e-mails: the program's release in each language, and the Mexican cities' own.
    for lang in ("en", "fr-CA", "pt-BR"):
        build_round(root, "canmex", CANMEX, ("eml",), "--only", "release", "--lang", lang)
    build_round(root, "canmex", CANMEX, ("eml",), "--lang", "es")
    build_round(root, "one", ONE_UP, ("pdf",), "--only", "release", "--lang", "es")
    build_round(root, "one", ONE_UP, ("txt",), "--only", "cities", "--lang", "en")
    return built


def _txt(rounds: dict[str, Path], name: str, lang: str) -> str:
    text = (rounds[name] / lang / "press-release.txt").read_text("utf-8")
    return re.sub(r"[ \u00a0\u202f]+", " ", text)


def _subject(path: Path) -> str:
    message = email.message_from_binary_file(path.open("rb"))
    subject = str(make_header(decode_header(message["Subject"])))
    return re.sub(r"\s+", " ", subject.replace("\u00a0", " "))


# 1. The lead of a round with no new city


ONE_UP_LEAD = {
    "en": "Results for America today announced that Winston-Salem, North Carolina, has moved up "
    "from Silver to Gold in What Works Cities Certification.",
    "es": "Results for America anunció hoy que Winston-Salem (Carolina del Norte) subió del nivel "
    "Plata al Oro en la certificación What Works Cities.",
    "pt-BR": "A Results for America anunciou hoje que Winston-Salem (Carolina do Norte) subiu do "
    "nível Prata para o Ouro na certificação What Works Cities.",
    "fr-CA": "Results for America annonce aujourd’hui que Winston-Salem (Caroline du Nord) passe "
    "du niveau Argent au niveau Or de la certification What Works Cities.",
}
# The headline of a round whose news is one city: that city, named, as in its own release.
ONE_CITY_HEADLINE = {
    "one": {
        "en": "Winston-Salem, North Carolina, moves up to What Works Cities Gold Certification",
        "es": "Winston-Salem (Carolina del Norte) sube al nivel Oro de la certificación What "
        "Works Cities",
        "pt-BR": "Winston-Salem (Carolina do Norte) sobe para o nível Ouro da certificação What "
        "Works Cities",
        "fr-CA": "Winston-Salem (Caroline du Nord) passe au niveau Or de la certification What "
        "Works Cities",
    },
    "renewal": {
        "en": "Boise, Idaho, renews its What Works Cities Silver Certification",
        "es": "Boise (Idaho) renueva su certificación Plata de What Works Cities",
        "pt-BR": "Boise (Idaho) renova a certificação Prata do What Works Cities",
        "fr-CA": "Boise (Idaho) renouvelle sa certification Argent de What Works Cities",
    },
}


@pytest.mark.parametrize("name", ONE_CITY_HEADLINE)
@pytest.mark.parametrize("lang", LANGS)
def test_a_round_whose_news_is_one_city_names_it_in_the_headline(rounds, name, lang) -> None:
    """ "One city moves up in…" hid the news: the headline names the city, its level and step."""
    headline = _txt(rounds, name, lang).split("\n\n")[1]
    assert headline == ONE_CITY_HEADLINE[name][lang]


BRAZIL_HEADLINE = {
    "en": "3 cities in Brazil earn What Works Cities Certification for the first time",
    "es": "Tres ciudades brasileñas obtienen por primera vez la certificación What Works Cities",
    "pt-BR": "Três cidades brasileiras conquistam pela primeira vez a certificação What Works "
    "Cities",
    "fr-CA": "Trois villes brésiliennes obtiennent pour la première fois la certification What "
    "Works Cities",
}


@pytest.mark.parametrize("lang", LANGS)
def test_new_cities_all_of_one_country_are_its_news_in_the_headline(rounds, lang) -> None:
    """A Brazilian desk read a round of four new Brazilian cities under a headline that did
    not say Brazil: the news for its readers."""
    assert _txt(rounds, "brazil", lang).split("\n\n")[1] == BRAZIL_HEADLINE[lang]


# The lead that said a round of one upgrade had cities "to move up in or renew".
GENERIC = ["latest cities", "suben de nivel o renuevan", "sobem de nível ou renovam", "ou qui la"]


@pytest.mark.parametrize("lang", LANGS)
def test_one_city_that_moved_up_is_the_lead_named_with_its_step(rounds, lang: str) -> None:
    text = _txt(rounds, "one", lang)
    assert ONE_UP_LEAD[lang] in text
    assert not [phrase for phrase in GENERIC if phrase in text]
    # Named once in the story: no paragraph after the lead says its move again.
    assert text[text.index(ONE_UP_LEAD[lang]) :].count("Winston-Salem") == 1, text


UP_LEAD = {
    "en": "today announced that Gatineau, Quebec, has moved up from Silver to Gold in What Works "
    "Cities Certification.",
    "es": "anunció hoy que Gatineau (Canadá) subió del nivel Plata al Oro en la certificación What "
    "Works Cities.",
    "pt-BR": "anunciou hoje que Gatineau (Canadá) subiu do nível Prata para o Ouro na certificação "
    "What Works Cities.",
    "fr-CA": "annonce aujourd’hui que Gatineau passe du niveau Argent au niveau Or de la "
    "certification What Works Cities.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_one_city_that_moved_up_leads_before_the_renewals(rounds, lang: str) -> None:
    """A lead that counted "one city has moved up…, and two have renewed theirs" and then named
    them read the news three times (Quebec desk): the city is named in the lead, once."""
    text = _txt(rounds, "up-and-renewals", lang)
    assert UP_LEAD[lang] in text, text
    assert text[text.index(UP_LEAD[lang]) :].count("Gatineau") == 1
    assert "Halifax" in text and "Winnipeg" in text


COUNTED_LEAD = {
    "en": "today announced that five cities have moved up a level in What Works Cities "
    "Certification, and three have renewed theirs.",
    "es": "anunció hoy que cinco ciudades subieron de nivel en la certificación What Works Cities "
    "y que tres la renovaron.",
    "pt-BR": "anunciou hoje que cinco cidades subiram de nível na certificação What Works Cities e "
    "que três a renovaram.",
    "fr-CA": "annonce aujourd’hui que cinq villes passent au niveau supérieur de la certification "
    "What Works Cities; trois autres la renouvellent.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_round_of_several_is_counted_in_the_lead(rounds, lang: str) -> None:
    text = _txt(rounds, "counted", lang)
    assert COUNTED_LEAD[lang] in text
    assert not [phrase for phrase in GENERIC if phrase in text]


# 2. The running total of a round that certifies no city


TOTAL = {  # deck, closing; then what says the total grew
    "en": ("What Works Cities has certified 196 cities to date",
           "To date, 196 cities have earned What Works Cities Certification.",
           ["has now certified", "With this announcement"]),
    "es": ("What Works Cities cuenta con 196 ciudades certificadas",
           "Hasta la fecha, 196 ciudades han obtenido la certificación What Works Cities.",
           ["ya suma", "Con este anuncio", "ya son"]),
    "pt-BR": ("O What Works Cities conta com 196 cidades certificadas",
              "Até hoje, 196 cidades conquistaram a certificação What Works Cities.",
              ["já soma", "Com este anúncio", "já são"]),
    "fr-CA": ("What Works Cities compte 196 villes certifiées",
              "À ce jour, 196 villes ont obtenu la certification What Works Cities.",
              ["maintenant"]),
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["one", "counted"])
def test_a_round_without_new_cities_states_the_total_as_it_was(rounds, name, lang) -> None:
    deck, closing, grew = TOTAL[lang]
    text = _txt(rounds, name, lang)
    assert deck in text and closing in text
    assert not [phrase for phrase in grew if phrase in text]


def test_a_city_release_states_the_total_as_it_was(rounds) -> None:
    text = (rounds["one"] / "en" / "cities" / "winston-salem-nc-us.txt").read_text("utf-8")
    assert "A total of 196 cities have earned What Works Cities Certification to date." in text
    assert "have now earned" not in text


def test_the_pdf_states_the_total_as_it_was(rounds) -> None:
    text = pdf_text(rounds["one"] / "es" / "press-release.pdf")
    assert "What Works Cities cuenta con 196 ciudades certificadas" in text
    assert "Hasta la fecha, 196 ciudades han obtenido la certificación" in text
    assert "ya suma" not in text and "anunció hoy que Winston-Salem" in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "With this announcement, 187 cities have earned What Works Cities Certification"),
        # Those that have earned it, not those that hold it now ("las ciudades con la…").
        ("es", "Con este anuncio, ya son 187 las ciudades que han obtenido la certificación"),
        ("pt-BR", "Com este anúncio, já são 187 as cidades que conquistaram a certificação"),
    ],
)
def test_a_round_with_new_cities_says_its_total_grew(rounds, lang: str, expected: str) -> None:
    assert expected in _txt(rounds, "americas", lang)


# 3. A group named in part: counted, then "among them", each step the subject of its verb


PARTIAL = {
    "en": ["Six previously certified cities moved up a level. Among them, Fortaleza, Brazil, and "
           "Albuquerque, New Mexico, went from Gold to Platinum; Juiz de Fora, Brazil, and "
           "Concepción, Chile, went from Silver to Gold.",
           "Five cities renewed their certification. One of them, Bahía Blanca, Argentina, kept "
           "the Silver level."],
    "es": ["Seis ciudades ya certificadas subieron de nivel. Entre ellas, Fortaleza (Brasil) y "
           "Albuquerque (Nuevo México, EE. UU.) pasaron del nivel Oro al Platino; Juiz de Fora "
           "(Brasil) y Concepción (Chile) pasaron del nivel Plata al Oro.",
           "Cinco ciudades renovaron su certificación. Una de ellas, Bahía Blanca (Argentina), "
           "mantuvo el nivel Plata."],
    "pt-BR": ["Seis cidades já certificadas subiram de nível. Entre elas, Albuquerque "
              "(Novo México, EUA) e Fortaleza passaram do nível Ouro para o Platina; Juiz de Fora "
              "(MG) e Concepción (Chile) passaram do nível Prata para o Ouro.",
              "Cinco cidades renovaram a certificação. Uma delas, Bahía Blanca (Argentina), "
              "manteve o nível Prata."],
    # Not the same verb twice ("passent au niveau supérieur, dont …, qui passent du niveau").
    "fr-CA": ["Six villes déjà certifiées montent d’un niveau. Parmi elles, Fortaleza (Brésil) et "
              "Albuquerque (Nouveau-Mexique) passent du niveau Or au niveau Platine; Juiz de Fora "
              "(Brésil) et Concepción (Chili) passent du niveau Argent au niveau Or.",
              "Cinq villes renouvellent leur certification. L’une d’elles, Bahía Blanca "
              "(Argentine), conserve le niveau Argent."],
}  # fmt: skip
# A relative clause after a list of cities, which read as said of its last city only.
WHICH = [", which went", ", que pasaron", ", que passaram", ", qui passent", ", at the Silver"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_group_named_in_part_gives_each_step_its_own_verb(rounds, lang: str) -> None:
    text = _txt(rounds, "americas", lang)
    for sentence in PARTIAL[lang]:
        assert sentence in text
    assert not [phrase for phrase in WHICH if phrase in text]


# 4. and 5. New cities by level: their level is their first certification's


NEW_BY_LEVEL = {
    "en": ["Among the newly certified cities, São José dos Campos, Brazil, and San Isidro, "
           "Peru, earned Gold Certification."],
    "es": ["São José dos Campos (Brasil) y San Isidro (Perú) figuran entre las nuevas ciudades "
           "certificadas y obtuvieron el nivel Oro."],
    # "Estrear" says the first time: not "certificadas pela primeira vez que estrearam".
    # "Entre as que estrearam…" opened paragraph after paragraph (Brazilian desk, reading 18).
    "pt-BR": ["São José dos Campos (SP) e San Isidro (Peru) estão entre as estreantes e "
              "conquistaram o nível Ouro.",
              "Winston-Salem (Carolina do Norte, EUA),"],
    "fr-CA": ["São José dos Campos (Brésil) et San Isidro (Pérou) figurent parmi les villes "
              "nouvellement certifiées et obtiennent le niveau Or."],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_new_cities_by_level_say_the_first_time_once(rounds, lang: str) -> None:
    text = _txt(rounds, "americas", lang)
    for sentence in NEW_BY_LEVEL[lang]:
        assert sentence in text
    first_time = {"en": "for the first time", "es": "por primera vez",
                  "pt-BR": "pela primeira vez", "fr-CA": "pour la première fois"}  # fmt: skip
    # The headline's (the round moves cities up too: its new ones are not the whole round) and
    # the lead's; no sentence of the levels says it again.
    assert text.count(first_time[lang]) == 2, text
    assert first_time[lang] in text.split("\n\n")[1]


ALONE_AT_GOLD = {
    "en": "Querétaro, Mexico, earned its first certification at the Gold level.",
    "es": "Querétaro (México) obtuvo su primera certificación en el nivel Oro.",
    "pt-BR": "Querétaro (México) estreou no nível Ouro.",
    # "obtient pour la première fois la certification Or" read as a city that had Silver.
    "fr-CA": "Querétaro (Mexique) obtient d’emblée le niveau Or.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_city_alone_at_its_level_has_no_level_before(rounds, lang: str) -> None:
    text = _txt(rounds, "canmex", lang)
    assert ALONE_AT_GOLD[lang] in text
    assert not re.search(
        r"Querétaro[^.]*(for the first time|primera vez|primeira vez|première)", text
    )


# 6. A series whose last group holds several cities


LAST_GROUP = {
    # AP: semicolons part the groups, each ending at its own; "and" is read once.
    "en": [("canmex", "Regina, Saskatchewan; and Mérida and Zapopan, Mexico."),
           ("counted", "Among them, Winnipeg and Brandon, Manitoba, as well as Mérida and "
                       "Zapopan, Mexico, went from Silver to Gold.")],
    "es": [("canmex", "Surrey y Regina (Canadá), así como Mérida y Zapopan (México)."),
           ("counted", "Entre ellas, Winnipeg y Brandon (Canadá), así como Mérida y Zapopan "
                       "(México), pasaron")],
    "pt-BR": [("canmex", "Surrey e Regina (Canadá), bem como Mérida e Zapopan (México)."),
              ("counted", "Entre elas, Winnipeg e Brandon (Canadá), bem como Mérida e Zapopan "
                          "(México), passaram")],
    "fr-CA": [("counted", "Parmi elles, Winnipeg (Manitoba), Brandon (Manitoba) ainsi que "
                          "Mérida et Zapopan (Mexique) passent")],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_a_last_group_of_several_cities_is_joined_without_a_second_and(rounds, lang) -> None:
    for name, expected in LAST_GROUP[lang]:
        assert expected in _txt(rounds, name, lang)
    for name in ("canmex", "counted"):  # "Regina (Saskatchewan) et Mérida et Zapopan"
        text = _txt(rounds, name, lang)
        assert not re.search(r"\) (and|y|e|et) Mérida (and|y|e|et) Zapopan", text)


# 7. The e-mail's Subject after the embargo's colon


SUBJECT = {
    "en": "2030: 9 cities earn What Works Cities Certification",  # AP: a headline's figures
    "es": "(hora de Nueva York): nueve ciudades obtienen por primera vez",  # Fundéu
    "pt-BR": "(horário de Brasília): nove cidades conquistam pela primeira vez",  # Estadão
    "fr-CA": "(heure de l’Est) : neuf villes obtiennent pour la première fois",  # OQLF
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_subject_after_the_colon_follows_the_press(rounds, lang: str) -> None:
    assert SUBJECT[lang] in _subject(rounds["canmex"] / lang / "press-release.eml")


def test_a_subject_opening_with_a_name_keeps_its_capital(rounds) -> None:
    cities = rounds["canmex"] / "es" / "cities"
    # A city's own Subject names its clock "hora local" (Fundéu); a name after it keeps its capital.
    assert "hora local: Querétaro obtiene" in _subject(next(cities.glob("queretaro-*.eml")))
    assert "hora local: San Pedro Garza García sube" in _subject(
        next(cities.glob("san-pedro-*.eml"))
    )


# 8. One tense in the Quebec release: the présent of the news


def test_the_quebec_release_tells_the_news_in_the_present(rounds) -> None:
    text = _txt(rounds, "canmex", "fr-CA")
    assert "Results for America annonce aujourd’hui que neuf villes obtiennent" in text
    assert "Querétaro (Mexique) obtient" in text and "passent du niveau Argent" in text
    assert "a annoncé" not in text and " ont obtenu le niveau" not in text
