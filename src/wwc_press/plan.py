"""What an announcement makes: every output with its template, language, format and path.

A release and a report per language; a release per city in English and in the city's own
language. File names of cities are ASCII slugs, stable across builds. Every output is a PDF and
an HTML page; the releases (the program's and each city's) are also a Word file, wire text and
an e-mail; each city has social cards in each language of its releases, and the release and
the report have a link-preview card (1200×630) of their own in each language.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import places
from .model import Announcement, City, Language

FORMATS = ("pdf", "html", "docx", "txt", "eml", "png")


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
        return Output(self.kind, self.language, "html", self.page_path, self.city)

    @property
    def page_path(self) -> Path:
        if self.fmt == "png":  # <lang>/cards/<slug>-1200x630.png -> <lang>/cities/<slug>.html
            from .formats.cards import page_of

            return Path(self.language, page_of(self.path.name))
        return self.path.with_suffix(".html")


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
    from .formats.cards import names as card_names
    from .formats.cards import preview_names

    outputs = []
    for fmt in formats or FORMATS:
        for language in wanted:
            if (not only or "release" in only) and fmt != "png":
                outputs.append(
                    Output("release", language, fmt, Path(language, f"press-release.{fmt}"))
                )
            if (not only or "report" in only) and fmt in ("pdf", "html"):
                outputs.append(Output("report", language, fmt, Path(language, f"report.{fmt}")))
            for kind, stem in (("release", "press-release"), ("report", "report")):
                if (not only or kind in only) and fmt == "png":  # the link preview's card
                    first, *rest = (Path(language, "cards", n) for n in preview_names(stem))
                    outputs.append(Output(kind, language, fmt, first, None, tuple(rest)))
        if only and "cities" not in only:
            continue
        for city, slug in city_slugs(announcement):
            for language in places.release_languages(city, announcement.languages):
                if language not in wanted:
                    continue
                if fmt == "png":
                    first, *rest = (Path(language, "cards", name) for name in card_names(slug))
                    outputs.append(Output("cities", language, fmt, first, city, tuple(rest)))
                else:
                    path = Path(language, "cities", f"{slug}.{fmt}")
                    outputs.append(Output("cities", language, fmt, path, city))
    return outputs


def _ascii_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# File names stay well under the file system's 255 bytes, cards' suffixes included.
MAX_SLUG = 60


def city_slugs(announcement: Announcement) -> list[tuple[City, str]]:
    """ASCII file names, stable for a city across builds and unique within the announcement:
    the name, the region and the country ("fortaleza-ce-br", "cordoba-ar"); a name longer than
    MAX_SLUG is cut there and ends with a hash of the whole name."""
    slugs: dict[str, City] = {}
    for _, city in announcement.cities.by_status():
        name = _ascii_slug(city.name)
        if len(name) > MAX_SLUG:
            digest = hashlib.sha256(city.name.encode()).hexdigest()[:8]
            name = f"{name[:MAX_SLUG].rstrip('-')}-{digest}"
        slug = "-".join(filter(None, [name, _ascii_slug(city.region or ""), city.country.lower()]))
        if slug in slugs or not name:  # "Córdoba" and "Cordoba", or a name with no Latin letter
            digest = hashlib.sha256(
                f"{city.name}|{city.region}|{city.country}".encode()
            ).hexdigest()
            slug = f"{slug}-{digest[:8]}"
        slugs[slug] = city
    return [(city, slug) for slug, city in slugs.items()]
