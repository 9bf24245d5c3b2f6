"""Names of places in each language: cities, their regions, their countries, datelines.

A spelling given in the file (``names``) wins over every rule. Every region is an ISO 3166-2
subdivision (``subdivisions.py``); ``data/regions.yaml`` holds only what the press writes
otherwise: US states with AP's abbreviations, Brazilian states, Canadian provinces, press names
("Lima" for "Municipalidad Metropolitana de Lima").

Three forms of a city, for three readers:
- running text of the program's release ("Carlsbad, California"; "Córdoba (Argentina)"): by
  state or province where its press places that country's cities so, else by country;
- local, for a city's release in its own language ("Ibagué (Tolima)", "Fortaleza (CE)"): the
  region by name, never the country;
- datelines, in capitals.

How a press places a city is its language profile's (``regions``, ``region_form``,
``standalone``): this module applies it and holds no rule about a language or a country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale

from .capitals import is_capital
from .exonyms import press_exonym
from .folding import fold
from .languages import ALSO_PATTERN, REGISTRY, SOURCE_LANGUAGE, profile
from .model import Language, Place, city_key
from .style import HouseStyle
from .subdivisions import iso_translation, subdivisions

DEFAULT_HOUSE = HouseStyle()


@cache
def _regions() -> dict[str, Any]:
    text = resources.files("wwc_press").joinpath("data/regions.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _entry(place: Place) -> dict[str, Any]:
    return _regions().get(place.country, {}).get(place.region or "") or {}


def _texts(language: str) -> str:
    """The language of the file's spellings for a profile: "en" for Canadian English."""
    return profile(language).text_language


def region_name(place: Place, language: Language) -> str | None:
    """The region spelled out in ``language``: our table, else iso-codes' translation for a
    country whose regions the press translates (``Profile.translated_regions``: "Carolina del
    Sur", "Colombie-Britannique"), else its official name, in its country's own language
    ("Tolima", "Nuevo León" in every language); None without a region. A region
    named for its city is spelled as the city is (the province of "San Jose" in English where
    the file writes the city so, the department of "Montevidéu" in Portuguese): a table that
    prints both never shows two forms of one name (where the city's name only holds the
    region's, as "Quebec City" holds "Quebec", the region keeps its own)."""
    name = _region_name(place, language)
    # A region named as a city the press accents its own way is spelled so too: the state of
    # "Río de Janeiro" in Spanish, as the city is (data/exonyms.yaml); not "Quebec City".
    press = name and press_exonym((name,), place.country, _texts(language))
    name = press if press and fold(press) == fold(name or "") else name
    if name and fold(name) in {fold(other) for other in _names(place)}:
        city = city_name(place, language)
        # ... but the province of "Quebec City" is still "Quebec".
        return name if _contains(city, name) and fold(city) != fold(name) else city
    return name


def _region_name(place: Place, language: Language) -> str | None:
    if place.region is None:
        return None
    entry = _entry(place)
    name = entry.get(_texts(language)) or entry.get("name")
    if name:
        return name
    official = subdivisions(place.country).get(place.region)
    if official is None or place.country not in profile(language).translated_regions:
        return official
    return iso_translation(language).gettext(official)


def city_name(place: Place, language: Language) -> str:
    """The city alone, the one form every output of ``language`` prints (text, tables, datelines,
    cards): the file's spelling for this language, else its press's name for the city
    (``data/exonyms.yaml``: "Quebec", "Rosário", "San Petersburgo"), else the language's own
    name for it where CLDR gives one ("Nueva York", "Montevidéu"), else the name residents use."""
    texts = _texts(language)
    if texts in place.names:
        return place.names[texts]
    county = profile(language).county_form
    if county and place.name.endswith(" County"):  # "condado de Pima", not "Pima County"
        return county.format(name=place.name.removesuffix(" County"))
    return (
        press_exonym(_names(place), place.country, texts)
        or _exonym(place.name, place.country, language)
        or profile(language).city_form(place.name)
    )


