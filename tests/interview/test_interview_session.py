"""The interview session with a scripted keyboard: saving at once, drafts, stops, lists, the lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jarjestotyokirja.answers import Participant
from jarjestotyokirja.errors import Conflict, InvalidContent, M, NotFound, UsageError
from jarjestotyokirja.interview import session as session_module
from jarjestotyokirja.interview.session import (
    ACCEPT,
    ATTACH,
    BACK,
    HANGUP,
    INTERRUPT,
    JUMP,
    QUIT,
    SKIP,
    Outcome,
    run_interview,
)
from jarjestotyokirja.interview.stopping import Ending
from jarjestotyokirja.store.answers_files import answers_file_for, load_answers
from jarjestotyokirja.store.drafts import draft_path, load_drafts
from jarjestotyokirja.store.locks import locked


class Script:
    """A keyboard that answers each prompt from a list; each step may look at the file first."""

    def __init__(self, steps: list[Any]) -> None:
        self.steps = list(steps)
        self.asked: list[str] = []
        self.prefills: list[tuple[str, str, bool]] = []
        self.messages: list[str] = []
        self.shown: list[str] = []
        self.finished = False

    def _next(self, name: str) -> Outcome:
        self.asked.append(name)
        step = self.steps.pop(0)
        if callable(step):
            step = step()
        return step if isinstance(step, Outcome) else Outcome(ACCEPT, step)

    autosave = None

    def current_text(self) -> str | None:
        return None

    def show_question(self, interview, question, *, draft: bool) -> None:
        self.prefills.append((question.key, *interview.prefill(question)))

    def ask(self, question, prefill: str, *, attach: bool = False, **options: Any) -> Outcome:
        return self._next(question.key)

    def ask_field(self, form_field, prefill: str, *, draft: bool, **options: Any) -> Outcome:
        self.prefills.append((form_field.name, prefill, draft))
        return self._next(form_field.name)

    def show_entries(self, question, entries) -> None:
        pass

    def ask_list_command(self, question, count: int) -> Outcome:
        return self._next(question.key)

    def ask_target(self, interview) -> Outcome:
        return self._next("siirry")

    def message(self, text: str, *, style: str = "") -> None:
        self.messages.append(text)

    def show_text(self, text: str) -> None:
        self.shown.append(text)

    def finish(self, path, answers, workbook) -> None:
        self.finished = True


@pytest.fixture
def path(new_file) -> Path:
    return new_file(pvm="2024-05-31", konsultti="Maija")


@pytest.fixture
def run(path, workbook) -> Callable[..., tuple[int, Script]]:
    def go(*steps: Any, **options: Any) -> tuple[int, Script]:
        script = Script(list(steps))
        code = run_interview(path, workbook, script, today="2024-05-31", **options)
        return code, script

    return go


def stored(path: Path, workbook, item: str, field: str) -> Any:
    return getattr(load_answers(path, workbook).vastaukset[item], field)


def test_every_accepted_answer_is_on_disk_before_the_next_question(run, path, workbook):
    seen = []

    def check_then(text: str) -> Callable[[], str]:
        def step() -> str:
            seen.append(stored(path, workbook, "tilannekuva", "nykytila"))
            return text
        return step

    code, script = run(Outcome(SKIP), "Nykytila: äöå\nkaksi riviä", check_then("Tavoite"), Outcome(QUIT))
    assert code is Ending.QUIT
    assert script.asked == ["arviointi.osallistujat", "tilannekuva.nykytila", "tilannekuva.tavoitetila",
                            "tilannekuva.seuranta"]
    assert seen == ["Nykytila: äöå\nkaksi riviä"]
    assert stored(path, workbook, "tilannekuva", "tavoitetila") == "Tavoite"


def test_ctrl_c_keeps_the_text_as_a_draft_and_the_next_session_offers_it(run, path, workbook):
    code, script = run(Outcome(SKIP), "Hyväksytty", Outcome(INTERRUPT, "Kesken jäänyt\nteksti"))
    assert code is Ending.INTERRUPTED
    assert load_drafts(path) == {"tilannekuva.tavoitetila": "Kesken jäänyt\nteksti"}
    assert stored(path, workbook, "tilannekuva", "tavoitetila") == ""
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Hyväksytty"
    resume = M.RESUME_AT.format(path=path, where="Järjestöyhteistyön tilannekuva, Tavoitetila (tilannekuva.tavoitetila)")
    assert resume in script.messages

    code, script = run("Kesken jäänyt\nteksti valmiiksi", Outcome(QUIT))
    assert script.prefills[0] == ("tilannekuva.tavoitetila", "Kesken jäänyt\nteksti", True)
    assert stored(path, workbook, "tilannekuva", "tavoitetila") == "Kesken jäänyt\nteksti valmiiksi"
    assert not draft_path(path).exists()


def test_quit_with_unchanged_text_leaves_no_draft(run, path):
    code, _ = run(Outcome(SKIP), Outcome(QUIT, ""))
    assert code is Ending.QUIT and not draft_path(path).exists()


def test_leaving_a_question_with_changed_text_keeps_it(run, path, workbook):
    code, script = run(Outcome(SKIP), Outcome(SKIP, "ohitettu mutta kirjoitettu"), Outcome(BACK, ""),
                       Outcome(QUIT, "ohitettu mutta kirjoitettu"))
    assert script.asked[1:] == ["tilannekuva.nykytila", "tilannekuva.tavoitetila", "tilannekuva.nykytila"]
    assert script.prefills[-1] == ("tilannekuva.nykytila", "ohitettu mutta kirjoitettu", True)
    assert load_drafts(path) == {"tilannekuva.nykytila": "ohitettu mutta kirjoitettu"}


def test_a_failed_save_shows_the_text_keeps_a_draft_and_asks_again(run, path, workbook, monkeypatch):
    real = session_module.save_answers
    failures = [InvalidContent(M.WRITE_FAILED.format(reason="No space left on device"), path=str(path))]

    def flaky(*args: Any) -> None:
        if failures:
            raise failures.pop()
        real(*args)

    monkeypatch.setattr(session_module, "save_answers", flaky)
    code, script = run(Outcome(SKIP), "Tärkeä teksti", "Tärkeä teksti", Outcome(QUIT))
    assert script.shown == ["Tärkeä teksti"]
    assert any("No space left on device" in m for m in script.messages)
    assert script.asked[1:3] == ["tilannekuva.nykytila", "tilannekuva.nykytila"]
    assert script.prefills[2] == ("tilannekuva.nykytila", "Tärkeä teksti", True)
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Tärkeä teksti"
    assert not draft_path(path).exists()


def test_level_answers_are_validated_and_saved(run, path, workbook):
    steps = [Outcome(SKIP)] * 3 + ["9", "4", "", Outcome(QUIT)]
    code, script = run(*steps, target="4")
    assert script.asked[3:6] == ["4.taso", "4.taso", "4.tavoitetaso"]
    assert any("1–5" in m for m in script.messages)
    answers = load_answers(path, workbook)
    assert answers.vastaukset["4"].taso == 4 and answers.vastaukset["4"].tavoitetaso is None
    assert not draft_path(path).exists()  # a mistyped level is not text worth keeping


def test_jump_goes_to_the_chosen_idea(run, path):
    code, script = run(Outcome(JUMP), "9", Outcome(QUIT))
    assert script.asked == ["arviointi.osallistujat", "siirry", "9.nykytila"]


def test_cancelled_jump_stays_at_the_question(run):
    code, script = run(Outcome(JUMP), "", Outcome(QUIT))
    assert script.asked == ["arviointi.osallistujat", "siirry", "arviointi.osallistujat"]


def test_participants_and_actions_are_added_and_removed(run, path, workbook):
    code, script = run(
        "u", "Åke Öhman", "sivistysjohtaja", "Helsingin kaupunki", "",  # a participant, then on
        Outcome(JUMP), "toimenpiteet",
        "u", "Nimetään yhdyshenkilö", "pitkä", "5", "Kunnanjohtaja", "2025-01-31", "nimetty", "käynnissä",
        "u", "Toinen", Outcome(SKIP), Outcome(SKIP), Outcome(SKIP), Outcome(SKIP), Outcome(SKIP), Outcome(SKIP),
        "p 2", "",
        Outcome(QUIT),
    )
    answers = load_answers(path, workbook)
    person = answers.arviointi.osallistujat[0]
    assert (person.nimi, person.rooli, person.organisaatio) == ("Åke Öhman", "sivistysjohtaja", "Helsingin kaupunki")
    assert len(answers.toimenpiteet) == 1
    action = answers.toimenpiteet[0]
    assert (action.teksti, action.aikavali, action.idea, action.vastuutaho, action.maaraaika, action.mittari,
            action.tila) == ("Nimetään yhdyshenkilö", "pitkä", "5", "Kunnanjohtaja", "2025-01-31", "nimetty", "käynnissä")
    assert script.asked[-1] == "lopuksi.seuranta"


def test_an_empty_required_field_creates_nothing(run, path, workbook):
    code, script = run("u", "", "", Outcome(QUIT))
    assert load_answers(path, workbook).arviointi.osallistujat == []


def test_attach_prefills_the_idea_and_keeps_the_answer_text(path, workbook):
    script = Script([])
    script.steps = [
        Outcome(ATTACH, "kesken oleva vastaus"), "Avustusperiaatteet julki", "lyhyt",
        lambda: Outcome(ACCEPT, script.prefills[-1][1]),  # accept the idea as prefilled
        Outcome(SKIP), Outcome(SKIP), Outcome(SKIP), Outcome(SKIP),
        lambda: Outcome(ACCEPT, script.prefills[-1][1] + " ja valmis"),
        Outcome(QUIT),
    ]
    run_interview(path, workbook, script, target="4")
    answers = load_answers(path, workbook)
    assert answers.toimenpiteet[0].teksti == "Avustusperiaatteet julki"
    assert answers.toimenpiteet[0].idea == "4"
    assert answers.vastaukset["4"].nykytila == "kesken oleva vastaus ja valmis"
    assert script.asked[0] == script.asked[8] == "4.nykytila"


def test_the_end_shows_the_summary(run, path):
    code, script = run(Outcome(SKIP), Outcome(SKIP), Outcome(SKIP), target="lopuksi")
    assert code is Ending.FINISHED and script.finished


def test_a_second_session_on_the_same_file_is_refused(run, path):
    with locked(path, holder="jtk set"), pytest.raises(Conflict) as error:
        run(Outcome(QUIT))
    assert "(jtk set, pid " in str(error.value)  # the holder is named


def test_unknown_start_target_is_refused_before_anything_is_asked(run):
    with pytest.raises(UsageError) as error:
        run(Outcome(QUIT), target="12")
    assert "Kohdat:" in str(error.value)


def test_answers_file_for_a_municipality_is_created_once(tmp_path, workbook, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path, created = answers_file_for("Pedersören kunta", workbook)
    assert (str(path), created) == ("599-pedersoren-kunta.yaml", True)
    assert answers_file_for("599", workbook) == (path, False)
    assert answers_file_for(str(path), workbook) == (path, False)
    with pytest.raises(NotFound, match="puuttuu.yaml"):
        answers_file_for("puuttuu.yaml", workbook)


# --- what the terminal shows and how it reads choices ---------------------------------------------

def rendered(renderable: Any) -> str:
    from rich.console import Console

    console = Console(record=True, width=100, color_system=None)
    console.print(renderable, crop=False)  # as terminal.py prints the summary
    return console.export_text()


def test_user_text_is_shown_literally(path, workbook):
    from jarjestotyokirja.interview.engine import PARTICIPANTS, Question
    from jarjestotyokirja.interview.screens import entries_table, summary

    answers = load_answers(path, workbook)
    answers.arviointi.osallistujat.append(Participant(nimi="[red]Åke[/red]", rooli="[bold]"))
    text = rendered(entries_table(Question("arviointi.osallistujat", PARTICIPANTS, "arviointi", "Osallistujat"),
                                  answers.arviointi.osallistujat))
    assert "[red]Åke[/red]" in text and "[bold]" in text
    assert f"jtk report {path}" in rendered(summary(path, answers, workbook))


@pytest.mark.parametrize(
    ("typed", "value"),
    [("10", "10"), ("+1", "+1"), ("-", ""), ("", ""), ("Resurssit ja vastuutaho", "5"), ("12", None)],
)
def test_idea_choices_are_typed_as_idea_numbers(workbook, typed, value):
    from jarjestotyokirja.interview.engine import idea_choices
    from jarjestotyokirja.interview.inputs import choice_value

    assert choice_value(idea_choices(workbook), typed) == value


@pytest.mark.parametrize(("typed", "value"), [("2", "keskipitkä"), ("PITKÄ", "pitkä"), ("", None), ("4", None)])
def test_other_choices_are_numbered(typed, value):
    from jarjestotyokirja.answers import HORIZONS
    from jarjestotyokirja.interview.inputs import choice_value

    assert choice_value(tuple(HORIZONS.items()), typed) == value


def _edit_outside(path: Path, workbook, key: str, value: str) -> Callable[[], str | Outcome]:
    """A step that changes the file behind the session's back (a hand edit), then answers."""
    from jarjestotyokirja.store.answers_files import save_answers
    from jarjestotyokirja.store.edit import set_value

    def step(answer: str | Outcome) -> Callable[[], str | Outcome]:
        def edit() -> str | Outcome:
            answers = load_answers(path, workbook)
            set_value(answers, workbook, key, value)
            save_answers(path, answers, workbook)
            return answer
        return edit

    return step


