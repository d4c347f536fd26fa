"""The interview's questions in workbook order, and what kinds of question there are.

Plain data, without pydantic: the first screen (``first_screen.py``) is drawn from these before the
answers are validated; ``engine.py`` walks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jarjestotyokirja.messages import M

if TYPE_CHECKING:
    from jarjestotyokirja.workbook import Item

# Question kinds
TEXT = "text"  # multi-line free text
LINE = "line"  # one line of text
DATE = "date"  # VVVV-KK-PP
LEVEL = "level"  # 1–5 or empty
CHOICE = "choice"  # one of a list (form fields only)
PARTICIPANTS = "participants"
PRACTICES = "practices"
ACTIONS = "actions"
LISTS = (PARTICIPANTS, PRACTICES, ACTIONS)

# Jump targets that are not items
ASSESSMENT, GOOD_PRACTICES, ACTIONS_STOP, CLOSING = "arviointi", "hyvat", "toimenpiteet", "lopuksi"


@dataclass(frozen=True)
class Question:
    """One thing asked. ``key`` is the ``jtk set`` key (``4.nykytila``) or the list's name."""

    key: str
    kind: str
    stop: str  # the group it belongs to and the jump target that reaches it: "arviointi", "4", "lopuksi"
    label: str
    help: str = ""
    item: Item | None = None


@dataclass(frozen=True)
class FormField:
    """One field of a participant, good practice or action."""

    name: str
    label: str
    kind: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); "" for none


def build_questions(workbook: Any) -> tuple[Question, ...]:
    # ``workbook``: a Workbook, or the first screen's view of workbook.yaml (the same attributes)
    """Every question in the order the workbook reads: assessment, sections, ideas, the closing."""
    questions = [
        Question("arviointi.pvm", DATE, ASSESSMENT, M.ASK_DATE, M.ASK_DATE_HELP),
        Question("arviointi.konsultti", LINE, ASSESSMENT, M.ASK_CONSULTANT, M.ASK_CONSULTANT_HELP),
        Question("arviointi.osallistujat", PARTICIPANTS, ASSESSMENT, M.ASK_PARTICIPANTS, M.ASK_PARTICIPANTS_HELP),
    ]
    for item in workbook.items:
        for fdef in item.fields:
            questions.append(Question(f"{item.key}.{fdef.id}", TEXT, item.key, fdef.label, fdef.help, item))
        if item.has_levels and workbook.levels:
            scale = workbook.levels
            questions.append(Question(f"{item.key}.taso", LEVEL, item.key, scale.current_label,
                                      M.ASK_LEVEL_HELP, item))
            questions.append(Question(f"{item.key}.tavoitetaso", LEVEL, item.key, scale.target_label,
                                      M.ASK_TARGET_HELP, item))
    closing = workbook.closing
    questions += [
        Question("hyvat_kaytannot", PRACTICES, GOOD_PRACTICES, workbook.good_practices.title,
                 workbook.good_practices.text),
        Question("lopuksi.yhteenveto", TEXT, CLOSING, closing.summary.label, closing.summary.help),
        Question("toimenpiteet", ACTIONS, ACTIONS_STOP, closing.actions.label, closing.actions.help),
        Question("lopuksi.seuranta", TEXT, CLOSING, closing.monitoring.label, closing.monitoring.help),
    ]
    return tuple(questions)
