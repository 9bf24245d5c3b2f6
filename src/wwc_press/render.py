"""Jinja2 -> HTML string, one language at a time.

Templates hold the wording; this module hands them the announcement grouped the way the prose
needs it, and the language's Localizer. Text from the announcement is data: autoescaping is on and
no template is ever built from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from . import fields, publish, typeset, zones
from .errors import RenderError
from .inputs import LEVELS
from .languages import profile
from .localize import Localizer, localizer
from .model import STATUSES, Announcement, City, Language, Level, Place, city_key
from .roster import Facts
from .settings import Settings

if TYPE_CHECKING:
    from .plan import Output
    from .project import Project


def upper_first(text: str) -> str:
    """Capitalize a sentence's first letter without lowering the rest (Jinja's capitalize does)."""
    return text[:1].upper() + text[1:]


def _sentences(text: str) -> Markup:
    """Join a paragraph's sentences with one space, and drop the period a sentence would add
    after a closing abbreviation ("Washington, D.C.." becomes "Washington, D.C.")."""
    # escape(): a filter block's output is Markup already; plain text would be escaped here.
    joined = re.sub(r"[ \t\r\n]+", " ", escape(text)).strip()  # not \s: keep no-break spaces
    # Only a doubled period that ends a sentence: "A..B" in a name stays as typed.
    return Markup(re.sub(r"(?<!\.)\.\.(?=\s|$)", ".", joined))  # noqa: S704 (escaped above)


def _css_counters(text: str) -> Markup:
    """A translated "Page {page} of {pages}" as a CSS ``content`` value with page counters."""
    # The words as typed (a translation arrives escaped for HTML), then as a CSS string: a
    # character that could end the string or the <style> element is written as a CSS escape.
    words = text.unescape() if isinstance(text, Markup) else str(text)
    parts = []
    for piece in words.replace("{pages}", "\0pages\0").replace("{page}", "\0page\0").split("\0"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append('"' + re.sub(r'[\\"<>&\n]', lambda m: f"\\{ord(m[0]):x} ", piece) + '"')
    return Markup(" ".join(parts))  # noqa: S704 (every character that matters is escaped)


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
    env.filters["upper_first"] = upper_first
    env.filters["css_counters"] = _css_counters
    env.filters["sentences"] = _sentences
    env.globals["l10n"] = localizer
    return env


def _by_level(cities: list[City]) -> list[tuple[Level, list[City]]]:
    """Cities grouped by level, highest level first, the file's order kept inside a group."""
    groups: dict[Level, list[City]] = defaultdict(list)
    for city in cities:
        groups[city.level].append(city)
    return [(level, groups[level]) for level in reversed(LEVELS) if groups[level]]


def _by_step(cities: list[City]) -> list[tuple[Level, Level, list[City]]]:
    groups: dict[tuple[Level, Level], list[City]] = defaultdict(list)
    for city in cities:
        groups[(city.previous or city.level, city.level)].append(city)
    order = sorted(groups, key=lambda step: (-LEVELS.index(step[1]), -LEVELS.index(step[0])))
    return [(before, after, groups[(before, after)]) for before, after in order]


