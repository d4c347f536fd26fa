"""``jtk lomake --kieli fi|sv|en`` and ``jtk import`` of a form in any language (issue 13).

Before this change the form's own texts were Finnish whatever the language (the heading "Arviointi",
"Vaihe N: …", the assessment's labels, "(lomake)" in the title, the drop-down's "– ei arvioitu –",
``w:lang`` fi-FI), ``jtk lomake`` had no ``--kieli``, and only the Finnish "not assessed" was read
back: the sv and en cases here fail on it.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from form_helpers import W, libreoffice_resave, rows, soffice, type_answers
from lxml import etree

from jarjestotyokirja.messages import texts
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.workbook import load_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
TAGS = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
# Finnish words of the form's own texts (not of the answers, which stay as the municipality wrote them)
FINNISH_WORDS = ("Arviointi", "Arvioinnin", "Vaihe", "ei arvioitu", "lomake", "Haastattelija", "päivämäärä",
                 "Kunta:", "Kirjoita", "Älä muuta", "Täytetty")


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "902-mallikyla.yaml"
    shutil.copy(EXAMPLES / "902-mallikyla.yaml", path)
    return path


def _form(cli, answers_file: Path, language: str | None, name: str = "tyokirja.docx") -> Path:
    out = answers_file.parent / name
    args = ["lomake", answers_file, "-o", out] + (["--kieli", language] if language else [])
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return out


def _document(path: Path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml")), etree.fromstring(package.read("word/styles.xml"))


def _fixed_texts(path: Path) -> list[str]:
    """Every text of the form that is not an answer: paragraphs outside tables (title, instructions,
    headings, guidance), the left cells but their key, the controls' titles and the drop-down's choices."""
    document = docx.Document(str(path))
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found += [p.text for p in row.cells[0].paragraphs[1:]]
    root, _ = _document(path)
    found += [alias.get(f"{W}val") for alias in root.iter(f"{W}alias")]
    found += [item.get(f"{W}displayText") for item in root.iter(f"{W}listItem")]
    found.append(document.core_properties.title)
    return found


def _choices(path: Path, key: str) -> dict[str, str]:
    """The drop-down of ``key``: its stored value → the text shown."""
    root, _ = _document(path)
    cell = rows(root)[key].findall(f"{W}tc")[1]
    return {item.get(f"{W}value"): item.get(f"{W}displayText") for item in cell.iter(f"{W}listItem")}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_form_in_swedish_or_english_has_no_finnish_fixed_text(cli, answers_file, language):
    out = _form(cli, answers_file, language)
    fixed = _fixed_texts(out)
    text = "\n".join(fixed)
    for word in FINNISH_WORDS:
        assert word not in text, (word, [line for line in fixed if word in line][:3])
    finnish = texts("fi")
    for name in ("DOC_FORM_ASSESSMENT", "DOC_FORM_DATE", "DOC_FORM_CONSULTANT", "DOC_FORM_NO_LEVEL"):
        assert getattr(finnish, name) not in fixed
        assert getattr(texts(language), name) in text
    workbook = load_workbook(language=language)
    finnish_workbook = load_workbook(language="fi")
    assert workbook.title in docx.Document(str(out)).core_properties.title
    assert finnish_workbook.levels.current_label not in fixed and workbook.levels.current_label in fixed
    assert finnish_workbook.items[0].title not in fixed
    assert _choices(out, "4.taso")[""] == texts(language).DOC_FORM_NO_LEVEL
    assert _choices(out, "4.taso")["3"].startswith("3 " + workbook.levels.scale[2].label)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_form_is_tagged_with_its_language(cli, answers_file, language):
    out = _form(cli, answers_file, language)
    _, styles = _document(out)
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == TAGS[language]
    assert docx.Document(str(out)).core_properties.language == TAGS[language]


def test_without_kieli_the_form_is_in_the_ui_language(cli, answers_file, monkeypatch):
    """Fails before this change also without --kieli: under a Swedish UI the workbook was Swedish but the
    form's own texts Finnish ("Arviointi", "Vaihe 1: …", "– ei arvioitu –", "(lomake)") and w:lang fi-FI."""
    monkeypatch.setenv("JTK_KIELI", "sv")
    out = _form(cli, answers_file, None)
    text = "\n".join(_fixed_texts(out))
    assert [word for word in FINNISH_WORDS if word in text] == []
    assert "Bedömning" in [p.text for p in docx.Document(str(out)).paragraphs] and "– inte bedömd –" in text
    _, styles = _document(out)
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "sv-FI"
    assert docx.Document(str(out)).core_properties.language == "sv-FI"


