"""``jtk report``: the municipality's development plan as Markdown, HTML and PDF."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli.app import (
    DocumentLanguageOpt,
    FilesArg,
    WorkbookOpt,
    app,
    option_date,
    show_notices,
    show_problems,
)
from jarjestotyokirja.cli.exit_codes import FilesFailed
from jarjestotyokirja.messages import M

TimeLimitOpt = Annotated[
    Optional[str],
    typer.Option("--aikaraja", metavar="SEKUNTIA",
                 help="Kuinka kauan yhden asiakirjan mallipohja saa käsitellä; oletus 60 s.", show_default=False),
]


def time_limit_from(text: str | None) -> float | None:
    """``--aikaraja`` as seconds (None: the default), set for this process's rendering."""
    if text is None:
        return None
    from jarjestotyokirja.render.sandbox import parse_time_limit, set_default_time_limit

    seconds = parse_time_limit(text)
    set_default_time_limit(seconds)
    return seconds


@app.command()
def report(
    files: FilesArg,
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Muodot pilkuin eroteltuina: md, html, pdf, typ (PDF:n Typst-lähde), docx (Word).")
    ] = "md,pdf",
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Kansio raporteille; oletus nykyinen kansio.", show_default=False)
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Rinnakkaisten prosessien määrä; 0 = yksi prosessoria kohden.")
    ] = 0,
    templates: Annotated[
        Optional[Path],
        typer.Option("--templates", help="Oma mallipohjakansio; sen pohjat korvaavat jtk:n omat.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Älä tee raporttia, jos jokin kysymys on vastaamatta.")
    ] = False,
    tilanne: Annotated[
        Optional[str],
        typer.Option(
            "--tilanne",
            help="Päivä PP.KK.VVVV tai VVVV-KK-PP, jonka mukaan myöhässä olevat toimenpiteet lasketaan; oletus arvioinnin päivä.",
            show_default=False,
        ),
    ] = None,
    historia: Annotated[
        bool,
        typer.Option(
            "--historia",
            help="Lisää osio Tasot ajan mittaan: ideoiden tasot tiedoston jokaisessa gitiin tallennetussa versiossa.",
        ),
    ] = False,
    aikaraja: TimeLimitOpt = None,
    workbook: WorkbookOpt = None,
    kieli: DocumentLanguageOpt = None,
) -> None:
    """Tee kunnan järjestöyhteistyön kehittämissuunnitelma: Markdown, HTML ja PDF.

    Raporttien nimet seuraavat vastaustiedostoa (091-helsinki.yaml → 091-helsinki.md, 091-helsinki.pdf).
    Monta tiedostoa kerralla: epäonnistunut tiedosto raportoidaan ja muut tehdään silti.

    Seurantaosio näyttää toimenpiteiden tilan ja myöhässä olevat toimenpiteet arvioinnin päivänä
    tai valitsimen --tilanne päivänä. Valitsimella --historia raporttiin tulee myös tasojen kehitys
    tiedoston gitiin tallennetuista versioista (vähintään kaksi versiota).

    Esimerkit: jtk report 091-helsinki.yaml · jtk report vastaukset/*.yaml -f pdf -o raportit -j 2 ·
    jtk report 091-helsinki.yaml -f html --tilanne 2026-06-30 · jtk report 091-helsinki.yaml --historia
    """
    from jarjestotyokirja.render.document_texts import document_language
    from jarjestotyokirja.render.documents import parse_formats
    from jarjestotyokirja.report.batch import ReportJob, run_batch
    from jarjestotyokirja.results import failures

    job = ReportJob(
        formats=parse_formats(formats),
        out_dir=str(output) if output else None,
        templates=str(templates) if templates else None,
        strict=strict,
        workbook=str(workbook) if workbook else None,
        today=option_date(tilanne),
        history=historia,
        time_limit=time_limit_from(aikaraja),
        language=document_language(kieli),
    )
    started = time.perf_counter()
    show_bar = len(files) > 1 and sys.stderr.isatty()
    if show_bar:
        outcomes = _with_progress_bar(files, job, jobs)
    else:
        outcomes = run_batch(files, job, jobs=jobs)
    failed = failures(outcomes)
    show_notices(n for o in outcomes for n in o.notices)
    for outcome in failed:
        show_problems(outcome.problems)
    written = [path for o in outcomes for path in o.value or ()]
    if len(files) == 1 and not failed:
        typer.echo(M.WRITTEN.format(path=", ".join(str(p) for p in written)), err=True)
    elif len(files) > 1:
        seconds = _seconds(time.perf_counter() - started)
        summary = M.BATCH_DONE_FAILED if failed else M.BATCH_DONE
        typer.echo(summary.format(done=len(files) - len(failed), total=len(files), reports=len(written),
                                  failed=len(failed), seconds=seconds), err=True)
    if failed:
        raise FilesFailed


def _seconds(value: float) -> str:
    """``5,1 s`` (fi, sv) or ``5.1 s`` (en)."""
    from jarjestotyokirja import messages

    text = f"{value:.1f} s"
    return text if messages.current() == "en" else text.replace(".", ",")


def _with_progress_bar(files: list[Path], job, jobs: int):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from jarjestotyokirja.cli.app import console
    from jarjestotyokirja.report.batch import run_batch

    with Progress(
        TextColumn(M.BATCH_PROGRESS), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("", total=len(files))

        def advance(outcome) -> None:  # type: ignore[no-untyped-def]
            bar.update(task, advance=1, description=outcome.path.name)

        return run_batch(files, job, jobs=jobs, on_done=advance)
