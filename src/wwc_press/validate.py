"""Turn loaded YAML into models, and check the rules between fields: every problem at once.

Pydantic checks shapes and types; its error locations are the same key paths the loader recorded,
so each message lands on the right line. Messages say what is wrong and what would be right.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError

from . import fields, loader, places, readers, subdivisions, wording, zones
from .errors import InputError, Problem
from .fonts import unprintable
from .inputs import ID_PATTERN, LANGUAGES, LEVELS
from .model import (
    STATUSES,
    Announcement,
    City,
    Contacts,
    Language,
    Place,
    city_key,
)
from .wording import did_you_mean, one_of

M = TypeVar("M", bound=BaseModel)


def parse(doc: loader.Document, model: type[M]) -> M:
    """Validate a loaded document against ``model``; InputError lists every problem."""
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping of keys at the top of the file")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        raise InputError(wording.problems(doc, model, error.errors())) from None


def _city_rules(
    doc: loader.Document, entries: list[tuple[str, int, City]], languages: list[Language]
) -> list[Problem]:
    """Rules of each city, and of cities between them, for (status, index, city) entries."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str | None, str], tuple[str, int]] = {}
    for status, index, city in entries:
        loc = ("cities", status, index)
        key = city_key(city)  # two Portlands may differ
        if key in seen:
            line = doc.position(("cities", *seen[key]))[0]
            problems.append(
                doc.problem(loc, f"city '{city.name}' is listed twice: first on line {line}")
            )
        seen.setdefault(key, (status, index))
        if status == "upgraded" and city.previous is None:
            problems.append(
                doc.problem(loc, f"upgraded city '{city.name}' needs 'from': its level before")
            )
        elif status == "upgraded" and LEVELS.index(city.previous) >= LEVELS.index(city.level):
            problems.append(
                doc.problem(
                    loc + ("from",),
                    f"'{city.name}' is listed as upgraded, but {city.previous} to "
                    f"{city.level} is not upward (levels: silver < gold < platinum)",
                )
            )
        elif status != "upgraded" and city.previous is not None:
            problems.append(
                doc.problem(
                    loc + ("from",),
                    f"'from' is only for upgraded cities; '{city.name}' is {status}",
                    key=True,
                )
            )
        problems += _region_problems(doc, loc, city)
        # Its texts are needed only in the languages of its releases: English and its own.
        own = readers.release_languages(city, languages)
        for part, mark, text in fields.record_texts(city):
            needed = own if mark.every_language else []
            problems += _missing_languages(doc, (*loc, *part), text, needed, languages)
    return problems


def _cities_that_parse(doc: loader.Document) -> list[tuple[str, int, City]]:
    """The cities of a file whose other parts are broken, so their rules can still be checked:
    every problem is reported at once, not shape errors first and the rest on the next run."""
    data = doc.data if isinstance(doc.data, dict) else {}
    groups = data.get("cities") if isinstance(data.get("cities"), dict) else {}
    entries = []
    for status in STATUSES:
        items = groups.get(status)
        for index, item in enumerate(items if isinstance(items, list) else []):
            try:
                entries.append((status, index, City.model_validate(item)))
            except ValidationError:
                continue
    return entries


def announcement_rules(
    doc: loader.Document, announcement: Announcement, languages: list[Language]
) -> list[Problem]:
    """The rules between fields of an announcement that its types cannot state."""
    cities = announcement.cities
    entries = [
        (status, index, city)
        for status in STATUSES
        for index, city in enumerate(getattr(cities, status))
    ]
    problems = _city_rules(doc, entries, languages)
    if announcement.dateline is not None:
        problems += _region_problems(doc, ("dateline",), announcement.dateline)
    if not entries:
        problems.append(
            doc.problem(
                ("cities",), "no cities: list at least one under new, upgraded or recertified"
            )
        )
    problems += _count_rules(doc, announcement)
    names = [city.name for _, city in cities.by_status()]
    problems += _release_rules(doc, announcement, names)
    problems += _highlight_rules(doc, announcement, names)
    problems += _text_rules(doc, announcement, languages)
    problems += contact_problems(doc, announcement.contacts, languages)
    return problems


def _count_rules(doc: loader.Document, announcement: Announcement) -> list[Problem]:
    """The round's size is at least the cities the file lists; the total, at least its new."""
    problems = []
    for status in STATUSES:
        given = getattr(announcement.counts, status) if announcement.counts else None
        listed = len(getattr(announcement.cities, status))
        if given is not None and given < listed:
            problems.append(
                doc.problem(
                    ("counts", status),
                    f"counts.{status} is {given}, but the file lists {listed} {status} cities: "
                    f"write at least {listed}",
                )
            )
    new = announcement.count("new")
    if announcement.total_certified is not None and announcement.total_certified < new:
        problems.append(
            doc.problem(
                ("total_certified",),
                f"total_certified is {announcement.total_certified}, fewer than the "
                f"{new} cities certified for the first time here",
            )
        )
    return problems


