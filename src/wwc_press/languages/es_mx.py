"""Mexican Spanish: the Spanish of a release whose readers are Mexican (a Mexican city's own
release, or one datelined in Mexico). The program's Spanish release stays the Latin American
profile's (``es.py``), and so do the texts and the catalog: the file's "es" is written here as
the Mexican press prints it.

What differs from ``es.py``, each from a source a reader can check:
- Numbers: CLDR's es_MX locale (Babel), as the Mexican press prints figures: a point before
  the decimals and a comma between the thousands ("4.2 millones", "212,000"), where RAE's
  Ortografía 2010 and CLDR's es write "4,2 millones" and "212 000". es_MX groups four digits
  too ("1,234"; its minimum grouping digits is 1, es's 2: "1234"). A share is CLDR es_MX's
  "57%", with no space.
- Country names: CLDR's es_MX names, where they differ from es's.
- Telephone numbers: Mexico's own in national form, its ten digits as libphonenumber groups
  them ("81 8400 4400"; the Instituto Federal de Telecomunicaciones made every number ten
  digits, dialled whole, in 2019), others in international form, as for any press with
  readers in one country.
- Word's language: "es-MX", Spanish (Mexico), one of the Spanish proofing languages Word ships.
Dates, clock times ("9:00"), words for counts, quotation marks and the naming of time zones
stay those of the Latin American profile.
"""

from __future__ import annotations

import dataclasses

from . import es

PROFILE = dataclasses.replace(
    es.PROFILE,
    tag="es-MX",
    babel_locale="es_MX",
    word_language="es-MX",
    group_four_digits=True,  # CLDR es_MX: "1,234"
    group_separator=None,  # CLDR es_MX's comma, not the space RAE gives the other countries
    readers_country="MX",  # Mexican numbers in national form: "81 8400 4400"
    # A release whose readers are Mexican (a Mexican city's own, or one datelined in Mexico) is
    # written by this profile instead of the Latin American one.
    variant_of="es",
)