def context(
    announcement: Announcement, settings: Settings, facts: Facts | None = None
) -> dict[str, Any]:
    """What every template gets, beside the localizer: data grouped, nothing worded; ``facts``
    are what the roster derived (the program's firsts), when known."""
    cities = announcement.cities
    everyone = cities.by_status()
    firsts = facts.firsts if facts else frozenset()
    # The round's size per status: its counts, which may go beyond the cities listed.
    count = {status: announcement.count(status) for status in STATUSES}
    unnamed = {status: count[status] - len(getattr(cities, status)) for status in STATUSES}
    chart = _chart(everyone, unnamed)
    status_of = {city_key(city): status for status, city in everyone}

    def first_peers(city: City) -> int:
        """How many of this round's first cities share ``city``'s country: at least two when
        the file leaves some new cities out (one of them may be there too)."""
        listed = sum(1 for c in cities.new if city_key(c) in firsts and c.country == city.country)
        return max(listed, 2) if unnamed["new"] else listed

    return {
        "a": announcement,
        "settings": settings,
        "dateline": announcement.dateline or settings.dateline,
        "contacts": announcement.contacts or settings.contacts,
        "new_by_level": _by_level(cities.new),
        "upgraded_by_step": _by_step(cities.upgraded),
        "recertified_by_level": _by_level(cities.recertified),
        "new_countries": sorted({city.country for city in cities.new}),
        "all_cities": everyone,
        "status_of": status_of,
        "by_country": Counter(city.country for _, city in everyone),
        # A level with no named city is left out when some are unnamed (see _chart).
        "by_level": [
            (level, n)
            for level in LEVELS
            if (n := sum(1 for _, c in everyone if c.level == level)) or not any(unnamed.values())
        ],
        "count": count,
        "unnamed": unnamed,  # per status, the round's cities the file does not list
        "partial": {status: unnamed[status] > 0 for status in STATUSES},
        "first_peers": first_peers,
        # The program's quotes a city's release prints: those that say they fit it.
        "quotes_for": lambda city: [
            (number, quote)
            for number, quote in enumerate(announcement.quotes, 1)
            if quote.fits(status_of[city_key(city)], city)
        ],
        "chart": chart,
        "chart_max": max([1] + [sum(count for _, count, _ in bar) for _, bar in chart]),
        # Each city's time zone, for embargo times in the readers' own time: found once per
        # build, here, before workers fork (the city database takes a moment to load).
        "zone_of": {
            city_key(city): zone
            for _, city in everyone
            if announcement.embargo
            and (zone := city.timezone or city_timezone(city, announcement.embargo))
        },
        "key": city_key,
        # New cities that are the program's first in their country, and whether a city is.
        "first_cities": [c for c in cities.new if city_key(c) in firsts],
        "is_first": lambda c: city_key(c) in firsts,
        # Every certified city to date, for the report: (place, level, the year it reached
        # that level where the roster knows it, else None). Only when the roster names them
        # all: a list of some, titled with what the roster lacks, read to native desks as the
        # program not knowing its own cities (`wwc-press roster` prints what is known).
        "roster": [
            (
                Place(name=e.name, region=e.region, country=e.country, names=e.names),
                e.level,
                e.since.year if e.since else None,
            )
            for e in (facts.roster if facts else ())
            if len(facts.roster) >= facts.total
        ],
        "highlights_of": {
            name: [h for h in announcement.highlights if h.city == name]
            for name in {h.city for h in announcement.highlights if h.city}
        },
    }


def city_timezone(city: City, when: dt.datetime | None = None) -> str | None:
    return zones.city_timezone(city.name, city.region, city.country, when)


def _chart(
    cities: list[tuple[str, City]], unnamed: dict[str, int]
) -> list[tuple[Level | None, list[tuple[str, int, int]]]]:
    """Bars of the report's chart: per level, (status, count, offset) segments to stack; a last
    bar (level None) for the round's cities the file does not name, whose level it does not say."""
    bars: list[tuple[Level | None, list[tuple[str, int, int]]]] = []
    levels: list[Level | None] = [*reversed(LEVELS)]
    if any(unnamed.values()):
        levels.append(None)
    for level in levels:
        offset, segments = 0, []
        for status in STATUSES:
            if level is None:
                count = unnamed[status]
            else:
                count = sum(1 for s, c in cities if s == status and c.level == level)
            segments.append((status, count, offset))
            offset += count
        # With cities unnamed, a level none of the named cities has may still be an unnamed
        # one's: a bar of 0 would say the round has none (a desk read "Platinum 0" as a fact).
        if offset or level is None or not any(unnamed.values()):
            bars.append((level, segments))
    return bars


def render(
    env: jinja2.Environment, template: str, context: dict[str, Any], *, for_pdf: bool
) -> str:
    """Render ``template`` in the environment's language; ``for_pdf`` adds the print-only parts
    and the headline's balanced measure (browsers balance with CSS ``text-wrap``)."""
    l10n: Localizer = env.globals["l10n"]  # type: ignore[assignment]
    page = env.get_template(template).render(
        {"assets": "", **context}, lang=l10n.language, for_pdf=for_pdf, escape=escape
    )
    if "a" not in context:  # the index and the review page print no prose
        return page
    page = typographed(page, l10n.tag)
    print_language = l10n.hyphenation_lang if for_pdf else None
    names = fields.proper_names(context["a"], l10n.tag, context["settings"])
    page = typeset.protect(
        page, names, context["settings"].brands, print_language=print_language, language=l10n.tag
    )
    font = Path(env.loader.searchpath[0], "fonts", "Lato-Bold.ttf")  # type: ignore[union-attr]
    if for_pdf and font.is_file():  # a missing font is WeasyPrint's error to report, by name
        page = typeset.balance(page, font)
    return page


_TEXTS = re.compile(r"(<style\b.*?</style>|<script\b.*?</script>|<[^>]*>)", re.S)
_ALT = re.compile(r'(\b(?:alt|content|aria-label)=")([^"]*)(")')


