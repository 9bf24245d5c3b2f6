"""Errors a user can act on: each points at a place in one of their files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
        text = f"{shown}:{self.line}:{self.column}: {self.message}"
        return text + (f"\n{self.see}" if self.see else "")


class InputError(Exception):
    """Raised with every problem found in the user's input, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(Exception):
    """A template or the PDF engine failed on input that validated: our fault, exit 1."""
