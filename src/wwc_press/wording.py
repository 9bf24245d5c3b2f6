"""How a wrong value of a file is worded: what is wrong and what would be right.

Each type of the model words its own failures (``worded``, as a language names the languages
and a date says to remove its quotes); pydantic's verdicts on the plain shapes every type shares
(a list, a mapping, a text, a whole number, a choice, a length, a bound) are worded here once.
``validate`` puts the file, line and column in front.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError, WrapValidator
from pydantic_core import ErrorDetails, PydanticCustomError

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
    "less_than_equal": "'{field}' must be at most {le:,} (got {input:,})",
    "string_too_long": "'{field}' is {length:,} characters long: at most {max_length:,}",
    # A choice of ours that words no message of its own (a house style's state_names).
    "literal_error": "'{field}' cannot be '{input}': expected {choices}{close}",
}


def one_of(options: Iterable[Any]) -> str:
    """``options`` as a sentence lists them: "en, es or pt-BR"."""
    said = [str(option) for option in options]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]


def did_you_mean(word: Any, options: Iterable[str]) -> str:
    """ "; did you mean 'silver'?" for the option closest to ``word``, or nothing."""
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
