"""Press style per language: the rules newsrooms follow that CLDR (and so Babel) does not know.

Each rule names the manual it follows. Babel does the rest: month names, digits, percent signs.
- English: The Associated Press Stylebook (AP).
- Spanish: Ortografía de la lengua española (RAE, 2010) and Fundéu RAE recommendations.
- Brazilian Portuguese: Manual de Redação e Estilo do Estadão.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from .model import Language

BABEL_LOCALE: dict[Language, str] = {"en": "en_US", "es": "es", "pt-BR": "pt_BR"}

# AP: months with a day are abbreviated, except March through July.
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}

# Spelled-out numbers: AP one to nine; Spanish press zero to nine (Fundéu); Estadão one to ten.
# Feminine and masculine where the word agrees with its noun.
_WORDS: dict[Language, dict[int, tuple[str, str]]] = {
    "en": {
        n: (w, w)
        for n, w in enumerate(
            ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], start=1
        )
    },
    "es": {
        0: ("cero", "cero"),
        1: ("una", "un"),
        2: ("dos", "dos"),
        3: ("tres", "tres"),
        4: ("cuatro", "cuatro"),
        5: ("cinco", "cinco"),
        6: ("seis", "seis"),
        7: ("siete", "siete"),
        8: ("ocho", "ocho"),
        9: ("nueve", "nueve"),
    },
    "pt-BR": {
        1: ("uma", "um"),
        2: ("duas", "dois"),
        3: ("três", "três"),
        4: ("quatro", "quatro"),
        5: ("cinco", "cinco"),
        6: ("seis", "seis"),
        7: ("sete", "sete"),
        8: ("oito", "oito"),
        9: ("nove", "nove"),
        10: ("dez", "dez"),
    },
}

# Grammatical gender of the nouns our templates count; English has none to agree with.
NOUN_GENDER: dict[Language, dict[str, str]] = {
    "en": {},
    "es": {"city": "f", "country": "m", "level": "m"},
    "pt-BR": {"city": "f", "country": "m", "level": "m"},
}

_AND: dict[Language, str] = {"en": "and", "es": "y", "pt-BR": "e"}


def long_date(day: dt.date, language: Language) -> str:
    """The date as the language's press writes it in running text and datelines."""
    if language == "en" and day.month in _AP_MONTHS:
        return f"{_AP_MONTHS[day.month]} {day.day}, {day.year}"  # AP: "Sept. 5, 2023"
    text = format_date(day, "long", locale=BABEL_LOCALE[language])
    if language == "pt-BR" and day.day == 1:
        text = "1º" + text[1:]  # Estadão: the first of the month is ordinal, "1º de julho"
    return text


def number(value: int, language: Language, noun: str | None = None) -> str:
    """A count in words within the press range, in figures above it, agreeing with ``noun``."""
    words = _WORDS[language].get(value)
    if words is None:
        # RAE, Ortografía 2010: Spanish does not group numbers of four digits ("1234 ciudades").
        grouped = not (language == "es" and abs(value) < 10_000)
        return format_decimal(value, locale=BABEL_LOCALE[language], group_separator=grouped)
    feminine, masculine = words
    return feminine if NOUN_GENDER[language].get(noun or "") == "f" else masculine


def percent(fraction: float, language: Language) -> str:
    """CLDR's percent: "57%" in English and Portuguese, "57 %" with a no-break space in Spanish."""
    return format_percent(fraction, locale=BABEL_LOCALE[language])


def conjunction(language: Language, next_word: str) -> str:
    """The word for "and" before ``next_word``.

    RAE, Ortografía 2010, and Fundéu: Spanish "y" becomes "e" before a word that starts with the
    sound /i/ (i-, hi-), but not before a diphthong (hie-, hia-): "Bogotá e Ibagué", "agua y hielo".
    """
    word = _AND[language]
    if language == "es" and re.match(r"(?i)h?[ií](?![aeoáéó])", next_word):
        return "e"
    return word


def series(items: list[str], language: Language, serial_comma: bool = False) -> str:
    """Join ``items`` as running text does.

    AP (and RAE for Spanish, Estadão for Portuguese): no comma before the conjunction in a simple
    series; when an item holds a comma or the conjunction itself, items are separated by
    semicolons and the last joins with "; and" ("Chicago; Henderson, Nevada; and Syracuse").
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    plain = _AND[language]
    complex_items = any("," in item or f" {plain} " in item for item in items[:-1])
    last = items[-1]
    word = conjunction(language, last)
    if len(items) == 2:
        comma = "," if "," in items[0] else ""
        return f"{items[0]}{comma} {word} {last}"
    if complex_items:
        return "; ".join(items[:-1]) + f"; {word} {last}"
    comma = "," if serial_comma else ""
    return ", ".join(items[:-1]) + f"{comma} {word} {last}"


def quoted(text: str, language: Language) -> str:
    """Quotation marks of the language: “ ” (AP, Estadão); « » in Spanish (RAE), “ ” inside."""
    if language == "es":
        inner = text.replace("«", "“").replace("»", "”")
        # RAE: the closing period goes after the closing quotation mark, «…evaluación».
        if inner.endswith(".") and not inner.endswith(".."):
            return f"«{inner[:-1]}»."
        return f"«{inner}»"
    return "“" + text + "”"


def typography(text: str, language: Language) -> str:
    """Typesetting of the file's own texts: the space between a number and "%" in Spanish is a
    no-break space (RAE, Ortografía 2010, and CLDR's es pattern), so "57 %" never breaks."""
    if language == "es":
        return re.sub(r"(\d) %", "\\1\u00a0%", text)
    return text
