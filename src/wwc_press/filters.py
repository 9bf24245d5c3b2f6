"""The filters the templates apply to text (``upper_first``, ``sentences``, ``css_counters``,
``label_lines``, ``dash_tied``); the tables of contents capitalize a language's name with the same
``upper_first``."""

from __future__ import annotations

import re

from markupsafe import Markup, escape


def upper_first(text: str) -> str:
    """Capitalize a sentence's first letter without lowering the rest (Jinja's capitalize does)."""
    return text[:1].upper() + text[1:]


def sentences(text: str) -> Markup:
    """Join a paragraph's sentences with one space, and drop the period a sentence would add
    after a closing abbreviation ("Washington, D.C.." becomes "Washington, D.C.")."""
    # escape(): a filter block's output is Markup already; plain text would be escaped here.
    joined = re.sub(r"[ \t\r\n]+", " ", escape(text)).strip()  # not \s: keep no-break spaces
    # Only a doubled period that ends a sentence: "A..B" in a name stays as typed.
    return Markup(re.sub(r"(?<!\.)\.\.(?=\s|$)", ".", joined))  # noqa: S704 (escaped above)


def css_counters(text: str) -> Markup:
    """A translated "Page {page} of {pages}" as a CSS ``content`` value with page counters."""
    # The words as typed (a translation arrives escaped for HTML), then as a CSS string: a
    # character that could end the string or the <style> element is written as a CSS escape.
    words = text.unescape() if isinstance(text, Markup) else str(text)
    parts = []
    for piece in words.replace("{pages}", "\0pages\0").replace("{page}", "\0page\0").split("\0"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append('"' + re.sub(r'[\\"<>&\n]', lambda m: f"\\{ord(m[0]):x} ", piece) + '"')
    return Markup(" ".join(parts))  # noqa: S704 (every character that matters is escaped)


def dash_tied(text: str) -> Markup:
    """A dateline with the dash that ends it held to the date by a no-break space ("March 18,
    2050\u00a0—", « 20 mai 2043\u00a0– »): where a phone or a mail client lets the dateline wrap,
    no line opens with the dash."""
    return Markup(re.sub(r" ([—–])$", "\u00a0\\1", str(escape(text)).rstrip()))  # noqa: S704


def label_lines(text: str, width: int) -> list[str]:
    """A short label on one line; a longer one (more than ``width`` characters) on two, split
    at the space that makes the longer line shortest (a chart's label beside its bar)."""
    words = str(text).split()
    if len(text) <= width or len(words) < 2:
        return [text]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return list(min(splits, key=lambda pair: max(len(pair[0]), len(pair[1]))))


FILTERS = {
    "upper_first": upper_first,
    "css_counters": css_counters,
    "sentences": sentences,
    "label_lines": label_lines,
    "dash_tied": dash_tied,
}
