"""An organisation's Typst code (``--templates``) cannot hang jtk, exhaust its memory or crash it.

Before: Typst had no time limit, so a long loop in ``report.typ.j2`` ran past ``--aikaraja`` for as
long as it liked, and a show rule applying itself overflowed Typst's stack and ended jtk with a
segmentation fault, without a word. Each runs jtk as a user does, in a process of its own.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from jarjestotyokirja.errors import M
from jarjestotyokirja.render.typst_process import MEMORY_LIMIT
from tests.report.test_report import COMPLETE, EXAMPLES

LOOP = "= Otsikko\n#{ let n = 0; for i in range(100000) { for j in range(100000) { n += 1 } }; n }\n"
SELF_APPLYING = "#let f(x) = { show: f; x }\n= Otsikko\n#f[teksti]\n"
MEMORY = "= Otsikko\n#{ let a = range(400000000); a.len() }\n"


@pytest.fixture
def own(tmp_path: Path) -> Path:
    folder = tmp_path / "pohjat"
    folder.mkdir()
    return folder


def _jtk(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jarjestotyokirja", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def test_a_loop_in_the_organisations_typst_stops_at_the_time_limit(tmp_path, own):
    (own / "report.typ.j2").write_text(LOOP, encoding="utf-8")
    started = time.monotonic()
    result = _jtk("report", COMPLETE, "-f", "pdf", "--templates", own, "-o", tmp_path / "out", "--aikaraja", "2")
    assert result.returncode == 1, result.stderr
    assert M.TYPST_ERROR.format(reason=M.TEMPLATE_TIME_LIMIT.format(seconds="2")) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "901-esimerkkila.pdf").exists()
    assert time.monotonic() - started < 60


def test_typst_crashing_on_the_organisations_template_is_an_error_not_a_crash_of_jtk(tmp_path, own):
    (own / "report.typ.j2").write_text(SELF_APPLYING, encoding="utf-8")
    result = _jtk("report", COMPLETE, "-f", "pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert M.TYPST_ERROR.format(reason=M.TYPST_STOPPED.format(limit=MEMORY_LIMIT // 1024**2)) in result.stderr
    assert not (tmp_path / "out" / "901-esimerkkila.pdf").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the memory limit is POSIX's (the time limit still applies)")
def test_a_template_asking_typst_for_gigabytes_is_stopped(tmp_path, own):
    (own / "report.typ.j2").write_text(MEMORY, encoding="utf-8")
    result = _jtk("report", COMPLETE, "-f", "pdf", "--templates", own, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert M.TYPST_ERROR.format(reason=M.TYPST_STOPPED.format(limit=MEMORY_LIMIT // 1024**2)) in result.stderr


def test_in_a_batch_the_stopped_file_fails_and_the_others_are_written(tmp_path, own):
    """Two workers, each with its own Typst child; the one stopped for 901 is replaced for the next file."""
    (own / "report.typ.j2").write_text(
        "{% if kunta.koodi == '901' %}" + LOOP + "{% endif %}= {{ kunta.nimi }}\n", encoding="utf-8")
    files = [COMPLETE, EXAMPLES / "902-mallikyla.yaml", EXAMPLES / "903-koekoski.yaml"]
    out = tmp_path / "out"
    result = _jtk("report", *files, "-f", "pdf", "--templates", own, "-o", out, "-j", "2", "--aikaraja", "3")
    assert result.returncode == 1, result.stderr
    assert M.TEMPLATE_TIME_LIMIT.format(seconds="3") in result.stderr and "Traceback" not in result.stderr
    assert not (out / "901-esimerkkila.pdf").exists()
    for name, title in (("902-mallikyla", "Mallikylä"), ("903-koekoski", "Koekoski")):
        assert title in PdfReader(out / f"{name}.pdf").pages[0].extract_text()


def test_the_organisations_pdf_is_the_same_as_when_typst_ran_in_jtks_own_process(tmp_path, own):
    """The child compiles with the same root, fonts, date and standards: byte for byte the same PDF."""
    from jarjestotyokirja.render.typst import compile_pdf

    source = '#set document(title: "Testi")\n#set text(lang: "fi")\n= Otsikko\n\nTeksti äöå 🎉.\n'
    in_child = compile_pdf(source, date="2026-02-17", template_dirs=[own], name="report.typ.j2")
    in_process = compile_pdf(source, date="2026-02-17", name="report.typ.j2")
    assert in_child == in_process and in_child.startswith(b"%PDF")


def test_a_panic_in_typst_is_an_error_of_that_document_and_the_child_goes_on(tmp_path):
    """A Rust panic reaches Python as a BaseException (pyo3's PanicException), which the child's
    ``except Exception`` let through: the child died, and the document was reported as out of
    memory or crashed. Here Typst is replaced by one that panics once, then compiles."""
    from jarjestotyokirja.render import typst_process

    child_program = (
        "import typst\n"
        "class PanicException(BaseException): pass\n"
        "class Compiler:\n"
        "    calls = 0\n"
        "    def __init__(self, **kwargs): pass\n"
        "    def compile(self, **kwargs):\n"
        "        Compiler.calls += 1\n"
        "        if Compiler.calls == 1: raise PanicException('index out of bounds')\n"
        "        return b'%PDF-fake'\n"
        "typst.Compiler = Compiler\n"
        "typst.Fonts = lambda **kwargs: None\n"
        "from jarjestotyokirja.render.typst_process import serve\n"
        "serve()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", child_program], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    request = {"root": str(tmp_path), "font_dirs": [], "source": b"= x", "timestamp": None, "sys_inputs": {},
               "pdf_standards": []}
    try:
        typst_process._send(child.stdin, request)
        assert typst_process._receive(child.stdout)[:2] == ("error", "PanicException: index out of bounds")
        typst_process._send(child.stdin, request)
        assert typst_process._receive(child.stdout) == ("pdf", b"%PDF-fake")
    finally:
        child.stdin.close()
        assert child.wait(10) == 0
