"""Commands for creating, editing and checking answers files (the scripting interface)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from jarjestotyokirja.cli.app import (
    FileArg,
    FilesArg,
    WorkbookOpt,
    action_app,
    app,
    console,
    read_stdin,
    report_failures,
    workbook_from,
)
from jarjestotyokirja.messages import M

# --- creating and editing answers ---------------------------------------------------------------

DEFAULT_WAIT = 5.0
WaitOpt = Annotated[
    float,
    typer.Option(
        "--odota", min=0, metavar="SEKUNTIA",
        help="Jos tiedosto on toisen jtk-prosessin käytössä, odota enintään näin monta sekuntia; 0 = älä odota.",
    ),
]

@app.command()
def init(
    kunta: Annotated[str, typer.Argument(help="Kunnan nimi tai kuntanumero, esim. Helsinki, helsinki tai 091.", metavar="KUNTA")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Tiedoston nimi; oletus <koodi>-<nimi>.yaml.")] = None,
    pvm: Annotated[str, typer.Option(help="Arvioinnin päivämäärä PP.KK.VVVV tai VVVV-KK-PP.")] = "",
    konsultti: Annotated[str, typer.Option(help="Haastattelun tekijä.")] = "",
    odota: WaitOpt = DEFAULT_WAIT,
    workbook: WorkbookOpt = None,
) -> None:
    """Luo kunnalle uusi vastaustiedosto. Olemassa olevaa tiedostoa ei korvata.

    Esimerkki: jtk init Helsinki
    """
    from jarjestotyokirja.dates import stored_option_date
    from jarjestotyokirja.store.answers_files import create_answers_file

    pvm = stored_option_date("--pvm", pvm)
    path, municipality = create_answers_file(
        kunta, workbook_from(workbook), output, wait=odota, holder="jtk init", pvm=pvm, konsultti=konsultti
    )
    from jarjestotyokirja import messages

    language = messages.current()
    county = f", {municipality.county_in(language)}" if municipality.county else ""
    typer.echo(M.CREATED.format(path=path, name=municipality.name_in(language), code=municipality.code, county=county),
               err=True)
    typer.echo(M.NEXT_INTERVIEW.format(path=path), err=True)


@app.command("set")
def set_(
    file: FileArg,
    key: Annotated[str, typer.Argument(help="Avain, esim. 4.nykytila, +1.taso, tilannekuva.tavoitetila, arviointi.pvm.",
                                           metavar="AVAIN")],
    value: Annotated[Optional[str], typer.Argument(help="Arvo; puuttuva tai - lukee vakiosyötteen.", metavar="ARVO")] = None,
    odota: WaitOpt = DEFAULT_WAIT,
    clear: Annotated[bool, typer.Option("--tyhjenna", help="Tyhjennä vastaus (sama kuin arvo '').")] = False,
    workbook: WorkbookOpt = None,
) -> None:
    """Aseta yksi vastaus. Tyhjennä vastaus arvolla '' tai valitsimella --tyhjenna.

    Vakiosyötteestä luetun arvon viimeinen rivinvaihto jätetään pois; tyhjä vakiosyöte ei
    tyhjennä vastausta vaan on virhe.

    Esimerkit: jtk set 091-helsinki.yaml 4.taso 3 · echo 3 | jtk set 091-helsinki.yaml 4.taso - ·
    echo "Monirivinen teksti" | jtk set 091-helsinki.yaml 4.nykytila · jtk set 091-helsinki.yaml 4.taso --tyhjenna
    """
    from jarjestotyokirja.errors import M, UsageError
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import set_value

    if clear:
        if value not in (None, ""):
            raise UsageError(M.CLEAR_WITH_VALUE)
        text = ""
    elif value in (None, "-"):
        text = _one_final_newline_off(read_stdin())
        if not text:
            raise UsageError(M.EMPTY_STDIN.format(key=key))
    else:
        text = value
    wb = workbook_from(workbook)
    with edit_answers(file, wb, wait=odota, holder="jtk set") as answers:
        set_value(answers, wb, key, text)
    typer.echo(M.SAVED_KEY.format(key=key, file=file), err=True)


def _one_final_newline_off(text: str) -> str:
    """``echo 3`` sends ``3\n``: the value is ``3``. Only one line break goes; the rest is the value's."""
    return text.removesuffix("\n").removesuffix("\r") if text.endswith("\n") else text


