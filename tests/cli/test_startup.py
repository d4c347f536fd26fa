"""`jtk --help` loads no heavy library, and the interview draws its first question before them:
laziness is checked here, speed in benchmarks/."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    # Not even pydantic, which Typer itself would import to coerce the parameters (plain_params.py).
    for command in ("set", "report", "interview", "compare", "diff", "export", "lomake", "import"):
        assert _loaded(command, "--help") & set(HEAVY) == set(), command


def test_a_real_command_does_load_what_it_needs(tmp_path):
    assert {"pydantic", "yaml"} <= _loaded("validate", str(tmp_path / "puuttuu.yaml"))


# What the interview must not have imported when its first question is on screen: the validation,
# the prompt and everything the session needs later load while the user reads the question.
NOT_BEFORE_FIRST_QUESTION = ("pydantic", "pydantic_core", "prompt_toolkit", "asyncio", "jinja2", "typst", "filelock",
                             "xlsxwriter", "docx", "docxtpl", "lxml", "wcwidth", "hashlib", "json")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_the_first_question_is_drawn_before_the_heavy_libraries_are_imported(new_file, tmp_path):
    """Load-independent check of the start-up (the speed itself is in benchmarks/bench_interview.py).
    Fails before this change: Typer imported pydantic to parse the arguments, and the first screen
    came only after the answers were validated and prompt_toolkit had started."""
    from pty_helpers import CTRL, Pty

    path = new_file(pvm="2024-05-31")
    modules = tmp_path / "modules.txt"
    pty = Pty(path.parent, path.name, JTK_TEST_MODULES_AT_FIRST_SCREEN=str(modules))
    pty.answer("arviointi.konsultti", CTRL["q"])
    assert pty.exit_code() == 0
    loaded = set(modules.read_text(encoding="utf-8").split())
    assert {"jarjestotyokirja", "rich", "yaml"} <= loaded  # the hook ran at the first screen
    assert loaded & set(NOT_BEFORE_FIRST_QUESTION) == set()
