"""Word, wire text, e-mail and social cards, each opened with its own reader, in every language:
the words, the language, the marks and the sizes a press office and a newswire would check."""

from __future__ import annotations

import email
import io
import re
from email import policy
from pathlib import Path

import docx
import pytest
from PIL import Image

from conftest import ROOT, mayor_slot

LANGS = ("en", "es", "pt-BR")
# What each language's program release must say, and how its outputs must be marked.
EXPECTED = {
    "en": {
        "headline": "What Works Cities Certification goes international with seven new cities",
        "embargo": "Embargoed until 10 a.m. EDT, June 21, 2023",
        "dateline": "NEW YORK, June 21, 2023 —",
        "quote": "“We’re finding that we’re high in demand.",
        "more": "-more-",
        "word": "en-US",
        "attachment": "press-release-2023-06-international.pdf",
    },
    "es": {
        "headline": "La certificación What Works Cities se internacionaliza con siete nuevas",
        "embargo": "Bajo embargo hasta el 21 de junio de 2023 a las 10:00 en Nueva York",
        "dateline": "NUEVA YORK, 21 de junio de 2023.—",
        "quote": "«Estamos viendo que hay mucha demanda.",
        "more": "(sigue)",
        "word": "es-419",
        "attachment": "comunicado-de-prensa-2023-06-international.pdf",
    },
    "pt-BR": {
        "headline": "Certificação What Works Cities chega à América Latina",
        "embargo": "Sob embargo até 21 de junho de 2023, às 10h em Nova York",
        "dateline": "NOVA YORK, 21 de junho de 2023 –",
        "quote": "“Estamos percebendo que há muita procura.",
        "more": "(continua)",
        "word": "pt-BR",
        "attachment": "comunicado-2023-06-international.pdf",
    },
}
SUBJECT_EMBARGO = {
    "en": "Embargoed until 10 a.m. EDT, June 21, 2023",
    "es": "Bajo embargo hasta el 21 de junio de 2023 a las 10:00 (hora de Nueva York)",
    # Brazil's readers keep one legal time: the Subject gives it, as Folha and Estadão do.
    "pt-BR": "Sob embargo até 21 de junho de 2023, às 11h (horário de Brasília)",
}
SLOT = {"en": "Mayor’s quote", "pt-BR": "Declaração do prefeito ou da prefeita"}


def _spaced(text: str) -> str:
    return text.replace("\u00a0", " ")


def _language_of(style) -> str | None:
    found = style.element.find(".//{*}rPr/{*}lang")
    return None if found is None else found.get(docx.oxml.ns.qn("w:val"))


@pytest.mark.parametrize("lang", LANGS)
def test_word_file_has_real_styles_its_language_and_the_marks(sample: Path, lang: str) -> None:
    expected = EXPECTED[lang]
    document = docx.Document(sample / lang / "press-release.docx")
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:  # names keep their no-break spaces in Word
        by_style.setdefault(paragraph.style.name, []).append(_spaced(paragraph.text))
    assert expected["headline"] in by_style["Title"][0]
    assert len(by_style["Subtitle"]) == 1  # the deck
    assert by_style["Embargo"][0].startswith(expected["embargo"])
    lead = next(p for p in document.paragraphs if _spaced(p.text).startswith(expected["dateline"]))
    assert lead.runs[0].bold and _spaced(lead.runs[0].text) == expected["dateline"]
    # A quote is a paragraph of the body that names its speaker, as the release prints it.
    quote = next(p for p in by_style["Normal"] if p.startswith(expected["quote"]))
    assert re.search(r"(said|afirmó|afirma) Rochelle Haynes, ", quote)
    assert "Quote" not in by_style and "Attribution" not in by_style
    assert "Heading 2" in by_style and by_style["End Mark"] == ["###"]
    assert "Results for America" in by_style["Contact"][0]
    # Word checks spelling in the release's language.
    assert _language_of(document.styles["Normal"]) == expected["word"]
    assert _language_of(document.styles["Title"]) == expected["word"]
    # The continuation mark is printed on every page but the last, by a field in the footer.
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "IF" in footer and "NUMPAGES" in footer and expected["more"] in footer
    # Its stored result is empty: a viewer that does not compute fields prints nothing there.
    shown = document.sections[0].footer.paragraphs[0].runs
    assert "".join(run.text for run in shown if not run.font.hidden) == ""
    assert document.core_properties.title.startswith(expected["headline"][:30])
    assert document.core_properties.created.date().isoformat() == "2023-06-21"


