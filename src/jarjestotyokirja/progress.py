"""How far an answers file is: answered fields per item, per phase and in all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jarjestotyokirja.messages import M

if TYPE_CHECKING:  # types only: the interview's first screen counts progress before pydantic loads
    from jarjestotyokirja.answers import Answers
    from jarjestotyokirja.workbook import Item, Workbook

CLOSING_KEY = "lopuksi"
CLOSING_FIELDS = ("yhteenveto", "seuranta")


@dataclass(frozen=True)
class ItemProgress:
    key: str
    title: str
    phase: str  # "Vaihe 1" …, or "" for the opening sections and the closing
    answered: int
    total: int
    level: int | None = None
    target_level: int | None = None

    @property
    def done(self) -> bool:
        return self.answered == self.total

    @property
    def missing(self) -> bool:
        return self.answered == 0


@dataclass(frozen=True)
class Progress:
    items: tuple[ItemProgress, ...]

    @property
    def answered(self) -> int:
        return sum(i.answered for i in self.items)

    @property
    def total(self) -> int:
        return sum(i.total for i in self.items)

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        """Rounded down, so 100 % means every field is answered."""
        return int(100 * self.answered // self.total) if self.total else 100

    def by_phase(self) -> dict[str, tuple[int, int]]:
        """Answered and total fields keyed ``Alku``, ``Vaihe 1`` … ``Vaihe 4``, ``Lopuksi``."""
        phases: dict[str, tuple[int, int]] = {}
        for item in self.items:
            name = item.phase or (M.PHASE_CLOSING if item.key == CLOSING_KEY else M.PHASE_OPENING)
            answered, total = phases.get(name, (0, 0))
            phases[name] = (answered + item.answered, total + item.total)
        return phases


def unanswered_fields(answers: Answers, item: Item) -> list[str]:
    """Field ids of ``item`` still empty (levels are optional and not counted)."""
    answer = answers.vastaukset.get(item.key)
    return [f.id for f in item.fields if not (answer and getattr(answer, f.id))]


def progress(answers: Answers, workbook: Workbook) -> Progress:
    """Text fields answered, per item in workbook order, with the closing summary and monitoring."""
    rows = []
    for item in workbook.items:
        answer = answers.vastaukset.get(item.key)
        total = len(item.fields)
        rows.append(
            ItemProgress(
                key=item.key,
                title=item.title,
                phase=M.PHASE_LABEL.format(number=item.phase.number) if item.phase else "",
                answered=total - len(unanswered_fields(answers, item)),
                total=total,
                level=answer.taso if answer else None,
                target_level=answer.tavoitetaso if answer else None,
            )
        )
    closing_done = sum(1 for f in CLOSING_FIELDS if getattr(answers.lopuksi, f))
    rows.append(ItemProgress(CLOSING_KEY, workbook.closing.title, "", closing_done, len(CLOSING_FIELDS)))
    return Progress(tuple(rows))
