"""An announcement's units as a gettext PO file and back, written and read with polib: the
unit's id as msgctxt, the English as msgid, notes as extracted comments, the glossary and the
memory as translator comments, a changed English as a fuzzy entry with its previous msgid.
"""

from __future__ import annotations

from pathlib import Path

import polib

from .errors import InputError, Problem
from .xliff import Entry, Incoming

ANNOUNCEMENT_HEADER = "X-Announcement"  # the announcement it was exported from


def _comments(unit) -> str:
    lines = [f"glossary: {t.term} = {t.translation} ({t.note})" for t in unit.terms]
    if unit.memory is not None:
        lines.append(f"memory: filled from the same English in {unit.memory.origin}")
    for match in unit.suggestions:
        lines.append(
            f"suggestion ({match.similarity:.0%} like {match.origin}): {match.target}"
            f" [for: {match.source}]"
        )
    return "\n".join(lines)


def write(units: list, language: str, original: str, notes: dict[str, str]) -> bytes:
    """The PO file of ``units`` (translate.Unit) in ``language``."""
    po = polib.POFile(wrapwidth=100)
    po.metadata = {
        "Project-Id-Version": original,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",  # gettext's blanks, for the CAT tool
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": language,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        ANNOUNCEMENT_HEADER: original,
    }
    for unit in units:
        entry = polib.POEntry(
            msgctxt=unit.id,
            msgid=unit.source,
            msgstr=unit.target,
            comment=notes[unit.id],
            tcomment=_comments(unit),
            occurrences=[(original if not unit.id.startswith("settings.") else "wwc-press.yaml",
                          str(unit.line))],
        )  # fmt: skip
        if unit.state == "changed":
            entry.flags.append("fuzzy")
            entry.previous_msgctxt = unit.id
            entry.previous_msgid = unit.previous
        po.append(entry)
    return str(po).encode("utf-8")


def read(path: Path) -> Incoming:
    """The entries of a PO file; InputError at the line of what polib cannot read."""
    try:
        po = polib.pofile(str(path), encoding="utf-8", check_for_duplicates=True)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        message = str(error).replace(f"{path}", "").strip(" :") or "not a PO file"
        raise InputError([Problem(path, 1, 1, f"not a PO file polib reads: {message}")]) from None
    lines = _lines(path)
    entries = [
        Entry(e.msgctxt or "", e.msgid, e.msgstr, _msgstr_line(lines, e.linenum), e.translated())
        for e in po
        if not e.obsolete
    ]
    header = next((i + 1 for i, text in enumerate(lines) if '"Language:' in text), 1)
    return Incoming(
        path, po.metadata.get("Language"), header, po.metadata.get(ANNOUNCEMENT_HEADER), entries
    )


def _msgstr_line(lines: list[str], start: int | None) -> int:
    """The line of an entry's translation: polib numbers an entry from its first comment."""
    start = start or 1
    return next(
        (n for n in range(start, len(lines) + 1) if lines[n - 1].startswith("msgstr")), start
    )


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()
