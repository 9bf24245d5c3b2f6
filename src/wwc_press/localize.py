"""One object per language that templates use for every word and every format.

It carries the gettext catalog (read from the ``.po`` so that nothing untranslated slips through:
the compiled ``.mo`` would fall back to English silently) and the formats of Babel plus our press
style rules. English is the source language: its "catalog" returns the message ids.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_time, get_timezone_location
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from . import places, style
from .errors import RenderError
from .model import Language, Level, Place
from .settings import Settings

# gettext's directory names, which translators' tools expect (DESIGN.md section 3).
CATALOG_DIR: dict[Language, str] = {"es": "es", "pt-BR": "pt_BR"}


def NC_(context: str, message: str) -> str:
    """Mark ``message`` with its context for the catalog (``pybabel extract -k NC_:1c,2``); it
    is translated where it is used."""
    return message


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
    that Babel compiles (LOCALIZATION.md: it fills empty plural forms with the English ones).
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


def load_translations(root: Path, language: Language) -> StrictTranslations:
    path = catalog_path(root, language)
    if path is None:
        return StrictTranslations(None, None)
    if not path.exists():
        raise RenderError(f"{path}: missing catalog for {language}")
    with path.open("rb") as handle:
        return StrictTranslations(read_po(handle, locale=CATALOG_DIR[language]), path)


@dataclass(frozen=True)
class Localizer:
    """Everything a template needs to write in one language."""

    language: Language
    translations: StrictTranslations
    timezone: str
    house: style.HouseStyle = style.HouseStyle()

    @property
    def locale(self) -> str:
        return style.BABEL_LOCALE[self.language]

    @property
    def hyphenation_lang(self) -> str:
        # WeasyPrint picks en_GB patterns for "en" and pt_PT-like ones for "pt": be explicit.
        return {"en": "en-US", "es": "es", "pt-BR": "pt-BR"}[self.language]

    def date(self, day: dt.date) -> str:
        return style.long_date(day, self.language)

    def number(self, value: int, noun: str | None = None) -> str:
        return style.number(value, self.language, noun, self.house.numbers_in_words_up_to)

    def figure(self, value: int) -> str:
        """A count in figures, as tables print them ("1,234", "1234" in Spanish)."""
        return style.number(value, self.language, up_to=-1)

    def city_name(self, city: Place) -> str:
        return places.city_name(city, self.language)

    def country_name(self, code: str) -> str:
        """The country as a table or a heading names it (no article)."""
        return places.country_name(code, self.language)

    def region(self, place: Place) -> str:
        """The state in full where built in, else the region's code, else nothing."""
        return places.state_name(place, self.language) or place.region or ""

    def series(self, items: list[str]) -> str:
        return style.series(items, self.language, self.house.serial_comma)

    def quoted(self, text: str) -> str:
        return style.quoted(style.typography(text, self.language), self.language)

    def text(self, text: str) -> str:
        """A text from the announcement, typeset for the language."""
        return style.typography(text, self.language)

    def cities(self, cities: list[Place]) -> str:
        """Cities as running text lists them, where the sentence goes on with punctuation."""
        return places.cities_in_text(cities, self.language, self.house)

    def cities_inline(self, cities: list[Place]) -> str:
        """Cities followed by more words: AP sets a state or country off with commas on both
        sides ("Henderson, Nevada, moves up"); parentheses need nothing more."""
        text = self.cities(cities)
        return text + "," if self.language == "en" and "," in text else text

    def dateline(self, place: Place) -> str:
        return places.dateline(place, self.language, self.house)

    def country(self, code: str) -> str:
        return places.country_name(code, self.language, running_text=True)

    def countries(self, codes: list[str]) -> str:
        """Countries in the alphabetical order of their names in this language."""
        ordered = sorted(codes, key=lambda code: places.country_name(code, self.language))
        return self.series([self.country(code) for code in ordered])

    def level(self, level: Level) -> str:
        """The level's name from the catalog's glossary (one decision per language)."""
        return self.translations.pgettext(LEVEL_CONTEXT, LEVEL_NAMES[level])

    def moment(self, when: dt.datetime) -> dict[str, str | bool]:
        """Parts of an embargo time for the template's sentence: date, clock and zone.

        The zone is named when the offset is the project's dateline zone at that moment: by its
        abbreviation in English (AP: "10 a.m. EDT"), by its city elsewhere ("Nueva York");
        otherwise it is the UTC offset as given.
        """
        zone = ZoneInfo(self.timezone)
        local = when.astimezone(zone)
        named = when.utcoffset() == local.utcoffset()
        shown = local if named else when
        if self.language == "en":  # AP: "10 a.m.", "3:30 p.m.", "noon"
            hour = shown.hour % 12 or 12
            minutes = f":{shown.minute:02d}" if shown.minute else ""
            noon = (shown.hour, shown.minute) == (12, 0)
            clock = "noon" if noon else f"{hour}{minutes} {'a.m.' if shown.hour < 12 else 'p.m.'}"
            zone_name = local.tzname() or ""
        else:
            if self.language == "pt-BR":  # Estadão: "10h", "10h30"
                clock = f"{shown.hour}h{shown.minute:02d}" if shown.minute else f"{shown.hour}h"
            else:
                clock = format_time(shown.time(), "short", locale=self.locale)
            zone_name = get_timezone_location(zone, self.locale, return_city=True)
        return {
            "date": self.date(shown.date()),
            "clock": clock,
            "zone": zone_name if named else _utc_offset(when),
            "named": named,
        }


def _utc_offset(when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def localizer(root: Path, language: Language, settings: Settings) -> Localizer:
    house = settings.style.get(language, style.HouseStyle())
    return Localizer(language, load_translations(root, language), settings.timezone, house)
