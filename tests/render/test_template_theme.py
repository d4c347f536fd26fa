"""The shared template theme (``_theme.typ.j2``, ``_base.html.j2``) and organisations' own templates.

The bundled documents take their house style from the theme; an organisation's own templates
(``--templates``) may use it, replace it, or ignore it. Byte-identical output of the bundled
documents is proved by the golden files (tests/e2e) and was checked on the PDFs when the theme
was factored out.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
COMPLETE = EXAMPLES / "901-esimerkkila.yaml"
BUNDLED_THEME = REPO / "templates" / "_theme.typ.j2"

OWN_REPORTS = {
    # Plain Typst, no theme: an organisation's template from before the theme keeps working.
    "ilman teemaa": '#set text(font: "Inter")\n= {{ kunta.nimi }}\n\nOma pohja ilman teemaa.\n',
    # The bundled theme, with the organisation's own measures.
    "teemalla": (
        '{% import "_theme.typ.j2" as theme %}\n'
        "{{ theme.palette() }}\n"
        '{{ theme.body("11pt", "0.7em") }}\n'
        '{{ theme.page("2cm", "8pt", head=("[Oma]", kunta.nimi|typst_str)) }}\n'
        "{{ theme.headings() }}\n"
        '{{ theme.heading(2, "14pt", "1em", "0.5em") }}\n'
        "= {{ kunta.nimi }}\n\n== Oma osio\n\n#text(fill: navy)[Oma pohja teemalla.]\n\n"
        "{{ theme.colophon(tuottaja) }}\n"
    ),
}


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.mark.parametrize("kind", OWN_REPORTS)
def test_an_organisations_own_typst_report_renders_with_or_without_the_theme(cli, tmp_path, kind) -> None:
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.typ.j2").write_text(OWN_REPORTS[kind], encoding="utf-8")
    result = cli("report", COMPLETE, "-f", "typ,pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    text = _pdf_text(tmp_path / "out" / "901-esimerkkila.pdf")
    assert "Esimerkkilä" in text and f"Oma pohja {kind}." in text
    typ = (tmp_path / "out" / "901-esimerkkila.typ").read_text(encoding="utf-8")
    assert ('#let navy = rgb("#16406b")' in typ) == (kind == "teemalla")


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["report", COMPLETE], "901-esimerkkila.typ"),
        (["compare", *sorted(EXAMPLES.glob("*.yaml"))], "vertailu.typ"),
    ],
)
def test_an_organisations_own_theme_restyles_the_bundled_documents(cli, tmp_path, command, written) -> None:
    """Fails before the theme: each document defined its colours itself, so no one file restyled them all."""
    own = tmp_path / "pohjat"
    own.mkdir()
    theme = BUNDLED_THEME.read_text(encoding="utf-8")
    assert '#let navy = rgb("#16406b")' in theme
    (own / "_theme.typ.j2").write_text(theme.replace('rgb("#16406b")', 'rgb("#6b1640")'), encoding="utf-8")
    result = cli(*command, "-f", "typ,pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    typ = (tmp_path / "out" / written).read_text(encoding="utf-8")
    assert '#let navy = rgb("#6b1640")' in typ and "#16406b" not in typ
    assert (tmp_path / "out" / written).with_suffix(".pdf").stat().st_size > 0


def test_an_organisations_html_page_on_the_base_gets_the_shared_style_and_footer(cli, tmp_path) -> None:
    own = tmp_path / "pohjat"
    own.mkdir()
    (own / "report.html.j2").write_text(
        '{% extends "_base.html.j2" %}{% block title %}{{ kunta.nimi }}{% endblock %}'
        "{% block content %}<h1>{{ kunta.nimi }}</h1>\n{% endblock %}",
        encoding="utf-8",
    )
    result = cli("report", COMPLETE, "-f", "html", "--templates", own, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / "901-esimerkkila.html").read_text(encoding="utf-8")
    assert "--navy: #16406b" in html and "<h1>Esimerkkilä (kuvitteellinen kunta)</h1>" in html
    assert "<footer>Tuotettu: jtk " in html and html.endswith("</footer>\n</main>\n</body>\n</html>\n")


def _typst_pages(source: str) -> list[bytes]:
    """``source`` as PNG pages, compiled with jtk's fonts (Inter) and nothing from the system."""
    import typst

    from jarjestotyokirja.render.typst import font_dirs

    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                        font_paths=[str(d) for d in font_dirs()])
    pages = typst.compile(source.encode(), font_paths=fonts, ignore_system_fonts=True, format="png", ppi=72)
    return pages if isinstance(pages, list) else [pages]


def test_combining_marks_still_compose_where_the_theme_turns_glyph_composition_off() -> None:
    """The theme turns Inter's glyph composition (ccmp) off for speed and back on in any word with a
    character outside Latin, punctuation and symbols: letters with combining marks that have no
    precomposed form (j́, q̇, a circled or boxed letter, Cyrillic stress) come out exactly as with
    ccmp on everywhere, and so does plain Finnish text. Without the show rule they would not:
    the marks would sit on the letters uncomposed (the j keeps its dot under the accent)."""
    from jarjestotyokirja.render.environment import environment

    preamble = environment("typ").from_string(
        '{% import "_theme.typ.j2" as theme %}{{ theme.palette() }}\n{{ theme.body("14pt", "0.7em") }}\n').render()
    assert "ccmp: 0" in preamble
    marked = '#"j\u0301 ja q\u0307, B\u20de ja 1\u20dd, уда\u0301рение, ω\u0301 ja i\u0301"\n\n'
    plain = '#"Järjestöyhteistyö – ”lainaus” … 10 % & ry"\n\n#strong[Lihava j\u0301] #emph[kursiivi j\u0301]'
    ccmp_everywhere = preamble + "#set text(features: (ccmp: 1))\n"
    assert _typst_pages(preamble + marked + plain) == _typst_pages(ccmp_everywhere + marked + plain)
    without_rule = "\n".join(line for line in preamble.splitlines() if "ccmp: 1" not in line) + "\n"
    assert _typst_pages(without_rule + marked) != _typst_pages(ccmp_everywhere + marked)
