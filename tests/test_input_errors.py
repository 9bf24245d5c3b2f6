"""Broken announcement files: each refused with exit 2 and a message on the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

VALID = """\
date: 2023-06-21
total_certified: 62
cities:
  new:
    - {name: Carlsbad, region: CA, country: US, level: silver}
    - {name: Fortaleza, region: CE, country: BR, level: gold}
  upgraded:
    - {name: Henderson, region: NV, country: US, from: silver, level: gold}
"""

# (name, file text, line the first message must point at, words the message must hold)
CASES = [
    ("syntax", "date: 2023-06-21\ncities: [\n", 3, ["YAML syntax error"]),
    ("empty", "", 1, ["empty"]),
    ("not a mapping", "- just\n- a list\n", 1, ["expected a mapping"]),
    ("unknown key", VALID + "colour: blue\n", 9, ["unknown key 'colour'"]),
    ("misspelt key", VALID.replace("total_certified", "total_certifed"), 2,
     ["unknown key 'total_certifed'", "did you mean 'total_certified'"]),
    ("duplicate key", VALID + "date: 2023-06-22\n", 9, ["duplicate key 'date'", "line 1"]),
    ("unknown level", VALID.replace("level: silver}", "level: golden}", 1), 5,
     ["unknown level 'golden'", "silver, gold or platinum", "did you mean 'gold'"]),
    ("unknown country", VALID.replace("country: BR", "country: XX"), 6, ["unknown country 'XX'"]),
    ("impossible date", VALID.replace("2023-06-21", "2023-02-30"), 1,
     ["impossible date '2023-02-30'"]),
    ("embargo without zone", VALID + "embargo: 2023-06-21T10:00:00\n", 9,
     ["'embargo' needs a time zone offset"]),
    ("python tag",
     VALID.replace("date: 2023-06-21", 'date: !!python/object/apply:os.system ["id"]'), 1,
     ["tag '!!python/object/apply:os.system' is not allowed"]),
    ("upgrade not upward", VALID.replace("from: silver, level: gold", "from: gold, level: silver"),
     8, ["not upward"]),
    ("upgrade without from", VALID.replace("from: silver, ", ""), 8, ["needs 'from'"]),
    ("from on a new city", VALID.replace("country: US, level: silver", "country: US, from: gold, "
     "level: silver"), 5, ["'from' is only for upgraded cities"]),
    ("city listed twice", VALID + "  recertified:\n    - {name: Carlsbad, region: CA, country: US,"
     " level: gold}\n", 10, ["'Carlsbad' is listed twice", "line 5"]),
    ("highlight for a city not in the file", VALID + "highlights:\n  - city: Fortalezza\n"
     "    text: {en: a, es: b, pt-BR: c}\n", 10,
     ["'Fortalezza', which is not a city", "did you mean 'Fortaleza'"]),
    ("text missing a language", VALID + "headline: {en: Hello, es: Hola}\n", 9,
     ["'headline' has no 'pt-BR' text"]),
    ("text given as a plain string", VALID + "headline: Hello\n", 9,
     ["'headline' must give the text per language"]),
    ("unknown language", VALID + "languages: [en, fr]\n", 9, ["unknown language 'fr'"]),
    ("total too small", VALID.replace("total_certified: 62", "total_certified: 1"), 2,
     ["total_certified is 1", "2 cities certified for the first time"]),
    ("string where a list is expected", VALID + "quotes: Rochelle Haynes\n", 9,
     ["'quotes' must be a list"]),
    ("no cities", "date: 2023-06-21\ntotal_certified: 3\ncities: {}\n", 3, ["no cities"]),
    ("character the font cannot print", VALID.replace("name: Carlsbad", "name: 北京"), 5,
     ["'北' (U+5317) cannot be printed", "Lato"]),
    ("unknown US state", VALID.replace("region: NV", "region: NX"), 8,
     ["unknown region 'NX' for United States"]),
    ("nested too deeply", "a: " + "[" * 3000 + "]" * 3000 + "\n", 1, ["nests", "too deeply"]),
    ("a language listed twice", VALID + "languages: [en, en]\n", 9, ["listed twice"]),
    ("two cities of one name, one highlight", VALID + "  recertified:\n"
     "    - {name: Carlsbad, region: NM, country: US, level: gold}\n"
     "highlights:\n  - city: Carlsbad\n    text: {en: a, es: b, pt-BR: c}\n", 12,
     ["2 cities are named 'Carlsbad'"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "line", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_with_the_line_and_the_reason(
    project: Path, name: str, text: str, line: int, words: list[str]
) -> None:
    path = project / "announcements" / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    for command in (["validate"], ["build", "--out", "dist"]):
        result = run([*command, "announcements/draft.yaml"], cwd=project)
        assert result.exit_code == 2, result.output
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"announcements/draft.yaml:{line}:"), result.stderr
        for word in words:
            assert word in result.stderr
        assert "Traceback" not in result.output
    assert not (project / "dist").exists(), "an invalid file must write nothing"


def test_every_problem_is_reported_at_once(project: Path) -> None:
    text = VALID.replace("level: silver}", "level: golden}", 1) + "colour: blue\nheadline: Hi\n"
    text = text.replace("from: silver, level: gold", "from: gold, level: silver")
    (project / "announcements" / "draft.yaml").write_text(text, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    # Shape errors and the rules of the cities that parsed, in one run.
    assert [line.split(":")[1] for line in lines] == ["5", "8", "9", "10"]
    assert "is not upward" in lines[1]


def test_file_that_is_not_utf8_points_at_the_byte(project: Path) -> None:
    path = project / "announcements" / "latin1.yaml"
    path.write_bytes(VALID.replace("Fortaleza", "Córdoba").encode("latin-1"))
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert result.stderr.startswith("announcements/latin1.yaml:6:15: byte 0xf3 is not UTF-8")


def test_alias_bomb_is_refused_before_its_expansion_is_built(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wwc_press import loader

    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    (project / "announcements" / "bomb.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    built: dict[int, int] = {}  # per file read: values built, aliases expanded (9**9 unchecked)
    original = loader._Builder.build

    def counting(self, node, loc):
        built[id(self)] = built.get(id(self), 0) + 1
        return original(self, node, loc)

    monkeypatch.setattr(loader._Builder, "build", counting)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "expands to more than 200,000 values" in result.stderr
    assert max(built.values()) <= loader.MAX_NODES + 1


def test_debug_shows_the_traceback(project: Path) -> None:
    (project / "announcements" / "draft.yaml").write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="empty"):
        run(["--debug", "validate"], cwd=project)


def test_missing_settings_file_is_an_input_error(tmp_path: Path) -> None:
    result = run(["validate"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "no wwc-press.yaml here" in result.stderr


def test_two_cities_of_one_name_in_different_states_are_two_cities(project: Path) -> None:
    text = VALID + "  recertified:\n    - {name: Carlsbad, region: NM, country: US, level: gold}\n"
    (project / "announcements" / "draft.yaml").write_text(text, encoding="utf-8")
    assert run(["validate"], cwd=project).exit_code == 0
    result = run(["build", "--only", "cities", "--format", "html", "--out", "dist"], cwd=project)
    assert result.exit_code == 0
    names = sorted(p.name for p in (project / "dist" / "draft" / "en" / "cities").iterdir())
    assert names == ["carlsbad-ca-us.html", "carlsbad-nm-us.html", "fortaleza-ce-br.html",
                     "henderson-nv-us.html"]  # fmt: skip


def test_two_files_with_one_id_are_refused(project: Path) -> None:
    (project / "announcements" / "a.yaml").write_text(VALID + "id: same\n", encoding="utf-8")
    (project / "announcements" / "b.yaml").write_text(VALID + "id: same\n", encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert result.stderr.startswith("announcements/b.yaml:1:1: id 'same' is the id of")


def test_a_file_name_that_cannot_name_a_folder_is_refused(project: Path) -> None:
    (project / "announcements" / "June 2023.yaml").write_text(VALID, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "the file name 'June 2023' cannot name the output folder" in result.stderr


def test_an_unknown_time_zone_in_the_settings_is_refused(project: Path) -> None:
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8").replace("America/New_York", "America/New_Yrok")
    settings.write_text(text, "utf-8")
    (project / "announcements" / "draft.yaml").write_text(VALID, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "wwc-press.yaml:" in result.stderr and "unknown time zone 'America/New_Yrok'" in (
        result.stderr
    )


def test_a_bound_given_as_text_is_refused_with_its_words(project: Path) -> None:
    """A level's share written in quotes reads as a number, and above its bound is said as one
    (it stopped the command with a traceback)."""
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8").replace("{from: 51, to: 67}", "{from: 51, to: '167'}")
    settings.write_text(text, "utf-8")
    (project / "announcements" / "draft.yaml").write_text(VALID, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "'to' must be at most 100 (got 167)" in result.stderr


def test_an_empty_list_of_languages_is_refused_not_a_crash(project: Path) -> None:
    """A city's spellings are still judged against the languages of the project."""
    text = VALID.replace("level: silver}", "level: silver, names: {es: Carlsbad}}", 1)
    (project / "announcements" / "draft.yaml").write_text(text + "languages: []\n", "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "draft.yaml:9:12: 'languages': List should have at least 1 item" in result.stderr


def test_a_template_mistake_is_a_render_error_with_its_place(project: Path) -> None:
    template = project / "templates" / "press-release.html"
    template.write_text(template.read_text("utf-8").replace("{% endif %}", "{% endiff %}", 1))
    (project / "announcements" / "draft.yaml").write_text(VALID, encoding="utf-8")
    result = run(["build", "--only", "release", "--out", "dist"], cwd=project)
    assert result.exit_code == 1
    assert "press-release.html:" in result.stderr and "template error" in result.stderr
    assert "Traceback" not in result.output
