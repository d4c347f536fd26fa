"""Compiled templates kept between runs (render/template_cache.py): used when right, never in the way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestotyokirja.render.template_cache import cache_folder, compiled_templates
from tests.report.test_report import COMPLETE

BUNDLED = Path(__file__).resolve().parents[2] / "templates"
# Compiling is made impossible in the process: a template it renders must come from the cache.
NO_COMPILING = (
    "import sys, jinja2\n"
    "def refuse(*args, **kwargs): raise SystemExit('compiled')\n"
    "jinja2.Environment.compile = refuse\n"
    "from jarjestotyokirja.cli.main import main\n"
    "sys.argv = ['jtk', *sys.argv[1:]]\n"
    "main()\n"
)


def _report(out: Path, cache: Path | str, *args: str, compiling: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JTK_CACHE_DIR": str(cache)}
    command = ["-m", "jarjestotyokirja"] if compiling else ["-c", NO_COMPILING]
    return subprocess.run([sys.executable, *command, "report", str(COMPLETE), "-o", str(out), "-f", "md", *args],
                          env=env, capture_output=True, text=True, timeout=120)


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "templates").glob("*.jinja"))


def test_a_second_run_renders_from_the_cache_without_compiling(tmp_path):
    cache = tmp_path / "cache"
    first = _report(tmp_path / "a", cache)
    assert first.returncode == 0, first.stderr
    assert len(_entries(cache)) >= 2  # report.md.j2 and the macros it imports
    second = _report(tmp_path / "b", cache, compiling=False)
    assert second.returncode == 0, second.stderr
    name = COMPLETE.with_suffix(".md").name
    assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()
    # ... and without a cache the same run has to compile, so the check above means something.
    uncached = _report(tmp_path / "c", "", compiling=False)
    assert uncached.returncode != 0 and "compiled" in uncached.stderr


def test_a_changed_template_is_compiled_again(tmp_path):
    cache, own = tmp_path / "cache", tmp_path / "own"
    own.mkdir()
    shutil.copy(BUNDLED / "report.md.j2", own / "report.md.j2")
    assert _report(tmp_path / "a", cache, "--templates", str(own)).returncode == 0
    source = (own / "report.md.j2").read_text(encoding="utf-8")
    (own / "report.md.j2").write_text(source + "\nMuutettu pohja.\n", encoding="utf-8")
    assert _report(tmp_path / "b", cache, "--templates", str(own)).returncode == 0
    assert "Muutettu pohja." in (tmp_path / "b" / COMPLETE.with_suffix(".md").name).read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [b"", b"roskaa" * 10, "cut"])
def test_a_damaged_entry_is_compiled_again_and_replaced(tmp_path, damage):
    cache = tmp_path / "cache"
    assert _report(tmp_path / "a", cache).returncode == 0
    good = {entry: entry.read_bytes() for entry in _entries(cache)}
    for entry, data in good.items():
        entry.write_bytes(data[: len(data) // 2] if damage == "cut" else damage)
    again = _report(tmp_path / "b", cache)
    assert again.returncode == 0, again.stderr
    name = COMPLETE.with_suffix(".md").name
    assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()
    assert {entry: entry.read_bytes() for entry in _entries(cache)} == good
    assert _report(tmp_path / "c", cache, compiling=False).returncode == 0


def test_a_folder_others_may_write_to_is_not_used(tmp_path):
    cache = tmp_path / "cache"
    (cache / "templates").mkdir(parents=True)
    (cache / "templates").chmod(0o777)
    result = _report(tmp_path / "a", cache)
    assert result.returncode == 0 and result.stderr.count("\n") <= 1, result.stderr
    assert _entries(cache) == []


def test_a_cache_that_cannot_be_made_is_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "tiedosto"
    blocker.write_text("ei kansio")
    result = _report(tmp_path / "a", blocker)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") <= 1  # only the "written" line: no warning about the cache
    monkeypatch.setenv("JTK_CACHE_DIR", "")
    assert cache_folder() is None and compiled_templates("x") is None


def test_every_environment_has_its_own_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("JTK_CACHE_DIR", str(tmp_path))
    trusted, sandboxed = compiled_templates("_TrustedEscaped|md"), compiled_templates("_LimitedEscaped|md")
    name, filename = "report.md.j2", str(BUNDLED / "report.md.j2")
    assert trusted.get_cache_key(name, filename) != sandboxed.get_cache_key(name, filename)
    assert compiled_templates("_TrustedEscaped|typ").get_cache_key(name, filename) != trusted.get_cache_key(name, filename)
    assert trusted.get_cache_key(name, filename) == compiled_templates("_TrustedEscaped|md").get_cache_key(name, filename)


def test_a_changed_code_generator_gets_new_entries(tmp_path, monkeypatch):
    # The code a template compiles to depends on environment.py and sandbox.py too: after a change
    # to them (a new jtk in the same version, a developer's edit) an old entry must not be used.
    from jarjestotyokirja.render import template_cache

    generator = tmp_path / "generator.py"
    generator.write_text("a = 1\n")
    monkeypatch.setenv("JTK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(template_cache, "_GENERATORS", (str(generator),))
    before = compiled_templates("_TrustedEscaped|md").get_cache_key("report.md.j2", "f")
    generator.write_text("a = 22\n")
    assert compiled_templates("_TrustedEscaped|md").get_cache_key("report.md.j2", "f") != before
