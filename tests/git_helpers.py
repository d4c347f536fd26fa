"""A real git repository in a temporary folder, with a fixed identity, dates and no user configuration."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from jarjestotyokirja.store.answers_files import create_answers_file, edit_answers
from jarjestotyokirja.store.edit import set_value


def git_env(date: str = "2023-05-01T12:00:00+03:00") -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": "Konsultti", "GIT_AUTHOR_EMAIL": "k@example.fi",
        "GIT_COMMITTER_NAME": "Konsultti", "GIT_COMMITTER_EMAIL": "k@example.fi",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
        "LC_ALL": "C",
    }


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2023-05-01T12:00:00+03:00", check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=self.root, env=git_env(date), capture_output=True, text=True, check=check)

    def commit(self, message: str, date: str) -> str:
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "HEAD").stdout.strip()


def new_repo(tmp_path: Path) -> Repo:
    root = tmp_path / "arvioinnit"
    root.mkdir()
    return Repo(root)


def committed_tampere(repo: Repo, workbook) -> Path:
    """Tampere's answers file, committed once empty on 2023-05-01."""
    path, _ = create_answers_file("Tampere", workbook, repo.root / "837-tampere.yaml")
    repo.commit("Tampere: pohja", "2023-05-01T12:00:00+03:00")
    return path


def set_values(path: Path, workbook, **values: str) -> None:
    """``set_values(path, wb, **{"4__taso": "3"})``: keys with ``__`` for the dot."""
    with edit_answers(path, workbook) as answers:
        for key, value in values.items():
            set_value(answers, workbook, key.replace("__", "."), value)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A fresh git repository (fixture, imported by the git test modules)."""
    return new_repo(tmp_path)


@pytest.fixture
def tampere(repo: Repo, workbook) -> Path:
    """Tampere's answers file, committed once empty on 2023-05-01."""
    return committed_tampere(repo, workbook)
