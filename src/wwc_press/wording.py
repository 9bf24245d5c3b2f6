"""pydantic's verdict on a file in a user's words: each problem at its key or value, saying what
is wrong and what would be right.

Each type of the model words its own failures (``worded``, as a language names the languages
and a date says to remove its quotes); pydantic's verdicts on the plain shapes every type shares
(a list, a mapping, a text, a whole number, a choice, a length, a bound) are worded here once,
and so are the model's keys (unknown, missing).
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError, WrapValidator
from pydantic_core import ErrorDetails, PydanticCustomError

if TYPE_CHECKING:
    from .errors import Problem
    from .loader import Document

# A message that names the value's field begins with this: a type does not know the key it is
# written under, so ``message`` puts it there.
FIELD = "'{field}'"
WORDED = "worded"  # the kind of an error a type of ours words

# pydantic's own verdicts, in a user's words; {field} is the key the value is written under,
# {input} the value, the rest pydantic's context of the error.
_BUILT_IN = {
    "list_type": "'{field}' must be a list (got {type} '{input}')",
    "model_type": "'{field}' must be a mapping of keys (got {type} '{input}')",
    "dict_type": "'{field}' must be a mapping (got {type} '{input}')",
    "string_type": "'{field}' must be a text (got {type} '{input}')",
    "int_type": "'{field}' must be a whole number (got '{input}')",
    "greater_than_equal": "'{field}' must be at least {ge} (got {input})",
    "less_than_equal": "'{field}' must be at most {le:,} (got {number})",
    "string_too_long": "'{field}' is {length:,} characters long: at most {max_length:,}",
    # A choice of ours that words no message of its own (a house style's state_names).
    "literal_error": "'{field}' cannot be '{input}': expected {choices}{close}",
}


def one_of(options: Iterable[Any]) -> str:
    """``options`` as a sentence lists them: "en, es or pt-BR"."""
    said = [str(option) for option in options]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]


def did_you_mean(word: Any, options: Iterable[str]) -> str:
    """The hint "; did you mean 'silver'?" for the option closest to ``word``, or nothing."""
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def worded(words: Callable[[Any, str], str | None]) -> WrapValidator:
    """A type's own wording of its failures: ``words(value, kind)`` for what pydantic found
    wrong with the value as a whole (the kind of its error), None to keep pydantic's verdict.
    Errors inside the value (a key, an item) keep their own place and words."""

    def validate(value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except ValidationError as error:
            first = error.errors()[0]
            said = words(value, first["type"]) if first["loc"] == () else None
            if said is None:
                raise
            # No context: the message is said as it is, braces in the value included.
            raise PydanticCustomError(WORDED, said) from None

    return WrapValidator(validate)


def message(error: ErrorDetails, field: Any) -> str:
    """The words of one of pydantic's errors, for a value written under the key ``field``."""
    kind, value, context = error["type"], error.get("input"), error.get("ctx", {})
    if kind in _BUILT_IN:
        choices = re.findall(r"'([^']+)'", str(context.get("expected", "")))
        return _BUILT_IN[kind].format(
            **context,
            field=field,
            input=value,
            # A number grouped as the bound is; a text that reads as one ("101") as written.
            number=f"{value:,}" if isinstance(value, int) else value,
            type=type(value).__name__,
            length=len(value) if isinstance(value, str) else 0,
            choices=one_of(choices) if choices else "",
            close=did_you_mean(value, choices),
        )
    said = str(error["msg"])
    if kind not in (WORDED, "value_error"):  # a verdict of pydantic's that no type words
        return f"'{field}': {said}"
    said = said.removeprefix("Value error, ")  # a validator's ValueError says its own words
    return f"'{field}'" + said[len(FIELD) :] if said.startswith(FIELD) else said


def problems(doc: Document, model: type[BaseModel], errors: list[Any]) -> list[Problem]:
    """Every error pydantic found in ``doc`` against ``model``, at its place in the file."""
    errors = _one_branch(doc.data, errors)
    # A misspelt key shows as an unknown key and a missing one: report only the first, which
    # already says "did you mean".
    meant = {
        tuple(e["loc"][:-1]) + tuple(difflib.get_close_matches(str(e["loc"][-1]), keys, 1, 0.6))
        for e in errors
        if e["type"] == "extra_forbidden"
        and (parent := _model_at(model, tuple(e["loc"][:-1])))
        and (keys := _keys_of(parent))
    }
    found = []
    for item in errors:
        if item["type"] == "missing" and tuple(item["loc"]) in meant:
            continue
        loc, said, is_key = _placed(model, item)
        found.append(doc.problem(loc, said, key=is_key))
    return found


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` (for listing the keys it accepts)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        current = field.annotation
        # Unwrap Optional[...] and list[...] down to the model inside.
        while typing.get_origin(current) is not None:
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[-1] if args else None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _placed(root: type[BaseModel], error: Any) -> tuple[tuple[Any, ...], str, bool]:
    """Location, message and whether the location is a key (not a value) for one pydantic
    error: the model's keys are said here, a value's failure in its type's own words."""
    loc = tuple(error["loc"])
    last = loc[-1] if loc else ""
    if error["type"] == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        keys = _keys_of(parent) if parent else []
        hint = did_you_mean(last, keys) or (f"; expected one of: {', '.join(keys)}" if keys else "")
        return loc, f"unknown key '{last}'{hint}", True
    if error["type"] == "missing":
        return loc[:-1], f"missing required key '{last}'", False
    if last == "[key]":  # a mapping's key that its type refuses (a language)
        return loc[:-1], message(error, loc[-2]), True
    return loc, message(error, last), False


# How pydantic names the text branch of a union in a location: a plain or constrained str, or
# one with a validator of ours (model.Name).
_TEXT_BRANCH = re.compile(r"(constrained-)?str|function-\w+\[.*\]")


def _one_branch(data: Any, errors: list[Any]) -> list[Any]:
    """For a value that may be a list or a mapping (contacts: one list, or one per language),
    or a text or a mapping (a contact's words: one, or one per language), pydantic reports why
    it fits neither; keep the errors of the shape the file chose, with the
    branch's name out of the location."""
    kept = []
    for error in errors:
        here, clean, chosen = data, [], True
        for part in error["loc"]:
            if isinstance(part, str) and part.startswith(("dict[", "list[")):
                if isinstance(here, dict) != part.startswith("dict["):
                    chosen = False
                    break
                continue
            if isinstance(part, str) and _TEXT_BRANCH.fullmatch(part):  # a text, or words
                if isinstance(here, dict | list):  # per language (model.ContactWords)
                    chosen = False
                    break
                continue
            clean.append(part)
            if isinstance(here, dict):
                here = here.get(part)
            elif isinstance(here, list) and isinstance(part, int) and part < len(here):
                here = here[part]
            else:
                here = None
        if chosen:
            kept.append({**error, "loc": tuple(clean)})
    return kept or errors
