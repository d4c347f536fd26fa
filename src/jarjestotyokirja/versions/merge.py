"""Three-way merge of answers files by meaning, for use as a git merge driver.

Git merges lines: two consultants editing different ideas merge cleanly because the file keeps every
idea's lines apart, but two changes on neighbouring lines (the last field of idea 4 and the level of
idea 5 is fine; ``4.seuranta`` and ``4.taso`` is not) or two actions appended to the list at the same
time conflict. This merge works on the answers instead: a field changed on one side only takes that
change; actions, good practices and participants added on both sides are all kept, and an edited or
removed entry is recognised as in ``jtk diff``. Only a field changed differently on both sides is a
conflict; then the file is merged by lines with ``git merge-file``, so the usual conflict markers
show where to decide (``jtk validate`` names them).

Set up in a repository (a driver cannot be switched on from a committed file, by git's design)::

    git config merge.jtk.name "jtk: vastaustiedostojen yhdistäminen"
    git config merge.jtk.driver "jtk merge %O %A %B --nimi %P"
    echo "*.yaml merge=jtk" >> .gitattributes
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jarjestotyokirja.answers import Answers, answers_to_data, check_answers
from jarjestotyokirja.errors import JtkError
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.versions.changes import pair_entries
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio.loader import dotted

# Lists of entries and the field that names an entry.
_ENTRY_TITLE = {("toimenpiteet",): "teksti", ("hyvat_kaytannot",): "otsikko", ("arviointi", "osallistujat"): "nimi"}


class _Merge:
    def __init__(self) -> None:
        self.conflicts: list[str] = []

    def value(self, base: Any, ours: Any, theirs: Any, loc: tuple[str | int, ...]) -> Any:
        if ours == theirs:
            return ours
        if ours == base:
            return theirs
        if theirs == base:
            return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            base = base if isinstance(base, dict) else {}
            keys = list(ours) + [k for k in theirs if k not in ours]
            return {k: self.value(base.get(k), ours.get(k), theirs.get(k), (*loc, k)) for k in keys}
        if loc in _ENTRY_TITLE and isinstance(ours, list) and isinstance(theirs, list):
            return self.entries(base or [], ours, theirs, loc, _ENTRY_TITLE[loc])
        self.conflicts.append(dotted(loc) or "")
        return ours

    def entries(self, base: list[dict], ours: list[dict], theirs: list[dict], loc: tuple, title: str) -> list[dict]:
        """Both sides' additions kept (ours first), removals applied, edits of one entry merged by field."""
        to_ours = pair_entries(base, ours, title)
        to_theirs = pair_entries(base, theirs, title)
        from_ours = {j: i for i, j in to_ours.items()}
        merged = []
        for j, entry in enumerate(ours):
            if j not in from_ours:  # added on our side
                merged.append(entry)
                continue
            i = from_ours[j]
            if i in to_theirs:
                merged.append(self.value(base[i], entry, theirs[to_theirs[i]], (*loc, j)))
            elif entry != base[i]:  # we changed what they removed
                self.conflicts.append(dotted((*loc, j)) or "")
                merged.append(entry)
        for i, j in to_theirs.items():  # they changed what we removed
            if i not in to_ours and theirs[j] != base[i]:
                self.conflicts.append(dotted((*loc, len(merged))) or "")
                merged.append(theirs[j])
        paired_theirs = set(to_theirs.values())
        merged += [e for j, e in enumerate(theirs) if j not in paired_theirs and e not in merged]
        return merged


def merge_answers(base: Answers, ours: Answers, theirs: Answers, workbook: Workbook) -> tuple[Answers, list[str]]:
    """The merge of ``ours`` and ``theirs`` from ``base``, and the keys changed differently on both sides."""
    merge = _Merge()
    data = merge.value(*(answers_to_data(a, workbook) for a in (base, ours, theirs)), ())
    if merge.conflicts:
        return ours, merge.conflicts
    try:
        merged = Answers.model_validate(data)
    except ValidationError:  # pragma: no cover - each side was valid, so is a field-wise mix
        return ours, ["(rakenne)"]
    problems = check_answers(merged, workbook)
    return (merged, []) if not problems else (ours, [p.key or p.message for p in problems])


def merge_outside_changes(
    on_disk: bytes, path: Path, base: Answers, ours: Answers, workbook: Workbook
) -> tuple[Answers, list[str]]:
    """Fold changes made to ``path`` behind a session's back (``on_disk``, since ``base`` was read)
    into ``ours``. Returns the merge, or ``ours`` and what kept it from merging."""
    from jarjestotyokirja.answers import parse_answers
    from jarjestotyokirja.yamlio.loader import load_yaml

    try:
        theirs = parse_answers(load_yaml(on_disk, path=str(path)), workbook)
    except JtkError as exc:
        return ours, [str(p) for p in exc.problems]
    return merge_answers(base, ours, theirs, workbook)


def merge_files(base: Path, ours: Path, theirs: Path, workbook: Workbook, name: str = "") -> list[str]:
    """Git's merge driver: merge into ``ours``; returns the conflicting keys (empty when clean).

    When a version is not a valid answers file or a field conflicts, the file is merged by lines with
    ``git merge-file`` and left with conflict markers.
    """
    try:
        versions = [load_answers(p, workbook) for p in (base, ours, theirs)]
    except JtkError as exc:
        conflicts = [str(p) for p in exc.problems]
    else:
        merged, conflicts = merge_answers(*versions, workbook)
        if not conflicts:
            save_answers(ours, merged, workbook)
            return []
    label = name or ours.name
    subprocess.run(
        ["git", "merge-file", "-L", f"{label} (oma)", "-L", f"{label} (yhteinen pohja)", "-L", f"{label} (toinen)",
         str(ours), str(base), str(theirs)],
        check=False,
        capture_output=True,
    )
    return conflicts
