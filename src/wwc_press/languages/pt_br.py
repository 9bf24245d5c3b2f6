"""Brazilian Portuguese, as the Manual de Redação e Estilo do Estadão writes it."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from . import Profile, tens_and_units

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


def _long_date(day: dt.date) -> str:
    text = format_date(day, "long", locale="pt_BR")
    return "1º" + text[1:] if day.day == 1 else text  # Estadão: "1º de julho"


def _clock(local: dt.datetime) -> str:
    """Estadão: "10h", "10h30"."""
    return f"{local.hour}h{local.minute:02d}" if local.minute else f"{local.hour}h"


# "No Canadá", "na Argentina", "nos Estados Unidos", "em Cuba": Portuguese gives most countries'
# names an article of their own gender and number, a few none, so the program's countries of the
# Americas are listed.
_IN_COUNTRY = {
    "AR": "na Argentina", "BO": "na Bolívia", "BR": "no Brasil", "CA": "no Canadá",
    "CL": "no Chile", "CO": "na Colômbia", "CR": "na Costa Rica", "CU": "em Cuba",
    "DO": "na República Dominicana", "EC": "no Equador", "GT": "na Guatemala",
    "HN": "em Honduras", "MX": "no México", "NI": "na Nicarágua", "PA": "no Panamá",
    "PE": "no Peru", "PR": "em Porto Rico", "PY": "no Paraguai", "SV": "em El Salvador",
    "US": "nos Estados Unidos", "UY": "no Uruguai", "VE": "na Venezuela",
}  # fmt: skip

PROFILE = Profile(
    tag="pt-BR",
    in_country=_IN_COUNTRY,
    babel_locale="pt_BR",
    catalog_dir="pt_BR",
    hyphenation="pt-BR",  # WeasyPrint picks pt_PT-like patterns for "pt"
    word_language="pt-BR",
    iso_codes="pt_BR",
    cldr_countries=frozenset({"BR"}),  # Portugal's and Angola's press write otherwise
    words=(1, 10),  # Estadão: um a dez
    cardinal=_cardinal,
    noun_gender={"city": "f", "country": "m", "level": "m"},
    and_word="e",
    quote=lambda text: "“" + text + "”",
    long_date=_long_date,
    clock=_clock,
    placed_by_region=frozenset({"US", "BR"}),
    region_codes=frozenset({"BR"}),  # Estadão: "Fortaleza (CE)"
    readers_country="BR",
    # Headlines (Manual de Redação e Estilo do Estadão, titles): no line ends on an article,
    # a preposition or a conjunction.
    headline_ties=frozenset(
        "o a os as um uma uns umas ao aos à às de do da dos das em no na nos nas num numa por "
        "pelo pela pelos pelas para com sem sobre entre e ou nem que".split()
    ),
    fixed_phrases=("pela primeira vez",),
)
