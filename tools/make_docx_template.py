"""Build jtk's bundled Word templates ``templates/{report,compare,history}.docx`` (docxtpl tags).

Run from the repository root after changing it: ``python tools/make_docx_template.py``; commit the
script and the .docx together. An organisation makes its own template by opening this one in Word,
changing letterhead, fonts and styles (keeping the ``{{ … }}`` and ``{%p … %}`` tags) and saving it as
``report.docx`` in its ``--templates`` folder. The data the tags read is described in
``src/jarjestotyokirja/report/context.py``; ``kaavio_kuva`` is the level chart as an image.

The structure uses Word's own styles: Title, Heading 1–3 (the navigation pane and a table of
contents), List Bullet, tables with a header row that repeats on every page.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
NAVY = RGBColor(0x16, 0x40, 0x6B)
MISSING = '"(vastaamatta)"'


def tag(doc, text: str) -> None:
    """A paragraph that holds only a docxtpl block tag: ``{%p if … %}``; it disappears when rendered."""
    doc.add_paragraph(text)


def para(doc, text: str, style: str | None = None, *, italic: bool = False, bold_prefix: str = ""):
    paragraph = doc.add_paragraph(style=style)
    if bold_prefix:
        paragraph.add_run(bold_prefix).bold = True
    run = paragraph.add_run(text)
    run.italic = italic
    return paragraph


def answer(doc, expr: str) -> None:
    """A user's answer, or "(vastaamatta)" in italics when it is empty."""
    doc.add_paragraph(f"{{% if {expr} %}}{{{{ {expr} }}}}{{% else %}}({{{{ t.vastaamatta_merkki }}}}){{% endif %}}")