@app.command()
def get(file: FileArg, key: Annotated[str, typer.Argument(help="Avain, esim. 4.nykytila.", metavar="AVAIN")], workbook: WorkbookOpt = None) -> None:
    """Tulosta yksi vastaus täsmälleen tallennetussa muodossa.

    Esimerkki: jtk get 091-helsinki.yaml 4.nykytila
    """
    from jarjestotyokirja.store.answers_files import load_answers
    from jarjestotyokirja.store.edit import get_value

    wb = workbook_from(workbook)
    value = get_value(load_answers(file, wb), wb, key)
    if value:
        typer.echo(value)


@app.command("import")
def import_(
    file: FileArg,
    data: Annotated[Path, typer.Argument(help="YAML- tai JSON-tiedosto (tai - vakiosyötteelle) tai jtk lomake -komennolla tehty Word-lomake (.docx).",
                                       metavar="LÄHDE")],
    odota: WaitOpt = DEFAULT_WAIT,
    workbook: WorkbookOpt = None,
) -> None:
    """Yhdistä vastaukset toisesta YAML- tai JSON-tiedostosta.

    Tiedosto voi olla vastaustiedoston muotoinen (osittainen) tai avain–arvo-pareja:
    {"4.nykytila": "...", "4.taso": 3}. Esimerkki: jtk import 091-helsinki.yaml tyopaja.json

    Word-lomake (jtk lomake) tuodaan samoin: jtk import 091-helsinki.yaml tyokirja.docx
    """
    if data.suffix.lower() == ".docx":  # a Word form made by jtk lomake (commands/documents.py)
        from jarjestotyokirja.cli.commands.documents import import_docx_form

        return import_docx_form(file, data, workbook)
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import import_data
    from jarjestotyokirja.yamlio.import_files import load_data, read_data

    doc = load_data(read_stdin(), path="<stdin>") if str(data) == "-" else read_data(data)
    wb = workbook_from(workbook)
    with edit_answers(file, wb, wait=odota, holder="jtk import") as answers:
        import_data(answers, wb, doc)
    typer.echo(M.IMPORTED.format(data=M.IMPORTED_STDIN if str(data) == "-" else data, file=file), err=True)


# --- actions ------------------------------------------------------------------------------------

def _action_fields(**options: Optional[str]) -> dict[str, str]:
    return {name: value for name, value in options.items() if value is not None}


Horizon = Annotated[Optional[str], typer.Option("--aikavali", "-a", help="lyhyt, keskipitkä tai pitkä.")]
IdeaOpt = Annotated[Optional[str], typer.Option("--idea", "-i", help="Idean numero 1–10 tai +1.")]
Responsible = Annotated[Optional[str], typer.Option("--vastuutaho", "-v", help="Vastuutaho.")]
Due = Annotated[Optional[str], typer.Option("--maaraaika", "-m", help="Määräaika PP.KK.VVVV tai VVVV-KK-PP.")]
Indicator = Annotated[Optional[str], typer.Option("--mittari", help="Mittari tai seurantatapa.")]
StatusOpt = Annotated[Optional[str], typer.Option("--tila", "-t", help="suunniteltu, käynnissä tai valmis.")]


