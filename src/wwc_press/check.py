"""The gate before publishing: gaps in the catalogs and disagreements between languages.

Three kinds of problems, each reported at its place (``PATH:LINE:COLUMN: message``):
- catalog entries untranslated, fuzzy, or with other placeholders than the English;
- a text of an announcement identical to its English in another language (left untranslated);
- a fact of a headline, highlight or quote (number, percent, date, city) missing in a language,
  compared after each language's formatting is undone: "57%" matches "57 %", not "75 %".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from . import fields, i18n, loader, places, qa
from .errors import Problem, Refused, visible
from .languages import SOURCE_LANGUAGE, profile, source_language
from .localize import CATALOG_DIR
from .model import STATUSES, Announcement, Contact, Contacts, Language, city_key, contacts_in
from .validate import embargo_offset

if TYPE_CHECKING:
    from .project import Project


def _short_months(language: Language) -> dict[str, int]:
    """The press's abbreviations of month names ("Sept."), besides the names CLDR gives."""
    short = profile(language).short_months
    return {abbreviation.rstrip("."): month for month, abbreviation in short.items()}


def names_in(announcement: Announcement, terms: dict) -> set[str]:
    """The words of the announcement's names in each of its languages (fields.proper_names),
    of its ``proper_names`` and of the glossary's: not words a dictionary spells."""
    texts = [*terms.get("keep", []), *announcement.proper_names]
    for language in announcement.languages or []:
        texts += fields.proper_names(announcement, language)
    return {word for text in texts for word in re.findall(r"\w+", text)}


def glossary(root: Path) -> dict:
    """The project's glossary (``glossary.yaml``), or none; InputError at the line of each
    mistake in it (a pattern that does not compile, an empty term)."""
    from .model import Glossary
    from .validate import parse

    path = root / qa.GLOSSARY
    if not path.is_file():
        return {}
    return parse(loader.load(path), Glossary).model_dump()


def catalog_problems(catalogs: i18n.Catalogs, terms: dict) -> list[Problem]:
    """The catalogs against the templates, their gaps, and QA, the glossary and spelling on
    every translation they hold, each at its line."""
    problems = i18n.template_problems(catalogs)
    for language in CATALOG_DIR:
        path = i18n.catalog_path(catalogs.root, language)
        accepted = qa.glossary_words(terms, language)
        for message, english, form in catalogs.translated(language):
            found = qa.glossary_problems(terms, english, form, language)
            words = i18n.PLACEHOLDER.sub(" ", form)  # fields are not words
            found += qa.spelling_problems(words, language, accepted)
            for problem in found:
                problems.append(Problem(path, message.lineno, 1, f"{english!r}: {problem}"))
    for language in CATALOG_DIR:
        problems += catalogs.gaps([language]) + catalogs.qa(language)
    return problems


@dataclass(frozen=True)
class Fact:
    kind: str  # number, percent, date, city
    value: str  # normalized: "57", "57%", "2023-06-21", "06-21", the city's key
    shown: str  # as written in the text

    def __str__(self) -> str:
        return self.shown


# Digits grouped in threes by any of the separators the languages use: a comma or a period, a
# space, a no-break space or the narrow one CLDR gives French ("1 234", "1\u202f234").
_GROUPS = "[.,\u00a0\u202f ]"
_SPACES = str.maketrans("", "", "\u00a0\u202f ")
# What text2num leaves of an ordinal ("2nd", "2ème", "2º"): not a count to compare.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|ème|e|er|re|º|ª|°|o|a)\b")
# What text2num leaves of a fraction ("dos tercios", "deux tiers"): no count either, as English
# "two-thirds", which it leaves in words, is none.
_FRACTION = re.compile(
    r"(?i)\b\d+\s+(?=(?:thirds?|quarters?|fifths?|tercios?|cuartos?|quintos?|terços?|quartos?|"
    r"tiers|quarts?|cinquièmes?)\b)"
)


def _number(text: str, language: Language) -> str:
    grouping = get_group_symbol(locale=profile(language).babel_locale)
    decimal = get_decimal_symbol(locale=profile(language).babel_locale)
    text = text.translate(_SPACES).replace(grouping, "")
    return text.replace(decimal, ".")


