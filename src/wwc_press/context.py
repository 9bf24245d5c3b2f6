"""What every template gets, beside its language's Localizer: the announcement grouped the way
the prose needs it (cities by level and by step, the round's counts, the report's chart, the
program's firsts, time zones, the roster), nothing worded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from . import places, subdivisions, zones
from .inputs import LEVELS
from .model import STATUSES, Announcement, City, Level, Place, city_key
from .roster import Facts
from .settings import Settings


def _by_level(cities: list[City]) -> list[tuple[Level, list[City]]]:
    """Cities grouped by level, highest level first, the file's order kept inside a group."""
    groups: dict[Level, list[City]] = defaultdict(list)
    for city in cities:
        groups[city.level].append(city)
    return [(level, groups[level]) for level in reversed(LEVELS) if groups[level]]


def _by_step(cities: list[City]) -> list[tuple[Level, Level, list[City]]]:
    groups: dict[tuple[Level, Level], list[City]] = defaultdict(list)
    for city in cities:
        groups[(city.previous or city.level, city.level)].append(city)
    order = sorted(groups, key=lambda step: (-LEVELS.index(step[1]), -LEVELS.index(step[0])))
    return [(before, after, groups[(before, after)]) for before, after in order]


def template_context(
    announcement: Announcement, settings: Settings, facts: Facts | None = None
) -> dict[str, Any]:
    """What every template gets, beside the localizer: data grouped, nothing worded; ``facts``
    are what the roster derived (the program's firsts), when known."""
    cities = announcement.cities
    everyone = cities.by_status()
    # The round's size per status: its counts, which may go beyond the cities listed.
    count = {status: announcement.count(status) for status in STATUSES}
    unnamed = {status: count[status] - len(getattr(cities, status)) for status in STATUSES}
    return {
        "a": announcement,
        "settings": settings,
        "dateline": announcement.dateline or settings.dateline,
        # The zone the release tells its own time in: a dateline's on another clock (São Paulo).
        "release_zone": zones.release_zone(
            announcement.dateline, settings.timezone, announcement.embargo
        ),
        "contacts": announcement.contacts or settings.contacts,
        "new_by_level": _by_level(cities.new),
        "upgraded_by_step": _by_step(cities.upgraded),
        "recertified_by_level": _by_level(cities.recertified),
        "new_countries": sorted({city.country for city in cities.new}),
        # The countries of every city the release names: whether a US city is given its
        # country ("Tulsa (Oklahoma, EE. UU.)") is the release's decision, not each list's.
        "named_countries": sorted({city.country for _, city in everyone}),
        "all_cities": everyone,
        "by_country": Counter(city.country for _, city in everyone),
        "count": count,
        # The round's whole size only when every group is counted (see RoundCounts).
        "counted": {status: announcement.counted(status) for status in STATUSES},
        "round_counted": all(announcement.counted(status) for status in STATUSES),
        "unnamed": unnamed,  # per status, the round's cities the file does not list
        "partial": {status: unnamed[status] > 0 for status in STATUSES},
        **_figures(everyone, unnamed),
        **_statuses(announcement, everyone),
        **_firsts(cities.new, facts.firsts if facts else frozenset(), unnamed["new"]),
        "zone_of": city_zones(announcement, everyone),
        "key": city_key,
        "region_kinds": region_kinds,
        "roster": _roster(facts),
        "highlights_of": {
            name: [h for h in announcement.highlights if h.city == name]
            for name in {h.city for h in announcement.highlights if h.city}
        },
    }


# The kinds of region a table heads by name, in the order a head names two ("State or
# province"); any other kind (a parish, a metropolitan region) is headed as a region.
REGION_KINDS = ("state", "province", "department", "region")


def region_kinds(cities: list[Place]) -> list[str]:
    """The kinds of region a table of ``cities`` holds (its countries' kinds, ISO 3166-2), in
    ``REGION_KINDS``' order, then any other: a column of Canadian and Argentine provinces is
    headed "Province", never "State or region"."""
    kinds = {kind for c in cities if c.region and (kind := subdivisions.region_kind(c.country))}
    return sorted(kinds, key=lambda k: ((REGION_KINDS + (k,)).index(k), k))