def test_an_outside_edit_to_another_answer_is_merged_not_overwritten(run, path, workbook):
    edit = _edit_outside(path, workbook, "5.nykytila", "Käsin lisätty kesken haastattelun")
    code, script = run(Outcome(SKIP), edit("Haastattelussa"), Outcome(QUIT))
    assert code is Ending.QUIT
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Haastattelussa"
    assert stored(path, workbook, "5", "nykytila") == "Käsin lisätty kesken haastattelun"
    assert M.OUTSIDE_MERGED in script.messages


def test_a_conflicting_outside_edit_is_kept_beside_the_file(run, path, workbook):
    edit = _edit_outside(path, workbook, "tilannekuva.nykytila", "Käsin kirjoitettu")
    code, script = run(Outcome(SKIP), edit("Haastattelussa kirjoitettu"), Outcome(QUIT))
    assert code is Ending.QUIT
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Haastattelussa kirjoitettu"
    backup = path.with_name(f".{path.name}.jtk-ulkoinen")
    assert "Käsin kirjoitettu" in backup.read_text(encoding="utf-8")
    assert any(backup.name in message for message in script.messages)


# --- hang-up and autosave --------------------------------------------------------------------------

def test_a_hangup_keeps_the_open_text_quietly_and_ends_hung_up(run, path, workbook):
    code, script = run(Outcome(SKIP), "Hyväksytty", Outcome(HANGUP, "Yhteys katkesi"))
    assert code is Ending.HUNG_UP
    assert load_drafts(path) == {"tilannekuva.tavoitetila": "Yhteys katkesi"}
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Hyväksytty"
    assert script.messages == []  # nothing is written to a terminal that is gone


