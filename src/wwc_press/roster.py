"""The program's memory: every certified city and its level over time, from the announcement
files and the rounds of the settings' ``roster`` that are not files (a baseline, past rounds).

Announcements are read in date order. Before each one the roster knows how many cities were
certified (from the last total given, a checkpoint, plus the new cities counted since), each
known city's last level and where it was stated, and which countries and regions already had
certified cities. From that it derives an omitted ``total_certified``, refuses contradictions
(a "new" city already certified, an upgrade from a level the city did not hold, a total below
what came before) and tells the firsts: the program's first cities in a country or a region.

History may be incomplete, and the roster knows where: cities certified before the first record,
or new cities of a round that names neither them nor their countries, leave a gap. A claim that
would cross a gap (a first in a country, the year a renewed city reached its level) is not made;
``Facts.held`` says which and what record would allow it. A baseline (``countries_to_date``)
closes every gap before it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

from . import loader, places
from .errors import Problem
from .inputs import LEVELS
from .model import STATUSES, Announcement, City, Level, Round, city_key

Key = tuple[str, str | None, str]


@dataclass(frozen=True)
class Entry:
    """What the roster knows of one city: its level since a date, and where that was said."""

    name: str
    region: str | None
    country: str
    level: Level
    since: dt.date | None  # None: the roster does not know when it reached the level
    where: Problem  # the file, line and column that stated it (message unused)
    # The spellings of the file that last listed it, so the report's list of every city names
    # it as that file's text does ("Cidade da Guatemala" in Portuguese, not the residents' name).
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> Key:
        return city_key(self)  # an Entry has a city's name, region and country


@dataclass(frozen=True)
class Facts:
    """What the roster derives for one announcement."""

    total: int
    first_countries: tuple[str, ...]  # countries whose first cities this announcement certifies
    firsts: frozenset[Key]  # new cities among the program's first in their country
    region_firsts: frozenset[Key]  # new cities among the first in their region (not country)
    roster: tuple[Entry, ...]  # every city known after this announcement
    # Claims not made for want of a record, each at the line it concerns: check's notes.
    held: tuple[Problem, ...] = ()

    def fingerprint(self, kind: str, city: City | None = None) -> str:
        """What an output of ``kind`` (and ``city``) prints of these facts, in a stable form for
        the cache's keys: a city's release shows whether it is a first, the report the roster."""
        shown: list[object] = [self.total]
        if city is not None:
            key = city_key(city)
            peers = sum(1 for first in self.firsts if first[2] == city.country)
            shown += [key in self.firsts, peers]
        else:
            shown += [list(self.first_countries), sorted(self.firsts, key=str)]
        if kind == "report":
            shown.append(
                [(e.name, e.region, e.country, e.level, str(e.since)) for e in self.roster]
            )
        return json.dumps(shown)


@dataclass(frozen=True)
class Gap:
    """Certified cities whose countries the roster does not know."""

    cities: int | None  # how many, when known
    before: dt.date | None = None  # certified before this date (None: before any record)
    round: str | None = None  # or: the unlisted new cities of this round

    def phrase(self, day: dt.date, new_here: int = 0, total: int | None = None) -> str:
        """In a note about an announcement of ``day``, which certifies ``new_here`` cities and
        brings the total to ``total``: "the 62 cities certified before 2024-01-23"."""
        if self.round:
            return f"the {self.cities} new cities of {self.round} that it does not list"
        count = self.cities
        if self.before is None and total is not None:
            count = total - new_here
        count_words = f"{count} " if count is not None else ""
        return f"the {count_words}cities certified before {(self.before or day).isoformat()}"


START = Gap(None)  # before any record, the roster knows nothing


@dataclass
class _State:
    total: int | None = None
    known: dict[Key, Entry] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str, str]] = field(default_factory=set)
    # Where the countries of certified cities are unknown; empty: every city is placed.
    gaps: list[Gap] = field(default_factory=lambda: [START])
    # A round of the settings whose total is below what came before it and its new cities.
    problems: list[Problem] = field(default_factory=list)

    def advance(self, day: dt.date, new: int, total: int | None, placed: int, label: str) -> None:
        """Count a round of ``new`` cities, ``placed`` of them in known countries, with the
        total to date after it when given; what it leaves unplaced becomes a gap."""
        if total is not None:
            if START in self.gaps:
                self.gaps.remove(START)
                if total - new > 0:
                    self.gaps.append(Gap(total - new, day))
            elif self.total is not None and total > self.total + new:
                self.gaps.append(Gap(total - self.total - new, day))
            self.total = total
        elif self.total is not None:
            self.total += new
        if new > placed:
            self.gaps.append(Gap(new - placed, round=label))


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
        day = _round_day(item.date)
        listed = sum(1 for city in item.cities if city.status == "new")
        placed = item.new if item.countries is not None else min(listed, item.new)
        state.advance(day, item.new, item.total, placed, f"the settings' round of {item.date}")
        if item.countries_to_date is not None:  # a baseline: every city up to it is placed
            state.gaps.clear()
            state.countries |= set(item.countries_to_date)
        state.countries |= set(item.countries or [])
        for number, city in enumerate(item.cities):
            where = self._where(self.settings_doc, ("roster", index, "cities", number))
            known = state.known.get(city_key(city))
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
            since: dt.date | None = day
            if city.status == "recertified":  # the level holds since it was reached, if known
                since = known.since if known and known.level == city.level else None
            entry = Entry(city.name, city.region, city.country, city.level, since, where)
            state.known[entry.key] = entry
            state.countries.add(city.country)
            if city.region:
                state.regions.add((city.country, city.region))

    def _apply_file(self, state: _State, doc: loader.Document, announcement: Announcement) -> None:
        new = announcement.count("new")
        label = f"{announcement.date.isoformat()} ({doc.path.name})"
        given = announcement.total_certified
        state.advance(announcement.date, new, given, len(announcement.cities.new), label)
        for status, index, city in _entries(announcement):
            where = self._where(doc, ("cities", status, index))
            day = announcement.date
            names = dict(city.names)
            entry = Entry(city.name, city.region, city.country, city.level, day, where, names)
            if status == "recertified":  # the level holds since it was reached, if known
                known = state.known.get(entry.key)
                entry = (
                    replace(known, names=names)
                    if known
                    else Entry(city.name, city.region, city.country, city.level, None, where, names)
                )
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
        return state.total + announcement.count("new")

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
            known = state.known.get(city_key(city))
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
        floor = (state.total or 0) + announcement.count("new")
        given = announcement.total_certified
        if given is not None and given < floor:
            before = f"{state.total} certified before it" if state.total else "none before it"
            problems.append(
                doc.problem(
                    ("total_certified",),
                    f"total_certified is {given}, but the roster counts {before} and "
                    f"{announcement.count('new')} new here: at least {floor}",
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
        unseen = tuple(dict.fromkeys(c.country for c in new if c.country not in present))
        # A country is new to the program only when the roster places every city before (a
        # first record that certifies all its cities has none before it).
        nothing_before = total - announcement.count("new") <= 0
        gaps = [gap for gap in state.gaps if not (gap is START and nothing_before)]
        # A stated total above the roster's count and this round's new cities: rounds the roster
        # does not know came in between, and their cities may be anywhere.
        if state.total is not None and announcement.total_certified is not None:
            unknown = announcement.total_certified - state.total - announcement.count("new")
            if unknown > 0:
                gaps.append(Gap(unknown, announcement.date))
        first_countries = () if gaps else unseen
        firsts = {city_key(c) for c in new if c.country in first_countries}
        held = [
            doc.problem(
                ("cities", "new", index),
                f"{city.name}: not called the first in "
                f"{places.country_name(city.country, 'en')}: the roster does not know the "
                f"countries of {_gaps(gaps, announcement, total)}; record them in the "
                "settings' roster",
            )  # fmt: skip
            for index, city in enumerate(new)
            if gaps and city.country in unseen
        ]
        # A region first is claimed only when the roster accounts for every city certified
        # before: an unlisted city may have been anywhere.
        complete = state.total is not None and len(state.known) >= state.total
        region_firsts = {
            city_key(c)
            for c in new
            if complete and c.region and c.country in present
            if (c.country, c.region) not in state.regions
        }
        after = _State(state.total, dict(state.known), set(state.countries), set(state.regions),
                       list(state.gaps))  # fmt: skip
        self._apply_file(after, doc, announcement)
        roster = tuple(sorted(after.known.values(), key=lambda e: (e.country, e.name.casefold())))
        undated = [city.name for city in cities.recertified
                   if after.known[city_key(city)].since is None]  # fmt: skip
        if undated:
            held.append(doc.problem(("cities", "recertified"), "the report gives no year for "
                f"the level of {_series(undated)}: the roster does not know when "
                f"{'it was' if len(undated) == 1 else 'they were'} reached; record the rounds "
                "in the settings' roster (cities: with status and level)"))  # fmt: skip
        held += _total_notes(doc, announcement, state.total, total)
        return Facts(total, first_countries, frozenset(firsts), frozenset(region_firsts), roster,
                     tuple(held))  # fmt: skip


def _total_notes(
    doc: loader.Document, announcement: Announcement, before: int | None, total: int
) -> list[Problem]:
    """What a desk would ask of the total to date: a stated one above the last total and this
    round's new cities (a round the roster missed, or a slip), or one counted, not stated."""
    new_here, stated = announcement.count("new"), announcement.total_certified
    if stated is not None and before is not None and stated > before + new_here:
        return [doc.problem(("total_certified",), f"the total to date, {stated}, is "
            f"{stated - before - new_here} more than the {before} certified before and this "
            f"round's {new_here} new cities: if no round came between that the roster does not "
            f"record, the total is {before + new_here}")]  # fmt: skip
    if stated is None:  # derived: true only if no round is missing
        cities = "city" if new_here == 1 else "cities"
        return [doc.problem(("date",), f"the total to date, {total}, is the roster's {before} "
            f"and this round's {new_here} new {cities}: if a round came between that the "
            "roster does not record, give total_certified")]  # fmt: skip
    return []


def _series(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _gaps(gaps: list[Gap], announcement: Announcement, total: int) -> str:
    """What the roster does not place, in a note about ``announcement``."""
    return _series([gap.phrase(announcement.date, announcement.count("new"), total)
                    for gap in gaps])  # fmt: skip


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
