"""Names of places in each language: cities, their states, their countries, datelines.

A spelling given in the file (``names``) wins over every rule. US states and Brazilian states
are built in (``data/regions.yaml``); any other region is left out rather than printed as a code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale

from .model import Language, Place
from .style import BABEL_LOCALE, HouseStyle, series

DEFAULT_HOUSE = HouseStyle()

# English running text puts "the" before these country names (AP: "the United States").
_EN_ARTICLE = {"US", "GB", "NL", "PH", "DO", "AE", "BS", "CF", "CZ", "GM", "KY", "MV", "VA"}


@cache
def _regions() -> dict[str, Any]:
    text = resources.files("wwc_press").joinpath("data/regions.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def known_regions(country: str) -> list[str] | None:
    """The region codes built in for ``country`` (US and BR), or None when any code is accepted."""
    table = _regions().get(country)
    return sorted(table) if isinstance(table, dict) else None


def city_language(country: str, languages: list[Language]) -> Language | None:
    """The language of the country's press among ``languages``, from CLDR's official languages:
    es for Argentina or Mexico, pt-BR for Brazil, en for the United States and Canada."""
    from babel.languages import get_official_languages

    ours = {"en": "en", "es": "es"} | ({"pt": "pt-BR"} if country == "BR" else {})
    for code in get_official_languages(country, de_facto=True):
        if ours.get(code) in languages:
            return ours[code]  # type: ignore[return-value]
    return None


def city_name(place: Place, language: Language) -> str:
    """The city alone: the file's spelling for this language, else the name residents use."""
    return place.names.get(language, place.name)


def country_name(code: str, language: Language, *, running_text: bool = False) -> str:
    """CLDR's name of the country in ``language`` ("Brasil", "Estados Unidos")."""
    name = Locale.parse(BABEL_LOCALE[language]).territories[code]
    if running_text and language == "en" and code in _EN_ARTICLE:
        return "the " + name
    return name


def state_name(place: Place, language: Language) -> str | None:
    """The spelled-out state of a US city or a Brazilian city, or None when not built in."""
    entry = _regions().get(place.country, {}).get(place.region or "")
    if entry is None:
        return None
    return entry.get(language) or entry.get("name")


def _standalone(place: Place) -> bool:
    """AP: the 30 dateline cities need no state, in datelines and in body text."""
    return place.country == "US" and place.name in _regions()["ap_standalone"]


def _with(name: str, qualifier: str, language: Language) -> str:
    # AP sets the state off with commas; Spanish and Portuguese press put it in parentheses.
    return f"{name}, {qualifier}" if language == "en" else f"{name} ({qualifier})"


def _us_state(place: Place, language: Language, form: str) -> str | None:
    """A US state in the house's form: "California", AP's "Calif." or the postal "CA"."""
    entry = _regions()["US"].get(place.region or "")
    if entry is None:
        return None
    return {"full": entry[language], "ap": entry["ap"], "postal": place.region}[form]


def _local(place: Place, language: Language, house: HouseStyle) -> str:
    """A city of a country whose cities go with their state rather than their country."""
    name = city_name(place, language)
    if language in place.names or _standalone(place):
        return name
    if place.country == "BR":  # Estadão: Brazilian cities with the state code, "Fortaleza (CE)"
        return f"{name} ({place.region})" if state_name(place, language) else name
    state = _us_state(place, language, house.state_names)
    return _with(name, state, language) if state else name


def _is_local(place: Place, language: Language) -> bool:
    return place.country == "US" or (place.country == "BR" and language == "pt-BR")


def cities_in_text(
    places: list[Place], language: Language, house: HouseStyle = DEFAULT_HOUSE
) -> str:
    """Cities as running text names them, grouped by country where that reads better.

    "Buenos Aires and Córdoba, Argentina; Montevideo, Uruguay; and Carlsbad, California":
    US cities (and Brazilian ones in Portuguese) go with their state, others with their country.
    """
    groups: dict[str, list[Place]] = {}
    items: list[str | tuple[str, list[Place]]] = []
    for place in places:
        if _is_local(place, language):
            items.append(_local(place, language, house))
        elif place.country in groups:
            groups[place.country].append(place)
        else:
            groups[place.country] = [place]
            items.append((place.country, groups[place.country]))
    texts = []
    for item in items:
        if isinstance(item, str):
            texts.append(item)
        else:
            code, members = item
            names = series([city_name(p, language) for p in members], language, house.serial_comma)
            texts.append(_with(names, country_name(code, language), language))
    return series(texts, language, house.serial_comma)


def dateline(place: Place, language: Language, house: HouseStyle = DEFAULT_HOUSE) -> str:
    """AP datelines: the city in capitals, then the AP state abbreviation or the country."""
    name = city_name(place, language).upper()
    if language in place.names or _standalone(place):
        return name
    if place.country == "US":
        form = house.dateline_states or ("ap" if language == "en" else "full")
        state = _us_state(place, language, form)
        return _with(name, state, language) if state else name
    if place.country == "BR" and language == "pt-BR" and state_name(place, language):
        return f"{name} ({place.region})"
    return _with(name, country_name(place.country, language), language)
