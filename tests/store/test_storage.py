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
from jarjestotyokirja.files import TEMP_SUFFIX, atomic_write
from jarjestotyokirja.render.documents import check_outputs, write_outputs
from jarjestotyokirja.store import locks
from jarjestotyokirja.store.locks import INTERVIEW, describe_holder, lock_path, locked


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
    assert info.value.code == M.WRITE_FAILED.code and "Aiempi versio on ennallaan" in str(info.value)
    assert target.read_text() == "vanha\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


WRITER = textwrap.dedent(
    """
    import sys
    from jarjestotyokirja.files import atomic_write
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
    from jarjestotyokirja.store.locks import locked
    with locked(sys.argv[1], holder=sys.argv[2]):
        print("locked", flush=True)
        sys.stdin.readline()  # hold until told to let go
    """
)


def _hold(target, holder="jtk set"):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(target), holder],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_process_is_refused_naming_the_holder_and_a_killed_holder_does_not_block(tmp_path):
    target = tmp_path / "a.yaml"
    proc = _hold(target, "jtk set")
    try:
        started = time.monotonic()
        with pytest.raises(Conflict) as info:
            with locked(target):
                pass
        assert time.monotonic() - started < 5, "refused at once, not after waiting"
        message = info.value.problems[0].message
        assert message.startswith(M.LOCKED_BY.split("(")[0])
        assert f"(jtk set, pid {proc.pid}, klo " in message
    finally:
        proc.kill()
        proc.wait()
    # the kernel released the dead process's lock: the next writer gets in
    with locked(target):
        pass


def test_an_interview_is_named_as_such(tmp_path):
    target = tmp_path / "a.yaml"
    proc = _hold(target, INTERVIEW)
    try:
        with pytest.raises(Conflict) as info:
            with locked(target, holder="jtk set"):
                pass
        problem = info.value.problems[0]
        assert problem.code == M.LOCKED_INTERVIEW.code and problem.hint == M.LOCKED_INTERVIEW.hint
        assert problem.message.startswith(f"Tiedostoa haastatellaan (jtk interview, pid {proc.pid}, klo ")
    finally:
        proc.kill()
        proc.wait()


def test_a_writer_waits_for_the_holder_to_finish(tmp_path):
    target = tmp_path / "a.yaml"
    proc = _hold(target)
    proc.stdin.write("\n")  # let go now; the waiting writer below gets in as soon as it has
    proc.stdin.flush()
    try:
        with locked(target, wait=60, holder="jtk set"):
            assert locks.read_note(str(lock_path(target))).pid == str(os.getpid())
    finally:
        proc.wait(timeout=60)


def test_a_wait_that_runs_out_is_refused_and_says_so(tmp_path):
    target = tmp_path / "a.yaml"
    proc = _hold(target)
    try:
        with pytest.raises(Conflict) as info:
            with locked(target, wait=0.3):
                pass
        problem = info.value.problems[0]
        assert problem.code == M.LOCKED_BY.code and problem.hint.endswith(M.LOCK_WAITED.format(seconds="0,3"))
    finally:
        proc.kill()
        proc.wait()


def test_the_lock_file_stays_and_is_empty_when_free(tmp_path):
    """Never deleted: deleting it on release let a second writer lock a deleted inode (fails before
    this change, which removed it)."""
    target = tmp_path / "a.yaml"
    with locked(target, holder="jtk import"):
        note = locks.read_note(str(lock_path(target)))
        assert (note.command, note.pid) == ("jtk import", str(os.getpid()))
    assert lock_path(target).read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == [".a.yaml.jtk-lock"]


def test_the_holder_is_described_with_day_time_and_other_machine():
    import datetime as dt

    holder = locks.Holder("jtk set", "12", "toinen-kone", "2026-11-30T12:05:00+00:00")
    day, clock = locks.started_at(holder, today=dt.date(2030, 1, 1))
    assert day == "30.11.2026" and clock.endswith(".05")
    assert describe_holder(holder).startswith("jtk set, pid 12, kone toinen-kone, 30.11.2026 klo ")
    assert locks.started_at(locks.this_process("jtk set"))[0] == ""  # today: the time only
    assert describe_holder(locks.Holder("jtk set")) == "jtk set"


def test_stale_temp_files_of_the_file_go_when_its_lock_is_taken(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("x")
    stale = [".a.yaml.0123abcd.jtk-tmp", ".a.yaml.k2_9zq1x.tmp", "..a.yaml.jtk-draft.89abcdef.jtk-tmp"]
    others = [".b.yaml.0123abcd.jtk-tmp", ".a.yaml.x.0123abcd.jtk-tmp", "a.yaml.0123abcd.jtk-tmp", "muistio.tmp"]
    for name in stale + others:
        (tmp_path / name).write_text("kesken")
    with locked(target):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".a.yaml.jtk-lock", "a.yaml", *others])


