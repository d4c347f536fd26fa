"""One result type for everything jtk does to many files at once (load, report, export, compare).

A batch never stops at the first bad file: each file gets a :class:`FileResult`, with what came of
it or the problems that stopped it, in the order the files were given. The command line prints the
problems and decides the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from jarjestotyokirja.errors import JtkError, Problem

T = TypeVar("T")


@dataclass(frozen=True)
class FileResult(Generic[T]):
    """One file of a batch: ``value`` (the loaded answers, the paths written) or its ``problems``."""

    path: Path
    value: T | None = None
    problems: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()  # done, but the user should know (a PDF's characters no font shows)

    @property
    def ok(self) -> bool:
        return not self.problems

    @classmethod
    def failed(cls, path: Path, error: JtkError) -> FileResult[T]:
        """The result of a file whose work raised ``error``; its problems name the file."""
        return cls(path, problems=tuple(error.with_path(str(path)).problems))


def succeeded(results: Iterable[FileResult[T]]) -> list[tuple[Path, T]]:
    """``(path, value)`` of every file that succeeded, in order."""
    return [(result.path, result.value) for result in results if result.ok and result.value is not None]


def failures(results: Iterable[FileResult[T]]) -> list[FileResult[T]]:
    return [result for result in results if not result.ok]
