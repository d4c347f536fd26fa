"""The workbook in Swedish and English: the same ids and structure as the Finnish one, only the texts translated.

An answers file stores ids, level values and choice codes, never a workbook text, so the same file
validates (and later renders) with any of the three workbooks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jarjestotyokirja.errors import M, UsageError
from jarjestotyokirja.resources import WORKBOOK_LANGUAGES, bundled_workbook
from jarjestotyokirja.workbook import Workbook, load_workbook

TRANSLATIONS = ("sv", "en")

# Keys whose string values are human text (translated); every other string is an id, a value or metadata
# that must be the same in every language.
TEXT_KEYS = {"title", "subtitle", "description", "summary", "text", "label", "help", "current_label", "target_label"}
# Keys that hold lists of human texts (a bullet may also be a group: {text, bullets}).
TEXT_LIST_KEYS = {"bullets", "references", "authors"}
# Top-level keys that differ by design.
PER_LANGUAGE = {"language", "translation"}

# Common Finnish words of the workbook, matched as whole words: none may be left in a translation.
FINNISH_WORDS = (
    "ja", "tai", "sekä", "eli", "että", "mm", "kunta", "kunnan", "kunnat", "kuntien", "kuntalaisille",
    "järjestö", "järjestöt", "järjestöjen", "järjestöyhteistyö", "järjestöyhteistyön", "järjestötyön",
    "järjestötoiminnan", "yhteistyö", "yhteistyön", "yhteistyötä", "hyvinvointialue", "hyvinvointialueen",
    "hyvinvointialueiden", "nykytila", "tavoitetila", "tavoitetaso", "nykytaso", "seuranta", "tunnistetaan",
    "arvioidaan", "huomioidaan", "hyödynnetään", "määritellään", "päätetään", "neuvotellaan", "lopuksi",
    "vaihe", "ideaa", "työkirja", "erityisasiantuntija", "kanssa", "mukaan", "esimerkiksi",
)


def skeleton(value: Any, key: str = "") -> Any:
    """The workbook with every human text replaced by ``"T"`` (or ``""`` when empty); ids kept as they are."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items() if k not in PER_LANGUAGE}
    if isinstance(value, list):
        if key in TEXT_LIST_KEYS:
            return [skeleton(v, "text") if isinstance(v, str) else skeleton(v) for v in value]
        return [skeleton(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return "T" if value.strip() else ""
    return value


def dumped(workbook: Workbook) -> dict[str, Any]:
    data = workbook.model_dump(mode="python")
    for phase in data["phases"]:
        for idea in phase["ideas"]:
            idea["questions"] = {field: [("T" if q.strip() else "") for q in qs] for field, qs in idea["questions"].items()}
    return data


def texts(value: Any, key: str = "") -> list[str]:
    """Every human text in the workbook (the values of TEXT_KEYS and TEXT_LIST_KEYS, questions)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(v, k)]
    if isinstance(value, list):
        if key in TEXT_LIST_KEYS:
            return [t for v in value for t in (texts(v, "text") if isinstance(v, str) else texts(v))]
        return [t for v in value for t in texts(v, key)]
    if isinstance(value, str) and (key in TEXT_KEYS or key == "translation"):
        return [value]
    return []


def all_texts(workbook: Workbook) -> list[str]:
    data = workbook.model_dump(mode="python")
    questions = [q for idea in workbook.ideas for qs in idea.questions.values() for q in qs]
    return texts(data) + questions


@pytest.mark.parametrize("language", WORKBOOK_LANGUAGES)
def test_each_language_is_bundled_and_says_its_language(language: str) -> None:
    path = bundled_workbook(language)
    assert path.is_file()
    workbook = load_workbook(language=language)
    assert workbook.language == language
    assert workbook.id == load_workbook().id and workbook.version == load_workbook().version
    assert workbook.source.publisher == "Kuntaliitto"  # the source stays the source


def test_translations_say_they_are_jtks_own() -> None:
    assert load_workbook().translation == ""
    assert load_workbook(language="sv").translation == "Översättning: jtk"
    assert load_workbook(language="en").translation == "Translation: jtk"


def test_unknown_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        bundled_workbook("de")
    assert str(caught.value) == M.UNKNOWN_LANGUAGE.format(value="de", choices="fi, sv, en")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_structure_is_identical_to_the_finnish(language: str) -> None:
    """Same phases, ideas, sections, fields, levels, bullet groups and questions, in the same order;
    every text present where the Finnish one is present (and only there)."""
    finnish, translated = load_workbook(), load_workbook(language=language)
    assert skeleton(dumped(translated)) == skeleton(dumped(finnish))
    assert [item.key for item in translated.items] == [item.key for item in finnish.items]
    assert [[f.id for f in item.fields] for item in translated.items] == [[f.id for f in item.fields] for item in finnish.items]
    assert len(all_texts(translated)) == len(all_texts(finnish))


def test_skeleton_notices_a_missing_bullet() -> None:
    """The comparison above is not vacuous: one bullet less, or one empty text, breaks it."""
    finnish = dumped(load_workbook())
    fewer = dumped(load_workbook())
    fewer["phases"][0]["ideas"][0]["bullets"].pop()
    assert skeleton(fewer) != skeleton(finnish)
    empty = dumped(load_workbook())
    empty["closing"]["monitoring"]["help"] = ""
    assert skeleton(empty) != skeleton(finnish)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_finnish_words_are_left(language: str) -> None:
    pattern = re.compile(r"\b(" + "|".join(FINNISH_WORDS) + r")\b", re.IGNORECASE)
    left = [(text, match.group(0)) for text in all_texts(load_workbook(language=language)) for match in pattern.finditer(text)]
    assert left == []


def test_finnish_word_check_finds_finnish() -> None:
    pattern = re.compile(r"\b(" + "|".join(FINNISH_WORDS) + r")\b", re.IGNORECASE)
    assert len([t for t in all_texts(load_workbook()) if pattern.search(t)]) > 50


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translated_texts_differ_from_the_finnish(language: str) -> None:
    """A text copied untranslated would pass the structure test; only names and numbers may be equal."""
    same = [a for a, b in zip(all_texts(load_workbook()), all_texts(load_workbook(language=language))) if a == b and a]
    assert all(re.fullmatch(r"[\d\s+.,–-]*", text) for text in same), same


def _fill(cli, path: Path, workbook: Path) -> None:
    """Answers of every kind a file stores: texts, levels, an action and a good practice with idea references."""
    for key, value in (("4.nykytila", "Avustusperiaatteet ovat julkiset."), ("4.taso", "3"), ("4.tavoitetaso", "5"),
                       ("+1.taso", "2"), ("tilannekuva.seuranta", "Kerran vuodessa."), ("arviointi.pvm", "1.12.2026")):
        assert cli("set", path, key, value, "--workbook", workbook).exit_code == 0
    assert cli("action", "add", path, "Nimetään yhdyshenkilö", "-a", "keskipitkä", "-i", "+1", "-t", "käynnissä",
               "--workbook", workbook).exit_code == 0


@pytest.mark.parametrize("made_with", WORKBOOK_LANGUAGES)
def test_an_answers_file_validates_with_every_language(cli, tmp_path, monkeypatch, made_with: str) -> None:
    monkeypatch.chdir(tmp_path)
    made = bundled_workbook(made_with)
    result = cli("init", "Porvoo", "--workbook", made)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "638-porvoo.yaml"
    _fill(cli, path, made)
    for language in WORKBOOK_LANGUAGES:
        result = cli("validate", path, "--workbook", bundled_workbook(language))
        assert result.exit_code == 0, (language, result.stdout, result.stderr)


def test_the_file_does_not_depend_on_the_workbook_language(cli, tmp_path, monkeypatch) -> None:
    """The same steps with the Finnish, Swedish and English workbook write the same bytes: nothing stored
    is a workbook text."""
    files = []
    for language in WORKBOOK_LANGUAGES:
        folder = tmp_path / language
        folder.mkdir()
        monkeypatch.chdir(folder)
        assert cli("init", "Porvoo", "--workbook", bundled_workbook(language)).exit_code == 0
        _fill(cli, folder / "638-porvoo.yaml", bundled_workbook(language))
        files.append((folder / "638-porvoo.yaml").read_bytes())
    assert files[0] == files[1] == files[2]


@pytest.mark.parametrize("language", TRANSLATIONS)
@pytest.mark.parametrize("example", sorted(Path(__file__).resolve().parents[2].joinpath("examples").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_the_examples_validate_with_the_translations(example: Path, language: str) -> None:
    from jarjestotyokirja.store.answers_files import load_answers

    assert load_answers(example, load_workbook(language=language)).kunta.koodi == example.name[:3]


def test_a_word_form_made_with_the_swedish_workbook_imports_with_the_finnish(cli, tmp_path, monkeypatch) -> None:
    """``jtk lomake`` remembers the workbook id, the same in every language, and a level is read by its
    number, so a form filled in Swedish comes back into the file under the Finnish workbook."""
    from form_helpers import type_answers

    from jarjestotyokirja.store.answers_files import load_answers

    monkeypatch.chdir(tmp_path)
    assert cli("init", "Borgå").exit_code == 0
    path, form = tmp_path / "638-porvoo.yaml", tmp_path / "blankett.docx"
    result = cli("lomake", path, "-o", form, "--workbook", bundled_workbook("sv"))
    assert result.exit_code == 0, result.stderr
    type_answers(form, {"4.nykytila": "Understödsprinciperna är offentliga.", "4.taso": "5 Föregångare"})
    result = cli("import", path, form)
    assert result.exit_code == 0, result.stderr
    answer = load_answers(path, load_workbook()).answer("4")
    assert (answer.nykytila, answer.taso) == ("Understödsprinciperna är offentliga.", 5)
