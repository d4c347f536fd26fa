"""Typst source → PDF with the ``typst`` package: same bytes on every machine, no network, no files
outside the template folder.

* Fonts: the ones in the template folders' ``fonts/`` (jtk ships Inter, OFL) and Typst's embedded
  fonts; system fonts are ignored, so every laptop lays the document out the same way.
* Files: Typst's root is the folder of the template, so ``#read`` and ``#image`` cannot reach
  anything else (Typst refuses paths that escape the root). Typst follows symbolic links, so before
  compiling every file under the root and the font folders is checked (:func:`check_folder`): a
  link whose real path is outside the template folders stops the document.
* Packages: none. Local package folders point nowhere, and while Typst compiles, the proxy
  variables point to a closed local port, so an ``@preview`` import fails at once instead of downloading.
* Limits: an organisation's template (``--templates``) compiles in a child process, stopped at the
  time limit (``--aikaraja``) and limited in memory, so its Typst code can neither hang nor crash
  jtk (:mod:`.typst_process`); jtk's own templates compile here.
* Date: the PDF's creation date is the one given (the assessment date), never the clock.
* Standards: every PDF is PDF/UA-1 and PDF/A-2a. A character no available font can show (an emoji
  a user typed) would break both; such characters are shown as their code (``[U+1F600]``) and the
  PDF keeps both standards, with a notice naming them (:func:`collected_notices`): a municipality's
  published PDF is never silently less accessible.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.resources import bundled

# The date a document without an assessment date carries: fixed, so output stays byte-identical.
FALLBACK_DATE = dt.date(2000, 1, 1)
_CLOSED_PORT = "http://127.0.0.1:9"
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
_NO_PROXY_VARS = ("NO_PROXY", "no_proxy")
_ENV_LOCK = threading.Lock()
# Every PDF is accessible (PDF/UA-1) and archivable (PDF/A-2a): public bodies must publish both.
PDF_STANDARDS = ("ua-1", "a-2a")
_UNSHOWABLE_TEXT = re.compile(r"^PDF/[^\n]*error: the (text|PDF) .*(could not be displayed|codepoint)")
_UNSHOWN = re.compile(r'the text `"((?:[^"\\]|\\.)+)"` could not be displayed')
_TYPST_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\(.)")
_NOTICES = threading.local()


@contextlib.contextmanager
def collected_notices() -> Iterator[list[str]]:
    """The notices (catalogue messages) of the PDFs compiled inside this block, in this thread."""
    saved = getattr(_NOTICES, "items", None)
    _NOTICES.items = items = []
    try:
        yield items
    finally:
        _NOTICES.items = saved


def _notice(message: str) -> None:
    items = getattr(_NOTICES, "items", None)
    if items is not None:
        items.append(message)


def check_folder(folder: str | Path, allowed: Sequence[str | Path]) -> None:
    """:class:`InvalidContent` if anything under ``folder`` (links followed) really lies outside ``allowed``."""
    from jarjestotyokirja.render.sandbox import inside

    real_allowed = [os.path.realpath(a) for a in allowed]
    seen: set[str] = set()
    todo = [str(folder)]
    while todo:
        current = todo.pop()
        real = os.path.realpath(current)
        if not inside(real, real_allowed):
            raise InvalidContent(M.TYPST_OUTSIDE.format(name=current, target=real))
        if not os.path.isdir(real) and not os.path.isfile(real) and os.path.exists(real):
            # a FIFO or device: Typst's #read would block on it or read for ever
            raise InvalidContent(M.TYPST_NOT_A_FILE.format(name=current))
        if real in seen or not os.path.isdir(real):
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue  # Typst cannot read it either
        todo.extend(entry.path for entry in entries if not entry.is_file(follow_symlinks=False))


def font_dirs(template_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """``fonts/`` of every template folder that has one (the organisation's first), then jtk's."""
    dirs = [Path(d) / "fonts" for d in template_dirs]
    dirs.append(bundled("templates") / "fonts")
    return list(dict.fromkeys(d for d in dirs if d.is_dir()))


@lru_cache(maxsize=4)
def _fonts(dirs: tuple[str, ...]) -> Any:
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=list(dirs))


@lru_cache(maxsize=4)
def _compiler(root: str, dirs: tuple[str, ...]) -> Any:
    """One compiler per root and fonts: Typst caches fonts and layout between documents."""
    import typst

    nowhere = str(Path(root) / ".jtk-no-packages")
    return typst.Compiler(
        root=root,
        font_paths=_fonts(dirs),
        ignore_system_fonts=True,
        package_path=nowhere,
        package_cache_path=nowhere,
    )


def creation_time(date: str | dt.date | None) -> dt.datetime:
    """The PDF's fixed creation time: noon UTC of ``date`` (``VVVV-KK-PP``), or :data:`FALLBACK_DATE`."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date) if date else None
    day = date or FALLBACK_DATE
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """Route Typst's package downloads to a closed local port for the duration of a compile."""
    with _ENV_LOCK:
        saved = {name: os.environ.get(name) for name in (*_PROXY_VARS, *_NO_PROXY_VARS)}
        try:
            for name in _PROXY_VARS:
                os.environ[name] = _CLOSED_PORT
            for name in _NO_PROXY_VARS:
                os.environ.pop(name, None)
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


_PACKAGE_ERROR = re.compile(r"package")
_DIAGNOSTIC_LINE = re.compile(r"┌─ [^\n]*?:(\d+):\d+")
_PACKAGE_SPEC = re.compile(r"@?[a-z]+/[\w-]+(?::|-)\d+\.\d+\.\d+")


def compile_pdf(
    source: str,
    *,
    root: str | Path | None = None,
    date: str | dt.date | None = None,
    template_dirs: Sequence[str | Path] = (),
    sys_inputs: dict[str, str] | None = None,
    name: str = "report.typ",
) -> bytes:
    """Compile Typst ``source`` to PDF bytes.

    ``root`` is the only folder Typst may read (default: jtk's templates); fonts come from the
    ``fonts/`` folders of ``template_dirs`` and jtk's own; ``date`` fixes the creation date;
    ``sys_inputs`` are string data the document reads as ``sys.inputs``. A Typst error is raised
    as :class:`InvalidContent` naming ``name``. With an organisation's ``template_dirs`` the
    compile runs in a child process, within the time limit (``--aikaraja``) and a memory limit
    (:mod:`.typst_process`): its Typst code is not jtk's.
    """
    root_dir = str(Path(root or bundled("templates")).resolve())
    fonts = tuple(str(d) for d in font_dirs(template_dirs))
    allowed = [*template_dirs, bundled("templates")]
    for folder in (root_dir, *fonts):
        check_folder(folder, allowed)
    settings = {"timestamp": creation_time(date), "sys_inputs": dict(sys_inputs or {}),
                "pdf_standards": list(PDF_STANDARDS)}
    if template_dirs:
        from jarjestotyokirja.render import typst_process

        errors: tuple[type[BaseException], ...] = (typst_process.ChildTypstError,)

        def once(text: str) -> bytes:
            return _in_child({**settings, "source": text.encode("utf-8"), "root": root_dir, "font_dirs": fonts}, name)
    else:
        import typst

        errors = (typst.TypstError,)
        compiler = _compiler(root_dir, fonts)

        def once(text: str) -> bytes:
            with _offline():
                pdf: bytes = compiler.compile(input=text.encode("utf-8"), format="pdf", **settings)
                return pdf
    try:
        try:
            pdf = once(source)
        except errors as exc:
            chars = unshown_characters(exc)
            if not chars or not _UNSHOWABLE_TEXT.search(str(getattr(exc, "message", "") or exc)):
                raise
            # Characters no font can show (an emoji a user typed) break PDF/UA and PDF/A: they
            # are shown as their codes, the standards kept, and the notice names them.
            pdf = once(shown_as_codes(chars) + source)
            _notice(M.PDF_UNSHOWN_CHARACTERS.format(chars=" ".join(chars), codes=", ".join(_code(c) for c in chars)))
    except errors as exc:
        raise _typst_error(exc, name) from None
    assert isinstance(pdf, bytes)
    return pdf


def _in_child(request: dict[str, Any], name: str) -> bytes:
    """:func:`.typst_process.compile_isolated`, offline, its limits reported as the document's errors."""
    from jarjestotyokirja.render import typst_process
    from jarjestotyokirja.render.sandbox import default_time_limit

    env = {key: value for key, value in os.environ.items() if key not in _NO_PROXY_VARS}
    env.update(dict.fromkeys(_PROXY_VARS, _CLOSED_PORT))
    seconds = default_time_limit()
    try:
        return typst_process.compile_isolated(request, seconds, env)
    except typst_process.TypstTimeLimit:
        reason = M.TEMPLATE_TIME_LIMIT.format(seconds=f"{seconds:g}")
    except typst_process.TypstStopped:
        reason = M.TYPST_STOPPED.format(limit=typst_process.MEMORY_LIMIT // 1024**2)
    raise InvalidContent(M.TYPST_ERROR.format(reason=reason), path=name)


def unshown_characters(exc: Any) -> list[str]:
    """The characters Typst's error says no font could show, each once, in order."""
    text = f"{getattr(exc, 'diagnostic', '') or ''}\n{getattr(exc, 'message', '') or exc}"
    chars: list[str] = []
    for match in _UNSHOWN.finditer(text):
        shown = _TYPST_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), match.group(1))
        chars += [char for char in shown if char not in chars and not char.isspace()]
    return chars


def _code(char: str) -> str:
    return M.PDF_CHARACTER_CODE.format(code=f"{ord(char):04X}")


def shown_as_codes(chars: Sequence[str]) -> str:
    """Typst show rules, on one line of their own, that show each of ``chars`` as its code in grey."""
    from jarjestotyokirja.render.escaping import typst_str

    rules = [f'#show {typst_str(c)}: text(fill: rgb("#5b6770"), {typst_str(_code(c))})' for c in chars]
    return "; ".join(rules) + "\n"


def _typst_error(exc: Any, name: str) -> InvalidContent:
    message = str(getattr(exc, "message", "") or exc).strip()
    if _PACKAGE_ERROR.search(message):
        spec = _PACKAGE_SPEC.search(message)
        return InvalidContent(M.TYPST_PACKAGE.format(spec=spec.group() if spec else "?"), path=name)
    first_line = message.splitlines()[0] if message else type(exc).__name__
    where = _DIAGNOSTIC_LINE.search(str(getattr(exc, "diagnostic", "") or ""))
    if where:
        first_line += " " + M.TYPST_SOURCE_LINE.format(line=where.group(1))
    return InvalidContent(M.TYPST_ERROR.format(reason=first_line), path=name)