def test_a_signal_between_prompts_stops_before_the_next_question(path, workbook):
    """The signal handler only records the signal; the session stops at the next prompt, after saving."""
    script = Script([])
    session_holder: list[Any] = []

    def accept_then_signal() -> str:
        session_holder[0].signals._handler(15, None)  # SIGTERM while the answer is being accepted
        return "Hyväksytty juuri ennen"

    script.steps = [Outcome(SKIP), accept_then_signal]
    from jarjestotyokirja.interview.engine import Interview
    from jarjestotyokirja.interview.session import Session

    answers = load_answers(path, workbook)
    session = Session(path, Interview(workbook, answers, today="2024-05-31"), script)
    session_holder.append(session)
    assert session.run() is Ending.TERMINATED
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Hyväksytty juuri ennen"
    assert script.asked == ["arviointi.osallistujat", "tilannekuva.nykytila"]
    assert any("jtk interview" in message for message in script.messages)  # the terminal is still there


def test_autosave_writes_the_draft_while_typing_and_accepting_removes_it(path, workbook):
    script = Script([])

    def type_then_accept() -> Outcome:
        assert script.autosave is not None
        script.autosave("Puoliksi kirjoitettu")
        assert load_drafts(path) == {"tilannekuva.nykytila": "Puoliksi kirjoitettu"}
        return Outcome(ACCEPT, "Puoliksi kirjoitettu ja valmis")

    script.steps = [Outcome(SKIP), type_then_accept, Outcome(QUIT)]
    assert run_interview(path, workbook, script, today="2024-05-31") is Ending.QUIT
    assert stored(path, workbook, "tilannekuva", "nykytila") == "Puoliksi kirjoitettu ja valmis"
    assert not draft_path(path).exists()


