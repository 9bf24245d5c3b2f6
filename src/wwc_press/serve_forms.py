"""The served review page's forms: an approval of a language, a comment on a section. The page's
forms are hidden until the served script shows them with a token made at start; the server
takes a form only with that token, from this machine (serve_http.py checks both)."""

from __future__ import annotations

import re
import secrets
import threading
from pathlib import Path

from .plan import plan
from .project import Project
from .serve_live import Live

_SECTION_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def form_script(token: str) -> bytes:
    """Shows the review page's forms and gives each the server's token."""
    return (
        "<script>\n"
        'for (const form of document.querySelectorAll(".live")) {\n'
        "  form.hidden = false;\n"
        '  for (const f of form.tagName === "FORM" ? [form] : form.querySelectorAll("form")) {\n'
        '    const t = document.createElement("input");\n'
        f'    t.type = "hidden"; t.name = "token"; t.value = "{token}"; f.append(t);\n'
        "  }\n"
        "}\n"
        "</script>\n"
    ).encode("ascii")


class Outdated(Exception):
    """The page a form came from shows what the files no longer say: it must be read again."""

    def __init__(self, message: str, page: str):
        super().__init__(message)
        self.page = page


class Desk:
    """What the review page's forms act on: the project, the output folder and the token."""

    def __init__(self, root: Path, out: Path, live: Live) -> None:
        self.root, self.out, self.live = root, out, live
        self.token = secrets.token_urlsafe(24)
        # One form at a time: each reads, changes and writes the approvals file.
        self.lock = threading.Lock()

    def act(self, action: str, form: dict[str, str]) -> str:
        with self.lock:
            return self._act(action, form)

    def _act(self, action: str, form: dict[str, str]) -> str:
        """Record an approval or a comment; refresh the review page. Returns the page's URL
        path. Raises ValueError with the sentence to show for a form that cannot be taken."""
        from . import approvals
        from .review import refresh

        project = Project(self.root)
        paths = project.announcement_paths([])
        # The page names the announcement by its id, which the file may set apart from its name.
        found = {str(a.id): (path, a) for path, a in zip(paths, project.load(paths), strict=True)}
        if form.get("announcement", "") not in found:
            raise ValueError("no such announcement in announcements/")
        path, announcement = found[form["announcement"]]
        language = form.get("lang", "")
        if language not in (announcement.languages or []):
            raise ValueError(f"{announcement.id} has no language {language!r}")
        by = approvals.reviewer(form.get("by", ""))
        page = f"/{announcement.id}/review.html"
        if action == "/__approve":
            try:  # of what the page showed, which the form names by its hash
                approvals.approve(project, announcement, language, by, form.get("hash", ""))
            except approvals.Changed as error:
                raise Outdated(str(error), page) from None
        else:
            where = form.get("where", "")
            output, _, section = where.partition("#")
            outputs = {o.path.as_posix() for o in plan(announcement, [language], ["html"])}
            if output not in outputs or not _SECTION_ID.fullmatch(section):
                raise ValueError(f"no section {where!r} in the {language} outputs")
            text = form.get("text", "").strip()
            if not text or len(text) > 10_000:
                raise ValueError("write a comment (at most 10,000 characters)")
            approvals.comment(project, announcement, language, where, by, text)
        refresh(project, path, announcement, self.out)
        self.live.tell([page, f"/{announcement.id}/index.html"])
        return page
