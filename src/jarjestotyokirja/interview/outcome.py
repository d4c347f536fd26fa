"""What passes between the session and the terminal: how a prompt ended, and what a terminal offers.

``terminal.py`` returns an :class:`Outcome` from every prompt; ``session.py`` decides what it means.
Kept apart from both so that the terminal does not import the session (and its answers and saving)
and the session does not import the terminal (prompt_toolkit).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:
    from jarjestotyokirja.answers import Answers
    from jarjestotyokirja.interview.engine import FormField, Interview, Question
    from jarjestotyokirja.workbook import Workbook

# What a prompt can end with (HANGUP: the terminal went away or a stop signal woke the prompt)
ACCEPT, SKIP, BACK, JUMP, QUIT, INTERRUPT, ATTACH = "accept", "skip", "back", "jump", "quit", "interrupt", "attach"
HANGUP = "hangup"


@dataclass(frozen=True)
class Outcome:
    kind: str
    text: str = ""


class UI(Protocol):
    # Called from the prompt's event loop with the open text while the user types (autosave).
    autosave: Callable[[str], None] | None

    def current_text(self) -> str | None: ...
    def show_question(self, interview: Interview, question: Question, *, draft: bool) -> None: ...
    def ask(self, question: Question, prefill: str, *, attach: bool = False) -> Outcome: ...
    def ask_field(self, form_field: FormField, prefill: str, *, draft: bool) -> Outcome: ...
    def show_entries(self, question: Question, entries: list[Any]) -> None: ...
    def ask_list_command(self, question: Question, count: int) -> Outcome: ...
    def ask_target(self, interview: Interview) -> Outcome: ...
    def message(self, text: str, *, style: str = "") -> None: ...
    def show_text(self, text: str) -> None: ...
    def finish(self, path: Path, answers: Answers, workbook: Workbook) -> None: ...
