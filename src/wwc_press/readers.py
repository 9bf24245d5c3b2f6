"""Which languages' press reads a city's news: the language of its country's press among an
announcement's languages, from CLDR's official languages, and so the languages of the city's
own releases (English, and its own); and the paper the readers of a country print on."""

from __future__ import annotations

from dataclasses import dataclass

from .languages import REGISTRY, SOURCE_LANGUAGE, profile, targets
from .model import Language, Place


def _read_by(country: str, tags: list[Language]) -> list[Language]:
    """Those of ``tags`` whose language the country's press reads, from CLDR's official
    languages, in their order."""
    from babel.languages import get_official_languages

    return [
        tag
        for code in get_official_languages(country, de_facto=True)
        for tag in tags
        if profile(tag).cldr_language == code
        and (profile(tag).cldr_countries is None or country in profile(tag).cldr_countries)
    ]


def city_language(country: str, languages: list[Language]) -> Language | None:
    """The language of the country's press among ``languages``: es for Argentina or Mexico,
    pt-BR for Brazil, en for the United States and Canada."""
    found = _read_by(country, languages)
    # A country of two languages, one of them English (Canada): its own is the other, since
    # every city has an English release anyway.
    others = targets(found)
    return (others or found or [None])[0]


def press_languages(country: str) -> list[Language]:
    """Every language of ours that the country's press reads: English and French for Canada,
    Brazilian Portuguese for Brazil."""
    return _read_by(country, list(REGISTRY))


def release_languages(city: Place, languages: list[Language]) -> list[Language]:
    """The languages of a city's own releases among ``languages``: English, and its own."""
    own = city_language(city.country, languages)
    return [lang for lang in languages if lang in (SOURCE_LANGUAGE, own)]


@dataclass(frozen=True)
class Paper:
    css: str  # the name CSS's @page size gives it
    width: float  # millimetres
    height: float


LETTER = Paper("letter", 215.9, 279.4)
A4 = Paper("A4", 210, 297)

# CLDR's supplemental data (supplementalData.xml, measurementData): <paperSize type="US-Letter"
# territories="BZ CA CL CO CR GT MX NI PA PH PR SV US VE"/>, and A4 for every other territory
# ("001"). Babel 2.19 does not carry this table (its global data names measurement systems, not
# paper), so it is copied here as CLDR 46 and 47 give it.
_LETTER_COUNTRIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())


def paper(country: str) -> Paper:
    """The paper the offices of ``country`` print on: US Letter where CLDR says so, else A4
    (a Brazilian or Argentine press office's printer has no Letter in its tray)."""
    return LETTER if country in _LETTER_COUNTRIES else A4
