"""Unusual answers files and folders, through the installed ``jtk``: an answer too large for the file,
symlinks, a UTF-8 BOM, read-only files and folders, another owner, a full disk.

Each case fails before this change, except two guards that passed already: a read-only folder is
refused cleanly, and a full disk keeps the old file, leaves no temporary file and no lock (that test
fails before only for want of ``--odota``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.store.answers_files import create_answers_file, load_answers
from jarjestotyokirja.store.drafts import draft_path, save_drafts
from jarjestotyokirja.store.locks import locked
from jarjestotyokirja.yamlio.loader import MAX_BYTES

pytestmark = [pytest.mark.stress, pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")]

JTK = str(Path(sys.executable).with_name("jtk"))
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


# Root may write anything; for the permission tests it runs jtk without the capabilities that let it.
UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"] if ROOT else []


def jtk(*args: object, input: str | None = None, unprivileged: bool = False) -> subprocess.CompletedProcess:  # noqa: A002
    command = [*(UNPRIVILEGED if unprivileged else []), JTK, *map(str, args)]
    return subprocess.run(command, input=input, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "LANG": "C.UTF-8"})


needs_permissions = pytest.mark.skipif(
    ROOT and shutil.which("setpriv") is None, reason="root without setpriv: permissions cannot be tested"
)


def tidy(folder: Path) -> list[str]:
    """What is in ``folder`` apart from the answers file, its lock and its drafts."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith((".yaml", ".jtk-lock")))


# --- the size limit ------------------------------------------------------------------------------

def test_an_answer_that_would_make_the_file_too_large_is_refused_before_writing(new_file, workbook):
    path = new_file()
    text = "x" * (MAX_BYTES // 2 + 100_000)
    first = jtk("set", path, "4.nykytila", "-", input=text)
    assert first.returncode == 0, first.stderr
    before = path.read_bytes()
    second = jtk("set", path, "5.nykytila", "-", input=text)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert M.ANSWER_TOO_LARGE.split("{")[0] in second.stderr
    assert "4.nykytila" in second.stderr  # the largest answer is named
    assert path.read_bytes() == before
    assert load_answers(path, workbook).vastaukset["4"].nykytila == text
    assert jtk("validate", path).returncode == 0
    assert tidy(path.parent) == []


# --- symlinks ------------------------------------------------------------------------------------

def test_a_write_through_a_symlink_changes_the_linked_file_and_keeps_the_link(tmp_path, workbook):
    shared = tmp_path / "jaettu"
    shared.mkdir()
    real, _ = create_answers_file("Helsinki", workbook, shared / "091-helsinki.yaml")
    link = tmp_path / "091-helsinki.yaml"
    link.symlink_to(real)
    other_link = tmp_path / "toinen.yaml"
    other_link.symlink_to(real)

    result = jtk("set", link, "4.taso", "3")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and other_link.is_symlink()
    assert load_answers(real, workbook).vastaukset["4"].taso == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["091-helsinki.yaml", "jaettu", "toinen.yaml"]

    with locked(link):  # two links to one file share one lock: the real file's
        refused = jtk("set", other_link, "4.taso", "4", "--odota", "0")
    assert refused.returncode == 1
    assert load_answers(real, workbook).vastaukset["4"].taso == 3


# --- BOM -----------------------------------------------------------------------------------------

def test_a_bom_file_keeps_its_header_comments(new_file, workbook):
    path = new_file()
    header = "# yaml-language-server: $schema=./jtk-vastaukset.schema.json\n# Helsingin arviointi\n"
    body = path.read_text(encoding="utf-8").split("\n", 2)[2]  # without jtk's own two comment lines
    path.write_bytes(("\ufeff" + header + body).replace("\n", "\r\n").encode("utf-8"))  # as Notepad saves

    result = jtk("set", path, "4.taso", "2")
    assert result.returncode == 0, result.stderr
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(header)  # the comments are kept; the BOM and CRLF go (documented)
    assert load_answers(path, workbook).vastaukset["4"].taso == 2


# --- permissions, owner ---------------------------------------------------------------------------

@needs_permissions
def test_a_read_only_file_is_not_replaced(new_file):
    path = new_file()
    path.chmod(0o444)
    before = path.read_bytes()
    result = jtk("set", path, "4.taso", "3", unprivileged=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert M.READ_ONLY.split("{")[0] in result.stderr
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
    assert tidy(path.parent) == []


@needs_permissions
def test_a_read_only_folder_refuses_cleanly(new_file):
    path = new_file()
    for lock in path.parent.glob("*.jtk-lock"):
        lock.unlink()
    path.parent.chmod(0o555)
    before = path.read_bytes()
    try:
        result = jtk("set", path, "4.taso", "3", unprivileged=True)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert M.WRITE_FAILED.split("{")[0] in result.stderr
        assert path.read_bytes() == before
        assert tidy(path.parent) == []
        assert jtk("validate", path, unprivileged=True).returncode == 0  # reading still works
    finally:
        path.parent.chmod(0o755)


@pytest.mark.skipif(not ROOT, reason="only root can edit another user's file")
def test_root_keeps_the_owner_and_mode_and_drafts_are_never_wider(new_file):
    path = new_file()
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o600)
    result = jtk("set", path, "4.taso", "3")
    assert result.returncode == 0, result.stderr
    info = path.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (NOBODY, NOBODY, 0o600)
    save_drafts(path, {"4.nykytila": "kesken"})
    draft = draft_path(path).stat()
    assert (draft.st_uid, draft.st_mode & 0o777) == (NOBODY, 0o600)
    # the owner can still lock their own file after root did: the lock file is theirs too
    lock = path.with_name(f".{path.name}.jtk-lock")
    assert (lock.stat().st_uid, lock.stat().st_mode & 0o777) == (NOBODY, 0o600)


# --- a full disk ----------------------------------------------------------------------------------

@pytest.fixture
def small_disk():
    """A 512 KiB tmpfs (root only; skipped otherwise)."""
    if not ROOT or not sys.platform.startswith("linux"):
        pytest.skip("mounting a small tmpfs needs root on Linux")
    folder = Path(tempfile.mkdtemp(prefix="jtk-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("cannot mount tmpfs here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)
    folder.rmdir()


def test_a_full_disk_keeps_the_old_file_and_blocks_nobody(small_disk, workbook):
    path, _ = create_answers_file("Helsinki", workbook, small_disk / "091-helsinki.yaml")
    filler = small_disk / "tayte"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk up to the last block
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    before = path.read_bytes()
    result = jtk("set", path, "4.nykytila", "-", input="pitkä vastaus\n" * 2000)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert M.WRITE_FAILED.split("{")[0] in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir() if p.name.endswith("tmp")) == []
    filler.unlink()
    after = jtk("set", path, "4.nykytila", "lyhyt", "--odota", "0")  # no lock left behind
    assert after.returncode == 0, after.stderr
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "lyhyt"
