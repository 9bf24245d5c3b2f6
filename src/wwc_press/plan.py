"""What an announcement makes: every output with its template, language, format and path.

A release and a report per language; a release per city in English and in the city's own
language. File names of cities are ASCII slugs, stable across builds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import places
from .model import Announcement, City, Language

FORMATS = ("pdf", "html")


@dataclass(frozen=True)
class Output:
    """One file to render: its template, language, format and place under ``dist/<id>/``."""

    kind: str
    language: Language
    fmt: str
    path: Path
    city: City | None = None

    @property
    def template(self) -> str:
        return {"release": "press-release.html", "report": "report.html", "cities": "city.html"}[
            self.kind
        ]


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
    outputs = []
    for fmt in formats or FORMATS:
        for language in wanted:
            if not only or "release" in only:
                outputs.append(
                    Output("release", language, fmt, Path(language, f"press-release.{fmt}"))
                )
            if not only or "report" in only:
                outputs.append(Output("report", language, fmt, Path(language, f"report.{fmt}")))
        if only and "cities" not in only:
            continue
        for city, slug in city_slugs(announcement):
            for language in places.release_languages(city, announcement.languages):
                if language in wanted:
                    path = Path(language, "cities", f"{slug}.{fmt}")
                    outputs.append(Output("cities", language, fmt, path, city))
    return outputs


def _ascii_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def city_slugs(announcement: Announcement) -> list[tuple[City, str]]:
    """ASCII file names, stable for a city across builds and unique within the announcement:
    the name, the region and the country ("fortaleza-ce-br", "cordoba-ar")."""
    slugs: dict[str, City] = {}
    for _, city in announcement.cities.by_status():
        name = _ascii_slug(city.name)
        slug = "-".join(filter(None, [name, _ascii_slug(city.region or ""), city.country.lower()]))
        if slug in slugs or not name:  # "Córdoba" and "Cordoba", or a name with no Latin letter
            digest = hashlib.sha256(
                f"{city.name}|{city.region}|{city.country}".encode()
            ).hexdigest()
            slug = f"{slug}-{digest[:8]}"
        slugs[slug] = city
    return [(city, slug) for slug, city in slugs.items()]