def test_temp_files_have_a_jtk_name_and_private_mode_until_replaced(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    seen = []
    real_replace = os.replace

    def spy(source, destination):
        seen.append((Path(source).name, os.stat(source).st_mode & 0o777))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(target, "x")
    ((name, _),) = seen
    assert name.startswith(".a.yaml.") and name.endswith(TEMP_SUFFIX)


def test_replace_is_retried_while_the_file_is_held_open(tmp_path, monkeypatch):
    """Windows: an antivirus holding the file makes os.replace fail for a moment."""
    import jarjestotyokirja.files as storage

    target = tmp_path / "a.yaml"
    atomic_write(target, "vanha")
    calls = []
    real_replace = os.replace

    def busy(source, destination):
        calls.append(source)
        if len(calls) <= 2:
            raise PermissionError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", busy)
    monkeypatch.setattr(storage, "REPLACE_ATTEMPTS", 10)
    monkeypatch.setattr(storage, "REPLACE_DELAY", 0.01)
    atomic_write(target, "uusi")
    assert target.read_text() == "uusi" and len(calls) == 3
    monkeypatch.setattr(storage, "REPLACE_ATTEMPTS", 2)
    calls.clear()
    with pytest.raises(InvalidContent):
        atomic_write(target, "kolmas")
    assert target.read_text() == "uusi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_symlink_is_written_through_and_locked_by_its_real_path(tmp_path):
    real = tmp_path / "jaettu" / "a.yaml"
    real.parent.mkdir()
    real.write_text("vanha")
    link = tmp_path / "a.yaml"
    link.symlink_to(real)
    atomic_write(link, "uusi")
    assert link.is_symlink() and real.read_text() == "uusi"
    assert lock_path(link) == lock_path(real) == real.with_name(".a.yaml.jtk-lock")
    with locked(link), pytest.raises(Conflict):
        with locked(real):
            pass


def test_like_gives_a_companion_file_the_mode_of_its_answers_file(tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("x")
    answers.chmod(0o600)
    draft = tmp_path / ".a.yaml.jtk-draft"
    atomic_write(draft, "luonnos", like=answers)
    assert draft.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_file_is_refused(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("vanha")
    target.chmod(0o444)
    with pytest.raises(InvalidContent) as info:
        atomic_write(target, "uusi")
    assert info.value.problems[0].message == M.READ_ONLY
    assert target.read_text() == "vanha"


def test_outputs_are_never_an_input_or_an_answers_file(tmp_path):
    answers = tmp_path / "muistio.md"
    answers.write_text("tyokirja:\n  id: x\nkunta:\n  koodi: '091'\n")
    link = tmp_path / "linkki.md"
    link.symlink_to(answers)
    with pytest.raises(Conflict) as info:
        check_outputs([tmp_path / "muistio.md"], inputs=[answers])
    assert info.value.problems[0].message == M.OUTPUT_IS_INPUT.format(output=answers, input=answers)
    with pytest.raises(Conflict):
        check_outputs([link], inputs=[answers])
    with pytest.raises(Conflict) as info:  # another answers file, even not one of the inputs
        check_outputs([answers], inputs=[])
    assert info.value.problems[0].message == M.OUTPUT_NOT_OURS.format(output=answers)
    (tmp_path / "b.yaml").write_text("x: 1\n")
    with pytest.raises(Conflict):
        check_outputs([tmp_path / "b.yaml"], inputs=[])
    earlier = tmp_path / "091-helsinki.md"
    earlier.write_text("# Helsinki\n")
    assert write_outputs([(earlier, "# Uusi\n"), (tmp_path / "uusi.html", "<p>")], inputs=[answers]) == [
        earlier, tmp_path / "uusi.html"]
    assert earlier.read_text() == "# Uusi\n"


def test_an_answers_file_is_known_by_its_keys_at_line_starts_with_a_bom_or_windows_line_ends(tmp_path):
    """The keys are looked for in the raw bytes (issue 11: decoding an old PDF cost more than
    writing its report); a byte order mark, CRLF and keys further down are still an answers file,
    a report that only quotes the keys inside a line is not."""
    cases = {
        "bom.md": "\ufefftyokirja:\n  id: x\nkunta:\n  koodi: '091'\n".encode("utf-8"),
        "crlf.md": b"# muistiinpano\r\ntyokirja:\r\n  id: x\r\nkunta:\r\n  koodi: '091'\r\n",
        "late.md": b"x" * 60000 + b"\ntyokirja:\n  id: x\nkunta:\n  koodi: '091'\n",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(Conflict):
            check_outputs([tmp_path / name], inputs=[])
    quoted = tmp_path / "091-helsinki.md"
    quoted.write_bytes("Avaimet ovat tyokirja: ja kunta: tiedoston alussa.\n".encode("utf-8"))
    check_outputs([quoted], inputs=[])
    binary = tmp_path / "091-helsinki.pdf"
    binary.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 300)
    check_outputs([binary], inputs=[])


def test_a_batch_syncs_each_folder_once_at_its_end_and_every_file_at_once(tmp_path, monkeypatch) -> None:
    """Inside files.folders_synced_at_end every file is fsynced before its rename as always, its
    folder once when the block ends (also when it ends with an error); outside, every write syncs
    its folder at once."""
    from jarjestotyokirja import files

    synced_folders: list[Path] = []
    synced_files: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(files, "_fsync_dir", synced_folders.append)
    monkeypatch.setattr(files.os, "fsync", lambda fd: (synced_files.append(fd), real_fsync(fd)))
    (tmp_path / "b").mkdir()
    with pytest.raises(RuntimeError), files.folders_synced_at_end():
        for name in ("1.md", "2.md", "b/3.md"):
            files.atomic_write(tmp_path / name, name)
            assert (tmp_path / name).read_text() == name
        with files.folders_synced_at_end():  # nested: the outer block syncs
            files.atomic_write(tmp_path / "4.md", "4")
        assert synced_folders == []
        assert len(synced_files) == 4
        raise RuntimeError
    assert sorted(synced_folders) == sorted([tmp_path.resolve(), (tmp_path / "b").resolve()])
    files.atomic_write(tmp_path / "5.md", "5")
    assert synced_folders[-1] == tmp_path.resolve() and len(synced_folders) == 3
