"""The project: the current directory with its settings, templates, catalogs and announcements."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import loader, roster
from .errors import InputError, Problem, UsageError
from .model import Announcement
from .settings import SETTINGS_FILE, Settings, load_settings
from .validate import load_announcement, parse


@dataclass
class Project:
    """The current directory: settings, templates, catalogs and announcements."""

    root: Path
    settings: Settings = field(init=False)
    facts: dict[str, roster.Facts] = field(init=False, default_factory=dict)  # by id, from load
    # The file each announcement of the last load was read from, by id: check and validate
    # place their problems in it without reading it again.
    documents: dict[str, loader.Document] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.settings = load_settings(self.root)

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @cached_property
    def settings_document(self) -> loader.Document:
        """The settings file as read, for the positions of its values (read with the settings:
        the project answers for the settings it was made with)."""
        return loader.load(self.settings_path)

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def announcement_paths(self, paths: list[Path]) -> list[Path]:
        """``paths``, or every announcement file; an approvals file (``<id>.approvals.yaml``)
        and the record of the English its translations were made from (``<id>.sources.yaml``),
        committed beside their announcement, are not."""
        found = (self.root / "announcements").glob("*.yaml")
        records = (".approvals.yaml", ".sources.yaml")
        return paths or sorted(p for p in found if not p.name.endswith(records))

    def load(self, paths: list[Path]) -> list[Announcement]:
        """Every announcement of ``paths``; InputError with the problems of all files at once.

        Each is judged against the roster (the settings' rounds and every announcement file),
        which fills in an omitted ``total_certified``; ``facts`` keeps what it derived and
        ``documents`` the file each was read from.
        """
        found = self.announcement_paths(paths)
        if not found:
            raise InputError([Problem(self.root / "announcements", 1, 1, "no announcement files")])
        loaded, problems = self._read(found)
        history, others = self.history(loaded)
        announcements = []
        self.documents = {}
        for doc, announcement in loaded:
            assert announcement.id
            if announcement.id in others:  # a file not asked for builds into the same folder
                message = (
                    f"id '{announcement.id}' is the id of {others[announcement.id]} too: both "
                    f"would build into dist/{announcement.id}"
                )
                problems.append(Problem(doc.path, 1, 1, message))
            problems += self._unknown_in_settings(doc, announcement)
            judged, facts = history.judge(doc, announcement)
            problems += judged
            if facts is not None:
                self.facts[announcement.id] = facts
                self.documents[announcement.id] = doc
                announcements.append(
                    announcement.model_copy(update={"total_certified": facts.total})
                )
        if problems:
            raise InputError(problems)
        return announcements

    def _read(
        self, found: list[Path]
    ) -> tuple[list[tuple[loader.Document, Announcement]], list[Problem]]:
        """Each file of ``found`` read once and validated, with the problems of those that are
        not announcements and of two files with one id."""
        problems: list[Problem] = []
        owners: dict[str, Path] = {}  # id -> the file that has it
        loaded: list[tuple[loader.Document, Announcement]] = []
        fonts = self.templates / "fonts"
        for path in found:
            if not path.is_file():
                problems.append(Problem(path, 1, 1, "no such file"))
                continue
            try:
                doc = loader.load(path)  # read once: validated here, then kept for the roster
                announcement = load_announcement(
                    path, self.settings.languages, fonts, self.settings.timezone, doc
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
            loaded.append((doc, announcement))
        return loaded, problems

    def _unknown_in_settings(
        self, doc: loader.Document, announcement: Announcement
    ) -> list[Problem]:
        """The logos and About paragraphs the announcement names that the settings lack."""
        problems = []
        logos = [logo.file for logo in self.settings.logos]
        for index, name in enumerate(announcement.logos or []):
            if name not in logos:
                known = ", ".join(logos) or "none in wwc-press.yaml"
                problems.append(doc.problem(("logos", index), f"no logo '{name}': {known}"))
        for index, key in enumerate(announcement.about or []):
            if key not in self.settings.about:
                known = ", ".join(self.settings.about) or "none in wwc-press.yaml"
                problems.append(
                    doc.problem(("about", index), f"no About paragraph '{key}': {known}")
                )
        return problems

    def history(
        self, loaded: list[tuple[loader.Document, Announcement]]
    ) -> tuple[roster.History, dict[str, Path]]:
        """The roster: the settings' rounds, ``loaded``, and the project's other announcement
        files (read for their cities only; their own problems are theirs to report); and the
        ids of those other files, each with its file."""
        files = list(loaded)
        seen = {doc.path.resolve() for doc, _ in loaded}
        others: dict[str, Path] = {}
        for path in self.announcement_paths([]):
            if path.resolve() in seen:
                continue
            try:
                doc = loader.load(path)
                other = parse(doc, Announcement)
            except InputError:
                continue
            files.append((doc, other))
            others.setdefault(other.id or path.stem, path)
        settings_doc = self.settings_document if self.settings.roster else None
        return roster.History(self.settings.roster, settings_doc, files), others


def write_starter(announcement_id: str) -> Path:
    """Write the commented starter file ``announcements/ID.yaml`` here; UsageError for an ID
    that is no file name of ours, or a file that exists already."""
    from importlib import resources

    from .inputs import ID_PATTERN

    if not ID_PATTERN.fullmatch(announcement_id):
        raise UsageError("ID must be lower-case letters, digits and hyphens, like 2024-11-us")
    target = Path("announcements", f"{announcement_id}.yaml")
    if target.exists():
        raise UsageError(f"{target} exists already; choose another ID or edit that file")
    starter = resources.files("wwc_press").joinpath("data/starter.yaml").read_text("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(starter.replace("ANNOUNCEMENT_ID", announcement_id), encoding="utf-8")
    return target
