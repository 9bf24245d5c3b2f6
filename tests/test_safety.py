"""Failed builds write nothing, hostile text stays text, no file or network is fetched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from wwc_press import publish
from wwc_press.errors import RenderError

from conftest import ROOT, SAMPLE_ID, pdf_text, run

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    "{{ 7*7 }}",
    "{% raw %}",
    "</style><b>bold</b>",
    "%(organization)s",
]


def _hostile_announcement() -> str:
    def text(value: str) -> str:
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'{{en: "{quoted}", es: "{quoted}", pt-BR: "{quoted}"}}'

    joined = " ".join(HOSTILE)
    speaker = HOSTILE[1].replace('"', '\\"')
    return f"""\
date: 2024-03-05
cities:
  new:
    - name: "Town <b>{{{{ 7*7 }}}}</b>"
      country: US
      level: gold
headline: {text(HOSTILE[0] + " " + HOSTILE[3])}
subheadline: {text(HOSTILE[5])}
highlights:
  - city: "Town <b>{{{{ 7*7 }}}}</b>"
    text: {text(joined)}
quotes:
  - speaker: "{speaker}"
    role: {text(HOSTILE[4] + " " + HOSTILE[6])}
    text: {text(HOSTILE[2])}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "evil.yaml").write_text(_hostile_announcement(), encoding="utf-8")
    result = run(["build", str(root / "evil.yaml"), "--lang", "en", "--out", str(root)])
    assert result.exit_code == 0, result.output
    return root / "evil" / "en"


def test_hostile_text_prints_as_typed_in_the_pdf(hostile: Path) -> None:
    text = pdf_text(hostile / "press-release.pdf")
    for value in HOSTILE:
        assert value in text
    assert "Town <b>{{ 7*7 }}</b>" in text
    assert "49" not in text


def test_hostile_text_is_escaped_in_the_html(hostile: Path) -> None:
    html = (hostile / "press-release.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Ours, in the head: the JSON-LD (its text escaped for the element) and the styles.
    assert html.count("<script") == 1 and '<script type="application/ld+json">' in html
    assert "<img" not in html and "<b>" not in html
    assert html.count("</style>") == html.split("</head>")[0].count("</style>") <= 2
    assert "{{ 7*7 }}" in html


def test_pdf_has_no_attachment_or_fetched_file(hostile: Path) -> None:
    reader = pypdf.PdfReader(hostile / "press-release.pdf")
    assert reader.metadata is not None
    assert reader.metadata["/Title"] == f"{HOSTILE[0]} {HOSTILE[3]}"  # metadata is text too
    assert reader.metadata["/Subject"] == HOSTILE[5]
    assert "/Names" not in reader.trailer["/Root"] or (
        "/EmbeddedFiles" not in reader.trailer["/Root"]["/Names"]
    )
    assert "root:x:0:0" not in pdf_text(hostile / "press-release.pdf")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "https://example.com/font.ttf",
        "ftp://example.com/x",
        (ROOT / "templates" / ".." / "wwc-press.yaml").as_uri(),
    ],
)
def test_fetcher_refuses_everything_but_templates(url: str) -> None:
    fetcher = publish._fetcher_class()(ROOT / "templates")
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)


