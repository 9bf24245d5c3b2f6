"""Plan the outputs of each announcement, render them, and move them into place together.

Every output of one announcement is written into a staging folder next to ``dist/<id>``, which
replaces the old folder only when all of them succeeded: a failed build leaves the last good
output as it was.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from . import publish, render
from .errors import InputError, Problem
from .localize import localizer
from .model import Announcement, Language
from .settings import SETTINGS_FILE, Settings, load_settings
from .style import BABEL_LOCALE
from .validate import load_announcement

FORMATS = ("pdf", "html")
KINDS = ("press-release",)


@dataclass
class Project:
    """The current directory: settings, templates, catalogs and announcements."""

    root: Path
    settings: Settings = field(init=False)

    def __post_init__(self) -> None:
        self.settings = load_settings(self.root)

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def announcement_paths(self, paths: list[Path]) -> list[Path]:
        return paths or sorted((self.root / "announcements").glob("*.yaml"))

    def load(self, paths: list[Path]) -> list[Announcement]:
        """Every announcement of ``paths``; InputError with the problems of all files at once."""
        announcements, problems = [], []
        found = self.announcement_paths(paths)
        if not found:
            raise InputError([Problem(self.root / "announcements", 1, 1, "no announcement files")])
        for path in found:
            if not path.is_file():
                problems.append(Problem(path, 1, 1, "no such file"))
                continue
            try:
                announcements.append(
                    load_announcement(path, self.settings.languages, self.templates / "fonts")
                )
            except InputError as error:
                problems += error.problems
        if problems:
            raise InputError(problems)
        return announcements


def build(
    project: Project,
    announcements: list[Announcement],
    out: Path,
    languages: list[Language] | None = None,
    formats: list[str] | None = None,
) -> list[Path]:
    """Render every output asked for; return the paths written, relative to ``out``."""
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for announcement in announcements:
        assert announcement.id and announcement.languages  # set by load_announcement
        with _locked(out, announcement.id):
            written += _build_one(project, announcement, out, languages, formats)
    return written


@contextmanager
def _locked(out: Path, announcement_id: str) -> Iterator[None]:
    """One build at a time per announcement and output folder; another build waits its turn.

    Staging folders left by a build that was killed are removed once the lock is ours.
    """
    with (out / f".{announcement_id}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            for leftover in out.glob(f".{announcement_id}.building-*"):
                shutil.rmtree(leftover, ignore_errors=True)
            for leftover in out.glob(f".{announcement_id}.old-*"):
                shutil.rmtree(leftover, ignore_errors=True)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_one(
    project: Project,
    announcement: Announcement,
    out: Path,
    languages: list[Language] | None,
    formats: list[str] | None,
) -> list[Path]:
    assert announcement.id and announcement.languages
    written: list[Path] = []
    wanted = [lang for lang in announcement.languages if not languages or lang in languages]
    target = out / announcement.id
    stage = Path(tempfile.mkdtemp(dir=out, prefix=f".{announcement.id}.building-"))
    stage.chmod(0o755)  # mkdtemp makes it private; the published folder is not
    try:
        if target.exists():  # keep the outputs this build does not redo (--lang, --format)
            shutil.copytree(target, stage, dirs_exist_ok=True)
        context = render.release_context(announcement, project.settings)
        for language in wanted:
            l10n = localizer(project.root, language, project.settings)
            for kind in KINDS:
                for fmt in formats or FORMATS:
                    html = render.render(
                        f"{kind}.html", project.templates, l10n, context, for_pdf=fmt == "pdf"
                    )
                    data = (
                        publish.pdf_bytes(html, project.templates)
                        if fmt == "pdf"
                        else html.encode("utf-8")
                    )
                    relative = Path(language, f"{kind}.{fmt}")
                    publish.write_atomic(stage / relative, data)
                    written.append(Path(announcement.id) / relative)
        write_index(project, announcement, stage)
        _swap(stage, target)
    except BaseException:  # interrupted too: the staging folder goes, the old output stays
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return written


def write_index(project: Project, announcement: Announcement, folder: Path) -> None:
    """``index.html`` links every output found in the folder, per language, and the review."""
    assert announcement.languages
    rows = []
    for language in announcement.languages:
        files = sorted(p.relative_to(folder).as_posix() for p in (folder / language).rglob("*.*"))
        if files:
            name = Locale.parse(BABEL_LOCALE[language]).display_name or language
            rows.append((language, name, files))
    env = render.plain_environment(project.templates)
    review = (folder / "review.html").exists()
    html = env.get_template("index.html").render(
        announcement=announcement, rows=rows, review=review
    )
    publish.write_atomic(folder / "index.html", html.encode("utf-8"))


def _swap(stage: Path, target: Path) -> None:
    """Put the staged folder where the old one was, then drop the old one."""
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
        os.replace(target, old / target.name)
        os.replace(stage, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(stage, target)
