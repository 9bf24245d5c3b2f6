"""An approval covers every word each format shows and what draws it: the continuation mark,
the page footer and the CSS change what a reader sees, so each voids the approval, named."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

from wwc_press import approvals
from wwc_press.project import Project

from conftest import ROOT, SAMPLE_ID, edit_catalog, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"


def _translate(msgid: str, text: str, context: str | None = None):
    def change(catalog) -> None:
        catalog.get(msgid, context=context).string = text

    return change


def _mark_as_draft(project: Path) -> None:
    edit_catalog(project, "es", _translate("-more-", "(borrador)", "continuation mark"))


def _footer_as_draft(project: Path) -> None:
    footer = "Borrador {page} de {pages}, no difundir"
    edit_catalog(project, "es", _translate("Page {page} of {pages}", footer))


def _hide_highlights(project: Path) -> None:
    with (project / "templates" / "release.css").open("a", encoding="utf-8") as css:
        css.write("\n#highlights { display: none; }\n")


@pytest.mark.parametrize(
    ("change", "named", "words"),
    [
        (_mark_as_draft, "es/press-release.html#(frame)", "[-(sigue)-] {+(borrador)+}"),
        (_footer_as_draft, "es/press-release.html#(frame)", "{+Borrador+}"),
        (_hide_highlights, "es/press-release.html#(style)", ""),
    ],
    ids=["continuation mark", "page footer", "css"],
)
def test_what_a_format_shows_beyond_its_sections_voids_the_approval(
    project: Path, change, named: str, words: str
) -> None:
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    result = run(["approve", SAMPLE, "--lang", "es", "--by", "Lucía Gómez"], cwd=project)
    assert result.exit_code == 0, result.output
    change(project)
    result = run(["build", "--final", "--lang", "es", "--format", "html", "--out", "dist"],
                 cwd=project)  # fmt: skip
    assert result.exit_code == 1
    assert any("es changed since Lucía Gómez" in x for x in result.stderr.splitlines())
    assert not (project / "dist" / SAMPLE_ID).exists()
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([Path(SAMPLE)])
        found = approvals.state(target, announcement, "es")
    assert words in dict(found.changes)[named]
