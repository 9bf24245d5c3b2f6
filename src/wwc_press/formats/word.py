"""Word (``.docx``): the release as a file a press office edits and re-issues.

Real Word styles, so that the document behaves in Word like any other release: Title for the
headline, Subtitle for each deck, Heading 2 for About and the contacts, Normal for the body and
its quotes (a paragraph that names its speaker, as the release prints it), List Bullet for lists;
and styles of our own for the embargo line, the contacts, the end mark and, in a city's release
without a quote of its own, the empty paragraph for the mayor's quote (its style named in the
language, bookmarked "mayor_quote", and a Word comment on it that says what goes there: the text
of a file sent unchanged holds nothing of it, as with a professional template). The document's
language is set on its default run properties and on every style, so Word checks the spelling
in that language. The continuation mark sits in the footer inside a field that prints it on
every page but the last, as the PDF does.

The file is the same bytes from the same page: fixed core properties (from the page's date) and
fixed timestamps in the zip.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

from ..languages import profile
from ..readers import Paper
from .page import Block, Page
from .wire import plain

ACCENT = "0B5C8A"  # the templates' --accent
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


def _set_language(element, language: str) -> None:
    """``<w:lang w:val=… w:eastAsia=… w:bidi=…/>`` in a run-properties element."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in element.findall(qn("w:lang")):
        element.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)
    element.append(lang)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field: ``instruction`` may hold nested fields written as {PAGE}."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def hidden(run) -> None:
        # Word shows only the outer field's result; an editor that drops the IF (LibreOffice
        # does) would print the nested page numbers, so they are hidden text.
        run.font.hidden = True

    def char(kind: str, nested: bool = False) -> None:
        run = paragraph.add_run()
        if nested:
            hidden(run)
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run._r.append(mark)

    def code(text: str, nested: bool = False) -> None:
        run = paragraph.add_run()
        if nested:
            hidden(run)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = text
        run._r.append(instr)

    char("begin")
    for part in instruction.replace("}", "{").split("{"):
        if part.strip() in ("PAGE", "NUMPAGES"):
            char("begin", nested=True)
            code(f" {part.strip()} ", nested=True)
            char("separate", nested=True)
            hidden(paragraph.add_run("1"))
            char("end", nested=True)
        elif part:
            code(part)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _free(styles, name: str) -> str:
    """``name``, or ``name 2``, ``name 3``…: a translated name may be one Word has already
    ("Quote", "Title", or one it knows but has not defined, such as "Intense Quote") or one of
    ours; Word compares style names without case."""
    taken = {style.name.casefold() for style in styles if style.name}
    taken |= {latent.name.casefold() for latent in styles.latent_styles if latent.name}
    free, number = name, 1
    while free.casefold() in taken:
        number += 1
        free = f"{name} {number}"
    return free


