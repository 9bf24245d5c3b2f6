"""The command line: thin click commands over the pipeline (the README's
command line and exit codes are its contract).

Exit codes: 0 done; 1 a render failed; 2 invalid input or usage. A user's mistake prints
``PATH:LINE:COLUMN: message`` lines and no traceback; ``--debug`` shows one.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any

import click

from .errors import InputError, RenderError, visible
from .model import KINDS, LANGUAGES
from .plan import FORMATS

EXIT_PROBLEMS = 1
EXIT_INPUT = 2


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our errors into messages and exit codes; keep the traceback for --debug."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except InputError as error:
            if debug:
                raise
            for problem in error.problems:
                click.echo(str(problem), err=True)
            sys.exit(EXIT_INPUT)
        except RenderError as error:
            if debug:
                raise
            click.echo(f"error: {visible(str(error))}", err=True)
            sys.exit(EXIT_PROBLEMS)
        except OSError as error:  # a full disk, a folder made read-only meanwhile
            if debug:
                raise
            where = visible(f"{error.filename}: ") if error.filename else ""
            click.echo(f"error: {where}{error.strerror or error}; nothing was published "
                       "from this build; free the space or fix the permission, then build "
                       "again", err=True)  # fmt: skip
            sys.exit(EXIT_PROBLEMS)

    return wrapper


class _Commands(click.Group):
    """The command group. Ctrl-C is exit 130 and one sentence wherever it lands: in a command,
    in its option callbacks, or as the command returns. Click's own handling, which takes an
    interrupt outside the command's function, would print "Aborted!" and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            if ctx.params.get("debug"):
                raise
            click.echo("interrupted: nothing was published from this build", err=True)
            sys.exit(EXIT_INTERRUPTED)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process that Ctrl-C stopped


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show a traceback with errors.")
@click.version_option(package_name="wwc-press")
def main(debug: bool) -> None:
    """Turn certification announcements into localized press releases (PDF and HTML)."""


def _load(paths: tuple[Path, ...]):
    """The project in the current directory and its announcements (all, or those of paths)."""
    from .project import Project

    project = Project(Path.cwd())
    return project, project.load(list(paths))


def _usable_out(ctx: click.Context, param: click.Parameter, out: Path) -> Path:
    """A folder we can write into, or a usage error that says why: a file, a path below a file,
    a dangling link or a folder without write permission."""
    import os

    def refuse(why: str) -> None:
        raise click.BadParameter(f"{out}: {why}; choose another folder", ctx, param)

    try:
        where = (Path.cwd() / out).resolve()
        project = Path.cwd().resolve()
        if project.is_relative_to(where):
            refuse("the project itself or a folder above it: a build would write among its files")
        for source in ("announcements", "templates", "locales", "logos"):
            if where.is_relative_to(project / source):
                refuse(f"inside {source}/, the project's own files")
        if out.is_symlink() and not out.exists():
            refuse(f"a link to {os.readlink(out)}, which does not exist")
    except OSError as error:  # a name too long, a loop of links
        refuse(error.strerror or str(error))
    if out.exists() and not out.is_dir():
        refuse("a file, not a folder")
    existing = out
    while not existing.exists():
        if existing.is_symlink():
            refuse(f"{existing} is a link to nothing")
        existing = existing.parent
    if not existing.is_dir():
        refuse(f"{existing} is a file, so no folder can be made below it")
    if not os.access(existing, os.W_OK | os.X_OK):
        refuse(f"{existing} is not writable")
    return out


def out_option(help_text: str) -> Callable[..., Any]:
    """--out, the same folder for every command that writes or reads outputs."""
    return click.option(
        "--out",
        type=click.Path(path_type=Path),
        default=Path("dist"),
        show_default=True,
        callback=_usable_out,
        help=help_text,
    )


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))


