"""Read a YAML file into plain Python data, remembering where every node came from.

PyYAML's safe loader would forget positions, accept duplicate keys (the last wins silently) and
expand aliases without limit. We compose the node graph ourselves instead, so that every later
error can point at ``PATH:LINE:COLUMN`` and a hostile file costs bounded time and memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import CONTROL, InputError, Problem

Loc = tuple[str | int, ...]

# Limits far above any real announcement (the largest real round has 21 new cities), checked
# before the costly steps: the size before reading, the number of cities before building values
# from the parsed nodes, the length of each text as it is read.
MAX_BYTES = 5 * 1024 * 1024
MAX_CITIES = 5_000
MAX_TEXT = 10_000  # characters in one text (a headline, a highlight, a quote)
MAX_DIGITS = 15  # a number; the model sets the real bound of each (model.MAX_COUNT)
# Limits of the document as the program sees it, aliases expanded: an alias repeats its anchor's
# values, so a small file can stand for an enormous one (one 9 KB text aliased 20,000 times is a
# 389 KB file and 180 MB of text). A real announcement has a few nodes per city, so 5,000 cities
# stay far below MAX_NODES, and its text is what its file holds; an alias bomb ("billion
# laughs") reaches either limit within milliseconds and is refused there, before it is built.
MAX_NODES = 200_000
MAX_TOTAL_TEXT = 5_000_000  # characters in all the texts, keys included

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


# libyaml's parser where PyYAML has it (its wheels do): ten times faster on a large file.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """YAML 1.2's booleans: only true and false. YAML 1.1 also reads yes/no/on/off, which turns
    Ontario's code ON and Norway's NO into booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Document:
    """Data of one YAML file and the position of each value and each mapping key in it."""

    path: Path
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc``, or of its nearest ancestor present in the file."""
        table = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            here = tuple(loc[:end])
            if here in table:
                return table[here]
            if here in self.values:
                return self.values[here]
        return (1, 1)

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(self.path, line, column, message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, doc: Document, generated: bool):
        self.doc = doc
        self.generated = generated
        self.seen: set[int] = set()  # nodes built, to find aliases in a generated file
        self.problems: list[Problem] = []
        # Counted as values are built, so an alias counts each time it is expanded.
        self.nodes = 0
        self.text = 0
        self.cities = 0
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if self.generated:
            return self._generated(node, loc)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(node, f"the file expands to more than {MAX_NODES:,} values, far more "
                                  f"than {MAX_CITIES:,} cities need (aliases repeated many "
                                  "times?)")  # fmt: skip
        if isinstance(node, yaml.ScalarNode):
            self.text += len(node.value)
            if self.text > MAX_TOTAL_TEXT:
                raise _TooLarge(node, f"the file expands to more than {MAX_TOTAL_TEXT:,} "
                                      "characters of text (aliases repeated many times?): an "
                                      "announcement holds far less")  # fmt: skip
        if len(loc) == 3 and loc[0] == "cities":  # the parser's count misses aliased lists
            self.cities += 1
            if self.cities > MAX_CITIES:
                raise _TooLarge(node, f"more than {MAX_CITIES:,} cities in one file: an "
                                      f"announcement may list at most {MAX_CITIES:,}")  # fmt: skip
        return self._node(node, loc)

    def _generated(self, node: yaml.Node, loc: Loc) -> Any:
        """A node of a file wwc-press writes: its size follows the announcement it records, so
        no announcement's limits; and wwc-press writes no aliases, so none is expanded."""
        if id(node) in self.seen:
            message = "an alias of a value given before: write the value itself"
            self.problems.append(self._at(node, message))
            return None
        self.seen.add(id(node))
        return self._node(node, loc)

    def _node(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.values[loc] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self._bad_tag(node)
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any] | None:
        if node.tag != _MAP_TAG:
            return self._bad_tag(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._at(key_node, "a key must be a plain word"))
                continue
            self.text += len(key_node.value)  # an aliased mapping repeats its keys too
            key = str(self._scalar(key_node))
            if key in result:
                first_line = self.doc.keys[loc + (key,)][0]
                self.problems.append(
                    self._at(key_node, f"duplicate key '{key}': already given on line {first_line}")
                )
                continue
            self.doc.keys[loc + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self._bad_tag(node)
        found = CONTROL.search(node.value) if isinstance(node.value, str) else None
        if found:  # from an escape: "\0"
            self.problems.append(self._at(node, f"control character U+{ord(found.group()):04X} "
                                               "in a text: remove it"))  # fmt: skip
            return None
        if len(node.value) > MAX_TEXT and not self.generated:
            self.problems.append(self._at(node, f"a text of {len(node.value):,} characters: "
                                               f"at most {MAX_TEXT:,} in one value"))  # fmt: skip
            return None
        if node.tag == "tag:yaml.org,2002:int" and len(node.value.lstrip("+-")) > MAX_DIGITS:
            shown = node.value if len(node.value) <= 30 else node.value[:20] + "…"
            self.problems.append(self._at(node, f"the number {shown} has {len(node.value):,} "
                                               "digits: no count in an announcement is that "
                                               "large"))  # fmt: skip
            return None
        if _surprising(node):
            read = self.constructor.construct_object(node)
            self.problems.append(self._at(node, f"YAML reads '{node.value}' as {read:,} "
                                               f"({_how(node.value)}): write the number in plain "
                                               "digits, or put a text in quotes: "
                                               f'"{node.value}"'))  # fmt: skip
            return None
        try:
            return self.constructor.construct_object(node)
        except (ValueError, yaml.YAMLError) as error:
            # Only timestamps fail here: the resolver matched the shape but the date is impossible.
            detail = str(error).split(":")[-1].strip()
            self.problems.append(self._at(node, f"impossible date '{node.value}': {detail}"))
            return None

    def _bad_tag(self, node: yaml.Node) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.append(
            self._at(node, f"tag '{tag}' is not allowed: announcement files hold plain values")
        )
        return None

    def _at(self, node: yaml.Node, message: str) -> Problem:
        line, column = _mark(node)
        return Problem(self.doc.path, line, column, message)


# A number as people write it. YAML 1.1, which PyYAML reads, also takes 190:20:30 as base 60
# (685,230), 017 as octal (15), 1_000 and 1_000.5, 0x1F and 0b101: a typo or a code would
# become another number without a word.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")


def _surprising(node: yaml.ScalarNode) -> bool:
    if node.tag == "tag:yaml.org,2002:int":
        return not _DECIMAL.fullmatch(node.value)
    return node.tag == "tag:yaml.org,2002:float" and any(c in node.value for c in ":_")


def _how(value: str) -> str:
    if ":" in value:
        return "a number in base 60"
    if value.lstrip("+-").startswith(("0x", "0b")):
        return "a hexadecimal or binary number"
    return "its underscores dropped" if "_" in value else "an octal number"


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, message: str):
        self.node = node
        self.message = message


