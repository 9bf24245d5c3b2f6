"""Logos that would cost gigabytes, crash a writer or carry a file from outside the project
into dist/ are refused at validate, at their line of the settings, with the limit."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import run

ANNOUNCEMENT = """\
date: 2024-01-01
languages: [en]
total_certified: 90
cities:
  new:
    - {name: Tulsa, region: OK, country: US, level: gold}
"""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _claimed(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels in a few bytes (its data is one row)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit grey
    row = zlib.compress(b"\0" * (width // 8 + 1))
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", row) + _chunk(b"IEND", b"")
    )


def _png(**save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, "PNG", **save)
    return buffer.getvalue()


def _with_logo(project: Path, name: str) -> None:
    settings = project / "wwc-press.yaml"
    alt = "{en: Partner, es: Socio, pt-BR: Parceiro, fr-CA: Partenaire}"
    settings.write_text(settings.read_text("utf-8") + f"logos:\n  - {{file: {name}, alt: {alt}}}\n")
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")


def _logo_line(project: Path) -> int:
    return (project / "wwc-press.yaml").read_text("utf-8").splitlines().index("logos:") + 2


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (_claimed(20_000, 20_000), "too many pixels: a logo may be at most 4,000 pixels a side"),
        (_claimed(10_000, 10_000), "too many pixels: a logo may be at most 4,000 pixels a side"),
        (_claimed(5_000, 300), "5,000×300 pixels: a logo may be at most 4,000 pixels a side"),
        (_png(dpi=(0.0254, 0.0254)), "a resolution of 0.0254 dots per inch"),
    ],
    ids=["decompression bomb", "10000 square", "too wide", "1 pixel per metre"],
)
def test_a_png_that_would_cost_too_much_or_crash_is_refused(project: Path, data, said) -> None:
    (project / "logos").mkdir()
    (project / "logos" / "partner.png").write_bytes(data)
    _with_logo(project, "partner.png")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2, result.output
    assert f"wwc-press.yaml:{_logo_line(project)}:" in result.stderr
    assert "logos/partner.png: " + said in result.stderr


def test_a_link_to_a_file_outside_the_project_is_refused(project: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    outside.write_bytes(_png())
    (project / "logos").mkdir()
    (project / "logos" / "partner.png").symlink_to(outside)
    _with_logo(project, "partner.png")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2, result.output
    assert f"wwc-press.yaml:{_logo_line(project)}:" in result.stderr
    assert "outside the project's logos/" in result.stderr


def test_a_sound_logo_passes(project: Path) -> None:
    (project / "logos").mkdir()
    (project / "logos" / "partner.png").write_bytes(_png(dpi=(300, 300)))
    _with_logo(project, "partner.png")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 0, result.output


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"{attr}>{body}</svg>'


@pytest.mark.parametrize(
    ("svg", "said"),
    [
        (SVG.format(attr="", body="<script>alert(2)</script>"), "an SVG with <script>"),
        (SVG.format(attr=' onload="alert(1)"', body=""), "an SVG with the attribute onload"),
        (SVG.format(attr="", body="<foreignObject><p>x</p></foreignObject>"),
         "an SVG with <foreignObject>"),
    ],
    ids=["script", "event handler", "embedded page"],
)  # fmt: skip
def test_an_svg_logo_that_would_run_a_script_is_refused(project: Path, svg: str, said) -> None:
    """The logo is copied as it is into dist/ and served beside the review page's forms."""
    (project / "logos").mkdir()
    (project / "logos" / "partner.svg").write_text(svg, "utf-8")
    _with_logo(project, "partner.svg")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2, result.output
    assert f"wwc-press.yaml:{_logo_line(project)}:" in result.stderr
    assert said in result.stderr


def test_a_plain_svg_logo_passes(project: Path) -> None:
    (project / "logos").mkdir()
    (project / "logos" / "partner.svg").write_text(
        SVG.format(attr="", body='<rect width="10" height="10" fill="navy"/>'), "utf-8"
    )
    _with_logo(project, "partner.svg")
    assert run(["validate"], cwd=project).exit_code == 0
