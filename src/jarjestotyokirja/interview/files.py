"""Which answers file an interview works on."""

from __future__ import annotations

from pathlib import Path

from jarjestotyokirja.errors import M, NotFound
from jarjestotyokirja.workbook import Workbook


def answers_file_for(target: str, workbook: Workbook) -> tuple[Path, bool]:
    """The answers file that ``target`` names (a path, or a municipality); whether it was created now.

    A municipality's file (``091-helsinki.yaml`` in the current folder) is created like ``jtk init``
    when it does not exist; a missing path is an error, since a typo should not make a new file.
    """
    path = Path(target)
    if path.is_file():  # the usual case: nothing more to import (the register) before the first question
        return path, False
    from jarjestotyokirja.answers import create_answers_file
    from jarjestotyokirja.register import find_municipality

    if path.suffix.lower() in (".yaml", ".yml") or "/" in target or "\\" in target or path.exists():
        raise NotFound(M.NOT_AN_ANSWERS_FILE, path=target)
    default = Path(find_municipality(target).file_name)
    if default.is_file():
        return default, False
    created, _ = create_answers_file(target, workbook, default)
    return created, True
