"""One object per language that templates use for every word and every format.

It carries the gettext catalog (read from the ``.po`` so that nothing untranslated slips through:
the compiled ``.mo`` would fall back to English silently) and the formats of Babel plus our press
style rules. English is the source language: its "catalog" returns the message ids.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

from . import places
from .errors import RenderError
from .folding import collation_key
from .languages import PROFILES, REGISTRY, Profile, profile
from .model import (
    City,
    Contact,
    Contacts,
    Highlight,
    Language,
    Level,
    Place,
    Words,
    city_key,
    contacts_in,
    words,
)
from .settings import Settings
from .style import HouseStyle
from .zones import (
    capital_time,
    has_legal_name,
    one_clock,
    reference_zone,
    same_clock,
    zone_city,
)

# gettext's directory names, which translators' tools expect.
CATALOG_DIR: dict[str, str] = {tag: p.catalog_dir for tag, p in REGISTRY.items() if p.catalog_dir}


def NC_(context: str, message: str) -> str:
    """Mark ``message`` with its context for the catalog (``pybabel extract -k NC_:1c,2``); it
    is translated where it is used."""
    return message


# Translators: a place and what qualifies it: its state, region or country ("Carlsbad,
# California"; Spanish press puts it in parentheses, "Carlsbad (California)").
PLACE = NC_("place", "%(place)s, %(qualifier)s")
assert PLACE == places.PLACE_PATTERN  # the English form, used where no catalog is at hand

# Translators: a country where the language has no adjective for it on record (English always:
# "the first city in Mexico"); "en %(country)s", "em %(country)s". The country is CLDR's name.
IN_COUNTRY = NC_("country", "in %(country)s")

LEVEL_CONTEXT = "level name"
# Translators: the glossary of level names, used alone ("del nivel Plata al Oro") and in
# "Gold Certification". Decide once per language; the same word is used everywhere.
LEVEL_NAMES: dict[Level, str] = {
    "silver": NC_("level name", "Silver"),  # literals: the extractor reads no variables
    "gold": NC_("level name", "Gold"),
    "platinum": NC_("level name", "Platinum"),
}


class MissingTranslation(RenderError):
    """A template asked for a string the language's catalog does not translate."""


