"""Invisible characters (zero-width spaces, joiners, soft hyphens, byte-order marks) in a name
make a look-alike of a known name: refused at their line, and names compare without them."""

from __future__ import annotations

from pathlib import Path

from wwc_press import folding
from wwc_press.model import Place, city_key

from conftest import run

HEAD = "languages: [en]\ntotal_certified: 90\ncities:\n  new:\n"
INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u200d", "\u200c", "\u034f"]


def _city(name: str) -> str:
    return f'    - {{name: "{name}", region: IL, country: US, level: gold}}\n'


def test_a_known_city_with_a_zero_width_space_is_refused_not_new(project: Path) -> None:
    folder = project / "announcements"
    (folder / "a.yaml").write_text("date: 2023-06-21\n" + HEAD + _city("Chicago"), "utf-8")
    (folder / "b.yaml").write_text("date: 2024-06-21\n" + HEAD + _city("Chi\u200bcago"), "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "b.yaml:6:" in result.stderr
    assert "invisible character, U+200B (ZERO WIDTH SPACE)" in result.stderr
    assert "Chi\\u200bcago" in result.stderr  # shown, never sent raw to the terminal


def test_six_look_alikes_of_tulsa_are_each_refused_at_their_line(project: Path) -> None:
    cities = _city("Tulsa") + "".join(
        _city(f"Tu{mark}lsa").replace("IL", "OK") for mark in INVISIBLE
    )
    (project / "announcements" / "x.yaml").write_text("date: 2024-06-21\n" + HEAD + cities)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    for line, mark in enumerate(INVISIBLE, start=7):
        assert f"x.yaml:{line}:" in result.stderr
        assert f"U+{ord(mark):04X}" in result.stderr


def test_names_compare_without_their_invisible_characters() -> None:
    plain = Place.model_construct(name="Tulsa", region="OK", country="US")
    for mark in INVISIBLE:
        hidden = Place.model_construct(name=f"Tu{mark}lsa", region="OK", country="US")
        assert city_key(hidden) == city_key(plain)
        assert folding.fold(f"Bogot\u00e1{mark}") == folding.fold("BOGOTA")
