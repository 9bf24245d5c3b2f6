"""``wwc-press publish``: the public newsroom, written from what ``build`` put in ``dist/``.

An announcement is public from its embargo, or without one from the start of its release date
in the program's zone (``newsroom.published``). At ``--now`` the site holds every public
announcement and nothing of one still under embargo: no page, no file, no feed entry, no sitemap
address, no line on the front page. Only finished outputs are copied: each is checked against
the manifest ``build`` wrote (up to date with the announcement, the templates, the catalogs and
the settings, and its files' hashes as written), and every page's language versions and preview
image must be among them. Review pages, caches and locks are never copied.

The site is written into a staging folder and exchanged with ``--out`` in one step, as ``build``
does with ``dist/<id>``. With ``--base-url``, the pages' canonical and alternate links, their
previews' images and their JSON-LD become absolute on it, and so do the feeds' links; the
sitemap (whose protocol takes only absolute addresses) is written then only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from . import cache as outputs_cache
from . import contents, newsroom, publish, render
from .build import write_fonts, write_logos
from .errors import RenderError
from .inputs import LANGUAGES
from .localize import catalog_path
from .model import Announcement
from .plan import Output, plan
from .project import Project

# Where a page of the site is, while the site has no address of its own.
SITE = "http://site.invalid/"
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
_JSON_LD = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)
_HEAD_LINK = re.compile(r'(<link rel="(?:canonical|alternate)"[^>]*? href=")([^"]*)(")')
_HEAD_META = re.compile(
    r'(<meta (?:property="og:(?:url|image)"|name="twitter:image") content=")([^"]*)(")'
)
_ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">')


@dataclass
class Report:
    published: list[str] = field(default_factory=list)
    embargoed: list[tuple[str, dt.datetime]] = field(default_factory=list)


@dataclass(frozen=True)
class Article:
    """A published release in one language, as feeds and the front page list it."""

    announcement: Announcement
    language: str
    path: str  # under the site: <id>/<lang>/press-release.html
    data: dict  # its JSON-LD, addresses as published


# What an address may hold as it is written (RFC 3986: its unreserved and reserved characters,
# and "%" of an escape). A quote, "<" or a space would end the attribute it is written in and
# make markup of the rest; a line break, which urlsplit drops, would move the site elsewhere.
_URL_CHARACTER = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]")


def moment(value: str) -> dt.datetime:
    """``--now``: an ISO time with its offset (or Z); ValueError with what to write."""
    try:
        found = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO time; write it like 2023-06-21T10:01:00-04:00"
        ) from None
    if found.tzinfo is None:
        raise ValueError(
            f"{value!r} has no offset, so it names no moment; add one, like -04:00 or Z"
        )
    return found


def base_url(value: str) -> str:
    """``--base-url`` as a folder's address (ending in "/"); ValueError with the reason."""
    bad = next((ch for ch in value if not _URL_CHARACTER.fullmatch(ch)), None)
    if bad is not None:
        raise ValueError(f"{bad!r} cannot stand in an address: write it percent-encoded "
                         f"({quote(bad)}), and a host in its own script as IDNA "
                         "(xn--…)")  # fmt: skip
    if re.search(r"%(?![0-9A-Fa-f]{2})", value):
        raise ValueError("'%' begins a percent escape, two hex digits (%20); write '%' as %25")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("give an absolute http or https address, like https://news.example.org/")
    if parts.query or parts.fragment:
        raise ValueError("an address with no query or fragment, the folder the site is served at")
    if parts.username is not None:
        raise ValueError("an address with no user or password: every page of the site shows it")
    try:
        parts.port  # noqa: B018 (urlsplit checks the port only when asked)
    except ValueError:
        raise ValueError("the port must be a number from 0 to 65535") from None
    return value if value.endswith("/") else value + "/"


