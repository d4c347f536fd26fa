"""``jtk compare -f xlsx``: the comparison as an Excel workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from jarjestotyokirja.errors import M
from jarjestotyokirja.region.xlsx import HEAT
from jarjestotyokirja.store.answers_files import edit_answers
from jarjestotyokirja.store.edit import set_value

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:] if row[0] is not None and row[1] is not None]


def test_levels_are_numbers_with_the_heat_map_as_conditional_formatting(tmp_path, cli):
    result = cli("compare", *sorted(EXAMPLES.glob("*.yaml")), "-f", "xlsx", "-o", tmp_path, "--by", "maakunta")
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "vertailu.md").exists()  # only the formats asked for
    book = openpyxl.load_workbook(tmp_path / "vertailu.xlsx")
    assert book.sheetnames == ["nykytasot", "tavoitetasot", "ideat", "valmius", "toimenpiteet", "hyvat_kaytannot"]
    current = {r["koodi"]: r for r in _records(book["nykytasot"])}
    assert current["901"]["4"] == 1 and isinstance(current["901"]["4"], int)
    assert current["903"]["4"] is None  # not answered is empty, not zero
    assert current["901"]["maakunta"] == "Pirkanmaa"
    rules = [rule for cf in book["nykytasot"].conditional_formatting for rule in cf.rules]
    assert sorted(int(rule.formula[0]) for rule in rules) == sorted(HEAT)
    assert {rule.operator for rule in rules} == {"equal"}
    for sheet in book.worksheets:
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), sheet.title
    done = {r["koodi"]: r for r in _records(book["valmius"])}
    assert done["901"]["prosentti"] == 100
    actions = {r["koodi"]: r for r in _records(book["toimenpiteet"])}
    assert (actions["901"]["lyhyt"], actions["901"]["keskipitkä"], actions["901"]["pitkä"]) == (6, 5, 2)
    practices = _records(book["hyvat_kaytannot"])
    assert any(p["otsikko"] == "Järjestöpäivä torilla" for p in practices)


def test_the_same_files_give_identical_bytes_with_other_formats_too(tmp_path, cli):
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert cli("compare", *files, "-f", "md,xlsx", "-o", tmp_path / "a").exit_code == 0
    assert cli("compare", *reversed(files), "-f", "xlsx", "-o", tmp_path / "b").exit_code == 0
    assert (tmp_path / "a" / "vertailu.md").exists()
    assert (tmp_path / "a" / "vertailu.xlsx").read_bytes() == (tmp_path / "b" / "vertailu.xlsx").read_bytes()


def test_hostile_good_practice_stays_text(tmp_path, cli, new_file, workbook):
    path = new_file("Helsinki", pvm="2026-01-01")
    with edit_answers(path, workbook) as answers:
        set_value(answers, workbook, "4.taso", "2")
        from jarjestotyokirja.answers import GoodPractice

        answers.hyvat_kaytannot.append(GoodPractice(otsikko="=1+1", kuvaus="@SUM(A1)\n<w:t> {{ x }} & **"))
    assert cli("compare", path, "-f", "xlsx", "-o", tmp_path).exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "vertailu.xlsx")
    practice = _records(book["hyvat_kaytannot"])[0]
    assert practice["otsikko"] == "=1+1" and practice["kuvaus"] == "@SUM(A1)\n<w:t> {{ x }} & **"


def test_an_unknown_format_next_to_xlsx_is_still_refused(tmp_path, cli):
    result = cli("compare", EXAMPLES / "901-esimerkkila.yaml", "-f", "xlsx,ods", "-o", tmp_path)
    assert result.exit_code == 2
    assert "ods" in result.stderr
    assert not (tmp_path / "vertailu.xlsx").exists()
    assert M.REPORT_FORMAT.split("{")[0] in result.stderr


def test_an_answers_file_at_the_xlsx_path_is_never_overwritten(tmp_path, cli):
    """Fails before: the xlsx was written with no check of what it replaced (issue 8's rule)."""
    answers = sorted(EXAMPLES.glob("*.yaml"))[0]
    target = tmp_path / "vertailu.xlsx"
    target.write_bytes(answers.read_bytes())
    result = cli("compare", answers, "-f", "xlsx", "-o", tmp_path)
    assert result.exit_code == 1, result.stderr
    assert M.OUTPUT_NOT_OURS.format(output=target) in result.stderr
    assert target.read_bytes() == answers.read_bytes()


def test_the_workbooks_title_is_in_the_documents_language(tmp_path, cli):
    """The title in the file's properties followed the UI language: a Swedish comparison made in a
    Finnish session was titled "jtk: järjestöyhteistyön alueellinen vertailu"."""
    from jarjestotyokirja.messages import texts

    for language in ("sv", "en", "fi"):
        out = tmp_path / language
        result = cli("compare", *sorted(EXAMPLES.glob("*.yaml")), "-f", "xlsx", "--kieli", language, "-o", out)
        assert result.exit_code == 0, result.stderr
        book = openpyxl.load_workbook(out / "vertailu.xlsx")
        assert book.properties.title == texts(language).DOC_COMPARISON_XLSX_TITLE


def test_old_temporary_files_of_the_comparison_are_swept_when_it_is_written_again(tmp_path, cli):
    """A jtk compare killed mid-write left ``.vertailu.xlsx.<hex>.jtk-tmp`` (and the other formats') for good."""
    import os
    import time

    from jarjestotyokirja import files as storage

    out = tmp_path / "out"
    out.mkdir()
    hours_ago = time.time() - 2 * 3600
    for name in ("vertailu.md", "vertailu.xlsx"):
        fd, stale = storage._create_temp(out / name)
        os.close(fd)
        os.utime(stale, (hours_ago, hours_ago))
    result = cli("compare", *sorted(EXAMPLES.glob("*.yaml")), "-f", "md,xlsx", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["vertailu.md", "vertailu.xlsx"]
