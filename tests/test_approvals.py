"""Sign-off per language, bound to what the reviewer read: a change voids it, and --final
refuses what is not approved as it reads now."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"


def test_a_changed_word_voids_only_its_language(built_project: Path) -> None:
    project = built_project
    assert run(["check", "--final"], cwd=project).exit_code == 1  # nothing approved yet
    for lang, name in (("en", "Jane Roe"), ("es", "Lucía Gómez"), ("pt-BR", "Ana Souza")):
        result = run(["approve", SAMPLE, "--lang", lang, "--by", name], cwd=project)
        assert result.exit_code == 0, result.output
    record = yaml.safe_load((project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").read_text())
    assert record["es"]["by"] == "Lucía Gómez"
    assert "siete nuevas ciudades" in record["es"]["sections"]["es/press-release.html"]["heading"]
    assert run(["check", "--final"], cwd=project).exit_code == 0
    assert run(["validate"], cwd=project).stdout == f"{SAMPLE_ID}: ok\n"  # not an announcement

    path = project / SAMPLE
    text = path.read_text("utf-8")
    path.write_text(text.replace("redujo un 57 % las muertes", "redujo un 57 % los decesos"))
    result = run(["check", "--final"], cwd=project)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(
        x.startswith(f"{SAMPLE_ID}: es changed since Lucía Gómez approved it")
        and "es/press-release.html#highlights" in x
        for x in lines
    )
    assert not any(": en " in x or ": pt-BR " in x for x in lines)  # still approved
    # The review page shows each language's state, and what changed word by word.
    assert run(["review", SAMPLE, "--out", "dist"], cwd=project).exit_code == 0
    page = (project / "dist" / SAMPLE_ID / "review.html").read_text("utf-8")
    assert "en approved by Jane Roe" in page
    assert "redujo un 57 % [-las muertes-] {+los decesos+}" in page
    shutil.rmtree(project / "dist")
    build = run(["build", "--final", "--format", "html", "--out", "dist"], cwd=project)
    assert build.exit_code == 1
    assert not (project / "dist" / SAMPLE_ID).exists()
    assert (
        run(["approve", SAMPLE, "--lang", "es", "--by", "Lucía Gómez"], cwd=project).exit_code == 0
    )
    assert (
        run(["build", "--final", "--format", "html", "--out", "dist"], cwd=project).exit_code == 0
    )


def test_approving_a_language_the_announcement_lacks_is_a_usage_error(project: Path) -> None:
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    result = run(["approve", SAMPLE, "--lang", "fr-CA", "--by", "X"], cwd=project)
    assert result.exit_code == 2
    assert "is not written in fr-CA" in result.output