def absolute(html: str, url: str | None) -> str:
    """``html`` (a page at ``url``) with the addresses of its head made absolute; as it is
    without a base."""
    if url is None:
        return html
    end = html.find("</head>")
    head, rest = html[:end], html[end:]

    def join(match: re.Match[str]) -> str:  # an attribute's value: unescaped, then again
        return match.group(1) + escape(urljoin(url, unescape(match.group(2)))) + match.group(3)

    head = _HEAD_META.sub(join, _HEAD_LINK.sub(join, head))

    def data(match: re.Match[str]) -> str:
        parsed = _absolute_data(json.loads(match.group(2)), url)
        return match.group(1) + str(newsroom.json_for_script(parsed)) + match.group(3)

    return _JSON_LD.sub(data, head) + rest


def _absolute_data(node, url: str):
    if isinstance(node, dict):
        return {
            key: urljoin(url, value)
            if key in ("url", "mainEntityOfPage") and isinstance(value, str)
            else _absolute_data(value, url)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_absolute_data(item, url) for item in node]
    return node


def _rebase(node, path: str, base: str | None):
    """Addresses of the site (on SITE, as articles keep them) as seen from the page at
    ``path``: relative, or absolute on ``base``."""
    if isinstance(node, dict):
        return {key: _rebase(value, path, base) for key, value in node.items()}
    if isinstance(node, list):
        return [_rebase(item, path, base) for item in node]
    if isinstance(node, str) and node.startswith(SITE):
        target = node.removeprefix(SITE)
        return urljoin(base, target) if base else newsroom.relative(target, path)
    return node


def json_ld(html: str) -> dict:
    found = _JSON_LD.search(html)
    return json.loads(found.group(2)) if found else {}


def _verified(project: Project, announcement: Announcement, folder: Path) -> list[Output]:
    """The outputs of ``folder`` (``dist/<id>``) that are finished: up to date and intact.
    RenderError when one recorded is not, or when a language's release was never built."""
    assert announcement.id
    manifest = outputs_cache.read_manifest(folder)
    facts = project.facts.get(announcement.id)
    shared: dict[str, str] = {}
    found = []
    for output in plan(announcement):
        recorded = manifest.get(output.path.as_posix())
        if recorded is None:
            continue  # not built (a --format or --lang build): not published
        if output.language not in shared:
            catalog = catalog_path(project.root, output.language)
            shared[output.language] = outputs_cache.shared_key(project, catalog)
        derived = facts.fingerprint(output.kind, output.city) if facts else ""
        key = outputs_cache.output_key(shared[output.language], announcement, output, derived)
        if not outputs_cache.intact(recorded, key, folder, output.files):
            raise RenderError(
                f"{folder / output.path}: not as the last build left it, or out of date with "
                f"the announcement, templates, catalogs or settings; nothing was published: run "
                f"wwc-press build announcements/{announcement.id}.yaml, then publish again"
            )
        found.append(output)
    return found


def _require(folder: Path, files: set[str], page: str, html: str) -> None:
    """Every language version and the preview image a page names are published with it."""
    named = [href for _, href in _ALTERNATE.findall(html)]
    image = re.search(r'<meta property="og:image" content="([^"]*)"', html)
    named += [image.group(1)] if image else []
    for href in named:
        target = urlsplit(urljoin(SITE + page, href)).path.lstrip("/")
        if target not in files:
            raise RenderError(
                f"{folder.parent / target}: named by {folder.parent / page} but not built; "
                "nothing was published: build every language and format (html and png at "
                "least), then publish again"
            )


def write_site(
    project: Project, dist: Path, out: Path, now: dt.datetime, base: str | None
) -> Report:
    """The newsroom at ``now`` into ``out``, from ``dist``, in one exchange."""
    report = Report()
    announcements = project.load([])
    out.parent.mkdir(parents=True, exist_ok=True)
    with publish.locked(out.parent, out.name):
        stage = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.building-"))
        stage.chmod(0o755)
        try:
            articles = []
            for announcement in sorted(announcements, key=lambda a: (a.date, a.id or "")):
                assert announcement.id
                folder = dist / announcement.id
                if not (folder / outputs_cache.MANIFEST).is_file():
                    continue  # never built here
                moment = newsroom.published(announcement, project.settings)
                if moment > now:
                    report.embargoed.append((announcement.id, moment))
                    continue
                with publish.locked(dist, announcement.id):
                    articles += _copy(project, announcement, folder, stage, base)
                report.published.append(announcement.id)
            _front(project, stage, articles, base, now)
            _feeds(project, stage, articles, base, now)
            if base is not None:
                _sitemap(stage, base)
            publish.swap(stage, out)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
    return report


