"""Which outputs are already up to date: a hash of every input that affects each one.

An output's key covers the package (its version and code), the templates (with fonts and CSS),
the settings, the catalog of its language and the part of the announcement it shows, in its
language only: a release or a report shows every city; a city's own release shows that city and
the announcement's common fields but not its headline and decks (a change to another city's level
leaves it alone, a city more or less does not: it says how many others were recognized). So an
edit to the pt-BR quote re-renders the pt-BR outputs that print it and nothing else. Keys are
kept in ``dist/<id>/.wwc-cache.json``.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Announcement, City
    from .plan import Output
    from .project import Project

MANIFEST = ".wwc-cache.json"


def _digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def _tree(folder: Path, pattern: str = "**/*") -> str:
    """The names and contents of every file under ``folder`` (read each build: templates change
    while ``serve`` runs)."""
    parts: list[bytes | str] = []
    for path in sorted(p for p in folder.glob(pattern) if p.is_file()):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return _digest(*parts)


# Libraries whose upgrade changes what is printed: layout, PDF writing, CLDR data, templates,
# hyphenation patterns, font subsetting.
_LIBRARIES = ("weasyprint", "pydyf", "babel", "jinja2", "pyphen", "fonttools")


@cache
def _package() -> str:
    """Our version and code (so a developer's change counts too) and the libraries' versions."""
    here = Path(__file__).parent
    versions = [f"{name}=={metadata.version(name)}" for name in ("wwc-press", *_LIBRARIES)]
    return _digest(*versions, _tree(here, "*.py"), _tree(here, "data/*"))


def shared_key(project: Project, catalog: Path | None) -> str:
    """What every output of one language depends on, besides the announcement."""
    return _digest(
        _package(),
        _tree(project.templates),
        _tree(project.root / "logos"),
        project.settings_path.read_bytes(),
        catalog.read_bytes() if catalog and catalog.is_file() else b"",  # missing: said later
    )


def output_key(shared: str, announcement: Announcement, output: Output, derived: str = "") -> str:
    """``derived``: what the roster derives for the announcement (its firsts, its roster), which
    an earlier announcement's change may alter without this one changing."""
    spec = json.dumps([output.kind, output.language, output.fmt, output.path.as_posix(), derived])
    if output.city is None:
        shown = announcement.model_dump(mode="json", by_alias=True)
    else:
        shown = _city_view(announcement, output.city)
    return _digest(shared, spec, json.dumps(_in_language(shown, output.language), sort_keys=True))


def _in_language(data: Any, language: str) -> Any:
    """``data`` with each per-language mapping (a text, a name's spellings, the contacts of each
    language) narrowed to ``language``: an output prints no other language's words."""
    from .inputs import LANGUAGES

    if isinstance(data, dict):
        if data and all(key in LANGUAGES for key in data):
            return _in_language(data.get(language), language)
        return {key: _in_language(value, language) for key, value in data.items()}
    if isinstance(data, list):
        return [_in_language(item, language) for item in data]
    return data


def _city_view(announcement: Announcement, city: City) -> dict[str, Any]:
    status = next(status for status, c in announcement.cities.by_status() if c is city)
    from . import fields

    # Its own city and highlights are below; a city's release has a headline of its own: the
    # announcement's headline and decks are not on it.
    unseen = {"cities", "highlights", *fields.unprinted("cities")}
    return {
        "common": announcement.model_dump(mode="json", by_alias=True, exclude=unseen),
        "city": city.model_dump(mode="json", by_alias=True),
        "status": status,
        "cities": len(announcement.cities.by_status()),
        # The round's size per status, which its sentences count.
        "counts": [announcement.count(s) for s in ("new", "upgraded", "recertified")],
        "highlights": [
            h.model_dump(mode="json") for h in announcement.highlights if h.city == city.name
        ],
    }


def entry(key: str, files: dict[Path, bytes]) -> str:
    """The manifest's record of an output: its key and a hash of the files written for it."""
    return f"{key} {_digest(*(data for _, data in sorted(files.items())))}"


def intact(recorded: str | None, key: str, folder: Path, paths: tuple[Path, ...]) -> bool:
    """Whether the output recorded in the manifest is up to date and its files are what was
    written: a damaged, truncated or replaced file is rendered again."""
    if recorded is None or not recorded.startswith(key + " "):
        return False
    try:
        files = {path: (folder / path).read_bytes() for path in paths}
    except OSError:
        return False
    return recorded == entry(key, files)


def read_manifest(folder: Path) -> dict[str, str]:
    """The keys of the outputs in ``folder``; a missing or damaged manifest trusts nothing."""
    try:
        keys = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(keys, dict):
        return {}
    return {k: v for k, v in keys.items() if isinstance(k, str) and isinstance(v, str)}


def manifest_bytes(keys: dict[str, str]) -> bytes:
    return json.dumps(keys, indent=1, sort_keys=True).encode("utf-8")