def test_a_finnish_form_is_the_same_whatever_the_ui_language(cli, answers_file, tmp_path, monkeypatch):
    first = _form(cli, answers_file, None)
    finnish = first.read_bytes()
    first.unlink()  # the same name again: the name is in the form's instructions
    monkeypatch.setenv("JTK_KIELI", "en")
    assert _form(cli, answers_file, "fi").read_bytes() == finnish


def test_kieli_must_be_a_known_language(cli, answers_file):
    result = cli("lomake", answers_file, "-o", answers_file.parent / "x.docx", "--kieli", "de")
    assert result.exit_code == 2
    assert not (answers_file.parent / "x.docx").exists()


def _fill_and_import(cli, answers_file: Path, form_language: str, ui_language: str, monkeypatch) -> bytes:
    """Make the form in ``form_language``, fill it in as a person would, import it in ``ui_language``."""
    monkeypatch.setenv("JTK_KIELI", "fi")
    out = _form(cli, answers_file, form_language)
    typed = {
        "1.taso": _choices(out, "1.taso")[""],  # 2 → not assessed
        "3.taso": _choices(out, "3.taso")["5"],  # none → 5
        "3.tavoitetila": "Uusi tavoite.\nToinen rivi.",
        "arviointi.konsultti": "Maija Meikäläinen",
    }
    type_answers(out, typed)
    monkeypatch.setenv("JTK_KIELI", ui_language)
    result = cli("import", answers_file, out)
    assert result.exit_code == 0, result.stderr
    return answers_file.read_bytes()


@pytest.mark.parametrize(("form_language", "ui_language"),
                         [("fi", "fi"), ("sv", "sv"), ("en", "en"), ("sv", "fi"), ("fi", "sv"), ("en", "fi")])
def test_a_form_in_any_language_imports_into_the_same_answers(cli, tmp_path, form_language, ui_language, monkeypatch):
    reference_dir, other_dir = tmp_path / "ref", tmp_path / "other"
    reference_dir.mkdir(), other_dir.mkdir()
    reference, other = (shutil.copy(EXAMPLES / "902-mallikyla.yaml", d / "902-mallikyla.yaml")
                        for d in (reference_dir, other_dir))
    expected = _fill_and_import(cli, Path(reference), "fi", "fi", monkeypatch)
    answers = load_answers(reference, load_workbook())
    assert answers.answer("1").taso is None and answers.answer("3").taso == 5
    assert answers.answer("3").tavoitetila == "Uusi tavoite.\nToinen rivi."
    assert _fill_and_import(cli, Path(other), form_language, ui_language, monkeypatch) == expected


@needs_libreoffice
def test_a_swedish_form_saved_by_libreoffice_imports_under_a_finnish_ui(cli, answers_file, tmp_path, monkeypatch):
    out = _form(cli, answers_file, "sv")
    type_answers(out, {"1.taso": texts("sv").DOC_FORM_NO_LEVEL, "3.taso": _choices(out, "3.taso")["5"],
                       "3.seuranta": "Uppföljning skriven i LibreOffice."})
    saved = libreoffice_resave(out, tmp_path / "lo")
    result = cli("import", answers_file, saved)  # the UI is Finnish (conftest)
    assert result.exit_code == 0, result.stderr
    answers = load_answers(answers_file, load_workbook())
    assert answers.answer("1").taso is None and answers.answer("3").taso == 5
    assert answers.answer("3").seuranta == "Uppföljning skriven i LibreOffice."


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_not_assessed_reads_back_in_every_language(language):
    """Fails before this change for sv and en: only "– ei arvioitu –" was "no level"; the others were
    refused as a wrong level (fi fails only for want of the catalogue entry)."""
    from jarjestotyokirja.exchange.form_import import form_value

    assert form_value("1.taso", texts(language).DOC_FORM_NO_LEVEL, level=True) == ""
    assert form_value("1.taso", f"4 {load_workbook(language=language).levels.scale[3].label}", level=True) == "4"
