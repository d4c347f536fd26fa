"""The ``jtk`` command line. Each command parses its arguments, calls the library, and prints.

This is the one place where library errors become messages on standard error and exit codes:
0 success · 1 invalid input or content · 2 usage · 130 interrupted. Only Typer is imported at start-up;
every command imports what it needs, so ``jtk --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup


class _Group(TyperGroup):
    """Maps :class:`~jarjestotyokirja.errors.JtkError` and Ctrl-C to messages and exit codes."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from jarjestotyokirja.errors import JtkError

        try:
            return super().invoke(ctx)
        except JtkError as exc:
            for problem in exc.problems:
                typer.echo(f"virhe: {problem}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("\nKeskeytetty.", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_Group,
    name="jtk",
    help="Järjestöyhteistyön työkirja: Kuntaliiton 10 + 1 ideaa -haastattelu, vastaukset ja raportit.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
action_app = typer.Typer(cls=_Group, help="Toimenpiteet: lisää, listaa, muuta ja poista.", no_args_is_help=True)
app.add_typer(action_app, name="action")

WorkbookOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--workbook", "-w", envvar="JTK_WORKBOOK", show_default=False,
        help="Oma työkirja (workbook.yaml-muotoinen); oletus on jtk:n mukana tuleva.",
    ),
]
FileArg = Annotated[Path, typer.Argument(help="Vastaustiedosto, esim. 091-helsinki.yaml.", show_default=False)]
FilesArg = Annotated[list[Path], typer.Argument(help="Yksi tai useampi vastaustiedosto.", show_default=False)]


def _version(value: bool) -> None:
    if value:
        from jarjestotyokirja import __version__

        typer.echo(f"jtk {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Näytä versio ja lopeta.")
    ] = False,
) -> None:
    """Järjestöyhteistyön työkirja komentorivillä."""


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _workbook(path: Optional[Path]):  # type: ignore[no-untyped-def]
    from jarjestotyokirja.workbook import load_workbook

    return load_workbook(path)


def _read_stdin() -> str:
    from jarjestotyokirja.errors import M, InvalidContent

    if sys.stdin.isatty():
        typer.echo("Kirjoita arvo ja lopeta rivinvaihdolla ja Ctrl-D:llä.", err=True)
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidContent(M.NOT_UTF8.format(offset=exc.start), path="<stdin>") from None


# --- creating and editing answers ---------------------------------------------------------------

@app.command()
def init(
    kunta: Annotated[str, typer.Argument(help="Kunnan nimi tai kuntanumero, esim. Helsinki, helsinki tai 091.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Tiedoston nimi; oletus <koodi>-<nimi>.yaml.")] = None,
    pvm: Annotated[str, typer.Option(help="Arvioinnin päivämäärä VVVV-KK-PP.")] = "",
    konsultti: Annotated[str, typer.Option(help="Haastattelun tekijä.")] = "",
    workbook: WorkbookOpt = None,
) -> None:
    """Luo kunnalle uusi vastaustiedosto. Olemassa olevaa tiedostoa ei korvata.

    Esimerkki: jtk init Helsinki
    """
    from jarjestotyokirja.answers import create_answers_file

    path, municipality = create_answers_file(kunta, _workbook(workbook), output, pvm=pvm, konsultti=konsultti)
    county = f", {municipality.county}" if municipality.county else ""
    typer.echo(f"Luotu {path} ({municipality.name}, {municipality.code}{county}).", err=True)
    typer.echo(f"Seuraavaksi: jtk interview {path}", err=True)


