"""Sign-off per language, bound to what the reviewer read.

An approval records who approved a language, when, and a hash of exactly what that language's
outputs say: the rendered text of each output, section by section (not their bytes, which
change with a font or a PDF library). Any later change to what the language says (the
announcement, a catalog, a template, a setting) changes the hash and voids the approval, and the
sections that changed are named. Approvals live in ``announcements/<id>.approvals.yaml``,
committed with the announcement; no command reads that file as an announcement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, RootModel, model_validator

from .errors import InputError, Problem
from .model import Announcement, Language
from .plan import plan
from .project import Project
from .render import Renderer

_SECTION = re.compile(r'<(?:section|header|p|blockquote|nav)[^>]*\bid="([^"]+)"[^>]*>(.*?)</', re.S)


_INLINE = re.compile(r"</?(?:span|a|time|strong|em|b|i)\b[^>]*>")


def _text(fragment: str) -> str:
    """The words a reader sees: inline tags vanish, block tags part the words."""
    words = re.sub(r"<[^>]+>", " ", _INLINE.sub("", fragment))
    return " ".join(html.unescape(words).split())


# Beyond its sections, what the formats of an output show: the page's other words (its title,
# the running heads), the words it keeps in attributes (the continuation mark of every page but
# the last, a logo's alt text) or in its CSS (the page footer), under FRAME; and what draws them
# (the CSS, the fonts, the logos, a city's cards), as one digest, under STYLE. Not section ids
# (which are [a-z0-9-]), so a reviewer's comment never lands on them.
FRAME, STYLE = "(frame)", "(style)"
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_SHOWN = re.compile(r'\b(?:alt|title|data-mark|aria-label)="([^"]*)"')
_CSS_TEXT = re.compile(r"\bcontent:([^;}]*)")
_CSS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_FILE = re.compile(r"""(?:url\(|src=)["']?[^"')]*?([\w.-]+\.(?:ttf|otf|woff2?|svg|png))""")


def said(project: Project, announcement: Announcement, language: str) -> dict[str, dict[str, str]]:
    """What each output of ``language`` says, section by section: {output: {section: text}},
    with its FRAME and STYLE."""
    renderer = Renderer(project)
    return {  # the page as the build writes it: its head's preview and data are words too
        output.path.as_posix(): _sections(
            project,
            renderer.files(announcement, output)[output.path].decode("utf-8"),
            output.kind,
        )
        for output in plan(announcement, [language], ["html"])
    }


def shown(project: Project, announcement: Announcement, language: str, folder: Path) -> str:
    """The hash of what the HTML pages built in ``folder`` (dist/<id>) say: what the review
    page shows, and what its Approve button approves. Empty when a page is missing."""
    outputs = {}
    for output in plan(announcement, [language], ["html"]):
        if not (folder / output.path).is_file():
            return ""
        page = (folder / output.path).read_text("utf-8")
        outputs[output.path.as_posix()] = _sections(project, page, output.kind)
    return fingerprint(outputs)


def _sections(project: Project, page: str, kind: str) -> dict[str, str]:
    """What one HTML page says, section by section, with its FRAME and STYLE."""
    start = page.index("<main")
    body = page[start:]
    spans = [(match, _end(body, match)) for match in _SECTION.finditer(body)]
    sections = {match.group(1): _text(body[match.start() : end]) for match, end in spans}
    outside, cut = page[:start], 0
    for match, end in spans:  # nested sections: the outer one's span covers them
        if match.start() >= cut:
            outside += body[cut : match.start()] + " "
            cut = end
    outside += body[cut:]
    sections[FRAME] = _frame(outside)
    sections[STYLE] = _style(project, page, card=kind == "cities")
    return sections


def _frame(page: str) -> str:
    styles = "".join(_STYLE.findall(page))
    words = [_text(_STYLE.sub(" ", page))]
    words += [html.unescape(value) for value in _SHOWN.findall(page)]
    words += [
        string for content in _CSS_TEXT.findall(styles) for string in _CSS_STRING.findall(content)
    ]
    return " ".join(" ".join(words).split())


def _style(project: Project, page: str, *, card: bool) -> str:
    """A digest of what draws the page: its CSS and the font and logo files it names (and the
    card template for a city's social cards)."""
    digest = hashlib.sha256("".join(_STYLE.findall(page)).encode())
    for folder in (project.templates / "fonts", project.root / "logos"):
        for name in sorted(set(_FILE.findall(page))):
            if (folder / name).is_file():
                digest.update(f"\0{name}\0".encode() + (folder / name).read_bytes())
    if card:
        digest.update((project.templates / "card.html").read_bytes())
    return digest.hexdigest()


def _end(body: str, match: re.Match[str]) -> int:
    """Where the element opened at ``match`` closes: the start of its own closing tag."""
    tag = re.match(r"<(\w+)", match.group(0))
    assert tag
    depth = 0
    for found in re.finditer(rf"<(/?){tag.group(1)}\b", body[match.start() :]):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return match.start() + found.start()
    return len(body)


def fingerprint(outputs: dict[str, dict[str, str]]) -> str:
    digest = hashlib.sha256()
    for path in sorted(outputs):
        for section in sorted(outputs[path]):
            digest.update(f"{path}\0{section}\0{outputs[path][section]}\0".encode())
    return digest.hexdigest()


def approvals_path(project: Project, announcement: Announcement) -> Path:
    return project.root / "announcements" / f"{announcement.id}.approvals.yaml"


def reviewer(name: str) -> str:
    """A reviewer's name as recorded, spaces folded; ValueError when it is no name. Names are
    printed on terminals and pages: no control character (an escape sequence retitles a
    terminal) and no invisible one (U+202E turns the rest of a line around)."""
    from .errors import CONTROL, invisible
    from .inputs import MAX_NAME

    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME or CONTROL.search(name) or invisible(name):
        raise ValueError(f"give the reviewer's name: at most {MAX_NAME} characters, no control "
                         "or invisible characters")  # fmt: skip
    return name


# A name read back from the file obeys the rules of a name given to approve.
_Reviewer = Annotated[str, AfterValidator(reviewer)]


class _Note(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    by: _Reviewer
    at: str
    text: str


class _Record(BaseModel):
    """One language's sign-off (by, at, hash, sections) and its comments; either may be absent."""

    model_config = ConfigDict(extra="forbid", strict=True)
    by: _Reviewer | None = None
    at: str | None = None
    hash: str | None = None
    sections: dict[str, dict[str, str]] = {}
    comments: dict[str, list[_Note]] = {}

    @model_validator(mode="after")
    def _signed(self) -> _Record:
        if self.hash is not None and (self.by is None or self.at is None):
            raise ValueError("an approval names who gave it and when: 'by' and 'at' with 'hash'")
        return self


_File = RootModel[dict[Language, _Record]]


def read(path: Path) -> dict:
    """The approvals file as {language: record}. The file is committed, merged and edited by
    hand, so it is read like an announcement: a conflict marker, a tag, a wrong shape or a
    missing key is an InputError at its line, never a traceback in a later step."""
    from . import loader
    from .validate import parse

    if not path.exists() and not path.is_symlink():
        return {}  # nothing approved yet
    if not path.is_file():  # a folder, a dangling link: approve could not write it either
        what = "a folder" if path.is_dir() else "not a file"
        message = f"the approvals file is {what}: move it away; wwc-press approve writes it there"
        raise InputError([Problem(path, 1, 1, message)])
    records = parse(loader.load(path, generated=True), _File)
    return records.model_dump(exclude_defaults=True)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _write(path: Path, records: dict) -> None:
    from .publish import write_atomic

    write_atomic(
        path,
        (
            "# Sign-off per language (wwc-press approve): who, when, what each output said,\n"
            "# and reviewers' comments per section.\n"
            + yaml.safe_dump(records, allow_unicode=True, sort_keys=True, width=100)
        ).encode("utf-8"),
    )


class Changed(Exception):
    """What a reviewer read is no longer what the language says: nothing was approved."""


def approve(
    project: Project, announcement: Announcement, language: str, by: str, seen: str | None = None
) -> Path:
    """Record ``by``'s approval of ``language`` as it reads now (its comments are kept).
    ``seen``: the hash of what the reviewer's page showed; the approval is of that, so it is
    refused (Changed) when the language says something else now."""
    by = reviewer(by)
    path = approvals_path(project, announcement)
    records = read(path)  # a damaged file is said first, whatever the form saw
    outputs = said(project, announcement, language)
    if seen is not None and not hmac.compare_digest(seen, fingerprint(outputs)):
        raise Changed(f"{language} changed since this page was made: nothing was approved; "
                      "read it again as it reads now, then approve")  # fmt: skip
    record = records.setdefault(language, {})
    record.update(by=by, at=_now(), hash=fingerprint(outputs), sections=outputs)
    _write(path, records)
    return path


def comment(
    project: Project, announcement: Announcement, language: str, where: str, by: str, text: str
) -> Path:
    """Add ``by``'s comment on one section (``where``: "es/press-release.html#lead") of a
    language. A comment is a note to the translator: it neither grants nor voids an approval."""
    from .errors import CONTROL, visible
    from .loader import MAX_TEXT

    by = reviewer(by)
    # The approvals file refuses what a comment could carry in from a paste (an escape, a C1
    # control from mis-decoded text): written, it would stop every command that reads the file.
    if found := CONTROL.search(text):
        raise ValueError(f"the comment holds a control character ({visible(found.group(0))}): "
                         "remove it and send it again")  # fmt: skip
    if len(text) > MAX_TEXT:
        raise ValueError(f"the comment is {len(text):,} characters long: at most {MAX_TEXT:,}")
    path = approvals_path(project, announcement)
    records = read(path)
    notes = records.setdefault(language, {}).setdefault("comments", {})
    notes.setdefault(where, []).append({"by": by, "at": _now(), "text": text})
    _write(path, records)
    return path


def comments(project: Project, announcement: Announcement) -> dict[tuple[str, str], list[dict]]:
    """Every comment, by (language, "path#section")."""
    return {
        (language, where): notes
        for language, record in read(approvals_path(project, announcement)).items()
        for where, notes in (record.get("comments") or {}).items()
    }


@dataclass(frozen=True)
class State:
    language: str
    approved: bool
    message: str
    # Each section changed since the approval, with a word diff: [-old words-] {+new words+}.
    changes: tuple[tuple[str, str], ...] = ()
    # What the review page shows of the language (shown()): its Approve form carries it.
    hash: str = ""


def word_diff(before: str, after: str) -> str:
    """The words that changed, wdiff's way: "redujo un 57 % [-las muertes-] {+los decesos+}"."""
    import difflib

    old, new = before.split(), after.split()
    out: list[str] = []
    # No autojunk: in a text of 200 words or more difflib ignores the common ones ("de", "the"),
    # and a one-word change reads as a whole phrase replaced.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out += old[a1:a2]
            continue
        if a2 > a1:
            out.append("[-" + " ".join(old[a1:a2]) + "-]")
        if b2 > b1:
            out.append("{+" + " ".join(new[b1:b2]) + "+}")
    return " ".join(out)


def state(project: Project, announcement: Announcement, language: str) -> State:
    """Whether ``language`` is approved as it reads now; else why not, naming what changed."""
    record = read(approvals_path(project, announcement)).get(language)
    if record is None or "hash" not in record:  # none yet, or only comments
        return State(language, False, f"{language} is not approved: run wwc-press approve")
    outputs = said(project, announcement, language)
    if fingerprint(outputs) == record.get("hash"):
        return State(language, True, f"{language} approved by {record['by']} at {record['at']}")
    before = record.get("sections", {})
    changed = [
        f"{path}#{section}"
        for path in sorted(set(outputs) | set(before))
        for section in sorted(set(outputs.get(path, {})) | set(before.get(path, {})))
        if outputs.get(path, {}).get(section) != before.get(path, {}).get(section)
    ]
    listed = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    diffs = tuple((where, word_diff(_at(before, where), _at(outputs, where))) for where in changed)
    return State(
        language,
        False,
        f"{language} changed since {record['by']} approved it at {record['at']}: {listed}",
        diffs,
    )


def _at(outputs: dict[str, dict[str, str]], where: str) -> str:
    path, section = where.split("#", 1)
    return outputs.get(path, {}).get(section, "")
