"""Canadian English, as The Canadian Press Stylebook (CP) writes it: the English of a release
whose readers are Canadian (a Canadian city's own release, or one datelined in Canada). The
program's release from New York stays AP (``en.py``).

What differs from AP, by the Stylebook's chapters:
- Datelines and place names: the Canadian cities CP lists as standing alone ("WINNIPEG",
  "HAMILTON"; ``CP_CANADIAN_CITIES``); others take CP's abbreviation
  of their province ("GATINEAU, Que."), territories spelled out ("Yukon"); a US city its
  state abbreviated, in text too ("Carlsbad, Calif.").
- Per cent: two words after a figure, "92 per cent".
- Time zones: "10 a.m. ET", "9 a.m. CT" (ET, CT, MT, PT, AT, NT; CLDR's generic short names),
  never a city's time.
- End mark: -30-, at the end of the text, the contacts under it.
Dates ("Feb. 26, 2025"), clock times ("10 a.m.", "noon") and numbers (one to nine in words)
are written as AP writes them. CP spells "program" and "-ize" as the templates do, so the
English catalog (the templates' own words) serves both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import (
    en,
    keeps_standard_time,
    no_break_groups,
    no_break_ranges,
    no_break_units,
)

# The Canadian Press Stylebook, datelines: the Canadian cities that stand alone, in datelines
# and in text, for Canadian readers ("WINNIPEG", "HAMILTON"); the others take CP's abbreviation
# of their province. Later editions may list more: check the Stylebook before adding one. The
# provincial capitals stand alone, as CP's wire datelines them ("FREDERICTON —",
# "CHARLOTTETOWN —"; the CP desk's reading 15), but St. John's: CP datelines it "ST. JOHN'S,
# N.L.", as it does "SAINT JOHN, N.B.", so that neither is read as the other (reading 13).
CP_CANADIAN_CITIES = (
    "Calgary", "Charlottetown", "Edmonton", "Fredericton", "Halifax", "Hamilton", "Montreal",
    "Ottawa", "Quebec", "Quebec City", "Regina", "Saskatoon", "Toronto", "Vancouver", "Victoria",
    "Winnipeg",
)  # fmt: skip

_PER_CENT = re.compile(r"(\d)(?:\s?%|\s+percent\b|\s+per\s+cent\b)")  # "75%", "75 percent"
# "51 per cent to 67 per cent": a range says "per cent" once, after its second figure.
_PER_CENT_RANGE = re.compile(r"(\d)\u00a0per\u00a0cent( to \d[\d.,]*)\u00a0per\u00a0cent\b")
# CP, numbers: "per cent" is the unit of its figure, two words held to it as "%" would be: no
# line ends on "68 per" (nor on "68").
PER_CENT = "\u00a0per\u00a0cent"


def _percent(fraction: float) -> str:
    """CP, numbers: "92 per cent", the figure held to its words by no-break spaces."""
    from babel.numbers import format_decimal

    return format_decimal(fraction * 100, locale="en_CA") + PER_CENT


# CP Caps and Spelling: the metric units end in -re ("kilometre", "litre"). The file's English
# serves AP too, which writes "kilometers": its units are set in CP's spelling, as its "%" is
# ("640 kilometers of sidewalks" in a Canadian release: the CP desk's reading 15). A "meter"
# after no figure may be a device ("water meters"), and stays.
_METRIC = re.compile(r"\b(kilo|centi|milli)(met|lit)er(s?)\b")
# A litre is no device: "every liter we stop losing" in a mayor's quote (CP desk, reading 25).
_LITRE = re.compile(r"\bliter(s?)\b")
_METRIC_AFTER_FIGURE = re.compile(
    r"(\d[ \u00a0](?:(?:thousand|million|billion)[ \u00a0])?)(met|lit)er(s?)\b"
)


# ... and the common nouns the US spells -or and -er where CP writes -our and -re
# ("neighbourhoods", "centre"), in lower case only: a name keeps its spelling (Pearl Harbor).
_OUR = re.compile(r"\b(neighb|col|lab|fav|behavi|hon|harb)or(s|hoods?|ed|ing|ful|able)?\b")
_CENTRE = re.compile(r"\bcent(er)(s|ed)?\b")
# CP, money: the dollar of Canadian copy is Canada's, written "$9.50"; "C$" is for readers
# abroad (AP's release of the same file).
_CANADIAN_DOLLAR = re.compile(r"\bC\$(?=\d)")


# CP, hyphen: a sum in millions that modifies a noun takes a hyphen, "a $2.4-million plan";
# as a noun it takes none ("saved $12 million since 2036"). After an article or a possessive,
# before a word that is no preposition, article or conjunction, the sum is the noun's modifier.
_SUM_MODIFIER = re.compile(
    r"\b((?:a|an|the|its|their|this|that) \$[\d.,]+)[ \u00a0](million|billion)[ \u00a0]"
    r"(?!(?:in|of|for|to|from|on|at|by|with|over|since|a|an|the|and|or|a year|per)\b)(?=[a-z])"
)


def _spelling(text: str) -> str:
    """The file's English as CP spells it: metric units in -re, -our, "centre", "$"."""
    text = _METRIC.sub(r"\1\2re\3", text)
    text = _LITRE.sub(r"litre\1", text)
    text = _METRIC_AFTER_FIGURE.sub(lambda m: f"{m[1]}{m[2]}re{m[3]}", text)
    text = _OUR.sub(lambda m: f"{m[1]}our{m[2] or ''}", text)
    text = _CENTRE.sub(lambda m: "centre" + {"s": "s", "ed": "d"}.get(m[2] or "", ""), text)
    text = _CANADIAN_DOLLAR.sub("$", text)
    return _SUM_MODIFIER.sub(lambda m: f"{m[1]}-{m[2]} ", text)


