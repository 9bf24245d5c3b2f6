"""YAML aliases repeat their anchor's values: the limits hold for the document as the program
sees it, aliases expanded, and a file is refused before the expanded values are built."""

from __future__ import annotations

from pathlib import Path

from wwc_press import loader

from conftest import run

HEAD = "date: 2024-01-01\ntotal_certified: 90\nlanguages: [en]\n"
CITY = "{name: Tulsa, region: OK, country: US, level: gold}"


def _validate(project: Path, text: str):
    (project / "announcements" / "x.yaml").write_text(text, "utf-8")
    return run(["validate"], cwd=project)


def test_one_text_aliased_20000_times_is_refused_for_its_expanded_length(project: Path) -> None:
    text = "word " * 1800  # 9,000 characters: under the limit of one text
    aliases = ", ".join(["*t"] * 20_000)
    result = _validate(project, HEAD + f'headline: {{en: &t "{text}"}}\ndecks: [{aliases}]\n'
                                f"cities:\n  new:\n    - {CITY}\n")  # fmt: skip
    assert (project / "announcements" / "x.yaml").stat().st_size < 400_000
    assert result.exit_code == 2
    assert "x.yaml:4:" in result.stderr
    assert "expands to more than 5,000,000 characters of text" in result.stderr


def test_cities_repeated_by_aliases_count_against_the_cities_limit(project: Path) -> None:
    cities = ", ".join(f"{{name: C{i}, country: US, level: gold}}" for i in range(2_000))
    result = _validate(project, HEAD + f"cities:\n  new: &n [{cities}]\n  recertified: *n\n"
                                "  upgraded: *n\n")  # fmt: skip
    assert result.exit_code == 2
    assert "more than 5,000 cities in one file" in result.stderr


def test_an_alias_within_the_limits_still_reads(project: Path) -> None:
    text = (
        HEAD
        + "headline: &t {en: Tulsa earns gold}\ndecks: [*t]\n"
        + f"cities:\n  new:\n    - {CITY}\n"
    )
    result = _validate(project, text)
    assert result.exit_code == 0, result.output
    doc = loader.load(project / "announcements" / "x.yaml")
    assert doc.data["decks"] == [{"en": "Tulsa earns gold"}]
