"""Texts written back into a YAML file as its author laid it out: ruamel.yaml's round trip
keeps comments, key order, quoting and folded paragraphs; only the changed values move.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from .errors import InputError, Problem

WIDTH = 100  # the project's line length: a new folded paragraph wraps within it


def _yaml() -> YAML:
    parser = YAML(typ="rt")
    parser.preserve_quotes = True
    parser.width = 4096  # never re-wrap a line the author wrote
    parser.indent(mapping=2, sequence=4, offset=2)
    return parser


def _folded(text: str, indent: int) -> FoldedScalarString:
    """``text`` as a folded paragraph, its lines within WIDTH at ``indent``."""
    folded = FoldedScalarString(text)
    lines = textwrap.wrap(text, WIDTH - indent, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) == text:  # else (two spaces in a row) one line keeps the text exact
        folds, at = [], 0
        for line in lines[:-1]:
            at += len(line)
            folds.append(at)  # the space between this line and the next
            at += 1
        folded.fold_pos = folds  # type: ignore[attr-defined]
    return folded


def _styled(old: Any, sibling: Any, text: str, indent: int) -> Any:
    """``text`` in the style of the value it replaces, or of its English beside it."""
    model = old if old is not None else sibling
    if isinstance(model, FoldedScalarString) or "\n" in text:
        return _folded(text, indent) if "\n" not in text else LiteralScalarString(text)
    for style in (DoubleQuotedScalarString, SingleQuotedScalarString, LiteralScalarString):
        if isinstance(old, style):
            return style(text)
    return text


def _node(data: Any, loc: tuple) -> CommentedMap:
    for part in loc:
        data = data[part]
    return data


def edit(path: Path, changes: list[tuple[tuple, str, str]]) -> bytes | None:
    """``path`` with each (place, language, text) of ``changes`` set; None when nothing changes.
    InputError when the file's own layout would not survive a rewrite."""
    original = path.read_text(encoding="utf-8")
    parser = _yaml()
    data = parser.load(original)
    changed = False
    for loc, language, text in changes:
        texts = _node(data, loc)
        old = texts.get(language)
        if old is not None and str(old) == text:
            continue
        _, column = texts.lc.key("en")  # a new paragraph is indented as its English
        indent = column + 2
        value = _styled(old, texts.get("en"), text, indent)
        if language in texts:
            texts[language] = value
        else:  # after the last language given, so that the file reads en, es, pt-BR, fr-CA
            texts.insert(len(texts), language, value)
        changed = True
    if not changed:
        return None
    _refuse_lost_layout(path, original, parser)
    after = io.StringIO()
    parser.dump(data, after)
    return after.getvalue().encode("utf-8")


def _refuse_lost_layout(path: Path, original: str, parser: YAML) -> None:
    """InputError at the first line that ruamel.yaml would not write back as it is."""
    before = io.StringIO()
    parser.dump(parser.load(original), before)
    if before.getvalue() == original:
        return
    pairs = zip(original.splitlines(), before.getvalue().splitlines(), strict=False)
    line = next((n for n, (mine, its) in enumerate(pairs, 1) if mine != its), 1)
    message = (
        "this line's layout would not survive a rewrite (a flow mapping over several lines?): "
        "write it on one line or as a block, then import again"
    )
    raise InputError([Problem(path, line, 1, message)])
