"""A dropped terminal, a kill and a dead battery lose at most the last seconds of typing.

Each test types into a real pseudo-terminal, then takes the terminal away as ssh, tmux or a closed
window does (the pty's master side is closed), under three kinds of session leader: jtk itself (the
kernel sends it SIGHUP), a shell that ignores SIGHUP (jtk only sees the terminal fail), and an
interactive bash (which forwards SIGHUP a moment after the terminal fails). Every time, the open text
is in the draft, the accepted answer in the file, the process is gone, the lock free, and no
traceback was written. The bounds are generous: they detect a hang, they are no speed limit.
"""

from __future__ import annotations

import signal
import sys

import pytest
from pty_helpers import ACCEPT_TEXT, CTRL, Pty, is_gone, jtk_line, jtk_pid, pexpect, wait_until

from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.store.drafts import draft_path, load_drafts
from jarjestotyokirja.store.locks import locked

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")]

LEADERS = {
    "jtk": lambda script: ("sh", [str(script)]),  # exec: jtk leads the session and gets the kernel's SIGHUP
    "shell ignoring SIGHUP": lambda script: ("sh", ["-c", f"trap '' HUP; sh {script}; exit $?"]),
    "bash -i": lambda script: ("bash", ["--norc", "--noprofile", "-i", "-c", f"sh {script}; exit $?"]),
}


def start(path, leader: str, *args: str) -> Pty:  # type: ignore[no-untyped-def]
    script = path.parent / "run.sh"
    script.write_text(jtk_line(path.parent, path.name, *args) + "\n", encoding="utf-8")
    command, command_args = LEADERS[leader](script)
    return Pty(path.parent, command=command, command_args=command_args)


def assert_clean_end(path, pid: int) -> None:  # type: ignore[no-untyped-def]
    assert wait_until(lambda: is_gone(pid)), "jtk is still running after the terminal went away"
    with locked(path):  # the lock is free: a new session or jtk set gets in
        pass
    errors = (path.parent / "jtk.err").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in errors and "Error" not in errors, errors


@pytest.mark.parametrize("leader", list(LEADERS))
def test_closing_the_terminal_keeps_the_open_text_and_frees_the_file(new_file, workbook, leader):
    """Fails before this change: the terminal error was a traceback and the open text was lost."""
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = start(path, leader, "--idea", "4")
    pty.answer("4.nykytila", "Hyväksytty vastaus" + ACCEPT_TEXT)
    pty.answer("4.tavoitetila", "Yhteys katkesi kesken")
    pty.expect("kesken")  # shown, so it is in the editing buffer
    pid = jtk_pid(path.parent)
    pty.close_master()
    assert_clean_end(path, pid)
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "Hyväksytty vastaus"
    assert load_drafts(path) == {"4.tavoitetila": "Yhteys katkesi kesken"}


def test_sighup_with_the_terminal_still_open_keeps_the_text_and_exits_129(new_file, workbook):
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.answer("4.nykytila", "Hyväksytty vastaus" + ACCEPT_TEXT)
    pty.answer("4.tavoitetila", "Puhelu katkesi kesken")
    pty.expect("kesken")
    pty.child.kill(signal.SIGHUP)
    assert pty.exit_code() == 129
    assert "Traceback" not in pty.child.before
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "Hyväksytty vastaus"
    assert load_drafts(path) == {"4.tavoitetila": "Puhelu katkesi kesken"}


def test_sigterm_keeps_the_text_says_where_to_resume_and_exits_143(new_file):
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.answer("4.nykytila", "Sammutetaan kesken")
    pty.expect("kesken")
    pty.child.kill(signal.SIGTERM)
    pty.expect("jtk interview")  # the terminal is still there: it says how to go on
    assert pty.exit_code() == 143
    assert "Traceback" not in pty.child.before
    assert load_drafts(path) == {"4.nykytila": "Sammutetaan kesken"}


def test_typing_is_autosaved_so_kill_9_loses_nothing_older_than_seconds(new_file):
    """Fails before this change: only Ctrl-C, leaving or a signal handler wrote the draft."""
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.answer("4.nykytila", "Kirjoitettu ennen kuin akku loppui")
    pty.expect("loppui")
    assert wait_until(lambda: load_drafts(path) == {"4.nykytila": "Kirjoitettu ennen kuin akku loppui"})
    pty.child.kill(signal.SIGKILL)
    pty.child.expect(pexpect.EOF)
    assert load_drafts(path) == {"4.nykytila": "Kirjoitettu ennen kuin akku loppui"}
    again = Pty(path.parent, path.name)  # offered back as any draft
    again.expect("4.nykytila")
    again.expect("luonnos palautettu")
    again.answer("", CTRL["q"])
    assert again.exit_code() == 0


def test_ctrl_c_while_an_answer_is_being_saved_saves_it_and_ends_as_ctrl_c(new_file, workbook, tmp_path):
    """Ctrl-C between prompts (here: during the save after an accept, held there by the test gate)
    ends like Ctrl-C in a prompt: the answer is on disk, the resume line is shown, exit 130.
    Fails before this change: the KeyboardInterrupt landed inside the save, which never happened."""
    gate = tmp_path / "gate"
    gate.mkdir()
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = Pty(path.parent, path.name, "--idea", "4", JTK_TEST_SAVE_GATE=str(gate))
    pty.answer("4.nykytila", "Tallentuu vaikka painoin Ctrl-C" + ACCEPT_TEXT)
    assert wait_until(lambda: (gate / "saving").exists(), timeout=30)
    pty.child.kill(signal.SIGINT)
    (gate / "go").write_text("")
    pty.expect(f"jtk interview {path.name}")  # the resume line of the normal Ctrl-C ending
    assert pty.exit_code() == 130
    assert "Traceback" not in pty.log.getvalue()
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "Tallentuu vaikka painoin Ctrl-C"
    assert not draft_path(path).exists()
