"""The announcement file as typed classes: the shapes the README's "Writing an
announcement" gives, nothing more.

Rules that relate several fields (an upgrade goes up, a highlight names a listed city, every text
has every language) live in ``validate``, so that they can all be reported at once.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic import Strict as StrictType

from .errors import without_invisible
from .inputs import (
    MAX_COUNT,
    Address,
    ContactWords,
    Count,
    Country,
    Embargo,
    Identifier,
    Language,
    Level,
    Month,
    Name,
    Pattern,
    PlaceKind,
    Region,
    ReleaseDate,
    Spellings,
    Text,
    Translatable,
    Wording,
    Words,
    Zone,
)

# The kinds of output an announcement makes (build --only narrows to them).
KINDS = ("release", "report", "cities")

Status = Literal["new", "upgraded", "recertified"]
STATUSES: tuple[Status, ...] = ("new", "upgraded", "recertified")


class Record(BaseModel):
    """Every mapping of the file: unknown keys are errors, values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Place(Record):
    name: Name
    region: Region | None = None
    country: Country
    names: Spellings = Field(
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
    role: Wording
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


class Within(Record):
    """The city a place of the file is part of: Miraflores, a district of Lima; Las Condes, a
    commune of Greater Santiago. A desk datelines such a place in that city and never calls it a
    city: "LIMA, Peru — Miraflores, a district of Lima, …" (AP, EFE: a dateline must say which
    Miraflores)."""

    city: Name = Field(description="the city it is part of, as its residents write it")
    kind: PlaceKind = Field(description="what it is, in each language: district, distrito")


class City(Place):
    level: Level = Field(description="the level after this announcement")
    previous: Level | None = Field(
        None, alias="from", description="upgraded cities only: the level before"
    )
    quote: Quote | None = Field(None, description="a quote for this city's own release")
    timezone: Zone | None = Field(
        None, description="IANA zone of the city, when the one found for it is wrong"
    )
    within: Within | None = Field(
        None, description="the city it is a district, borough or commune of"
    )
    dateline: Name | None = Field(
        None,
        description="where its releases are datelined, when its name is no dateline's (Cape "
        "Breton Regional Municipality: Sydney, its seat); in its region and country",
    )


class Cities(Record):
    new: list[City] = Field(default_factory=list)
    upgraded: list[City] = Field(default_factory=list)
    recertified: list[City] = Field(default_factory=list)

    def by_status(self) -> list[tuple[Status, City]]:
        return [(status, city) for status in STATUSES for city in getattr(self, status)]


class RoundCounts(Record):
    """The size of a round whose file lists only some of its cities; a group left out counts
    the cities listed in it, and is not known when none is listed (a record that gives 21 new
    and 4 upgraded cities says nothing of those that kept their level)."""

    new: Count | None = Field(None, description="cities certified for the first time")
    upgraded: Count | None = Field(None, description="cities that moved up a level")
    recertified: Count | None = Field(None, description="cities that kept their level")


class Highlight(Record):
    city: Text | None = Field(None, description="the city it is about; absent: the program")
    text: Translatable


class Contact(Record):
    name: ContactWords
    title: ContactWords | None = None
    organization: ContactWords | None = None
    email: Address | None = None
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

    date: ReleaseDate | Month = Field(description="its date, or its month (2024-01)")
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
    id: Identifier | None = None
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

    def counted(self, status: Status) -> bool:
        """Whether the round's number of ``status`` cities is known: the file lists all its
        cities, or its counts give the group, or it lists some of the group."""
        given = getattr(self.counts, status) if self.counts else None
        return not self.counts or given is not None or bool(getattr(self.cities, status))

    def partial(self, status: Status | None = None) -> bool:
        """Whether the file lists fewer cities of ``status`` (of any, by default) than the
        round has."""
        statuses = [status] if status else STATUSES
        return any(self.count(s) > len(getattr(self.cities, s)) for s in statuses)

    @property
    def all_decks(self) -> list[dict[Language, str]]:
        """The lines under the headline: ``subheadline`` is one deck, the first."""
        return ([self.subheadline] if self.subheadline else []) + list(self.decks)


class ForbiddenRule(Record):
    pattern: Pattern = Field(description="a regular expression")
    note: Text = Field(description="what to write instead, for the translator")


class Glossary(Record):
    """``glossary.yaml``: the terms check holds every translation to (qa.py applies them)."""

    keep: list[Text] = Field(default_factory=list, description="names never translated")
    required: dict[Language, dict[Text, Text]] = Field(default_factory=dict)
    forbidden: dict[Language, list[ForbiddenRule]] = Field(default_factory=dict)
    words: dict[Language, list[Text]] = Field(default_factory=dict)
