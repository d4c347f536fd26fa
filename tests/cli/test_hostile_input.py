"""Hostile imports, output names, Unicode digits and YAML problems: Finnish refusals, nothing written.

Before: a 100,000-deep JSON was a RecursionError, a 5,000-digit integer a ValueError, a lone
surrogate a UnicodeEncodeError on save, control characters were stored; ``compare --nimi ../x``
wrote outside ``-o``; ``０９１`` passed as a code; the YAML parser's English leaked and the NUL-byte
error had no line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.yamlio.loader import MAX_DEPTH
from tests.conftest import codes
from tests.report.test_report import COMPLETE, EXAMPLES


def _import(cli, target: Path, tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    data = tmp_path / "tuonti.json"
    data.write_text(text, encoding="utf-8")
    before = target.read_bytes()
    result = cli("import", target, data)
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before
    return result, data


def test_import_refuses_deep_nesting(cli, new_file, tmp_path):
    result, data = _import(cli, new_file(), tmp_path, '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert f"{data}: {M.TOO_DEEP.format(limit=MAX_DEPTH)}" in result.stderr


def test_import_refuses_a_huge_integer(cli, new_file, tmp_path):
    result, data = _import(cli, new_file(), tmp_path, '{"vastaukset": {"4": {"taso": ' + "9" * 5000 + "}}}")
    assert f"avain vastaukset.4.taso: {M.IMPORT_LONG_NUMBER.format(digits=5000, limit=30)}" in result.stderr
    assert str(data) in result.stderr


def test_import_refuses_a_lone_surrogate(cli, new_file, tmp_path):
    result, data = _import(cli, new_file(), tmp_path, '{"vastaukset": {"4": {"nykytila": "a\\ud800b"}}}')
    assert f"avain vastaukset.4.nykytila: {M.IMPORT_SURROGATE.format(code='D800')}" in result.stderr


@pytest.mark.parametrize(("key", "value"), [("tyokirja.versio", "1\\u0007"), ("vastaukset.4.nykytila", "a\\u0000b"),
                                           ("arviointi.konsultti", "x\\u001bx")])
def test_import_refuses_control_characters_in_any_text(cli, new_file, tmp_path, key, value):
    outer, middle, inner = (key.split(".") + [None])[:3]
    body = {outer: {middle: value}} if inner is None else {outer: {middle: {inner: value}}}
    text = json.dumps(body).replace("\\\\u", "\\u")
    result, _ = _import(cli, new_file(), tmp_path, text)
    code = f"{int(value.split('u')[-1][:4], 16):04X}"
    assert f"avain {key}: {M.IMPORT_CONTROL.format(code=code)}" in result.stderr


def test_a_yaml_import_is_checked_the_same_way(cli, new_file, tmp_path):
    target = new_file()
    data = tmp_path / "tuonti.yaml"
    data.write_text('tyokirja:\n  versio: "1\\x07"\n', encoding="utf-8")
    before = target.read_bytes()
    result = cli("import", target, data)
    assert result.exit_code == 1
    assert f"{data}:2: avain tyokirja.versio: {M.IMPORT_CONTROL.format(code='0007')}" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "", ".piilo", "..", "a/b", "a\\b", "c:x", "a\nb"])
def test_compare_output_name_is_a_plain_file_name(cli, tmp_path, name):
    out = tmp_path / "a" / "b"
    result = cli("compare", COMPLETE, EXAMPLES / "902-mallikyla.yaml", "-o", out, "--nimi", name)
    assert result.exit_code == 2
    assert M.OUTPUT_NAME.format(option="--nimi", name=name) in result.stderr
    assert list(tmp_path.rglob("*")) == []


def test_compare_with_a_plain_name_still_works(cli, tmp_path):
    result = cli("compare", COMPLETE, EXAMPLES / "902-mallikyla.yaml", "-o", tmp_path, "--nimi", "vertailu-2027")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "vertailu-2027.md").exists()


@pytest.mark.parametrize("code", ["０９１", "٠٩١", "۰۹۱"])
def test_codes_are_ascii_digits_only(cli, new_file, code):
    path = new_file()
    path.write_text(path.read_text(encoding="utf-8").replace("koodi: '091'", f"koodi: '{code}'"), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert M.CODE.format(value=code) in result.stderr


@pytest.mark.parametrize("level", ["３", "٣"])
def test_levels_are_ascii_digits_only(cli, new_file, level):
    path = new_file()
    before = path.read_bytes()
    result = cli("set", path, "4.taso", level)
    assert result.exit_code == 1
    assert M.LEVEL.format(value=level) in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: b\nc: d\n\x00e: f\n", M.YAML_BAD_CHARACTER.format(code="0000"), 3),
        ("a: [,]\n", M.YAML_NO_VALUE, 1),
        ('a: "\\q"\n', M.YAML_ESCAPE, 1),
        ("a: " + "[" * 2000 + "]" * 2000 + "\n", M.TOO_DEEP.format(limit=MAX_DEPTH), 1),
    ],
)
def test_yaml_problems_are_told_in_finnish_with_a_line(cli, tmp_path, text, message, line):
    path = tmp_path / "091-helsinki.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert f"{path}:{line}: {message}" in result.stderr and codes(result) == [message.code]
    for english in ("did not find", "exceeded", "unacceptable", "found unknown", "control characters"):
        assert english not in result.stderr


@pytest.mark.parametrize(
    "args",
    [("show", "{f}", "11"), ("set", "{f}", "11.taso", "3"), ("get", "{f}", "11.taso"),
     ("action", "set", "{f}", "5", "-t", "valmis"), ("action", "remove", "{f}", "5")],
)
def test_something_named_on_the_command_line_that_does_not_exist_is_a_usage_error(cli, new_file, args):
    """One rule: an unknown item, field or action number typed as an argument exits 2 (show said 1)."""
    path = new_file()
    before = path.read_bytes()
    result = cli(*(a.format(f=path) for a in args))
    assert result.exit_code == 2, result.stderr
    expected = M.UNKNOWN_ITEM.format(item="11") if "11" in " ".join(args) else M.NO_SUCH_ACTION.format(number=5, count=0)
    assert expected in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("args", [("set", "{f}", "4.taso", "7"), ("action", "add", "{f}", "X", "-i", "12")])
def test_a_bad_value_is_bad_content(cli, new_file, args):
    """...while a value that would be stored but breaks the rules exits 1."""
    path = new_file()
    result = cli(*(a.format(f=path) for a in args))
    assert result.exit_code == 1, result.stderr


def test_a_file_nested_200000_deep_is_refused_not_a_crash(tmp_path):
    """Fails before pyyaml>=6.0.4 (the lowest-versions CI run found it): libyaml before it had no
    nesting limit, and a 400 kB file of brackets crashed jtk with a segmentation fault. In a
    subprocess, so a crash is a failed test rather than a dead test run."""
    import subprocess
    import sys

    path = tmp_path / "091-helsinki.yaml"
    path.write_text("a: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "jarjestotyokirja", "validate", str(path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert f"{path}:1: {M.TOO_DEEP.format(limit=MAX_DEPTH)}" in result.stderr