def repeat_header(row) -> None:
    """Mark ``row`` as the table's header row: Word repeats it on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def set_widths(t, widths_mm: list[int]) -> None:
    """Fixed column widths (Word and LibreOffice both honour the grid and every cell's width)."""
    t.autofit = False
    for col, width in zip(t.columns, widths_mm):
        col.width = Mm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def cell_text(cell, text: str, *, bold: bool = False, size: float | None = None) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def table(doc, headers: list[str], loop: str, cells: list[str], widths_mm: list[int], *,
          total: list[str] | None = None, size: float | None = None) -> None:
    """A table: a repeated bold header row, then one row per item of ``loop`` (``a in group.rivit``)."""
    t = doc.add_table(rows=0, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = t.add_row()
    for cell, text in zip(head.cells, headers):
        cell_text(cell, text, bold=True, size=size)
        shade(cell)
    repeat_header(head)
    t.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    row = t.add_row()
    for cell, text in zip(row.cells, cells):
        cell_text(cell, text, size=size)
    t.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    if total:
        last = t.add_row()
        for cell, text in zip(last.cells, total):
            cell_text(cell, text, bold=True, size=size)
    set_widths(t, widths_mm)
    doc.add_paragraph()


def shade(cell, fill: str = "D9E2F3") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (``PAGE``, ``TOC``) with the text shown until Word updates it."""
    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def set_language(doc, language: str = "fi-FI") -> None:
    """The document's default language (spelling, hyphenation, screen readers)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def styles(doc) -> None:
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.color.rgb = NAVY
        style.font.size = Pt(size)
        style.font.name = "Calibri"


def page(doc, header: str):  # type: ignore[no-untyped-def]
    """A4, margins, styles, fi-FI, ``header`` at the top and the page number at the bottom."""
    doc.core_properties.author = "jtk"
    doc.core_properties.title = "jtk:n Word-pohja"
    styles(doc)
    set_language(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(22))
    section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.add_run("{{ t.sivu }} ")
    field(footer, "PAGE", "1")
    return doc


def build() -> Document:
    doc = page(Document(), header="{{ kunta.nimi }} · {{ otsikko }}")
    doc.add_paragraph("{{ otsikko }}: {{ kunta.nimi }}", style="Title")
    para(doc, "{{ alaotsikko }}", italic=True)
    info = doc.add_table(rows=0, cols=2)
    info.style = "Table Grid"
    rows = [
        ("{{ t.kunta }}", "{{ kunta.nimi }} ({{ kunta.koodi }})", None),
        ("{{ t.maakunta }}", "{{ kunta.maakunta }}", "kunta.maakunta"),
        ("{{ t.hyvinvointialue }}", "{{ kunta.hyvinvointialue }}", "kunta.hyvinvointialue"),
        ("{{ t.arviointi }}", '{{ arviointi.pvm_fi if arviointi.pvm else "–" }}', None),
        ("{{ t.konsultti }}", '{{ arviointi.konsultti if arviointi.konsultti else "–" }}', None),
    ]
    for label, value, condition in rows:
        if condition:
            info.add_row().cells[0].paragraphs[0].add_run(f"{{%tr if {condition} %}}")
        row = info.add_row()
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(value)
        if condition:
            info.add_row().cells[0].paragraphs[0].add_run("{%tr endif %}")
    set_widths(info, [40, 126])
    doc.add_paragraph()
    tag(doc, "{%p if arviointi.osallistujat %}")
    doc.add_heading("{{ t.osallistujat }}", level=2)
    table(doc, ["{{ t.nimi }}", "{{ t.rooli }}", "{{ t.organisaatio }}"], "p in arviointi.osallistujat",
          ["{{ p.nimi }}", "{{ p.rooli }}", "{{ p.organisaatio }}"], [50, 58, 58])
    tag(doc, "{%p endif %}")

    doc.add_heading("{{ t.sisallys }}", level=1)
    field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "{{ t.paivita_sisallys }}")

    doc.add_heading("{{ t.yhteenveto }}", level=1)
    doc.add_heading("{{ yhteenveto.otsikko }}", level=2)
    answer(doc, "yhteenveto.teksti")
    tag(doc, "{%p if tasot %}")
    doc.add_heading("{{ t.tasot_ideoittain|fill(nykytaso=tasot.nykytaso, tavoitetaso=tasot.tavoitetaso|lower) }}", level=2)
    tag(doc, "{%p if kaavio_kuva %}")
    doc.add_paragraph("{{ kaavio_kuva }}")
    tag(doc, "{%p endif %}")
    table(doc, ["{{ t.idea }}", "{{ tasot.nykytaso }}", "{{ tasot.tavoitetaso }}"], "row in yhteenveto.kaavio",
          ["{{ row.numero }}. {{ row.otsikko }}", '{{ row.taso or "–" }}', '{{ row.tavoitetaso or "–" }}'],
          [98, 34, 34])
    para(doc, "{% for level in tasot.asteikko %}{{ level.arvo }} {{ level.nimi }}"
              "{% if not loop.last %}, {% endif %}{% endfor %}.", bold_prefix="{{ t.tasot }}: ")
    tag(doc, "{%p endif %}")
    doc.add_heading("{{ t.toimenpiteet_aikavaleittain }}", level=2)
    table(doc, ["{{ t.aikavali }}", "{{ t.toimenpiteita }}"], "h in yhteenveto.aikavalit", ["{{ h.nimi }}", "{{ h.maara }}"], [80, 40],
          total=["{{ t.yhteensa }}", "{{ yhteenveto.toimenpiteita }}"])
    para(doc, "{{ t.vastattu_kysymyksiin|fill(vastattu=yhteenveto.valmius.vastattu, yhteensa=yhteenveto.valmius.yhteensa, "
              "prosentti=yhteenveto.valmius.prosentti) }}.{% if vastaamatta %} {{ t.vastaamatta_lueteltu }} "
              "{{ t.lopussa }}.{% endif %}")

    doc.add_heading("{{ t.tilannekuva }}", level=1)
    tag(doc, "{%p for section in tilannekuva %}")
    doc.add_heading("{{ section.otsikko }}", level=2)
    tag(doc, "{%p for field in section.kentat %}")
    doc.add_heading("{{ field.nimi }}", level=3)
    answer(doc, "field.teksti")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p for phase in vaiheet %}")
    doc.add_heading("{{ t.vaihe }} {{ phase.numero }}: {{ phase.otsikko }}", level=1)
    tag(doc, "{%p if phase.alaotsikko %}")
    para(doc, "{{ phase.alaotsikko }}", italic=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for idea in phase.ideat %}")
    doc.add_heading("{{ t.idea }} {{ idea.numero }}: {{ idea.otsikko }}", level=2)
    tag(doc, "{%p if idea.tiivistelma %}")
    para(doc, "{{ idea.tiivistelma }}", style="Quote")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if tasot %}")
    level = "{% if V.arvo %}{{ V.arvo }} {{ V.nimi }}{% else %}({{ t.vastaamatta_merkki }}){% endif %}"
    p = doc.add_paragraph()
    p.add_run("{{ tasot.nykytaso }}: ").bold = True
    p.add_run(level.replace("V", "idea.taso") + " · ")
    p.add_run("{{ tasot.tavoitetaso }}: ").bold = True
    p.add_run(level.replace("V", "idea.tavoitetaso"))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for field in idea.kentat %}")
    doc.add_heading("{{ field.nimi }}", level=3)
    answer(doc, "field.teksti")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if idea.toimenpiteet %}")
    para(doc, '{{ idea.toimenpiteet|join(", ") }} ({{ t.ks }} {{ t.toimenpidesuunnitelmaan }}).', bold_prefix="{{ t.toimenpiteet }}: ")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")

    doc.add_heading("{{ t.toimenpidesuunnitelma }}", level=1)
    tag(doc, "{%p for group in toimenpiteet %}")
    doc.add_heading("{{ group.nimi }}", level=2)
    table(doc, ["{{ t.nro }}", "{{ t.toimenpide }}", "{{ t.idea }}", "{{ t.vastuutaho }}", "{{ t.maaraaika }}", "{{ t.mittari }}", "{{ t.tila }}"], "a in group.rivit",
          ["{{ a.numero }}", "{{ a.teksti }}", "{{ a.idea }}", "{{ a.vastuutaho }}", "{{ a.maaraaika_fi }}",
           "{{ a.mittari }}", "{{ a.tila_nimi }}"], [10, 46, 12, 27, 22, 31, 18], size=9)
    tag(doc, "{%p else %}")
    para(doc, "({{ t.ei_toimenpiteita }})", italic=True)
    tag(doc, "{%p endfor %}")

    doc.add_heading("{{ seuranta.otsikko }}", level=1)
    answer(doc, "seuranta.teksti")
    doc.add_heading("{{ t.toimenpiteiden_tilanne }}{% if seuranta.tilanne and seuranta.toimenpiteet.maara %} "
                    "{{ seuranta.tilanne_fi }}{% endif %}", level=2)
    tag(doc, "{%p if seuranta.toimenpiteet.maara %}")
    table(doc, ["{{ t.tila }}", "{{ t.toimenpiteita }}"], "s in seuranta.toimenpiteet.tilat", ["{{ s.nimi }}", "{{ s.maara }}"], [80, 40],
          total=["{{ t.yhteensa }}", "{{ seuranta.toimenpiteet.maara }}"])
    para(doc, "{{ t.valmiina_osuus|fill(prosentti=seuranta.toimenpiteet.valmis_prosentti) }} "
              "({{ seuranta.toimenpiteet.valmiit|length }}/{{ seuranta.toimenpiteet.maara }}).")
    tag(doc, "{%p if seuranta.toimenpiteet.myohassa %}")
    doc.add_heading("{{ t.myohassa_olevat }}", level=3)
    table(doc, ["{{ t.nro }}", "{{ t.toimenpide }}", "{{ t.vastuutaho }}", "{{ t.maaraaika }}", "{{ t.myohassa }}", "{{ t.tila }}"], "a in seuranta.toimenpiteet.myohassa",
          ["{{ a.numero }}", "{{ a.teksti }}", '{{ a.vastuutaho or "–" }}', "{{ a.maaraaika_fi }}",
           "{{ t.paivaa|fill(paivia=a.paivia) }}", "{{ a.tila_nimi }}"], [10, 58, 30, 23, 22, 23], size=9)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "{{ t.ei_kirjattu }}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if historia %}")
    doc.add_heading("{{ t.tasot_ajan_mittaan }}", level=1)
    para(doc, "{{ t.tasot_ensin_viimeisin }} "
              "({{ (t.versio_yksi if historia.versiot|length == 1 else t.versio_monta)|fill(n=historia.versiot|length) }}).")
    table(doc, ["{{ t.idea }}", "{{ t.ensin }}", "{{ t.nyt }}", "{{ t.muutos }}"], "idea in historia.ideat",
          ["{{ idea.numero }}. {{ idea.otsikko }}", '{{ idea.ensin or "–" }}', '{{ idea.nyt or "–" }}',
           '{{ idea.muutos or "–" }}'], [100, 22, 22, 22])
    tag(doc, "{%p endif %}")

    doc.add_heading("{{ hyvat_kaytannot.otsikko }}", level=1)
    tag(doc, "{%p for p in hyvat_kaytannot.rivit %}")
    doc.add_heading("{{ p.otsikko }}", level=2)
    answer(doc, "p.kuvaus")
    tag(doc, "{%p if p.idea %}")
    para(doc, "{{ t.idea }} {{ p.idea }}: {{ p.idea_otsikko }}", italic=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "({{ t.ei_kaytantoja }})", italic=True)
    tag(doc, "{%p endfor %}")

    doc.add_heading("{{ t.vastaamatta_olevat }}", level=1)
    tag(doc, "{%p if vastaamatta %}")
    para(doc, "{{ t.vastaamatta_johdanto }}:")
    tag(doc, "{%p for entry in vastaamatta %}")
    para(doc, '{{ entry.kentat|join(", ") }}', style="List Bullet", bold_prefix="{{ entry.otsikko }}: ")
    tag(doc, "{%p for q in entry.kysymykset %}")
    para(doc, "{{ q }}", style="List Bullet 2")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "{{ t.kaikki_vastattu }}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph()
    para(doc, "{{ alaotsikko }}. {{ t.tuotettu }}: {{ tuottaja }}.", italic=True)
    tag(doc, "{%p if tyokirja.kaannos %}")  # a translated workbook says who translated it
    para(doc, "{{ tyokirja.kaannos }}", italic=True)
    tag(doc, "{%p endif %}")
    return doc


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "tools"))
    from make_docx_region_templates import build_compare, build_history

    from jarjestotyokirja.render.docx import document_time
    from jarjestotyokirja.render.ooxml_zip import fixed_zip

    for name, builder in (("report", build), ("compare", build_compare), ("history", build_history)):
        target = ROOT / "templates" / f"{name}.docx"
        buffer = io.BytesIO()
        builder().save(buffer)
        # The bundled templates are made deterministic the same way as the documents they render.
        target.write_bytes(fixed_zip(buffer.getvalue(), document_time(None)))
        print(f"Kirjoitettu {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
