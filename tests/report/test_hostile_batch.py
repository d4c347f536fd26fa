"""Batches survive a killed worker and stop cleanly on Ctrl-C; workers start where fork is missing.

Before: a worker killed during ``jtk report -j 2`` gave a BrokenProcessPool traceback, and Ctrl-C
printed the workers' KeyboardInterrupt tracebacks and sometimes exited 0.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jarjestotyokirja.errors import M
from tests.report.test_report import EXAMPLES

FILES = [EXAMPLES / "901-esimerkkila.yaml", EXAMPLES / "902-mallikyla.yaml", EXAMPLES / "903-koekoski.yaml"]
posix_only = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc and POSIX signals")


def _looping_templates(tmp_path: Path) -> Path:
    """901's report loops (until a long time limit); the others render at once."""
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.md.j2").write_text(
        "{% if kunta.koodi == '901' %}{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
        "{% endfor %}{% endif %}{{ kunta.nimi }}\n", encoding="utf-8")
    return own


def _start(tmp_path: Path, out: Path, *, ignoring_sigterm: bool = False) -> subprocess.Popen:
    command = [sys.executable, "-m", "jarjestotyokirja", "report", *map(str, FILES), "-f", "md", "-o", str(out),
               "-j", "2", "--templates", str(_looping_templates(tmp_path)), "--aikaraja", "600"]

    def ignore_sigterm() -> None:  # what a parent with ``trap '' TERM`` (or some launchers) passes on
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=ignore_sigterm if ignoring_sigterm else None)


def _wait_for(condition, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"resource_tracker" not in cmdline:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _others_done(out: Path) -> bool:
    return (out / "902-mallikyla.md").exists() and (out / "903-koekoski.md").exists()


@posix_only
def test_a_killed_worker_is_a_failed_file_and_the_others_render(tmp_path):
    out = tmp_path / "out"
    process = _start(tmp_path, out)
    try:
        _wait_for(lambda: _others_done(out))
        while process.poll() is None:  # kill every worker, the retried one too
            for pid in _descendants(process.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.2)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 1, stderr
    assert f"{FILES[0]}: {M.REPORT_WORKER_DIED}" in " ".join(stderr.split())
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    assert sorted(p.name for p in out.iterdir()) == ["902-mallikyla.md", "903-koekoski.md"]


@posix_only
def test_ctrl_c_stops_the_batch_with_one_line_and_exit_130(tmp_path):
    out = tmp_path / "out"
    process = _start(tmp_path, out)
    try:
        _wait_for(lambda: _others_done(out))
        time.sleep(0.5)
        os.killpg(process.pid, signal.SIGINT)  # what a terminal does: every process of the group gets it
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, stderr
    assert stderr.strip() == M.INTERRUPTED
    assert sorted(p.name for p in out.iterdir()) == ["902-mallikyla.md", "903-koekoski.md"]  # no .tmp left


@posix_only
def test_ctrl_c_stops_the_workers_even_when_sigterm_is_ignored(tmp_path):
    """A worker inherits its parent's ignored signals. With SIGTERM ignored (seen in a CI-like run),
    stopping the workers with SIGTERM did nothing: jtk exited, but the worker rendering an endless
    template lived on, holding the pipes open, so the caller hung. Fails before this change."""
    out = tmp_path / "out"
    process = _start(tmp_path, out, ignoring_sigterm=True)
    try:
        _wait_for(lambda: _others_done(out))
        time.sleep(0.5)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the workers, if they outlived jtk
    assert process.returncode == 130, stderr
    assert stderr.strip() == M.INTERRUPTED


def test_workers_are_spawned_where_fork_is_missing(tmp_path, monkeypatch, workbook):
    """Windows has no fork: forcing spawn on Linux takes that path, with the same bytes as one process."""
    import multiprocessing

    from jarjestotyokirja.report import batch

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert batch._fork_context().get_start_method() == "spawn"
    job = batch.ReportJob(formats=("md",), out_dir=str(tmp_path / "a"))
    outcomes = batch.run_batch(FILES, job, jobs=2)
    assert all(o.ok for o in outcomes), [o.problems for o in outcomes]
    single = batch.run_batch(FILES, batch.ReportJob(formats=("md",), out_dir=str(tmp_path / "b")), jobs=1)
    assert all(o.ok for o in single)
    for path in FILES:
        name = f"{path.stem}.md"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_stopped_batch_removes_the_temporary_files_its_workers_left(tmp_path):
    """Fails before: the clean-up looked for ``.<name>.*.tmp`` while atomic_write (issue 8) makes
    ``.<name>.<hex>.jtk-tmp``, so a worker stopped mid-write left its temporary file behind."""
    import os

    from jarjestotyokirja import files as storage
    from jarjestotyokirja.report import batch

    out = tmp_path / "out"
    out.mkdir()
    job = batch.ReportJob(formats=("md",), out_dir=str(out))
    fd, stray = storage._create_temp(out / "901-esimerkkila.md")  # what a killed writer leaves
    os.close(fd)
    batch._remove_temporary_files([(0, FILES[0])], job)
    assert list(out.iterdir()) == []


def test_temporary_files_a_killed_writer_left_are_swept_when_the_report_is_written_again(tmp_path, cli):
    """A jtk report killed mid-write (SIGKILL, a power cut) left ``.901-esimerkkila.md.<hex>.jtk-tmp``
    beside the report for good: visible clutter on Windows and in git status. The next write of the
    same report removes the ones older than any write takes; a fresh one may be a running writer's."""
    import os
    import time

    from jarjestotyokirja import files as storage

    out = tmp_path / "out"
    out.mkdir()
    stale, fresh = [storage._create_temp(out / "901-esimerkkila.md") for _ in range(2)]
    for fd, _ in (stale, fresh):
        os.close(fd)
    hours_ago = time.time() - 2 * 3600
    os.utime(stale[1], (hours_ago, hours_ago))
    other = out / ".muu.md.0123abcd.jtk-tmp"  # another document's: not this write's to judge
    other.write_bytes(b"")
    os.utime(other, (hours_ago, hours_ago))
    result = cli("report", FILES[0], "-f", "md", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(["901-esimerkkila.md", os.path.basename(fresh[1]), other.name])


def test_stopping_the_pool_waits_for_its_manager_thread(tmp_path):
    """After Ctrl-C, jtk printed "Keskeytetty." and then, now and then (a CI run), "Exception ignored in:
    <module 'threading'> … OSError: Bad file descriptor": at exit, concurrent.futures wakes the pool's
    manager thread without its lock while that thread closes the wakeup pipe. _stop now waits for the
    thread, so nothing of the pool is left running when the interpreter ends."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from jarjestotyokirja.report import batch

    for _ in range(5):
        pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(time.sleep, 30) for _ in range(4)]
        time.sleep(0.2)
        manager = pool._executor_manager_thread
        batch._stop(pool)
        assert not manager.is_alive()
        assert all(f.cancelled() or f.done() for f in futures[2:])
