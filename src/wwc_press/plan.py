"""What an announcement makes: every output with its template, language, format and path.

A release and a report per language; a release per city in English and in the city's own
language. File names of cities are ASCII slugs, stable across builds. Every output is a PDF and
an HTML page; the releases (the program's and each city's) are also a Word file, wire text and
an e-mail; each city has social cards in each language of its releases, and the release and
the report have a link-preview card (1200×630) of their own in each language. Which kinds each
format is made for, and the names of its files, are the format's (``formats.FORMATS``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import readers
from .folding import ascii_slug
from .formats import FORMATS
from .model import KINDS, Announcement, City, Language


@dataclass(frozen=True)
class Output:
    """One file to render: its template, language, format and place under ``dist/<id>/``."""

    kind: str
    language: Language
    fmt: str
    path: Path
    city: City | None = None
    # Files the same rendering writes beside ``path``: a card's other size and its alt text.
    extra: tuple[Path, ...] = ()

    @property
    def template(self) -> str:
        """The template of its HTML page, which every format is written from."""
        return {"release": "press-release.html", "report": "report.html", "cities": "city.html"}[
            self.kind
        ]

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.path, *self.extra)

    @property
    def page(self) -> Output:
        """The HTML page this output is written from (itself, for a page)."""
        return self.in_format("html")

    @property
    def page_path(self) -> Path:
        """Where the HTML page this output is written from is (its format knows)."""
        return FORMATS[self.fmt].page_of(self.path)

    def in_format(self, fmt: str) -> Output:
        """The same output (kind, language, city) in another format, with that format's files."""
        first, *rest = FORMATS[fmt].files(self.page_path)
        return Output(self.kind, self.language, fmt, first, self.city, tuple(rest))


def plan(
    announcement: Announcement,
    languages: list[Language] | None = None,
    formats: list[str] | None = None,
    only: list[str] | None = None,
) -> list[Output]:
    """Every output of an announcement, narrowed by language, format and kind.

    Each city gets a release in English and in its own language (CLDR's official language of its
    country) when the announcement is written in it.
    """
    assert announcement.languages
    wanted = [lang for lang in announcement.languages if not languages or lang in languages]
    kinds = [kind for kind in KINDS if not only or kind in only]
    pages = [
        Output(kind, language, "html", Path(language, f"{stem}.html"))
        for language in wanted
        for kind, stem in (("release", "press-release"), ("report", "report"))
        if kind in kinds
    ]
    if "cities" in kinds:
        pages += [
            Output("cities", language, "html", Path(language, "cities", f"{slug}.html"), city)
            for city, slug in city_slugs(announcement)
            for language in readers.release_languages(city, announcement.languages)
            if language in wanted
        ]
    return [
        page.in_format(fmt)
        for fmt in formats or FORMATS
        for page in pages
        if page.kind in FORMATS[fmt].kinds
    ]


# File names stay well under the file system's 255 bytes, cards' suffixes included.
MAX_SLUG = 60


def city_slugs(announcement: Announcement) -> list[tuple[City, str]]:
    """ASCII file names, stable for a city across builds and unique within the announcement:
    the name, the region and the country ("fortaleza-ce-br", "cordoba-ar"); a name longer than
    MAX_SLUG is cut there and ends with a hash of the whole name."""
    slugs: dict[str, City] = {}
    for _, city in announcement.cities.by_status():
        name = ascii_slug(city.name)
        if len(name) > MAX_SLUG:
            digest = hashlib.sha256(city.name.encode()).hexdigest()[:8]
            name = f"{name[:MAX_SLUG].rstrip('-')}-{digest}"
        slug = "-".join(filter(None, [name, ascii_slug(city.region or ""), city.country.lower()]))
        if slug in slugs or not name:  # "Córdoba" and "Cordoba", or a name with no Latin letter
            digest = hashlib.sha256(
                f"{city.name}|{city.region}|{city.country}".encode()
            ).hexdigest()
            slug = f"{slug}-{digest[:8]}"
        slugs[slug] = city
    return [(city, slug) for slug, city in slugs.items()]
