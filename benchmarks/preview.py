"""Edit to reload under `wwc-press serve`: what a writer waits for after saving.

    .venv/bin/python benchmarks/preview.py           # about a minute

Copies the project to a scratch folder, starts `wwc-press serve` on it with every sample
announcement, and listens to the reload connection of the Spanish press release as a browser
showing it would. Each edit is saved atomically (a rename, as editors save), alternating between
two versions so that every save changes something; the time runs from the rename to the reload
event that names the open page. Saves come a short while apart, as a writer's do, so the
background work of the previous save (PDFs, review) is still running and must give way.

Prints a markdown table of medians (and the slowest) per kind of edit, with the targets.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "2023-06-international"
PAGE = f"/{SAMPLE}/es/press-release.html"
EDITS = 9


def save(path: Path, text: str) -> float:
    """Write ``text`` as an editor saves: a temporary file renamed over the old one. Returns the
    moment of the rename."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, "utf-8")
    moment = time.perf_counter()
    os.replace(temporary, path)
    return moment


def listen(address: str, reloads: queue.Queue[tuple[float, list[str]]]) -> None:
    """The open page's reload connection: each event that names the page, with its arrival."""
    with urllib.request.urlopen(f"{address}__events?page={PAGE}", timeout=600) as stream:
        for raw in stream:
            line = raw.decode("utf-8").strip()
            if line.startswith("data: "):
                message = json.loads(line[6:])
                if PAGE in message["reload"] or message["errors"]:
                    reloads.put((time.perf_counter(), message["errors"]))


def measure(
    path: Path, versions: tuple[str, str], reloads: queue.Queue[tuple[float, list[str]]]
) -> list[float]:
    times = []
    for i in range(EDITS):
        time.sleep(0.6)  # a writer's pause between saves; the background work is still going
        while not reloads.empty():
            reloads.get_nowait()
        saved = save(path, versions[i % 2 == 0])
        reloaded, errors = reloads.get(timeout=60)
        assert not errors, errors  # a save that does not build is not a reload
        times.append(reloaded - saved)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        project.mkdir()
        for name in ("announcements", "templates", "locales", "logos"):
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, project / name)
        for name in ("wwc-press.yaml", "glossary.yaml"):
            shutil.copy(ROOT / name, project / name)
        server = subprocess.Popen(
            [sys.executable, "-m", "wwc_press", "serve", "--port", "0", "--out", "dist"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            address = None
            for line in server.stdout:
                if found := re.search(r"(http://127\.0\.0\.1:\d+/)", line):
                    address = found[1]
                    break
            assert address, "serve did not start"
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            reloads: queue.Queue[tuple[float, list[str]]] = queue.Queue()
            threading.Thread(target=listen, args=(address, reloads), daemon=True).start()
            time.sleep(1)

            announcement = project / "announcements" / f"{SAMPLE}.yaml"
            text = announcement.read_text("utf-8")
            edited = text.replace("las muertes por siniestros", "los decesos por siniestros")
            css = project / "templates" / "release.css"
            style = css.read_text("utf-8")
            catalog = project / "locales" / "es" / "LC_MESSAGES" / "messages.po"
            po = catalog.read_text("utf-8")
            contacts = 'msgstr[1] "Contactos de prensa"'
            other = po.replace(contacts, 'msgstr[1] "Contactos para la prensa"')
            assert other != po and edited != text
            kinds = [
                ("text edit (a Spanish highlight)", announcement, (text, edited), 0.5),
                ("CSS edit (release.css)", css, (style, style + "\nh1 { color: #123; }\n"), 1.0),
                ("catalog edit (es messages.po)", catalog, (po, other), None),
            ]
            rows = []
            for label, path, versions, target in kinds:
                times = measure(path, versions, reloads)
                note = f"target < {target} s" if target else "no target"
                rows.append((label, statistics.median(times), max(times), note))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Save to reload of an open page ({PAGE}), {EDITS} saves each, 2 cores:\n")
    print("| edit | median | slowest | note |")
    print("| --- | --- | --- | --- |")
    for label, median, slowest, note in rows:
        print(f"| {label} | {median:.2f} s | {slowest:.2f} s | {note} |")


if __name__ == "__main__":
    main()
