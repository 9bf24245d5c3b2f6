"""The project file ``wwc-press.yaml``: who publishes, where from, in which languages."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from . import loader
from .errors import InputError, Problem
from .model import LANGUAGES, Contact, Language, Place, Record, Round, Text, Zone
from .style import HouseStyle
from .validate import parse

SETTINGS_FILE = "wwc-press.yaml"


class Settings(Record):
    organization: Text = Field(description="the publisher, named in the lead and the header")
    partner: Text | None = Field(None, description="the program's funder, named in About")
    program: Text = Field(description="the program's name, a brand kept in every language")
    website: Text
    languages: list[Language] = Field(default_factory=lambda: list(LANGUAGES), min_length=1)
    dateline: Place
    timezone: Zone = Field(
        "America/New_York", description="IANA zone of the dateline, used to name embargo times"
    )
    contacts: list[Contact] = Field(default_factory=list)
    roster: list[Round] = Field(
        default_factory=list,
        description="rounds that are not files of the project: a baseline, past rounds",
    )
    style: dict[Language, HouseStyle] = Field(
        default_factory=dict, description="house style per language (README: House style)"
    )


def load_settings(root: Path) -> Settings:
    """Read the project file at ``root``; InputError names each problem in it."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        message = f"no {SETTINGS_FILE} here: run wwc-press in the project folder that holds it"
        raise InputError([Problem(path, 1, 1, message)])
    return parse(loader.load(path), Settings)
