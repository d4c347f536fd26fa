"""The +1 idea as data: many municipalities' answers rolled up for a region or a comparison group.

:func:`compare` takes loaded answers files and gives, per group (one wellbeing services county, one
region, or all of them together): the current and target level of every idea in every municipality,
how complete each file is, actions per horizon, the target states side by side, the good practices
with the municipality that reported them, and the ideas where the group is weakest and strongest.

An idea a municipality has not given a level for is ``None`` here and never counts as zero: means and
distributions are taken over the municipalities that answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jarjestotyokirja.answers import HORIZONS, Answers, GoodPractice
from jarjestotyokirja.conventions import finnish_sort_key
from jarjestotyokirja.errors import M, UsageError
from jarjestotyokirja.messages import Labels
from jarjestotyokirja.progress import progress
from jarjestotyokirja.register import municipality_by_code, name_in_language
from jarjestotyokirja.workbook import Workbook

GroupBy = Literal["hyvinvointialue", "maakunta"]
GROUPINGS = Labels({"hyvinvointialue": "COLUMN_COUNTY", "maakunta": "COLUMN_REGION"})
# The names of two groups that are no region or county; data keys, shown in the document language by
# region.document.group_name.
NO_COUNTY = "Ahvenanmaa (ei hyvinvointialuetta)"
ALL = "Kaikki vertailun kunnat"
RANKED = 3  # how many weakest and strongest ideas are named (a tie is named whole)
ENOUGH = 3  # an idea is ranked when this many municipalities, or at least half, gave a level
LEADER_LEVEL = 4  # municipalities at this current level or above are named as ones to learn from

Levels = tuple[int | None, int | None]  # (current, target)

@dataclass(frozen=True, eq=False)
class Member:
    """One municipality's file in the comparison."""

    path: str
    answers: Answers
    label: str  # the name, or the name and assessment date when a municipality is there twice
    county: str
    region: str
    answered: int  # text fields answered
    total: int
    percent: int
    levels: dict[str, Levels]  # idea key → (current, target), None when not given

    @property
    def code(self) -> str:
        return self.answers.kunta.koodi

    @property
    def name(self) -> str:
        return self.answers.kunta.nimi

    def actions_by_horizon(self) -> dict[str, int]:
        counts = dict.fromkeys(HORIZONS, 0)
        for action in self.answers.toimenpiteet:
            counts[action.aikavali] += 1
        return counts

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.answers.toimenpiteet if a.tila == "valmis")


@dataclass(frozen=True, eq=False)
class IdeaSummary:
    """One idea across a group's municipalities."""

    key: str
    title: str
    current: tuple[int | None, ...]  # per member, in the group's order
    target: tuple[int | None, ...]
    target_states: tuple[tuple[Member, str], ...]  # every member's target state text, "" when unanswered

    @property
    def answered(self) -> int:
        """How many municipalities gave a current level."""
        return sum(1 for level in self.current if level is not None)

    @property
    def unanswered(self) -> int:
        return len(self.current) - self.answered

    @property
    def mean_current(self) -> float | None:
        return _mean(self.current)

    @property
    def mean_target(self) -> float | None:
        return _mean(self.target)

    @property
    def gap(self) -> float | None:
        """Mean target minus mean current level, over the municipalities that gave both."""
        pairs = [(c, t) for c, t in zip(self.current, self.target) if c is not None and t is not None]
        return sum(t - c for c, t in pairs) / len(pairs) if pairs else None

    def distribution(self) -> tuple[int, ...]:
        """How many municipalities are at current level 1, 2, 3, 4 and 5."""
        return tuple(sum(1 for level in self.current if level == value) for value in range(1, 6))

    def enough(self) -> bool:
        """Enough municipalities gave a level to rank the idea: :data:`ENOUGH`, or at least half."""
        return self.answered >= ENOUGH or (self.answered > 0 and 2 * self.answered >= len(self.current))

    @property
    def shown_mean(self) -> float | None:
        """The mean as the documents show it (one decimal): ideas equal here are tied."""
        return None if self.mean_current is None else round(self.mean_current, 1)

    def highest(self, members: Sequence[Member]) -> tuple[int, list[Member]]:
        """The highest current level given and the municipalities at it: whom to learn from."""
        given = [(m, c) for m, c in zip(members, self.current) if c is not None]
        if not given:
            return 0, []
        top = max(c for _, c in given)
        return top, [m for m, c in given if c == top]

    def leaders(self, members: Sequence[Member]) -> list[tuple[Member, int]]:
        """Municipalities at level :data:`LEADER_LEVEL` or above, highest first: whom to learn from."""
        found = [(m, c) for m, c in zip(members, self.current) if c is not None and c >= LEADER_LEVEL]
        return sorted(found, key=lambda pair: -pair[1])


