"""The scripting commands as a user or a script calls them: exit codes, stdout, stderr, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from jarjestotyokirja.cli.main import app
from jarjestotyokirja.errors import M
from jarjestotyokirja.resources import bundled
from tests.conftest import codes

REPO = Path(__file__).resolve().parents[2]


def _all_command_paths():
    def walk(command, prefix):
        yield prefix
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*prefix, name])

    return list(walk(typer.main.get_command(app), []))


@pytest.mark.parametrize("path", _all_command_paths(), ids=lambda p: " ".join(p) or "jtk")
def test_every_command_has_help(cli, path):
    result = cli(*path, "--help")
    assert result.exit_code == 0
    assert "Käyttö:" in result.stdout and "Valitsimet" in result.stdout
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    assert command.help, f"jtk {' '.join(path)} has no help text"


@pytest.mark.parametrize("query", ["Helsinki", "helsinki", "091", " HELSINKI "])
def test_init_finds_the_municipality_by_name_or_code(cli, tmp_path, monkeypatch, query):
    monkeypatch.chdir(tmp_path)
    result = cli("init", query)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "091-helsinki.yaml").read_text(encoding="utf-8")
    assert "koodi: '091'" in text and "hyvinvointialue: Helsingin kaupunki" in text


def test_init_slug_output_and_no_overwrite(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("init", "Pedersoren kunta").exit_code == 0
    assert (tmp_path / "599-pedersoren-kunta.yaml").exists()
    before = (tmp_path / "599-pedersoren-kunta.yaml").read_bytes()
    again = cli("init", "599")
    assert again.exit_code == 1
    assert codes(again) == [M.EXISTS.code]
    assert (tmp_path / "599-pedersoren-kunta.yaml").read_bytes() == before
    assert cli("init", "Tampere", "-o", tmp_path / "uusi" / "oma.yaml", "--pvm", "2026-11-27").exit_code == 0
    assert "pvm: '2026-11-27'" in (tmp_path / "uusi" / "oma.yaml").read_text()


def test_unknown_municipality_gets_close_matches(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "Helsinsi")
    assert result.exit_code == 1
    assert "Tarkoititko: Helsinki" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_set_and_get_round_trip_including_stdin(cli, new_file):
    path = new_file()
    text = "Ensimmäinen rivi: ä ö å\n\n- lista *tähti* <b>\nno"
    assert cli("set", path, "4.nykytila", input=text.encode()).exit_code == 0
    assert cli("get", path, "4.nykytila").stdout == text + "\n"
    assert cli("set", path, "+1.taso", "4").exit_code == 0
    assert cli("get", path, "+1.taso").stdout == "4\n"
    assert cli("set", path, "arviointi.konsultti", "-", input="Maija\n").exit_code == 0
    assert cli("get", path, "arviointi.konsultti").stdout == "Maija\n"
    assert cli("set", path, "4.nykytila", "").exit_code == 0
    assert cli("get", path, "4.nykytila").stdout == ""


@pytest.mark.parametrize(
    ("key", "value", "code", "message"),
    [
        ("4.taso", "05", 1, M.LEVEL.format(value="05")),
        ("4.taso", "6", 1, M.LEVEL.format(value="6")),
        ("arviointi.pvm", "31.2.2026", 1, M.DATE_DAY.format(text="31.2.2026", month="helmikuussa", day=31)),
        ("arviointi.pvm", "huomenna", 1, M.DATE_NOT_A_DATE.format(text="huomenna")),
        ("44.nykytila", "x", 2, M.UNKNOWN_ITEM.format(item="44")),
        ("4.mielipide", "x", 2, M.UNKNOWN_FIELD.format(item="4", field="mielipide")),
        ("tilannekuva.taso", "3", 2, M.UNKNOWN_FIELD.format(item="tilannekuva", field="taso")),
        ("nykytila", "x", 2, M.BAD_KEY.format(key="nykytila")),
        ("kunta.nimi", "x", 2, M.MUNICIPALITY_READ_ONLY.format(key="kunta.nimi")),
    ],
)
def test_set_refuses_bad_keys_and_values_without_writing(cli, new_file, key, value, code, message):
    path = new_file()
    before = path.read_bytes()
    result = cli("set", path, key, value)
    assert result.exit_code == code
    assert codes(result) == [message.code]
    assert message in result.stderr
    assert path.read_bytes() == before


def test_non_utf8_stdin_is_refused(cli, new_file):
    path = new_file()
    result = cli("set", path, "4.nykytila", input=b"\xe4\xf6")
    assert result.exit_code == 1
    assert "UTF-8" in result.stderr


def test_import_flat_json_and_nested_yaml(cli, new_file, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = new_file()
    flat = tmp_path / "data.json"
    flat.write_text(json.dumps({"4.nykytila": "Tuotu ä", "4.taso": 3, "arviointi.pvm": "2026-01-02"}), encoding="utf-8")
    assert cli("import", path, flat).exit_code == 0
    assert cli("get", path, "4.taso").stdout == "3\n"
    nested = tmp_path / "data.yaml"
    nested.write_text(
        "vastaukset:\n  '5':\n    seuranta: Kerran vuodessa\ntoimenpiteet:\n- teksti: Uusi\n  aikavali: pitkä\n",
        encoding="utf-8",
    )
    assert cli("import", path, nested).exit_code == 0
    assert cli("get", path, "5.seuranta").stdout == "Kerran vuodessa\n"
    assert cli("get", path, "4.nykytila").stdout == "Tuotu ä\n"
    assert cli("import", path, nested).exit_code == 0  # the same action is not added twice
    assert cli("action", "list", path).stdout.count("Uusi") == 1


def test_import_reports_the_line_of_a_bad_value(cli, new_file, tmp_path):
    path = new_file()
    before = path.read_bytes()
    data = tmp_path / "data.yaml"
    data.write_text("vastaukset:\n  '5':\n    taso: kolme\n", encoding="utf-8")
    result = cli("import", path, data)
    assert result.exit_code == 1
    assert f"{data}:3: avain vastaukset.5.taso: {M.LEVEL.format(value='kolme')}" in result.stderr
    assert path.read_bytes() == before


def test_actions_add_list_set_remove(cli, new_file, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = new_file()
    assert cli("action", "add", path, "Nimetään yhdyshenkilö", "-a", "lyhyt", "-i", "5", "-m", "2027-01-31").exit_code == 0
    assert cli("action", "add", path, "Avustusperiaatteet", "-a", "keskipitkä", "-i", "6").exit_code == 0
    listing = cli("action", "list", path).stdout
    assert "Nimetään yhdyshenkilö" in listing and "Keskipitkä aikaväli" in listing
    assert cli("action", "set", path, "2", "--tila", "valmis").exit_code == 0
    assert "Valmis" in cli("action", "list", path).stdout
    bad = cli("action", "set", path, "2", "--tila", "tehty")
    assert bad.exit_code == 1 and codes(bad) == [M.CHOICE.code]
    assert "”suunniteltu”, ”käynnissä” tai ”valmis”, nyt ”tehty”" in bad.stderr
    assert cli("action", "add", path, "X", "-i", "12").exit_code == 1
    assert cli("action", "remove", path, "1").exit_code == 0
    assert "Nimetään" not in cli("action", "list", path).stdout
    missing = cli("action", "remove", path, "5")
    assert missing.exit_code == 2 and M.NO_SUCH_ACTION.format(number=5, count=1) in missing.stderr


def test_validate_lists_every_problem_with_location(cli, new_file, tmp_path):
    good = new_file()
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("  pvm: ''", "  pvm: huomenna").replace("    taso: ''", "    taso: 9", 1))
    conflict = tmp_path / "conflict.yaml"
    conflict.write_text("<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> b\n")
    result = cli("validate", good, bad, conflict)
    assert result.exit_code == 1
    assert f"ok: {good}" in result.stdout
    assert f"{bad}:" in result.stderr and "arviointi.pvm" in result.stderr and "vastaukset.1.taso" in result.stderr
    assert f"{conflict}:1:" in result.stderr and f"{conflict}:5:" in result.stderr
    assert "Traceback" not in result.stderr


def test_status_and_show(cli, new_file):
    one = new_file("Helsinki")
    two = new_file("Tampere")
    cli("set", one, "4.nykytila", "Jotain")
    assert cli("status", one).exit_code == 0
    many = cli("status", one, two)
    assert many.exit_code == 0 and "Helsinki" in many.stdout and "Tampere" in many.stdout
    shown = cli("show", one, "4")
    assert "Jotain" in shown.stdout and M.VIEW_UNANSWERED in shown.stdout
    assert "Helsinki" in cli("show", one).stdout


def test_markup_in_answers_is_shown_literally(cli, new_file):
    path = new_file()
    cli("set", path, "4.nykytila", "[bold]ei lihavoitu[/bold] [link=x]")
    assert "[bold]ei lihavoitu[/bold] [link=x]" in cli("show", path, "4").stdout


def test_schema_is_json_schema_of_the_file(cli, tmp_path, workbook):
    result = cli("schema")
    schema = json.loads(result.stdout)
    assert {"tyokirja", "kunta", "vastaukset", "toimenpiteet"} <= set(schema["properties"])
    assert schema["properties"]["vastaukset"]["propertyNames"]["enum"] == [i.key for i in workbook.items]
    import jsonschema

    from jarjestotyokirja.yamlio.loader import read_yaml

    for example in sorted((REPO / "examples").glob("*.yaml")):  # what jtk writes is valid
        jsonschema.validate(read_yaml(example).data, schema)
    bad = read_yaml(sorted((REPO / "examples").glob("*.yaml"))[0]).data
    bad["vastaukset"]["12"] = {}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    assert cli("schema", "-o", tmp_path / "s.json").exit_code == 0
    assert json.loads((tmp_path / "s.json").read_text()) == schema


def test_kunnat_lists_and_searches(cli):
    assert "309" in cli("kunnat").stdout
    found = cli("kunnat", "pirkanmaa").stdout
    assert "Tampere" in found and "Helsinki" not in found
    assert cli("kunnat", "zzzz").exit_code == 1


def test_workbook_tree_check_and_own_workbook(cli, tmp_path, new_file):
    tree = cli("workbook").stdout
    assert "Neuvotellaan ja toimitaan yhdessä" in tree and "+1." in tree
    own = tmp_path / "oma.yaml"
    own.write_text(bundled("workbook.yaml").read_text(encoding="utf-8").replace("label: Tavoitetila", "label: Toivetila", 1), encoding="utf-8")
    assert cli("workbook", "--check", own).exit_code == 0
    path = new_file()
    assert "Toivetila" in cli("show", path, "4", "--workbook", own).stdout
    broken = tmp_path / "rikki.yaml"
    broken.write_text(own.read_text(encoding="utf-8").replace("  - number: \"3\"", "  - numero: \"3\"", 1), encoding="utf-8")
    result = cli("workbook", "--check", broken)
    assert result.exit_code == 1
    assert str(broken) in result.stderr and M.UNKNOWN_KEY in result.stderr


def test_version_and_python_m():
    out = subprocess.run([sys.executable, "-m", "jarjestotyokirja", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("jtk ")


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        ('{"4.nykytila": true}', "4.nykytila", M.EXPECTED_TEXT),
        ('{"4.nykytila": 5}', "4.nykytila", M.EXPECTED_TEXT),
        ('{"vastaukset": {"4": {"seuranta": false}}}', "vastaukset.4.seuranta", M.EXPECTED_TEXT),
        ('{"4.taso": "05"}', "4.taso", M.LEVEL.format(value="05")),
        ('{"4.taso": 3.0}', "4.taso", M.LEVEL.format(value=3.0)),
    ],
)
def test_json_import_keeps_json_types_and_coerces_nothing(cli, new_file, tmp_path, data, key, message):
    path = new_file()
    before = path.read_bytes()
    source = tmp_path / "data.json"
    source.write_text(data, encoding="utf-8")
    result = cli("import", path, source)
    assert result.exit_code == 1
    assert f"avain {key}: {message}" in result.stderr
    assert f"{source}:1:" in result.stderr
    assert path.read_bytes() == before


def test_json_syntax_error_names_the_line(cli, new_file, tmp_path):
    source = tmp_path / "data.json"
    source.write_text('{\n  "4.nykytila": "a",\n  "4.taso" 3\n}', encoding="utf-8")
    result = cli("import", new_file(), source)
    assert result.exit_code == 1 and f"{source}:3: JSON-syntaksivirhe" in result.stderr


def test_kunnat_lists_the_names_of_the_chosen_language_and_each_language_status(cli, monkeypatch):
    """Issue 13: ``jtk kunnat --kieli sv`` lists Swedish names; the default is the UI language. Fails
    before this change: the list was Finnish names only and had no language status."""
    from jarjestotyokirja.messages import texts

    monkeypatch.setenv("COLUMNS", "240")
    swedish = cli("kunnat", "porvoo", "--kieli", "sv")
    assert swedish.exit_code == 0, swedish.stderr
    assert "Borgå" in swedish.stdout and "Östra Nylands välfärdsområde" in swedish.stdout
    assert "Nyland" in swedish.stdout and "Uusimaa" not in swedish.stdout
    assert texts("fi").LANGUAGE_FI_SV in swedish.stdout  # the headings and statuses stay in the UI language
    finnish = cli("kunnat", "Borgå").stdout
    assert "Porvoo" in finnish and "Itä-Uudenmaan hyvinvointialue" in finnish
    mariehamn = cli("kunnat", "Mariehamn", "--kieli", "en").stdout
    assert "Mariehamn" in mariehamn and texts("fi").LANGUAGE_SV in mariehamn
    monkeypatch.setenv("JTK_KIELI", "sv")
    in_swedish = cli("kunnat", "tampere").stdout
    assert "Tammerfors" in in_swedish and texts("sv").COLUMN_LANGUAGE in in_swedish
    assert texts("sv").LANGUAGE_FI in in_swedish
    assert cli("kunnat", "--kieli", "de").exit_code == 2


def test_init_names_the_municipality_in_the_ui_language(cli, tmp_path, monkeypatch):
    """``JTK_KIELI=sv jtk init Vasa`` says Vasa and Österbottens välfärdsområde; the file keeps its name
    (905-vaasa.yaml) and the answers their Finnish name. Fails before this change (Vaasa, Pohjanmaan …)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JTK_KIELI", "sv")
    result = cli("init", "Vasa")
    assert result.exit_code == 0, result.stderr
    assert "(Vasa, 905, Österbottens välfärdsområde)" in result.stderr
    assert (tmp_path / "905-vaasa.yaml").exists()


def test_import_from_standard_input_names_it_so(cli, new_file):
    """``echo '{…}' | jtk import F -`` said 'Tuotu - tiedostoon F.'; fails before this change."""
    from jarjestotyokirja.messages import M

    path = new_file()
    result = cli("import", path, "-", input='{"vastaukset": {"4": {"taso": 2}}}')
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == M.IMPORTED.format(data=M.IMPORTED_STDIN, file=path)
    assert " - " not in result.stderr
