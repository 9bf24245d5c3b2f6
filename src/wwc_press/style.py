"""Press style per language: the rules newsrooms follow that CLDR (and so Babel) does not know.

Each rule names the manual it follows. Babel does the rest: month names, digits, percent signs.
- English: The Associated Press Stylebook (AP).
- Spanish: Ortografía de la lengua española (RAE, 2010) and Fundéu RAE recommendations.
- Brazilian Portuguese: Manual de Redação e Estilo do Estadão.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from pydantic import Field

from .model import Language, Record

BABEL_LOCALE: dict[Language, str] = {"en": "en_US", "es": "es", "pt-BR": "pt_BR"}

# AP: months with a day are abbreviated, except March through July.
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}

# Spelled-out numbers by default: AP one to nine; Spanish press zero to nine (Fundéu); Estadão
# one to ten. A house style may choose another limit (HouseStyle.numbers_in_words_up_to).
_WORDS_FROM_TO: dict[Language, tuple[int, int]] = {"en": (0, 9), "es": (0, 9), "pt-BR": (1, 10)}

_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ES_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_ES_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_PT_UNITS = (
    "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze "
    "dezesseis dezessete dezoito dezenove"
).split()
_PT_TENS = "_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()


def _agree(word: str, language: Language, feminine: bool) -> str:
    """Gender of the word's last unit before a noun: "veintiuna ciudades", "veintiún países",
    "vinte e duas cidades", "vinte e dois países" (RAE, Nueva gramática 21.2; Estadão)."""
    if language == "es":
        if word.endswith("uno"):
            stem = word[:-3]
            return stem + ("una" if feminine else ("ún" if stem == "veinti" else "un"))
        return word
    if language == "pt-BR" and feminine:
        if word == "um" or word.endswith(" um"):
            return word[:-2] + "uma"
        if word == "dois" or word.endswith(" dois"):
            return word[:-4] + "duas"
    return word


def cardinal(value: int, language: Language, *, feminine: bool = False) -> str:
    """The cardinal 0 to 99 in words, agreeing with a feminine or masculine noun that follows."""
    if not 0 <= value <= 99:
        raise ValueError(f"no words for {value}")
    if language == "en":
        if value < 20:
            return _EN_UNITS[value]
        tens, unit = divmod(value, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    if language == "es":
        if value < 30:
            word = _ES_UNITS[value]
        else:
            tens, unit = divmod(value, 10)
            word = _ES_TENS[tens] + (f" y {_ES_UNITS[unit]}" if unit else "")
    else:
        if value < 20:
            word = _PT_UNITS[value]
        else:
            tens, unit = divmod(value, 10)
            word = _PT_TENS[tens] + (f" e {_PT_UNITS[unit]}" if unit else "")
    return _agree(word, language, feminine)


# Grammatical gender of the nouns our templates count; English has none to agree with.
NOUN_GENDER: dict[Language, dict[str, str]] = {
    "en": {},
    "es": {"city": "f", "country": "m", "level": "m"},
    "pt-BR": {"city": "f", "country": "m", "level": "m"},
}

_AND: dict[Language, str] = {"en": "and", "es": "y", "pt-BR": "e"}


class HouseStyle(Record):
    """The choices press offices differ on, per language in the project file (``style:``).

    The defaults follow each language's manual (AP for English): change them only for a house
    style that differs.
    """

    serial_comma: bool = Field(False, description="a comma before the last 'and' of a series")
    state_names: Literal["full", "ap", "postal"] = Field(
        "full", description="US states in body text: California, Calif. or CA"
    )
    dateline_states: Literal["full", "ap", "postal"] | None = Field(
        None, description="US states in datelines; default: AP in English, full elsewhere"
    )
    numbers_in_words_up_to: int | None = Field(
        None, ge=-1, le=99, description="default: 9 (en, es), 10 (pt-BR); -1: always figures"
    )


def long_date(day: dt.date, language: Language) -> str:
    """The date as the language's press writes it in running text and datelines."""
    if language == "en" and day.month in AP_MONTHS:
        return f"{AP_MONTHS[day.month]} {day.day}, {day.year}"  # AP: "Sept. 5, 2023"
    text = format_date(day, "long", locale=BABEL_LOCALE[language])
    if language == "pt-BR" and day.day == 1:
        text = "1º" + text[1:]  # Estadão: the first of the month is ordinal, "1º de julho"
    return text


def number(
    value: int, language: Language, noun: str | None = None, up_to: int | None = None
) -> str:
    """A count in words within the press range (to ``up_to`` when the house sets it), in
    figures above it; words agree in gender with ``noun``."""
    low, high = _WORDS_FROM_TO[language]
    if up_to is not None:
        high = min(up_to, 99)
    if low <= value <= high:
        feminine = NOUN_GENDER[language].get(noun or "") == "f"
        return cardinal(value, language, feminine=feminine)
    # RAE, Ortografía 2010: Spanish does not group numbers of four digits ("1234 ciudades").
    grouped = not (language == "es" and abs(value) < 10_000)
    return format_decimal(value, locale=BABEL_LOCALE[language], group_separator=grouped)


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
