"""Data of YAML files already read, kept between runs (yamlio/data_cache.py): right or not used.

A batch (``jtk report``, ``jtk compare``, the versions in git history) reads the same unchanged
answers files run after run; the second time their data comes from the cache instead of libyaml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jarjestotyokirja.errors import InvalidContent
from jarjestotyokirja.yamlio import data_cache, loader
from jarjestotyokirja.yamlio.loader import load_yaml, read_yaml
from tests.report.test_report import COMPLETE

# Parsing is made impossible in the process: data it loads must come from the cache.
NO_PARSING = (
    "import sys\n"
    "from jarjestotyokirja.yamlio import loader\n"
    "def refuse(*args, **kwargs): raise SystemExit('parsed')\n"
    "loader._compose = refuse\n"
    "from jarjestotyokirja.cli.main import main\n"
    "sys.argv = ['jtk', *sys.argv[1:]]\n"
    "main()\n"
)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("JTK_CACHE_DIR", str(folder))
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "data").glob("*.json"))


def _no_parsing(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(loader, "_compose", refuse)


def test_a_file_read_again_comes_from_the_cache(cache, monkeypatch):
    first = read_yaml(COMPLETE, cached=True)
    assert len(_entries(cache)) == 1
    _no_parsing(monkeypatch)
    second = read_yaml(COMPLETE, cached=True)
    assert second.data == first.data
    assert list(second.data) == list(first.data)  # the keys' order too
    assert second.path == str(COMPLETE)


def test_only_callers_that_ask_use_the_cache(cache):
    read_yaml(COMPLETE)
    load_yaml(COMPLETE.read_bytes())
    assert _entries(cache) == []


def test_a_small_text_is_not_kept(cache):
    load_yaml("a: b\n", cached=True)
    assert _entries(cache) == []


def test_a_changed_file_is_read_again(cache, tmp_path):
    path = Path(shutil.copy(COMPLETE, tmp_path / COMPLETE.name))
    read_yaml(path, cached=True)
    text = path.read_text(encoding="utf-8").replace("Esimerkkilä", "Toinenkylä")
    path.write_text(text, encoding="utf-8")
    again = read_yaml(path, cached=True)
    assert again.data["kunta"]["nimi"].startswith("Toinenkylä")
    assert len(_entries(cache)) == 2


def test_lines_are_still_found_for_data_from_the_cache(cache, monkeypatch):
    # An error found after loading (validation) names the line: the text is parsed for the lines then.
    first = read_yaml(COMPLETE, cached=True)
    second = read_yaml(COMPLETE, cached=True)
    assert second.lines == first.lines and second.lines
    assert second.line_of(("toimenpiteet", 2, "teksti")) == first.line_of(("toimenpiteet", 2, "teksti"))


def test_an_invalid_file_read_again_names_the_same_line(cache, tmp_path, workbook):
    from jarjestotyokirja.store.answers_files import load_answers

    path = Path(shutil.copy(COMPLETE, tmp_path / COMPLETE.name))
    text = path.read_text(encoding="utf-8").replace("  taso: 3\n", "  taso: 9\n", 1)
    path.write_text(text, encoding="utf-8")
    problems = []
    for _ in range(2):
        with pytest.raises(InvalidContent) as caught:
            load_answers(path, workbook, cached=True)
        problems.append([(p.path, p.line, p.key, p.message) for p in caught.value.problems])
    assert len(_entries(cache)) == 1
    assert problems[0] == problems[1] and problems[0][0][1] is not None


def test_a_file_with_a_problem_is_not_kept(cache, tmp_path):
    text = COMPLETE.read_text(encoding="utf-8") + "kunta: kahdesti\n"
    for _ in range(2):
        with pytest.raises(InvalidContent):
            load_yaml(text, cached=True)
    assert _entries(cache) == []


@pytest.mark.parametrize("damage", [b"", b"roskaa" * 10, b"5", b'{"kunta": {}}', "cut", "flipped"])
def test_a_damaged_entry_is_read_again_and_replaced(cache, damage):
    good = read_yaml(COMPLETE, cached=True).data
    [entry] = _entries(cache)
    data = entry.read_bytes()
    if damage == "cut":
        damage = data[: len(data) // 2]
    elif damage == "flipped":  # still JSON, one character changed
        damage = data.replace("Esimerkkilä".encode(), "Esimerkkilo".encode(), 1)
    entry.write_bytes(damage)
    assert read_yaml(COMPLETE, cached=True).data == good
    assert entry.read_bytes() == data


def test_no_cache_when_asked_for_none_or_the_folder_is_not_safe(tmp_path, monkeypatch):
    monkeypatch.setenv("JTK_CACHE_DIR", "")
    assert read_yaml(COMPLETE, cached=True).data["kunta"]["koodi"] == "901"
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    (shared / "data").chmod(0o777)
    monkeypatch.setenv("JTK_CACHE_DIR", str(shared))
    assert read_yaml(COMPLETE, cached=True).data["kunta"]["koodi"] == "901"
    assert _entries(shared) == []
    blocker = tmp_path / "tiedosto"
    blocker.write_text("ei kansio")
    monkeypatch.setenv("JTK_CACHE_DIR", str(blocker))
    assert read_yaml(COMPLETE, cached=True).data["kunta"]["koodi"] == "901"


def test_a_changed_loader_gets_new_entries(cache, tmp_path, monkeypatch):
    # What the loader makes of a text depends on its code: after a change to it (a new jtk in the
    # same version, a developer's edit), an old entry must not be used.
    module = tmp_path / "loader_code.py"
    module.write_text("a = 1\n")
    monkeypatch.setattr(data_cache, "_LOADER_MODULES", (module,))
    data_cache.loader_stamp.cache_clear()
    read_yaml(COMPLETE, cached=True)
    module.write_text("a = 22\n")
    data_cache.loader_stamp.cache_clear()
    read_yaml(COMPLETE, cached=True)
    data_cache.loader_stamp.cache_clear()
    assert len(_entries(cache)) == 2


def test_the_oldest_entries_go_when_there_are_too_many(cache, monkeypatch):
    monkeypatch.setattr(data_cache, "MAX_ENTRIES", 5)
    monkeypatch.setattr(data_cache, "KEEP_ENTRIES", 3)
    text = COMPLETE.read_text(encoding="utf-8")
    for number in range(5):
        load_yaml(text.replace("Esimerkkilä", f"Kylä{number}"), cached=True)
        data_cache.reset_pruning()
    entries = _entries(cache)
    assert len(entries) == 5
    for age, entry in enumerate(entries):
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    newest = set(entries[2:])
    load_yaml(text.replace("Esimerkkilä", "Kylä5"), cached=True)
    left = set(_entries(cache))
    assert len(left) == 4 and newest <= left


def test_jtk_report_reads_unchanged_answers_from_the_cache(tmp_path):
    env = {**os.environ, "JTK_CACHE_DIR": str(tmp_path / "cache")}

    def report(out: str, code: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *code, "report", str(COMPLETE), "-o", str(tmp_path / out), "-f", "md"],
                              env=env, capture_output=True, text=True, timeout=120)

    first = report("a", ["-m", "jarjestotyokirja"])
    assert first.returncode == 0, first.stderr
    second = report("b", ["-c", NO_PARSING])
    assert second.returncode == 0, second.stderr
    name = COMPLETE.with_suffix(".md").name
    assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()
    # ... and without the cache the same run has to parse, so the check above means something.
    env["JTK_CACHE_DIR"] = ""
    uncached = report("c", ["-c", NO_PARSING])
    assert uncached.returncode != 0 and "parsed" in uncached.stderr


def test_a_committed_version_read_again_comes_from_the_cache(cache, monkeypatch, workbook):
    from jarjestotyokirja.versions.revisions import parse_version

    raw = COMPLETE.read_bytes()
    first = parse_version(raw, "901-esimerkkila.yaml@abc1234", workbook)
    _no_parsing(monkeypatch)
    assert parse_version(raw, "901-esimerkkila.yaml@abc1234", workbook) == first


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60), min_size=1, max_size=8))
def test_data_from_the_cache_is_what_the_loader_makes_of_the_text(texts):
    # Every text a user can type (any character, quotes, newlines, "yes", "005") comes back the same
    # from the cache as from libyaml, in the same order.
    from jarjestotyokirja.answers import normalize_text
    from jarjestotyokirja.yamlio.dumper import dump_yaml

    data = {"täyte": "x" * data_cache.MIN_TEXT, "tekstit": [normalize_text(t) for t in texts], "005": "no"}
    text = dump_yaml(data)
    parsed = load_yaml(text).data
    assert load_yaml(text, cached=True).data == parsed  # kept now
    assert data_cache.entry_for(text).is_file()
    again = load_yaml(text, cached=True).data  # from the cache
    assert again == parsed == data and list(again) == list(data)
