"""Answers files: load, save, create and edit them (under the file's lock), and load many at once.

This is the only code that reads or writes an answers file (:mod:`jarjestotyokirja.store.drafts` keeps
the unaccepted text beside it). Saving keeps the comment lines at the top of an existing file and is
refused before anything is written when the file would be larger than loading accepts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import HEADER, Answers, answers_to_data, dump_answers, new_answers, parse_answers
from jarjestotyokirja.errors import Conflict, InvalidContent, JtkError, M, NotFound
from jarjestotyokirja.files import atomic_write
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.register import Municipality, find_municipality
from jarjestotyokirja.results import FileResult
from jarjestotyokirja.store.locks import locked
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio.loader import MAX_BYTES, read_yaml


def load_answers(path: str | Path, workbook: Workbook, *, cached: bool = False) -> Answers:
    """Load, validate and check an answers file against ``workbook``; every problem is listed.

    ``cached``: the file's data may come from the cache of texts read before (a batch over many
    files that seldom change; :mod:`~jarjestotyokirja.yamlio.data_cache`). It is validated all the same.
    """
    return parse_answers(read_yaml(path, cached=cached), workbook)


def save_answers(path: str | Path, answers: Answers, workbook: Workbook) -> None:
    """Write atomically, keeping the comment lines at the top of an existing file.

    Refused before anything is written when the file would be larger than loading accepts
    (:data:`~jarjestotyokirja.yamlio.loader.MAX_BYTES`); the message names the longest answer.
    """
    payload = dump_answers(answers, workbook, header=_existing_header(Path(path))).encode("utf-8")
    if len(payload) > MAX_BYTES:
        key, length = _longest_answer(answers_to_data(answers, workbook))
        raise InvalidContent(
            M.ANSWER_TOO_LARGE.format(size=len(payload), limit=MAX_BYTES, key=key, length=length),
            path=str(path), key=key,
        )
    atomic_write(path, payload)


def _longest_answer(data: Any, loc: tuple[str, ...] = ()) -> tuple[str, int]:
    """The key (as ``jtk set`` names it: ``4.nykytila``, ``toimenpiteet.2.teksti``) and length of the
    longest text in ``data``."""
    if isinstance(data, str):
        key = ".".join(loc[1:] if loc[:1] == ("vastaukset",) else loc)
        return key, len(data)
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    longest = ("", -1)
    for name, value in children:
        found = _longest_answer(value, (*loc, str(name + 1) if isinstance(name, int) else name))
        if found[1] > longest[1]:
            longest = found
    return longest


def _existing_header(path: Path) -> str:
    """The comment lines at the top of ``path``, with LF line ends; a BOM (Windows Notepad) is read
    past and not written back."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = []
            for line in handle:
                if not line.startswith("#"):
                    break
                lines.append(line.rstrip("\r\n") + "\n")
    except (OSError, UnicodeDecodeError):
        return HEADER
    return "".join(lines)


def create_answers_file(
    query: str, workbook: Workbook, path: str | Path | None = None, *, wait: float = 0,
    holder: str = "jtk init", **assessment: Any
) -> tuple[Path, Municipality]:
    """Create the answers file of the municipality ``query`` (name or code), and its folder if
    missing; never overwrite. ``wait`` and ``holder`` as in :func:`~jarjestotyokirja.store.locks.locked`."""
    municipality = find_municipality(query)
    target = Path(path) if path else Path(municipality.file_name)
    answers = new_answers(workbook, municipality, **{k: v for k, v in assessment.items() if v})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(target)) from None
    with locked(target, wait=wait, holder=holder):
        if target.exists():
            raise Conflict(M.EXISTS.format(path=target), path=str(target))
        save_answers(target, answers, workbook)
    return target, municipality


@contextlib.contextmanager
def edit_answers(path: str | Path, workbook: Workbook, *, wait: float = 0, holder: str = "jtk") -> Iterator[Answers]:
    """Lock, load, let the caller change, save atomically. Nothing is saved if the body raises.

    A lock held by another process is waited for up to ``wait`` seconds; ``holder`` names this
    process to the ones it refuses (:func:`~jarjestotyokirja.store.locks.locked`)."""
    with locked(path, wait=wait, holder=holder):
        answers = load_answers(path, workbook)
        yield answers
        save_answers(path, answers, workbook)


def load_many(paths: list[Path], workbook: Workbook) -> list[FileResult[Answers]]:
    """Load every file, in order (their data from the cache where read before: a batch); a file that
    fails has its problems in its result, not raised."""
    results: list[FileResult[Answers]] = []
    for path in paths:
        try:
            results.append(FileResult(path, load_answers(path, workbook, cached=True)))
        except JtkError as exc:
            results.append(FileResult.failed(path, exc))
    return results




def answers_file_for(target: str, workbook: Workbook) -> tuple[Path, bool]:
    """The answers file that ``target`` names (a path, or a municipality); whether it was created now.

    A municipality's file (``091-helsinki.yaml`` in the current folder) is created like ``jtk init``
    when it does not exist; a missing path is an error, since a typo should not make a new file.
    """
    path = Path(target)
    if path.is_file():  # the usual case: nothing more to import (the register) before the first question
        return path, False
    if path.suffix.lower() in (".yaml", ".yml") or "/" in target or "\\" in target or path.exists():
        raise NotFound(M.NOT_AN_ANSWERS_FILE, path=target)
    default = Path(find_municipality(target).file_name)
    if default.is_file():
        return default, False
    created, _ = create_answers_file(target, workbook, default)
    return created, True
