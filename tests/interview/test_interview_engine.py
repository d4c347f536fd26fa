"""The interview engine without a terminal: order, resume point, navigation, applying answers."""

from __future__ import annotations

import pytest

from jarjestotyokirja.errors import InvalidContent, M, NotFound, UsageError
from jarjestotyokirja.interview.engine import (
    ACTIONS,
    DATE,
    LEVEL,
    PARTICIPANTS,
    PRACTICES,
    TEXT,
    Interview,
    apply_entry_field,
    build_questions,
    entry_value,
    form_fields,
    remove_entry,
)
from jarjestotyokirja.store.answers_files import load_answers


@pytest.fixture
def answers(new_file, workbook):
    return load_answers(new_file(), workbook)


def make(workbook, answers, **options) -> Interview:
    return Interview(workbook, answers, today="2024-05-31", **options)


def answer_all_before(interview: Interview, key: str) -> None:
    """Answer every question before ``key`` as a user would, in order."""
    question = interview.start()
    while question.key != key:
        if question.kind == PARTICIPANTS:
            apply_entry_field(interview.answers, interview.workbook, PARTICIPANTS, None, "nimi", "Anna")
        elif question.kind not in (PRACTICES, ACTIONS):
            interview.accept(question, "3" if question.kind == LEVEL else
                             "2024-05-31" if question.kind == DATE else f"vastaus {question.key}")
        question = interview.next()


def test_questions_follow_the_workbook(workbook):
    keys = [q.key for q in build_questions(workbook)]
    assert keys[:3] == ["arviointi.pvm", "arviointi.konsultti", "arviointi.osallistujat"]
    assert keys[3:9] == [f"{s}.{f}" for s in ("tilannekuva", "toimintaedellytykset")
                         for f in ("nykytila", "tavoitetila", "seuranta")]
    ideas = [k.partition(".")[0] for k in keys[9:-4]]
    assert list(dict.fromkeys(ideas)) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "+1"]
    assert keys[9:14] == ["1.nykytila", "1.tavoitetila", "1.seuranta", "1.taso", "1.tavoitetaso"]
    assert keys[-4:] == ["hyvat_kaytannot", "lopuksi.yhteenveto", "toimenpiteet", "lopuksi.seuranta"]
    assert len(keys) == 3 + 2 * 3 + 11 * 5 + 4


def test_new_file_starts_with_the_date_suggested_not_typed_in(workbook, answers):
    """Fails before this change: today was typed into the field, so a typed date was appended to it."""
    interview = make(workbook, answers)
    question = interview.start()
    assert question.key == "arviointi.pvm" and question.kind == DATE
    assert interview.prefill(question) == ("", False)
    assert interview.suggestion(question) == "2024-05-31"
    interview.accept(question, "2024-06-01")
    assert interview.suggestion(question) == ""


def test_resume_at_first_unanswered_question(workbook, answers):
    interview = make(workbook, answers)
    answer_all_before(interview, "4.tavoitetila")
    resumed = make(workbook, answers)
    assert resumed.start().key == "4.tavoitetila"


def test_revisit_all_starts_from_the_beginning_and_shows_answered(workbook, answers):
    interview = make(workbook, answers)
    answer_all_before(interview, "2.nykytila")
    again = make(workbook, answers, revisit_all=True)
    assert again.start().key == "arviointi.pvm"
    assert again.prefill(again.current) == ("2024-05-31", False)
    assert again.next().key == "arviointi.konsultti"


def test_next_skips_answered_questions(workbook, answers):
    answers.answer("tilannekuva").tavoitetila = "jo vastattu"
    answers.arviointi.konsultti = "Konsultti"
    interview = make(workbook, answers)
    assert interview.start().key == "arviointi.pvm"
    assert interview.next().key == "arviointi.osallistujat"
    assert interview.next().key == "tilannekuva.nykytila"
    assert interview.next().key == "tilannekuva.seuranta"


def test_jump_shows_every_question_of_the_item_then_only_unanswered(workbook, answers):
    answers.answer("4").nykytila = "a"
    answers.answer("4").tavoitetila = "b"
    answers.answer("5").nykytila = "c"
    interview = make(workbook, answers)
    interview.start()
    assert interview.jump("4").key == "4.nykytila"
    assert interview.prefill(interview.current) == ("a", False)
    assert interview.next().key == "4.tavoitetila"  # answered, but the user jumped to idea 4
    assert interview.next().key == "4.seuranta"
    assert interview.next().key == "4.taso"
    assert interview.next().key == "4.tavoitetaso"
    assert interview.next().key == "5.tavoitetila"  # 5.nykytila is answered and not in focus