@action_app.command("add")
def action_add(
    file: FileArg,
    teksti: Annotated[str, typer.Argument(help="Toimenpide.", metavar="TEKSTI")],
    aikavali: Horizon = None, idea: IdeaOpt = None, vastuutaho: Responsible = None,
    maaraaika: Due = None, mittari: Indicator = None, tila: StatusOpt = None,
    odota: WaitOpt = DEFAULT_WAIT,
    workbook: WorkbookOpt = None,
) -> None:
    """Lisää toimenpide.

    Esimerkki: jtk action add 091-helsinki.yaml "Nimetään järjestöyhdyshenkilö" -a lyhyt -i 5
    """
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import add_action

    wb = workbook_from(workbook)
    fields = _action_fields(teksti=teksti, aikavali=aikavali, idea=idea, vastuutaho=vastuutaho,
                            maaraaika=maaraaika, mittari=mittari, tila=tila)
    with edit_answers(file, wb, wait=odota, holder="jtk action add") as answers:
        number = add_action(answers, wb, **fields)
    typer.echo(M.ACTION_ADDED.format(number=number), err=True)


@action_app.command("list")
def action_list(file: FileArg, workbook: WorkbookOpt = None) -> None:
    """Listaa toimenpiteet numeroineen.

    Esimerkki: jtk action list 091-helsinki.yaml
    """
    from jarjestotyokirja.cli.display import actions_table
    from jarjestotyokirja.store.answers_files import load_answers

    console().print(actions_table(load_answers(file, workbook_from(workbook))))


@action_app.command("set")
def action_set(
    file: FileArg,
    number: Annotated[int, typer.Argument(help="Toimenpiteen numero (jtk action list).", metavar="NUMERO")],
    teksti: Annotated[Optional[str], typer.Option("--teksti", help="Uusi teksti.")] = None,
    aikavali: Horizon = None, idea: IdeaOpt = None, vastuutaho: Responsible = None,
    maaraaika: Due = None, mittari: Indicator = None, tila: StatusOpt = None,
    odota: WaitOpt = DEFAULT_WAIT,
    workbook: WorkbookOpt = None,
) -> None:
    """Muuta toimenpiteen kenttiä.

    Esimerkki: jtk action set 091-helsinki.yaml 2 --tila valmis
    """
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import update_action

    wb = workbook_from(workbook)
    fields = _action_fields(teksti=teksti, aikavali=aikavali, idea=idea, vastuutaho=vastuutaho,
                            maaraaika=maaraaika, mittari=mittari, tila=tila)
    with edit_answers(file, wb, wait=odota, holder="jtk action set") as answers:
        update_action(answers, wb, number, **fields)
    typer.echo(M.ACTION_UPDATED.format(number=number), err=True)


@action_app.command("remove")
def action_remove(
    file: FileArg,
    number: Annotated[int, typer.Argument(help="Toimenpiteen numero (jtk action list).", metavar="NUMERO")],
    odota: WaitOpt = DEFAULT_WAIT,
    workbook: WorkbookOpt = None,
) -> None:
    """Poista toimenpide.

    Esimerkki: jtk action remove 091-helsinki.yaml 3
    """
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import remove_action

    with edit_answers(file, workbook_from(workbook), wait=odota, holder="jtk action remove") as answers:
        removed = remove_action(answers, number)
    typer.echo(M.ACTION_REMOVED.format(number=number, text=removed.teksti), err=True)


# --- reading ------------------------------------------------------------------------------------

