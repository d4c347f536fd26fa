"""Many writers on one answers file: every edit that reported success is in the file.

Fails before this change: ``storage.locked`` released the OS lock and then deleted the lock file, so a
process that had opened the old lock file got a lock on a deleted inode while the next one created a
new file and locked that too; two writers at once lost a third to two thirds of the reported adds
(and ``jtk`` had no ``--odota``).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jarjestotyokirja.store.answers_files import load_answers

pytestmark = pytest.mark.stress

PROCESSES = 12
EDITS = 15

LIBRARY_WRITER = textwrap.dedent(
    """
    import sys, time
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import add_action
    from jarjestotyokirja.errors import Conflict
    from jarjestotyokirja.workbook import load_workbook

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    workbook = load_workbook()
    for number in range(count):
        text = f"{name}-{number}"
        while True:
            try:
                with edit_answers(path, workbook) as answers:  # refuses at once when held
                    add_action(answers, workbook, teksti=text)
            except Conflict:
                time.sleep(0.005)
                continue
            print(text, flush=True)  # reported success
            break
    """
)


def _texts(path: Path, workbook) -> list[str]:
    return [action.teksti for action in load_answers(path, workbook).toimenpiteet]


def test_library_writers_retrying_on_refusal_lose_nothing(new_file, workbook):
    path = new_file()
    procs = [
        subprocess.Popen([sys.executable, "-c", LIBRARY_WRITER, str(path), f"w{i}", str(EDITS)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(PROCESSES)
    ]
    reported = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        reported += out.split()
    assert len(reported) == PROCESSES * EDITS
    stored = _texts(path, workbook)
    missing = sorted(set(reported) - set(stored))
    assert missing == [], f"{len(missing)} of {len(reported)} reported adds are not in the file"
    assert len(stored) == len(reported)  # nothing twice either


CLI_PROCESSES = 10
CLI_EDITS = 2


def test_cli_writers_wait_their_turn_with_odota(new_file, workbook):
    """``jtk action add --odota`` waits while the others write: every call succeeds, nothing is lost."""
    path = new_file()
    jtk = str(Path(sys.executable).with_name("jtk"))
    script = textwrap.dedent(
        f"""
        set -e
        for n in $(seq 1 {CLI_EDITS}); do
          {jtk} action add "$1" "$2-$n" --odota 120
          echo "$2-$n"
        done
        """
    )
    procs = [
        subprocess.Popen(["sh", "-c", script, "sh", str(path), f"c{i}"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(CLI_PROCESSES)
    ]
    reported = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        reported += out.split()
    assert len(reported) == CLI_PROCESSES * CLI_EDITS
    assert sorted(_texts(path, workbook)) == sorted(reported)
