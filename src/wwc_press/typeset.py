"""Line breaking a press editor accepts: no word hyphenated, names never split.

A pass over a rendered page, after Jinja and before WeasyPrint or the browser (the headline is
then balanced by ``headlines.balance``):

- ``protect`` finds proper names: names known from the announcement and the settings wherever
  they stand, the file's own texts included; any other capitalized word, e-mail address or web
  address as well, since in running text a capital marks a name ("América Latina") far more
  often than not. On screen it marks them ``<span class="name">`` (the e-mail reads them).
  Short names and brands are held together with no-break spaces: "New York", "Buenos Aires"
  and "What Works Cities" stay on one line, and so do the names ``render`` keeps whole (every
  city of the round); longer names may break between their words, as typesetters allow; a
  name's compound never breaks at its hyphen. In print, a paragraph's last two words are tied
  (``line_ends``). No text is hyphenated (release.css: ragged copy needs no word breaks), and
  print text carries no soft hyphens, not even one pasted into the file's texts.
- ``tie_headline`` holds a plain headline's words where no line may end (a social card's).
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

from .line_ends import (
    NBSP,
    WORD_JOINER,
    ZERO_WIDTH_SPACE,
    display_ties,
    tie_last_words,
    trim_end,
)
from .places import in_capitals

# Text inside these is never typeset: the head, styles, the chart's SVG labels. Tables are
# typeset apart: their names are only held together.
_BLOCKS = re.compile(
    r"(<head\b.*?</head>|<svg\b.*?</svg>|<style\b.*?</style>|<table\b.*?</table>|<[^>]*>)", re.S
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)[^\s<]+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|gov|edu)\b(?:/[^\s<]*)?"
# Words joined by single spaces: capitalized runs inside it are names ("América Latina").
_WORDS = r"(?<![\w&#])[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*)*"
# Text inside these is a heading: every name in it held together, by
# ``white-space: nowrap`` (class "keep") rather than no-break spaces, which PDF bookmarks carry.
# So is the embargo line, which a desk reads at a glance: "(heure nor-male du Centre)" was not.
_HEADINGS = re.compile(r'<h[12]\b|<p class="subheadline"|<p class="timing"')
# A name shorter than this is not marked on screen: one word that short is no name worth the
# span ("Lima" is held by the no-break spaces around it, if at all).
SHORTEST_MARKED = 6
# Print sets its text with ``overflow-wrap: normal`` (release.css says why), so a word too
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


# Where a paragraph ends: its last two words are tied in print (``line_ends``).
_BLOCK_ENDS = ("</p>", "</li>", "</dd>", "</footer>")


# An initial or an abbreviation that opens a name holds to the word after it: "Michael R.
# Bloomberg", "St. John's", "Mt. Pleasant" (CP and AP: a name is not split after its initial).
# Not "U.S. The": a letter after a period is part of an abbreviation that may end a sentence.
_ABBREVIATION = re.compile(r"(?<![\w.’'])((?:[A-Z]|St|Ste|Mt|Ft|Pt|Dr)\.) (?=[A-Z])")
# A hyphen inside a word of a name, between letters.
_NAME_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _whole_compounds(text: str) -> str:
    """A name's compounds ("Trois-Rivières", "Côté-Saint-Amour") never broken at their hyphen in
    print, unless a compound is longer than a line may hold."""

    def join(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) > LONGEST_UNBROKEN:
            return word
        return _NAME_HYPHEN.sub("-" + WORD_JOINER, word)

    return re.sub(r"[^\s\u00a0]+-[^\s\u00a0]+", join, text)


def _kept_compounds(text: str) -> str:
    """The same on screen: each compound of a name in a ``nowrap`` span (class "keep")."""

    def keep(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) > LONGEST_UNBROKEN or not _NAME_HYPHEN.search(word):
            return word
        return f'<span class="keep">{word}</span>'

    return re.sub(r"[^\s\u00a0<>]+-[^\s\u00a0<>]+", keep, text)


def _join(text: str) -> str:
    """A name's words held together by no-break spaces, so that no line break splits it."""
    return text.replace(" ", NBSP)


def _proper_pairs(text: str) -> str:
    """A long name's capitalized words held in pairs, its common words free ("Municipalité
    régionale de Wood Buffalo", "Cape Breton Regional Municipality"): it may break between
    its parts, never inside "Wood Buffalo" (a Quebec desk's major, reading 27)."""
    words = text.split(" ")
    held: list[str] = []
    paired = False  # whether the word before opened a pair
    for word in words:
        if paired and word[:1].isupper():
            held[-1] += NBSP + word
            paired = False
        else:
            held.append(word)
            paired = word[:1].isupper()
    return " ".join(held)


