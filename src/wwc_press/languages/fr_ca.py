"""Canadian French, as the Office québécois de la langue française (Banque de dépannage
linguistique) and the Canadian Press's French guide write it."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from . import (
    US_KNOWN_ALONE,
    Profile,
    contracted,
    keeps_standard_time,
    no_break_groups,
    no_break_percent,
    no_break_ranges,
    no_break_units,
    typographic_apostrophe,
)
from .en import AP_CANADIAN_CITIES

_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
).split()
_TENS = "_ _ vingt trente quarante cinquante soixante soixante quatre-vingt quatre-vingt".split()


def _cardinal(value: int, feminine: bool) -> str:
    """0 to 99 in words, traditional spelling: "vingt et un", "soixante-dix", "quatre-vingts";
    "un" agrees with a feminine noun: "une ville", "vingt et une villes" (BDL, accord de un)."""
    if not 0 <= value <= 99:
        raise ValueError(f"no words for {value}")
    if value < 20:
        word = _UNITS[value]
    else:
        ten, unit = divmod(value, 10)
        if ten in (7, 9):  # soixante-dix, quatre-vingt-dix: the tens above take 10 to 19
            unit += 10
        base = _TENS[ten]
        if unit == 0:
            word = "quatre-vingts" if ten == 8 else base
        elif unit in (1, 11) and ten < 8:
            word = f"{base} et {_UNITS[unit]}"
        else:
            word = f"{base}-{_UNITS[unit]}"
    if feminine and (word == "un" or word.endswith((" un", "-un"))):
        word += "e"
    return word


def _long_date(day: dt.date) -> str:
    """ "21 juin 2023"; the first of the month is "1er juin" (BDL). Datelines and the embargo
    line add "le" and "au" in the catalog."""
    text = format_date(day, "d MMMM y", locale="fr_CA")
    return "1er" + text[1:] if day.day == 1 else text


def _clock(local: dt.datetime) -> str:
    """BDL: "10 h", "10 h 30", with no-break spaces."""
    hour = f"{local.hour}\u00a0h"
    return f"{hour}\u00a0{local.minute:02d}" if local.minute else hour


def _zone_name(zone: str, local: dt.datetime) -> str:
    """A zone as a Quebec desk names it after the hour, from CLDR's generic names: "10 h
    (heure de l'Est)", "9 h (heure du Centre)" (BDL, heure), never a city's time for a whole
    region; where CLDR has no such name, the zone's city: "(heure de São Paulo)"."""
    from zoneinfo import ZoneInfo

    from babel.dates import get_timezone_location, get_timezone_name

    # A zone that keeps standard time all year (Saskatchewan) is « heure normale du Centre »:
    # the generic name would give it the hour of Manitoba's clock.
    if keeps_standard_time(zone, local.year):  # a moment: CLDR names its standard time then
        name = get_timezone_name(local.astimezone(ZoneInfo(zone)), "long", locale="fr_CA")
    else:
        name = get_timezone_name(ZoneInfo(zone), "long", "generic", locale="fr_CA")
    if not name.startswith("heure "):
        name = "heure de " + get_timezone_location(ZoneInfo(zone), "fr_CA", return_city=True)
    return f"({name})"


# Scale and unit words after a figure (BDL, écriture des nombres; OQLF: "4,2 millions").
UNITS = (
    r"millions?|milliards?|milles?|kilomètres?|km|hectares?|tonnes?|pour[ \u00a0]cent|M\$|G\$|\$"
)
# Ramat (Le Ramat de la typographie, l'espace insécable): a number in figures and the word it
# counts are not parted, "21 villes", "9 400 entrées", "le 5 octobre". A year is no count: it
# keeps its ordinary space ("en 2024 la Ville…"); nor is a word that counts nothing (an
# article, a preposition, a conjunction: "61 % depuis", "2 000 et plus").
_COUNTED = re.compile(
    r"(?<![\d.,+\u00a0\u202f])(?!(?:1[6-9]|20)\d\d\b)(\d[\d,\u00a0\u202f]*) "
    r"(?!(?:et|ou|ni|à|au|aux|de|des|du|en|dans|le|la|les|par|pour|sur|sous|avec|depuis|sans)\b)"
    r"(?=[^\W\d_])"
)


# BDL (élision): "que", "jusque", "lorsque", "puisque" and "de" drop their "e" before a vowel;
# the catalog elides its own words, so this catches a name filled in: « qu’Ottawa », « d’Edmonton ».
# Capitals only (a name; "Y" there is a consonant: « de Yellowknife »), and no "h": whether it is
# mute differs from name to name.
_ELIDED = re.compile(r"\b(qu|jusqu|lorsqu|puisqu|d)e (?=[AEIOUÀÂÉÈÊÎÏÔÛ])")


# BDL (noms de lieux): a name built on a common noun takes that noun's article in running text
# (« la Municipalité régionale du Cap-Breton », « le Canton de Hatley »), contracted after « à »
# and « de » (« au Canton de Hatley », « du Comté de… »).
NOUN_ARTICLES = {
    "Municipalité": "la", "Ville": "la", "Cité": "la", "Paroisse": "la", "Région": "la",
    "Comté": "le", "Canton": "le", "District": "le", "Village": "le", "Commune": "la",
    "Arrondissement": "l'",
}  # fmt: skip
_CONTRACTED = contracted(
    {"à le": "au", "à les": "aux", "de le": "du", "de les": "des"}, NOUN_ARTICLES
)


def _typography(text: str) -> str:
    """Quebec usage (BDL): the apostrophe ’, a no-break space before the colon and inside « »,
    none before ; ! ?, and "57 %" and a range ("de 68 % à 84 %") held together; a figure's
    thousands ("9 400") and the figure and the word it counts or its unit ("21 villes", "4,2
    millions") held by no-break spaces; "que" and "de" elided before a name that opens with a
    vowel; « à le » and « de le » contracted before a name (« au Canton de Hatley »)."""
    text = no_break_units(no_break_groups(no_break_percent(text)), UNITS)
    text = no_break_ranges(text, "à|et")  # « de 51 % à 67 % », « entre 51 % et 67 % »
    text = _COUNTED.sub("\\1\u00a0", text)
    text = _CONTRACTED(text)
    text = _ELIDED.sub("\\1’", text)
    text = typographic_apostrophe(text)  # « l’Université »
    text = re.sub(r"(?<=\S) ?:(?=\s|$)", "\u00a0:", text)  # after a word, ")" or "»" too
    return re.sub(r"«\s*", "«\u00a0", re.sub(r"\s*»", "\u00a0»", text))


# BDL (noms de pays): a country's name takes its article in running text, elided before a vowel;
# islands named as cities take none (Cuba, Haïti, Porto Rico, Trinité-et-Tobago). The countries
# of the Americas, where the program's cities are; another is named without one.
COUNTRY_ARTICLES = {
    "AR": "l'", "BB": "la ", "BO": "la ", "BR": "le ", "BS": "les ", "BZ": "le ", "CA": "le ",
    "CL": "le ", "CO": "la ", "CR": "le ", "DO": "la ", "EC": "l'", "GT": "le ", "GY": "le ",
    "HN": "le ", "JM": "la ", "MX": "le ", "NI": "le ", "PA": "le ", "PE": "le ", "PY": "le ",
    "SR": "le ", "SV": "le ", "US": "les ", "UY": "l'", "VE": "le ",
}  # fmt: skip

PROFILE = Profile(
    capital_after_colon=False,  # OQLF, BDL (majuscule après le deux-points): save a name
    tag="fr-CA",
    # BDL: « la Municipalité régionale du Cap-Breton », never called « la Ville ».
    noun_articles=NOUN_ARTICLES,
    county_form="comté de {name}",
    district_form="{kind} de {name}",  # BDL: « l'arrondissement de Verdun », « d'Outremont »
    times_in_series=True,  # BDL (énumération): « …, 9 h à Winnipeg et 8 h à Spruce Grove »
    municipal_nouns=frozenset({"Municipalité", "Comté", "Canton", "Paroisse", "District"}),
    list_order=3,
    babel_locale="fr_CA",
    catalog_dir="fr_CA",
    print_tag="fr",
    word_language="fr-CA",
    dictionary_package="hunspell-fr",
    iso_codes="fr",
    cldr_countries=frozenset({"CA"}),
    words=(1, 9),  # la Presse canadienne: un à neuf en lettres
    cardinal=_cardinal,
    noun_gender={"city": "f", "country": "m", "level": "m"},
    and_word="et",
    quote=lambda text: f"«\u00a0{text}\u00a0»",
    opening_quote="«",
    long_date=_long_date,
    clock=_clock,
    typography=_typography,
    group_four_digits=True,
    zone_form=_zone_name,
    names_zones=True,
    # The other times, each hour once, its zones after their cities where it is several zones'
    # (« 8 h à Edmonton (heure des Rocheuses) et à Saskatoon (heure normale du Centre) »), and
    # Saskatchewan always by its zone, as its own release names it: « 8 h à Regina » read as a
    # time with no zone, « (heure de la Saskatchewan) » as no zone's name (Quebec desks,
    # readings 15 and 17).
    listed_zone_cities=True,
    regions={"US": "state", "CA": "name"},  # "Laval (Québec)", "Seattle (Washington)"
    # Montréal, Ottawa, Québec, Toronto alone, as in AP
    standalone={"US": US_KNOWN_ALONE, "CA": AP_CANADIAN_CITIES},
    country_articles=COUNTRY_ARTICLES,
    readers_country="CA",
    area_code_form="{area} {number}",  # BDL (numéro de téléphone): 514 873-6565
    home_region=("CA", "QC"),
    date_pattern=r"\b(?P<day>\d{{1,2}})(?:er)? (?P<month>{months})(?: (?P<year>\d{{4}}))?",
    end_marks={"": "-30-"},  # Canadian releases, in French and in English, end with -30-
    # A card headline's line starts on no preposition contracted with its article, held to the
    # noun before it (OQLF, BDL: "du", "des" open no line of a title, cut from the noun).
    headline_ties_before=frozenset("du des".split()),
    # BDL (communiqué, modèle): -30- at the end of the text, then "Source :" and
    # "Renseignements :"; the Canadian Press (CNW) sets it the same way.
    end_mark_before_contacts=True,
    # BDL (répétition des prépositions): « à », « de », « en » are said before each item.
    repeated_preposition="à",
    # Headlines (OQLF, BDL, on breaking titles): no line ends on an article, a preposition or
    # a conjunction.
    headline_ties=frozenset(
        "le la les un une des du de au aux à en dans par pour avec sans sur sous entre chez et "
        "ou ni que sa son ses leur leurs".split()
    ),
    # A level and its noun stay on one line: « la certification Argent », « au niveau Or ».
    fixed_phrases=(
        "pour la première fois",
        "certification Argent",
        "certification Or",
        "certification Platine",
        "niveau Argent",
        "niveau Or",
        "niveau Platine",
    ),
)
