"""The apostrophe as print sets it, ’, in every language and every format a reader gets: desks
corrected the typewriter's ' beside curly quotation marks ("program's", "Coeur d'Alene")."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import docx
import pytest

from conftest import html_text, pdf_text

STRAIGHT = re.compile(r"\w'\w")


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR"])
def test_no_straight_apostrophe_between_letters_in_any_format(sample: Path, lang: str) -> None:
    folder = sample / lang
    mail = email.message_from_bytes(
        (folder / "press-release.eml").read_bytes(), policy=policy.default
    )
    texts = {
        "pdf": pdf_text(folder / "press-release.pdf"),
        "html": html_text(folder / "press-release.html"),
        "txt": (folder / "press-release.txt").read_text("utf-8"),
        "docx": "\n".join(p.text for p in docx.Document(folder / "press-release.docx").paragraphs),
        "eml": str(mail["Subject"]) + mail.get_body(("plain",)).get_content(),
    }
    for fmt, text in texts.items():
        assert not STRAIGHT.findall(text), fmt
    if lang == "en":  # the sample's quote and lead have apostrophes: set as ’
        assert all("we’re high in demand" in text for text in texts.values() if text)


@pytest.mark.parametrize(
    ("tag", "written", "printed"),
    [
        # AP, possessives: a singular proper name ending in s takes the apostrophe alone.
        ("en", "Florianópolis's Cuidar program", "Florianópolis’ Cuidar program"),
        ("en", "Kansas's schools and the city's plan", "Kansas’ schools and the city’s plan"),
        # The Canadian Press keeps 's.
        ("en-CA", "Florianópolis's Cuidar program", "Florianópolis’s Cuidar program"),
    ],
)
def test_a_proper_name_ending_in_s_takes_its_press_possessive(
    tag: str, written: str, printed: str
) -> None:
    from wwc_press.languages import profile

    assert profile(tag).typography(written) == printed