def _statuses(announcement: Announcement, everyone: list[tuple[str, City]]) -> dict[str, Any]:
    """Each city's status, and the program's quotes a city's release prints: those that say
    they fit it."""
    status_of = {city_key(city): status for status, city in everyone}
    return {
        "status_of": status_of,
        "quotes_for": lambda city: [
            (number, quote)
            for number, quote in enumerate(announcement.quotes, 1)
            if quote.fits(status_of[city_key(city)], city)
        ],
    }


def _firsts(new: list[City], firsts: frozenset[str], unnamed: int) -> dict[str, Any]:
    """New cities that are the program's first in their country, whether a city is, and how
    many of them share its country: at least two when the file leaves some new cities out (one
    of them may be there too)."""

    def first_peers(city: City) -> int:
        listed = sum(1 for c in new if city_key(c) in firsts and c.country == city.country)
        return max(listed, 2) if unnamed else listed

    return {
        "first_peers": first_peers,
        "first_cities": [c for c in new if city_key(c) in firsts],
        "is_first": lambda c: city_key(c) in firsts,
    }


def city_zones(announcement: Announcement, everyone: list[tuple[str, City]]) -> dict[str, str]:
    """Each city's time zone, for embargo times in the readers' own time: found once per build,
    before workers fork (the city database takes a moment to load). A city no record gives one
    is left out: its release gives the program's time, and check says so."""
    if not announcement.embargo:
        return {}
    when = announcement.embargo
    # A county or district no gazetteer lists keeps the clock of where it is datelined
    # (Miami-Dade County, Miami's; Coyoacán, Mexico City's); a city, its own.
    return {
        city_key(city): zone
        for _, city in everyone
        if (
            zone := city.timezone
            or zones.city_timezone(city.name, city.region, city.country, when)
            or (
                (seat := places.datelined_in(city)) is not city
                and zones.city_timezone(seat.name, city.region, city.country, when)
            )
        )  # fmt: skip
    }


def _roster(facts: Facts | None) -> list[tuple[Place, Level, int | None]]:
    """Every certified city to date, for the report: (place, level, the year it reached that
    level where the roster knows it, else None). Only when the roster names them all: a list of
    some, titled with what the roster lacks, read to native desks as the program not knowing
    its own cities (`wwc-press roster` prints what is known)."""
    if facts is None or len(facts.roster) < facts.total:
        return []
    return [
        (
            Place(name=e.name, region=e.region, country=e.country, names=e.names),
            e.level,
            e.since.year if e.since else None,
        )
        for e in facts.roster
    ]


def _figures(everyone: list[tuple[str, City]], unnamed: dict[str, int]) -> dict[str, Any]:
    """The report's counts per level and its chart: only the levels some city of the round has.
    A row or a bar of 0 is noise a desk deletes, and where the file leaves cities unnamed it
    would say the round has none at that level ("Platinum 0" was read as a fact)."""
    chart = _chart(everyone, unnamed)
    return {
        "by_level": [
            (level, n) for level in LEVELS if (n := sum(1 for _, c in everyone if c.level == level))
        ],
        "chart": chart,
        "chart_max": max([1] + [sum(count for _, count, _ in bar) for _, bar in chart]),
        # The legend names only the statuses a bar shows.
        "chart_statuses": {status for _, bar in chart for status, count, _ in bar if count},
    }


def _chart(
    cities: list[tuple[str, City]], unnamed: dict[str, int]
) -> list[tuple[Level | None, list[tuple[str, int, int]]]]:
    """Bars of the report's chart: per level, (status, count, offset) segments to stack; a last
    bar (level None) for the round's cities the file does not name, whose level it does not say."""
    bars: list[tuple[Level | None, list[tuple[str, int, int]]]] = []
    levels: list[Level | None] = [*reversed(LEVELS)]
    if any(unnamed.values()):
        levels.append(None)
    for level in levels:
        offset, segments = 0, []
        for status in STATUSES:
            if level is None:
                count = unnamed[status]
            else:
                count = sum(1 for s, c in cities if s == status and c.level == level)
            segments.append((status, count, offset))
            offset += count
        # Only a level with cities has a bar (the last, of unnamed cities, has some): its
        # accessible description then never names a level with nothing after it.
        if offset:
            bars.append((level, segments))
    return bars