# An article before a figure ("bajaron un 23 %", "unos 4,2 millones", "uma 5", "une 12"): text2num
# reads it as a 1 when other numbers are near; it is never a count there.
_ARTICLE_BEFORE_FIGURE = re.compile(r"(?i)\b(?:un|una|unos|unas|um|uma|uns|umas|une)\s+(?=\d)")


# The words each press writes after a figure for its thousands, millions and billions: "48 mil"
# (Estadão, Folha) is the "48,000" of the English, "4200 millones" its "4.2 billion". The long
# scale's words stand for what they mean there: Spanish "billón" and French "billion" are 10¹².
_SCALES = {
    "en": {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9},
    "es": {"mil": 3, "millón": 6, "millones": 6, "mil millones": 9, "millardo": 9,
           "millardos": 9, "billón": 12, "billones": 12},
    "pt": {"mil": 3, "milhão": 6, "milhões": 6, "mi": 6, "bilhão": 9, "bilhões": 9, "bi": 9},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
           "billion": 12, "billions": 12},
}  # fmt: skip


# A figure as any press writes it, grouped only in threes ("1.500", "1,500", "1 500": "In 2022,
# 57%" holds 57%, not 202257%) or not, with decimals.
_FIGURE = rf"\d{{1,3}}(?:{_GROUPS}\d{{3}})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@cache
def _scaled(language: Language) -> re.Pattern[str]:
    words = sorted(_SCALES[profile(language).cldr_language], key=len, reverse=True)
    scale = "|".join(word.replace(" ", "[ \u00a0]") for word in words)
    return re.compile(rf"(?<![\d.,])({_FIGURE})[ \u00a0\u202f]({scale})\b", re.IGNORECASE)


def _times_scale(match: re.Match[str], language: Language) -> str:
    """A figure and its scale word as one number. A separator before three digits groups them
    ("1.500 millones", "1,500 million"); any other is the decimal one ("4,2 bilhões")."""
    grouped = re.fullmatch(rf"(\d+(?:{_GROUPS}\d{{3}})*)(?:[.,](\d+))?", match[1])
    whole, part = grouped.groups() if grouped else (match[1], None)
    exponent = _SCALES[profile(language).cldr_language][" ".join(match[2].casefold().split())]
    digits = re.sub(r"\D", "", whole)
    value = Decimal(f"{digits}.{part or 0}").scaleb(exponent)
    return f"{value.normalize():f}"


def _in_figures(text: str, language: Language) -> str:
    """Numbers in words written in figures, by text2num's parsers of each language: "vingt et
    une" is 21, "mil doscientas" 1200, "twenty-one" 21. "One", "una", "um", "une" stay words
    (threshold 2): they are articles and pronouns too; ordinals are dropped."""
    from text_to_num import alpha2digit

    text = profile(language).numbers_in_full(text)  # "veintiún" before a noun: "veintiuno"
    text = _ARTICLE_BEFORE_FIGURE.sub("", text)
    # A figure and its scale word are one number ("48 mil" is 48,000, not 48 and 1,000).
    text = _scaled(language).sub(lambda match: _times_scale(match, language), text)
    in_figures = alpha2digit(text, profile(language).cldr_language, threshold=2)
    return _FRACTION.sub("", _ORDINAL.sub(" ", in_figures))


@cache
def _date_pattern(language: Language) -> re.Pattern[str]:
    rules = profile(language)
    months = list(get_month_names("wide", locale=rules.babel_locale).values())
    months += list(_short_months(language))
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(rules.date_pattern.format(months=names), re.IGNORECASE)


def _month_number(name: str, language: Language) -> int:
    short = {
        abbreviation.casefold(): month for abbreviation, month in _short_months(language).items()
    }
    if name.casefold() in short:
        return short[name.casefold()]
    months = get_month_names("wide", locale=profile(language).babel_locale)
    return next(n for n, month in months.items() if month.casefold() == name.casefold())


