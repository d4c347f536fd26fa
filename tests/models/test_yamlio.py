"""The strict loader refuses hostile input with file, line and a catalogue message; the dumper is stable."""

from __future__ import annotations

import pytest

from jarjestotyokirja.errors import InvalidContent, M, NotFound
from jarjestotyokirja.yamlio import loader as yamlio
from jarjestotyokirja.yamlio.dumper import dump_yaml
from jarjestotyokirja.yamlio.loader import MAX_BYTES, MAX_DEPTH, load_yaml, read_yaml


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def loader(request, monkeypatch):
    """Every test runs with libyaml's composer and with the pure-Python fallback."""
    if request.param == "libyaml":
        if not hasattr(yamlio, "CLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(yamlio, "_Loader", yamlio.CLoader)
    else:
        monkeypatch.setattr(yamlio, "_Loader", yamlio.PyLoader)

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _problems(text: str) -> list:
    with pytest.raises(InvalidContent) as info:
        load_yaml(text, path="x.yaml")
    return info.value.problems


def test_scalars_stay_the_text_they_look_like():
    doc = load_yaml("a: no\nb: 005\nc: 1:30\nd: 2024-01-05\ne: 020\nf: yes\ng: ~\nh: 1e3\ni:\n")
    assert doc.data == {"a": "no", "b": "005", "c": "1:30", "d": "2024-01-05", "e": "020", "f": "yes",
                        "g": "~", "h": "1e3", "i": ""}


def test_alias_bomb_is_refused_quickly_with_line():
    problems = _problems(BILLION_LAUGHS)
    assert problems[0].message == M.ALIAS
    assert problems[0].path == "x.yaml"
    assert problems[0].line == 2


@pytest.mark.parametrize("text", ["a: !!python/object:os.system x\n", "a: !!int 5\n", "a: !custom x\n", "!!set {a}\n"])
def test_tags_are_refused(text):
    problems = _problems(text)
    assert problems[0].message.startswith(M.TAG.split("(")[0])
    assert problems[0].line == 1


def test_duplicate_keys_name_both_lines():
    problems = _problems("kunta:\n  nimi: A\n  nimi: B\n")
    assert problems[0].message == M.DUPLICATE_KEY.format(key="nimi", first=2)
    assert problems[0].line == 3
    assert problems[0].key == "kunta.nimi"


def test_every_problem_is_listed_not_just_the_first():
    problems = _problems("a: 1\na: 2\nb: !x y\nc: 3\nc: 4\n")
    assert [p.line for p in problems] == [2, 3, 5]


def test_conflict_markers_are_refused_with_their_lines():
    text = "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n"
    problems = _problems(text)
    assert [p.line for p in problems] == [2, 4, 6]
    assert all("konfliktin" in p.message for p in problems)


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3, "hakasulkeella"),
        ("a: b: c\n", 1, "kaksoispiste"),
        ("a:\n\t- x\n", 2, "sarkain"),
        ("a: 1\nb: 'x\n", 3, "sulkematon"),
        ("a: 1\n  b: 2\n", 2, "kaksoispiste"),
        ("- a\nb: 1\n", 2, "sisennys"),
    ],
)
def test_syntax_errors_name_the_line_and_what_to_look_for(text, line, hint):
    problems = _problems(text)
    assert problems[0].message.startswith("YAML-syntaksivirhe")
    assert hint in problems[0].message
    assert problems[0].line == line


def test_too_large_and_too_deep():
    assert _problems("a: " + "x" * (MAX_BYTES + 1))[0].code == M.TOO_LARGE.code
    deep = "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)
    assert any(p.message == M.TOO_DEEP.format(limit=MAX_DEPTH) for p in _problems(deep))


def test_multiple_documents_undefined_alias_and_non_utf8(tmp_path):
    assert _problems("a: 1\n---\nb: 2\n")[0].message == M.MULTIPLE_DOCUMENTS
    assert _problems("a: *puuttuu\n")[0].message == M.ALIAS
    bad = tmp_path / "bad.yaml"
    bad.write_bytes("a: ä\nb: ".encode() + b"\xff\n")
    with pytest.raises(InvalidContent) as info:
        read_yaml(bad)
    assert info.value.problems[0].line == 2
    assert "UTF-8" in info.value.problems[0].message


