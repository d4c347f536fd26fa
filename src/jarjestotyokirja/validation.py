"""Pydantic validation of a loaded YAML document, with every error at its file, line and key."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from jarjestotyokirja.errors import InvalidContent, M, Message, Problem
from jarjestotyokirja.messages import quoted
from jarjestotyokirja.yamlio.loader import Document, Loc, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)


class Strict(BaseModel):
    """Base of every file model: unknown keys are errors, nothing is coerced behind the user's back."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)


class Editable(BaseModel):
    """Base of models the program changes in place (the answers)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, coerce_numbers_to_str=False)


# pydantic's error types → catalogue names (looked up when used: the language is chosen after import)
_MESSAGES = {
    "extra_forbidden": "UNKNOWN_KEY",
    "missing": "MISSING_KEY",
    "string_type": "EXPECTED_TEXT",
    "dict_type": "EXPECTED_MAPPING",
    "model_type": "EXPECTED_MAPPING",
    "model_attributes_type": "EXPECTED_MAPPING",
    "list_type": "EXPECTED_LIST",
    "tuple_type": "EXPECTED_LIST",
}


def parse_document(model: type[ModelT], doc: Document) -> ModelT:
    """Validate ``doc.data`` as ``model``; raise :class:`InvalidContent` listing every error."""
    if doc.data is None:
        raise InvalidContent(M.EMPTY_FILE, path=doc.path, line=1)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise InvalidContent(problems=problems_from(exc, doc)) from None


def problems_from(exc: ValidationError, doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = _real_loc(doc.data, error["loc"])
        problem = Problem(message_for(error), doc.path, doc.line_of(loc), dotted(loc))
        if problem not in problems:
            problems.append(problem)
    return problems


def message_for(error: Any) -> str:
    """The Finnish catalogue message for one pydantic error."""
    kind = error["type"]
    if kind in _MESSAGES:
        return getattr(M, _MESSAGES[kind])
    if kind == "value_error":  # our own validators raise ValueError with a catalogue message
        raised = error["ctx"]["error"]
        return raised.args[0] if raised.args and isinstance(raised.args[0], Message) else str(raised)
    if kind == "literal_error":
        # pydantic says "'lyhyt', 'keskipitkä' or 'pitkä'": the UI language's quotation marks and word
        choices = re.sub(r"'([^']*)'", lambda m: quoted(m.group(1)), str(error["ctx"]["expected"]))
        choices = choices.replace(" or ", f" {M.WORD_OR} ")
        return M.CHOICE.format(choices=choices, value=error["input"])
    return M.INVALID_VALUE.format(detail=error["msg"])


def _real_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Drop the union and validator tags pydantic puts into ``loc``; keep the document's keys."""
    real: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
            real.append(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
            real.append(part)
        elif index == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            real.append(part)  # a missing or unknown key: name it
    return tuple(real)
