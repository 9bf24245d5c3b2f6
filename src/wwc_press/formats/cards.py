"""Social cards (``.png``): each certified city's news as an image, in each language of its
releases, at the two sizes the networks take (1200×630 for links, 1080×1080 for posts), with
an alt text file beside them.

The words are the city release's own (its headline, the program line, the organization, the
date), read from its rendered page; ``templates/card.html`` lays them out, WeasyPrint draws the
card as a one-page PDF with the shipped font and pypdfium2 rasterizes it (no browser). The
headline's size and lines are fitted to the card with the font's own widths
(``headlines.lay_out``): even lines, no word alone on one, the type made smaller first. PNG
files carry no time.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .. import headlines, publish, typeset
from ..languages import PROFILES
from .page import Page
from .wire import plain

SIZES = ((1200, 630), (1080, 1080))
BAND = {"silver": "#c3cad1", "gold": "#e3b649", "platinum": "#a9c1d6", "program": "#7fb8da"}
LEADING = 1.12
INSET = 84 + 72  # the headline's left and right margins, as card.html sets them
META = 0.042  # the last line's type size, a share of the card's height (card.html)


FOLDER = "cards"  # in each language's folder
LABELS = (*(f"PNG {w}×{h}" for w, h in SIZES), "Alt text")  # as the tables of contents list them


def names(slug: str) -> tuple[str, ...]:
    """The files of one city's cards, in its language's ``cards/`` folder."""
    return (*(f"{slug}-{w}x{h}.png" for w, h in SIZES), f"{slug}.alt.txt")


# The program's release and the report have one card each, the link preview (1200×630), named
# for their page; a city's slug always ends with its country code or a hash, never "-release"
# or is "report", so the names cannot meet.
PREVIEWS = ("press-release", "report")


def preview_names(stem: str) -> tuple[str, ...]:
    """The files of the release's or the report's card: ``press-release-1200x630.png`` and
    ``press-release.alt.txt``."""
    width, height = SIZES[0]
    return (f"{stem}-{width}x{height}.png", f"{stem}.alt.txt")


def page_of(name: str) -> str:
    """The page, within its language's folder, that a card file shows: ``press-release.html``,
    ``report.html`` or ``cities/<slug>.html``."""
    slug = slug_of(name)
    return f"{slug}.html" if slug in PREVIEWS else f"cities/{slug}.html"


def files_of(page: Path) -> tuple[Path, ...]:
    """The card files of the output whose HTML page is ``page`` (``<lang>/press-release.html``,
    ``<lang>/report.html`` or ``<lang>/cities/<slug>.html``): the inverse of ``page_of``."""
    city = page.parent.name == "cities"
    folder = (page.parent.parent if city else page.parent) / FOLDER
    return tuple(folder / name for name in (names if city else preview_names)(page.stem))


def label(name: str) -> str:
    """How the tables of contents list a card file: its size, or "Alt text"."""
    if name.endswith(".alt.txt"):
        return LABELS[-1]
    return "PNG " + name.removesuffix(".png").rsplit("-", 1)[-1].replace("x", "×")


def slug_of(name: str) -> str:
    """The city slug a card file is named for: the inverse of ``names``."""
    if name.endswith(".alt.txt"):
        return name.removesuffix(".alt.txt")
    return name.removesuffix(".png").rsplit("-", 1)[0]


def alt_text(page: Page, program: str | None = None) -> str:
    """What the card shows, in reading order, as one line: the program, the headline, the
    organization and the date."""
    lead = next(iter(page.of("lead")), None)
    date = lead.source if lead is not None else ""
    parts = [
        program or page.program,
        page.title,
        f"{page.organization}, {date}" if date else page.organization,
    ]
    return plain(". ".join(part.rstrip(".") for part in parts if part) + ".")


# A city and its qualifier this short or shorter stay on one line of a card ("Saint John, N.B.,"
# never "Saint John, / N.B., earns"); a longer one may break before the qualifier, never inside
# it ("Albuquerque, / New Mexico,", not "Albuquerque, New / Mexico,"): AP and CP give a place
# and its state or province as one unit.
SHORT_PLACE = 20


def place_units(place: str, city: str) -> list[str]:
    """The units of ``place`` (a city as its headline names it, "Saint John, N.B." or "Winston-
    Salem, North Carolina") that a card's line must not break: the place whole if short, else
    each qualifier ("North Carolina", "Nuevo León, México" gives both) and the city."""
    units = [city]
    if len(place) <= SHORT_PLACE:
        units.append(place)
    if place.startswith(city):
        units += [part.strip() for part in re.split(r"[,()]", place[len(city) :]) if part.strip()]
    return units


def headline_lines(
    page: Page, keep: list[str], font: Path, width: int, height: int
) -> tuple[int, list[str]]:
    """The size (pixels) and the lines of the page's headline on a card of ``width`` by
    ``height``: no line ends on an article, a preposition or a conjunction, nor inside a fixed
    phrase or a name of ``keep`` (if the names fit a line at some size; else their words may
    part); the lines even, no word alone on one, the type smaller first (``headlines.lay_out``)."""
    plain_ties = typeset.tie_headline(page.title, page.language)
    tied = plain_ties
    for name in sorted(keep, key=len, reverse=True):  # a tie inside a name: "dos\u00a0Campos"
        # The headline's apostrophes are typeset ("St. John’s"), the file's names typed.
        words = [re.escape(word).replace("'", "['’]") for word in name.replace("’", "'").split()]
        tied = re.sub(r"[ \u00a0]".join(words), lambda m: m[0].replace(" ", "\u00a0"), tied)
    rules = PROFILES.get(page.language)
    ties_before = rules.headline_ties_before if rules else frozenset()
    measure = width - INSET
    room = height * (0.73 if height < width else 0.6) - height * 0.12
    largest = round(height * (0.115 if height < width else 0.085))
    sizes = range(28, largest + 1, 2)
    return (
        headlines.lay_out(tied, font, measure, room, sizes, LEADING, ties_before)
        or headlines.lay_out(plain_ties, font, measure, room, sizes, LEADING, ties_before)
        or (sizes[0], [plain_ties])
    )


def meta_lines(organization: str, date: str, templates: Path, width: int, height: int) -> list[str]:
    """The card's last line, "Results for America · 15 de octubre de 2030", where it fits the
    card's width; else the organization and the date each on a line of its own, so that no
    separator is left hanging at a line's end ("Results for America ·")."""
    if not date:
        return [organization]
    size = round(height * META)
    font = templates / "fonts" / "Lato-Regular.ttf"
    one = f"{organization} · {date}"
    fits = headlines.fit(one, font, width - INSET, size * 1.2, range(size, size + 1), 1.2)
    return [one] if fits else [organization, date]


def card_files(
    page: Page,
    level: str,
    keep: list[str],
    env,
    templates: Path,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    program: str | None = None,
) -> list[bytes]:
    """The PNG of each of ``sizes``, then the alt text, as ``names`` lists them. ``keep``: names
    a line must not break (the program, the city); ``env`` renders the card template;
    ``program``: the line above the headline when the page's running header is not it (the
    report's header is its title)."""
    import pypdfium2

    font = templates / "fonts" / "Lato-Bold.ttf"
    lead = next(iter(page.of("lead")), None)
    files = []
    for width, height in sizes:
        measure = width - INSET
        size, lines = headline_lines(page, keep, font, width, height)
        date = lead.source if lead else ""
        html = env.get_template("card.html").render(
            lang=page.language, headline=page.title, lines=lines, program=program or page.program,
            meta=meta_lines(page.organization, date, templates, width, height),
            width=width, height=height, size=size, pad=round(height * 0.09),
            band=BAND.get(level, BAND["silver"]), measure=measure / size,
        )  # fmt: skip
        pdf = pypdfium2.PdfDocument(publish.pdf_bytes(html, templates, tagged=False))
        try:
            image = pdf[0].render(scale=96 / 72).to_pil().convert("RGB")
        finally:
            pdf.close()
        if image.size != (width, height):  # a rounding pixel of the page box
            image = image.crop((0, 0, width, height))
        buffer = io.BytesIO()
        # zlib's default level: optimize=True took four times as long for files 3% smaller.
        image.save(buffer, "PNG", compress_level=6)
        files.append(buffer.getvalue())
    files.append((alt_text(page, program) + "\n").encode("utf-8"))
    return files
