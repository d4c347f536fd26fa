"""The terminal views in the UI language (issue 13): jtk workbook/show/status/kunnat, the interview's key
bar and screens, and the choice of the bundled workbook by language.

Before this change they were Finnish under every JTK_KIELI: the sv and en cases fail on it.
"""

from __future__ import annotations

import shutil

import pytest
from pty_helpers import Pty

from jarjestotyokirja import resources
from jarjestotyokirja.interview import keys
from jarjestotyokirja.translations import translate
from jarjestotyokirja.workbook import load_workbook

ALL_KEYS = [value for name, value in vars(keys).items() if name.isupper() and isinstance(value, tuple)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [40, 60, 100, 101, 160])
def test_the_key_bar_is_in_the_ui_language_and_fits_every_width(monkeypatch, language, width):
    monkeypatch.setenv("JTK_KIELI", language)
    bar = keys.key_bar("4.nykytila", ALL_KEYS, width)
    for line in bar.splitlines():
        assert keys.visible_length(line) < width, line
    labels = [long for long, _ in ALL_KEYS] if width - 1 >= keys.WIDE else [short for _, short in ALL_KEYS]
    for label in labels:
        assert translate(label, language) in bar
    if language != "fi":
        assert "lopeta" not in bar and "hyväksy" not in bar


@pytest.mark.parametrize("language", ["sv", "en"])
def test_status_show_and_kunnat_headings_are_in_the_ui_language(cli, new_file, monkeypatch, language):
    path = new_file()
    assert cli("action", "add", path, "Nimetään yhdyshenkilö", "-a", "lyhyt", "-i", "5").exit_code == 0
    monkeypatch.setenv("JTK_KIELI", language)
    monkeypatch.setenv("COLUMNS", "240")  # wide enough that no heading is wrapped
    other = new_file("Porvoo")
    status = cli("status", path, other)
    assert status.exit_code == 0, status.stderr
    assert translate("Valmiusaste (vastatut kentät)", language) in status.stdout
    assert translate("V{number}", language).format(number=1) in status.stdout
    assert "Valmiusaste" not in status.stdout and "Yht." not in status.stdout
    detail = cli("status", path)
    assert detail.exit_code == 0, detail.stderr
    for finnish in ("Kohta", "Otsikko", "Vastattu", "Tavoite"):
        assert translate(finnish, language) in detail.stdout and finnish not in detail.stdout
    assert "kenttää" not in detail.stdout
    shown = cli("show", path)
    assert shown.exit_code == 0, shown.stderr
    for finnish in ("Toimenpiteet", "Aikaväli", "Lyhyt aikaväli", "Suunniteltu", "(ei vastattu)"):
        assert translate(finnish, language) in shown.stdout
        assert finnish not in shown.stdout
    listed = cli("kunnat", "porvoo")
    assert listed.exit_code == 0, listed.stderr
    assert translate("Hyvinvointialue", language) in listed.stdout and "Hyvinvointialue" not in listed.stdout


def _bundle_with_translation(tmp_path, monkeypatch, language: str, title: str):
    """A package folder whose bundled workbook has a translated copy ``workbook.<language>.yaml``."""
    bundled = tmp_path / "package" / "_bundled"
    bundled.mkdir(parents=True)
    finnish = resources.bundled("workbook.yaml")
    shutil.copy(finnish, bundled / "workbook.yaml")
    text = finnish.read_text(encoding="utf-8")
    original = load_workbook(finnish).title
    assert text.count(f"title: {original}") == 1
    (bundled / f"workbook.{language}.yaml").write_text(text.replace(f"title: {original}", f"title: {title}"), encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "package")
    return original


