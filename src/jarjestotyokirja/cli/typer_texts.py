"""The texts Typer and its vendored Click write themselves, in the UI language (gettext domain ``typer``).

Help headings, the ``--help`` option, the usage line and usage errors ("Missing argument …") would
otherwise be English in a Finnish or Swedish tool. Their English originals are the msgids of the
``typer`` catalogue (``locale/{fi,sv}/LC_MESSAGES/typer.po``; English needs none), looked up in the
UI language each time a text is written, so a test may switch ``JTK_KIELI`` between two runs.

Two ways in, because Typer 0.29 vendors a Click that has dropped Click's gettext calls:

- ``typer.core`` still wraps its texts in ``gettext.gettext`` (``_("Options")``, ``_("required")``,
  ``_("No such command {name!r}.")``): its module-level ``_`` is pointed at the ``typer`` catalogue.
- ``typer._click`` builds its texts with plain f-strings ("Usage: ", "Show this message and exit.",
  "Try … for help.", "Error: …", "Missing argument …"): a handful of its functions are wrapped, and a
  finished error message is matched against :data:`ERRORS` and rebuilt from its translated template.

Every patch is guarded: if a future Typer moves them, jtk keeps working with English texts rather
than failing.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from jarjestotyokirja.cli.translations import TYPER, translate

# The msgids of typer.core's own _() calls that jtk's help and errors can show.
TYPER_CORE_TEXTS = (
    "Arguments", "Options", "Commands", "required", "default: {default}", "env var: {var}", "Aborted!",
    "(dynamic)", "Missing command.", "No such command {name!r}.",
)
HELP_OPTION = "Show this message and exit."
OPTIONS_METAVAR = "[OPTIONS]"
COMMAND_METAVAR = "COMMAND [ARGS]..."
# Typer 0.29 writes an option's Python type as its value ("--jobs <int>"): a word for the kind instead.
TYPE_WORDS = {"str": "TEXT", "path": "PATH", "file": "FILE", "dir": "FOLDER", "int": "NUMBER", "float": "NUMBER",
              "int range": "NUMBER", "float range": "NUMBER"}
USAGE = "Usage: "
TRY_HELP = "Try '{command} {option}' for help."

# A finished usage error of the vendored Click (English, from f-strings) → its msgid, fields by name.
# The first pattern that matches the whole message wins.
ERRORS = [
    (r"(?P<message>.+)\. Did you mean (?P<suggestions>.+)\?", "{message}. Did you mean {suggestions}?"),
    (r"Missing argument (?P<name>.+)\.", "Missing argument {name}."),
    (r"Missing option (?P<name>.+)\.", "Missing option {name}."),
    (r"Missing parameter:? (?P<name>.+)", "Missing parameter: {name}"),
    (r"No such option: (?P<name>\S+) Did you mean (?P<possibility>.+)\?", "No such option: {name} Did you mean {possibility}?"),
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<possibility>.+)\)", "No such option: {name} Did you mean {possibility}?"),
    (r"No such option: (?P<name>\S+)", "No such option: {name}"),
    (r"Invalid value for (?P<name>.+?): (?P<reason>.*)", "Invalid value for {name}: {reason}"),
    (r"Invalid value: (?P<reason>.*)", "Invalid value: {reason}"),
    (r"Got unexpected extra arguments? \((?P<arguments>.+)\)", "Got unexpected extra argument(s) ({arguments})"),
    (r"Option (?P<name>.+) requires an argument\.", "Option {name} requires an argument."),
    (r"Option (?P<name>.+) does not take a value\.", "Option {name} does not take a value."),
]
CLICK_TEXTS = (HELP_OPTION, USAGE, TRY_HELP, OPTIONS_METAVAR, COMMAND_METAVAR, *dict.fromkeys(TYPE_WORDS.values()), *(template for _, template in ERRORS))


def text(message: str) -> str:
    """A Typer/Click msgid in the UI language."""
    return translate(message, domain=TYPER)


def translate_error(message: str) -> str:
    """A usage error of Click or Typer in the UI language (as it is when no pattern matches)."""
    for pattern, template in ERRORS:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            fields = {name: _own_quotes(value) for name, value in match.groupdict().items()}
            if "message" in fields:  # the part before "Did you mean" is a message of its own
                fields["message"] = translate_error(fields["message"] + ".").rstrip(".")
            return text(template).format(**fields)
    return message


def _own_quotes(value: str) -> str:
    """Click's 'x' in the quotation marks of Finnish and Swedish (”x”); English keeps Click's."""
    from jarjestotyokirja import messages

    if messages.current() == "en":
        return value
    return re.sub(r"'([^'\n]*)'", lambda match: messages.quoted(match.group(1)), value)


def _translated_pieces(collect: Any) -> Any:
    def translated(self: Any, ctx: Any) -> list[str]:
        return [text(piece) if piece in (OPTIONS_METAVAR, COMMAND_METAVAR) else piece for piece in collect(self, ctx)]

    return translated


def install() -> None:
    try:
        import typer.core as core
        from typer._click import decorators, exceptions, formatting
    except ImportError:  # pragma: no cover - a Typer without these modules keeps its English
        return
    if getattr(core, "_jtk_texts", False):
        return
    core._jtk_texts = True  # type: ignore[attr-defined]
    core._ = text  # type: ignore[attr-defined]

    make_option = decorators.option

    def option(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("help") == HELP_OPTION:
            kwargs["help"] = text(HELP_OPTION)
        return make_option(*args, **kwargs)

    decorators.option = option

    write_usage = formatting.HelpFormatter.write_usage

    def translated_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, text(USAGE) if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = translated_usage  # type: ignore[method-assign]

    def show_usage_error(self: Any, file: Any = None) -> None:
        out = file or sys.stderr
        if self.ctx is not None:
            print(self.ctx.get_usage(), file=out)
            option = next((name for name in self.ctx.help_option_names if name.startswith("--")), "--help")
            print(text(TRY_HELP).format(command=self.ctx.command_path, option=option) + "\n", file=out)
        from jarjestotyokirja.messages import M

        message = getattr(self, "jtk_message", None)  # jtk's own, from the catalogue (plain_params)
        if message is None:
            message = M.CLICK_USAGE.format(message=translate_error(self.format_message()))
        print(f"{M.LABEL_ERROR} {message.code}: {message}", file=out)

    exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]

    # An argument's name already says what it is (TIEDOSTO): no Python type after it.
    core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    python_type = core.TyperOption.display_type

    def option_value(self: Any, ctx: Any) -> str:
        shown = python_type(self, ctx)[1:-1]  # "<int>" → "int"; choices stay "a|b|c"
        return text(TYPE_WORDS[shown]) if shown in TYPE_WORDS else shown

    core.TyperOption.display_type = option_value  # type: ignore[method-assign]

    for cls in (core.TyperCommand, core.TyperGroup):  # "[OPTIONS]" and "COMMAND [ARGS]..." of the usage line
        cls.collect_usage_pieces = _translated_pieces(cls.collect_usage_pieces)  # type: ignore[method-assign]
