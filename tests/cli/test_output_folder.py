"""``-o`` naming something that is not a folder: every document command says so and exits 1.

Before the one document writer (:func:`jarjestotyokirja.render.documents.write_documents`), only
``jtk report`` turned the OS error into a message; ``jtk compare … -o FILE`` and
``jtk history -f md -o FILE`` printed a ``FileExistsError`` traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from git_helpers import set_values
from jarjestotyokirja.errors import M
from jarjestotyokirja.os_messages import os_reason

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("9*.yaml"))


@pytest.fixture
def not_a_folder(tmp_path: Path) -> Path:
    path = tmp_path / "raportit"
    path.write_text("tämä on tiedosto, ei kansio\n", encoding="utf-8")
    return path


def _said_write_failed(result, folder: Path) -> None:
    assert result.exit_code == 1, result.output
    reason = os_reason(FileExistsError(17, "File exists"))
    assert M.WRITE_FAILED.format(reason=reason) in result.stderr
    assert str(folder) in result.stderr
    assert "Traceback" not in result.output


def _run(*args):
    """Like ``cli`` but with Click catching exceptions, as the real ``jtk`` does (a traceback is printed)."""
    from typer.testing import CliRunner

    from jarjestotyokirja.cli.main import app

    return CliRunner().invoke(app, [str(a) for a in args])


def test_compare_into_a_file_is_a_message(not_a_folder):
    result = _run("compare", *EXAMPLE_FILES, "-o", not_a_folder)
    _said_write_failed(result, not_a_folder)
    assert not_a_folder.read_text(encoding="utf-8") == "tämä on tiedosto, ei kansio\n"


def test_history_document_into_a_file_is_a_message(repo, tampere, workbook, not_a_folder):
    set_values(tampere, workbook, **{"4__taso": "2"})
    repo.commit("Tampere: taso", "2024-05-01T12:00:00+03:00")
    result = _run("history", tampere, "-f", "md", "-o", not_a_folder)
    _said_write_failed(result, not_a_folder)


def test_report_into_a_file_is_a_message(not_a_folder):
    result = _run("report", EXAMPLE_FILES[0], "-f", "md", "-o", not_a_folder)
    _said_write_failed(result, not_a_folder)


def test_ctrl_c_never_hangs_on_a_thread_that_does_not_end(tmp_path):
    """After Ctrl-C, jtk ends with 130 even when something left a thread that never ends (a process
    pool's manager thread stuck on its dead workers was seen once in a -j 2 batch under load):
    a watchdog ends the process a few seconds after the message. Without it this never exits."""
    import subprocess
    import sys

    program = (
        "import sys, threading\n"
        "import jarjestotyokirja.store.answers_files as store\n"
        "def interrupted(*args, **kwargs):\n"
        "    raise KeyboardInterrupt\n"
        "store.load_many = interrupted\n"
        "threading.Thread(target=threading.Event().wait).start()\n"
        "sys.argv = ['jtk', 'validate', 'x.yaml']\n"
        "from jarjestotyokirja.cli.main import main\n"
        "main()\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("jtk did not end after Ctrl-C")
    assert result.returncode == 130, result.stderr
    assert M.INTERRUPTED in result.stderr
