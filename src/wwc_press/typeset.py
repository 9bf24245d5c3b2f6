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
# typeset apart: they never hyphenate (report.css), so their names are only held together.
_BLOCKS = re.compile(
    r"(<head\b.*?</head>|<svg\b.*?</svg>|<style\b.*?</style>|<table\b.*?</table>|<[^>]*>)", re.S
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)[^\s<]+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|gov|edu)\b(?:/[^\s<]*)?"
# Words joined by single spaces: capitalized runs inside it are names ("América Latina").
_WORDS = r"(?<![\w&#])[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*)*"
# Text inside these is a heading: never hyphenated, every name in it held together, by
# ``white-space: nowrap`` (class "keep") rather than no-break spaces, which PDF bookmarks carry.
# So is the embargo line, which a desk reads at a glance: "(heure nor-male du Centre)" was not.
_HEADINGS = re.compile(r'<h[12]\b|<p class="subheadline"|<p class="timing"')
# Words shorter than this are never hyphenated (``hyphenate-limit-chars`` in release.css, and
# the soft hyphens of print), so they need no protection.
SHORTEST_HYPHENATED = 6
NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"  # a line may break here; WeasyPrint prints nothing, copies nothing
# Print sets hyphenated text with ``overflow-wrap: normal`` (release.css says why), so a word too
# long for its line would run off the page. A run longer than this, with no space, hyphen or soft
# hyphen in it, may be wider than the narrowest column of body text (a quote's, 41 em at 11 pt,
# holds 39 of Lato's widest letters, W at 1.04 em): it is given a break opportunity after every
# character, as ``overflow-wrap: anywhere`` would. Addresses and names are shorter; a pasted
# hash is not.
LONGEST_UNBROKEN = 36
_UNBROKEN = re.compile(rf"[^ \t\r\n\u00ad\u200b\-\u2010]{{{LONGEST_UNBROKEN + 1},}}")
_CHARACTER = re.compile(r"&#?\w+;|.", re.S)  # an HTML entity is one character


def _breakable(text: str) -> str:
    """``text`` with every run longer than ``LONGEST_UNBROKEN`` allowed to break: a long name
    held together by no-break spaces at its spaces, an address after its slashes and "@" and
    before its dots; then, if a piece is still too long, anywhere."""

    def loosen(match: re.Match[str]) -> str:
        run = _ADDRESS_BREAKS.sub(ZERO_WIDTH_SPACE, match.group(0).replace(NBSP, " "))
        return _UNBROKEN.sub(lambda m: ZERO_WIDTH_SPACE.join(_CHARACTER.findall(m.group(0))), run)

    return _UNBROKEN.sub(loosen, text)


_ADDRESS_BREAKS = re.compile(r"(?<=[/@])(?=\w)|(?<=\w)(?=\.\w)")


# Where a paragraph ends: its last word is never hyphenated, so that no paragraph ends on a line
# holding only the tail of a word ("coun- / try.").
_BLOCK_ENDS = ("</p>", "</li>", "</dd>", "</footer>")


def _whole_last_word(text: str) -> str:
    return re.sub(r"(\S+)(\s*)$", lambda m: m[1].replace(SOFT_HYPHEN, "") + m[2], text)


def _join(text: str) -> str:
    """A name's words held together by no-break spaces, so that no line break splits it."""
    return text.replace(" ", NBSP)


def _keeps(text: str, brands: set[str]) -> bool:
    """Names kept on one line: brands, and names of two words at most; initials do not count
    ("Bogotá D. C."). Longer names may break between their words, as typesetters allow."""
    return text in brands or len([w for w in text.split() if len(w) > 2]) <= 2


@cache
def _dictionary(language: str):
    """pyphen's patterns for a BCP 47 tag, the ones WeasyPrint would pick for ``lang``."""
    import pyphen

    found = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=found, left=3, right=3) if found else None