def _keeps(text: str, brands: set[str]) -> bool:
    """Names kept on one line: brands and the names kept whole with them (a round's cities) up
    to ``LONGEST_UNBROKEN`` characters, and names of two words at most; initials do not count
    ("Bogotá D. C."). Longer names may break between their words, as typesetters allow: a
    188-character city held whole ran out of its table's column."""
    if text in brands and len(text) <= LONGEST_UNBROKEN:
        return True
    return len([w for w in text.split() if len(w) > 2]) <= 2


_TIE = "\ue000"  # a space a heading's line must not break at, while the page is typeset
_NAME_SPACE = "\ue001"  # a space inside a name held together in a heading
# A run of a heading's words that must stay on one line (``headlines.balance`` reads them whole).
KEPT = re.compile(r'<span class="name keep">(.*?)</span>', re.S)


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


def _spaced(name: str) -> str:
    """A name as a pattern: its spaces may have become no-break ones ("St.\u00a0John’s")."""
    return r"[ \u00a0]".join(re.escape(part) for part in name.split(" "))


# A scale or unit word held to its figure by the language's typography ("4.2\u00a0million",
# "61\u00a0per\u00a0cent"): marked as a name on screen, a unit with its figure.
_UNIT = r"(?<=\d[\u00a0\u202f])[^\W\d_][\w’'\-]*(?:\u00a0[^\W\d_][\w’'\-]*)*"


def _common(run: str, word: str) -> bool:
    """Whether ``word``, capitalized at the start of a sentence, reads as a common word: one
    capital, the rest lower case, and no capitalized word after it in ``run`` ("Embargoed
    until", not "MedData" nor "Bloomberg Philanthropies")."""
    rest = run.split(" ")[1:2]
    return word[1:] == word[1:].lower() and not (rest and rest[0][:1].isupper())


# A tag after which the text opens a sentence: a block's start, or a line's.
_OPENERS = re.compile(
    r"<(?:p|li|h[1-6]|td|th|dd|dt|blockquote|footer|time|div|section|header|figcaption|br)\b"
)
# Display lines: the embargo line (a release's, the report's cover and running header) and the
# cover's headline. Set large and short, they break where a reader reads a unit whole.
_DISPLAY = re.compile(
    r'<(?:p class="timing"|span class="running-embargo"|p class="cover-headline")'
)