def test_missing_file(tmp_path):
    with pytest.raises(NotFound) as info:
        read_yaml(tmp_path / "puuttuu.yaml")
    assert info.value.problems[0].message == M.FILE_NOT_FOUND


def test_lines_of_keys_and_items():
    doc = load_yaml("a:\n  b: x\n  c:\n  - 1\n  - 2\n")
    assert doc.lines[("a", "b")] == 2
    assert doc.lines[("a", "c", 1)] == 5
    assert doc.line_of(("a", "c", 1, "missing")) == 5


def test_dump_is_deterministic_and_readable():
    data = {"koodi": "091", "ei": "no", "pvm": "2024-01-05", "teksti": "rivi 1\nrivi 2", "ä": "öäå", "tyhjä": ""}
    text = dump_yaml(data)
    assert text == (
        "koodi: '091'\nei: 'no'\npvm: '2024-01-05'\nteksti: |-\n  rivi 1\n  rivi 2\nä: öäå\ntyhjä: ''\n"
    )
    assert load_yaml(text).data == data
    assert dump_yaml(load_yaml(text).data) == text


def test_long_lines_are_not_wrapped():
    long = "sana " * 200
    assert dump_yaml({"a": long.strip()}).count("\n") == 1


# Issue 9: a tab in pasted text (fails before this change: the text became a quoted one-line string)
@pytest.mark.parametrize("text", [
    "Tavoite A\tsarkaimella\nToinen rivi\n",
    "\tAlkaa sarkaimella\n\tja jatkuu",
    "rivi\t\n\t\nloppu\t",
])
def test_multiline_text_with_tabs_stays_a_literal_block(text):
    out = dump_yaml({"vastaus": text})
    assert out.startswith("vastaus: |")
    assert "\\t" not in out and "\t" in out
    assert load_yaml(out).data == {"vastaus": text}


def test_the_tab_dumper_writes_tab_free_files_byte_for_byte_as_the_usual_one():
    from pathlib import Path

    import yaml

    from jarjestotyokirja.yamlio.dumper import _Dumper, _TabDumper

    for example in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml")):
        data = load_yaml(example.read_bytes()).data
        options = dict(sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**31 - 1, indent=2)
        assert yaml.dump(data, Dumper=_TabDumper, **options) == yaml.dump(data, Dumper=_Dumper, **options)


def _lines_built_at_once(text: str) -> dict:
    """The line table as the builder made it for every file before it was built only when asked."""
    root = yamlio._Loader(text).get_single_node()
    doc = yamlio.Document(lines={})
    yamlio._Builder(doc).build(root, (), 0)
    return doc.lines


@pytest.mark.parametrize("example", ["901-esimerkkila.yaml", "902-mallikyla.yaml", "903-koekoski.yaml"])
def test_a_clean_files_lines_when_asked_for_are_those_built_at_once(example) -> None:
    """A file with nothing to report is loaded without its line table; asked for later (a pydantic
    error to place), the table holds every key's and item's line as when it was built at once."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "examples" / example).read_text(encoding="utf-8")
    doc = load_yaml(text, path=example)
    expected = _lines_built_at_once(text)
    assert len(expected) > 50
    assert doc.lines == expected
    assert doc.line_of(("kunta", "nimi")) == expected[("kunta", "nimi")]


def test_what_the_fast_path_cannot_build_is_still_reported_with_its_line() -> None:
    """Duplicate keys, aliases, tags, complex keys and deep nesting leave the fast path for the
    builder, which reports each with its line, as before."""
    with pytest.raises(InvalidContent) as caught:
        load_yaml("a: 1\nb:\n  c: 2\n  c: 3\nd: !!int 4\n? [x]\n: 5\n", path="f.yaml")
    lines = sorted(p.line for p in caught.value.problems)
    assert lines == [4, 5, 6]
