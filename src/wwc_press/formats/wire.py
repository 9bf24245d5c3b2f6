"""Wire text (``.txt``): UTF-8 plain text in the structure newswires take.

Headline, decks, the lead with its dateline, paragraphs parted by a blank line (a quote is one,
its speaker named in it), About, contacts line by line, the end mark; no hard wrapping
inside a paragraph (the wire's system wraps). No-break spaces the typesetting put in to hold a
line together become spaces (a wire's search would miss "Results for America" otherwise);
those of the language's own forms ("57 %", "« ... »", "9 400") stay.
"""

from __future__ import annotations

import re

from .page import Page

# The no-break spaces that are the language's own forms, not line breaking: beside a sign ("57
# %", "14,20 $", "« … »", "Le bilan :") or a unit's symbol ("42 km": Ramat, a figure and its
# symbol), inside a figure ("9 400"), a Quebec clock ("10 h 30"), CP's "92 per cent", Fundéu's
# "EE. UU.".
# Those the typesetting put in to hold a line together (a name, "St. John's", "$4.2 million",
# "10 a.m. ET", "(12h em Brasília)") are ordinary spaces in plain text, which the wire and the
# mail reader wrap: a search for "Results for America" must find it.
_OWN_FORMS = re.compile(
    r"(?<=\d) (?=[%\d$€]|h\b|per cent\b|(?:km|kg|ha|m)\b)|(?<=\bh) (?=\d\d\b)|(?<=«) | (?=»)"
    r"|(?<=\S) (?=:(?:\s|$))|(?<=\bEE\.) (?=UU\.)"
)


def plain(text: str) -> str:
    return _OWN_FORMS.sub("\u00a0", text.replace("\u00a0", " "))


def paragraphs(page: Page) -> list[str]:
    """The release as the wire's paragraphs, in order."""
    out: list[str] = []
    for block in page.blocks:
        if block.kind in ("slot", "logo"):
            continue  # nothing to read in plain text
        if block.kind == "lead":
            out.append(f"{block.dateline} {block.text}".strip())
        elif block.kind == "item":  # a list's item, as plain text marks one
            out.append(f"- {block.text}")
        else:
            out.append(block.text)
    return [plain(text) for text in out if text]


def wire_text(page: Page) -> bytes:
    return ("\n\n".join(paragraphs(page)) + "\n").encode("utf-8")