def _mean(values: Sequence[int | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) / len(given) if given else None


@dataclass(frozen=True, eq=False)
class Group:
    name: str
    members: tuple[Member, ...]
    ideas: tuple[IdeaSummary, ...]

    @property
    def answered(self) -> int:
        return sum(m.answered for m in self.members)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.members)

    @property
    def percent(self) -> int:
        return 100 * self.answered // self.total if self.total else 100

    def actions_by_horizon(self) -> dict[str, int]:
        counts = dict.fromkeys(HORIZONS, 0)
        for member in self.members:
            for horizon, count in member.actions_by_horizon().items():
                counts[horizon] += count
        return counts

    def good_practices(self) -> list[tuple[Member, GoodPractice]]:
        return [(m, practice) for m in self.members for practice in m.answers.hyvat_kaytannot]

    def ranked(self) -> list[IdeaSummary]:
        """Ideas enough municipalities gave a level for (:meth:`IdeaSummary.enough`), weakest first
        (lowest mean current level as shown), ties in workbook order."""
        order = {idea.key: index for index, idea in enumerate(self.ideas)}
        given = [i for i in self.ideas if i.enough()]
        return sorted(given, key=lambda i: (i.shown_mean, order[i.key]))

    def tiers(self) -> list[list[IdeaSummary]]:
        """The ranked ideas in tiers of equal shown mean, weakest tier first."""
        tiers: list[list[IdeaSummary]] = []
        for idea in self.ranked():
            if tiers and tiers[-1][0].shown_mean == idea.shown_mean:
                tiers[-1].append(idea)
            else:
                tiers.append([idea])
        return tiers

    @property
    def too_thin(self) -> bool:
        """Nothing to rank: fewer than two tiers (every ranked idea tied, or too few levels given)."""
        return len(self.tiers()) < 2

    def _side(self, tiers: list[list[IdeaSummary]]) -> list[list[IdeaSummary]]:
        taken: list[list[IdeaSummary]] = []
        for tier in tiers[: len(self.tiers()) // 2]:
            if sum(len(t) for t in taken) >= RANKED:
                break
            taken.append(tier)
        return taken

    def weakest_tiers(self) -> list[list[IdeaSummary]]:
        """The weakest tiers, whole, until :data:`RANKED` ideas are named; never the same as the strongest."""
        return [] if self.too_thin else self._side(self.tiers())

    def strongest_tiers(self) -> list[list[IdeaSummary]]:
        """The strongest tiers, strongest first; never overlaps :meth:`weakest_tiers`."""
        return [] if self.too_thin else self._side(self.tiers()[::-1])

    def weakest(self) -> list[IdeaSummary]:
        return [idea for tier in self.weakest_tiers() for idea in tier]

    def strongest(self) -> list[IdeaSummary]:
        return [idea for tier in self.strongest_tiers() for idea in tier]


@dataclass(frozen=True, eq=False)
class Comparison:
    groups: tuple[Group, ...]
    by: str  # "" or one of GROUPINGS
    ideas: tuple[tuple[str, str], ...]  # (key, title) of the ideas, in workbook order
    # A municipality given more than once: (older file, the newer one used instead, its answers).
    replaced: tuple[tuple[str, str, Answers], ...] = ()

    @property
    def members(self) -> tuple[Member, ...]:
        return tuple(m for g in self.groups for m in g.members)


def compare(
    loaded: Sequence[tuple[Path | str, Answers]], workbook: Workbook, by: str = "", language: str = "fi",
) -> Comparison:
    """Roll ``loaded`` (path, answers) up into groups ``by`` county or region, or one group.

    Municipalities are named in ``language`` (the register's Swedish name in Swedish) and in
    alphabetical order in each group (å, ä, ö last, as in Finnish and Swedish), and groups by name, so
    the same files give the same comparison in any order they are named.
    """
    if by and by not in GROUPINGS:
        raise UsageError(M.GROUP_CHOICE.format(value=by, choices=", ".join(GROUPINGS)))
    ideas = tuple((item.key, item.title) for item in workbook.items if item.idea is not None)
    loaded, replaced = newest_of_each(loaded)
    members = _members(loaded, workbook, ideas, language)
    if by:
        names = sorted({_group_name(m, by) for m in members}, key=finnish_sort_key)
        grouped = [(name, [m for m in members if _group_name(m, by) == name]) for name in names]
    else:
        counties = {m.county for m in members}
        grouped = [(counties.pop() if len(counties) == 1 and "" not in counties else ALL, members)]
    groups = tuple(Group(name, tuple(ms), _idea_summaries(ms, workbook, ideas)) for name, ms in grouped)
    return Comparison(groups, by, ideas, replaced)


def newest_of_each(
    loaded: Sequence[tuple[Path | str, Answers]],
) -> tuple[list[tuple[Path | str, Answers]], tuple[tuple[str, str, Answers], ...]]:
    """One assessment per municipality code: the newest (latest assessment date, then the later
    file name). Returns the files kept, in their order, and (older, newer, answers) for each left out."""
    newest: dict[str, int] = {}  # code → index in loaded
    for index, (path, answers) in enumerate(loaded):
        key = answers.kunta.koodi or str(path)
        known = newest.get(key)
        if known is None or (answers.arviointi.pvm, str(path)) >= (loaded[known][1].arviointi.pvm, str(loaded[known][0])):
            newest[key] = index
    chosen = set(newest.values())
    kept = [entry for index, entry in enumerate(loaded) if index in chosen]
    left_out = sorted(
        (
            (str(path), str(loaded[newest[answers.kunta.koodi or str(path)]][0]), answers)
            for index, (path, answers) in enumerate(loaded)
            if index not in chosen
        ),
        key=lambda entry: (entry[0], entry[1]),
    )
    return kept, tuple(left_out)


def _group_name(member: Member, by: str) -> str:
    if by == "maakunta":
        return member.region or NO_COUNTY
    return member.county or NO_COUNTY


def _members(
    loaded: Sequence[tuple[Path | str, Answers]], workbook: Workbook, ideas: tuple[tuple[str, str], ...], language: str,
) -> list[Member]:
    """Members sorted by their names in ``language``; the register decides county and region, the file
    where it has none."""
    names = [name_in_language(answers.kunta.nimi, answers.kunta.koodi, language) for _, answers in loaded]
    members = []
    for (path, answers), name in zip(loaded, names):
        known = municipality_by_code(answers.kunta.koodi)
        label = name
        if names.count(label) > 1:
            label = f"{label} ({answers.arviointi.pvm or Path(path).name})"
        done = progress(answers, workbook)
        members.append(
            Member(
                path=str(path),
                answers=answers,
                label=label,
                county=known.county if known else answers.kunta.hyvinvointialue,
                region=known.region if known else answers.kunta.maakunta,
                answered=done.answered,
                total=done.total,
                percent=done.percent,
                levels={key: (answers.answer(key).taso, answers.answer(key).tavoitetaso) for key, _ in ideas},
            )
        )
    return sorted(members, key=lambda m: (finnish_sort_key(m.label), m.code, m.path))


def _idea_summaries(
    members: Sequence[Member], workbook: Workbook, ideas: tuple[tuple[str, str], ...]
) -> tuple[IdeaSummary, ...]:
    return tuple(
        IdeaSummary(
            key=key,
            title=title,
            current=tuple(m.levels[key][0] for m in members),
            target=tuple(m.levels[key][1] for m in members),
            target_states=tuple((m, m.answers.answer(key).tavoitetila) for m in members),
        )
        for key, title in ideas
    )
