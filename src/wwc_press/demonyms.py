"""A country's adjective in each language (``data/demonyms.yaml``): "mexicanas", "brasileira",
"canadienne", for the sentence that names a city a first in its country."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from .model import Language


@cache
def _demonyms() -> dict[str, dict[str, list[str]]]:
    text = resources.files("wwc_press").joinpath("data/demonyms.yaml").read_text("utf-8")
    return {
        language: {code: forms.split() for code, forms in countries.items()}
        for language, countries in yaml.safe_load(text).items()
    }


def country_adjective(code: str, language: Language, *, feminine: bool, plural: bool) -> str | None:
    """The country's adjective agreeing with its noun ("mexicanas", "brasileira", "canadienne"),
    from ``data/demonyms.yaml``; None where the language has none recorded (English says "in
    Mexico")."""
    forms = _demonyms().get(language, {}).get(code)
    return forms[2 * plural + feminine] if forms else None
