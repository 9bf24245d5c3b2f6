"""A compound word breaks at its own hyphen, never with a second one beside it."""

from __future__ import annotations

import pytest

from wwc_press.typeset import SOFT_HYPHEN, _soft_hyphens


@pytest.mark.parametrize(
    ("word", "language"),
    [("data-driven", "en-US"), ("sub-representados", "pt-BR"), ("main-d'œuvre", "fr-CA")],
)
def test_no_soft_hyphen_beside_a_hard_one(word: str, language: str) -> None:
    hyphenated = _soft_hyphens(word, language)
    assert f"-{SOFT_HYPHEN}" not in hyphenated and f"{SOFT_HYPHEN}-" not in hyphenated
    assert hyphenated.replace(SOFT_HYPHEN, "") == word
