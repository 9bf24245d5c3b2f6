"""A rendered HTML page read back as what it says: its title, language and blocks in order.

The templates are the single source of wording; the Word file, the wire text, the e-mail and the
social cards are written from this reading of the HTML page of the same output, never from a copy
of the sentences. The templates mark what each block is (``h1``, ``p.subheadline``, ``p.lead``
with its ``span.dateline``, ``blockquote`` with its ``footer``, ``section.about``,
``section.contacts``, ``p.end``), and that is all this module relies on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The words, with ``<br>`` as a line break and runs of white space as one space."""
        parts: list[str] = []

        def walk(node: Element | str) -> None:
            if isinstance(node, str):
                parts.append(node)
            elif node.tag == "br":
                parts.append("\n")
            else:
                for child in node.children:
                    walk(child)

        walk(self)
        lines = "".join(parts).split("\n")
        # Not \s: a no-break space between a number and its sign is the language's, and stays.
        return "\n".join(re.sub(r"[ \t\r\n]+", " ", line).strip() for line in lines).strip()

    def find(self, tag: str | None = None, cls: str | None = None) -> Element | None:
        return next(self.iter(tag, cls), None)

    def iter(self, tag: str | None = None, cls: str | None = None):
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    yield child
                yield from child.iter(tag, cls)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack[-1].tag not in ("style", "script"):
            self.stack[-1].children.append(data)


@dataclass(frozen=True)
class Block:
    """One block of a release, in reading order.

    kind: embargo, title, deck, lead, paragraph, heading, quote, contact, end,
    slot (where the mayor's quote goes: ``text`` is the slot's name) or logo (``text`` is the alt
    text, ``source`` the file name).
    """

    kind: str
    text: str
    section: str = ""
    dateline: str = ""  # the lead's dateline ("NEW YORK, June 21, 2023 —")
    # A logo's file; a contact's e-mail address; the embargo's ISO time; the lead's date.
    source: str = ""
    short: str = ""  # the embargo line without the other places' times (an e-mail's Subject)


@dataclass(frozen=True)
class Page:
    language: str  # BCP 47, as the page's <html lang> says
    title: str
    organization: str  # the running header's organization
    program: str  # the running header's program line
    more: str  # the continuation mark, "" when the output has none
    created: str  # the page's date, ISO (its <meta name="dcterms.created">)
    blocks: tuple[Block, ...]

    def of(self, kind: str) -> list[Block]:
        return [block for block in self.blocks if block.kind == kind]

    @property
    def created_at(self) -> dt.datetime:
        """The page's date as an aware time (UTC when the page gives no offset)."""
        try:
            moment = dt.datetime.fromisoformat(self.created.replace("Z", "+00:00"))
        except ValueError:  # a page without the meta: a fixed date, so output stays the same
            return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    @property
    def embargo(self) -> Block | None:
        """The embargo line, when the release has an embargo (not "For immediate release")."""
        return next((b for b in self.of("embargo") if b.source), None)


def read(html: str) -> Page:
    """The page's blocks, in order, from the HTML a template rendered."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    root = builder.root
    document = root.find("html") or root
    article = root.find("article")
    assert article is not None, "every output template renders one <article>"
    title = root.find("title")
    organization = article.find(cls="running-organization")
    program = article.find(cls="running-program")
    more = article.find(cls="more")
    return Page(
        language=document.attrs.get("lang", ""),
        title=title.text() if title is not None else "",
        organization=organization.text() if organization is not None else "",
        program=program.text() if program is not None else "",
        more=more.attrs.get("data-mark", "") if more is not None else "",
        created=next(
            (
                m.attrs.get("content", "")
                for m in root.iter("meta")
                if m.attrs.get("name") == "dcterms.created"
            ),
            "",
        ),  # fmt: skip
        blocks=tuple(_blocks(article, "")),
    )


def _blocks(parent: Element, section: str):
    for node in parent.children:
        if not isinstance(node, Element) or node.attrs.get("aria-hidden") == "true":
            continue
        classes = node.classes
        where = node.attrs.get("id", section) if node.tag in ("header", "section") else section
        if "slot" in classes:
            yield Block("slot", node.attrs.get("data-label", ""), node.attrs.get("data-slot", ""))
        elif "logos" in classes:
            for image in node.iter("img"):
                source = image.attrs.get("src", "").rsplit("/", 1)[-1]
                yield Block("logo", image.attrs.get("alt", ""), where, source=source)
        elif node.tag in ("header", "section", "div"):
            yield from _blocks(node, where)
        elif node.tag == "blockquote":
            quoted = node.attrs.get("id", section)
            for part in node.children:
                if isinstance(part, Element) and part.tag == "p":
                    yield Block("quote", part.text(), quoted)
        elif node.tag == "h1":
            yield Block("title", _held(node), where)
        elif node.tag in ("h2", "h3"):
            yield Block("heading", node.text(), where)
        elif node.tag == "p":
            yield _paragraph(node, where)
        elif node.tag in ("ul", "ol"):
            for item in node.iter("li"):
                yield Block("item", item.text(), where)


def _held(node: Element) -> str:
    """A headline's text, the names the page keeps on one line (class "keep": a browser's
    ``nowrap``) held by no-break spaces, which is how Word keeps them ("Wood / Buffalo" split
    a name in a title: Quebec desk, reading 27)."""
    text = node.text()
    for span in node.iter("span"):
        if "keep" in span.classes:
            kept = span.text()
            text = text.replace(kept, kept.replace(" ", "\u00a0"))
    return text


def _paragraph(node: Element, section: str) -> Block:
    classes = node.classes
    own = node.attrs.get("id", section)
    if "timing" in classes:
        time = node.find("time")  # none: "For immediate release"
        return Block(
            "embargo",
            node.text(),
            own,
            source=time.attrs.get("datetime", "") if time else "",
            short=node.attrs.get("data-short", ""),
        )
    if "subheadline" in classes:
        return Block("deck", node.text(), section)
    if "end" in classes:
        return Block("end", node.text(), own)
    if "lead" in classes:
        dateline = node.find(cls="dateline")
        whole = node.text()
        head = dateline.text() if dateline is not None else ""
        date = dateline.find("time") if dateline is not None else None
        rest = whole[len(head) :].strip() if whole.startswith(head) else whole
        return Block("lead", rest, own, dateline=head, source=date.text() if date else "")
    if section == "contacts":
        link = next(
            (a for a in node.iter("a") if a.attrs.get("href", "").startswith("mailto:")), None
        )
        address = link.attrs["href"][len("mailto:") :] if link is not None else ""
        return Block("contact", node.text(), section, source=address)
    return Block("paragraph", node.text(), own)
