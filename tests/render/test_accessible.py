"""Every document is an accessible publication: PDF/UA-1 and PDF/A-2a PDFs read back with pypdf
(metadata, language, title shown, tagged headings in order, alt text on charts), and consecutive
heading levels in the Markdown and HTML too.

Fails before issue 11: the PDFs were not compiled to either standard (no XMP part, no
``/DisplayDocTitle``), the report jumped from ``=`` to ``===`` under Yhteenveto (and ``#`` to ``###``
in the Markdown, ``<h1>`` to ``<h4>`` in the HTML), and no chart carried a description in words.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    """The three examples' reports, their comparison (also grouped) in md, html and pdf."""
    from typer.testing import CliRunner

    from jarjestotyokirja.cli.main import app

    out = tmp_path_factory.mktemp("julkaisu")
    runner = CliRunner()
    for args in (
        ["report", *map(str, EXAMPLE_FILES), "-f", "md,html,pdf", "-o", str(out), "-j", "1"],
        ["compare", *map(str, EXAMPLE_FILES), "-f", "md,html,pdf", "-o", str(out)],
        ["compare", *map(str, EXAMPLE_FILES), "-f", "md,html,pdf", "-o", str(out), "--by", "maakunta", "--nimi", "alueet"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return {p.name: p for p in out.iterdir()}


def _names(documents: dict[str, Path], suffix: str) -> list[str]:
    return sorted(name for name in documents if name.endswith(suffix))


def _check_pdf(data: bytes) -> None:
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), "PDF/UA-1 puuttuu"
    assert re.search(r"pdfaid:part(>|=\")2", xmp) and re.search(r"pdfaid:conformance(>|=\")A", xmp)
    assert str(root["/Lang"]).startswith("fi")
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title
    assert bool(root["/MarkInfo"]["/Marked"])
    tags = list(_struct(root["/StructTreeRoot"]))
    levels = [int(tag[2]) for tag, _ in tags if re.fullmatch(r"/H[1-6]", tag)]
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    for tag, node in tags:
        if tag == "/Figure":
            assert str(node.get("/Alt", "")).strip(), "kaaviolta puuttuu tekstivastine"


def _struct(node):  # type: ignore[no-untyped-def]
    node = node.get_object()
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/S" in kid:
            yield str(kid["/S"]), kid
            yield from _struct(kid)


def test_every_pdf_is_pdf_ua_1_and_pdf_a_2a(documents) -> None:
    pdfs = _names(documents, ".pdf")
    assert len(pdfs) == 5
    for name in pdfs:
        _check_pdf(documents[name].read_bytes())


def test_the_level_chart_is_described_in_words(documents, workbook) -> None:
    reader = PdfReader(io.BytesIO(documents["901-esimerkkila.pdf"].read_bytes()))
    alts = [str(node.get("/Alt")) for tag, node in _struct(reader.trailer["/Root"]["/StructTreeRoot"]) if tag == "/Figure"]
    summary = next(a for a in alts if a.startswith("Nykytaso ja tavoitetaso ideoittain"))
    assert "idea 1: taso 2, tavoite 4" in summary
    html = documents["901-esimerkkila.html"].read_text(encoding="utf-8")
    assert f'aria-label="{summary}"' in html


def _md_levels(text: str) -> list[int]:
    return [int(t.tag[1]) for t in MarkdownIt("commonmark").enable("table").parse(text) if t.type == "heading_open"]


def _html_levels(text: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", text)]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_heading_levels_are_consecutive(documents, suffix) -> None:
    read = _md_levels if suffix == ".md" else _html_levels
    names = _names(documents, suffix)
    assert len(names) == 5
    for name in names:
        levels = read(documents[name].read_text(encoding="utf-8"))
        assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not jumps, (name, jumps)


def test_the_monitoring_document_is_accessible(cli, repo, tampere, workbook, tmp_path) -> None:
    from git_helpers import set_values

    set_values(tampere, workbook, **{"1__taso": "2", "1__tavoitetaso": "4", "arviointi__pvm": "2024-05-14"})
    repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")
    result = cli("history", tampere, "-f", "md,html,pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    _check_pdf((tmp_path / "837-tampere-seuranta.pdf").read_bytes())
    for suffix, read in ((".md", _md_levels), (".html", _html_levels)):
        levels = read((tmp_path / f"837-tampere-seuranta{suffix}").read_text(encoding="utf-8"))
        assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    report = cli("report", tampere, "-f", "pdf", "-o", tmp_path, "--historia")
    assert report.exit_code == 0, report.stderr
    _check_pdf((tmp_path / "837-tampere.pdf").read_bytes())


def test_a_character_no_font_has_keeps_the_standards_and_is_named(cli, workbook, tmp_path) -> None:
    """Fails before this change: a PDF with an emoji was compiled again without PDF/UA and PDF/A,
    silently. Now the standards stay, the emoji is shown as its code, and stderr names it."""
    from jarjestotyokirja.errors import M
    from jarjestotyokirja.store.answers_files import load_answers, save_answers

    path = tmp_path / "901-esimerkkila.yaml"
    answers = load_answers(EXAMPLES / "901-esimerkkila.yaml", workbook)
    answers.answer("1").nykytila = "Järjestöpäivä 🎉 onnistui 😀 hyvin."
    save_answers(path, answers, workbook)
    result = cli("report", path, "-f", "md,pdf", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    notice = M.PDF_UNSHOWN_CHARACTERS.format(chars="🎉 😀", codes="[U+1F389], [U+1F600]")
    assert notice in result.stderr
    pdf = (tmp_path / "out" / "901-esimerkkila.pdf").read_bytes()
    _check_pdf(pdf)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Järjestöpäivä [U+1F389] onnistui [U+1F600] hyvin." in text
    assert "Järjestöpäivä 🎉 onnistui 😀 hyvin." in (tmp_path / "out" / "901-esimerkkila.md").read_text(encoding="utf-8")
