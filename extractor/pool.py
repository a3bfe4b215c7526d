"""Worker processes for a batch: one ``Extractor`` (one loaded model) per worker, a time budget
per document, and a new worker for each one that dies or runs over.

    Pool(options, workers, timeout).outcomes(inputs) -> one Outcome per input, in input order

Inputs go out in chunks (a few paths or documents per task), one task per worker at a time;
each comes back as ``Outcome``s (the record, and a fingerprint of what was read, for
``--resume``). Outcomes are handed back in input order: workers may run ahead of the oldest
unfinished chunk by at most ``WINDOW_PER_WORKER`` chunks each (the reorder window), so memory
stays flat however many inputs there are.

A task's clock restarts at each sign of progress from its worker (a document read, a
document prepared, the records made). When a worker dies (a crash, the kernel killing it for
memory) or its task runs out of time, the worker is killed and replaced, and if the task held
several documents each is run again alone: only a document that kills its worker or runs
out of time on its own gets an error record (``worker_died``, ``timeout``).

Workers die with the parent: each asks the kernel for SIGKILL when its parent goes (Linux), and
leaves as soon as its pipe to the parent closes.
"""
from __future__ import annotations

import logging
import math
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, NamedTuple

from . import errors
from .logs import configure_logging
from .models import AnnouncementRecord, ErrorInfo, ErrorRecord
from .options import Document, Options
from .processes import pool_context
from .walk import Input, fingerprint, fingerprint_of, read

if TYPE_CHECKING:
    from .pipeline import Extractor

log = logging.getLogger(__name__)

Result = AnnouncementRecord | ErrorRecord

#: Most inputs a worker task carries; fewer when there are few, so that every worker gets some.
CHUNK_FILES = 16
#: Used to size chunks for small runs: about this many tasks per worker.
IN_FLIGHT_PER_WORKER = 2
#: Chunks each worker may run ahead of the oldest unfinished one (they wait in memory until it is done).
WINDOW_PER_WORKER = 4
#: Seconds to wait for a worker to leave when asked, before it is killed.
TERMINATE_WAIT_S = 5
#: Workers that die in a row while loading the model before the pool gives up.
MAX_START_FAILURES = 3


class Outcome(NamedTuple):
    """What became of one input: its record, and the fingerprint of the content it was made from."""

    record: Result
    fingerprint: str


# ------------------------------------------------------------------------ one chunk, here


def error_record(item: Input, type: str, message: str) -> ErrorRecord:
    return ErrorRecord(document_id=item.document_id, source=item.source, error=ErrorInfo(type=type, message=message))


def _nothing() -> None:
    return None


def process_items(extractor: Extractor, items: Sequence[Input], tick: Callable[[], None] = _nothing) -> list[Outcome]:
    """Read and process ``items``: one outcome each, whatever goes wrong with any of them.

    When the extractor fails on the chunk as a whole, each document is run again on its
    own, so that only the one that fails becomes an ``internal_error`` record. ``tick`` is
    called at each step (a worker tells its parent it is alive).
    """
    results: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, Document, str]] = []
    for i, item in enumerate(items):
        try:
            document = read(item, extractor.options)
            todo.append((i, document, fingerprint(document.data)))
        except errors.InputError as exc:
            results[i] = Outcome(error_record(item, exc.type, exc.message), f"!{exc.type}")
        tick()
    documents = [document for _, document, _ in todo]
    records: list[Result] | None = None
    try:
        records = list(extractor.process(_ticking(documents, tick)))
    except errors.ExtractorError:
        raise  # a setup problem (no model) stops the run
    except Exception:  # one document's bug: find it below
        log.warning("a batch of %d documents failed; running them one by one", len(documents), exc_info=True)
    if records is None or len(records) != len(documents):
        records = []
        for document in documents:
            records.append(_process_one(extractor, document))
            tick()
    for (i, _, print_), record in zip(todo, records):
        results[i] = Outcome(record, print_)
    return results  # type: ignore[return-value]  # every slot is filled above


def process_chunk(extractor: Extractor, items: Sequence[Input]) -> list[Result]:
    """The records of ``items`` (see ``process_items``)."""
    return [outcome.record for outcome in process_items(extractor, items)]


def _ticking(documents: list[Document], tick: Callable[[], None]) -> Iterator[Document]:
    for document in documents:
        yield document
        tick()


def _process_one(extractor: Extractor, document: Document) -> Result:
    try:
        return next(iter(extractor.process([document])))
    except errors.InputError as exc:
        return error_record(document, exc.type, exc.message)
    except errors.ExtractorError:
        raise
    except Exception as exc:  # a bug must not lose the document: report it as one
        log.error("internal error on %s: %s: %s", document.source or document.document_id,
                  type(exc).__name__, exc, exc_info=True)
        return error_record(document, errors.INTERNAL, f"{type(exc).__name__}: {exc}")


