"""The project file ``wwc-press.yaml``: who publishes, where from, in which languages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from . import fields, loader
from .errors import InputError, Problem
from .inputs import LANGUAGES
from .model import (
    Contacts,
    Language,
    Place,
    Record,
    Round,
    Text,
    Wording,
    Zone,
)
from .style import HouseStyle
from .validate import contact_problems, parse

SETTINGS_FILE = "wwc-press.yaml"


class Threshold(Record):
    """The share of the criteria a level asks for, in percent: from 51 to 67."""

    lowest: Annotated[int, Field(ge=0, le=100)] = Field(alias="from")
    highest: Annotated[int, Field(ge=0, le=100)] | None = Field(None, alias="to")


class Levels(Record):
    """What the levels ask for: the number of criteria and each level's share of them."""

    criteria: Annotated[int, Field(ge=1)]
    silver: Threshold
    gold: Threshold
    platinum: Threshold


class Eligibility(Record):
    """Who may apply, as the program states it: the smallest population, and where."""

    population: Annotated[int, Field(ge=1)] = Field(description="residents, at least")
    where: Wording = Field(
        description='where, as the About sentence says it: "in the United States, Canada and '
        'Latin America"'
    )


class About(Record):
    """A boilerplate paragraph under its own heading ("About Bloomberg Philanthropies")."""

    title: Wording
    text: Wording


class Logo(Record):
    """A partner's logo: an SVG or PNG file of the project's ``logos/`` folder."""

    file: Annotated[Text, StringConstraints(pattern=r"^[\w.-]+\.(svg|png)$")] = Field(
        description="its name in logos/, like rfa.svg"
    )
    alt: Wording = Field(description="what a screen reader says, per language")


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
    contacts: Contacts = Field(default_factory=list)
    levels: Levels | None = Field(None, description="the thresholds, printed with the levels")
    # The program's facts the About paragraph states: printed only as the settings give them.
    launched: Annotated[int, Field(ge=1900, le=2100)] | None = Field(
        None, description="the year the program began"
    )
    eligibility: Eligibility | None = Field(None, description="who may apply")
    logos: list[Logo] = Field(
        default_factory=list, description="logos printed atop every output, in this order"
    )
    about: dict[Text, About] = Field(
        default_factory=dict,
        description="About paragraphs by key, after the program's own; an announcement's "
        "'about' picks some",
    )
    roster: list[Round] = Field(
        default_factory=list,
        description="rounds that are not files of the project: a baseline, past rounds",
    )
    style: dict[Language, HouseStyle] = Field(
        default_factory=dict, description="house style per language (README: House style)"
    )

    @property
    def brands(self) -> set[str]:
        """The names kept on one line wherever they fall: the publisher, its funder, the
        program."""
        return {self.organization, self.partner or "", self.program}


# A logo prints a few centimetres wide: 4,000 pixels a side is far beyond print quality, and a
# PNG may claim any size in a few bytes (a 20,000-pixel square of 48 KB takes gigabytes to draw).
MAX_LOGO_SIDE = 4_000
# A resolution (PNG's pHYs) outside these dots per inch is a damaged file: 1 pixel per metre
# makes a logo 100 metres wide, and Word's writer divides by the rounded resolution.
LOGO_DPI = (10, 10_000)


def _unreadable(path: Path, root: Path) -> str | None:
    """Why a logo file cannot be drawn (the build would fail on it, or take too long), or
    None."""
    try:
        inside = path.resolve().is_relative_to((root / "logos").resolve())
    except (OSError, RuntimeError) as error:  # a loop of links
        return f"cannot be read ({error})"
    if not inside:  # it would be copied into dist/ and every Word file
        return (f"a link to {path.resolve()}, outside the project's logos/: copy the file "
                "itself into logos/")  # fmt: skip
    if path.suffix == ".svg":
        import xml.etree.ElementTree as ElementTree

        try:
            root = ElementTree.parse(path).getroot()  # noqa: S314 (our own project's file)
        except (ElementTree.ParseError, OSError) as error:
            return f"not an SVG file that can be read ({error}); export it again"
        if not root.tag.endswith("svg"):
            return "not an SVG drawing (no <svg> element)"
        # The file is copied as it is into dist/ and served beside the review page's forms: a
        # script in it would run with the page's origin.
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            handlers = [name for name in element.attrib if name.rsplit("}", 1)[-1].startswith("on")]
            if tag in ("script", "foreignObject") or handlers:
                what = f"<{tag}>" if not handlers else f"the attribute {handlers[0]}"
                return (f"an SVG with {what}: a logo is a drawing, with no script or embedded "
                        "page; export it again as plain SVG")  # fmt: skip
        return None
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # Pillow's warning of a bomb: ours to say, as an error
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)  # the header only: the size before any pixel
        with image:
            width, height = image.size
            dpi = image.info.get("dpi")
            if max(width, height) > MAX_LOGO_SIDE:
                return (f"{width:,}×{height:,} pixels: a logo may be at most {MAX_LOGO_SIDE:,} "
                        "pixels a side; export it smaller")  # fmt: skip
            if dpi and not all(LOGO_DPI[0] <= d <= LOGO_DPI[1] for d in dpi):
                return (f"a resolution of {min(dpi):g} dots per inch: export it again at "
                        f"{LOGO_DPI[0]} to {LOGO_DPI[1]:,}")  # fmt: skip
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):  # Pillow's limits
        return f"too many pixels: a logo may be at most {MAX_LOGO_SIDE:,} pixels a side"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        return f"not a PNG image that can be read ({error}); export it again"
    return None


def load_settings(root: Path) -> Settings:
    """Read the project file at ``root``; InputError names each problem in it."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        message = f"no {SETTINGS_FILE} here: run wwc-press in the project folder that holds it"
        raise InputError([Problem(path, 1, 1, message)])
    doc = loader.load(path)
    settings = parse(doc, Settings)
    problems = [
        doc.problem(("about", key, *part), f"about '{key}': no {part[0]} in {language}")
        for key, about in settings.about.items()
        for part, _, texts in fields.record_texts(about)
        for language in settings.languages
        if language not in texts
    ]
    problems += contact_problems(doc, settings.contacts, settings.languages, list(LANGUAGES))
    for index, logo in enumerate(settings.logos):
        if not (root / "logos" / logo.file).is_file():
            problems.append(
                doc.problem(("logos", index, "file"), f"no file {logo.file} in {root / 'logos'}")
            )
        elif damage := _unreadable(root / "logos" / logo.file, root):
            problems.append(doc.problem(("logos", index, "file"), f"logos/{logo.file}: {damage}"))
        problems += [
            doc.problem(
                ("logos", index, *part), f"logo {logo.file}: no {part[0]} text in {language}"
            )
            for part, _, texts in fields.record_texts(logo)
            for language in settings.languages
            if language not in texts
        ]
    if problems:
        raise InputError(problems)
    return settings
