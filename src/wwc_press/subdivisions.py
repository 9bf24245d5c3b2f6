"""ISO 3166-2 subdivisions of every country, with their official names and their names in
each language, from pycountry's copy of iso-codes (read as files: see ``_iso_codes``)."""

from __future__ import annotations

import gettext
import importlib.util
import json
from functools import cache
from pathlib import Path

from .languages import profile
from .model import Language


@cache
def _iso_codes() -> Path:
    """pycountry's copy of iso-codes (its data and translations), found without importing
    pycountry: the import and its objects cost a rebuild with nothing to do a quarter of its
    half-second budget, while its JSON file reads in a hundredth of a second."""
    spec = importlib.util.find_spec("pycountry")
    assert spec and spec.submodule_search_locations, "pycountry is a dependency"
    return Path(spec.submodule_search_locations[0])


@cache
def _entries() -> list[dict[str, str]]:
    """iso-codes' subdivisions, read once: their names and their types are both asked for."""
    text = (_iso_codes() / "databases" / "iso3166-2.json").read_text("utf-8")
    return json.loads(text)["3166-2"]


@cache
def _all_subdivisions() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for entry in _entries():
        country, code = entry["code"].split("-", 1)
        found.setdefault(country, {})[code] = entry["name"]
    return found


@cache
def region_kind(country: str) -> str | None:
    """What most of ``country``'s top-level regions are, as ISO 3166-2 types them ("state",
    "province", "department", "region"): what a table's column of its regions holds."""
    own = [e for e in _entries() if e["code"].startswith(f"{country}-") and "parent" not in e]
    kinds = [e["type"].lower() for e in own]
    return max(sorted(set(kinds)), key=kinds.count) if kinds else None


def subdivisions(country: str) -> dict[str, str]:
    """ISO 3166-2 codes of ``country`` without the country part, with iso-codes' names."""
    return _all_subdivisions().get(country, {})


@cache
def iso_translation(language: Language) -> gettext.NullTranslations:
    folder = profile(language).iso_codes
    if folder is None:
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-2", _iso_codes() / "locales", languages=[folder], fallback=True
    )


def known_regions(country: str) -> list[str]:
    """The ISO 3166-2 region codes of ``country``, without the country part; empty when the
    country has none."""
    return sorted(subdivisions(country))
