"""The interview's first question on screen before pydantic and prompt_toolkit have loaded.

Importing pydantic, building the models, validating the answers and starting prompt_toolkit take most
of a second on a slow laptop. So ``jtk interview FILE`` first reads ``workbook.yaml``, the answers
and the drafts with the YAML reader alone, works out the first question as the session will, and
draws its guidance panel and heading with the session's own ``screens`` functions (:func:`draw`).
Keys typed meanwhile wait in the terminal, not echoed (:func:`typing_held`), and reach the prompt
when it opens. Nothing can be accepted before the file has been validated: when it is invalid (or in
use), its error is shown as always and the waiting keys are dropped, never passed on to the shell.

Best effort: anything unexpected in the raw files, or ``--idea``, draws nothing, and the session
shows its screen as before. The session's terminal leaves out the panel and heading it finds already
drawn only when its first question is this one (:class:`Shown`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jarjestotyokirja.interview.questions import LISTS, Question, build_questions
from jarjestotyokirja.messages import M


@dataclass(frozen=True)
class Shown:
    """The question whose panel and heading are on screen, and whether it was a draft's."""

    key: str
    draft: bool


def draw(path: Path, workbook_path: Path | None, console: Any, *, revisit_all: bool = False) -> Shown | None:
    """Draw the first question of ``path`` on ``console`` (a rich console); ``None`` when nothing was drawn."""
    try:
        from jarjestotyokirja.interview import screens
        from jarjestotyokirja.messages import current
        from jarjestotyokirja.resources import bundled_workbook
        from jarjestotyokirja.store.drafts import draft_path
        from jarjestotyokirja.yamlio.loader import read_yaml

        workbook = _workbook(read_yaml(workbook_path or bundled_workbook(current())).data)
        answers_data = read_yaml(path).data
        drafts_file = draft_path(path)
        drafts = read_yaml(drafts_file).data["luonnokset"] if drafts_file.exists() else {}
        interview = _Interview(workbook, _answers(answers_data), dict(drafts), answers_data)
        question = interview.first(revisit_all)
        if question is None:
            return None
        draft = question.kind not in LISTS and question.key in drafts
        panel = screens.stop_panel(interview, question)
        heading = screens.question_heading(interview, question, draft=draft)
    except Exception:  # noqa: BLE001 - the session reads the files again and reports any fault itself
        return None
    try:
        console.print()
        console.print(panel)
        console.print(heading)
    except Exception:  # noqa: BLE001 - a failed terminal (the session then stops as after a hang-up), or
        return None  # content rich cannot draw: the session draws its own screen
    _test_hook()
    return Shown(question.key, draft)


def existing_answers_file(target: str) -> Path | None:
    """The answers file that ``jtk interview TARGET`` opens, if it exists already: ``TARGET`` itself,
    or the file of the municipality it names in this folder (as ``answers_file_for`` finds it)."""
    path = Path(target)
    if path.is_file():
        return path
    if path.suffix.lower() in (".yaml", ".yml") or "/" in target or "\\" in target or path.exists():
        return None
    from jarjestotyokirja.errors import NotFound
    from jarjestotyokirja.register import find_municipality

    try:
        default = Path(find_municipality(target).file_name)
    except NotFound:
        return None
    return default if default.is_file() else None


@contextmanager
def typing_held(fd: int) -> Iterator[Any]:
    """Keys typed until ``release()`` wait in the terminal, not echoed (no line editing, no XON/XOFF);
    Ctrl-C still interrupts. Call ``release()`` once the prompt can take them; leaving without it
    (an error) drops them, so they never reach the shell."""
    try:
        import termios
    except ImportError:  # Windows: no terminal modes to set; keys typed early are echoed as before
        yield SimpleNamespace(release=lambda: None)
        return
    try:
        saved = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        yield SimpleNamespace(release=lambda: None)
        return
    held = [*saved[:6], list(saved[6])]
    held[0] &= ~(termios.IXON | termios.ICRNL)
    held[3] &= ~(termios.ECHO | termios.ICANON)
    held[6][termios.VMIN], held[6][termios.VTIME] = 1, 0
    state = SimpleNamespace(released=False)

    def restore(*, drop: bool) -> None:
        try:
            if drop:
                termios.tcflush(fd, termios.TCIFLUSH)
            termios.tcsetattr(fd, termios.TCSANOW, saved)
        except (termios.error, OSError):  # the terminal is gone
            pass

    def release() -> None:
        if not state.released:
            state.released = True
            restore(drop=False)

    try:
        termios.tcsetattr(fd, termios.TCSANOW, held)
    except (termios.error, OSError):
        yield SimpleNamespace(release=lambda: None)
        return
    try:
        yield SimpleNamespace(release=release)
    finally:
        if not state.released:
            restore(drop=True)


# --- the raw files as the screens read them (the models' attribute names and defaults) -------------

