"""A damaged approvals file (a merge left its conflict markers, a hand edit broke its shape, a
tag) is an error at its line with exit 2 in every command that reads it, never a traceback."""

from __future__ import annotations

import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"
APPROVALS = f"{SAMPLE_ID}.approvals.yaml"

DAMAGED = {
    "conflict markers": (
        "<<<<<<< HEAD\nes:\n  by: Ana\n=======\nes:\n  by: Bea\n>>>>>>> theirs\n", 2,
        "YAML syntax error",
    ),
    "a top-level string": ('"approved by everyone"\n', 1, "expected a mapping of keys"),
    "a missing key": ("es:\n  hash: abc\n  at: '2024-01-01T00:00:00+00:00'\n", 2,
                      "an approval names who gave it and when"),
    "a list for a mapping": ("es:\n  by: Ana\n  at: x\n  hash: abc\n  sections: [a, b]\n", 5,
                             "'sections' must be a mapping"),
    "a python tag": ('es: !!python/object/apply:os.system ["id"]\n', 1,
                     "tag '!!python/object/apply:os.system' is not allowed"),
    "an unknown language": ("xx:\n  by: Ana\n", 1, "unknown language 'xx'"),
}  # fmt: skip


@pytest.fixture
def sample_project(project: Path) -> Path:
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    return project


def _damage(project: Path, text: str) -> None:
    (project / "announcements" / APPROVALS).write_text("# Sign-off\n" + text, "utf-8")


def _said_at(stderr: str, line: int, words: str) -> bool:
    # The file's first line is the comment _damage writes: every line moves down by one.
    return (
        re.search(rf"{re.escape(APPROVALS)}:{line + 1}:\d+: .*{re.escape(words)}", stderr)
        is not None
    )


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_approve_says_where_the_approvals_file_is_damaged(sample_project: Path, damage) -> None:
    text, line, words = DAMAGED[damage]
    _damage(sample_project, text)
    result = run(["approve", SAMPLE, "--lang", "es", "--by", "Ana"], cwd=sample_project)
    assert result.exit_code == 2, result.output
    assert _said_at(result.stderr, line, words), result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [["check", "--final"], ["build", "--final", "--format", "html", "--out", "dist"],
     ["review", SAMPLE, "--out", "dist"]],
    ids=["check", "build", "review"],
)  # fmt: skip
def test_every_command_that_reads_approvals_says_the_damage(sample_project: Path, args) -> None:
    text, line, words = DAMAGED["a missing key"]
    _damage(sample_project, text)
    result = run(args, cwd=sample_project)
    assert result.exit_code == 2, result.output
    assert _said_at(result.stderr, line, words), result.stderr
    assert not (sample_project / "dist" / SAMPLE_ID).exists()  # refused before building


def test_serve_answers_a_form_on_a_damaged_approvals_file_with_the_damage(
    sample_project: Path,
) -> None:
    from wwc_press.serve_http import listen
    from wwc_press.serve_live import Live

    text, line, words = DAMAGED["a list for a mapping"]
    _damage(sample_project, text)
    server = listen(sample_project, sample_project / "dist", "127.0.0.1", 0, Live())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        token = server.RequestHandlerClass.func.desk.token
        form = {"token": token, "announcement": SAMPLE_ID, "lang": "es", "by": "Ana"}
        address = f"http://127.0.0.1:{server.server_address[1]}/__approve"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(address, data=urllib.parse.urlencode(form).encode(), timeout=120)
        assert refused.value.code == 409
        assert _said_at(refused.value.read().decode("utf-8"), line, words)
    finally:
        server.shutdown()
        server.server_close()


def test_a_comment_with_a_control_character_is_refused_and_writes_nothing(project: Path) -> None:
    """A pasted escape or C1 control (U+0085, from mis-decoded text) is refused with a sentence:
    written, it would make the approvals file unreadable for every command."""
    import contextlib

    from wwc_press import approvals
    from wwc_press.project import Project

    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([])
        where = "es/press-release.html#lead"
        for text in ("hola\x1b[31mROJO", "hola\x85x"):
            with pytest.raises(ValueError, match="control character"):
                approvals.comment(target, announcement, "es", where, "Ana", text)
        assert not approvals.approvals_path(target, announcement).exists()
        approvals.comment(target, announcement, "es", where, "Ana", "línea uno\nlínea dos")
    assert run(["approve", f"announcements/{SAMPLE_ID}.yaml", "--lang", "es", "--by", "Ana"],
               cwd=project).exit_code == 0  # fmt: skip
