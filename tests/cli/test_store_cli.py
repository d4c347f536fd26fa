"""The store through the command line: waiting (--odota), outputs that would replace an input or an
answers file, and inputs over the size limit. Each fails before this change."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jarjestotyokirja.answers import Answers, answers_to_data
from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.yamlio.loader import MAX_BYTES

WRITING_COMMANDS = [["set"], ["import"], ["init"], ["action", "add"], ["action", "set"], ["action", "remove"]]


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=" ".join)
def test_every_writing_command_can_wait(cli, command):
    result = cli(*command, "--help")
    assert "--odota" in result.stdout and "SEKUNTIA" in result.stdout


HOLD = textwrap.dedent(
    """
    import sys
    from jarjestotyokirja.store.locks import locked
    with locked(sys.argv[1], holder="jtk import"):
        print("locked", flush=True)
        sys.stdin.readline()
    """
)


def test_set_refuses_naming_the_holder_and_waits_when_asked(cli, new_file, workbook):
    path = new_file()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = cli("set", path, "4.taso", "3", "--odota", "0")
        assert refused.exit_code == 1
        assert f"(jtk import, pid {holder.pid}, klo " in refused.stderr
        assert M.LOCKED_BY.split("(")[0] in refused.stderr
        holder.stdin.write("\n")  # the holder finishes while set waits
        holder.stdin.flush()
        waited = cli("set", path, "4.taso", "3", "--odota", "60")
        assert waited.exit_code == 0, waited.stderr
    finally:
        holder.kill()
        holder.wait()
    assert load_answers(path, workbook).vastaukset["4"].taso == 3


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_a_negative_wait_is_a_usage_error(cli, new_file, value):
    result = cli("set", new_file(), "4.taso", "3", "--odota", value)
    assert result.exit_code == 2
    assert "”--odota”" in result.stderr and ("vähintään 0" in result.stderr or "luku numeroin" in result.stderr)


# --- outputs ---------------------------------------------------------------------------------------

def test_a_report_never_replaces_its_own_answers_file(cli, new_file, tmp_path, monkeypatch):
    """An answers file named ``.md``: ``jtk report notes.md -f md`` replaced it with the report."""
    notes = tmp_path / "notes.md"
    shutil.move(new_file(), notes)
    before = notes.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = cli("report", "notes.md", "-f", "md")
    assert result.exit_code == 1
    assert M.OUTPUT_IS_INPUT.format(output=Path("notes.md"), input=Path("notes.md")) in result.stderr
    assert notes.read_bytes() == before


def test_a_report_never_replaces_another_answers_file(cli, new_file, tmp_path):
    helsinki, other = new_file(), new_file("Tampere")
    target = tmp_path / "raportit" / "091-helsinki.md"
    target.parent.mkdir()
    shutil.copy(other, target)  # an answers file where the report would go
    before = target.read_bytes()
    result = cli("report", helsinki, "-f", "md,html", "-o", target.parent)
    assert result.exit_code == 1
    assert M.OUTPUT_NOT_OURS.format(output=target) in result.stderr
    assert target.read_bytes() == before
    assert not target.with_suffix(".html").exists()  # nothing written at all
    again = cli("report", helsinki, "-f", "md", "-o", tmp_path / "toinen")
    assert again.exit_code == 0, again.stderr
    assert cli("report", helsinki, "-f", "md", "-o", tmp_path / "toinen").exit_code == 0  # its own output


def test_a_comparison_never_replaces_a_compared_file(cli, new_file, tmp_path):
    helsinki = new_file()
    tampere = tmp_path / "vertailu.md"
    shutil.move(new_file("Tampere"), tampere)
    before = tampere.read_bytes()
    result = cli("compare", helsinki, tampere, "-o", tmp_path)
    assert result.exit_code == 1
    assert M.OUTPUT_IS_INPUT.split("{")[0] in result.stderr
    assert tampere.read_bytes() == before


def test_a_monitoring_document_never_replaces_an_answers_file(cli, repo, tampere, workbook):
    from git_helpers import set_values

    set_values(tampere, workbook, **{"4__taso": "3"})
    repo.commit("toinen", "2023-06-01T12:00:00+03:00")
    blocker = repo.root / "837-tampere-seuranta.md"
    shutil.copy(tampere, blocker)
    before = blocker.read_bytes()
    result = cli("history", tampere, "-f", "md", "-o", repo.root)
    assert result.exit_code == 1
    assert M.OUTPUT_NOT_OURS.format(output=blocker) in result.stderr
    assert blocker.read_bytes() == before


def test_schema_is_not_written_over_an_answers_file(cli, new_file):
    path = new_file()
    before = path.read_bytes()
    result = cli("schema", "-o", path)
    assert result.exit_code == 1
    assert path.read_bytes() == before


# --- the size limit --------------------------------------------------------------------------------

def test_stdin_larger_than_a_file_may_be_is_refused_without_writing(cli, new_file):
    path = new_file()
    before = path.read_bytes()
    result = cli("set", path, "4.nykytila", "-", input="x" * (MAX_BYTES + 10))
    assert result.exit_code == 1
    assert M.INPUT_TOO_LARGE.format(limit=MAX_BYTES) in result.stderr
    assert path.read_bytes() == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_file_is_refused_not_read_to_the_end():
    """Reading stopped only at the end of the file: ``jtk validate /dev/zero`` ate all memory. A device
    is now refused before any read (issue 10); the memory cap shows that nothing reads it to the end."""
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
    run = "from jarjestotyokirja.cli.main import main; import sys; sys.argv = ['jtk', 'validate', '/dev/zero']; main()"
    result = subprocess.run([sys.executable, "-c", limit + run], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert M.NOT_A_REGULAR_FILE.format(kind=M.KIND_DEVICE) in result.stderr


def test_save_names_the_longest_answer_even_in_an_action(new_file, workbook):
    path = new_file()
    answers = load_answers(path, workbook)
    data = answers_to_data(answers, workbook)
    data["toimenpiteet"] = [{"teksti": "lyhyt"}, {"teksti": "y" * (MAX_BYTES + 1)}]
    big = Answers.model_validate(data)
    before = path.read_bytes()
    with pytest.raises(InvalidContent) as info:
        save_answers(path, big, workbook)
    problem = info.value.problems[0]
    assert problem.key == "toimenpiteet.2.teksti"
    assert problem.message.startswith(M.ANSWER_TOO_LARGE.split("(")[0])
    assert path.read_bytes() == before
