"""Git paths with ä, å, spaces and a leading dash, read with real git.

Before: ``git log --name-only`` quoted ``Pohjois-Häme/109.yaml`` as ``"Pohjois-H\\303\\244me/109.yaml"``,
so ``jtk history`` showed an empty table with exit 0 and ``report --historia`` found no versions.
"""

from __future__ import annotations

import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.store.answers_files import create_answers_file
from tests.git_helpers import new_repo, set_values

NAMES = [("Pohjois-Häme", "109 Hämeenlinna.yaml"), ("Åland å", "-478 Maarianhamina.yaml"), ("-alku ä", "ö ü.yaml")]


@pytest.fixture(params=NAMES, ids=[f"{a}/{b}" for a, b in NAMES])
def odd_file(request, tmp_path, workbook):
    folder, name = request.param
    repo = new_repo(tmp_path)
    (repo.root / folder).mkdir()
    path, _ = create_answers_file("Hämeenlinna", workbook, repo.root / folder / name)
    repo.commit("pohja", "2023-05-01T12:00:00+03:00")
    set_values(path, workbook, **{"4__taso": "2", "arviointi__pvm": "2024-03-01"})
    repo.commit("ensimmäinen arvio", "2024-03-01T12:00:00+02:00")
    set_values(path, workbook, **{"4__taso": "3"})
    repo.commit("toinen arvio", "2025-03-01T12:00:00+02:00")
    return repo, path


def test_history_reads_every_version_of_an_odd_path(cli, odd_file, workbook):
    from jarjestotyokirja.versions.levels import level_history

    _, path = odd_file
    history = level_history(path, workbook)
    assert [e.levels["4"][0] for e in history.entries] == [None, 2, 3]
    result = cli("history", path)
    assert result.exit_code == 0, result.stderr
    assert "2/" in result.stdout and "3/" in result.stdout


def test_report_with_history_finds_the_versions_of_an_odd_path(cli, odd_file, tmp_path):
    _, path = odd_file
    result = cli("report", path, "-f", "md", "--historia", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert list((tmp_path / "out").iterdir())


def test_diff_against_an_earlier_commit_of_an_odd_path(cli, odd_file):
    _, path = odd_file
    result = cli("diff", path, "--from", "HEAD~1", "--to", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert "3" in result.stdout


def test_no_readable_version_is_said_not_an_empty_table(cli, odd_file, monkeypatch):
    """Whatever makes every version unreadable (here: git finds the commits but no file in them),
    the command says so and exits 1 instead of printing an empty table."""
    from jarjestotyokirja.versions import levels as history

    repo, path = odd_file
    monkeypatch.setattr(history, "read_blobs", lambda _repo, specs: [None] * len(specs))
    result = cli("history", path)
    assert result.exit_code == 1
    name = path.relative_to(repo.root).as_posix()
    assert M.HISTORY_NO_VERSIONS.format(name=name, count=3) in " ".join(result.stderr.split())
