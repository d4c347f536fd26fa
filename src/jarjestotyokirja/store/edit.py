"""Changing answers by key: ``jtk set``/``get``, ``jtk import`` and ``jtk action``.

A key is ``<item>.<field>``: ``4.nykytila``, ``+1.taso``, ``tilannekuva.tavoitetila``; or assessment and
closing data: ``arviointi.pvm``, ``arviointi.konsultti``, ``lopuksi.yhteenveto``, ``lopuksi.seuranta``;
``kunta.nimi`` and the other municipality keys can be read but not set.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from jarjestotyokirja.answers import LEVEL_FIELDS, Action, Answers, answers_to_data, normalize_text, parse_answers
from jarjestotyokirja.dates import DateError, optional_date
from jarjestotyokirja.errors import InvalidContent, M, NotFound, Problem, UsageError
from jarjestotyokirja.validation import message_for
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio.loader import Document, dotted

_GROUP_FIELDS = {
    "arviointi": ("pvm", "konsultti"),
    "lopuksi": ("yhteenveto", "seuranta"),
    "kunta": ("koodi", "nimi", "maakunta", "hyvinvointialue"),
}
_READ_ONLY = {"kunta"}
_HINTS = {("arviointi", "osallistujat"): "EDIT_WITH_IMPORT"}  # catalogue names
ACTION_FIELDS = tuple(Action.model_fields)
_DATE_FIELDS = ("pvm", "maaraaika")


def _target(answers: Answers, workbook: Workbook, key: str) -> tuple[BaseModel, str]:
    """The model and attribute that ``key`` names; :class:`UsageError` for a malformed key."""
    group, dot, field = key.rpartition(".")
    if not dot or not group or not field:
        raise UsageError(M.BAD_KEY.format(key=key))
    if (group, field) in _HINTS:
        raise UsageError(M.NOT_A_SCALAR.format(key=key, hint=getattr(M, _HINTS[group, field])))
    if group in _GROUP_FIELDS:
        if field not in _GROUP_FIELDS[group]:
            raise UsageError(M.BAD_KEY.format(key=key))
        return getattr(answers, group), field
    try:
        item = workbook.item(group)
    except NotFound as exc:  # an unknown item in a key is a usage error, with the suggestions
        raise UsageError(problems=exc.problems) from None
    fields = [f.id for f in item.fields] + (list(LEVEL_FIELDS) if item.has_levels else [])
    if field not in fields:
        raise UsageError(M.UNKNOWN_FIELD.format(item=group, field=field).with_hint(M.FIELDS_ARE.format(fields=", ".join(fields))))
    return answers.answer(group), field


def get_value(answers: Answers, workbook: Workbook, key: str) -> str:
    """The stored value of ``key`` as text; empty when unanswered."""
    model, field = _target(answers, workbook, key)
    value = getattr(model, field)
    return "" if value is None else str(value)


def set_value(answers: Answers, workbook: Workbook, key: str, value: str | int) -> None:
    """Set ``key`` to ``value`` (normalised and validated); an empty value clears it.

    A JSON import may pass a number for a level; any other non-text value is refused, not converted.
    """
    model, field = _target(answers, workbook, key)
    if key.partition(".")[0] in _READ_ONLY:
        raise UsageError(M.MUNICIPALITY_READ_ONLY.format(key=key))
    _assign(model, field, _typed(field, value, key), key)


def _typed(field: str, value: Any, key: str) -> Any:
    """A date typed either way (31.12.2027, 2027-12-31) is stored as VVVV-KK-PP; other values as given."""
    if field not in _DATE_FIELDS or not isinstance(value, str):
        return value
    try:
        return optional_date(value)
    except DateError as exc:
        raise InvalidContent(exc.problems[0].message, key=key) from None


def _assign(model: BaseModel, field: str, value: Any, key: str) -> None:
    try:
        setattr(model, field, value)
    except ValidationError as exc:
        raise InvalidContent(message_for(exc.errors(include_url=False)[0]), key=key) from None


def import_data(answers: Answers, workbook: Workbook, doc: Document) -> None:
    """Merge another file's answers into ``answers`` (the role of copier's data file).

    Two shapes are accepted: flat keys (``{"4.nykytila": "…"}``) set one by one, or the answers
    file's own structure, partial, merged field by field; actions, good practices and participants
    are appended unless the same entry is already there.
    """
    data = doc.data
    if not isinstance(data, dict):
        raise InvalidContent(M.EXPECTED_MAPPING, path=doc.path, line=doc.line_of(()))
    if all("." in key for key in data):
        problems: list[Problem] = []
        for key, value in data.items():
            try:
                set_value(answers, workbook, key, "" if value is None else value)
            except (InvalidContent, UsageError) as exc:
                problems += [Problem(p.message, doc.path, doc.line_of((key,)), key) for p in exc.problems]
        if problems:
            raise InvalidContent(problems=problems)
        return
    incoming_code = (data.get("kunta") or {}).get("koodi") if isinstance(data.get("kunta"), dict) else None
    if incoming_code and incoming_code != answers.kunta.koodi:
        raise InvalidContent(
            M.IMPORT_OTHER_MUNICIPALITY.format(incoming=incoming_code, own=answers.kunta.koodi),
            path=doc.path, line=doc.line_of(("kunta", "koodi")), key="kunta.koodi",
        )
    data = _import_dates(data, doc)
    merged = parse_answers(Document(_merge(answers_to_data(answers, workbook), data), doc.path, doc.lines), workbook)
    merged.toimenpiteet = _unique(merged.toimenpiteet)
    merged.hyvat_kaytannot = _unique(merged.hyvat_kaytannot)
    merged.arviointi.osallistujat = _unique(merged.arviointi.osallistujat)
    for name in Answers.model_fields:
        setattr(answers, name, getattr(merged, name))


def _import_dates(data: dict[str, Any], doc: Document) -> dict[str, Any]:
    """The imported dates (``arviointi.pvm``, each action's ``maaraaika``) as VVVV-KK-PP, typed either way."""
    problems: list[Problem] = []

    def typed(value: Any, *loc: str | int) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return optional_date(value)
        except DateError as exc:
            problems.append(Problem(exc.problems[0].message, doc.path, doc.line_of(loc), dotted(loc)))
            return value

    data = dict(data)
    if isinstance(data.get("arviointi"), dict) and "pvm" in data["arviointi"]:
        data["arviointi"] = {**data["arviointi"], "pvm": typed(data["arviointi"]["pvm"], "arviointi", "pvm")}
    if isinstance(data.get("toimenpiteet"), list):
        data["toimenpiteet"] = [
            {**entry, "maaraaika": typed(entry["maaraaika"], "toimenpiteet", index, "maaraaika")}
            if isinstance(entry, dict) and "maaraaika" in entry else entry
            for index, entry in enumerate(data["toimenpiteet"])
        ]
    if problems:
        raise InvalidContent(problems=problems)
    return data


def _unique(entries: list[Any]) -> list[Any]:
    """Entries in order without repeats (an import of the same file twice adds nothing)."""
    kept: list[Any] = []
    for entry in entries:
        if entry not in kept:
            kept.append(entry)
    return kept


def _merge(base: Any, incoming: Any) -> Any:
    if isinstance(base, dict) and isinstance(incoming, dict):
        result = dict(base)
        for key, value in incoming.items():
            result[key] = _merge(base[key], value) if key in base else value
        return result
    if isinstance(base, list) and isinstance(incoming, list):
        return base + incoming
    return incoming


# --- actions ------------------------------------------------------------------------------------

def add_action(answers: Answers, workbook: Workbook, **fields: str) -> int:
    """Append an action; returns its number (1-based)."""
    _check_action_fields(fields)
    fields = _action_values(fields, len(answers.toimenpiteet) + 1)
    try:
        action = Action(**fields)
    except ValidationError as exc:
        raise _action_error(exc, len(answers.toimenpiteet) + 1) from None
    _check_idea(workbook, action.idea)
    answers.toimenpiteet.append(action)
    return len(answers.toimenpiteet)


def get_action(answers: Answers, number: int) -> Action:
    if not 1 <= number <= len(answers.toimenpiteet):
        # the number was typed on the command line: a usage error (2), like an unknown item
        raise UsageError(M.NO_SUCH_ACTION.format(number=number, count=len(answers.toimenpiteet)))
    return answers.toimenpiteet[number - 1]


def update_action(answers: Answers, workbook: Workbook, number: int, **fields: str) -> None:
    action = get_action(answers, number)
    _check_action_fields(fields)
    fields = _action_values(fields, number)
    if "idea" in fields:
        _check_idea(workbook, fields["idea"])
    for field, value in fields.items():
        _assign(action, field, value, f"toimenpiteet.{number}.{field}")


def remove_action(answers: Answers, number: int) -> Action:
    action = get_action(answers, number)
    answers.toimenpiteet.remove(action)
    return action


def _check_action_fields(fields: dict[str, str]) -> None:
    for field in fields:
        if field not in ACTION_FIELDS:
            raise UsageError(M.ACTION_FIELD.format(field=field, fields=", ".join(ACTION_FIELDS)))


def _action_values(fields: dict[str, str], number: int) -> dict[str, str]:
    """Dates as VVVV-KK-PP; an action always has a text (``action add ""`` is refused)."""
    if "teksti" in fields and not normalize_text(fields["teksti"]):
        raise InvalidContent(M.ACTION_TEXT_EMPTY, key=f"toimenpiteet.{number}.teksti")
    return {name: _typed(name, value, f"toimenpiteet.{number}.{name}") for name, value in fields.items()}


def _check_idea(workbook: Workbook, idea: str) -> None:
    if idea and idea not in {i.number for i in workbook.ideas}:
        raise InvalidContent(M.UNKNOWN_IDEA.format(idea=idea), key="idea")


def _action_error(exc: ValidationError, number: int) -> InvalidContent:
    problems = []
    for error in exc.errors(include_url=False):
        field = ".".join(str(p) for p in error["loc"])
        problems.append(Problem(message_for(error), key=f"toimenpiteet.{number}.{field}"))
    return InvalidContent(problems=problems)
