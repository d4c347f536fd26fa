"""jtk's text and path parameters are coerced without pydantic, to exactly what Typer's own gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

typer_coercion = pytest.importorskip("typer._coercion")


def _parameters():  # type: ignore[no-untyped-def]
    import typer.main

    from jarjestotyokirja.cli.main import app

    def walk(command):  # type: ignore[no-untyped-def]
        for param in command.params:
            yield command, param
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    return list(walk(typer.main.get_command(app)))


def test_plain_coercion_gives_what_typers_own_gives(tmp_path):
    from typer._click import Context
    from typer._click.exceptions import UsageError

    from jarjestotyokirja.cli import plain_params

    existing = tmp_path / "091-helsinki.yaml"
    existing.write_text("x", encoding="utf-8")
    unreadable = tmp_path / "lukukielto.yaml"
    unreadable.write_text("x", encoding="utf-8")
    unreadable.chmod(0)
    samples = ["Helsinki", "äö å", "-", "", str(existing), str(tmp_path), str(unreadable), "puuttuu/x.yaml",
               0, 2, -1, 2.5, "2", "-1", "0", "005", "2.5", "-0.5", "1e3", " 3", "٣", "1_000", "+4", "x2"]
    checked = 0
    for command, param in _parameters():
        descriptor = param.type_descriptor
        if not plain_params._is_plain(descriptor):
            continue
        ctx = Context(command)
        theirs = typer_coercion.build_runtime_param(descriptor)
        param._runtime_param = None
        ours = param.get_runtime_param()
        assert type(ours).__name__ == "PlainRuntimeParam", param.name
        values = [tuple(samples[:3]), tuple(samples)] if param.nargs == -1 else [None, True, False, *samples]
        for value in values:
            results = []
            for runtime in (theirs, ours):
                try:
                    results.append(("ok", runtime.coerce(value, param=param, ctx=ctx)))
                except UsageError as exc:
                    own = getattr(exc, "jtk_message", None)  # jtk's own refusal of a number
                    results.append(("refused", own.code) if own is not None else ("error", exc.format_message()))
            if results[1][0] == "refused":
                # Stricter than Typer on purpose: a number is written plainly in digits (Typer took
                # 1e3, ٣, 1_000, +4 and " 3") and within the option's range, else jtk says so itself.
                plain = isinstance(value, (int, float)) or re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value)
                assert results[0][0] == "error" or not plain, (command.name, param.name, value)
                assert results[1][1] in ("JTK-U011", "JTK-U012", "JTK-U013", "JTK-U014")
            else:
                assert results[0] == results[1], (command.name, param.name, value)
            checked += 1
    assert checked > 50


_PROBE = (
    "import sys\n"
    "from jarjestotyokirja.cli.main import app\n"
    "import typer.main\n"
    "command = typer.main.get_command(app)\n"
    "for args in ARGS:\n"
    "    ctx = command.make_context('jtk', list(args))\n"
    "    sub = command.get_command(ctx, args[0])\n"
    "    rest = ctx.protected_args[1:] + ctx.args if hasattr(ctx, 'protected_args') else ctx.args\n"
    "    print(repr(sub.make_context(args[0], rest, parent=ctx).params))\n"
    "print('pydantic' in sys.modules)\n"
)


def _parsed_in_a_new_process(tmp_path, *commands: list[str]) -> tuple[list[str], bool]:
    """Each command line's parameters as Typer parses them, in a fresh interpreter, and whether
    parsing them imported pydantic."""
    probe = f"ARGS = {commands!r}\n" + _PROBE
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k != "JTK_WORKBOOK"})
    *params, pydantic_loaded = out.stdout.strip().splitlines()
    return params, pydantic_loaded == "True"


def test_parsing_the_interview_arguments_imports_no_pydantic(tmp_path):
    """Fails before this change: Typer's TypeAdapters imported pydantic for every command."""
    (params,), pydantic_loaded = _parsed_in_a_new_process(
        tmp_path, ["interview", "x.yaml", "--idea", "4", "-w", "w.yaml", "-k"])
    assert "PosixPath('w.yaml')" in params or "WindowsPath('w.yaml')" in params
    assert "'kohde': 'x.yaml'" in params and "'idea': '4'" in params and "'kaikki': True" in params
    assert not pydantic_loaded


def test_every_parameter_of_every_command_is_coerced_without_pydantic():
    """Fails before issue 11's last change: ``-j``, ``--odota`` and every option without a default
    (``Optional[...]``) went through Typer's TypeAdapters, a tenth of a second of every ``jtk report``."""
    from jarjestotyokirja.cli import plain_params

    typed = [(command.name, param.name) for command, param in _parameters() if getattr(param, "type_descriptor", None)]
    assert len(typed) > 50
    not_plain = [(command.name, param.name, param.type_descriptor.annotation) for command, param in _parameters()
                 if getattr(param, "type_descriptor", None) and not plain_params._is_plain(param.type_descriptor)]
    assert not_plain == []


def test_parsing_the_report_and_set_arguments_imports_no_pydantic(tmp_path):
    (report, set_), pydantic_loaded = _parsed_in_a_new_process(
        tmp_path, ["report", "a.yaml", "b.yaml", "-j", "2", "-o", "out", "--tilanne", "2026-06-30"],
        ["set", "a.yaml", "idea4.taso", "3", "--odota", "2.5"])
    assert "'jobs': 2" in report and "'tilanne': '2026-06-30'" in report and "'templates': None" in report
    assert "'odota': 2.5" in set_
    assert not pydantic_loaded
