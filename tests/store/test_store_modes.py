"""Files beside an answers file (drafts, the outside version kept by an interview) are never more
readable than it: a 0600 answers file got 0644 drafts before this change."""

from __future__ import annotations

import os

import pytest

from jarjestotyokirja.interview.engine import Interview
from jarjestotyokirja.interview.session import Session
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.store.drafts import draft_path, save_drafts
from jarjestotyokirja.store.edit import set_value

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


class _Quiet:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def message(self, text: str, *, style: str = "") -> None:
        self.messages.append(text)


def test_drafts_get_the_answers_file_mode(new_file):
    path = new_file()
    path.chmod(0o600)
    save_drafts(path, {"4.nykytila": "kesken"})
    assert draft_path(path).stat().st_mode & 0o777 == 0o600
    path.chmod(0o640)
    save_drafts(path, {"4.nykytila": "kesken vielä"})  # follows the answers file, also when it changes
    assert draft_path(path).stat().st_mode & 0o777 == 0o640


def test_the_outside_version_kept_by_an_interview_gets_the_answers_file_mode(new_file, workbook):
    path = new_file()
    path.chmod(0o600)
    answers = load_answers(path, workbook)
    session = Session(path, Interview(workbook, answers, drafts={}, today="2024-05-31"), _Quiet())
    outside = load_answers(path, workbook)
    set_value(outside, workbook, "4.nykytila", "Käsin")
    save_answers(path, outside, workbook)
    set_value(session.answers, workbook, "4.nykytila", "Haastattelussa")
    session._write()
    backup = path.with_name(f".{path.name}.jtk-ulkoinen")
    assert "Käsin" in backup.read_text(encoding="utf-8")
    assert backup.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_mode & 0o777 == 0o600
