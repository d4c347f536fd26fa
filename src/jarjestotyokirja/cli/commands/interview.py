"""``jtk interview``: the terminal interview through the whole workbook."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli.app import WorkbookOpt, app, workbook_from
from jarjestotyokirja.interview.stopping import Ending


@app.command()
def interview(
    kohde: Annotated[str, typer.Argument(
        help="Vastaustiedosto (esim. 091-helsinki.yaml) tai kunnan nimi tai numero; kunnan tiedosto luodaan "
        "tarvittaessa.", show_default=False)],
    kaikki: Annotated[bool, typer.Option("--kaikki", "-k", help="Käy läpi kaikki kysymykset, myös vastatut.")] = False,
    idea: Annotated[Optional[str], typer.Option(
        "--idea", "-i", help="Aloita tästä: idean numero (4, +1) tai kohta (tilannekuva, hyvat, lopuksi).")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Haastattele kunta työkirjan läpi päätteessä; jokainen hyväksytty vastaus tallentuu heti.

    Jatkaa ensimmäisestä vastaamattomasta kysymyksestä. Näppäimet näkyvät ruudun alareunassa:
    Ctrl-S tai Esc Enter hyväksyy tekstin, Ctrl-N ohittaa, Ctrl-P palaa, Ctrl-G siirtyy, Ctrl-E avaa
    $EDITORin, Ctrl-R hylkää luonnoksen, Ctrl-Q lopettaa. Ctrl-C tallentaa kesken olevan tekstin
    luonnokseksi ja lopettaa. Kirjoitettava teksti tallentuu luonnokseksi itsestään; katkenneen
    yhteyden jälkeen teksti on tallessa ja koodi on 129 (SIGTERM: 143).

    Esimerkit: jtk interview Helsinki · jtk interview 091-helsinki.yaml --idea 4 · jtk interview 091-helsinki.yaml --kaikki
    """
    import datetime as dt

    from jarjestotyokirja.interview.terminal import Terminal
    from jarjestotyokirja.interview.tty import check_terminal, silence_dead_terminal

    shown_on = check_terminal()
    from jarjestotyokirja.interview.session import run_interview
    from jarjestotyokirja.store.answers_files import answers_file_for

    wb = workbook_from(workbook)
    path, created = answers_file_for(kohde, wb)
    if created:
        from jarjestotyokirja.errors import M

        typer.echo(M.FILE_CREATED.format(path=path), err=True)
    ending = run_interview(path, wb, Terminal(output=shown_on), revisit_all=kaikki, target=idea, today=dt.date.today().isoformat())
    if ending is Ending.HUNG_UP:
        silence_dead_terminal()  # nothing may block or fail on the way out
    code = exit_code(ending)
    if code:
        raise typer.Exit(code)


def exit_code(ending: Ending) -> int:
    """0 at the end or on quitting; 130 after Ctrl-C; 128 + the signal after a hang-up (129) or a kill (143)."""
    if ending is Ending.INTERRUPTED:
        return 130
    signum = ending.signal
    return 128 + signum if signum is not None else 0
