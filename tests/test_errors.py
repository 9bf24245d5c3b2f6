"""Each error says itself: the exit code the README promises and the lines a terminal shows."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from wwc_press.errors import (
    Error,
    InputError,
    Interrupted,
    Problem,
    Refused,
    RenderError,
    UsageError,
    WriteFailed,
)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (InputError([Problem(Path("/a.yaml"), 1, 1, "bad")]), 2),  # invalid input
        (UsageError("no such port"), 2),  # usage
        (RenderError("template failed"), 1),  # a render failed
        (Refused(["x.po:3:1: fuzzy"]), 1),  # problems found
        (WriteFailed(OSError(errno.ENOSPC, "No space left on device", "dist/x")), 1),
        (Interrupted(), 130),  # 128 + SIGINT
    ],
)
def test_each_error_exits_as_the_readme_says(error: Error, code: int) -> None:
    assert error.exit_code == code
    assert error.lines(), "an error that exits says why"


def test_the_lines_of_an_error_show_no_control_character_from_a_file() -> None:
    hostile = "Tul\x1b]0;owned\x07sa \u202ecity"
    render = RenderError(f"no template for {hostile}")
    assert render.lines() == ["error: no template for Tul\\x1b]0;owned\\x07sa \\u202ecity"]
    problem = InputError([Problem(Path("/a.yaml"), 2, 3, hostile)])
    assert "\x1b" not in "".join(problem.lines()) and "\\u202e" in problem.lines()[0]
    full = WriteFailed(OSError(errno.ENOSPC, "No space left on device", f"dist/{hostile}"))
    assert full.lines() == [
        "error: dist/Tul\\x1b]0;owned\\x07sa \\u202ecity: No space left on device; nothing was "
        "published from this build; free the space or fix the permission, then build again"
    ]


def test_every_input_problem_is_one_line_and_said_once() -> None:
    one = Problem(Path("/a.yaml"), 2, 3, "a")
    other = Problem(Path("/a.yaml"), 1, 1, "b")
    assert InputError([one, other, one]).lines() == [str(other), str(one)]
