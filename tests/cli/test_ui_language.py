"""The UI language (issue 13): JTK_KIELI, the locale fallback, and Typer's/Click's and jtk's help texts
in fi, sv and en, tried as a user would, in real ``jtk`` processes.

Before this change every run was Finnish whatever JTK_KIELI said: the sv and en cases here fail on it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from jarjestotyokirja.cli.translations import TYPER, translate
from jarjestotyokirja.errors import M
from jarjestotyokirja.language import ui_language
from jarjestotyokirja.messages import texts
from jarjestotyokirja.messages.codes import CODES

LANGUAGES = ("fi", "sv", "en")


def run_jtk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``jtk ARGS`` in a process of its own, with the locale variables and JTK_KIELI only as given."""
    clean = {k: v for k, v in os.environ.items() if k not in ("JTK_KIELI", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "jarjestotyokirja", *args], capture_output=True, text=True,
        env={**clean, "PYTHONIOENCODING": "utf-8", **env}, timeout=120,
    )


def typer_text(message: str, language: str) -> str:
    return translate(message, language, domain=TYPER)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "fi"),
        ({"JTK_KIELI": "sv"}, "sv"),
        ({"JTK_KIELI": " EN "}, "en"),
        ({"JTK_KIELI": "fi", "LANG": "sv_FI.UTF-8"}, "fi"),
        ({"JTK_KIELI": "", "LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "C.UTF-8"}, "fi"),
        ({"LANG": "de_DE.UTF-8"}, "fi"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "sv_FI.UTF-8"}, "en"),
        ({"LC_ALL": "sv_SE.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "fi_FI"}, "sv"),
        ({"LC_ALL": "C", "LANG": "sv_FI.UTF-8"}, "fi"),
    ],
)
def test_the_language_comes_from_jtk_kieli_then_the_locale_then_finnish(environ, expected):
    assert ui_language(environ) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_jtk_help_is_in_the_language_of_jtk_kieli(language):
    result = run_jtk("--help", JTK_KIELI=language)
    assert result.returncode == 0, result.stderr
    for heading in ("Usage: ", "Options", "Commands", "Show this message and exit."):
        assert typer_text(heading, language) in result.stdout
    assert translate("Näytä versio ja lopeta.", language) in result.stdout


def test_the_locale_chooses_the_language_without_jtk_kieli():
    assert "Användning: " in run_jtk("--help", LANG="sv_FI.UTF-8").stdout
    assert "Usage: " in run_jtk("--help", LC_ALL="en_GB.UTF-8", LANG="sv_FI.UTF-8").stdout
    assert "Käyttö: " in run_jtk("--help", LANG="C.UTF-8").stdout
    assert "Käyttö: " in run_jtk("--help").stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_command_help_is_translated_through_and_through(language):
    result = run_jtk("report", "--help", JTK_KIELI=language)
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # Click rewraps the lines
    for heading in ("Arguments", "Options", "required", "Show this message and exit."):
        assert typer_text(heading, language) in out
    assert typer_text("default: {default}", language).format(default="md,pdf") in out
    assert typer_text("env var: {var}", language).format(var="JTK_WORKBOOK") in out
    for finnish in ("Kansio raporteille; oletus nykyinen kansio.", "Yksi tai useampi vastaustiedosto."):
        assert translate(finnish, language) in out
    assert translate("TIEDOSTO", language) in out
    if language != "fi":
        assert "Kansio raporteille" not in out and "TIEDOSTO" not in out


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("args", "template", "fields"),
    [
        (["report"], "Missing argument {name}.", {"name": "'{FILE}'"}),
        (["raportti"], "No such command {name!r}.", {"name": "raportti"}),
        (["report", "--muoto", "md", "a.yaml"], "No such option: {name}", {"name": "--muoto"}),
    ],
    ids=["missing-argument", "unknown-command", "unknown-option"],
)
def test_usage_errors_are_in_the_ui_language(language, args, template, fields):
    result = run_jtk(*args, JTK_KIELI=language)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    fields = {k: v.replace("{FILE}", translate("TIEDOSTO", language)) for k, v in fields.items()}
    if language != "en":  # Finnish and Swedish quote with ”x”
        fields = {k: v.replace("'", "”") for k, v in fields.items()}
    expected = typer_text(template, language).format(**fields)
    message = f"{texts(language).LABEL_ERROR} {CODES['CLICK_USAGE']}: {expected}"
    assert message in result.stderr
    assert typer_text("Usage: ", language) in result.stderr
    command = "jtk" if args[0] == "raportti" else "jtk report"
    assert typer_text("Try '{command} {option}' for help.", language).format(command=command, option="--help") in result.stderr


