"""Translation QA, the checks translation platforms run on prose: translate-toolkit's own
(pofilter's, which Weblate runs too), configured by each language's profile, and ours for what
it lacks; each compares a translation with its English source.

Run by ``check`` on every catalog entry and every translated text of an announcement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker
from translate.lang import factory

from .languages import PROFILES, Profile, profile

Check = Callable[[str, str, Profile], str | None]  # (source, translation, profile) -> problem

# translate-toolkit's checks we run, each under the name check reports it by: the two of
# whitespace and the two of addresses are one check each to the reader.
TOOLKIT = {
    "doublewords": "doublewords",
    "doublespacing": "doublespacing",
    "startwhitespace": "whitespace",
    "endwhitespace": "whitespace",
    "endpunc": "endpunc",
    "urls": "urls",
    "emails": "urls",
}
# The checks that need no source: they hold for the source language's own texts too, which
# nothing else reads before the press does ("to cut the the wait").
OWN_TOOLKIT = ("doublewords", "doublespacing", "startwhitespace", "endwhitespace")

# A sentence's period sits inside a quote's closing mark or after it, as each press has it
# (“…it.” in English, «…evaluación». in Spanish, “…”. in Brazilian usage): endpunc compares
# the ends of the sentences, the closing marks aside.
_CLOSING_MARKS = '”»"\u00a0\u202f '


@cache
def _checker(language: str) -> StandardChecker:
    """translate-toolkit's checker for ``language``, told by its profile how the press
    punctuates: the English is compared with a translation after the language's typography
    (Canadian French: a no-break space before the colon, none before ; ! ? as pofilter's French
    would have it)."""
    rules = profile(language)
    toolkit = type(factory.getlanguage(rules.babel_locale))

    class Press(toolkit):  # type: ignore[misc, valid-type]
        _languages: dict = {}  # the toolkit keeps one object per code and class: ours apart

        @classmethod
        def punctranslate(cls, text: str) -> str:
            # A space after, so that a mark that ends the text is spaced as one within it.
            spaced = rules.typography(text + " ")
            return spaced[:-1] if spaced.endswith(" ") else spaced

    config = CheckerConfig(targetlanguage=rules.babel_locale)
    config.lang = Press(rules.babel_locale)
    return StandardChecker(config, limitfilters=list(TOOLKIT))


def _toolkit_problems(source: str, text: str, language: str, names: Iterable[str]) -> list[str]:
    checker = _checker(language)
    found = []
    for name in names:
        pair = (source, text)
        if name == "endpunc":
            pair = (source.rstrip(_CLOSING_MARKS), text.rstrip(_CLOSING_MARKS))
        try:
            getattr(checker, name)(*pair)
        except FilterFailure as failure:
            message = str(failure)
            found.append(f"{TOOLKIT[name]}: {message[:1].lower()}{message[1:]}")
    return found


_PAIRS = {"(": ")", "[": "]", "{": "}"}


def brackets(source: str, text: str, rules: Profile) -> str | None:
    """Each bracket closed in the text itself: translate-toolkit's brackets counts the English
    ones, and a translation adds its own ("Fortaleza (CE)", "(sigue)")."""
    for opening, closing in _PAIRS.items():
        if text.count(opening) != text.count(closing):
            return f"unbalanced '{opening}{closing}'"
    return None


def inverted(source: str, text: str, rules: Profile) -> str | None:
    """A question or an exclamation opened as the language opens it (RAE: ¿…? ¡…!)."""
    for opening, closing in rules.inverted_marks:
        if text.count(opening) != text.count(closing):
            return f"'{closing}' needs its '{opening}'"
    return None


def quotes(source: str, text: str, rules: Profile) -> str | None:
    """The language's own quotation marks: straight quotes never, and its opening mark where
    the text quotes with another language's (“ ” where it quotes with « »)."""
    if '"' in text:
        return "straight quotes (\") in the text: use the language's quotation marks"
    if "“" in text and rules.opening_quote not in text:
        return f"“ ” where the language opens a quote with {rules.opening_quote}"
    return None


