"""The comparison and monitoring Word templates, ``templates/compare.docx`` and ``history.docx``.

Built with the helpers of ``make_docx_template.py`` (run that script: it writes all three). The
data is described in ``region/document.py`` and ``versions/document.py``; ``lampo`` (given to Word
templates only) is the heat map's cell colour per level 0–5, for docxtpl's ``{% cellbg %}``.
"""

from __future__ import annotations

from docx import Document
from docx.shared import Mm, Pt
from make_docx_template import answer, cell_text, page, para, repeat_header, set_widths, shade, table, tag


def heat_table(doc) -> None:  # type: ignore[no-untyped-def]
    """Municipalities × ideas, one column per idea (docxtpl ``{%tc for %}``), cells coloured by level."""
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    head = t.add_row()
    for cell, text in zip(head.cells, ["{{ t.kunta }}", "{%tc for idea in ideat %}", "{{ idea.numero }}", "{%tc endfor %}"]):
        cell_text(cell, text, bold=True, size=8)
        shade(cell)
    repeat_header(head)
    t.add_row().cells[0].paragraphs[0].add_run("{%tr for kunta in ryhma.kunnat %}")
    row = t.add_row()
    cells = ["{{ kunta.nimi }}", "{%tc for lv in kunta.tasot %}",
             '{% cellbg lampo[lv.taso] %}{% if lv.taso or lv.tavoitetaso %}{{ lv.taso or "–" }}→{{ lv.tavoitetaso or "–" }}'
             '{% else %}–{% endif %}', "{%tc endfor %}"]
    for cell, text in zip(row.cells, cells):
        cell_text(cell, text, size=8)
    t.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    set_widths(t, [44, 11, 11, 11])
    doc.add_paragraph()


def build_compare() -> Document:
    doc = page(Document(), header="{{ otsikko }}")
    doc.add_paragraph("{{ otsikko }}", style="Title")
    para(doc, "{{ alaotsikko }}", italic=True)
    para(doc, "{% if pvm %}{{ t.viimeisin_arviointi }} {{ pvm_fi }}. {% endif %}{{ t.vastattu_kysymyksiin|fill("
              "vastattu=valmius.vastattu, yhteensa=valmius.yhteensa, prosentti=valmius.prosentti) }}.")
    tag(doc, "{%p if tasot %}")
    para(doc, "{% for level in tasot.asteikko %}{{ level.arvo }} {{ level.nimi }}{% if not loop.last %}, {% endif %}"
              "{% endfor %}. {{ t.taulukoissa|fill(nykytaso=tasot.nykytaso|lower, tavoitetaso=tasot.tavoitetaso|lower) }}",
         bold_prefix="{{ t.tasot }}: ")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for ryhma in ryhmat %}")
    doc.add_heading("{{ ryhma.nimi }}", level=1)
    para(doc, "{{ (t.kunta_yksi if ryhma.kuntia == 1 else t.kunta_monta)|fill(n=ryhma.kuntia) }}. "
              "{{ t.vastattu_kysymyksiin|fill(vastattu=ryhma.valmius.vastattu, yhteensa=ryhma.valmius.yhteensa, "
              "prosentti=ryhma.valmius.prosentti) }}.")
    tag(doc, "{%p if tasot %}")
    doc.add_heading("{{ t.tasot_kunnittain }}", level=2)
    heat_table(doc)
    doc.add_heading("{{ t.ideat_alueella }}", level=2)
    table(doc, ["{{ t.idea }}", "{{ t.antoi_tason_sarake }}", "{{ tasot.nykytaso }} {{ t.ka }}", "{{ tasot.tavoitetaso }} {{ t.ka }}", "{{ t.ero }}"], "idea in ryhma.ideat",
          ["{{ idea.numero }}. {{ idea.otsikko }}", "{{ idea.vastanneita }}/{{ idea.vastanneita + idea.vastaamatta }}",
           '{{ idea.keskiarvo or "–" }}', '{{ idea.tavoite_keskiarvo or "–" }}', '{{ idea.ero or "–" }}'],
          [76, 24, 24, 24, 18], size=9)
    tag(doc, "{%p endif %}")
    doc.add_heading("{{ t.valmius_kunnittain }}", level=2)
    table(doc, ["{{ t.kunta }}", "{{ t.arvioitu }}", "{{ t.vastattu }}", "{{ t.toimenpiteita }}", "{{ t.valmiita }}"], "kunta in ryhma.kunnat",
          ["{{ kunta.nimi }}", '{{ kunta.arvioitu_fi or "–" }}', "{{ t.prosenttia|fill(prosentti=kunta.prosentti) }}", "{{ kunta.toimenpiteita }}",
           "{{ kunta.valmiita }}"], [62, 28, 24, 30, 22], size=9)
    doc.add_heading("{{ t.tavoitetilat_ideoittain }}", level=2)
    tag(doc, "{%p for idea in ryhma.ideat %}")
    doc.add_heading("{{ t.idea }} {{ idea.numero }}: {{ idea.otsikko }}", level=3)
    table(doc, ["{{ t.kunta }}", "{{ t.tavoitetila }}"], "lv in idea.tavoitetilat",
          ["{{ lv.kunta }}", '{% if lv.teksti %}{{ lv.teksti }}{% else %}({{ t.ei_vastattu }}){% endif %}'], [44, 122], size=9)
    tag(doc, "{%p endfor %}")
    doc.add_heading("{{ t.hyvat_kaytannot }}", level=2)
    tag(doc, "{%p for p in ryhma.hyvat_kaytannot %}")
    doc.add_heading("{{ p.otsikko }}", level=3)
    para(doc, "{{ p.kunta }}{% if p.idea %} · {{ t.idea }} {{ p.idea }}: {{ p.idea_otsikko }}{% endif %}", italic=True)
    answer(doc, "p.kuvaus")
    tag(doc, "{%p else %}")
    para(doc, "{{ t.ei_kaytantoja_kunnat }}", italic=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ t.tuotettu }}: {{ tuottaja }}.", italic=True)
    return doc


