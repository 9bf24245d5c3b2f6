"""Mexican Spanish: the Spanish of a release whose readers are Mexican (a Mexican city's own
release, or one datelined in Mexico), the national Spanish of ``es.national`` (CLDR es_MX's
figures: "4.2 millones", "212,000", "1,234", "57%", in the file's texts too; “ ” quotes;
Mexico's ten-digit numbers as libphonenumber groups them, "81 8400 4400"; Word's "es-MX"),
and Mexico's places: a Mexican city with its state after a comma, never alone nor in
parentheses ("LEÓN, Guanajuato, 17 de noviembre de 2032.—"), and any place set off by commas.
The program's Spanish release stays the Latin American profile's (``es.py``), and so do the
texts and the catalog. Dates, clock times ("9:00"), words for counts and the naming of time
zones stay those of the Latin American profile.
"""

from __future__ import annotations

from . import en, es

PROFILE = es.national(
    "MX",
    # Mexican papers place a Mexican city by its state, set off by commas, in datelines as in
    # text ("LEÓN, Guanajuato", "Monterrey, Nuevo León, y…"; the Mexican desk's reading): a bare
    # "LEÓN" is also León in Nicaragua or Spain, and parentheses read as Spain's or EFE's style.
    regions={**es.PROFILE.regions, "MX": "name"},
    place_pattern="%(place)s, %(qualifier)s",
    inline=en.PROFILE.inline,  # a comma after the state too, as AP's: "León, Guanajuato, pasó"
)
