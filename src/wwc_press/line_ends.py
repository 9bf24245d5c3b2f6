"""Where a line of a page may end, and where it may not: the characters that say so, the ties
of a display line (the embargo line, a report's cover headline), and the end of a paragraph, whose
last line never holds one word alone. ``typeset`` applies them to a page it typesets.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
# After a name's own hyphen in print: no line breaks there ("Trois-/Rivières", "Nouvelle-/
# Écosse"; Ramat: a proper noun is not divided). Lato has no U+2011 (non-breaking hyphen), whose
# glyph would come from another font; the word joiner is invisible, prints nothing, and
# pdftotext reads the name back as it is written.
WORD_JOINER = "\u2060"
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"  # a line may break here; WeasyPrint prints nothing, copies nothing

# A bracketed part of a display line, or one of its parts between semicolons, this short or
# shorter is kept on one line: "(12h em Brasília)", "11:30 a.m. NT in St. John's".
SHORT_PHRASE = 32


def display_ties(text: str) -> str:
    """A display line's text with no-break spaces inside each short bracketed phrase (or each
    part of a long one between semicolons) and before it, and before its last word, so that no
    line holds a word alone ("(12h em / Brasília)"; Estadão, Folha and the Canadian Press alike
    set a time with its place)."""

    def bracket(match: re.Match[str]) -> str:
        parts = match.group(2).split(";")
        inner = re.compile(r"(?<=[^ \t\r\n]) (?=[^ \t\r\n])")  # not the space after ";"
        # A longer part keeps its time with the words that open its places ("12:00 en Buenos
        # Aires, …", not "12:00 / en Buenos Aires").
        held = [
            inner.sub(NBSP, p) if len(p.strip()) <= SHORT_PHRASE else inner.sub(NBSP, p, count=2)
            for p in parts
        ]
        # ... and held to the time it qualifies: "9 h (heure du Centre)".
        space = NBSP if match.group(1) and len(match.group(2)) <= SHORT_PHRASE else match.group(1)
        return space + "(" + ";".join(held) + ")"

    text = re.sub(r"(?<=[^ \t\r\n])( ?)\(([^()]*)\)", bracket, text)
    last = re.search(r"([^ \t\r\n]+) ([^ \t\r\n]+)([ \t\r\n]*)$", text)
    if last and len(last.group(1)) + len(last.group(2)) < SHORT_PHRASE:
        text = text[: last.start()] + last.group(1) + NBSP + last.group(2) + last.group(3)
    return text


# A paragraph's last line never holds one word alone ("Cusco / (Peru).", "nível / Prata."): its
# last two words are tied, as book and press typesetters set them (Bringhurst, The Elements of
# Typographic Style, 2.4.8), unless the two make a unit longer than this: two-fifths of a line
# of body text (42 em of 11-point Lato hold some 85 letters), which then leaves the line above
# short. "What Works Cities Certification." (32) is tied: "Certification." alone was worse.
LONGEST_TIE = 34
# Inline tags a paragraph's last words may stand among; any other tag opens a block or a line.
_INLINE = re.compile(r"</?(?:a|span|time|strong|em|b|i|abbr|cite|q|small|sup|sub)\b")
_INVISIBLE = re.compile(f"<[^>]*>|[{SOFT_HYPHEN}{WORD_JOINER}]")


def trim_end(parts: list[str], end: int) -> None:
    """No space at the end of the block whose text ends in ``parts[end]``, in place. WeasyPrint
    70 measured a paragraph's last line with the space the template left before ``</p>``; the
    line then did not fit, and it broke the line before it after one word ("… met les données /
    et / les éléments probants…")."""
    index = end
    while True:
        parts[index] = parts[index].rstrip(" \t\r\n")
        if parts[index] or index < 2 or not _INLINE.match(parts[index - 1]):
            return
        index -= 2


def tie_last_words(parts: list[str], end: int) -> None:
    """Tie the last two words of the paragraph whose text ends in ``parts[end]`` (``parts``
    alternate texts and tags) with a no-break space, in place: unless its last word is already
    held to another (a name, "14,6\u00a0milhões") or the unit would pass ``LONGEST_TIE``."""
    start = end
    while start >= 2 and _INLINE.match(parts[start - 1]):
        start -= 2
    text = "".join(parts[start : end + 1])
    masked = re.sub(r"<[^>]*>", lambda m: "\0" * len(m.group(0)), text).rstrip(" \t\r\n")
    spaces = list(re.finditer(r"[ \t\r\n]+", masked))
    if not spaces:
        return
    last = spaces[-1]
    word = _INVISIBLE.sub("", text[last.end() : len(masked)])
    before = spaces[-2].end() if len(spaces) > 1 else 0
    previous = _INVISIBLE.sub("", text[before : last.start()])
    if not previous or re.search(f"[{NBSP}{ZERO_WIDTH_SPACE}]", word):
        return
    if len(previous) + 1 + len(word) > LONGEST_TIE:
        return
    held = text[before : last.start()].replace(SOFT_HYPHEN, "")  # nor "ser-/vice America."
    parts[start] = text[:before] + held + NBSP + text[last.end() :]
    parts[start + 1 : end + 1] = [""] * (end - start)
