"""Unbounded reads and standard input: refused at the limit, never read whole, never blocking.

Before: ``jtk validate /dev/zero`` read until MemoryError, a FIFO hung, ``yes | jtk set`` read
everything; ``echo 3 | jtk set F 4.taso -`` was refused for its newline; an empty standard input
silently cleared the answer; OS errors came in English.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.yamlio.loader import MAX_BYTES


def test_a_fifo_is_refused_without_blocking(cli, tmp_path):
    fifo = tmp_path / "putki.yaml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "jarjestotyokirja", "validate", str(fifo)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{fifo}: {M.NOT_A_REGULAR_FILE.format(kind=M.KIND_FIFO)}" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(cli):
    result = cli("validate", "/dev/zero")
    assert result.exit_code == 1
    assert f"/dev/zero: {M.NOT_A_REGULAR_FILE.format(kind=M.KIND_DEVICE)}" in result.stderr


def test_a_folder_is_refused(cli, tmp_path):
    folder = tmp_path / "kansio.yaml"
    folder.mkdir()
    result = cli("validate", folder)
    assert result.exit_code == 1
    assert M.NOT_A_REGULAR_FILE.format(kind=M.KIND_DIRECTORY) in result.stderr


def test_import_from_a_device_or_fifo_is_refused(cli, new_file, tmp_path):
    path = new_file()
    before = path.read_bytes()
    result = cli("import", path, "/dev/zero")
    assert result.exit_code == 1 and M.NOT_A_REGULAR_FILE.format(kind=M.KIND_DEVICE) in result.stderr
    assert path.read_bytes() == before


def test_endless_standard_input_stops_at_the_limit(new_file):
    path = new_file()
    before = path.read_bytes()
    yes = shutil.which("yes")
    if yes is None:
        pytest.skip("no yes(1)")
    producer = subprocess.Popen([yes], stdout=subprocess.PIPE)
    try:
        result = subprocess.run([sys.executable, "-m", "jarjestotyokirja", "set", str(path), "4.nykytila"],
                                stdin=producer.stdout, capture_output=True, text=True, timeout=120)
    finally:
        producer.kill()
        producer.wait()
    assert result.returncode == 1
    assert f"<stdin>: {M.INPUT_TOO_LARGE.format(limit=MAX_BYTES)}" in result.stderr
    assert path.read_bytes() == before


def test_one_final_newline_of_standard_input_is_not_part_of_the_value(cli, new_file):
    path = new_file()
    result = cli("set", path, "4.taso", "-", input="3\n")
    assert result.exit_code == 0, result.stderr
    assert cli("get", path, "4.taso").stdout == "3\n"
    assert cli("set", path, "4.taso", input="4\r\n").exit_code == 0
    assert cli("get", path, "4.taso").stdout == "4\n"


def test_empty_standard_input_does_not_clear_an_answer(cli, new_file):
    path = new_file()
    assert cli("set", path, "4.nykytila", "Teksti").exit_code == 0
    before = path.read_bytes()
    result = cli("set", path, "4.nykytila", input="")
    assert result.exit_code == 2
    assert M.EMPTY_STDIN.format(key="4.nykytila") in result.stderr
    assert path.read_bytes() == before
    assert cli("set", path, "4.nykytila", "--tyhjenna").exit_code == 0
    assert cli("get", path, "4.nykytila").stdout == ""
    assert cli("set", path, "4.nykytila", "Teksti").exit_code == 0
    assert cli("set", path, "4.nykytila", "").exit_code == 0
    assert cli("get", path, "4.nykytila").stdout == ""
    both = cli("set", path, "4.nykytila", "x", "--tyhjenna")
    assert both.exit_code == 2 and M.CLEAR_WITH_VALUE in both.stderr


def test_an_action_needs_a_text(cli, new_file):
    path = new_file()
    before = path.read_bytes()
    for text in ("", "   ", "\n"):
        result = cli("action", "add", path, text)
        assert result.exit_code == 1 and M.ACTION_TEXT_EMPTY in result.stderr
    assert path.read_bytes() == before
    assert cli("action", "add", path, "Tehdään").exit_code == 0
    before = path.read_bytes()
    result = cli("action", "set", path, "1", "--teksti", "")
    assert result.exit_code == 1 and M.ACTION_TEXT_EMPTY in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("number", "message"),
    [(errno.EACCES, M.OS_EACCES), (errno.EPERM, M.OS_EACCES), (errno.ENOSPC, M.OS_ENOSPC),
     (errno.EROFS, M.OS_EROFS), (errno.EISDIR, M.OS_EISDIR), (errno.ENOTDIR, M.OS_ENOTDIR),
     (errno.EEXIST, M.OS_EEXIST), (errno.ENAMETOOLONG, M.OS_ENAMETOOLONG), (errno.EIO, M.OS_EIO),
     (errno.ENOENT, M.OS_ENOENT), (errno.EDQUOT, M.OS_EDQUOT)],
)
def test_os_errors_are_told_in_finnish(number, message):
    assert os_reason(OSError(number, os.strerror(number))) == message


def test_an_unknown_os_error_falls_back_to_finnish():
    assert os_reason(OSError(errno.ENOTSOCK, "Socket operation on non-socket")) == M.OS_OTHER.format(name="ENOTSOCK")


def test_a_full_disk_is_said_in_finnish(cli, new_file, monkeypatch):
    path = new_file()
    before = path.read_bytes()

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = cli("set", path, "4.nykytila", "Teksti")
    assert result.exit_code == 1
    assert M.WRITE_FAILED.format(reason=M.OS_ENOSPC) in result.stderr and "No space" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_said_in_finnish(cli, new_file):
    path = new_file()
    path.chmod(0)
    try:
        result = cli("validate", path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1
    assert M.FILE_UNREADABLE.format(reason=M.OS_EACCES) in result.stderr
