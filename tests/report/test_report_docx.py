"""``jtk report -f docx``: the plan as a Word document, read back with python-docx."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.render.docx import render_docx_document
from jarjestotyokirja.report.build import build_context
from jarjestotyokirja.store.answers_files import edit_answers, load_answers, save_answers
from jarjestotyokirja.store.edit import add_action, set_value
from jarjestotyokirja.workbook import load_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = [
    "<w:t>rikki</w:t></w:r></w:p>",
    "{{ kunta.nimi }} ja {% if true %}kyllä{% endif %}",
    "{_{ x }_} ja {_% y %_} ja {%p if %}",
    "A & B &amp; C ]]> <![CDATA[ x ]]>",
    "**lihava** _kursiivi_ # otsikko",
    "emoji 🎉👩‍👩‍👧 ja RTL: שלום עולם مرحبا",
    "sarkain\tvälissä",
    "rivi yksi\nrivi kaksi",
    '"lainaus" ja \'heitto\'',
    "=1+1",
]


def _texts(document) -> list[str]:
    """Every paragraph's text: the body, then every table cell."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def _paragraphs(text: str) -> list[str]:
    """The Word paragraphs of a text: its paragraphs, with each list line ("- ", "• ") one of its own."""
    found = []
    for paragraph in (p.strip("\n") for p in re.split(r"\n[ \t]*\n\s*", text.strip()) if p.strip()):
        run: list[str] = []
        for line in paragraph.split("\n"):
            if re.match(r"[-•][ \t]+\S", line):
                found += ["\n".join(run)] if run else []
                found.append(line)
                run = []
            else:
                run.append(line)
        found += ["\n".join(run)] if run else []
    return found


