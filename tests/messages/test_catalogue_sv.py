"""The Swedish catalogue: every code has its own Swedish text, of the Finnish text's shape and fields,
and the Swedish texts contain no Finnish words (where that can be checked cheaply)."""

from __future__ import annotations

import importlib
import re
import string

import pytest

from jarjestotyokirja.messages import CODES, texts
from jarjestotyokirja.messages import fi as finnish

swedish = importlib.import_module("jarjestotyokirja.messages.sv")


def _own(module: object) -> dict[str, object]:
    return {name: value for name, value in vars(module).items() if name.isupper()}


FI, SV = _own(finnish), _own(swedish)

# Entries whose Swedish text is the Finnish one because it has no words of any language.
SAME_AS_FINNISH = {
    "LOCK_PID": "pid {pid}: 'pid' is the operating system's term, the same in every language",
    "WRONG_INPUT": "only fields and punctuation",
    "LEVEL_PROMPT": "only fields, the scale 1–5 and the prompt sign",
    "PDF_CHARACTER_CODE": "a character code [U+XXXX]",
    "OPTION_DATE": "only fields and punctuation",
    "CLICK_USAGE": "only Click's own (already translated) message",
    "UNKNOWN_UI_LANGUAGE": "said in all three languages: no language is chosen yet",
}

# Entries written in all three languages in every catalogue.
TRILINGUAL = {"UNKNOWN_UI_LANGUAGE"}

# Words that occur in both the Swedish and the Finnish texts and are not Finnish in the Swedish ones.
SHARED_WORDS = {
    "annat": "Swedish 'other' (Finnish 'you give')",
    "se": "Swedish 'see' (Finnish 'it')",
    "version": "Swedish noun (Finnish genitive of 'versio')",
    "makro": "the same word in both languages",
    "ok": "jtk workbook --check's output word",
    # Names of keys, programs, formats and git terms, the same in every language.
    "commit": "git", "git": "git", "main": "a git branch name", "jtk": "the program",
    "ctrl": "key name", "enter": "key name", "esc": "key name", "tab": "key name",
    "typst": "program name", "typ": "format name (-f typ)", "word": "program name",
    "pid": "process id", "s": "the unit second",
    "u": "the key typed for a new row", "p": "the key typed to remove a row",
    "ä": "letter named in TERMINAL_ENCODING", "ö": "letter", "å": "letter",
}

# Literal things the user types or reads in a file (markup, fields, options, commands, file names, YAML
# keys like 4.nykytila, environment variables, formats): removed before looking for Finnish words.
_LITERAL = re.compile(
    r"</?b>|\{[^{}]*\}|\S*[./\\_~$=<>@&*+\[\]]\S*|--?\w[\w-]*|jtk \w+|[A-Z]{2,}\S*"
)


def _parts(value: object) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


def _fields(template: str) -> set[tuple[str, str | None, str]] | str:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return "not a template"  # e.g. a literal '{' in a text that is never formatted
    return {(name, conversion, spec) for _, name, spec, conversion in parsed if name is not None}


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]+", _LITERAL.sub(" ", text))}


@pytest.mark.parametrize("name", list(CODES))
def test_every_name_has_its_own_swedish_text_of_the_same_shape_and_fields(name: str) -> None:
    assert name in SV, f"{name}: no Swedish text (it would fall back to Finnish)"
    fi_value, sv_value = FI[name], SV[name]
    assert type(sv_value) is type(fi_value), f"{name}: a string must stay a string, a pair a pair"
    fi_parts, sv_parts = _parts(fi_value), _parts(sv_value)
    assert len(sv_parts) == len(fi_parts)
    for fi_text, sv_text in zip(fi_parts, sv_parts):
        assert _fields(sv_text) == _fields(fi_text), f"{name}: the fields differ from the Finnish text"


def test_no_swedish_name_outside_the_codes() -> None:
    assert set(SV) <= set(CODES)


@pytest.mark.parametrize("name", list(CODES))
def test_every_swedish_entry_formats(name: str) -> None:
    entry = getattr(texts("sv"), name)
    assert entry.language == "sv" and str(entry) == _parts(SV[name])[0] and entry.hint == (
        SV[name][1] if isinstance(SV[name], tuple) else None
    )
    fields = _fields(" ".join(_parts(SV[name])))
    if isinstance(fields, str):
        return
    formatted = entry.format(**{field: 7 for field, _, _ in fields if field})
    assert formatted.code == CODES[name]


def test_no_swedish_text_is_the_finnish_one_unless_it_has_no_words() -> None:
    same = {name for name in CODES if SV[name] == FI[name]}
    assert same == set(SAME_AS_FINNISH)


def test_no_finnish_words_in_the_swedish_texts() -> None:
    finnish_words = set().union(
        *(_words(part) for name, value in FI.items() if name not in TRILINGUAL for part in _parts(value)))
    found = {
        (name, word)
        for name, value in SV.items()
        if name not in TRILINGUAL
        for part in _parts(value)
        for word in _words(part) & finnish_words
        if word not in SHARED_WORDS
    }
    assert not found


def test_month_names_are_twelve_words() -> None:
    # dates.py takes the month's name with DATE_IN_MONTHS.split()[month - 1].
    assert texts("sv").DATE_IN_MONTHS.split()[1] == "februari"
    assert len(texts("sv").DATE_IN_MONTHS.split()) == 12


def test_a_value_is_quoted_in_finland_swedish_quotation_marks() -> None:
    assert texts("sv").UNKNOWN_ITEM.format(item="x\x1b") == "Arbetsboken har ingen punkt ”xU+001B”."


# Upper-case words of both catalogues that are the same in every language (formats, programs, variables).
NEUTRAL_CAPITALS = {"CSV", "EDITOR", "HEAD", "JSON", "LANG", "NUL", "PDF", "UA", "UTF", "VISUAL", "YAML"}


def _capitals(text: str) -> set[str]:
    return set(re.findall(r"\b[A-ZÅÄÖ]{2,}\b", text))


def test_placeholders_in_capitals_are_swedish() -> None:
    # Finnish placeholders such as TIEDOSTO, SEKUNTIA, VANHA UUSI and the date format VVVV-KK-PP are
    # written in capitals, which the word check leaves out as literal names.
    finnish_capitals = set().union(*(_capitals(part) for value in FI.values() for part in _parts(value)))
    swedish_texts = " ".join(part for value in SV.values() for part in _parts(value))
    assert _capitals(swedish_texts) & finnish_capitals <= NEUTRAL_CAPITALS
    assert "ÅÅÅÅ-MM-DD" in swedish_texts and "DD.MM.ÅÅÅÅ" in swedish_texts
