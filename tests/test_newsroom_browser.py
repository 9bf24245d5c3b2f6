"""The published newsroom in a real browser: Chromium (Playwright) on a local HTTP server follows
the language switch, the feed links and the preview image, and draws each release's link preview
as a social network would."""

from __future__ import annotations

import functools
import html
import io
import threading
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from conftest import SAMPLE_ID, run

ATOM = "{http://www.w3.org/2005/Atom}"
AFTER = "2023-06-21T10:01:00-04:00"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output stays readable
        pass


@pytest.fixture
def newsroom(built_project: Path):
    """The sample published after its embargo, served on localhost at the base it was published
    for."""
    site = built_project / "site"
    site.mkdir()
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = run(
            ["publish", "--out", "site", "--now", AFTER, "--base-url", base], built_project
        )
        assert result.exit_code == 0, result.output
        yield base, site
    finally:
        server.shutdown()
        server.server_close()


def test_a_reader_follows_the_language_switch_the_feeds_and_the_preview(newsroom, browser_page):
    base, _ = newsroom
    page = browser_page
    page.goto(base + "index.html")
    assert page.title() == "What Works Cities · Results for America"
    page.get_by_role("link", name="La certificación What Works Cities se internacionaliza").click()
    assert page.url == f"{base}{SAMPLE_ID}/es/press-release.html"
    assert page.locator("html").get_attribute("lang") == "es"
    switch = page.get_by_role("navigation")
    assert switch.get_by_role("link").all_inner_texts() == [
        "English", "Español", "Português (Brasil)",
    ]  # fmt: skip
    switch.get_by_role("link", name="Português (Brasil)").click()
    assert page.url == f"{base}{SAMPLE_ID}/pt-BR/press-release.html"
    assert page.locator("h1").inner_text().startswith("Certificação What Works Cities")
    # The preview image the page announces is there, a 1200×630 PNG.
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image == f"{base}{SAMPLE_ID}/pt-BR/cards/press-release-1200x630.png"
    response = page.request.get(image)
    assert response.ok and response.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(response.body())) as picture:
        assert picture.size == (1200, 630)
    page.get_by_role("navigation").get_by_role("link", name="English").click()
    assert page.url == f"{base}{SAMPLE_ID}/en/press-release.html"
    # Each language's feed, from the front page's link, leads to that language's release.
    page.goto(base + "index.html")
    for lang in ("en", "es", "pt-BR"):
        feed_url = page.locator(f'footer a[hreflang="{lang}"]').get_attribute("href")
        feed = ET.fromstring(page.request.get(base + feed_url).body())
        assert feed.tag == f"{ATOM}feed"
        [entry] = feed.findall(f"{ATOM}entry")
        page.goto(entry.find(f"{ATOM}link").get("href"))
        assert page.locator("html").get_attribute("lang") == lang
        assert page.title() == entry.findtext(f"{ATOM}title")
        page.goto(base + "index.html")


PREVIEW = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; background: #f0f2f5; display: flex;
  align-items: center; justify-content: center; font-family: Helvetica, Arial, sans-serif; }}
.card {{ width: 720px; background: #fff; border: 1px solid #dadde1; border-radius: 8px;
  overflow: hidden; }}
img {{ display: block; width: 720px; height: 378px; object-fit: cover; }}
.text {{ padding: 10px 14px 14px; background: #f0f2f5; border-top: 1px solid #dadde1; }}
.site {{ color: #65676b; font-size: 13px; text-transform: uppercase; }}
.title {{ color: #050505; font-size: 17px; font-weight: 700; margin: 4px 0; }}
.description {{ color: #65676b; font-size: 15px; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }}
</style></head><body><div class="card"><img src="{image}" alt="{alt}"><div class="text">
<div class="site">{site}</div><div class="title">{title}</div>
<div class="description">{description}</div></div></div></body></html>"""


def link_preview(page, url: str) -> bytes:
    """A PNG of ``url``'s link preview as a network draws it from the page's Open Graph."""
    page.goto(url)
    meta = {
        key: page.locator(f'meta[property="og:{key}"]').get_attribute("content")
        for key in ("title", "description", "image", "image:alt", "site_name")
    }
    values = {key.replace("image:alt", "alt"): html.escape(value) for key, value in meta.items()}
    values["site"] = values.pop("site_name")
    page.set_viewport_size({"width": 1200, "height": 630})
    page.set_content(PREVIEW.format(**values), wait_until="load")
    page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth")
    return page.screenshot()


def test_each_release_draws_a_link_preview(newsroom, browser_page, tmp_path: Path):
    base, _ = newsroom
    for lang in ("en", "es", "pt-BR"):
        shot = link_preview(browser_page, f"{base}{SAMPLE_ID}/{lang}/press-release.html")
        (tmp_path / f"preview-{lang}.png").write_bytes(shot)
        with Image.open(io.BytesIO(shot)) as picture:
            assert picture.size == (1200, 630)
            # The card's blue is drawn: the image loaded (a broken one leaves the box white).
            assert picture.convert("RGB").getpixel((600, 200)) == (11, 92, 138)
    browser_page.set_viewport_size({"width": 1200, "height": 900})
    browser_page.goto(base + "index.html")
    browser_page.screenshot(path=str(tmp_path / "front.png"), full_page=True)
