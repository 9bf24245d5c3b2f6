"""The project: the current directory with its settings, templates, catalogs and announcements."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .model import Announcement
from .settings import SETTINGS_FILE, Settings, load_settings
from .validate import load_announcement


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
        owners: dict[str, Path] = {}  # id -> the file that has it
        for path in found:
            if not path.is_file():
                problems.append(Problem(path, 1, 1, "no such file"))
                continue
            try:
                fonts = self.templates / "fonts"
                announcement = load_announcement(
                    path, self.settings.languages, fonts, self.settings.timezone
                )
            except InputError as error:
                problems += error.problems
                continue
            assert announcement.id
            if announcement.id in owners:
                message = (
                    f"id '{announcement.id}' is the id of {owners[announcement.id]} too: both "
                    f"would build into dist/{announcement.id}"
                )
                problems.append(Problem(path, 1, 1, message))
            owners.setdefault(announcement.id, path)
            announcements.append(announcement)
        if problems:
            raise InputError(problems)
        return announcements
