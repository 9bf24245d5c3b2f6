"""Mexican Spanish: the Spanish of a release whose readers are Mexican (a Mexican city's own
release, or one datelined in Mexico). The program's Spanish release stays the Latin American
profile's (``es.py``), and so do the texts and the catalog: the file's "es" is written here as
the Mexican press prints it.

What differs from ``es.py``, each from a source a reader can check:
- Numbers: CLDR's es_MX locale (Babel), as the Mexican press prints figures: a point before
  the decimals and a comma between the thousands ("4.2 millones", "212,000"), where RAE's
  Ortografía 2010 and CLDR's es write "4,2 millones" and "212 000". es_MX groups four digits
  too ("1,234"; its minimum grouping digits is 1, es's 2: "1234"). A share is CLDR es_MX's
  "57%", with no space. The file's Spanish texts (highlights, quotes), written in the general
  Latin American form, are set in the same figures by the profile's typography ("2,3 millones"
  prints "2.3 millones", "30 000" and "30.000" "30,000", "51 %" "51%"): a figure's separators
  are typography, as CP's "75 per cent" for the file's "75%"; the words of a quote stay as
  recorded.
- Country names: CLDR's es_MX names, where they differ from es's.
- Telephone numbers: Mexico's own in national form, its ten digits as libphonenumber groups
  them ("81 8400 4400"; the Instituto Federal de Telecomunicaciones made every number ten
  digits, dialled whole, in 2019), others in international form, as for any press with
  readers in one country.
- Word's language: "es-MX", Spanish (Mexico), one of the Spanish proofing languages Word ships.
- Places: a Mexican city with its state after a comma, never alone nor in parentheses
  ("LEÓN, Guanajuato, 17 de noviembre de 2032.—"), and any place set off by commas.
- Quotation marks: “ ”, as Mexican papers print them, not RAE's « ».
Dates, clock times ("9:00"), words for counts and the naming of time zones stay those of the
Latin American profile.
"""

from __future__ import annotations

import dataclasses
import re

from . import en, es

_SPACES = "[ \u00a0\u202f]"
# The words a decimal figure quantifies: a scale, a unit, a currency or "%" ("2,3 millones",
# "1,5 km", "2,5 %"). Only these make "2,3" a decimal: "los ejes 1,2 y 3" is a list.
_SCALED = (
    rf"{_SPACES}?%|{_SPACES}(?:{es.MEASURES}|puntos{_SPACES}porcentuales|pesos|dólares|euros)"
    r"(?![\w’'-])"
)
# A figure as the general Latin American form writes it: digits grouped in threes by a space
# or a point ("30 000", "2.300.000"; Mexican "30,000" is left as it is), or not grouped, with a
# decimal comma of one or two digits. Not part of a longer figure, a telephone number's groups
# ("+54 261 449 5100", "81 8400 4400"), a date ("17.06.2024") or a clock ("10:00", "10.30").
_FIGURE = re.compile(
    rf"(?<![\w.,:+/])(?<![\d+]{_SPACES})"
    rf"(?P<whole>\d{{1,3}}(?P<sep>{_SPACES}|\.)\d{{3}}(?:(?P=sep)\d{{3}})*|\d+)"
    r"(?:,(?P<decimals>\d{1,2}))?"
    rf"(?![\d:]|[.,]\d|{_SPACES}\d)"
    # A decimal needs its word, after it or after the other end of a range ("entre 2,5 y
    # 3,5 millones").
    rf"(?P<scaled>(?={_SCALED}|{_SPACES}(?:y|a|al|o|-|–){_SPACES}\d[\d.,]*(?:{_SCALED})))?"
)


def _mexican(match: re.Match) -> str:
    """One figure in the Mexican form, or as written where it may not be a figure."""
    whole, grouped, decimals = match["whole"], match["sep"], match["decimals"]
    if decimals is not None and not (grouped or match["scaled"] is not None):
        return match[0]  # "1,2 y 3": a list, or a decimal nothing tells apart from one
    if grouped:
        whole = re.sub(rf"{_SPACES}|\.", ",", whole)
    return whole + (f".{decimals}" if decimals is not None else "")


def _typography(text: str) -> str:
    """The Spanish profile's typography, after the file's figures are set in CLDR es_MX's form:
    "2.3 millones", "30,000", "51%" (a percent sign joined to its figure, as es_MX prints it)."""
    text = re.sub(rf"(?<=\d){_SPACES}%", "%", _FIGURE.sub(_mexican, text))
    return es.PROFILE.typography(text)


def _quote(text: str) -> str:
    """Mexican papers quote in “ ”, with ‘ ’ inside (the general profile's RAE « » are Spain's
    and EFE's; a Mexican desk never prints them), the closing period after the marks."""
    inner = re.sub("[«“]", "‘", re.sub("[»”]", "’", text))
    if inner.endswith(".") and not inner.endswith(".."):
        return f"“{inner[:-1]}”."
    return f"“{inner}”"


PROFILE = dataclasses.replace(
    es.PROFILE,
    tag="es-MX",
    babel_locale="es_MX",
    word_language="es-MX",
    group_four_digits=True,  # CLDR es_MX: "1,234"
    group_separator=None,  # CLDR es_MX's comma, not the space RAE gives the other countries
    typography=_typography,
    quote=_quote,
    opening_quote="“",
    readers_country="MX",  # Mexican numbers in national form: "81 8400 4400"
    # Mexican papers place a Mexican city by its state, set off by commas, in datelines as in
    # text ("LEÓN, Guanajuato", "Monterrey, Nuevo León, y…"; the Mexican desk's reading): a bare
    # "LEÓN" is also León in Nicaragua or Spain, and parentheses read as Spain's or EFE's style.
    regions={**es.PROFILE.regions, "MX": "name"},
    place_pattern="%(place)s, %(qualifier)s",
    inline=en.PROFILE.inline,  # a comma after the state too, as AP's: "León, Guanajuato, pasó"
    # A release whose readers are Mexican (a Mexican city's own, or one datelined in Mexico) is
    # written by this profile instead of the Latin American one.
    variant_of="es",
)
