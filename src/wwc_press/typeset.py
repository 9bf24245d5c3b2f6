"""Line breaking a press editor accepts: names never hyphenated or split, headlines balanced.

Two passes over a rendered page, after Jinja and before WeasyPrint or the browser:

- ``protect`` wraps proper names in ``<span class="name">`` (CSS: ``hyphens: manual``), so that
  "Fortaleza" never prints as "For-/taleza". Names known from the announcement and the settings
  are found wherever they stand, the file's own texts included; any other capitalized word,
  e-mail address or web address is protected as well, since in running text a capital marks a
  name ("América Latina") far more often than not. Short names and brands are also held
  together with no-break spaces: "New York", "Buenos Aires" and "What Works Cities" stay on one
  line; longer names may break between their words, as typesetters allow.
- ``balance`` narrows a headline so that its lines come out even and the last never holds one
  word. WeasyPrint 70 does not implement ``text-wrap: balance``, so the lines are measured here
  with the shipped font's advance widths (fontTools, a WeasyPrint dependency): the narrowest
  width that keeps the headline's number of lines is found by bisection, and set as the
  ``max-width`` of the ``h1``. Kerning is left out, which makes words measure slightly wider
  than printed: the real lines then fit with room to spare rather than wrap once more.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

# Text inside these is never typeset: the head, styles, the chart's SVG labels. Tables are
# typeset apart: they never hyphenate (report.css), so only names to keep whole are marked there.
_BLOCKS = re.compile(
    r"(<head\b.*?</head>|<svg\b.*?</svg>|<style\b.*?</style>|<table\b.*?</table>|<[^>]*>)", re.S
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)[^\s<]+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|gov|edu)\b(?:/[^\s<]*)?"
# Words joined by single spaces: capitalized runs inside it are names ("América Latina").
_WORDS = r"(?<![\w&#])[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*)*"
# Words shorter than this are never hyphenated (``hyphenate-limit-chars`` in release.css), so
# they need no protection: every span costs WeasyPrint layout time.
SHORTEST_HYPHENATED = 6


NBSP = "\u00a0"


def _join(text: str) -> str:
    """A name's words held together by no-break spaces, so that no line break splits it."""
    return text.replace(" ", NBSP)


def _keeps(text: str, brands: set[str]) -> bool:
    """Names kept on one line: brands, and names of two words at most; initials do not count
    ("Bogotá D. C."). Longer names may break between their words, as typesetters allow."""
    return text in brands or len([w for w in text.split() if len(w) > 2]) <= 2


def _capitalized_runs(words: str, heading: bool) -> str:
    """``words`` with each run of capitalized words long enough to hyphenate wrapped; a run of
    two words ("América Latina"), or any run in a heading, is also held together."""
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        if run:
            text = " ".join(run)
            if heading and len(run) > 1:
                out.append(f'<span class="name keep">{text}</span>')
            else:
                text = _join(text) if len(run) == 2 else text
                short = len(text) < SHORTEST_HYPHENATED
                out.append(text if short else f'<span class="name">{text}</span>')
            run.clear()

    for word in words.split(" "):
        if word[:1].isupper():
            run.append(word)
        else:
            close()
            out.append(word)
    close()
    return " ".join(out)


# Text inside these is a heading: every name in it is held together, by ``white-space:
# nowrap`` (class "keep") rather than no-break spaces, which PDF bookmarks would carry. Headings
# are never hyphenated, and so never meet WeasyPrint's early break (see ``protect``).
_HEADINGS = re.compile(r'<h[12]\b|<p class="subheadline"')


