"""`wwc-press publish` against hostile input: a --base-url that would end the attribute it is
written in, move the site elsewhere or publish a password is refused (exit 2, nothing written);
one with characters an address may hold (' and &) reads back exactly from every page, feed and
the sitemap; an announcement's words stay words in the head, the JSON-LD and the feeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from newsroom_checks import Head

from conftest import SAMPLE_ID, run

AFTER = "2023-06-21T10:01:00-04:00"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize(
    "base, said",
    [
        ('https://news.example.org/"><script>alert(1)</script>/',
         "'\"' cannot stand in an address: write it percent-encoded (%22)"),
        ("https://news.example.org/<b>/", "'<' cannot stand in an address"),
        ("https://news.example.org/a b/", "' ' cannot stand in an address: write it "
                                          "percent-encoded (%20)"),
        ("https://news.example.org/\nDisallow: /", "'\\n' cannot stand in an address"),
        ("https://news.example.org\\evil.example/", "'\\\\' cannot stand in an address"),
        ("https://bücher.example/", "'ü' cannot stand in an address: write it percent-encoded "
                                    "(%C3%BC), and a host in its own script as IDNA"),
        ("https://editor:secret@news.example.org/", "an address with no user or password"),
        ("https://news.example.org:99999/", "the port must be a number from 0 to 65535"),
        ("https://news.example.org/100%/", "'%' begins a percent escape, two hex digits"),
        ("javascript:alert(1)//news.example.org/", "absolute http or https"),
        ("file:///var/www/", "absolute http or https"),
    ],
)  # fmt: skip
def test_a_base_url_that_is_no_plain_address_is_refused(project: Path, base: str, said: str):
    result = run(["publish", "--out", "site", "--now", AFTER, "--base-url", base], project)
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert "Traceback" not in result.output
    assert not (project / "site").exists()


def test_a_base_url_with_quote_and_ampersand_reads_back_as_given(built_project: Path):
    base = "https://news.example.org/o'brien&co/"
    result = run(["publish", "--out", "site", "--now", AFTER, "--base-url", base], built_project)
    assert result.exit_code == 0, result.output
    site = built_project / "site"
    url = f"{base}{SAMPLE_ID}/es/press-release.html"
    head = Head((site / SAMPLE_ID / "es" / "press-release.html").read_text("utf-8"))
    assert head.canonical() == url and head.one("og:url") == url
    assert head.alternates()["en"] == f"{base}{SAMPLE_ID}/en/press-release.html"
    assert head.one("og:image") == f"{base}{SAMPLE_ID}/es/cards/press-release-1200x630.png"
    assert head.data()["url"] == url
    front = Head((site / "index.html").read_text("utf-8"))
    assert front.canonical() == f"{base}index.html"
    feed = ET.parse(site / "feeds" / "es.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == url
    urls = ET.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    release = next(u for u in urls if u.findtext(f"{SITEMAP}loc") == url)
    versions = {link.get("hreflang"): link.get("href") for link in release.findall(f"{XHTML}link")}
    assert versions["es"] == url and versions["x-default"].startswith(base)
    assert f"Sitemap: {base}sitemap.xml\n" in (site / "robots.txt").read_text("utf-8")


HOSTILE = """\
date: 2024-01-10
languages: [en]
total_certified: 90
headline: {en: "Tulsa </script><script>alert(1)</script> ]]> <!-- & &amp; 'q' \\"d\\""}
decks:
  - {en: "Deck ]]><x/> </title><script>alert(2)</script> &lt;b&gt;"}
cities:
  new:
    - {name: "Tulsa</script>&amp;", region: OK, country: US, level: gold}
"""
HEADLINE = "Tulsa </script><script>alert(1)</script> ]]> <!-- & &amp; 'q' \"d\""
DECK = "Deck ]]><x/> </title><script>alert(2)</script> &lt;b&gt;"
# As English prints it: the markup stays words; only the quotation marks are typographic.
PRINTED = HEADLINE.replace("'q'", "‘q’")


def test_an_announcements_markup_stays_words_in_head_json_ld_and_feed(project: Path):
    (project / "announcements" / "x.yaml").write_text(HOSTILE, "utf-8")
    result = run(["build", "--format", "html", "--format", "png", "--out", "dist"], project)
    assert result.exit_code == 0, result.output
    base = "https://news.example.org/"
    result = run(["publish", "--out", "site", "--now", "2024-02-01T00:00:00Z", "--base-url", base],
                 project)  # fmt: skip
    assert result.exit_code == 0, result.output
    site = project / "site"
    page = (site / "x" / "en" / "press-release.html").read_text("utf-8")
    head = Head(page)
    assert len(head.scripts) == 1  # no script of the headline's
    data = head.data()
    assert data["headline"] == PRINTED and data["description"] == DECK
    assert [place["name"] for place in data["about"]] == ["Tulsa</script>&amp;"]
    assert head.one("og:title") == PRINTED and head.one("og:description") == DECK
    front = Head((site / "index.html").read_text("utf-8"))
    assert len(front.scripts) == 1
    assert json.loads(front.scripts[0])["hasPart"][0]["headline"] == PRINTED
    [entry] = ET.parse(site / "feeds" / "en.xml").getroot().findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == PRINTED
    assert entry.findtext(f"{ATOM}summary") == DECK
    ET.parse(site / "sitemap.xml")  # well-formed


def test_an_out_that_is_a_link_is_refused_before_anything_is_written(project: Path):
    (project / "elsewhere").mkdir()
    (project / "elsewhere" / "kept.txt").write_text("kept", "utf-8")
    (project / "site").symlink_to(project / "elsewhere")
    result = run(["publish", "--out", "site", "--now", AFTER], project)
    assert result.exit_code == 2, result.output
    assert "site: a link (to " in result.output and "give the folder itself" in result.output
    assert [p.name for p in (project / "elsewhere").iterdir()] == ["kept.txt"]
    assert (project / "site").is_symlink()
    assert not list(project.glob(".site*building*"))