def test_fetcher_opens_templates_and_data_urls() -> None:
    fetcher = publish._fetcher_class()(ROOT / "templates")
    font = fetcher.fetch((ROOT / "templates" / "fonts" / "Lato-Regular.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_a_document_that_reaches_for_a_file_fails_to_render() -> None:
    html = '<html><body><img src="file:///etc/passwd" alt="x"></body></html>'
    with pytest.raises(RenderError, match="refused to fetch file:///etc/passwd"):
        publish.pdf_bytes(html, ROOT / "templates")


SAMPLE = ROOT / "announcements" / f"{SAMPLE_ID}.yaml"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _copy_of(sample: Path, out: Path) -> dict[str, bytes]:
    """The session's build of the sample, copied into ``out`` as a build would leave it."""
    shutil.copytree(sample, out / SAMPLE_ID)
    return _files(out / SAMPLE_ID)


@pytest.mark.parametrize("failure", [RenderError("boom"), KeyboardInterrupt()])
def test_failed_rebuild_leaves_the_last_good_output(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    before = _copy_of(sample, tmp_path)
    calls = []

    def fail_on_second(html: str, templates: Path) -> bytes:
        calls.append(html)
        if len(calls) == 2:
            raise failure
        return b"%PDF-not-this-one"

    monkeypatch.setattr(publish, "pdf_bytes", fail_on_second)
    with pytest.raises(type(failure)):
        from wwc_press.build import build
        from wwc_press.project import Project

        project = Project(ROOT)
        (tmp_path / SAMPLE_ID / ".wwc-cache.json").unlink()  # so that everything is redone
        build(project, project.load([SAMPLE]), tmp_path, jobs=1)
    assert len(calls) == 2, "the second PDF failed"
    after = _files(tmp_path / SAMPLE_ID)
    assert after == {name: data for name, data in before.items() if name != ".wwc-cache.json"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [
        f".{SAMPLE_ID}.lock"
    ], "no staging folder is left behind"


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path: Path) -> None:
    # --force: the second build must really render, not find the first one's output up to date.
    command = [sys.executable, "-m", "wwc_press", "build", str(SAMPLE), "--force", "--lang",
               "en", "--only", "release", "--format", "pdf", "--format", "html", "--out",
               str(tmp_path)]  # fmt: skip
    builds = [subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE) for _ in range(2)]
    for process in builds:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    folder = tmp_path / SAMPLE_ID
    assert len(pypdf.PdfReader(folder / "en" / "press-release.pdf").pages) == 2
    assert "</html>" in (folder / "en" / "press-release.html").read_text("utf-8")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f".{SAMPLE_ID}.lock", SAMPLE_ID, "index.html"]  # no staging folder left


def test_killed_build_leftovers_are_cleared_by_the_next(tmp_path: Path) -> None:
    leftover = tmp_path / f".{SAMPLE_ID}.building-abc123"
    leftover.mkdir(parents=True)
    (leftover / "half.pdf").write_bytes(b"%PDF-1.7 trunc")
    args = ["build", str(SAMPLE), "--lang", "en", "--format", "html", "--out", str(tmp_path)]
    assert run(args).exit_code == 0
    assert not leftover.exists()
    assert (tmp_path / SAMPLE_ID / "en" / "press-release.html").is_file()


def test_every_output_is_byte_identical_across_builds(sample: Path, tmp_path: Path) -> None:
    # The session's build and a second one, every format of every output.
    assert run(["build", str(SAMPLE), "--out", str(tmp_path)]).exit_code == 0
    first, second = _files(sample), _files(tmp_path / SAMPLE_ID)
    assert len(first) > 200 and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_build_killed_between_its_two_renames_is_restored(sample: Path, tmp_path: Path) -> None:
    old = tmp_path / f".{SAMPLE_ID}.old-x1y2"
    old.mkdir()
    _copy_of(sample, old)  # the state a kill between the renames leaves
    folder = tmp_path / SAMPLE_ID
    assert not folder.exists()
    result = run(["validate"])
    assert result.exit_code == 0
    from wwc_press.publish import locked

    with locked(tmp_path, SAMPLE_ID):
        pass
    assert (folder / "en" / "press-release.pdf").is_file()
    assert not old.exists()


def test_outputs_of_a_removed_city_are_removed(project: Path) -> None:
    source = (ROOT / "announcements" / f"{SAMPLE_ID}.yaml").read_text("utf-8")
    path = project / "announcements" / f"{SAMPLE_ID}.yaml"
    path.write_text(source, "utf-8")
    assert run(["build", "--format", "html", "--out", "dist"], cwd=project).exit_code == 0
    folder = project / "dist" / SAMPLE_ID
    assert (folder / "en" / "cities" / "denver-co-us.html").is_file()
    path.write_text(source.replace("    - {name: Denver, region: CO, country: US, level: silver}\n",
                                   ""), "utf-8")  # fmt: skip
    assert run(["build", "--format", "html", "--out", "dist"], cwd=project).exit_code == 0
    assert not (folder / "en" / "cities" / "denver-co-us.html").exists()
    assert "denver" not in (folder / "index.html").read_text("utf-8")


def test_a_missing_font_fails_the_build_instead_of_falling_back(project: Path) -> None:
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    (project / "templates" / "fonts" / "Lato-Bold.ttf").unlink()
    args = ["build", "--only", "release", "--lang", "en", "--format", "pdf", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 1
    assert "Font-face 'Lato' cannot be loaded" in result.stderr
    assert not (project / "dist" / SAMPLE_ID).exists()
    for font in (project / "templates" / "fonts").glob("*.ttf"):
        font.unlink()
    result = run(["validate"], cwd=project)
    assert result.exit_code == 1
    assert "no .ttf font here" in result.stderr