def test_back_returns_to_the_question_shown_before(workbook, answers):
    interview = make(workbook, answers)
    interview.start()
    interview.jump("7")
    interview.next()
    assert interview.back().key == "7.nykytila"
    assert interview.back().key == "arviointi.pvm"  # where the jump came from
    assert interview.back().key == "arviointi.pvm"  # nothing before the first question


def test_back_without_history_goes_to_the_previous_question_in_order(workbook, answers):
    interview = make(workbook, answers)
    interview.start("+1")
    interview.history.clear()
    assert interview.back().key == "10.tavoitetaso"


def test_next_after_the_last_question_finishes(workbook, answers):
    interview = make(workbook, answers)
    interview.start("lopuksi")
    keys = [interview.current.key]
    while (question := interview.next()) is not None:
        keys.append(question.key)
    assert keys == ["lopuksi.yhteenveto", "toimenpiteet", "lopuksi.seuranta"]
    assert interview.finished
    assert interview.back().key == "lopuksi.seuranta"


@pytest.mark.parametrize(
    ("target", "stop"),
    [("4", "4"), ("idea 4", "4"), ("+1", "+1"), ("Idea +1", "+1"), ("tilannekuva", "tilannekuva"),
     ("Lopuksi", "lopuksi"), ("hyvät käytännöt", "hyvat"), ("toimenpiteet", "toimenpiteet"),
     ("arviointi", "arviointi"), ("Resurssit ja vastuutaho", "5")],
)
def test_jump_targets(workbook, answers, target, stop):
    interview = make(workbook, answers)
    assert interview.resolve(target) == stop
    assert interview.jump(target).stop == stop


def test_unknown_jump_target_lists_the_targets(workbook, answers):
    interview = make(workbook, answers)
    with pytest.raises(UsageError) as error:
        interview.resolve("tilanekuva")
    problem = error.value.problems[0]
    assert problem.code == M.NO_SUCH_STOP.code
    assert "”tilanekuva”" in problem.message and problem.hint == M.DID_YOU_MEAN.format(suggestions="tilannekuva")
    assert "+1" in problem.message and "lopuksi" in problem.message


def test_accept_normalises_text_and_clears_the_draft(workbook, answers):
    interview = make(workbook, answers, drafts={"4.nykytila": "luonnos"})
    question = interview.jump("4")
    assert interview.prefill(question) == ("luonnos", True)
    interview.accept(question, "Rivi yksi\r\nrivi kaksi  \n")
    assert answers.vastaukset["4"].nykytila == "Rivi yksi\nrivi kaksi"
    assert interview.drafts == {}
    assert interview.prefill(question) == ("Rivi yksi\nrivi kaksi", False)


def test_accept_of_a_bad_level_or_date_changes_nothing(workbook, answers):
    interview = make(workbook, answers)
    level = next(q for q in interview.questions if q.key == "4.taso")
    with pytest.raises(InvalidContent, match="1–5"):
        interview.accept(level, "7")
    assert answers.vastaukset["4"].taso is None
    interview.accept(level, "4")
    assert answers.vastaukset["4"].taso == 4
    interview.accept(level, "")
    assert answers.vastaukset["4"].taso is None
    date = interview.questions[0]
    with pytest.raises(InvalidContent, match="helmikuussa ei ole 31") as error:
        interview.accept(date, "31.2.2024")
    assert error.value.code == M.DATE_DAY.code
    assert answers.arviointi.pvm == ""
    interview.accept(date, "31.5.2024")  # the Finnish form is stored as VVVV-KK-PP (issue 10)
    assert answers.arviointi.pvm == "2024-05-31"


def test_a_draft_decides_where_the_session_resumes(workbook, answers):
    interview = make(workbook, answers, drafts={"6.seuranta": "kesken"})
    question = interview.start()
    assert question.key == "6.seuranta"
    assert interview.prefill(question) == ("kesken", True)


def test_revisit_all_starts_at_the_beginning_even_with_a_draft(workbook, answers):
    interview = make(workbook, answers, revisit_all=True, drafts={"6.seuranta": "kesken"})
    assert interview.start().key == "arviointi.pvm"
    interview.jump("6")
    interview.next()
    seuranta = interview.next()
    assert seuranta.key == "6.seuranta"
    assert interview.prefill(seuranta) == ("kesken", True)


def test_a_form_draft_resumes_at_its_list(workbook, answers):
    interview = make(workbook, answers, drafts={"toimenpiteet.uusi.teksti": "kesken"})
    assert interview.start().key == "toimenpiteet"


def test_keep_draft_keeps_only_changed_text(workbook, answers):
    interview = make(workbook, answers)
    assert interview.keep_draft("4.nykytila", "uusi teksti", "") is True
    assert interview.keep_draft("4.nykytila", "uusi teksti", "") is False  # unchanged: no rewrite
    assert interview.drafts == {"4.nykytila": "uusi teksti"}
    assert interview.keep_draft("4.nykytila", "tallennettu\n", "tallennettu") is True
    assert interview.drafts == {}
    assert interview.keep_draft("4.nykytila", "   ", "vanha") is False  # nothing typed to keep


