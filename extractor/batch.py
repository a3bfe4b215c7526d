"""Run the extractor over many files: walk folders, read files, fan out to worker
processes, and hand back one record per input, in input order.

    paths --iter_inputs--> InputFile | Skipped
    InputFile | Document --run--> AnnouncementRecord | ErrorRecord   (one per input, in order)

``run(inputs, options, workers=1)`` works in this process with one ``Extractor``;
with ``workers > 1`` a process pool builds one ``Extractor`` per worker (the model is
loaded once per worker), sends paths in small chunks (the worker reads the files
itself) and keeps only a few chunks in flight, so memory stays flat on any number of
files. Both ways give the same records.

This module also holds what turns records into output files (JSON Lines, JSON, CSV,
Parquet, one file per input) so that a library user can write what the CLI writes.
"""
from __future__ import annotations

import logging
import math
import multiprocessing
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Literal

from . import errors, tables
from .models import AnnouncementRecord, ErrorInfo, ErrorRecord
from .feeds import Unusable
from .language import UNSUPPORTED as UNSUPPORTED_LANGUAGE
from .pipeline import SKIPPED_PER_BATCH, Document, Extractor, Options

log = logging.getLogger(__name__)

Result = AnnouncementRecord | ErrorRecord
Format = Literal["jsonl", "json", "csv", "parquet"]

#: File name endings read as documents (compared case-insensitively).
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
#: Most paths a worker task carries; fewer when there are few files, so that every worker gets some.
CHUNK_FILES = 16
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 2
#: A file this many times larger (in bytes) than ``Options.max_chars`` is refused unread.
MAX_BYTES_PER_CHAR = 16
#: Seconds to wait for each terminated worker process to exit.
TERMINATE_WAIT_S = 5


# ------------------------------------------------------------------------------- inputs


class MissingPathError(errors.ExtractorError):
    """A path given on the command line (or to ``iter_inputs``) does not exist."""

    type = "missing_path"

    def __init__(self, paths: Sequence[Path]):
        shown = ", ".join(str(p) for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        super().__init__(f"no such file or folder: {shown}")
        self.paths = list(paths)


@dataclass(frozen=True)
class InputFile:
    """A file to read: its ``document_id`` is the file stem, its ``source`` the path as given."""

    path: Path

    @property
    def document_id(self) -> str:
        return self.path.stem

    @property
    def source(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class Skipped:
    """A path that is not read, and why (the CLI notes it on stderr)."""

    path: Path
    reason: str


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[InputFile | Skipped]:
    """The files to read under ``paths``: files as given, folders walked recursively.

    Every path is checked before anything is yielded: a missing one raises
    ``MissingPathError``. Paths come in the order given; the files of a folder in sorted
    order. Files whose name does not end in .txt/.md/.html/.htm, hidden files and folders
    (name starting with ".") and links to folders inside a walked folder are ``Skipped``.
    """
    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists()]
    if missing:
        raise MissingPathError(missing)
    return _walk_all(given)


def _walk_all(paths: list[Path]) -> Iterator[InputFile | Skipped]:
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path), key=lambda item: item.path.parts)
        else:
            yield _classify(path)


def _walk(folder: Path) -> Iterator[InputFile | Skipped]:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError as exc:
        yield Skipped(folder, f"cannot read the folder ({exc.strerror or type(exc).__name__})")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            yield Skipped(path, "hidden")
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_dir():
            yield Skipped(path, "link to a folder (not followed)")
        else:
            yield _classify(path)


def _classify(path: Path) -> InputFile | Skipped:
    if path.suffix.lower() in SUFFIXES:
        return InputFile(path)
    if not path.suffix:
        return Skipped(path, "no file name extension (expected .txt, .md, .html or .htm)")
    return Skipped(path, f"{path.suffix} files are not read (expected .txt, .md, .html or .htm)")


# ---------------------------------------------------------------------------------- run

Input = InputFile | Document | Unusable


def run(
    inputs: Iterable[InputFile | Document | Unusable | str | os.PathLike],
    options: Options | None = None,
    workers: int = 1,
) -> Iterator[Result]:
    """One record (or error record) per input, in input order; never raises per document.

    ``inputs`` are ``InputFile``s, ``Document``s, ``feeds.Unusable`` feed lines (each gives its
    error record), or paths (walked with ``iter_inputs``;
    what it skips is logged and left out). ``workers`` > 1 runs a process pool of that
    many workers, 0 one per CPU. Setup problems (no model) raise ``ExtractorError``.
    """
    options = options or Options()
    workers = resolve_workers(workers)
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    items = _expand(inputs)
    if workers == 1:
        return _run_here(items, options)
    known = isinstance(inputs, Sequence) and all(isinstance(item, (InputFile, Document, Unusable)) for item in inputs)
    return _run_pool(items, options, workers, len(inputs) if known else None)


