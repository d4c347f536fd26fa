"""The only code that reads keys: prompt_toolkit prompts with Finnish key help, rich for the rest.

Free text is edited in a multi-line buffer prefilled with the saved answer (or the draft): Enter starts
a new line, pasted lines stay in the same answer, and Ctrl-S or Esc Enter (Alt-Enter; Esc may come any
time before Enter) accepts. One-line answers, levels and choices are accepted with Enter; wrong input
there is cleared and named in the message. The key bar (``keys.py``) at the bottom names the question
and the keys. Every other key that ends a prompt returns an :class:`~.outcome.Outcome` with the text in
the buffer, so the session can keep it as a draft: nothing typed is dropped here.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any, Callable, TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app, run_in_terminal
from prompt_toolkit.completion import DummyCompleter, WordCompleter
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import HTML
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.styles import Style
from prompt_toolkit.validation import DummyValidator, Validator
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.errors import M, UsageError
from jarjestotyokirja.interview import keys, screens
from jarjestotyokirja.interview.autosave import Autosave
from jarjestotyokirja.interview.engine import CHOICE, DATE, LEVEL, TEXT, FormField, Interview, Question
from jarjestotyokirja.interview.first_screen import Shown
from jarjestotyokirja.interview.inputs import (
    Check,
    as_iso_date,
    choice_keys,
    choice_value,
    date_problem_of,
    level_problem,
)
from jarjestotyokirja.interview.outcome import ACCEPT, ATTACH, BACK, HANGUP, INTERRUPT, JUMP, QUIT, SKIP, Outcome
from jarjestotyokirja.workbook import Workbook

_STYLE = Style.from_dict({"bottom-toolbar": "noreverse bg:#303030 #ffffff", "prompt": "bold", "draft": "magenta",
                         "placeholder": "#888888"})
_SMALL = (100, 30)  # below this many columns or rows, the level scale leaves out its descriptions


class Terminal:
    """Prompts and output for :class:`~.session.Session`; ``output``: the terminal when standard
    output is not one (``jtk interview X | tee log``)."""

    def __init__(self, *, input: Any = None, output: TextIO | None = None, console: Console | None = None,
                 shown: Shown | None = None, release_typing: Callable[[], None] | None = None) -> None:
        """``shown``: the first question already drawn (``first_screen.py``); ``release_typing``: lets
        the keys typed meanwhile through, called before the first prompt opens."""
        from prompt_toolkit.output import create_output

        self.console = console or Console(highlight=False, file=output)
        self._first_shown = shown
        self._release_typing = release_typing
        self._flags = {"nav": True, "jump": True, "attach": False, "multiline": False, "discard": False,
                       "clear": False}
        self._session: PromptSession[Any] = PromptSession(
            input=input, output=create_output(stdout=output) if output is not None else None,
            key_bindings=self._bindings(), style=_STYLE, erase_when_done=False,
            enable_open_in_editor=False, mouse_support=False,
        )
        self._prompting = False
        self._shown_stop: str | None = None
        self._targets_shown = False
        self._question_line = ""
        self._items: list[tuple[str, str]] = []
        self._status = ""
        self._saved = ""  # what Ctrl-R restores
        self._escaped = False  # Esc was pressed on its own: the next Enter accepts
        self.autosave: Callable[[str], None] | None = None  # set by the session for prompts worth keeping
        self._autosaver: Autosave | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the open prompt's event loop
        self._stop_signal: int | None = None
        self._session.default_buffer.on_text_changed += self._typed

    # --- keys -----------------------------------------------------------------------------------

    def _bindings(self) -> KeyBindings:
        bindings = KeyBindings()
        flag = {name: Condition(lambda name=name: self._flags[name]) for name in self._flags}
        empty = Condition(lambda: not self._session.default_buffer.text)
        escaped = Condition(lambda: self._escaped)

        def leave(kind: str) -> Any:
            def handler(event: Any) -> None:
                event.app.exit(result=Outcome(kind, event.app.current_buffer.text))
            return handler

        def accept(event: Any) -> None:
            event.current_buffer.validate_and_handle()

        def escape(event: Any) -> None:
            self._escaped = True
            self._status = M.ESC_THEN_ENTER

        def accept_or_clear(event: Any) -> None:
            """Enter in a one-line prompt: wrong input is cleared (the message names it) so the next try
            starts from an empty field."""
            buffer = event.current_buffer
            if buffer.validate(set_cursor=True):
                buffer.validate_and_handle()
                return
            error = buffer.validation_error
            buffer.text = ""
            buffer.validation_error = error

        def discard(event: Any) -> None:
            buffer = event.current_buffer
            buffer.text = self._saved
            buffer.cursor_position = len(buffer.text)
            self._status = M.DRAFT_DISCARDED

        bindings.add("c-s")(accept)
        bindings.add("escape", filter=flag["multiline"])(escape)
        bindings.add("enter", filter=flag["multiline"] & escaped)(accept)
        bindings.add("enter", filter=flag["clear"] & ~flag["multiline"])(accept_or_clear)
        bindings.add("c-n", filter=flag["nav"])(leave(SKIP))
        bindings.add("c-p", filter=flag["nav"])(leave(BACK))
        bindings.add("c-g", filter=flag["jump"])(leave(JUMP))
        bindings.add("c-t", filter=flag["attach"])(leave(ATTACH))
        bindings.add("c-r", filter=flag["discard"])(discard)
        bindings.add("c-q")(leave(QUIT))
        bindings.add("c-d", filter=empty)(leave(QUIT))
        bindings.add("c-c")(leave(INTERRUPT))
        bindings.add("<sigint>")(leave(INTERRUPT))
        bindings.add("c-e", filter=flag["multiline"])(lambda event: self._edit_in_editor(event.current_buffer))
        return bindings

    def _edit_in_editor(self, buffer: Any) -> None:
        from jarjestotyokirja.interview.editor import edit_text

        def run() -> None:
            text, problem = edit_text(buffer.text)
            buffer.text = text
            buffer.cursor_position = len(text)
            self._status = problem or ""

        run_in_terminal(run)

    def _toolbar(self) -> HTML:
        try:
            width = get_app().output.get_size().columns
        except Exception:  # pragma: no cover - no size: assume the usual
            width = 80
        bar = keys.key_bar(self._question_line, self._items, width)
        if self._status:
            bar += "\n" + f"<b>{keys.escape(self._status)}</b>"
        return HTML(bar)

    def current_text(self) -> str | None:
        """The text in the open prompt (for a draft on hang-up); ``None`` when no prompt is open."""
        return self._session.default_buffer.text if self._prompting else None

    def _prompt(
        self, message: str, default: str, items: list[tuple[str, str]], *, multiline: bool = False,
        nav: bool = True, jump: bool = True, attach: bool = False, validator: Validator | None = None,
        completer: WordCompleter | None = None, saved: str | None = None, placeholder: str = "",
    ) -> Outcome:
        """``saved``: the saved answer, when the prefill is a draft that Ctrl-R can throw away."""
        discard = saved is not None and default != saved
        if discard:
            items = [*items[:-2], keys.DISCARD, *items[-2:]]
        self._flags.update(nav=nav, jump=jump, attach=attach, multiline=multiline, discard=discard,
                           clear=validator is not None)
        self._items, self._status, self._saved, self._escaped = items, "", saved or "", False
        if self._release_typing is not None:  # the keys typed before the first prompt go into it
            self._release_typing()
            self._release_typing = None
        self._prompting = True
        try:
            result = self._session.prompt(
                HTML("<prompt>{}</prompt>").format(message) if message else "› ",
                # None would keep the previous prompt's validator, completer and placeholder: pass
                # dummies (and an empty placeholder) instead
                default=default, multiline=multiline, validator=validator or DummyValidator(),
                validate_while_typing=False, completer=completer or DummyCompleter(), complete_while_typing=False,
                bottom_toolbar=self._toolbar, prompt_continuation=lambda width, line, wrap: " " * width,
                placeholder=HTML("<placeholder>{}</placeholder>").format(placeholder) if placeholder else "",
                pre_run=self._started, set_exception_handler=False,
            )
        except KeyboardInterrupt:  # pragma: no cover - our bindings catch Ctrl-C
            return Outcome(INTERRUPT, self._session.default_buffer.text)
        except (EOFError, OSError):  # the terminal went away (end of input, EIO on a read or a redraw)
            return Outcome(HANGUP, self._session.default_buffer.text)
        finally:
            self._prompting = False
            self._loop = None
            if self._autosaver is not None:
                self._autosaver.stop()
                self._autosaver = None
        return result if isinstance(result, Outcome) else Outcome(ACCEPT, result)

    # --- the prompt's event loop: stop signals, terminal errors and autosave ------------------------

    def _started(self) -> None:
        """Called by prompt_toolkit in the prompt's event loop, before the first key is read."""
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_error)
        self._loop = loop
        if self.autosave is not None:
            buffer = self._session.default_buffer
            self._autosaver = Autosave(loop, self.autosave, lambda: buffer.text)
        if self._stop_signal is not None:  # the signal came before the loop ran
            loop.call_soon(self._exit_on_signal)

    def wake(self, signum: int) -> None:
        """Make the open prompt end with a hang-up (SIGINT: as Ctrl-C). Called from a signal handler:
        only records the signal and schedules the exit on the prompt's loop (``call_soon_threadsafe``
        takes no lock)."""
        self._stop_signal = signum
        loop = self._loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._exit_on_signal)
            except RuntimeError:  # the loop closed a moment ago; the session sees the signal itself
                pass

    def _exit_on_signal(self) -> None:
        self._exit_hung_up(INTERRUPT if self._stop_signal == signal.SIGINT else HANGUP)

    def _exit_hung_up(self, kind: str = HANGUP) -> None:
        app = self._session.app
        if app.future is not None and not app.future.done():
            app.exit(result=Outcome(kind, self._session.default_buffer.text))

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """An error in a callback of the prompt (a redraw, a key): a failed terminal is a hang-up; any
        other error ends the prompt with it (prompt_toolkit's own handler waits for Enter on the
        terminal, which would hang a process whose terminal is gone)."""
        error = context.get("exception")
        if error is None:  # a notice without an error (a task collected while pending): nothing to do
            return
        if isinstance(error, (OSError, EOFError)):
            self._exit_hung_up()
            return
        app = self._session.app
        if app.future is not None and not app.future.done():
            app.exit(exception=error)

    def _typed(self, buffer: Any) -> None:
        self._escaped = False
        if self._autosaver is not None and self._prompting:
            self._autosaver.typed()

    # --- questions ------------------------------------------------------------------------------

    def show_question(self, interview: Interview, question: Question, *, draft: bool) -> None:
        part = screens.part_of(question)
        drawn, self._first_shown = self._first_shown == Shown(question.key, draft), None
        if drawn:  # the first screen drew this panel and heading before the session started
            self._shown_stop = part
        else:
            if part != self._shown_stop:
                self.console.print()
                self.console.print(screens.stop_panel(interview, question))
                self._shown_stop = part
            self.console.print(screens.question_heading(interview, question, draft=draft))
        place = screens.idea_place(interview, question)
        self._question_line = f"{question.label} · {place + ' · ' if place else ''}{question.key}"
        if question.kind == LEVEL:
            small = self.console.width < _SMALL[0] or self.console.height < _SMALL[1]
            self.console.print(screens.level_scale(interview.workbook, compact=small))

    def ask(self, question: Question, prefill: str, *, attach: bool = False, saved: str = "",
            suggestion: str = "") -> Outcome:
        nav = [keys.SKIP, keys.BACK, keys.JUMP, *([keys.ATTACH] if attach else []), keys.QUIT, keys.INTERRUPT]
        if question.kind == TEXT:
            items = [keys.ACCEPT_TEXT, keys.NEW_LINE, keys.EDITOR, *nav]
            return self._prompt("", prefill, items, multiline=True, attach=attach, saved=saved)
        items = [keys.ACCEPT_LINE, *nav]
        if question.kind == LEVEL:  # typed over an empty line; Enter keeps the saved level
            hint = M.LEVEL_KEEP.format(level=prefill) if prefill else M.LEVEL_NONE
            outcome = self._prompt(M.LEVEL_PROMPT.format(label=question.label, hint=hint), "", items, validator=Check(level_problem),
                                   attach=attach)
            typed = outcome.text.strip()
            if outcome.kind == ACCEPT:
                typed = prefill if not typed else "" if typed in ("-", "0") else typed
            return Outcome(outcome.kind, typed)
        if question.kind == DATE:
            outcome = self._prompt("› ", prefill, items, validator=Check(date_problem_of, named=True), attach=attach,
                                   saved=saved, placeholder=f"{suggestion} (Enter)" if suggestion else "")
            if outcome.kind == ACCEPT and not outcome.text.strip() and suggestion:
                return Outcome(ACCEPT, suggestion)
            return as_iso_date(outcome)
        return self._prompt("› ", prefill, items, attach=attach, saved=saved)

    def ask_field(self, form_field: FormField, prefill: str, *, draft: bool, saved: str = "") -> Outcome:
        label = M.FIELD_REQUIRED.format(label=form_field.label) if form_field.required else form_field.label
        self._question_line = label
        form = [keys.SKIP_FIELD, keys.BACK_FIELD, keys.QUIT, keys.INTERRUPT]
        if draft:
            self.console.print(Text(M.FIELD_DRAFT_RESTORED.format(label=form_field.label), style="bold magenta"))
        if form_field.kind == CHOICE:
            self.console.print(Text(form_field.label, style="bold yellow"))
            self.console.print(screens.choice_list(form_field.choices, choice_keys(form_field.choices)))
            choices = form_field.choices
            current = choice_value(choices, prefill) if prefill else None
            names = ", ".join(v for v, _ in choices if v)

            def problem(text: str) -> str | None:
                if not text.strip() and current is not None:
                    return None
                return None if choice_value(choices, text) is not None else M.CHOICE_EXPECTED.format(choices=names)

            hint = f" (Enter: {current or '-'})" if current is not None else ""
            outcome = self._prompt(f"{form_field.label}{hint} › ", "", [keys.ACCEPT_FIELD, *form], jump=False,
                                   validator=Check(problem),
                                   completer=WordCompleter([v for v, _ in choices if v], sentence=True))
            if outcome.kind != ACCEPT:
                return outcome
            if not outcome.text.strip() and current is not None:
                return Outcome(ACCEPT, current)
            return Outcome(ACCEPT, choice_value(choices, outcome.text) or "")
        if form_field.kind == TEXT:
            self.console.print(Text(label, style="bold yellow"))
            return self._prompt("", prefill, [keys.ACCEPT_TEXT, keys.NEW_LINE, keys.EDITOR, *form], multiline=True,
                                jump=False, saved=saved if draft else None)
        if form_field.kind == DATE:
            return as_iso_date(self._prompt(f"{label} › ", prefill, [keys.ACCEPT_FIELD, *form], jump=False,
                                             validator=Check(date_problem_of, named=True), saved=saved if draft else None))
        return self._prompt(f"{label} › ", prefill, [keys.ACCEPT_FIELD, *form], jump=False,
                            saved=saved if draft else None)

    def show_entries(self, question: Question, entries: list[Any]) -> None:
        self.console.print(screens.entries_table(question, entries))

    def ask_list_command(self, question: Question, count: int) -> Outcome:
        def problem(text: str) -> str | None:
            command, _, number = text.strip().partition(" ")
            if command in ("", "u"):
                ok = not number
            else:
                if command == "p":
                    command = number.strip()
                ok = command.isdigit() and 1 <= int(command) <= count
            if ok:
                return None
            return M.LIST_COMMAND_EXPECTED.format(count=count) if count else M.LIST_COMMAND_EMPTY

        self._question_line = f"{question.label} · {question.key}"
        items = [keys.CONTINUE, keys.NEW_ENTRY, keys.EDIT_ENTRY, keys.REMOVE_ENTRY, keys.BACK, keys.JUMP, keys.QUIT,
                 keys.INTERRUPT]
        outcome = self._prompt(M.LIST_PROMPT, "", items, validator=Check(problem))
        command, _, number = outcome.text.strip().partition(" ")
        return Outcome(outcome.kind, f"{command} {number.strip()}".strip())

    def ask_target(self, interview: Interview) -> Outcome:
        if not self._targets_shown:  # the list once; later Tab completes and a typo gets a suggestion
            self.console.print(screens.targets_list(interview))
            self._targets_shown = True

        def problem(text: str) -> str | None:
            if not text.strip():
                return None
            try:
                interview.resolve(text)
            except UsageError:
                close = interview.suggest(text)
                hint = " " + M.DID_YOU_MEAN.format(suggestions=", ".join(close)) if close else ""
                return M.NO_SUCH_STOP_SHORT.format(hint=hint)
            return None

        self._question_line = M.JUMP_LINE.format(stops=", ".join(interview.stops()))
        return self._prompt(M.JUMP_PROMPT, "", [keys.TARGET, keys.COMPLETE, keys.QUIT], nav=False, jump=False,
                            validator=Check(problem), completer=WordCompleter(interview.stops()))

    # --- output ---------------------------------------------------------------------------------

    def message(self, text: str, *, style: str = "") -> None:
        self.console.print(Text(text, style=style))

    def show_text(self, text: str) -> None:
        self.console.print(Panel(Text(text), title=M.UNSAVED_TEXT_TITLE, title_align="left"))

    def finish(self, path: Path, answers: Answers, workbook: Workbook) -> None:
        self.console.print()
        self.console.print(screens.summary(path, answers, workbook), crop=False)
