"""Headlines fitted to their measure with the shipped font's advance widths.

- ``balance`` narrows a page's headline so that its lines come out even and the last never holds
  one word. WeasyPrint 70 does not implement ``text-wrap: balance``, so the lines are measured
  here (fontTools, a WeasyPrint dependency): the narrowest width that keeps the headline's number
  of lines is found by bisection, and set as the ``max-width`` of the ``h1``.
- ``lay_out`` (and ``fit``) choose a social card's headline size and lines.

Kerning is left out, which makes words measure slightly wider than printed: the real lines then
fit with room to spare rather than wrap once more.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import cache
from pathlib import Path

from .typeset import KEPT, NBSP, WORD_JOINER


@cache
def _advances(font: Path) -> tuple[dict[str, float], float]:
    """Advance width of each character in em, and the space's, from the font file."""
    from .fonts import open_font

    with open_font(font) as face:
        per_em = face["head"].unitsPerEm
        metrics = face["hmtx"].metrics
        cmap = face.getBestCmap().items()
        widths = {chr(code): metrics[glyph][0] / per_em for code, glyph in cmap}
    return widths, widths.get(" ", 0.25)


def _width(word: str, font: Path) -> float:
    widths, space = _advances(font)
    return sum(widths.get(char, 0.6) for char in word if char != WORD_JOINER)


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
        inner = KEPT.sub(lambda m: m.group(1).replace(" ", NBSP), match.group("inner"))
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


def fit(
    text: str, font: Path, width: float, height: float, sizes: range, leading: float
) -> int | None:
    """The largest font size in ``sizes`` (pixels) at which ``text`` set in ``font`` fills at
    most ``height`` pixels of lines ``width`` pixels wide, every unit (a word, or a name held by
    no-break spaces) within the width (a social card's headline); None when no size does."""
    words = re.split(r"[ \t\r\n]+", text.strip())  # not split(): a no-break space holds
    units = [_width(word, font) for word in words]
    _, space = _advances(font)
    for size in sorted(sizes, reverse=True):
        measure = width / size / _SLACK
        if max(units) > measure:
            continue  # a name wider than the line would break inside itself
        if len(_lines(units, space, measure)) * size * leading <= height:
            return size
    return None


# A card's line may start with none of these where the language ties them to the noun before
# ("informe / del 16 de marzo": the complement cut from its noun); a line that does costs as
# much as an empty line, so the layout takes it only when no other fits.
def _starts_badly(line: list[str], ties_before: frozenset[str]) -> bool:
    return line[0].split(NBSP)[0].casefold() in ties_before


def _alone(unit: str) -> bool:
    """Whether a line holding only ``unit`` holds a word alone: a word, or two common words
    held by a tie ("moves up": a verb and its particle read as one word, AP); not a name held
    whole ("What Works Cities", "São José dos Campos") nor a phrase of three words."""
    held = unit.split(NBSP)
    return len(held) == 1 or (len(held) == 2 and unit[:1].islower())


# A card's headline shrinks to this share of the largest size that fits at the least, to keep a
# word from a line of its own.
SMALLEST_SHRINK = 0.6


def _cut(
    words: list[str],
    units: list[float],
    space: float,
    measure: float,
    most: int,
    ties_before: frozenset[str],
) -> tuple[int, float, list[str]] | None:
    """The best way of cutting the words (of widths ``units``) into at most ``most`` lines
    within ``measure``: (lone words, cost, lines); None when none fits."""
    several = sum(len(word.split(NBSP)) for word in words) > 2

    @cache
    def best(start: int, left: int) -> tuple[int, float, tuple[int, ...]] | None:
        if start == len(words):
            return (0, 0.0, ())
        if left == 0:
            return None
        found = None
        used = -space
        for end in range(start, len(words)):
            used += space + units[end]
            if used > measure:
                break
            rest = best(end + 1, left - 1)
            if rest is None:
                continue
            lone = int(several and end == start and _alone(words[start]))
            if end + 1 == len(words):  # the last line: short is fine, very short is not
                cost = max(0.0, measure * 0.45 - used) ** 2
            else:
                cost = (measure - used) ** 2
            if start and _starts_badly(words[start : end + 1], ties_before):
                cost += measure**2
            cost += measure**2 / 4  # fewer lines, larger lines
            option = (lone + rest[0], cost + rest[1], (end + 1, *rest[2]))
            if found is None or option[:2] < found[:2]:
                found = option
        return found

    result = best(0, most)
    if result is None:
        return None
    lone, cost, ends = result
    starts = (0, *ends[:-1])
    return lone, cost, [" ".join(words[a:b]) for a, b in zip(starts, ends, strict=True)]


def lay_out(
    text: str,
    font: Path,
    width: float,
    height: float,
    sizes: range,
    leading: float,
    ties_before: frozenset[str] = frozenset(),
) -> tuple[int, list[str]] | None:
    """A social card's headline as the largest size in ``sizes`` (pixels) and its lines: each
    line within ``width`` pixels, the lines within ``height``, every unit (a word, or words
    held by no-break spaces) whole. Of the layouts that fit, the one with even lines is taken,
    and never one that leaves a word alone on a line ("São José dos Campos / conquista / …")
    while a smaller size avoids it: the type shrinks first. A line that starts on a word of
    ``ties_before`` is avoided where another layout fits. None when no size fits."""
    words = re.split(r"[ \t\r\n]+", text.strip())
    units = [_width(word, font) for word in words]
    _, space = _advances(font)
    fallback: tuple[int, list[str]] | None = None
    for size in sorted(sizes, reverse=True):
        if fallback and size < fallback[0] * SMALLEST_SHRINK:
            break  # so small a type reads worse than a word alone
        measure = width / size / _SLACK
        if max(units) > measure:
            continue  # a name wider than the line would break inside itself
        most = int(height // (size * leading))
        if most < 1 or len(_lines(units, space, measure)) > most:
            continue
        best = _cut(words, units, space, measure, min(most, len(words)), ties_before)
        if best is None:
            continue
        if fallback is None:
            fallback = (size, best[2])
        if best[0] == 0:
            return size, best[2]
    return fallback