def test_autosave_waits_for_a_pause_but_not_for_hundreds_of_characters():
    import asyncio

    from jarjestotyokirja.interview.autosave import Autosave

    async def scenario() -> list[str]:
        saved: list[str] = []
        text = [""]
        autosave = Autosave(asyncio.get_running_loop(), saved.append, lambda: text[0], idle=0.05, chars=10)
        for letter in "abc":
            text[0] += letter
            autosave.typed()
        assert saved == []  # still typing
        await asyncio.sleep(0.5)
        assert saved == ["abc"]  # after the pause
        text[0] += "x" * 10  # a paste: saved at once
        autosave.typed()
        assert saved == ["abc", "abc" + "x" * 10]
        autosave.stop()
        return saved

    assert asyncio.run(scenario())[-1].endswith("x")


# --- issue 9: friction found in a real terminal ----------------------------------------------------

def test_leaving_a_changed_answer_says_it_stayed_a_draft(run, path, workbook):
    """Fails before this change: the change silently became a draft."""
    code, script = run(Outcome(SKIP), "Tallennettu", Outcome(BACK, ""), Outcome(SKIP, "Tallennettu ja muutettu"),
                       Outcome(QUIT))
    where = "Järjestöyhteistyön tilannekuva, Nykytilan arviointi (tilannekuva.nykytila)"
    assert M.DRAFT_LEFT.format(where=where) in script.messages
    assert load_drafts(path) == {"tilannekuva.nykytila": "Tallennettu ja muutettu"}


