"""The only code that reads keys: prompt_toolkit prompts with Finnish key help, rich for the rest.

Free text is edited in a multi-line buffer prefilled with the saved answer (or the draft): Enter starts
a new line, pasted lines stay in the same answer, and Ctrl-S or Esc Enter (Alt-Enter) accepts. One-line
answers, levels and choices are accepted with Enter. The keys are listed in the bottom toolbar at all
times. Every other key that ends a prompt returns an :class:`~.session.Outcome` with the text in the
buffer, so the session can keep it as a draft: nothing typed is dropped here.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any, Callable

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import DummyCompleter, WordCompleter
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import HTML
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.styles import Style
from prompt_toolkit.validation import DummyValidator, ValidationError, Validator
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from jarjestotyokirja.answers import Answers, typed_date
from jarjestotyokirja.errors import UsageError
from jarjestotyokirja.interview import screens
from jarjestotyokirja.interview.autosave import Autosave
from jarjestotyokirja.interview.engine import CHOICE, DATE, LEVEL, TEXT, FormField, Interview, Question
from jarjestotyokirja.interview.session import ACCEPT, ATTACH, BACK, HANGUP, INTERRUPT, JUMP, QUIT, SKIP, Outcome
from jarjestotyokirja.workbook import Workbook

# Key help for the bottom toolbar: two lines, each under 80 columns.
_ACCEPT_TEXT = ("<b>Ctrl-S</b> tai <b>Esc Enter</b> hyväksy · <b>Enter</b> uusi rivi · <b>Ctrl-E</b> editori"
                " · <b>Ctrl-Q</b> lopeta")
_ACCEPT_LINE = "<b>Enter</b> hyväksy ja tallenna · <b>Ctrl-Q</b> lopeta"
_NAVIGATE = "<b>Ctrl-N</b> ohita · <b>Ctrl-P</b> edellinen · <b>Ctrl-G</b> siirry"
_ATTACH = " · <b>Ctrl-T</b> toimenpide"
_FORM = "<b>Enter</b> hyväksy · <b>Ctrl-N</b> ohita kenttä · <b>Ctrl-P</b> edellinen kenttä · <b>Ctrl-Q</b> lopeta"
_FORM_TEXT = f"{_ACCEPT_TEXT}\n<b>Ctrl-N</b> ohita kenttä · <b>Ctrl-P</b> edellinen kenttä"
_COMMAND = ("<b>Enter</b> jatka · <b>u</b> uusi · <b>numero</b> muokkaa · <b>p numero</b> poista · <b>Ctrl-Q</b> lopeta"
            "\n<b>Ctrl-P</b> edellinen · <b>Ctrl-G</b> siirry")
_TARGET = "<b>Enter</b> siirry (tyhjä: peruuta) · <b>Tab</b> täydennä · <b>Ctrl-Q</b> lopeta"
_STYLE = Style.from_dict({"bottom-toolbar": "noreverse bg:#303030 #ffffff", "prompt": "bold", "draft": "magenta"})


def _valid_date(text: str) -> bool:
    return typed_date(text) is not None


def _as_iso_date(outcome: Outcome) -> Outcome:
    """An accepted date typed the Finnish way (31.12.2027) is stored as 2027-12-31."""
    if outcome.kind == ACCEPT:
        return Outcome(ACCEPT, typed_date(outcome.text) or "")
    return outcome


def choice_keys(choices: tuple[tuple[str, str], ...]) -> list[str]:
    """What to type for each choice: idea numbers are their own keys (``-`` for none), others 1, 2, 3."""
    if all(re.fullmatch(r"\+?\d+", value) for value, _ in choices if value):
        return [value or "-" for value, _ in choices]
    return [str(number) for number in range(1, len(choices) + 1)]


def choice_value(choices: tuple[tuple[str, str], ...], text: str) -> str | None:
    """The value a typed choice means: its key, value or label (any case); ``None`` if none."""
    typed = text.strip().casefold()
    if not typed:
        return "" if any(not value for value, _ in choices) else None
    for key, (value, label) in zip(choice_keys(choices), choices):
        if typed in (key.casefold(), value.casefold(), label.casefold()):
            return value
    return None


class Terminal:
    """Prompts and output for :class:`~.session.Session`."""

    def __init__(self, *, input: Any = None, output: Any = None, console: Console | None = None) -> None:
        self.console = console or Console(highlight=False)
        self._flags = {"nav": True, "jump": True, "attach": False, "multiline": False}
        self._session: PromptSession[Any] = PromptSession(
            input=input, output=output, key_bindings=self._bindings(), style=_STYLE, erase_when_done=False,
            enable_open_in_editor=False, mouse_support=False,
        )
        self._prompting = False
        self._shown_stop: str | None = None
        self.autosave: Callable[[str], None] | None = None  # set by the session for prompts worth keeping
        self._autosaver: Autosave | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the open prompt's event loop
        self._stop_signal: int | None = None
        self._session.default_buffer.on_text_changed += self._typed

    # --- keys -----------------------------------------------------------------------------------

    def _bindings(self) -> KeyBindings:
        keys = KeyBindings()
        flag = {name: Condition(lambda name=name: self._flags[name]) for name in self._flags}
        empty = Condition(lambda: not self._session.default_buffer.text)

        def leave(kind: str) -> Any:
            def handler(event: Any) -> None:
                event.app.exit(result=Outcome(kind, event.app.current_buffer.text))
            return handler

        keys.add("c-s")(lambda event: event.current_buffer.validate_and_handle())
        keys.add("c-n", filter=flag["nav"])(leave(SKIP))
        keys.add("c-p", filter=flag["nav"])(leave(BACK))
        keys.add("c-g", filter=flag["jump"])(leave(JUMP))
        keys.add("c-t", filter=flag["attach"])(leave(ATTACH))
        keys.add("c-q")(leave(QUIT))
        keys.add("c-d", filter=empty)(leave(QUIT))
        keys.add("c-c")(leave(INTERRUPT))
        keys.add("<sigint>")(leave(INTERRUPT))
        keys.add("c-e", filter=flag["multiline"])(lambda event: event.current_buffer.open_in_editor())
        return keys

    def current_text(self) -> str | None:
        """The text in the open prompt (for a draft on hang-up); ``None`` when no prompt is open."""
        return self._session.default_buffer.text if self._prompting else None

    def _prompt(
        self, message: str, default: str, toolbar: str, *, multiline: bool = False, nav: bool = True,
        jump: bool = True, attach: bool = False, validator: Validator | None = None,
        completer: WordCompleter | None = None,
    ) -> Outcome:
        self._flags.update(nav=nav, jump=jump, attach=attach, multiline=multiline)
        self._prompting = True
        try:
            result = self._session.prompt(
                HTML("<prompt>{}</prompt>").format(message) if message else "› ",
                # None would keep the previous prompt's validator and completer: pass dummies instead
                default=default, multiline=multiline, validator=validator or DummyValidator(),
                validate_while_typing=False, completer=completer or DummyCompleter(), complete_while_typing=False, bottom_toolbar=HTML(toolbar),
                prompt_continuation=lambda width, line, wrap: " " * width,
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
            loop.call_soon(self._exit_hung_up)

    def wake(self, signum: int) -> None:
        """Make the open prompt end with a hang-up. Called from a signal handler: only records the signal
        and schedules the exit on the prompt's loop (``call_soon_threadsafe`` takes no lock)."""
        self._stop_signal = signum
        loop = self._loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._exit_hung_up)
            except RuntimeError:  # the loop closed a moment ago; the session sees the signal itself
                pass

    def _exit_hung_up(self) -> None:
        app = self._session.app
        if app.future is not None and not app.future.done():
            app.exit(result=Outcome(HANGUP, self._session.default_buffer.text))

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """An error in a callback of the prompt (a redraw, a key): a failed terminal is a hang-up; any
        other error ends the prompt with it (prompt_toolkit's own handler waits for Enter on the
        terminal, which would hang a process whose terminal is gone)."""
        error = context.get("exception")
        if isinstance(error, (OSError, EOFError)) or error is None:
            self._exit_hung_up()
            return
        app = self._session.app
        if app.future is not None and not app.future.done():
            app.exit(exception=error)

    def _typed(self, buffer: Any) -> None:
        if self._autosaver is not None and self._prompting:
            self._autosaver.typed()

    # --- questions ------------------------------------------------------------------------------

    def show_question(self, interview: Interview, question: Question, *, draft: bool) -> None:
        part = screens.part_of(question)
        if part != self._shown_stop:
            self.console.print()
            self.console.print(screens.stop_panel(interview, question))
            self._shown_stop = part
        self.console.print(screens.question_heading(interview, question, draft=draft))
        if question.kind == LEVEL:
            self.console.print(screens.level_scale(interview.workbook))

    def ask(self, question: Question, prefill: str, *, attach: bool = False) -> Outcome:
        attach_help = _ATTACH if attach else ""
        if question.kind == TEXT:
            toolbar = f"{_ACCEPT_TEXT}\n{_NAVIGATE}{attach_help}"
            return self._prompt("", prefill, toolbar, multiline=True, attach=attach)
        toolbar = f"{_ACCEPT_LINE}\n{_NAVIGATE}{attach_help}"
        if question.kind == LEVEL:  # typed over an empty line; Enter keeps the saved level
            validator = Validator.from_callable(
                lambda t: re.fullmatch(r"\s*([1-5]|-|0)?\s*", t) is not None,
                error_message="Anna taso 1–5; - tyhjentää.", move_cursor_to_end=True,
            )
            hint = f"Enter pitää tason {prefill}, - tyhjentää" if prefill else "Enter: ei tasoa"
            outcome = self._prompt(f"1–5 ({hint}) › ", "", toolbar, validator=validator, attach=attach)
            typed = outcome.text.strip()
            if outcome.kind == ACCEPT:
                typed = prefill if not typed else "" if typed in ("-", "0") else typed
            return Outcome(outcome.kind, typed)
        if question.kind == DATE:
            return _as_iso_date(self._prompt("› ", prefill, toolbar, validator=_date_validator(), attach=attach))
        return self._prompt("› ", prefill, toolbar, attach=attach)

    def ask_field(self, form_field: FormField, prefill: str, *, draft: bool) -> Outcome:
        label = form_field.label + (" (pakollinen)" if form_field.required else "")
        if draft:
            self.console.print(Text(f"{form_field.label}: tallentamaton luonnos palautettu.", style="bold magenta"))
        if form_field.kind == CHOICE:
            self.console.print(Text(form_field.label, style="bold yellow"))
            self.console.print(screens.choice_list(form_field.choices, choice_keys(form_field.choices)))
            choices = form_field.choices
            validator = Validator.from_callable(
                lambda t: choice_value(choices, t) is not None,
                error_message="Valitse numero tai kirjoita vaihtoehto: "
                + ", ".join(v for v, _ in choices if v), move_cursor_to_end=True,
            )
            completer = WordCompleter([v for v, _ in choices if v], sentence=True)
            current = choice_value(choices, prefill) if prefill else None
            hint = f" (Enter: {current or '-'})" if current is not None else ""
            outcome = self._prompt(f"{form_field.label}{hint} › ", "", _FORM, jump=False,
                                   validator=validator if current is None else _or_empty(validator),
                                   completer=completer)
            if outcome.kind != ACCEPT:
                return outcome
            if not outcome.text.strip() and current is not None:
                return Outcome(ACCEPT, current)
            return Outcome(ACCEPT, choice_value(choices, outcome.text) or "")
        if form_field.kind == TEXT:
            self.console.print(Text(label, style="bold yellow"))
            return self._prompt("", prefill, _FORM_TEXT, multiline=True, jump=False)
        if form_field.kind == DATE:
            return _as_iso_date(self._prompt(f"{label} › ", prefill, _FORM, jump=False, validator=_date_validator()))
        return self._prompt(f"{label} › ", prefill, _FORM, jump=False)

    def show_entries(self, question: Question, entries: list[Any]) -> None:
        self.console.print(screens.entries_table(question, entries))

    def ask_list_command(self, question: Question, count: int) -> Outcome:
        def valid(text: str) -> bool:
            command, _, number = text.strip().partition(" ")
            if command in ("", "u"):
                return not number
            if command == "p":
                command = number.strip()
            return command.isdigit() and 1 <= int(command) <= count

        validator = Validator.from_callable(valid, error_message=f"Kirjoita u, rivin numero 1–{count} tai p ja numero."
                                            if count else "Kirjoita u (uusi) tai paina Enter (jatka).",
                                            move_cursor_to_end=True)
        outcome = self._prompt("Valitse (u = uusi, Enter = jatka) › ", "", _COMMAND, validator=validator)
        command, _, number = outcome.text.strip().partition(" ")
        return Outcome(outcome.kind, f"{command} {number.strip()}".strip())

    def ask_target(self, interview: Interview) -> Outcome:
        self.console.print(screens.targets_list(interview))

        def valid(text: str) -> None:
            if text.strip():
                try:
                    interview.resolve(text)
                except UsageError as exc:
                    raise ValidationError(len(text), exc.problems[0].message) from None

        outcome = self._prompt("Siirry kohtaan › ", "", _TARGET, nav=False, jump=False,
                               validator=_FunctionValidator(valid), completer=WordCompleter(interview.stops()))
        return outcome

    # --- output ---------------------------------------------------------------------------------

    def message(self, text: str, *, style: str = "") -> None:
        self.console.print(Text(text, style=style))

    def show_text(self, text: str) -> None:
        self.console.print(Panel(Text(text), title="Tallentamaton teksti", title_align="left"))

    def finish(self, path: Path, answers: Answers, workbook: Workbook) -> None:
        self.console.print()
        self.console.print(screens.summary(path, answers, workbook), crop=False)


