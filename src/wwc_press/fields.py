"""The registry of what an announcement says: every translatable text, declared once, with the
section of each kind of output that prints it.

validate asks which languages each text needs, check which texts to compare across languages,
review where a problem shows; the templates give their sections the same ids. A new
translatable field is one line here, besides the model, its template and the catalogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import Announcement, City, city_key

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class TextField:
    path: tuple[str, ...]  # "*" stands for each item of a list, or each group of cities
    sections: dict[str, str]  # output kind -> section id; "{n}" is the item's number from 1
    facts: bool = True  # check compares its numbers, dates and cities across languages
    city_only: bool = False  # printed only in its city's releases (and needed in their languages)
    # Where it is written: the announcement, or the settings (wwc-press.yaml) for the texts an
    # announcement prints from them; validate and check judge the settings' texts on their own.
    file: str = "announcement"
    words: bool = False  # one text for every language, or one per language (a contact's)


TEXT_FIELDS: tuple[TextField, ...] = (
    TextField(("headline",), {"release": "heading", "report": "cover"}),
    TextField(("subheadline",), {"release": "heading"}),
    TextField(("decks", "*"), {"release": "heading"}),
    TextField(
        ("highlights", "*", "text"),
        {"release": "highlights", "report": "voices", "cities": "highlights"},
    ),
    TextField(
        ("quotes", "*", "role"),
        {"release": "quote-{n}", "report": "voices", "cities": "quote-{n}"},
        facts=False,
    ),
    TextField(
        ("quotes", "*", "text"), {"release": "quote-{n}", "report": "voices", "cities": "quote-{n}"}
    ),
    TextField(("cities", "*", "*", "quote", "role"), {"cities": "city-quote"}, False, True),
    TextField(("cities", "*", "*", "quote", "text"), {"cities": "city-quote"}, True, True),
    # Contacts' words, given per language, and the settings' texts an announcement prints:
    # exported to translators with the rest (wwc-press translate); validate and check judge
    # contacts and the settings by their own rules, so texts() leaves them out.
    *(
        TextField(("contacts", "*", part), {"release": "contacts", "cities": "contacts"},
                  facts=False, file=file, words=True)
        for file in ("announcement", "settings")
        for part in ("name", "title", "organization")
    ),
    TextField(("about", "*", "title"), {"release": "about-{key}"}, False, file="settings"),
    TextField(("about", "*", "text"), {"release": "about-{key}"}, False, file="settings"),
)  # fmt: skip


def _walk(data: Any, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if not path:
        yield loc, data
        return
    step, rest = path[0], path[1:]
    if step == "*":
        items = data.items() if isinstance(data, dict) else enumerate(data or [])
        for key, value in items:
            yield from _walk(value, rest, (*loc, key))
    elif isinstance(data, dict) and data.get(step) is not None:
        yield from _walk(data[step], rest, (*loc, step))


def texts(announcement: Announcement) -> Iterator[tuple[Loc, TextField, dict[str, str]]]:
    """Every translatable text the announcement gives, besides contacts' words: its place, its
    declaration, its texts."""
    for loc, field, value in all_texts(announcement.model_dump(by_alias=True), "announcement"):
        if not field.words:
            yield loc, field, value


def all_texts(data: Any, file: str) -> Iterator[tuple[Loc, TextField, dict[str, str]]]:
    """Every text given per language in ``data``, a dump of the announcement or the settings
    (``file``): its place, its declaration, its texts."""
    for field in TEXT_FIELDS:
        if field.file != file:
            continue
        for loc, value in _walk(data, field.path, ()):
            if isinstance(value, dict):
                yield loc, field, value


def field_at(loc: Loc, file: str = "announcement") -> TextField | None:
    """The declaration of the text at ``loc`` (("quotes", 0, "text") -> the quotes' text)."""
    for field in TEXT_FIELDS:
        if (
            field.file == file
            and len(field.path) == len(loc)
            and all(step == "*" or step == part for step, part in zip(field.path, loc, strict=True))
        ):
            return field
    return None


def city_of(announcement: Announcement, loc: Loc) -> City | None:
    """The city a text belongs to: a highlight's city, or the city whose quote it is."""
    if loc[0] == "cities":
        return getattr(announcement.cities, str(loc[1]))[int(loc[2])]
    if loc[0] == "highlights":
        name = announcement.highlights[int(loc[1])].city
        return next((c for _, c in announcement.cities.by_status() if c.name == name), None)
    return None


def section(
    kind: str, loc: Loc, announcement: Announcement, city: City | None, file: str = "announcement"
) -> str | None:
    """The id of the section of an output (``kind``, and its ``city``) that prints ``loc``."""
    field = field_at(loc, file)
    if field is None or kind not in field.sections:
        return None
    owner = city_of(announcement, loc)
    if city is not None and (field.city_only or loc[0] == "highlights") and owner is not city:
        return None  # another city's text
    if city is not None and loc[0] == "quotes":
        status = next(
            s for s, c in announcement.cities.by_status() if city_key(c) == city_key(city)
        )
        if not announcement.quotes[int(loc[1])].fits(status, city):
            return None  # a program quote that does not fit this city's release
    number = next((part for part in loc if isinstance(part, int)), 0) + 1
    found = field.sections[kind].replace("{n}", str(number))
    return found.replace("{key}", str(loc[1])) if "{key}" in found else found  # about-{key}