class StrictTranslations:
    """gettext's interface over a ``.po`` catalog that refuses to fall back to English.

    Fuzzy entries and plural entries with an empty form count as missing, unlike in the ``.mo``
    that Babel compiles (it fills empty plural forms with the English ones).
    """

    def __init__(self, catalog: Catalog | None, source: Path | None):
        self.source = source
        self.messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
        if catalog is None:  # the source language
            self.plural = lambda n: int(n != 1)
            return
        self.plural = gettext.c2py(catalog.plural_expr)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple | list):
                strings = tuple(message.string)
                if all(strings):
                    self.messages[(message.context, message.id[0])] = strings
            elif message.string:
                self.messages[(message.context, message.id)] = message.string

    def _find(self, context: str | None, message: str, plural: bool) -> str | tuple[str, ...]:
        found = self.messages.get((context, message))
        if found is None or isinstance(found, tuple) != plural:
            where = f" (context {context!r})" if context else ""
            raise MissingTranslation(f"{self.source}: no translation for {message!r}{where}")
        return found

    def pgettext(self, context: str | None, message: str) -> str:
        if self.source is None:
            return message
        found = self._find(context, message, plural=False)
        assert isinstance(found, str)
        return found

    def npgettext(self, context: str | None, singular: str, plural: str, n: int) -> str:
        if self.source is None:
            return singular if self.plural(n) == 0 else plural
        forms = self._find(context, singular, plural=True)
        return forms[min(self.plural(n), len(forms) - 1)]

    def gettext(self, message: str) -> str:
        return self.pgettext(None, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.npgettext(None, singular, plural, n)


def catalog_path(root: Path, language: Language) -> Path | None:
    """The language's ``.po`` file; None for English, the source language."""
    if language not in CATALOG_DIR:
        return None
    return root / "locales" / CATALOG_DIR[language] / "LC_MESSAGES" / "messages.po"


class CatalogError(RenderError):
    """A ``.po`` file that cannot be read: said at its line, with what to do."""

    def __init__(self, path: Path, line: int, reason: str):
        self.path, self.line, self.reason = path, line, reason
        super().__init__(f"{path}:{line}: {reason}")


def read_catalog(path: Path, language: Language) -> Catalog:
    """The catalog of ``path``, or a CatalogError that says what is wrong with the file: missing,
    not UTF-8, not PO syntax, a Plural-Forms that is not an expression."""
    import io

    from babel.messages.pofile import PoFileError

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(path, 1, "the catalog is missing: run 'wwc-press i18n update' to "
                           "make it from messages.pot") from None  # fmt: skip
    except OSError as error:
        raise CatalogError(path, 1, f"cannot read the catalog: {error.strerror}") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(path, line, f"byte 0x{data[error.start]:02x} is not UTF-8: save the "
                           "catalog as UTF-8 (any PO editor does)") from None  # fmt: skip
    # Babel reads a string whose closing quote is missing, dropping its last character.
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        text = line.strip()
        if text.startswith(("msgid", "msgstr", "msgctxt", '"')) and not text.endswith('"'):
            raise CatalogError(path, number, "a string without its closing quote: add the \" "
                               "at the end of the line")  # fmt: skip
    try:
        catalog = read_po(io.BytesIO(data), locale=CATALOG_DIR[language], abort_invalid=True)
    except (PoFileError, ValueError) as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) if found else 1
        fix = f"fix it in a PO editor or restore it with 'git checkout {path}'"
        raise CatalogError(path, line, f"not a readable PO catalog ({error}): {fix}") from None
    try:
        gettext.c2py(catalog.plural_expr)
    except (ValueError, SyntaxError) as error:
        raise CatalogError(path, 1, f"its Plural-Forms {catalog.plural_expr!r} is not a valid "
                           f"expression ({error}); CLDR's for {language} is in "
                           "'wwc-press i18n update'") from None  # fmt: skip
    return catalog


def load_translations(root: Path, language: Language) -> StrictTranslations:
    path = catalog_path(root, language)
    if path is None:
        return StrictTranslations(None, None)
    return StrictTranslations(read_catalog(path, language), path)


