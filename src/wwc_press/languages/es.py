"""Spanish, as the Real Academia Española (Ortografía 2010) and Fundéu RAE write it."""

from __future__ import annotations

import re

from babel.dates import format_date, format_time

from . import (
    Profile,
    no_break_groups,
    no_break_percent,
    no_break_ranges,
    no_break_units,
    tens_and_units,
    typographic_apostrophe,
)

_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_WORDS = tens_and_units(_UNITS, _TENS, " y ", 30)


def _cardinal(value: int, feminine: bool) -> str:
    """RAE, Nueva gramática 21.2: "una ciudad", "veintiuna ciudades", "veintiún países"."""
    word = _WORDS(value)
    if word.endswith("uno"):
        stem = word[:-3]
        return stem + ("una" if feminine else ("ún" if stem == "veinti" else "un"))
    return word


def _numbers_in_full(text: str) -> str:
    """RAE: "veintiún países" is the form of "veintiuno" before a noun, which number parsers
    (text2num) lack."""
    return re.sub(r"(?i)\bveintiún\b", "veintiuno", text)


def _conjunction(next_word: str) -> str:
    """RAE and Fundéu: "y" becomes "e" before the sound /i/ (i-, hi-), but not before a
    diphthong (hie-, hia-): "Bogotá e Ibagué", "agua y hielo"."""
    return "e" if re.match(r"(?i)h?[ií](?![aeoáéó])", next_word) else "y"


def _quote(text: str) -> str:
    """RAE: « » with “ ” inside, and the closing period after the marks: «…evaluación»."""
    inner = text.replace("«", "“").replace("»", "”")
    if inner.endswith(".") and not inner.endswith(".."):
        return f"«{inner[:-1]}»."
    return f"«{inner}»"


# A figure's scale and unit words (RAE, Ortografía 2010: a figure and the word or
# symbol it quantifies are not parted at a line's end): "4,2 millones", "112 millas".
MEASURES = (
    r"millón|millones|mil|millardos?|billón|billones|millas?|kilómetros?|km|hectáreas?|"
    r"toneladas?|por[ \u00a0]ciento"
)
# ... and the nouns the releases count in figures: "se reconoció a 19 ciudades".
UNITS = MEASURES + r"|ciudades|países"


# The words that join a range of figures (Fundéu: "del 51 al 67 %", "entre el 51 y el 67 %").
RANGE_WORDS = "a|al|y|y el"


def _typography(text: str) -> str:
    """ "57 %" never breaks, nor does a range ("entre el 51 % y el 67 %"), "212 000" (the file's
    thousands grouped by a space) or "4,2 millones"; the apostrophe of a foreign name as print
    sets it ("Coeur d’Alene")."""
    text = no_break_units(no_break_groups(no_break_percent(text)), UNITS)
    return typographic_apostrophe(no_break_ranges(text, RANGE_WORDS))


PROFILE = Profile(
    capital_after_colon=False,  # Fundéu (mayúsculas tras dos puntos): lower case, save a name
    tag="es",
    list_order=1,
    babel_locale="es",
    # "en Canadá", "en Estados Unidos": Fundéu accepts the country's name without its article.
    catalog_dir="es",
    print_tag="es",
    word_language="es-419",
    dictionary_package="hunspell-es",
    iso_codes="es",
    cldr_countries=None,
    words=(0, 9),  # Fundéu: cero a nueve
    cardinal=_cardinal,
    numbers_in_full=_numbers_in_full,
    noun_gender={"city": "f", "country": "m", "level": "m"},
    and_word="y",
    conjunction=_conjunction,
    quote=_quote,
    opening_quote="«",
    inverted_marks=(("¿", "?"), ("¡", "!")),  # RAE: ¿…? ¡…!
    long_date=lambda day: format_date(day, "long", locale="es"),
    clock=lambda local: format_time(local.time(), "short", locale="es"),
    typography=_typography,
    # A city's own release gives its readers' clock as "hora local" (FundéuRAE, "horas
    # locales, uso inadecuado", 2024: "a las 13:00, hora local"), never by the capital CLDR
    # names the country's zone for: a desk in Mendoza or Rosario read "hora de Buenos Aires" as
    # another city's time. The program's release still names its clocks by their places.
    own_clock="local",
    group_four_digits=False,  # RAE, Ortografía 2010: "1234 ciudades"
    # RAE, Ortografía 2010 (cap. VIII, 2.2.1.1): over four digits, groups of three separated by
    # a space, never a point or a comma ("30 000 habitantes"); no-break, so a figure never
    # splits at a line's end.
    group_separator="\u00a0",
    # Latin American desks place a US city by its state and its country when the same list
    # gives other cities their country, the country abbreviated (Fundéu: "EE. UU.").
    region_and_country={"US": "EE.\u00a0UU."},
    # EFE's datelines, which Latin American desks and wires follow ("MADRID, 9 ene (EFE).-"):
    # a city gives its country in parentheses, in its own release too, unless it is the
    # country's capital: "CUENCA (Ecuador)", "MENDOZA (Argentina)", but "QUITO", "BOGOTÁ".
    dateline_capitals_alone=True,
    # Latin American desks place a foreign city by its province or state at its first mention,
    # in the sentence that names its country, as their press does (three readings of the
    # Spanish desk: "Winnipeg (Manitoba) y Hamilton (Ontario) están entre las primeras ciudades
    # canadienses"), a capital and their list's cities alone.
    regions_in_its_country=True,
    # A card headline's line starts on no preposition contracted with its article, held to the
    # noun before it (Martínez de Sousa: "del" opens no line of a title, cut from its noun).
    headline_ties_before=frozenset("del".split()),
    # Headlines (Martínez de Sousa, Manual de estilo de la lengua española: the division of
    # titles): no line ends on an article, a preposition or a conjunction.
    headline_ties=frozenset(
        "el la los las lo un una unos unas al del a ante con de desde en entre hacia hasta para "
        "por según sin sobre tras y e o u ni que su sus".split()
    ),
    # A level and its noun stay on one line: "la certificación Plata", "al nivel Oro".
    fixed_phrases=(
        "por primera vez",
        "certificación Plata",
        "certificación Oro",
        "certificación Platino",
        "nivel Plata",
        "nivel Oro",
        "nivel Platino",
    ),
)
