"""The answers file: validation with lines and keys, byte-stable saving, exact text round trips."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jarjestotyokirja.answers import dump_answers, new_answers, normalize_text
from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.register import find_municipality
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.store.edit import get_value, set_value
from jarjestotyokirja.yamlio.loader import load_yaml


def _problems(path, workbook):
    with pytest.raises(InvalidContent) as info:
        load_answers(path, workbook)
    return info.value.problems


def test_new_file_lists_every_item_in_workbook_order(new_file, workbook):
    text = new_file("Pedersören kunta").read_text(encoding="utf-8")
    positions = [text.index(f"\n  {key}:" if key.isidentifier() else f"\n  '{key}':") for key in
                 (i.key for i in workbook.items)]
    assert positions == sorted(positions)
    assert "koodi: '599'" in text
    assert "hyvinvointialue: Pohjanmaan hyvinvointialue" in text


def test_load_and_save_of_an_unchanged_file_is_byte_identical(new_file, workbook):
    path = new_file()
    answers = load_answers(path, workbook)
    set_value(answers, workbook, "4.nykytila", "Rivi 1\nRivi 2 – ä ö å\n\n- kohta")
    set_value(answers, workbook, "+1.taso", "2")
    save_answers(path, answers, workbook)
    before = path.read_bytes()
    save_answers(path, load_answers(path, workbook), workbook)
    assert path.read_bytes() == before


def test_changing_one_answer_changes_only_its_lines(new_file, workbook):
    path = new_file()
    answers = load_answers(path, workbook)
    set_value(answers, workbook, "3.nykytila", "Vanha teksti")
    save_answers(path, answers, workbook)
    before = path.read_text().splitlines()
    set_value(answers, workbook, "3.nykytila", "Uusi teksti\ntoisella rivillä")
    save_answers(path, answers, workbook)
    changed = [line for line in difflib.unified_diff(before, path.read_text().splitlines(), n=0, lineterm="")
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-    nykytila: Vanha teksti", "+    nykytila: |-", "+      Uusi teksti", "+      toisella rivillä"]


def test_comment_lines_at_the_top_are_kept(new_file, workbook):
    path = new_file()
    text = path.read_text()
    path.write_text("# yaml-language-server: $schema=./schema.json\n" + text.split("\n", 2)[2])
    answers = load_answers(path, workbook)
    set_value(answers, workbook, "1.taso", "1")
    save_answers(path, answers, workbook)
    assert path.read_text().startswith("# yaml-language-server: $schema=./schema.json\ntyokirja:")


@pytest.mark.parametrize(
    ("replace", "by", "message", "key"),
    [
        ("  '4':\n    nykytila: ''", "  '4':\n    nykytila: ''\n    mielipide: x", M.UNKNOWN_KEY, "vastaukset.4.mielipide"),
        ("  '4':\n    nykytila: ''\n    tavoitetila: ''\n    seuranta: ''\n    taso: ''",
         "  '4':\n    nykytila: ''\n    tavoitetila: ''\n    seuranta: ''\n    taso: 005", M.LEVEL.format(value="005"), "vastaukset.4.taso"),
        ("  '4':\n    nykytila: ''", "  '4':\n    nykytila:\n      - lista", M.EXPECTED_TEXT, "vastaukset.4.nykytila"),
        ("  pvm: ''", "  pvm: 5.1.2024", M.DATE.format(value="5.1.2024"), "arviointi.pvm"),
        ("  koodi: '091'", "  koodi: 91", M.CODE.format(value="91"), "kunta.koodi"),
        ("  '+1':", "  '12':\n    nykytila: x\n  '+1':", M.UNKNOWN_ITEM.format(item="12"), "vastaukset.12"),
        ("  tilannekuva:\n    nykytila: ''", "  tilannekuva:\n    taso: 3\n    nykytila: ''", M.NO_LEVELS.format(item="tilannekuva"), "vastaukset.tilannekuva.taso"),
        ("  id: jarjestoyhteistyo-10-1", "  id: toinen", M.WORKBOOK_MISMATCH.format(found="toinen", expected="jarjestoyhteistyo-10-1"), "tyokirja.id"),
        ("toimenpiteet: []", "toimenpiteet:\n- teksti: x\n  aikavali: heti", M.CHOICE.format(choices="”lyhyt”, ”keskipitkä” tai ”pitkä”", value="heti"), "toimenpiteet.1.aikavali"),
    ],
)
def test_bad_content_is_named_by_file_line_and_key(new_file, workbook, replace, by, message, key):
    path = new_file()
    text = path.read_text(encoding="utf-8")
    assert replace in text
    path.write_text(text.replace(replace, by, 1), encoding="utf-8")
    problems = _problems(path, workbook)
    assert [(p.message, p.key) for p in problems] == [(message, key)]
    line = path.read_text(encoding="utf-8").splitlines()[problems[0].line - 1]
    assert key.split(".")[-1].strip("0123456789") in line or key.endswith(".1.aikavali")
    assert problems[0].path == str(path)


def test_all_problems_are_reported_at_once(new_file, workbook):
    path = new_file()
    text = path.read_text().replace("  pvm: ''", "  pvm: eilen").replace("toimenpiteet: []", "toimenpiteet: x")
    path.write_text(text + "ylimaarainen: 1\n")
    assert {p.key for p in _problems(path, workbook)} == {"arviointi.pvm", "toimenpiteet", "ylimaarainen"}


def test_normalisation():
    assert normalize_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalize_text("e\u0301") == "é"  # NFC
    assert normalize_text("a\x00b\x1bc\u0085d\tx") == "abcd\tx"
    assert normalize_text("\n\nrivi   \n toinen \n\n") == "rivi\n toinen"
    assert normalize_text("rivi\t\ntoinen\t") == "rivi\ntoinen"


@given(st.text(st.sampled_from(["a", "ä", "–", " ", "\t", "\n", "\r", "\u2028", "\x00", "\x85", "\u0301",
                                "\u00a0", "\ufffe"]), max_size=12))
@example("a \nb")
def test_normalised_text_has_nothing_left_to_normalise(text):
    # The fast path (a text that needs nothing) and the full one must agree: whatever came in, the
    # result is NFC, has no control characters or other line breaks, no blank ending a line, and
    # normalising it again changes nothing.
    import re
    import unicodedata

    result = normalize_text(text)
    assert unicodedata.is_normalized("NFC", result)
    assert not re.search("[\r\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe]|[ \t]$", result, re.MULTILINE)
    assert not result.startswith("\n") and not result.endswith("\n")
    assert normalize_text(result) == result


def test_typed_values_keep_their_form(new_file, workbook):
    path = new_file()
    answers = load_answers(path, workbook)
    for value in ("no", "005", "1:30", "2024-01-05", "yes", "~", "null", "- lista", "# ei kommentti", "a: b"):
        set_value(answers, workbook, "5.seuranta", value)
        save_answers(path, answers, workbook)
        assert get_value(load_answers(path, workbook), workbook, "5.seuranta") == value


texts = st.text(st.characters(codec="utf-8"), max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example(text="\t0")  # a one-line text with a tab beside a multi-line one with a tab: was dumped plain
def test_any_text_round_trips_exactly_after_normalisation(workbook, text):
    answers = new_answers(workbook, find_municipality("091"))
    set_value(answers, workbook, "tilannekuva.nykytila", text)
    set_value(answers, workbook, "lopuksi.yhteenveto", text + "\n" + text)
    dumped = dump_answers(answers, workbook)
    from jarjestotyokirja.answers import parse_answers

    reloaded = parse_answers(load_yaml(dumped), workbook)
    assert reloaded.answer("tilannekuva").nykytila == normalize_text(text)
    assert reloaded.lopuksi.yhteenveto == normalize_text(text + "\n" + text)
    assert dump_answers(reloaded, workbook) == dumped
    assert normalize_text(normalize_text(text)) == normalize_text(text)


@pytest.mark.parametrize("content", ["", "\n\n", "# vain kommentti\n"])
def test_an_empty_file_says_so(tmp_path, workbook, content):
    path = tmp_path / "tyhja.yaml"
    path.write_text(content)
    assert [p.message for p in _problems(path, workbook)] == [M.EMPTY_FILE]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("2027-12-31", "2027-12-31"), ("31.12.2027", "2027-12-31"), (" 1.2.2027 ", "2027-02-01"), ("", ""),
     ("31.13.2027", None), ("2027-02-30", None), ("2027-1-5", None), ("31/12/2027", None), ("huomenna", None)],
)
def test_typed_dates(typed, stored):
    from jarjestotyokirja.dates import typed_date

    assert typed_date(typed) == stored


def _normalized_the_long_way(text: str) -> str:
    """normalize_text's three substitutions, without the shortcut for texts that need none."""
    import unicodedata

    from jarjestotyokirja import answers

    text = answers._LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", answers._UNWANTED.sub("", text))  # removed first: NFC may join what they parted
    return answers._TRAILING_SPACE.sub("", text).strip("\n")


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(list("ab äÄ\n\t\r \u2028\u2029\x00\x1f\x7f\x85\ufffe\u0301é-")) | st.characters(),
               max_size=40))
@example("rivi \nrivi")
@example("a\u0308")
@example("\nteksti\n")
@example("a\x00\u0301")
def test_the_shortcut_for_clean_texts_normalizes_exactly_as_the_long_way(text) -> None:
    assert normalize_text(text) == _normalized_the_long_way(text)
