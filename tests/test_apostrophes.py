"""English prints every apostrophe as the tool's own texts do, ’, the file's keyboard ones too:
an AP desk read "residents' reports" beside "program’s" and curly quotation marks in every
format, and "[Mayor's quote]" in the city's Word file (now the name of its slot's style and
the comment on it). Read in the wire text, the Word file and
the PDF of an AP release (from the United States) and of a CP one (a Canadian city's)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import build_round, mayor_slot, pdf_text

ROUND = """\
date: 2031-05-06
total_certified: 130
languages: [en]
cities:
  new:
    - {name: Tulsa, region: OK, country: US, level: gold}
    - {name: Regina, region: SK, country: CA, level: silver}
highlights:
  - text:
      en: >-
        Tulsa mapped every pothole from residents' reports, and Regina's council, whose data
        goes back to the '90s, publishes the cities' targets.
quotes:
  - speaker: Rochelle Haynes
    releases: [new]
    role: {en: managing director of What Works Cities Certification}
    text:
      en: >-
        Our cities' leaders told us, 'Show us the evidence,' and these councils' results do.
"""
# The quote, as AP and CP print it: a plural's possessive, a quotation within the quotation.
QUOTE = "“Our cities’ leaders told us, ‘Show us the evidence,’ and these councils’ results do,”"
HIGHLIGHT = "from residents’ reports, and Regina’s council, whose data goes back to the ’90s"
# The program's release (AP), Tulsa's (AP) and Regina's (CP: "per cent", -30-).
OUTPUTS = {"press-release": [QUOTE, HIGHLIGHT], "cities/tulsa-ok-us": [QUOTE],
           "cities/regina-sk-ca": [QUOTE, "per cent"]}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("apostrophes")
    return build_round(root, "ap", ROUND, ["pdf", "txt", "docx"]) / "en"


def _texts(output: Path) -> dict[str, str]:
    document = docx.Document(output.with_suffix(".docx"))
    return {
        "txt": output.with_suffix(".txt").read_text("utf-8"),
        "docx": "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " "),
        "pdf": pdf_text(output.with_suffix(".pdf")),
    }


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_english_prints_no_straight_apostrophe(built: Path, name: str) -> None:
    for kind, text in _texts(built / name).items():
        assert "'" not in text, (kind, text[text.find("'") - 40 : text.find("'") + 40])
        for expected in OUTPUTS[name]:
            assert expected in text, (kind, expected)


@pytest.mark.parametrize("name", ["tulsa-ok-us", "regina-sk-ca"])
def test_the_word_slot_for_the_mayors_quote_says_mayor_s_with_an_apostrophe(
    built: Path, name: str
) -> None:
    slot, comments = mayor_slot(built / "cities" / f"{name}.docx")
    # The slot's style and the comment that says what goes there: both read by the editor.
    assert comments == ["Mayor’s quote"] and slot.style.name == "Mayor’s quote"
