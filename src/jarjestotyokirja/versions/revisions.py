"""Answers files as they were in git: one revision (``git show``-style) or every committed version.

Git is run as a subprocess with a fixed argument list (never a shell); a revision is checked with
``git rev-parse --verify`` before it is used, so an unknown name gives a clear Finnish message instead
of git's own. Contents are read with one ``git cat-file --batch`` process however many versions there
are, and parsed with the same strict loader as files on disk.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from jarjestotyokirja.answers import Answers, parse_answers
from jarjestotyokirja.errors import InvalidContent, JtkError, M, NotFound
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio.loader import MAX_BYTES, load_yaml

# Git's output must not depend on the user's language, pager or configuration of colours.
_GIT_ENV = {"LC_ALL": "C", "LANG": "C", "GIT_PAGER": "cat", "PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}


@dataclass(frozen=True)
class Version:
    """One committed version of a file: the commit, its author date, subject and the file's path then."""

    commit: str
    date: str  # author date, VVVV-KK-PP
    subject: str
    path: str  # path from the repository root at this commit (a renamed file had another)

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class Repository:
    """The git work tree that holds ``file``; ``name`` is the file's path from the repository root."""

    root: Path
    name: str

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        return run_git(self.root, *args, stdin=stdin)


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Standard output of ``git args`` in ``cwd``; :class:`JtkError` with git's message on failure.

    ``core.quotepath=off``: git would otherwise write ``Pohjois-Häme`` as ``"Pohjois-H\\303\\244me"``.
    """
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env={**os.environ, **_GIT_ENV},
            check=False,
        )
    except FileNotFoundError:
        raise NotFound(M.GIT_MISSING) from None
    except OSError as exc:
        raise InvalidContent(M.GIT_FAILED.format(reason=os_reason(exc))) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InvalidContent(M.GIT_FAILED.format(reason=reason[-1] if reason else done.returncode))
    return done.stdout


def repository_of(file: str | Path) -> Repository:
    """The repository holding ``file`` (which need not exist any more in the work tree)."""
    path = Path(file)
    folder = path.parent.resolve() if str(path.parent) else Path.cwd()
    if not folder.is_dir():
        raise NotFound(M.FILE_NOT_FOUND, path=str(path))
    try:
        top = run_git(folder, "rev-parse", "--show-toplevel").decode("utf-8").strip()
    except InvalidContent as exc:
        if "not a git repository" in str(exc).lower():
            raise NotFound(M.NOT_A_REPOSITORY, path=str(path)) from None
        raise exc.with_path(str(path)) from None  # git's own reason, e.g. a repository of another user
    root = Path(top).resolve()
    name = (folder / path.name).relative_to(root).as_posix()
    return Repository(root, name)


def resolve_revision(repo: Repository, rev: str, shown: str) -> str:
    """The full commit id of ``rev``; :class:`NotFound` for anything git does not know as a commit."""
    if not rev or rev.startswith("-") or any(c in rev for c in "\n\r\0"):
        raise NotFound(M.UNKNOWN_REVISION.format(rev=rev), path=shown)
    try:
        return repo.git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except InvalidContent:
        raise NotFound(M.UNKNOWN_REVISION.format(rev=rev), path=shown) from None


@dataclass(frozen=True)
class Oversized:
    """A committed version larger than the loader reads (:data:`MAX_BYTES`): its size, not its bytes."""

    size: int


def read_blobs(repo: Repository, specs: list[str]) -> list[bytes | Oversized | None]:
    """Contents of ``<commit>:<path>`` objects; None if missing, :class:`Oversized` if too large to load.

    One ``git cat-file --batch-check`` gives every object's size, then one ``--batch`` reads only
    those within the limit: a version of hundreds of megabytes in the history is never read.
    """
    if not specs:
        return []
    checks = repo.git("cat-file", "--batch-check", stdin="".join(f"{s}\n" for s in specs).encode("utf-8"))
    blobs: list[bytes | Oversized | None] = []
    wanted: dict[int, str] = {}  # index → object id
    for index, line in enumerate(checks.decode("utf-8", "replace").splitlines()[: len(specs)]):
        fields = line.split(" ")
        if len(fields) != 3 or fields[1] != "blob":  # "<spec> missing", or a tree
            blobs.append(None)
        elif int(fields[2]) > MAX_BYTES:
            blobs.append(Oversized(int(fields[2])))
        else:
            blobs.append(None)
            wanted[index] = fields[0]
    if wanted:
        out = repo.git("cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in wanted.values()).encode("ascii"))
        pos = 0
        for index in wanted:
            end = out.index(b"\n", pos)
            size = int(out[pos:end].split(b" ")[2])
            blobs[index] = out[end + 1 : end + 1 + size]
            pos = end + 1 + size + 1  # the content is followed by a newline
    return blobs


def parse_version(raw: bytes | Oversized, shown: str, workbook: Workbook) -> Answers:
    """Answers from the bytes of one version; errors name ``shown`` (``file@commit``)."""
    if isinstance(raw, Oversized):
        raise InvalidContent(M.TOO_LARGE.format(size=raw.size, limit=MAX_BYTES), path=shown)
    try:
        return parse_answers(load_yaml(raw, path=shown, cached=True), workbook)  # a committed version never changes
    except JtkError as exc:
        raise exc.with_path(shown) from None


def read_revision(file: str | Path, rev: str, workbook: Workbook) -> tuple[Answers, Version]:
    """The answers in ``file`` as committed in ``rev`` (``HEAD``, ``HEAD~2``, a branch, a commit id)."""
    repo = repository_of(file)
    commit = resolve_revision(repo, rev, str(file))
    raw = read_blobs(repo, [f"{commit}:{repo.name}"])[0]
    if raw is None:
        raise NotFound(M.NOT_IN_REVISION.format(name=repo.name, rev=rev), path=str(file))
    line = repo.git("log", "-1", "--format=%ad%x1f%s", "--date=short", commit).decode("utf-8", "replace")
    date, _, subject = line.rstrip("\n").partition("\x1f")
    version = Version(commit, date, subject, repo.name)
    return parse_version(raw, f"{file}@{rev}", workbook), version


def committed_versions(file: str | Path) -> tuple[Repository, list[Version]]:
    """Every commit that changed ``file`` on the current branch, oldest first, following renames.

    Only the first-parent line is read: a merged branch appears as its merge commit, which holds
    both consultants' work, and not as the side branch's half-finished states.
    """
    repo = repository_of(file)
    try:
        log = repo.git(
            "log", "-z", "--first-parent", "--follow", "--no-color", "--date=short", "--name-only",
            "--format=%x1e%H%x1f%ad%x1f%s", "--", repo.name,
        ).decode("utf-8", "replace")
    except InvalidContent:  # a repository without a single commit
        raise NotFound(M.NO_COMMITS, path=str(file)) from None
    versions: list[Version] = []
    current = repo.name
    for record in log.split("\x1e")[1:]:
        # -z: "<head>\0\n<name>\0" (names NUL-terminated, never quoted; a merge lists none)
        head, _, names = record.partition("\0")
        commit, date, subject = (head.split("\x1f") + ["", ""])[:3]
        changed = [n for n in names.lstrip("\n").split("\0") if n]
        if changed:  # the file's name at this commit; a merge commit lists none
            current = changed[-1]
        versions.append(Version(commit, date, subject, current))
    if not versions:
        raise NotFound(M.NO_COMMITS, path=str(file))
    return repo, versions[::-1]
