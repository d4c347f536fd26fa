"""What changed between two versions of an answers file, by meaning: texts (word diff), levels, actions, good practices.

:func:`diff_answers` compares by idea and field, not by line: which texts changed (with a word diff),
which levels moved and by how much, which actions were added, removed or changed (status above all),
which good practices came and went.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jarjestotyokirja.answers import LEVEL_FIELDS, Action, Answers, GoodPractice, Participant
from jarjestotyokirja.messages import M
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.versions.revisions import read_revision
from jarjestotyokirja.workbook import Workbook

Op = Literal["=", "-", "+"]
Kind = Literal["lisätty", "poistettu", "muutettu"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Below this similarity a rewritten text is shown as old and new whole; a word diff would be noise.
_REWRITTEN = 0.3
# Unmatched actions or practices at least this similar are taken as the same one, changed.
_SAME_ENTRY = 0.5
# Field → catalogue name of its label (looked up when a diff is made, in the UI language).
_ASSESSMENT_LABELS = {"pvm": "ASK_DATE", "konsultti": "ASK_CONSULTANT", "osallistujat": "ASK_PARTICIPANTS"}
_MUNICIPALITY_LABELS = {"koodi": "COLUMN_MUNICIPALITY_CODE", "nimi": "COLUMN_MUNICIPALITY", "maakunta": "COLUMN_REGION",
                        "hyvinvointialue": "COLUMN_COUNTY"}


def word_diff(old: str, new: str) -> tuple[tuple[Op, str], ...]:
    """``old`` → ``new`` as segments: unchanged (``=``), removed (``-``) and added (``+``) text.

    Whole words are compared, and a blank between two changes joins them, so a rewritten phrase reads as
    one removal and one addition. Joining the ``=`` and ``-`` segments gives ``old``; ``=`` and ``+``, ``new``.
    """
    if old == new:
        return (("=", old),) if old else ()
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if not old or not new or matcher.ratio() < _REWRITTEN:
        return tuple(s for s in (("-", old), ("+", new)) if s[1])  # type: ignore[misc]
    chunks: list[list[str]] = []  # [removed, added] or [same]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(["".join(a[i1:i2])])
        else:
            chunks.append(["".join(a[i1:i2]), "".join(b[j1:j2])])
    merged: list[list[str]] = []
    for index, chunk in enumerate(chunks):
        between_changes = 0 < index < len(chunks) - 1 and len(chunk) == 1 and not chunk[0].strip()
        if between_changes and len(chunks[index + 1]) == 2 and len(merged[-1]) == 2:
            merged[-1] = [merged[-1][0] + chunk[0], merged[-1][1] + chunk[0]]
        elif len(chunk) == 2 and merged and len(merged[-1]) == 2:
            merged[-1] = [merged[-1][0] + chunk[0], merged[-1][1] + chunk[1]]
        else:
            merged.append(chunk)
    segments: list[tuple[Op, str]] = []
    for chunk in merged:
        if len(chunk) == 1:
            segments.append(("=", chunk[0]))
        else:
            segments += [(op, text) for op, text in (("-", chunk[0]), ("+", chunk[1])) if text]  # type: ignore[misc]
    return tuple(segments)


@dataclass(frozen=True)
class TextChange:
    key: str  # 4.nykytila, lopuksi.yhteenveto, arviointi.konsultti
    label: str  # the field's label in the workbook
    old: str
    new: str

    @property
    def kind(self) -> Kind:
        return "lisätty" if not self.old else "poistettu" if not self.new else "muutettu"

    @property
    def words(self) -> tuple[tuple[Op, str], ...]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class LevelChange:
    key: str  # 4.taso
    label: str  # Nykytaso / Tavoitetaso
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        """How far the level moved; None when it was or became unanswered."""
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class ItemDiff:
    key: str
    label: str  # Idea 4: Yhteistyön tavoitteet ja periaatteet
    levels: tuple[LevelChange, ...]
    texts: tuple[TextChange, ...]


@dataclass(frozen=True)
class EntryChange:
    """An action or good practice added, removed or changed: ``fields`` holds (field, old, new)."""

    kind: Kind
    title: str
    fields: tuple[tuple[str, str, str], ...] = ()

    def changed(self, name: str) -> tuple[str, str] | None:
        for field_name, old, new in self.fields:
            if field_name == name:
                return old, new
        return None


@dataclass(frozen=True)
class AnswersDiff:
    old_label: str
    new_label: str
    general: tuple[TextChange, ...] = ()  # the municipality and the assessment
    items: tuple[ItemDiff, ...] = ()
    actions: tuple[EntryChange, ...] = ()
    practices: tuple[EntryChange, ...] = ()
    closing: tuple[TextChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.general or self.items or self.actions or self.practices or self.closing)


def diff_answers(old: Answers, new: Answers, workbook: Workbook, old_label: str = "", new_label: str = "") -> AnswersDiff:
    """What changed from ``old`` to ``new``, item by item in workbook order."""
    general = [
        TextChange(f"kunta.{name}", getattr(M, label), getattr(old.kunta, name), getattr(new.kunta, name))
        for name, label in _MUNICIPALITY_LABELS.items()
    ]
    general += [
        TextChange(f"arviointi.{name}", getattr(M, _ASSESSMENT_LABELS[name]), getattr(old.arviointi, name),
                   getattr(new.arviointi, name))
        for name in ("pvm", "konsultti")
    ]
    general.append(
        TextChange(
            "arviointi.osallistujat",
            getattr(M, _ASSESSMENT_LABELS["osallistujat"]),
            _participants(old.arviointi.osallistujat),
            _participants(new.arviointi.osallistujat),
        )
    )
    scale = workbook.levels
    level_labels = {"taso": scale.current_label, "tavoitetaso": scale.target_label} if scale else {}
    items = []
    for item in workbook.items:
        before, after = old.answer(item.key), new.answer(item.key)
        levels = tuple(
            LevelChange(f"{item.key}.{f}", level_labels[f], getattr(before, f), getattr(after, f))
            for f in LEVEL_FIELDS
            if item.has_levels and getattr(before, f) != getattr(after, f)
        )
        texts = tuple(
            TextChange(f"{item.key}.{f.id}", f.label, getattr(before, f.id), getattr(after, f.id))
            for f in item.fields
            if getattr(before, f.id) != getattr(after, f.id)
        )
        if levels or texts:
            items.append(ItemDiff(item.key, item.label, levels, texts))
    closing = [
        TextChange("lopuksi.yhteenveto", workbook.closing.summary.label, old.lopuksi.yhteenveto, new.lopuksi.yhteenveto),
        TextChange("lopuksi.seuranta", workbook.closing.monitoring.label, old.lopuksi.seuranta, new.lopuksi.seuranta),
    ]
    return AnswersDiff(
        old_label=old_label,
        new_label=new_label,
        general=tuple(c for c in general if c.old != c.new),
        items=tuple(items),
        actions=_entry_changes(old.toimenpiteet, new.toimenpiteet, "teksti"),
        practices=_entry_changes(old.hyvat_kaytannot, new.hyvat_kaytannot, "otsikko"),
        closing=tuple(c for c in closing if c.old != c.new),
    )


def diff_files(old: str | Path, new: str | Path, workbook: Workbook) -> AnswersDiff:
    """``jtk diff OLD NEW``: two answers files on disk."""
    return diff_answers(load_answers(old, workbook), load_answers(new, workbook), workbook, str(old), str(new))


def diff_revisions(file: str | Path, rev_from: str, rev_to: str | None, workbook: Workbook) -> AnswersDiff:
    """``jtk diff FILE --from REV [--to REV]``: two committed versions, or one and the file on disk."""
    old, version = read_revision(file, rev_from, workbook)
    old_label = f"{file}@{rev_from} ({version.date} {version.short})"
    if rev_to is None:
        return diff_answers(old, load_answers(file, workbook), workbook, old_label, M.DIFF_WORKING_COPY.format(file=file))
    new, new_version = read_revision(file, rev_to, workbook)
    new_label = f"{file}@{rev_to} ({new_version.date} {new_version.short})"
    return diff_answers(old, new, workbook, old_label, new_label)


def _participants(people: list[Participant]) -> str:
    return "\n".join(", ".join(p for p in (x.nimi, x.rooli, x.organisaatio) if p) for x in people)


def pair_entries(olds: list[dict[str, str]], news: list[dict[str, str]], title: str) -> dict[int, int]:
    """Which old entry became which new one: identical ones first, then the most similar ``title``.

    Entries (actions, good practices, participants) have no identifiers in the file, so an action
    whose text was edited is recognised by its text being still similar (a ratio of at least one
    half). Unpaired old entries were removed, unpaired new ones added.
    """
    pairs: dict[int, int] = {}
    free_new = list(range(len(news)))
    for i, entry in enumerate(olds):  # the same entry, possibly moved
        for j in free_new:
            if news[j] == entry:
                pairs[i] = j
                free_new.remove(j)
                break
    candidates = sorted(
        (-difflib.SequenceMatcher(None, olds[i][title], news[j][title], autojunk=False).ratio(), i, j)
        for i in range(len(olds))
        if i not in pairs
        for j in free_new
    )
    for negative_ratio, i, j in candidates:
        if -negative_ratio < _SAME_ENTRY:
            break
        if i not in pairs and j in free_new:
            pairs[i] = j
            free_new.remove(j)
    return pairs


def _entry_changes(
    old: list[Action] | list[GoodPractice], new: list[Action] | list[GoodPractice], title: str
) -> tuple[EntryChange, ...]:
    """Entries added, removed and changed, in the new list's order (removed ones last)."""
    olds: list[dict[str, str]] = [e.model_dump() for e in old]
    news: list[dict[str, str]] = [e.model_dump() for e in new]
    pairs = pair_entries(olds, news, title)
    free_new = [j for j in range(len(news)) if j not in pairs.values()]
    changes: list[tuple[int, EntryChange]] = []
    for i, entry in enumerate(olds):
        if i not in pairs:
            changes.append((len(news) + i, EntryChange("poistettu", entry[title])))
            continue
        after = news[pairs[i]]
        fields = tuple((k, entry[k], after[k]) for k in entry if entry[k] != after[k])
        if fields:
            changes.append((pairs[i], EntryChange("muutettu", after[title], fields)))
    changes += [(j, EntryChange("lisätty", news[j][title], _filled(news[j], title))) for j in free_new]
    return tuple(change for _, change in sorted(changes, key=lambda c: c[0]))


def _filled(entry: dict[str, str], title: str) -> tuple[tuple[str, str, str], ...]:
    return tuple((k, "", v) for k, v in entry.items() if v and k != title)