def facts(text: str, language: Language, announcement: Announcement) -> set[Fact]:
    """The numbers, percents, dates and cities a text states, normalized across languages."""
    found: set[Fact] = set()
    # An apostrophe is the same typed or typeset: a French text that writes "St. John’s", as
    # the OQLF does, names the city of the file's "St. John's".
    text = text.replace("’", "'")
    # Names first, and out of the way: "Dos Hermanas" or "Três Corações" count nothing.
    # A name built on a common noun is often written with the noun in lower case in running
    # text ("le comté de Colchester", "el condado de Miami-Dade": RAE, BDL): its first letter
    # may be either.
    for _, city in announcement.cities.by_status():
        name = places.city_name(city, language).replace("’", "'")
        named = rf"(?<!\w)(?i:{re.escape(name[:1])}){re.escape(name[1:])}(?!\w)"
        if re.search(named, text):
            found.add(Fact("city", f"{city.country}:{city.name}", name))
            text = re.sub(named, " ", text)
    for match in _date_pattern(language).finditer(text):
        month = _month_number(match["month"], language)
        year = f"{match['year']}-" if match["year"] else ""
        found.add(Fact("date", f"{year}{month:02d}-{int(match['day']):02d}", match[0]))
        text = text.replace(match[0], " ")
    text = _in_figures(text, language)
    # "57%", "57 %" and English words for it ("57 per cent", CP; "57 percent") are one fact.
    percent = r"(?:[\s\u202f]?%|[\s\u00a0](?:per[\s\u00a0]cent|percent)\b)"
    for match in re.finditer(rf"(?<![\d.,])({_FIGURE}){percent}", text):
        found.add(Fact("percent", _number(match[1], language) + "%", match[0]))
        text = text.replace(match[0], " ")
    for match in re.finditer(rf"(?<![\d.,])(?:{_FIGURE})", text):
        found.add(Fact("number", _number(match[0], language), match[0]))
    return found


@dataclass(frozen=True)
class Finding:
    """A problem with the announcement field and the language it is about (for the review)."""

    problem: Problem
    field: tuple[str | int, ...]
    language: Language


def announcement_problems(
    doc: loader.Document,
    announcement: Announcement,
    timezone: str = "America/New_York",
    terms: dict | None = None,
    default_contacts: list | None = None,
) -> list[Finding]:
    """Untranslated texts and facts that differ between the languages of one announcement
    (read from ``doc``), and an embargo whose offset is not the program zone's."""
    assert announcement.languages
    languages = announcement.languages
    source = source_language(languages)
    problems = [
        Finding(problem, ("embargo",), source)
        for problem in embargo_offset(doc, announcement, timezone)
    ]
    for problem in unsendable(doc, contact_places(announcement.contacts)):
        problems.append(Finding(problem, ("contacts",), source))
    # A release goes to the press with someone to call: each language needs a contact.
    contacts = announcement.contacts or default_contacts or []
    for language in languages:
        if not contacts_in(contacts, language):
            problems.append(Finding(doc.problem(("contacts",), f"the {language} outputs have no "
                "media contact: give contacts for it, or one list for every language"),
                ("contacts",), language))  # fmt: skip
    problems += missing_city_languages(doc, announcement)
    return problems + _text_problems(doc, announcement, source, terms or {})


def _text_problems(
    doc: loader.Document, announcement: Announcement, source: Language, terms: dict
) -> list[Finding]:
    """Each text's spelling in every language, its QA and glossary against the ``source``
    text, a translation left as the source, and facts that differ between languages."""
    assert announcement.languages
    others = [lang for lang in announcement.languages if lang != source]
    problems: list[Finding] = []

    def add(loc: tuple, language: Language, message: str) -> None:
        problems.append(Finding(doc.problem((*loc, language), message), loc, language))

    not_words = names_in(announcement, terms)
    for loc, declared, all_texts in fields.texts(announcement):
        if source not in all_texts:
            continue
        # A city's texts are only in the languages of its releases.
        texts = {lang: all_texts[lang] for lang in announcement.languages if lang in all_texts}
        name = ".".join(str(part) for part in loc)
        for language, text in texts.items():
            accepted = not_words | qa.glossary_words(terms, language)
            for problem in qa.spelling_problems(text, language, accepted):
                add(loc, language, f"{name}: {problem}")
        # The source's own slips: a translation is checked against it below.
        for problem in qa.own_problems(texts[source], source):
            add(loc, source, f"{name}: {problem}")
        for language in [lang for lang in others if lang in texts]:
            found = qa.problems(texts[source], texts[language], language)
            found += qa.glossary_problems(terms, texts[source], texts[language], language)
            if texts[language] == texts[source] and _wants_translation(declared, texts[source]):
                found.append(f"the {language} text is the same as the {source} one; translate it")
            for problem in found:
                add(loc, language, f"{name}: {problem}")
        if declared.facts:  # a speaker's role states no facts to compare
            for language, message in _fact_problems(name, texts, source, others, announcement):
                add(loc, language, message)
    return problems


