"""A contact's words are a signature and the From of the e-mail: they follow the rules of a name
(at most 200 characters, no invisible or format character), each refused at its line, and an
address the e-mail could not carry is refused at validate rather than dropped from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

HEAD = "date: 2024-01-01\nlanguages: [en, es]\ntotal_certified: 90\ncontacts:\n"
CITIES = "cities:\n  new:\n    - {name: Tulsa, region: OK, country: US, level: gold}\n"
GOOD = {
    "name": '"Ana Silva"',
    "title": "Press officer",
    "organization": "Results for America",
    "email": "ana@results4america.org",
    "phone": '"+1 202 456 1111"',
}


def _write(project: Path, **given: str) -> None:
    """One contact (line 5 onwards, one key a line in GOOD's order), then a city."""
    keys = {**GOOD, **given}
    contact = "  - " + "\n    ".join(f"{key}: {value}" for key, value in keys.items()) + "\n"
    (project / "announcements" / "x.yaml").write_text(HEAD + contact + CITIES, "utf-8")


def _refused(project: Path) -> str:
    """The build's errors: exit 2 and nothing written."""
    result = run(["build", "--format", "txt", "--out", "dist"], cwd=project)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (project / "dist").exists()
    return result.stderr


LINES = {"name": 5, "title": 6, "organization": 7, "email": 8, "phone": 9}


@pytest.mark.parametrize("key", ["name", "title", "organization", "phone"])
@pytest.mark.parametrize("mark", ["\u200b", "\ufeff", "\u202e", "\u00ad", "\U000e0041"])
def test_an_invisible_character_in_a_contacts_words_is_refused_at_its_line(
    project: Path, key: str, mark: str
) -> None:
    value = GOOD[key].strip('"')
    _write(project, **{key: f'"{value[:3]}{mark}{value[3:]}"'})
    stderr = _refused(project)
    assert f"x.yaml:{LINES[key]}:" in stderr
    assert f"invisible character, U+{ord(mark):04X}" in stderr


def test_an_invisible_character_in_one_language_is_refused_at_that_languages_line(
    project: Path,
) -> None:
    _write(project, organization='\n      en: "Results for America"\n      es: "Results\u202efor"')
    stderr = _refused(project)
    assert "x.yaml:9:11: 'Results\\u202efor' holds an invisible character, U+202E" in stderr
    assert stderr.count("x.yaml:") == 1  # the mapping is no wrong text besides


@pytest.mark.parametrize("key", ["name", "title", "organization"])
def test_a_contacts_words_longer_than_a_name_are_refused_with_the_limit(
    project: Path, key: str
) -> None:
    _write(project, **{key: "A" * 150 + " " + "B" * 60})
    stderr = _refused(project)
    assert f"x.yaml:{LINES[key]}:" in stderr
    assert f"'{key}' is 211 characters long: at most 200" in stderr


def test_words_as_long_as_a_name_may_be_are_accepted(project: Path) -> None:
    _write(project, name="A" * 200, organization="{en: " + "O" * 200 + ", es: Resultados}")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "address, domain",
    [
        ("press@" + "a" * 64 + ".org", "a" * 64 + ".org"),  # a label past 63 octets
        ("press@" + "ã" * 60 + ".org", "ã" * 60 + ".org"),  # 63 characters, but not as IDNA
    ],
)
def test_a_domain_idna_refuses_is_refused_at_validate_not_dropped_from_the_mail(
    project: Path, address: str, domain: str
) -> None:
    _write(project, email=address)
    stderr = _refused(project)
    assert f"x.yaml:8:12: '{domain}' is not a domain a mail server can reach" in stderr


def test_an_address_longer_than_mail_servers_take_is_refused(project: Path) -> None:
    labels = ".".join(["a" * 60] * 3 + ["a" * 62])  # every label fits; the whole does not
    _write(project, email=f"press@{labels}.org")
    stderr = _refused(project)
    assert "x.yaml:8:12: an e-mail address of 255 characters: mail servers take at most 254" in (
        stderr
    )
