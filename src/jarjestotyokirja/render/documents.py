"""Every document jtk writes (reports, comparisons, monitoring documents, exports, forms).

A document is never one of the files it was made from, nor an answers file: those are refused before
anything is written (:func:`check_outputs`); then each file is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from jarjestotyokirja.errors import Conflict, M
from jarjestotyokirja.files import atomic_write, is_answers_file, real_path, stat_or_none


def check_outputs(targets: Iterable[str | Path], inputs: Iterable[str | Path]) -> None:
    """Refuse (:class:`Conflict`) to write a document over one of its ``inputs`` (links and hard
    links resolved) or over an existing answers file: a ``.yaml``/``.yml`` file, or one with the
    answers' top-level ``tyokirja:`` and ``kunta:`` keys. Any other existing file at an output path
    is taken for an earlier output and replaced.
    """
    sources = [Path(p) for p in inputs]
    for target in map(Path, targets):
        for source in sources:
            if _same_file(target, source):
                raise Conflict(M.OUTPUT_IS_INPUT.format(output=target, input=source), path=str(target))
        if stat_or_none(target) is not None and is_answers_file(target):
            raise Conflict(M.OUTPUT_NOT_OURS.format(output=target), path=str(target))


def write_outputs(files: Sequence[tuple[Path, bytes | str]], inputs: Iterable[str | Path]) -> list[Path]:
    """Check every target (:func:`check_outputs`), then write each atomically; the paths written."""
    check_outputs([target for target, _ in files], inputs)
    for target, data in files:
        atomic_write(target, data)
    return [target for target, _ in files]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return os.path.normcase(real_path(a)) == os.path.normcase(real_path(b))

