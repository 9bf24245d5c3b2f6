"""The announcement file as typed classes: the shapes the README's "Writing an
announcement" gives, nothing more.

Rules that relate several fields (an upgrade goes up, a highlight names a listed city, every text
has every language) live in ``validate``, so that they can all be reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic import Strict as StrictType

from .errors import invisible, without_invisible
from .languages import REGISTRY

# The languages are those with a profile (wwc_press.languages), in the registry's order.
LANGUAGES: tuple[str, ...] = tuple(REGISTRY)
Language = Literal[LANGUAGES]  # type: ignore[valid-type]

Level = Literal["silver", "gold", "platinum"]
LEVELS: tuple[Level, ...] = ("silver", "gold", "platinum")  # lowest first: an upgrade goes right

# The kinds of output an announcement makes (build --only narrows to them).
KINDS = ("release", "report", "cities")

Status = Literal["new", "upgraded", "recertified"]
STATUSES: tuple[Status, ...] = ("new", "upgraded", "recertified")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Limits far above any real announcement (the largest real round has 21 new cities; the
# program's roster is in the hundreds), so that a hostile file is refused before it costs
# minutes and gigabytes. The loader holds those it can check before parsing (loader.py).
MAX_COUNT = 1_000_000  # certified cities to date, cities in a round
MAX_NAME = 200  # characters in a place's or a person's name


def _visible(name: str) -> str:
    """A name shows every character it has: an invisible one makes a look-alike of another."""
    found = invisible(name)
    if found is not None:
        what = unicodedata.name(found, "a format character")
        raise ValueError(f"'{name}' holds an invisible character, U+{ord(found):04X} ({what}): "
                         "delete it, or the name is another name that looks the same")  # fmt: skip
    return name


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME),
    AfterValidator(_visible),
]
Count = Annotated[int, StrictType(), Field(ge=0, le=MAX_COUNT)]
MAX_ID = 100  # characters of an id, a folder's name under dist/
YEARS = (1900, 2999)  # a release's date and embargo: converting far years across zones overflows


def _plausible_year(value: dt.date) -> dt.date:
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ValueError(f"the year {value.year} is outside {YEARS[0]}-{YEARS[1]}: check the date")
    return value


def _plausible_month(month: str) -> str:
    """A round's month ("2024-01") in the years of a release's date."""
    year = int(month[:4])
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValueError(f"the year {year} is outside {YEARS[0]}-{YEARS[1]}: check the date")
    return month


def _not_a_number(value: object) -> object:
    """YAML reads 1700000000 as a number, which pydantic would take as seconds since 1970."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"'{value}' is a number: write the embargo as a date and time with its offset, "
            "like 2023-06-21T10:00:00-04:00"
        )
    return value


ReleaseDate = Annotated[dt.date, StrictType(), AfterValidator(_plausible_year)]
Embargo = Annotated[AwareDatetime, BeforeValidator(_not_a_number), AfterValidator(_plausible_year)]
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")  # names a folder under dist/
Translatable = dict[Language, Text]


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (its territory list also holds regions like 419)."""
    from babel import Locale

    # CLDR's groupings that are no country: unknown region, European Union, Eurozone, United
    # Nations, outlying Oceania.
    groupings = {"ZZ", "EU", "EZ", "UN", "QO"}
    return frozenset(
        code
        for code in Locale("en").territories
        if code.isalpha() and len(code) == 2 and code not in groupings
    )


def _known_country(code: str) -> str:
    if code not in country_codes():
        raise ValueError(
            f"unknown country '{code}': expected an ISO 3166-1 alpha-2 code like US, BR"
        )
    return code


Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(_known_country)]
Region = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,3}$")]


def _known_zone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone '{name}': expected an IANA name like America/New_York"
        ) from None
    return name


Zone = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_known_zone)]


class Record(BaseModel):
    """Every mapping of the file: unknown keys are errors, values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Place(Record):
    name: Name
    region: Region | None = None
    country: Country
    names: dict[Language, Annotated[Text, AfterValidator(_visible)]] = Field(
        default_factory=dict, description="spellings per language that win over every rule"
    )


def city_key(place: Place) -> tuple[str, str | None, str]:
    """A city's identity within and across announcements: namesakes differ by region or country
    ("Portland"); case, Unicode's two spellings of an accent (NFC and NFD "Córdoba") and the kind
    of space ("San Antonio" with a no-break space) and invisible characters ("Chi\u200bcago")
    do not count."""
    name = without_invisible(unicodedata.normalize("NFC", place.name))
    name = " ".join(name.casefold().split())
    return (name, place.region, place.country)


