"""Errors a user can act on: each points at a place in one of their files."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# Control characters a file may not carry: C0 but tab, line feed and carriage return; DEL; C1.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Characters that show nothing: Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties)
# and the format characters (Cf). In a name they make another name that looks the same:
# "Chi\u200bcago" would be a new city, seven "Tulsa" seven cities.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def invisible(text: str) -> str | None:
    """The first character of ``text`` that shows nothing, if any."""
    found = _IGNORABLE.search(text)
    if found:
        return found.group()
    return next((ch for ch in text if unicodedata.category(ch) == "Cf"), None)


def without_invisible(text: str) -> str:
    """``text`` as it looks: for comparing names."""
    return "".join(ch for ch in _IGNORABLE.sub("", text) if unicodedata.category(ch) != "Cf")


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: control and format characters from a file (an
    escape sequence that retitles the window, a bidi override that reorders the line) are shown
    as escapes, as Python writes them (\\x1b, \\u202e, \\U000e0041): four hex digits for a
    character past U+FFFF would read as another character and a digit."""
    return "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf") else _escape(ch)
        for ch in text
    )


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str
    # Where the contradicted fact was stated, printed on the next line as compilers print a
    # note ("…:12:7: Carlsbad was certified silver here").
    see: Problem | None = field(default=None, compare=False)

    def __str__(self) -> str:
        # Relative to where the user stands, as compilers print it, so editors can jump there.
        shown = (
            self.path.relative_to(Path.cwd()) if self.path.is_relative_to(Path.cwd()) else self.path
        )
        text = visible(f"{shown}:{self.line}:{self.column}: {self.message}")
        return text + (f"\n{self.see}" if self.see else "")


class Error(Exception):
    """An error the user can read: it knows its exit code (the README's contract) and the lines
    that say it, so the command line only asks. Its text is escaped with ``visible``: it may
    carry a name from a file."""

    exit_code = 1  # problems found or a render failed
    verdict = False  # a verdict on the user's files, not a failure: --debug has no trace to show

    def lines(self) -> list[str]:
        return [f"error: {visible(str(self))}"]


class InputError(Error):
    """Raised with every problem found in the user's input, never just the first: one
    ``PATH:LINE:COLUMN: message`` line each, exit 2."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # a settings line judged for each file: once
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]  # each escaped by Problem


class UsageError(Error):
    """A command asked for something it cannot do (a port taken, a folder it may not use):
    exit 2, said as the command line says its own usage errors."""

    exit_code = 2


class RenderError(Error):
    """A template or the PDF engine failed on input that validated: our fault, exit 1."""


class Refused(Error):
    """A gate said no: the lines name each reason (already escaped), exit 1."""

    verdict = True

    def __init__(self, lines: list[str]):
        self.reasons = lines
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return list(self.reasons)


class WriteFailed(Error):
    """The system refused a write (a full disk, a folder made read-only meanwhile): exit 1 and
    what to do, for an ``OSError`` that no check before the build could foresee."""

    def __init__(self, error: OSError):
        self.error = error
        super().__init__(str(error))

    def lines(self) -> list[str]:
        where = visible(f"{self.error.filename}: ") if self.error.filename else ""
        return [
            f"error: {where}{self.error.strerror or self.error}; nothing was published from "
            "this build; free the space or fix the permission, then build again"
        ]


class Interrupted(Error):
    """Ctrl-C (or a kill): exit 130, as shells report a process SIGINT stopped (128 + 2)."""

    exit_code = 130

    def lines(self) -> list[str]:
        return ["interrupted: nothing was published from this build"]