def _styles(document, language: str, slot_name: str | None) -> str | None:
    """Word's styles in ``language`` and ours; the name the slot's style was given."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    _set_language(document.styles.element.find(".//{*}rPrDefault/{*}rPr"), language)
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            _set_language(style.element.get_or_add_rPr(), language)

    def own(name: str, base: str = "Normal"):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        _set_language(style.element.get_or_add_rPr(), language)
        return style

    embargo = own("Embargo")
    embargo.font.bold = True
    embargo.font.color.rgb = RGBColor.from_string(ACCENT)
    contact = own("Contact")
    contact.paragraph_format.space_after = Pt(4)
    end = own("End Mark")
    end.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    end.font.bold = True
    if not slot_name:
        return None
    # The body's paragraph and nothing more: the quote typed there reads as the release's
    # other quotes, and left empty it is one blank line, no box, no words.
    return own(_free(styles, slot_name)).name


def word_document(page: Page, logo: Callable[[str], bytes | None], paper: Paper) -> bytes:
    """The page as a Word file on ``paper`` (the PDF's); ``logo`` gives a logo file's PNG (None:
    no such file)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm

    language = profile(page.language).word_language
    document = docx.Document()
    slots = page.of("slot")
    slot_style = _styles(document, language, slots[0].text if slots else None)

    section = document.sections[0]
    section.page_height, section.page_width = Mm(paper.height), Mm(paper.width)  # as the PDF
    # The PDF's measure, 6.5in (16.51 cm), on any paper: Letter's 1in margins, A4's 2.245 cm.
    section.left_margin = section.right_margin = Mm((paper.width - 165.1) / 2)
    if page.more:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.style = document.styles["End Mark"]
        # Printed on every page but the last, as the PDF's continuation mark. Its stored result
        # is empty: a viewer that shows stored results without computing them (previews, some
        # online editors) would print the mark under the end mark of a one-page release.
        _field(footer, f' IF {{PAGE}} < {{NUMPAGES}} "{page.more}" "" ', "")

    logo_files = [(b, data) for b in page.of("logo") if (data := logo(b.source)) is not None]
    if logo_files:
        paragraph = document.add_paragraph()
        for block, data in logo_files:
            run = paragraph.add_run()
            shape = run.add_picture(io.BytesIO(data), height=Cm(1.2))
            shape._inline.docPr.set("descr", block.text)  # the alt text
            paragraph.add_run("   ")
    created = page.created_at.astimezone(dt.UTC).replace(tzinfo=None)  # Word's dates are UTC
    for block in page.blocks:
        if block.kind == "slot":
            _slot(document, block.text, slot_style, plain(page.organization), created)
        else:
            _add(document, block)

    properties = document.core_properties
    # Word's core properties hold at most 255 characters; the text itself holds the whole title.
    # ... in the wire's spaces: a search for the author "Results for America" must find it, where
    # the page ties the name with no-break spaces (the Quebec desk, reading 13).
    properties.title = plain(page.title)[:255]
    properties.author = properties.last_modified_by = plain(page.organization)[:255]
    properties.language = language
    properties.created = properties.modified = created
    properties.last_printed = created
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _slot(document, label: str, style: str, author: str, created: dt.datetime) -> None:
    """The empty paragraph where the city's mayor's quote goes, and what goes there as a Word
    comment on it. Desks read the former "[Mayor’s quote]" box in files sent unchanged: text
    in the body is the release, a comment is a note beside it that Word shows to whoever edits
    the file (Review > Comments lists it; Go To finds the bookmark) and leaves out of the
    release's text and its printout (unless printed with Print Markup)."""
    paragraph = document.add_paragraph(style=document.styles[style])
    _bookmark(paragraph, "mayor_quote")
    anchor = paragraph.add_run()  # no text: the comment marks a point, nothing to print
    comment = document.add_comment(anchor, text=label, author=author[:255], initials=None)
    comment._comment_elm.date = created  # the file's own time: same page, same bytes


def _add(document, block: Block) -> None:
    style = {
        "embargo": "Embargo",
        "title": "Title",
        "deck": "Subtitle",
        "heading": "Heading 2",
        "quote": "Normal",  # a paragraph of the release, attributed in its own words
        "contact": "Contact",
        "end": "End Mark",
        "item": "List Bullet",
    }.get(block.kind, "Normal")
    if block.kind == "logo":
        return
    paragraph = document.add_paragraph(style=document.styles[style])
    if block.kind == "lead" and block.dateline:
        _text(paragraph.add_run(), block.dateline).bold = True
        paragraph.add_run(" ")
    lines = block.text.split("\n")
    for number, line in enumerate(lines):
        run = _text(paragraph.add_run(), line)
        if number < len(lines) - 1:
            run.add_break()


# A name's compound: a word that opens with a capital, after any opening mark ("(Nouvelle-
# Écosse)", "Trois-Rivières", "Côté-Saint-Amour"), its hyphens between letters.
_NAME_COMPOUND = re.compile(r"(?<![\w-])[(«“\"'’]*[^\W\d_a-zà-ÿ][\w’'.]*(?:-[^\W\d_][\w’'.]*)+")
_LONGEST_NAME = 36  # typeset.LONGEST_UNBROKEN: a longer compound may break, as in print


def _text(run, text: str):
    """``run`` holding ``text``, each hyphen of a name's compound as Word's non-breaking hyphen
    (``<w:noBreakHyphen/>``), so that Word breaks no line at it: "Trois-/Rivières" is no way
    to print a name (Ramat), in Word as in the PDF. Other hyphens stay as written."""
    from docx.oxml import OxmlElement

    pieces: list[str] = []
    last = 0
    for match in _NAME_COMPOUND.finditer(text):
        if len(match.group(0)) > _LONGEST_NAME:
            continue
        pieces.append(text[last : match.start()])
        parts = re.split(r"(?<=[^\W\d_])-(?=[^\W\d_])", match.group(0))
        for index, part in enumerate(parts):
            if index:
                pieces.append(None)  # type: ignore[arg-type]
            pieces.append(part)
        last = match.end()
    pieces.append(text[last:])
    if None not in pieces:
        run.text = text
        return run
    for piece in pieces:
        if piece is None:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        elif piece:
            run._r.add_t(piece)
    return run


def _bookmark(paragraph, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "0")
    paragraph._p.append(start)
    paragraph._p.append(end)


def _fixed_zip(data: bytes) -> bytes:
    """The same members in the same order, each stamped 1980-01-01: no build time in the file."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()
