"""One object per language that templates use for every word and every format.

It carries the gettext catalog (read from the ``.po`` so that nothing untranslated slips through:
the compiled ``.mo`` would fall back to English silently) and the formats of Babel plus our press
style rules. English is the source language: its "catalog" returns the message ids.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

from . import demonyms, places, readers
from .embargo import EmbargoTimes
from .errors import RenderError
from .folding import ascii_slug, collation_key
from .languages import ALSO_PATTERN, REGISTRY, Profile, profile
from .model import (
    City,
    Contact,
    Contacts,
    Highlight,
    Language,
    Level,
    Place,
    Words,
    contacts_in,
    words,
)
from .settings import Settings
from .style import HouseStyle

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

# Translators: a district, borough or commune opening the lead of its own release, set off by
# its commas: district is its name with what it is, as the language says it ("Miraflores, a
# district"; "la comuna de Vitacura", "la alcaldía Cuauhtémoc"), city the city it is part of
# ("Miraflores, a district of Lima," before "has earned …"). "comuna de Santiago" and "distrito
# de Lima" are names of other places: "la comuna de Vitacura, en Santiago," (Spanish desk).
WITHIN = NC_("within", "%(district)s of %(city)s,")
assert WITHIN == places.WITHIN_PATTERN

# Translators: a series of places whose last item is a group of cities sharing their place:
# items are the others, parted by commas, last the group ("Mérida and Zapopan, Mexico"), which
# holds the language's "and": the series joins it by another word ("así como", "ainsi que").
ALSO = NC_("series", "%(items)s, as well as %(last)s")
assert ALSO == ALSO_PATTERN

# Translators: a country where the language has no adjective for it on record (English always:
# "the first city in Mexico"); "en %(country)s", "em %(country)s". The country is CLDR's name.
IN_COUNTRY = NC_("country", "in %(country)s")

# Translators: the first words of the file name of the PDF attached to a release's e-mail, what
# the desk receiving it sees ("press-release-2025-02-international.pdf"): the document as your
# press calls it. Accents and spaces become plain letters and hyphens ("communiqué" is written
# "communique").
ATTACHMENT = NC_("file name", "press release")

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
class Localizer(EmbargoTimes):
    """What a template needs to write in one language beyond its profile: the catalog, the
    house's choices and the program's time zone, with the places and times they name. The
    profile (``press``: "en-CA" for Canadian readers) writes dates, quotes and typography
    itself; templates have it as ``press``. The embargo's times are ``EmbargoTimes``'s."""

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
        """How this language writes a place with its qualifier: its press's, else the catalog's."""
        return self.press.place_pattern or self.translations.pgettext("place", PLACE)

    def paper(self, city: Place | None, dateline: Place) -> readers.Paper:
        """The paper an output prints on, its readers' country's: a city's release, the city's;
        the program's release and report, the country this press reads in (Brazilian
        Portuguese: Brazil, A4), else the dateline's (AP's from New York: Letter)."""
        return readers.paper(
            city.country if city else self.press.readers_country or dateline.country
        )

    @property
    def also(self) -> str:
        """How a series joins a last item that holds the conjunction, in this language."""
        return self.translations.pgettext("series", ALSO)

    def attachment_name(self, parts: list[str]) -> str:
        """The file name of a release's PDF in its e-mail, in the language, as an ASCII slug:
        the catalog's name for the document, then ``parts`` ("comunicado-de-prensa-<id>.pdf").
        The file on disk keeps its name (the output layout is a contract)."""
        words = self.translations.pgettext("file name", ATTACHMENT)
        return "-".join(ascii_slug(part) for part in [words, *parts]) + ".pdf"

    def number(self, value: int, noun: str | None = None) -> str:
        return self.press.number(value, noun, self.house.numbers_in_words_up_to)

    def headline_number(self, value: int, noun: str | None = None) -> str:
        """A count in a headline: in figures where the press sets them so (AP, CP: "7 cities
        earn…", the body's "seven cities"), else as prose says it."""
        if self.press.headline_figures:
            return self.press.number(value, noun, -1)
        return self.number(value, noun)

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
        return readers.city_language(country, [self.tag]) == self.tag

    def in_text(self, text: str, city: Place) -> str:
        """``text`` naming ``city`` in running text, with the article its press gives the city
        ("o Recife", "a Cidade da Guatemala"); as it is in every other case."""
        return places.with_article(city, text, self.language)

    def subject(self, text: str, city: Place) -> str:
        """``text`` naming ``city`` at the start of a sentence: "O Recife conquista…"."""
        with_article = self.in_text(text, city)  # "la comuna de Vitacura" opens one too
        return with_article[:1].upper() + with_article[1:]

    def headline_subject(self, text: str, city: Place) -> str:
        """``text`` naming ``city`` at the start of its release's headline: as it opens a
        sentence, less the article English headlines drop (AP, CP: "Regional Municipality of
        Wood Buffalo, Alta., earns…"; the lead's "The Regional Municipality…")."""
        if self.press.of_name_article:
            return text.removeprefix(f"{self.press.of_name_article} ")
        return self.subject(text, city)

    def names_in_text(self, cities: list[Place]) -> list[str]:
        """The cities' names in running text, each with its article where it takes one."""
        return [self.in_text(self.city_name(city), city) for city in cities]

    def city_headline(self, city: Place) -> str:
        """A city in the headline of its own release: its name alone for its own press, which
        reads the region in the dateline or the lead ("Las Condes obtiene…"); AP's form in
        English ("Carlsbad, California, earns…", "Córdoba, Argentina, earns…"), a district's
        too ("Providencia, Chile, earns…")."""
        if self.reads(city.country) and self.press.headline_names_alone:
            return self.city_name(city)
        if isinstance(city, City) and city.within:
            # A district's headline places it as any city's does ("Providencia, Chile, earns…"):
            # its lead says what it is. "Barranco (Lima), Peru" read as AP's parentheses for a
            # name (reading 25), "Santiago's Providencia commune" as no English (reading 27).
            city = city.model_copy(update={"within": None})
        return self.cities_inline([city])

    def is_a_city(self, city: Place) -> bool:
        """Whether its release may call it "the city" (places.is_a_city)."""
        return places.is_a_city(city, self.tag)

    def city_in_lead(self, city: Place) -> str:
        """A city opening its own release's lead: alone where the dateline places it ("HENDERSON,
        Nev."), else with its region ("Rosario (Santa Fe)" after "ROSARIO (Argentina)")."""
        name, own = self.city_name(city), self.reads(city.country)
        if isinstance(city, City) and city.within:  # datelined in its city: say what it is
            whole = places.part_of(city) or city
            of = self.in_text(self.city_name(whole), whole)  # "de la Ciudad de México"
            within = {"district": places.district(city, name, self.tag), "city": of}
            return self.translations.pgettext("within", WITHIN) % within
        placed = self.dateline(city, local=own) != places.in_capitals(name)
        if placed and (not own or city.country in self.press.regions):  # by region, or abroad
            return name
        return places.local_name(city, self.tag, self.house, pattern=self.place_pattern)

    def series(self, items: list[str]) -> str:
        """Items joined as running text joins them; parts a template worded (markup, escaped
        already) stay markup, so that they are not escaped twice."""
        if any(isinstance(item, Markup) for item in items):
            escaped = [str(escape(item)) for item in items]
            return Markup(self.press.series(escaped, self.house.serial_comma))  # noqa: S704
        return self.press.series(items, self.house.serial_comma)

    def places_after_preposition(self, items: list[str]) -> str:
        """Places a preposition introduces ("11 h à Fredericton et à Halifax"): the language's
        series, the preposition said again before each place after the first where the
        language repeats it."""
        again = self.press.repeated_preposition
        return self.series(
            [items[0], *(f"{again} {item}" for item in items[1:])] if again else items
        )

    def cities(
        self,
        cities: list[Place],
        among: Iterable[str] = (),
        *,
        grouped: bool = True,
        placed: Place | None = None,
    ) -> str:
        """Cities as running text lists them, where the sentence goes on with punctuation;
        ``among`` the countries of every city the release names, ``placed`` its dateline's
        city (see places.cities_in_text)."""
        return places.cities_in_text(
            cities, self.tag, self.house, pattern=self.place_pattern, among=among,
            grouped=grouped, placed=placed, also=self.also,
        )  # fmt: skip

    def cities_inline(
        self,
        cities: list[Place],
        among: Iterable[str] = (),
        *,
        grouped: bool = True,
        placed: Place | None = None,
    ) -> str:
        """Cities followed by more words: AP sets a state or country off with commas on both
        sides ("Henderson, Nevada, moves up"; "Boise, Idaho, and Chicago renewed"); parentheses
        need nothing more."""
        text = places.cities_in_text(
            cities, self.tag, self.house, pattern=self.place_pattern, among=among,
            grouped=grouped, placed=placed, set_off=True, also=self.also,
        )  # fmt: skip
        # A last group joined as an aside opened by a comma (", así como Mérida y Zapopan
        # (México)") closes with one before the verb, as RAE's "así como" does.
        joiner = self.also.split("%(last)s")[0].removeprefix("%(items)s")
        if joiner.startswith(",") and joiner in text and not text.endswith(","):
            return text + ","
        return text

    def cities_in_their_country(
        self, cities: list[Place], country: str, placed: Place | None = None
    ) -> str:
        """Cities of one country in the sentence that names it ("the first cities in Canada"),
        their first mention: each placed by its region where the press places that country's
        cities so, or every city so (``Profile.regions_in_its_country``: "Winnipeg (Manitoba)
        y Hamilton (Ontario)"), a city its press names alone last; else by name alone, the
        country being the sentence's (AP: "Buenos Aires and Córdoba")."""
        if country in self.press.regions or self.press.regions_in_its_country:
            return places.cities_in_text(
                cities, self.tag, self.house, pattern=self.place_pattern, among=[country],
                placed=placed, by_region=True, set_off=True,
                also=self.also,
            )  # fmt: skip
        return self.series(self.names_in_text(cities))

    def in_series_order(
        self, groups: list[tuple], at: int, among: Iterable[str] = (), placed: Place | None = None
    ) -> list[tuple]:
        """``groups`` (a level and its cities, ...) in the order their first cities are named
        one by one in a sentence that ends "respectively" (``at``: the cities' place in each
        group), so that what goes with each city follows it: a city named alone after those
        with a place (see places.cities_in_text)."""
        order = places.series_order(
            [group[at][0] for group in groups], self.tag, self.house,
            pattern=self.place_pattern, among=among, placed=placed,
        )  # fmt: skip
        return [groups[index] for index in order]

    def dateline(self, place: Place, *, local: bool = False) -> str:
        return places.dateline(place, self.tag, self.house, local=local, pattern=self.place_pattern)

    def country(self, code: str) -> str:
        return places.country_name(code, self.tag, running_text=True)

    def of_country(self, code: str, noun: str, count: int = 1) -> str:
        """What places ``count`` of ``noun`` in the country, after the noun: the country's
        adjective where the language's press uses one, agreeing with the noun ("ciudades
        argentinas", "cidade brasileira", "ville canadienne"), else "in Mexico"."""
        feminine = self.press.noun_gender.get(noun) == "f"
        adjective = demonyms.country_adjective(
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

    def phone(self, number: str, city: Place | None = None) -> str:
        """A phone number for the readers of this release (a city's release in its own press's
        language, the city's country's; in another, readers abroad, as the English release of
        a Brazilian city; else this press's): national form for a number they dial as their own,
        as their press writes it ("212-555-0100" in AP's form, « 514 904-2617 »: the United
        States and Canada share one numbering plan), international for others
        ("+1 212-555-0100" for a release in Lima)."""
        import phonenumbers

        parsed = phonenumbers.parse(number, None)
        readers = self.press.readers_country
        if city is not None:  # its own press's readers; a release in another language, abroad
            readers = city.country if readers in (None, city.country) else None
        home = readers is not None and (
            phonenumbers.region_code_for_number(parsed) == readers
            or parsed.country_code == 1 == phonenumbers.country_code_for_region(readers)
        )
        form = phonenumbers.PhoneNumberFormat
        text = phonenumbers.format_number(parsed, form.NATIONAL if home else form.INTERNATIONAL)
        if home and self.press.area_code_form:
            area = re.fullmatch(r"\((\d{3})\) (\d{3}-\d{4})", text)
            if area:
                return self.press.area_code_form.format(area=area[1], number=area[2])
        return text

    def level(self, level: Level) -> str:
        """The level's name from the catalog's glossary (one decision per language)."""
        return self.translations.pgettext(LEVEL_CONTEXT, LEVEL_NAMES[level])


def localizer(root: Path, tag: str, settings: Settings) -> Localizer:
    """The localizer of a profile: a variant ("en-CA") reads its language's catalog and house
    style ("en")."""
    press = profile(tag)
    language = press.text_language
    house = settings.style.get(language, HouseStyle())
    return Localizer(load_translations(root, language), settings.timezone, press, house)
