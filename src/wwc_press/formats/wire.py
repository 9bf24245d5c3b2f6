"""Wire text (``.txt``): UTF-8 plain text in the structure newswires take.

Headline, decks, the lead with its dateline, paragraphs parted by a blank line (a quote is one,
its speaker named in it), About, contacts line by line, the end mark; no hard wrapping
inside a paragraph (the wire's system wraps). No-break spaces the typesetting put inside names
become spaces (a wire's search would miss "Results for America" otherwise); those the language
sets beside a sign ("57 %", "« ... »") stay.
"""

from __future__ import annotations

import re

from .page import Page

# A no-break space between two letters ties a name; beside a digit or a sign it is typography.
_NAME_TIE = re.compile(r"(?<=[^\W\d_])\u00a0(?=[^\W\d_])")


def plain(text: str) -> str:
    return _NAME_TIE.sub(" ", text)


def paragraphs(page: Page) -> list[str]:
    """The release as the wire's paragraphs, in order."""
    out: list[str] = []
    for block in page.blocks:
        if block.kind in ("slot", "logo"):
            continue  # nothing to read in plain text
        if block.kind == "lead":
            out.append(f"{block.dateline} {block.text}".strip())
        else:
            out.append(block.text)
    return [plain(text) for text in out if text]


def wire_text(page: Page) -> bytes:
    return ("\n\n".join(paragraphs(page)) + "\n").encode("utf-8")
