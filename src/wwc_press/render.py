"""Jinja2 -> HTML string, one language at a time.

Templates hold the wording; this module hands them the announcement grouped the way the prose
needs it (``context``) and the language's Localizer, and writes each output in its format
(``formats.FORMATS``). Text from the announcement is data: autoescaping is on and
no template is ever built from it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import escape

from . import fields, headlines, publish, typeset
from .context import template_context
from .errors import RenderError
from .filters import FILTERS
from .languages import profile
from .localize import Localizer, localizer
from .model import Announcement, Language

if TYPE_CHECKING:
    from .plan import Output
    from .project import Project
    from .readers import Paper


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory and shared by the environments of every language, so a
    template is compiled once per process; Jinja checks each against its source's checksum."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def _new_environment(templates: Path, extensions: list[str]) -> jinja2.Environment:
    # A fresh environment each time: overlays would share (and clobber) the gettext globals.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        bytecode_cache=_COMPILED,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=extensions,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def plain_environment(templates: Path) -> jinja2.Environment:
    """For pages outside any one language (the index)."""
    return _new_environment(templates, [])


def environment(templates: Path, localizer: Localizer) -> jinja2.Environment:
    """One environment per language: gettext is installed into the environment itself."""
    env = _new_environment(templates, ["jinja2.ext.i18n"])
    # A translation is text wherever it lands. Jinja's i18n marks a translation safe markup; a
    # translator's quote would then close an attribute and open another (data-mark="(sigue)"
    # onmouseover="…"). Escaped here, it stays words; the fields it fills are escaped as ever.
    found = localizer.translations
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: escape(found.gettext(message)),
        ngettext=lambda singular, plural, n: escape(found.ngettext(singular, plural, n)),
        pgettext=lambda context, message: escape(found.pgettext(context, message)),
        npgettext=lambda context, singular, plural, n: escape(
            found.npgettext(context, singular, plural, n)
        ),
        newstyle=True,
    )
    env.filters.update(FILTERS)
    env.filters["level_name"] = localizer.level  # a level's name in this language's glossary
    env.globals["l10n"] = localizer
    env.globals["press"] = localizer.press  # the profile: dates, quotes, typography, end marks
    return env


def render(
    env: jinja2.Environment, template: str, context: dict[str, Any], *, for_pdf: bool
) -> str:
    """Render ``template`` in the environment's language; ``for_pdf`` adds the print-only parts
    and the headline's balanced measure (browsers balance with CSS ``text-wrap``)."""
    l10n: Localizer = env.globals["l10n"]  # type: ignore[assignment]
    # A release datelined on another clock than the program's tells its readers in that
    # country their own time first ("às 10h (horário de Brasília)" from São Paulo); readers
    # elsewhere keep the program's (AP's "9 a.m. EDT").
    zone = context.get("release_zone")
    if zone and zone != l10n.timezone and l10n.press.readers_country == context["dateline"].country:
        l10n = dataclasses.replace(l10n, timezone=zone)
        context = {**context, "l10n": l10n}
    # The readers' paper, for an output's pages (the index and the review page print none).
    paper = l10n.paper(context.get("city"), context["dateline"]) if "a" in context else None
    page = env.get_template(template).render(
        {"assets": "", **context}, lang=l10n.language, for_pdf=for_pdf, escape=escape, paper=paper
    )
    if "a" not in context:  # the index and the review page print no prose
        return page
    page = typographed(page, l10n.tag)
    print_language = l10n.press.print_tag if for_pdf else None
    names = fields.proper_names(context["a"], l10n.tag, context["settings"])
    page = typeset.protect(
        page, names, _kept_whole(context, l10n.tag), print_language=print_language,
        language=l10n.tag,
    )  # fmt: skip
    font = Path(env.loader.searchpath[0], "fonts", "Lato-Bold.ttf")  # type: ignore[union-attr]
    if for_pdf and font.is_file():  # a missing font is WeasyPrint's error to report, by name
        page = headlines.balance(page, font)
    return page


def _kept_whole(context: dict[str, Any], tag: str) -> set[str]:
    """The names held on one line whatever their length: the settings' brands; a person's
    name of three words at most, as a brand is: "Ana / Lúcia Brandão" parts a given name from
    itself (CP and Estadão: a name is not split); and every city of the round and its state or
    province, in the file's words and the language's: "San / Pedro Garza García", "São José
    dos / Campos" and "North / Carolina" split one name (AP, CP, Estadão alike). A name too
    long for a line still breaks (``typeset.LONGEST_UNBROKEN``)."""
    from . import places

    announcement = context["a"]
    people = {quote.speaker for quote in announcement.quotes}
    people |= {city.quote.speaker for _, city in announcement.cities.by_status() if city.quote}
    kept = {person for person in people if person and len(person.split()) <= 3}
    for _, city in announcement.cities.by_status():
        kept |= {city.name, places.city_name(city, tag), places.region_name(city, tag) or ""}
    return (set(context["settings"].brands) | kept) - {""}


