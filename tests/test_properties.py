"""Any announcement that validate accepts builds in every language; any it refuses is refused
with a sentence: never a crash.

Examples per run: HYPOTHESIS_PROFILE=ci (make test) is modest; HYPOTHESIS_PROFILE=long
(make test-long) runs many more and renders PDFs too.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from wwc_press.cli import main
from wwc_press.inputs import LANGUAGES, LEVELS

# make test: the same 25 examples every run, so that CI never fails on a draw of its own.
settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
FORMATS = ["html", "pdf"] if os.environ.get("HYPOTHESIS_PROFILE") == "long" else ["html"]

MARKUP = ["<script>", "</style>", "{{ x }}", "{% raw %}", "&amp;", '"', "'", "%(n)s", "<b>"]
# Mostly what the release font prints (Latin to U+024F); now and then any character at all.
latin = st.characters(max_codepoint=0x24F, exclude_categories=["Cs", "Cc"])
anything = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])
printable_text = st.one_of(
    st.text(latin, min_size=1, max_size=80),
    st.lists(st.sampled_from(MARKUP), min_size=1, max_size=4).map(" ".join),
    st.text(alphabet="Ñañ é ü ç ã ő Ωж ", min_size=1, max_size=400),  # very long names
    st.text(alphabet="xyzñ", min_size=150, max_size=600),  # a word with no break in it
).filter(lambda value: value.strip() != "")
any_text = st.one_of(printable_text, st.text(anything, min_size=1, max_size=20)).filter(
    lambda value: value.strip() != ""
)


@st.composite
def announcements(draw: st.DrawFn) -> dict:
    # One announcement in ten may hold characters the font lacks, to check they are refused.
    text = any_text if draw(st.integers(0, 9)) == 0 else printable_text
    languages = draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True))
    names = draw(st.lists(text, min_size=1, max_size=60, unique_by=lambda n: n.strip().casefold()))
    countries = st.sampled_from(["US", "BR", "AR", "UY", "CO", "CL", "CA", "MX", "FR"])
    cities: dict[str, list[dict]] = {"new": [], "upgraded": [], "recertified": []}
    used: set[tuple[str, str | None, str]] = set()  # what makes a city the same city
    for name in names:
        group = draw(st.sampled_from(list(cities)))
        country = draw(countries)
        city: dict = {"name": name, "country": country}
        if group == "upgraded":
            before, after = sorted(draw(st.sampled_from([(0, 1), (0, 2), (1, 2)])))
            city.update({"from": LEVELS[before], "level": LEVELS[after]})
        else:
            city["level"] = draw(st.sampled_from(LEVELS))
        if country == "US":
            city["region"] = draw(st.sampled_from(["CA", "SC", "NY", "ID", "DC"]))
        if cities[group] and draw(st.integers(0, 9)) == 0:  # a namesake in another state
            twin = cities[group][-1]
            same = (twin["name"].strip().casefold(), city.get("region"), country)
            if twin["country"] == "US" and country == "US" and same not in used:
                city["name"] = twin["name"]
        used.add((city["name"].strip().casefold(), city.get("region"), country))
        if draw(st.booleans()):
            city["names"] = {lang: draw(text) for lang in languages}
        cities[group].append(city)

    def translated() -> dict:
        return {lang: draw(text) for lang in languages}

    data: dict = {
        "date": draw(st.dates()),
        "total_certified": max(1, len(cities["new"]))
        + draw(st.one_of(st.integers(0, 5000), st.integers(0, 10**30))),
        "languages": languages,
        "cities": cities,
    }
    if draw(st.booleans()):
        data["headline"] = translated()
        data["subheadline"] = translated()
    if draw(st.booleans()):
        data["highlights"] = [{"city": names[0], "text": translated()}]
    if draw(st.booleans()):
        data["quotes"] = [{"speaker": draw(text), "role": translated(), "text": translated()}]
    return data


ROOT = Path(__file__).resolve().parents[1]


@given(data=announcements())
def test_any_valid_announcement_builds(data: dict, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with contextlib.chdir(ROOT):
        checked = CliRunner().invoke(main, ["validate", str(path)])
    assert checked.exception is None or isinstance(checked.exception, SystemExit), checked.exc_info
    if checked.exit_code == 2:  # refused, each problem at its line
        assert re.fullmatch(r"(.*generated\.yaml:\d+:\d+: .+\n)+", checked.stderr), checked.stderr
        event("refused by validate")
        return
    assert checked.exit_code == 0, checked.output
    args = ["build", str(path), "--out", str(folder / "dist")]
    for fmt in FORMATS:
        args += ["--format", fmt]
    with contextlib.chdir(ROOT):
        result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 0, result.output  # what validate accepts, build builds
    event("built")
    for lang in data["languages"]:
        page = (folder / "dist" / "generated" / lang / "press-release.html").read_text("utf-8")
        assert "<script>" not in page
        # Tags out: names are wrapped in spans for line breaking (typeset.protect).
        shown = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))
        for group in data["cities"].values():
            for city in group:
                name = city.get("names", {}).get(lang, city["name"])
                assert re.sub(r"\s+", " ", name.strip()) in shown
