"""The embargo's times as the readers' press words them: the moment in a zone, the short line
of a Subject or a running head, and the clocks of the readers' cities, east to west.

``EmbargoTimes`` is part of ``localize.Localizer``, which gives it the profile (``press``) and
the program's zone; templates ask the localizer (``l10n.moment(…)``).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from . import places, readers
from .languages import PROFILES, Profile, keeps_standard_time
from .model import City, Place, city_key
from .zones import (
    capital_time,
    has_legal_name,
    one_clock,
    reference_zone,
    same_clock,
    same_name,
    zone_city,
)


class EmbargoTimes:
    """The embargo's wording of a localizer: when a release goes out and where it is what time."""

    press: Profile
    timezone: str

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
        press names zones ("9 a.m. CT", AP's "10 a.m. CDT"), else as the profile's
        ``own_clock`` says: as local time (zone ""; AP abroad, "noon local time"; Spanish,
        "12:00, hora local"), or by the place that names the clock ("12h (horário de
        Brasília)"); a city off its country's legal time by that legal time, which the
        country's desks work on (Cuiabá's "11h (horário de Brasília)"). The program's release
        gives the clock of its readers' country when that country keeps one (Brazil's legal
        time: Folha and Estadão give "horário de Brasília"), else the program's own zone. A city
        whose zone is not known gets the program's time.
        """
        if city is not None and zone is not None:
            if national := self.national_zone(when, zone, city.country):
                # Cuiabá's Subject in Brasília time, which the country's desks work on.
                return {
                    **self.moment(when, national),
                    "zone": self._clock_place(when, national, city.country),
                }
            return self.own_moment(when, zone, city)
        readers = self.press.readers_country
        reference = reference_zone(readers) if readers else None
        if city is None and reference and (has_legal_name(reference) or one_clock(readers, when)):
            return self.moment(when, reference)
        return self.moment(when)

    def own_moment(self, when: dt.datetime, zone: str, city: Place) -> dict[str, str]:
        """The embargo in a city's own time, named as its press names it (see ``short_moment``):
        "9 a.m. CT", "12:00" with "hora local", "10h" with "horário de Cuiabá"."""
        there = self.moment(when, zone)
        if self.press.names_zone_in(city.country):
            return there
        if self.press.own_clock == "local":
            return {**there, "zone": ""}
        place = places.city_name(city, self.press.tag)
        return {**there, "zone": self._clock_place(when, zone, city.country, place)}

    def national_zone(self, when: dt.datetime, zone: str, country: str) -> str | None:
        """The legal time a city's own press works on, where the city keeps another clock: a
        Brazilian release from Cuiabá gives "às 10h, horário de Cuiabá (11h em Brasília)", not
        New York's time beside its own (Folha, Estadão: Brazilian desk, reading 28). None where
        the language is not the country's press's, the country's time has no legal name, or
        the city keeps it."""
        reference = reference_zone(country)
        if (
            not reference
            or not has_legal_name(reference)
            or readers.city_language(country, [self.press.tag]) != self.press.tag
            or same_clock(zone, reference, when.astimezone(ZoneInfo(zone)).year)
        ):
            return None
        return reference

    def _clock_place_of(self, city: City) -> str:
        """The place an embargo line names for a city's clock: where the city is datelined (a
        time belongs to a place: « à Truro », not « à la Municipalité du comté de Colchester »,
        an administration), as running text names it ("la Ciudad de México")."""
        place, tag = places.datelined_in(city), self.press.tag
        return places.with_article(place, places.city_name(place, tag), tag)

    def readers_zones(
        self, cities: list[tuple[str, City]], zone_of: dict, home: str
    ) -> list[tuple[str, str, str]]:
        """(zone, country, city) of the cities whose own press writes in this language, outside
        the program's home country: the readers a Spanish release's embargo line speaks to. A
        press that names zones (CP, Quebec) speaks to its home country's other zones too."""
        return [
            (zone_of[key], city.country, self._clock_place_of(city))
            for _, city in cities
            if (city.country != home or self.press.names_zones)
            # AP gives its own zone alone: a North American city's clock is its readers' to
            # work out ("(8 a.m. in Calgary)" named one city's time and left Seattle's out).
            and not (
                self.press.zone_form
                and not self.press.names_zones
                and city.country in _ZONED_COUNTRIES
            )
            and readers.city_language(city.country, [self.press.tag]) == self.press.tag
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

        A press that names zones gives each clock its zones (``_zoned_times``): CP a zone's
        name alone ("11 a.m. AT, 8 a.m. MT and CST"), Quebec with its cities.
        """
        # A city on the program's own time and zone is the line's own: "11 a.m. EDT" is
        # Lévis's time too, and "(11 a.m. in Lévis)" said it twice.
        home = self.moment(when)
        zones = [
            item for item in zones if len(item) < 3 or not self._on_home_clock(when, item[0], home)
        ]
        if self.press.names_zones:
            return self._zoned_times(when, zones)
        groups: dict[str, list[str]] = {}
        offsets: dict[str, tuple[dt.timedelta, dt.timedelta]] = {}
        for zone, country, *city in zones:
            local = when.astimezone(ZoneInfo(zone))
            name = self._clock_place(when, zone, country, city[0] if city else "")
            clock = self.press.clock(local)
            names = groups.setdefault(clock, [])
            offsets[clock] = _east(local)
            if name not in names:
                names.append(name)
        return sorted(groups.items(), key=lambda group: offsets[group[0]], reverse=True)

    def _on_home_clock(self, when: dt.datetime, zone: str, line: dict[str, str]) -> bool:
        """Whether ``zone`` reads the line's own time and zone (``line``, its moment): the same
        moment, or the same hour of a zone named alike (Moose Jaw's CST in a Winnipeg release in
        November, which the list gave again as "10 a.m. CT": CP and Quebec desks, reading 16)."""
        if self.moment(when, zone) == line:
            return True
        local = when.astimezone(ZoneInfo(zone))
        home = when.astimezone(ZoneInfo(self.timezone))
        return local.utcoffset() == home.utcoffset() and same_name(zone, self.timezone)

    def _zoned_times(
        self, when: dt.datetime, zones: list[tuple[str, ...]]
    ) -> list[tuple[str, list[str]]]:
        """The other times of a press that names zones (CP, Quebec), each clock said once, east
        to west, with the zones that read it: "8 a.m. MT and CST", « 8 h à Edmonton (heure des
        Rocheuses) et à Saskatoon (heure normale du Centre) »; one zone alone as "9 a.m. CT",
        « 9 h (heure du Centre) à Winnipeg »; a zone named by its cities (``_by_cities``) is
        said apart: "8 a.m. in Regina"."""
        beside = [self.timezone, *(zone for zone, *_ in zones)]
        # (clock, the zone's name, "" where named by its cities) -> its zone, time and cities
        times: dict[tuple[str, str], tuple[str, dt.datetime, list[str]]] = {}
        for zone, _country, *city in zones:
            there = self.moment(when, zone)
            local = when.astimezone(ZoneInfo(zone))
            named = "" if city and self._by_cities(zone, local, beside) else there["zone"]
            if named and (twin := _twin(zone, local, beside)):
                named = self.moment(when, twin)["zone"]  # winter's Regina: Manitoba's "CT"
            *_, names = times.setdefault((there["clock"], named), (zone, local, []))
            if city and city[0] not in names:
                names.append(city[0])
        clocks: dict[tuple[str, bool], list[tuple[str, str, list[str]]]] = {}
        for (clock, named), (zone, _local, cities) in sorted(
            times.items(), key=lambda item: _east(item[1][1]), reverse=True
        ):
            clocks.setdefault((clock, bool(named)), []).append((zone, named, cities))
        year = when.year
        listed = {
            # CP's "8 a.m. MT and CST": the hour's own zone first, then the one that keeps
            # standard time all year and reads that hour in summer.
            key: self._zoned_time(
                key[0], sorted(members, key=lambda m: keeps_standard_time(m[0], year))
            )
            for key, members in clocks.items()
        }
        if self.press.listed_zone_cities:
            return list(listed.values())
        # A zone's hour and the same hour named by its cities are said once: "8 a.m. MT and in
        # Regina", never "8 a.m. in Regina, 8 a.m. MT" (CP desk, readings 15 and 17).
        out = []
        for (clock, named), (text, where) in listed.items():
            if not named and (clock, True) in listed:
                continue
            if named and (clock, False) in listed:
                text, where = f"{text} {self.press.and_word}", listed[clock, False][1]
            out.append((text, where))
        return out

    def _zoned_time(
        self, clock: str, members: list[tuple[str, str, list[str]]]
    ) -> tuple[str, list[str]]:
        """One clock of ``_zoned_times`` from its (zone, name, cities): the zones' names after
        the clock (CP; Quebec with the cities after them), or, where the clock is several
        zones' and the press names cities, each city followed by its zone."""
        names = [named for _, named, _ in members]
        cities = [city for *_, own in members for city in own]
        if not any(names):  # named by its cities: "8 a.m. in Regina"
            return clock, cities
        if len(members) == 1:
            return f"{clock} {names[0]}", cities if self.press.listed_zone_cities else []
        if self.press.listed_zone_cities and all(own for *_, own in members):
            return clock, [f"{city} {named}" for _, named, own in members for city in own]
        return f"{clock} {self.press.series(names)}", []

    def _by_cities(self, zone: str, local: dt.datetime, beside: list[str]) -> bool:
        """Whether the list names a zone by its cities alone, not by its zone: a zone that keeps
        standard time all year, where the press says so (``listed_apart_by_cities``), when the
        list holds a zone CLDR names alike at another hour (Saskatchewan's CST beside
        Manitoba's CDT: "9 a.m. CT, 8 a.m. in Regina", never "8 a.m. CST" an hour from "CT").
        Beside a zone of its hour its standard time names it, as its own release does ("8 a.m.
        MT and CST"); alone at its hour, by its cities too ("8 a.m. in Regina"): a lone "8 a.m.
        CST" read as a slip in September, when the rest of Central time is on CDT (CP desk)."""
        if not self.press.listed_apart_by_cities or not keeps_standard_time(zone, local.year):
            return False
        offset = local.utcoffset()
        shown = [local.astimezone(ZoneInfo(other)).utcoffset() for other in beside if other != zone]
        return offset not in shown or any(
            same_name(zone, other) and local.astimezone(ZoneInfo(other)).utcoffset() != offset
            for other in beside
        )


def _twin(zone: str, local: dt.datetime, beside: list[str]) -> str | None:
    """The zone that names the same time as ``zone``, a zone that keeps standard time all year,
    at the moment of ``local``: Manitoba's for Saskatchewan in winter, when both read Central
    standard time ("9 a.m. CT", never "9 a.m. CT and CST", twice the same time)."""
    if not keeps_standard_time(zone, local.year):
        return None
    offset = local.utcoffset()
    return next(
        (other for other in beside if other != zone and same_name(zone, other)
         and not keeps_standard_time(other, local.year)
         and local.astimezone(ZoneInfo(other)).utcoffset() == offset),
        None,
    )  # fmt: skip


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
