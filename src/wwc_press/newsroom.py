"""What the web reads from each HTML page: its language versions, its address, its link preview
and its structured data; and the language switch a reader uses.

Every HTML output (release, report, city release) gets, in its ``<head>``: ``hreflang``
alternates for each language version of the same output and ``x-default`` (English), a
canonical link, Open Graph and Twitter's ``summary_large_image`` with the output's own card, and
JSON-LD ``NewsArticle``. After ``<body>``, a language switch. The PDF, the Word file, the wire text
and the e-mail are written from the page before these are added, so none of them carries them.

Addresses are relative here (a built page works from any folder); ``site.publish`` makes them
absolute on ``--base-url``. Text from an announcement is data: the JSON-LD is serialized with
``<``, ``>`` and ``&`` escaped, so no text can close the ``<script>`` or open markup.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from . import readers
from .formats.cards import SIZES
from .languages import profile, source_language

if TYPE_CHECKING:
    from .formats.page import Page
    from .localize import Localizer
    from .model import Announcement
    from .plan import Output
    from .settings import Settings

# The publisher's logo when the settings name none, written beside the settings' logos.
PUBLISHER_LOGO = "wwc-press-publisher.svg"
# The longest description a preview shows whole (networks cut at about 200 characters).
DESCRIPTION = 200


@dataclass(frozen=True)
class Version:
    """One language version of a page: its tag, its address from the page that links to it, the
    language's name as its readers write it, and whether it is the page itself."""

    language: str
    href: str
    name: str
    current: bool = False


def relative(target: str, source: str) -> str:
    """``target``'s address from the page at ``source`` (both paths under one folder)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def og_locale(language: str) -> str:
    """Open Graph's locale, language_TERRITORY: ``en_US``, ``es_LA`` (Latin American Spanish,
    Word's es-419), ``pt_BR``, ``fr_CA``."""
    tag = profile(language).word_language
    return tag.replace("-419", "-LA").replace("-", "_")


def default_language(languages: list[str]) -> str:
    """The version offered to readers of no listed language (``x-default``): English."""
    return source_language(languages)


def published(announcement: Announcement, settings: Settings) -> dt.datetime:
    """When the announcement is public: its embargo, or without one the start of its release date
    in the program's zone (the settings' ``timezone``)."""
    if announcement.embargo is not None:
        return announcement.embargo
    zone = ZoneInfo(settings.timezone)
    return dt.datetime.combine(announcement.date, dt.time(0), zone)


def versions(announcement: Announcement, output: Output) -> list[Version]:
    """Each language version of ``output``'s page, in the announcement's order."""
    from .contents import language_name

    assert announcement.languages
    languages = announcement.languages
    if output.city is not None:
        languages = readers.release_languages(output.city, announcement.languages)
    page = output.page_path.as_posix()
    rest = page.split("/", 1)[1]
    return [
        Version(lang, relative(f"{lang}/{rest}", page), language_name(lang), here)
        for lang in languages
        for here in [lang == output.language]
    ]


def publisher_logo(announcement: Announcement, settings: Settings) -> str:
    """The publisher's logo under ``dist/<id>/``: the first logo the announcement prints (its
    ``logos``, else the settings'), or the wordmark."""
    printed = [logo.file for logo in settings.logos
               if announcement.logos is None or logo.file in announcement.logos]  # fmt: skip
    return f"logos/{printed[0] if printed else PUBLISHER_LOGO}"


def write_publisher_logo(settings: Settings, templates: Path, folder: Path) -> None:
    """The wordmark under ``folder/logos/``, for pages that print no logo."""
    from . import publish, render

    svg = (
        render.plain_environment(templates)
        .get_template("publisher-logo.svg")
        .render(organization=settings.organization)
    )
    publish.write_atomic(folder / publish.LOGOS / PUBLISHER_LOGO, svg.encode("utf-8"))


def _shorten(text: str, limit: int = DESCRIPTION) -> str:
    """``text`` within ``limit`` characters: whole sentences where the first fits; else cut at
    its last clause (a comma or semicolon in the second half), so that it never ends on an
    article or a preposition (« …a annoncé aujourd'hui… »); else at a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = max(cut.rfind(". "), cut.rfind(".\u00a0"))
    if sentence > limit // 2:
        return cut[: sentence + 1]
    clause = max(cut.rfind(", "), cut.rfind("; "))
    if clause > limit // 2:
        return cut[:clause] + "…"
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def description(page: Page, release: Page | None = None) -> str:
    """The preview's description: the page's first deck, else the release's (for the report),
    else the lead without its dateline, shortened at a word."""
    for reading in (page, release):
        if reading is not None and (decks := reading.of("deck")):
            return _shorten(decks[0].text)
    leads = page.of("lead")
    return _shorten(leads[0].text) if leads else page.title


def json_for_script(data: Any) -> Markup:
    """JSON for an HTML ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes, so that
    no text can end the element ("</script>") or start a comment ("<!--")."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)  # noqa: S704 (escaped for the script element above)


