"""The review page in a real browser: languages side by side, thumbnails, problems flagged."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SAMPLE_ID, run

SCREENSHOTS = ROOT / "test-output"  # kept after the run for a person to look at


def _review(project: Path) -> Path:
    result = run(["review", f"announcements/{SAMPLE_ID}.yaml", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / SAMPLE_ID / "review.html"


def _open(browser_page, page: Path) -> list[str]:
    errors: list[str] = []
    browser_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    browser_page.on("pageerror", lambda e: errors.append(str(e)))
    browser_page.goto(page.as_uri())
    return errors


def test_review_shows_languages_side_by_side(sample_review: Path, browser_page) -> None:
    page = sample_review
    errors = _open(browser_page, page)
    assert errors == []
    release = browser_page.locator("section#press-release")
    headers = release.locator("table.columns thead th[lang]")
    assert headers.all_inner_texts() == ["en", "es", "pt-BR"]
    lead = release.locator('tr[data-section="lead"] td')
    assert [lead.nth(i).get_attribute("lang") for i in range(3)] == ["en", "es", "pt-BR"]
    # Names are held together by no-break spaces in the text (typeset.protect).
    assert "NUEVA\u00a0YORK" in lead.nth(1).inner_text()
    assert "NOVA\u00a0YORK" in lead.nth(2).inner_text()
    sections = release.locator("tbody tr[data-section]").evaluate_all(
        "rows => rows.map(r => r.dataset.section)"
    )
    assert sections[:3] == ["heading", "lead", "new"] and "contacts" in sections
    images = release.locator("tr.thumbs img")
    assert images.count() == 6  # two pages per language
    assert all(images.nth(i).evaluate("img => img.naturalWidth > 100") for i in range(6))
    titles = browser_page.locator("section.output > h2").all_inner_texts()
    assert titles[:2] == ["Press release", "Report"] and len(titles) == 2 + 21
    assert "City release: Fortaleza" in titles
    fortaleza = browser_page.locator("section#fortaleza-ce-br td[lang='es']").first
    assert "(not in this language)" in fortaleza.inner_text()  # en and pt-BR only
    # Every format of each output is linked, and a city's social cards are shown.
    row = browser_page.locator("section#fortaleza-ce-br tr.formats td[data-lang='pt-BR']")
    links = row.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for suffix in (".pdf", ".html", ".docx", ".txt", ".eml", "-1200x630.png", "-1080x1080.png"):
        assert any(link.endswith(f"fortaleza-ce-br{suffix}") for link in links), suffix
    cards = row.locator("img.card")
    assert cards.count() == 2
    assert cards.first.evaluate("img => img.naturalWidth") == 1200
    assert "No problems" in browser_page.locator(".summary").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    browser_page.screenshot(path=SCREENSHOTS / "review.png", full_page=True)
    index = (page.parent / "index.html").read_text("utf-8")
    assert 'href="review.html"' in index


def test_review_flags_a_problem_where_it_occurs(built_project: Path, browser_page) -> None:
    path = built_project / "announcements" / f"{SAMPLE_ID}.yaml"
    text = path.read_text("utf-8").replace("reduziu em 57% as mortes", "reduziu em 75% as mortes")
    path.write_text(text, "utf-8")
    _open(browser_page, _review(built_project))
    flagged = browser_page.locator("td.flagged")
    places = flagged.evaluate_all(
        "cells => cells.map(c => [c.closest('section').id, c.parentElement.dataset.section,"
        " c.lang])"
    )
    assert places == [
        ["press-release", "highlights", "pt-BR"],
        ["report", "voices", "pt-BR"],
        ["fortaleza-ce-br", "highlights", "pt-BR"],
    ]
    message = "'57%' of the en text is missing in pt-BR, which has '75%'"
    assert message in flagged.first.inner_text()
    assert "1 problem" in browser_page.locator(".summary").inner_text()


def test_a_build_keeps_the_review_and_the_front_page_lists_it(built_project: Path) -> None:
    page = _review(built_project)
    path = built_project / "announcements" / f"{SAMPLE_ID}.yaml"
    path.write_text(path.read_text("utf-8").replace("se internacionaliza", "se expande"), "utf-8")
    result = run(["build", "--format", "html", "--out", "dist"], cwd=built_project)
    assert result.exit_code == 0, result.output
    assert page.is_file(), "a build never deletes the review page"
    front = (built_project / "dist" / "index.html").read_text("utf-8")
    assert "What Works Cities Certification goes international with seven new cities" in front
    assert f'href="{SAMPLE_ID}/review.html"' in front
    assert ".lock" not in front and "wwc-cache" not in front
