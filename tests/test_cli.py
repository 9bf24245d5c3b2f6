"""Commands a user runs besides build: new, schema, validate on good files."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, run


def test_new_writes_a_starter_that_validates(project: Path) -> None:
    result = run(["new", "2024-11-us"], cwd=project)
    assert result.exit_code == 0, result.output
    starter = project / "announcements" / "2024-11-us.yaml"
    assert starter.read_text("utf-8").startswith("# Announcement 2024-11-us.")
    assert run(["validate", "announcements/2024-11-us.yaml"], cwd=project).exit_code == 0


def test_new_refuses_to_overwrite_and_bad_ids(project: Path) -> None:
    assert run(["new", "x"], cwd=project).exit_code == 0
    again = run(["new", "x"], cwd=project)
    assert again.exit_code == 2
    assert "exists already" in again.stderr
    assert run(["new", "Bad ID"], cwd=project).exit_code == 2


def test_schema_describes_the_announcement_file() -> None:
    result = run(["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["required"]) == {"date", "cities"}  # the total can be counted
    city = schema["$defs"]["City"]["properties"]
    assert city["level"]["enum"] == ["silver", "gold", "platinum"]
    assert "from" in city  # the file's spelling, not the attribute's


def test_validate_accepts_the_sample() -> None:
    result = run(["validate"], cwd=ROOT)
    assert result.exit_code == 0
    assert result.stdout == (
        "2023-06-international: ok\n2024-06-international: ok\n2025-02-international: ok\n"
    )


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "wwc_press", "--help"], capture_output=True, text=True, check=True
    )
    assert "validate" in done.stdout
