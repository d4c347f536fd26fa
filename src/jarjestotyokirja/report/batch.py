"""Reports for many answers files: in this process or in ``jobs`` worker processes.

A file that fails (unreadable, invalid, unanswered under ``strict``, a template error) becomes an
:class:`~jarjestotyokirja.results.FileResult` with its problems; the other files still render. Results are returned in the
order the files were given, whatever order the workers finish in, and ``on_done`` is called as each
file finishes (the command line moves its progress bar there). Nothing here prints.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jarjestotyokirja.errors import Conflict, JtkError, M, Problem, UsageError
from jarjestotyokirja.results import FileResult


@dataclass(frozen=True)
class ReportJob:
    """What to make of every file; sent to the worker processes, so plain picklable values."""

    formats: tuple[str, ...]
    out_dir: str | None = None
    templates: str | None = None
    strict: bool = False
    workbook: str | None = None
    today: str | None = None  # judge actions late against this date (VVVV-KK-PP); default each file's assessment date
    history: bool = False  # add the levels over time from each file's git history (--historia)
    time_limit: float | None = None  # seconds each document may take to render (--aikaraja); default the sandbox's
    language: str = "fi"  # the documents' language (--kieli); the bundled workbook is read in it


def render_one(path: Path, job: ReportJob) -> FileResult[tuple[Path, ...]]:
    """Write the reports of one file; a :class:`JtkError` becomes the outcome's problems."""
    from jarjestotyokirja.render.sandbox import set_default_time_limit
    from jarjestotyokirja.render.typst import collected_notices
    from jarjestotyokirja.report.build import write_report
    from jarjestotyokirja.workbook import load_workbook

    if job.time_limit:
        set_default_time_limit(job.time_limit)
    try:
        with collected_notices() as notices:
            written = write_report(
                path,
                load_workbook(job.workbook, language=job.language),
                job.formats,
                out_dir=job.out_dir,
                templates=job.templates,
                strict=job.strict,
                today=job.today,
                history=job.history,
                language=job.language,
            )
    except JtkError as exc:
        return FileResult(path, problems=tuple(_about(path, p) for p in exc.with_path(str(path)).problems))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop a batch of hundreds
        return FileResult(path, problems=(Problem(M.REPORT_UNEXPECTED.format(reason=f"{type(exc).__name__}: {exc}"), str(path)),))
    return FileResult(path, tuple(written), notices=tuple(Problem(notice, str(path)) for notice in notices))


def render_many(paths: list[Path], job: ReportJob) -> list[FileResult[tuple[Path, ...]]]:
    """:func:`render_one` for each file (one task of a worker process); the folders written to are
    fsynced once, at the end of the task, before its results go back (files.folders_synced_at_end)."""
    from jarjestotyokirja.files import folders_synced_at_end

    with folders_synced_at_end():
        return [render_one(path, job) for path in paths]


def _about(path: Path, problem: Problem) -> Problem:
    """A problem in another file (a template) is still reported under the answers file it stopped."""
    if problem.path == str(path):
        return problem
    return Problem(f"{Problem('', problem.path, problem.line, problem.key)}{problem.message}", str(path),
                   code=problem.code, hint=problem.hint)


