"""``jtk``: the entry point. Registers every command on :data:`~jarjestotyokirja.cli.app.app` and runs it.

Each module of :mod:`jarjestotyokirja.cli.commands` registers its commands on the app; they import only
Typer at module level, so ``jtk --help`` stays fast.
"""

from __future__ import annotations

from jarjestotyokirja.cli import exit_codes
from jarjestotyokirja.cli.app import app
from jarjestotyokirja.cli.commands import answers, documents, interview, region, report  # noqa: F401


def main() -> None:
    exit_codes.run(app)
