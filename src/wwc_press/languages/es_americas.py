"""The Spanish of the other Spanish-speaking countries of the Americas, one variant per country
for the releases its readers get (a city's own release there, or one datelined there): an
Argentine, a Colombian or a Chilean desk prints "30.000 hogares", "el 51%" and “ ” quotes
(Clarín, El Tiempo, El Mercurio), where RAE's general rule and EFE write "30 000", "51 %" and
« » (readings of the Spanish desk: the Colombian and Argentine releases). Each is
``es.national``: its country's CLDR figures, telephone numbers and Word language. Mexico,
whose press also places its cities otherwise, is ``es_mx.py``. The program's Spanish release,
datelined in New York and read by every Latin American desk, stays the general profile's.
"""

from __future__ import annotations

from . import es

PROFILES = tuple(
    es.national(country)
    for country in "AR BO CL CO CR CU DO EC GT HN NI PA PE PR PY SV UY VE".split()
)
