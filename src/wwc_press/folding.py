"""Names compared and sorted as a reader tells them apart: case, accents and spacing aside.

Places match a city's spellings with it, zones match a city with GeoNames' names, the outputs
sort countries with it; none of them owns it.
"""

from __future__ import annotations

import unicodedata

from .errors import without_invisible


def fold(text: str) -> str:
    """Case, accents and spacing folded, for comparing names: "Bogotá" and "BOGOTA",
    "Montréal" and "Montreal"."""
    if not text.isascii():  # most names are: skip the costly decomposition
        decomposed = unicodedata.normalize("NFKD", without_invisible(text))
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def collation_key(text: str) -> tuple[str, str]:
    """Sort key close to CLDR's root collation for Latin text: accents and case count only to
    break ties ("Área" sorts with "Arena", not after "Zona")."""
    return fold(text), text