def _wants_translation(declared: fields.TextField, text: str) -> bool:
    """Whether the same text in another language was left untranslated: it has a word (four
    letters or more) and is no name, which may be the same in two languages."""
    return not declared.mark.name and re.search(r"[^\W\d_]{4,}", text) is not None


def missing_city_languages(doc: loader.Document, announcement: Announcement) -> list[Finding]:
    """A city whose country's press reads a language the announcement is not written in: its
    readers would get no release of their own ("Winnipeg: the press in Canada reads English
    and French"). ``languages_left_out`` says an omission is intended."""
    from babel import Locale

    from .places import country_name
    from .readers import press_languages

    assert announcement.languages
    written = set(announcement.languages) | set(announcement.languages_left_out)
    english = Locale("en").languages
    found = []
    for status in STATUSES:
        for index, city in enumerate(getattr(announcement.cities, status)):
            wanted = press_languages(city.country)
            missing = [lang for lang in wanted if lang not in written]
            if not missing:
                continue
            said = " and ".join(english[profile(lang).cldr_language] for lang in wanted)
            tags = " and ".join(missing)
            country = country_name(city.country, SOURCE_LANGUAGE, running_text=True)
            message = (
                f"{city.name}: the press in {country} "
                f"reads {said}; add {tags} to languages, or to languages_left_out if the "
                "announcement leaves it out on purpose"
            )
            problem = doc.problem(("cities", status, index), message)
            found.append(Finding(problem, ("cities", status, index), missing[0]))
    return found


def _fact_problems(
    name: str,
    texts: dict[Language, str],
    source: Language,
    others: list[Language],
    announcement: Announcement,
) -> list[tuple[Language, str]]:
    """The facts of one text (numbers, percents, dates, cities) that a language lacks or adds
    against the ``source`` text, each with its language: compared after each language's
    formatting is undone."""
    found = []
    stated = {lang: facts(text, lang, announcement) for lang, text in texts.items()}
    reference = {fact.value: fact for fact in stated[source]}
    for language in [lang for lang in others if lang in stated]:
        values = {fact.value: fact for fact in stated[language]}
        extra = [values[v] for v in sorted(set(values) - set(reference))]
        for value in sorted(set(reference) - set(values)):
            fact = reference[value]
            instead = next((f for f in extra if f.kind == fact.kind), None)
            message = f"{name}: {fact.kind} '{fact}' of the {source} text is missing in {language}"
            if instead is not None:  # "38%" against "83 %": one problem, both shown
                extra.remove(instead)
                message += f", which has '{instead}' instead"
            found.append((language, message))
        for fact in extra:
            message = f"{name}: {fact.kind} '{fact}' in {language} is not in the {source} text"
            found.append((language, message))
    return found


# What must never be sent: text left from a draft or a template. Each pattern says what it is.
_UNSENDABLE = [
    (re.compile(r"\b(TODO|TBD|TBC|XXX+|FIXME)\b"), "a draft mark"),
    (re.compile(r"(?i)\blorem ipsum\b|\blorem\b"), "placeholder text"),
    (re.compile(r"(?i)\b[\w.+-]*@?example\.(org|com|net)\b"), "an example domain"),
    # North American numbers 555-0100 to 555-0199 are reserved for fiction.
    (re.compile(r"\b555[ .-]?01\d\d\b"), "a fictional phone number (555-01xx)"),
    (re.compile(r"\bExample City\b"), "the starter file's example city"),
]


