"""Start-up cost of ``jtk --help`` against the floor of importing Typer alone.

Run: ``python benchmarks/bench_startup.py [--runs 30]``. Prints the median wall time of each command
and the heavy libraries that ``jtk --help`` loads (there should be none). Exits 1 when ``jtk --help``
costs more than ``--limit`` milliseconds over the Typer floor or loads a heavy library, so it can
gate a change.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

HEAVY = ("pydantic", "yaml", "jinja2", "rich", "prompt_toolkit", "typst", "filelock")

COMMANDS = {
    "python (tyhjä)": [sys.executable, "-c", "pass"],
    "import typer": [sys.executable, "-c", "import typer"],
    "jtk --help": [sys.executable, "-m", "jarjestotyokirja", "--help"],
    "jtk --version": [sys.executable, "-m", "jarjestotyokirja", "--version"],
}


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def heavy_modules_loaded_by_help() -> list[str]:
    probe = (
        "import sys; sys.argv = ['jtk', '--help']\n"
        "from jarjestotyokirja.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stderr.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--limit", type=float, default=40, help="sallittu lisäaika ms: jtk --help − import typer")
    args = parser.parse_args()
    results = {name: median_seconds(cmd, args.runs) for name, cmd in COMMANDS.items()}
    for name, seconds in results.items():
        print(f"{name:<16} {seconds * 1000:7.1f} ms")
    extra_ms = 1000 * (results["jtk --help"] - results["import typer"])
    heavy = heavy_modules_loaded_by_help()
    print(f"jtk --help − import typer: {extra_ms:.1f} ms (raja {args.limit:.0f} ms)")
    print(f"raskaat kirjastot jtk --help -ajossa: {', '.join(heavy) or 'ei yhtään'}")
    return 0 if extra_ms <= args.limit and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
