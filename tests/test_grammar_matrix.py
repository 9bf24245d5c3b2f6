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
        # A new city's level is its first certification's, never a step up from one before
        # ("obtient pour la première fois la certification Or" read as a city that had Silver).
        # The count opens the sentence (capitalized), the level after the verb: "At Silver,
        # four cities…" read as translated (Quebec desk, reading 14).
        "en": (
            "{N} cities earned their first certification at the ",
            " earned its first certification at the ",
        ),
        "es": ("se certificaron {n} ciudades: ", " obtuvo su primera certificación en el nivel "),
        "pt-BR": ("estrearam {n} cidades: ", " estreou no nível "),
        "fr-CA": (
            "{N} villes obtiennent le niveau ",
            " obtient d’emblée le niveau ",
        ),
    },
    # The cities, then what they did: "Moving up from Silver to Gold are two…" read as a
    # template's inversion (AP desk, readings 27 to 29).
    "upgraded": {
        "en": ("{N} previously certified cities moved up from ", " moved up from "),
        "es": ("{N} ciudades ya certificadas subieron ", " subió del nivel "),
        "pt-BR": ("{N} cidades já certificadas subiram ", " subiu do nível "),
        "fr-CA": ("{N} villes déjà certifiées passent ", " passe du niveau "),
    },
    "recertified": {
        "en": ("{N} cities renewed their ", " renewed its "),
        "es": (", {n} ciudades renovaron su certificación: ", " renovó su certificación "),
        "pt-BR": (", {n} cidades renovaram a certificação: ", " renovou a certificação "),
        "fr-CA": (
            ", {n} villes renouvellent leur certification : ",
            " renouvelle sa certification ",
        ),
    },
}

# Two or three new cities at one level are the subject of their sentence, as one city is ("Regina
# (Saskatchewan) et Laval obtiennent d'emblée le niveau Argent"): no count before them.
FEW_NEW = {
    "en": " earned their first certification at the ",
    "es": " obtuvieron su primera certificación en el nivel ",
    "pt-BR": " estrearam no nível ",
    "fr-CA": " obtiennent le niveau ",
}

# Two cities that moved up, each its own step: one sentence, the second's verb understood.
TWO_STEPS = {
    "en": r", and Town \d+ from ",
    "es": r", y Town \d+, del nivel ",
    "pt-BR": r", e Town \d+, do nível ",
    "fr-CA": r", et Town \d+, du niveau ",
}
# A whole group of single cities at different levels: one sentence, "respectively".
RESPECTIVELY = {
    "new": {
        "en": " earned their first certification at the ",
        "es": " obtuvieron su primera certificación en los niveles ",
        "pt-BR": " estrearam nos níveis ",
        "fr-CA": " obtiennent d’emblée les niveaux ",
    },
    "upgraded": {
        "en": ", respectively.",
        "es": ", respectivamente.",
        "pt-BR": ", respectivamente.",
        "fr-CA": " passent respectivement du niveau ",
    },
    "recertified": {
        "en": " certifications, respectively.",
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
# A round with no new city: its lead tells the round's own news, a city that moved up or renewed
# named with its level where it is the round's one city, else the groups counted, never "the
# latest cities to move up in or renew" (which said a group there was none of).
LEAD_ONE = {
    "upgraded": {"en": " has moved up from Gold to Platinum in ", "es": " subió del nivel Oro al "
                 "Platino en ", "pt-BR": " subiu do nível Ouro para o Platina na ",
                 "fr-CA": " passe du niveau Or au niveau Platine de "},
    "recertified": {"en": " has renewed its What Works Cities Certification at the ",
                    "es": " renovó su certificación What Works Cities en el nivel ",
                    "pt-BR": " renovou a certificação What Works Cities no nível ",
                    "fr-CA": " renouvelle sa certification What Works Cities au niveau "},
}  # fmt: skip
LEAD_COUNTS = {
    "upgraded": {
        "en": " cities have moved up a level in ",
        "es": " ciudades subieron de nivel en ",
        "pt-BR": " cidades subiram de nível na ",
        "fr-CA": " villes passent au niveau supérieur de ",
    },
    "recertified": {
        "en": " cities have renewed their What Works",
        "es": " ciudades renovaron la certificación",
        "pt-BR": " cidades renovaram a certificação",
        "fr-CA": " villes renouvellent leur certification What",
    },
}
# ... and the second group after the first: "and three have renewed theirs".
LEAD_AND_RENEWED = {
    "en": ", and {n} have renewed theirs.",
    "es": " y que {n} la renovaron.",
    "pt-BR": " e que {n} a renovaram.",
    "fr-CA": "; {n} autres la renouvellent.",
}


def _lead_follows_the_round(lang: str, counts: tuple[int, int, int], lead: str) -> None:
    """The lead of a round with no new city, by its groups (see LEAD_ONE)."""
    _, up, renewed = counts
    # One city that moved up is the news, renewals or not; one renewal, when it is the only one.
    if up == 1 or renewed == 1 and not up:
        assert LEAD_ONE["upgraded" if up else "recertified"][lang] in lead, (counts, lead)
        return
    first = "upgraded" if up else "recertified"
    assert LEAD_COUNTS[first][lang] in lead or up == 1, (counts, lead)
    if up and renewed:
        n = WRITTEN[lang].get(renewed, str(renewed))
        if renewed > 1:
            assert LEAD_AND_RENEWED[lang].format(n=n) in lead, (counts, lead)


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
        lead = re.sub(r"\s+", " ", text.split("—", 1)[-1].split("–", 1)[-1])
        if not counts[0]:
            _lead_follows_the_round(lang, counts, lead[: lead.index(".", 40) + 1])
        for key, count in zip(FORMS, counts, strict=True):
            if key == "new" and count == 1:  # the lead names the one new city and its level
                assert "new" not in sections and LEAD_LEVEL[lang] in text, (counts, text)
                continue
            if count == 1 and sum(counts) == 1:  # ... as it names a round's one other city
                assert key not in sections, (counts, key)
                continue
            if key == "upgraded" and count == 1 and not counts[0]:  # ... and one that moved up
                assert key not in sections, (counts, key)  # before the renewals
                continue
            assert (key in sections) == (count > 0), (counts, key)
            if not count:
                continue
            plural, singular = FORMS[key][lang]
            sentences = sections[key]
            sizes = _groups(announcement, key)
            if key == "upgraded" and len(sizes) == 2 and max(sizes) == 1:
                assert [s for s in sentences if re.search(TWO_STEPS[lang], s)], (counts, sentences)
                assert not [s for s in sentences if "respectiv" in s], (counts, sentences)
                assert len(sentences) == 1, (counts, key, sentences)
                continue
            if len(sizes) > 1 and max(sizes) == 1:
                assert [s for s in sentences if RESPECTIVELY[key][lang] in s], (counts, key)
                assert len(sentences) == 1, (counts, key, sentences)
                continue
            for size in sizes:
                if size == 1:
                    hits = [s for s in sentences if singular in s and " de ellas" not in s]
                    hits = [s for s in hits if " delas" not in s]
                elif key == "new" and size in (2, 3):
                    hits = [s for s in sentences if FEW_NEW[lang] in s and ":" not in s]
                else:
                    n = WRITTEN[lang][size]
                    hits = [
                        s for s in sentences if plural.format(n=n, N=n[:1].upper() + n[1:]) in s
                    ]
                assert hits, (counts, key, size, sentences)
