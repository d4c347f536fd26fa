"""jtk's text and path parameters are coerced without pydantic, to exactly what Typer's own gives."""

from __future__ import annotations

import os
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
    from typer._click.exceptions import BadParameter

    from jarjestotyokirja.cli import plain_params

    existing = tmp_path / "091-helsinki.yaml"
    existing.write_text("x", encoding="utf-8")
    unreadable = tmp_path / "lukukielto.yaml"
    unreadable.write_text("x", encoding="utf-8")
    unreadable.chmod(0)
    samples = ["Helsinki", "äö å", "-", "", str(existing), str(tmp_path), str(unreadable), "puuttuu/x.yaml"]
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
                except BadParameter as exc:
                    results.append(("error", exc.format_message()))
            assert results[0] == results[1], (command.name, param.name, value)
            checked += 1
    assert checked > 50


def test_parsing_the_interview_arguments_imports_no_pydantic(tmp_path):
    """Fails before this change: Typer's TypeAdapters imported pydantic for every command."""
    probe = (
        "import sys\n"
        "from jarjestotyokirja.cli.main import app\n"
        "import typer.main\n"
        "command = typer.main.get_command(app)\n"
        "ctx = command.make_context('jtk', ['interview', 'x.yaml', '--idea', '4', '-w', 'w.yaml', '-k'])\n"
        "sub = command.get_command(ctx, 'interview')\n"
        "sub_ctx = sub.make_context('interview', ctx.protected_args[1:] + ctx.args if hasattr(ctx, 'protected_args')"
        " else ctx.args, parent=ctx)\n"
        "print(repr(sub_ctx.params))\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k != "JTK_WORKBOOK"})
    params, pydantic_loaded = out.stdout.strip().splitlines()
    assert "PosixPath('w.yaml')" in params or "WindowsPath('w.yaml')" in params
    assert "'kohde': 'x.yaml'" in params and "'idea': '4'" in params and "'kaikki': True" in params
    assert pydantic_loaded == "False"