def _release_rules(
    doc: loader.Document, announcement: Announcement, names: list[str]
) -> list[Problem]:
    """A program quote's releases are statuses or cities of this announcement."""
    problems = []
    for index, quote in enumerate(announcement.quotes):
        for number, item in enumerate(quote.releases or []):
            if item not in STATUSES and item not in names:
                problems.append(
                    doc.problem(
                        ("quotes", index, "releases", number),
                        f"'{item}' is neither a status (new, upgraded, recertified) nor a city "
                        "of this announcement" + did_you_mean(item, [*STATUSES, *sorted(names)]),
                    )
                )
    return problems


def _highlight_rules(
    doc: loader.Document, announcement: Announcement, names: list[str]
) -> list[Problem]:
    """A highlight about a city names one city of this announcement, and only one."""
    problems = []
    for index, highlight in enumerate(announcement.highlights):
        if highlight.city is None:  # about the program
            continue
        if highlight.city not in names:
            problems.append(
                doc.problem(
                    ("highlights", index, "city"),
                    f"highlight for '{highlight.city}', which is not a city of this announcement"
                    + did_you_mean(highlight.city, sorted(names)),
                )
            )
        elif names.count(highlight.city) > 1:
            problems.append(
                doc.problem(
                    ("highlights", index, "city"),
                    f"{names.count(highlight.city)} cities are named '{highlight.city}': a "
                    "highlight cannot tell which; give them distinct spellings under 'names'",
                )
            )
    return problems


def _text_rules(
    doc: loader.Document, announcement: Announcement, languages: list[Language]
) -> list[Problem]:
    """Each text in every language it is printed in: a city's in its releases' languages."""
    problems = []
    for loc, field, text in fields.texts(announcement):
        if field.city_only or field.words:
            continue  # a city's: with its own rules; a contact's: in its group's languages
        city = fields.city_of(announcement, loc)
        required = readers.release_languages(city, languages) if city else languages
        needed = required if field.mark.every_language else []
        problems += _missing_languages(doc, loc, text, needed, languages)
    return problems


def _region_problems(doc: loader.Document, loc: tuple[Any, ...], place: Place) -> list[Problem]:
    """Every region is an ISO 3166-2 subdivision of its country: a code outside them is a typo."""
    known = subdivisions.known_regions(place.country)
    if place.region is None or place.region in known:
        return []
    country = places.country_name(place.country, "en")
    if not known:
        message = f"{country} has no ISO 3166-2 regions: leave out 'region'"
    else:
        listed = ", ".join(known) if len(known) <= 40 else ", ".join(known[:40]) + ", …"
        message = (
            f"unknown region '{place.region}' for {country}: expected one of its ISO 3166-2 "
            f"codes without '{place.country}-': {listed}" + did_you_mean(place.region, known)
        )
    return [doc.problem(loc + ("region",), message)]


def contact_problems(
    doc: loader.Document,
    contacts: Contacts,
    languages: list[Language],
    allowed: list[Language] | None = None,
) -> list[Problem]:
    """Contacts: their words in every language they are printed in, a valid phone number.
    ``allowed``: the languages a text may have besides (the settings serve every language)."""
    allowed = allowed or languages
    import phonenumbers

    problems = []
    lists = contacts.items() if isinstance(contacts, dict) else [(None, contacts)]
    for language, group in lists:
        base = ("contacts",) if language is None else ("contacts", language)
        if language is not None and language not in allowed:
            problems.append(
                doc.problem(base, f"'{language}' is not a language of this announcement", key=True)
            )
        needed = languages if language is None else [language]
        for index, contact in enumerate(group):
            for part, _, value in fields.record_texts(contact):
                problems += _missing_languages(doc, (*base, index, *part), value, needed, allowed)
            if contact.phone is not None:
                try:
                    number = phonenumbers.parse(contact.phone, None)
                    valid = phonenumbers.is_valid_number(number)
                except phonenumbers.NumberParseException:
                    valid = False
                if not valid:
                    problems.append(
                        doc.problem(
                            (*base, index, "phone"),
                            f"'{contact.phone}' is not a valid phone number: give it with its "
                            "country code, like +1 212 555 0100 or +55 11 3333 4444",
                        )
                    )
    return problems


