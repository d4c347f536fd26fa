"""The terminal views in the UI language (issue 13): jtk workbook/show/status/kunnat/diff, the interview's
key bar, screens and forms, and the choice of the bundled workbook by language.

Before this change they were Finnish under every JTK_KIELI: the sv and en cases fail on it. The
expected texts are the catalogue's (``texts(language).NAME``), so a reworded translation keeps them true.
"""

from __future__ import annotations

import re
import shutil

import pytest
from pty_helpers import Pty

from jarjestotyokirja import messages
from jarjestotyokirja.interview import keys
from jarjestotyokirja.messages import texts
from jarjestotyokirja.register import find_municipality
from jarjestotyokirja.workbook import load_workbook

ALL_KEYS = [value for name, value in vars(keys).items() if name.isupper() and isinstance(value, tuple)]


def plain(markup: str) -> str:
    return markup.replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [40, 60, 100, 101, 160])
def test_the_key_bar_is_in_the_ui_language_and_fits_every_width(language, width):
    messages.use(language)
    bar = keys.key_bar("4.nykytila", ALL_KEYS, width)
    for line in bar.splitlines():
        assert keys.visible_length(line) < width, line
    names = [long for long, _ in ALL_KEYS] if width - 1 >= keys.WIDE else [short for _, short in ALL_KEYS]
    for name in names:
        assert getattr(texts(language), name) in bar
    if language != "fi":
        assert "lopeta" not in bar and "hyväksy" not in bar


@pytest.mark.parametrize("language", ["sv", "en"])
def test_status_show_and_kunnat_headings_are_in_the_ui_language(cli, new_file, monkeypatch, language):
    own, finnish = texts(language), texts("fi")
    path = new_file()
    assert cli("action", "add", path, "Nimetään yhdyshenkilö", "-a", "lyhyt", "-i", "5").exit_code == 0
    monkeypatch.setenv("JTK_KIELI", language)
    monkeypatch.setenv("COLUMNS", "240")  # wide enough that no heading is wrapped
    other = new_file("Porvoo")
    status = cli("status", path, other)
    assert status.exit_code == 0, status.stderr
    assert own.VIEW_COMPLETION in status.stdout and finnish.VIEW_COMPLETION not in status.stdout
    assert own.PHASE_SHORT.format(number=1) in status.stdout
    detail = cli("status", path)
    assert detail.exit_code == 0, detail.stderr
    for name in ("COLUMN_ITEM", "COLUMN_TITLE", "COLUMN_ANSWERED", "COLUMN_TARGET"):
        assert getattr(own, name) in detail.stdout and getattr(finnish, name) not in detail.stdout
    shown = cli("show", path)
    assert shown.exit_code == 0, shown.stderr
    for name in ("VIEW_ACTIONS", "COLUMN_HORIZON", "HORIZON_SHORT", "STATUS_PLANNED", "VIEW_UNANSWERED"):
        assert getattr(own, name) in shown.stdout and getattr(finnish, name) not in shown.stdout
    porvoo = cli("show", other)
    assert porvoo.exit_code == 0, porvoo.stderr
    if language == "sv":  # the municipality by its Swedish name, as the register has it
        assert "Borgå (638) · Östra Nylands välfärdsområde" in porvoo.stdout
        assert "Borgå" in status.stdout and "Porvoo" not in status.stdout.replace("638-porvoo", "")
    listed = cli("kunnat", "porvoo")
    assert listed.exit_code == 0, listed.stderr
    assert own.COLUMN_COUNTY in listed.stdout and finnish.COLUMN_COUNTY not in listed.stdout


@pytest.mark.parametrize("language", ["sv", "en"])
def test_jtk_workbook_shows_the_workbook_of_the_ui_language(cli, monkeypatch, language):
    monkeypatch.setenv("JTK_KIELI", language)
    monkeypatch.setenv("COLUMNS", "240")
    result = cli("workbook")
    assert result.exit_code == 0, result.stderr
    assert load_workbook(language=language).title in result.stdout
    assert load_workbook(language="fi").title not in result.stdout
    assert texts(language).VIEW_FIELDS_OF_EVERY_IDEA in result.stdout
    assert texts(language).PHASE_TITLE.split("{")[0] in result.stdout


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_interview_screens_and_keys_are_in_the_ui_language(tmp_path, language):
    own, finnish = texts(language), texts("fi")
    pty = Pty(tmp_path, "Helsinki", JTK_KIELI=language)
    pty.expect("arviointi.pvm")
    pty.expect(plain(own.KEY_QUIT).split(" ", 1)[1])  # the bar is drawn
    screen = "\n".join(pty.screen())
    name = find_municipality("Helsinki").name_in(language)  # Helsingfors in Swedish
    assert own.SCREEN_ASSESSMENT_TITLE.format(municipality=name) in screen
    assert own.SCREEN_PROGRESS.split("{")[0] in screen or own.SCREEN_PROGRESS.split("}")[-1].split("(")[0] in screen
    assert plain(own.KEY_ACCEPT_LINE) in screen
    assert own.ASK_DATE in screen
    for word in (finnish.ASK_DATE, "Arviointi", "kysymykseen", "lopeta", "hyväksy"):
        assert word not in screen
    pty.child.send("\x11")  # Ctrl-Q
    assert pty.exit_code() == 0


