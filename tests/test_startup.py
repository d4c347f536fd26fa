"""`jtk --help` loads no heavy library: laziness is checked here, speed in benchmarks/."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "yaml", "jinja2", "rich", "prompt_toolkit", "typst", "filelock", "xlsxwriter", "docx", "docxtpl", "lxml", "babel")

PROBE = """
import sys
sys.argv = ["jtk", *sys.argv[1:]]
from jarjestotyokirja.cli.main import main
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return set(out.stderr.split())


def test_help_and_version_load_no_heavy_library():
    for args in (["--help"], ["--version"]):
        assert _loaded(*args) & set(HEAVY) == set(), args


def test_command_help_loads_none_of_the_libraries_the_command_itself_needs():
    # Typer itself brings pydantic in to coerce a command's parameters; everything else stays out.
    for command in ("set", "report", "interview", "compare", "diff", "export", "lomake", "import"):
        assert _loaded(command, "--help") & (set(HEAVY) - {"pydantic"}) == set(), command


def test_a_real_command_does_load_what_it_needs(tmp_path):
    assert {"pydantic", "yaml"} <= _loaded("validate", str(tmp_path / "puuttuu.yaml"))
