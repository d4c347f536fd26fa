"""Kill storms: a writer killed at any moment of a save leaves a file that loads, holds the old or the
new answers (never a mix), keeps no lock, and whatever temporary file it left goes with the next save.

Fails before this change: a writer killed between creating its temporary file and ``os.replace`` left
``.<file>.*.tmp`` behind for good; nothing removed it.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import set_value
from jarjestotyokirja.store.locks import locked

pytestmark = [pytest.mark.stress, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

KILLS = 15
LINES = 15000  # about 0.3 MB of text: each save spends a while writing

SAVER = textwrap.dedent(
    f"""
    import sys
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import set_value
    from jarjestotyokirja.workbook import load_workbook

    path, start = sys.argv[1], int(sys.argv[2])
    workbook = load_workbook()
    print("ready", flush=True)
    version = start
    while True:
        version += 1
        with edit_answers(path, workbook) as answers:
            set_value(answers, workbook, "lopuksi.yhteenveto", "\\n".join([f"versio {{version}}"] * {LINES}))
    """
)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".jtk-tmp")))


def test_kill_storm_during_saves(new_file, workbook):
    path = new_file()
    folder = path.parent
    rng = random.Random(8)
    for kill in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(kill * 1000)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stdout.close()

        summary = load_answers(path, workbook).lopuksi.yhteenveto  # the file always loads
        assert len(set(summary.split("\n"))) <= 1, "one whole version, never a mix"
        with locked(path):  # the dead writer's lock is gone: the next writer gets in at once
            pass
        with edit_answers(path, workbook) as answers:  # the next save
            set_value(answers, workbook, "4.taso", str(kill % 5 + 1))
        assert _leftovers(folder) == [], f"after kill {kill + 1}"
    assert load_answers(path, workbook).vastaukset["4"].taso == (KILLS - 1) % 5 + 1
