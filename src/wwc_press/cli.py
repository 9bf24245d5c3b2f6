"""The command line: thin click commands over the pipeline (the README's
command line and exit codes are its contract).

Exit codes: 0 done; 1 problems found or a render failed; 2 invalid input or usage; 130
interrupted. Each error knows its code and its lines (errors.py): a user's mistake prints
``PATH:LINE:COLUMN: message`` lines and no traceback; ``--debug`` shows one.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import Error, Interrupted, UsageError, WriteFailed
from .formats import FORMATS
from .inputs import LANGUAGES
from .model import KINDS


def _exit_with(error: Error) -> NoReturn:
    """Say the error as it says itself, and exit with its code."""
    for line in error.lines():
        click.echo(line, err=True)
    sys.exit(error.exit_code)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our errors into their lines and exit codes; keep the traceback for --debug. A usage
    error is said as click says its own; an OSError no check could foresee (a full disk, a
    folder made read-only meanwhile) is a write that failed."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            raise click.UsageError(str(error)) from None
        except (Error, OSError) as error:
            if debug and not getattr(error, "verdict", False):
                raise
            _exit_with(error if isinstance(error, Error) else WriteFailed(error))

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
            _exit_with(Interrupted())


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
    """A folder we can write into, or a usage error that says why."""
    from .publish import require_output_folder

    try:
        require_output_folder(out, Path.cwd())
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None
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
    help=f"Only this format (default: all: {', '.join(FORMATS)}).",
)
@out_option("Output folder.")
@click.option("--only", multiple=True, type=click.Choice(KINDS), help="Only this kind of output.")
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
    from .check import project_problems, require_final

    started = time.perf_counter()
    project, announcements = _load(paths)
    if final:
        problems = project_problems(project, announcements, settings=False)
        require_final(project, announcements, list(languages), problems)
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
    from .check import embargo_warnings

    project, announcements = _load(paths)
    # Not errors (the instant is exact), so exit 0; check fails on them.
    for problem in embargo_warnings(project, announcements):
        click.echo(str(replace(problem, message="warning: " + problem.message)), err=True)
    for announcement in announcements:
        click.echo(f"{announcement.id}: ok")


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
        raise UsageError(f"{announcement.id} is not written in {language}")
    written = record(project, announcement, language, name)
    click.echo(f"{announcement.id}: {language} approved by {name} ({written})")


@main.command()
@paths_argument
@click.option("--final", is_flag=True, help="Also refuse languages not approved as they read.")
@_reports_errors
def check(paths: tuple[Path, ...], final: bool) -> None:
    """Translation coverage and cross-language consistency; exit 1 when something is wrong."""
    from .check import held_notes, project_problems, require_final
    from .errors import Refused

    project, announcements = _load(paths)
    problems = project_problems(project, announcements, settings=True)
    # Claims the roster could not prove, so not made: not problems (standard output, exit 0),
    # but said with the record that would allow them.
    for note in held_notes(project, announcements):
        click.echo(str(replace(note, message="note: " + note.message)))
    if problems:
        raise Refused([*map(str, problems), f"{len(problems)} problems"])
    if final:  # the gate's problems are the ones above: none, or check stopped there
        require_final(project, announcements, [], problems)
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
    from .roster_listing import listing

    project, announcements = _load(())
    # After every file and round: two files of one date, or a round after the last file, count.
    total, entries = project.history([])[0].final()
    latest = max(a.date for a in announcements)
    listing(fmt, total, latest, entries, project.root)


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
    from .project import write_starter

    target = write_starter(announcement_id)
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

    for line in catalogs.Catalogs(Path.cwd()).status_lines():
        click.echo(line)


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
    from .project import Project
    from .review import build_and_review

    _, target = build_and_review(Project(Path.cwd()), path, out)
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


def _checked(check: str, shown: str = "{error}") -> Callable[..., Any]:
    """An option's callback from a function of ours (``check``, "module.function", imported
    when used: --help loads none) that returns the value or raises ValueError with why not,
    said as a usage error (``shown``: the sentence, from ``value`` and ``error``)."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        from importlib import import_module

        if value is None:
            return None
        module, name = check.rsplit(".", 1)
        try:
            return getattr(import_module(f".{module}", __package__), name)(value)
        except ValueError as error:
            raise click.BadParameter(shown.format(value=value, error=error), ctx, param) from None

    return callback


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
@click.option(
    "--now",
    callback=_checked("site.moment"),
    help="The moment to publish at (ISO, with offset); default the present.",
)
@click.option(
    "--base-url",
    callback=_checked("site.base_url", "{value!r}: {error}"),
    help="Where the site is served, for absolute links.",
)
@_reports_errors
def publish_command(out: Path, dist: Path, now, base_url: str | None) -> None:
    """Write the public newsroom: every announcement out of embargo at --now, feeds, sitemap."""
    import datetime as dt

    from .publish import require_site_folder
    from .site import write_site

    now = now or dt.datetime.now(dt.UTC)
    try:
        require_site_folder(out, dist)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--out'") from None
    project, _ = _load(())
    report = write_site(project, dist, out, now, base_url)
    for announcement_id in report.published:
        click.echo(f"published {announcement_id}")
    for announcement_id, moment in report.embargoed:
        click.echo(f"held back {announcement_id}: under embargo until {moment.isoformat()}")
    click.echo(f"wrote {out}")
