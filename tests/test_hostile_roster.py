"""The terminal and the roster: names from the approvals file never reach a terminal raw, a
settings round has a plausible date, and a downgrade is no upgrade."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wwc_press.approvals import reviewer

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"
ANNOUNCEMENT = """\
date: 2024-06-21
languages: [en]
total_certified: 90
cities:
  new:
    - {name: Carlsbad, region: CA, country: US, level: silver}
"""


def _rounds(project: Path, rounds: str) -> int:
    """Put ``rounds`` first in the settings' roster; the line of the first."""
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8")
    settings.write_text(text.replace("roster:\n", "roster:\n" + rounds, 1), "utf-8")
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")
    return text[: text.index("roster:\n")].count("\n") + 2


@pytest.mark.parametrize(
    ("date", "year"), [("0001-01-01", 1), ("9999-12-31", 9999), ('"9999-12"', 9999)]
)
def test_a_settings_round_outside_the_years_is_refused(project: Path, date, year) -> None:
    line = _rounds(project, f"  - {{date: {date}, new: 1, total: 10}}\n")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2, result.output
    assert f"wwc-press.yaml:{line}:" in result.stderr
    assert f"the year {year} is outside 1900-2999" in result.stderr


def test_a_downgrade_written_as_a_settings_upgrade_is_refused(project: Path) -> None:
    line = _rounds(project, (
        "  - date: 2022-01\n    new: 1\n    total: 40\n    cities:\n"
        "      - {name: Tulsa, region: OK, country: US, level: gold}\n"
        "  - date: 2023-01\n    new: 0\n    cities:\n"
        "      - {name: Tulsa, region: OK, country: US, level: silver, status: upgraded}\n"
    ))  # fmt: skip
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2, result.output
    assert f"wwc-press.yaml:{line + 8}:" in result.stderr
    assert "Tulsa is listed as upgraded to silver, but its last level is gold" in result.stderr


@pytest.fixture
def sample_project(project: Path) -> Path:
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    return project


@pytest.mark.parametrize(
    ("written", "raw"),
    [('"Ana\\e]0;pwned\\a"', "\x1b"), ('"Ana \u202eevil"', "\u202e")],
    ids=["terminal escape", "bidi override"],
)
def test_an_approvers_name_never_reaches_the_terminal_raw(
    sample_project: Path, written: str, raw: str
) -> None:
    path = sample_project / "announcements" / f"{SAMPLE_ID}.approvals.yaml"
    path.write_text(f"es:\n  by: {written}\n  at: '2024-01-01T00:00:00+00:00'\n  hash: abc\n")
    result = run(["check", "--final"], cwd=sample_project)
    assert result.exit_code == 2, result.output
    assert f"{SAMPLE_ID}.approvals.yaml:2:" in result.stderr
    assert raw not in result.output and raw not in result.stderr


def test_a_reviewers_name_with_a_bidi_override_is_refused_on_the_form_and_the_command_line(
    sample_project: Path,
) -> None:
    with pytest.raises(ValueError, match="no control or invisible characters"):
        reviewer("Ana \u202eevil")  # the served form's check, as the command line's
    result = run(["approve", SAMPLE, "--lang", "es", "--by", "Ana \u202eevil"], cwd=sample_project)
    assert result.exit_code == 2
    assert "\u202e" not in result.stderr
    assert not (sample_project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").exists()