def with_article(place: Place, text: str, language: Language) -> str:
    """``text`` naming ``place`` in running text, with the article its press gives the city
    ("o Recife", "a Cidade da Guatemala": the language profile's ``city_articles``), or the
    article of the common noun its name is built on (« la Municipalité régionale du
    Cap-Breton »: ``noun_articles``; "the Regional Municipality of Wood Buffalo":
    ``of_name_article``)."""
    press, name = profile(language), city_name(place, language)
    article = press.city_articles.get(place.country, {}).get(name)
    if article is None and " " in name:  # the noun and its complement; a noun alone is a name
        head, of, _ = name.partition(" of ")
        if of and press.of_name_article and set(head.split()) & press.municipal_nouns:
            return f"{press.of_name_article} {text}"  # "the Township of Langley"
        return with_noun_article(text, language, noun=name.split(" ", 1)[0])
    return f"{article} {text}" if article else text


@cache
def _nouns(language: Language) -> tuple[dict[str, str], frozenset[str]]:
    """The profile's ``noun_articles`` and ``municipal_nouns``, whatever the case ("comté de
    Kings" as « Comté de … »), worked out once per language: every name in running text asks."""
    press = profile(language)
    articles = {noun.casefold(): article for noun, article in press.noun_articles.items()}
    return articles, frozenset(noun.casefold() for noun in press.municipal_nouns)


def with_noun_article(text: str, language: Language, noun: str | None = None) -> str:
    """``text`` with the article of the common noun it opens with (``noun``, else its first
    word), where the language gives that noun one (``noun_articles``, whatever the case: "comté
    de Kings" too): "la comuna", « l'arrondissement »."""
    article = _nouns(language)[0].get((noun or text.split(" ", 1)[0]).casefold())
    if not article:
        return text
    return f"{article}{text}" if article.endswith("'") else f"{article} {text}"


def kind_with_article(kind: str, language: Language) -> str:
    """What a district is, as its lead and lists name it: with its noun's article in a language
    whose nouns carry one (« l'arrondissement »), else with English's "a" or "an" ("an
    alcaldía", never "a alcaldía")."""
    if profile(language).noun_articles:
        return with_noun_article(kind, language)
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def is_a_city(place: Place, language: Language) -> bool:
    """Whether ``place``'s release may call it "the city": not a district of another city
    (``within``), nor a place whose name says it is a municipality, county or district of
    another kind ("Cape Breton Regional Municipality", « Municipalité régionale du
    Cap-Breton »: the profile's ``municipal_nouns``)."""
    if part_of(place) is not None:
        return False
    words = {word.casefold() for word in re.findall(r"\w+", city_name(place, language))}
    return not words & _nouns(language)[1]


def datelined_in(place: Place) -> Place:
    """Where a city's release is datelined: the city a district is part of (``within``), the
    place the file names for a city whose name is no dateline's (``dateline``: Cape Breton
    Regional Municipality is datelined SYDNEY, its seat), else the city itself."""
    seat = getattr(place, "dateline", None)
    if seat is not None:
        return Place(name=seat, region=place.region, country=place.country)
    return part_of(place) or place


def _in_text(place: Place, language: Language) -> str:
    """The city as running text names it: its name, with its article where it takes one."""
    return with_article(place, city_name(place, language), language)


@cache
def _exonym(name: str, country: str, language: Language) -> str | None:
    """CLDR's name in ``language`` of a city it names as a time zone's (Babel's exemplar cities:
    America/New_York is "Nueva York" in Spanish, America/Montevideo "Montevidéu" in Portuguese),
    when ``name`` is one of that city's names in our languages; English "New York City" is
    America/New_York's "New York". None in a language of the city's own country, where the
    residents' name stands ("New York City" in English, "Ciudad de México" in Spanish), and for
    a zone named for its country (America/Guatemala is "Guatemala": the country, to a reader)."""
    from babel.languages import get_official_languages

    from .zones import country_zones

    if profile(language).cldr_language in get_official_languages(country, de_facto=True):
        return None
    wanted = fold(name)
    for zone in country_zones(country):
        if fold(_zone_city(zone, language)) == fold(country_name(country, language)):
            continue
        names = {fold(_zone_city(zone, tag)) for tag in REGISTRY}
        if wanted in names or wanted == fold(_zone_city(zone, SOURCE_LANGUAGE)) + " city":
            return _zone_city(zone, language)
    return None


