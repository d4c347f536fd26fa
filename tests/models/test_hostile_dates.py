"""Dates are typed the Finnish way or as VVVV-KK-PP everywhere, and a bad one is one Finnish message.

Each of these gave a pydantic traceback or refused the Finnish form before the one parser
(``jarjestotyokirja.dates``) was used by init, set, action, --tilanne and import.
"""

from __future__ import annotations

import json

import pytest

from jarjestotyokirja.dates import DateError, date_problem, parse_date, typed_date
from jarjestotyokirja.errors import M

FEB31 = M.DATE_DAY.format(text="31.2.2027", month="helmikuussa", day=31)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("31.12.2027", "2027-12-31"), ("1.2.2027", "2027-02-01"), ("01.02.2027", "2027-02-01"),
     ("2027-12-31", "2027-12-31"), (" 29.2.2024 ", "2024-02-29")],
)
def test_both_forms_give_the_iso_date(text, iso):
    assert parse_date(text) == iso
    assert typed_date(text) == iso


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.2.2027", FEB31),
        ("2027-02-31", M.DATE_DAY.format(text="2027-02-31", month="helmikuussa", day=31)),
        ("29.2.2027", M.DATE_DAY.format(text="29.2.2027", month="helmikuussa", day=29)),
        ("2024-13-01", M.DATE_MONTH.format(text="2024-13-01", month=13)),
        ("0000-01-01", M.DATE_YEAR.format(text="0000-01-01", first=1900, last=2199)),
        ("huomenna", M.DATE_NOT_A_DATE.format(text="huomenna")),
        ("٢٠٢٧-١٢-٣١", M.DATE_NOT_A_DATE.format(text="٢٠٢٧-١٢-٣١")),
    ],
)
def test_a_bad_date_says_why(text, message):
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.problems[0].message == message
    assert date_problem(text) == message
    assert typed_date(text) is None


def test_init_takes_the_finnish_date_and_refuses_an_impossible_one(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = cli("init", "Helsinki", "--pvm", "31.2.2027")
    assert bad.exit_code == 1 and M.OPTION_DATE.format(option="--pvm", problem=FEB31) in bad.stderr
    assert "Traceback" not in bad.stderr and list(tmp_path.iterdir()) == []
    good = cli("init", "Helsinki", "--pvm", "31.12.2027")
    assert good.exit_code == 0, good.stderr
    assert "pvm: '2027-12-31'" in (tmp_path / "091-helsinki.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["2024-13-01", "0000-01-01", "huomenna"])
def test_init_refuses_any_bad_date_without_a_traceback(cli, tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "Helsinki", "--pvm", text)
    assert result.exit_code == 1
    assert M.OPTION_DATE.format(option="--pvm", problem=date_problem(text)) in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_set_stores_a_finnish_date_as_iso(cli, new_file):
    path = new_file()
    assert cli("set", path, "arviointi.pvm", "5.1.2027").exit_code == 0
    assert cli("get", path, "arviointi.pvm").stdout == "2027-01-05\n"


def test_action_due_dates_the_finnish_way(cli, new_file):
    path = new_file()
    before = path.read_bytes()
    bad = cli("action", "add", path, "Tehdään", "-m", "31.2.2027")
    assert bad.exit_code == 1 and FEB31 in bad.stderr and path.read_bytes() == before
    assert cli("action", "add", path, "Tehdään", "-m", "31.12.2027").exit_code == 0
    assert "maaraaika: '2027-12-31'" in path.read_text(encoding="utf-8")
    assert cli("action", "set", path, "1", "-m", "1.6.2028").exit_code == 0
    assert "maaraaika: '2028-06-01'" in path.read_text(encoding="utf-8")
    before = path.read_bytes()
    bad = cli("action", "set", path, "1", "-m", "huomenna")
    assert bad.exit_code == 1 and M.DATE_NOT_A_DATE.format(text="huomenna") in bad.stderr
    assert path.read_bytes() == before


def test_import_takes_finnish_dates_and_names_a_bad_one(cli, new_file, tmp_path):
    path = new_file()
    good = tmp_path / "hyva.json"
    good.write_text(json.dumps({"arviointi": {"pvm": "31.12.2027"},
                                "toimenpiteet": [{"teksti": "X", "maaraaika": "1.2.2028"}]}), encoding="utf-8")
    assert cli("import", path, good).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "pvm: '2027-12-31'" in text and "maaraaika: '2028-02-01'" in text
    before = path.read_bytes()
    bad = tmp_path / "paha.json"
    bad.write_text('{"arviointi": {"pvm": "31.2.2027"}}', encoding="utf-8")
    result = cli("import", path, bad)
    assert result.exit_code == 1
    assert f"{bad}:1: avain arviointi.pvm: {FEB31}" in result.stderr
    assert path.read_bytes() == before


def test_an_impossible_date_in_a_file_says_why(cli, new_file):
    path = new_file()
    path.write_text(path.read_text(encoding="utf-8").replace("pvm: ''", "pvm: '2027-02-31'"), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert M.DATE_DAY.format(text="2027-02-31", month="helmikuussa", day=31) in result.stderr


def test_status_date_the_finnish_way(cli, tmp_path):
    from tests.report.test_report import COMPLETE

    result = cli("report", COMPLETE, "-f", "md", "-o", tmp_path, "--tilanne", "30.6.2026")
    assert result.exit_code == 0, result.stderr