@cache
def _soft_hyphens(word: str, language: str) -> str:
    """``word`` with soft hyphens where its language may break it.

    A compound's parts are hyphenated each on its own, and never beside its own hyphen: a line
    may already break after "data-", and a soft hyphen there printed "data-‐" (pyphen puts
    one after every hard hyphen)."""
    parts = _COMPOUND.split(word)
    if len(parts) > 1:  # the hyphens are kept, at odd places
        return "".join(p if i % 2 else _soft_hyphens(p, language) for i, p in enumerate(parts))
    dictionary = _dictionary(language)
    if dictionary is None or len(word) < SHORTEST_HYPHENATED:
        return word
    return dictionary.inserted(word, hyphen=SOFT_HYPHEN)


_COMPOUND = re.compile("([-\u2010])")  # a compound's own hyphen, ASCII or Unicode


_TIE = "\ue000"  # a space a heading's line must not break at, while the page is typeset
_NAME_SPACE = "\ue001"  # a space inside a name held together in a heading


def _tied(text: str, ties: frozenset[str], phrases: tuple[str, ...]) -> str:
    """``text`` with ``_TIE`` for each space a headline line must not break at: after a word of
    ``ties`` (an article, a preposition, a conjunction: a line never ends on one), and inside a
    fixed phrase ("por primera vez")."""
    for phrase in phrases:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
        text = re.sub(pattern, lambda m: re.sub(r"\s+", _TIE, m.group(0)), text, flags=re.I)
    if not ties:
        return text
    return re.sub(
        r"(?<![\w’'-])([^\W\d_]+) (?=\S)",
        lambda m: m.group(1) + (_TIE if m.group(1).casefold() in ties else " "),
        text,
    )


def tie_headline(text: str, language: str) -> str:
    """A plain headline (a social card's) with no-break spaces where no line may end."""
    from .languages import PROFILES

    rules = PROFILES.get(language)
    if rules is None:
        return text
    return _tied(text, rules.headline_ties, rules.fixed_phrases).replace(_TIE, NBSP)