def build_history() -> Document:
    doc = page(Document(), header="{{ kunta.nimi }} · {{ otsikko }}")
    doc.add_paragraph("{{ otsikko }}: {{ kunta.nimi }}", style="Title")
    para(doc, "{{ t.tiedosto }} {{ tiedosto }}. {{ t.toimenpiteiden_tilanne }} {{ tilanne_fi }}.", italic=True)
    doc.add_heading("{{ t.tasot_ajan_mittaan }}", level=1)
    table(doc, ["{{ t.idea }}", "{{ t.ensin }}", "{{ t.nyt }}", "{{ t.muutos }}"], "idea in ideat",
          ["{{ idea.numero }}. {{ idea.otsikko }}", '{{ idea.ensin or "–" }}', '{{ idea.nyt or "–" }}',
           '{{ idea.muutos or "–" }}'], [100, 22, 22, 22])
    doc.add_heading("{{ t.versiot }}", level=2)
    table(doc, ["{{ t.paiva }}", "{{ t.versio }}", "{{ t.muutos }}"], "v in versiot",
          ["{{ v.pvm_fi }}", "{{ v.commit }}", "{{ v.viesti }}{% if v.virhe %} ({{ t.ei_luettavissa }}: {{ v.virhe }}){% endif %}"],
          [26, 24, 116], size=9)
    doc.add_heading("{{ t.toimenpiteet }}", level=1)
    tag(doc, "{%p if toimenpiteet.maara %}")
    table(doc, ["{{ t.tila }}", "{{ t.toimenpiteita }}"], "s in toimenpiteet.tilat", ["{{ s.nimi }}", "{{ s.maara }}"], [80, 40],
          total=["{{ t.yhteensa }}", "{{ toimenpiteet.maara }}"])
    para(doc, "{{ t.valmiina_osuus|fill(prosentti=toimenpiteet.valmis_prosentti) }}.")
    tag(doc, "{%p if toimenpiteet.myohassa %}")
    doc.add_heading("{{ t.myohassa_olevat }}", level=2)
    table(doc, ["{{ t.nro }}", "{{ t.toimenpide }}", "{{ t.vastuutaho }}", "{{ t.maaraaika }}", "{{ t.myohassa }}", "{{ t.tila }}"], "a in toimenpiteet.myohassa",
          ["{{ a.numero }}", "{{ a.teksti }}", '{{ a.vastuutaho or "–" }}', "{{ a.maaraaika_fi }}", "{{ t.paivaa|fill(paivia=a.paivia) }}",
           "{{ a.tila_nimi }}"], [10, 58, 30, 23, 22, 23], size=9)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "{{ t.ei_kirjattu_seuranta }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ t.tuotettu }}: {{ tuottaja }}.", italic=True)
    return doc


__all__ = ["build_compare", "build_history", "Mm", "Pt"]