def load(path: Path, *, generated: bool = False) -> Document:
    """Parse ``path``; raise InputError listing every problem that stops us reading it.

    ``generated``: a file wwc-press writes (the approvals), which may be as large as the outputs
    it records but holds no alias."""
    node = _compose(path, _text(path, generated), generated)
    doc = Document(path=path, data=None)
    builder = _Builder(doc, generated)
    try:
        doc.data = builder.build(node, ())
    except RecursionError:
        message = "the file nests lists or mappings too deeply to be an announcement"
        raise InputError([Problem(path, 1, 1, message)]) from None
    except _TooLarge as error:
        line, column = _mark(error.node)
        raise InputError([Problem(path, line, column, error.message)]) from None
    if builder.problems:
        raise InputError(builder.problems)
    return doc


def _text(path: Path, generated: bool) -> str:
    """The file's text: InputError for a file too large, unreadable, not UTF-8, or holding a
    control character."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and not generated:
            message = (f"the file is {size / 1_048_576:.1f} MB: an announcement may be at most "
                       f"{MAX_BYTES // 1_048_576} MB")  # fmt: skip
            raise InputError([Problem(path, 1, 1, message)])
        raw = path.read_bytes()
    except OSError as error:
        raise InputError([Problem(path, 1, 1, f"cannot read the file: {error.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (
            f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8 "
            "(accents such as 'Córdoba' are fine in UTF-8)"
        )
        raise InputError([Problem(path, line, column, message)]) from None
    control = CONTROL.search(text)
    if control:  # YAML refuses them too, but at no useful place and in several lines
        before = text[: control.start()]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        message = (f"control character U+{ord(control.group()):04X} is not allowed in an "
                   "announcement: delete it (it is invisible in most editors)")  # fmt: skip
        raise InputError([Problem(path, line, column, message)])
    return text


def _compose(path: Path, text: str, generated: bool) -> yaml.Node:
    """The file's YAML nodes, before any value is built: InputError at a syntax error, a file
    nested too deeply, too many cities, or an empty file."""
    try:
        if not generated:
            _count_cities(path, text)
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        message = "the file nests lists or mappings too deeply to be an announcement"
        raise InputError([Problem(path, 1, 1, message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        if "nesting depth" in what:  # libyaml's own limit, met before Python's recursion one
            what = "the file nests lists or mappings too deeply to be an announcement"
            raise InputError([Problem(path, line, column, what)]) from None
        raise InputError([Problem(path, line, column, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(path, 1, 1, f"YAML error: {error}")]) from None
    if node is None:
        raise InputError([Problem(path, 1, 1, "the file is empty: expected a mapping of keys")])
    return node


def _count_cities(path: Path, text: str) -> None:
    """Refuse a file with more than MAX_CITIES cities from its parser's events, before any node
    is composed: 100,000 cities are refused in well under a second and a few megabytes."""
    stack: list[list] = []  # per open container: [is_mapping, path, current key, expects_key]
    count = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()
            if stack and stack[-1][0]:
                stack[-1][3] = True  # the mapping's next key
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        parent = stack[-1] if stack else None
        if parent and parent[0] and parent[3]:  # a mapping key
            parent[2] = event.value if isinstance(event, yaml.ScalarEvent) else None
            parent[3] = False
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                continue
        where = () if parent is None else (*parent[1], parent[2] if parent[0] else "-")
        if parent and not parent[0] and len(where) == 3 and where[0] == "cities":
            count += 1
            if count > MAX_CITIES:
                line, column = _mark(event)
                message = (f"more than {MAX_CITIES:,} cities in one file: an announcement may "
                           f"list at most {MAX_CITIES:,}")  # fmt: skip
                raise InputError([Problem(path, line, column, message)])
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), where, None, True])
        elif parent and parent[0]:
            parent[3] = True


def file_texts(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string of a loaded file with its key path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from file_texts(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from file_texts(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data
