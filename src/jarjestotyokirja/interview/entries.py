"""Editing the interview's lists (participants, good practices, actions) one entry and field at a time.

``u`` adds an entry, a number edits one, ``p N`` removes one; a new entry is created by its first
(required) field, and every accepted field is saved at once through the session, like any answer.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from jarjestotyokirja.errors import InvalidContent, M, NotFound, UsageError
from jarjestotyokirja.interview.engine import (
    CHOICE,
    Question,
    apply_entry_field,
    entries,
    entry_draft_key,
    entry_value,
    form_fields,
    remove_entry,
)
from jarjestotyokirja.interview.outcome import ACCEPT, BACK, Outcome

if TYPE_CHECKING:
    from jarjestotyokirja.interview.session import Session


def edit_list(session: Session, question: Question) -> Outcome:
    """Show list ``question`` and its entries and run its commands until the user moves on."""
    while True:
        session.ui.show_question(session.interview, question, draft=False)
        session.ui.show_entries(question, entries(session.answers, question.kind))
        if any(key.startswith(question.key + ".") for key in session.interview.drafts):
            session.ui.message(M.DRAFT_IN_LIST, style="yellow")
        outcome = session.prompt(question.key, "", lambda: session.ui.ask_list_command(
            question, len(entries(session.answers, question.kind))), keep=False)
        if outcome.kind != ACCEPT:
            return outcome
        command, _, number = outcome.text.strip().partition(" ")
        if not command:
            return Outcome(ACCEPT)
        try:
            if command == "u":
                fill_form(session, question, None)
            elif command == "p":
                remove_entry(session.answers, question.kind, int(number))
                session.save(None)
            else:
                fill_form(session, question, int(command))
        except (NotFound, InvalidContent, UsageError) as exc:
            session.show_error(exc)


def fill_form(session: Session, question: Question, number: int | None, preset: dict[str, str] | None = None) -> None:
    """Ask the fields of entry ``number`` (``None``: a new one, created by its first field)."""
    fields = form_fields(question.kind, session.workbook)
    index = 0
    while index < len(fields):
        form_field = fields[index]
        key = entry_draft_key(question.key, number, form_field.name)
        saved = entry_value(session.answers, question.kind, number, form_field.name)
        keep = form_field.kind != CHOICE  # a choice typed halfway is no text worth keeping
        draft = keep and key in session.interview.drafts
        prefill = session.interview.drafts[key] if draft else saved
        if not draft and not saved and preset and form_field.name in preset:
            prefill = preset[form_field.name]
        outcome = session.prompt(key, saved, partial(session.ui.ask_field, form_field, prefill, draft=draft, saved=saved),
                               keep=keep)
        if outcome.kind == BACK:
            session.leave(key, outcome.text, saved, keep=keep, where=form_field.label)
            index = max(index - 1, 0)
            continue
        if outcome.kind != ACCEPT:
            session.leave(key, outcome.text, saved, keep=keep, where=form_field.label)
            if number is None and form_field.required:
                return  # nothing was created
            index += 1
            continue
        if number is None and form_field.required and not outcome.text.strip():
            return
        try:
            number = apply_entry_field(session.answers, session.workbook, question.kind, number,
                                       form_field.name, outcome.text)
        except (InvalidContent, NotFound) as exc:
            session.show_error(exc)
            session.leave(key, outcome.text, saved, keep=keep)
            continue
        session.interview.drop_draft(key)
        if not session.save(outcome.text):
            session.interview.keep_draft(entry_draft_key(question.key, number, form_field.name), outcome.text, "")
            session.write_drafts()
            continue
        session.write_drafts()
        index += 1

