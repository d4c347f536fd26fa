"""Golden hostile input: each file in tests/golden/hostile/ with the codes, lines and keys jtk reports.

``expected.tsv`` lists, per file, one row per reported problem (file, code, line, key; ``-`` for none),
in the order printed. ``.yaml`` files go through ``jtk validate``, ``.json`` files through ``jtk import``
into a fresh answers file (which must stay byte-for-byte unchanged). Rewrite the table after a reviewed
change with ``pytest tests/cli/test_hostile_files.py --update-golden``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jarjestotyokirja.messages import CODES, texts

HOSTILE = Path(__file__).resolve().parent.parent / "golden" / "hostile"
TABLE = HOSTILE / "expected.tsv"
FILES = sorted(p.name for p in HOSTILE.iterdir() if p.suffix in (".yaml", ".json"))


def _expected() -> dict[str, list[tuple[str, str, str]]]:
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines()[1:]:
        name, code, number, key = line.split("\t")
        rows.setdefault(name, []).append((code, number, key))
    return rows


def reported(stderr: str, path: Path, language: str = "fi") -> list[tuple[str, str, str]]:
    """``(code, line, key)`` of every ``virhe`` (``fel``, ``error``) line about ``path``; ``-`` where
    there is none."""
    own = texts(language)
    rows = []
    key = re.escape(own.WHERE_KEY.split("{")[0])
    pattern = re.compile(rf"{own.LABEL_ERROR} (JTK-[A-Z]\d{{3}}): {re.escape(str(path))}(?::(\d+))?: (?:{key}(\S+): )?")
    for line in stderr.splitlines():
        if line.startswith(f"{own.LABEL_ERROR} "):
            match = pattern.match(line)
            assert match, f"not in the documented form: {line!r}"
            rows.append((match.group(1), match.group(2) or "-", match.group(3) or "-"))
    return rows


def _run(cli, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    source = HOSTILE / name
    if name.endswith(".json"):
        target = tmp_path / "091-helsinki.yaml"
        assert cli("init", "Helsinki", "-o", target, "--pvm", "2026-02-17").exit_code == 0
        before = target.read_bytes()
        result = cli("import", target, source)
        assert target.read_bytes() == before, "a refused import changed the file"
        return result
    return cli("validate", source)


def test_every_hostile_file_is_in_the_table():
    assert sorted(_expected()) == FILES


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", FILES)
def test_hostile_file_reports_the_expected_codes_and_lines(cli, tmp_path, name, request, monkeypatch, language):
    """The same codes, lines and keys in every UI language (a message that cannot be formatted in one
    language, such as a lone brace, is a traceback in that language only)."""
    monkeypatch.setenv("JTK_KIELI", language)
    if language != "fi" and request.config.getoption("--update-golden"):
        pytest.skip("the table is written from the Finnish run")
    result = _run(cli, tmp_path, name)
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    found = reported(result.stderr, HOSTILE / name, language)
    assert all(code in CODES.values() for code, _, _ in found)
    if request.config.getoption("--update-golden"):
        rows = {n: r for n, r in _expected().items() if n != name} if TABLE.exists() else {}
        rows[name] = found
        lines = ["file\tcode\tline\tkey"] + ["\t".join((n, *row)) for n in sorted(rows) for row in rows[n]]
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    assert found == _expected()[name]
