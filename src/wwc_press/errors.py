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


class InputError(Exception):
    """Raised with every problem found in the user's input, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # a settings line judged for each file: once
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(Exception):
    """A template or the PDF engine failed on input that validated: our fault, exit 1."""
