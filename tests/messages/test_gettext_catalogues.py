"""The gettext catalogues are complete and compiled (issue 13): every help text of the command tree and
every marked label has a Swedish and an English translation, every Typer/Click text jtk can show has a
Finnish and a Swedish one, and each committed ``.mo`` is its ``.po`` compiled."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import typer.main
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from jarjestotyokirja.cli import typer_texts
from jarjestotyokirja.cli.help_texts import help_texts
from jarjestotyokirja.cli.main import app
from jarjestotyokirja.cli.translations import JTK, LOCALE_DIR, TYPER

REPO = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("update_catalogues", REPO / "tools" / "update_catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def translations(domain: str, language: str) -> dict[str, str]:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    return {m.id: m.string for m in read_po(path.open("rb"), locale=language) if m.id and not m.fuzzy}


def _untranslated(ids, domain: str, language: str) -> list[str]:
    have = translations(domain, language)
    return [msgid for msgid in ids if not have.get(msgid, "").strip()]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_help_text_of_every_command_is_translated(language):
    texts = help_texts(typer.main.get_command(app))
    assert len(texts) > 50  # the walk reaches the commands, their options and arguments
    assert _untranslated(texts, JTK, language) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_typer_and_click_text_is_translated(language):
    assert _untranslated([*typer_texts.TYPER_CORE_TEXTS, *typer_texts.CLICK_TEXTS], TYPER, language) == []


def test_jtk_knows_every_text_typer_core_marks_for_gettext():
    # A Typer upgrade that adds a text to its gettext calls fails here until the catalogue has it.
    core = Path(typer.main.__file__).with_name("core.py")
    marked = {message for _, message, _, _ in extract_from_file("python", str(core)) if isinstance(message, str)}
    assert marked <= set(typer_texts.TYPER_CORE_TEXTS)


def test_translations_keep_the_placeholders():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    tool = _tool()
    for domain, languages in tool.LANGUAGES.items():
        for language in languages:
            for msgid, msgstr in translations(domain, language).items():
                if domain == TYPER:  # a translation may leave out Click's English reason
                    assert fields(msgstr) <= fields(msgid), (language, msgid, msgstr)
                else:  # help texts are shown as they are: their braces ({"4.taso": 3}) are examples to keep
                    assert msgstr.count("{") == msgid.count("{"), (language, msgid, msgstr)


def test_the_catalogues_and_their_compiled_files_are_up_to_date():
    # Fails after a help text changed without `python tools/update_catalogues.py`, or a .po edited
    # without compiling it: the .mo that jtk reads would be stale.
    assert _tool().main(["--check"]) == 0


def test_the_help_tree_can_be_translated_again_into_another_language():
    """A second language in the same process translates from the Finnish msgids, not from the first
    translation (which no catalogue knows), and Finnish brings the Finnish texts back."""
    from functools import partial

    from jarjestotyokirja.cli.help_texts import translate_tree
    from jarjestotyokirja.cli.translations import translate

    tree = typer.main.get_command(app)
    finnish = help_texts(tree)
    for language in ("sv", "en", "fi"):
        translate_tree(tree, partial(translate, language=language))
        assert help_texts(tree)[:20] == [translate(text, language) for text in finnish[:20]], language
    assert help_texts(tree) == finnish
