"""E-mail (``.eml``): the release as a message any mail client opens, ready to send.

``multipart/mixed``: a ``multipart/alternative`` of the wire text and the HTML page with its CSS
inlined (css-inline; the web fonts go, images come along as parts of the message, so nothing is
fetched), then the PDF attached. Subject: the headline, after the embargo (its time in one
place) when there is one.
``Content-Language`` is the page's; the contacts are the Reply-To and the first of them the
sender. ``X-Unsent: 1`` opens it as a draft in the clients that know it.

Reproducible: the Date is the embargo's (a release for immediate use has none: the client
dates it when sent), the Message-ID and every MIME boundary are derived from the content. The
PDF is attached under a name in the release's language (``Localizer.attachment_name``).

Headers that carry the announcement's words (Subject, From, Reply-To) are written by us, not
parsed from a string: the library decodes any RFC 2047 encoded word it finds in a value
("=?utf-8?q?Tulsa=0D=0ABcc:_x=40evil.example?=" becomes a line break and a Bcc header, and a
reader decodes it again from the literal text the library sends). Text from a file is text:
it goes on one line, and as encoded words of its own whenever it is not plain ASCII or holds
"=?", so a reader decodes exactly the words of the page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ..inputs import ascii_domain
from ..languages import profile
from .page import Page
from .wire import plain, wire_text

_IMAGE = re.compile(r'<img\b[^>]*?\bsrc="([^"]+)"')

# Headers we set raw (set_raw) are sent as we folded them, never parsed and refolded (which
# would decode the encoded words we wrote); those the library builds still fold themselves.
_POLICY = policy.SMTP.clone(refold_source="none")


_ONE_LINE = re.compile(r"[^\S\u00a0\u202f]+")  # white space but the no-break spaces


def _words(text: str, header: str = "") -> str:
    """``text`` as a header's words: one line (CR, LF, U+2028 and every other break become a
    space), encoded when a reader would otherwise read it as something else. No-break spaces
    stay: French typography puts one before a colon."""
    text = _ONE_LINE.sub(" ", text).strip()
    if text.isascii() and "=?" not in text:
        folded = Header(text, "us-ascii", header_name=header or None).encode()
        if _fits(folded, header):
            return folded
    # Encoded words: for text a reader would misread, and for a word too long to fold.
    return Header(text, "utf-8", header_name=header or None).encode()


def _fits(value: str, header: str) -> bool:
    """Every line of a header within RFC 5322's 78 characters: a relay that cuts a longer line
    would start a new header inside the data."""
    first, *rest = value.splitlines() or [""]
    return len(header) + 2 + len(first) <= LINE and all(len(line) <= LINE for line in rest)


LINE = 78


def _mailbox(address: Address) -> list[str]:
    """A mailbox as the pieces its header may be folded between. Plain ASCII is written as it
    reads (quoted when it holds "<", ",", ...): unfolding a quoted string at its spaces gives
    back the same words, where a reader adds a space between two halves of one encoded word."""
    name = " ".join(address.display_name.split())
    if name.isascii() and "=?" not in name:
        return formataddr((name, address.addr_spec)).split(" ")
    words = Header(name, "utf-8", maxlinelen=LINE - 2).encode()  # each fits a folded line
    return [*words.split(), f"<{address.addr_spec}>"]


def _folded(header: str, mailboxes: list[list[str]]) -> str:
    """The value of an address header: the mailboxes, separated by commas, on lines of at most
    LINE characters, broken only between pieces. A piece longer than a line (a name without a
    space) has a line of its own, never cut: at most 204 characters (model.MAX_NAME)."""
    pieces = [piece for mailbox in mailboxes for piece in [*mailbox[:-1], mailbox[-1] + ","]]
    pieces[-1] = pieces[-1].removesuffix(",")
    lines = [f"{header}:"]
    for piece in pieces:
        if len(lines[-1]) + 1 + len(piece) <= LINE:
            lines[-1] += f" {piece}"
        else:
            lines.append(f" {piece}")
    return "\n".join(lines).removeprefix(f"{header}:").removeprefix(" ")


def _addresses(page: Page) -> list[Address]:
    found = []
    for block in page.of("contact"):
        if block.source and "@" in block.source:
            name = plain(block.text.split("\n", 1)[0])
            parsed = Address(addr_spec=block.source)  # validated as one (model._address)
            domain = ascii_domain(parsed.domain)  # IDNA takes it: validated too
            found.append(Address(display_name=name, username=parsed.username, domain=domain))
    return found


def _names(page: Page, html: str) -> set[str]:
    """The page's proper nouns, as far as it says: the names it marks (``span.name``, a name of
    several words; ``keep``, a phrase, is none), the words of its dateline ("CUSCO"), and words
    written with a capital in the middle of a sentence ("…que Querétaro obtuvo…")."""
    import html as entities

    marked = re.findall(r'<span class="name"[^>]*>(.*?)</span>', html, flags=re.S)
    names = {
        entities.unescape(re.sub(r"<[^>]+>", "", name)).replace("\u00a0", " ") for name in marked
    }
    names |= {
        word.title() for lead in page.of("lead") for word in re.findall(r"\w+", lead.dateline)
    }
    text = "\n".join(block.text for block in page.blocks)  # a block's first word starts one
    words = re.findall(r"(?<=[\w,;)][ \u00a0])\w[\w’'-]*", text)
    return names | {word for word in words if word[0].isupper()}


def message(
    page: Page,
    html: str,
    pdf: bytes,
    pdf_name: str,
    logo: Callable[[str], bytes | None],
    places: Iterable[str] = (),
) -> bytes:
    """The e-mail of a release: ``html`` is its page, ``pdf`` its PDF; ``logo`` gives a logo
    file's PNG (None: no such file), attached as a part the HTML shows. ``places`` are the names
    of the places it is about, as it writes them: names wherever they stand, a short one that
    only ever opens a sentence too ("…hora local: Ñuñoa obtiene…", not "ñuñoa")."""
    import css_inline

    digest = hashlib.sha256(html.encode("utf-8") + pdf).hexdigest()
    mail = EmailMessage(policy=_POLICY)
    subject = page.title
    if page.embargo is not None:
        # The embargo in one place's time: the full line with every reader's time made a
        # Subject of 200 characters, the headline cut off in every inbox.
        names = _names(page, html) | set(places)
        headline = profile(page.language).after_colon(subject, names)
        # The article a place was given is no part of its name: « : le comté de Kings obtient »
        # (Quebec desk, reading 25), as « : la Serena » would be wrong but "La Serena" is a name.
        first, _, rest = headline.partition(" ")
        if first[:1].isupper() and any(rest.startswith(f"{p} ") for p in places):
            headline = profile(page.language).after_colon(headline, ())
        subject = f"{plain(page.embargo.short or page.embargo.text)}: {headline}"
    # fr-CA: "(…) : Hamilton…"; then written as encoded words, never parsed as a header.
    mail.set_raw("Subject", _words(plain(profile(page.language).typography(subject)), "Subject"))
    contacts = _addresses(page)
    if contacts:
        mail.set_raw("From", _folded("From", [_mailbox(contacts[0])]))
        mail.set_raw("Reply-To", _folded("Reply-To", [_mailbox(c) for c in contacts]))
    if page.embargo is not None:
        # When the release may go out: the embargo, in the program's zone. A release for
        # immediate use has a date but no time; a Date at midnight would be a time nobody set.
        # The draft has none, and the mail client dates the message when it is sent (RFC 6409,
        # 8.3: the submission agent adds a missing Date).
        mail["Date"] = format_datetime(page.created_at)
    domain = contacts[0].domain if contacts else "wwc-press.invalid"
    mail["Message-ID"] = f"<{digest[:32]}@{domain}>"
    mail["X-Unsent"] = "1"

    mail.set_content(wire_text(page).decode("utf-8"), cte="quoted-printable")
    inliner = css_inline.CSSInliner(
        load_remote_stylesheets=False,
        keep_style_tags=False,
        resolve_css_variables=True,  # mail clients know no var()
        # What the page hides on screen with a media query (the running header of the PDF),
        # which cannot be inlined: hidden here with a rule that can.
        extra_css='[aria-hidden="true"] { display: none; }'
        # ... and the phone's rule for the dateline, which mail clients do not read in a media
        # query: a long dateline wraps rather than run off a phone's screen (AP desk, reading
        # 29: "SAN CARLOS DE BARILOCHE, Argentina, March 18, 2050 —", 397 px wide).
        " .dateline { white-space: normal; }",
    )
    inlined = inliner.inline(html)
    images: list[tuple[str, str, bytes]] = []

    def attach_image(match: re.Match[str]) -> str:
        name = match.group(1).rsplit("/", 1)[-1]
        data = logo(name)
        if data is None:
            return match.group(0).replace(match.group(1), "")
        cid = f"logo{len(images)}.{digest[:12]}@wwc-press"
        images.append((cid, name, data))
        return match.group(0).replace(match.group(1), f"cid:{cid}")

    inlined = _IMAGE.sub(attach_image, inlined)
    mail.add_alternative(inlined, subtype="html", cte="quoted-printable")
    html_part = mail.get_payload()[-1]
    for cid, name, data in images:  # PNG, whatever the logo's file: mail clients show PNG
        png_name = name.rsplit(".", 1)[0] + ".png"
        html_part.add_related(data, "image", "png", cid=f"<{cid}>", filename=png_name)
    mail.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    for number, part in enumerate(mail.walk()):
        if part.is_multipart():
            part.set_boundary(f"==wwc-press-{digest[number : number + 24]}")
        elif part.get_content_maintype() == "text":
            part["Content-Language"] = page.language
    mail["Content-Language"] = page.language  # set_content and add_* drop Content-* headers
    return mail.as_bytes()