@main.command()
@paths_argument
@click.option(
    "--lang", "languages", multiple=True, type=click.Choice(LANGUAGES), help="Only this language."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="Only this format (default: all: pdf, html, docx, txt, eml, png).",
)
@out_option("Output folder.")
@click.option(
    "--only",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only this kind of output.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Outputs rendered at once, in worker processes. Default: the number of cores.",
)
@click.option("--force", is_flag=True, help="Render every output, even those up to date.")
@click.option("--final", is_flag=True, help="Refuse languages not approved as they read now.")
@_reports_errors
def build(
    paths: tuple[Path, ...],
    languages: tuple[str, ...],
    formats: tuple[str, ...],
    out: Path,
    only: tuple[str, ...],
    jobs: int | None,
    force: bool,
    final: bool,
) -> None:
    """Render every output of the announcements (all of announcements/*.yaml by default)."""
    from .build import build as run_build

    started = time.perf_counter()
    project, announcements = _load(paths)
    if final:
        _refuse_unapproved(project, paths, announcements, list(languages))
    report = run_build(
        project, announcements, out, list(languages), list(formats), list(only), jobs, force
    )
    for path in report.written:
        click.echo(out / path)
    seconds = time.perf_counter() - started
    click.echo(
        f"built {len(report.written)} files ({report.unchanged} up to date) from "
        f"{len(announcements)} announcements in {seconds:.2f} s"
    )


@main.command()
@paths_argument
@_reports_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check announcement files; print every problem; write nothing."""
    from . import loader
    from .validate import embargo_offset

    project, announcements = _load(paths)
    for path, announcement in zip(
        project.announcement_paths(list(paths)), announcements, strict=True
    ):
        # Not an error (the instant is exact), so exit 0; check fails on it.
        for problem in embargo_offset(loader.load(path), announcement, project.settings.timezone):
            click.echo(str(replace(problem, message="warning: " + problem.message)), err=True)
        click.echo(f"{announcement.id}: ok")


def _refuse_unapproved(project, paths, announcements, languages: list[str]) -> None:
    """Exit 1, saying which and why, unless every language asked for is approved as it reads
    and passes check (catalogs, QA, glossary, facts across languages)."""
    from .approvals import state
    from .check import announcement_problems, catalog_problems, glossary

    terms = glossary(project.root)
    problems = catalog_problems(project.root)
    files = project.announcement_paths(list(paths))
    for path, announcement in zip(files, announcements, strict=True):
        found = announcement_problems(
            path, announcement, project.settings.timezone, terms, project.settings.contacts
        )
        problems += [finding.problem for finding in found]
    refused = [str(problem) for problem in sorted(problems)]
    refused += [
        visible(f"{announcement.id}: {found.message}")  # names from the approvals file
        for announcement in announcements
        for language in announcement.languages or []
        if not languages or language in languages
        for found in [state(project, announcement, language)]
        if not found.approved
    ]
    for line in refused:
        click.echo(line, err=True)
    if refused:
        click.echo("final: refused; approve the languages as they read now", err=True)
        sys.exit(EXIT_PROBLEMS)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", "language", required=True, type=click.Choice(LANGUAGES))
@click.option("--by", "name", required=True, help="Who approves: their name.")
@_reports_errors
def approve(path: Path, language: str, name: str) -> None:
    """Record NAME's sign-off of one language of an announcement, as it reads now."""
    from .approvals import approve as record
    from .approvals import reviewer

    try:
        name = reviewer(name)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--by") from None
    project, [announcement] = _load((path,))
    if language not in (announcement.languages or []):
        raise click.UsageError(f"{announcement.id} is not written in {language}")
    written = record(project, announcement, language, name)
    click.echo(f"{announcement.id}: {language} approved by {name} ({written})")


