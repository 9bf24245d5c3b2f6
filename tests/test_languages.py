"""The language profiles as the rest of the project reads them."""

from __future__ import annotations

import re
import subprocess

import pytest

from wwc_press.languages import PROFILES, profile

from conftest import ROOT


def test_make_installs_the_dictionary_of_every_profile() -> None:
    """The Makefile reads each profile's hunspell package from its source, before any virtual
    environment exists: a new profile's dictionary is installed with nothing else to edit."""
    database = subprocess.run(
        ["make", "--no-print-directory", "-p", "-n", "system-deps"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.search(r"^SYSTEM_PACKAGES := (.*)$", database, re.M)
    assert found, "the Makefile defines SYSTEM_PACKAGES"
    wanted = {rules.dictionary_package for rules in PROFILES.values()}
    assert wanted <= set(found.group(1).split())


def test_a_name_keeps_its_article_after_a_colon() -> None:
    """A Subject's headline after the embargo's colon: lower case in Spanish and Portuguese save
    a name, its article too ("La Serena obtiene", not "la Serena": Spanish desk, reading 17);
    an article before a name is no acronym ("o Recife conquista")."""
    from wwc_press.languages import profile

    spanish, portuguese = profile("es"), profile("pt-BR")
    assert spanish.after_colon("La Serena obtiene", ["La Serena"]) == "La Serena obtiene"
    assert spanish.after_colon("Las Condes renueva", ["Las Condes"]) == "Las Condes renueva"
    assert spanish.after_colon("Doce ciudades obtienen", ["La Serena"]) == "doce ciudades obtienen"
    assert portuguese.after_colon("O Recife conquista", ["Recife"]) == "o Recife conquista"
    assert profile("en").after_colon("Nine cities earn", []) == "Nine cities earn"


@pytest.mark.parametrize(
    ("tag", "text", "expected"),
    [
        # The article the tool gave a name, contracted before it or its lower-case noun ...
        ("es", "a las 9:00 en el condado de Pima, de el Condado de Wake", "del Condado de Wake"),
        ("es", "datos de el condado de Pima", "datos del condado de Pima"),
        ("pt-BR", "às 11h em o Cabo de Santo Agostinho", "às 11h no Cabo de Santo Agostinho"),
        ("pt-BR", "a a Cidade do México e de o condado de Pima", "à Cidade do México e do condado"),
        ("fr-CA", "à le Canton de Hatley, de le comté de Kings", "au Canton de Hatley, du comté"),
        # ... never a name's own article, nor a pronoun.
        ("es", "de El Salvador", "de El Salvador"),
        ("pt-BR", "de O Globo", "de O Globo"),
        ("fr-CA", "afin de le faire", "afin de le faire"),
    ],
)
def test_a_preposition_and_a_names_article_are_contracted(
    tag: str, text: str, expected: str
) -> None:
    assert expected in profile(tag).typography(text)
