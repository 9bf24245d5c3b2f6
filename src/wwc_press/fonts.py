"""Which characters the fonts shipped with the templates can print.

WeasyPrint prints a blank box (.notdef) for a character no font has, and only logs a warning. A
release with boxes in a city's name cannot be sent, so such text is refused when the file is
validated, with its line and column, long before rendering.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def printable(fonts: Path) -> frozenset[int]:
    """Code points that every shipped font maps to a glyph (regular, bold and italics alike)."""
    from fontTools.ttLib import TTFont  # a dependency of WeasyPrint

    covered: frozenset[int] | None = None
    for path in sorted(fonts.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            cmap = frozenset(font.getBestCmap())
        covered = cmap if covered is None else covered & cmap
    if covered is None:
        raise FileNotFoundError(f"no .ttf font in {fonts}: the templates must ship their font")
    return covered | {0x0A, 0x0D, 0x09}  # line breaks and tabs are layout, not glyphs


def font_family_name(fonts: Path) -> str:
    """The family of the shipped fonts, for messages ("Lato")."""
    first = sorted(fonts.glob("*.ttf"))[0]
    return first.stem.split("-")[0]
