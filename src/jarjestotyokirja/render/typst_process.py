"""Typst compiles of an organisation's templates in a child process, within a time and a memory limit.

Typst has no time limit of its own: ``#for i in range(30000000) {}`` in a template computes for
seconds, a bigger range for hours or until memory runs out, and a show rule that applies itself
(``#let f(x) = { show: f; x }``) overflows Typst's stack, which ends the whole process with a
segmentation fault. jtk's own templates are trusted and compile in jtk's process; a template from
``--templates`` compiles in a child process that this module starts once per process (and again
after one had to be stopped) and keeps, so its fonts and caches stay warm from one document to the
next. The child runs only this module and Typst, limits its own address space (POSIX), and answers
one request at a time over its standard input and output. A compile that takes longer than the
time limit (``--aikaraja``) stops the child; a child that dies (out of memory, a crash) is reported
as such; either way the next document gets a new child.

Run as ``python -m jarjestotyokirja.render.typst_process``: the child's side, :func:`serve`.
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading
from typing import Any

# The child's address space: Typst needs a few hundred megabytes for a long report; a template
# that asks for gigabytes is stopped by the allocation that fails.
MEMORY_LIMIT = 3 * 1024**3
_LENGTH = struct.Struct(">Q")


class TypstTimeLimit(Exception):
    """The compile took longer than its time limit; the child was stopped."""


class TypstStopped(Exception):
    """The child died during the compile (out of memory, Typst crashed); ``returncode`` says how."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(returncode)
        self.returncode = returncode


class ChildTypstError(Exception):
    """A Typst error raised in the child, with the attributes of ``typst.TypstError`` jtk reads."""

    def __init__(self, text: str, message: str, diagnostic: str) -> None:
        super().__init__(text)
        self.message = message
        self.diagnostic = diagnostic


def compile_isolated(request: dict[str, Any], seconds: float, env: dict[str, str]) -> bytes:
    """PDF bytes of ``request`` (the arguments of :func:`_compile`), compiled in the child.

    Raises :class:`ChildTypstError`, :class:`TypstTimeLimit` or :class:`TypstStopped`.
    """
    with _LOCK:
        return _child(env).compile(request, seconds)


class _Child:
    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env,
        )
        self.owner = os.getpid()

    def alive(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def compile(self, request: dict[str, Any], seconds: float) -> bytes:
        reply: list[Any] = []
        try:
            _send(self.process.stdin, request)
        except OSError:  # the child is gone: what it left says why
            self.stop()
            raise TypstStopped(self.process.returncode) from None
        reader = threading.Thread(target=lambda: reply.append(_receive(self.process.stdout)), daemon=True)
        reader.start()
        reader.join(seconds)
        if reader.is_alive():
            self.stop()
            reader.join(5)
            raise TypstTimeLimit(seconds)
        if not reply or reply[0] is None:
            self.stop()
            raise TypstStopped(self.process.returncode)
        kind, *values = reply[0]
        if kind == "pdf":
            return values[0]
        raise ChildTypstError(*values)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def close(self) -> None:
        """End the child as it ends its own work: its input closed, it returns."""
        if not self.alive():
            return
        try:
            self.process.stdin.close()
            self.process.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            self.stop()


_LOCK = threading.Lock()
_CHILDREN: dict[int, _Child] = {}  # by the process that started it (a forked worker starts its own)


def _child(env: dict[str, str]) -> _Child:
    child = _CHILDREN.get(os.getpid())
    if child is None or not child.alive():
        child = _CHILDREN[os.getpid()] = _Child(env)
    return child


@atexit.register
def _close_children() -> None:
    child = _CHILDREN.get(os.getpid())
    if child is not None:
        child.close()


def _send(stream: Any, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: Any) -> Any:
    """The next value on ``stream``; None at its end (a closed pipe, a dead process)."""
    try:
        head = stream.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        data = stream.read(_LENGTH.unpack(head)[0])
        return pickle.loads(data)  # noqa: S301 - from this module's own child or parent
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        return None


# --- the child -----------------------------------------------------------------------------------

def serve() -> None:
    """Compile each request read from standard input and write back ``("pdf", bytes)`` or the error."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows; or a lower hard limit
        pass
    import typst

    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    compilers: dict[tuple[str, tuple[str, ...]], Any] = {}
    while True:
        request = _receive(requests)
        if request is None:
            return
        key = (request["root"], tuple(request["font_dirs"]))
        try:
            if key not in compilers:
                nowhere = os.path.join(request["root"], ".jtk-no-packages")
                fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                                    font_paths=list(request["font_dirs"]))
                compilers[key] = typst.Compiler(root=request["root"], font_paths=fonts, ignore_system_fonts=True,
                                                package_path=nowhere, package_cache_path=nowhere)
            pdf = compilers[key].compile(input=request["source"], format="pdf", timestamp=request["timestamp"],
                                         sys_inputs=request["sys_inputs"], pdf_standards=request["pdf_standards"])
            reply: tuple[Any, ...] = ("pdf", pdf)
        except typst.TypstError as exc:
            message, diagnostic = getattr(exc, "message", "") or "", getattr(exc, "diagnostic", "") or ""
            reply = ("error", str(exc), str(message), str(diagnostic))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException; said to the parent
            compilers.pop(key, None)  # a compiler that panicked is not used again
            reply = ("error", f"{type(exc).__name__}: {exc}", f"{type(exc).__name__}: {exc}", "")
        _send(replies, reply)


if __name__ == "__main__":
    serve()
