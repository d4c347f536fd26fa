"""``jtk lomake`` and ``jtk import FILE lomake.docx``: the Word workbook there and back."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from form_helpers import W, edit_document, libreoffice_resave, rows, soffice, type_answers
from lxml import etree

from jarjestotyokirja.errors import M
from jarjestotyokirja.exchange.form import form_fields, no_level
from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import get_value, set_value

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = {
    "1.nykytila": "<w:t>rikki</w:t> & {{ x }} {% if %} **lihava**",
    "2.nykytila": "=1+1\n\nkappale ja\tsarkain",
    "3.nykytila": "emoji 🎉 ja RTL: שלום עולם",
    "+1.seuranta": "{_{ y }_} &amp; ]]>",
}
needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "902-mallikyla.yaml"
    shutil.copy(EXAMPLES / "902-mallikyla.yaml", path)
    return path


def _form(cli, answers_file: Path, name: str = "tyokirja.docx") -> Path:
    out = answers_file.parent / name
    result = cli("lomake", answers_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


def _tags(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return [tag.get(f"{W}val") for tag in root.iter(f"{W}tag")]


def test_form_has_a_tagged_control_per_answer_prefilled_with_guidance(cli, answers_file, workbook):
    out = _form(cli, answers_file)
    expected = [row.key for row in form_fields(workbook)]
    assert _tags(out) == expected
    with zipfile.ZipFile(out) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    found = rows(root)
    level = found["4.taso"].findall(f"{W}tc")[1]
    items = [(i.get(f"{W}displayText"), i.get(f"{W}value")) for i in level.iter(f"{W}listItem")]
    assert items[0] == (no_level(), "") and [v for _, v in items[1:]] == ["1", "2", "3", "4", "5"]
    answers = load_answers(answers_file, workbook)
    document = docx.Document(out)
    text = "\n".join(p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs)
    body = etree.tostring(root, encoding="unicode")
    for paragraph in answers.answer("tilannekuva").nykytila.split("\n"):
        assert re.escape(paragraph) and paragraph.replace("&", "&amp;") in body
    assert workbook.fields[0].help in text  # the guidance beside the answer
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles


def test_form_bytes_are_deterministic(cli, answers_file, tmp_path):
    first = _form(cli, answers_file).read_bytes()
    (tmp_path / "b").mkdir()
    assert cli("lomake", answers_file, "-o", tmp_path / "b" / "tyokirja.docx").exit_code == 0
    assert (tmp_path / "b" / "tyokirja.docx").read_bytes() == first


def test_an_unchanged_form_imports_nothing_and_leaves_the_file_byte_identical(cli, answers_file):
    before = answers_file.read_bytes()
    out = _form(cli, answers_file)
    result = cli("import", answers_file, out)
    assert result.exit_code == 0, result.stderr
    assert M.FORM_IMPORTED.format(count=0, path=answers_file) in result.stderr
    assert answers_file.read_bytes() == before


def test_answers_typed_into_the_form_come_back(cli, answers_file, workbook):
    out = _form(cli, answers_file)
    typed = {**HOSTILE, "4.tavoitetila": "Uusi tavoite.\nToinen rivi.", "4.taso": "5 Edelläkävijä",
             "5.taso": no_level(), "arviointi.pvm": "31.12.2026"}
    type_answers(out, typed)
    result = cli("import", answers_file, out)
    assert result.exit_code == 0, result.stderr
    answers = load_answers(answers_file, workbook)
    for key, value in HOSTILE.items():
        assert get_value(answers, workbook, key) == value
    assert answers.answer("4").tavoitetila == "Uusi tavoite.\nToinen rivi."
    assert answers.answer("4").taso == 5 and answers.answer("5").taso is None
    assert answers.arviointi.pvm == "2026-12-31"


@needs_libreoffice
def test_a_form_edited_and_saved_by_libreoffice_comes_back_intact(cli, answers_file, workbook, tmp_path):
    with edit_answers(answers_file, workbook) as answers:
        for key, value in HOSTILE.items():
            set_value(answers, workbook, key, value)
    before = answers_file.read_bytes()
    out = _form(cli, answers_file)
    saved = libreoffice_resave(out, tmp_path / "lo")
    assert "4.nykytila" not in _tags(saved)  # LibreOffice drops the tags: the key cells identify the rows
    result = cli("import", answers_file, saved)
    assert result.exit_code == 0, result.stderr
    assert answers_file.read_bytes() == before  # every answer, hostile ones too, survived LibreOffice
    type_answers(out, {"6.nykytila": "Kirjoitettu LibreOfficessa & <tallennettu>.\n\nToinen kappale.",
                       "6.taso": "4 Vakiintunut"})
    saved = libreoffice_resave(out, tmp_path / "lo2")
    result = cli("import", answers_file, saved)
    assert result.exit_code == 0, result.stderr
    answers = load_answers(answers_file, workbook)
    assert answers.answer("6").nykytila == "Kirjoitettu LibreOfficessa & <tallennettu>.\n\nToinen kappale."
    assert answers.answer("6").taso == 4
    for key, value in HOSTILE.items():
        assert get_value(answers, workbook, key) == value


def test_paragraphs_a_person_adds_in_the_answer_cell_are_read_as_lines(cli, answers_file, workbook):
    out = _form(cli, answers_file)
    type_answers(out, {"8.seuranta": "Ensimmäinen"})

    def enter(root) -> None:  # type: ignore[no-untyped-def]
        cell = rows(root)["8.seuranta"].findall(f"{W}tc")[1]
        paragraph = etree.SubElement(cell, f"{W}p")
        etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}t").text = "toinen rivi Enterin jälkeen"

    edit_document(out, enter)
    assert cli("import", answers_file, out).exit_code == 0
    assert load_answers(answers_file, workbook).answer("8").seuranta == "Ensimmäinen\ntoinen rivi Enterin jälkeen"


def test_answers_changed_in_the_file_since_the_form_are_not_overwritten(cli, answers_file, workbook):
    out = _form(cli, answers_file)
    with edit_answers(answers_file, workbook) as answers:
        set_value(answers, workbook, "4.nykytila", "Muutettu tiedostossa.")
        set_value(answers, workbook, "4.seuranta", "Myös tiedostossa.")
    type_answers(out, {"4.nykytila": "Muutettu lomakkeessa.", "5.nykytila": "Vain lomakkeessa."})
    result = cli("import", answers_file, out)
    assert result.exit_code == 1
    assert M.FORM_CONFLICTS.format(keys="4.nykytila") in result.stderr
    assert M.FORM_KEPT.format(keys="4.seuranta") in result.stderr
    answers = load_answers(answers_file, workbook)
    assert answers.answer("4").nykytila == "Muutettu tiedostossa."
    assert answers.answer("4").seuranta == "Myös tiedostossa."
    assert answers.answer("5").nykytila == "Vain lomakkeessa."


def _refused(cli, answers_file: Path, form: Path, message: str) -> None:
    before = answers_file.read_bytes()
    result = cli("import", answers_file, form)
    assert result.exit_code == 1, result.stderr
    assert message in result.stderr, result.stderr
    assert answers_file.read_bytes() == before


def _set_key(root, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    first = next(rows(root)[old].findall(f"{W}tc")[0].iter(f"{W}t"))
    first.text = new


def test_an_unknown_key_is_refused_by_name(cli, answers_file):
    out = _form(cli, answers_file)
    edit_document(out, lambda root: _set_key(root, "4.seuranta", "4.olematon"))
    _refused(cli, answers_file, out, M.FORM_UNKNOWN_KEY.format(key="4.olematon"))


def test_a_duplicated_row_is_refused(cli, answers_file):
    out = _form(cli, answers_file)

    def duplicate(root) -> None:  # type: ignore[no-untyped-def]
        row = rows(root)["4.nykytila"]
        row.addnext(etree.fromstring(etree.tostring(row)))

    edit_document(out, duplicate)
    _refused(cli, answers_file, out, M.FORM_DUPLICATE.format(key="4.nykytila"))


def test_a_removed_row_and_an_added_row_are_refused(cli, answers_file):
    out = _form(cli, answers_file)
    edit_document(out, lambda root: rows(root)["7.seuranta"].getparent().remove(rows(root)["7.seuranta"]))
    _refused(cli, answers_file, out, M.FORM_MISSING_KEY.format(key="7.seuranta"))
    out = _form(cli, answers_file, "b.docx")

    def add(root) -> None:  # type: ignore[no-untyped-def]
        row = rows(root)["7.nykytila"]
        copy = etree.fromstring(etree.tostring(row))
        next(copy.iter(f"{W}t")).text = "Omia muistiinpanoja"
        row.addnext(copy)

    edit_document(out, add)
    _refused(cli, answers_file, out, M.FORM_ROW_WITHOUT_KEY.format(after="7.nykytila"))


def test_a_wrong_level_and_a_mismatched_tag_are_refused(cli, answers_file):
    out = _form(cli, answers_file)
    type_answers(out, {"4.taso": "7 Loistava"})
    _refused(cli, answers_file, out, M.FORM_LEVEL.format(key="4.taso", value="7 Loistava"))
    out = _form(cli, answers_file, "b.docx")

    def retag(root) -> None:  # type: ignore[no-untyped-def]
        cell = rows(root)["4.nykytila"].findall(f"{W}tc")[1]
        next(cell.iter(f"{W}tag")).set(f"{W}val", "5.nykytila")

    edit_document(out, retag)
    _refused(cli, answers_file, out, M.FORM_TAG_MISMATCH.format(key="4.nykytila", tags="5.nykytila"))


def test_not_a_form_other_municipality_and_broken_files_are_refused(cli, answers_file, tmp_path, new_file):
    text = tmp_path / "teksti.docx"
    text.write_text("ei zip", encoding="utf-8")
    _refused(cli, answers_file, text, M.FORM_NOT_A_FORM)
    plain = tmp_path / "tavallinen.docx"
    docx.Document().save(plain)
    _refused(cli, answers_file, plain, M.FORM_NOT_JTK)
    other = _form(cli, new_file("Helsinki"), "helsinki.docx")
    _refused(cli, answers_file, other, M.FORM_OTHER_MUNICIPALITY.format(form="091", file="902"))


def test_a_filled_in_form_is_not_overwritten_by_a_new_one(cli, answers_file):
    out = _form(cli, answers_file)
    assert cli("lomake", answers_file, "-o", out).exit_code == 0  # the same form again: nothing lost
    type_answers(out, {"4.nykytila": "Kunnan täyttämä vastaus."})
    filled = out.read_bytes()
    result = cli("lomake", answers_file, "-o", out)
    assert result.exit_code == 1 and M.FORM_EXISTS.format(name=out.name) in result.stderr
    assert out.read_bytes() == filled
    assert cli("lomake", answers_file, "-o", out, "--korvaa").exit_code == 0
    assert out.read_bytes() != filled


def test_form_output_must_be_docx_and_not_the_answers_file(cli, answers_file, tmp_path):
    result = cli("lomake", answers_file, "-o", tmp_path / "lomake.odt")
    assert result.exit_code == 2 and M.FORM_SUFFIX.format(name="lomake.odt") in result.stderr


def test_control_characters_in_a_workbook_cannot_break_the_form(answers_file, workbook):
    import io

    from jarjestotyokirja.exchange.form import build_form

    odd = workbook.model_copy(update={"title": "Työkirja\x01\x0b\x1f"})
    data = build_form(load_answers(answers_file, workbook), odd)
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Työkirja: Mallikylä (kuvitteellinen kunta)"


def test_korvaa_never_replaces_an_answers_file(cli, answers_file, tmp_path):
    """Fails before: --korvaa replaced any file at the target, a copy of an answers file as well."""
    copy = tmp_path / "vanha-lomake.docx"
    copy.write_bytes(answers_file.read_bytes())
    result = cli("lomake", answers_file, "-o", copy, "--korvaa")
    assert result.exit_code == 1, result.stderr
    assert M.OUTPUT_NOT_OURS.format(output=copy) in result.stderr
    assert copy.read_bytes() == answers_file.read_bytes()