# ------------------------------------------------------------------------------ workers


def resolve_workers(workers: int) -> int:
    """``workers`` as a count of processes: 0 means one per CPU."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per CPU) or more, not {workers}")
    return workers or os.cpu_count() or 1


def chunk_size(count: int | None, workers: int) -> int:
    """Inputs per task: ``CHUNK_FILES``, fewer when a few inputs must still spread over all workers.

    >>> chunk_size(None, 4), chunk_size(100_000, 4), chunk_size(8, 2)
    (16, 16, 1)
    """
    if count is None:
        return CHUNK_FILES
    return max(1, min(CHUNK_FILES, math.ceil(count / (workers * IN_FLIGHT_PER_WORKER * 2))))


def _die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; elsewhere the pipe tells)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() == 1:  # the parent went before the request was made
        os._exit(1)


def _worker_main(conn, options: Options, log_level: int) -> None:
    """A worker: load the model once, then run tasks until told to stop or the parent goes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    configure_logging(log_level)
    from .pipeline import Extractor  # already imported by the fork server (see processes.py)

    try:
        extractor = Extractor(options)
        extractor.nlp  # noqa: B018  (load the model now, not in the first task)
    except errors.ExtractorError as exc:
        conn.send(("failed", exc.message))
        return
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        conn.send(("done", process_items(extractor, task, tick=lambda: conn.send(("tick",)))))


class _Worker:
    """One worker process, its pipe, and the task it runs."""

    def __init__(self, context, options: Options, log_level: int):
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(child, options, log_level), daemon=True,
                                       name="extractor-worker")
        self.process.start()
        child.close()  # only the worker holds its end: when the worker dies, recv() here ends
        self.ready = False
        self.task: _Task | None = None
        self.deadline: float | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None or not self.ready

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(TERMINATE_WAIT_S)
        self.conn.close()

    def stop(self) -> None:
        """Ask the worker to leave (it finishes nothing more), kill it if it does not."""
        try:
            self.conn.send(None)
        except OSError:
            pass  # already gone
        self.process.join(TERMINATE_WAIT_S)
        self.kill()


@dataclass
class _Chunk:
    """Consecutive inputs and their outcomes, filled in as tasks finish."""

    items: list[Input]
    outcomes: list[Outcome | None] = field(default_factory=list)
    missing: int = 0

    def __post_init__(self) -> None:
        self.outcomes = [None] * len(self.items)
        self.missing = len(self.items)

    def fill(self, slot: int, outcome: Outcome) -> None:
        self.outcomes[slot] = outcome
        self.missing -= 1


@dataclass
class _Task:
    chunk: _Chunk
    slots: list[int]

    @property
    def items(self) -> list[Input]:
        return [self.chunk.items[slot] for slot in self.slots]


