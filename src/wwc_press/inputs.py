"""The values an input file holds, each a type that validates itself and words its failures:
a language, a level, a text, a name, a count, a date, a country, a region, a time zone, an
e-mail address. ``model`` builds the file's records from them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    StringConstraints,
)
from pydantic import Strict as StrictType

from .errors import invisible
from .languages import REGISTRY
from .wording import FIELD, did_you_mean, one_of, worded

# The languages are those with a profile (wwc_press.languages), in the registry's order.
LANGUAGES: tuple[str, ...] = tuple(REGISTRY)
LEVELS = ("silver", "gold", "platinum")  # lowest first: an upgrade goes right


def _unknown(what: str, options: tuple[str, ...]) -> Callable[[object, str], str]:
    """The words for a value that is none of ``options``: a language, a level."""
    return lambda value, _: (
        f"unknown {what} '{value}': expected {one_of(options)}" + did_you_mean(value, options)
    )


Language = Annotated[Literal[LANGUAGES], worded(_unknown("language", LANGUAGES))]  # type: ignore[valid-type]
Level = Annotated[Literal["silver", "gold", "platinum"], worded(_unknown("level", LEVELS))]


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Limits far above any real announcement (the largest real round has 21 new cities; the
# program's roster is in the hundreds), so that a hostile file is refused before it costs
# minutes and gigabytes. The loader holds those it can check before parsing (loader.py).
MAX_COUNT = 1_000_000  # certified cities to date, cities in a round
MAX_NAME = 200  # characters in a place's or a person's name


def _visible(name: str) -> str:
    """A name shows every character it has: an invisible one makes a look-alike of another."""
    found = invisible(name)
    if found is not None:
        what = unicodedata.name(found, "a format character")
        raise ValueError(f"'{name}' holds an invisible character, U+{ord(found):04X} ({what}): "
                         "delete it, or the name is another name that looks the same")  # fmt: skip
    return name


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME),
    AfterValidator(_visible),
]
Spelling = Annotated[Text, AfterValidator(_visible)]  # a place's name as a language writes it
Count = Annotated[int, StrictType(), Field(ge=0, le=MAX_COUNT)]
MAX_ID = 100  # characters of an id, a folder's name under dist/
YEARS = (1900, 2999)  # a release's date and embargo: converting far years across zones overflows


def _plausible_year(value: dt.date) -> dt.date:
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ValueError(f"the year {value.year} is outside {YEARS[0]}-{YEARS[1]}: check the date")
    return value


def _plausible_month(month: str) -> str:
    """A round's month ("2024-01") in the years of a release's date."""
    year = int(month[:4])
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValueError(f"the year {year} is outside {YEARS[0]}-{YEARS[1]}: check the date")
    return month


def _not_a_number(value: object) -> object:
    """YAML reads 1700000000 as a number, which pydantic would take as seconds since 1970."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"'{value}' is a number: write the embargo as a date and time with its offset, "
            "like 2023-06-21T10:00:00-04:00"
        )
    return value


def _not_a_date(value: object, kind: str) -> str | None:
    if not kind.startswith("date") and kind != "is_instance_of":
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return f"{FIELD} is a date written as text: remove the quotes ({value})"
    return f"{FIELD} must be a date like 2023-06-21 (got '{value}')"


def _not_an_instant(value: object, kind: str) -> str | None:
    if kind == "timezone_aware":
        return f"{FIELD} needs a time zone offset, like 2023-06-21T10:00:00-04:00 (got '{value}')"
    return _not_a_date(value, kind)


ReleaseDate = Annotated[dt.date, StrictType(), AfterValidator(_plausible_year), worded(_not_a_date)]
Embargo = Annotated[
    AwareDatetime,
    BeforeValidator(_not_a_number),
    AfterValidator(_plausible_year),
    worded(_not_an_instant),
]
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")  # names a folder under dist/
Identifier = Annotated[str, StringConstraints(pattern=f"^{ID_PATTERN.pattern}$", max_length=MAX_ID)]


def _single_text(value: object, kind: str) -> str | None:
    if kind != "dict_type":
        return None
    return (f"{FIELD} must give the text per language, like "
            '{en: "…", es: "…", pt-BR: "…"}, not a single text')  # fmt: skip


