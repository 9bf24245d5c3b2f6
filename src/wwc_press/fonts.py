"""Which characters the fonts shipped with the templates can print.

WeasyPrint prints a blank box (.notdef) for a character no font has, and only logs a warning. A
release with boxes in a city's name cannot be sent, so such text is refused when the file is
validated, with its line and column, long before rendering.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import loader
from .errors import Problem, RenderError


def printable(fonts: Path) -> frozenset[int]:
    """Code points that every shipped font maps to a glyph (regular, bold and italics alike)."""
    files = tuple(
        (path, path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(fonts.glob("*.ttf"))
    )
    return _covered(fonts, files)  # read again when a font file changes (serve runs long)


def open_font(path: Path):
    """The font file through fontTools (a dependency of WeasyPrint), read lazily."""
    import logging

    from fontTools.ttLib import TTFont

    # Lato's 'head' table carries a creation date fontTools calls "very low" on every read: a
    # warning about the font file, not about anything the user did, so it stays off the terminal.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    try:
        font = TTFont(path, lazy=True)
        font["head"], font["cmap"]  # noqa: B018 (read now: a damaged file fails here)
    except Exception as error:  # fontTools raises many kinds for a damaged file
        raise RenderError(
            f"{path}: not a font file that can be read ({type(error).__name__}: {error}); "
            "restore the shipped font (git checkout templates/fonts)"
        ) from None
    return font


@cache
def _covered(fonts: Path, files: tuple[tuple[Path, int, int], ...]) -> frozenset[int]:
    covered: frozenset[int] | None = None
    for path, _, _ in files:
        with open_font(path) as font:
            cmap = frozenset(font.getBestCmap())
        covered = cmap if covered is None else covered & cmap
    if covered is None:
        raise RenderError(f"{fonts}: no .ttf font here; the templates must ship the font they name")
    return covered | {0x0A, 0x0D, 0x09}  # line breaks and tabs are layout, not glyphs


def font_family_name(fonts: Path) -> str:
    """The family of the shipped fonts, for messages ("Lato")."""
    first = sorted(fonts.glob("*.ttf"))[0]
    return first.stem.split("-")[0]


def unprintable(doc: loader.Document, fonts: Path) -> list[Problem]:
    """Texts of the file holding a character the release font cannot print."""
    covered = printable(fonts)
    problems = []
    for loc, text in loader.file_texts(doc.data):
        missing = next((c for c in text if ord(c) not in covered), None)
        if missing is not None:
            message = (
                f"'{missing}' (U+{ord(missing):04X}) cannot be printed: the release font "
                f"{font_family_name(fonts)} has no glyph for it; write the text in Latin, Greek "
                "or Cyrillic script"
            )
            problems.append(doc.problem(loc, message))
    return problems
