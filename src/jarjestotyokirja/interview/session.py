"""One interview session: ask, apply, save at once, keep drafts, navigate, and stop cleanly.

The session holds the file's lock from start to end, so a second interview or a ``jtk set`` on the
same file is refused. Every accepted answer is saved atomically before the next question is shown.
Text that was typed but not accepted (Ctrl-C, quitting, leaving a question, a failed save, a hang-up)
goes to the draft file and is offered back next time. ``ui`` is the terminal (``terminal.Terminal``);
the session never reads keys itself. The lists (participants, practices, actions) are edited by
``entries.py``; what a prompt returns is defined in ``outcome.py``.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import time
from functools import partial
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.errors import InvalidContent, JtkError, M
from jarjestotyokirja.files import atomic_write
from jarjestotyokirja.interview.engine import (
    ACTIONS,
    ACTIONS_STOP,
    LEVEL,
    LISTS,
    Interview,
    Question,
)
from jarjestotyokirja.interview.entries import edit_list, fill_form
from jarjestotyokirja.interview.outcome import ACCEPT, ATTACH, BACK, HANGUP, INTERRUPT, JUMP, QUIT, SKIP, UI, Outcome
from jarjestotyokirja.interview.stopping import Ending, StopSignals
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.store.drafts import draft_path, load_drafts, save_drafts
from jarjestotyokirja.store.edit import get_value
from jarjestotyokirja.store.locks import INTERVIEW, locked
from jarjestotyokirja.workbook import Workbook


def _test_gate() -> None:
    """Test hook: with ``JTK_TEST_SAVE_GATE`` naming a folder, every save first writes ``saving`` there
    and waits (at most a minute) until the test writes ``go``, so a pty test can send a signal exactly
    while the session saves. Does nothing otherwise."""
    folder = os.environ.get("JTK_TEST_SAVE_GATE")
    if not folder:
        return
    go = Path(folder, "go")
    atomic_write(Path(folder, "saving"), "")
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    go.unlink(missing_ok=True)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


class _Stop(Exception):
    def __init__(self, ending: Ending) -> None:
        self.ending = ending


def run_interview(
    path: Path, workbook: Workbook, ui: UI, *, revisit_all: bool = False, target: str | None = None,
    today: str = "",
) -> Ending:
    """Run the interview on ``path`` until the end, the user stops or the terminal goes away."""
    with locked(path, holder=INTERVIEW):
        answers = load_answers(path, workbook)
        interview = Interview(workbook, answers, revisit_all=revisit_all, drafts=load_drafts(path), today=today)
        if target:
            interview.resolve(target)  # a bad --idea is a usage error before anything is shown
        return Session(path, interview, ui).run(target)


class Session:
    def __init__(self, path: Path, interview: Interview, ui: UI) -> None:
        self.path = path
        self.interview = interview
        self.ui = ui
        self.asking: tuple[str, str] | None = None  # draft key and saved value of the open prompt
        # The file as this session last read or wrote it, to notice edits made outside the session.
        self.on_disk = _read(path)
        self.base = interview.answers.model_copy(deep=True)
        self.signals = StopSignals(wake=getattr(ui, "wake", None))
        self.unsaved_drafts = False  # an autosave failed: write the drafts at the next chance
        self.low_target: tuple[str, str] | None = None  # a target level below the current, warned about once

    @property
    def workbook(self) -> Workbook:
        return self.interview.workbook

    @property
    def answers(self) -> Answers:
        return self.interview.answers

    # --- the loop ---------------------------------------------------------------------------------

    def run(self, target: str | None = None) -> Ending:
        with self.signals.installed():
            try:
                question = self.interview.start(target)
                while question is not None:
                    question = self._step(question)
                if self.signals.interrupted:  # Ctrl-C during the last save
                    return self._stopped(Ending.INTERRUPTED)
                self.ui.finish(self.path, self.answers, self.workbook)
                if self.interview.drafts:
                    self.ui.message(M.DRAFT_KEPT.format(draft=draft_path(self.path).name), style="yellow")
                return Ending.FINISHED
            except _Stop as stop:
                return stop.ending
            except KeyboardInterrupt:
                self._keep_open_text()
                return self._stopped(Ending.INTERRUPTED)
            except OSError:  # the terminal failed while showing something: it is gone
                self.signals.terminal_gone()
                return self._hung_up()

    def _step(self, question: Question) -> Question | None:
        interview = self.interview
        if question.kind in LISTS:
            outcome = edit_list(self, question)
        else:
            prefill, draft = interview.prefill(question)
            saved = interview.saved(question)
            if self.low_target is not None and self.low_target[0] == question.key:
                prefill = self.low_target[1]  # Enter accepts the low target after the warning
            self.ui.show_question(interview, question, draft=draft)
            outcome = self.prompt(question.key, saved, partial(
                self.ui.ask, question, prefill, attach=question.item is not None and question.item.idea is not None,
                saved=saved, suggestion=interview.suggestion(question)), keep=question.kind != LEVEL)
            if outcome.kind == ACCEPT:
                if self._target_below_current(question, outcome.text):
                    return question
                try:
                    interview.accept(question, outcome.text)
                except InvalidContent as exc:
                    self.show_error(exc)
                    self.leave(question.key, outcome.text, interview.saved(question), keep=question.kind != LEVEL)
                    return question
                if not self.save(outcome.text):
                    self.interview.keep_draft(question.key, outcome.text, "")
                    self.write_drafts()
                    return question
                self.write_drafts()
                return interview.next()
            if outcome.kind == ATTACH:
                self.leave(question.key, outcome.text, saved, keep=question.kind != LEVEL, where=describe(question))
                assert question.item and question.item.idea
                self.ui.message(M.ATTACH_ACTION.format(idea=question.item.label), style="bold")
                fill_form(self, _actions_question(interview), None, preset={"idea": question.item.idea.number})
                self.ui.message(M.BACK_TO.format(where=describe(question)), style="dim")
                return question
            self.leave(question.key, outcome.text, saved, keep=question.kind != LEVEL, where=describe(question))
        return self._navigate(question, outcome)

    def _target_below_current(self, question: Question, text: str) -> bool:
        """A target level below the current one is questioned once: asked again, Enter accepts it."""
        current = get_value(self.answers, self.workbook, question.key.replace(".tavoitetaso", ".taso"))
        low = (question.key.endswith(".tavoitetaso") and text.isdigit() and current.isdigit()
               and int(text) < int(current) and self.low_target != (question.key, text))
        self.low_target = (question.key, text) if low else None
        if low:
            self.ui.message(M.TARGET_BELOW_CURRENT.format(target=text, current=current), style="yellow")
        return low

    def _navigate(self, question: Question, outcome: Outcome) -> Question | None:
        interview = self.interview
        if outcome.kind in (ACCEPT, SKIP):
            return interview.next()
        if outcome.kind == BACK:
            return interview.back()
        if outcome.kind == JUMP:
            picked = self.prompt("", "", lambda: self.ui.ask_target(interview), keep=False)
            return interview.jump(picked.text) if picked.kind == ACCEPT and picked.text.strip() else question
        raise AssertionError(outcome)  # pragma: no cover

    def prompt(self, key: str, saved: str, ask: Any, *, keep: bool = True) -> Outcome:
        """Run one prompt; quitting and Ctrl-C keep the text as a draft and stop the session.

        ``keep`` is false for prompts whose text is a command, not an answer (nothing to keep).
        """
        if self.signals.stopping:  # a signal came while saving or showing: do not ask any more
            raise _Stop(self._hung_up())
        if self.signals.interrupted:  # Ctrl-C between prompts: the save it came in has completed
            raise _Stop(self._stopped(Ending.INTERRUPTED))
        self.asking = (key, saved) if keep else None
        self.ui.autosave = partial(self._autosave, key, saved) if keep else None
        try:
            outcome = ask()
        finally:
            self.asking = None
            self.ui.autosave = None
        if outcome.kind == HANGUP:
            if keep and (self.interview.keep_draft(key, outcome.text, saved) or self.unsaved_drafts):
                self.write_drafts(quiet=True)
            if not self.signals.received:
                self.signals.terminal_gone()
            raise _Stop(self._hung_up())
        if outcome.kind in (QUIT, INTERRUPT):
            if keep:
                self.leave(key, outcome.text, saved, keep=keep)
            raise _Stop(self._stopped(Ending.QUIT if outcome.kind == QUIT else Ending.INTERRUPTED))
        return outcome

    def _autosave(self, key: str, saved: str, text: str) -> None:
        """Keep the text being typed as the draft (called from the prompt's event loop while typing).

        Quiet: a message would garble the prompt being edited; a failure is retried when leaving."""
        if self.interview.keep_draft(key, text, saved) or self.unsaved_drafts:
            self.write_drafts(quiet=True)

    def _hung_up(self) -> Ending:
        """Stop after a stop signal or a failed terminal; everything typed is in the answers or the draft.

        Nothing is shown after a hang-up (a write to a dead terminal may fail or block); after SIGTERM
        the terminal is still there, so it says where the next session resumes."""
        ending = self.signals.ending()
        if self.unsaved_drafts:
            self.write_drafts(quiet=True)
        if ending is Ending.TERMINATED:
            with contextlib.suppress(OSError):
                self._stopped(ending)
        return ending

    # --- saving -------------------------------------------------------------------------------------

    def save(self, text: str | None) -> bool:
        """Save the answers now; on failure show ``text`` so it can be copied (the caller keeps it)."""
        try:
            _test_gate()
            self._write()
        except JtkError as exc:
            self.ui.message(M.SAVE_FAILED.format(reason=exc.problems[0].message), style="bold red")
            if text:
                self.ui.show_text(text)
            return False
        return True

    def _write(self) -> None:
        """Save atomically, first folding in any change made to the file outside this session
        (a hand edit, a git checkout): merged when it touches other answers; otherwise the outside
        version is kept beside the file, so neither side's text is lost."""
        on_disk = _read(self.path)
        if on_disk is not None and on_disk != self.on_disk:
            from jarjestotyokirja.versions.merge import merge_outside_changes

            merged, conflicts = merge_outside_changes(on_disk, self.path, self.base, self.answers, self.workbook)
            if conflicts:
                backup = self.path.with_name(f".{self.path.name}.jtk-ulkoinen")
                atomic_write(backup, on_disk, like=self.path)
                self.ui.message(M.OUTSIDE_KEPT.format(keys=", ".join(conflicts), backup=backup.name), style="yellow")
            else:
                for name in Answers.model_fields:
                    setattr(self.answers, name, getattr(merged, name))
                self.ui.message(M.OUTSIDE_MERGED, style="yellow")
        save_answers(self.path, self.answers, self.workbook)
        self.on_disk = _read(self.path)
        self.base = self.answers.model_copy(deep=True)

    def leave(self, key: str, text: str, saved: str, *, keep: bool = True, where: str = "") -> None:
        """The user leaves a prompt without accepting: keep changed text as a draft, and say so on the
        spot when moving on (``where``), so the scrollback does not look as if it were saved.

        Levels and choices are not text: what was typed there is not kept (``keep`` false).
        """
        if keep and (self.interview.keep_draft(key, text, saved) or self.unsaved_drafts):
            self.write_drafts(show_text=text)
        if keep and where and key in self.interview.drafts:
            self.ui.message(M.DRAFT_LEFT.format(where=where), style="yellow")

    def write_drafts(self, show_text: str | None = None, *, quiet: bool = False) -> None:
        try:
            save_drafts(self.path, self.interview.drafts)
        except JtkError as exc:
            self.unsaved_drafts = True
            if quiet:
                return
            self.ui.message(M.DRAFT_SAVE_FAILED.format(reason=exc.problems[0].message), style="bold red")
            if show_text:
                self.ui.show_text(show_text)
        else:
            self.unsaved_drafts = False

    def _keep_open_text(self) -> None:
        if self.asking is not None:
            text = self.ui.current_text()
            if text is not None:
                self.interview.keep_draft(self.asking[0], text, self.asking[1])
                self.write_drafts()

    def show_error(self, exc: JtkError) -> None:
        for problem in exc.problems:
            self.ui.message(f"{problem.message} {problem.hint}" if problem.hint else problem.message, style="bold red")

    def _stopped(self, ending: Ending) -> Ending:
        """Say what is saved and where the next session resumes."""
        fresh = Interview(self.workbook, self.answers, drafts=dict(self.interview.drafts))
        question = fresh.start()
        where = describe(question) if question else self.workbook.closing.title
        self.ui.message(M.RESUME_AT.format(path=self.path, where=where))
        self.ui.message(f"  jtk interview {shlex.quote(str(self.path))}", style="bold")
        if self.interview.drafts:
            self.ui.message(M.DRAFT_KEPT.format(draft=draft_path(self.path).name))
        return ending


def describe(question: Question) -> str:
    """``Idea 4: Yhteistyön tavoitteet ja periaatteet, Nykytilan arviointi (4.nykytila)``."""
    where = f"{question.item.label}, {question.label}" if question.item else question.label
    return f"{where} ({question.key})"


def _actions_question(interview: Interview) -> Question:
    return next(q for q in interview.questions if q.kind == ACTIONS and q.stop == ACTIONS_STOP)
