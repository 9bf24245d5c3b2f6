"""YAML 1.1, which PyYAML reads, turns 190:20:30 into 685,230 (base 60), 017 into 15 (octal) and
1_000 into 1000: a number written so is refused at its line with what YAML made of it, and a
text field never becomes a boolean (yes, no, on, off stay the words typed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run


def _announcement(project: Path, total: str, city: str = "Tulsa", region: str = "OK") -> None:
    (project / "announcements" / "x.yaml").write_text(
        f"date: 2024-01-01\nlanguages: [en]\ntotal_certified: {total}\ncities:\n  new:\n"
        f"    - {{name: {city}, region: {region}, country: US, level: gold}}\n",
        "utf-8",
    )


@pytest.mark.parametrize(
    "written, read, how",
    [
        ("190:20:30", "685,230", "a number in base 60"),
        ("1:30", "90", "a number in base 60"),
        ("017", "15", "an octal number"),
        ("-017", "-15", "an octal number"),
        ("1_000", "1,000", "its underscores dropped"),
        ("0x1F", "31", "a hexadecimal or binary number"),
        ("0b101", "5", "a hexadecimal or binary number"),
        ("1_000.5", "1,000.5", "its underscores dropped"),
    ],
)
def test_a_number_yaml_11_reads_as_another_is_refused_at_its_line(
    project: Path, written: str, read: str, how: str
) -> None:
    _announcement(project, written)
    result = run(["build", "--format", "txt", "--out", "dist"], cwd=project)
    assert result.exit_code == 2, result.output
    assert (
        f"x.yaml:3:18: YAML reads '{written}' as {read} ({how}): write the number in plain "
        f'digits, or put a text in quotes: "{written}"'
    ) in result.stderr
    assert not (project / "dist").exists()


@pytest.mark.parametrize("written", ["190", "+190", "1000000"])
def test_a_number_in_plain_digits_is_read_as_written(project: Path, written: str) -> None:
    _announcement(project, written)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 0, result.output


def test_a_quoted_number_is_text_which_a_count_refuses(project: Path) -> None:
    _announcement(project, '"017"')
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "x.yaml:3:18: 'total_certified' must be a whole number (got '017')" in result.stderr


@pytest.mark.parametrize("word", ["No", "yes", "On", "OFF", "y", "n"])
def test_a_city_named_like_a_yaml_11_boolean_keeps_its_name(project: Path, word: str) -> None:
    _announcement(project, "90", city=word)
    result = run(["build", "--only", "release", "--format", "txt", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    wire = (project / "dist" / "x" / "en" / "press-release.txt").read_text("utf-8")
    assert f"{word}, Oklahoma" in wire
    assert "True" not in wire and "False" not in wire


def test_a_region_code_like_a_boolean_stays_the_code(project: Path) -> None:
    """Ontario is ON and Norway NO: YAML 1.1 would read both as booleans."""
    (project / "announcements" / "x.yaml").write_text(
        "date: 2024-01-01\nlanguages: [en]\ntotal_certified: 90\ncities:\n  new:\n"
        "    - {name: Hamilton, region: ON, country: CA, level: gold}\n",
        "utf-8",
    )
    result = run(["build", "--only", "release", "--format", "txt", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    wire = (project / "dist" / "x" / "en" / "press-release.txt").read_text("utf-8")
    assert "Hamilton, Ontario" in wire
