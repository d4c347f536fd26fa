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
    for cell, text in zip(head.cells, ["Kunta", "{%tc for idea in ideat %}", "{{ idea.numero }}", "{%tc endfor %}"]):
        cell_text(cell, text, bold=True, size=8)
        shade(cell)
    repeat_header(head)
    t.add_row().cells[0].paragraphs[0].add_run("{%tr for kunta in ryhma.kunnat %}")
    row = t.add_row()
    cells = ["{{ kunta.nimi }}", "{%tc for t in kunta.tasot %}",
             '{% cellbg lampo[t.taso] %}{% if t.taso or t.tavoitetaso %}{{ t.taso or "–" }}→{{ t.tavoitetaso or "–" }}'
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
    para(doc, "{% if pvm %}Viimeisin arviointi {{ pvm_fi }}. {% endif %}Vastattu {{ valmius.vastattu }}/"
              "{{ valmius.yhteensa }} kysymykseen ({{ valmius.prosentti }} %).")
    tag(doc, "{%p if tasot %}")
    para(doc, "{% for level in tasot.asteikko %}{{ level.arvo }} {{ level.nimi }}{% if not loop.last %}, {% endif %}"
              "{% endfor %}. Taulukoissa {{ tasot.nykytaso|lower }} → {{ tasot.tavoitetaso|lower }}; – = kunta ei ole "
              "antanut tasoa (ei nolla).", bold_prefix="Tasot: ")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for ryhma in ryhmat %}")
    doc.add_heading("{{ ryhma.nimi }}", level=1)
    para(doc, "{{ ryhma.kuntia }} {{ 'kunta' if ryhma.kuntia == 1 else 'kuntaa' }}. Vastattu {{ ryhma.valmius.vastattu }}/"
              "{{ ryhma.valmius.yhteensa }} kysymykseen ({{ ryhma.valmius.prosentti }} %).")
    tag(doc, "{%p if tasot %}")
    doc.add_heading("Tasot kunnittain", level=2)
    heat_table(doc)
    doc.add_heading("Ideat alueella", level=2)
    table(doc, ["Idea", "Antoi tason", "{{ tasot.nykytaso }} ka.", "{{ tasot.tavoitetaso }} ka.", "Ero"], "idea in ryhma.ideat",
          ["{{ idea.numero }}. {{ idea.otsikko }}", "{{ idea.vastanneita }}/{{ idea.vastanneita + idea.vastaamatta }}",
           '{{ idea.keskiarvo or "–" }}', '{{ idea.tavoite_keskiarvo or "–" }}', '{{ idea.ero or "–" }}'],
          [76, 24, 24, 24, 18], size=9)
    tag(doc, "{%p endif %}")
    doc.add_heading("Valmius ja toimenpiteet kunnittain", level=2)
    table(doc, ["Kunta", "Arvioitu", "Vastattu", "Toimenpiteitä", "Valmiita"], "kunta in ryhma.kunnat",
          ["{{ kunta.nimi }}", '{{ kunta.arvioitu_fi or "–" }}', "{{ kunta.prosentti }} %", "{{ kunta.toimenpiteita }}",
           "{{ kunta.valmiita }}"], [62, 28, 24, 30, 22], size=9)
    doc.add_heading("Tavoitetilat ideoittain", level=2)
    tag(doc, "{%p for idea in ryhma.ideat %}")
    doc.add_heading("Idea {{ idea.numero }}: {{ idea.otsikko }}", level=3)
    table(doc, ["Kunta", "Tavoitetila"], "t in idea.tavoitetilat",
          ["{{ t.kunta }}", '{% if t.teksti %}{{ t.teksti }}{% else %}(ei vastattu){% endif %}'], [44, 122], size=9)
    tag(doc, "{%p endfor %}")
    doc.add_heading("Hyvät käytännöt", level=2)
    tag(doc, "{%p for p in ryhma.hyvat_kaytannot %}")
    doc.add_heading("{{ p.otsikko }}", level=3)
    para(doc, "{{ p.kunta }}{% if p.idea %} · Idea {{ p.idea }}: {{ p.idea_otsikko }}{% endif %}", italic=True)
    answer(doc, "p.kuvaus")
    tag(doc, "{%p else %}")
    para(doc, "Kunnat eivät ole kirjanneet hyviä käytäntöjä.", italic=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "Tuotettu: {{ tuottaja }}.", italic=True)
    return doc


def build_history() -> Document:
    doc = page(Document(), header="{{ kunta.nimi }} · {{ otsikko }}")
    doc.add_paragraph("{{ otsikko }}: {{ kunta.nimi }}", style="Title")
    para(doc, "Tiedosto {{ tiedosto }}. Toimenpiteiden tilanne {{ tilanne_fi }}.", italic=True)
    doc.add_heading("Tasot ajan mittaan", level=1)
    table(doc, ["Idea", "Ensin", "Nyt", "Muutos"], "idea in ideat",
          ["{{ idea.numero }}. {{ idea.otsikko }}", '{{ idea.ensin or "–" }}', '{{ idea.nyt or "–" }}',
           '{{ idea.muutos or "–" }}'], [100, 22, 22, 22])
    doc.add_heading("Versiot", level=2)
    table(doc, ["Päivä", "Versio", "Muutos"], "v in versiot",
          ["{{ v.pvm_fi }}", "{{ v.commit }}", "{{ v.viesti }}{% if v.virhe %} (ei luettavissa: {{ v.virhe }}){% endif %}"],
          [26, 24, 116], size=9)
    doc.add_heading("Toimenpiteet", level=1)
    tag(doc, "{%p if toimenpiteet.maara %}")
    table(doc, ["Tila", "Toimenpiteitä"], "s in toimenpiteet.tilat", ["{{ s.nimi }}", "{{ s.maara }}"], [80, 40],
          total=["Yhteensä", "{{ toimenpiteet.maara }}"])
    para(doc, "Valmiina {{ toimenpiteet.valmis_prosentti }} % toimenpiteistä.")
    tag(doc, "{%p if toimenpiteet.myohassa %}")
    doc.add_heading("Myöhässä olevat toimenpiteet", level=2)
    table(doc, ["Nro", "Toimenpide", "Vastuutaho", "Määräaika", "Myöhässä", "Tila"], "a in toimenpiteet.myohassa",
          ["{{ a.numero }}", "{{ a.teksti }}", '{{ a.vastuutaho or "–" }}', "{{ a.maaraaika_fi }}", "{{ a.paivia }} pv",
           "{{ a.tila_nimi }}"], [10, 58, 30, 23, 22, 23], size=9)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "Toimenpiteitä ei ole kirjattu.")
    tag(doc, "{%p endif %}")
    para(doc, "Tuotettu: {{ tuottaja }}.", italic=True)
    return doc


__all__ = ["build_compare", "build_history", "Mm", "Pt"]
