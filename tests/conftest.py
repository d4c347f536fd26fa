"""Shared fixtures: the bundled workbook, fresh answers files, and the CLI runner."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from jarjestotyokirja.cli.main import app
from jarjestotyokirja.store.answers_files import create_answers_file
from jarjestotyokirja.workbook import Workbook, load_workbook

# The suite asserts Finnish texts: pin the UI language, whatever the locale of the machine (a CI with
# LANG=en_US.UTF-8) or the developer's JTK_KIELI. Tests of the other languages set JTK_KIELI themselves.
os.environ["JTK_KIELI"] = "fi"
# Compiled templates are kept in a folder of this run, not in the developer's cache
# (render/template_cache.py); tests of the cache itself choose their own.
os.environ["JTK_CACHE_DIR"] = tempfile.mkdtemp(prefix="jtk-test-cache-")
atexit.register(shutil.rmtree, os.environ["JTK_CACHE_DIR"], ignore_errors=True)

# Property tests are part of the landing gate: the same examples on every run (a CI run must not be the
# one that happens to draw a new failing text) and no deadline (a busy machine is not a failure).
# Looking for new failures is a separate, deliberate run that draws new examples each time:
# ``python -m pytest --hypothesis-profile=explore``.
settings.register_profile("jtk", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile("jtk")

# git_helpers provides the fixtures ``repo`` and ``tampere`` for the git tests.
pytest_plugins = ["git_helpers"]

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def _finnish_ui_after_each_test():
    """A ``jtk`` run in the test process chooses the UI language of ``M`` (messages.use); the next test
    starts in Finnish again, whatever the last run chose."""
    from jarjestotyokirja import messages

    yield
    messages.use("fi")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite the golden files in tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def workbook() -> Workbook:
    return load_workbook()


@pytest.fixture
def new_file(tmp_path: Path, workbook: Workbook) -> Callable[..., Path]:
    """``new_file("Helsinki")`` creates ``tmp_path/091-helsinki.yaml`` like ``jtk init``."""

    def make(kunta: str = "Helsinki", **assessment: str) -> Path:
        from jarjestotyokirja.register import find_municipality

        target = tmp_path / find_municipality(kunta).file_name
        path, _ = create_answers_file(kunta, workbook, target, **assessment)
        return path

    return make


@pytest.fixture
def cli() -> Callable[..., object]:
    """``cli("set", path, "4.taso", "3")`` runs jtk in-process; returns Click's result.

    ``result.stdout`` and ``result.stderr`` are separate; ``result.exit_code`` is the exit code.
    """
    runner = CliRunner()

    def run(*args: object, input: str | bytes | None = None):  # noqa: A002
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        codes(result)  # every error line the CLI prints carries its catalogue code
        return result

    return run


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    """The codes of the ``virhe JTK-…:`` lines on a CLI result's standard error, in order.

    Fails on an error line without a code: every message the CLI prints comes from the catalogue.
    """
    import re

    found = []
    for line in result.stderr.splitlines():
        if line.startswith("virhe"):
            match = re.match(r"virhe (JTK-[A-Z]\d{3}): ", line)
            assert match, f"an error line without a code: {line!r}"
            found.append(match.group(1))
    return found
