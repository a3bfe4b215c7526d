"""Run the extractor over many inputs and hand back one record per input, in input order.

    paths --iter_inputs--> InputFile | Unusable | Skipped                        (extractor.walk)
    InputFile | Document | Unusable --run--> AnnouncementRecord | ErrorRecord   (one per input, in order)
    records --write_records / write_each--> JSON Lines, JSON, CSV, Parquet, files (extractor.output)

``run(inputs, options, workers=1)`` works in this process with one ``Extractor``; with
``workers > 1``, or a ``timeout``, a ``Pool`` of worker processes (``extractor.pool``) runs
them, one loaded model per worker, each document under the time budget, a worker that dies
replaced. Both ways give the same records.

This module gathers the names a library user needs (``run``, ``iter_inputs``, ``Pool``,
``write_records`` ...); each lives in the module named above.
"""
from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from .feeds import Unusable
from .logs import OneLineFormatter, configure_logging
from .output import Format, Tally, atomic_output, to_json, write_each, write_records
from .options import SKIPPED_PER_BATCH, Document, Options
from .pool import (
    CHUNK_FILES,
    IN_FLIGHT_PER_WORKER,
    Outcome,
    Pool,
    Result,
    chunk_size,
    error_record,
    process_chunk,
    process_items,
    resolve_workers,
)
from .walk import MAX_BYTES_PER_CHAR, SUFFIXES, Input, InputFile, Skipped, iter_inputs, read

__all__ = [
    "CHUNK_FILES", "IN_FLIGHT_PER_WORKER", "MAX_BYTES_PER_CHAR", "SUFFIXES", "Format", "Input", "InputFile",
    "OneLineFormatter", "Outcome", "Pool", "Result", "Skipped", "Tally", "atomic_output", "chunk_size",
    "configure_logging", "error_record", "iter_inputs", "outcomes", "process_chunk", "process_items", "read",
    "resolve_workers", "run", "to_json", "write_each", "write_records",
]

log = logging.getLogger(__name__)


def __getattr__(name: str):
    """``Extractor`` is imported on first use: it brings spaCy, which a run in worker processes
    (the command line's) never needs in this process."""
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(
    inputs: Iterable[InputFile | Document | Unusable | str | os.PathLike],
    options: Options | None = None,
    workers: int = 1,
    timeout: float | None = None,
) -> Iterator[Result]:
    """One record (or error record) per input, in input order; never raises per document.

    ``inputs`` are ``InputFile``s, ``Document``s, ``feeds.Unusable`` inputs (each gives its
    error record), or paths (walked with ``iter_inputs``; what it skips is logged and left
    out). ``workers`` > 1 runs a process pool of that many workers, 0 one per CPU;
    ``timeout`` (seconds) gives a document that takes longer a ``timeout`` error record and
    needs worker processes (one, with ``workers=1``). Setup problems (no model) raise
    ``ExtractorError``.
    """
    return (outcome.record for outcome in outcomes(inputs, options, workers, timeout))


def outcomes(
    inputs: Iterable[InputFile | Document | Unusable | str | os.PathLike],
    options: Options | None = None,
    workers: int = 1,
    timeout: float | None = None,
    count: int | None = None,
    isolate: bool = False,
) -> Iterator[Outcome]:
    """As ``run``, with each record's content fingerprint (what ``--resume`` compares).

    ``count``: how many inputs there are (at most), when ``inputs`` is an iterator; it makes the
    chunks of a small run smaller, so that every worker gets some. ``isolate``: run in worker
    processes even with one worker and no timeout (a crash then costs one document, not the run)."""
    options = options or Options()
    workers = resolve_workers(workers)
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    items = _expand(inputs)
    if workers == 1 and timeout is None and not isolate:
        return _run_here(items, options)
    known = isinstance(inputs, Sequence) and all(isinstance(item, (InputFile, Document, Unusable)) for item in inputs)
    return _run_pool(items, options, workers, len(inputs) if known else count, timeout)


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


def _run_here(items: Iterator[Input], options: Options) -> Iterator[Outcome]:
    extractor = (globals().get("Extractor") or __getattr__("Extractor"))(options)  # a test may set its own
    # as many files at a time as one model batch may hold when triage sends most of them nowhere
    # (their raw texts are held until their records are made; ``Extractor.process`` batches the
    # model work among them)
    while chunk := list(islice(items, options.batch_size * SKIPPED_PER_BATCH)):
        yield from process_items(extractor, chunk)


def _run_pool(items: Iterator[Input], options: Options, workers: int, count: int | None,
              timeout: float | None) -> Iterator[Outcome]:
    from .nlp import resolve_model_name

    resolve_model_name(options.model)  # a missing model is one clear error here, not one per worker
    if count is not None:
        workers = max(1, min(workers, math.ceil(count / chunk_size(count, workers))))
    with Pool(options, workers, timeout=timeout) as pool:
        yield from pool.outcomes(items, count)