def protect(page: str, names: Iterable[str], brands: Iterable[str] = ()) -> str:
    """``page`` with every proper name, address and capitalized word of its text protected.

    ``names`` and ``brands`` are plain text; ``brands`` are kept on one line whatever their
    length, other names only up to two words (and every name in a headline).

    Names are held together by no-break spaces rather than ``white-space: nowrap``, and the
    space before a span moves inside it: WeasyPrint 70 cannot break a line between a text and a
    following inline box, and then breaks the line far too early, at the first hyphenation
    point of the paragraph ("Chicago is recog-" alone on a line).
    """
    brands = {htmllib.escape(b, quote=False) for b in brands if b}
    known = {htmllib.escape(n, quote=False) for n in names if n} | brands
    known |= {name.upper() for name in known}  # datelines print the city in capitals
    brands |= {brand.upper() for brand in brands}
    alternatives = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
    names_only = re.compile(f"(?<!\\w)(?P<name>{alternatives})(?!\\w)" if known else "(?!)")
    everything = re.compile(
        (f"{names_only.pattern}|" if known else "")
        + f"(?P<address>{_EMAIL}|{_URL})|(?P<words>{_WORDS})"
    )
    heading = False

    def name(text: str) -> str:
        if " " not in text:
            return _capitalized_runs(text, heading)  # one word: as any capitalized word
        if heading:
            return f'<span class="name keep">{text}</span>'
        if _keeps(text, brands):
            text = _join(text)
        return f'<span class="name">{text}</span>'

    def wrap(match: re.Match[str]) -> str:
        text = match.group(0)
        if match.lastgroup == "name":
            return name(text)
        if match.lastgroup == "words":  # a run may hold known names after its first word
            pieces = names_only.split(text)  # odd pieces are the names (one capturing group)
            return "".join(
                name(piece) if index % 2 else _capitalized_runs(piece, heading)
                for index, piece in enumerate(pieces)
            )
        return f'<span class="name">{text}</span>'

    def join_kept(match: re.Match[str]) -> str:
        text = match.group(0)
        return _join(text) if _keeps(text, brands) else text

    start = page.find("<body")
    if start < 0:
        return page
    parts = _BLOCKS.split(page[start:])
    for index, part in enumerate(parts):
        if index % 2 == 0:  # text between tags
            parts[index] = everything.sub(wrap, part).replace(' <span class="name">', _SPACED)
        elif part.startswith("<table"):  # never hyphenated: names only held together
            cells = re.split(r"(<[^>]*>)", part)
            cells[::2] = [names_only.sub(join_kept, cell) for cell in cells[::2]]
            parts[index] = "".join(cells)
        elif _HEADINGS.match(part):
            heading = True
        elif part.startswith(("</h1", "</h2", "</p")):
            heading = False
    return page[:start] + "".join(parts)


_SPACED = '<span class="name"> '


@cache
def _advances(font: Path) -> tuple[dict[str, float], float]:
    """Advance width of each character in em, and the space's, from the font file."""
    from fontTools.ttLib import TTFont

    with TTFont(font, lazy=True) as face:
        per_em = face["head"].unitsPerEm
        metrics = face["hmtx"].metrics
        cmap = face.getBestCmap().items()
        widths = {chr(code): metrics[glyph][0] / per_em for code, glyph in cmap}
    return widths, widths.get(" ", 0.25)


def _width(word: str, font: Path) -> float:
    widths, space = _advances(font)
    return sum(widths.get(char, 0.6) for char in word)


def _lines(units: list[float], space: float, measure: float) -> list[int]:
    """Greedy line filling, as browsers and WeasyPrint do: units per line at ``measure``."""
    lines: list[int] = []
    used = None
    for width in units:
        if used is not None and used + space + width <= measure:
            used += space + width
            lines[-1] += 1
        else:
            lines.append(1)
            used = width
    return lines


def _narrowest(units: list[float], space: float, count: int, measure: float) -> float:
    """The narrowest width, up to ``measure``, at which the units fill at most ``count`` lines."""
    low, high = max(units), measure
    for _ in range(24):  # bisection well below a hundredth of an em
        middle = (low + high) / 2
        if len(_lines(units, space, middle)) > count:
            low = middle
        else:
            high = middle
    return high


_KEPT = re.compile(r'<span class="name keep">(.*?)</span>', re.S)
_HEADLINE = re.compile(r'<h1 style="max-width: (?P<measure>[\d.]+)em">(?P<inner>.*?)</h1>', re.S)
# Widths are measured without kerning; this margin keeps a measured line from wrapping in print.
_SLACK = 1.02


def balance(page: str, font: Path) -> str:
    """Narrow each ``<h1 style="max-width: …em">`` to the width that balances its lines.

    The headline's names are kept whole (a name's spaces do not break there); the measure in the
    template is the widest the headline may be. A one-line headline is left as it is.
    """

    def narrowed(match: re.Match[str]) -> str:
        measure = float(match.group("measure"))
        # A name is one unit: its spaces (kept by CSS) do not break.
        inner = _KEPT.sub(lambda m: _join(m.group(1)), match.group("inner"))
        text = htmllib.unescape(re.sub(r"<[^>]+>", "", inner))
        words = re.split(r"[ \t\r\n]+", text.strip())
        units = [_width(word, font) for word in words]
        _, space = _advances(font)
        count = len(_lines(units, space, measure))
        if count < 2:
            return match.group(0)
        best = _narrowest(units, space, count, measure)
        # Even lines can still leave one word last when words are long: one line more is better.
        last = _lines(units, space, best)[-1]
        if last == 1 and NBSP not in words[-1] and len(units) > count + 1:
            best = _narrowest(units, space, count + 1, best)
        width = min(measure, best * _SLACK)
        tag = f'<h1 style="max-width: {width:.2f}em">'
        return tag + match.group("inner") + "</h1>"

    return _HEADLINE.sub(narrowed, page)