_TEXTS = re.compile(r"(<style\b.*?</style>|<script\b.*?</script>|<[^>]*>)", re.S)
# Attributes whose words are read: alt texts, properties, the short embargo line an e-mail's
# Subject is made from, and the label of the Word file's slot for a mayor's quote (its style's
# name and the comment on it, "Mayor’s quote": an AP desk read the straight ' there).
_ALT = re.compile(r'(\b(?:alt|content|aria-label|data-short|data-label)=")([^"]*)(")')


def typographed(page: str, language: Language) -> str:
    """Every text of a page set by its language's typography (fr-CA: ’, the no-break spaces of
    « » and before the colon), the title and the alt texts included: the Subject of an e-mail,
    a card's alt text and a Word file's properties are read from them. Styles stay as written."""
    typography = profile(language).typography
    parts = _TEXTS.split(page)
    for index, part in enumerate(parts):
        if index % 2 == 0:  # an apostrophe needs no escaping in text, and must be seen
            parts[index] = typography(part.replace("&#39;", "'"))
        elif part.startswith("<") and not part.startswith(("<style", "<script", '<meta name="v')):
            parts[index] = _ALT.sub(
                lambda m: m.group(1) + typography(m.group(2).replace("&#39;", "'")) + m.group(3),
                part,
            )
    return "".join(parts)


