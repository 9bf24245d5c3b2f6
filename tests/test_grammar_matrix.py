"""Every count in every group, in every language, reads grammatically (issue 3's matrix).

Counts 0, 1, 2, 7, 10, 11, 21 and 100 in each of the three groups, levels mixed, rendered to HTML
in-process; each sentence is checked for the singular or plural form its count needs.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter

import pytest

from wwc_press import render
from wwc_press.context import template_context
from wwc_press.inputs import LEVELS
from wwc_press.localize import localizer
from wwc_press.model import Announcement
from wwc_press.settings import load_settings

from conftest import ROOT

COUNTS = [0, 1, 2, 7, 10, 11, 21, 100]
SETTINGS = load_settings(ROOT)

# (plural pattern, singular pattern) per section and language; {n} is the count as written.
FORMS = {
    "new": {
        "en": ("for the first time are {n} cities: ", " Certification for the first time."),
        # The Spanish and Portuguese said the city's first without "for the first time".
        "es": ("se certificaron {n} ciudades: ", " obtuvo por primera vez la certificación "),
        "pt-BR": (
            "foram certificadas {n} cidades: ",
            " conquistou pela primeira vez a certificação ",
        ),
        "fr-CA": (
            ", {n} villes sont certifiées : ",
            " obtient pour la première fois la certification ",
        ),
    },
    "upgraded": {
        "en": ("are {n} previously certified cities: ", " moved up from "),
        "es": ("ya certificadas, {n} subieron ", " subió del nivel "),
        "pt-BR": ("já certificadas, {n} subiram ", " subiu do nível "),
        "fr-CA": ("déjà certifiées, {n} passent ", " passe du niveau "),
    },
    "recertified": {
        "en": ("Certification are {n} cities: ", " renewed its "),
        "es": (", {n} ciudades renovaron su certificación: ", " renovó su certificación "),
        "pt-BR": (", {n} cidades renovaram a certificação: ", " renovou a certificação "),
        "fr-CA": (
            ", {n} villes renouvellent leur certification : ",
            " renouvelle sa certification ",
        ),
    },
}

# A whole group of single cities at different levels: one sentence, "respectively".
RESPECTIVELY = {
    "new": {
        "en": " Certification for the first time, respectively.",
        "es": " obtuvieron por primera vez las certificaciones ",
        "pt-BR": " conquistaram pela primeira vez as certificações ",
        "fr-CA": " obtiennent pour la première fois les certifications ",
    },
    "upgraded": {
        "en": ", respectively.",
        "es": ", respectivamente.",
        "pt-BR": ", respectivamente.",
        "fr-CA": " passent respectivement du niveau ",
    },
    "recertified": {
        "en": " Certifications, respectively.",
        "es": " renovaron sus certificaciones ",
        "pt-BR": " renovaram as certificações ",
        "fr-CA": " renouvellent leurs certifications ",
    },
}


# Each group size the matrix makes, as each house style writes it counting cities: words up to
# nine (AP, the Latin American desks, OQLF) or ten (Estadão), figures above; "city" is feminine
# in Portuguese ("duas").
SMALL = {
    "en": "two three four five six seven",
    "es": "dos tres cuatro cinco seis siete",
    "pt-BR": "duas três quatro cinco seis sete",
    "fr-CA": "deux trois quatre cinq six sept",
}
WRITTEN = {
    lang: dict(zip(range(2, 8), words.split(), strict=True))
    | {10: "dez" if lang == "pt-BR" else "10"}
    | {n: str(n) for n in (11, 33, 34, 50)}
    for lang, words in SMALL.items()
}


def _announcement(new: int, upgraded: int, recertified: int) -> Announcement:
    names = (f"Town {i}" for i in itertools.count())
    cities: dict[str, list[dict]] = {"new": [], "upgraded": [], "recertified": []}
    for i in range(new):
        cities["new"].append({"name": next(names), "country": "US", "level": LEVELS[i % 3]})
    for i in range(upgraded):
        before, after = ("silver", "gold") if i % 2 else ("gold", "platinum")
        cities["upgraded"].append(
            {"name": next(names), "country": "US", "from": before, "level": after}
        )
    for i in range(recertified):
        cities["recertified"].append({"name": next(names), "country": "US", "level": LEVELS[i % 3]})
    return Announcement.model_validate(
        {
            "id": "matrix",
            "date": __import__("datetime").date(2024, 7, 1),
            "total_certified": max(new, 1) + 200,
            "cities": cities,
            "languages": ["en", "es", "pt-BR", "fr-CA"],
        }
    )


def _sections(page: str) -> dict[str, list[str]]:
    found = {}
    for key in FORMS:
        match = re.search(rf'<section id="{key}".*?</section>', page, re.S)
        if match:
            paragraphs = re.findall(r"<p>(.*?)</p>", match.group(0), re.S)
            # Tags out: names are wrapped in spans for line breaking (typeset.protect).
            words = [re.sub(r"<[^>]+>", "", p) for p in paragraphs]
            found[key] = [re.sub(r"\s+", " ", html.unescape(p)) for p in words]  # NBSP too
    return found


def _groups(announcement: Announcement, key: str) -> list[int]:
    """Sizes of the sentences a section has: one per level, or per step for upgrades."""
    cities = getattr(announcement.cities, key)
    if key == "upgraded":
        sizes = Counter((c.previous, c.level) for c in cities)
    else:
        sizes = Counter(c.level for c in cities)
    return sorted(sizes.values())


CASES = [c for c in itertools.product(COUNTS, repeat=3) if any(c)]
# A round's one new city: the lead gives its level, and no paragraph names it again.
LEAD_LEVEL = {"en": "for the first time, at the ", "es": ", en el nivel ",
              "pt-BR": ", no nível ", "fr-CA": "pour la première fois, au niveau "}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "es", "pt-BR", "fr-CA"])
def test_every_mix_of_counts_reads_grammatically(lang: str) -> None:
    env = render.environment(ROOT / "templates", localizer(ROOT, lang, SETTINGS))
    for counts in CASES:
        announcement = _announcement(*counts)
        context = template_context(announcement, SETTINGS)
        page = render.render(env, "press-release.html", context, for_pdf=False)
        sections = _sections(page)
        text = html.unescape(re.sub(r"<[^>]+>", "", page.split("<body", 1)[1]))
        assert "%(" not in text and "{{" not in text and "None" not in text, counts
        # French sets a no-break space before a colon: only a plain space is a stray one.
        assert not re.search(r" [,.;:]", re.sub(r"[ \t\r\n]+", " ", text)), counts
        for key, count in zip(FORMS, counts, strict=True):
            if key == "new" and count == 1:  # the lead names the one new city and its level
                assert "new" not in sections and LEAD_LEVEL[lang] in text, (counts, text)
                continue
            assert (key in sections) == (count > 0), (counts, key)
            if not count:
                continue
            plural, singular = FORMS[key][lang]
            sentences = sections[key]
            sizes = _groups(announcement, key)
            if len(sizes) > 1 and max(sizes) == 1:
                assert [s for s in sentences if RESPECTIVELY[key][lang] in s], (counts, key)
                assert len(sentences) == 1, (counts, key, sentences)
                continue
            for size in sizes:
                if size == 1:
                    hits = [s for s in sentences if singular in s and " de ellas" not in s]
                    hits = [s for s in hits if " delas" not in s]
                else:
                    n = WRITTEN[lang][size]
                    hits = [s for s in sentences if plural.format(n=n) in s]
                assert hits, (counts, key, size, sentences)
