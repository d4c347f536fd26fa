"""jtk report end to end: golden Markdown of the examples, PDF contents, partial, empty and failing
files, batches, determinism, hostile text, and the organisation's own templates."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from jarjestotyokirja import __version__
from jarjestotyokirja.errors import M
from jarjestotyokirja.report.build import write_report
from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import add_action, set_value
from tests.conftest import codes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
COMPLETE = EXAMPLES / "901-esimerkkila.yaml"

HOSTILE = {
    "tilannekuva.nykytila": '#read("/etc/passwd") ja #import "@preview/cetz:0.3.1"',
    "tilannekuva.tavoitetila": "<script>alert('x')</script> <img src=x onerror=alert(1)>",
    "4.nykytila": "# Otsikko\n1. lista\n- kohta\n**lihava** `koodi` [linkki](https://example.com)",
    "4.tavoitetila": '$x^2$ @viite <label> \\ ";#panic("x");" ]#text(red)[punainen',
    "4.seuranta": "| a | b |\n|---|---|\n===\n    sisennetty",
    "lopuksi.yhteenveto": "{{ 7*7 }} {% raw %} ${HOME} &amp; &#60;",
}


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _squash(text: str) -> str:
    """Whitespace and hyphens out: line breaks and hyphenation in the PDF do not matter."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _texts(answers) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text the user typed in an answers file."""
    texts = [answers.kunta.nimi, answers.arviointi.konsultti, answers.lopuksi.yhteenveto, answers.lopuksi.seuranta]
    texts += [v for a in answers.vastaukset.values() for v in (a.nykytila, a.tavoitetila, a.seuranta)]
    texts += [v for a in answers.toimenpiteet for v in (a.teksti, a.vastuutaho, a.mittari)]
    texts += [v for p in answers.hyvat_kaytannot for v in (p.otsikko, p.kuvaus)]
    texts += [v for p in answers.arviointi.osallistujat for v in (p.nimi, p.rooli, p.organisaatio)]
    return [t for t in texts if t]


# --- golden Markdown -----------------------------------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_markdown_of_the_examples_matches_the_golden_file(example, workbook, tmp_path, request) -> None:
    written = write_report(example, workbook, ["md"], out_dir=tmp_path)
    text = written[0].read_text(encoding="utf-8").replace(f"jtk {__version__}", "jtk VERSIO")
    golden = GOLDEN / f"{example.stem}.md"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} puuttuu: aja pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8"), "aja pytest --update-golden ja tarkista muutos diffistä"


# --- PDF contents ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def complete_pdf(tmp_path_factory, workbook) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    return write_report(COMPLETE, workbook, ["pdf"], out_dir=out)[0]


def _pdf_body(path: Path) -> str:
    """The PDF's text without the running header and the page numbers, which split a paragraph
    that goes on over a page break."""
    pages = []
    for page in PdfReader(io.BytesIO(path.read_bytes())).pages:
        lines = re.sub(r"\d+ / \d+\s*$", "", page.extract_text()).split("\n")
        if len(pages) and lines[0].endswith("Järjestöyhteistyön kehittämissuunnitelma"):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return "\n".join(pages)


def test_pdf_holds_every_answered_text_idea_title_and_action(complete_pdf, workbook) -> None:
    text = _squash(_pdf_body(complete_pdf))
    answers = load_answers(COMPLETE, workbook)
    for typed in _texts(answers):
        assert _squash(typed) in text, typed[:60]
    for idea in workbook.ideas:
        assert _squash(idea.title) in text, idea.title
    for heading in ("Sisällys", "Yhteenveto", "Toimenpidesuunnitelma", "Lyhyt aikaväli", "Pitkä aikaväli"):
        assert _squash(heading) in text


def test_pdf_is_a4_with_page_numbers_and_the_municipality_in_the_running_header(complete_pdf) -> None:
    reader = PdfReader(complete_pdf)
    pages = reader.pages
    assert len(pages) > 8
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    for number, page in enumerate(pages[1:], start=2):
        page_text = page.extract_text()
        assert "Esimerkkilä (kuvitteellinen kunta)" in page_text
        assert f"{number} / {len(pages)}" in page_text
    assert reader.metadata.title == "Järjestöyhteistyön kehittämissuunnitelma: Esimerkkilä (kuvitteellinen kunta)"
    assert reader.metadata.creation_date.date().isoformat() == "2026-02-17"  # the assessment's, not today's


