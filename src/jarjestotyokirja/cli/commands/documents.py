"""Answers as documents others edit and analyse: ``jtk export`` (xlsx, csv, json) and ``jtk lomake`` (Word)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli.app import FilesArg, WorkbookOpt, app, report_failures, workbook_from


@app.command()
def export(
    files: FilesArg,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Tulostiedosto; muoto päätteestä: .xlsx, .csv tai .json.", show_default=False),
    ],
    excel_safe: Annotated[
        bool,
        typer.Option(
            "--excel-turvallinen",
            help="CSV: lisää heittomerkki ' tekstin alkuun, jos se alkaa merkillä = + - @ (ei kaavoiksi Excelissä).",
        ),
    ] = False,
    workbook: WorkbookOpt = None,
) -> None:
    """Vie vastaukset taulukoksi analyysia varten: Excel (.xlsx), CSV tai JSON.

    Pitkä muoto: yksi rivi kuntaa, kohtaa ja kenttää kohden (koodi, kunta, maakunta,
    hyvinvointialue, arvioinnin päivä, konsultti, kohta, otsikko, kenttä, arvo). Lisäksi
    toimenpiteet, hyvät käytännöt ja osallistujat omina taulukkoinaan (CSV: omat tiedostot
    <nimi>-toimenpiteet.csv jne.) ja Excelissä tasot leveänä taulukkona. Tasot ovat lukuja.

    Esimerkit: jtk export vastaukset/*.yaml -o alue.xlsx · jtk export vastaukset/*.yaml -o alue.csv
    """
    from jarjestotyokirja.errors import InvalidContent, M, Problem, UsageError
    from jarjestotyokirja.exchange.export import build_export
    from jarjestotyokirja.exchange.export_formats import export_format, export_targets, write_export
    from jarjestotyokirja.render.documents import make_dir
    from jarjestotyokirja.results import succeeded
    from jarjestotyokirja.store.answers_files import load_many

    export_format(output)
    wb = workbook_from(workbook)
    inputs = {Path(f).resolve() for f in files}
    results = load_many(files, wb)
    loaded = succeeded(results)
    if not loaded:
        raise InvalidContent(problems=[p for result in results for p in result.problems] + [Problem(M.EXPORT_NOTHING)])
    data = build_export(loaded, wb)
    for target in export_targets(output, data):
        if target.resolve() in inputs:
            raise UsageError(M.EXPORT_OVERWRITES_INPUT.format(name=target))
    make_dir(output.parent)
    for path in write_export(data, output, inputs=files, excel_safe=excel_safe):
        typer.echo(M.EXPORT_WRITTEN.format(path=path), err=True)
    report_failures(results)


@app.command()
def lomake(
    file: Annotated[Path, typer.Argument(help="Vastaustiedosto, esim. 091-helsinki.yaml.", show_default=False, metavar="TIEDOSTO")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Lomakkeen nimi (.docx).", show_default=False)
    ] = Path("tyokirja.docx"),
    replace: Annotated[
        bool, typer.Option("--korvaa", help="Korvaa olemassa oleva tiedosto (se voi olla täytetty, tuomaton lomake).")
    ] = False,
    workbook: WorkbookOpt = None,
    kieli: Annotated[
        Optional[str],
        typer.Option(
            "--kieli", metavar="fi|sv|en", show_default=False,
            help="Lomakkeen kieli: fi, sv tai en; oletus käyttöliittymän kieli (JTK_KIELI). Täytetty lomake "
                 "tuodaan millä kielellä tahansa. Oma --workbook käytetään sellaisenaan.",
        ),
    ] = None,
) -> None:
    """Tee työkirjasta täytettävä Word-lomake, jossa ovat kunnan nykyiset vastaukset.

    Jokainen vastaus on oma kenttänsä (sisällönhallintaobjekti), jonka tunniste on vastauksen avain
    (4.nykytila); tasot valitaan pudotusvalikosta, ja työkirjan ohjaavat kysymykset ovat vieressä.
    Täytetty lomake tuodaan takaisin komennolla jtk import; tiedostossa lomakkeen tekemisen jälkeen
    muuttuneita vastauksia ei korvata.

    Esimerkki: jtk lomake 091-helsinki.yaml -o tyokirja.docx · jtk import 091-helsinki.yaml tyokirja.docx
    """
    from jarjestotyokirja.errors import M
    from jarjestotyokirja.exchange.form import write_form
    from jarjestotyokirja.render.document_texts import document_language

    language = document_language(kieli)
    path = write_form(file, output, workbook_from(workbook, language), replace=replace, language=language)
    typer.echo(M.FORM_WRITTEN.format(path=path, answers=file), err=True)


def import_docx_form(file: Path, data: Path, workbook: Optional[Path]) -> None:
    """``jtk import FILE lomake.docx``: the Word form's answers into the file (see lomake_import)."""
    from jarjestotyokirja.errors import InvalidContent, M
    from jarjestotyokirja.exchange.form_import import import_form

    result = import_form(file, data, workbook_from(workbook))
    typer.echo(M.FORM_IMPORTED.format(count=len(result.changed), path=file), err=True)
    if result.kept:
        typer.echo(M.FORM_KEPT.format(keys=", ".join(result.kept)), err=True)
    if result.conflicts:
        raise InvalidContent(M.FORM_CONFLICTS.format(keys=", ".join(result.conflicts)), path=str(data))
