"""Typed errors: what went wrong (:class:`Problem`: message, code, file, line, key) and its kind.

The library raises these and never prints or exits; ``cli/app.py`` is the one place that turns them into
messages on standard error and exit codes. Every message comes from the catalogue
(:mod:`jarjestotyokirja.messages`, re-exported here as ``M``), so a problem knows its stable code, and
tests assert codes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from jarjestotyokirja.messages import M, Message, visible

__all__ = ["M", "Message", "Problem", "JtkError", "InvalidContent", "NotFound", "Conflict", "UsageError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong, with where it is: file, line (1-based) and key path.

    ``code`` and ``hint`` come from the catalogue message (``M.X``) unless given.
    """

    message: str
    path: str | None = None
    line: int | None = None
    key: str | None = None
    code: str | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.code is None:
            object.__setattr__(self, "code", getattr(self.message, "code", None))
        if self.hint is None:
            object.__setattr__(self, "hint", getattr(self.message, "hint", None))

    def __str__(self) -> str:
        where = visible(self.path) if self.path else ""
        if self.path and self.line:
            where += f":{self.line}"
        elif self.line:
            where = M.WHERE_LINE.format(line=self.line)
        parts = [p for p in (where, M.WHERE_KEY.format(key=self.key) if self.key else "") if p]
        return ": ".join([*parts, self.message])


class JtkError(Exception):
    """An expected failure the user can act on. Holds one or more problems."""

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.problems: list[Problem] = list(problems or [])
        if message is not None:
            self.problems.insert(0, Problem(message, path, line, key))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def code(self) -> str | None:
        """The code of the first problem (``JTK-Y003``)."""
        return self.problems[0].code if self.problems else None

    def with_path(self, path: str) -> JtkError:
        """The same error, with ``path`` filled in where a problem has none."""
        self.problems = [p if p.path else replace(p, path=path) for p in self.problems]
        self.args = ("\n".join(str(p) for p in self.problems),)
        return self


class InvalidContent(JtkError):
    """A file or value breaks the rules: YAML syntax, schema or workbook."""


class NotFound(JtkError):
    """A file, municipality, item or action that does not exist."""


class Conflict(JtkError):
    """The operation would overwrite something or another process holds the file."""


class UsageError(JtkError):
    """The command was used wrongly (for example, an interview without a terminal); exit code 2
    (:mod:`jarjestotyokirja.cli.exit_codes`)."""
