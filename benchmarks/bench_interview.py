"""Time from starting ``jtk interview`` to its first question on the screen, in a pseudo-terminal.

Run: ``python benchmarks/bench_interview.py [--runs 10] [--limit 0.5]``. Starts the installed ``jtk``
in a pty (as tmux or ssh would) on a new answers file, answers the terminal's cursor position query
as a terminal does, and takes two times: when the first question (its heading, ``arviointi.pvm``)
is on the screen, and when its prompt is open (the key bar's ``lopeta`` is drawn; keys typed before
that wait in the terminal and go into the prompt). Prints every run (wall time, and the CPU time the
process had used by then, which a busy machine inflates less), the medians, the load and the modules
that were imported, slowest first (``-X importtime``); exits 1 when the median wall time to the
question exceeds the limit. The tests only check that the question appears at all (a hang) and what
is imported before it (tests/test_startup.py), never how fast.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

JTK = str(Path(sys.executable).with_name("jtk"))
CPR_REQUEST = "\x1b[6n"
FIRST_QUESTION = "arviointi.pvm"  # in the heading of a new file's first question


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING"))}
    env.update(LANG="C.UTF-8", TERM="xterm-256color", NO_COLOR="1")
    return env


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_question_seconds(folder: Path, name: str) -> tuple[float, float, float, float]:
    """Wall and CPU time from start until the first question is on screen, and until its prompt is open."""
    started = time.perf_counter()
    child = pexpect.spawn(JTK, ["interview", name], cwd=str(folder), env=environment(), encoding="utf-8",
                          dimensions=(40, 120), timeout=30)
    while child.expect_exact([FIRST_QUESTION, CPR_REQUEST]) == 1:
        child.send("\x1b[20;1R")
    shown, shown_cpu = time.perf_counter() - started, cpu_seconds(child.pid)
    while child.expect_exact(["lopeta", CPR_REQUEST]) == 1:
        child.send("\x1b[20;1R")
    ready, ready_cpu = time.perf_counter() - started, cpu_seconds(child.pid)
    child.send("\x11")  # Ctrl-Q
    child.expect(pexpect.EOF)
    child.close()
    return shown, shown_cpu, ready, ready_cpu


def slowest_imports(folder: Path, name: str, count: int = 12) -> list[tuple[float, str]]:
    """The cumulative import times of the first question's run (``-X importtime``), slowest first."""
    log = folder / "importtime.txt"
    script = (f"import subprocess,sys; subprocess.run([sys.executable, '-X', 'importtime', {JTK!r}, 'interview', "
              f"{name!r}], stderr=open({str(log)!r}, 'w'))")
    child = pexpect.spawn(sys.executable, ["-c", script], cwd=str(folder), env=environment(), encoding="utf-8",
                          dimensions=(40, 120), timeout=30)
    while child.expect_exact(["lopeta", CPR_REQUEST]) == 1:
        child.send("\x1b[20;1R")
    child.send("\x11")
    child.expect(pexpect.EOF)
    rows = []
    for line in log.read_text().splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name_ = parts[2].rstrip()
            if len(name_) - len(name_.lstrip()) <= 2:  # top-level imports only
                rows.append((int(parts[1]) / 1e6, name_.strip()))
    return sorted(rows, reverse=True)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--limit", type=float, default=0.5, help="tavoite sekunteina (mediaani)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run([JTK, "init", "Helsinki", "-o", str(folder / "091-helsinki.yaml")], check=True,
                       capture_output=True)
        runs = [first_question_seconds(folder, "091-helsinki.yaml") for _ in range(args.runs)]
        for number, (shown, shown_cpu, ready, ready_cpu) in enumerate(runs, 1):
            print(f"ajo {number:2}: kysymys {shown:.3f} s (suoritinaikaa {shown_cpu:.2f} s), "
                  f"kehote {ready:.3f} s (suoritinaikaa {ready_cpu:.2f} s)")
        median = statistics.median(run[0] for run in runs)
        print(f"ensimmäinen kysymys näkyy: mediaani {median:.3f} s, nopein {min(run[0] for run in runs):.3f} s, "
              f"suoritinaikaa mediaani {statistics.median(run[1] for run in runs):.2f} s "
              f"(tavoite {args.limit:.2f} s) {'✓' if median <= args.limit else '✗'}")
        print(f"kehote auki: mediaani {statistics.median(run[2] for run in runs):.3f} s, "
              f"suoritinaikaa mediaani {statistics.median(run[3] for run in runs):.2f} s")
        print(f"kuorma (1 min): {os.getloadavg()[0]:.1f} ytimiä {os.cpu_count()}")
        print("hitaimmat tuonnit (kumulatiivinen aika):")
        for seconds, module in slowest_imports(folder, "091-helsinki.yaml"):
            print(f"  {seconds:.3f} s  {module}")
    return 0 if median <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
