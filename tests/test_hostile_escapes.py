"""Characters a terminal would obey or hide are printed as the escape of that one character."""

from __future__ import annotations

from pathlib import Path

from wwc_press.errors import visible

from conftest import run


def test_an_astral_invisible_character_is_shown_as_its_one_escape(project: Path) -> None:
    """U+E0041 as "\\ue0041" would read as U+E004 and a digit 1."""
    (project / "announcements" / "x.yaml").write_text(
        "date: 2024-01-01\nlanguages: [en]\ntotal_certified: 90\ncities:\n  new:\n"
        '    - {name: "Ana\U000e0041 Silva", region: OK, country: US, level: gold}\n',
        "utf-8",
    )
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    stderr = result.stderr
    assert "'Ana\\U000e0041 Silva' holds an invisible character, U+E0041" in stderr
    assert "\U000e0041" not in stderr and "\\ue0041" not in stderr


def test_each_escape_names_one_character_as_python_reads_it_back() -> None:
    for ch in ["\x1b", "\x85", "\u202e", "\ufeff", "\U000e0041", "\U0001d173"]:
        shown = visible(f"a{ch}b")
        assert shown.encode("ascii").decode("unicode_escape") == f"a{ch}b"