@dataclass(frozen=True)
class Localizer:
    """What a template needs to write in one language beyond its profile: the catalog, the
    house's choices and the program's time zone, with the places and times they name. The
    profile (``press``: "en-CA" for Canadian readers) writes dates, quotes and typography
    itself; templates have it as ``press``."""

    translations: StrictTranslations
    timezone: str
    press: Profile
    house: HouseStyle = HouseStyle()

    @property
    def language(self) -> Language:
        """The language of the file's texts and the outputs' folder ("en" for en-CA too)."""
        return self.press.text_language

    @property
    def tag(self) -> str:
        return self.press.tag

    @property
    def place_pattern(self) -> str:
        """How this language writes a place with its qualifier, from the catalog."""
        return self.translations.pgettext("place", PLACE)

    def number(self, value: int, noun: str | None = None) -> str:
        return self.press.number(value, noun, self.house.numbers_in_words_up_to)

    def figure(self, value: int) -> str:
        """A count in figures, as tables print them ("1,234", "1234" in Spanish); prose says
        ``number``."""
        return self.press.number(value, up_to=-1, prose=False)

    def city_name(self, city: Place) -> str:
        return places.city_name(city, self.tag)

    def written(self, highlights: list[Highlight]) -> list[Highlight]:
        """The highlights written in this language: a city's are only in its releases' ones."""
        return [highlight for highlight in highlights if self.language in highlight.text]

    def country_name(self, code: str) -> str:
        """The country as a table or a heading names it (no article)."""
        return places.country_name(code, self.tag)

    def region(self, place: Place) -> str:
        """The region by name in this language, never its code; nothing without a region."""
        return places.region_name(place, self.tag) or ""

    def reads(self, country: str) -> bool:
        """Whether this is the language of the country's own press."""
        return places.city_language(country, [self.tag]) == self.tag

    def in_text(self, text: str, city: Place) -> str:
        """``text`` naming ``city`` in running text, with the article its press gives the city
        ("o Recife", "a Cidade da Guatemala"); as it is in every other case."""
        return places.with_article(city, text, self.language)

    def subject(self, text: str, city: Place) -> str:
        """``text`` naming ``city`` at the start of a sentence: "O Recife conquista…"."""
        with_article = self.in_text(text, city)
        return with_article[:1].upper() + with_article[1:] if with_article != text else text

    def names_in_text(self, cities: list[Place]) -> list[str]:
        """The cities' names in running text, each with its article where it takes one."""
        return [self.in_text(self.city_name(city), city) for city in cities]

    def city_headline(self, city: Place) -> str:
        """A city in the headline of its own release: its name alone for its own press, which
        reads the region in the dateline or the lead ("Las Condes obtiene…"); AP's form in
        English ("Carlsbad, California, earns…", "Córdoba, Argentina, earns…")."""
        if self.reads(city.country) and self.press.headline_names_alone:
            return self.city_name(city)
        return self.cities_inline([city])

    def city_in_lead(self, city: Place) -> str:
        """A city at the start of its own release's lead: its name alone where the dateline
        already places it ("HENDERSON, Nev.", "FORTALEZA (CE)", "CÓRDOBA, Argentina"), with its
        region where the dateline has none ("Las Condes (Región Metropolitana)")."""
        name = self.city_name(city)
        if self.dateline(city, local=self.reads(city.country)) != name.upper():
            return name
        return places.local_name(city, self.tag, self.house, pattern=self.place_pattern)

    def series(self, items: list[str]) -> str:
        """Items joined as running text joins them; parts a template worded (markup, escaped
        already) stay markup, so that they are not escaped twice."""
        if any(isinstance(item, Markup) for item in items):
            escaped = [str(escape(item)) for item in items]
            return Markup(self.press.series(escaped, self.house.serial_comma))  # noqa: S704
        return self.press.series(items, self.house.serial_comma)

    def cities(
        self, cities: list[Place], among: Iterable[str] = (), *, grouped: bool = True
    ) -> str:
        """Cities as running text lists them, where the sentence goes on with punctuation;
        ``among`` the countries of every city the release names (see places.cities_in_text)."""
        return places.cities_in_text(
            cities, self.tag, self.house, pattern=self.place_pattern, among=among, grouped=grouped
        )

    def cities_inline(
        self, cities: list[Place], among: Iterable[str] = (), *, grouped: bool = True
    ) -> str:
        """Cities followed by more words: AP sets a state or country off with commas on both
        sides ("Henderson, Nevada, moves up"); parentheses need nothing more."""
        return self.press.inline(self.cities(cities, among, grouped=grouped))

    def dateline(self, place: Place, *, local: bool = False) -> str:
        return places.dateline(place, self.tag, self.house, local=local, pattern=self.place_pattern)

    def country(self, code: str) -> str:
        return places.country_name(code, self.tag, running_text=True)

    def of_country(self, code: str, noun: str, count: int = 1) -> str:
        """What places ``count`` of ``noun`` in the country, after the noun: the country's
        adjective where the language's press uses one, agreeing with the noun ("ciudades
        argentinas", "cidade brasileira", "ville canadienne"), else "in Mexico"."""
        feminine = self.press.noun_gender.get(noun) == "f"
        adjective = places.country_adjective(
            code, self.language, feminine=feminine, plural=count != 1
        )
        if adjective:
            return adjective
        return self.translations.pgettext("country", IN_COUNTRY) % {"country": self.country(code)}

    def countries(self, codes: list[str]) -> str:
        """Countries in the alphabetical order of their names in this language."""
        ordered = self.sorted_countries(codes)
        return self.series([self.country(code) for code in ordered])

    def sorted_countries(self, codes: list[str]) -> list[str]:
        """Country codes in the order of their names in this language, accents aside."""
        return sorted(codes, key=lambda code: collation_key(places.country_name(code, self.tag)))

    def share(self, percent: int | None) -> str:
        """A share in percent as the language writes it: "51%", "51 %"."""
        return self.press.percent((percent or 0) / 100)

    def words(self, value: Words | None) -> str:
        """Words of the file that may differ by language: this language's, or the one text."""
        return words(value, self.language) or ""

    def contacts(self, contacts: Contacts) -> list[Contact]:
        return contacts_in(contacts, self.language)

    def phone(self, number: str) -> str:
        """A phone number for this language's readers: national form for a number of their own
        country ("(212) 555-0100"), international for others ("+1 212-555-0100")."""
        import phonenumbers

        parsed = phonenumbers.parse(number, None)
        home = phonenumbers.region_code_for_number(parsed) == self.press.readers_country
        form = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if home
            else (phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        )
        return phonenumbers.format_number(parsed, form)

    def level(self, level: Level) -> str:
        """The level's name from the catalog's glossary (one decision per language)."""
        return self.translations.pgettext(LEVEL_CONTEXT, LEVEL_NAMES[level])

    def issued(self, day: dt.date, embargo: dt.datetime | None) -> str:
        """When the release goes out, ISO with the offset of the program's zone: its embargo,
        else its date's start there (an e-mail's Date, a PDF's and a Word file's creation)."""
        zone = ZoneInfo(self.timezone)
        moment = embargo.astimezone(zone) if embargo else dt.datetime.combine(day, dt.time(), zone)
        return moment.isoformat()

    def moment(self, when: dt.datetime, zone: str | None = None) -> dict[str, str]:
        """Parts of an embargo time for the template's sentence: date, clock and zone, in
        ``zone`` (default: the program's dateline zone), whatever offset the file gave.

        The zone is named by its abbreviation in English (AP: "10 a.m. EDT"), generically for
        Canadian readers ("10 a.m. ET", "10 h (heure de l'Est)"), by its city elsewhere
        ("Nueva York").
        """
        zone = zone or self.timezone
        local = when.astimezone(ZoneInfo(zone))
        return {
            "date": self.press.long_date(local.date()),
            "clock": self.press.clock(local),
            "zone": self.press.zone_name(zone, local),
        }

    def short_moment(
        self, when: dt.datetime, zone: str | None = None, city: Place | None = None
    ) -> dict[str, str]:
        """The one time of the embargo's short line (an e-mail's Subject, the report's running
        head), which inboxes and page heads have room for: the readers' own.

        A city's release gives its city's time, as its body does first: by zone where the
        press names zones ("9 a.m. CT", AP's "10 a.m. CDT"), by the place that names its clock
        in Spanish and Portuguese ("12h (horário de Brasília)", "12:00 (hora de Santiago)"),
        and as "local time" in English abroad, where AP has no abbreviation (zone ""). The
        program's release gives the clock of its readers' country when that country keeps one
        (Brazil's legal time: Folha and Estadão give "horário de Brasília"), else the program's
        own zone. A city whose zone is not known gets the program's time.
        """
        if city is not None:
            if zone is None:
                return self.moment(when)
            there = self.moment(when, zone)
            if self.press.names_zone_in(city.country):
                return there
            if self.press.zone_form:  # a zone form of its own country's only (AP's "CDT")
                return {**there, "zone": ""}
            return {
                **there,
                "zone": self._clock_place(when, zone, city.country, self.city_name(city)),
            }
        readers = self.press.readers_country
        reference = reference_zone(readers) if readers else None
        if reference and (has_legal_name(reference) or one_clock(readers, when)):
            return self.moment(when, reference)
        return self.moment(when)

    def readers_zones(
        self, cities: list[tuple[str, City]], zone_of: dict, home: str
    ) -> list[tuple[str, str, str]]:
        """(zone, country, city) of the cities whose own press writes in this language, outside
        the program's home country: the readers a Spanish release's embargo line speaks to. A
        press that names zones (CP, Quebec) speaks to its home country's other zones too."""
        return [
            (zone_of[key], city.country, self.city_name(city))
            for _, city in cities
            if (city.country != home or self.press.names_zones)
            and places.city_language(city.country, [self.tag]) == self.tag
            and (key := city_key(city)) in zone_of
        ]

    def _clock_place(self, when: dt.datetime, zone: str, country: str, city: str = "") -> str:
        """What names a place's clock in the embargo line: its country's capital where the
        place keeps the capital's clock all year ("12:00 en Buenos Aires y Santiago" for
        Rosario and Las Condes, "12h em Brasília" for Niterói and Recife: RAE's and Estadão's
        "hora de Bogotá", "horário de Brasília"); a city on a clock of its own is named itself
        (Ciudad Juárez keeps US daylight time). The United States' and Canada's press names its
        clocks by zone, never by a city, so there a clock is named for the round's own cities
        on it ("8 a.m. in Saskatoon", never Ottawa's or Regina's); an item without a city (the
        program's zone) for its zone's city ("Nueva York")."""
        reference = reference_zone(country)
        if (
            reference
            and country not in _ZONED_COUNTRIES
            and same_clock(zone, reference, when.astimezone(ZoneInfo(zone)).year)
        ):
            return capital_time(country, self.press.babel_locale)
        return city or zone_city(zone, self.press.babel_locale)

    def local_times(
        self, when: dt.datetime, zones: list[tuple[str, ...]]
    ) -> list[tuple[str, list[str]]]:
        """The embargo's time where the readers are: (clock, places) for each clock reading,
        from (zone, country[, city]) items, east to west (the latest clock first, as CP and
        the Latin American desks list them): ("12:00", ["Buenos Aires", "Santiago"]).

        Each clock is named as ``_clock_place`` says: a country's capital for the round's cities
        that keep its clock, a city on a clock of its own for itself.

        A press that names zones gives each clock its zone ("9 h (heure du Centre) à
        Winnipeg"; the program's own "10 a.m. ET" alone) and leaves out the cities on the
        program's clock; CP gives a zone's generic name alone ("11 a.m. AT, 9 a.m. CT") and
        names by its cities only a zone that has none to give (Saskatchewan: "8 a.m. in
        Regina").
        """
        groups: dict[str, list[str]] = {}
        offsets: dict[str, tuple[dt.timedelta, dt.timedelta]] = {}
        if self.press.names_zones:
            home = self.moment(when)
            for zone, _country, *city in zones:
                there = self.moment(when, zone)
                if city and (there["clock"], there["zone"]) == (home["clock"], home["zone"]):
                    continue
                local = when.astimezone(ZoneInfo(zone))
                listed = self.press.listed_zone
                alone = listed(zone, local) if listed and city else None
                if alone:
                    clock, city = f"{there['clock']} {alone}", []
                elif listed and city:
                    clock = there["clock"]
                else:
                    clock = f"{there['clock']} {there['zone']}"
                names = groups.setdefault(clock, [])
                offsets[clock] = _east(local)
                if city and city[0] not in names:
                    names.append(city[0])
        else:
            for zone, country, *city in zones:
                local = when.astimezone(ZoneInfo(zone))
                name = self._clock_place(when, zone, country, city[0] if city else "")
                clock = self.press.clock(local)
                names = groups.setdefault(clock, [])
                offsets[clock] = _east(local)
                if name not in names:
                    names.append(name)
        return sorted(groups.items(), key=lambda group: offsets[group[0]], reverse=True)


def _east(local: dt.datetime) -> tuple[dt.timedelta, dt.timedelta]:
    """How far east a clock is: its offset, then its standard offset, so that of two clocks
    reading the same hour the one east on the map comes first (Saskatchewan's standard time
    before Alberta's daylight time)."""
    offset = local.utcoffset() or dt.timedelta()
    return offset, offset - (local.dst() or dt.timedelta())


# Countries whose press names its clocks by zone (AP's "EDT", CP's "ET", "heure de l'Est"),
# never by a capital: a reader in Saskatoon keeps no "Ottawa time".
_ZONED_COUNTRIES = frozenset(
    p.readers_country for p in PROFILES.values() if p.readers_country and p.zone_form
)


def localizer(root: Path, tag: str, settings: Settings) -> Localizer:
    """The localizer of a profile: a variant ("en-CA") reads its language's catalog and house
    style ("en")."""
    press = profile(tag)
    language = press.text_language
    house = settings.style.get(language, HouseStyle())
    return Localizer(load_translations(root, language), settings.timezone, press, house)