def _missing_languages(
    doc: loader.Document,
    loc: tuple[Any, ...],
    texts: dict[str, str],
    required: list[Language],
    allowed: list[Language],
) -> list[Problem]:
    problems = []
    for language in required:
        if language not in texts:
            problems.append(
                doc.problem(
                    loc,
                    f"'{'.'.join(str(p) for p in loc)}' has no '{language}' text; "
                    f"this announcement is in {one_of(allowed)}",
                )
            )
    for language in texts:
        if language not in allowed:
            problems.append(
                doc.problem(
                    loc + (language,),
                    f"'{language}' is not a language of this announcement "
                    f"({one_of(allowed)}); add it to 'languages' or remove this text",
                    key=True,
                )
            )
    return problems


def _offset(when: dt.timedelta | None) -> str:
    minutes = int((when or dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def embargo_late(doc: loader.Document, announcement: Announcement, timezone: str) -> list[Problem]:
    """An embargo lifts on or before the release date, in the program's own zone."""
    if announcement.embargo is None:
        return []
    timezone = zones.release_zone(announcement.dateline, timezone, announcement.embargo)
    lifts = announcement.embargo.astimezone(ZoneInfo(timezone)).date()
    if lifts <= announcement.date:
        return []
    message = (
        f"the embargo lifts on {lifts.isoformat()} ({timezone}), after the release date "
        f"{announcement.date.isoformat()}: an embargo lifts on or before the release date"
    )
    return [doc.problem(("embargo",), message)]


def embargo_offset(
    doc: loader.Document, announcement: Announcement, timezone: str
) -> list[Problem]:
    """An offset that is neither UTC ("Z", converted) nor the program's zone at that moment is
    most likely a slip ("-05:00" for New York in June): not an error, since the instant is
    exact, but ``validate`` says so and ``check`` fails on it."""
    when = announcement.embargo
    if when is None or when.utcoffset() == dt.timedelta():
        return []
    # The program's zone, or the dateline's where it keeps another clock (São Paulo's -03:00,
    # Winnipeg's -06:00): either is what the file meant.
    own = zones.release_zone(announcement.dateline, timezone, when)
    meant = [own, *([timezone] if timezone != own else [])]
    if when.utcoffset() in {when.astimezone(ZoneInfo(zone)).utcoffset() for zone in meant}:
        return []
    # Named as compared: the dateline's zone first (a Winnipeg file was told that "-05:00 is not
    # America/New_York's (EST, -05:00)", the very offset it had written).
    local = when.astimezone(ZoneInfo(own))
    right = local.isoformat(timespec="minutes")
    nor = f" nor {timezone}'s" if timezone != own else ""
    message = (
        f"embargo offset {_offset(when.utcoffset())} is not {own}'s{nor} on "
        f"{local.date().isoformat()} ({local.tzname()}, {_offset(local.utcoffset())}): this "
        f"instant is {right} there; write that, or the time you meant with "
        f"{_offset(local.utcoffset())}"
    )
    return [doc.problem(("embargo",), message)]


def load_announcement(
    path: Path,
    default_languages: list[Language],
    fonts: Path | None = None,
    timezone: str | None = None,
    doc: loader.Document | None = None,
) -> Announcement:
    """Load, parse and check one announcement file; InputError lists every problem.

    With ``fonts`` (the templates' font folder), text the fonts cannot print is refused too;
    ``doc`` is the file already loaded, when the caller needs it too.
    """
    doc = doc or loader.load(path)
    try:
        announcement = parse(doc, Announcement)
    except InputError as error:
        languages = doc.data.get("languages") if isinstance(doc.data, dict) else None
        if not (isinstance(languages, list) and languages and set(languages) <= set(LANGUAGES)):
            languages = default_languages
        more = _city_rules(doc, _cities_that_parse(doc), languages)
        raise InputError(sorted(set(error.problems + more))) from None
    languages = announcement.languages or default_languages
    problems = announcement_rules(doc, announcement, languages)
    if timezone is not None:
        problems += embargo_late(doc, announcement, timezone)
    if fonts is not None:
        problems += unprintable(doc, fonts)
    if len(set(languages)) != len(languages):
        problems.append(doc.problem(("languages",), "a language is listed twice in 'languages'"))
    identifier = announcement.id or path.stem
    if not ID_PATTERN.fullmatch(identifier):
        problems.append(
            doc.problem(
                (),
                f"the file name '{path.stem}' cannot name the output folder: use lower-case "
                "letters, digits and hyphens (2023-06-international.yaml) or set 'id'",
            )
        )
    if problems:
        raise InputError(problems)
    return announcement.model_copy(update={"id": identifier, "languages": languages})