@cache
def _zone_city(zone: str, language: Language) -> str:
    """CLDR's city of ``zone`` in ``language`` ("Nueva York" for America/New_York in Spanish)."""
    from babel.dates import get_timezone_location

    return get_timezone_location(zone, profile(language).babel_locale, return_city=True)


@cache
def country_name(code: str, language: Language, *, running_text: bool = False) -> str:
    """CLDR's name of the country in ``language`` ("Brasil", "Estados Unidos")."""
    press = profile(language)
    name = Locale.parse(press.babel_locale).territories[code]
    return press.country_articles.get(code, "") + name if running_text else name


def _contains(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is a run of whole words of ``longer``, accents and case aside."""
    return f" {fold(shorter)} " in f" {fold(longer)} "


def _names(place: Place) -> tuple[str, ...]:
    return (place.name, *place.names.values())


def _says_region(place: Place) -> bool:
    """A city whose name already says its region needs no region after it: "New York City",
    "Quebec City", Mendoza in Mendoza, Bogotá in the Capital District of Bogotá ("New York City,
    New York" reads as a stammer)."""
    return _name_says_region(_names(place), place.region, place.country)


@cache  # asked for every city of every page: a city's names and region do not change
def _name_says_region(names: tuple[str, ...], region: str | None, country: str) -> bool:
    place = Place(name=names[0], region=region, country=country)
    official = subdivisions(country).get(region or "")
    regions = [r for r in [official, *(region_name(place, lang) for lang in REGISTRY)] if r]
    return any(_contains(n, r) or _contains(r, n) for n in names for r in regions)


def _is_region_capital(place: Place) -> bool:
    capital = _entry(place).get("capital")
    return capital is not None and any(fold(name) == fold(capital) for name in _names(place))


def _says_country(place: Place) -> bool:
    """The country is in the name already: "Guatemala City", "Ciudad de México"."""
    return _name_says_country(_names(place), place.country)


@cache
def _name_says_country(names: tuple[str, ...], country: str) -> bool:
    countries = [country_name(country, lang) for lang in REGISTRY]
    return any(_contains(name, other) for name in names for other in countries)


def _own_qualifier(place: Place, language: Language) -> bool:
    """A spelling of the file that already places the city: "Washington, D.C.", "X (Y)"."""
    spelling = place.names.get(_texts(language), "")
    return "," in spelling or "(" in spelling


def _listed(place: Place, names: tuple[str, ...], language: Language) -> str | None:
    """The city as the press's list ``names`` writes it, if listed: by its name, by its name
    without "City" (New York City is AP's "New York"), or as the press writes the name (AP's
    "St. Louis" for "Saint Louis")."""
    listed = {fold(name): name for name in names}
    name = place.name
    spelled = [name, name.removesuffix(" City"), profile(language).city_form(name)]
    return next((listed[fold(each)] for each in spelled if fold(each) in listed), None)


def _standalone(place: Place, language: Language) -> bool:
    """Cities that take no state, province or country after them: on their press's list (AP's
    30 US dateline cities, CP's Canadian ones, the few US cities Latin American desks print
    alone), their country's capital, or whose name or spelling already places them."""
    if part_of(place):  # a district is placed by its city, even a capital's namesake
        return False
    # A spelling in ``names`` changes how the city is written, never whether its state is given
    # ("San Jose, California"), unless it carries its own ("Washington, D.C.").
    if _own_qualifier(place, language) or _says_region(place) or _says_country(place):
        return True
    press = profile(language)
    if (place.country, place.region) == press.home_region:
        return True  # the readers' own region: "Laval", not "Laval (Québec)", in Quebec
    if _listed(place, press.standalone.get(place.country, ()), language) is not None:
        return True
    if place.country in press.region_capitals_alone and _is_region_capital(place):
        return True
    return is_capital(_names(place), place.region, place.country)


# A place and what qualifies it (its state, region or country), as English writes it; the
# catalogs translate the pattern (context "place"): "Carlsbad (California)" in Spanish.
PLACE_PATTERN = "%(place)s, %(qualifier)s"
# A district with the city it is part of (``district``), as its lead and an English series say
# it: "Miraflores, a district of Lima,". The catalog's English form (localize.WITHIN).
WITHIN_PATTERN = "%(district)s of %(city)s,"


def by_commas(pattern: str) -> bool:
    """Whether ``pattern`` sets a place's qualifier off by commas ("Lima, Peru", English), not
    in parentheses ("Lima (Perú)")."""
    return pattern.startswith("%(place)s,")


def _with(name: str, qualifier: str, pattern: str) -> str:
    return pattern % {"place": name, "qualifier": qualifier}


def qualifier(
    place: Place, language: Language, house: HouseStyle = DEFAULT_HOUSE, *, dateline: bool = False
) -> str:
    """The state, province or region that follows a city, in the form its press gives it
    (``Profile.region_form``): "California", "Calif.", "CA", "(CE)", "Que.", "Tolima"."""
    if whole := part_of(place):  # "Miraflores (Lima)", whatever the region's name
        return city_name(whole, language)
    form = profile(language).region_form(place.country, house, dateline=dateline)
    entry = _entry(place)
    if form == "code" or (form == "postal" and entry):
        return place.region or ""
    texts = _texts(language)
    if form == "in_text":  # "estado de Nueva York", where the state could read as the city
        written = entry.get("in_text", {}).get(texts) or entry.get(texts)
    elif form == "full":  # a US state as the table spells it
        written = entry.get(texts)
    elif form == "name":  # the region's name as ``region_name`` gives it, in text as the
        # press writes it where the name is a city's too ("estado de São Paulo", "provincia de
        # Buenos Aires")
        written = None if dateline else entry.get("in_text", {}).get(texts)
    else:  # the press's abbreviation: "ap", "cp"
        written = entry.get(form)
    return written or region_name(place, language) or ""


def part_of(place: Place) -> Place | None:
    """The city a district, borough or commune of the file is part of (``City.within``), in
    its region and country: where its release is datelined, and what places it in a list."""
    within = getattr(place, "within", None)  # a city of the file; a dateline has none
    if within is None:
        return None
    return Place(name=within.city, region=place.region, country=place.country)


def _is_local(place: Place, language: Language) -> bool:
    """Cities whose readers place them by state or province rather than by country."""
    return place.country in profile(language).regions


def local_name(
    place: Place,
    language: Language,
    house: HouseStyle = DEFAULT_HOUSE,
    *,
    pattern: str = PLACE_PATTERN,
) -> str:
    """The city as its own press names it: with its region by name, never its country
    ("Ibagué (Tolima)", "Monterrey (Nuevo León)", "Fortaleza (CE)", "Bogotá D. C.")."""
    name = city_name(place, language)
    if _standalone(place, language):
        return name
    after = qualifier(place, language, house, dateline=False)
    return _with(name, after, pattern) if after else name


def cities_in_text(
    places: list[Place],
    language: Language,
    house: HouseStyle = DEFAULT_HOUSE,
    *,
    pattern: str = PLACE_PATTERN,
    among: Iterable[str] = (),
    grouped: bool = True,
    placed: Place | None = None,
    by_region: bool = False,
    set_off: bool = False,
    also: str = ALSO_PATTERN,
) -> str:
    """Cities as the program's release names them, grouped by country where that reads better.

    "Buenos Aires and Córdoba, Argentina; Montevideo, Uruguay; and Carlsbad, California":
    US cities (Canadian ones in English, Brazilian ones in Portuguese) go with their state or
    province, others with their country. Where commas set the region off, cities of one state
    or province share it ("Laval and Gatineau, Que.", not "Laval, Que., and Gatineau, Que.");
    in parentheses each keeps its own, so that a long series keeps its commas. ``by_region``,
    every city goes with its region, never its country: the sentence names the country.

    ``among`` are the countries of every city the release names: whether a US city takes its
    country too ("Tulsa (Oklahoma, EE. UU.)") is decided once per release, not per sentence. The
    city ``placed`` by the dateline is named alone: the reader knows where it is (AP, CP).

    A place closing a series reads as the place of every name before it, as a shared one does
    ("Lima, Arequipa y Trujillo (La Libertad)"): the cities named alone go last, after those
    with a place ("Trujillo (La Libertad), Lima y Arequipa"), unless semicolons set each item
    off (AP: "Chicago; Henderson, Nevada; and Syracuse"); not ``grouped`` ("respectively"), the
    caller orders them (``series_order``). ``set_off``, words follow: what closes the series is
    set off as it would be alone ("Boise, Idaho, and Chicago renewed"; "Washington, D.C.,").
    """
    items = _items(places, language, house, pattern, among, grouped, placed, by_region)
    texts = _worded(items, language, house, pattern)
    order = _unambiguous(texts, items, language) if grouped else list(range(len(items)))
    text = profile(language).series([texts[i] for i in order], house.serial_comma, also)
    closing = texts[order[-1]] if set_off and order else ""  # what follows it is set off
    return text + profile(language).inline(closing)[len(closing) :]


def series_order(
    places: list[Place],
    language: Language,
    house: HouseStyle = DEFAULT_HOUSE,
    *,
    pattern: str = PLACE_PATTERN,
    among: Iterable[str] = (),
    placed: Place | None = None,
) -> list[int]:
    """The order (indices into ``places``) of cities named one by one that leaves no place read
    as theirs by the cities before it: what goes with each ("respectively") follows it."""
    items = _items(places, language, house, pattern, among, False, placed, False)
    return _unambiguous(_worded(items, language, house, pattern), items, language)


Item = tuple[str, list[Place], tuple[str, ...]]  # cities, their place ("": alone), its codes


def _unambiguous(texts: list[str], items: list[Item], language: Language) -> list[int]:
    """The items' order, one named alone moved last where the next place would read as its own
    and is not ("Chicago, Cincinnati (Ohio)"; not "Phoenix and Tempe, Arizona"): see above."""

    def misread(index: int) -> bool:
        where, (place, *_), _ = items[index]
        after = next((item[2] for item in items[index + 1 :] if item[0]), None)
        own = (place.country, place.region or "")
        return not where and after is not None and after != own[: len(after)]

    order = list(range(len(items)))
    return order if profile(language).delimits(texts) else sorted(order, key=misread)


def _items(
    places: list[Place],
    language: Language,
    house: HouseStyle,
    pattern: str,
    among: Iterable[str],
    grouped: bool,
    placed: Place | None,
    by_region: bool,
) -> list[Item]:
    """The cities of ``cities_in_text``, each named alone or in a group with its place."""
    press = profile(language)
    share_regions = grouped and by_commas(pattern)
    # Some city of the release is named with a country: a US city is given its country too.
    mixed = len({place.country for place in places} | set(among)) > 1
    groups: dict[str, list[Place]] = {}
    items: list[Item] = []
    for place in places:
        if placed is not None and city_key(place) == city_key(placed):
            items.append(("", [place], ()))
        elif whole := part_of(place):  # it says which Miraflores: Lima's
            # Its city as the series would place it: "Lima, Peru", but "Mexico City" alone (AP);
            # before any region ("Verdun, a borough of Montreal, Montreal" named its city twice
            # where the press places its country's cities by province: CP desk, reading 29).
            (placed_whole, *_), *_ = _items([whole], language, house, pattern, among, False,
                                            None, by_region)  # fmt: skip
            if by_commas(pattern):  # "Barranco, a district of Lima, Peru" (_worded), never
                where = placed_whole  # "Vitacura, Santiago, Chile": a state (AP, reading 24)
            else:  # "Miraflores (Lima, Perú)"
                where = city_name(whole, language)
                where = f"{where}, {placed_whole}" if placed_whole else where
            items.append((where, [place], (place.country,)))
        elif by_region or _is_local(place, language):
            after = "" if _standalone(place, language) else qualifier(place, language, house)
            where = (place.country, place.region or "")
            country = press.region_and_country.get(place.country)
            if after and mixed and country:
                after = f"{after}, {country}"
            elif mixed and country and _says_region(place):  # "Oklahoma City (EUA)"
                after, where = country, (place.country,)
            key = f"{place.country}-{place.region}" if share_regions else f"{len(items)}-"
            if not after:
                items.append(("", [place], ()))
            elif key in groups:
                groups[key].append(place)
            else:
                groups[key] = [place]
                items.append((after, groups[key], where))
        elif _says_country(place):
            items.append(("", [place], ()))
        elif grouped and place.country in groups:
            groups[place.country].append(place)
        else:
            key = place.country if grouped else f"{len(items)}-{place.country}"
            groups[key] = [place]
            items.append((country_name(place.country, language), groups[key], (place.country,)))
    return items


def district(place: Place, name: str, language: Language) -> str:
    """A district (``within``) named with what it is, as its language says it
    (``Profile.district_form``): "Barranco, a district", "la comuna de Vitacura", "la alcaldía
    Cuauhtémoc"; its name alone where the file gives no kind."""
    press = profile(language)
    kind = place.within.kind.get(_texts(language), "")  # type: ignore[attr-defined]
    if not kind:
        return name
    with_article = kind_with_article(kind, language)
    if kind.split(" ", 1)[0].casefold() in press.appositive_nouns:
        return f"{with_article} {name}"
    return press.district_form.format(kind=with_article, name=name)


def _in_series(place: Place, text: str, language: Language, pattern: str) -> str:
    """A place as a series names it: a district with what it is, and with its city where the
    series sets places off by commas ("Barranco, a district of Lima, Peru": "Barranco (Lima)"
    and "Vitacura, Santiago" read as a province or state, AP desk, readings 24 and 25); where
    they stand in parentheses, the city is there ("el distrito de Barranco (Lima, Perú)":
    "Cuauhtémoc (Ciudad de México)" left a quote's "una alcaldía" nothing to point to, readings
    27 and 28)."""
    whole = part_of(place)
    if whole is None:
        return text
    named = district(place, text, language)
    if named == text or not by_commas(pattern):
        return named
    return (WITHIN_PATTERN % {"district": named, "city": city_name(whole, language)}).rstrip(",")


def _worded(items: list[Item], language: Language, house: HouseStyle, pattern: str) -> list[str]:
    """The items' words: each group's names with the place they share."""
    press = profile(language)
    texts = []
    for where, members, _ in items:
        named = [_in_series(p, _in_text(p, language), language, pattern) for p in members]
        names = press.series(named, house.serial_comma)
        texts.append(_with(names, where, pattern) if where else names)
    return texts


def in_capitals(name: str) -> str:
    """A dateline's city in capitals, its "Mc" or "Mac" before a capital kept as written: "FORT
    McMURRAY", as AP and CP set "McALLEN" ("MCMURRAY" reads as a misprint)."""
    parts = re.split(r"\b(Mc|Mac)(?=[A-Z])", name)
    return "".join(part if index % 2 else part.upper() for index, part in enumerate(parts))


def dateline(
    place: Place,
    language: Language,
    house: HouseStyle = DEFAULT_HOUSE,
    *,
    local: bool = False,
    pattern: str = PLACE_PATTERN,
) -> str:
    """The place of a dateline, the city in capitals.

    AP: a US city with its state abbreviated, a Canadian one with its province spelled out,
    others with their country; CP: a Canadian one with its province abbreviated. ``local`` is
    the dateline of a city's release in its own language, where its own press needs no country
    ("FORTALEZA (CE)"), save where the profile gives it to all but a capital (EFE: "CUENCA
    (Ecuador)", "BUENOS AIRES").
    """
    place = datelined_in(place)  # "LIMA, Peru — Miraflores, a district of Lima, …"
    press = profile(language)
    if listed := _listed(place, press.dateline_cities.get(place.country, ()), language):
        return in_capitals(listed)  # AP: "WASHINGTON", "NEW YORK", whatever the text says
    name = in_capitals(city_name(place, language))
    if _is_local(place, language):
        if _standalone(place, language):
            return name  # "MONTRÉAL, le 12 mars 2025 –"
        after = qualifier(place, language, house, dateline=True)
        return _with(name, after, pattern) if after else name
    if press.dateline_capitals_alone:  # EFE: any city but a capital, "MENDOZA (Argentina)" too
        local = is_capital(_names(place), place.region, place.country)
    if local or _own_qualifier(place, language) or _says_country(place):
        return name
    return _with(name, country_name(place.country, language), pattern)
