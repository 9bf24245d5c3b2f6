"""How a build ends when Ctrl-C lands at a given moment after its PDF workers fork.

    .venv/bin/python benchmarks/interrupts.py            # 21 builds, about two minutes
    .venv/bin/python benchmarks/interrupts.py --runs 6   # per moment

Prints a markdown table: per delay after the workers appear, how many builds ended with 130 and
the interruption's sentence, how many otherwise (with the last line each said), and the median
seconds from the signal to the exit. Run it beside a load (``yes > /dev/null`` per core) to see
a busy machine. The hang it watches for has a bound: a build still running 120 s after its
signal counts as hung and is killed.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "announcements" / "2024-06-international.yaml"
DELAYS = (0.0, 0.01, 0.05, 0.2, 1.0, 3.0)  # seconds after the second worker appears
SENTENCE = "interrupted: nothing was published from this build"


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def interrupted(out: Path, delay: float) -> tuple[str, float]:
    """One build of the sample's PDFs and cards, Ctrl-C ``delay`` s after its workers fork:
    how it ended and the seconds it took to."""
    command = [sys.executable, "-m", "wwc_press", "build", str(SAMPLE), "--format", "pdf",
               "--format", "png", "--jobs", "2", "--out", str(out)]  # fmt: skip
    # SIGINT as a terminal gives it, even where this script runs in the background.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # this checkout's code
    build = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    while not any(out.glob(".*.building-*/**/*.pdf")) and build.poll() is None:
        time.sleep(0.005)
    while len(_children(build.pid)) < 2 and build.poll() is None:
        time.sleep(0.002)
    time.sleep(delay)
    sent = time.perf_counter()
    build.send_signal(signal.SIGINT)
    try:
        _, stderr = build.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        build.kill()
        build.communicate()
        return "hung", time.perf_counter() - sent
    said = stderr.strip().splitlines()[-1:] or [""]
    ended = "130" if build.returncode == 130 and SENTENCE in stderr else said[0][-70:]
    return ended, time.perf_counter() - sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4, help="builds per delay")
    runs = parser.parse_args().runs
    print("| delay (s) | builds | 130 and the sentence | otherwise | median exit (s) |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for delay in DELAYS:
            results = [interrupted(Path(folder) / f"{delay}-{n}", delay) for n in range(runs)]
            ok = sum(1 for ended, _ in results if ended == "130")
            other = "; ".join(sorted({ended for ended, _ in results if ended != "130"})) or "none"
            seconds = statistics.median(took for _, took in results)
            print(f"| {delay} | {runs} | {ok} | {other} | {seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
