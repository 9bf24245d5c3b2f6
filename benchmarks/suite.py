"""The test suite's cost in cold builds of the sample, measured in one run.

    .venv/bin/python benchmarks/suite.py            # about four minutes on a quiet machine
    .venv/bin/python benchmarks/suite.py --busy     # with two busy loops beside it, as on CI

Prints a markdown table: the median of three cold builds of the June 2023 sample in every
format (a fresh process, an empty output folder), then one `make test` (lint, format check,
pytest, check), and the ratio of the two. The goal is a suite of at most 20 cold builds. With
``--busy``, two processes spin on both cores for the whole run, builds and suite alike, so the
ratio compares like with like and the suite shows it passes on a busy machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = ROOT / "announcements" / "2023-06-international.yaml"


def _spin() -> None:
    while True:
        pass


def cold_build() -> float:
    out = Path(tempfile.mkdtemp(prefix="wwc-bench-"))
    try:
        started = time.perf_counter()
        subprocess.run([str(BIN / "wwc-press"), "build", str(SAMPLE), "--out", str(out)],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)


def suite() -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = next(  # pytest's last line: "597 passed in 376.77s (0:06:16)"
        (line.strip("= ") for line in reversed(done.stdout.splitlines())
         if re.search(r"\d+ (passed|failed)", line)), "?",
    )  # fmt: skip
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        summary = f"FAILED: {summary}"
    return seconds, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--busy", action="store_true", help="two busy loops beside the run")
    parser.add_argument("--builds", type=int, default=3, help="cold builds to take the median of")
    args = parser.parse_args()
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(2 * args.busy)]
    for spinner in spinners:
        spinner.start()
    try:
        builds = [cold_build() for _ in range(args.builds)]
        seconds, summary = suite()
    finally:
        for spinner in spinners:
            spinner.terminate()
    build = statistics.median(builds)
    print(f"| measure ({'two busy loops beside' if args.busy else 'quiet'}) | seconds |")
    print("| --- | ---: |")
    print(f"| cold build of the sample, every format (median of {len(builds)}) | {build:.1f} |")
    print(f"| make test ({summary}) | {seconds:.1f} |")
    print(f"| make test / cold build | {seconds / build:.1f}x (goal: at most 20x) |")


if __name__ == "__main__":
    main()