def test_the_bundled_workbook_follows_the_language_where_a_translation_exists(tmp_path, monkeypatch):
    finnish_title = _bundle_with_translation(tmp_path, monkeypatch, "sv", "Arbetsboken på svenska")
    assert resources.bundled_workbook("sv").name == "workbook.sv.yaml"
    assert load_workbook(language="sv").title == "Arbetsboken på svenska"
    assert resources.bundled_workbook("en").name == "workbook.yaml"  # not translated: the Finnish one
    assert load_workbook(language="en").title == finnish_title
    assert load_workbook(language="fi").title == finnish_title
    monkeypatch.setenv("JTK_KIELI", "sv")
    assert load_workbook().title == "Arbetsboken på svenska"


def test_jtk_workbook_shows_the_translated_workbook(cli, tmp_path, monkeypatch):
    _bundle_with_translation(tmp_path, monkeypatch, "en", "The workbook in English")
    monkeypatch.setenv("JTK_KIELI", "en")
    result = cli("workbook")
    assert result.exit_code == 0, result.stderr
    assert "The workbook in English" in result.stdout
    assert translate("Kentät jokaiselle idealle", "en") in result.stdout
    assert translate("Vaihe {number}: {title}", "en").split("{")[0] in result.stdout


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_interview_screens_and_keys_are_in_the_ui_language(tmp_path, language):
    pty = Pty(tmp_path, "Helsinki", JTK_KIELI=language)
    pty.expect("arviointi.pvm")
    pty.expect(translate("<b>Ctrl-Q</b> lopeta", language).split("</b> ")[1])  # the bar is drawn
    screen = "\n".join(pty.screen())
    assert translate("{municipality} · Arviointi", language).format(municipality="Helsinki") in screen
    assert translate("<b>Enter</b> hyväksy ja tallenna", language).replace("<b>", "").replace("</b>", "") in screen
    assert translate("Arvioinnin päivämäärä", language) in screen
    assert "lopeta" not in screen and "hyväksy" not in screen and "päivämäärä" not in screen
    pty.child.send("\x11")  # Ctrl-Q
    assert pty.exit_code() == 0


@pytest.mark.parametrize("language", ["sv", "en"])
def test_jtk_diff_is_in_the_ui_language_and_leaves_the_answers_as_typed(cli, new_file, tmp_path, monkeypatch, language):
    old = new_file()
    new = tmp_path / "uusi.yaml"
    shutil.copy(old, new)
    assert cli("set", new, "4.nykytila", "Idea").exit_code == 0  # a user's text that is also a msgid
    assert cli("action", "add", new, "Idea", "-a", "pitkä", "-i", "5", "-t", "käynnissä").exit_code == 0
    monkeypatch.setenv("JTK_KIELI", language)
    monkeypatch.setenv("COLUMNS", "240")
    result = cli("diff", old, new)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert translate("Muutokset: {old} → {new}", language).split(":")[0] in out and "Muutokset" not in out
    assert f"{translate('lisätty', language)}: Idea" in out  # the action's own text stays as typed
    assert translate("Pitkä aikaväli", language) in out and "Pitkä aikaväli" not in out
    assert translate("Käynnissä", language) in out
    assert "{+Idea+}" in out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_interview_forms_are_translated_but_store_the_finnish_values(workbook, monkeypatch, language):
    from jarjestotyokirja.interview.engine import ACTIONS, build_questions, form_fields
    from jarjestotyokirja.interview.inputs import choice_value

    monkeypatch.setenv("JTK_KIELI", language)
    labels = {q.key: q.label for q in build_questions(workbook)}
    assert labels["arviointi.konsultti"] == translate("Haastattelija", language) != "Haastattelija"
    fields = {f.name: f for f in form_fields(ACTIONS, workbook)}
    assert fields["tila"].label == translate("Tila", language)
    done = translate("Valmis", language)
    assert (("valmis", done) in fields["tila"].choices) and done != "Valmis"
    assert choice_value(fields["tila"].choices, done) == "valmis"  # the translated label picks the stored value
    assert choice_value(fields["tila"].choices, "valmis") == "valmis"
