"""The workbook as data: pydantic models of ``workbook.yaml``, loading, and look-up of items by key.

An *item* is anything the municipality answers: an opening section that asks fields
(``tilannekuva``) or an idea (``1`` … ``10``, ``+1``). Items are ordered as the workbook reads.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Union

from pydantic import Field, model_validator

from jarjestotyokirja.errors import InvalidContent, M, NotFound
from jarjestotyokirja.resources import bundled_workbook
from jarjestotyokirja.validation import Strict, parse_document
from jarjestotyokirja.yamlio.loader import read_yaml

FIELD_IDS = ("nykytila", "tavoitetila", "seuranta")
LEVEL_VALUES = ("1", "2", "3", "4", "5")

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
IdeaNumber = Annotated[str, Field(pattern=r"^\+?[1-9][0-9]?$")]


class BulletGroup(Strict):
    text: str
    bullets: list[Bullet] = []


Bullet = Union[str, BulletGroup]
BulletGroup.model_rebuild()


class FieldDef(Strict):
    id: Id
    label: str
    help: str = ""


class Level(Strict):
    value: str
    label: str
    description: str = ""


class LevelScale(Strict):
    current_label: str = "Nykytaso"
    target_label: str = "Tavoitetaso"
    scale: list[Level]

    @model_validator(mode="after")
    def _five_levels(self) -> LevelScale:
        if tuple(level.value for level in self.scale) != LEVEL_VALUES:
            raise ValueError(M.WORKBOOK_SCALE)
        return self

    def label(self, value: int) -> str:
        return self.scale[value - 1].label


class Section(Strict):
    id: Id
    title: str
    text: str = ""
    bullets: list[Bullet] = []
    fields: list[str] = []


class Idea(Strict):
    number: IdeaNumber
    title: str
    summary: str = ""
    text: str = ""
    bullets: list[Bullet] = []
    questions: dict[str, list[str]] = {}
    references: list[str] = []


class Phase(Strict):
    number: str
    title: str
    subtitle: str = ""
    description: str = ""
    ideas: list[Idea]


class Source(Strict):
    publisher: str
    year: str = ""
    authors: list[str] = []
    url: str = ""


class GoodPractices(Strict):
    title: str
    text: str = ""


class LabelledField(Strict):
    label: str
    help: str = ""


class Closing(Strict):
    title: str
    subtitle: str = ""
    text: str = ""
    bullets: list[Bullet] = []
    summary: LabelledField
    actions: LabelledField
    monitoring: LabelledField


@dataclass(frozen=True)
class Item:
    """Something the municipality answers: a section with fields, or an idea."""

    key: str
    title: str
    fields: tuple[FieldDef, ...]
    has_levels: bool
    section: Section | None = None
    idea: Idea | None = None
    phase: Phase | None = None

    @property
    def label(self) -> str:
        """``Idea 4: Tavoitteet ja periaatteet`` or the section's title."""
        return M.IDEA_LABEL.format(key=self.key, title=self.title) if self.idea else self.title


class Workbook(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    version: str
    title: str
    subtitle: str = ""
    language: str = "fi"
    translation: str = ""  # who translated this edition, in its own language ("Översättning: jtk"); "" = the original
    source: Source
    fields: list[FieldDef]
    levels: LevelScale | None = None
    sections: list[Section] = []
    phases: list[Phase]
    good_practices: GoodPractices
    closing: Closing

    @model_validator(mode="after")
    def _consistent(self) -> Workbook:
        ids = tuple(f.id for f in self.fields)
        if sorted(ids) != sorted(FIELD_IDS):
            raise ValueError(M.WORKBOOK_FIELD_IDS.format(expected=", ".join(FIELD_IDS), found=", ".join(ids)))
        keys = [s.id for s in self.sections] + [i.number for p in self.phases for i in p.ideas]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(M.WORKBOOK_DUPLICATE_IDS.format(ids=", ".join(duplicates)))
        for section in self.sections:
            unknown = [f for f in section.fields if f not in ids]
            if unknown:
                raise ValueError(M.WORKBOOK_SECTION_FIELDS.format(section=section.id, fields=", ".join(unknown)))
        for idea in self.ideas:
            unknown = [f for f in idea.questions if f not in ids]
            if unknown:
                raise ValueError(M.WORKBOOK_IDEA_FIELDS.format(idea=idea.number, fields=", ".join(unknown)))
        return self

    @cached_property
    def ideas(self) -> list[Idea]:
        return [idea for phase in self.phases for idea in phase.ideas]

    @cached_property
    def items(self) -> list[Item]:
        """Every answerable item in workbook order: sections with fields first, then the ideas."""
        by_id = {f.id: f for f in self.fields}
        items = [
            Item(s.id, s.title, tuple(by_id[f] for f in s.fields), False, section=s)
            for s in self.sections
            if s.fields
        ]
        items += [
            Item(i.number, i.title, tuple(self.fields), self.levels is not None, idea=i, phase=p)
            for p in self.phases
            for i in p.ideas
        ]
        return items

    @cached_property
    def items_by_key(self) -> dict[str, Item]:
        return {item.key: item for item in self.items}

    def item(self, key: str) -> Item:
        """The item ``key`` (``"4"``, ``"+1"``, ``"tilannekuva"``); :class:`NotFound` otherwise."""
        try:
            return self.items_by_key[key]
        except KeyError:
            raise NotFound(M.UNKNOWN_ITEM.format(item=key).with_hint(self._suggest(key))) from None

    def has_item(self, key: str) -> bool:
        return key in self.items_by_key

    def _suggest(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.items_by_key), n=3)
        if close:
            return M.DID_YOU_MEAN.format(suggestions=", ".join(close))
        return M.ITEMS_ARE.format(items=", ".join(self.items_by_key))


def load_workbook(path: str | Path | None = None, language: str = "fi") -> Workbook:
    """Load and validate a workbook; without ``path``, the one bundled with jtk in ``language`` (fi, sv, en)."""
    resolved = Path(path) if path else bundled_workbook(language)
    return _load_cached(str(resolved.resolve()) if resolved.exists() else str(resolved))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Workbook:
    doc = read_yaml(path, cached=True)  # read by every command, seldom changed
    try:
        return parse_document(Workbook, doc)
    except InvalidContent as exc:
        raise exc.with_path(path) from None
