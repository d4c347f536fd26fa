"""The Typer application: the ``jtk`` group, the options every command shares, and the exit codes.

The group (:class:`_Group`) is where library errors become messages on standard error, and exit
codes (:mod:`.exit_codes` decides which). Only Typer is imported at start-up;
every command imports what it needs, so ``jtk --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from jarjestotyokirja.cli import plain_params, typer_texts

typer_texts.install()
plain_params.install()  # parsing the arguments does not import pydantic


# The order of ``jtk --help``: the main job first, then scripting, reports, region and time, tools.
COMMAND_ORDER = (
    "interview", "init", "set", "get", "import", "action", "show", "status", "validate",
    "report", "compare", "diff", "history", "merge", "export", "lomake", "kunnat", "workbook", "schema",
)


class _Group(TyperGroup):
    """Maps :class:`~jarjestotyokirja.errors.JtkError` and Ctrl-C to messages and exit codes."""

    def list_commands(self, ctx):  # type: ignore[no-untyped-def]
        names = super().list_commands(ctx)
        rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Choose the UI language (an unknown ``JTK_KIELI`` stops here, exit 2): the catalogue's ``M``
        and the help texts follow it."""
        from jarjestotyokirja import messages
        from jarjestotyokirja.cli import exit_codes
        from jarjestotyokirja.errors import JtkError
        from jarjestotyokirja.language import ui_language

        try:
            language = ui_language()
        except JtkError as exc:
            show_problems(exc.problems)
            exit_codes.leave_before_click(exit_codes.for_error(exc))
        messages.use(language)
        if getattr(self, "_jtk_language", "fi") != language:  # the tree is written in Finnish, the msgids
            from functools import partial

            from jarjestotyokirja.cli.help_texts import translate_tree
            from jarjestotyokirja.cli.translations import translate

            translate_tree(self, partial(translate, language=language))
            self._jtk_language = language
        return super().main(*args, **kwargs)

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from jarjestotyokirja.cli import exit_codes
        from jarjestotyokirja.errors import JtkError, M

        try:
            return super().invoke(ctx)
        except JtkError as exc:
            show_problems(exc.problems)
            exit_codes.leave(exit_codes.for_error(exc))
        except exit_codes.FilesFailed:
            exit_codes.leave(exit_codes.INVALID)
        except KeyboardInterrupt:
            typer.echo("\n" + M.INTERRUPTED, err=True)
            exit_codes.leave(exit_codes.INTERRUPTED)


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
# Issue 13: the document's language (report, compare, history); checked by document_language().
DocumentLanguageOpt = Annotated[
    Optional[str],
    typer.Option(
        "--kieli", metavar="fi|sv|en", show_default=False,
        help="Asiakirjan kieli: fi, sv tai en; oletus käyttöliittymän kieli (JTK_KIELI). Oma --workbook käytetään sellaisenaan.",
    ),
]
FileArg = Annotated[Path, typer.Argument(help="Vastaustiedosto, esim. 091-helsinki.yaml.", show_default=False, metavar="TIEDOSTO")]
FilesArg = Annotated[list[Path], typer.Argument(help="Yksi tai useampi vastaustiedosto.", show_default=False, metavar="TIEDOSTO")]


def _version(value: bool) -> None:
    if value:
        from jarjestotyokirja import __version__
        from jarjestotyokirja.cli.exit_codes import SUCCESS, leave

        typer.echo(f"jtk {__version__}")
        leave(SUCCESS)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Näytä versio ja lopeta.")
    ] = False,
) -> None:
    """Järjestöyhteistyön työkirja komentorivillä."""


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    """A rich console for tables and panels (imported only by the commands that print them)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def workbook_from(path: Optional[Path], language: str | None = None):  # type: ignore[no-untyped-def]
    """The workbook of ``--workbook`` (as it is), or the bundled one in ``language`` (by default the UI
    language)."""
    from jarjestotyokirja import messages
    from jarjestotyokirja.workbook import load_workbook

    return load_workbook(path, language=language or messages.current())


def read_stdin() -> str:
    """Standard input as UTF-8 text; a clear error for anything else, and for more than a file may hold."""
    from jarjestotyokirja.errors import InvalidContent, M

    if sys.stdin.isatty():
        typer.echo(M.STDIN_PROMPT, err=True)
    from jarjestotyokirja.yamlio.loader import read_limited

    raw = read_limited(sys.stdin.buffer, "<stdin>")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidContent(M.NOT_UTF8.format(offset=exc.start), path="<stdin>") from None


def show_problems(problems) -> None:  # type: ignore[no-untyped-def]
    """Every problem on standard error (:func:`echo_problem`)."""
    for problem in problems:
        echo_problem(problem)


def show_notices(problems) -> None:  # type: ignore[no-untyped-def]
    """Things done that the user should know: ``huomautus: file: message``, and the hint; exit code 0."""
    from jarjestotyokirja.errors import M

    for problem in problems:
        typer.echo(f"{M.LABEL_NOTICE}: {problem}", err=True)
        if problem.hint:
            typer.echo(f"  {M.LABEL_HINT}: {problem.hint}", err=True)


def report_failures(results) -> None:  # type: ignore[no-untyped-def]
    """Print the problems of every file of a batch that failed, then end with exit code 1
    (:class:`~jarjestotyokirja.cli.exit_codes.FilesFailed`); nothing when none failed."""
    from jarjestotyokirja.cli.exit_codes import FilesFailed
    from jarjestotyokirja.results import failures

    failed = failures(results)
    for result in failed:
        show_problems(result.problems)
    if failed:
        raise FilesFailed


def option_date(value: str | None, option: str = "--tilanne") -> str | None:
    """An option's date (VVVV-KK-PP or PP.KK.VVVV) as VVVV-KK-PP, None when not given; a
    :class:`~jarjestotyokirja.errors.UsageError` naming the option otherwise. Parsed here, once: the
    library takes dates as VVVV-KK-PP."""
    from jarjestotyokirja.dates import DateError, parse_date
    from jarjestotyokirja.errors import M, UsageError

    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        raise UsageError(M.OPTION_DATE.format(option=option, problem=exc.problems[0].message)) from None


def echo_problem(problem) -> None:  # type: ignore[no-untyped-def]
    """One problem on standard error, plain for screen readers and grep:
    ``virhe JTK-Y003: file:line: avain k: message``, and its hint on a line of its own (``  vihje: …``)."""
    from jarjestotyokirja.errors import M

    label = f"{M.LABEL_ERROR} {problem.code}" if problem.code else M.LABEL_ERROR
    typer.echo(f"{label}: {problem}", err=True)
    if problem.hint:
        typer.echo(f"  {M.LABEL_HINT}: {problem.hint}", err=True)
