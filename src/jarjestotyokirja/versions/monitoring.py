"""Progress of the development actions: what is done, under way, planned, and late against its due date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jarjestotyokirja.answers import STATUSES, Action, Answers


@dataclass(frozen=True)
class ActionState:
    number: int  # 1-based, as in jtk action list
    action: Action
    late: bool  # due date passed and not done
    days_late: int  # 0 unless late


@dataclass(frozen=True)
class ActionProgress:
    today: str  # VVVV-KK-PP, or "" when no date was given and nothing is judged late
    actions: tuple[ActionState, ...]

    def with_status(self, status: str) -> tuple[ActionState, ...]:
        return tuple(a for a in self.actions if a.action.tila == status)

    @property
    def done(self) -> tuple[ActionState, ...]:
        return self.with_status("valmis")

    @property
    def late(self) -> tuple[ActionState, ...]:
        """Not done and past the due date, the latest first (ties in list order)."""
        return tuple(sorted((a for a in self.actions if a.late), key=lambda a: (-a.days_late, a.number)))

    @property
    def counts(self) -> dict[str, int]:
        """Number of actions per status, every status present, in the order of ``STATUSES``."""
        return {status: len(self.with_status(status)) for status in STATUSES}

    @property
    def percent_done(self) -> int:
        """Share of actions done, rounded down; 0 when there are no actions."""
        return 100 * len(self.done) // len(self.actions) if self.actions else 0


def action_progress(answers: Answers, today: dt.date | str | None) -> ActionProgress:
    """The state of every action on ``today`` (a date or VVVV-KK-PP; pass it in, so output is reproducible).

    An action is late when it has a due date (``maaraaika``) before ``today`` and is not ``valmis``.
    Without a date (``None`` or ``""``) the statuses are counted but no action is judged late.
    """
    day = (dt.date.fromisoformat(today) if today else None) if isinstance(today, str) else today
    states = []
    for number, action in enumerate(answers.toimenpiteet, start=1):
        due = dt.date.fromisoformat(action.maaraaika) if action.maaraaika else None
        late = day is not None and due is not None and due < day and action.tila != "valmis"
        states.append(ActionState(number, action, late, (day - due).days if late and day and due else 0))
    return ActionProgress(day.isoformat() if day else "", tuple(states))