def _report(cli, path: Path, out: Path, *args) -> Path:
    result = cli("report", path, "-f", "docx", "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    return out / f"{path.stem}.docx"


def test_every_answer_is_in_the_word_document(tmp_path, cli, workbook):
    path = EXAMPLES / "901-esimerkkila.yaml"
    document = docx.Document(_report(cli, path, tmp_path))
    texts = set(_texts(document))
    answers = load_answers(path, workbook)
    for key, answer in answers.vastaukset.items():
        for field in ("nykytila", "tavoitetila", "seuranta"):
            for paragraph in _paragraphs(getattr(answer, field)):
                assert paragraph in texts, (key, field, paragraph[:60])
    for action in answers.toimenpiteet:
        assert action.teksti in texts and action.mittari in texts
    for practice in answers.hyvat_kaytannot:
        assert practice.otsikko in texts


def test_headings_use_word_heading_styles(tmp_path, cli):
    document = docx.Document(_report(cli, EXAMPLES / "901-esimerkkila.yaml", tmp_path))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Yhteenveto"] == "Heading 1"
    assert styles["Toimenpidesuunnitelma"] == "Heading 1"
    assert styles["Vaihe 1: Tunnistetaan ja arvioidaan"] == "Heading 1"
    assert styles["Idea 4: Yhteistyön tavoitteet ja periaatteet"] == "Heading 2"
    assert styles["Lyhyt aikaväli"] == "Heading 2"
    assert styles["Nykytilan arviointi"] == "Heading 3"
    assert next(p for p in document.paragraphs if p.text).style.name == "Title"


def test_actions_are_tables_per_horizon_with_a_repeated_header(tmp_path, cli, workbook):
    path = EXAMPLES / "901-esimerkkila.yaml"
    document = docx.Document(_report(cli, path, tmp_path))
    answers = load_answers(path, workbook)
    action_tables = [t for t in document.tables if t.rows[0].cells[1].text == "Toimenpide" and len(t.columns) == 7]
    assert len(action_tables) == 3
    for table, horizon in zip(action_tables, ("lyhyt", "keskipitkä", "pitkä")):
        expected = [a.teksti for a in answers.toimenpiteet if a.aikavali == horizon]
        assert [row.cells[1].text for row in table.rows[1:]] == expected
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(docx.oxml.ns.qn("w:tblHeader")) is not None
        assert all(row._tr.trPr is None or row._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is None
                   for row in table.rows[1:])


def test_chart_image_with_alt_text_and_core_properties(tmp_path, cli):
    out = _report(cli, EXAMPLES / "901-esimerkkila.yaml", tmp_path)
    document = docx.Document(out)
    props = document.core_properties
    assert props.title == "Järjestöyhteistyön kehittämissuunnitelma: Esimerkkilä (kuvitteellinen kunta)"
    assert props.author.startswith("Tiina Harjuniemi")
    assert props.language == "fi-FI"
    assert props.created.date().isoformat() == "2026-02-17" and props.modified == props.created
    shapes = document.inline_shapes
    assert len(shapes) == 1
    descr = shapes[0]._inline.docPr.get("descr")
    assert descr.startswith("Kaavio:") and "4. Yhteistyön tavoitteet ja periaatteet: nykytaso 1, tavoitetaso 4" in descr
    with zipfile.ZipFile(out) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(images) == 1 and package.read(images[0]).startswith(b"\x89PNG")
        assert 'w:val="fi-FI"' in package.read("word/styles.xml").decode()


def test_the_same_answers_give_identical_bytes(tmp_path, cli):
    path = EXAMPLES / "902-mallikyla.yaml"
    first = _report(cli, path, tmp_path / "a").read_bytes()
    second = _report(cli, path, tmp_path / "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        assert len({info.date_time for info in package.infolist()}) == 1


def test_hostile_text_appears_exactly_as_typed(tmp_path, cli, new_file, workbook):
    path = new_file("Helsinki", pvm="2026-03-01")
    with edit_answers(path, workbook) as answers:
        for index, text in enumerate(HOSTILE, 1):
            set_value(answers, workbook, f"{index}.nykytila", text)
        set_value(answers, workbook, "tilannekuva.nykytila", "Ensimmäinen kappale.\n\nToinen kappale & <b>.")
        add_action(answers, workbook, teksti="{{ 7*7 }} <w:br/> & toimi", vastuutaho="{% raw %}", idea="4")
    document = docx.Document(_report(cli, path, tmp_path))
    texts = _texts(document)
    for text in HOSTILE:
        assert text in texts, text
    assert "Ensimmäinen kappale." in texts and "Toinen kappale & <b>." in texts
    assert "{{ 7*7 }} <w:br/> & toimi" in texts and "{% raw %}" in texts
    assert "49" not in texts


def test_control_characters_cannot_break_the_file(tmp_path, workbook):
    answers = load_answers(EXAMPLES / "903-koekoski.yaml", workbook)
    context = build_context(workbook, answers)
    context["yhteenveto"]["teksti"] = "alku\x01\x0b\x1f\x7floppu\x0c"
    context["kunta"] = dict(context["kunta"], nimi="Koe\x00kunta")
    data = render_docx_document("report", context, date=None)
    document = docx.Document(io.BytesIO(data))
    assert "alkuloppu" in _texts(document)
    assert document.core_properties.title.endswith(": Koekunta")


def test_organisation_template_overrides_the_bundled_one(tmp_path, cli):
    own = tmp_path / "pohjat"
    own.mkdir()
    template = docx.Document()
    template.add_paragraph("OMA KIRJEPOHJA {{ kunta.nimi }}", style="Heading 1")
    template.save(own / "report.docx")
    out = _report(cli, EXAMPLES / "901-esimerkkila.yaml", tmp_path / "out", "--templates", own)
    texts = _texts(docx.Document(out))
    assert "OMA KIRJEPOHJA Esimerkkilä (kuvitteellinen kunta)" in texts


@pytest.mark.parametrize(
    "tag",
    ["{{ kunta.__class__.__mro__ }}", "{{ ''.__class__.__subclasses__() }}", "{{ ei_ole }}", "{% if %}"],
)
def test_a_template_that_breaks_the_sandbox_or_is_wrong_is_refused(tmp_path, cli, tag):
    own = tmp_path / "pohjat"
    own.mkdir()
    template = docx.Document()
    template.add_paragraph(tag)
    template.save(own / "report.docx")
    result = cli("report", EXAMPLES / "901-esimerkkila.yaml", "-f", "docx", "-o", tmp_path / "out", "--templates", own)
    assert result.exit_code == 1
    assert M.TEMPLATE_ERROR.split(":")[0] in result.stderr
    assert not (tmp_path / "out" / "901-esimerkkila.docx").exists()


@pytest.mark.parametrize(("ui", "kieli"), [("fi", "sv"), ("sv", "en"), ("en", "fi")])
def test_the_charts_alt_text_is_in_the_documents_language_not_the_uis(tmp_path, ui, kieli):
    """A Swedish report made in a Finnish session began its chart's alt text in Finnish ("Kaavio: nyky-
    ja tavoitetaso …"), so a Swedish screen reader read Finnish; and an unassessed level was "ei arvioitu"."""
    from jarjestotyokirja.messages import texts

    source = load_answers(EXAMPLES / "901-esimerkkila.yaml", load_workbook())
    source.vastaukset["4"].taso = None
    answers = tmp_path / "901-esimerkkila.yaml"
    save_answers(answers, source, load_workbook())
    env = {**os.environ, "JTK_KIELI": ui}
    result = subprocess.run([sys.executable, "-m", "jarjestotyokirja", "report", str(answers), "-f", "docx", "--kieli",
                             kieli, "-o", str(tmp_path)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    descr = docx.Document(tmp_path / "901-esimerkkila.docx").inline_shapes[0]._inline.docPr.get("descr")
    expected = texts(kieli).DOC_CHART_ALT.split("{levels}")[0]
    assert descr.startswith(expected), descr
    assert texts(kieli).DOC_NOT_ASSESSED in descr
    assert texts(ui).DOC_NOT_ASSESSED not in descr


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice and pdftotext")
def test_the_level_tables_headers_are_not_broken_inside_a_word(tmp_path, cli):
    """Laid out by LibreOffice, the header of the levels table read "Tavoitetas" / "o": its 28 mm
    column was narrower than the word."""
    out = _report(cli, EXAMPLES / "901-esimerkkila.yaml", tmp_path)
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    header = next(line for line in text.splitlines() if line.strip().startswith("Idea ") and "Nykytaso" in line)
    assert re.search(r"\bNykytaso\s+Tavoitetaso\b", header), header


def _paragraphs_with(document, start: str) -> list:
    found = [p for p in document.paragraphs if p.text.startswith(start)]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p for p in cell.paragraphs if p.text.startswith(start)]
    return found


def test_list_lines_are_word_paragraphs_with_a_hanging_indent(tmp_path, cli, new_file, workbook):
    # Issue 11: a line begun with "- " or "• " is a list item with a hanging indent in every format;
    # the characters stay as typed, and other lines stay lines of their paragraph.
    long_item = "- ensimmäinen kohta, joka on niin pitkä että se jatkuu toiselle riville asti " * 2
    text = f"Johdanto listaan:\n{long_item.strip()}\n• toinen kohta\n-ei lista\njatkorivi"
    path = new_file("Helsinki", pvm="2026-03-01")
    with edit_answers(path, workbook) as answers:
        set_value(answers, workbook, "4.nykytila", text)
        add_action(answers, workbook, teksti="Toimi näin:\n- kysy järjestöiltä\n- päätä", idea="4")
    document = docx.Document(_report(cli, path, tmp_path))
    for start in ("- ensimmäinen kohta", "• toinen kohta", "- kysy järjestöiltä", "- päätä"):
        [item] = _paragraphs_with(document, start)
        indent = item.paragraph_format
        assert indent.left_indent and indent.left_indent > 0, start
        assert indent.first_line_indent == -indent.left_indent, start  # hanging: the mark stands out
    [first] = _paragraphs_with(document, "- ensimmäinen kohta")
    assert first.text == long_item.strip()  # one paragraph, the mark kept
    [intro] = _paragraphs_with(document, "Johdanto listaan:")
    assert intro.text == "Johdanto listaan:" and not intro.paragraph_format.left_indent
    [rest] = _paragraphs_with(document, "-ei lista")
    assert rest.text == "-ei lista\njatkorivi" and not rest.paragraph_format.left_indent
    [toimi] = _paragraphs_with(document, "Toimi näin:")
    assert toimi.text == "Toimi näin:"
    # One list is one list: no space between its items, the usual space after its last one.
    assert first.paragraph_format.space_after == 0
    assert _paragraphs_with(document, "• toinen kohta")[0].paragraph_format.space_after is None
