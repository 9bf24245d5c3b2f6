"""The pages as the web reads them (alternates, previews, JSON-LD) and `wwc-press publish`."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from newsroom_checks import Head, validate
from PIL import Image

from conftest import CITY_RELEASES, SAMPLE_HTML, SAMPLE_ID, run

BASE = "https://news.example.org/wwc/"
BEFORE = "2023-06-21T09:59:00-04:00"  # the sample's embargo is 10 a.m. New York time
AFTER = "2023-06-21T10:01:00-04:00"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OG_LOCALE = {"en": "en_US", "es": "es_LA", "pt-BR": "pt_BR"}


def _tag(lang: str, page: str) -> str | None:
    """A page's language, where its readers' variant names it: a city's own Spanish release is
    its country's Spanish (the sample's Argentine and Uruguayan cities: es-AR, es-UY)."""
    country = page.removesuffix(".html").rsplit("-", 1)[-1].upper()
    if lang == "es" and "cities/" in page and country in ("AR", "UY"):
        return f"es-{country}"
    return None


def _og_locale(lang: str, page: str) -> str:
    tag = _tag(lang, page)
    return tag.replace("-", "_") if tag else OG_LOCALE[lang]


def _languages_of(page: str) -> list[str]:
    """The languages the same output exists in, written out from the sample's cities."""
    lang, rest = page.split("/", 1)
    if rest.startswith("cities/"):
        slug = rest.removeprefix("cities/").removesuffix(".html")
        return [other for other, slugs in CITY_RELEASES.items() if slug in slugs]
    return ["en", "es", "pt-BR"]


def _card_of(page: str) -> str:
    lang, rest = page.split("/", 1)
    stem = rest.removesuffix(".html").removeprefix("cities/")
    return f"{lang}/cards/{stem}-1200x630.png"


@pytest.mark.parametrize("page", sorted(SAMPLE_HTML))
def test_every_html_output_names_its_language_versions_and_preview(sample: Path, page: str):
    head = Head((sample / page).read_text("utf-8"))
    languages = _languages_of(page)
    rest = page.split("/", 1)[1]
    expected = {
        lang: posixpath.relpath(f"{lang}/{rest}", posixpath.dirname(page)) for lang in languages
    }
    expected["x-default"] = expected["en"]
    assert head.alternates() == expected
    for href in expected.values():
        assert (sample / posixpath.dirname(page) / href).is_file()
    assert head.canonical() == posixpath.basename(page)
    # The link preview: Open Graph and Twitter's large card, with the output's own card.
    lang = page.split("/", 1)[0]
    assert head.one("og:type") == "article"
    assert head.one("og:title")
    assert head.one("og:description")
    assert head.one("og:locale") == _og_locale(lang, page)
    assert sorted(head.meta.get("og:locale:alternate", [])) == sorted(
        _og_locale(other, page) for other in languages if other != lang
    )
    image = head.one("og:image")
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), image)) == _card_of(page)
    with Image.open(sample / _card_of(page)) as picture:
        assert picture.size == (1200, 630)
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    alt = (sample / _card_of(page).replace("-1200x630.png", ".alt.txt")).read_text("utf-8")
    assert head.one("og:image:alt") == alt.strip()
    assert head.one("twitter:card") == "summary_large_image"
    # JSON-LD: a NewsArticle valid against schema.org's types, in the page's language.
    data = head.data()
    assert data["@context"] == "https://schema.org"
    assert validate(data) == []
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == (_tag(lang, page) or lang)
    assert data["datePublished"] == "2023-06-21T10:00:00-04:00"  # the embargo, with its offset
    assert data["headline"] == head.one("og:title")
    logo = posixpath.join(posixpath.dirname(page), data["publisher"]["logo"]["url"])
    assert (sample / posixpath.normpath(logo)).is_file()


def test_the_release_is_about_every_city_a_city_release_about_its_city(sample: Path):
    release = Head((sample / "pt-BR" / "press-release.html").read_text("utf-8")).data()
    names = [place["name"] for place in release["about"]]
    assert len(names) == 21 and "Montevidéu" in names  # the Portuguese spelling
    fortaleza = release["about"][names.index("Fortaleza")]
    assert fortaleza["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "BR",
        "addressRegion": "CE",
    }
    city = Head((sample / "es" / "cities" / "cordoba-ar.html").read_text("utf-8")).data()
    assert [place["name"] for place in city["about"]] == ["Córdoba"]


