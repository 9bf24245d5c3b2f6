"""Translation QA, the checks translation platforms run on prose, named as Weblate and
translate-toolkit's pofilter name them; each compares a translation with its English source.

Run by ``check`` on every catalog entry and every translated text of an announcement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .languages import profile

Check = Callable[[str, str, str], str | None]  # (source, translation, language) -> problem

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s)»”]+")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def doublewords(source: str, text: str, language: str) -> str | None:
    found = re.search(r"(?i)\b(\w+)\s+\1\b", text)
    return f"the word '{found.group(1)}' is doubled" if found else None


def doublespacing(source: str, text: str, language: str) -> str | None:
    return "two spaces in a row" if "  " in text else None


def whitespace(source: str, text: str, language: str) -> str | None:
    return "a space at the start or the end" if text != text.strip() else None


def endpunc(source: str, text: str, language: str) -> str | None:
    """The sentence ends as the English does (a period, or none); Spanish may close a quote
    after its period ("…».")."""
    mine, theirs = text.rstrip("»”\u00a0 ")[-1:], source.rstrip('”" ')[-1:]
    if (mine in ".!?") != (theirs in ".!?"):
        return f"it ends with '{mine}', the English with '{theirs}'"
    return None


def brackets(source: str, text: str, language: str) -> str | None:
    for opening, closing in _PAIRS.items():
        if text.count(opening) != text.count(closing):
            return f"unbalanced '{opening}{closing}'"
    return None


def inverted(source: str, text: str, language: str) -> str | None:
    """Spanish opens a question or an exclamation too (RAE): ¿…? ¡…!"""
    if language != "es":
        return None
    for opening, closing in (("¿", "?"), ("¡", "!")):
        if text.count(opening) != text.count(closing):
            return f"'{closing}' needs its '{opening}' (RAE)"
    return None


def quotes(source: str, text: str, language: str) -> str | None:
    """The language's own quotation marks: straight quotes never, and « » where the language
    quotes with them."""
    if '"' in text:
        return "straight quotes (\") in the text: use the language's quotation marks"
    french_style = profile(language).quote("x").startswith("«")
    if french_style and ("“" in text and "«" not in text):
        return "“ ” where the language quotes with « »"
    return None


def urls(source: str, text: str, language: str) -> str | None:
    wanted = set(_URL.findall(source)) | set(_EMAIL.findall(source))
    missing = [item for item in wanted if item not in text]
    return f"'{missing[0]}' is not in the translation, unchanged" if missing else None


CHECKS: tuple[Check, ...] = (
    doublewords, doublespacing, whitespace, endpunc, brackets, inverted, quotes, urls,
)  # fmt: skip


# The checks that need no source: they hold for the source language's own texts too, which
# nothing else reads before the press does ("to cut the the wait").
OWN_CHECKS: tuple[Check, ...] = (doublewords, doublespacing, whitespace, brackets, quotes)


def own_problems(text: str, language: str) -> list[str]:
    """Each problem of ``text`` that shows without a translation to compare with."""
    return problems(text, text, language, OWN_CHECKS)


def problems(
    source: str, text: str, language: str, checks: tuple[Check, ...] = CHECKS
) -> list[str]:
    """Each QA problem of ``text`` against its English ``source``, named after its check."""
    found = []
    for check in checks:
        problem = check(source, text, language)
        if problem:
            found.append(f"{check.__name__}: {problem}")
    return found


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
    found = []
    folded = {name.casefold() for name in names}

    def known(word: str) -> bool:
        return len(word) < 3 or word.casefold() in folded or bool(dictionary.check(word))

    for word in dict.fromkeys(_WORD.findall(text)):
        # A compound is spelt when its parts are: "Trois-Rivières" is two words of a name.
        if known(word) or all(known(part) for part in re.split(r"[’'-]", word)):
            continue
        suggestions = dictionary.suggest(word)[:3]
        meant = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        found.append(f"spelling: '{word}' is not in the {tag} dictionary{meant}")
    return found
