"""The language profiles as the rest of the project reads them."""

from __future__ import annotations

import re
import subprocess

from wwc_press.languages import PROFILES

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
