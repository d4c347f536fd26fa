"""The Typer application: the ``jtk`` group, the options every command shares, and the exit codes.

The group (:class:`_Group`) is the one place where library errors become messages on standard error
and exit codes:
0 success · 1 invalid input or content · 2 usage · 130 interrupted. Only Typer is imported at start-up;
every command imports what it needs, so ``jtk --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from jarjestotyokirja.cli import typer_texts

typer_texts.install()


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
        """Choose the UI language (an unknown ``JTK_KIELI`` stops here, exit 2) and translate the help."""
        from jarjestotyokirja.language import ui_language

        try:
            language = ui_language()
        except Exception as exc:  # noqa: BLE001 - the UsageError of language.py, imported only then
            from jarjestotyokirja.errors import JtkError

            if not isinstance(exc, JtkError):
                raise
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            sys.exit(exc.exit_code)
        if language != "fi" and not hasattr(self, "_jtk_language"):  # the tree's msgids are Finnish
            from functools import partial

            from jarjestotyokirja.cli.help_texts import translate_tree
            from jarjestotyokirja.translations import translate

            translate_tree(self, partial(translate, language=language))
            self._jtk_language = language
        return super().main(*args, **kwargs)

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from jarjestotyokirja.errors import JtkError, M

        try:
            return super().invoke(ctx)
        except JtkError as exc:
            for problem in exc.problems:
                typer.echo(error_line(problem), err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("\n" + M.INTERRUPTED, err=True)
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
FileArg = Annotated[Path, typer.Argument(help="Vastaustiedosto, esim. 091-helsinki.yaml.", show_default=False, metavar="TIEDOSTO")]
FilesArg = Annotated[list[Path], typer.Argument(help="Yksi tai useampi vastaustiedosto.", show_default=False, metavar="TIEDOSTO")]


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


def error_line(problem: object) -> str:
    """``virhe: …`` (``fel: …``, ``Error: …``): one problem as jtk and Click both print it on stderr."""
    return typer_texts.text(typer_texts.ERROR).format(message=problem)


def console(stderr: bool = False):  # type: ignore[no-untyped-def]
    """A rich console for tables and panels (imported only by the commands that print them)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def workbook_from(path: Optional[Path]):  # type: ignore[no-untyped-def]
    """The workbook of ``--workbook``, or the bundled one."""
    from jarjestotyokirja.workbook import load_workbook

    return load_workbook(path)


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


def report_failures(failed) -> None:  # type: ignore[no-untyped-def]
    """Print every problem of the files that failed and exit 1; nothing when none failed."""
    if failed:
        for error in failed:
            for problem in error.problems:
                typer.echo(error_line(problem), err=True)
        raise typer.Exit(1)