def test_a_misspelt_command_gets_suggestions_in_the_language():
    assert "Menade du ”report”" in run_jtk("reprt", JTK_KIELI="sv").stderr
    assert "Tarkoititko ”report”" in run_jtk("reprt", JTK_KIELI="fi").stderr
    assert "Did you mean 'report'" in run_jtk("reprt", JTK_KIELI="en").stderr


@pytest.mark.parametrize("value", ["de", "svenska", "sv_FI"])
def test_an_unknown_jtk_kieli_is_refused_in_all_three_languages(value):
    for args in (["--help"], ["kunnat"]):
        result = run_jtk(*args, JTK_KIELI=value)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.strip() == f"{M.LABEL_ERROR} {M.UNKNOWN_UI_LANGUAGE.code}: " + M.UNKNOWN_UI_LANGUAGE.format(
            value=value)
        assert "JTK_KIELI" in result.stderr and "fi, sv" in result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_jtk_own_errors_carry_the_same_prefix_as_clicks(language, tmp_path):
    result = run_jtk("validate", str(tmp_path / "puuttuu.yaml"), JTK_KIELI=language)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{texts(language).LABEL_ERROR} {CODES['FILE_NOT_FOUND']}: ")
    click = run_jtk("report", JTK_KIELI=language)
    assert f"\n{texts(language).LABEL_ERROR} {CODES['CLICK_USAGE']}: " in click.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_shows_no_python_types_and_translates_the_usage_placeholders(language):
    """Typer 0.29 writes Python types into the help ('TIEDOSTO <list[Path]>', '-o, --output <path>',
    '-j, --jobs <int>') and Click '[OPTIONS] COMMAND [ARGS]...' in English. Fails before this change."""
    report = run_jtk("report", "--help", JTK_KIELI=language).stdout
    top = run_jtk("--help", JTK_KIELI=language).stdout
    for python in ("<list[Path]>", "<path>", "<int>", "<str>", "<float>"):
        assert python not in report, python
    assert f"-o, --output {typer_text('PATH', language)}" in report
    assert f"-j, --jobs {typer_text('NUMBER', language)}" in report
    assert typer_text("[OPTIONS]", language) in report.splitlines()[0]
    assert top.splitlines()[0].endswith(f"jtk {typer_text('[OPTIONS]', language)} {typer_text('COMMAND [ARGS]...', language)}")
    if language != "en":
        assert "[OPTIONS]" not in report + top and "COMMAND" not in top