def test_the_language_switch_names_languages_as_their_readers_do(sample: Path):
    html = (sample / "es" / "press-release.html").read_text("utf-8")
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    assert links == [
        ("../en/press-release.html", "English"),
        ("press-release.html", "Español"),
        ("../pt-BR/press-release.html", "Português (Brasil)"),
    ]
    assert 'aria-current="page">Español' in nav
    # One-language pages need no switch; the other formats never carry it.
    assert "<nav" not in (sample / "en" / "cities" / "chicago-il-us.html").read_text("utf-8")
    assert "English" not in (sample / "es" / "press-release.txt").read_text("utf-8")


def test_hostile_text_in_an_announcement_stays_data_in_json_ld(project: Path):
    from conftest import ROOT

    hostile = '</script><script>alert(1)</script><!-- {{ x }} & "q"'
    text = (ROOT / "announcements" / f"{SAMPLE_ID}.yaml").read_text("utf-8")
    text = re.sub(r"(?m)^  en: What Works Cities Certification goes international.*$",
                  "  en: " + json.dumps("Headline " + hostile), text)  # fmt: skip
    (project / "announcements" / f"{SAMPLE_ID}.yaml").write_text(text, "utf-8")
    args = ["build", "--format", "html", "--lang", "en", "--only", "release", "--out", "dist"]
    result = run(args, project)
    assert result.exit_code == 0, result.output
    html = (project / "dist" / SAMPLE_ID / "en" / "press-release.html").read_text("utf-8")
    head = html.split("</head>", 1)[0]
    assert head.count("<script") == 1 and head.count("</script>") == 1
    assert "<!--" not in head.split("<script", 1)[1]
    data = Head(html).data()
    assert data["headline"] == "Headline " + hostile
    assert validate(data) == []
    assert Head(html).one("og:title") == "Headline " + hostile


def _site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_publish_before_the_embargo_shows_nothing_of_it(built_project: Path):
    result = run(["publish", "--out", "site", "--now", BEFORE, "--base-url", BASE], built_project)
    assert result.exit_code == 0, result.output
    site = built_project / "site"
    assert _site_files(site) == {
        "index.html", "feeds/en.xml", "feeds/es.xml", "feeds/pt-BR.xml", "sitemap.xml",
        "robots.txt",
    }  # fmt: skip
    everything = "".join(p.read_text("utf-8") for p in site.rglob("*") if p.is_file())
    for trace in (SAMPLE_ID, "Fortaleza", "goes international", "internacionaliza"):
        assert trace not in everything
    for lang in ("en", "es", "pt-BR"):
        feed = ET.parse(site / "feeds" / f"{lang}.xml").getroot()
        assert feed.findall(f"{ATOM}entry") == []
    assert "held back 2023-06-international" in result.output


