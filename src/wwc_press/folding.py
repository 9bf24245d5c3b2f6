"""Names compared and sorted as a reader tells them apart: case, accents and spacing aside.

Places match a city's spellings with it, zones match a city with GeoNames' names, the outputs
sort countries with it; none of them owns it.
"""

from __future__ import annotations

import re
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


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, accents dropped, for a file name
    any system and mail client keeps as it is: "Córdoba" -> "cordoba", "communiqué de presse"
    -> "communique-de-presse"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
