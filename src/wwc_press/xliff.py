"""An announcement's units as XLIFF 2.1 (OASIS) and back: the core with its notes and states,
the Glossary module for the glossary's terms and the Translation Candidates module for what the
memory offers. Written and read with lxml; translate-toolkit and CAT tools read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import InputError, Problem

CORE = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps 2.0's namespaces
GLOSSARY = "urn:oasis:names:tc:xliff:glossary:2.0"
MATCHES = "urn:oasis:names:tc:xliff:matches:2.0"
NAMESPACES = {None: CORE, "gls": GLOSSARY, "mtc": MATCHES}
SEGMENT = "s1"  # each unit is one segment; the matches point at it
# Our states as XLIFF's: a translation whose English changed since is back to "initial".
STATES = {
    "new": "initial",
    "changed": "initial",
    "translated": "translated",
    "memory": "translated",
}


@dataclass(frozen=True)
class Entry:
    """One unit of a translated file, at its line."""

    id: str
    source: str
    target: str
    line: int
    done: bool  # translated and not marked for review (fuzzy, initial)


@dataclass(frozen=True)
class Incoming:
    path: Path
    language: str | None
    language_line: int
    original: str | None  # the announcement it was exported from, relative to the project
    entries: list[Entry]


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    element = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    element.text = text
    return element


def _unit(body: etree._Element, unit, note: str) -> None:
    element = _sub(body, f"{{{CORE}}}unit", id=unit.id)
    if unit.suggestions or unit.memory:
        matches = _sub(element, f"{{{MATCHES}}}matches")
        for match in [m for m in [unit.memory] if m] + unit.suggestions:
            kind = "tm"
            similarity = f"{match.similarity * 100:.1f}"
            item = _sub(matches, f"{{{MATCHES}}}match", ref=f"#{SEGMENT}", type=kind,
                        similarity=similarity, origin=match.origin)  # fmt: skip
            _sub(item, f"{{{CORE}}}source", match.source)
            _sub(item, f"{{{CORE}}}target", match.target)
    if unit.terms:
        glossary = _sub(element, f"{{{GLOSSARY}}}glossary")
        for term in unit.terms:
            entry = _sub(glossary, f"{{{GLOSSARY}}}glossEntry")
            _sub(entry, f"{{{GLOSSARY}}}term", term.term, source="glossary.yaml")
            _sub(entry, f"{{{GLOSSARY}}}translation", term.translation)
            _sub(entry, f"{{{GLOSSARY}}}definition", term.note)
    notes = _sub(element, f"{{{CORE}}}notes")
    _sub(notes, f"{{{CORE}}}note", note, category="location")
    if unit.previous is not None:
        _sub(notes, f"{{{CORE}}}note", f"The English changed since this translation; it was: "
             f"{unit.previous}", category="changed")  # fmt: skip
    if unit.memory is not None:
        _sub(notes, f"{{{CORE}}}note", f"Filled from the same English in {unit.memory.origin}; "
             "check it in this context", category="memory")  # fmt: skip
    sub_state = "wwc:memory" if unit.state == "memory" else None
    segment = _sub(element, f"{{{CORE}}}segment", id=SEGMENT, state=STATES[unit.state],
                   subState=sub_state)  # fmt: skip
    _sub(segment, f"{{{CORE}}}source", unit.source)
    if unit.target:
        _sub(segment, f"{{{CORE}}}target", unit.target)


def write(units: list, language: str, original: str, notes: dict[str, str]) -> bytes:
    """The XLIFF 2.1 document of ``units`` (translate.Unit) in ``language``."""
    nsmap = {**NAMESPACES, "wwc": "urn:wwc-press:translate"}  # the prefix of our subState
    root = etree.Element(f"{{{CORE}}}xliff", nsmap=nsmap)
    root.set("version", "2.1")
    root.set("srcLang", "en")
    root.set("trgLang", language)
    body = _sub(root, f"{{{CORE}}}file", id="f1", original=original)
    for unit in units:
        _unit(body, unit, notes[unit.id])
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(element: etree._Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def read(path: Path) -> Incoming:
    """The units of an XLIFF 2 file; InputError at the line of what is not XLIFF 2."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        line, column = error.position
        raise InputError([Problem(path, line, column, f"not XML: {error.msg}")]) from None
    if root.tag != f"{{{CORE}}}xliff" or not str(root.get("version", "")).startswith("2."):
        message = 'not an XLIFF 2 file (<xliff version="2.1"> in its namespace): export again'
        raise InputError([Problem(path, root.sourceline or 1, 1, message)])
    file = root.find(f"{{{CORE}}}file")
    entries = []
    for unit in root.iter(f"{{{CORE}}}unit"):
        segment = unit.find(f"{{{CORE}}}segment")
        source = _text(segment.find(f"{{{CORE}}}source")) if segment is not None else ""
        target_element = segment.find(f"{{{CORE}}}target") if segment is not None else None
        state = segment.get("state", "initial") if segment is not None else "initial"
        line = (target_element if target_element is not None else unit).sourceline or 1
        target = _text(target_element)
        entries.append(Entry(unit.get("id", ""), source, target, line, state != "initial"))
    return Incoming(
        path,
        root.get("trgLang"),
        root.sourceline or 1,
        file.get("original") if file is not None else None,
        entries,
    )