def _copy(
    project: Project, announcement: Announcement, folder: Path, stage: Path, base: str | None
) -> list[Article]:
    assert announcement.id and announcement.languages
    outputs = _verified(project, announcement, folder)
    files = {f"{announcement.id}/{p.as_posix()}" for o in outputs for p in o.files}
    target = stage / announcement.id
    articles = []
    for output in outputs:
        for path in output.files:
            data = (folder / path).read_bytes()
            site_path = f"{announcement.id}/{path.as_posix()}"
            if output.fmt == "html":
                html = data.decode("utf-8")
                _require(folder, files, site_path, html)
                html = absolute(html, urljoin(base, site_path) if base else None)
                data = html.encode("utf-8")
                if output.kind == "release":
                    found = _absolute_data(json_ld(html), SITE + site_path)
                    articles.append(Article(announcement, output.language, site_path, found))
            publish.write_atomic(target / path, data)
    if not any(a.language == lang for a in articles for lang in announcement.languages):
        raise RenderError(
            f"{folder}: no release of {announcement.id} is built in HTML; nothing was published: "
            "build it, then publish again"
        )
    write_fonts(project, target)
    write_logos(project, target)
    contents.write_index(project, announcement, target)  # no review: none is copied
    index = target / "index.html"
    mine = [a for a in articles if a.announcement is announcement]
    page = _listing(project, index.read_text("utf-8"), f"{announcement.id}/index.html", mine,
                    base, "article")  # fmt: skip
    publish.write_atomic(index, page.encode("utf-8"))
    return articles


def _listing(
    project: Project,
    html: str,
    path: str,
    articles: list[Article],
    base: str | None,
    og_type: str,
) -> str:
    """An index page (the front page, an announcement's index) with the web's head: itself as
    its only version, a preview from its newest English release, JSON-LD ``CollectionPage`` of
    the releases it lists."""
    settings = project.settings
    url = urljoin(base, path) if base else None
    own = newsroom.relative(path, path)
    english = [a for a in articles if a.language == newsroom.default_language(
        [a.language for a in articles])] if articles else []  # fmt: skip
    lead = english[-1] if english else None
    found = contents._TITLE.search(html)
    title = unescape(found.group(1)).strip() if found else settings.program
    image = None
    if lead is not None:
        card = _rebase(lead.data.get("image", {}), path, None)
        image = {
            "href": card.get("url", ""),
            "width": card.get("width"),
            "height": card.get("height"),
            "alt": card.get("caption", ""),
        }  # fmt: skip
    text = (
        lead.data.get("description", "") if lead else f"{settings.program}, {settings.organization}"
    )
    parts = [_rebase({k: v for k, v in a.data.items() if k != "@context"}, path, base)
             for a in articles]  # fmt: skip
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": title,
        "url": own,
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": settings.organization},
        "hasPart": parts,
    }
    version = newsroom.Version("en", own, contents.language_name("en"), True)
    values = {
        "title": title,
        "description": text,
        "canonical": own,
        "versions": [version],
        "default": own,
        "og_type": og_type,
        "site_name": settings.program,
        "image": image,
        "locale": newsroom.og_locale("en"),
        "other_locales": [],
        "published": lead.data.get("datePublished") if lead else None,
        "feed": None,
        "json_ld": newsroom.json_for_script(data),
    }
    page = newsroom.web_page(render.plain_environment(project.templates), values, html)
    return absolute(page, url)


