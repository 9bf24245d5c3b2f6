"""E-mail addresses are what the mail headers carry as written: the standard library's parser
reads them whole, or they are refused at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

HEAD = "date: 2024-01-01\nlanguages: [en]\ntotal_certified: 90\ncontacts:\n"
CITY = "cities:\n  new:\n    - {name: Tulsa, region: OK, country: US, level: gold}\n"


@pytest.mark.parametrize(
    "address",
    ["press@results4america.org>,x", 'a"b(c)<d>@ex.org', "c@exa(mple).org", "ñ@results4america.org",
     "press@localhost", "press @results4america.org"],
)  # fmt: skip
def test_an_address_that_makes_a_malformed_header_is_refused(project: Path, address) -> None:
    quoted = address.replace("\\", "\\\\").replace('"', '\\"')
    text = HEAD + f'  - {{name: Press, email: "{quoted}"}}\n' + CITY
    (project / "announcements" / "x.yaml").write_text(text, "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "x.yaml:5:" in result.stderr
    assert f"'{address}' is not an e-mail address" in result.stderr


@pytest.mark.parametrize(
    "address", ["press@results4america.org", "prensa@municipalidad.ñandú.ar", "a.b+c@ex.org"]
)
def test_an_address_the_parser_reads_whole_is_accepted(project: Path, address) -> None:
    text = HEAD + f'  - {{name: Press, email: "{address}"}}\n' + CITY
    (project / "announcements" / "x.yaml").write_text(text, "utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 0, result.output
