"""The press's own names for cities (``data/exonyms.yaml``): "Quebec" and "San Petersburgo" in
Spanish, "Rosário" in Portuguese, each from the manual the file cites."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from .folding import fold


@cache
def _table() -> dict[str, dict[str, dict[str, str]]]:
    """``data/exonyms.yaml``: language, country, the city's own name folded, the press's name."""
    text = resources.files("wwc_press").joinpath("data/exonyms.yaml").read_text("utf-8")
    return {
        language: {
            country: {fold(own): press for own, press in cities.items()}
            for country, cities in countries.items()
        }
        for language, countries in yaml.safe_load(text).items()
    }


@cache
def press_exonym(names: tuple[str, ...], country: str, texts: str) -> str | None:
    """The press's name in language ``texts`` of the city of one of ``names``, if it has one."""
    table = _table().get(texts, {}).get(country, {})
    return next((table[fold(n)] for n in names if fold(n) in table), None)