def _typography(text: str) -> str:
    """Every text as CP prints it: "75%" becomes "75 per cent", "51% to 67%" "51 to 67 per cent"
    (CP, numbers: a range names its unit once; held on one line), the figure and "per cent"
    held together, in the file's texts too ("61 per cent"); CP's spelling; a figure held
    to its scale or unit ("$4.2 million"), a clock to its "a.m." and zone; the apostrophe ’."""
    text = _spelling(text)
    text = _PER_CENT_RANGE.sub("\\1\\2" + PER_CENT, _PER_CENT.sub("\\1" + PER_CENT, text))
    text = no_break_ranges(no_break_units(no_break_groups(text), en.UNITS), en.RANGE_WORDS)
    return en.apostrophes(en.clock_ties(text))


# Generic names that read as something else: Atlantic's "AT" as the word ("Embargoed until 11
# a.m. AT, Nov. 18": CP desk, reading 20), Newfoundland's "NT" as the Northwest Territories
# (reading 23).
_MISREAD = frozenset({"AT", "NT"})


def _zone_name(zone: str, local: dt.datetime) -> str:
    """CP, time zones: "ET", "CT", "MT", "PT" whatever the season (CLDR's generic short names);
    where CLDR has none, where it reads as something else (Atlantic's "AT", Newfoundland's
    "NT"), or where the zone keeps standard time all year (Saskatchewan), the zone's
    abbreviation at that moment ("AST", "NDT", "CST")."""
    generic = _generic_name(zone, local)
    return generic if generic and generic not in _MISREAD else local.tzname() or ""


def _generic_name(zone: str, local: dt.datetime) -> str | None:
    """CLDR's generic short name of the zone ("CT"), None where it has none or the zone keeps
    standard time all year (Saskatchewan's clock is not the CT of Manitoba's)."""
    from zoneinfo import ZoneInfo

    from babel.dates import get_timezone_name

    name = get_timezone_name(ZoneInfo(zone), "short", "generic", locale="en_CA")
    generic = re.fullmatch(r"[A-Z]T", name) and not keeps_standard_time(zone, local.year)
    return name if generic else None


PROFILE = dataclasses.replace(
    en.PROFILE,
    tag="en-CA",
    babel_locale="en_CA",
    dictionary_package="hunspell-en-ca",  # check: "kilometres" is no misspelling (CP)
    word_language="en-CA",
    cldr_countries=frozenset({"CA"}),  # it reads Canadian cities; English is the source anyway
    zone_form=_zone_name,
    names_zones=True,
    # CP lists the other times of a national release by their zones alone, east to west, each
    # hour once, Saskatchewan's by its standard time as its own release names it ("10 a.m. ET
    # (11 a.m. AT, 8 a.m. MT and CST, 7 a.m. PT)"), or by its cities beside Manitoba's daylight
    # time, an hour apart: "10 a.m. ET (11:30 a.m. NT, 11 a.m. AT, 9 a.m. CT, 8 a.m. in Regina)".
    listed_apart_by_cities=True,
    # CP: a province or a US state after a community is abbreviated, "Gatineau, Que.",
    # "Carlsbad, Calif." (data/regions.yaml's "cp" and "ap"), whatever the house's state_names.
    regions={"US": "ap", "CA": "cp"},
    standalone={"US": en.AP_DATELINE_CITIES, "CA": CP_CANADIAN_CITIES},
    # CP, datelines: the capital of Quebec is "QUEBEC" in a dateline, "Quebec City" in text;
    # whatever the file calls it ("Québec", or a spelling of its own in ``names``).
    dateline_cities={"US": en.AP_DATELINE_CITIES, "CA": ("Quebec",)},
    readers_country="CA",  # phone numbers of Canada in national form: "204-986-2196"
    end_marks={"": "-30-"},  # CP: every release ends with -30-
    end_mark_before_contacts=True,  # CP: -30- ends the text; the contacts follow it
    percent_form=_percent,
    typography=_typography,
    # A release whose readers are Canadian (a Canadian city's own, or one datelined in Canada)
    # is written by this profile instead of AP's.
    variant_of="en",
)