def test_a_target_level_below_the_current_is_questioned_once(run, path, workbook):
    """Fails before this change: 4 then 2 was accepted without a word."""
    steps = [Outcome(SKIP)] * 3 + ["4", "2", "2", Outcome(QUIT)]
    code, script = run(*steps, target="4")
    assert script.asked[3:6] == ["4.taso", "4.tavoitetaso", "4.tavoitetaso"]
    assert M.TARGET_BELOW_CURRENT.format(target="2", current="4") in script.messages
    answers = load_answers(path, workbook)
    assert (answers.vastaukset["4"].taso, answers.vastaukset["4"].tavoitetaso) == (4, 2)


def test_a_target_level_at_or_above_the_current_is_not_questioned(run, path, workbook):
    code, script = run(*([Outcome(SKIP)] * 3 + ["2", "4", Outcome(QUIT)]), target="4")
    assert not any("alempi" in message for message in script.messages)
    assert load_answers(path, workbook).vastaukset["4"].tavoitetaso == 4


@pytest.mark.parametrize(("typed", "value"), [("keski", "keskipitkä"), ("PI", "pitkä"), ("k", "keskipitkä"),
                                              ("x", None)])
def test_a_choice_may_be_typed_by_its_start(typed, value):
    """Fails before this change: only the whole value, label or number was accepted."""
    from jarjestotyokirja.answers import HORIZONS
    from jarjestotyokirja.interview.inputs import choice_value

    assert choice_value(tuple(HORIZONS.items()), typed) == value


def test_an_ambiguous_start_is_no_choice():
    from jarjestotyokirja.answers import STATUSES
    from jarjestotyokirja.interview.inputs import choice_value

    assert choice_value((("suunniteltu", "suunniteltu"), ("suljettu", "suljettu")), "su") is None
    assert choice_value(tuple(STATUSES.items()), "v") == "valmis"


@pytest.mark.parametrize(("typed", "problem"), [
    ("31.02.2027", M.DATE_DAY.format(text="31.02.2027", month="helmikuussa", day=31)),
    ("2027-04-31", M.DATE_DAY.format(text="2027-04-31", month="huhtikuussa", day=31)),
    ("1.13.2025", M.DATE_MONTH.format(text="1.13.2025", month=13)),
    ("huomenna", M.DATE_NOT_A_DATE.format(text="huomenna")),
    ("29.2.2028", None),
])
def test_an_impossible_date_says_the_day_does_not_exist(typed, problem):
    """Fails before this change: 31.02.2027 got the format message although the format was right."""
    from jarjestotyokirja.interview.inputs import date_problem_of

    assert date_problem_of(typed) == problem


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_key_bar_fits_every_width_and_keeps_every_key(width):
    """Fails before this change: two fixed lines, cut at 60 columns (``Ctrl-T toi``)."""
    from jarjestotyokirja.interview import keys

    items = [keys.ACCEPT_TEXT, keys.NEW_LINE, keys.EDITOR, keys.SKIP, keys.BACK, keys.JUMP, keys.ATTACH,
             keys.DISCARD, keys.QUIT, keys.INTERRUPT]
    bar = keys.key_bar("Nykytaso · idea 4/10 · 4.taso", items, width)
    lines = bar.split("\n")
    assert all(keys.visible_length(line) < width for line in lines)
    assert "4.taso" in lines[0]
    text = keys._TAG.sub("", bar)
    for key in ("Ctrl-S", "Ctrl-E", "Ctrl-N", "Ctrl-P", "Ctrl-G", "Ctrl-T", "Ctrl-R", "Ctrl-Q", "Ctrl-C"):
        assert key in text
    assert "Ctrl-T toimenpide" in text or "Ctrl-T lisää toimenpide tähän ideaan" in text


def test_the_extra_idea_is_shown_as_plus_one_and_progress_counts_questions(path, workbook):
    from jarjestotyokirja.interview.engine import Interview
    from jarjestotyokirja.interview.screens import idea_place, stop_panel

    interview = Interview(workbook, load_answers(path, workbook))
    assert idea_place(interview, interview.jump("+1")) == "idea +1"
    assert idea_place(interview, interview.jump("4")) == "idea 4/10"
    text = rendered(stop_panel(interview, interview.jump("4")))
    assert "kysymykseen" in text and "kenttää" not in text