def test_publish_after_the_embargo_shows_all_of_it(built_project: Path):
    result = run(["publish", "--out", "site", "--now", AFTER, "--base-url", BASE], built_project)
    assert result.exit_code == 0, result.output
    site = built_project / "site"
    files = _site_files(site)
    dist = built_project / "dist" / SAMPLE_ID
    built = {
        p.relative_to(dist).as_posix()
        for p in dist.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.name != "review.html"
    }
    assert {f"{SAMPLE_ID}/{p}" for p in built} <= files
    assert not [f for f in files if "review" in f or "/." in f or f.startswith(".")]
    # No staging folder is left beside it; the lock (empty once released) stays outside it.
    assert [p.name for p in built_project.glob(".site*")] == [".site.lock"]
    # Pages: absolute on the base, the JSON-LD too; the front page lists each language's release.
    page = (site / SAMPLE_ID / "es" / "press-release.html").read_text("utf-8")
    head = Head(page)
    url = f"{BASE}{SAMPLE_ID}/es/press-release.html"
    assert head.canonical() == url and head.one("og:url") == url
    assert head.alternates()["x-default"] == f"{BASE}{SAMPLE_ID}/en/press-release.html"
    assert head.one("og:image") == f"{BASE}{SAMPLE_ID}/es/cards/press-release-1200x630.png"
    data = head.data()
    assert validate(data) == [] and data["url"] == url
    assert data["publisher"]["logo"]["url"].startswith(f"{BASE}{SAMPLE_ID}/logos/")
    front = (site / "index.html").read_text("utf-8")
    for lang in ("en", "es", "pt-BR"):
        assert f'href="{SAMPLE_ID}/{lang}/press-release.html"' in front
        assert f'href="feeds/{lang}.xml"' in front
    front_head = Head(front)
    assert front_head.canonical() == BASE + "index.html"
    assert validate(front_head.data()) == []
    index = Head((site / SAMPLE_ID / "index.html").read_text("utf-8"))
    assert validate(index.data()) == [] and index.one("og:image").startswith(BASE)
    assert "review.html" not in (site / SAMPLE_ID / "index.html").read_text("utf-8")
    # Feeds: Atom's required elements, one entry per release, links on the base.
    for lang in ("en", "es", "pt-BR"):
        feed = ET.parse(site / "feeds" / f"{lang}.xml").getroot()
        for required in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert (feed.findtext(ATOM + required) or "").strip(), required
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{BASE}feeds/{lang}.xml"
        [entry] = feed.findall(f"{ATOM}entry")
        for required in ("id", "title", "updated", "summary", "published"):
            assert (entry.findtext(ATOM + required) or "").strip(), required
        assert entry.findtext(f"{ATOM}published") == "2023-06-21T10:00:00-04:00"
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link == f"{BASE}{SAMPLE_ID}/{lang}/press-release.html"
    # The sitemap: every page on the base, each with its language versions.
    urls = ET.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    locs = {url.findtext(f"{SITEMAP}loc"): url for url in urls}
    pages = {f"{BASE}{SAMPLE_ID}/{p}" for p in SAMPLE_HTML} | {
        f"{BASE}index.html",
        f"{BASE}{SAMPLE_ID}/index.html",
    }
    assert set(locs) == pages
    release = locs[f"{BASE}{SAMPLE_ID}/pt-BR/press-release.html"]
    assert {link.get("hreflang"): link.get("href") for link in release.findall(f"{XHTML}link")} == {
        "en": f"{BASE}{SAMPLE_ID}/en/press-release.html",
        "es": f"{BASE}{SAMPLE_ID}/es/press-release.html",
        "pt-BR": f"{BASE}{SAMPLE_ID}/pt-BR/press-release.html",
        "x-default": f"{BASE}{SAMPLE_ID}/en/press-release.html",
    }
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text("utf-8")


def test_publish_without_a_base_keeps_addresses_relative(built_project: Path):
    result = run(["publish", "--out", "site", "--now", AFTER], built_project)
    assert result.exit_code == 0, result.output
    site = built_project / "site"
    assert not (site / "sitemap.xml").exists()  # the protocol takes only absolute addresses
    everything = "".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    everything += (site / "feeds" / "es.xml").read_text("utf-8")
    assert "http://site.invalid" not in everything and "https://news" not in everything
    feed = ET.parse(site / "feeds" / "es.xml").getroot()
    href = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert (site / "feeds" / href).resolve() == (site / SAMPLE_ID / "es" / "press-release.html")


def test_publish_refuses_a_damaged_output_and_keeps_the_site(built_project: Path):
    assert run(["publish", "--out", "site", "--now", BEFORE], built_project).exit_code == 0
    before = _site_files(built_project / "site")
    damaged = built_project / "dist" / SAMPLE_ID / "es" / "cards" / "press-release-1200x630.png"
    damaged.write_bytes(damaged.read_bytes()[:100])
    result = run(["publish", "--out", "site", "--now", AFTER], built_project)
    assert result.exit_code == 1
    assert "press-release-1200x630.png" in result.output and "build" in result.output
    assert _site_files(built_project / "site") == before


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--now", "tomorrow", "not an ISO time"),
        ("--now", "2023-06-21T10:00:00", "no offset"),
        ("--base-url", "news.example.org", "absolute http or https"),
        ("--base-url", "ftp://news.example.org/", "absolute http or https"),
    ],
)
def test_publish_refuses_a_bad_moment_or_address(built_project: Path, option, value, said):
    result = run(["publish", "--out", "site", option, value], built_project)
    assert result.exit_code == 2
    assert said in result.output
    assert not (built_project / "site").exists()


@pytest.mark.parametrize("page", sorted(p for p in SAMPLE_HTML if "/cities/" in p))
def test_a_link_preview_is_cut_at_a_clause_never_on_an_article(sample: Path, page: str):
    """A city release's lead is longer than a preview: it is cut where a clause ends (a
    desk read "…anunciou hoje a…"), and says whole sentences where they fit."""
    head = Head((sample / page).read_text("utf-8"))
    lead = " ".join(head.one("og:description").split())
    if lead.endswith("…"):
        last = lead[:-1].split()[-1]
        assert len(last) > 3 and last.lower() not in {"hoje", "today", "hoy"}, lead
    else:
        assert lead.endswith("."), lead
