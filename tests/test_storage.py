"""Atomic writes survive failures and kills; the sidecar lock keeps a second writer out."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jarjestotyokirja.errors import Conflict, InvalidContent, M
from jarjestotyokirja.storage import atomic_write, lock_path, locked


def test_write_replaces_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "a.yaml"
    atomic_write(target, "vanha\n")
    atomic_write(target, "uusi ä\n")
    assert target.read_text(encoding="utf-8") == "uusi ä\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_permissions_of_an_existing_file_are_kept(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("x")
    target.chmod(0o640)
    atomic_write(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_full_disk_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    atomic_write(target, "vanha\n")

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InvalidContent) as info:
        atomic_write(target, "uusi\n")
    assert "Aiempi versio on ennallaan" in str(info.value)
    assert target.read_text() == "vanha\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


WRITER = textwrap.dedent(
    """
    import sys
    from jarjestotyokirja.storage import atomic_write
    path = sys.argv[1]
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        atomic_write(path, (f"versio {i}\\n" * 20000))
    """
)


def test_a_process_killed_mid_write_leaves_a_whole_file(tmp_path):
    target = tmp_path / "a.yaml"
    atomic_write(target, "versio 0\n" * 20000)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    lines = target.read_text().splitlines()
    assert len(lines) == 20000
    assert len(set(lines)) == 1  # one whole version, never a mix


HOLDER = textwrap.dedent(
    """
    import sys, time
    from jarjestotyokirja.storage import locked
    with locked(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_second_process_is_refused_and_a_killed_holder_does_not_block(tmp_path):
    target = tmp_path / "a.yaml"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(Conflict) as info:
            with locked(target):
                pass
        assert time.monotonic() - started < 1, "refused at once, not after waiting"
        assert info.value.problems[0].message == M.LOCKED.format(lock=lock_path(target).name)
    finally:
        proc.kill()
        proc.wait()
    # the kernel released the dead process's lock: the next writer gets in
    with locked(target):
        pass
    assert not lock_path(target).exists()


def test_lock_file_is_removed_after_use(tmp_path):
    target = tmp_path / "a.yaml"
    with locked(target):
        assert lock_path(target).exists()
    assert list(Path(tmp_path).iterdir()) == []
