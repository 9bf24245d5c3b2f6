"""What the newsroom tests read from pages: the head's links and meta, and JSON-LD checked
against the schema.org types of ``tests/data/schema-org-types.json``."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

TYPES = json.loads((Path(__file__).parent / "data" / "schema-org-types.json").read_text("utf-8"))


class Head(HTMLParser):
    """The ``<link>``, ``<meta property|name>`` and JSON-LD of a page's head."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.meta: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self._script = False
        self.feed(html.split("</head>", 1)[0])

    def handle_starttag(self, tag, attrs):
        found = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(found)
        elif tag == "meta" and ("property" in found or "name" in found):
            key = found.get("property") or found["name"]
            self.meta.setdefault(key, []).append(found.get("content", ""))
        elif tag == "script" and found.get("type") == "application/ld+json":
            self._script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data

    def alternates(self) -> dict[str, str]:
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link and "type" not in link
        }

    def canonical(self) -> str:
        [found] = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return found

    def one(self, key: str) -> str:
        [value] = self.meta[key]
        return value

    def data(self) -> dict:
        [script] = self.scripts
        return json.loads(script)


def _is(value, kind: str, problems: list[str], where: str) -> bool:
    if kind == "Text":
        return isinstance(value, str) and bool(value.strip())
    if kind == "URL":
        return isinstance(value, str) and bool(value) and not re.search(r"\s", value)
    if kind == "Integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "DateTime":
        try:
            moment = dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return moment.tzinfo is not None  # with its offset
    if isinstance(value, dict) and value.get("@type") == kind:
        problems += validate(value, where)
        return True
    return False


def validate(node: dict, where: str = "") -> list[str]:
    """Problems of ``node`` against its ``@type``: a required property missing, a property the
    type does not have, a value of a type the property does not take."""
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{where}: unknown @type {kind!r}"]
    spec = TYPES[kind]
    problems = [f"{where}{kind}: {name} missing" for name in spec["required"] if name not in node]
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in spec["properties"]:
            problems.append(f"{where}{kind}: no property {name}")
            continue
        for item in value if isinstance(value, list) else [value]:
            expected = spec["properties"][name]
            if not any(_is(item, k, problems, f"{where}{kind}.{name}.") for k in expected):
                problems.append(f"{where}{kind}.{name}: {item!r} is not {' or '.join(expected)}")
    return problems
