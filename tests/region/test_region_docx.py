"""``jtk compare -f docx`` and ``jtk history -f docx``: Word versions of the comparison and the monitoring document."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from git_helpers import Repo, set_values
from jarjestotyokirja.answers import GoodPractice
from jarjestotyokirja.render.docx import HEAT_FILLS
from jarjestotyokirja.store.answers_files import edit_answers
from jarjestotyokirja.store.edit import add_action

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [c.text for c in row.cells]
    return texts


def test_comparison_in_word_has_heat_map_cells_and_literal_text(tmp_path, cli, new_file, workbook):
    helsinki = new_file("Helsinki", pvm="2026-01-01")
    with edit_answers(helsinki, workbook) as answers:
        answers.answer("4").taso = 5
        answers.hyvat_kaytannot.append(GoodPractice(otsikko="{{ x }} & <w:t>", kuvaus="=1+1 {% if %} **"))
    files = [helsinki, *sorted(EXAMPLES.glob("*.yaml"))]
    result = cli("compare", *files, "-f", "docx", "-o", tmp_path / "a")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "a" / "vertailu.docx"
    document = docx.Document(out)
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Järjestöyhteistyön alueellinen vertailu"] == "Title"
    assert styles["Tasot kunnittain"] == "Heading 2"
    texts = _texts(document)
    assert "{{ x }} & <w:t>" in texts and "=1+1 {% if %} **" in texts
    heat = next(t for t in document.tables if t.rows[0].cells[0].text == "Kunta" and len(t.columns) == 12)
    assert [c.text for c in heat.rows[0].cells[1:]] == [key for key, _ in
                                                         ((i.key, i.title) for i in workbook.items if i.idea)]
    row = next(r for r in heat.rows if r.cells[0].text == "Helsinki")
    cell = row.cells[4]  # idea 4
    assert cell.text == "5→–"
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == HEAT_FILLS[5]
    assert row.cells[1]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == HEAT_FILLS[0]
    assert cli("compare", *reversed(files), "-f", "docx", "-o", tmp_path / "b").exit_code == 0
    assert (tmp_path / "b" / "vertailu.docx").read_bytes() == out.read_bytes()


def test_monitoring_document_in_word(cli, repo: Repo, tampere: Path, workbook):
    set_values(tampere, workbook, **{"4__taso": "2", "4__tavoitetaso": "4", "arviointi__pvm": "2023-05-10"})
    with edit_answers(tampere, workbook) as answers:
        add_action(answers, workbook, teksti="Myöhässä <w:t> & {{ x }}", maaraaika="2024-01-31")
    repo.commit("Arviointi 2023", "2023-05-10T12:00:00+03:00")
    set_values(tampere, workbook, **{"4__taso": "3", "arviointi__pvm": "2024-05-14"})
    repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")
    result = cli("history", tampere, "-f", "docx", "-o", repo.root / "raportit")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(repo.root / "raportit" / "837-tampere-seuranta.docx")
    texts = _texts(document)
    assert "Myöhässä <w:t> & {{ x }}" in texts
    assert "Tiedosto 837-tampere.yaml. Toimenpiteiden tilanne 14.5.2024." in texts
    ideas = next(t for t in document.tables if t.rows[0].cells[0].text == "Idea")
    row = next(r for r in ideas.rows if r.cells[0].text.startswith("4. "))
    assert [c.text for c in row.cells[1:]] == ["2", "3", "+1"]
    assert {p.style.name for p in document.paragraphs if p.text == "Tasot ajan mittaan"} == {"Heading 1"}


def test_report_with_history_in_word_has_the_levels_over_time(cli, repo: Repo, tampere: Path, workbook):
    set_values(tampere, workbook, **{"4__taso": "2", "arviointi__pvm": "2023-05-10"})
    repo.commit("Arviointi 2023", "2023-05-10T12:00:00+03:00")
    set_values(tampere, workbook, **{"4__taso": "4", "arviointi__pvm": "2024-05-14"})
    repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")
    result = cli("report", tampere, "-f", "docx", "--historia", "-o", repo.root / "r")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(repo.root / "r" / "837-tampere.docx")
    assert {p.style.name for p in document.paragraphs if p.text == "Tasot ajan mittaan"} == {"Heading 1"}
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Idea", "Ensin", "Nyt", "Muutos"])
    row = next(r for r in table.rows if r.cells[0].text.startswith("4. "))
    assert [c.text for c in row.cells[1:]] == ["2", "4", "+2"]