class _Typesetter:
    """One page's pass: which names it knows, and whether it typesets for print.

    For the screen, names are wrapped in ``<span class="name">`` (CSS: ``hyphens: manual``) and
    the browser hyphenates the rest (``hyphens: auto``). For print, the page carries no such
    spans: every inline box costs WeasyPrint 70 layout time (a release took a quarter longer),
    and it cannot break a line between a text and a following box, so it broke lines far too
    early ("Chicago is recog-" alone on a line). Print hyphenates by hand instead: ordinary
    words get soft hyphens from the same pyphen patterns WeasyPrint uses, names get none, and
    the page is set with ``hyphens: manual``.
    """

    def __init__(
        self,
        names: Iterable[str],
        brands: Iterable[str],
        language: str | None,
        ties: frozenset[str] = frozenset(),
        phrases: tuple[str, ...] = (),
    ):
        self.brands = {htmllib.escape(b, quote=False) for b in brands if b}
        known = {htmllib.escape(n, quote=False) for n in names if n} | self.brands
        known |= {name.upper() for name in known}  # datelines print the city in capitals
        self.brands |= {brand.upper() for brand in self.brands}
        alternatives = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
        self.names = re.compile(f"(?<!\\w)(?P<name>{alternatives})(?!\\w)" if known else "(?!)")
        self.everything = re.compile(
            (f"{self.names.pattern}|" if known else "")
            + f"(?P<address>{_EMAIL}|{_URL})|(?P<words>{_WORDS})"
        )
        self.print_language = language  # None: for the screen
        self.heading = False
        self.ties, self.phrases = ties, phrases

    def name(self, text: str) -> str:
        """A proper name: never hyphenated; held together if short, a brand, or in a heading."""
        if self.heading and " " in text:
            return f'<span class="name keep">{text}</span>'
        if self.heading or _keeps(text, self.brands):
            text = _join(text)
        if self.print_language or len(text) < SHORTEST_HYPHENATED:
            return text
        return f'<span class="name">{text}</span>'

    def words(self, run: str) -> str:
        """Words joined by spaces: runs of capitalized ones are names ("América Latina", two
        words held together), the others may be hyphenated."""
        out: list[str] = []
        names: list[str] = []

        def close() -> None:
            if names:
                text = " ".join(names)
                out.append(self.name(text))
                names.clear()

        for word in run.split(" "):
            if word[:1].isupper():
                names.append(word)
                continue
            close()
            hyphenate = self.print_language and not self.heading
            out.append(_soft_hyphens(word, self.print_language) if hyphenate else word)
        close()
        return " ".join(out)

    def text(self, text: str) -> str:
        def wrap(match: re.Match[str]) -> str:
            found = match.group(0)
            if match.lastgroup == "name":
                return self.name(found)
            if match.lastgroup == "address":
                return found if self.print_language else f'<span class="name">{found}</span>'
            # A run of words may hold known names after its first word.
            pieces = self.names.split(found)  # odd pieces are the names (one capturing group)
            return "".join(
                self.name(piece) if index % 2 else self.words(piece)
                for index, piece in enumerate(pieces)
            )

        typeset = self.everything.sub(wrap, text)
        if self.print_language and not self.heading:  # headings wrap by CSS: no soft hyphens
            typeset = _breakable(typeset)
        # The space before a span goes inside it: WeasyPrint breaks no line between a text and
        # a following inline box (the HTML is laid out by browsers, but review thumbnails and
        # tests print it too).
        return typeset.replace(' <span class="name">', '<span class="name"> ')

    def table(self, block: str) -> str:
        def hold(match: re.Match[str]) -> str:
            found = match.group(0)
            return _join(found) if _keeps(found, self.brands) else found

        cells = re.split(r"(<[^>]*>)", block)
        cells[::2] = [self.names.sub(hold, cell) for cell in cells[::2]]
        return "".join(cells)

    def heading_text(self, text: str) -> str:
        """A heading's text: names held as ``text`` holds them, and no line ending on a word
        of the language's ties or inside a fixed phrase. Each run of words that must stay on
        one line is one ``<span class="name keep">`` (never nested: ``balance`` reads them)."""
        typeset = self.text(_tied(text, self.ties, self.phrases))
        typeset = _KEPT.sub(lambda m: m.group(1).replace(" ", _NAME_SPACE), typeset)
        units = []
        for unit in re.split(r" (?![^<>]*>)", typeset):  # not the spaces inside a tag
            if _TIE in unit or _NAME_SPACE in unit:
                words = unit.replace(_TIE, " ").replace(_NAME_SPACE, " ")
                units.append(f'<span class="name keep">{words}</span>')
            else:
                units.append(unit)
        return " ".join(units)

    def page(self, page: str) -> str:
        start = page.find("<body")
        if start < 0:
            return page
        parts = _BLOCKS.split(page[start:])
        for index, part in enumerate(parts):
            if index % 2 == 0:  # text between tags
                parts[index] = self.heading_text(part) if self.heading else self.text(part)
                if index + 1 < len(parts) and parts[index + 1].startswith(_BLOCK_ENDS):
                    parts[index] = _whole_last_word(parts[index])
            elif part.startswith("<table"):
                parts[index] = self.table(part)
            elif _HEADINGS.match(part):
                self.heading = True
            elif part.startswith(("</h1", "</h2", "</p")):
                self.heading = False
        return page[:start] + "".join(parts)


def protect(
    page: str,
    names: Iterable[str],
    brands: Iterable[str] = (),
    *,
    print_language: str | None = None,
    language: str | None = None,
) -> str:
    """``page`` with every proper name, address and capitalized word of its text kept from
    hyphenation, and short names and brands from line breaks.

    ``names`` and ``brands`` are plain text; ``brands`` are kept on one line whatever their
    length. ``print_language`` (a BCP 47 tag) typesets for WeasyPrint: see ``_Typesetter``.
    ``language`` (a profile's tag) keeps its headline ties and fixed phrases from line ends.
    """
    from .languages import PROFILES

    rules = PROFILES.get(language or "")
    ties = rules.headline_ties if rules else frozenset()
    phrases = rules.fixed_phrases if rules else ()
    return _Typesetter(names, brands, print_language, ties, phrases).page(page)


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
