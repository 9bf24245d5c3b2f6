"""English, as the Associated Press Stylebook (AP) writes it."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from . import (
    Profile,
    no_break_groups,
    no_break_ranges,
    no_break_units,
    tens_and_units,
    typographic_apostrophe,
)

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = tens_and_units(_UNITS, _TENS, "-", 20)

# AP: months with a day are abbreviated, except March through July.
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


# AP Stylebook, datelines: the US cities that stand alone, in datelines and in body text.
AP_DATELINE_CITIES = (
    "Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver",
    "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami",
    "Milwaukee", "Minneapolis", "New Orleans", "New York", "Oklahoma City", "Philadelphia",
    "Phoenix", "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego",
    "San Francisco", "Seattle", "Washington",
)  # fmt: skip
# AP Stylebook, datelines: the Canadian cities that stand alone; others take their province
# spelled out.
AP_CANADIAN_CITIES = ("Montreal", "Ottawa", "Quebec City", "Toronto")
# AP Stylebook, datelines: the cities of Latin America on its list of foreign cities that stand
# alone ("SAO PAULO", "MEXICO CITY"); others take their country ("BOGOTA, Colombia").
AP_LATIN_AMERICAN_CITIES = {
    "BR": ("Rio de Janeiro", "Sao Paulo"),
    "CU": ("Havana",),
    "GT": ("Guatemala City",),
    "MX": ("Mexico City",),
    "PA": ("Panama City",),
}

# AP: "the United States", "the Netherlands", "the Philippines"… in running text.
_WITH_THE = ("US", "GB", "NL", "PH", "DO", "AE", "BS", "CF", "CZ", "GM", "KY", "MV", "VA")


def _cardinal(value: int, feminine: bool) -> str:
    return _WORDS(value)  # English words have no gender


def _long_date(day: dt.date) -> str:
    if day.month in AP_MONTHS:
        return f"{AP_MONTHS[day.month]} {day.day}, {day.year}"  # AP: "Sept. 5, 2023"
    return format_date(day, "long", locale="en_US")


def _clock(local: dt.datetime) -> str:
    """AP: "10 a.m.", "3:30 p.m.", "noon"."""
    if (local.hour, local.minute) == (12, 0):
        return "noon"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{local.hour % 12 or 12}{minutes} {'a.m.' if local.hour < 12 else 'p.m.'}"


# AP, numbers: "$4.2 million", "112 miles": the scale and the unit words a figure stays with.
UNITS = (
    r"million|billion|trillion|miles?|kilomet(?:er|re)s?|km|acres?|feet|foot|square[ \u00a0]"
    r"(?:miles?|feet|kilomet(?:er|re)s?)|tons?|tonnes?|hectares?|gallons?"
    # ... and the nouns the releases count in figures: "In all, 21 cities".
    r"|cities|countries"
)


# AP, times: "10 a.m. EDT" is read as one; no line ends on "10" or on "a.m.".
# A date's abbreviated month and its day, "Oct. 5", likewise.
_CLOCK = re.compile(
    r"(?<=\d) (?=[ap]\.m\.)|(?<=[ap]\.m\.) (?=[A-Z]{1,2}[SD]?T\b)"
    r"|(?<=\b(?:Jan|Feb|Aug|Oct|Nov|Dec)\.) (?=\d)|(?<=\bSept\.) (?=\d)"
    r"|(?<=\bMarch) (?=\d)|(?<=\bApril) (?=\d)|(?<=\bMay) (?=\d)|(?<=\bJune) (?=\d)"
    r"|(?<=\bJuly) (?=\d)"
)


def clock_ties(text: str) -> str:
    return _CLOCK.sub("\u00a0", text)


RANGE_WORDS = "to"  # AP: "from 51% to 67%"


def _typography(text: str) -> str:
    """AP (since 2019): a figure takes the % sign, "57%", however the file wrote it ("57 per
    cent", "57 percent"); a figure held to its scale or unit ("$4.2 million"), a clock to
    its "a.m." and zone, a range of figures held whole ("68% to 84%"); the apostrophe ’."""
    text = no_break_units(no_break_groups(_PERCENT_WORDS.sub("\\1%", text)), UNITS)
    text = no_break_ranges(text, RANGE_WORDS)
    return _PROPER_S.sub("\\1’", apostrophes(clock_ties(text)))


# A straight ' that ends a word or a quote (after a letter, a figure or the quote's last mark),
# or stands for a decade's omitted figures ("the '90s"); one that opens a word is a quote's.
_CLOSING = re.compile(r"(?<=[\w.,;:!?)])'|(?<![\w’])'(?=\d0s\b)")
_OPENING = re.compile(r"(?<![\w’'])'(?=[^\W\d_])")


def apostrophes(text: str) -> str:
    """Every straight ' of a keyboard as print sets it, as the tool's own texts do: the
    apostrophe ’ between letters ("the program’s"), after a plural's s ("residents’ reports",
    AP, possessives) and for a decade ("the ’90s", AP, "decades"); a quotation within a
    quotation opens with ‘ and closes with ’ (AP, "quotation marks"). A desk read
    "residents' reports" beside "program’s" and curly quotation marks as a typewriter's."""
    return _OPENING.sub("‘", _CLOSING.sub("’", typographic_apostrophe(text)))


