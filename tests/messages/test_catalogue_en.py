"""The English catalogue: every name has its own English entry, of the Finnish entry's shape and fields."""

from __future__ import annotations

import importlib
import re
import string

import pytest

from jarjestotyokirja import messages
from jarjestotyokirja.errors import InvalidContent
from jarjestotyokirja.messages import CODES, _table, texts
from jarjestotyokirja.yamlio.loader import load_yaml

FINNISH = _table("fi")
ENGLISH = _table("en")

# Entries whose English text is rightly the same as the Finnish one, each with the reason.
SAME_AS_FINNISH = {
    "CLICK_USAGE": "only a field: Click's own message, already translated",
    "OPTION_DATE": "only fields: the option and the problem",
    "WRONG_INPUT": "only fields: what was typed and the problem",
    "PDF_CHARACTER_CODE": "a Unicode code point, the same in every language",
    "LOCK_PID": "“pid” is the same word in both languages",
    "LEVEL_PROMPT": "the label and the hint are fields; the rest is the scale 1–5 and a prompt sign",
    "COLUMN_IDEA": "“Idea” is the same word in both languages",
    "DIFF_FIELD_IDEA": "“idea” is the same word in both languages",
    "SCREEN_IDEA": "“idea” is the same word in both languages",
    "SCREEN_IDEA_OF": "“idea” is the same word in both languages",
    "IDEA_LABEL": "“Idea” is the same word in both languages",
    "UNKNOWN_UI_LANGUAGE": "said in all three languages: no language is chosen yet",
}
# Entries that may hold ä, ö or å, each with the reason.
MAY_HOLD_FINNISH_LETTERS = {
    "TERMINAL_ENCODING": "names the letters ä, ö and å that a non-UTF-8 terminal would garble",
    "UNKNOWN_UI_LANGUAGE": "said in all three languages: no language is chosen yet",
}
# Common Finnish words that no English text should hold outside an option (--tyhjenna), a command
# (jtk kunnat) or a key (4.nykytila), which stay as the user types them.
_FINNISH_WORDS = re.compile(
    r"\b(ei|tai|ja|eikä|anna|virhe|vihje|luotu|tuotu|kirjoitettu|tallennettu|päivitetty|poistettu|lisätty|"
    r"tiedosto|tiedostoon|tiedostoa|kohta|kohtaan|kunnan|rivi|avain|versio|kysymys|vastaus|vastaukset|"
    r"toimenpide|ideaa|tasot|kunta|teksti|nyt|kenttä|vastaamatta|tallenna|hyväksy|jatka)\b",
    re.IGNORECASE,
)
_LITERAL = re.compile(r"--?\w[\w-]*|jtk(?: \w+)?|\S*\.\S+|\{[^}]*\}")


def parts(value: object) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


def fields(text: str) -> set[tuple[str, str | None, str]] | None:
    """The format fields of ``text`` with their conversions and specs; None for a text that is not a
    template (a lone brace, as in YAML_UNCLOSED_MAPPING)."""
    try:
        return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
                if name is not None}
    except ValueError:
        return None


@pytest.mark.parametrize("name", list(CODES))
def test_every_name_has_its_own_english_entry_of_the_finnish_shape_and_fields(name):
    assert name in ENGLISH, f"{name} falls back to Finnish"
    finnish, english = FINNISH[name], ENGLISH[name]
    assert type(english) is type(finnish)
    assert len(parts(english)) == len(parts(finnish))
    for fi_part, en_part in zip(parts(finnish), parts(english), strict=True):
        assert fields(en_part) == fields(fi_part)


def test_the_english_modules_have_the_finnish_names_in_the_same_order_and_nothing_else():
    for area in ("input", "output", "screens"):
        fi = importlib.import_module(f"jarjestotyokirja.messages.fi.{area}")
        en = importlib.import_module(f"jarjestotyokirja.messages.en.{area}")
        assert [n for n in vars(en) if n.isupper()] == [n for n in vars(fi) if n.isupper()], area


@pytest.mark.parametrize("name", list(CODES))
def test_every_english_entry_formats_with_dummy_values(name):
    message = getattr(texts("en"), name)
    assert message.language == "en" and message.code == CODES[name]
    text_fields = fields(str(message))
    assert text_fields is not None, f"{name} is not a valid template"
    names = {f[0] for f in text_fields | (fields(message.hint) or set() if message.hint else set())}
    formatted = message.format(**dict.fromkeys(names, "X"))
    assert formatted.code == message.code


def test_no_english_entry_is_its_finnish_text_unless_language_neutral():
    same = {name for name in CODES if parts(ENGLISH[name]) == parts(FINNISH[name])}
    assert same == set(SAME_AS_FINNISH)


def test_no_finnish_letters_or_common_finnish_words_in_the_english_texts():
    for name in CODES:
        if name == "UNKNOWN_UI_LANGUAGE":  # in all three languages on purpose
            continue
        for part in parts(ENGLISH[name]):
            if name not in MAY_HOLD_FINNISH_LETTERS:
                assert not re.search("[äöåÄÖÅ]", part), name
            prose = _LITERAL.sub(" ", part)
            assert not _FINNISH_WORDS.search(prose), (name, prose)


def test_the_month_names_are_twelve_words_as_the_date_check_splits_them():
    assert texts("en").DATE_IN_MONTHS.split()[1] == "February"
    assert len(texts("en").DATE_IN_MONTHS.split()) == 12


def test_an_unclosed_flow_mapping_is_reported_in_english_not_as_a_traceback():
    """Fails with the Finnish text's lone brace: str.format raised ValueError inside the loader."""
    try:
        messages.use("en")
        with pytest.raises(InvalidContent) as caught:
            load_yaml(b"a: {b: 1\n", path="bad.yaml")
    finally:
        messages.use("fi")
    assert caught.value.problems[0].message == (
        "YAML syntax error: a structure that begins with the brace { was not closed"
    )


def test_the_english_quotation_marks_are_used_for_quoted_values():
    assert texts("en").UNKNOWN_ITEM.format(item="x") == "The workbook has no item “x”."
