"""The installed ``jtk interview`` in a real pseudo-terminal (pexpect), typed at as a user would.

Each test waits for a question's heading (``tilannekuva.nykytila``) and then for the prompt's key
help in the bottom toolbar before typing, so no sleeps are needed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pty_helpers import ACCEPT_TEXT, CTRL, ESC_ENTER, JTK, PASTE_END, PASTE_START, Pty, environment, pexpect

from jarjestotyokirja.errors import M
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.store.drafts import draft_path, load_drafts, save_drafts

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")]

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def test_interview_fills_revises_jumps_and_keeps_the_text_on_ctrl_c(folder, workbook):
    pty = Pty(folder, "Helsinki")
    pty.answer("arviointi.pvm", "\r")  # today, prefilled
    pty.answer("arviointi.konsultti", "Maija Meikäläinen\r")
    pty.answer("arviointi.osallistujat", "u\r")
    pty.answer("Nimi", "Åke Öhman\r")
    pty.answer("Rooli", "sivistysjohtaja\r")
    pty.answer("Organisaatio", "\r")
    pty.answer("arviointi.osallistujat", "\r")
    pasted = "Liitetty ensimmäinen rivi: äöå ÄÖÅ\nToinen rivi\n\nUusi kappale"
    pty.answer("tilannekuva.nykytila", PASTE_START + pasted + PASTE_END + ACCEPT_TEXT)
    pty.answer("tilannekuva.tavoitetila", "Kirjoitettu rivi\rja toinen" + ESC_ENTER)
    pty.answer("tilannekuva.seuranta", CTRL["n"])  # skip
    pty.answer("toimintaedellytykset.nykytila", CTRL["p"])  # back to the skipped one
    pty.answer("tilannekuva.seuranta", CTRL["p"])  # and back again, to a saved answer
    pty.answer("tilannekuva.tavoitetila", " (korjattu)" + ACCEPT_TEXT)  # the cursor is at the end
    pty.answer("tilannekuva.seuranta", CTRL["g"])
    pty.answer("Siirry kohtaan", "+1\r")
    pty.answer("+1.nykytila", "Yhteistyötä naapurikuntien kanssa\rkesken")
    pty.child.send(CTRL["c"])
    pty.expect("jtk interview 091-helsinki.yaml")
    assert pty.exit_code() == 130

    path = folder / "091-helsinki.yaml"
    answers = load_answers(path, workbook)
    assert answers.arviointi.konsultti == "Maija Meikäläinen"
    assert [p.nimi for p in answers.arviointi.osallistujat] == ["Åke Öhman"]
    assert answers.vastaukset["tilannekuva"].nykytila == pasted
    assert answers.vastaukset["tilannekuva"].tavoitetila == "Kirjoitettu rivi\nja toinen (korjattu)"
    assert answers.vastaukset["tilannekuva"].seuranta == ""
    assert answers.vastaukset["+1"].nykytila == ""
    assert load_drafts(path) == {"+1.nykytila": "Yhteistyötä naapurikuntien kanssa\nkesken"}


def test_resume_offers_the_draft_and_finishes_with_actions(new_file, workbook):
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    with load_answers_for_edit(path, workbook) as answers:
        for item in workbook.items:
            for field in item.fields:
                setattr(answers.answer(item.key), field.id, "vastattu")
        answers.arviointi.osallistujat.append(participant("Anna"))
        answers.answer("+1").nykytila = ""
    save_drafts(path, {"+1.nykytila": "Luonnos edelliseltä kerralta"})

    pty = Pty(path.parent, path.name)
    pty.expect("+1.nykytila")
    pty.expect("luonnos palautettu")
    pty.expect("lopeta")
    pty.child.send(" ja lisää" + ACCEPT_TEXT)
    pty.answer("+1.taso", "3\r")
    pty.answer("+1.tavoitetaso", "9\r")
    pty.expect(M.WRONG_INPUT.format(typed="9", problem=M.LEVEL_EXPECTED))
    pty.child.send("5\r")  # the wrong 9 was cleared: no backspace needed
    pty.answer("hyvat_kaytannot", "\r")
    pty.answer("lopuksi.yhteenveto", "Tavoitteena on sovittu yhteistyö." + ACCEPT_TEXT)
    pty.answer("toimenpiteet", "u\r")
    pty.answer("Toimenpide", "Nimetään järjestöyhdyshenkilö" + ACCEPT_TEXT)
    pty.answer("Aikaväli (Enter: lyhyt) ›", "keski\r")  # the start of a choice is enough
    pty.answer("Liittyy ideaan ›", "5\r")
    pty.answer("Vastuutaho ›", "Kunnanjohtaja\r")
    pty.answer("Määräaika", "31.13.2025\r")  # no 13th month: refused on the spot, and cleared
    pty.expect(M.DATE_MONTH.format(text="31.13.2025", month=13))
    pty.child.send("31.1.2025\r")  # the Finnish way is stored as 2025-01-31
    pty.answer("Mittari ›", "Nimetty\r")
    pty.answer("Tila (Enter: suunniteltu) ›", "2\r")
    pty.answer("toimenpiteet", "\r")
    pty.answer("lopuksi.seuranta", "Kerran vuodessa." + ACCEPT_TEXT)
    pty.expect(f"jtk report {path.name}")
    assert pty.exit_code() == 0

    answers = load_answers(path, workbook)
    assert answers.vastaukset["+1"].nykytila == "Luonnos edelliseltä kerralta ja lisää"
    assert (answers.vastaukset["+1"].taso, answers.vastaukset["+1"].tavoitetaso) == (3, 5)
    action = answers.toimenpiteet[0]
    assert (action.teksti, action.aikavali, action.idea, action.maaraaika, action.tila) == (
        "Nimetään järjestöyhdyshenkilö", "keskipitkä", "5", "2025-01-31", "käynnissä")
    assert answers.lopuksi.seuranta == "Kerran vuodessa."
    assert not draft_path(path).exists()


def test_a_killed_session_leaves_a_valid_file(new_file, workbook):
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    pty = Pty(path.parent, path.name, "--idea", "7")
    pty.answer("7.nykytila", "Ennen tappoa" + ACCEPT_TEXT)
    pty.at("7.tavoitetila")
    pty.child.kill(signal.SIGKILL)
    pty.child.expect(pexpect.EOF)
    assert load_answers(path, workbook).vastaukset["7"].nykytila == "Ennen tappoa"
    pty2 = Pty(path.parent, path.name)  # the dead process's lock does not block the next session
    pty2.answer("arviointi.osallistujat", CTRL["q"])
    assert pty2.exit_code() == 0


def test_ctrl_d_on_an_empty_prompt_quits_and_editor_key_opens_editor(new_file, workbook, tmp_path):
    path = new_file(pvm="2024-05-31", konsultti="Maija")
    editor = tmp_path / "editori.sh"
    editor.write_text('#!/bin/sh\nprintf "Editorissa kirjoitettu\\ntoinen rivi\\n" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    pty = Pty(path.parent, path.name, "--idea", "2", EDITOR=str(editor))
    pty.answer("2.nykytila", "Alku\r" + CTRL["e"])
    pty.expect("toinen rivi")
    pty.child.send(ACCEPT_TEXT)
    pty.answer("2.tavoitetila", CTRL["d"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).vastaukset["2"].nykytila == "Alku\nEditorissa kirjoitettu\ntoinen rivi"


def test_a_second_interview_on_the_same_file_is_refused(new_file):
    path = new_file()
    first = Pty(path.parent, path.name)
    first.at("arviointi.pvm")
    second = Pty(path.parent, path.name)
    second.expect(f"Tiedostoa haastatellaan (jtk interview, pid {first.child.pid}, klo ")
    assert second.exit_code() == 1
    first.child.send(CTRL["q"])
    assert first.exit_code() == 0


def test_without_a_terminal_the_interview_refuses_and_names_the_other_commands(new_file):
    path = new_file()
    result = subprocess.run([JTK, "interview", str(path)], stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, env=environment(), timeout=30)
    assert result.returncode == 2
    assert M.NOT_A_TERMINAL in result.stderr
    assert "jtk set" in result.stderr and "jtk import" in result.stderr


def test_a_non_utf8_terminal_is_refused(new_file):
    path = new_file()
    pty = Pty(path.parent, path.name, encoding="latin-1", PYTHONIOENCODING="latin-1")
    pty.expect("Päätteen merkistö on iso8859-1, ei UTF-8")  # written in the terminal's own encoding
    assert pty.exit_code() == 2


def test_the_first_question_appears_and_quits_cleanly(new_file):
    """Only a hang detector (the speed target is in benchmarks/bench_interview.py)."""
    path = new_file()
    pty = Pty(path.parent, path.name)
    pty.at("arviointi.pvm")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0


# --- helpers ------------------------------------------------------------------------------------

def participant(name: str):  # type: ignore[no-untyped-def]
    from jarjestotyokirja.answers import Participant

    return Participant(nimi=name)


def load_answers_for_edit(path: Path, workbook):  # type: ignore[no-untyped-def]
    from jarjestotyokirja.store.answers_files import edit_answers

    return edit_answers(path, workbook)


def test_a_list_prompt_shows_no_placeholder_of_an_earlier_question(tmp_path):
    """The date question suggests today's date as a grey placeholder; the participants' list prompt
    after it showed '2026-12-02 (Enter)' too, as if Enter would enter a date (prompt_toolkit keeps
    the previous placeholder when given None). Fails before this change."""
    pty = Pty(tmp_path, "Helsinki")
    pty.at("arviointi.pvm")
    pty.child.send("\r")  # today's date
    pty.answer("arviointi.konsultti", "Anna\r")
    pty.at("arviointi.osallistujat")  # the list's prompt line and key bar are drawn
    prompt = [line for line in pty.screen() if line.startswith(M.LIST_PROMPT.strip())]
    assert prompt and all("(Enter)" not in line for line in prompt), prompt
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
