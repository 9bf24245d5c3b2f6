"""The gate and the page agree on what desks write: a percent in words is a percent, each press
prints it its own way, and a hyphenated name is spelt by its parts."""

from __future__ import annotations

import pytest

from wwc_press.qa import spelling_problems
from wwc_press.style import typography


@pytest.mark.parametrize(
    ("language", "written", "printed"),
    [
        ("en", "It fixes 80 per cent of them, and 57 percent on time.", "80% of them, and 57% on"),
        ("en-CA", "It fixes 80% of them, and 57 percent on time.", "80\u00a0per cent of them, "
         "and 57\u00a0per cent on"),
    ],
)  # fmt: skip
def test_each_press_prints_a_percent_its_way(language: str, written: str, printed: str) -> None:
    """AP since 2019: "80%"; the Canadian Press: "80 per cent"."""
    assert printed in typography(written, language)


def test_check_reads_a_percent_in_words_as_the_percent_of_a_translation(tmp_path) -> None:
    from conftest import run

    path = tmp_path / "r.yaml"
    path.write_text(
        "date: 2025-01-14\nlanguages: [en, fr-CA]\ncities:\n  new:\n"
        "    - {name: Trois-Rivières, region: QC, country: CA, level: silver}\n"
        "highlights:\n  - city: Trois-Rivières\n    text:\n"
        "      en: Trois-Rivières now repairs 80 per cent of reported potholes within five days.\n"
        "      fr-CA: Trois-Rivières répare maintenant 80 % des nids-de-poule signalés en moins "
        "de cinq jours.\n",
        "utf-8",
    )
    result = run(["check", str(path)])
    assert "80" not in result.stderr, result.stderr  # the same fact in both languages
    assert "Trois-Rivières" not in result.stderr  # a name of the announcement, spelt by parts
    assert result.exit_code == 0, result.output


def test_a_compound_of_misspelt_parts_is_still_caught() -> None:
    found = spelling_problems("A well-mnaged city.", "en", set())
    assert any("well-mnaged" in problem for problem in found)