def _front(
    project: Project, stage: Path, articles: list[Article], base: str | None, now: dt.datetime
) -> None:
    """The front page: each public announcement, newest first, its release in each language by
    its headline, its files, and each language's feed."""
    settings = project.settings
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(str(article.announcement.id), []).append(article)
    rows = sorted(by_id.values(), key=lambda group: group[0].data.get("datePublished", ""),
                  reverse=True)  # fmt: skip
    html = (
        render.plain_environment(project.templates)
        .get_template("newsroom.html")
        .render(
            settings=settings,
            rows=rows,
            feeds=[
                (lang, contents.language_name(lang)) for lang in _feed_languages(project, articles)
            ],
            name=contents.language_name,
            formats={key: _formats(stage / key) for key in by_id},
        )
    )
    page = _listing(project, html, "index.html", articles, base, "website")
    publish.write_atomic(stage / "index.html", page.encode("utf-8"))


def _formats(folder: Path) -> list[str]:
    """The formats published of an announcement, as its index lists them: PDF, HTML, DOCX…"""
    found = {p.suffix[1:].upper() for p in folder.glob("*/**/*.*") if p.parent.name != "fonts"}
    order = ("PDF", "HTML", "DOCX", "TXT", "EML", "PNG")
    return [fmt for fmt in order if fmt in found]


def _feed_languages(project: Project, articles: list[Article]) -> list[str]:
    wanted = set(project.settings.languages) | {a.language for a in articles}
    return [lang for lang in LANGUAGES if lang in wanted]


def _tag(project: Project, path: str, day: dt.date) -> str:
    """A permanent Atom id (RFC 4151 tag URI) on the program's website, whatever the base."""
    host = urlsplit("//" + project.settings.website.split("://")[-1]).hostname or "wwc-press"
    return f"tag:{host},{day.isoformat()}:{path}"


def _feeds(
    project: Project, stage: Path, articles: list[Article], base: str | None, now: dt.datetime
) -> None:
    """``feeds/<lang>.xml``: Atom, one entry per release, newest first."""
    settings = project.settings
    ET.register_namespace("", ATOM)
    for language in _feed_languages(project, articles):
        mine = sorted((a for a in articles if a.language == language),
                      key=lambda a: a.data.get("datePublished", ""), reverse=True)  # fmt: skip
        path = f"feeds/{language}.xml"
        feed = ET.Element(
            f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language}
        )
        ET.SubElement(feed, f"{{{ATOM}}}id").text = _tag(project, path, dt.date(2017, 1, 1))
        title = f"{settings.program} ({contents.language_name(language)})"
        ET.SubElement(feed, f"{{{ATOM}}}title").text = title
        updated = mine[0].data["datePublished"] if mine else now.isoformat(timespec="seconds")
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = settings.organization
        self_href = urljoin(base, path) if base else f"{language}.xml"
        front = urljoin(base, "index.html") if base else "../index.html"
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_href,
                      "type": "application/atom+xml"})  # fmt: skip
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": front,
                      "type": "text/html"})  # fmt: skip
        for article in mine:
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            day = article.announcement.date
            ET.SubElement(entry, f"{{{ATOM}}}id").text = _tag(project, article.path, day)
            ET.SubElement(entry, f"{{{ATOM}}}title").text = article.data.get("headline", "")
            ET.SubElement(entry, f"{{{ATOM}}}published").text = article.data["datePublished"]
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = article.data["datePublished"]
            href = urljoin(base, article.path) if base else f"../{article.path}"
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": href,
                          "type": "text/html", "hreflang": language})  # fmt: skip
            summary = ET.SubElement(entry, f"{{{ATOM}}}summary")
            summary.text = article.data.get("description", "")
        data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
        publish.write_atomic(stage / path, data + b"\n")


def _sitemap(stage: Path, base: str) -> None:
    """``sitemap.xml`` (every page, each with its language versions) and ``robots.txt``."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in sorted(stage.rglob("*.html")):
        path = page.relative_to(stage).as_posix()
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = urljoin(base, path)
        head = page.read_text("utf-8").split("</head>", 1)[0]
        for language, href in _ALTERNATE.findall(head):  # as the page's attribute says it
            ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": language,
                          "href": unescape(href)})  # fmt: skip
    data = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    publish.write_atomic(stage / "sitemap.xml", data + b"\n")
    robots = f"User-agent: *\nAllow: /\nSitemap: {urljoin(base, 'sitemap.xml')}\n"
    publish.write_atomic(stage / "robots.txt", robots.encode("utf-8"))