class _FunctionValidator(Validator):
    def __init__(self, check: Any) -> None:
        self.check = check

    def validate(self, document: Any) -> None:
        self.check(document.text)


def _or_empty(validator: Validator) -> Validator:
    """``validator``, but an empty line is fine too (it keeps the current choice)."""
    return _FunctionValidator(lambda text: None if not text.strip() else validator.validate(_Typed(text)))


class _Typed:
    def __init__(self, text: str) -> None:
        self.text = text


def _date_validator() -> Validator:
    return Validator.from_callable(_valid_date, error_message="Anna päivämäärä muodossa VVVV-KK-PP tai PP.KK.VVVV, esim. 2024-05-31.",
                                   move_cursor_to_end=True)


def check_terminal() -> None:
    """Refuse to start without a terminal, or on one that would garble ä, ö and å."""
    import codecs
    import sys

    from jarjestotyokirja.errors import M

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(M.NOT_A_TERMINAL)
    encoding = sys.stdout.encoding or "ascii"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = encoding
    if name != "utf-8":
        raise UsageError(M.TERMINAL_ENCODING.format(encoding=encoding))


def silence_dead_terminal() -> None:
    """Point standard input, output and error at the null device once the terminal is gone, so that
    the last flushes on the way out can neither fail (EIO) nor block."""
    import os

    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:  # pragma: no cover - no null device
        return
    for fd in (0, 1, 2):
        try:
            os.dup2(null, fd)
        except OSError:  # pragma: no cover
            pass
    os.close(null)