def test_idea_position_counts_ideas_and_sections_apart(workbook, answers):
    interview = make(workbook, answers)
    assert interview.idea_position(interview.jump("4")) == (4, 11)
    assert interview.idea_position(interview.jump("+1")) == (11, 11)
    assert interview.idea_position(interview.jump("toimintaedellytykset")) == (2, 2)
    assert interview.idea_position(interview.jump("lopuksi")) is None


def test_participants_are_created_updated_and_removed(workbook, answers):
    number = apply_entry_field(answers, workbook, PARTICIPANTS, None, "nimi", "Åke Öhman")
    assert number == 1
    apply_entry_field(answers, workbook, PARTICIPANTS, 1, "rooli", "sivistysjohtaja")
    assert entry_value(answers, PARTICIPANTS, 1, "rooli") == "sivistysjohtaja"
    assert entry_value(answers, PARTICIPANTS, None, "rooli") == ""
    remove_entry(answers, PARTICIPANTS, 1)
    assert answers.arviointi.osallistujat == []
    with pytest.raises(NotFound):
        remove_entry(answers, PARTICIPANTS, 1)


def test_good_practice_idea_must_exist(workbook, answers):
    apply_entry_field(answers, workbook, PRACTICES, None, "otsikko", "Järjestöinfo")
    with pytest.raises(InvalidContent) as error:
        apply_entry_field(answers, workbook, PRACTICES, 1, "idea", "12")
    assert error.value.code == M.UNKNOWN_IDEA.code and "”12”" in str(error.value)
    apply_entry_field(answers, workbook, PRACTICES, 1, "idea", "+1")
    assert answers.hyvat_kaytannot[0].idea == "+1"


def test_actions_go_through_the_action_functions(workbook, answers):
    number = apply_entry_field(answers, workbook, ACTIONS, None, "teksti", "Nimetään yhdyshenkilö")
    apply_entry_field(answers, workbook, ACTIONS, number, "aikavali", "pitkä")
    apply_entry_field(answers, workbook, ACTIONS, number, "idea", "5")
    with pytest.raises(InvalidContent, match="VVVV-KK-PP"):
        apply_entry_field(answers, workbook, ACTIONS, number, "maaraaika", "huomenna")
    action = answers.toimenpiteet[0]
    assert (action.teksti, action.aikavali, action.idea, action.maaraaika) == ("Nimetään yhdyshenkilö", "pitkä", "5", "")
    remove_entry(answers, ACTIONS, 1)
    assert answers.toimenpiteet == []


def test_form_fields_start_with_the_required_one(workbook):
    for kind in (PARTICIPANTS, PRACTICES, ACTIONS):
        fields = form_fields(kind, workbook)
        assert fields[0].required and not any(f.required for f in fields[1:])
    actions = {f.name: f for f in form_fields(ACTIONS, workbook)}
    assert actions["teksti"].kind == TEXT
    assert [v for v, _ in actions["aikavali"].choices] == ["lyhyt", "keskipitkä", "pitkä"]
    assert [v for v, _ in actions["idea"].choices][:2] == ["", "1"]


# --- issue 9: friction found in a real terminal ----------------------------------------------------

def test_the_actions_list_is_shown_after_the_summary_even_with_an_action_added_earlier(workbook, answers):
    """Fails before this change: an action added with Ctrl-T made the walk skip the list."""
    from jarjestotyokirja.store.edit import add_action

    interview = make(workbook, answers)
    add_action(answers, workbook, teksti="Lisätty idean kohdalla", idea="4")
    question = interview.jump("lopuksi")
    assert question.key == "lopuksi.yhteenveto"
    interview.accept(question, "Yhteenveto")
    assert interview.next().key == "toimenpiteet"
    assert interview.next().key == "lopuksi.seuranta"
    assert interview.back().key == "toimenpiteet"  # Ctrl-P reaches it too


def test_a_mistyped_jump_target_gets_a_suggestion(workbook, answers):
    interview = make(workbook, answers)
    assert interview.suggest("ide4") == ["4"]
    assert "tilannekuva" in interview.suggest("tilannekva")
    assert interview.suggest("xyz") == []


def test_level_questions_ask_at_which_level(workbook):
    questions = {q.key: q for q in build_questions(workbook)}
    assert questions["4.taso"].help.startswith("Millä tasolla kunta on nyt?")
    assert questions["4.tavoitetaso"].help.startswith("Mille tasolle kunta pyrkii?")