@app.command("set")
def set_(
    file: FileArg,
    key: Annotated[str, typer.Argument(help="Avain, esim. 4.nykytila, +1.taso, tilannekuva.tavoitetila, arviointi.pvm.")],
    value: Annotated[Optional[str], typer.Argument(help="Arvo; puuttuva tai - lukee vakiosyötteen.")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Aseta yksi vastaus. Tyhjä arvo tyhjentää vastauksen.

    Esimerkit: jtk set 091-helsinki.yaml 4.taso 3 ·
    echo "Monirivinen teksti" | jtk set 091-helsinki.yaml 4.nykytila
    """
    from jarjestotyokirja.edit import set_value
    from jarjestotyokirja.answers import edit_answers

    text = _read_stdin() if value in (None, "-") else value
    wb = _workbook(workbook)
    with edit_answers(file, wb) as answers:
        set_value(answers, wb, key, text)
    typer.echo(f"Tallennettu {key} tiedostoon {file}.", err=True)


@app.command()
def get(file: FileArg, key: Annotated[str, typer.Argument(help="Avain, esim. 4.nykytila.")], workbook: WorkbookOpt = None) -> None:
    """Tulosta yksi vastaus täsmälleen tallennetussa muodossa.

    Esimerkki: jtk get 091-helsinki.yaml 4.nykytila
    """
    from jarjestotyokirja.answers import load_answers
    from jarjestotyokirja.edit import get_value

    wb = _workbook(workbook)
    value = get_value(load_answers(file, wb), wb, key)
    if value:
        typer.echo(value)


@app.command("import")
def import_(
    file: FileArg,
    data: Annotated[Path, typer.Argument(help="YAML- tai JSON-tiedosto (tai - vakiosyötteelle).")],
    workbook: WorkbookOpt = None,
) -> None:
    """Yhdistä vastaukset toisesta YAML- tai JSON-tiedostosta.

    Tiedosto voi olla vastaustiedoston muotoinen (osittainen) tai avain–arvo-pareja:
    {"4.nykytila": "...", "4.taso": 3}. Esimerkki: jtk import 091-helsinki.yaml tyopaja.json
    """
    from jarjestotyokirja.edit import import_data
    from jarjestotyokirja.answers import edit_answers
    from jarjestotyokirja.yamlio import load_yaml, read_yaml

    doc = load_yaml(_read_stdin(), path="<stdin>") if str(data) == "-" else read_yaml(data)
    wb = _workbook(workbook)
    with edit_answers(file, wb) as answers:
        import_data(answers, wb, doc)
    typer.echo(f"Tuotu {data} tiedostoon {file}.", err=True)


# --- actions ------------------------------------------------------------------------------------

def _action_fields(**options: Optional[str]) -> dict[str, str]:
    return {name: value for name, value in options.items() if value is not None}


Horizon = Annotated[Optional[str], typer.Option("--aikavali", "-a", help="lyhyt, keskipitkä tai pitkä.")]
IdeaOpt = Annotated[Optional[str], typer.Option("--idea", "-i", help="Idean numero 1–10 tai +1.")]
Responsible = Annotated[Optional[str], typer.Option("--vastuutaho", "-v", help="Vastuutaho.")]
Due = Annotated[Optional[str], typer.Option("--maaraaika", "-m", help="Määräaika VVVV-KK-PP.")]
Indicator = Annotated[Optional[str], typer.Option("--mittari", help="Mittari tai seurantatapa.")]
StatusOpt = Annotated[Optional[str], typer.Option("--tila", "-t", help="suunniteltu, käynnissä tai valmis.")]


@action_app.command("add")
def action_add(
    file: FileArg,
    teksti: Annotated[str, typer.Argument(help="Toimenpide.")],
    aikavali: Horizon = None, idea: IdeaOpt = None, vastuutaho: Responsible = None,
    maaraaika: Due = None, mittari: Indicator = None, tila: StatusOpt = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Lisää toimenpide.

    Esimerkki: jtk action add 091-helsinki.yaml "Nimetään järjestöyhdyshenkilö" -a lyhyt -i 5
    """
    from jarjestotyokirja.edit import add_action
    from jarjestotyokirja.answers import edit_answers

    wb = _workbook(workbook)
    fields = _action_fields(teksti=teksti, aikavali=aikavali, idea=idea, vastuutaho=vastuutaho,
                            maaraaika=maaraaika, mittari=mittari, tila=tila)
    with edit_answers(file, wb) as answers:
        number = add_action(answers, wb, **fields)
    typer.echo(f"Lisätty toimenpide {number}.", err=True)


@action_app.command("list")
def action_list(file: FileArg, workbook: WorkbookOpt = None) -> None:
    """Listaa toimenpiteet numeroineen.

    Esimerkki: jtk action list 091-helsinki.yaml
    """
    from jarjestotyokirja.answers import load_answers
    from jarjestotyokirja.display import actions_table

    _console().print(actions_table(load_answers(file, _workbook(workbook))))


@action_app.command("set")
def action_set(
    file: FileArg,
    number: Annotated[int, typer.Argument(help="Toimenpiteen numero (jtk action list).")],
    teksti: Annotated[Optional[str], typer.Option("--teksti", help="Uusi teksti.")] = None,
    aikavali: Horizon = None, idea: IdeaOpt = None, vastuutaho: Responsible = None,
    maaraaika: Due = None, mittari: Indicator = None, tila: StatusOpt = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Muuta toimenpiteen kenttiä.

    Esimerkki: jtk action set 091-helsinki.yaml 2 --tila valmis
    """
    from jarjestotyokirja.edit import update_action
    from jarjestotyokirja.answers import edit_answers

    wb = _workbook(workbook)
    fields = _action_fields(teksti=teksti, aikavali=aikavali, idea=idea, vastuutaho=vastuutaho,
                            maaraaika=maaraaika, mittari=mittari, tila=tila)
    with edit_answers(file, wb) as answers:
        update_action(answers, wb, number, **fields)
    typer.echo(f"Päivitetty toimenpide {number}.", err=True)


@action_app.command("remove")
def action_remove(
    file: FileArg,
    number: Annotated[int, typer.Argument(help="Toimenpiteen numero (jtk action list).")],
    workbook: WorkbookOpt = None,
) -> None:
    """Poista toimenpide.

    Esimerkki: jtk action remove 091-helsinki.yaml 3
    """
    from jarjestotyokirja.edit import remove_action
    from jarjestotyokirja.answers import edit_answers

    with edit_answers(file, _workbook(workbook)) as answers:
        removed = remove_action(answers, number)
    typer.echo(f"Poistettu toimenpide {number}: {removed.teksti}", err=True)


# --- reading ------------------------------------------------------------------------------------

@app.command()
def show(
    file: FileArg,
    item: Annotated[Optional[str], typer.Argument(help="Kohta: idean numero, +1 tai osion tunniste.")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Näytä vastaukset luettavassa muodossa.

    Esimerkit: jtk show 091-helsinki.yaml · jtk show 091-helsinki.yaml 4
    """
    from jarjestotyokirja.answers import load_answers
    from jarjestotyokirja.display import answers_view

    wb = _workbook(workbook)
    _console().print(answers_view(load_answers(file, wb), wb, item))


@app.command()
def status(files: FilesArg, workbook: WorkbookOpt = None) -> None:
    """Valmiusaste vaiheittain ja ideoittain yhdelle tai monelle tiedostolle.

    Esimerkit: jtk status 091-helsinki.yaml · jtk status vastaukset/*.yaml
    """
    from jarjestotyokirja.display import item_status_table, status_table
    from jarjestotyokirja.answers import load_many

    wb = _workbook(workbook)
    loaded, failed = load_many(files, wb)
    console = _console()
    if len(files) == 1 and loaded:
        console.print(item_status_table(*loaded[0], wb))
    else:
        console.print(status_table(loaded, wb))
    _report_failures(failed)


@app.command()
def validate(files: FilesArg, workbook: WorkbookOpt = None) -> None:
    """Tarkista vastaustiedostot; jokainen virhe tiedoston, rivin ja avaimen kera.

    Esimerkki: jtk validate *.yaml
    """
    from jarjestotyokirja.answers import load_many

    loaded, failed = load_many(files, _workbook(workbook))
    for path, _ in loaded:
        typer.echo(f"ok: {path}")
    _report_failures(failed)


def _report_failures(failed) -> None:  # type: ignore[no-untyped-def]
    if failed:
        for error in failed:
            for problem in error.problems:
                typer.echo(f"virhe: {problem}", err=True)
        raise typer.Exit(1)


@app.command()
def schema(output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Kirjoita tiedostoon.")] = None) -> None:
    """Tulosta vastaustiedoston JSON Schema editoreita varten.

    Esimerkki: jtk schema -o jtk-vastaukset.schema.json, ja vastaustiedoston alkuun
    # yaml-language-server: $schema=./jtk-vastaukset.schema.json
    """
    from jarjestotyokirja.answers import answers_json_schema
    from jarjestotyokirja.storage import atomic_write

    text = answers_json_schema()
    if output:
        atomic_write(output, text)
        typer.echo(f"Kirjoitettu {output}.", err=True)
    else:
        typer.echo(text, nl=False)


@app.command()
def kunnat(haku: Annotated[str, typer.Argument(help="Hakusana: nimen, koodin, maakunnan tai hyvinvointialueen osa.")] = "") -> None:
    """Listaa tai hae Suomen kunnat (2024).

    Esimerkit: jtk kunnat · jtk kunnat pirkanmaa · jtk kunnat 091
    """
    from jarjestotyokirja.display import municipalities_table
    from jarjestotyokirja.errors import M, NotFound
    from jarjestotyokirja.register import search_municipalities

    found = search_municipalities(haku)
    if not found:
        raise NotFound(M.UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS.format(query=haku))
    _console().print(municipalities_table(found))


@app.command("workbook")
def workbook_(
    check: Annotated[Optional[Path], typer.Option("--check", help="Tarkista tämä työkirjatiedosto.")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Näytä työkirjan rakenne puuna, tai tarkista oma työkirja.

    Esimerkit: jtk workbook · jtk workbook --check oma-tyokirja.yaml
    """
    from jarjestotyokirja.display import workbook_tree

    wb = _workbook(check or workbook)
    if check:
        typer.echo(f"ok: {check}: {wb.title} ({len(wb.ideas)} ideaa)")
        return
    _console().print(workbook_tree(wb))


def main() -> None:
    app(prog_name="jtk")
