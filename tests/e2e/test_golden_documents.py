"""Golden files for the documents jtk writes, run through the command line exactly as a user runs it.

They prove that reshaping the code (issue 12) changes nothing a user sees: the comparison and the
monitoring document in Markdown, and one report in HTML, must match ``tests/golden/`` to the byte.
The monitoring document is built from a real git repository whose commits have fixed names, e-mails
and dates, so the commit hashes and every date in the output are the same on every run and machine.

Regenerate after an intended change, then read the diff in ``git diff tests/golden``:
``python -m pytest tests/e2e --update-golden``.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from git_helpers import new_repo
from jarjestotyokirja import __version__

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
GOLDEN = REPO / "tests" / "golden"


def _readable_diff(expected: bytes, actual: bytes, name: str) -> str:
    """A unified diff of two byte strings, with each differing line's repr so whitespace shows."""
    old = expected.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    new = actual.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    lines = [f"{line[0]}{line[1:]!r}\n" if line[:1] in "+-" and not line.startswith(("+++", "---")) else line
             for line in difflib.unified_diff(old, new, f"golden/{name}", "tuloste", n=2)]
    return "".join(lines) or "(samat rivit; ero on tiedoston lopussa tai rivinvaihdoissa)\n"


def assert_golden(written: Path, name: str, request: pytest.FixtureRequest) -> None:
    """``written`` (the version line made neutral) equals ``tests/golden/<name>`` byte for byte."""
    actual = written.read_bytes().replace(f"jtk {__version__}".encode(), b"jtk VERSIO")
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.exists(), f"{golden} puuttuu: aja python -m pytest tests/e2e --update-golden"
    expected = golden.read_bytes()
    if actual != expected:
        pytest.fail(f"{name} ei vastaa golden-tiedostoa (päivitä: python -m pytest tests/e2e --update-golden):\n"
                    + _readable_diff(expected, actual, name), pytrace=False)


def _ok(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.stdout + result.stderr


# --- the comparison ------------------------------------------------------------------------------

@pytest.mark.parametrize(("by", "name"), [(None, "compare/vertailu.md"),
                                          ("hyvinvointialue", "compare/vertailu-hyvinvointialueittain.md")])
def test_comparison_of_the_examples_matches_the_golden_file(cli, tmp_path, request, by, name) -> None:
    grouping = ["--by", by] if by else []
    _ok(cli("compare", *sorted(EXAMPLES.glob("*.yaml")), *grouping, "-f", "md", "-o", tmp_path))
    assert_golden(tmp_path / "vertailu.md", name, request)


# --- the monitoring document ---------------------------------------------------------------------

def _monitored_repo(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Mallikylä's example file over a year of follow-up: three commits with fixed identities and dates."""
    repo = new_repo(tmp_path)
    path = repo.root / "902-mallikyla.yaml"
    shutil.copyfile(EXAMPLES / path.name, path)
    repo.commit("Mallikylä: arviointi 2026", "2026-10-06T15:00:00+03:00")
    for args in (("set", path, "1.taso", "3"), ("set", path, "4.taso", "4"), ("set", path, "2.tavoitetaso", "4"),
                 ("action", "set", path, "1", "--tila", "valmis"), ("action", "set", path, "2", "--tila", "käynnissä")):
        _ok(cli(*args))
    repo.commit("Mallikylä: seuranta maaliskuu 2027", "2027-03-15T09:30:00+02:00")
    for args in (("set", path, "arviointi.pvm", "2027-10-05"), ("set", path, "3.taso", "2"),
                 ("set", path, "3.tavoitetaso", "3"), ("set", path, "1.tavoitetaso", "4"),
                 ("action", "add", path, "Kootaan järjestöjen avustushakemukset yhteen kalenteriin.",
                  "-a", "lyhyt", "-i", "6", "-m", "2027-12-31")):
        _ok(cli(*args))
    repo.commit("Mallikylä: arviointi 2027", "2027-10-05T14:00:00+03:00")
    return path


def test_monitoring_document_matches_the_golden_file(cli, tmp_path, request) -> None:
    path = _monitored_repo(cli, tmp_path)
    out = tmp_path / "raportit"
    # --tilanne fixes the day lateness is judged on; the newest commit's date would also be fixed.
    _ok(cli("history", path, "-f", "md", "-o", out, "--tilanne", "2027-12-15"))
    assert_golden(out / "902-mallikyla-seuranta.md", "history/902-mallikyla-seuranta.md", request)


# --- one report in HTML (changes only when the templates change) ---------------------------------

def test_html_report_of_the_complete_example_matches_the_golden_file(cli, tmp_path, request) -> None:
    _ok(cli("report", EXAMPLES / "901-esimerkkila.yaml", "-f", "html", "-o", tmp_path))
    assert_golden(tmp_path / "901-esimerkkila.html", "report/901-esimerkkila.html", request)


# --- the report in Swedish and English (issue 13: --kieli) ----------------------------------------

@pytest.mark.parametrize("language", ["sv", "en"])
def test_markdown_report_in_swedish_and_english_matches_the_golden_file(cli, tmp_path, request, language) -> None:
    """The complete example's answers stay as typed (Finnish); every fixed text, date and label is
    in the document language, and the workbook's texts come from its translation."""
    _ok(cli("report", EXAMPLES / "901-esimerkkila.yaml", "-f", "md", "--kieli", language, "-o", tmp_path))
    assert_golden(tmp_path / "901-esimerkkila.md", f"report/901-esimerkkila.{language}.md", request)