@pytest.mark.parametrize("lang", ["en", "pt-BR"])
def test_a_city_word_file_marks_where_the_mayors_quote_goes(sample: Path, lang: str) -> None:
    path = sample / lang / "cities" / "fortaleza-ce-br.docx"
    document = docx.Document(path)
    slot, comments = mayor_slot(path)
    # Empty and unboxed, so a file sent unchanged prints nothing of it; its style is named in
    # the language, and a comment on it says what goes there.
    assert slot.style.name == SLOT[lang] and slot.text == "" and "w:shd" not in slot._p.xml
    assert comments == [SLOT[lang]]
    assert not any(SLOT[lang] in p.text for p in document.paragraphs)
    # The title keeps on one line what the page keeps (no-break spaces: Word's way).
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert "What\u00a0Works\u00a0Cities" in titles[0]
    assert [title.replace("\u00a0", " ") for title in titles] == [
        "Fortaleza, Brazil, earns What Works Cities Gold Certification"
        if lang == "en"
        else "Fortaleza conquista a certificação Ouro do What Works Cities"
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_wire_text_is_paragraphs_without_hard_wraps(sample: Path, lang: str) -> None:
    expected = EXPECTED[lang]
    text = (sample / lang / "press-release.txt").read_text("utf-8")
    paragraphs = text.rstrip("\n").split("\n\n")
    assert paragraphs[0].startswith(expected["embargo"])
    assert paragraphs[1].startswith(expected["headline"])
    lead = next(p for p in paragraphs if p.startswith(expected["dateline"]))
    assert "\n" not in lead and len(lead) > 200  # one line, however long
    quote = next(p for p in paragraphs if p.startswith(expected["quote"]))
    assert "\n" not in quote and quote.endswith("What Works Cities Certification.") == (
        lang == "en"
    )  # one paragraph, its speaker and role at its end
    assert "Rochelle Haynes, " in quote
    assert paragraphs[-1] == "###"
    assert "Results for America" in text and "\u00a0for\u00a0" not in text  # names untied
    if lang != "en":
        assert "57\u00a0%" in text or "57%" in text


@pytest.mark.parametrize("lang", LANGS)
def test_email_opens_with_both_parts_the_pdf_and_no_remote_resources(
    sample: Path, lang: str
) -> None:
    expected = EXPECTED[lang]
    raw = (sample / lang / "press-release.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    # One place's time before the headline: every reader's time made a Subject too long to read.
    assert message["Subject"].startswith(SUBJECT_EMBARGO[lang] + ": ")
    # After the colon, Fundéu's lower case: "…(hora de Nueva York): la certificación…".
    headline = {"es": "): la certificación What Works Cities se internacionaliza con siete"}
    assert headline.get(lang, expected["headline"]) in message["Subject"]
    assert message["Content-Language"] == lang
    assert "press@results4america.org" in message["Reply-To"]
    assert message["Date"] == "Wed, 21 Jun 2023 10:00:00 -0400"
    plain = message.get_body(("plain",)).get_content()
    # The wire text, with the CRLF line ends of mail.
    assert plain.replace("\r\n", "\n") == (sample / lang / "press-release.txt").read_text("utf-8")
    html = message.get_body(("html",)).get_content()
    assert expected["headline"] in re.sub(r"<[^>]+>", "", html)
    assert "<style" not in html and "var(" not in html and 'style="' in html  # CSS inlined
    assert not re.search(r"(src|href)=\"(https?:|\.\./|fonts/)", html)
    assert "url(" not in html
    # The PDF's running header is hidden on screen by a media query, which cannot be inlined.
    assert re.search(r'<span class="running-organization"[^>]*style="[^"]*display: ?none', html)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == expected["attachment"]  # in the desk's language
    assert attachment.get_content() == (sample / lang / "press-release.pdf").read_bytes()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Fortaleza, Brazil, earns What Works Cities Gold Certification"),
        ("pt-BR", "Fortaleza conquista a certificação Ouro do What Works Cities"),
    ],
)
def test_social_cards_in_both_sizes_with_alt_text(sample: Path, lang: str, words: str) -> None:
    cards = sample / lang / "cards"
    for size in ((1200, 630), (1080, 1080)):
        with Image.open(cards / f"fortaleza-ce-br-{size[0]}x{size[1]}.png") as image:
            assert image.format == "PNG" and image.size == size
            assert not {"tIME", "Creation Time", "date:create"} & set(image.info)
            # Not a blank image: the headline's white letters over the blue ground.
            colors = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
            assert len(colors) > 50
    alt = (cards / "fortaleza-ce-br.alt.txt").read_text("utf-8")
    assert words in alt and "21" in alt and "2023" in alt


