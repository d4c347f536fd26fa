"""Levels over time: the current and target level of each idea at every committed version of a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.errors import JtkError, M, NotFound
from jarjestotyokirja.versions.revisions import Version, committed_versions, parse_version, read_blobs
from jarjestotyokirja.workbook import Workbook

Op = Literal["=", "-", "+"]
Kind = Literal["lisätty", "poistettu", "muutettu"]




@dataclass(frozen=True)
class VersionLevels:
    """One committed version: its levels per idea (current, target), or why it could not be read."""

    version: Version
    assessed: str = ""  # arviointi.pvm in that version
    levels: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    error: str = ""
    answers: Answers | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class LevelHistory:
    file: str
    ideas: tuple[tuple[str, str], ...]  # (key, title) of the items with levels, in workbook order
    entries: tuple[VersionLevels, ...]  # oldest first

    def series(self, key: str) -> list[tuple[str, int | None, int | None]]:
        """(date, current, target) of idea ``key`` at each readable version, for a chart."""
        return [(e.version.date, *e.levels[key]) for e in self.entries if not e.error]


def level_history(file: str | Path, workbook: Workbook) -> LevelHistory:
    """Current and target levels of every idea at each commit that changed ``file``.

    A version that cannot be read (a committed conflict, an invalid value) is kept as a row with its error,
    so one bad commit does not hide the rest.
    """
    repo, versions = committed_versions(file)
    blobs = read_blobs(repo, [f"{v.commit}:{v.path}" for v in versions])
    ideas = tuple((item.key, item.title) for item in workbook.items if item.has_levels)
    entries = []
    for version, raw in zip(versions, blobs):
        if raw is None:  # the commit deleted the file
            continue
        try:
            answers = parse_version(raw, f"{version.path}@{version.short}", workbook)
        except JtkError as exc:
            entries.append(VersionLevels(version, error=str(exc)))
            continue
        levels = {key: (answers.answer(key).taso, answers.answer(key).tavoitetaso) for key, _ in ideas}
        entries.append(VersionLevels(version, answers.arviointi.pvm, levels, answers=answers))
    if not entries:  # never an empty table with exit 0: say what git found and why nothing is shown
        raise NotFound(M.HISTORY_NO_VERSIONS.format(name=repo.name, count=len(versions)), path=str(file))
    return LevelHistory(str(file), ideas, tuple(entries))
