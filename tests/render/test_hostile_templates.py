"""Organisation templates (``--templates``) stay in their folder, within their limits, read-only.

Before: a symbolic link in the template folder let ``{% include %}`` and Typst's ``#read`` put any
file of the machine into the report; nested ``range`` loops ran for hours and ``'x'*100000*100000``
until memory ran out; ``{{ kunta.update(...) }}`` changed the data. Each case here failed (or hung)
on that code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.render.environment import render_template
from jarjestotyokirja.render.sandbox import MAX_OUTPUT, MAX_POWER, MAX_RANGE, MAX_SIZE
from tests.report.test_report import COMPLETE, EXAMPLES

needs_symlinks = pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX here")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "salaisuus.txt"
    path.write_text("SALAISUUS", encoding="utf-8")
    return path


@pytest.fixture
def own(tmp_path: Path) -> Path:
    folder = tmp_path / "pohjat"
    folder.mkdir()
    return folder


def _report(cli, own: Path, out: Path, *extra: object, fmt: str = "md", files=(COMPLETE,)):  # type: ignore[no-untyped-def]
    return cli("report", *files, "-f", fmt, "--templates", own, "-o", out, "-j", "1", *extra)


@needs_symlinks
@pytest.mark.parametrize("tag", ["{% include 'linkki.j2' %}", "{% import 'linkki.j2' as x %}", "{% extends 'linkki.j2' %}"])
def test_a_symlink_out_of_the_folder_is_not_followed_by_jinja(cli, tmp_path, own, secret, tag):
    (own / "linkki.j2").symlink_to(secret)
    (own / "report.md.j2").write_text(tag + "\n", encoding="utf-8")
    result = _report(cli, own, tmp_path / "out")
    assert result.exit_code == 1
    assert M.TEMPLATE_OUTSIDE.format(name="linkki.j2", target=os.path.realpath(secret)) in result.stderr
    assert "SALAISUUS" not in result.stdout + result.stderr and not (tmp_path / "out" / "901-esimerkkila.md").exists()


@needs_symlinks
def test_the_template_itself_may_not_be_a_link_out_of_the_folder(cli, tmp_path, own, secret):
    (own / "report.md.j2").symlink_to(secret)
    result = _report(cli, own, tmp_path / "out")
    assert result.exit_code == 1
    assert M.TEMPLATE_OUTSIDE.format(name="report.md.j2", target=os.path.realpath(secret)) in result.stderr
    assert not (tmp_path / "out" / "901-esimerkkila.md").exists()


@needs_symlinks
def test_links_inside_the_folders_and_a_linked_folder_still_work(cli, tmp_path, own):
    (own / "osa.j2").write_text("oma osa", encoding="utf-8")
    (own / "linkki.j2").symlink_to(own / "osa.j2")
    (own / "report.md.j2").write_text("{% include 'linkki.j2' %}\n", encoding="utf-8")
    linked = tmp_path / "linkitetty"
    linked.symlink_to(own)
    result = _report(cli, linked, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "901-esimerkkila.md").read_text(encoding="utf-8") == "oma osa"


@needs_symlinks
@pytest.mark.parametrize("typst", ['#read("linkki.txt")', '#image("kuvat/linkki.png")', "= Otsikko"])
def test_typst_cannot_read_through_a_link_out_of_the_folder(cli, tmp_path, own, secret, typst):
    (own / "linkki.txt").symlink_to(secret)
    (own / "kuvat").mkdir()
    (own / "kuvat" / "linkki.png").symlink_to(secret)
    (own / "report.typ.j2").write_text(typst + "\n", encoding="utf-8")
    result = _report(cli, own, tmp_path / "out", fmt="pdf")
    assert result.exit_code == 1
    # The first link found (in name order, depth first from the end) stops the document, whatever it reads.
    assert "osoittaa kansion ulkopuolelle" in result.stderr
    assert any(
        M.TYPST_OUTSIDE.format(name=str(link), target=os.path.realpath(secret)) in result.stderr
        for link in (own / "linkki.txt", own / "kuvat" / "linkki.png")
    )
    assert not (tmp_path / "out" / "901-esimerkkila.pdf").exists()


@needs_symlinks
def test_a_font_linked_from_outside_is_refused(cli, tmp_path, own, secret):
    (own / "fonts").mkdir()
    (own / "fonts" / "oma.ttf").symlink_to(secret)
    (own / "report.typ.j2").write_text("= Otsikko\n", encoding="utf-8")
    result = _report(cli, own, tmp_path / "out", fmt="pdf")
    assert result.exit_code == 1
    assert M.TYPST_OUTSIDE.format(name=str(own / "fonts" / "oma.ttf"), target=os.path.realpath(secret)) in result.stderr


@needs_symlinks
def test_typst_root_with_a_fifo_is_refused_without_blocking(cli, tmp_path, own):
    os.mkfifo(own / "putki.txt")
    (own / "report.typ.j2").write_text('#read("putki.txt")\n', encoding="utf-8")
    result = _report(cli, own, tmp_path / "out", fmt="pdf")
    assert result.exit_code == 1
    assert M.TYPST_NOT_A_FILE.format(name=str(own / "putki.txt")) in " ".join(result.stderr.split())


@needs_symlinks
def test_a_template_that_is_a_fifo_or_huge_is_not_read(cli, tmp_path, own):
    from jarjestotyokirja.render.sandbox import MAX_TEMPLATE_BYTES

    os.mkfifo(own / "report.md.j2")  # not a file: the bundled template is used, the FIFO never opened
    result = _report(cli, own, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    big = tmp_path / "isot"
    big.mkdir()
    (big / "report.md.j2").write_bytes(b"x" * (MAX_TEMPLATE_BYTES + 1))
    result = _report(cli, big, tmp_path / "out2")
    assert result.exit_code == 1
    assert M.TEMPLATE_SIZE_LIMIT.format(what="report.md.j2", limit=MAX_TEMPLATE_BYTES) in result.stderr


def test_the_context_is_read_only(cli, tmp_path, own):
    (own / "report.md.j2").write_text("{{ kunta.update({'nimi': 'Muutettu'}) }}{{ kunta.nimi }}\n", encoding="utf-8")
    result = _report(cli, own, tmp_path / "out")
    assert result.exit_code == 1
    assert M.TEMPLATE_UNSAFE_ATTRIBUTE.format(attribute="update", kind="dict") in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def _render(source: str, tmp_path: Path, seconds: float = 1, **context: object) -> str:
    folder = tmp_path / "mallit"
    folder.mkdir(exist_ok=True)
    (folder / "report.md.j2").write_text(source, encoding="utf-8")
    return render_template("report.md.j2", context, "md", folder, seconds=seconds)


@pytest.mark.parametrize(
    ("source", "what", "limit"),
    [
        ("{{ 'x'*100000*100000 }}", "*", MAX_SIZE),
        ("{{ [1]*10000000 }}", "*", MAX_SIZE),
        ("{% set s = 'x'*1000000 %}{{ s + s }}", "+", MAX_SIZE),
        ("{% set s = 'x'*1000000 %}{{ s ~ s }}", "~", MAX_SIZE),
        ("{{ range(100000000)|list|length }}", "range", MAX_RANGE),
        ("{{ range(100000)|join('x'*1000000) }}", "|join", MAX_SIZE),
        ("{{ 'x'|center(1000000000) }}", "|center", MAX_SIZE),
        ("{{ 'x'|indent(1000000000, true) }}", "|indent", MAX_SIZE),
        ("{{ 'x'.ljust(1000000000) }}", ".ljust()", MAX_SIZE),
        ("{{ '%0999999999d'|format(1) }}", "|format", MAX_SIZE),
        ("{{ '%0999999999d' % 1 }}", "%", MAX_SIZE),
        ("{{ '{:>999999999}'.format(1) }}", ".format()", MAX_SIZE),
        ("{% set s = 'x'*1000000 %}{{ s|replace('x', s) }}", "|replace", MAX_SIZE),
        ("{% set s = 'x'*1000000 %}{{ s.replace('x', s) }}", ".replace()", MAX_SIZE),
        ("{{ 2 ** 100000000 }}", "**", MAX_POWER),
    ],
)
def test_sizes_are_capped(tmp_path, source, what, limit):
    with pytest.raises(InvalidContent) as caught:
        _render(source, tmp_path, seconds=600)  # the size stops it, not the clock
    problem = caught.value.problems[0]
    assert problem.message == M.TEMPLATE_ERROR.format(reason=M.TEMPLATE_SIZE_LIMIT.format(what=what, limit=limit))
    assert problem.path.endswith("report.md.j2")


def test_the_document_size_is_capped(tmp_path, monkeypatch):
    from jarjestotyokirja.render import sandbox

    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 1000)  # the real cap (20 million characters) takes long to reach
    with pytest.raises(InvalidContent) as caught:
        _render("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", tmp_path, 600)
    assert caught.value.problems[0].message == M.TEMPLATE_ERROR.format(
        reason=M.TEMPLATE_SIZE_LIMIT.format(what="asiakirja", limit=1000))
    assert MAX_OUTPUT >= 10_000_000


@pytest.mark.parametrize(
    "source",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set s = 'x'*1000000 %}{% for a in s %}{% for b in s if false %}{% endfor %}{% endfor %}",
        "{% macro m(n) %}{% for i in range(100000) %}{{ m(n) if false }}{% endfor %}{% endmacro %}"
        "{% for i in range(100000) %}{{ m(1) }}{% endfor %}",
    ],
)
def test_a_template_that_runs_too_long_is_stopped(tmp_path, source):
    with pytest.raises(InvalidContent) as caught:
        _render(source, tmp_path)
    assert caught.value.problems[0].message == M.TEMPLATE_ERROR.format(reason=M.TEMPLATE_TIME_LIMIT.format(seconds="1"))


def test_deep_recursion_is_a_message(tmp_path):
    with pytest.raises(InvalidContent) as caught:
        _render("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", tmp_path)
    assert caught.value.problems[0].message == M.TEMPLATE_ERROR.format(reason=M.TEMPLATE_RECURSION)


def test_ordinary_template_code_still_works(tmp_path):
    source = ("{{ 'a' ~ 'b' ~ 3 }} {{ range(3)|join(',') }} {{ 5000000|filesizeformat }} {{ ('%5d'|format(3))|length }}"
              " {% for i in range(4) if i %}{{ i }}{% endfor %} {{ '{:>4}'.format(7)|length }} {{ ('ab'|center(6))|length }}")
    assert _render(source, tmp_path) == "ab3 0,1,2 5.0 MB 5 123 4 6"


def test_the_time_limit_option_stops_one_file_and_the_batch_goes_on(tmp_path, own):
    """Two files, one of which loops for ever: the other is written, the loop one names the limit."""
    (own / "report.md.j2").write_text(
        "{% if kunta.koodi == '901' %}{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
        "{% endfor %}{% endif %}{{ kunta.nimi }}\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "jarjestotyokirja", "report", str(COMPLETE), str(EXAMPLES / "902-mallikyla.yaml"),
               "-f", "md", "--templates", str(own), "-o", str(out), "-j", "2", "--aikaraja", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert M.TEMPLATE_TIME_LIMIT.format(seconds="2") in result.stderr and "Traceback" not in result.stderr
    assert not (out / "901-esimerkkila.md").exists()
    assert (out / "902-mallikyla.md").exists()


@pytest.mark.parametrize("value", ["0", "-1", "x", "1e9999", ""])
def test_a_bad_time_limit_is_a_usage_error(cli, tmp_path, value):
    result = cli("report", COMPLETE, "-f", "md", "-o", tmp_path / "out", "--aikaraja", value)
    assert result.exit_code == 2
    assert M.TIME_LIMIT_OPTION.format(value=value) in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("partial", "message"),
    [
        ("{% set x = ''.__class__.__mro__ %}", M.TEMPLATE_UNSAFE_ATTRIBUTE.format(attribute="__class__", kind="str")),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
         M.TEMPLATE_TIME_LIMIT.format(seconds="2")),
    ],
)
def test_an_organisation_partial_under_a_bundled_template_keeps_every_limit(cli, tmp_path, own, partial, message):
    """jtk's own templates alone are rendered without the sandbox's per-call checks (issue 11: they
    cost a third of the Markdown time). An organisation's folder that overrides only a part the
    bundled ``report.md.j2`` imports is still sandboxed, the bundled template with it."""
    from jarjestotyokirja.render.environment import TrustedEnvironment, environment
    from jarjestotyokirja.render.sandbox import LimitedEnvironment

    assert isinstance(environment("md", own), LimitedEnvironment)
    assert isinstance(environment("md"), TrustedEnvironment)
    (own / "_levels_chart.md.j2").write_text(partial + "{% macro table(versiot, ideat) %}{% endmacro %}\n",
                                             encoding="utf-8")
    result = _report(cli, own, tmp_path / "out", "--aikaraja", "2")
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "901-esimerkkila.md").exists()
