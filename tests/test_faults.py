"""Nothing hangs, nothing crashes, every failure is a sentence: killed builds, broken inputs,
damaged outputs, hostile text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = ROOT / "announcements" / f"{SAMPLE_ID}.yaml"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_build_leaves_no_workers_and_no_lock(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "wwc_press", "build", str(SAMPLE), "--format", "pdf",
               "--jobs", "2", "--out", str(out)]  # fmt: skip
    build = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2:  # the PDF phase: two workers forked
        assert time.monotonic() < deadline, "the build never forked its workers"
        time.sleep(0.05)
        workers = _children(build.pid)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "the workers outlived the build"
        time.sleep(0.05)
    started = time.monotonic()
    again = run(["build", str(SAMPLE), "--format", "html", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert time.monotonic() - started < 60
    assert "waiting" not in again.stderr  # the holder is gone: no wait at all


def test_a_build_waiting_for_a_live_one_says_for_whom_and_gives_up(tmp_path: Path) -> None:
    from wwc_press.errors import RenderError
    from wwc_press.publish import locked

    with locked(tmp_path, SAMPLE_ID):
        with pytest.raises(RenderError) as gave_up, locked(tmp_path, SAMPLE_ID, timeout=0.3):
            pass
    message = str(gave_up.value)
    assert f"the build started by PID {os.getpid()} at " in message
    assert "after 0 s" in message or "after 1 s" in message