def test_the_swedish_interview_names_the_municipality_in_swedish(tmp_path):
    """``JTK_KIELI=sv jtk interview Borgå``: the screen says Borgå, Nyland and Östra Nylands
    välfärdsområde (the answers file keeps Porvoo). Fails before this change: Porvoo · Bedömning."""
    pty = Pty(tmp_path, "Borgå", JTK_KIELI="sv")
    pty.expect("arviointi.pvm")
    pty.expect(plain(texts("sv").KEY_QUIT).split(" ", 1)[1])
    screen = "\n".join(pty.screen())
    assert texts("sv").SCREEN_ASSESSMENT_TITLE.format(municipality="Borgå") in screen
    assert "Borgå (638), Nyland, Östra Nylands välfärdsområde" in screen
    assert "Porvoo" not in screen.replace("638-porvoo.yaml", "")
    pty.child.send("\x11")
    assert pty.exit_code() == 0


@pytest.mark.parametrize("language", ["sv", "en"])
def test_jtk_diff_is_in_the_ui_language_and_leaves_the_answers_as_typed(cli, new_file, tmp_path, monkeypatch, language):
    own, finnish = texts(language), texts("fi")
    old = new_file()
    new = tmp_path / "uusi.yaml"
    shutil.copy(old, new)
    assert cli("set", new, "4.nykytila", "Idea").exit_code == 0  # a user's text that is also a label
    assert cli("action", "add", new, "Idea", "-a", "pitkä", "-i", "5", "-t", "käynnissä").exit_code == 0
    monkeypatch.setenv("JTK_KIELI", language)
    monkeypatch.setenv("COLUMNS", "240")
    result = cli("diff", old, new)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert own.DIFF_TITLE.split(":")[0] in out and finnish.DIFF_TITLE.split(":")[0] not in out
    assert f"{own.DIFF_ADDED}: Idea" in out  # the action's own text stays as typed
    assert own.HORIZON_LONG in out and finnish.HORIZON_LONG not in out
    assert own.STATUS_ONGOING in out
    assert "{+Idea+}" in out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_interview_forms_are_translated_but_store_the_finnish_values(workbook, language):
    from jarjestotyokirja.interview.engine import ACTIONS, build_questions, form_fields
    from jarjestotyokirja.interview.inputs import choice_value

    own, finnish = texts(language), texts("fi")
    messages.use(language)
    labels = {q.key: q.label for q in build_questions(workbook)}
    assert labels["arviointi.konsultti"] == own.ASK_CONSULTANT != finnish.ASK_CONSULTANT
    fields = {f.name: f for f in form_fields(ACTIONS, workbook)}
    assert fields["tila"].label == own.COLUMN_STATUS
    done = own.STATUS_DONE
    assert (("valmis", done) in fields["tila"].choices) and done != finnish.STATUS_DONE
    assert choice_value(fields["tila"].choices, done) == "valmis"  # the translated label picks the stored value
    assert choice_value(fields["tila"].choices, "valmis") == "valmis"


def test_english_lines_write_english_numbers_dates_and_quotation_marks(cli, new_file, tmp_path, monkeypatch):
    """Found trying jtk in English: 'Done: 3/3 files, 12 reports (5,1 s)', '0 %' in jtk status, the
    allowed values in ”…” beside the wrong one in “…”. Fails before this change."""
    files = [new_file("Helsinki"), new_file("Tampere")]
    monkeypatch.setenv("JTK_KIELI", "en")
    batch = cli("report", *files, "-f", "md", "-o", tmp_path / "out")
    assert batch.exit_code == 0, batch.stderr
    assert re.search(r"\(\d+\.\d s\)", batch.stderr), batch.stderr
    status = cli("status", *files).stdout
    assert "0%" in status and "0 %" not in status
    assert cli("action", "add", files[0], "Nimetään yhdyshenkilö").exit_code == 0
    wrong = cli("action", "set", files[0], "1", "--tila", "done")
    assert wrong.exit_code != 0
    assert "“suunniteltu”" in wrong.stderr and "”suunniteltu”" not in wrong.stderr, wrong.stderr
    monkeypatch.setenv("JTK_KIELI", "fi")
    assert "”suunniteltu”" in cli("action", "set", files[0], "1", "--tila", "done").stderr
