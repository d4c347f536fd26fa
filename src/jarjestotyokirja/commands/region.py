"""Region and time: ``jtk compare`` across municipalities, ``jtk diff`` and ``jtk history`` across assessments."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli import FileArg, WorkbookOpt, app, console, workbook_from


@app.command()
def diff(
    file: FileArg,
    other: Annotated[
        Optional[Path], typer.Argument(help="Uudempi tiedosto, kun verrataan kahta tiedostoa.", show_default=False)
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
    from jarjestotyokirja.diff_display import diff_view
    from jarjestotyokirja.errors import M, UsageError
    from jarjestotyokirja.history import diff_files, diff_revisions

    wb = workbook_from(workbook)
    if other is not None:
        if rev_from is not None or rev_to is not None:
            raise UsageError(M.DIFF_ARGUMENTS)
        changes = diff_files(file, other, wb)
    else:
        changes = diff_revisions(file, rev_from or "HEAD", rev_to, wb)
    console().print(diff_view(changes, wb), soft_wrap=True)


@app.command()
def history(file: FileArg, workbook: WorkbookOpt = None) -> None:
    """Näytä jokaisen idean nyky- ja tavoitetaso jokaisessa gitiin tallennetussa versiossa.

    Esimerkki: jtk history 091-helsinki.yaml
    """
    from jarjestotyokirja.diff_display import history_table
    from jarjestotyokirja.history import level_history

    console().print(history_table(level_history(file, workbook_from(workbook))))