class Quote(Record):
    speaker: Name
    role: Translatable
    text: Translatable


class ProgramQuote(Quote):
    """A quote of the program: in its release and report, and in the city releases it fits."""

    releases: list[Text] | None = Field(
        None,
        description="the city releases it is printed in: statuses (new, upgraded, "
        "recertified) or names of this file's cities; default: none",
    )

    def fits(self, status: Status, city: City) -> bool:
        """Whether it is printed in the release of ``city``, which is ``status`` here."""
        return any(item in (status, city.name) for item in self.releases or [])


class City(Place):
    level: Level = Field(description="the level after this announcement")
    previous: Level | None = Field(
        None, alias="from", description="upgraded cities only: the level before"
    )
    quote: Quote | None = Field(None, description="a quote for this city's own release")
    timezone: Zone | None = Field(
        None, description="IANA zone of the city, when the one found for it is wrong"
    )


class Cities(Record):
    new: list[City] = Field(default_factory=list)
    upgraded: list[City] = Field(default_factory=list)
    recertified: list[City] = Field(default_factory=list)

    def by_status(self) -> list[tuple[Status, City]]:
        return [(status, city) for status in STATUSES for city in getattr(self, status)]


class RoundCounts(Record):
    """The size of a round whose file lists only some of its cities; a group left out counts
    the cities listed in it."""

    new: Count | None = Field(None, description="cities certified for the first time")
    upgraded: Count | None = Field(None, description="cities that moved up a level")
    recertified: Count | None = Field(None, description="cities that kept their level")


class Highlight(Record):
    city: Text | None = Field(None, description="the city it is about; absent: the program")
    text: Translatable


# Words that may differ by language: one string means the same text in every language.
Words = Text | Translatable
# A contact's words (name, title, organization) are printed as a signature and sent as From and
# Reply-To: the rules of a name, so no invisible character makes a look-alike sender.
ContactWords = Name | dict[Language, Name]
MAX_ADDRESS = 254  # characters of an e-mail address (RFC 5321's path, less its brackets)


