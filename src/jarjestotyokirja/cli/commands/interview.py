"""``jtk interview``: the terminal interview through the whole workbook."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli import exit_codes
from jarjestotyokirja.cli.app import WorkbookOpt, app, workbook_from
from jarjestotyokirja.interview.stopping import Ending
from jarjestotyokirja.messages import M


@app.command()
def interview(
    kohde: Annotated[str, typer.Argument(
        help="Vastaustiedosto (esim. 091-helsinki.yaml) tai kunnan nimi tai numero; kunnan tiedosto luodaan "
        "tarvittaessa.", show_default=False, metavar="TIEDOSTO|KUNTA")],
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
    import sys

    from rich.console import Console

    from jarjestotyokirja.interview import first_screen
    from jarjestotyokirja.interview.tty import check_terminal, silence_dead_terminal

    shown_on = check_terminal()
    with first_screen.typing_held(sys.stdin.fileno()) as held:
        # The first question goes on screen from the raw files before pydantic and prompt_toolkit load.
        console = Console(highlight=False, file=shown_on)
        existing = first_screen.existing_answers_file(kohde)
        shown = first_screen.draw(existing, workbook, console, revisit_all=kaikki) if existing and not idea else None
        from jarjestotyokirja.interview.session import run_interview
        from jarjestotyokirja.interview.terminal import Terminal
        from jarjestotyokirja.store.answers_files import answers_file_for

        wb = workbook_from(workbook)
        path, created = answers_file_for(kohde, wb)
        if created:
            typer.echo(M.CREATED_FILE.format(path=path), err=True)
        terminal = Terminal(output=shown_on, console=console, shown=shown, release_typing=held.release)
        ending = run_interview(path, wb, terminal, revisit_all=kaikki, target=idea, today=dt.date.today().isoformat())
    if ending is Ending.HUNG_UP:
        silence_dead_terminal()  # nothing may block or fail on the way out
    code = exit_codes.for_ending(ending)
    if code:
        exit_codes.leave(code)
