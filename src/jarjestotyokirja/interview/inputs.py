"""What typed input means: choices by number, value or start, levels 1–5, dates; and the validator
that names the wrong input in its message (the prompt clears it)."""

from __future__ import annotations

import re
from typing import Any, Callable

from prompt_toolkit.validation import ValidationError, Validator

from jarjestotyokirja.dates import date_problem, typed_date
from jarjestotyokirja.errors import M
from jarjestotyokirja.interview.outcome import ACCEPT, Outcome


def choice_keys(choices: tuple[tuple[str, str], ...]) -> list[str]:
    """What to type for each choice: idea numbers are their own keys (``-`` for none), others 1, 2, 3."""
    if all(re.fullmatch(r"\+?\d+", value) for value, _ in choices if value):
        return [value or "-" for value, _ in choices]
    return [str(number) for number in range(1, len(choices) + 1)]


def choice_value(choices: tuple[tuple[str, str], ...], text: str) -> str | None:
    """The value a typed choice means: its key, value or label (any case), or the start of exactly one
    value or label (``keski``); ``None`` if none."""
    typed = text.strip().casefold()
    if not typed:
        return "" if any(not value for value, _ in choices) else None
    for key, (value, label) in zip(choice_keys(choices), choices):
        if typed in (key.casefold(), value.casefold(), label.casefold()):
            return value
    starting = {value for value, label in choices
                if value and (value.casefold().startswith(typed) or label.casefold().startswith(typed))}
    return starting.pop() if len(starting) == 1 else None


class Check(Validator):
    """A validator from ``problem(text) -> message or None``; the message names what was typed
    (``named``: the problem's message names it already, as the date parser's do)."""

    def __init__(self, problem: Callable[[str], str | None], *, named: bool = False) -> None:
        self.problem = problem
        self.named = named

    def validate(self, document: Any) -> None:
        problem = self.problem(document.text)
        if problem is not None:
            message = problem if self.named else M.WRONG_INPUT.format(typed=document.text.strip(), problem=problem)
            raise ValidationError(len(document.text), message)


def as_iso_date(outcome: Outcome) -> Outcome:
    """An accepted date typed the Finnish way (31.12.2027) is stored as 2027-12-31."""
    if outcome.kind == ACCEPT:
        return Outcome(ACCEPT, typed_date(outcome.text) or "")
    return outcome


def level_problem(text: str) -> str | None:
    return None if re.fullmatch(r"\s*([1-5]|-|0)?\s*", text) else M.LEVEL_EXPECTED


def date_problem_of(text: str) -> str | None:
    return None if typed_date(text) is not None else date_problem(text)
