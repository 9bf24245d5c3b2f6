"""One profile per language: everything the code knows about a language, in one object.

The rest of the code is language-neutral and asks the profile of a language (``profile("es")``)
for its locale, catalog, print language and spelling dictionary, and lets it write: numbers in
words or figures, a series with its conjunction, quotation marks, dates and clock times, the
name of a time zone, and how its press places a city (which countries by region, in what form,
the cities that stand alone). Templates have it as ``press``. Wording stays in the templates
and catalogs; the rules on top of CLDR that each press manual sets live here, each citing its
manual, and nothing outside this package branches on a language or a country to apply them.
Adding a language is one module of this package and its catalog; adding a variant of one for
the readers of a country (``variant_of``, ``readers_country``: Canadian English) is one module.
The registry finds the modules itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..style import HouseStyle

# Spanish, Brazilian and Quebec newsrooms give a US city its state unless their readers know the
# city by itself. Kept short on purpose: the cities that El País and Folha de S.Paulo datelines
# print without a state ("NUEVA YORK", "WASHINGTON", "LOS ÁNGELES").
US_KNOWN_ALONE = ("New York", "Washington", "Los Angeles", "Chicago", "Miami", "San Francisco")
# A series whose last item holds the conjunction itself, a group of cities sharing a place,
# joined by a word other than "and" ("Regina (Saskatchewan) et Mérida et Zapopan (Mexique)"
# read as one list of three): English's; the catalogs translate it (context "series").
ALSO_PATTERN = "%(items)s, as well as %(last)s"


def _bare(item: str) -> str:
    """An item of a series without what it holds in parentheses: a comma there ("Utah, Estados
    Unidos") is held by them, and asks for no semicolons between the items."""
    return re.sub(r"\([^()]*\)", "", item)


@dataclass(frozen=True)
class Profile:
    tag: str  # BCP 47, as in outputs' folders and <html lang>
    babel_locale: str  # CLDR's locale for dates, numbers and names
    catalog_dir: str | None  # gettext's folder under locales/; None for English, the source
    print_tag: str  # the print's full language tag ("en" alone reads as en_GB in WeasyPrint)
    # Word's language for spelling; a bare "es" would be Spain's, the releases are the Americas'.
    word_language: str
    # Debian's package of the hunspell dictionary check spells with (the Makefile installs the
    # profiles' packages, reading them from these modules' source).
    dictionary_package: str
    iso_codes: str | None  # iso-codes' translations of region names, where it has them
    cldr_countries: frozenset[str] | None  # ... only these countries' (pt-BR: Brazil); None: any
    words: tuple[int, int]  # counts spelled out from, to (house style may change the upper end)
    cardinal: Callable[[int, bool], str]  # 0..99 in words, feminine when asked
    noun_gender: dict[str, str]  # gender of the nouns the templates count ("city": "f")
    and_word: str
    quote: Callable[[str], str]  # the language's quotation marks around a quote
    long_date: Callable[[dt.date], str]
    clock: Callable[[dt.datetime], str]  # a time of day as the press writes it
    conjunction: Callable[[str], str] | None = None  # "and" before a word, when it changes
    # A quote followed by who said it, in the language's marks: its closing period gives way to
    # the comma the catalog writes after the marks («…», afirmó; “…”, afirma; « … », a déclaré).
    before_attribution: Callable[[str], str] | None = None
    typography: Callable[[str], str] = lambda text: typographic_apostrophe(text)  # typeset
    group_four_digits: bool = True  # "1,234"; Spanish writes "1234"
    # The mark between groups of three digits where the press differs from CLDR's locale
    # (Spanish: a no-break space, "30 000", not CLDR's "30.000"); None: the locale's.
    group_separator: str | None = None
    # A large count in running text where the press writes it in words ("30 mil" in Brazilian
    # Portuguese); None for any other, written in figures. Tables keep figures.
    large_in_prose: Callable[[int], str | None] | None = None
    # A zone as the press names it after a clock (zone, local time): AP by its abbreviation
    # ("10 a.m. EDT"), CP and Quebec desks by CLDR's generic name whatever the season ("10 a.m.
    # ET", "10 h (heure de l'Est)"); None: by its city ("hora de Nueva York").
    zone_form: Callable[[str, dt.datetime], str] | None = None
    # Whether the press names a time by its zone alone ("9 a.m. CT"), never "local time" or a
    # city's time: each clock of the embargo line then carries its zone (CP, Quebec).
    names_zones: bool = False
    # How a city's own release names the clock its readers keep, where the press names no zone
    # there (its e-mail's Subject, its embargo line): "local", as local time (AP abroad; the
    # Spanish press, FundéuRAE: "a las 12:00, hora local"), or "place", by the place that names
    # the clock (Brazil's legal time, "12h (horário de Brasília)"; a city on a clock of its own
    # by itself, "horário de Manaus"). The program's release names its reference clocks.
    own_clock: Literal["local", "place"] = "local"
    # Whether the list of the readers' other times, for a press that names zones there, gives a
    # zone that keeps standard time all year by the round's cities on it alone, where the list
    # holds the zone of its name on daylight time an hour apart ("9 a.m. CT, 8 a.m. in
    # Regina": "8 a.m. CST" an hour from "CT" reads as two Central times); elsewhere, and when
    # False, by its standard time ("8 a.m. MT and CST").
    listed_apart_by_cities: bool = False
    # Whether a zone the list names keeps its cities after it (Quebec: « 9 h (heure du Centre)
    # à Winnipeg »; an hour of two zones, each city with its zone: « 8 h à Edmonton (heure des
    # Rocheuses) et à Saskatoon (heure normale du Centre) »), or stands alone (CP: "9 a.m. CT").
    listed_zone_cities: bool = False
    # The countries whose regions the press names in its own language, where iso-codes'
    # translation (``iso_codes``) gives that name: the US states and Canadian provinces, which
    # every desk of the Americas writes its own way ("Carolina del Norte", "Caroline du Nord",
    # "Colombie-Britannique"). Any other country's regions keep their name in the country's own
    # language, as the press prints them ("Nuevo León", "Yucatán", "Querétaro" in Quebec and in
    # Brazil), unless data/regions.yaml gives the press's own form: iso-codes' other
    # translations are uneven, half-translated ("Nouveau León") or stripped of accents.
    translated_regions: frozenset[str] = frozenset({"US", "CA"})
    # How the press places a city: the countries whose cities it places by their region, not
    # their country, each with the form of that region after a city: "name"; "code" (Estadão:
    # "Fortaleza (CE)"); "state", a US state as the house writes it (``HouseStyle``); or an
    # abbreviation column of data/regions.yaml ("cp": "Gatineau, Que.", "ap": "Carlsbad, Calif.").
    regions: dict[str, str] = field(default_factory=lambda: {"US": "state"})
    dateline_states: str = "full"  # a "state" in datelines where the house sets none: full, ap
    # The cities that stand alone, by country, in datelines and in text ("NEW YORK", not "NEW
    # YORK, N.Y."); a city whose name says its region or country needs no list.
    standalone: dict[str, tuple[str, ...]] = field(default_factory=lambda: {"US": US_KNOWN_ALONE})
    # Countries whose regions' capitals stand alone too, each its region's (data/regions.yaml):
    # the Brazilian press gives no state after a state capital, "o Recife", "Caxias do Sul (RS)".
    region_capitals_alone: frozenset[str] = frozenset()
    # Cities a dateline writes as the list writes them, whatever the text says (AP: "WASHINGTON"
    # where the text says "Washington, D.C.", "NEW YORK" where it says "New York City").
    dateline_cities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A dateline gives a city its country, in its own release too, unless it is the capital
    # (EFE: "CUENCA (Ecuador)", "QUITO"); False: only where the press is not the city's (AP).
    dateline_capitals_alone: bool = False
    place_pattern: str | None = None  # a place's, where not the catalog's: "León, Guanajuato"
    # Whether the press places every city by its region in the sentence that names the city's
    # country ("Winnipeg (Manitoba) y Hamilton (Ontario) están entre las primeras ciudades
    # canadienses"), a country it otherwise places by country included; False: by region only
    # a country of ``regions``, others by name alone there (AP: "Buenos Aires and Córdoba are
    # the first in Argentina": AP places a foreign city by its country, named in the sentence).
    regions_in_its_country: bool = False
    # ... and with their country too, abbreviated, in a list that places other cities by
    # country, for readers abroad: "Salt Lake City (Utah, EE. UU.)" beside "Puebla (México)".
    region_and_country: dict[str, str] = field(default_factory=dict)
    # The article of each country's name in running text, where it takes one ("the United
    # States", "l'Argentine", "le Brésil"; Haïti and Cuba take none)
    country_articles: dict[str, str] = field(default_factory=dict)
    headline_names_alone: bool = True  # a city's own headline: its name alone ("Fortaleza …")
    # Cities followed by more words: AP sets a state or country off with commas on both sides
    # ("Henderson, Nevada, moves up"); parentheses need nothing more.
    inline: Callable[[str], str] = lambda cities: cities
    # A city's name as the press writes it, where its manual has a rule for names ("St. Paul").
    city_form: Callable[[str], str] = lambda name: name
    # The preposition the language repeats before each place of a series it introduces
    # ("à Fredericton et à Halifax": BDL, répétition des prépositions); none where it is said once.
    repeated_preposition: str = ""
    readers_country: str | None = None  # numbers of this country print in national form
    # How the press writes a North American number's area code in national form, where it
    # differs from libphonenumber's "(613) 688-4213": "{area}-{number}" (AP, CP).
    area_code_form: str | None = None
    home_region: tuple[str, str] | None = None  # its cities need no region ("Laval", Quebec)
    # How check undoes the long date: a pattern with day, month (any of {months}) and year.
    date_pattern: str = r"\b(?P<day>\d{{1,2}})º? de (?P<month>{months})(?: de (?P<year>\d{{4}}))?"
    short_months: dict[int, str] = field(default_factory=dict)  # "Sept." besides CLDR's names
    # The mark that ends a release, by the country of its dateline ("" for any other): the
    # mark of the readers' press, one per language, whatever the dateline: AP's ### in English
    # and in the Latin American languages (a Spanish release datelined in Quebec City is read
    # by Latin American desks, and ends as the same round's Guadalajara release does), -30- in
    # Canadian English and French (their profiles).
    end_marks: dict[str, str] = field(default_factory=lambda: {"": "###"})
    # Where the end mark goes: last, under the contacts (AP's ###), or at the end of the text,
    # the contacts under it (CP; the BDL's model of a Quebec release: -30-, then "Source :"
    # and "Renseignements :").
    end_mark_before_contacts: bool = False
    # Cities the press names with an article, by country and the name as this language writes
    # it: {"BR": {"Recife": "o"}} gives "O Recife conquista…" (Estadão).
    city_articles: dict[str, dict[str, str]] = field(default_factory=dict)
    # An embargo line's times read as an enumeration, the last joined by "and" (« soit 11 h à
    # Truro, 9 h à Winnipeg et 8 h à Spruce Grove »), not a parenthesis's list.
    times_in_series: bool = False
    # Headlines give every count in figures (AP, headlines: "7 cities earn…"; CP too), where the
    # body spells out one to nine.
    headline_figures: bool = False
    # A name built on a common noun takes the noun's article in running text, in any country:
    # {"Municipalité": "la"} gives « la Municipalité régionale du Cap-Breton » (BDL).
    noun_articles: dict[str, str] = field(default_factory=dict)
    # The article a name built as "<municipal noun> of <place>" takes in running text, in a
    # language whose nouns take none of their own: "the Regional Municipality of Wood Buffalo"
    # (CP; "Regional Municipality of Wood Buffalo has earned" read as a headline's words).
    of_name_article: str = ""
    # How the language writes a US or Canadian "X County" the file spells only in English, the
    # generic part translated and in lower case ("condado de {name}": RAE, Folha, BDL).
    county_form: str | None = None
    # How a district (``within``) is named with what it is, its kind with its article, in its
    # lead and in lists: "Miraflores, a district" (English), "el distrito de Miraflores". Nouns a
    # name follows with nothing between (Mexico City's press: "la alcaldía Cuauhtémoc", as the
    # boroughs are named) are ``appositive_nouns``.
    district_form: str = "{name}, {kind}"
    appositive_nouns: frozenset[str] = frozenset()
    # Words of a place's name that say it is not a city, but a municipality, county or district
    # of another kind: its release does not call it "the city" (« la Ville »).
    municipal_nouns: frozenset[str] = frozenset()
    # Headlines and cards: words that never end a line (articles, prepositions, conjunctions),
    # held to the word after them, and fixed phrases never split ("por primera vez").
    headline_ties: frozenset[str] = frozenset()
    # Words a card's headline line should not start with, where the language ties them to the
    # noun before: a preposition contracted with its article ("informe / del 16 de marzo").
    headline_ties_before: frozenset[str] = frozenset()
    fixed_phrases: tuple[str, ...] = ()
    percent_form: Callable[[float], str] | None = None  # a share, where the press and CLDR differ
    # Count words as number parsers read them, for check: the press's shortened forms in full.
    numbers_in_full: Callable[[str], str] = lambda text: text
    # The language this profile is a variant of for the readers of its ``readers_country``: it
    # writes that language's texts (the file's "en" for Canadian English) and catalog in its own
    # press style, taking over the language's releases read there. None: a language of the file.
    variant_of: str | None = None
    # Where a language stands wherever the announcement's languages are listed (indexes, the
    # settings' default, ``--lang``): English, the source, first.
    list_order: int = 0
    opening_quote: str = "“"  # the mark ``quote`` opens with, which QA asks a translation for
    # Whether what follows a colon opens with a capital where it is a sentence of its own (AP,
    # CP: "Embargoed until …: Nine cities earn…"); False where the press writes it in lower
    # case unless it opens with a name (Fundéu, "mayúscula tras dos puntos"; OQLF, BDL, "deux-
    # points"; Estadão, "dois-pontos"): an e-mail's Subject, the embargo then the headline.
    capital_after_colon: bool = True
    # A question or an exclamation opened with its own mark as well as closed (QA counts them).
    inverted_marks: tuple[tuple[str, str], ...] = ()

    @property
    def text_language(self) -> str:
        return self.variant_of or self.tag

    def for_readers(self, country: str) -> str:
        """The profile's tag for a release read in ``country``: its variant for that country's
        readers where there is one (Canadian English in Canada), else its own."""
        return _VARIANTS.get((self.tag, country), self.tag)

    @property
    def cldr_language(self) -> str:
        """The CLDR language of the countries whose press reads this profile ("pt")."""
        return self.babel_locale.split("_")[0]

    def end_mark(self, country: str) -> str:
        return self.end_marks.get(country, self.end_marks.get("", "###"))

    def region_form(self, country: str, house: HouseStyle, *, dateline: bool) -> str:
        """How the press writes the region after a city of ``country``: its entry in ``regions``
        ("name" for a country it places by country), a US state in the house's form, by
        default spelled out in text ("in_text": "estado de Washington" where it could read as
        the city) and as the profile sets in datelines (AP: "Calif.")."""
        form = self.regions.get(country, "name")
        if form != "state":
            return form
        if dateline:
            return house.dateline_states or self.dateline_states
        return "in_text" if house.state_names == "full" else house.state_names

    def zone_name(self, zone: str, local: dt.datetime) -> str:
        """The zone after a clock at ``local``: the press's own form, else its city."""
        from ..zones import zone_city

        return self.zone_form(zone, local) if self.zone_form else zone_city(zone, self.babel_locale)

    def names_zone_in(self, country: str | None) -> bool:
        """Whether the press gives a time in ``country`` by its zone: anywhere for a press that
        names zones (CP, Quebec); in its readers' own country for one whose zone form is that
        country's (AP's "10 a.m. CDT", "5 a.m. HST": abroad, "local time"); None: the program's
        release, whose zones are named as the press names them."""
        if country is None or self.names_zones:
            return self.names_zones
        return self.zone_form is not None and country == self.readers_country

    def and_before(self, next_word: str) -> str:
        return self.conjunction(next_word) if self.conjunction else self.and_word

    def number(
        self, value: int, noun: str | None = None, up_to: int | None = None, *, prose: bool = True
    ) -> str:
        """A count in words within the press range (to ``up_to`` when the house sets it; -1:
        always figures), in figures above it; words agree in gender with ``noun``. In ``prose``
        a large round figure is written as the press writes it there ("30 mil" in Brazilian
        Portuguese); a table keeps the figures."""
        from babel.numbers import format_decimal, get_group_symbol

        low, high = self.words
        if up_to is not None:
            high = min(up_to, 99)
        if low <= value <= high:
            return self.cardinal(value, self.noun_gender.get(noun or "") == "f")
        if prose and self.large_in_prose and (words := self.large_in_prose(value)):
            return words
        grouped = self.group_four_digits or abs(value) >= 10_000
        text = format_decimal(value, locale=self.babel_locale, group_separator=grouped)
        if grouped and self.group_separator:
            text = text.replace(get_group_symbol(self.babel_locale), self.group_separator)
        return text

    def percent(self, fraction: float) -> str:
        """CLDR's percent: "57%" in English and Portuguese, "57 %" with a no-break space in
        Spanish; the profile's form where its press writes it otherwise (CP: "57 per cent")."""
        from babel.numbers import format_percent

        if self.percent_form:
            return self.percent_form(fraction)
        return format_percent(fraction, locale=self.babel_locale)

    def series(self, items: list[str], serial_comma: bool = False, also: str = "") -> str:
        """``items`` joined as running text does.

        AP (and RAE for Spanish, Estadão for Portuguese): no comma before the conjunction in a
        simple series; when an item holds a comma or the conjunction itself, items are separated
        by semicolons and the last joins with "; and" ("Chicago; Henderson, Nevada; and
        Syracuse"). Else a last item that holds the conjunction joins by ``also`` where given
        (ALSO_PATTERN, "así como"), the conjunction being read once.
        """
        if len(items) < 2:
            return "".join(items)
        last = items[-1]
        if also and not self.delimits(items) and self._holds_and(last):
            return also % {"items": ", ".join(items[:-1]), "last": last}
        word = self.and_before(last)
        if len(items) == 2:
            comma = "," if "," in _bare(items[0]) else ""
            return f"{items[0]}{comma} {word} {last}"
        if self.delimits(items):
            return "; ".join(items[:-1]) + f"; {word} {last}"
        comma = "," if serial_comma else ""
        return ", ".join(items[:-1]) + f"{comma} {word} {last}"

    def _holds_and(self, item: str) -> bool:
        """Whether ``item`` joins words by the conjunction ("Mérida y Zapopan (México)")."""
        words = _bare(item).split()
        return any(self.and_before(word) == before for before, word in pairwise(words))

    def delimits(self, items: list[str]) -> bool:
        """Whether ``series`` sets the items off by semicolons (three or more, one before the
        last holding a comma or the conjunction): each item then ends where its semicolon is,
        and a place after one ("Henderson, Nevada;") cannot be read as the place of the items
        before it."""
        return len(items) > 2 and any(
            "," in item or f" {self.and_word} " in item for item in map(_bare, items[:-1])
        )

    def after_colon(self, text: str, names: Iterable[str]) -> str:
        """``text`` as it reads after a colon: its first word in lower case where the press
        writes it so, unless ``text`` opens with one of ``names`` (a proper noun, its article
        too: "Querétaro obtiene", "La Serena obtiene") or an acronym; an article, a preposition
        or a conjunction is no acronym ("o Recife conquista", not "O")."""
        first = re.match(r"\w[\w’'-]*", text)
        if self.capital_after_colon or first is None:
            return text
        if any(name == first.group() or text.startswith(f"{name} ") for name in names):
            return text  # "la Serena" in a Subject (Spanish desk, reading 17)
        if first.group().isupper() and first.group().lower() not in self.headline_ties:
            return text
        return text[0].lower() + text[1:]

    def quoted_before_attribution(self, text: str) -> str:
        """A quote of the file that the name of its speaker follows, typeset, in the language's
        marks."""
        text = self.typography(text).rstrip()
        if self.before_attribution:
            return self.before_attribution(text)
        return self.quote(text[:-1] if text.endswith(".") else text)


def tens_and_units(units: list[str], tens: list[str], joiner: str, below: int) -> Callable:
    """Cardinals 0..99 built from words for 0..``below``-1 and the tens joined by ``joiner``."""

    def words(value: int) -> str:
        if not 0 <= value <= 99:
            raise ValueError(f"no words for {value}")
        if value < below:
            return units[value]
        ten, unit = divmod(value, 10)
        return tens[ten] + (f"{joiner}{units[unit]}" if unit else "")

    return words


def keeps_standard_time(zone: str, year: int) -> bool:
    """Whether ``zone`` keeps its clock all ``year`` (Saskatchewan does, Manitoba does not):
    such a zone is named by its standard time, as a press names it, never by the generic name
    it shares with zones that change their clocks ("8 a.m. CST" in Regina when Winnipeg is at
    "9 a.m. CT")."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    return not any(tz.dst(dt.datetime(year, month, 15)) for month in (1, 7))


def typographic_apostrophe(text: str) -> str:
    """The apostrophe as print sets it, ’, between letters ("Coeur d’Alene", "the program’s"):
    the straight ' of a keyboard is a typewriter's mark, and every desk that read our pages
    corrected it next to curly quotation marks."""
    return re.sub(r"(?<=\w)'(?=\w)", "’", text)


# A figure written in the file's texts: digits, with a decimal mark or grouped ("4.2", "9 400").
_FIGURE = r"\d(?:[\d.,\u00a0\u202f]*\d)?"


def no_break_groups(text: str, separator: str = "\u00a0") -> str:
    """The space that groups a figure's digits by thousands ("9 400", "212 000"), as the file's
    texts type it, as the no-break space the language's own figures print (RAE, Ortografía
    2010: "espacio fijo"; OQLF, BDL: "espace insécable"): "212 / 000" on two lines reads as
    two numbers."""
    return re.sub(
        # Not a telephone number's groups ("+1 204 555 0199").
        r"(?<![\d.,+])(?<![\d+] )\d{1,3}(?: \d{3})+(?![\d]|[.,]\d| \d)",
        lambda m: m.group(0).replace(" ", separator),
        text,
    )


def contracted(pairs: dict[str, str], nouns: Iterable[str]) -> Callable[[str], str]:
    """A preposition and the article a name was given, contracted as the language writes them
    ("de el" "del", « à le » « au », "em o" "no"): before a name, or before one of ``nouns``
    (the common nouns names are built on) in lower case, "del condado de Pima"; never elsewhere:
    « de le faire » and "de El Salvador" keep theirs."""
    spaced = (re.escape(pair).replace(r"\ ", "[ \u00a0]") for pair in pairs)
    before = "|".join(sorted(re.escape(noun.casefold()) for noun in nouns))
    found = re.compile(
        rf"\b({'|'.join(sorted(spaced, key=len, reverse=True))})[ \u00a0\u202f]"
        rf"(?=[A-ZÀ-Ý]|(?:{before})\b)"
    )
    return lambda text: found.sub(lambda m: pairs[" ".join(m[1].split())] + " ", text)


def no_break_units(text: str, words: str) -> str:
    """A figure held to the scale or unit word after it ("$4.2 million", "112 miles", "4,2
    millones", "US$ 4,2 milhões"), and a currency sign to its figure: a line that ends on the
    figure, or a word that is hyphenated ("mil-/lion"), parts a quantity from its unit (AP, CP,
    RAE and Estadão alike write the figure and its word as one). ``words``: an alternation of
    the language's words, matched whole and without case; a word of several ("per cent") is
    held together too."""
    pattern = rf"({_FIGURE})\s+((?:{words})(?![\w’'-]))"
    text = re.sub(
        pattern,
        lambda m: m.group(1) + "\u00a0" + re.sub(r"\s+", "\u00a0", m.group(2)),
        text,
        flags=re.I,
    )
    return re.sub(r"((?:[A-Z]{1,3})?[$€£]) (?=\d)", "\\1\u00a0", text)


def no_break_ranges(text: str, words: str) -> str:
    """A range of figures held on one line ("68% to 84%", "de 68 % à 84 %", "entre el 51 % y el
    67 %"): "de 68% a / 84%" on two lines reads as two figures, not a span (AP, CP, Fundéu and
    Estadão write a range as one expression). ``words``: an alternation of the words that join
    a range in the language, matched whole and without case. Run after the percent sign is
    held to its figure."""
    pattern = rf"({_FIGURE}(?:[\u00a0\u202f]?%)?) +({words}) +(?=\d)"

    def held(match: re.Match[str]) -> str:
        return "\u00a0".join((match.group(1), *match.group(2).split(), ""))

    return re.sub(pattern, held, text, flags=re.I)


def no_break_percent(text: str) -> str:
    """A no-break space between a number and "%" (RAE, Ortografía 2010; OQLF), so "57 %" never
    breaks."""
    return re.sub(r"(\d) %", "\\1\u00a0%", text)


# English is the source language of the catalogs, and every city gets a release in it.
SOURCE_LANGUAGE = "en"


def source_language(languages: list[str]) -> str:
    """The language an announcement's texts are compared and translated from: English where
    it is one of them, else its first."""
    return SOURCE_LANGUAGE if SOURCE_LANGUAGE in languages else languages[0]


def targets(languages: list[str]) -> list[str]:
    """The languages translated into: all but the source."""
    return [lang for lang in languages if lang != SOURCE_LANGUAGE]


def _discovered() -> list[Profile]:
    """The ``PROFILE`` (or ``PROFILES``) of every module of this package, in the order of their
    names: adding a language or a variant is adding its module."""
    import importlib
    import pkgutil

    modules = sorted(info.name for info in pkgutil.iter_modules(__path__))
    found = [importlib.import_module(f"{__name__}.{name}") for name in modules]
    # A module of one language's variants for many countries gives them all (``es_americas``).
    return [p for m in found for p in (m.PROFILES if hasattr(m, "PROFILES") else (m.PROFILE,))]


_FOUND = _discovered()
# The languages an announcement is written in.
REGISTRY: dict[str, Profile] = {
    p.tag: p for p in sorted((p for p in _FOUND if not p.variant_of), key=lambda p: p.list_order)
}
# Those and their variants for readers of one country, which write the same texts in their
# own press style (Canadian English: the file's "en" as the Canadian Press writes it).
PROFILES: dict[str, Profile] = {**REGISTRY, **{p.tag: p for p in _FOUND if p.variant_of}}
# The variant of a language for the readers of a country: ("en", "CA") -> "en-CA".
_VARIANTS: dict[tuple[str, str | None], str] = {
    (p.variant_of, p.readers_country): p.tag for p in _FOUND if p.variant_of
}


def profile(tag: str) -> Profile:
    return PROFILES[tag]