@app.command()
def show(
    file: FileArg,
    item: Annotated[Optional[str], typer.Argument(help="Kohta: idean numero, +1 tai osion tunniste.", metavar="KOHTA")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Näytä vastaukset luettavassa muodossa.

    Esimerkit: jtk show 091-helsinki.yaml · jtk show 091-helsinki.yaml 4
    """
    from jarjestotyokirja.cli.display import answers_view
    from jarjestotyokirja.store.answers_files import load_answers

    wb = workbook_from(workbook)
    console().print(answers_view(load_answers(file, wb), wb, item))


@app.command()
def status(files: FilesArg, workbook: WorkbookOpt = None) -> None:
    """Valmiusaste vaiheittain ja ideoittain yhdelle tai monelle tiedostolle.

    Esimerkit: jtk status 091-helsinki.yaml · jtk status vastaukset/*.yaml
    """
    from jarjestotyokirja.cli.display import item_status_table, status_table
    from jarjestotyokirja.results import succeeded
    from jarjestotyokirja.store.answers_files import load_many

    wb = workbook_from(workbook)
    results = load_many(files, wb)
    loaded = succeeded(results)
    out = console()
    if len(files) == 1 and loaded:
        out.print(item_status_table(*loaded[0], wb))
    else:
        out.print(status_table(loaded, wb))
    report_failures(results)


@app.command()
def validate(files: FilesArg, workbook: WorkbookOpt = None) -> None:
    """Tarkista vastaustiedostot; jokainen virhe tiedoston, rivin ja avaimen kera.

    Esimerkki: jtk validate *.yaml
    """
    from jarjestotyokirja.results import succeeded
    from jarjestotyokirja.store.answers_files import load_many

    results = load_many(files, workbook_from(workbook))
    loaded = succeeded(results)
    for path, _ in loaded:
        typer.echo(f"ok: {path}")
    report_failures(results)


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Kirjoita tiedostoon.")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Tulosta vastaustiedoston JSON Schema editoreita varten.

    Esimerkki: jtk schema -o jtk-vastaukset.schema.json, ja vastaustiedoston alkuun
    # yaml-language-server: $schema=./jtk-vastaukset.schema.json
    """
    from jarjestotyokirja.render.documents import write_outputs
    from jarjestotyokirja.schema import answers_json_schema

    text = answers_json_schema(workbook_from(workbook))
    if output:
        write_outputs([(output, text)], inputs=[])
        typer.echo(M.WRITTEN.format(path=output), err=True)
    else:
        typer.echo(text, nl=False)


@app.command()
def kunnat(
    haku: Annotated[str, typer.Argument(help="Hakusana: nimen, koodin, maakunnan tai hyvinvointialueen osa.",
                                          metavar="HAKU")] = "",
    kieli: Annotated[Optional[str], typer.Option(
        "--kieli", metavar="fi|sv|en", show_default=False,
        help="Nimien kieli: fi, sv tai en; oletus käyttöliittymän kieli (JTK_KIELI).")] = None,
) -> None:
    """Listaa tai hae Suomen kunnat (2024) ja niiden kielellinen asema.

    Haku löytää suomen- ja ruotsinkieliset nimet (Porvoo ja Borgå). Esimerkit: jtk kunnat ·
    jtk kunnat pirkanmaa · jtk kunnat 091 · jtk kunnat Raseborg · jtk kunnat österbotten --kieli sv
    """
    from jarjestotyokirja.cli.display import municipalities_table
    from jarjestotyokirja.errors import M, NotFound
    from jarjestotyokirja.register import search_municipalities
    from jarjestotyokirja.render.document_texts import document_language

    language = document_language(kieli)
    found = search_municipalities(haku)
    if not found:
        raise NotFound(M.UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS.format(query=haku))
    console().print(municipalities_table(found, language))


@app.command("workbook")
def workbook_(
    check: Annotated[Optional[Path], typer.Option("--check", help="Tarkista tämä työkirjatiedosto.")] = None,
    workbook: WorkbookOpt = None,
) -> None:
    """Näytä työkirjan rakenne puuna, tai tarkista oma työkirja.

    Esimerkit: jtk workbook · jtk workbook --check oma-tyokirja.yaml
    """
    from jarjestotyokirja.cli.display import workbook_tree

    wb = workbook_from(check or workbook)
    if check:
        typer.echo(M.WORKBOOK_OK.format(path=check, title=wb.title, count=len(wb.ideas)))
        return
    console().print(workbook_tree(wb))
