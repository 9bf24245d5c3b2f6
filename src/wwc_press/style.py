"""The house-style settings that press offices change, per language (``style:`` in the project
file). The rules newsrooms follow that CLDR (and so Babel) does not know are each language's
profile's (``wwc_press.languages``), which cites its manual and applies them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .model import Record


class HouseStyle(Record):
    """The choices press offices differ on, per language in the project file (``style:``).

    The defaults follow each language's manual (AP for English): change them only for a house
    style that differs.
    """

    serial_comma: bool = Field(False, description="a comma before the last 'and' of a series")
    state_names: Literal["full", "ap", "postal"] = Field(
        "full", description="US states in body text: California, Calif. or CA"
    )
    dateline_states: Literal["full", "ap", "postal"] | None = Field(
        None, description="US states in datelines; default: AP in English, full elsewhere"
    )
    numbers_in_words_up_to: int | None = Field(
        None, ge=-1, le=99, description="default: 9 (en, es), 10 (pt-BR); -1: always figures"
    )
