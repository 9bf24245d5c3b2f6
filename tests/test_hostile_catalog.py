"""A translation is text wherever it lands: a translator's quote cannot add an attribute to
the page, and check refuses the entry at its line."""

from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser
from pathlib import Path

from wwc_press.plan import plan
from wwc_press.project import Project
from wwc_press.render import Renderer

from conftest import edit_catalog, run

ATTACK = '(sigue)" onmouseover="alert(1)'
ANNOUNCEMENT = """\
date: 2024-01-01
languages: [en, es]
total_certified: 90
cities:
  new:
    - {name: Tulsa, region: OK, country: US, level: gold}
"""


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _attack(project: Path) -> None:
    def change(catalog) -> None:
        catalog.get("-more-", context="continuation mark").string = ATTACK

    edit_catalog(project, "es", change)


def test_a_quote_in_a_translation_stays_inside_its_attribute(project: Path) -> None:
    """Rendered as it is (build refuses such a catalog first, as check does)."""
    _attack(project)
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([])
        [output] = [o for o in plan(announcement, ["es"], ["html"]) if o.kind == "release"]
        page = Renderer(target).html(announcement, output, for_pdf=False)
    parser = _Attributes()
    parser.feed(page)
    assert not any("onmouseover" in attrs for _, attrs in parser.found)
    marks = [attrs for tag, attrs in parser.found if tag == "span" and "data-mark" in attrs]
    assert marks == [{"class": "more", "data-mark": ATTACK}]


def test_check_refuses_the_entry_at_its_line(project: Path) -> None:
    _attack(project)
    po = project / "locales" / "es" / "LC_MESSAGES" / "messages.po"
    lines = po.read_text("utf-8").splitlines()
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")
    msgid = lines.index('msgctxt "continuation mark"') + 2  # the line after, 1-based
    result = run(["check"], cwd=project)
    assert result.exit_code == 1
    found = [x for x in result.stderr.splitlines() if "markup ['\"']" in x]
    assert found and re.match(rf"locales/es/LC_MESSAGES/messages.po:{msgid}:", found[0]), found