def _ns(data: dict[str, Any], **defaults: Any) -> SimpleNamespace:
    if not isinstance(data, dict):
        raise TypeError(data)
    return SimpleNamespace(**{**defaults, **data})


def _bullets(items: list[Any]) -> list[Any]:
    return [b if isinstance(b, str) else _ns({**b, "bullets": _bullets(b.get("bullets", []))}) for b in items]


@dataclass(frozen=True)
class _Item:
    """As ``workbook.Item``."""

    key: str
    title: str
    fields: tuple[Any, ...]
    has_levels: bool
    section: Any = None
    idea: Any = None
    phase: Any = None

    @property
    def label(self) -> str:
        return M.IDEA_LABEL.format(key=self.key, title=self.title) if self.idea else self.title


def _workbook(data: dict[str, Any]) -> SimpleNamespace:
    """As ``workbook.Workbook`` (with its ``ideas`` and ``items``)."""
    fields = [_ns(f, help="") for f in data["fields"]]
    levels = data.get("levels")
    if levels is not None:
        levels = _ns({**levels, "scale": [_ns(level, description="") for level in levels["scale"]]},
                     current_label="Nykytaso", target_label="Tavoitetaso")
    sections = [_ns({**s, "bullets": _bullets(s.get("bullets", []))}, text="", fields=[]) for s in data.get("sections", [])]
    phases = [
        _ns({**p, "ideas": [_ns({**i, "bullets": _bullets(i.get("bullets", []))}, summary="", text="", questions={},
                                references=[]) for i in p["ideas"]]}, subtitle="", description="")
        for p in data["phases"]
    ]
    closing = data["closing"]
    closing = _ns({**closing, "bullets": _bullets(closing.get("bullets", [])),
                   **{k: _ns(closing[k], help="") for k in ("summary", "actions", "monitoring")}}, subtitle="", text="")
    by_id = {f.id: f for f in fields}
    items = [_Item(s.id, s.title, tuple(by_id[f] for f in s.fields), False, section=s) for s in sections if s.fields]
    items += [_Item(i.number, i.title, tuple(fields), levels is not None, idea=i, phase=p) for p in phases for i in p.ideas]
    return _ns({**data, "fields": fields, "levels": levels, "sections": sections, "phases": phases, "closing": closing,
                "good_practices": _ns(data["good_practices"], text=""), "items": items,
                "ideas": [i for p in phases for i in p.ideas]}, subtitle="")


def _answers(data: dict[str, Any]) -> SimpleNamespace:
    """As ``answers.Answers``, as far as the panel reads it (municipality, answered fields)."""
    empty = ("nykytila", "tavoitetila", "seuranta", "taso", "tavoitetaso")
    return SimpleNamespace(
        kunta=_ns(data["kunta"], maakunta="", hyvinvointialue=""),
        vastaukset={key: _ns({k: v for k, v in (value or {}).items()}, **dict.fromkeys(empty))
                    for key, value in (data.get("vastaukset") or {}).items()},
        lopuksi=_ns(data.get("lopuksi") or {}, yhteenveto="", seuranta=""),
    )


class _Interview:
    """As ``engine.Interview``: where the walk starts (its :meth:`start` without a target)."""

    def __init__(self, workbook: Any, answers: Any, drafts: dict[str, str], raw: dict[str, Any]) -> None:
        self.workbook, self.answers, self.drafts, self._raw = workbook, answers, drafts, raw
        self.questions = build_questions(workbook)

    def first(self, revisit_all: bool) -> Question | None:
        if revisit_all:
            return self.questions[0]
        for question in self.questions:
            if any(key == question.key or key.startswith(question.key + ".") for key in self.drafts):
                return question
        return next((q for q in self.questions if not self._answered(q)), None)

    def _answered(self, question: Question) -> bool:
        raw = self._raw
        if question.kind in LISTS:
            lists = {"arviointi.osallistujat": (raw.get("arviointi") or {}).get("osallistujat")}
            value = lists.get(question.key, raw.get(question.key))
            return bool(value)
        group, _, field = question.key.rpartition(".")
        container = raw.get(group) if group in ("arviointi", "lopuksi") else (raw.get("vastaukset") or {}).get(group)
        value = (container or {}).get(field)
        return value is not None and bool(str(value).strip())

    def idea_position(self, question: Question) -> tuple[int, int] | None:
        if question.item is None:
            return None
        same = [i for i in self.workbook.items if (i.idea is None) == (question.item.idea is None)]
        return same.index(question.item) + 1, len(same)


def _test_hook() -> None:
    """Test hook: ``JTK_TEST_MODULES_AT_FIRST_SCREEN`` names a file to list the modules imported by
    the time the first screen is drawn (tests/test_startup.py)."""
    target = os.environ.get("JTK_TEST_MODULES_AT_FIRST_SCREEN")
    if target:
        from jarjestotyokirja.files import atomic_write

        atomic_write(target, "\n".join(sorted({name.split(".")[0] for name in sys.modules})) + "\n")