@pytest.mark.parametrize(
    ("language", "args", "expected"),
    [
        ("fi", ["report", "-j", "abc", "a.yaml"],
         "virhe JTK-U011: Kohtaan ”--jobs” / ”-j” kirjoitetaan kokonaisluku numeroin, esimerkiksi 2; nyt ”abc”."),
        ("fi", ["report", "-j", "\u0663", "a.yaml"],
         "virhe JTK-U011: Kohtaan ”--jobs” / ”-j” kirjoitetaan kokonaisluku numeroin, esimerkiksi 2; nyt ”\u0663”."),
        ("fi", ["set", "a.yaml", "1.taso", "2", "--odota", "-1"],
         "virhe JTK-U013: Kohdan ”--odota” arvo on vähintään 0; nyt -1."),
        ("fi", ["set", "a.yaml", "1.taso", "2", "--odota", "1e3"],
         "virhe JTK-U012: Kohtaan ”--odota” kirjoitetaan luku numeroin, esimerkiksi 1.5; nyt ”1e3”."),
        ("sv", ["report", "-j", "abc", "a.yaml"],
         "fel JTK-U011: I ”--jobs” / ”-j” skrivs ett heltal med siffror, till exempel 2; nu ”abc”."),
        ("en", ["report", "-j", "abc", "a.yaml"],
         "error JTK-U011: “--jobs” / “-j” takes a whole number in digits, for example 2; got “abc”."),
    ],
    ids=["fi-text", "fi-other-digits", "fi-too-small", "fi-not-plain", "sv", "en"],
)
def test_a_number_option_says_what_it_takes_in_the_ui_language(language, args, expected):
    """Typer's reason ("Input should be a valid integer, …") was English, and in Finnish and Swedish it
    was dropped: "Virheellinen arvo kohdassa '--jobs' / '-j'." said neither what is wrong nor what to write."""
    result = run_jtk(*args, JTK_KIELI=language)
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith(expected), result.stderr


@pytest.mark.parametrize(
    ("language", "args", "expected"),
    [
        ("fi", ["report"], "Puuttuva argumentti ”TIEDOSTO”."),
        ("fi", ["raportti"], "Tuntematon komento ”raportti”. Tarkoititko ”report”?"),
        ("sv", ["raportti"], "Okänt kommando ”raportti”. Menade du ”report”?"),
        ("fi", ["reprt"], "Tuntematon komento ”reprt”. Tarkoititko ”report”, ”export”?"),
        ("fi", ["interview", "--kaiki"], "Tuntematon valitsin --kaiki. Tarkoititko --kaikki?"),
        ("sv", ["interview", "--kaiki"], "Okänd flagga --kaiki. Menade du --kaikki?"),
    ],
    ids=["fi-missing-argument", "fi-unknown-command", "sv-unknown-command", "fi-suggestion", "fi-possible-options",
         "sv-possible-options"],
)
def test_usage_errors_quote_in_the_languages_own_marks(language, args, expected):
    """'TIEDOSTO' and 'raportti' were quoted the English way, and "(Possible options: --kaikki)" was
    left in English."""
    result = run_jtk(*args, JTK_KIELI=language)
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith(expected), result.stderr


def _usage_lines(language: str) -> dict[str, str]:
    """Every command's usage line (the action subcommands too) in ``language``."""
    top = run_jtk("--help", JTK_KIELI=language).stdout
    commands = re.findall(r"^\s{2}([a-z]+)\s", top.split("\n\n", 2)[-1], re.MULTILINE)
    names = [*commands, *(f"action {sub}" for sub in ("add", "list", "set", "remove"))]
    return {name: run_jtk(*name.split(), "--help", JTK_KIELI=language).stdout.splitlines()[0] for name in names}


def test_every_argument_is_named_in_capitals_in_the_ui_language():
    """Arguments showed their Python names: "jtk set [VALITSIMET] {TIEDOSTO} {key} [value]", "jtk init
    {kunta}" in English and Swedish too, "jtk merge {base} {ours} {theirs}"."""
    placeholders = {}
    for language in LANGUAGES:
        for command, usage in _usage_lines(language).items():
            names = re.findall(r"[{\[]([^\]{}]+)[}\]]", usage.split(command, 1)[1])
            arguments = [n.rstrip(".") for n in names if n != typer_text("[OPTIONS]", language).strip("[]")]
            assert all(n == n.upper() for n in arguments), (language, usage)
            placeholders[language, command] = arguments
    assert placeholders["fi", "set"] == ["TIEDOSTO", "AVAIN", "ARVO"]
    assert placeholders["sv", "set"] == ["FIL", "NYCKEL", "VÄRDE"]
    assert placeholders["en", "merge"] == ["BASE", "OURS", "THEIRS"]
    assert placeholders["sv", "init"] == ["KOMMUN"]
