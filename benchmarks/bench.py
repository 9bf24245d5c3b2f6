"""Build speed and scale, against what a user would do instead, measured in one run.

    .venv/bin/python benchmarks/bench.py            # about two minutes
    .venv/bin/python benchmarks/bench.py --large    # adds the 5,000-city report (about 30 s more)

Prints a markdown table. Every figure is the median of several runs of a whole command in a
fresh process (what a user waits for), and the baselines run in the same invocation: one plain
`weasyprint` process per HTML file, and Chromium's print-to-PDF through one persistent
Playwright page (Debian's chromium) over the same HTML files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = "2023-06-international"


def timed(command: list[str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def median_of(runs: int, command: list[str], before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(command))
    return statistics.median(times)


def peak_memory(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident megabytes of a command, read by GNU time."""
    report = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", *command], cwd=ROOT, check=True, capture_output=True,
        text=True,
    ).stderr.strip().splitlines()[-1]  # fmt: skip
    seconds, kilobytes = report.split()
    return float(seconds), int(kilobytes) / 1024


def pdf_html_files(folder: Path) -> list[Path]:
    """The HTML each PDF of the sample is laid out from (with the shipped fonts), in a folder."""
    script = f"""
import json
from pathlib import Path
from wwc_press.render import Renderer
from wwc_press.plan import plan
from wwc_press.project import Project
project = Project(Path({str(ROOT)!r}))
[announcement] = project.load([Path('{ROOT}/announcements/{SAMPLE}.yaml')])
renderer = Renderer(project)
paths = []
for output in plan(announcement, formats=["pdf"]):
    html = renderer.html(announcement, output, for_pdf=True)
    target = Path({str(folder)!r}) / (output.path.as_posix().replace("/", "_") + ".html")
    target.write_text(html, "utf-8")
    paths.append(str(target))
print(json.dumps(paths))
"""
    out = subprocess.run([BIN / "python", "-c", script], check=True, capture_output=True, text=True)
    return [Path(p) for p in json.loads(out.stdout)]