def unsendable(
    doc: loader.Document, contacts: list, *, today: dt.date | None = None
) -> list[Problem]:
    """Placeholders, draft marks and other things a press office must never send, in a file
    (an announcement or the settings), each at its line; contacts with no way to reach them; and
    a release date more than a year ahead, most likely a typo in the year."""
    problems = []
    for loc, text in loader.file_texts(doc.data):
        for pattern, what in _UNSENDABLE:
            found = pattern.search(text)
            if found:
                problems.append(doc.problem(loc, f"{what} must not be sent: '{found.group(0)}'"))
    for loc, contact in contacts:
        if not contact.email and not contact.phone:
            problems.append(
                doc.problem(loc, "a contact with neither e-mail nor phone: give one of them")
            )
    data = doc.data if isinstance(doc.data, dict) else {}
    released = data.get("date")
    today = today or dt.date.today()
    if isinstance(released, dt.date) and released > today + dt.timedelta(days=366):
        problems.append(
            doc.problem(
                ("date",),
                f"the release date {released.isoformat()} is more than a year away: is the "
                "year right?",
            )
        )
    return problems


def contact_places(contacts: Contacts) -> list[tuple[tuple, Contact]]:
    """Each contact with its place in the file: ("contacts", 0) or ("contacts", "es", 0)."""
    if isinstance(contacts, dict):
        return [
            (("contacts", lang, i), c)
            for lang, group in contacts.items()
            for i, c in enumerate(group)
        ]
    return [(("contacts", i), c) for i, c in enumerate(contacts)]


def project_problems(
    project: Project, announcements: list[Announcement], *, settings: bool
) -> list[Problem]:
    """Everything the gate refuses in the catalogs and in each of ``announcements`` (as the
    project loaded them), sorted; ``settings``: the settings' unsendable texts too."""
    terms = glossary(project.root)
    problems = catalog_problems(i18n.Catalogs(project.root), terms)
    if settings:
        contacts = contact_places(project.settings.contacts)
        problems += unsendable(project.settings_document, contacts)
    for announcement in announcements:
        assert announcement.id
        found = announcement_problems(
            project.documents[announcement.id],
            announcement,
            project.settings.timezone,
            terms,
            project.settings.contacts,
        )
        problems += [finding.problem for finding in found]
    return sorted(problems)


def held_notes(project: Project, announcements: list[Announcement]) -> list[Problem]:
    """Claims the roster could not prove, so not made: each at its line, with the record that
    would allow it; and cities whose clock no record gives. Not problems: a release is whole
    without them."""
    held = [
        note for a in announcements if a.id in project.facts for note in project.facts[a.id].held
    ]
    return sorted(held + [note for a in announcements for note in _unzoned(project, a)])


def _unzoned(project: Project, announcement: Announcement) -> list[Problem]:
    """The cities of an embargoed round whose time zone no record gives (a town GeoNames does
    not list, in a country or province of several clocks: Embrun, Ont.): their releases give the
    program's time, not a local one nobody can prove."""
    from .context import city_zones

    if not announcement.embargo or announcement.id not in project.documents:
        return []
    zoned = city_zones(announcement, announcement.cities.by_status())
    return [
        project.documents[announcement.id].problem(
            ("cities", status, index),
            f"{city.name}: no record gives its time zone, so its release gives the embargo in "
            f"the program's time; give the city `timezone:` (an IANA name, as America/Toronto) "
            "for its own",
        )
        for status in STATUSES
        for index, city in enumerate(getattr(announcement.cities, status))
        if city_key(city) not in zoned
    ]


def require_final(
    project: Project,
    announcements: list[Announcement],
    languages: list[str],
    problems: list[Problem],
) -> None:
    """Refused (exit 1), saying which and why, unless every language asked for (all when none)
    passes the gate (``problems``: what ``project_problems`` found) and is approved as it reads
    now."""
    from .approvals import state

    refused = [str(p) for p in problems]
    refused += [
        visible(f"{announcement.id}: {found.message}")  # names from the approvals file
        for announcement in announcements
        for language in announcement.languages or []
        if not languages or language in languages
        for found in [state(project, announcement, language)]
        if not found.approved
    ]
    if refused:
        raise Refused([*refused, "final: refused; approve the languages as they read now"])


def embargo_warnings(project: Project, announcements: list[Announcement]) -> list[Problem]:
    """Each announcement's release time written with an offset that is not the program's zone
    (``validate`` warns of it; the announcement problems of the gate include it)."""
    timezone = project.settings.timezone
    return [
        problem
        for announcement in announcements
        if announcement.id
        for problem in embargo_offset(project.documents[announcement.id], announcement, timezone)
    ]
