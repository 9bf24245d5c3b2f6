"""Brazilian Portuguese, as the Manual de Redação e Estilo do Estadão writes it."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from . import (
    Profile,
    contracted,
    no_break_groups,
    no_break_ranges,
    no_break_units,
    tens_and_units,
    typographic_apostrophe,
)

_UNITS = (
    "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze "
    "dezesseis dezessete dezoito dezenove"
).split()
_TENS = "_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()
_WORDS = tens_and_units(_UNITS, _TENS, " e ", 20)


def _cardinal(value: int, feminine: bool) -> str:
    """Estadão: "uma cidade", "duas cidades", "vinte e duas cidades", "vinte e dois países"."""
    word = _WORDS(value)
    if feminine:
        if word == "um" or word.endswith(" um"):
            return word[:-2] + "uma"
        if word == "dois" or word.endswith(" dois"):
            return word[:-4] + "duas"
    return word


def _large_in_prose(value: int) -> str | None:
    """Estadão (números) and Folha (números): a round figure of thousands or millions in running
    text is written with the word, "30 mil habitantes", "2 milhões"; any other in figures."""
    for unit, one, many in ((1_000_000, "milhão", "milhões"), (1_000, "mil", "mil")):
        if value >= unit and value % unit == 0 and value < unit * 1000:
            count = value // unit
            if count == 1 and unit == 1_000:
                return "mil"  # Estadão: "mil pessoas", never "um mil"
            return f"{count}\u00a0{one if count == 1 else many}"
    return None


def _long_date(day: dt.date) -> str:
    text = format_date(day, "long", locale="pt_BR")
    return "1º" + text[1:] if day.day == 1 else text  # Estadão: "1º de julho"


def _clock(local: dt.datetime) -> str:
    """Estadão: "10h", "10h30"."""
    return f"{local.hour}h{local.minute:02d}" if local.minute else f"{local.hour}h"


# Manual de Redação e Estilo do Estadão: some cities take the article, as a common noun would,
# and it contracts with prepositions ("o Recife", "do Rio de Janeiro", "no Porto"); so do names
# that are a common noun with a complement ("a Cidade do México", "a Cidade da Guatemala").
CITY_ARTICLES = {
    "BR": {"Recife": "o", "Rio de Janeiro": "o", "Crato": "o", "Cabo de Santo Agostinho": "o"},
    "PT": {"Porto": "o"},
    "GT": {"Cidade da Guatemala": "a"},
    "MX": {"Cidade do México": "a"},
    "PA": {"Cidade do Panamá": "a"},
}

# Estadão (números): a figure and its scale or unit are one ("US$ 4,2 milhões", "112 milhas"),
# never parted at a line's end nor hyphenated.
UNITS = (
    r"milhão|milhões|mil|bilhão|bilhões|trilhão|trilhões|milhas?|quilômetros?|km|hectares?|"
    r"toneladas?|por[ \u00a0]cento"
    # ... and the nouns the releases count in figures: "Ao todo, 19 cidades".
    r"|cidades|países"
)


# A figure of the file grouped in thousands ("41.000", "41 000", "2.000.000"), not part of a
# longer figure, a decimal, a date or a telephone number.
_GROUPED = re.compile(
    r"(?<![\w.,:+/])(?<![\d+] )\d{1,3}(?:([.\u00a0 ])\d{3})(?:\1\d{3})*(?![\d:]|[.,]\d| \d)"
)


def _round_in_words(match: re.Match) -> str:
    """A round figure of the file as the press writes it in prose ("41 mil estudantes"), as the
    tool writes its own: "41.000 estudantes" beside "30 mil habitantes" read as two systems
    (Brazilian desk, reading 13); any other figure as it is."""
    return _large_in_prose(int(re.sub(r"\D", "", match[0]))) or match[0]


# Folha and Estadão (nomes geográficos): a name built on a common noun takes its article, as the
# noun would ("o Condado de Miami-Dade", "o Distrito de Coyoacán"), contracted with the
# preposition before it ("no Condado de Miami-Dade").
NOUN_ARTICLES = {"Condado": "o", "Distrito": "o", "Município": "o", "Estado": "o", "Comuna": "a"}
_CONTRACTED = contracted(
    {
        "em o": "no", "em a": "na", "em os": "nos", "em as": "nas",
        "de o": "do", "de a": "da", "de os": "dos", "de as": "das",
        "por o": "pelo", "por a": "pela", "a o": "ao", "a os": "aos", "a a": "à", "a as": "às",
    },
    NOUN_ARTICLES,
)  # fmt: skip


def _typography(text: str) -> str:
    """A round figure in words ("41 mil"), a figure held to its scale or unit, a thousands space
    held, a range held whole ("de 68% a 84%", "entre 51% e 67%"); a preposition contracted with
    the article a name was given ("no Recife"); the apostrophe ’."""
    text = _CONTRACTED(text)
    text = _GROUPED.sub(_round_in_words, text)
    text = no_break_ranges(no_break_units(no_break_groups(text), UNITS), "a|e")
    return typographic_apostrophe(text)


PROFILE = Profile(
    capital_after_colon=False,  # Estadão (dois-pontos): lower case, save a name
    tag="pt-BR",
    municipal_nouns=frozenset({"Município", "Distrito", "Condado", "Comuna"}),
    noun_articles=NOUN_ARTICLES,
    county_form="condado de {name}",
    district_form="{kind} de {name}",  # Folha: "o distrito de Miraflores, em Lima"
    list_order=2,
    babel_locale="pt_BR",
    catalog_dir="pt_BR",
    print_tag="pt-BR",  # WeasyPrint picks pt_PT-like patterns for "pt"
    word_language="pt-BR",
    dictionary_package="hunspell-pt-br",
    iso_codes="pt_BR",
    cldr_countries=frozenset({"BR"}),  # Portugal's and Angola's press write otherwise
    words=(1, 10),  # Estadão: um a dez
    cardinal=_cardinal,
    noun_gender={"city": "f", "country": "m", "level": "m"},
    and_word="e",
    quote=lambda text: "“" + text + "”",
    long_date=_long_date,
    clock=_clock,
    typography=_typography,
    large_in_prose=_large_in_prose,
    regions={"US": "state", "BR": "code"},  # Estadão: "Juiz de Fora (MG)"
    # Folha (Estado, siglas) and Estadão: a state capital needs no state, "Porto Alegre".
    region_capitals_alone=frozenset({"BR"}),
    city_articles=CITY_ARTICLES,
    readers_country="BR",
    # A Brazilian city's release names its clock as the press does, by the official name of
    # the country's legal time where the city keeps it (Folha and Estadão: "às 12h (horário de
    # Brasília)"), else by its own ("horário de Manaus"); never "horário local".
    own_clock="place",
    # Brazilian desks place a US city by its state and its country when the same list gives
    # other cities their country, the country abbreviated (Estadão: "EUA").
    region_and_country={"US": "EUA"},
    # ... and place a foreign city by its province or state at its first mention, in the
    # sentence that names its country, as their press does (three readings of the Brazilian
    # desk: "Winnipeg (Manitoba) e Hamilton (Ontário) estão entre as primeiras cidades
    # canadenses"), a capital and their list's cities alone.
    regions_in_its_country=True,
    # A card headline's line starts on no preposition contracted with its article, held to the
    # noun before it (Estadão: "do", "da" open no line of a title, cut from the noun).
    headline_ties_before=frozenset("do da dos das".split()),
    # Headlines (Manual de Redação e Estilo do Estadão, titles): no line ends on an article,
    # a preposition or a conjunction.
    headline_ties=frozenset(
        "o a os as um uma uns umas ao aos à às de do da dos das em no na nos nas num numa por "
        "pelo pela pelos pelas para com sem sobre entre e ou nem que seu sua seus suas".split()
    ),
    # A level and its noun stay on one line: "a certificação Prata", "o nível Ouro".
    fixed_phrases=(
        "pela primeira vez",
        "certificação Prata",
        "certificação Ouro",
        "certificação Platina",
        "nível Prata",
        "nível Ouro",
        "nível Platina",
    ),
)