OURS: tuple[Check, ...] = (brackets, inverted, quotes)
OWN_OURS: tuple[Check, ...] = (brackets, quotes)


def own_problems(text: str, language: str) -> list[str]:
    """Each problem of ``text`` that shows without a translation to compare with: it is
    compared with itself spaced as it should be, for the toolkit's spacing checks."""
    regular = " ".join(text.split())
    found = _toolkit_problems(regular, text, language, OWN_TOOLKIT)
    return found + _our_problems(text, text, language, OWN_OURS)


def problems(source: str, text: str, language: str) -> list[str]:
    """Each QA problem of ``text`` against its English ``source``, named after its check."""
    found = _toolkit_problems(source, text, language, TOOLKIT)
    return found + _our_problems(source, text, language, OURS)


def _our_problems(source: str, text: str, language: str, checks: tuple[Check, ...]) -> list[str]:
    rules = profile(language)
    return [
        f"{check.__name__}: {problem}"
        for check in checks
        for problem in [check(source, text, rules)]
        if problem
    ]


# The glossary: one project file of terms per language (glossary.yaml), with notes.
GLOSSARY = "glossary.yaml"


def glossary_problems(glossary: dict, source: str, text: str, language: str) -> list[str]:
    """The glossary's rules on a translation: names kept as they are, the required translation
    of each term the English uses, no forbidden variant."""
    found = []
    for name in glossary.get("keep", []):
        if name in source and name not in text:
            found.append(f"glossary: '{name}' is a name, kept as it is in every language")
    for term, translation in glossary.get("required", {}).get(language, {}).items():
        if re.search(rf"\b{re.escape(term)}\b", source) and translation not in text:
            found.append(f"glossary: '{term}' is '{translation}' in {language}")
    for rule in glossary.get("forbidden", {}).get(language, []):
        hit = re.search(rule["pattern"], text)
        if hit:
            found.append(f"glossary: '{hit.group(0)}' must not be used: {rule['note']}")
    return found


_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


@cache
def _dictionary(tag: str):
    """The hunspell dictionary through enchant, or None when it is not installed."""
    import enchant

    try:
        return enchant.Dict(tag)
    except enchant.errors.DictNotFoundError:
        return None


@cache
def _variant_dictionaries(language: str) -> tuple:
    """The dictionaries of the language's variants: their readers take the file's text in their
    own spelling (the "en" of a Canadian round may write "kilometres", as CP does: a round's
    writer was told it was misspelt)."""
    found = (_dictionary(p.babel_locale) for p in PROFILES.values() if p.variant_of == language)
    return tuple(dictionary for dictionary in found if dictionary is not None)


def glossary_words(glossary: dict, language: str) -> set[str]:
    """What spelling accepts besides the dictionary: the glossary's names and the program's own
    words of ``language``."""
    names = {word for name in glossary.get("keep", []) for word in name.split()}
    return names | set(glossary.get("words", {}).get(language, []))


def spelling_problems(text: str, language: str, names: set[str]) -> list[str]:
    """Words a real dictionary does not know, with its suggestions; ``names`` (the
    announcement's places and people, the glossary's names) are not words to spell."""
    tag = profile(language).babel_locale  # hunspell's dictionaries are named as CLDR's
    dictionary = _dictionary(tag)
    if dictionary is None:
        return [f"spelling: no {tag} dictionary here; install Debian's hunspell for it"]
    variants = _variant_dictionaries(language)
    found = []
    folded = {name.casefold() for name in names}

    def known(word: str) -> bool:
        if len(word) < 3 or word.casefold() in folded or dictionary.check(word):
            return True
        return any(variant.check(word) for variant in variants)

    for word in dict.fromkeys(_WORD.findall(text)):
        # A compound is spelt when its parts are: "Trois-Rivières" is two words of a name.
        if known(word) or all(known(part) for part in re.split(r"[’'-]", word)):
            continue
        suggestions = dictionary.suggest(word)[:3]
        meant = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        found.append(f"spelling: '{word}' is not in the {tag} dictionary{meant}")
    return found
