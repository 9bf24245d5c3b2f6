"""Word: a translated name for the mayor's-quote style may be one of Word's own styles or
ours; the file is still written, with its own style for the slot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import edit_catalog, run

ANNOUNCEMENT = """\
date: 2024-01-01
languages: [en, pt-BR]
total_certified: 90
cities:
  new:
    - {name: Fortaleza, region: CE, country: BR, level: gold}
"""


@pytest.mark.parametrize("name", ["Quote", "title", "Intense Quote", "Embargo"])
def test_a_slot_style_named_as_a_word_style_gets_a_name_of_its_own(project: Path, name) -> None:
    import docx

    def change(catalog) -> None:
        catalog.get("Mayor's quote", context="slot").string = name

    edit_catalog(project, "pt_BR", change)
    (project / "announcements" / "x.yaml").write_text(ANNOUNCEMENT, "utf-8")
    args = ["build", "--lang", "pt-BR", "--only", "cities", "--format", "docx", "--out", "dist"]
    result = run(args, cwd=project)
    assert result.exit_code == 0, result.output
    document = docx.Document(io.BytesIO(
        (project / "dist" / "x" / "pt-BR" / "cities" / "fortaleza-ce-br.docx").read_bytes()
    ))  # fmt: skip
    slots = [p for p in document.paragraphs if "mayor_quote" in p._p.xml]
    assert len(slots) == 1
    assert slots[0].style.name.casefold() == f"{name} 2".casefold()
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert all("mayor_quote" not in p._p.xml for p in quotes)