class Renderer:
    """Renders outputs of one build, keeping per language what is costly to make: the catalog,
    the Jinja environment with its compiled templates. A new build makes a new Renderer, so a
    long-running ``serve`` sees changed settings, catalogs and templates."""

    def __init__(self, project: Project):
        self.project = project
        self.environments: dict[Language, jinja2.Environment] = {}
        self.localizers: dict[Language, Localizer] = {}
        self.contexts: dict[str, dict] = {}  # per announcement id: grouped once, not per output
        # Each HTML page and its reading (formats.page), made once for every format written
        # from it: the page, the Word file, the wire text, the e-mail, the cards.
        self.pages: dict[tuple[str, Path], str] = {}
        self.readings: dict[tuple[str, Path], Any] = {}

    def environment(self, tag: str) -> jinja2.Environment:
        """The environment of a language's profile ("en", or "en-CA" for Canadian readers)."""
        if tag not in self.environments:
            l10n = localizer(self.project.root, tag, self.project.settings)
            self.localizers[tag] = l10n
            self.environments[tag] = environment(self.project.templates, l10n)
        return self.environments[tag]

    def tag(self, announcement: Announcement, output: Output) -> str:
        """The profile that writes ``output``: its language's, or the variant of the country
        its readers are in (a Canadian city's English release, or any release datelined in
        Canada, is written as the Canadian Press writes: languages/en_ca.py)."""
        dateline = announcement.dateline or self.project.settings.dateline
        country = output.city.country if output.city else dateline.country
        return profile(output.language).for_readers(country)

    def localizer(self, announcement: Announcement, output: Output) -> Localizer:
        """The Localizer of the profile that writes ``output``."""
        tag = self.tag(announcement, output)
        self.environment(tag)  # makes the profile's localizer
        return self.localizers[tag]

    def paper(self, announcement: Announcement, output: Output) -> Paper:
        """The paper ``output`` prints on (``Localizer.paper``), for the Word file."""
        dateline = announcement.dateline or self.project.settings.dateline
        return self.localizer(announcement, output).paper(output.city, dateline)

    def page(self, announcement: Announcement, output: Output) -> str:
        """The HTML page ``output`` is written from, rendered once."""
        key = (str(announcement.id), output.page.path)
        if key not in self.pages:
            self.pages[key] = self.html(announcement, output.page, for_pdf=False)
        return self.pages[key]

    def reading(self, announcement: Announcement, output: Output):  # noqa: ANN201
        """That page read back as blocks (formats.page.Page), once."""
        from .formats.page import read

        key = (str(announcement.id), output.page.path)
        if key not in self.readings:
            self.readings[key] = read(self.page(announcement, output))
        return self.readings[key]

    def html(self, announcement: Announcement, output: Output, *, for_pdf: bool) -> str:
        assert announcement.id
        if announcement.id not in self.contexts:
            self.contexts[announcement.id] = template_context(
                announcement, self.project.settings, self.project.facts.get(announcement.id)
            )
        # An HTML page finds the fonts in dist/<id>/fonts/, as many folders up as it is deep.
        assets = "" if for_pdf else "../" * (len(output.path.parts) - 1)
        values = {**self.contexts[announcement.id], "city": output.city, "assets": assets}
        env = self.environment(self.tag(announcement, output))
        with _template_errors(output.template):
            return render(env, output.template, values, for_pdf=for_pdf)

    def files(
        self, announcement: Announcement, output: Output, pdf: bytes | None = None
    ) -> dict[Path, bytes]:
        """Every file of ``output``, made by its format's writer (formats.FORMATS): besides the
        PDF, each is written from the output's HTML page; an e-mail attaches ``pdf``, or the PDF
        rendered here."""
        from .formats import FORMATS

        return FORMATS[output.fmt].write(self, announcement, output, pdf)

    def logo(self, name: str) -> bytes | None:
        """A logo of the settings as a PNG, for the Word file and the e-mail."""
        from .formats.images import logo_png

        path = self.project.root / publish.LOGOS / name
        return logo_png(path, self.project.templates) if path.is_file() else None

    def web_page(self, announcement: Announcement, output: Output) -> str:
        """The HTML output as the web reads it: alternates, preview, JSON-LD, language switch
        (newsroom); the other formats are written from the page without them."""
        from . import newsroom
        from .plan import Output as Planned

        release = None
        if output.kind == "report":  # the report's preview describes it with the release's deck
            page = Planned("release", output.language, "html", output.path.with_name(
                "press-release.html"))  # fmt: skip
            release = self.reading(announcement, page)
        values = newsroom.head_values(
            announcement, output, self.reading(announcement, output), self.project.settings,
            self.localizer(announcement, output), release,
        )  # fmt: skip
        html = self.page(announcement, output)
        return newsroom.web_page(plain_environment(self.project.templates), values, html)

    def cards(self, announcement: Announcement, output: Output) -> list[bytes]:
        """The card files of ``output``, from its page: the PNG of each size, then the alt text."""
        from .formats import cards

        page = self.reading(announcement, output)
        settings = self.project.settings
        tag = self.tag(announcement, output)
        env = self.environment(tag)  # card.html has no message to translate
        l10n = self.localizers[tag]
        # The date is kept on one line as a name is: the report's "informe del 15 de octubre /
        # de 2030" on two lines of its card read as a date and a stray year.
        date = l10n.press.long_date(announcement.date)
        if output.city is None:  # the release's or the report's link preview
            # ... and every city of the round whole, as a headline may name one ("from St. /
            # John's to Calgary" broke a name on the program's card).
            cities = [l10n.city_name(city) for _, city in announcement.cities.by_status()]
            keep = [settings.program, settings.organization, date, *cities]
            return cards.card_files(page, "program", keep, env, self.project.templates,
                                    cards.SIZES[:1], settings.program)  # fmt: skip
        place = l10n.city_headline(output.city)
        keep = [settings.program, settings.organization, output.city.name, date,
                *cards.place_units(place, l10n.city_name(output.city))]  # fmt: skip
        return cards.card_files(page, output.city.level, keep, env, self.project.templates)

    def warm_up(self, outputs: list[Output]) -> None:
        """Compile every template in every language before workers are forked, so that each
        worker does not compile them again."""
        for output in outputs:
            with _template_errors(output.template):
                self.environment(output.language).get_template(output.template)


@contextmanager
def _template_errors(template: str) -> Iterator[None]:
    """A mistake in templates/ is a failed render that says where, not a traceback."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise RenderError(f"{where}: template error: {error.message}") from None
    except jinja2.TemplateError as error:
        raise RenderError(f"templates/{template}: template error: {error}") from None
    except RenderError:
        raise
    except Exception as error:  # a template's runtime mistake: {{ 1//0 }}, a bad filter argument
        where = _template_line(error) or f"templates/{template}"
        raise RenderError(f"{where}: template error: {type(error).__name__}: {error}") from None


def _template_line(error: BaseException) -> str | None:
    """The template file and line the error was raised at (Jinja maps its frames to them)."""
    import traceback

    found = None
    for frame, line in traceback.walk_tb(error.__traceback__):
        name = frame.f_code.co_filename
        if name.endswith((".html", ".css", ".txt")):
            found = f"{name}:{line}"
    return found
