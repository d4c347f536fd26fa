"""The command line: the only code that prints and decides exit codes.

:mod:`.app` is the Typer application and its error-to-exit-code mapping, :mod:`.commands` the commands
(each parses its arguments, calls one library function and prints), :mod:`.display` and
:mod:`.diff_display` the terminal views, :mod:`.typer_texts` Typer's and Click's own texts in Finnish,
and :mod:`.main` the entry point.
"""
