"""``jtk export``: every answer as xlsx, csv and json, read back with openpyxl, csv and json."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from jarjestotyokirja.errors import M
from jarjestotyokirja.exchange.export import ANSWER_COLUMNS, build_export
from jarjestotyokirja.exchange.export_formats import EXCEL_CELL_LIMIT, csv_bytes
from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import add_action, set_value

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = [
    "=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    '=HYPERLINK("http://x","klikkaa")',
    "<w:t>rikki</w:t> & {{ x }} {% if %} **lihava**",
    "_x0041_ ja _x000D_",
    "Monta\nriviä\n\nja kappale",
    "emoji 🎉 ja RTL: שלום עולם مرحبا",
    'lainaus "kaksoismerkeillä", pilkku',
]


def _hostile_file(new_file, workbook) -> Path:
    path = new_file("Helsinki", pvm="2026-03-01", konsultti="=Konsultti")
    with edit_answers(path, workbook) as answers:
        for index, text in enumerate(HOSTILE, 1):
            set_value(answers, workbook, f"{index}.nykytila", text)
        set_value(answers, workbook, "4.taso", "3")
        set_value(answers, workbook, "4.tavoitetaso", "5")
        add_action(answers, workbook, teksti="=cmd|' /C calc'!A0", aikavali="keskipitkä", idea="4",
                   maaraaika="2027-01-31", mittari="-1")
    return path


def _sheet_records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_xlsx_has_every_answer_text_as_text_numbers_as_numbers_and_no_formula(tmp_path, cli, new_file, workbook):
    path = _hostile_file(new_file, workbook)
    out = tmp_path / "alue.xlsx"
    result = cli("export", path, EXAMPLES / "901-esimerkkila.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["vastaukset", "toimenpiteet", "hyvat_kaytannot", "osallistujat", "tasot"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    records = _sheet_records(book["vastaukset"])
    helsinki = {(r["kohta"], r["kentta"]): r["arvo"] for r in records if r["koodi"] == "091"}
    for index, text in enumerate(HOSTILE, 1):
        assert helsinki[str(index), "nykytila"] == text
    assert helsinki["4", "taso"] == 3 and isinstance(helsinki["4", "taso"], int)
    assert helsinki["5", "taso"] is None  # unanswered is empty, never zero
    first = next(r for r in records if r["koodi"] == "091")
    assert first["arvioinnin_pvm"].date().isoformat() == "2026-03-01"  # a real date
    assert first["konsultti"] == "=Konsultti"
    assert first["hyvinvointialue"] == "Helsingin kaupunki" and first["maakunta"] == "Uusimaa"
    actions = _sheet_records(book["toimenpiteet"])
    action = next(a for a in actions if a["koodi"] == "091")
    assert action["teksti"] == "=cmd|' /C calc'!A0" and action["mittari"] == "-1"
    assert action["maaraaika"].date().isoformat() == "2027-01-31" and action["numero"] == 1
    levels = _sheet_records(book["tasot"])
    assert [r["koodi"] for r in levels] == ["091", "901"]
    assert levels[0]["4.taso"] == 3 and levels[0]["4.tavoitetaso"] == 5


def test_every_answer_of_the_examples_is_in_the_export(workbook):
    loaded = [(p, load_answers(p, workbook)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    export = build_export(loaded, workbook)
    values = {(r["koodi"], r["kohta"], r["kentta"]): r["arvo"] for r in export.answers.records()}
    for _, answers in loaded:
        for key, answer in answers.vastaukset.items():
            for field, value in answer.model_dump().items():
                if workbook.item(key).has_levels or field not in ("taso", "tavoitetaso"):
                    assert values[answers.kunta.koodi, key, field] == value
        assert values[answers.kunta.koodi, "lopuksi", "yhteenveto"] == answers.lopuksi.yhteenveto
    assert len(export.actions.rows) == sum(len(a.toimenpiteet) for _, a in loaded)


def test_two_runs_give_identical_bytes_in_every_format_and_any_argument_order(tmp_path, cli):
    files = sorted(EXAMPLES.glob("*.yaml"))
    for suffix in ("xlsx", "csv", "json"):
        first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        assert cli("export", *files, "-o", first).exit_code == 0
        assert cli("export", *reversed(files), "-o", second).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), suffix
    assert (tmp_path / "a-toimenpiteet.csv").read_bytes() == (tmp_path / "b-toimenpiteet.csv").read_bytes()


def test_csv_is_rfc4180_with_bom_and_parses_back_to_the_same_rows(tmp_path, cli, new_file, workbook):
    path = _hostile_file(new_file, workbook)
    out = tmp_path / "alue.csv"
    assert cli("export", path, "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0] == ("\ufeff" + ",".join(ANSWER_COLUMNS)).encode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    export = build_export([(path, load_answers(path, workbook))], workbook)
    expected = [list(export.answers.columns)] + [
        ["" if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v) for v in row]
        for row in export.answers.rows
    ]
    assert rows == expected
    texts = {(r[6], r[8]): r[10] for r in rows[1:]}
    for index, text in enumerate(HOSTILE, 1):
        assert texts[str(index), "nykytila"] == text  # literal by default: data for scripts
    actions = list(csv.DictReader(io.StringIO((tmp_path / "alue-toimenpiteet.csv").read_text("utf-8-sig"), newline="")))
    assert actions[0]["teksti"] == "=cmd|' /C calc'!A0" and actions[0]["maaraaika"] == "2027-01-31"


def test_excel_safe_csv_prefixes_formula_texts_only(tmp_path, cli, new_file, workbook):
    path = _hostile_file(new_file, workbook)
    out = tmp_path / "alue.csv"
    assert cli("export", path, "-o", out, "--excel-turvallinen").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    texts = {(r["kohta"], r["kentta"]): r["arvo"] for r in rows}
    assert texts["1", "nykytila"] == "'=1+1"
    assert texts["2", "nykytila"] == "'+SUM(A1:A2)"
    assert texts["3", "nykytila"] == "'-2+3"
    assert texts["4", "nykytila"] == "'@cmd"
    assert texts["8", "nykytila"] == "Monta\nriviä\n\nja kappale"
    assert texts["4", "taso"] == "3"
    assert rows[0]["konsultti"] == "'=Konsultti"


def test_json_keeps_types_and_text(tmp_path, cli, new_file, workbook):
    path = _hostile_file(new_file, workbook)
    out = tmp_path / "alue.json"
    assert cli("export", path, "-o", out).exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    assert set(data) == {"vastaukset", "toimenpiteet", "hyvat_kaytannot", "osallistujat"}
    values = {(r["kohta"], r["kentta"]): r["arvo"] for r in data["vastaukset"]}
    assert values["4", "taso"] == 3 and values["5", "taso"] is None
    assert values["6", "nykytila"] == HOSTILE[5]
    assert data["toimenpiteet"][0]["maaraaika"] == "2027-01-31"


def test_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, cli, new_file):
    path = new_file("Helsinki")
    before = path.read_bytes()
    json_input = tmp_path / "091-helsinki.json"
    result = cli("export", path, "-o", path.with_suffix(".csv"))
    assert result.exit_code == 0
    twin = tmp_path / "x.csv"
    clash = tmp_path / "x-toimenpiteet.csv"
    clash.write_bytes(path.read_bytes())
    result = cli("export", path, clash, "-o", twin)
    assert result.exit_code == 2
    assert M.EXPORT_OVERWRITES_INPUT.format(name=clash) in result.stderr
    assert not twin.exists() and path.read_bytes() == before
    assert not json_input.exists()


def test_the_output_folder_is_created(tmp_path, cli, new_file):
    out = tmp_path / "uusi" / "kansio" / "alue.csv"
    assert cli("export", new_file("Helsinki"), "-o", out).exit_code == 0
    assert out.exists() and (out.parent / "alue-toimenpiteet.csv").exists()


def test_unknown_suffix_is_a_usage_error(tmp_path, cli, new_file):
    result = cli("export", new_file("Helsinki"), "-o", tmp_path / "alue.ods")
    assert result.exit_code == 2
    assert M.EXPORT_SUFFIX.format(name="alue.ods", choices=".xlsx, .csv, .json") in result.stderr


def test_a_text_too_long_for_an_excel_cell_is_refused_not_cut(tmp_path, cli, new_file, workbook):
    path = new_file("Helsinki")
    with edit_answers(path, workbook) as answers:
        set_value(answers, workbook, "4.nykytila", "a" * (EXCEL_CELL_LIMIT + 1))
    out = tmp_path / "alue.xlsx"
    result = cli("export", path, "-o", out)
    assert result.exit_code == 1 and "32767" in result.stderr
    assert not out.exists()
    assert cli("export", path, "-o", tmp_path / "alue.csv").exit_code == 0


def test_a_broken_file_is_reported_and_the_others_exported(tmp_path, cli, new_file):
    broken = tmp_path / "rikki.yaml"
    broken.write_text("kunta: [\n", encoding="utf-8")
    out = tmp_path / "alue.json"
    result = cli("export", new_file("Helsinki"), broken, "-o", out)
    assert result.exit_code == 1 and "rikki.yaml" in result.stderr
    assert json.loads(out.read_text("utf-8"))["vastaukset"][0]["koodi"] == "091"
    nothing = cli("export", broken, "-o", tmp_path / "tyhja.json")
    assert nothing.exit_code == 1 and M.EXPORT_NOTHING in nothing.stderr
    assert not (tmp_path / "tyhja.json").exists()


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@x", "\tx", "\rx"])
def test_excel_safe_prefix_covers_the_owasp_characters(text):
    from jarjestotyokirja.exchange.export import Table

    table = Table("t", ("a",), ((text,),))
    assert csv_bytes(table, excel_safe=True).decode("utf-8-sig").splitlines()[1].lstrip('"').startswith("'")


def test_packages_get_the_same_bytes_whatever_system_and_time_made_their_zip():
    import datetime as dt
    import zipfile

    from jarjestotyokirja.render.ooxml_zip import fixed_zip

    def package(system: int, stamp: tuple[int, ...], order: list[str]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.create_system = system  # 0 on Windows, 3 on Linux and macOS
                made.writestr(info, name.encode())
        return out.getvalue()

    names = ["xl/workbook.xml", "_rels/.rels", "[Content_Types].xml", "docProps/core.xml"]
    when = dt.datetime(2026, 2, 17, 12)
    linux = fixed_zip(package(3, (1980, 1, 1, 0, 0, 0), names), when)
    windows = fixed_zip(package(0, (2026, 12, 1, 20, 30, 2), list(reversed(names))), when)
    assert linux == windows
    assert zipfile.ZipFile(io.BytesIO(linux)).namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_an_answers_file_at_the_output_path_is_never_overwritten(tmp_path, cli, new_file):
    """Fails before: export wrote over any file at its output path but an input, so a copy of an
    answers file named ``alue.json`` (not given as input) was replaced by the export."""
    path = new_file("Helsinki")
    other = tmp_path / "alue.json"
    other.write_bytes(path.read_bytes())
    result = cli("export", path, "-o", other)
    assert result.exit_code == 1, result.stderr
    assert M.OUTPUT_NOT_OURS.format(output=other) in result.stderr
    assert other.read_bytes() == path.read_bytes()
