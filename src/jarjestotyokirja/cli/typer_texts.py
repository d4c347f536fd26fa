"""Finnish for the texts that Typer and its vendored Click write themselves.

Help headings, the ``--help`` option, the usage line and usage errors ("Missing argument …") would
otherwise be English in an otherwise Finnish tool. Typer exposes no setting for them, so
:func:`install` patches a handful of its functions. Every patch is guarded: if a future Typer moves
them, jtk keeps working with English texts rather than failing.
"""

from __future__ import annotations

import re
import sys
from typing import Any

HEADINGS = {
    "Arguments": "Argumentit",
    "Options": "Valitsimet",
    "Commands": "Komennot",
    "required": "pakollinen",
    "default: {default}": "oletus: {default}",
    "env var: {var}": "ympäristömuuttuja: {var}",
    "Aborted!": "Keskeytetty.",
    "(dynamic)": "(vaihtuva)",
    "Missing command.": "Komento puuttuu.",
    "No such command {name!r}.": "Tuntematon komento {name!r}.",
}

HELP_OPTION = "Näytä tämä ohje ja lopeta."
USAGE = "Käyttö: "

# Usage error messages: English pattern → Finnish template (regex groups by number).
ERRORS = [
    (r"Missing argument (.+)\.", r"Puuttuva argumentti \1."),
    (r"Missing option (.+)\.", r"Puuttuva valitsin \1."),
    (r"Missing parameter:? (.+)", r"Puuttuva parametri \1."),
    (r"No such option: (\S+)(?: Did you mean (.+)\?)?", r"Tuntematon valitsin \1."),
    (r"Invalid value for (.+?): .*", r"Virheellinen arvo kohdassa \1."),
    (r"Invalid value: .*", r"Virheellinen arvo."),
    (r"Got unexpected extra arguments? \((.+)\)", r"Ylimääräinen argumentti: \1."),
    (r"Tuntematon komento (.+?)\. Did you mean (.+)\?", r"Tuntematon komento \1. Tarkoititko \2?"),
    (r"Option (.+) requires an argument\.", r"Valitsin \1 tarvitsee arvon."),
    (r"Option (.+) does not take a value\.", r"Valitsin \1 ei ota arvoa."),
]


def translate_error(message: str) -> str:
    for pattern, template in ERRORS:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            return match.expand(template)
    return message


def install() -> None:
    try:
        import typer.core as core
        from typer._click import decorators, exceptions, formatting
    except ImportError:  # pragma: no cover - a Typer without these modules keeps its English
        return
    if getattr(core, "_jtk_finnish", False):
        return
    core._jtk_finnish = True  # type: ignore[attr-defined]
    core._ = lambda text: HEADINGS.get(text, text)  # type: ignore[attr-defined]

    make_option = decorators.option

    def option(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("help") == "Show this message and exit.":
            kwargs["help"] = HELP_OPTION
        return make_option(*args, **kwargs)

    decorators.option = option

    write_usage = formatting.HelpFormatter.write_usage

    def finnish_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, USAGE if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = finnish_usage  # type: ignore[method-assign]

    def show_usage_error(self: Any, file: Any = None) -> None:
        out = file or sys.stderr
        if self.ctx is not None:
            print(self.ctx.get_usage(), file=out)
            print(f"Ohje: {self.ctx.command_path} --help\n", file=out)
        from jarjestotyokirja.messages import M

        message = M.CLICK_USAGE.format(message=translate_error(self.format_message()))
        print(f"{M.LABEL_ERROR} {message.code}: {message}", file=out)

    exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]