@dataclass(frozen=True)
class Translated:
    """The mark of a text that translators translate: ``fields`` finds every field so marked in
    the model, so the registry of translatable texts is the model's own annotations."""

    facts: bool = True  # check compares its numbers, dates and cities across languages
    every_language: bool = True  # needed in each language it is printed in
    name: bool = False  # a name: the same text in two languages is no slip


Translatable = Annotated[dict[Language, Text], worded(_single_text), Translated()]
# A text that states no fact to compare across languages: a speaker's role, an About paragraph,
# a logo's description.
Wording = Annotated[Translatable, Translated(facts=False)]
# What a place is ("district", "commune"), a word that two languages often write alike.
PlaceKind = Annotated[Translatable, Translated(facts=False, name=True)]
# A place's spellings that win over every rule: given only where a language writes it otherwise.
Spellings = Annotated[
    dict[Language, Spelling], Translated(facts=False, every_language=False, name=True)
]


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (its territory list also holds regions like 419)."""
    from babel import Locale

    # CLDR's groupings that are no country: unknown region, European Union, Eurozone, United
    # Nations, outlying Oceania.
    groupings = {"ZZ", "EU", "EZ", "UN", "QO"}
    return frozenset(
        code
        for code in Locale("en").territories
        if code.isalpha() and len(code) == 2 and code not in groupings
    )


def _unknown_country(code: object, kind: str = "") -> str | None:
    if kind not in ("", "string_pattern_mismatch"):
        return None
    return f"unknown country '{code}': expected an ISO 3166-1 alpha-2 code like US, BR"


def _known_country(code: str) -> str:
    if code not in country_codes():
        raise ValueError(_unknown_country(code))
    return code


def _not_a_region(code: object, kind: str) -> str | None:
    if kind != "string_pattern_mismatch":
        return None
    return f"region '{code}' must be the subdivision code without the country, like CA or SP"


Country = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(_known_country),
    worded(_unknown_country),
]
Region = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,3}$"), worded(_not_a_region)]


def _known_zone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone '{name}': expected an IANA name like America/New_York"
        ) from None
    return name


Zone = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_known_zone)]


# Words that may differ by language: one string means the same text in every language.
Words = Text | Translatable
# A contact's words (name, title, organization) are printed as a signature and sent as From and
# Reply-To: the rules of a name, so no invisible character makes a look-alike sender.
ContactWords = Annotated[Name | dict[Language, Name], Translated(facts=False, name=True)]
MAX_ADDRESS = 254  # characters of an e-mail address (RFC 5321's path, less its brackets)


def _address(value: str) -> str:
    """An address the mail headers carry as it is written: what the standard library's parser
    reads whole, with a domain of a dot or more. A pattern let "press@x.org>,y" through, which
    makes a malformed From."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        parsed = Address(addr_spec=value)
    except (ValueError, HeaderParseError, IndexError):  # its defects are ValueErrors
        parsed = None
    if parsed is None or parsed.addr_spec != value or "." not in parsed.domain:
        raise ValueError(f"'{value}' is not an e-mail address like press@example.org")
    if len(value) > MAX_ADDRESS:
        raise ValueError(f"an e-mail address of {len(value)} characters: mail servers take at "
                         f"most {MAX_ADDRESS}")  # fmt: skip
    try:  # how the e-mail writes it (formats/mail.py): a domain in its own script as IDNA
        ascii_domain(parsed.domain)
    except UnicodeError:
        raise ValueError(f"'{parsed.domain}' is not a domain a mail server can reach: each part "
                         "between dots has 1 to 63 letters, digits or hyphens (in its own "
                         "script, at most 63 once encoded as IDNA)") from None  # fmt: skip
    return value


def ascii_domain(domain: str) -> str:
    """``domain`` as mail headers carry it: a name in its own script as IDNA ("xn--" labels).
    UnicodeError when IDNA refuses it (a part longer than 63 octets, an empty part)."""
    return domain.encode("idna").decode("ascii")


Address = Annotated[str, AfterValidator(_address)]


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"'{value}' is not a pattern: {error}") from None
    return value


Pattern = Annotated[Text, AfterValidator(_pattern)]
Month = Annotated[  # a round's month: 2024-01
    str,
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    AfterValidator(_plausible_month),
]
