"""Where the approvals file goes, a folder or a dangling link is an input error (exit 2) that
names the file and what to do, in every command that reads it, before anything is built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"
APPROVALS = f"announcements/{SAMPLE_ID}.approvals.yaml"


@pytest.fixture
def sample_project(project: Path) -> Path:
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    return project


@pytest.mark.parametrize(
    "args",
    [["approve", SAMPLE, "--lang", "es", "--by", "Ana"], ["check", "--final"],
     ["build", "--final", "--format", "html", "--out", "dist"]],
    ids=["approve", "check", "build"],
)  # fmt: skip
def test_a_folder_in_place_of_the_approvals_file_is_said(sample_project: Path, args) -> None:
    (sample_project / APPROVALS).mkdir()
    (sample_project / APPROVALS / "notes.txt").write_text("kept", "utf-8")
    result = run(args, cwd=sample_project)
    assert result.exit_code == 2, result.output
    assert f"{APPROVALS}:1:1: the approvals file is a folder: move it away" in result.stderr
    assert "Traceback" not in result.output
    assert not (sample_project / "dist").exists()
    assert [p.name for p in (sample_project / APPROVALS).iterdir()] == ["notes.txt"]


def test_a_dangling_link_in_place_of_the_approvals_file_is_said(sample_project: Path) -> None:
    (sample_project / APPROVALS).symlink_to(sample_project / "nowhere.yaml")
    result = run(["approve", SAMPLE, "--lang", "es", "--by", "Ana"], cwd=sample_project)
    assert result.exit_code == 2, result.output
    assert f"{APPROVALS}:1:1: the approvals file is not a file: move it away" in result.stderr
    assert not (sample_project / "nowhere.yaml").exists()