class _Typesetter:
    """One page's pass: which names it knows, and whether it typesets for print.

    For the screen, names are wrapped in ``<span class="name">``. For print, the page carries
    no such spans: every inline box costs WeasyPrint 70 layout time (a release took a quarter
    longer), and it cannot break a line between a text and a following box, so it broke lines
    far too early. Neither hyphenates a word (release.css).
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
        known |= {in_capitals(name) for name in known}  # datelines print the city in capitals
        self.brands |= {brand.upper() for brand in self.brands}
        # The page's text has the typographic apostrophe the language's typography set ("St.
        # John’s"), the names the file's keyboard one.
        known |= {name.replace("'", "’") for name in known}
        self.brands |= {brand.replace("'", "’") for brand in self.brands}
        alternatives = "|".join(_spaced(n) for n in sorted(known, key=len, reverse=True))
        self.names = re.compile(f"(?<!\\w)(?P<name>{alternatives})(?!\\w)" if known else "(?!)")
        self.everything = re.compile(
            (f"{self.names.pattern}|" if known else "")
            + f"(?P<address>{_EMAIL}|{_URL})|(?P<unit>{_UNIT})|(?P<words>{_WORDS})"
        )
        self.print_language = language  # None: for the screen
        self.heading = False
        self.ties, self.phrases = ties, phrases

    def name(self, text: str) -> str:
        """A proper name: never broken at its own hyphen; held together if short, a brand, or in
        a heading."""
        keeps = _keeps(text.replace(NBSP, " "), self.brands)
        if self.print_language:
            text = _whole_compounds(text)
        if self.heading and re.search("[ \u00a0]", text):
            return f'<span class="name keep">{text.replace(NBSP, " ")}</span>'
        text = _join(text) if self.heading or keeps else _proper_pairs(text)
        if self.print_language:
            return text
        text = _kept_compounds(text)
        if len(text) < SHORTEST_MARKED:
            return text
        return f'<span class="name">{text}</span>'

    def words(self, run: str, sentence_start: bool = False) -> str:
        """Words joined by spaces: runs of capitalized ones are names ("América Latina", two
        words held together). A capital that only opens a sentence ("Embargoed until…") marks
        no name."""
        out: list[str] = []
        names: list[str] = []

        def close() -> None:
            if names:
                text = " ".join(names)
                out.append(self.name(text))
                names.clear()

        for index, word in enumerate(run.split(" ")):
            if word[:1].isupper() and not (index == 0 and sentence_start and _common(run, word)):
                names.append(word)
                continue
            close()
            out.append(word)
        close()
        return " ".join(out)

    def text(self, text: str, block_start: bool = False) -> str:
        text = _ABBREVIATION.sub("\\1" + NBSP, text)
        first = False

        def wrap(match: re.Match[str]) -> str:
            found = match.group(0)
            if match.lastgroup == "name":
                return self.name(found)
            if match.lastgroup == "address":
                return found if self.print_language else f'<span class="name">{found}</span>'
            if match.lastgroup == "unit":  # "million" after "$4.2": one unit with its figure
                short = all(len(w) < SHORTEST_MARKED for w in found.split(NBSP))
                plain = self.print_language or short
                return found if plain else f'<span class="name">{found}</span>'
            before = match.string[: match.start()].rstrip(" \t\r\n")
            opens = (first and not before) or before.endswith((".", "!", "?", "¿", "¡"))
            return self.words(found, opens)

        # Known names first, wherever they stand: a run of words must not take the start of
        # one ("in St" of "in St. John’s").
        pieces = self.names.split(text)  # odd pieces are the names (one capturing group)
        out = []
        for index, piece in enumerate(pieces):
            first = block_start and index == 0  # the piece opens the block's text
            out.append(self.name(piece) if index % 2 else self.everything.sub(wrap, piece))
        typeset = "".join(out)
        if self.print_language and not self.heading:  # headings wrap by CSS
            typeset = _breakable(typeset)
        return typeset

    def table(self, block: str) -> str:
        def hold(match: re.Match[str]) -> str:
            found = match.group(0)
            keeps = _keeps(found, self.brands)
            found = _whole_compounds(found) if self.print_language else _kept_compounds(found)
            return _join(found) if keeps else found

        cells = re.split(r"(<[^>]*>)", block)
        cells[::2] = [self.names.sub(hold, cell) for cell in cells[::2]]
        return "".join(cells)

    def heading_text(self, text: str, block_start: bool = False) -> str:
        """A heading's text: names held as ``text`` holds them, and no line ending on a word
        of the language's ties or inside a fixed phrase. Each run of words that must stay on
        one line is one ``<span class="name keep">`` (never nested: ``balance`` reads them)."""
        typeset = self.text(_tied(text, self.ties, self.phrases), block_start)
        typeset = KEPT.sub(lambda m: m.group(1).replace(" ", _NAME_SPACE), typeset)
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
        body = page[start:]
        if self.print_language:  # nor one pasted into the file's texts: no word is hyphenated
            body = re.sub("\u00ad|&shy;|&#173;|&#xad;", "", body, flags=re.I)
        parts = _BLOCKS.split(body)
        display = False
        for index, part in enumerate(parts):
            if index % 2 == 0:  # text between tags
                if display:  # no line ends on a small word there either, as in a headline
                    part = display_ties(_tied(part, self.ties, self.phrases).replace(_TIE, NBSP))
                opens = index > 0 and bool(_OPENERS.match(parts[index - 1]))
                parts[index] = (
                    self.heading_text(part, opens) if self.heading else self.text(part, opens)
                )
                if index + 1 < len(parts) and parts[index + 1].startswith(_BLOCK_ENDS):
                    if self.print_language:
                        trim_end(parts, index)
                    if self.print_language and not (self.heading or display):
                        tie_last_words(parts, index)
            elif part.startswith("<table"):
                parts[index] = self.table(part)
            elif _HEADINGS.match(part) or _DISPLAY.match(part):
                # The embargo line is both: its names held as a heading's, set as a display line.
                self.heading = self.heading or bool(_HEADINGS.match(part))
                display = display or bool(_DISPLAY.match(part))
            elif part.startswith(("</h1", "</h2", "</p", "</caption", "</dt")):
                self.heading = display = False
            elif display and part.startswith("</span"):
                display = False
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
