"""The registry of what an announcement says: every translatable text, found in the model by its
mark (``inputs.Translated``), with the section of each kind of output that prints it.

validate asks which languages each text needs, check which texts to compare across languages,
translate which to send out, review where a problem shows, the cache what a city's release
leaves out; the templates give their sections the same ids. A new translatable field is its
mark in the model, besides its template and the catalogs (and its section here, if it has one).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from . import places
from .inputs import Translated
from .languages import profile
from .model import Announcement, City, Place, city_key, contacts_in, words
from .style import HouseStyle

if TYPE_CHECKING:
    from .settings import Settings

Loc = tuple[Any, ...]

# The section of each kind of output that prints the texts under a path of the file ("*": any
# key or item); "{n}" is the item's number from 1, "{key}" its key. A place's spellings and a
# logo's description are printed wherever the place or the logo is, in no section of their own.
SECTIONS: dict[tuple[str, ...], dict[str, str]] = {
    ("headline",): {"release": "heading", "report": "cover"},
    ("subheadline",): {"release": "heading"},
    ("decks",): {"release": "heading"},
    ("highlights",): {"release": "highlights", "report": "voices", "cities": "highlights"},
    ("quotes",): {"release": "quote-{n}", "report": "voices", "cities": "quote-{n}"},
    ("cities", "*", "*", "quote"): {"cities": "city-quote"},
    ("contacts",): {"release": "contacts", "cities": "contacts"},
    ("about",): {"release": "about-{key}"},
}


@dataclass(frozen=True)
class TextField:
    """A translatable text of the model, at its path in a file."""

    path: tuple[str, ...]  # "*" stands for each item of a list, or each key of a mapping
    mark: Translated  # what kind of text it is (inputs.Translated)
    # Where it is written: the announcement, or the settings (wwc-press.yaml) for the texts an
    # announcement prints from them.
    file: str = "announcement"
    words: bool = False  # one text for every language, or one per language (a contact's)

    @property
    def facts(self) -> bool:
        return self.mark.facts

    @property
    def city_only(self) -> bool:
        """Printed only in its city's releases (and needed in their languages)."""
        return self.path[0] == "cities"

    @property
    def sections(self) -> dict[str, str]:
        """Output kind -> the id of the section that prints it."""
        for prefix, sections in SECTIONS.items():
            if _matches(prefix, self.path[: len(prefix)]):
                return sections
        return {}


def _matches(pattern: tuple[str, ...], loc: Loc) -> bool:
    return len(pattern) == len(loc) and all(
        step == "*" or step == part for step, part in zip(pattern, loc, strict=True)
    )


def marked(
    annotation: Any, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Translated, bool]]:
    """The translatable texts an annotation holds: the path of each below it, its mark, and
    whether it may be one text for every language (a union with a plain text)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        mark = next((m for m in reversed(args[1:]) if isinstance(m, Translated)), None)
        if mark is None:
            yield from marked(args[0], path)
        else:
            one = typing.get_origin(args[0]) in (typing.Union, types.UnionType)
            yield path, mark, one
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            inner = info.annotation
            if info.metadata:  # pydantic keeps a field's own Annotated marks apart
                inner = typing.Annotated[(inner, *info.metadata)]  # type: ignore[valid-type]
            yield from marked(inner, (*path, info.alias or name))
    elif origin in (list, dict):
        yield from marked(args[-1], (*path, "*"))
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from marked(arg, path)


@cache
def registry() -> tuple[TextField, ...]:
    """Every translatable text of the announcement and of the settings, in the model's order."""
    from .settings import Settings  # the settings read validate, which reads this registry

    found: dict[tuple[str, tuple[str, ...]], TextField] = {}
    for file, model in (("announcement", Announcement), ("settings", Settings)):
        for path, mark, one_for_all in marked(model):
            found.setdefault((file, path), TextField(path, mark, file, one_for_all))
    return tuple(found.values())


def record_texts(record: BaseModel) -> Iterator[tuple[Loc, Translated, dict[str, str]]]:
    """Every text given per language in one record (a city, a contact, an About paragraph):
    its place within the record, its mark, its texts."""
    data = record.model_dump(by_alias=True)
    seen = set()
    for path, mark, _ in marked(type(record)):
        for loc, value in _walk(data, path, ()):
            if isinstance(value, dict) and loc not in seen:
                seen.add(loc)
                yield loc, mark, value


def unprinted(kind: str) -> set[str]:
    """The keys of the announcement none of whose texts an output of ``kind`` prints (a city's
    release prints neither the headline nor the decks)."""
    keys: dict[str, bool] = {}
    for field in registry():
        if field.file == "announcement" and field.sections:
            keys[field.path[0]] = keys.get(field.path[0], True) and kind not in field.sections
    return {key for key, unseen in keys.items() if unseen}


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
    """Every translatable text the announcement gives: its place, its declaration, its texts."""
    yield from all_texts(announcement.model_dump(by_alias=True), "announcement")


def all_texts(data: Any, file: str) -> Iterator[tuple[Loc, TextField, dict[str, str]]]:
    """Every text given per language in ``data``, a dump of the announcement or the settings
    (``file``): its place, its declaration, its texts."""
    for field in registry():
        if field.file != file:
            continue
        for loc, value in _walk(data, field.path, ()):
            if isinstance(value, dict):
                yield loc, field, value


def field_at(loc: Loc, file: str = "announcement") -> TextField | None:
    """The declaration of the text at ``loc`` (("quotes", 0, "text") -> the quotes' text)."""
    return next((f for f in registry() if f.file == file and _matches(f.path, loc)), None)


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


def proper_names(
    announcement: Announcement, tag: str, settings: Settings | None = None
) -> set[str]:
    """The names of people, organizations and places the outputs of ``announcement`` print
    in the profile ``tag``'s words: what spelling does not judge and typesetting keeps from
    hyphenation. With ``settings``, theirs too: the website, and the dateline and contacts an
    announcement that gives none prints."""
    language = profile(tag).text_language
    house = settings.style.get(language, HouseStyle()) if settings else HouseStyle()
    contacts = announcement.contacts or (settings.contacts if settings else [])
    names = {settings.website} if settings else set()
    for contact in contacts_in(contacts, language):
        names |= {words(contact.name, language) or "", words(contact.organization, language) or ""}
    names |= {quote.speaker for quote in announcement.quotes}
    names |= {city.quote.speaker for _, city in announcement.cities.by_status() if city.quote}
    dateline = announcement.dateline or (settings.dateline if settings else None)
    for place in [dateline] if dateline else []:
        names |= _place_names(place, tag, house)
    for _, city in announcement.cities.by_status():
        names |= _place_names(city, tag, house)
    return names


def _place_names(place: Place, tag: str, house: HouseStyle) -> set[str]:
    """A place as the outputs name it: its own name and the language's, its region and the
    qualifier the press adds ("estado de Washington"), its country, its dateline's city."""
    return {
        place.name,
        places.city_name(place, tag),
        places.region_name(place, tag) or "",
        places.qualifier(place, tag, house),
        places.country_name(place.country, tag),
        places.dateline(place, tag, house).split(",")[0].split(" (")[0],
    }