def test_cards_are_made_for_each_language_of_a_citys_releases(sample: Path) -> None:
    assert (sample / "es" / "cards" / "cordoba-ar-1200x630.png").is_file()
    assert not (sample / "es" / "cards" / "fortaleza-ce-br-1200x630.png").exists()
    assert not (sample / "pt-BR" / "cards" / "cordoba-ar-1200x630.png").exists()
    assert not (sample / "en" / "report.docx").exists()  # a report is read, not re-issued


def test_a_cards_headline_size_keeps_a_long_name_whole() -> None:
    from wwc_press import headlines

    from conftest import ROOT

    font = ROOT / "templates" / "fonts" / "Lato-Bold.ttf"
    name = "San\u00a0Pedro\u00a0Garza\u00a0García,"
    text = f"{name} Mexico, earns What Works Cities Silver Certification"
    size = headlines.fit(text, font, 924, 600, range(28, 94, 2), 1.12)
    assert size is not None and size < 92  # smaller than the largest: the name must fit a line
    assert headlines._width(name, font) * size * 1.02 <= 924
    assert headlines.fit(name * 3, font, 300, 600, range(28, 40, 2), 1.12) is None  # cannot fit


def test_an_svg_logo_reaches_word_and_the_email_as_png(project: Path) -> None:
    import shutil

    from conftest import SAMPLE_ID, run

    logos = project / "logos"
    logos.mkdir()
    (logos / "partner.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
        '<rect width="200" height="60" fill="#0b5c8a"/></svg>',
        "utf-8",
    )
    settings = project / "wwc-press.yaml"
    settings.write_text(
        settings.read_text("utf-8")
        + "logos:\n  - {file: partner.svg, alt: {en: Partner, es: Socio, pt-BR: Parceiro}}\n",
        "utf-8",
    )
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    args = ["build", "--lang", "es", "--only", "release", "--format", "docx", "--format", "eml"]
    result = run([*args, "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    folder = project / "dist" / SAMPLE_ID / "es"
    document = docx.Document(folder / "press-release.docx")
    [shape] = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "Socio"  # the alt text
    raw = (folder / "press-release.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    [image] = [p for p in message.walk() if p.get_content_maintype() == "image"]
    assert image.get_content_type() == "image/png" and image["Content-ID"]
    with Image.open(io.BytesIO(image.get_content())) as png:
        assert png.size[1] == 240 and 780 <= png.size[0] <= 820  # the 200x60 logo, cropped
    html = message.get_body(("html",)).get_content()
    assert f'src="cid:{image["Content-ID"].strip("<>")}"' in html