def typographed(page: str, language: Language) -> str:
    """Every text of a page set by its language's typography (fr-CA: ’, the no-break spaces of
    « » and before the colon), the title and the alt texts included: the Subject of an e-mail,
    a card's alt text and a Word file's properties are read from them. Styles stay as written."""
    from .style import typography

    parts = _TEXTS.split(page)
    for index, part in enumerate(parts):
        if index % 2 == 0:  # an apostrophe needs no escaping in text, and must be seen
            parts[index] = typography(part.replace("&#39;", "'"), language)
        elif part.startswith("<") and not part.startswith(("<style", "<script", '<meta name="v')):
            parts[index] = _ALT.sub(
                lambda m: (
                    m.group(1) + typography(m.group(2).replace("&#39;", "'"), language) + m.group(3)
                ),
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
            self.contexts[announcement.id] = context(
                announcement, self.project.settings, self.project.facts.get(announcement.id)
            )
        # An HTML page finds the fonts in dist/<id>/fonts/, as many folders up as it is deep.
        assets = "" if for_pdf else "../" * (len(output.path.parts) - 1)
        values = {**self.contexts[announcement.id], "city": output.city, "assets": assets}
        env = self.environment(self.tag(announcement, output))
        with _template_errors(output.template):
            return render(env, output.template, values, for_pdf=for_pdf)

    def bytes(self, announcement: Announcement, output: Output) -> bytes:
        return self.files(announcement, output)[output.path]

    def files(
        self, announcement: Announcement, output: Output, pdf: bytes | None = None
    ) -> dict[Path, bytes]:
        """Every file of ``output``. Besides the PDF, each format is written from the output's
        HTML page (formats.page); an e-mail attaches ``pdf``, or the PDF rendered here."""
        from .formats import mail, wire, word
        from .formats.images import logo_png

        if output.fmt == "pdf":
            html = self.html(announcement, output, for_pdf=True)
            return {output.path: publish.pdf_bytes(html, self.project.templates)}
        html = self.page(announcement, output)
        if output.fmt == "html":
            return {output.path: self._web_page(announcement, output, html).encode("utf-8")}
        page = self.reading(announcement, output)
        logos = self.project.root / publish.LOGOS

        def logo(name: str) -> bytes | None:
            path = logos / name
            return logo_png(path, self.project.templates) if path.is_file() else None

        if output.fmt == "txt":
            data = wire.wire_text(page)
        elif output.fmt == "docx":
            data = word.word_document(page, logo)
        elif output.fmt == "eml":
            if pdf is None:
                pdf = self.bytes(announcement, replace(output, fmt="pdf",
                                 path=output.path.with_suffix(".pdf")))  # fmt: skip
            name = f"{announcement.id}-{output.path.with_suffix('.pdf').name}"
            data = mail.message(page, html, pdf, name, logo)
        else:
            assert output.fmt == "png"
            return dict(zip(output.files, self._cards(announcement, page, output), strict=True))
        return {output.path: data}

    def _web_page(self, announcement: Announcement, output: Output, html: str) -> str:
        """The HTML output as the web reads it: alternates, preview, JSON-LD, language switch
        (newsroom); the other formats are written from the page without them."""
        from . import newsroom
        from .plan import Output as Planned

        release = None
        if output.kind == "report":  # the report's preview describes it with the release's deck
            page = Planned("release", output.language, "html", output.path.with_name(
                "press-release.html"))  # fmt: skip
            release = self.reading(announcement, page)
        tag = self.tag(announcement, output)
        self.environment(tag)  # makes the profile's localizer
        values = newsroom.head_values(
            announcement, output, self.reading(announcement, output), self.project.settings,
            self.localizers[tag], release,
        )  # fmt: skip
        return newsroom.web_page(plain_environment(self.project.templates), values, html)

    def _cards(self, announcement: Announcement, page, output: Output) -> list[bytes]:
        from .formats import cards

        settings = self.project.settings
        tag = self.tag(announcement, output)
        env = self.environment(tag)  # card.html has no message to translate
        if output.city is None:  # the release's or the report's link preview
            keep = [settings.program, settings.organization]
            return cards.card_files(page, "program", keep, env, self.project.templates,
                                    cards.SIZES[:1], settings.program)  # fmt: skip
        l10n = self.localizers[tag]
        keep = [settings.program, settings.organization, output.city.name,
                l10n.city_name(output.city)]  # fmt: skip
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
