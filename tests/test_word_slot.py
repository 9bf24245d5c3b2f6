"""A city's release without a quote of its own: the Word file keeps an empty paragraph where the
mayor's quote goes, and a Word comment on it says so. Desks (CP, AP, Spanish, Brazilian, Quebec)
read a shaded "[Mayor’s quote]" box in a file "to send unchanged": a city press office that
sent it as it was would have published the placeholder. Read in every language's Word file, and
in the wire text, e-mail, PDF and HTML, which show nothing of it."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import docx
import pytest

from conftest import build_round, html_text, mayor_slot, pdf_text

ROUND = """\
date: 2031-05-06
total_certified: 130
languages: [en, es, pt-BR, fr-CA]
cities:
  new:
    - {name: Recife, region: PE, country: BR, level: gold}
    - {name: Salta, region: A, country: AR, level: silver}
    - {name: Sherbrooke, region: QC, country: CA, level: silver}
    - {name: Tulsa, region: OK, country: US, level: gold}
"""
# Each release, by its language and city, and what its slot is called there.
LABEL = {"en": "Mayor’s quote", "es": "Cita de la autoridad municipal",
         "pt-BR": "Declaração do prefeito ou da prefeita",
         "fr-CA": "Citation du maire ou de la mairesse"}  # fmt: skip
RELEASES = [("en", "tulsa-ok-us"), ("en", "sherbrooke-qc-ca"), ("en", "recife-pe-br"),
            ("es", "salta-a-ar"), ("pt-BR", "recife-pe-br"),
            ("fr-CA", "sherbrooke-qc-ca")]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("slot")
    formats = ["docx", "txt", "eml", "pdf", "html"]
    return build_round(root, "slot", ROUND, formats, "--only", "cities")


@pytest.mark.parametrize(("lang", "city"), RELEASES)
def test_the_word_slot_prints_nothing_and_a_comment_says_what_goes_there(
    built: Path, lang: str, city: str
) -> None:
    path = built / lang / "cities" / f"{city}.docx"
    slot, comments = mayor_slot(path)
    label = LABEL[lang]
    # Where the quote goes: a paragraph of its own style, named in the release's language…
    assert slot.style.name == label
    # …with no words, no box and no shading: sent unchanged, it prints nothing.
    assert slot.text == "" and "<w:t" not in slot._p.xml
    for xml in (slot._p.xml, slot.style.element.xml):
        assert "w:shd" not in xml and "w:pBdr" not in xml
    # What goes there is a comment on it, in the release's language: Word shows it to the
    # editor beside the paragraph and prints nothing of it in the release.
    assert comments == [label]
    document = docx.Document(str(path))
    body = "\n".join(p.text for p in document.paragraphs)
    assert label not in body and "[" not in body
    assert [c.text for c in document.comments] == [label]  # the file's only comment
    # Left by the file's author, at the release's own time: the same page is the same bytes.
    [comment] = document.comments
    properties = document.core_properties
    # In plain spaces: a search by author finds "Results for America" (Quebec desk, reading 13).
    assert comment.author == properties.author == "Results for America"
    assert "\u00a0" not in properties.title
    assert comment.timestamp.replace(tzinfo=None) == properties.created.replace(tzinfo=None)


@pytest.mark.parametrize(("lang", "city"), RELEASES)
def test_the_wire_text_email_pdf_and_page_show_nothing_of_the_slot(
    built: Path, lang: str, city: str
) -> None:
    release = built / lang / "cities" / city
    message = email.message_from_bytes(
        release.with_suffix(".eml").read_bytes(), policy=policy.default
    )
    texts = {
        "txt": release.with_suffix(".txt").read_text("utf-8"),
        "eml": "\n".join(
            part.get_content() for part in message.walk() if part.get_content_type() == "text/plain"
        ),
        "pdf": pdf_text(release.with_suffix(".pdf")),
        "html": html_text(release.with_suffix(".html")),
    }
    assert texts["eml"]  # the e-mail's text part was read
    for kind, text in texts.items():
        assert LABEL[lang] not in text, kind
        assert "mayor_quote" not in text, kind
