"""Logos as PNG for the formats that cannot take SVG (Word; most mail clients).

A PNG logo is used as it is. An SVG logo is drawn by WeasyPrint, through the same fetcher that
limits rendering to the templates and ``logos/``, rasterized by pypdfium2 on a transparent
ground and cropped to what it draws.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from .. import publish

HEIGHT = 240  # pixels: sharp at the 1.2 cm the Word file prints it, and on a high-DPI screen


def logo_png(path: Path, templates: Path) -> bytes:
    """The logo as PNG; drawn once per version of its file, not once per output."""
    if path.suffix.lower() == ".png":
        return path.read_bytes()
    stat = path.stat()
    return _drawn(path, stat.st_mtime_ns, stat.st_size, templates)


@cache
def _drawn(path: Path, mtime: int, size: int, templates: Path) -> bytes:
    import pypdfium2

    html = (
        "<html><head><style>"
        f"@page {{ size: {HEIGHT * 16}px {HEIGHT}px; margin: 0 }} body {{ margin: 0 }} "
        f"img {{ height: {HEIGHT}px; display: block }}"
        f'</style></head><body><img src="{path.resolve().as_uri()}" alt=""></body></html>'
    )
    document = pypdfium2.PdfDocument(publish.pdf_bytes(html, templates, tagged=False))
    try:
        image = document[0].render(scale=96 / 72, fill_color=(255, 255, 255, 0)).to_pil()
    finally:
        document.close()
    box = image.getchannel("A").getbbox() if image.mode == "RGBA" else image.getbbox()
    if box:
        image = image.crop(box)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()
