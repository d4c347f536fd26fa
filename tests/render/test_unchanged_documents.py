"""A document whose content has not changed is left as it is: not written again.

Rendering the same answers again gives the same bytes (deterministic output), so a second batch over
unchanged files has nothing to write: the files keep their inode and modification time (rsync, make
and backups see nothing new), and the batch saves a write, an fsync and a rename per file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jarjestotyokirja.errors import InvalidContent
from jarjestotyokirja.files import update_file
from jarjestotyokirja.report.build import write_report
from jarjestotyokirja.store.answers_files import edit_answers
from jarjestotyokirja.store.edit import set_value
from tests.report.test_report import COMPLETE


def _identity(path: Path) -> tuple[int, int, bytes]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns, path.read_bytes()


@pytest.mark.parametrize("fmt", ["md", "html", "typ", "pdf"])
def test_a_report_rendered_again_from_the_same_answers_is_not_rewritten(workbook, tmp_path, fmt):
    source = shutil.copy(COMPLETE, tmp_path / COMPLETE.name)
    [first] = write_report(source, workbook, [fmt], out_dir=tmp_path / "out")
    before = _identity(first)
    os.utime(first, ns=(before[1] - 10**9, before[1] - 10**9))  # a second ago: a rewrite would show
    before = _identity(first)
    [again] = write_report(source, workbook, [fmt], out_dir=tmp_path / "out")
    assert again == first
    assert _identity(again) == before


def test_a_changed_answer_rewrites_the_report(workbook, tmp_path):
    source = shutil.copy(COMPLETE, tmp_path / COMPLETE.name)
    [first] = write_report(source, workbook, ["md"], out_dir=tmp_path / "out")
    old = first.read_text(encoding="utf-8")
    with edit_answers(source, workbook) as answers:
        set_value(answers, workbook, "lopuksi.yhteenveto", "Aivan uusi yhteenveto.")
    write_report(source, workbook, ["md"], out_dir=tmp_path / "out")
    new = first.read_text(encoding="utf-8")
    assert new != old and "Aivan uusi yhteenveto." in new


@pytest.mark.parametrize("edit", ["appended", "same length", "truncated", "empty"])
def test_a_report_changed_by_hand_is_replaced(workbook, tmp_path, edit):
    source = shutil.copy(COMPLETE, tmp_path / COMPLETE.name)
    [report] = write_report(source, workbook, ["md"], out_dir=tmp_path / "out")
    good = report.read_bytes()
    damaged = {
        "appended": good + b"\nlisays\n",
        "same length": good[:-2] + b"XX",
        "truncated": good[: len(good) // 2],
        "empty": b"",
    }[edit]
    report.write_bytes(damaged)
    write_report(source, workbook, ["md"], out_dir=tmp_path / "out")
    assert report.read_bytes() == good


def test_update_file_writes_only_what_differs(tmp_path):
    target = tmp_path / "raportti.md"
    assert update_file(target, "uusi\n") is True
    assert target.read_text(encoding="utf-8") == "uusi\n"
    inode = target.stat().st_ino
    assert update_file(target, b"uusi\n") is False
    assert target.stat().st_ino == inode
    assert update_file(target, "toinen\n") is True
    assert target.read_text(encoding="utf-8") == "toinen\n"


def test_update_file_through_a_symlink_compares_the_real_file(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("sama\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    inode = real.stat().st_ino
    assert update_file(link, "sama\n") is False
    assert link.is_symlink() and real.stat().st_ino == inode
    assert update_file(link, "muuttunut\n") is True
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "muuttunut\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_report_is_still_refused_even_when_unchanged(tmp_path):
    # Unchanged or not, a file the user made read-only says so: the outcome does not depend on
    # whether the content happens to be the same.
    target = tmp_path / "raportti.md"
    target.write_text("sama\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(InvalidContent):
        update_file(target, "sama\n")


def test_a_folder_in_place_of_the_report_is_an_error_not_unchanged(tmp_path):
    target = tmp_path / "raportti.md"
    target.mkdir()
    with pytest.raises(InvalidContent):
        update_file(target, "")