def chromium_per_document(files: list[Path]) -> tuple[float, float]:
    """Seconds per document through one warm, persistent page (median of three passes), and
    per document for the first pass counted from the browser's launch (what a cold run costs)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    with sync_playwright() as playwright:
        launched = time.perf_counter()
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        for path in files:
            page.goto(path.as_uri())
            page.pdf(format="Letter")
        cold = (time.perf_counter() - launched) / len(files)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            for path in files:
                page.goto(path.as_uri())
                page.pdf(format="Letter")
            runs.append((time.perf_counter() - started) / len(files))
        browser.close()
    return statistics.median(runs), cold


def generated(count: int, folder: Path) -> Path:
    import datetime

    import yaml

    statuses = ["new", "upgraded", "recertified"]
    cities: dict[str, list[dict]] = {status: [] for status in statuses}
    for i in range(count):
        status = statuses[i % 3]
        city = {"name": f"City {i:05d}", "country": ["US", "BR", "AR", "MX", "CA"][i % 5]}
        city["level"] = ["silver", "gold", "platinum"][i % 3]
        if city["country"] == "US":
            city["region"] = ["CA", "NY", "TX", "WA"][i % 4]
        if status == "upgraded":
            city.update({"from": "silver", "level": "gold"})
        cities[status].append(city)
    path = folder / f"cities-{count}.yaml"
    data = {"date": datetime.date(2024, 5, 1), "total_certified": count, "cities": cities}
    path.write_text(yaml.safe_dump(data), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also the 5,000-city report")
    options = parser.parse_args()
    wwc = str(BIN / "wwc-press")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        out = scratch_path / "dist"
        clean = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731
        # The sample alone, so that figures compare across versions whatever else is in
        # announcements/.
        build = [wwc, "build", str(ROOT / "announcements" / f"{SAMPLE}.yaml"), "--out", str(out)]

        pdf_html = [*build, "--format", "pdf", "--format", "html"]
        serial = median_of(3, [*pdf_html, "--jobs", "1"], clean)
        cold = median_of(3, pdf_html, clean)
        pdfs = len(list((out / SAMPLE).rglob("*.pdf")))
        outputs = pdfs + len(list((out / SAMPLE).rglob("*/*.html")))
        # The whole kit, every format, against the PDF+HTML kit of the same run.
        kit = median_of(3, build, clean)
        kit_files = len([p for p in (out / SAMPLE).rglob("*.*") if p.parts[-2] != "fonts"])
        noop = median_of(5, build)
        release_size = (out / SAMPLE / "en" / "press-release.pdf").stat().st_size
        each = {fmt: median_of(3, [*build, "--format", fmt], clean)
                for fmt in ("docx", "txt", "eml", "png")}  # fmt: skip

        html_dir = scratch_path / "html"
        html_dir.mkdir()
        files = pdf_html_files(html_dir)
        templates = str(ROOT / "templates") + "/"
        plain = statistics.median(
            timed([str(BIN / "weasyprint"), "-u", templates, str(f), str(f.with_suffix(".pdf"))])
            for f in files[:3]
        )
        chromium, chromium_cold = chromium_per_document(files)

        rows += [
            ("sample kit, cold, serial (`--jobs 1`)", f"{serial:.2f} s",
             f"{outputs} outputs ({pdfs} PDF); {serial / pdfs:.3f} s per PDF"),
            ("sample kit, cold, parallel (default jobs)", f"{cold:.2f} s",
             f"{cold / pdfs:.3f} s per PDF; {serial / cold:.2f}x faster than serial"),
            ("one plain `weasyprint` process per HTML file", f"{plain:.2f} s",
             f"ours per PDF: {cold / pdfs / plain:.3f}x of it (target ≤ 0.25)"),
            ("Chromium print-to-PDF, one persistent page", f"{chromium:.3f} s per doc",
             f"ours per PDF: {cold / pdfs / chromium:.2f}x of it (target ≤ 1)"),
            ("the same, counted from Chromium's launch", f"{chromium_cold:.3f} s per doc",
             f"ours per PDF (counted from our launch): {cold / pdfs / chromium_cold:.2f}x"),
            ("whole kit, every format, cold, parallel", f"{kit:.2f} s",
             f"{kit_files} files; {kit / cold:.2f}x the PDF+HTML kit (target ≤ 2)"),
            *((f"`--format {fmt}` alone, cold", f"{seconds:.2f} s",
               "renders the PDFs it attaches" if fmt == "eml" else "")
              for fmt, seconds in each.items()),
            ("rebuild, nothing changed (whole command)", f"{noop:.2f} s", "target < 0.5 s"),
        ]  # fmt: skip

        rows.append(("two-page release PDF size", f"{release_size / 1024:.0f} KB",
                     "target < 60 KB"))  # fmt: skip

        sizes = [1000] + ([5000] if options.large else [])
        per_city = {}
        for size in sizes:
            yaml_path = generated(size, scratch_path)
            args = [wwc, "build", str(yaml_path), "--only", "report", "--lang", "en",
                    "--format", "pdf", "--out", str(scratch_path / "big"), "--force"]  # fmt: skip
            seconds, megabytes = peak_memory(args)
            per_city[size] = seconds / size
            note = (
                "target < 10 s, < 600 MB"
                if size == 1000
                else (
                    f"{per_city[size] / per_city[1000]:.2f}x the time per city of 1,000 (linear: 1)"
                )
            )
            rows.append((f"{size:,}-city report", f"{seconds:.1f} s, {megabytes:.0f} MB peak",
                         note))  # fmt: skip

    print("| measure | result | note |")
    print("| --- | --- | --- |")
    for measure, result, note in rows:
        print(f"| {measure} | {result} | {note} |")


if __name__ == "__main__":
    main()