@main.command()
@paths_argument
@click.option("--final", is_flag=True, help="Also refuse languages not approved as they read.")
@_reports_errors
def check(paths: tuple[Path, ...], final: bool) -> None:
    """Translation coverage and cross-language consistency; exit 1 when something is wrong."""
    from . import loader
    from .check import (
        announcement_problems,
        catalog_problems,
        contact_places,
        glossary,
        unsendable,
    )

    project, announcements = _load(paths)
    problems = catalog_problems(project.root)
    terms = glossary(project.root)
    settings_doc = loader.load(project.settings_path)
    problems += unsendable(settings_doc, contact_places(project.settings.contacts))
    for path, announcement in zip(
        project.announcement_paths(list(paths)), announcements, strict=True
    ):
        found = announcement_problems(
            path, announcement, project.settings.timezone, terms, project.settings.contacts
        )
        problems += [finding.problem for finding in found]
    # Claims the roster could not prove, so not made: not problems (standard output, exit 0),
    # but said with the record that would allow them.
    held = [
        note for a in announcements if a.id in project.facts for note in project.facts[a.id].held
    ]
    for note in sorted(held):
        click.echo(str(replace(note, message="note: " + note.message)))
    for problem in sorted(problems):
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problems", err=True)
        sys.exit(EXIT_PROBLEMS)
    if final:
        _refuse_unapproved(project, paths, announcements, [])
    checked = f"{len(announcements)} announcement{'s' if len(announcements) != 1 else ''}"
    click.echo(f"checked {checked} and the catalogs: no problems")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or CSV or JSON for other tools.",
)
@_reports_errors
def roster(fmt: str) -> None:
    """Every certified city the program knows, with its level and since when."""
    import csv

    project, announcements = _load(())

    # After every file and round: two files of one date, or a round after the last file, count.
    total, entries = project.history([])[0].final()
    latest = max(a.date for a in announcements)
    rows = [
        {
            "city": entry.name,
            "region": entry.region or "",
            "country": entry.country,
            "level": entry.level,
            "since": entry.since.isoformat() if entry.since else None,  # not known
            "source": f"{entry.where.path.relative_to(project.root)}:{entry.where.line}",
        }
        for entry in entries
    ]
    if fmt == "json":
        data = {"date": latest.isoformat(), "total": total, "cities": rows}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*(name.capitalize() for name in rows[0]), title="Certified cities")
        for row in rows:
            table.add_row(*(value or "" for value in row.values()))
        console = Console()
        console.print(table)
        console.print(
            f"{total} cities certified to {latest.isoformat()}; the roster names "
            f"{len(rows)} of them."
        )


@main.command()
def schema() -> None:
    """Print the JSON Schema of the announcement file."""
    from .model import Announcement

    click.echo(
        json.dumps(Announcement.model_json_schema(by_alias=True), indent=2, ensure_ascii=False)
    )


