"""Git paths with ä, å, spaces and a leading dash, read with real git.

Before: ``git log --name-only`` quoted ``Pohjois-Häme/109.yaml`` as ``"Pohjois-H\\303\\244me/109.yaml"``,
so ``jtk history`` showed an empty table with exit 0 and ``report --historia`` found no versions.
"""

from __future__ import annotations

import sys

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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the peak memory from /proc")
def test_a_huge_committed_version_is_refused_without_being_read(tmp_path, workbook):
    """A version of 300 MB in the history (a pasted log file, committed once) was read whole: git
    wrote all of it to jtk, which kept it and a copy in memory (634 MB) before the loader refused it
    as too large. Now its size is asked first; only versions within the loader's limit are read."""
    import json
    import subprocess

    from jarjestotyokirja.yamlio.loader import MAX_BYTES

    repo = new_repo(tmp_path)
    path, _ = create_answers_file("Tampere", workbook, repo.root / "837-tampere.yaml")
    repo.commit("pohja", "2023-05-01T12:00:00+03:00")
    original = path.read_bytes()
    size = 300 * 1024 * 1024
    with path.open("ab") as handle:
        for _ in range(size // (1024 * 1024)):
            handle.write(b"# " + b"x" * (1024 * 1024 - 3) + b"\n")
    repo.commit("vahinko", "2024-01-01T12:00:00+02:00")
    path.write_bytes(original)
    set_values(path, workbook, **{"4__taso": "3"})
    repo.commit("korjattu", "2024-02-01T12:00:00+02:00")
    probe = (
        "import json, sys\n"
        "from jarjestotyokirja.versions.levels import level_history\n"
        "from jarjestotyokirja.workbook import load_workbook\n"
        "history = level_history(sys.argv[1], load_workbook())\n"
        "peak = int(next(line for line in open('/proc/self/status') if line.startswith('VmHWM:')).split()[1])\n"
        "print(json.dumps({'peak': peak, 'rows': [[e.error, e.levels.get('4') if e.levels else None]"
        " for e in history.entries]}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    found = json.loads(result.stdout)
    errors = [error for error, _ in found["rows"]]
    assert M.TOO_LARGE.format(size=len(original) + size, limit=MAX_BYTES) in errors[1]
    assert not errors[0] and not errors[2] and found["rows"][2][1] == [3, None]  # the others still read
    # jtk's own process, its peak since it started (ru_maxrss would count the parent's before exec);
    # git's log --follow may still look at the big version: git's memory, freed when it ends
    assert found["peak"] < 150 * 1024, f"jtk held {found['peak'] // 1024} MB"
