"""Spanish, as the Real Academia Española (Ortografía 2010) and Fundéu RAE write it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

from . import (
    Profile,
    contracted,
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


_SPACES = "[ \u00a0\u202f]"
# The words a decimal figure quantifies: a scale, a unit, a currency or "%" ("2,3 millones",
# "1,5 km", "2,5 %"). Only these make "2,3" a decimal: "los ejes 1,2 y 3" is a list.
_SCALED = (
    rf"{_SPACES}?%|{_SPACES}(?:{MEASURES}|puntos{_SPACES}porcentuales|pesos|dólares|euros)"
    r"(?![\w’'-])"
)
# A figure as the general Latin American form writes it: digits grouped in threes by a space
# or a point ("30 000", "2.300.000"; a comma-grouped "30,000" is left as it is), or not grouped,
# with a decimal comma of one or two digits. Not part of a longer figure, a telephone number's
# groups ("+54 261 449 5100", "81 8400 4400"), a date ("17.06.2024") or a clock ("10:00").
_FIGURE = re.compile(
    rf"(?<![\w.,:+/])(?<![\d+]{_SPACES})"
    rf"(?P<whole>\d{{1,3}}(?P<sep>{_SPACES}|\.)\d{{3}}(?:(?P=sep)\d{{3}})*|\d+)"
    r"(?:,(?P<decimals>\d{1,2}))?"
    rf"(?![\d:]|[.,]\d|{_SPACES}\d)"
    # A decimal needs its word, after it or after the other end of a range ("entre 2,5 y
    # 3,5 millones").
    rf"(?P<scaled>(?={_SCALED}|{_SPACES}(?:y|a|al|o|-|–){_SPACES}\d[\d.,]*(?:{_SCALED})))?"
)


# The years a release may name ("en 2017", "hasta 2044"): a four-digit figure among them is
# read as a year and never grouped.
_YEARS = range(1900, 2100)


def figures_as(
    group: str, decimal: str, *, four_digits: bool, joined_percent: bool
) -> Callable[[str], str]:
    """The Spanish typography of a press that writes figures with ``group`` between the
    thousands (from four digits on where ``four_digits``) and ``decimal`` before the decimals,
    and a percent sign joined to its figure or not: the file's figures, written in one Latin
    American form or another ("2,3 millones", "30 000", "30.000", "51 %", "51%"), are set as
    that press prints them, so that no text mixes two forms ("30.000 hogares" beside the
    template's "30 000 habitantes" read as two systems: Spanish desk, reading 13). A figure's
    separators are typography, as CP's "75 per cent" for the file's "75%"; the words of a quote
    stay as recorded."""

    def figure(match: re.Match) -> str:
        whole, grouped, decimals = match["whole"], match["sep"], match["decimals"]
        if decimals is not None and not (grouped or match["scaled"] is not None):
            return match[0]  # "1,2 y 3": a list, or a decimal nothing tells apart from one
        if grouped:
            digits = re.sub(rf"{_SPACES}|\.", "", whole)
            whole = (
                re.sub(rf"{_SPACES}|\.", group, whole) if four_digits or len(digits) > 4 else digits
            )
        elif four_digits and len(whole) == 4 and not _YEARS.start <= int(whole) < _YEARS.stop:
            # A count the file wrote in RAE's form ("3400 reportes") beside the country's
            # "30,000 habitantes" read as two systems (Mexican desk, reading 21); a year stays.
            whole = whole[0] + group + whole[1:]
        return whole + (f"{decimal}{decimals}" if decimals is not None else "")

    def typography(text: str) -> str:
        text = _FIGURE.sub(figure, text)
        if joined_percent:  # CLDR es_MX, es_CO...: "51%", the sign joined to its figure
            text = re.sub(rf"(?<=\d){_SPACES}%", "%", text)
        else:  # RAE: "51 %", the sign parted from its figure by a (no-break) space
            text = re.sub(r"(?<=\d)%", "\u00a0%", text)
        return _typography(text)

    return typography


def double_quote(text: str) -> str:
    """Latin American papers quote in “ ”, with ‘ ’ inside (RAE's « » are Spain's and EFE's;
    a desk in Mexico, Bogotá or Buenos Aires never prints them), the closing period after the
    marks."""
    inner = re.sub("[«“]", "‘", re.sub("[»”]", "’", text))
    if inner.endswith(".") and not inner.endswith(".."):
        return f"“{inner[:-1]}”."
    return f"“{inner}”"


# RAE, Ortografía 2010 (topónimos): a name built on a common noun takes its article in running
# text ("el condado de Miami-Dade"), contracted after "a" and "de" ("del Condado de…").
NOUN_ARTICLES = {
    "Condado": "el", "Distrito": "el", "Municipio": "el", "Partido": "el", "Comuna": "la",
    "Alcaldía": "la",
}  # fmt: skip
_CONTRACTED = contracted({"a el": "al", "de el": "del"}, NOUN_ARTICLES)


def _typography(text: str) -> str:
    """ "57 %" never breaks, nor does a range ("entre el 51 % y el 67 %"), "212 000" (the file's
    thousands grouped by a space) or "4,2 millones"; "a el" and "de el" before a name contracted
    ("del Condado de Miami-Dade"); the apostrophe of a foreign name as print sets it ("Coeur
    d’Alene")."""
    text = _CONTRACTED(text)
    text = no_break_units(no_break_groups(no_break_percent(text)), UNITS)
    return typographic_apostrophe(no_break_ranges(text, RANGE_WORDS))


PROFILE = Profile(
    capital_after_colon=False,  # Fundéu (mayúsculas tras dos puntos): lower case, save a name
    tag="es",
    municipal_nouns=frozenset({"Municipio", "Municipalidad", "Distrito", "Comuna", "Condado"}),
    # Fundéu (Ciudad de México): the name takes its article in running text, "en la Ciudad de
    # México", "alcaldía de la Ciudad de México", as the Mexican press writes it.
    city_articles={"MX": {"Ciudad de México": "la"}},
    noun_articles=NOUN_ARTICLES,
    county_form="condado de {name}",
    district_form="{kind} de {name}",
    appositive_nouns=frozenset({"alcaldía"}),  # El Universal, Milenio: "la alcaldía Tlalpan"
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
    # RAE, Ortografía 2010: "30 000" (a no-break space, from five digits on), "2,3 millones",
    # "51 %"; the file's figures too.
    typography=figures_as("\u00a0", ",", four_digits=False, joined_percent=False),
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


def national(country: str, **press: object) -> Profile:
    """The Spanish of a release whose readers are in ``country`` (a city's own release there, or
    one datelined there), as that country's press prints it: CLDR's es_``country`` figures, in
    the file's texts too (``figures_as``), “ ” quotes, its own telephone numbers in
    national form, Word's Spanish of that country; the texts and the catalog stay the file's
    "es". ``press``: what else its press does otherwise (Mexico's places)."""
    locale = f"es_{country}"
    # CLDR groups four digits in most of these countries ("1.234", "1,234"), RAE does not: the
    # tool's figures (``number``) and the file's (``typography``) alike.
    four_digits = format_decimal(1234, locale=locale) != "1234"
    typography = figures_as(
        get_group_symbol(locale),
        get_decimal_symbol(locale),
        four_digits=four_digits,
        joined_percent=format_percent(0.5, locale=locale).startswith("50%"),  # "51%"
    )
    return dataclasses.replace(
        PROFILE,
        tag=f"es-{country}",
        babel_locale=locale,
        word_language=f"es-{country}",
        group_four_digits=four_digits,
        group_separator=None,  # the country's own, CLDR's, not the space RAE gives
        typography=typography,
        quote=double_quote,
        opening_quote="“",
        readers_country=country,
        variant_of="es",
        **press,
    )