def resolve_workers(workers: int) -> int:
    """``workers`` as a count of processes: 0 means one per CPU."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per CPU) or more, not {workers}")
    return workers or os.cpu_count() or 1


def _expand(inputs: Iterable[InputFile | Document | Unusable | str | os.PathLike]) -> Iterator[Input]:
    for item in inputs:
        if isinstance(item, (InputFile, Document, Unusable)):
            yield item
        elif isinstance(item, (str, os.PathLike)):
            for found in iter_inputs([item]):
                if isinstance(found, Skipped):
                    log.info("skipped %s: %s", found.path, found.reason)
                else:
                    yield found
        else:
            raise TypeError(f"run() takes InputFile, Document, Unusable or a path, not {type(item).__name__}")


def _run_here(items: Iterator[Input], options: Options) -> Iterator[Result]:
    extractor = Extractor(options)
    # as many files at a time as one model batch may hold when triage sends most of them nowhere
    # (their raw texts are held until their records are made; ``Extractor.process`` batches the
    # model work among them)
    while chunk := list(islice(items, options.batch_size * SKIPPED_PER_BATCH)):
        yield from process_chunk(extractor, chunk)


def process_chunk(extractor: Extractor, items: Sequence[Input]) -> list[Result]:
    """Read and process ``items``: one result each, whatever goes wrong with any of them.

    When the extractor fails on the chunk as a whole, each document is run again on its
    own, so that only the one that fails becomes an ``internal_error`` record.
    """
    results: list[Result | None] = [None] * len(items)
    todo: list[tuple[int, Document]] = []
    for i, item in enumerate(items):
        try:
            todo.append((i, read(item, extractor.options)))
        except errors.InputError as exc:
            results[i] = _error_record(item, exc.type, exc.message)
    documents = [document for _, document in todo]
    records: list[Result] | None = None
    try:
        records = list(extractor.process(documents))
    except errors.ExtractorError:
        raise  # a setup problem (no model) stops the run
    except Exception:  # one document's bug: find it below
        log.warning("a batch of %d documents failed; running them one by one", len(documents), exc_info=True)
    if records is None or len(records) != len(documents):
        records = [_process_one(extractor, document) for document in documents]
    for (i, _), record in zip(todo, records):
        results[i] = record
    return results  # type: ignore[return-value]  # every slot is filled above


def _process_one(extractor: Extractor, document: Document) -> Result:
    try:
        return next(iter(extractor.process([document])))
    except errors.InputError as exc:
        return _error_record(document, exc.type, exc.message)
    except errors.ExtractorError:
        raise
    except Exception as exc:  # a bug must not lose the document: report it as one
        log.error("internal error on %s: %s: %s", document.source or document.document_id,
                  type(exc).__name__, exc, exc_info=True)
        return _error_record(document, errors.INTERNAL, f"{type(exc).__name__}: {exc}")


def read(item: Input, options: Options) -> Document:
    """The ``Document`` for an input: files are read here; raises ``InputError`` when unreadable."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Unusable):
        raise errors.InputError(item.type, item.message)
    path = item.path
    try:
        size = path.stat().st_size
        limit = options.max_chars * MAX_BYTES_PER_CHAR
        if size > limit:
            raise errors.InputError(
                errors.TOO_LARGE,
                f"the file has {size:,} bytes, far more than the limit of {options.max_chars:,} characters; "
                "split the document or raise the limit with --max-chars",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise errors.unreadable(str(path), exc.strerror or type(exc).__name__) from exc
    return Document(item.document_id, data, source=item.source, name=path.name)


def _error_record(item: Input, type: str, message: str) -> ErrorRecord:
    return ErrorRecord(document_id=item.document_id, source=item.source, error=ErrorInfo(type=type, message=message))


# ------------------------------------------------------------------------ process pool

_worker_extractor: Extractor | None = None


def _init_worker(options: Options, log_level: int) -> None:
    """Per worker: Ctrl-C is the parent's to handle; log like the parent; load the model once."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    configure_logging(log_level)
    _worker_extractor = Extractor(options)
    _worker_extractor.nlp  # noqa: B018  (load the model now, not in the first task)


def _work(items: list[Input]) -> list[Result]:
    assert _worker_extractor is not None, "worker used before _init_worker"
    return process_chunk(_worker_extractor, items)


def chunk_size(count: int | None, workers: int) -> int:
    """Paths per task: ``CHUNK_FILES``, fewer when a few files must still spread over all workers.

    >>> chunk_size(None, 4), chunk_size(100_000, 4), chunk_size(8, 2)
    (16, 16, 1)
    """
    if count is None:
        return CHUNK_FILES
    return max(1, min(CHUNK_FILES, math.ceil(count / (workers * IN_FLIGHT_PER_WORKER * 2))))


def _pool_context() -> multiprocessing.context.BaseContext:
    """Not "fork": a forked copy of a process with threads (a progress bar) can deadlock.

    The fork server imports the pipeline (spaCy) once; each worker is a fork of it.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extractor.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


class Pool:
    """Worker processes with one ``Extractor`` each (model loaded once per worker), reusable across runs.

    >>> with Pool(Options(), workers=4) as pool:          # doctest: +SKIP
    ...     for record in pool.run(inputs, count=len(inputs)):
    ...         ...
    """

    def __init__(self, options: Options, workers: int, context: multiprocessing.context.BaseContext | None = None):
        self.options = options
        self.workers = resolve_workers(workers)
        self._context = context or _pool_context()
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        level = logging.getLogger(__package__).getEffectiveLevel()
        return ProcessPoolExecutor(self.workers, mp_context=self._context,
                                   initializer=_init_worker, initargs=(self.options, level))

    def _rebuild(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._new()

    def close(self) -> None:
        """Stop the workers (waiting for the tasks they are running)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def terminate(self) -> None:
        """Stop the workers now, dropping the tasks they are running (Ctrl-C, or the reader went away)."""
        if hasattr(self._executor, "terminate_workers"):  # Python 3.14+
            self._executor.terminate_workers()
            return
        # Before 3.14 the executor has no public way to stop a busy worker; its process table is
        # the only handle on them (it is None once the executor has shut down).
        processes = list((getattr(self._executor, "_processes", None) or {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(TERMINATE_WAIT_S)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is not None and not issubclass(exc_type, Exception):
            # KeyboardInterrupt, or GeneratorExit when the reader stops (`| head`): waiting for the
            # documents in flight could take minutes (a huge document, a stuck read).
            self.terminate()
        else:
            self.close()

    def run(self, inputs: Iterable[Input], count: int | None = None) -> Iterator[Result]:
        """One result per input, in input order, with at most a few chunks in flight.

        ``count`` (the number of inputs, when known) makes chunks smaller for small runs.
        """
        per_task = chunk_size(count, self.workers)
        items = iter(inputs)
        chunks = iter(lambda: list(islice(items, per_task)), [])
        pending: deque[tuple[list[Input], Future]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        try:
            while True:
                while len(pending) < limit and (chunk := next(chunks, None)):
                    pending.append((chunk, self._executor.submit(_work, chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    # A worker died (crash, out of memory) and every chunk in flight failed with it.
                    # Run them again one at a time in a new pool: the one that kills it alone is at fault.
                    retry = [chunk, *(c for c, _ in pending)]
                    pending.clear()
                    self._rebuild()
                    for suspect in retry:
                        yield from self._run_alone(suspect)
                except Exception as exc:  # an exception escaping a chunk costs that chunk only
                    log.error("a worker failed on %d documents: %s: %s", len(chunk), type(exc).__name__, exc)
                    yield from _failed(chunk, exc)
        finally:
            for _, future in pending:
                future.cancel()

    def _run_alone(self, chunk: list[Input]) -> list[Result]:
        try:
            return self._executor.submit(_work, chunk).result()
        except BrokenProcessPool as exc:
            log.error("a worker process died on %s", ", ".join(item.source or item.document_id for item in chunk))
            self._rebuild()
            return _failed(chunk, exc, "the worker process died (crash or out of memory)")
        except Exception as exc:  # see run()
            log.error("a worker failed on %d documents: %s: %s", len(chunk), type(exc).__name__, exc)
            return _failed(chunk, exc)


def _run_pool(items: Iterator[Input], options: Options, workers: int, count: int | None) -> Iterator[Result]:
    from .nlp import resolve_model_name

    resolve_model_name(options.model)  # a missing model is one clear error here, not one per worker
    if count is not None:
        workers = max(1, min(workers, math.ceil(count / chunk_size(count, workers))))
    with Pool(options, workers) as pool:
        yield from pool.run(items, count)


def _failed(chunk: list[Input], exc: BaseException, message: str | None = None) -> list[Result]:
    message = message or f"{type(exc).__name__}: {exc}"
    return [_error_record(item, errors.INTERNAL, message) for item in chunk]


# ------------------------------------------------------------------------------ logging


class OneLineFormatter(logging.Formatter):
    """``level name: message`` on one line; tracebacks only when ``tracebacks`` is set."""

    def __init__(self, tracebacks: bool = False):
        super().__init__("%(levelname)s %(name)s: %(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if self.tracebacks or not (record.exc_info or record.exc_text or record.stack_info):
            return super().format(record)
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info = plain.exc_text = plain.stack_info = None
        return super().format(plain)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a message comes (as ``logging.lastResort`` does)."""

    def __init__(self, level: int = logging.NOTSET):
        logging.Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


def configure_logging(level: int) -> Callable[[], None]:
    """Log this package's messages to stderr at ``level``, one line each (tracebacks at DEBUG).

    For programs (the CLI, pool workers), not for libraries that import us. Returns a
    function that undoes it.
    """
    logger = logging.getLogger(__package__)
    previous = logger.level
    handler = _StderrHandler()
    handler.setFormatter(OneLineFormatter(tracebacks=level <= logging.DEBUG))
    logger.addHandler(handler)
    logger.setLevel(level)

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return undo


# ------------------------------------------------------------------------------ output

@dataclass
class Tally:
    """What went by: documents, appointments found, error records, texts in a language not read."""

    documents: int = 0
    appointments: int = 0
    errors: int = 0
    unsupported_language: int = 0

    def add(self, record: Result) -> None:
        self.documents += 1
        if isinstance(record, ErrorRecord):
            self.errors += 1
        else:
            self.appointments += len(record.appointments)
            self.unsupported_language += UNSUPPORTED_LANGUAGE in record.warnings

    def __str__(self) -> str:
        text = ", ".join(_plural(n, word) for n, word in
                         ((self.documents, "document"), (self.appointments, "appointment"), (self.errors, "error")))
        if self.unsupported_language:
            text += f", {self.unsupported_language} in a language other than English (warning {UNSUPPORTED_LANGUAGE})"
        return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def to_json(record: Result, pretty: bool = False) -> bytes:
    """A record as UTF-8 JSON, keys in field order, nulls kept."""
    return record.model_dump_json(indent=2 if pretty else None).encode()


def write_records(records: Iterable[Result], out: BinaryIO, format: Format = "jsonl",
                  pretty: bool = False) -> Tally:
    """Stream ``records`` to ``out`` as JSON Lines, one JSON array, CSV or Parquet; returns the tally.

    ``pretty`` indents JSON (with "jsonl" each record then spans several lines). CSV and
    Parquet hold at least one row per document (see ``extractor.tables``).
    """
    tally = Tally()
    if format == "csv":
        for record in tables.write_csv(records, out):
            tally.add(record)
    elif format == "parquet":
        for record in tables.write_parquet(records, out):
            tally.add(record)
    elif format == "json":
        out.write(b"[")
        for record in records:
            out.write(b"\n" if tally.documents == 0 else b",\n")
            tally.add(record)
            # Indent the items inside the array; JSON strings hold no raw newline, so this is safe.
            out.write(b"  " + to_json(record, pretty).replace(b"\n", b"\n  ") if pretty else to_json(record))
        out.write(b"\n]\n" if tally.documents else b"]\n")
    elif format == "jsonl":
        for record in records:
            tally.add(record)
            out.write(to_json(record, pretty) + b"\n")
    else:
        raise ValueError(f"unknown format {format!r}; use jsonl, json, csv or parquet")
    return tally


def write_each(records: Iterable[Result], folder: Path, name: Callable[[Result], str] | None = None) -> Tally:
    """Write each record, indented, to its own ``<document_id>.json`` in ``folder`` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = name or (lambda record: f"{record.document_id}.json")
    tally = Tally()
    for record in records:
        tally.add(record)
        with atomic_output(folder / name(record), fsync=False) as out:
            out.write(to_json(record, pretty=True) + b"\n")
    return tally


@contextmanager
def atomic_output(path: Path, fsync: bool = True) -> Iterator[BinaryIO]:
    """Write ``path`` all at once: a temporary file beside it replaces it only on success.

    ``fsync`` also makes the content durable before the rename (slow for many small files).
    """
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permissions a new file would get (or the existing file's), not the temp file's 0600."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
