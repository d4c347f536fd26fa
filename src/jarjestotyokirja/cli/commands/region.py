"""Region and time: ``jtk compare`` across municipalities, ``jtk diff`` and ``jtk history`` across assessments."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli.app import (
    DocumentLanguageOpt,
    FileArg,
    FilesArg,
    WorkbookOpt,
    app,
    console,
    option_date,
    report_failures,
    show_notices,
    workbook_from,
)
from jarjestotyokirja.cli.commands.report import TimeLimitOpt, time_limit_from


@app.command()
def compare(
    files: FilesArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Kansio, johon vertailu kirjoitetaan.")] = Path("."),
    formats: Annotated[str, typer.Option("--format", "-f", help="Muodot pilkuin eroteltuina: md, html, pdf, typ (PDF:n Typst-lähde), docx (Word), xlsx (Excel).")] = "md",
    by: Annotated[
        Optional[str],
        typer.Option("--by", help="Oma osio kullekin alueelle: hyvinvointialue tai maakunta.", show_default=False),
    ] = None,
    name: Annotated[str, typer.Option("--nimi", help="Tiedostojen nimi ilman päätettä.")] = "vertailu",
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="Oma mallipohjakansio (compare.*.j2).", show_default=False)
    ] = None,
    aikaraja: TimeLimitOpt = None,
    workbook: WorkbookOpt = None,
    kieli: DocumentLanguageOpt = None,
) -> None:
    """Vertaile kuntia (+1-idea): tasot lämpökarttana, valmius, toimenpiteet, tavoitetilat ja hyvät käytännöt.

    Kunta, joka ei ole antanut tasoa, näkyy vastaamattomana, ei nollana. Lukukelvottomat tiedostot
    luetellaan lopuksi, ja komento päättyy koodiin 1.

    Esimerkit: jtk compare vastaukset/*.yaml -f md,html,pdf -o vertailu/ ·
    jtk compare kaikki/*.yaml --by hyvinvointialue
    """
    from jarjestotyokirja.errors import InvalidContent, M, Problem
    from jarjestotyokirja.region.comparison import compare as compare_files
    from jarjestotyokirja.region.document import write_comparison
    from jarjestotyokirja.region.xlsx import split_xlsx, write_comparison_xlsx
    from jarjestotyokirja.render.documents import check_output_name, parse_formats
    from jarjestotyokirja.render.typst import collected_notices
    from jarjestotyokirja.results import succeeded
    from jarjestotyokirja.store.answers_files import load_many

    formats, xlsx = split_xlsx(formats)
    chosen = parse_formats(formats) if formats or not xlsx else ()
    check_output_name("--nimi", name)
    time_limit_from(aikaraja)
    from jarjestotyokirja.render.document_texts import document_language

    language = document_language(kieli)
    wb = workbook_from(workbook, language)
    results = load_many(files, wb)
    loaded = succeeded(results)
    if not loaded:
        problems = [p for result in results for p in result.problems]
        raise InvalidContent(problems=[*problems, Problem(M.NOTHING_TO_COMPARE)])
    comparison = compare_files(loaded, wb, by or "", language)
    with collected_notices() as notices:
        written = write_comparison(comparison, wb, output, chosen, name=name, templates=templates, inputs=files,
                                   language=language)
    show_notices(Problem(notice) for notice in notices)
    for path in written:
        typer.echo(M.WRITTEN.format(path=path), err=True)
    if xlsx:
        typer.echo(M.WRITTEN.format(path=write_comparison_xlsx(comparison, wb, output, name, files, language)), err=True)
    report_failures(results)


@app.command()
def diff(
    file: FileArg,
    other: Annotated[
        Optional[Path], typer.Argument(help="Uudempi tiedosto, kun verrataan kahta tiedostoa.", show_default=False,
                                      metavar="UUDEMPI")
    ] = None,
    rev_from: Annotated[
        Optional[str],
        typer.Option("--from", help="Vanhempi git-versio (HEAD~1, main, commit); oletus HEAD.", show_default=False),
    ] = None,
    rev_to: Annotated[
        Optional[str],
        typer.Option("--to", help="Uudempi git-versio; oletus tiedosto sellaisenaan (työkopio).", show_default=False),
    ] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Näytä muutokset ideoittain ja kentittäin: tekstit sanatasolla, tasot, toimenpiteet.

    Poistettu teksti näkyy muodossa [-vanha-] ja lisätty {+uusi+}.

    Esimerkit: jtk diff 2023/091-helsinki.yaml 2024/091-helsinki.yaml ·
    jtk diff 091-helsinki.yaml --from HEAD~1 · jtk diff 091-helsinki.yaml --from v2023 --to v2024
    """
    from jarjestotyokirja.cli.diff_display import diff_view
    from jarjestotyokirja.errors import M, UsageError
    from jarjestotyokirja.versions.changes import diff_files, diff_revisions

    wb = workbook_from(workbook)
    if other is not None:
        if rev_from is not None or rev_to is not None:
            raise UsageError(M.DIFF_ARGUMENTS)
        changes = diff_files(file, other, wb)
    else:
        changes = diff_revisions(file, rev_from or "HEAD", rev_to, wb)
    console().print(diff_view(changes, wb), soft_wrap=True)


@app.command()
def history(
    file: FileArg,
    formats: Annotated[
        Optional[str],
        typer.Option("--format", "-f", help="Kirjoita seurantaraportti: md, html, pdf, typ, docx (pilkuin).", show_default=False),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Kansio seurantaraportille.")] = Path("."),
    tilanne: Annotated[
        Optional[str],
        typer.Option("--tilanne", help="Päivä PP.KK.VVVV tai VVVV-KK-PP, jonka mukaan myöhästymiset lasketaan; oletus uusimman "
                     "tallennetun version (commitin) päivä.", show_default=False),
    ] = None,
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="Oma mallipohjakansio (history.*.j2).", show_default=False)
    ] = None,
    aikaraja: TimeLimitOpt = None,
    workbook: WorkbookOpt = None,
    kieli: DocumentLanguageOpt = None,
) -> None:
    """Näytä jokaisen idean nyky- ja tavoitetaso jokaisessa gitiin tallennetussa versiossa.

    Valitsimella -f kirjoitetaan seurantaraportti <tiedosto>-seuranta.<muoto>: tasot kaavioina
    ajan mittaan, valmiit ja myöhässä olevat toimenpiteet.

    Esimerkit: jtk history 091-helsinki.yaml · jtk history 091-helsinki.yaml -f html,pdf -o raportit/
    """
    from jarjestotyokirja.render.document_texts import document_language

    language = document_language(kieli)
    wb = workbook_from(workbook, language if formats is not None else "fi")
    if formats is None:
        from jarjestotyokirja.cli.diff_display import history_table
        from jarjestotyokirja.versions.levels import level_history

        console().print(history_table(level_history(file, wb)))
        return
    from jarjestotyokirja.conventions import fi_date
    from jarjestotyokirja.errors import M, Problem
    from jarjestotyokirja.render.documents import parse_formats
    from jarjestotyokirja.render.typst import collected_notices
    from jarjestotyokirja.versions.document import write_history

    chosen = parse_formats(formats)
    time_limit_from(aikaraja)
    today = option_date(tilanne)
    with collected_notices() as notices:
        document = write_history(file, wb, chosen, output, today=today, templates=templates, language=language)
    from jarjestotyokirja import messages

    shown = fi_date(document.today, messages.current())
    typer.echo(M.HISTORY_STATUS_DATE.format(date=shown, basis=document.basis), err=True)
    show_notices(Problem(notice, str(file)) for notice in notices)
    for path in document.written:
        typer.echo(M.WRITTEN.format(path=path), err=True)


@app.command()
def merge(
    base: Annotated[Path, typer.Argument(help="Yhteinen pohja (gitin %O).", show_default=False, metavar="POHJA")],
    ours: Annotated[Path, typer.Argument(help="Oma versio, johon tulos kirjoitetaan (gitin %A).", show_default=False,
                                         metavar="OMA")],
    theirs: Annotated[Path, typer.Argument(help="Toinen versio (gitin %B).", show_default=False, metavar="TOINEN")],
    name: Annotated[str, typer.Option("--nimi", help="Tiedoston nimi viesteihin (gitin %P).")] = "",
    workbook: WorkbookOpt = None,
) -> None:
    """Yhdistä kaksi vastaustiedoston versiota sisällön mukaan (gitin yhdistämisajuri).

    Kentän muutos vain toisella puolella otetaan sellaisenaan, ja molemmilla puolilla lisätyt
    toimenpiteet, hyvät käytännöt ja osallistujat säilyvät. Vain molemmilla puolilla eri tavoin
    muutettu kenttä on konflikti: silloin tiedosto yhdistetään riveittäin konfliktimerkein, ja
    komento päättyy koodiin 1.

    \b
    Käyttöönotto tietovarastossa:
      git config merge.jtk.driver "jtk merge %O %A %B --nimi %P"
      echo "*.yaml merge=jtk" >> .gitattributes
    """
    from jarjestotyokirja.errors import InvalidContent, M
    from jarjestotyokirja.versions.merge import merge_files

    conflicts = merge_files(base, ours, theirs, workbook_from(workbook), name)
    if conflicts:
        raise InvalidContent(M.MERGE_CONFLICT.format(keys=", ".join(conflicts)), path=name or str(ours))