def _start_worker(job: ReportJob) -> None:
    """A worker ignores Ctrl-C (the main process stops the batch and says so in one line, instead of
    every worker printing its own KeyboardInterrupt traceback) but not SIGTERM, even when its parent
    ignores it (the main process stops the workers with it), then warms up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _warm_up(job)
    gc.freeze()  # what the worker keeps to the end: its collections need not walk it again and again


def _warm_up(job: ReportJob) -> None:
    """Load the workbook and templates once per worker, before the first file."""
    from jarjestotyokirja.render.environment import environment
    from jarjestotyokirja.workbook import load_workbook

    try:
        load_workbook(job.workbook, language=job.language)
        for fmt in job.formats:
            source_fmt = "typ" if fmt == "pdf" else fmt
            environment(source_fmt, job.templates).get_template(f"report.{source_fmt}.j2")
    except Exception:  # noqa: BLE001 - the same error is reported per file by render_one
        pass


def _fork_context():  # type: ignore[no-untyped-def]
    """Fork where it is safe (Linux, Typst not yet loaded): workers start at once, all imported.

    Typst lays out pages in a thread pool; a process forked after Typst has run inherits the pool's
    locks but not its threads and would hang, so then workers come from a fork server instead.
    Where neither is available (Windows) or safe (macOS), workers are spawned.
    """
    import multiprocessing
    import sys

    available = multiprocessing.get_all_start_methods()
    wanted = ["forkserver"] if "typst" in sys.modules else ["fork", "forkserver"]
    if sys.platform.startswith("linux"):
        for method in wanted:
            if method in available:
                return multiprocessing.get_context(method)
    return multiprocessing.get_context("spawn")


def available_cpus() -> int:
    """CPUs this process may use (its affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return max(1, os.cpu_count() or 1)


def run_batch(
    paths: Sequence[Path],
    job: ReportJob,
    *,
    jobs: int = 1,
    on_done: Callable[[FileResult[tuple[Path, ...]]], None] | None = None,
) -> list[FileResult[tuple[Path, ...]]]:
    """Render every file of ``paths``; ``jobs`` > 1 uses that many worker processes, 0 one per CPU."""
    if jobs < 0:
        raise UsageError(M.REPORT_WORKERS.format(value=jobs))
    if jobs == 0:
        jobs = available_cpus()
    from jarjestotyokirja.render.documents import make_dir

    if job.out_dir:
        make_dir(Path(job.out_dir))
    _remove_old_temporary_files(paths, job)
    clashes = same_outputs(list(paths))
    results: dict[int, FileResult[tuple[Path, ...]]] = {}

    def done(index: int, outcome: FileResult[tuple[Path, ...]]) -> None:
        results[index] = outcome
        if on_done:
            on_done(outcome)

    todo = []
    for index, path in enumerate(paths):
        if path in clashes:
            problem = Conflict(M.REPORT_SAME_OUTPUT.format(name=Path(path).stem, other=clashes[path]), path=str(path))
            done(index, FileResult(Path(path), problems=tuple(problem.problems)))
        else:
            todo.append((index, Path(path)))

    workers = min(jobs, len(todo))
    if workers <= 1:
        for index, path in todo:
            done(index, render_one(path, job))
    else:
        context = _fork_context()
        forked = context.get_start_method() == "fork"
        if forked:
            _warm_up(job)  # forked workers inherit the loaded workbook and compiled templates
            # ... frozen: a collection in a worker would write to every inherited object's header,
            # copying the pages it shares with this process (and walking them costs time).
            gc.freeze()
        try:
            _in_pool(todo, job, workers, task_size(job, len(todo), workers), context, done)
        finally:
            if forked:
                gc.unfreeze()
        # A worker that died (killed, out of memory) took its files with it: each of those is
        # tried once more alone, so only the file that kills its worker fails.
        for index, path in [(i, p) for i, p in todo if i not in results]:
            _in_pool([(index, path)], job, 1, 1, context, done)
            if index not in results:
                done(index, FileResult(path, problems=(Problem(M.REPORT_WORKER_DIED, str(path)),)))
    return [results[index] for index in range(len(paths))]


def task_size(job: ReportJob, files: int, workers: int) -> int:
    """How many files one worker task takes: a few text reports, which cost about as much as sending
    the task; one PDF or Word file, which costs far more, so that no worker is left with a long
    task at the end while the others wait (8 PDFs took a worker over a second)."""
    if any(fmt in ("pdf", "docx") for fmt in job.formats):
        return 1
    return max(1, min(8, files // (workers * 4)))


def _in_pool(
    todo: list[tuple[int, Path]], job: ReportJob, workers: int, size: int, context: Any,
    done: Callable[[int, FileResult[tuple[Path, ...]]], None],
) -> None:
    """Render ``todo`` in ``workers`` processes; a broken pool leaves the unfinished files undone.

    Ctrl-C stops every worker at once and removes the temporary files they were writing, so no
    half-written report is left; the KeyboardInterrupt goes on to the command line (exit 130).
    """
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(job,))
    try:
        chunks = [todo[start:start + size] for start in range(0, len(todo), size)]
        futures = {pool.submit(render_many, [path for _, path in chunk], job): chunk for chunk in chunks}
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                continue
            for (index, _), outcome in zip(futures[future], outcomes):
                done(index, outcome)
    except BaseException:
        _stop(pool)
        _remove_temporary_files(todo, job)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now (they ignore Ctrl-C), without waiting for their files; then wait for the
    pool's manager thread, which closes its wakeup pipe as it ends: at exit, concurrent.futures
    wakes it without its lock, and a pipe closed meanwhile printed "Exception ignored … Bad file
    descriptor" after jtk's own message."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
    for process in processes:  # one that would not end (SIGTERM blocked before the worker reset it)
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.kill()
                process.join(5)
    if manager is not None:
        manager.join(5)


def _remove_temporary_files(todo: list[tuple[int, Path]], job: ReportJob) -> None:
    """The temporary files of :func:`~jarjestotyokirja.files.atomic_write` that stopped workers left
    beside the outputs of ``todo``: all of them, since the workers that wrote them are gone."""
    _remove_old_temporary_files([path for _, path in todo], job, older_than=0)


def _remove_old_temporary_files(paths: Sequence[Path], job: ReportJob, older_than: float | None = None) -> None:
    """The temporary files of reports that a killed ``jtk report`` left (SIGKILL, a power cut): those
    of these files' outputs, once they are old enough to be nobody's (files.remove_old_temp_files)."""
    from jarjestotyokirja.files import UNLOCKED_TEMP_AGE, remove_old_temp_files
    from jarjestotyokirja.report.build import output_path

    outputs = (output_path(path, fmt, job.out_dir) for path in paths for fmt in job.formats)
    remove_old_temp_files(outputs, UNLOCKED_TEMP_AGE if older_than is None else older_than)


def same_outputs(paths: Sequence[Path]) -> dict[Path, Path]:
    """Files whose reports would overwrite an earlier file's (same name in different folders)."""
    seen: dict[str, Path] = {}
    clashes: dict[Path, Path] = {}
    for path in paths:
        stem = Path(path).stem
        if stem in seen and Path(seen[stem]).resolve() != Path(path).resolve():
            clashes[path] = seen[stem]
        seen.setdefault(stem, path)
    return clashes
