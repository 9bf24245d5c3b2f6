"""The formats a press office sends besides the PDF and the HTML page, each a writer of its own:
Word to edit (``word``), wire text (``wire``), e-mail (``mail``) and social cards (``cards``).
Each is written from the rendered HTML page of its output (``page``), so the templates stay the
one source of wording.

``FORMATS`` is the one table of every format: what the plan makes in it, where its files go, how
the build schedules it, how the tables of contents list it and what writes it. Adding a format is
one entry there, with its writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import publish
from ..model import KINDS
from ..places import part_of
from . import cards, mail, wire, word

if TYPE_CHECKING:
    from ..model import Announcement
    from ..plan import Output
    from ..render import Renderer

    # A writer gets the build's renderer, the output and, for an e-mail, the PDF to attach when
    # the build has it; it returns every file of the output.
    Writer = Callable[[Renderer, Announcement, Output, bytes | None], dict[Path, bytes]]


@dataclass(frozen=True)
class Format:
    """One format outputs are written in. ``name`` is the word ``--format`` takes and the suffix
    of its files; ``kinds`` the outputs made in it; ``laid_out``: WeasyPrint lays it out, so the
    build's workers render it, the costliest first by ``cost``, a rough figure per kind."""

    name: str
    kinds: tuple[str, ...]
    write: Writer
    laid_out: bool = False
    cost: Mapping[str, int] = field(default_factory=dict)
    # The folder its files go in, inside their language's, when they are not beside their page.
    folder: str = ""
    # The format of the file its outputs attach (an e-mail, its release's PDF): the build writes
    # them once that file is in the staging folder.
    attaches: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """How the tables of contents list its files, in the order they list them."""
        return (self.name.upper(),)

    def files(self, page: Path) -> tuple[Path, ...]:
        """The files of an output in this format, from the path of the output's HTML page."""
        return (page.with_suffix(f".{self.name}"),)

    def page_of(self, file: Path) -> Path:
        """The HTML page a file of this format is written from: the inverse of ``files``."""
        return file.with_suffix(".html")

    def label(self, file: Path) -> str:
        """How the tables of contents list ``file``."""
        return self.labels[0]


class _Cards(Format):
    """Cards are named for their size, in the ``cards/`` folder (``formats.cards``)."""

    @property
    def labels(self) -> tuple[str, ...]:
        return cards.LABELS

    def files(self, page: Path) -> tuple[Path, ...]:
        return cards.files_of(page)

    def page_of(self, file: Path) -> Path:
        return file.parent.parent / cards.page_of(file.name)

    def label(self, file: Path) -> str:
        return cards.label(file.name)


def _pdf(
    renderer: Renderer, announcement: Announcement, output: Output, _: bytes | None
) -> dict[Path, bytes]:
    html = renderer.html(announcement, output, for_pdf=True)
    return {output.path: publish.pdf_bytes(html, renderer.project.templates)}


def _web_page(
    renderer: Renderer, announcement: Announcement, output: Output, _: bytes | None
) -> dict[Path, bytes]:
    return {output.path: renderer.web_page(announcement, output).encode("utf-8")}


def _word(
    renderer: Renderer, announcement: Announcement, output: Output, _: bytes | None
) -> dict[Path, bytes]:
    page = renderer.reading(announcement, output)
    paper = renderer.paper(announcement, output)
    return {output.path: word.word_document(page, renderer.logo, paper)}


def _wire(
    renderer: Renderer, announcement: Announcement, output: Output, _: bytes | None
) -> dict[Path, bytes]:
    return {output.path: wire.wire_text(renderer.reading(announcement, output))}


def _mail(
    renderer: Renderer, announcement: Announcement, output: Output, pdf: bytes | None
) -> dict[Path, bytes]:
    """The e-mail attaches ``pdf``, or its release's PDF rendered for it."""
    attached = output.in_format("pdf")
    if pdf is None:
        pdf = renderer.files(announcement, attached)[attached.path]
    # In the release's language: a Spanish desk gets "comunicado-de-prensa-…", not "press-release".
    l10n = renderer.localizer(announcement, output)
    round_and_city = [str(announcement.id), *([attached.path.stem] if output.city else [])]
    name = l10n.attachment_name(round_and_city)
    page, html = renderer.reading(announcement, output), renderer.page(announcement, output)
    # The places it is about, whose names keep their capital after the Subject's colon.
    cities = [output.city] if output.city else [city for _, city in announcement.cities.by_status()]
    places = {l10n.city_name(place) for city in cities for place in (city, part_of(city)) if place}
    return {output.path: mail.message(page, html, pdf, name, renderer.logo, places)}


def _cards(
    renderer: Renderer, announcement: Announcement, output: Output, _: bytes | None
) -> dict[Path, bytes]:
    return dict(zip(output.files, renderer.cards(announcement, output), strict=True))


RELEASES = ("release", "cities")  # the program's release and each city's
# Laying out the report's pages costs the most; a card, or a city's two, about what a city's
# release does.
PDF_COST = {"report": 8, "release": 2, "cities": 1}

# In the order the plan makes them and the tables of contents list them: the printable and the
# editable first, the cards last.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", KINDS, _pdf, laid_out=True, cost=PDF_COST),
        Format("html", KINDS, _web_page),
        Format("docx", RELEASES, _word),
        Format("txt", RELEASES, _wire),
        Format("eml", RELEASES, _mail, attaches="pdf"),
        _Cards(
            "png", KINDS, _cards, laid_out=True, cost=dict.fromkeys(KINDS, 1), folder=cards.FOLDER
        ),
    )
}


def format_of(file: Path) -> Format | None:
    """The format a published file is in: the one whose folder holds it (a card's alt text is
    in ``cards/``), else the one its suffix names."""
    for candidate in FORMATS.values():
        if candidate.folder and file.parent.name == candidate.folder:
            return candidate
    return next((f for f in FORMATS.values() if not f.folder and file.suffix == f".{f.name}"), None)