@main.command()
@click.argument("announcement_id")
@_reports_errors
def new(announcement_id: str) -> None:
    """Write a commented starter file announcements/ID.yaml."""
    from .model import ID_PATTERN

    if not ID_PATTERN.fullmatch(announcement_id):
        raise click.UsageError("ID must be lower-case letters, digits and hyphens, like 2024-11-us")
    target = Path("announcements", f"{announcement_id}.yaml")
    if target.exists():
        raise click.UsageError(f"{target} exists already; choose another ID or edit that file")
    starter = resources.files("wwc_press").joinpath("data/starter.yaml").read_text("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(starter.replace("ANNOUNCEMENT_ID", announcement_id), encoding="utf-8")
    click.echo(f"wrote {target}: fill it in, then run 'wwc-press validate {target}'")


@main.group()
def i18n() -> None:
    """The gettext catalog workflow (locales/): extract, update, compile, status."""


@i18n.command()
def extract() -> None:
    """Write locales/messages.pot from the templates and the Python marks."""
    from . import i18n as catalogs

    click.echo(catalogs.extract(Path.cwd()))


@i18n.command()
def update() -> None:
    """Merge messages.pot into each language's messages.po (fuzzy matching on)."""
    from . import i18n as catalogs

    for path in catalogs.update(Path.cwd()):
        click.echo(path)


@i18n.command(name="compile")
def compile_command() -> None:
    """Compile each messages.po to messages.mo (for other tools; wwc-press reads the .po)."""
    from . import i18n as catalogs

    for path in catalogs.compile_catalogs(Path.cwd()):
        click.echo(path)


@i18n.command()
def status() -> None:
    """Per language: translated, fuzzy, untranslated and obsolete entries, counted from the .po."""
    from . import i18n as catalogs
    from .localize import CATALOG_DIR

    click.echo(
        f"{'language':<10}{'translated':>12}{'fuzzy':>8}{'untranslated':>14}{'obsolete':>10}"
    )
    for language in CATALOG_DIR:
        report = catalogs.coverage(Path.cwd(), language)
        click.echo(
            f"{language:<10}{report.translated:>12}{report.fuzzy:>8}"
            f"{report.untranslated:>14}{report.obsolete:>10}"
        )


@main.group()
def translate() -> None:
    """An announcement's texts out to translators (XLIFF 2.1 or PO) and back into its YAML."""


@translate.command(name="export")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", "language", required=True, type=click.Choice(LANGUAGES))
@click.option("--format", "fmt", type=click.Choice(["xliff", "po"]), default="xliff")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The file to write; default <id>.<lang>.xlf (or .po) here.")  # fmt: skip
@_reports_errors
def translate_export(path: Path, language: str, fmt: str, out: Path | None) -> None:
    """Write every text of an announcement that LANG needs, for a translator's tool."""
    from .project import Project
    from .publish import write_atomic
    from .translate import export

    data = export(Project(Path.cwd()), path, language, fmt)
    out = out or Path(f"{path.stem}.{language}.{'xlf' if fmt == 'xliff' else 'po'}")
    write_atomic(out, data)
    click.echo(f"wrote {out}")


@translate.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@_reports_errors
def translate_import(file: Path) -> None:
    """Write a translated XLIFF or PO file back into its announcement, once every unit passes."""
    from .project import Project
    from .translate import import_file

    written, imported, left = import_file(Project(Path.cwd()), file)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{imported} texts accepted, {left} left untranslated or marked for review")


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@out_option("Output folder, where build wrote the announcement.")
@_reports_errors
def review(path: Path, out: Path) -> None:
    """Build the announcement, then write the side-by-side review page dist/<id>/review.html."""
    from .approvals import approvals_path, read
    from .build import build as run_build
    from .review import refresh

    project, [announcement] = _load((path,))
    read(approvals_path(project, announcement))  # a damaged sign-off file: said before the build
    run_build(project, [announcement], out)
    target = refresh(project, path, announcement, out)
    click.echo(target)


@main.command()
@paths_argument
@out_option("Output folder to build into and serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port; 0 picks a free one.",
)
@_reports_errors
def serve(paths: tuple[Path, ...], out: Path, host: str, port: int) -> None:
    """Local preview that rebuilds on change and reloads the open page."""
    from .serve import serve as run_server

    run_server(Path.cwd(), list(paths), out, host, port)


def _moment(ctx: click.Context, param: click.Parameter, value: str | None):
    """--now: an ISO time with its offset (or Z); default the present."""
    import datetime as dt

    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO time; write it like 2023-06-21T10:01:00-04:00", ctx, param
        ) from None
    if moment.tzinfo is None:
        raise click.BadParameter(
            f"{value!r} has no offset, so it names no moment; add one, like -04:00 or Z", ctx, param
        )
    return moment


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .site import base_url

    if value is None:
        return None
    try:
        return base_url(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r}: {error}", ctx, param) from None


@main.command(name="publish")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    callback=_usable_out,
    help="Folder of the public site, replaced as a whole.",
)
@click.option(
    "--from",
    "dist",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Where build wrote the announcements.",
)
@click.option("--now", callback=_moment, help="The moment to publish at (ISO, with offset).")
@click.option(
    "--base-url", callback=_base_url, help="Where the site is served, for absolute links."
)
@_reports_errors
def publish_command(out: Path, dist: Path, now, base_url: str | None) -> None:
    """Write the public newsroom: every announcement out of embargo at --now, feeds, sitemap."""
    import os

    from .site import write_site

    if out.is_symlink():  # the site replaces --out as a whole, and never someone's link
        raise click.BadParameter(
            f"{out}: a link (to {os.readlink(out)}), which publish would replace; give the "
            "folder itself",
            param_hint="'--out'",
        )
    source, target = dist.resolve(), out.resolve()
    if source == target or target.is_relative_to(source) or source.is_relative_to(target):
        raise click.BadParameter(
            f"{out}: the site may not be {dist} or hold it or lie inside it; choose another folder",
            param_hint="'--out'",
        )
    project, _ = _load(())
    report = write_site(project, dist, out, now, base_url)
    for announcement_id in report.published:
        click.echo(f"published {announcement_id}")
    for announcement_id, moment in report.embargoed:
        click.echo(f"held back {announcement_id}: under embargo until {moment.isoformat()}")
    click.echo(f"wrote {out}")
