"""Press style per language, language-neutral: the rules newsrooms follow that CLDR (and so
Babel) does not know are in each language's profile (``wwc_press.languages``), which cites its
manual; this module applies them, and holds the house-style settings that press offices change.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from babel.numbers import format_decimal, format_percent
from pydantic import Field

from .languages import REGISTRY, profile
from .model import Language, Record

BABEL_LOCALE: dict[str, str] = {tag: p.babel_locale for tag, p in REGISTRY.items()}


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
    return profile(language).long_date(day)


def number(
    value: int, language: Language, noun: str | None = None, up_to: int | None = None
) -> str:
    """A count in words within the press range (to ``up_to`` when the house sets it), in
    figures above it; words agree in gender with ``noun``."""
    rules = profile(language)
    low, high = rules.words
    if up_to is not None:
        high = min(up_to, 99)
    if low <= value <= high:
        return rules.cardinal(value, rules.noun_gender.get(noun or "") == "f")
    grouped = rules.group_four_digits or abs(value) >= 10_000
    return format_decimal(value, locale=rules.babel_locale, group_separator=grouped)


def percent(fraction: float, language: Language) -> str:
    """CLDR's percent: "57%" in English and Portuguese, "57 %" with a no-break space in Spanish;
    the profile's form where its press writes it otherwise (CP: "57 per cent")."""
    rules = profile(language)
    if rules.percent:
        return rules.percent(fraction)
    return format_percent(fraction, locale=rules.babel_locale)


def conjunction(language: Language, next_word: str) -> str:
    """The word for "and" before ``next_word`` ("Bogotá e Ibagué" in Spanish)."""
    return profile(language).and_before(next_word)


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
    plain = profile(language).and_word
    # A comma inside parentheses ("Utah, Estados Unidos") is held by them: it asks for no
    # semicolons between the items.
    bare = [re.sub(r"\([^()]*\)", "", item) for item in items]
    complex_items = any("," in item or f" {plain} " in item for item in bare[:-1])
    last = items[-1]
    word = conjunction(language, last)
    if len(items) == 2:
        comma = "," if "," in bare[0] else ""
        return f"{items[0]}{comma} {word} {last}"
    if complex_items:
        return "; ".join(items[:-1]) + f"; {word} {last}"
    comma = "," if serial_comma else ""
    return ", ".join(items[:-1]) + f"{comma} {word} {last}"


def quoted(text: str, language: Language) -> str:
    """The quotation marks of the language around ``text``."""
    return profile(language).quote(text)


def quoted_before_attribution(text: str, language: Language) -> str:
    """A quote that the name of its speaker follows, in the language's marks."""
    rules = profile(language)
    text = text.rstrip()
    if rules.before_attribution:
        return rules.before_attribution(text)
    return rules.quote(text[:-1] if text.endswith(".") else text)


def typography(text: str, language: Language) -> str:
    """Typesetting of the file's own texts by the language's rules ("57 %" held together)."""
    return profile(language).typography(text)
