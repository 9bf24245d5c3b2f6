"""Nothing hangs, nothing crashes, every failure is a sentence: killed builds, broken inputs,
damaged outputs, hostile text."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = ROOT / "announcements" / f"{SAMPLE_ID}.yaml"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _workers(build: subprocess.Popen, out: Path) -> list[int]:
    """The build's two PDF workers, once it has forked them. Counting children alone is not
    enough: loading WeasyPrint runs gcc and ldconfig to find its libraries, two children at a
    time on a busy machine. The workers are forked once the first PDF, laid out by the build
    itself, is in the staging folder."""
    deadline = time.monotonic() + 120  # a hang guard, not a timing
    while not any(out.glob(".*.building-*/**/*.pdf")):
        assert build.poll() is None, "the build ended before its PDF phase"
        assert time.monotonic() < deadline, "the build never reached its PDF phase"
        time.sleep(0.02)
    workers: list[int] = []
    while len(workers) < 2:
        assert time.monotonic() < deadline, "the build never forked its workers"
        time.sleep(0.02)
        workers = _children(build.pid)
    return workers


def test_a_killed_build_leaves_no_workers_and_no_lock(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "wwc_press", "build", str(SAMPLE), "--format", "pdf",
               "--format", "png", "--jobs", "2", "--out", str(out)]  # fmt: skip
    build = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    workers = _workers(build, out)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 60  # a hang guard: the kernel ends them at once
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "the workers outlived the build"
        time.sleep(0.05)
    again = run(["build", str(SAMPLE), "--format", "html", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "waiting" not in again.stderr  # the holder is gone: no wait at all


def test_a_build_waiting_for_a_live_one_says_for_whom_and_gives_up(tmp_path: Path) -> None:
    from wwc_press.errors import RenderError
    from wwc_press.publish import locked

    with (
        locked(tmp_path, SAMPLE_ID),
        pytest.raises(RenderError) as gave_up,
        locked(tmp_path, SAMPLE_ID, timeout=0.3),
    ):
        pass
    message = str(gave_up.value)
    assert f"the build started by PID {os.getpid()} at " in message
    assert "after 0 s" in message or "after 1 s" in message


@pytest.fixture
def sample_project(project: Path) -> Path:
    import shutil

    shutil.copy(SAMPLE, project / "announcements")
    return project


@pytest.mark.parametrize(
    ("setup", "out", "said"),
    [
        (lambda p: (p / "afile").write_text("x"), "afile", "afile: a file, not a folder"),
        (lambda p: (p / "afile").write_text("x"), "afile/x", "afile is a file, so no folder"),
        (lambda p: (p / "dangling").symlink_to(p / "nowhere"), "dangling", "which does not exist"),
    ],
)
def test_an_unusable_out_folder_is_a_usage_error(sample_project: Path, setup, out, said) -> None:
    setup(sample_project)
    result = run(["build", "--format", "html", "--out", out], cwd=sample_project)
    assert result.exit_code == 2
    assert said in result.stderr and "choose another folder" in result.stderr


def test_a_port_out_of_range_is_a_usage_error(sample_project: Path) -> None:
    result = run(["serve", "--port", "70000"], cwd=sample_project)
    assert result.exit_code == 2 and "70000 is not in the range" in result.stderr


PO = "locales/es/LC_MESSAGES/messages.po"


def _spoil(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda t: t + "\n#. \udcff\n", "is not UTF-8: save the catalog as UTF-8"),
        (
            lambda t: _spoil(t, "plural=(n != 1);", "plural=(n !!= 1;"),
            "its Plural-Forms '(n !!= 1' is not a valid expression",
        ),
        (
            lambda t: _spoil(t, 'msgstr "Fin del comunicado"', 'msgstr "Fin del comunicado 100%"'),
            "is not a placeholder: write %% for a percent sign",
        ),
        (
            lambda t: _spoil(
                t, 'msgstr "Fin del comunicado"', 'msgstr "Fin</style><img src=x onerror=alert(1)>"'
            ),
            "markup ['</style>', '<img src=x onerror=alert(1)>'] in the translation",
        ),  # fmt: skip
    ],
)
def test_a_broken_catalog_is_a_sentence_in_check_and_build(sample_project: Path, spoil, said):
    path = sample_project / PO
    text = spoil(path.read_text("utf-8"))
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    check = run(["check"], cwd=sample_project)
    assert check.exit_code == 1 and said in check.stdout + check.stderr
    build = run(["build", "--format", "html", "--out", "dist"], cwd=sample_project)
    assert build.exit_code == 1 and said in build.stderr
    assert re.search(rf"{PO}:\d+", build.stderr)  # at the catalog's line
    assert not (sample_project / "dist" / SAMPLE_ID).exists()


def test_a_missing_catalog_says_how_to_make_it(sample_project: Path) -> None:
    (sample_project / PO).unlink()
    build = run(["build", "--format", "html", "--out", "dist"], cwd=sample_project)
    assert build.exit_code == 1
    assert f"{PO}:1:1: the catalog is missing: run 'wwc-press i18n update'" in build.stderr


def test_a_template_runtime_error_names_the_template_line(sample_project: Path) -> None:
    template = sample_project / "templates" / "press-release.html"
    lines = template.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if 'class="lead"' in line)
    lines[number] = "{{ 1 // 0 }}" + lines[number]
    template.write_text("".join(lines), "utf-8")
    build = run(["build", "--format", "html", "--out", "dist"], cwd=sample_project)
    assert build.exit_code == 1
    assert f"press-release.html:{number + 1}: template error: ZeroDivisionError" in build.stderr


def test_a_damaged_font_is_a_sentence_even_in_validate(sample_project: Path) -> None:
    font = sample_project / "templates" / "fonts" / "Lato-Bold.ttf"
    font.write_bytes(font.read_bytes()[:500])
    result = run(["validate"], cwd=sample_project)
    assert result.exit_code == 1
    assert "Lato-Bold.ttf: not a font file that can be read" in result.stderr


def test_a_garbage_cache_manifest_trusts_nothing(sample_project: Path) -> None:
    args = ["build", "--format", "html", "--out", "dist"]
    assert run(args, cwd=sample_project).exit_code == 0
    (sample_project / "dist" / SAMPLE_ID / ".wwc-cache.json").write_text("[]")
    again = run(args, cwd=sample_project)
    assert again.exit_code == 0 and again.stdout.splitlines()[-1].startswith("built 32 files")


def test_a_damaged_output_is_not_trusted_as_up_to_date(sample_project: Path) -> None:
    args = ["build", "--format", "html", "--format", "pdf", "--lang", "es", "--out", "dist"]
    assert run(args, cwd=sample_project).exit_code == 0
    pdf = sample_project / "dist" / SAMPLE_ID / "es" / "press-release.pdf"
    good = pdf.read_bytes()
    pdf.write_bytes(good[: len(good) // 2])  # truncated, as a full disk or a bad copy leaves it
    again = run(args, cwd=sample_project)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0].endswith("es/press-release.pdf")
    assert again.stdout.splitlines()[-1].startswith("built 1 files")
    assert pdf.read_bytes() == good


def test_the_swap_is_one_step_and_a_linked_folder_is_never_replaced(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wwc_press import publish

    renames: list[tuple[str, str]] = []
    real = publish.os.replace
    monkeypatch.setattr(publish.os, "replace", lambda a, b: (renames.append((a, b)), real(a, b)))
    args = ["build", "--format", "html", "--lang", "es", "--out", "dist"]
    assert run(args, cwd=sample_project).exit_code == 0  # the first build: one rename
    path = sample_project / "announcements" / f"{SAMPLE_ID}.yaml"
    path.write_text(path.read_text("utf-8").replace("las muertes", "los decesos"), "utf-8")
    renames.clear()
    assert run(args, cwd=sample_project).exit_code == 0
    # The folder was exchanged with the staged one by renameat2: no rename of dist/<id> aside.
    assert not [pair for pair in renames if str(pair[0]).endswith(f"dist/{SAMPLE_ID}")]
    assert "los decesos" in (sample_project / "dist" / SAMPLE_ID / "es" / "press-release.html"
                             ).read_text("utf-8")  # fmt: skip
    elsewhere = sample_project / "elsewhere"
    (sample_project / "dist" / SAMPLE_ID).rename(elsewhere)
    (sample_project / "dist" / SAMPLE_ID).symlink_to(elsewhere)
    refused = run([*args, "--force"], cwd=sample_project)
    assert refused.exit_code == 1 and "is a symbolic link" in refused.stderr
    assert (sample_project / "dist" / SAMPLE_ID).is_symlink()


def test_characters_a_terminal_would_obey_are_refused_or_printed_escaped(project: Path) -> None:
    path = project / "announcements" / "x.yaml"
    path.write_text(
        "date: 2024-01-01\ncities:\n  new:\n"
        '    - {name: Reno, country: US, region: NV, level: "gold\\e]0;pwned\\a"}\n'
    )
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "x.yaml:4:52: control character U+001B in a text" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    # A bidi override (which reorders what the terminal shows) is printed as an escape.
    path.write_text(path.read_text().replace("gold\\e]0;pwned\\a", "gold\u202e dlog"), "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "unknown level 'gold\\u202e dlog'" in result.stderr and "\u202e" not in result.stderr


def test_two_spellings_of_one_city_are_one_city(project: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Córdoba")
    (project / "announcements" / "x.yaml").write_text(
        "date: 2024-01-01\ncities:\n  new:\n"
        "    - {name: Córdoba, country: AR, level: gold}\n"
        f"    - {{name: {nfd}, country: AR, level: gold}}\n"
        "    - {name: San Antonio, country: US, region: TX, level: gold}\n"
        "    - {name: San\u00a0Antonio, country: US, region: TX, level: gold}\n",
        "utf-8",
    )
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "x.yaml:5:" in result.stderr and "is listed twice: first on line 4" in result.stderr
    assert "x.yaml:7:" in result.stderr and "is listed twice: first on line 6" in result.stderr


def _write(project: Path, text: str) -> Path:
    path = project / "announcements" / "x.yaml"
    path.write_text(text, "utf-8")
    return path


HEAD = "date: 2024-01-01\ncities:\n  new:\n"


def test_100000_cities_are_refused_at_once_with_the_limit(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    _write(project, HEAD + "".join(f"  - {{name: C{i}, country: US, level: gold}}\n"
                                   for i in range(100_000)))  # fmt: skip
    events: list[int] = []  # per file read: the parser's events, 800,000 for the whole file
    parse, compose, composed = yaml.parse, yaml.compose, []

    def counting(*args, **kwargs):
        events.append(0)
        for event in parse(*args, **kwargs):
            events[-1] += 1
            yield event

    def composing(text, **kwargs):
        composed.append(text)
        return compose(text, **kwargs)

    monkeypatch.setattr(yaml, "parse", counting)
    monkeypatch.setattr(yaml, "compose", composing)
    result = run(["validate"], cwd=project)
    # Stopped at the limit, the file's nodes never composed (only the settings' were).
    assert max(events) < 10 * 5_001 and not any("C5000" in text for text in composed)
    assert result.exit_code == 2
    assert "x.yaml:5004:5: more than 5,000 cities in one file" in result.stderr
    assert "at most 5,000" in result.stderr


def test_a_file_over_5_mb_is_refused_before_it_is_read(project: Path) -> None:
    _write(project, HEAD + "# " + "x" * (6 * 1024 * 1024) + "\n")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2 and "the file is 6.0 MB: an announcement may be at most 5 MB" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('headline: {en: "' + "Word " * 2500 + '"}\n',
         "a text of 12,500 characters: at most 10,000"),
        ("total_certified: 10000000000000000000000000000\n",
         "the number 10000000000000000000000000000 has 29 digits"),
        ("total_certified: " + "9" * 5000 + "\n", "the number 99999999999999999999… has 5,000"),
        ("total_certified: 2000000\n", "'total_certified' must be at most 1,000,000"),
        ("dateline: {name: " + "N" * 300 + ", country: US, region: NY}\n",
         "'name' is 300 characters long: at most 200"),
    ],
)  # fmt: skip
def test_numbers_and_texts_beyond_the_limits_are_refused_by_validate(project, line, said) -> None:
    _write(project, line + HEAD + "    - {name: Reno, country: US, region: NV, level: gold}\n")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert said in result.stderr and "impossible date" not in result.stderr


def test_a_long_name_and_a_word_without_breaks_build_whole(project: Path) -> None:
    from conftest import pdf_text

    name = "Villa " + "Santa María del Buen Ayre " * 7  # 188 characters
    word = "x" * 600
    unbroken = "Q" * 150  # a name with no break in it, for the report's table
    _write(project, HEAD + f"    - {{name: {name.strip()}, country: AR, level: gold}}\n"
           f"    - {{name: {unbroken}, country: AR, level: gold}}\n"
           f"highlights:\n  - text: {{en: 'The code is {word} and more.'}}\n"
           "languages: [en]\ntotal_certified: 90\n")  # fmt: skip
    result = run(["build", "--format", "pdf", "--format", "html", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    releases = list((project / "dist" / "x" / "en" / "cities").glob("*.pdf"))
    assert len(releases) == 2
    assert all(len(p.name) < 80 for p in releases)  # slugs are cut, with a hash of the name
    text = "".join(pdf_text(project / "dist" / "x" / "en" / "press-release.pdf").split())
    assert word in text  # wrapped, not clipped off the page
    table = "".join(pdf_text(project / "dist" / "x" / "en" / "report.pdf").split())
    assert unbroken in table


def test_ctrl_c_stops_a_build_with_130_and_a_sentence(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    # The cards as well as the PDFs: a build of the PDFs alone could finish on a busy machine
    # between the first PDF landing and the test's signal, and a finished build has nothing
    # left to interrupt.
    command = [sys.executable, "-m", "wwc_press", "build", str(SAMPLE), "--format", "pdf",
               "--format", "png", "--jobs", "2", "--out", str(out)]  # fmt: skip
    build = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _workers(build, out)
    os.kill(build.pid, signal.SIGINT)
    _, stderr = build.communicate(timeout=300)
    assert build.returncode == 130
    assert "interrupted: nothing was published from this build" in stderr
    assert "Traceback" not in stderr
    assert not (out / SAMPLE_ID).exists()


def test_a_truncated_catalog_lists_every_message_it_lacks(sample_project: Path) -> None:
    path = sample_project / PO
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"\n\n", 0, 3000) + 1])  # whole entries, then none
    build = run(["build", "--format", "html", "--out", "dist"], cwd=sample_project)
    assert build.exit_code == 1
    assert "'For immediate release' is not in the catalog: run 'wwc-press i18n update'" in (
        build.stderr
    )
    # Every entry it lacks, each on a line of its own under the count.
    found = re.search(r"error: (\d+) catalog entries are not ready:\n", build.stderr)
    assert found
    listed = build.stderr[found.end() :].strip().splitlines()
    assert int(found[1]) == len(listed) and len(listed) > 10


# What an adversarial sweep found after the first round of fixes, one case each.
ONE_CITY = "    - {name: Rosario, country: AR, level: gold}\n"


@pytest.mark.parametrize("out", ["templates", ".", "..", "/"])
def test_out_may_not_be_the_project_or_its_sources(sample_project: Path, out: str) -> None:
    result = run(["build", "--format", "html", "--out", out], cwd=sample_project)
    assert result.exit_code == 2 and "choose another folder" in result.stderr
    assert (
        (sample_project / "templates" / "index.html")
        .read_text("utf-8")
        .startswith("<!DOCTYPE html>\n<html")
    )  # the source template is untouched


def test_an_id_taken_by_a_file_not_named_is_refused(sample_project: Path) -> None:
    path = _write(sample_project, f"id: {SAMPLE_ID}\ntotal_certified: 90\n" + HEAD + ONE_CITY)
    result = run(["build", str(path), "--format", "html", "--out", "dist"], cwd=sample_project)
    assert result.exit_code == 2
    assert f"id '{SAMPLE_ID}' is the id of" in result.stderr
    assert not (sample_project / "dist").exists()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('headline: {en: "a\\0b"}\n', "x.yaml:1:16: control character U+0000 in a text"),
        ("# \x1b]0;x\x07\n", "x.yaml:1:3: control character U+001B is not allowed"),
        ("embargo: 0001-01-01T00:00:00Z\n", "the year 1 is outside 1900-2999"),
        ("embargo: 1700000000\n", "'1700000000' is a number: write the embargo as a date"),
        ("id: " + "a" * 300 + "\n", "'id' is 300 characters long: at most 100"),
    ],
)
def test_texts_dates_and_ids_that_would_break_a_build_are_refused(project, text, said) -> None:
    _write(project, text + "total_certified: 90\n" + HEAD + ONE_CITY)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2 and said in result.stderr


def test_a_long_headline_and_a_domain_in_its_own_script_build(project: Path) -> None:
    import email
    from email import policy

    headline = "Rosario " + "gana " * 60  # 308 characters: over Word's 255 for a title
    _write(project, f"languages: [en]\ntotal_certified: 90\nheadline: {{en: {headline}}}\n"
           "contacts:\n  - {name: Prensa, email: prensa@municipalidad.ñandú.ar}\n"
           + HEAD + ONE_CITY)  # fmt: skip
    args = ["build", "--only", "release", "--format", "docx", "--format", "eml", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    raw = (project / "dist" / "x" / "en" / "press-release.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    assert "prensa@municipalidad.xn--and-6ma2c.ar" in message["Reply-To"]


def test_a_catalog_string_without_its_closing_quote_is_said(sample_project: Path) -> None:
    path = sample_project / PO
    path.write_text(_spoil(path.read_text("utf-8"), 'msgstr "Fin del comunicado"',
                           'msgstr "Fin del comunicado'), "utf-8")  # fmt: skip
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    assert re.search(rf"{PO}:\d+:1: a string without its closing quote", result.stderr)


def test_a_glossary_pattern_that_does_not_compile_is_said_at_its_line(
    sample_project: Path,
) -> None:
    path = sample_project / "glossary.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("pattern: '\\bPlatinum\\b'", "pattern: '(unclosed'", 1))
    line = (
        path.read_text("utf-8")
        .splitlines()
        .index(next(x for x in path.read_text("utf-8").splitlines() if "(unclosed" in x))
        + 1
    )
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 2
    assert f"glossary.yaml:{line}:" in result.stderr and "is not a pattern" in result.stderr


def test_an_approver_must_have_a_name(sample_project: Path) -> None:
    for name in ("", "   ", "Ana\x1b]0;x\x07", "A" * 201):
        result = run(["approve", str(SAMPLE.name and f"announcements/{SAMPLE.name}"), "--lang",
                      "es", "--by", name], cwd=sample_project)  # fmt: skip
        assert result.exit_code == 2, name
    assert not (sample_project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").exists()


def test_a_language_without_a_media_contact_fails_check(sample_project: Path) -> None:
    path = sample_project / "announcements" / f"{SAMPLE_ID}.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "quotes:", "contacts:\n  en:\n    - {name: Press, email: press@results4america.org}\n"
        "quotes:", 1), "utf-8")  # fmt: skip
    result = run(["check"], cwd=sample_project)
    assert result.exit_code == 1
    assert "the es outputs have no media contact" in result.stderr
    assert "the pt-BR outputs have no media contact" in result.stderr


@pytest.mark.parametrize(("name", "data"), [("bad.png", b"\x89PNG\r\n\x1a\n garbage"),
                                            ("bad.svg", b"<svg><g></svg>")])  # fmt: skip
def test_a_damaged_logo_is_refused_by_validate(sample_project: Path, name, data) -> None:
    (sample_project / "logos").mkdir()
    (sample_project / "logos" / name).write_bytes(data)
    settings = sample_project / "wwc-press.yaml"
    settings.write_text(settings.read_text("utf-8") + f"logos:\n  - {{file: {name}, alt: "
                        "{en: Logo, es: Logo, pt-BR: Logo, fr-CA: Logo}}\n", "utf-8")  # fmt: skip
    result = run(["validate"], cwd=sample_project)
    assert result.exit_code == 2
    assert f"logos/{name}: not a" in result.stderr and "export it again" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("    total: 74\n", "    total: 5\n",
         "total 5 is below the 62 certified before this round and its 12 new cities"),
        ("countries: [US, CO, AR, MX, BR]", "countries: [US, CO, AR, MX, BR, ZZ]",
         "unknown country 'ZZ'"),
    ],
)  # fmt: skip
def test_roster_mistakes_in_the_settings_are_said_at_their_line(project, old, new, said) -> None:
    import shutil

    for name in ("2023-06-international.yaml", "2024-06-international.yaml"):
        shutil.copy(ROOT / "announcements" / name, project / "announcements")
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8")
    assert old in text
    settings.write_text(text.replace(old, new), "utf-8")
    line = next(i for i, x in enumerate(settings.read_text().splitlines(), 1) if new.strip() in x)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert f"wwc-press.yaml:{line}:" in result.stderr and said in result.stderr
    assert result.stderr.count(said) == 1  # once, though two files are judged against it


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('date: "2026-01-20"\n', "'date' is a date written as text: remove the quotes"),
        ("contacts:\n  - {name: X, email: bad}\n",
         "x.yaml:2:22: 'bad' is not an e-mail address like press@example.org"),
    ],
)  # fmt: skip
def test_messages_point_the_right_way(project: Path, text: str, said: str) -> None:
    body = HEAD.replace("date: 2024-01-01\n", "")
    if not text.startswith("date"):
        body = "date: 2024-01-01\n" + body
    _write(project, text + body.replace("cities:", "total_certified: 90\ncities:") + ONE_CITY)
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2 and said in result.stderr
    assert "dict[" not in result.stderr and "should match pattern" not in result.stderr


def test_a_house_style_choice_is_named_as_a_choice(sample_project: Path) -> None:
    settings = sample_project / "wwc-press.yaml"
    text = settings.read_text("utf-8")
    old = "  en: {serial_comma: false, state_names: full}"
    assert old in text
    settings.write_text(text.replace(old, old.replace("full", "fancy")), "utf-8")
    result = run(["validate"], cwd=sample_project)
    assert result.exit_code == 2
    assert "'state_names' cannot be 'fancy': expected full, ap or postal" in result.stderr
