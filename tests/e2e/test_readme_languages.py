"""The Swedish and English READMEs stay honest about the command line (issue 13).

README.sv.md and README.en.md are user guides written apart from the Finnish README, so nothing else
notices when a command is added to jtk but not to them, or when an option they show is renamed. These
checks are cheap and read only the text and the Typer command tree: every command of ``jtk --help``
appears as ``jtk <command>`` in both files; every ``--option`` written after ``jtk <command>`` in a code
block or a code span exists on that command; and README.md links both files from its top.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from jarjestotyokirja.cli.main import app

REPO = Path(__file__).resolve().parents[2]
LANGUAGE_READMES = ["README.sv.md", "README.en.md"]

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_SPAN = re.compile(r"`([^`\n]+)`")
_INVOCATION = re.compile(r"(?<![\w.-])jtk ([a-z][a-z-]*)((?:(?!(?<![\w.-])jtk ).)*)")
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
_COMMENT = re.compile(r"\s#\s.*$")


def _root():  # a (vendored) Click group: commands by name, each with .params
    return typer.main.get_command(app)


def _code_lines(text: str) -> list[str]:
    """Every line of every fenced block, and every inline code span outside them, comments cut off."""
    lines = [line for block in _FENCE.findall(text) for line in block.splitlines()]
    lines += _SPAN.findall(_FENCE.sub("", text))
    return [_COMMENT.sub("", line) for line in lines]


def _command_tokens(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w.-])jtk ([a-z][a-z-]*)", "\n".join(_code_lines(text))))


def missing_commands(text: str, root) -> list[str]:
    """The top-level commands of ``jtk --help`` that the text never shows as ``jtk <command>``."""
    shown = _command_tokens(text)
    return sorted(name for name in root.commands if name not in shown)


def wrong_invocations(text: str, root) -> list[str]:
    """``jtk <word>`` that is no command, and ``--options`` that the command written before them lacks."""
    problems = []
    for line in _code_lines(text):
        for name, rest in _INVOCATION.findall(line):
            command = root.commands.get(name)
            if command is None:
                problems.append(f"jtk {name}: no such command ({line.strip()!r})")
                continue
            words = rest.split()
            subcommands = getattr(command, "commands", {})
            if words and words[0] in subcommands:
                name, command = f"{name} {words[0]}", subcommands[words[0]]
            known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
            known.add("--help")
            for option in _OPTION.findall(rest):
                if option not in known:
                    problems.append(f"jtk {name} has no option {option} ({line.strip()!r})")
    return problems


@pytest.mark.parametrize("readme", LANGUAGE_READMES)
def test_every_command_appears_in_the_language_readme(readme: str) -> None:
    text = (REPO / readme).read_text(encoding="utf-8")
    assert missing_commands(text, _root()) == []


@pytest.mark.parametrize("readme", LANGUAGE_READMES)
def test_every_option_in_the_language_readme_exists_on_its_command(readme: str) -> None:
    text = (REPO / readme).read_text(encoding="utf-8")
    assert wrong_invocations(text, _root()) == []


def _all_options(command) -> set[str]:
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for sub in getattr(command, "commands", {}).values():
        options |= _all_options(sub)
    return options | {"--help"}


@pytest.mark.parametrize("readme", LANGUAGE_READMES)
def test_every_option_named_alone_exists_on_some_command(readme: str) -> None:
    """``--tyhjenna`` or ``--odota`` in the text, outside a ``jtk …`` line, is still a real option."""
    named = set(_OPTION.findall("\n".join(_code_lines((REPO / readme).read_text(encoding="utf-8")))))
    assert sorted(named - _all_options(_root())) == []


@pytest.mark.parametrize("readme", LANGUAGE_READMES)
def test_the_language_readme_shows_every_action_subcommand(readme: str) -> None:
    text = "\n".join(_code_lines((REPO / readme).read_text(encoding="utf-8")))
    for sub in _root().commands["action"].commands:
        assert f"jtk action {sub} " in text, f"{readme} never shows jtk action {sub}"


def test_the_finnish_readme_links_both_from_its_top() -> None:
    top = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:5]
    assert any("](README.sv.md)" in line and "](README.en.md)" in line for line in top), top


def test_the_checks_fail_on_a_readme_that_misses_a_command_or_invents_an_option() -> None:
    """The checks themselves: a README without ``jtk kunnat`` and with a made-up option is caught."""
    root = _root()
    text = (REPO / "README.sv.md").read_text(encoding="utf-8")
    without_kunnat = re.sub(r"(?<![\w.-])jtk kunnat", "jtk", text)
    assert missing_commands(without_kunnat, root) == ["kunnat"]
    invented = text + "\n```sh\njtk report 638-porvoo.yaml --sprak sv\njtk rapport x\n```\n"
    assert wrong_invocations(invented, root) == [
        "jtk report has no option --sprak ('jtk report 638-porvoo.yaml --sprak sv')",
        "jtk rapport: no such command ('jtk rapport x')",
    ]
    # an option that exists on another command only is still wrong where it is written
    assert wrong_invocations("`jtk status x.yaml --kieli sv`", root) == [
        "jtk status has no option --kieli ('jtk status x.yaml --kieli sv')"
    ]
    # a sub-command's options are checked on the sub-command
    assert wrong_invocations("`jtk action set f.yaml 1 --tila valmis`", root) == []
    assert wrong_invocations("`jtk action list f.yaml --tila valmis`", root) == [
        "jtk action list has no option --tila ('jtk action list f.yaml --tila valmis')"
    ]
