"""The program's memory: every certified city and its level over time, from the announcement
files and the rounds of the settings' ``roster`` that are not files (a baseline, past rounds).

Announcements are read in date order. Before each one the roster knows how many cities were
certified (from the last total given, a checkpoint, plus the new cities counted since), each
known city's last level and where it was stated, and which countries and regions already had
certified cities. From that it derives an omitted ``total_certified``, refuses contradictions
(a "new" city already certified, an upgrade from a level the city did not hold, a total below
what came before) and tells the firsts: the program's first cities in a country or a region.

History may be incomplete: a city it does not know may still be upgraded or recertified; only
contradictions with what it knows are errors.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from . import fields, loader
from .errors import Problem
from .model import LEVELS, STATUSES, Announcement, City, Level, Round

Key = tuple[str, str | None, str]


@dataclass(frozen=True)
class Entry:
    """What the roster knows of one city: its level since a date, and where that was said."""

    name: str
    region: str | None
    country: str
    level: Level
    since: dt.date
    where: Problem  # the file, line and column that stated it (message unused)

    @property
    def key(self) -> Key:
        return fields.city_key(self)  # an Entry has a city's name, region and country


@dataclass(frozen=True)
class Facts:
    """What the roster derives for one announcement."""

    total: int
    first_countries: tuple[str, ...]  # countries whose first cities this announcement certifies
    firsts: frozenset[Key]  # new cities among the program's first in their country
    region_firsts: frozenset[Key]  # new cities among the first in their region (not country)
    roster: tuple[Entry, ...]  # every city known after this announcement

    def fingerprint(self, kind: str, city: City | None = None) -> str:
        """What an output of ``kind`` (and ``city``) prints of these facts, in a stable form for
        the cache's keys: a city's release shows whether it is a first, the report the roster."""
        shown: list[object] = [self.total]
        if city is not None:
            key = fields.city_key(city)
            peers = sum(1 for first in self.firsts if first[2] == city.country)
            shown += [key in self.firsts, peers]
        else:
            shown += [list(self.first_countries), sorted(self.firsts, key=str)]
        if kind == "report":
            shown.append(
                [(e.name, e.region, e.country, e.level, str(e.since)) for e in self.roster]
            )
        return json.dumps(shown)


@dataclass
class _State:
    total: int | None = None
    known: dict[Key, Entry] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str, str]] = field(default_factory=set)
    # A round of the settings whose total is below what came before it and its new cities.
    problems: list[Problem] = field(default_factory=list)


def _round_day(value: dt.date | str) -> dt.date:
    """A round's date; a month alone ("2024-01") sorts at the month's end."""
    if isinstance(value, dt.date):
        return value
    year, month = map(int, value.split("-"))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class History:
    """The settings' rounds and the announcement files, in date order."""

    def __init__(
        self,
        rounds: list[Round],
        settings_doc: loader.Document | None,
        files: list[tuple[loader.Document, Announcement]],
    ):
        events: list[tuple[dt.date, int, object]] = []
        for index, item in enumerate(rounds):
            events.append((_round_day(item.date), 0, (index, item)))
        for doc, announcement in files:
            events.append((announcement.date, 1, (doc, announcement)))
        events.sort(key=lambda event: (event[0], event[1]))  # a round before a file of its day
        self.events = events
        self.settings_doc = settings_doc

    def _where(self, doc: loader.Document | None, loc: tuple) -> Problem:
        assert doc is not None  # the settings' document is read whenever it has rounds
        return doc.problem(loc, "")

    def _apply_round(self, state: _State, index: int, item: Round) -> None:
        if item.total is not None:
            floor = (state.total or 0) + item.new
            if item.total < floor:  # totals to date never go down
                assert self.settings_doc is not None
                state.problems.append(self.settings_doc.problem(("roster", index, "total"),
                    f"total {item.total} is below the {state.total or 0} certified before this "
                    f"round and its {item.new} new cities: at least {floor}"))  # fmt: skip
            state.total = item.total
        elif state.total is not None:
            state.total += item.new
        state.countries |= set(item.countries)
        for number, city in enumerate(item.cities):
            where = self._where(self.settings_doc, ("roster", index, "cities", number))
            known = state.known.get(fields.city_key(city))
            if (
                city.status == "upgraded"
                and known is not None
                and LEVELS.index(city.level) <= LEVELS.index(known.level)
            ):  # a round of the settings goes up as an announcement's upgrade does
                assert self.settings_doc is not None
                state.problems.append(self.settings_doc.problem(
                    ("roster", index, "cities", number, "level"),
                    f"{city.name} is listed as upgraded to {city.level}, but its last level is "
                    f"{known.level}: an upgrade goes up; list it as recertified or write its "
                    "new level"))  # fmt: skip
            entry = Entry(
                city.name, city.region, city.country, city.level, _round_day(item.date), where
            )
            state.known[entry.key] = entry
            state.countries.add(city.country)
            if city.region:
                state.regions.add((city.country, city.region))

    def _apply_file(self, state: _State, doc: loader.Document, announcement: Announcement) -> None:
        state.total = self._total(state, announcement)
        for status, index, city in _entries(announcement):
            where = self._where(doc, ("cities", status, index))
            day = announcement.date
            entry = Entry(city.name, city.region, city.country, city.level, day, where)
            if status == "recertified" and entry.key in state.known:
                entry = state.known[entry.key]  # the level holds since it was reached
            state.known[entry.key] = entry
            state.countries.add(city.country)
            if city.region:
                state.regions.add((city.country, city.region))

    @staticmethod
    def _total(state: _State, announcement: Announcement) -> int | None:
        if announcement.total_certified is not None:
            return announcement.total_certified
        if state.total is None:
            return None
        return state.total + len(announcement.cities.new)

    def final(self) -> tuple[int | None, tuple[Entry, ...]]:
        """After every round and file: the count to date and every city known."""
        state = _State()
        for _, kind, payload in self.events:
            if kind == 0:
                self._apply_round(state, *payload)  # type: ignore[misc]
            else:
                self._apply_file(state, *payload)  # type: ignore[misc]
        ordered = sorted(state.known.values(), key=lambda e: (e.country, e.name.casefold()))
        return state.total, tuple(ordered)

    def before(self, announcement: Announcement) -> _State:
        """What the roster knows just before ``announcement``."""
        state = _State()
        for _, kind, payload in self.events:
            if kind == 1 and payload[1] is announcement:  # type: ignore[index]
                return state
            if kind == 0:
                self._apply_round(state, *payload)  # type: ignore[misc]
            else:
                self._apply_file(state, *payload)  # type: ignore[misc]
        return state

    def judge(
        self, doc: loader.Document, announcement: Announcement
    ) -> tuple[list[Problem], Facts | None]:
        """Contradictions of ``announcement`` with what came before it, each followed by a note
        where the roster learnt otherwise; and the facts it derives when there are none."""
        state = self.before(announcement)
        problems: list[Problem] = list(state.problems)
        for status, index, city in _entries(announcement):
            known = state.known.get(fields.city_key(city))
            if known is None:
                continue
            loc = ("cities", status, index)
            if status == "new":
                message = (
                    f"{city.name} is listed as new, but it is certified already: move it to "
                    "upgraded or recertified"
                )
                problems.append(_contradiction(doc, loc, message, known))
            elif status == "upgraded" and city.previous != known.level:
                message = (
                    f"{city.name} moves up from {city.previous}, but its last level is "
                    f"{known.level}: write from: {known.level}"
                )
                problems.append(_contradiction(doc, (*loc, "from"), message, known))
            elif status == "recertified" and city.level != known.level:
                message = (
                    f"{city.name} is recertified {city.level}, but its last level is "
                    f"{known.level}: list it under upgraded with from: {known.level}, or write "
                    f"level: {known.level}"
                )
                problems.append(_contradiction(doc, (*loc, "level"), message, known))
        floor = (state.total or 0) + len(announcement.cities.new)
        given = announcement.total_certified
        if given is not None and given < floor:
            before = f"{state.total} certified before it" if state.total else "none before it"
            problems.append(
                doc.problem(
                    ("total_certified",),
                    f"total_certified is {given}, but the roster counts {before} and "
                    f"{len(announcement.cities.new)} new here: at least {floor}",
                )
            )
        total = self._total(state, announcement)
        if total is None:
            problems.append(
                doc.problem(
                    (),
                    "total_certified is missing and the roster cannot count the cities certified "
                    "before this announcement: give total_certified, or a roster round with its "
                    "total in wwc-press.yaml",
                )
            )
        if problems or total is None:
            return problems, None
        return [], self._facts(state, doc, announcement, total)

    def _facts(
        self, state: _State, doc: loader.Document, announcement: Announcement, total: int
    ) -> Facts:
        present = set(state.countries)
        cities = announcement.cities
        present |= {c.country for c in cities.upgraded + cities.recertified}
        new = announcement.cities.new
        first_countries = tuple(dict.fromkeys(c.country for c in new if c.country not in present))
        firsts = {fields.city_key(c) for c in new if c.country in first_countries}
        # A region first is claimed only when the roster accounts for every city certified
        # before: an unlisted city may have been anywhere.
        complete = state.total is not None and len(state.known) >= state.total
        region_firsts = {
            fields.city_key(c)
            for c in new
            if complete and c.region and c.country in present
            if (c.country, c.region) not in state.regions
        }
        after = _State(state.total, dict(state.known), set(state.countries), set(state.regions))
        self._apply_file(after, doc, announcement)
        roster = tuple(sorted(after.known.values(), key=lambda e: (e.country, e.name.casefold())))
        return Facts(total, first_countries, frozenset(firsts), frozenset(region_firsts), roster)


def _entries(announcement: Announcement) -> list[tuple[str, int, City]]:
    cities = announcement.cities
    return [
        (status, index, city)
        for status in STATUSES
        for index, city in enumerate(getattr(cities, status))
    ]


def _contradiction(doc: loader.Document, loc: tuple, message: str, known: Entry) -> Problem:
    """A problem at ``loc``, with a note at the place that stated what it contradicts."""
    where = known.where
    note = f"{known.name} was certified {known.level} here"
    see = Problem(where.path, where.line, where.column, note)
    problem = doc.problem(loc, message)
    return Problem(problem.path, problem.line, problem.column, problem.message, see)
