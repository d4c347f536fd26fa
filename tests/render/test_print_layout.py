"""The PDF as printed, read back page by page: no nearly empty pages, a draft looks like a draft,
and line breaks respect Finnish names and compounds.

Fails before issue 11: 902 and 903 had pages holding one stray line before each forced phase break,
nothing marked an unfinished plan as a draft, names were hyphenated ("Esi-merkkilän"), short words
too ("ko-koontuu"), and "ry" could start a line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from jarjestotyokirja.report.build import write_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
TITLE = "Järjestöyhteistyön kehittämissuunnitelma"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, workbook) -> dict[str, list[str]]:
    """Each example's PDF as the text of its pages, without the running header and page number."""
    out = tmp_path_factory.mktemp("taitto")
    pages = {}
    for path in EXAMPLE_FILES:
        (pdf,) = write_report(path, workbook, ["pdf"], out_dir=out)
        texts = []
        for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages:
            lines = [line for line in page.extract_text().split("\n") if line.strip()]
            if texts and lines and TITLE in lines[0]:
                lines = lines[1:]
            if lines and re.fullmatch(r"\d+ / \d+", lines[-1].strip()):
                lines = lines[:-1]
            texts.append("\n".join(lines))
        pages[path.stem] = texts
    return pages


def test_no_page_but_the_last_is_nearly_empty(pdfs) -> None:
    for name, pages in pdfs.items():
        short = [(i + 1, text) for i, text in enumerate(pages[:-1]) if len(text.split("\n")) < 12]
        assert not short, (name, short)


def test_an_unfinished_plan_is_marked_as_a_draft_in_every_format(pdfs, workbook, tmp_path) -> None:
    assert not any("Luonnos" in page or "LUONNOS" in page for page in pdfs["901-esimerkkila"])
    for name in ("902-mallikyla", "903-koekoski"):
        cover, *rest = pdfs[name]
        assert "LUONNOS" in cover and "kysymykseen" in cover
        md, html = write_report(EXAMPLES / f"{name}.yaml", workbook, ["md", "html"], out_dir=tmp_path)
        assert "**Luonnos**: vastattu" in md.read_text(encoding="utf-8")
        assert '<p class="draft"><strong>Luonnos</strong>' in html.read_text(encoding="utf-8")
    # The running header says so on every page, with the share answered.
    reader = PdfReader(io.BytesIO(write_report(EXAMPLES / "903-koekoski.yaml", workbook, ["pdf"], out_dir=tmp_path)[0].read_bytes()))
    headers = [page.extract_text().split("\n")[0] for page in reader.pages[1:]]
    assert all(re.search(r"Luonnos, vastattu \d+ %", h) for h in headers), headers


def test_names_short_words_ry_and_suspended_compounds_break_well(pdfs) -> None:
    for name, pages in pdfs.items():
        text = "\n".join(pages)
        for before, after in _hyphenations(pages):
            word = before + after
            assert len(word) >= 10, (name, before, after)
            assert not word.startswith(("Esimerkkil", "Mallikyl", "Koekosk", "Järjestöt")), (name, word)
        assert not re.search(r"\nry\b", text), name
        assert not re.search(r" -\n", text), name  # "ja -" never ends a line without its word


def _hyphenations(pages: list[str]) -> list[tuple[str, str]]:
    """The words Typst hyphenated at a line end, as (before, after) the break.

    pypdf shows Typst's hyphen as "-", like a typed one; a break is a hyphenation when the two
    halves joined are text of the examples or the workbook ("tuki-" + "palvelut"), not when a typed
    hyphen ends the line ("avustus-" + "ja" of "avustus- ja").
    """
    text = "\n".join(pages)
    return [(before, after) for before, after in re.findall(r"(\w+)-\n(\w+)", text) if before + after in SOURCE]


SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in [*EXAMPLE_FILES, EXAMPLES.parent / "workbook.yaml"])


def test_no_hyphenation_leaves_fewer_than_three_letters_on_a_line(pdfs) -> None:
    """Fails before issue 11's fix: "yh-distyksistä", "tu-kipalvelut", "aikapäällik-kö" in tables."""
    breaks = [(name, *pair) for name, pages in pdfs.items() for pair in _hyphenations(pages)]
    assert len(breaks) > 10  # the narrow columns are still hyphenated
    assert not [b for b in breaks if len(b[1]) < 3 or len(b[2]) < 3], breaks


def test_typed_list_lines_hang_in_the_pdf_and_the_html(workbook, tmp_path) -> None:
    """Fails before issue 11: '- ' lines ran on as plain lines, continuation under the dash."""
    from jarjestotyokirja.render.escaping import html_text, typst_escape

    text = "Kulmakivet:\n- nimetty järjestöyhdyshenkilö\n• *yhtenäiset* avustusperiaatteet & haku\nLoppu."
    source = typst_escape(text)
    assert source.count("#par(hanging-indent:") == 2 and '"- nimetty järjestöyhdyshenkilö"' in source
    html = str(html_text(text))
    assert '<span class="li">- nimetty järjestöyhdyshenkilö</span>' in html
    assert '<span class="li">• *yhtenäiset* avustusperiaatteet &amp; haku</span>' in html
    typ, page = write_report(EXAMPLES / "901-esimerkkila.yaml", workbook, ["typ", "html"], out_dir=tmp_path)
    assert "#par(hanging-indent:" in typ.read_text(encoding="utf-8")
    assert '<span class="li">- ' in page.read_text(encoding="utf-8")