_PERCENT_WORDS = re.compile(r"(\d)[\s\u00a0](?:per[\s\u00a0]cent|percent)\b")
# AP, possessives: a singular proper name ending in s takes the apostrophe only ("Dickens'
# novels", "Kansas' schools"): "Florianópolis’ program", not "Florianópolis’s".
_PROPER_S = re.compile(r"\b([A-Z][^\W\d_]*s)’s\b")


def _saint(name: str) -> str:
    """AP, "saint": abbreviated in the names of cities, "St. Paul, Minnesota", "St. Louis";
    but "Saint John, New Brunswick". A French name keeps its hyphenated "Saint-" form."""
    return re.sub(r"^Saint (?!John\b)", "St. ", name)


def _set_off(cities: str) -> str:
    """AP sets a state or country off with commas on both sides: "Henderson, Nevada, moves
    up"."""
    return cities + "," if "," in cities else cities


def _before_said(text: str) -> str:
    """AP: the comma that leads to "said" goes inside the quotation marks, in place of the
    quote's period (“…communities,” said); a question or an exclamation keeps its mark."""
    if text.endswith("."):
        text = text[:-1]
    return "“" + text + ("" if text.endswith(("?", "!")) else ",") + "”"


_TIMES = {"twice": "two times", "thrice": "three times"}


def _numbers_in_full(text: str) -> str:
    """The English "twice" is the count « deux fois », "dos veces" and "duas vezes" state (number
    parsers, text2num, read those as 2): check compared a 2 with nothing."""
    return re.sub(r"(?i)\b(?:twice|thrice)\b", lambda word: _TIMES[word[0].casefold()], text)


PROFILE = Profile(
    tag="en",
    headline_figures=True,  # AP Stylebook, headlines: numerals for all numbers
    # A regional municipality, county or township is no city: its release says "it" (AP: a
    # county is a government of its own; CP desk, reading 20: "the municipality").
    municipal_nouns=frozenset({"Municipality", "County", "Township", "Borough", "District"}),
    of_name_article="the",
    babel_locale="en_US",
    catalog_dir=None,
    print_tag="en-US",  # WeasyPrint picks en_GB patterns for "en"
    word_language="en-US",
    dictionary_package="hunspell-en-us",
    iso_codes=None,
    cldr_countries=None,
    words=(0, 9),  # AP: one through nine
    numbers_in_full=_numbers_in_full,
    cardinal=_cardinal,
    noun_gender={},
    and_word="and",
    quote=lambda text: "“" + text + "”",
    before_attribution=_before_said,
    typography=_typography,
    long_date=_long_date,
    clock=_clock,
    zone_form=lambda zone, local: local.tzname() or "",  # AP: "10 a.m. EDT"
    own_clock="local",  # AP: abroad, where it has no abbreviation, "noon local time"
    regions={"US": "state", "CA": "name"},  # AP: "Laval, Quebec", never "Canada"
    dateline_states="ap",  # AP: "SACRAMENTO, Calif."
    standalone={"US": AP_DATELINE_CITIES, "CA": AP_CANADIAN_CITIES},
    dateline_cities={"US": AP_DATELINE_CITIES, **AP_LATIN_AMERICAN_CITIES},
    country_articles=dict.fromkeys(_WITH_THE, "the "),
    headline_names_alone=False,  # "Carlsbad, California, earns …"
    inline=_set_off,
    city_form=_saint,
    readers_country="US",
    area_code_form="{area}-{number}",  # AP Stylebook (telephone numbers): 212-621-1500
    date_pattern=r"\b(?P<month>{months})\.? (?P<day>\d{{1,2}})(?!\d)(?:, (?P<year>\d{{4}}))?",
    short_months=AP_MONTHS,
    # A card headline's line starts on no "of", held to the noun it completes (AP headlines).
    headline_ties_before=frozenset("of".split()),
    # AP headlines: a line never ends on an article, a preposition or a conjunction.
    headline_ties=frozenset(
        "a an the of in on at to for from by with into as and or nor but its their".split()
    ),
    # A level and its noun stay on one line: "its / What Works Cities Silver Certification";
    # so does a phrasal verb: "moves / up to" parts the verb from its particle.
    fixed_phrases=(
        "moves up",
        "for the first time",
        "Silver Certification",
        "Gold Certification",
        "Platinum Certification",
    ),
)
