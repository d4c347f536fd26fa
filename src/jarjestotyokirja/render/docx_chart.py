"""The level chart of the Word report: a PNG drawn by Typst, and the alt text that says the same.

The data goes to Typst as JSON in ``sys.inputs`` and is read with ``json``, so no text from the
workbook or the answers is ever part of Typst source. Fonts are jtk's own (system fonts ignored),
so the same levels give the same PNG bytes on every machine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.messages import texts

CHART_PPI = 200
_SOURCE = """
#set page(width: 16cm, height: auto, margin: (x: 4pt, y: 6pt))
#set text(font: "Inter", size: 8pt, fill: rgb("#1d252c"))
#let data = json(bytes(sys.inputs.data))
#let navy = rgb("#16406b")
#let light = rgb("#8fb8dc")
#let bar(value, fill) = if value > 0 {
  box(width: 100% * value / 5, height: 5pt, fill: fill)
} else {
  box(height: 5pt, text(size: 6pt, fill: rgb("#8a949c"), data.puuttuu))
}
#text(size: 7.5pt)[#box(width: 8pt, height: 6pt, fill: navy) #data.nykytaso #h(10pt)
  #box(width: 8pt, height: 6pt, fill: light) #data.tavoitetaso #h(10pt) (asteikko 1–5)]
#v(4pt)
#grid(
  columns: (5.4cm, 1fr), row-gutter: 5pt, column-gutter: 6pt, align: (right + horizon, left + horizon),
  ..data.rivit.map(r => (
    text(r.nimi),
    block(width: 100%, stack(spacing: 1.5pt, bar(r.taso, navy), bar(r.tavoitetaso, light))),
  )).flatten(),
  [], grid(columns: (1fr,) * 5, ..range(1, 6).map(n => align(right, text(size: 6pt, fill: rgb("#5b6770"), str(n))))),
)
"""


def chart_data(
    rows: Sequence[dict[str, Any]], current_label: str, target_label: str, language: str = "fi"
) -> dict[str, Any]:
    """The report's ``yhteenveto.kaavio`` rows as the chart's data, its words in the document's
    ``language`` (``--kieli``), whatever the UI's."""
    return {
        "kieli": language,
        "nykytaso": current_label,
        "tavoitetaso": target_label,
        "puuttuu": texts(language).DOC_NOT_ASSESSED,
        "rivit": [
            {"nimi": f"{r['numero']}. {r['otsikko']}", "taso": r["taso"], "tavoitetaso": r["tavoitetaso"]}
            for r in rows
        ],
    }


def level_chart_png(data: dict[str, Any]) -> bytes:
    """The chart as PNG bytes (Typst, jtk's fonts, no files read)."""
    import typst

    from jarjestotyokirja.render.typst import _compiler, _offline, font_dirs
    from jarjestotyokirja.resources import bundled

    compiler = _compiler(str(bundled("templates").resolve()), tuple(str(d) for d in font_dirs()))
    try:
        with _offline():
            png = compiler.compile(
                input=_SOURCE.encode("utf-8"), format="png", ppi=CHART_PPI,
                sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            )
    except typst.TypstError as exc:  # pragma: no cover - the source is ours; kept for a clear message
        raise InvalidContent(M.TYPST_ERROR.format(reason=str(exc).strip().splitlines()[0])) from None
    assert isinstance(png, bytes)
    return png


def alt_text(data: dict[str, Any]) -> str:
    """What the chart shows, in words, for a screen reader: every idea's two levels."""
    parts = []
    for row in data["rivit"]:
        current = row["taso"] or data["puuttuu"]
        target = row["tavoitetaso"] or data["puuttuu"]
        parts.append(f"{row['nimi']}: {data['nykytaso'].lower()} {current}, {data['tavoitetaso'].lower()} {target}")
    return texts(data.get("kieli") or "fi").DOC_CHART_ALT.format(levels="; ".join(parts))