def _address(value: str) -> str:
    """An address the mail headers carry as it is written: what the standard library's parser
    reads whole, with a domain of a dot or more. A pattern let "press@x.org>,y" through, which
    makes a malformed From."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        parsed = Address(addr_spec=value)
    except (ValueError, HeaderParseError, IndexError):  # its defects are ValueErrors
        parsed = None
    if parsed is None or parsed.addr_spec != value or "." not in parsed.domain:
        raise ValueError(f"'{value}' is not an e-mail address like press@example.org")
    if len(value) > MAX_ADDRESS:
        raise ValueError(f"an e-mail address of {len(value)} characters: mail servers take at "
                         f"most {MAX_ADDRESS}")  # fmt: skip
    try:  # how the e-mail writes it (formats/mail.py): a domain in its own script as IDNA
        ascii_domain(parsed.domain)
    except UnicodeError:
        raise ValueError(f"'{parsed.domain}' is not a domain a mail server can reach: each part "
                         "between dots has 1 to 63 letters, digits or hyphens (in its own "
                         "script, at most 63 once encoded as IDNA)") from None  # fmt: skip
    return value


def ascii_domain(domain: str) -> str:
    """``domain`` as mail headers carry it: a name in its own script as IDNA ("xn--" labels).
    UnicodeError when IDNA refuses it (a part longer than 63 octets, an empty part)."""
    return domain.encode("idna").decode("ascii")


class Contact(Record):
    name: ContactWords
    title: ContactWords | None = None
    organization: ContactWords | None = None
    email: Annotated[str, AfterValidator(_address)] | None = None
    phone: Name | None = Field(None, description="with its country code: +1 212 555 0100")


# One list for every language, or one per language (a Spanish-speaking contact for es).
Contacts = list[Contact] | dict[Language, list[Contact]]


def words(value: Words | None, language: Language) -> str | None:
    """The text of ``value`` in ``language``: the same string for all, or its own."""
    return value.get(language) if isinstance(value, dict) else value


def contacts_in(contacts: Contacts, language: Language) -> list[Contact]:
    return contacts.get(language, []) if isinstance(contacts, dict) else contacts


class RosterCity(Record):
    name: Name
    region: Region | None = None
    country: Country
    level: Level = Field(description="its level after the round")
    status: Status = Field("new", description="new, upgraded or recertified in that round")


class Round(Record):
    """A round of certifications that is not a file of the project: a baseline or a past round."""

    date: (
        ReleaseDate
        | Annotated[
            str,
            StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
            AfterValidator(_plausible_month),
        ]
    ) = Field(description="its date, or its month (2024-01)")
    new: Count = Field(0, description="cities certified for the first time in it")
    upgraded: Count = Field(0, description="cities that moved up a level in it")
    recertified: Count = Field(0, description="cities that kept their level in it")
    total: Count | None = Field(
        None, description="certified cities to date after it, when known (a checkpoint)"
    )
    countries: list[Country] | None = Field(
        None, description="the countries of all its cities, when known"
    )
    countries_to_date: list[Country] | None = Field(
        None,
        description="the countries of every city certified up to its date, this round included "
        "(a baseline: before June 2023, every certified city was in the United States)",
    )
    cities: list[RosterCity] = Field(
        default_factory=list, description="its cities, with their level, where known"
    )


class Announcement(Record):
    date: ReleaseDate = Field(description="release date")
    total_certified: Annotated[int, StrictType(), Field(ge=1, le=MAX_COUNT)] | None = Field(
        None,
        description="certified cities to date, this announcement included; default: counted "
        "from the roster",
    )
    cities: Cities
    counts: RoundCounts | None = Field(
        None, description="the round's size, when the file lists only some of its cities"
    )
    id: (
        Annotated[str, StringConstraints(pattern=f"^{ID_PATTERN.pattern}$", max_length=MAX_ID)]
        | None
    ) = None
    languages: list[Language] | None = Field(None, min_length=1)
    languages_left_out: list[Language] = Field(
        default_factory=list,
        description="official languages of its cities' countries that this announcement leaves "
        "out on purpose (check asks for them otherwise: fr-CA for a Canadian city)",
    )
    embargo: Embargo | None = Field(None, description="ISO time with offset")
    dateline: Place | None = None
    headline: Translatable | None = None
    subheadline: Translatable | None = Field(None, description="one deck; see decks")
    decks: list[Translatable] = Field(default_factory=list, description="lines under the headline")
    highlights: list[Highlight] = Field(default_factory=list)
    quotes: list[ProgramQuote] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=list, description="default: the settings' contacts")
    about: list[Text] | None = Field(
        None, description="the settings' About paragraphs to print, by key; default: all"
    )
    proper_names: list[Name] = Field(
        default_factory=list,
        description="names the texts use that no dictionary spells (McMaster University): "
        "check's spelling accepts them; unlike the glossary's, they may be translated",
    )
    logos: list[Text] | None = Field(
        None, description="the settings' logos to print, by file name; default: all"
    )

    def count(self, status: Status) -> int:
        """How many cities of the round are ``status``: its ``counts``, else those listed."""
        given = getattr(self.counts, status) if self.counts else None
        return len(getattr(self.cities, status)) if given is None else given

    def partial(self, status: Status | None = None) -> bool:
        """Whether the file lists fewer cities of ``status`` (of any, by default) than the
        round has."""
        statuses = [status] if status else STATUSES
        return any(self.count(s) > len(getattr(self.cities, s)) for s in statuses)

    @property
    def all_decks(self) -> list[dict[Language, str]]:
        """The lines under the headline: ``subheadline`` is one deck, the first."""
        return ([self.subheadline] if self.subheadline else []) + list(self.decks)


def _pattern(value: str) -> str:
    import re

    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"'{value}' is not a pattern: {error}") from None
    return value


class ForbiddenRule(Record):
    pattern: Annotated[Text, AfterValidator(_pattern)] = Field(description="a regular expression")
    note: Text = Field(description="what to write instead, for the translator")


class Glossary(Record):
    """``glossary.yaml``: the terms check holds every translation to (qa.py applies them)."""

    keep: list[Text] = Field(default_factory=list, description="names never translated")
    required: dict[Language, dict[Text, Text]] = Field(default_factory=dict)
    forbidden: dict[Language, list[ForbiddenRule]] = Field(default_factory=dict)
    words: dict[Language, list[Text]] = Field(default_factory=dict)