def place(city, l10n: Localizer) -> dict[str, Any]:
    """A city as schema.org's Place, named in the page's language."""
    address = {"@type": "PostalAddress", "addressCountry": city.country}
    if city.region:
        address["addressRegion"] = city.region
    return {"@type": "Place", "name": l10n.city_name(city), "address": address}


def head_values(
    announcement: Announcement,
    output: Output,
    page: Page,
    settings: Settings,
    l10n: Localizer,
    release: Page | None = None,
) -> dict[str, Any]:
    """What ``templates/_web_head.html`` and ``_languages.html`` print for ``output``'s page."""
    assert announcement.languages and announcement.id
    path = output.page_path.as_posix()
    found = versions(announcement, output)
    default = default_language([v.language for v in found])
    image = _preview(output, page, settings, path)
    moment = published(announcement, settings).isoformat()
    text = description(page, release)
    canonical = posixpath.basename(path)
    cities = [output.city] if output.city else [c for _, c in announcement.cities.by_status()]
    readers_country = (output.city or announcement.dateline or settings.dateline).country
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": text,
        "datePublished": moment,
        "inLanguage": l10n.tag,  # "en-CA" for Canadian readers
        "url": canonical,
        "mainEntityOfPage": canonical,
        "image": {
            "@type": "ImageObject",
            "url": image["href"],
            "width": image["width"],
            "height": image["height"],
            "caption": image["alt"],
        },
        **_organization(announcement, settings, path),
        "about": [place(city, l10n) for city in cities],
    }
    return {
        "title": page.title,
        "description": text,
        "canonical": canonical,
        "versions": found,
        "default": next(v.href for v in found if v.language == default),
        "og_type": "article",
        "site_name": settings.program,
        "image": image,
        "locale": og_locale(l10n.tag),
        # Each other version in its readers' form, as its own page declares it ("es_AR" for the
        # Spanish release of an Argentine city, "en_CA" for a Canadian city's English one).
        "other_locales": [
            og_locale(profile(v.language).for_readers(readers_country))
            for v in found
            if not v.current
        ],
        "published": moment,
        "feed": None,
        "json_ld": json_for_script(data),
    }


def _preview(output: Output, page: Page, settings: Settings, path: str) -> dict[str, Any]:
    """The link preview's image: the page's card, its size and its alt text, as the card draws
    it: the program above the headline (a city's card: the release's line)."""
    from .formats.cards import alt_text

    width, height = SIZES[0]
    program = settings.program if output.city is None else None
    return {
        "href": relative(_card(output), path),
        "width": width,
        "height": height,
        "alt": alt_text(page, program),
    }


def _organization(announcement: Announcement, settings: Settings, path: str) -> dict[str, Any]:
    """The article's author and publisher, with the publisher's logo under ``dist/<id>/``."""
    assets = "../" * path.count("/")  # dist/<id>/, where the logos are
    logo = assets + publisher_logo(announcement, settings)
    organization = {"@type": "Organization", "name": settings.organization}
    return {
        "author": organization,
        "publisher": {**organization, "logo": {"@type": "ImageObject", "url": logo}},
    }


def _card(output: Output) -> str:
    """The card a page's preview shows (its first, 1200×630), under ``dist/<id>/``."""
    return output.in_format("png").path.as_posix()


_HEAD_END = re.compile(r"</head>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)


def decorate(html: str, head: str, switch: str) -> str:
    """``html`` with ``head`` at the end of its ``<head>`` and ``switch`` first in its body."""
    end = _HEAD_END.search(html)
    assert end is not None, "every output template has a head"
    html = html[: end.start()] + head + html[end.start() :]
    body = _BODY.search(html, end.start())
    assert body is not None, "every output template has a body"
    return html[: body.end()] + switch + html[body.end() :]


def web_page(env, values: dict[str, Any], html: str) -> str:
    """The page as the web gets it: its head completed and its language switch added."""
    head = env.get_template("_web_head.html").render(values)
    switch = env.get_template("_languages.html").render(values)
    return decorate(html, head, switch)