class Pool:
    """Worker processes with one ``Extractor`` each (model loaded once per worker), reusable across runs.

    ``timeout``: seconds a task may go without progress before its worker is replaced (None: no limit).

    >>> with Pool(Options(), workers=4, timeout=60) as pool:          # doctest: +SKIP
    ...     for record in pool.run(inputs, count=len(inputs)):
    ...         ...
    """

    def __init__(self, options: Options, workers: int, context: multiprocessing.context.BaseContext | None = None,
                 timeout: float | None = None):
        self.options = options
        self.timeout = timeout
        self._context = context or pool_context()
        self._log_level = logging.getLogger(__package__).getEffectiveLevel()
        self._start_failures = 0
        self._workers = [self._new_worker() for _ in range(resolve_workers(workers))]
        self._queue: deque[_Task] = deque()  # tasks waiting for a worker; documents run again alone go first

    @property
    def workers(self) -> int:
        return len(self._workers)

    def _new_worker(self) -> _Worker:
        return _Worker(self._context, self.options, self._log_level)

    # -- stopping ----------------------------------------------------------
    def close(self) -> None:
        """Stop the workers (they are idle between runs; a busy one is killed after a few seconds)."""
        for worker in self._workers:
            worker.stop()

    def terminate(self) -> None:
        """Kill the workers now, dropping what they are doing (Ctrl-C, SIGTERM, the reader went away)."""
        for worker in self._workers:
            worker.kill()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is not None:
            self.terminate()
        else:
            self.close()

    # -- running -----------------------------------------------------------
    def run(self, inputs: Iterable[Input], count: int | None = None) -> Iterator[Result]:
        """One record per input, in input order (see ``outcomes``)."""
        return (outcome.record for outcome in self.outcomes(inputs, count))

    def outcomes(self, inputs: Iterable[Input], count: int | None = None) -> Iterator[Outcome]:
        """One outcome per input, in input order; ``count`` (when known) makes chunks smaller for small runs.

        Stopping early (an exception, or the caller closing the iterator) kills the workers.
        """
        per_task = chunk_size(count, self.workers)
        items = iter(inputs)
        chunks: deque[_Chunk] = deque()  # handed out and not yet given back, oldest first
        exhausted = False
        finished = False
        try:
            while True:
                exhausted = self._hand_out(items, per_task, chunks, exhausted)
                while chunks and chunks[0].missing == 0:
                    yield from chunks.popleft().outcomes  # type: ignore[misc]  # every slot is filled
                if exhausted and not chunks:
                    finished = True
                    return
                self._wait()
        finally:
            if not finished:
                self.terminate()

    def _hand_out(self, items: Iterator[Input], per_task: int, chunks: deque[_Chunk], exhausted: bool) -> bool:
        """Give every idle worker a task (a document to run again alone first, else the next chunk)."""
        for worker in self._workers:
            if worker.busy:
                continue
            if not self._queue and not exhausted and len(chunks) < self.workers * WINDOW_PER_WORKER:
                batch = list(islice(items, per_task))
                if batch:
                    chunks.append(_Chunk(batch))
                    self._queue.append(_Task(chunks[-1], list(range(len(batch)))))
                else:
                    exhausted = True
            if not self._queue:
                break
            self._assign(worker, self._queue.popleft())
        return exhausted

    def _assign(self, worker: _Worker, task: _Task) -> None:
        worker.task = task
        worker.deadline = None if self.timeout is None else time.monotonic() + self.timeout
        try:
            worker.conn.send(task.items)
        except OSError:  # died while idle: its sentinel says so in _wait
            log.debug("could not send a task to worker %s", worker.process.pid)

    def _wait(self) -> None:
        """Wait for a message, a death or a deadline; act on what happened."""
        busy = [worker for worker in self._workers if worker.busy]
        if not busy:
            return
        deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
        delay = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], delay))
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
            elif worker.process.sentinel in ready:
                self._lost(worker, errors.WORKER_DIED)
        now = time.monotonic()
        for worker in busy:
            if worker.task is not None and worker.deadline is not None and now >= worker.deadline:
                self._lost(worker, errors.TIMEOUT)

    def _receive(self, worker: _Worker) -> None:
        while worker.conn.poll():
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                self._lost(worker, errors.WORKER_DIED)
                return
            kind = message[0]
            if kind == "ready":
                worker.ready = True
                self._start_failures = 0
            elif kind == "failed":
                raise errors.ExtractorError(message[1])
            elif kind == "tick" and worker.task is not None and self.timeout is not None:
                worker.deadline = time.monotonic() + self.timeout
            elif kind == "done" and worker.task is not None:
                for slot, outcome in zip(worker.task.slots, message[1]):
                    worker.task.chunk.fill(slot, outcome)
                worker.task = None
                worker.deadline = None

    def _lost(self, worker: _Worker, why: str) -> None:
        """The worker died or ran out of time: replace it; run its documents again alone, or report the one."""
        task, worker.task, worker.deadline = worker.task, None, None
        if why == errors.WORKER_DIED:
            self._check_start_failures(worker)
        worker.kill()
        self._workers[self._workers.index(worker)] = self._new_worker()
        if task is None:
            return
        if len(task.slots) > 1:
            self._queue.extendleft(_Task(task.chunk, [slot]) for slot in reversed(task.slots))
            log.info("a worker %s on %d documents; running each again alone",
                     "died" if why == errors.WORKER_DIED else "ran out of time", len(task.slots))
            return
        [slot] = task.slots
        item = task.chunk.items[slot]
        task.chunk.fill(slot, self._failure(item, why, worker.process.exitcode))

    def _check_start_failures(self, worker: _Worker) -> None:
        if worker.ready:
            return
        self._start_failures += 1
        if self._start_failures >= MAX_START_FAILURES:
            raise errors.ExtractorError(
                f"worker processes died {self._start_failures} times in a row while loading the model "
                f"(exit code {worker.process.exitcode}); is there enough memory?")

    def _failure(self, item: Input, why: str, exitcode: int | None) -> Outcome:
        source = item.source or item.document_id
        if why == errors.TIMEOUT:
            log.error("%s took longer than %s s; its worker was replaced", source, f"{self.timeout:g}")
            message = (f"the document took longer than {self.timeout:g} seconds (--timeout) and was stopped; "
                       "raise --timeout or split the document")
        else:
            how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
            log.error("a worker process died on %s (%s)", source, how)
            message = (f"the worker process died on this document ({how}: a crash, or killed for using too "
                       "much memory); the batch went on without it")
        return Outcome(error_record(item, why, message), fingerprint_of(item, self.options))