def test_same_answers_give_byte_identical_reports(workbook, tmp_path) -> None:
    first = write_report(COMPLETE, workbook, ["md", "html", "pdf"], out_dir=tmp_path / "a")
    second = write_report(COMPLETE, workbook, ["md", "html", "pdf"], out_dir=tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert b"2026" in first[2].read_bytes()  # the creation date is the assessment date's


# --- partial, empty, strict --------------------------------------------------------------------

def test_empty_file_renders_and_marks_every_question_unanswered(cli, new_file, tmp_path) -> None:
    path = new_file("Helsinki")
    result = cli("report", path, "-f", "md,html,pdf", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    markdown = (tmp_path / "out" / "091-helsinki.md").read_text(encoding="utf-8")
    assert "## Vastaamatta olevat kysymykset" in markdown
    assert markdown.count("*(vastaamatta)*") > 40
    assert "Vastattu 0/41 kysymykseen (0 %)" in markdown
    pdf = _pdf_text(tmp_path / "out" / "091-helsinki.pdf")
    assert "Vastaamatta olevat kysymykset" in pdf and "Helsinki" in pdf


def test_partial_example_lists_exactly_its_unanswered_questions(workbook, tmp_path) -> None:
    from jarjestotyokirja.report.context import build_context

    answers = load_answers(EXAMPLES / "902-mallikyla.yaml", workbook)
    context = build_context(workbook, answers)
    missing = {entry["tunnus"]: entry["kentat"] for entry in context["vastaamatta"]}
    for item in workbook.items:
        answer = answers.answer(item.key)
        for field in item.fields:
            assert (field.label in missing.get(item.key, [])) == (not getattr(answer, field.id)), (item.key, field.id)
    assert missing["lopuksi"] == ["Tavoitetilan yhteenveto", "Seuranta"]
    assert "Mitkä nykyisistä vastuista siirtyvät hyvinvointialueille?" in str(context["vastaamatta"])


def test_strict_refuses_unanswered_questions_and_writes_nothing(cli, tmp_path) -> None:
    result = cli("report", EXAMPLES / "902-mallikyla.yaml", "--strict", "-o", tmp_path)
    assert result.exit_code == 1
    assert "Vastaamatta" in result.stderr and "(--strict)" in result.stderr and "902-mallikyla.yaml" in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert cli("report", COMPLETE, "--strict", "-f", "md", "-o", tmp_path).exit_code == 0


# --- batches -----------------------------------------------------------------------------------

def test_a_failing_file_is_reported_and_the_rest_still_render(cli, tmp_path) -> None:
    broken = tmp_path / "999-rikki.yaml"
    broken.write_text("kunta: [\n", encoding="utf-8")
    missing = tmp_path / "998-puuttuu.yaml"
    empty = tmp_path / "997-tyhja.yaml"
    empty.write_bytes(b"")
    files = [EXAMPLE_FILES[0], broken, missing, empty, *EXAMPLE_FILES[1:]]
    result = cli("report", *files, "-f", "md", "-o", tmp_path / "out", "-j", "2")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{p.stem}.md" for p in EXAMPLE_FILES)
    # The whole line, as a screen reader or grep sees it: the code, then file, line and message.
    assert f"virhe {M.FILE_NOT_FOUND.code}: {missing}: {M.FILE_NOT_FOUND}\n" in result.stderr
    assert f"virhe {M.EMPTY_FILE.code}: {empty}:1: {M.EMPTY_FILE}\n" in result.stderr
    assert f": {broken}:" in result.stderr and M.FILE_NOT_FOUND.code in codes(result)
    assert re.search(r"Valmis: 3/6 tiedostoa, 3 raporttia, 3 epäonnistui \(\d+,\d s\)\.", result.stderr)
    assert result.stdout == ""


def test_batch_in_workers_writes_the_same_bytes_as_one_process(cli, tmp_path) -> None:
    assert cli("report", *EXAMPLE_FILES, "-f", "md,pdf", "-o", tmp_path / "one", "-j", "1").exit_code == 0
    assert cli("report", *EXAMPLE_FILES, "-f", "md,pdf", "-o", tmp_path / "two", "-j", "2").exit_code == 0
    for one in sorted((tmp_path / "one").iterdir()):
        assert one.read_bytes() == (tmp_path / "two" / one.name).read_bytes(), one.name


def test_workers_take_pdfs_one_at_a_time_and_text_reports_a_few_at_a_time() -> None:
    """A PDF costs about 0.2 s: eight to a task left one worker compiling for over a second at the
    end of a 309-file batch while the other waited (issue 11). Text reports cost about as much as
    sending the task, so they still go a few at a time."""
    from jarjestotyokirja.report.batch import ReportJob, task_size

    assert task_size(ReportJob(formats=("md", "pdf")), 309, 2) == 1
    assert task_size(ReportJob(formats=("docx",)), 309, 2) == 1
    assert task_size(ReportJob(formats=("md", "html")), 309, 2) == 8
    assert task_size(ReportJob(formats=("md",)), 12, 2) == 1


def test_two_files_with_the_same_name_do_not_overwrite_each_other(cli, tmp_path) -> None:
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / COMPLETE.name
    shutil.copy(COMPLETE, copy)
    result = cli("report", COMPLETE, copy, "-f", "md", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert M.REPORT_SAME_OUTPUT.format(name=COMPLETE.stem, other=COMPLETE) in result.stderr


def test_output_is_written_atomically_and_leaves_no_temporary_files(cli, tmp_path) -> None:
    target = tmp_path / "901-esimerkkila.md"
    target.write_text("vanha", encoding="utf-8")
    target.chmod(0o640)
    assert cli("report", COMPLETE, "-f", "md", "-o", tmp_path).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Järjestöyhteistyön kehittämissuunnitelma")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_formats_and_usage_errors(cli, tmp_path) -> None:
    result = cli("report", COMPLETE, "-f", "md, HTML", "-o", tmp_path)
    assert result.exit_code == 0
    assert "Kirjoitettu" in result.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".md"]
    bad = cli("report", COMPLETE, "-f", "odt")
    assert bad.exit_code == 2 and codes(bad) == [M.REPORT_FORMAT.code] and "”odt”" in bad.stderr
    assert cli("report", COMPLETE, "-j", "-1").exit_code == 2


def test_default_formats_are_markdown_and_pdf_in_the_current_folder(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("report", COMPLETE).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["901-esimerkkila.md", "901-esimerkkila.pdf"]


# --- hostile text --------------------------------------------------------------------------------

@pytest.fixture
def hostile_file(new_file, workbook) -> Path:
    path = new_file("Helsinki", pvm="2026-01-15", konsultti="<b>Konsultti</b> #strong[x]")
    with edit_answers(path, workbook) as answers:
        for key, value in HOSTILE.items():
            set_value(answers, workbook, key, value)
        # Past its due date, so it is also in the monitoring section's table of late actions.
        add_action(answers, workbook, teksti="*tähti* | putki |", vastuutaho="<i>x</i>", mittari="`#eval(\"1\")`", idea="4",
                   maaraaika="2026-01-01")
    return path


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.add(tag)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_hostile_text_is_literal_in_markdown_html_and_pdf(hostile_file, workbook, tmp_path) -> None:
    md_path, html_path, pdf_path = write_report(hostile_file, workbook, ["md", "html", "pdf"], out_dir=tmp_path)
    answers = load_answers(hostile_file, workbook)

    tokens = MarkdownIt("commonmark").enable("table").parse(md_path.read_text(encoding="utf-8"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"link_open", "image", "html_block", "fence", "code_block"}
    assert {c.content for t in tokens for c in t.children or [] if c.type == "html_inline"} <= {"<br>"}

    page = _Tags()
    page.feed(html_path.read_text(encoding="utf-8"))
    assert not page.tags & {"script", "img", "i", "label"}  # the template uses <b> itself
    html_text = "".join(page.text)

    pdf_text = _squash(_pdf_text(pdf_path))
    assert "root:" not in pdf_text  # #read("/etc/passwd") was not evaluated
    for typed in _texts(answers):
        for line in typed.split("\n"):
            assert line.strip() in html_text, line
            assert _squash(line) in pdf_text, line


# --- the monitoring section: action progress ------------------------------------------------------

LATE_TEXT = "Myöhässä <b>oleva</b> #toimenpide *tähti*"


@pytest.fixture
def progress_file(new_file, workbook) -> Path:
    """Assessed 1.3.2026: one action late then, one due later, one done after its due date, one undated."""
    path = new_file("Helsinki", pvm="2026-03-01")
    with edit_answers(path, workbook) as answers:
        add_action(answers, workbook, teksti=LATE_TEXT, vastuutaho="Kulttuuri | vapaa-aika", maaraaika="2026-02-15",
                   tila="käynnissä")
        add_action(answers, workbook, teksti="Valmis myöhässä", maaraaika="2026-01-31", tila="valmis")
        add_action(answers, workbook, teksti="Keväällä", maaraaika="2026-04-30")
        add_action(answers, workbook, teksti="Ilman määräaikaa")
    return path


def _between(text: str, start: str, end: str) -> str:
    """From the last ``start`` (past the PDF's table of contents) to the next ``end``."""
    assert start in text, start
    return text.rsplit(start, 1)[1].split(end, 1)[0]


def test_monitoring_section_shows_late_actions_in_every_format(cli, progress_file, tmp_path) -> None:
    result = cli("report", progress_file, "-f", "md,html,pdf", "-o", tmp_path, "--tilanne", "2026-06-30")
    assert result.exit_code == 0, result.stderr

    md = _between((tmp_path / "091-helsinki.md").read_text(encoding="utf-8"), "\n## Seuranta\n", "\n## ")
    assert "### Toimenpiteiden tilanne 30.6.2026" in md
    assert "| Suunniteltu | 2 |\n| Käynnissä | 1 |\n| Valmis | 1 |\n| **Yhteensä** | **4** |" in md
    assert "Valmiina 25 % toimenpiteistä (1/4)." in md
    late = md.split("#### Myöhässä olevat toimenpiteet", 1)[1]
    assert late.strip().splitlines()[2:] == [  # the latest first; the done one is not late
        "| 1 | Myöhässä \\<b>oleva\\</b> #toimenpide \\*tähti\\* | Kulttuuri \\| vapaa-aika | 15.2.2026 | **135 pv** | Käynnissä |",
        "| 3 | Keväällä | – | 30.4.2026 | **61 pv** | Suunniteltu |",
    ]

    html = _between((tmp_path / "091-helsinki.html").read_text(encoding="utf-8"), 'id="seuranta"', "</section>")
    assert "Toimenpiteiden tilanne 30.6.2026" in html and "<b>oleva</b>" not in html
    page = _Tags()
    page.feed(_between(html, '<table class="late">', "</table>"))
    rows = "".join(page.text)
    assert LATE_TEXT in rows and "135 pv" in rows and "61 pv" in rows
    assert "Valmis myöhässä" not in rows and "Ilman määräaikaa" not in rows

    pdf = _pdf_text(tmp_path / "091-helsinki.pdf")
    section = _between(pdf, "Toimenpiteiden tilanne 30.6.2026", "Kuntien hyvät käytännöt")
    late = _squash(section.split("MYÖHÄSSÄ OLEVAT TOIMENPITEET", 1)[1])
    assert _squash(LATE_TEXT) in late and "135pv" in late and "61pv" in late
    assert "Valmismyöhässä" not in late and "Ilmanmääräaikaa" not in late


def test_a_done_action_past_its_due_date_is_not_late(progress_file, workbook) -> None:
    from jarjestotyokirja.report.context import build_context

    answers = load_answers(progress_file, workbook)
    progress = build_context(workbook, answers, today="2026-06-30")["seuranta"]["toimenpiteet"]
    assert [(a["numero"], a["paivia"]) for a in progress["myohassa"]] == [(1, 135), (3, 61)]
    assert [a["numero"] for a in progress["valmiit"]] == [2]
    assert build_context(workbook, answers, today="2026-01-01")["seuranta"]["toimenpiteet"]["myohassa"] == []


def test_lateness_is_judged_on_the_assessment_date_by_default(cli, progress_file, tmp_path) -> None:
    assert cli("report", progress_file, "-f", "md", "-o", tmp_path).exit_code == 0
    md = _between((tmp_path / "091-helsinki.md").read_text(encoding="utf-8"), "\n## Seuranta\n", "\n## ")
    assert "### Toimenpiteiden tilanne 1.3.2026" in md
    assert "| 1 | Myöhässä" in md and "| **14 pv** |" in md and "Keväällä" not in md


def test_without_an_assessment_date_nothing_is_judged_late(cli, new_file, workbook, tmp_path) -> None:
    path = new_file("Helsinki")
    assert cli("report", path, "-f", "md", "-o", tmp_path).exit_code == 0
    assert "### Toimenpiteiden tilanne\n\nToimenpiteitä ei ole vielä kirjattu.\n" in (
        tmp_path / "091-helsinki.md"
    ).read_text(encoding="utf-8")
    with edit_answers(path, workbook) as answers:
        add_action(answers, workbook, teksti="Vanha", maaraaika="2020-01-31")
    assert cli("report", path, "-f", "md", "-o", tmp_path).exit_code == 0
    md = (tmp_path / "091-helsinki.md").read_text(encoding="utf-8")
    assert "Tilannepäivää ei ole asetettu (arvioinnin päivä puuttuu)" in md and "pv |" not in md
    assert cli("report", path, "-f", "md", "-o", tmp_path, "--tilanne", "2020-02-01").exit_code == 0
    assert "| **1 pv** |" in (tmp_path / "091-helsinki.md").read_text(encoding="utf-8")


def test_same_answers_and_date_give_byte_identical_reports_in_workers_too(cli, progress_file, tmp_path) -> None:
    files = [progress_file, COMPLETE]
    for out, jobs in (("a", "1"), ("b", "1"), ("c", "2")):
        args = ("-f", "md,html,pdf", "-o", tmp_path / out, "-j", jobs, "--tilanne", "2026-06-30")
        assert cli("report", *files, *args).exit_code == 0
    for first in sorted((tmp_path / "a").iterdir()):
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes(), first.name
        assert first.read_bytes() == (tmp_path / "c" / first.name).read_bytes(), first.name
    assert "| **135 pv** |" in (tmp_path / "c" / "091-helsinki.md").read_text(encoding="utf-8")  # workers got the date


@pytest.mark.parametrize("value", ["31.2.2026", "2026-02-30", "2026-1-5", "huomenna", "", "0000-01-01"])
def test_a_bad_status_date_is_a_usage_error(cli, tmp_path, value) -> None:
    from jarjestotyokirja.dates import date_problem

    result = cli("report", COMPLETE, "-f", "md", "-o", tmp_path / "out", "--tilanne", value)
    assert result.exit_code == 2
    assert M.OPTION_DATE.format(option="--tilanne", problem=date_problem(value)) in result.stderr
    assert not (tmp_path / "out").exists()


# --- levels over time (--historia) ---------------------------------------------------------------

@pytest.fixture
def tampere_history(repo, tampere, workbook) -> tuple[Path, list[str]]:
    """Tampere committed three times, levels of ideas 1 and 4 rising; returns the file and short commits."""
    from git_helpers import set_values

    commits = [repo.git("rev-parse", "--short=7", "HEAD").stdout.strip()]
    set_values(tampere, workbook, **{"1__taso": "1", "1__tavoitetaso": "3", "4__taso": "2", "arviointi__pvm": "2024-05-14"})
    commits.append(repo.commit("Arviointi 2024 <script>", "2024-05-14T12:00:00+03:00")[:7])
    set_values(tampere, workbook, **{"1__taso": "3", "1__tavoitetaso": "4", "4__taso": "4", "arviointi__pvm": "2025-05-20"})
    commits.append(repo.commit("Arviointi 2025", "2025-05-20T12:00:00+03:00")[:7])
    return tampere, commits


def test_history_section_shows_levels_over_time_in_every_format(cli, tampere_history, workbook, tmp_path) -> None:
    tampere, (first, second, third) = tampere_history
    out = tmp_path / "raportit"
    result = cli("report", tampere, "-f", "md,html,pdf", "-o", out, "--historia")
    assert result.exit_code == 0, result.stderr
    practices = workbook.good_practices.title
    ideas = [item for item in workbook.items if item.has_levels]

    md = (out / "837-tampere.md").read_text(encoding="utf-8")
    assert md.index("\n## Seuranta\n") < md.index("\n## Tasot ajan mittaan\n") < md.index(f"\n## {practices}\n")
    section = _between(md, "\n## Tasot ajan mittaan\n", "\n## ")
    assert "(3 versiota)" in section
    rest = " –/– |" * (len(ideas) - 4)
    rows = [line for line in section.splitlines() if line.startswith(("| 1.", "| 14.", "| 20."))]
    assert rows == [
        f"| 1.5.2023 | {first} | – | –/– | –/– | –/– | –/– |{rest}",
        f"| 14.5.2024 | {second} | 14.5.2024 | 1/3 | –/– | –/– | 2/– |{rest}",
        f"| 20.5.2025 | {third} | 20.5.2025 | 3/4 | –/– | –/– | 4/– |{rest}",
    ]

    html = (out / "837-tampere.html").read_text(encoding="utf-8")
    assert '<li><a href="#tasot-ajan-mittaan">Tasot ajan mittaan</a></li>' in html
    section = _between(html, '<h2 id="tasot-ajan-mittaan">', "</section>")
    assert section.count("<svg") == len(ideas) and 'class="current"' in section and 'class="target"' in section
    assert "Arviointi 2024 &lt;script&gt;" in section and "<script>" not in html
    assert html.index('id="tasot-ajan-mittaan"') < html.index('id="hyvat-kaytannot"')

    pdf = _pdf_text(out / "837-tampere.pdf")
    assert pdf.count("Tasot ajan mittaan") == 2  # the table of contents and the section
    section = _between(pdf, "Tasot ajan mittaan", practices)
    assert "Tasot versioittain" in section and "20.5.2025" in section and third in section

    plain = cli("report", tampere, "-f", "md,pdf", "-o", tmp_path / "ilman")
    assert plain.exit_code == 0
    without = (tmp_path / "ilman" / "837-tampere.md").read_text(encoding="utf-8")
    assert "Tasot ajan mittaan" not in without
    assert without == md.replace("\n## Tasot ajan mittaan\n" + _between(md, "\n## Tasot ajan mittaan\n", "\n## "), "")
    assert "Tasot ajan mittaan" not in _pdf_text(tmp_path / "ilman" / "837-tampere.pdf")


def test_history_section_is_deterministic_in_workers_too(cli, repo, tampere_history, workbook, tmp_path) -> None:
    from git_helpers import set_values

    tampere, _ = tampere_history
    other = Path(shutil.copy(tampere, tampere.with_name("837-tampere-kopio.yaml")))
    repo.commit("Kopio", "2025-06-01T12:00:00+03:00")
    set_values(other, workbook, **{"2__taso": "2"})
    repo.commit("Kopio 2", "2025-06-02T12:00:00+03:00")
    for out, jobs in (("a", "1"), ("b", "1"), ("c", "2")):
        result = cli("report", tampere, other, "-f", "md,html,pdf", "-o", tmp_path / out, "-j", jobs, "--historia")
        assert result.exit_code == 0, result.stderr
    for first in sorted((tmp_path / "a").iterdir()):
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes(), first.name
        assert first.read_bytes() == (tmp_path / "c" / first.name).read_bytes(), first.name
    assert "## Tasot ajan mittaan" in (tmp_path / "c" / "837-tampere-kopio.md").read_text(encoding="utf-8")


def test_history_needs_git_and_two_versions_and_fails_only_that_file(cli, tampere_history, new_file, tmp_path) -> None:
    tampere, _ = tampere_history
    outside = new_file("Helsinki")  # in tmp_path, not in any repository
    out = tmp_path / "raportit"
    result = cli("report", outside, tampere, "-f", "md", "-o", out, "-j", "2", "--historia")
    assert result.exit_code == 1
    assert f"virhe {M.REPORT_HISTORY_NO_REPOSITORY.code}: {outside}: {M.REPORT_HISTORY_NO_REPOSITORY}" in result.stderr
    assert f"  vihje: {M.REPORT_HISTORY_NO_REPOSITORY.hint}\n" in result.stderr
    assert [p.name for p in out.iterdir()] == ["837-tampere.md"]
    assert "Valmis: 1/2 tiedostoa, 1 raporttia, 1 epäonnistui" in result.stderr

    alone = cli("report", outside, "-f", "md", "-o", out, "--historia")
    assert alone.exit_code == 1 and M.REPORT_HISTORY_NO_REPOSITORY in alone.stderr
    new = shutil.copy(tampere, tampere.with_name("092-uusi.yaml"))  # in the repository, never committed
    never = cli("report", new, "-f", "md", "-o", out, "--historia")
    assert never.exit_code == 1 and M.REPORT_HISTORY_TOO_FEW.format(count=0) in never.stderr
    assert cli("report", outside, "-f", "md", "-o", out).exit_code == 0  # without --historia git is not needed


def test_history_needs_two_committed_versions(cli, tampere, tmp_path) -> None:
    result = cli("report", tampere, "-f", "md", "-o", tmp_path / "out", "--historia")
    assert result.exit_code == 1
    assert f"virhe {M.REPORT_HISTORY_TOO_FEW.code}: {tampere}: {M.REPORT_HISTORY_TOO_FEW.format(count=1)}" in result.stderr
    assert not (tmp_path / "out" / "837-tampere.md").exists()


def test_own_templates_share_the_levels_chart_macros(cli, tampere_history, tmp_path) -> None:
    tampere, _ = tampere_history
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.md.j2").write_text(
        '{% import "_levels_chart.md.j2" as levels %}# {{ kunta.nimi }}\n\n{{ levels.table(historia.versiot, historia.ideat) }}\n',
        encoding="utf-8",
    )
    result = cli("report", tampere, "-f", "md", "--templates", own, "-o", tmp_path / "a", "--historia")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "a" / "837-tampere.md").read_text(encoding="utf-8")
    assert text.startswith("# Tampere\n\nSolussa nykytaso/tavoitetaso") and "| 20.5.2025 |" in text

    macros = tmp_path / "makrot"  # jtk's report, the organisation's own table macro
    macros.mkdir()
    (macros / "_levels_chart.md.j2").write_text(
        "{% macro table(versiot, ideat) %}Omat tasot: {{ versiot|length }} versiota{% endmacro %}", encoding="utf-8"
    )
    result = cli("report", tampere, "-f", "md", "--templates", macros, "-o", tmp_path / "b", "--historia")
    assert result.exit_code == 0, result.stderr
    assert "## Tasot ajan mittaan" in (text := (tmp_path / "b" / "837-tampere.md").read_text(encoding="utf-8"))
    assert "Omat tasot: 3 versiota" in text and "Solussa" not in text


# --- templates -------------------------------------------------------------------------------

def test_an_organisation_overrides_one_template_and_keeps_the_rest(cli, tmp_path) -> None:
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.md.j2").write_text("# {{ kunta.nimi }} ({{ kunta.koodi }}): oma pohja\n", encoding="utf-8")
    result = cli("report", COMPLETE, "-f", "md,html", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "901-esimerkkila.md").read_text(encoding="utf-8") == (
        "# Esimerkkilä (kuvitteellinen kunta) (901): oma pohja\n"
    )
    assert "<!DOCTYPE html>" in (tmp_path / "out" / "901-esimerkkila.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "Virhe mallipohjassa"),
        ("{{ kunta.nimi.__init__.__globals__ }}", "Virhe mallipohjassa"),
        ("{% include '../salaisuus.txt' %}", "Mallipohjaa ”../salaisuus.txt” ei löydy"),
        ("{{ ei_ole }}", "'ei_ole' is undefined"),
        ("{% for %}", "Virhe mallipohjassa"),
    ],
)
def test_user_templates_are_sandboxed_and_strict(cli, tmp_path, template, message) -> None:
    (tmp_path / "salaisuus.txt").write_text("SALAISUUS", encoding="utf-8")
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.md.j2").write_text(template, encoding="utf-8")
    result = cli("report", COMPLETE, "-f", "md", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and "SALAISUUS" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("typst", "message"),
    [
        ('#read("/etc/passwd")', "pohjat/etc/passwd"),  # absolute paths start at the template folder
        ('#read("../salaisuus.txt")', "would escape the project root"),
        ('#import "@preview/cetz:0.3.1": *', "paketteja ei ladata verkosta"),
        ('#import ("@pre" + "view/cetz:0.3.1"): *', "paketteja ei ladata verkosta"),
    ],
)
def test_user_typst_templates_cannot_leave_their_folder_or_download(cli, tmp_path, typst, message) -> None:
    (tmp_path / "salaisuus.txt").write_text("SALAISUUS", encoding="utf-8")
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.typ.j2").write_text(typst + "\n", encoding="utf-8")
    result = cli("report", COMPLETE, "-f", "pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert message in result.stderr


def test_user_typst_template_reads_files_in_its_own_folder(cli, tmp_path) -> None:
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "tervehdys.txt").write_text("Terveisiä pohjakansiosta", encoding="utf-8")
    (own / "report.typ.j2").write_text('#set text(font: "Inter")\n#read("tervehdys.txt") {{ kunta.nimi }}\n', encoding="utf-8")
    result = cli("report", COMPLETE, "-f", "pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "Terveisiä pohjakansiosta Esimerkkilä" in _pdf_text(tmp_path / "out" / "901-esimerkkila.pdf")


def test_missing_templates_folder_is_a_clear_error(cli, tmp_path) -> None:
    result = cli("report", COMPLETE, "--templates", tmp_path / "ei-ole", "-o", tmp_path)
    assert result.exit_code == 1
    assert M.TEMPLATES_NOT_A_DIR in result.stderr


# --- the installed command: progress bar on a terminal only -------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(shutil.which("jtk") is None and not Path(sys.executable).with_name("jtk").exists(), reason="jtk")
def test_progress_bar_on_a_terminal_and_quiet_output_otherwise(tmp_path) -> None:
    pexpect = pytest.importorskip("pexpect")
    jtk = str(Path(sys.executable).with_name("jtk"))
    args = [*map(str, EXAMPLE_FILES), "-f", "md", "-o", str(tmp_path), "-j", "1"]
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}

    child = pexpect.spawn(jtk, ["report", *args], env=env, encoding="utf-8", timeout=60, dimensions=(24, 100))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Raportit" in child.before and "3/3" in child.before  # the rich bar drew on the terminal
    assert "Valmis: 3/3 tiedostoa, 3 raporttia" in child.before

    piped = subprocess.run([jtk, "report", *args], capture_output=True, text=True, env=env, check=True)
    assert piped.stdout == ""
    assert re.fullmatch(r"Valmis: 3/3 tiedostoa, 3 raporttia \(\d+,\d s\)\.\n", piped.stderr)


@pytest.mark.parametrize(("current", "target", "bar"), [
    (2, 4, "██▒▒·"), (4, 2, "████·"), (None, 3, "▒▒▒··"), (3, None, "███··"), (None, None, "·····"), (5, 5, "█████"),
])
def test_the_markdown_level_bar_shows_current_way_and_rest(workbook, current, target, bar) -> None:
    from jarjestotyokirja.report.build import render_report

    answers = load_answers(COMPLETE, workbook)
    answers.answer("1").taso, answers.answer("1").tavoitetaso = current, target
    row = next(line for line in render_report(workbook, answers, "md").splitlines() if line.startswith("| 1. "))
    assert row.endswith(f"| `{bar}` |")
