"""How fast is the extractor next to spaCy's own default pipeline on the same texts?

    report = benchmark(["corpus/"], workers=1, repeat=3)
    print(report.format_table())

Both sides get the same texts, read once. Each side runs in a fresh child process (so that
its peak memory is its own): one warm-up pass, then ``repeat`` timed passes of

* ``ours``: ``Extractor.process`` over the documents (with ``workers`` > 1, a
  ``batch.Pool`` of that many processes, started before the timing);
* ``default``: ``nlp.pipe(texts, batch_size=64)`` with every component of the same model
  (``spacy.load(nlp.resolve_model_name())``), in one process.

Speeds are reported as median and min-max over the passes. Peak RSS is
``ru_maxrss`` of the side's process plus that of its largest child (a pool worker),
taken once at the end: it only ever grows, so it has no spread over passes.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from . import errors
from .batch import InputFile, Pool, Skipped, iter_inputs, read, resolve_workers
from .pipeline import Document, Extractor, Options

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 64  # nlp.pipe batch size of the default side


@dataclass(frozen=True)
class Spread:
    """Median and range of a few measurements."""

    median: float
    min: float
    max: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def to_dict(self, digits: int = 1) -> dict[str, float]:
        return {"median": round(self.median, digits), "min": round(self.min, digits), "max": round(self.max, digits)}

    def __str__(self) -> str:
        return f"{self.median:,.0f} ({self.min:,.0f}-{self.max:,.0f})"


@dataclass(frozen=True)
class SideResult:
    """The timed passes of one side."""

    seconds: list[float]
    peak_rss_mb: float
    errors: int = 0  # error records (ours only)


@dataclass(frozen=True)
class BenchReport:
    documents: int
    words: int
    workers: int
    repeat: int
    model: str
    ours: SideResult
    default: SideResult
    unreadable: int = 0  # inputs left out because they could not be read as text
    sides: tuple[str, ...] = field(default=("ours", "default"), repr=False)

    def words_per_s(self, side: str) -> Spread:
        return Spread.of([self.words / s for s in getattr(self, side).seconds])

    def docs_per_s(self, side: str) -> Spread:
        return Spread.of([self.documents / s for s in getattr(self, side).seconds])

    @property
    def ratio(self) -> float:
        """Median words/s of ours over that of the default pipeline."""
        return self.words_per_s("ours").median / self.words_per_s("default").median

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "workers": self.workers,
            "repeat": self.repeat,
            "model": self.model,
            "unreadable": self.unreadable,
            **{
                side: {
                    "words_per_s": self.words_per_s(side).to_dict(),
                    "docs_per_s": self.docs_per_s(side).to_dict(2),
                    "seconds": Spread.of(getattr(self, side).seconds).to_dict(3),
                    "peak_rss_mb": round(getattr(self, side).peak_rss_mb, 1),
                    "errors": getattr(self, side).errors,
                }
                for side in self.sides
            },
            "ratio": round(self.ratio, 3),
        }

    def format_table(self) -> str:
        rows = [("", "words/s", "docs/s", "peak RSS MB")]
        labels = {"ours": f"ours ({self.workers} worker{'s' if self.workers != 1 else ''})",
                  "default": "spaCy default (1 process)"}
        for side in self.sides:
            docs = self.docs_per_s(side)
            rows.append((labels[side], str(self.words_per_s(side)),
                         f"{docs.median:,.1f} ({docs.min:,.1f}-{docs.max:,.1f})",
                         f"{getattr(self, side).peak_rss_mb:,.0f}"))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [f"{self.documents} documents, {self.words:,} words, model {self.model}, "
                 f"median (min-max) of {self.repeat} pass{'es' if self.repeat != 1 else ''}"]
        lines += ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
                  for row in rows]
        lines.append(f"ours / default: {self.ratio:.2f}x words/s")
        if self.ours.errors:
            lines.append(f"({self.ours.errors} documents gave error records in our passes)")
        return "\n".join(lines)


def benchmark(
    paths: Iterable[str | os.PathLike | InputFile],
    workers: int = 1,
    repeat: int = 3,
    warmup: bool = True,
    options: Options | None = None,
) -> BenchReport:
    """Time ours against spaCy's default pipeline over the files under ``paths``."""
    from .inputs import load_text
    from .nlp import resolve_model_name

    if repeat < 1:
        raise ValueError(f"repeat must be 1 or more, not {repeat}")
    options = options or Options()
    workers = resolve_workers(workers)
    model = resolve_model_name(options.model)
    documents: list[Document] = []
    texts: list[str] = []
    unreadable = 0
    for item in _files(paths):
        try:
            loaded = load_text(read(item, options).data, name=item.path.name, max_chars=options.max_chars)
        except errors.InputError as exc:
            log.warning("left out %s: %s", item.path, exc.message)
            unreadable += 1
            continue
        documents.append(Document(item.document_id, loaded.text, source=item.source))
        texts.append(loaded.text)
    if not documents:
        raise errors.InputError(errors.EMPTY, "no readable documents to time")
    ours = _in_child(_time_ours, documents, options, workers, repeat, warmup)
    default = _in_child(_time_default, texts, model, repeat, warmup)
    return BenchReport(
        documents=len(documents),
        words=sum(len(t.split()) for t in texts),
        workers=workers,
        repeat=repeat,
        model=model,
        ours=ours,
        default=default,
        unreadable=unreadable,
    )


def _files(paths: Iterable[str | os.PathLike | InputFile]) -> list[InputFile]:
    files: list[InputFile] = []
    for path in paths:
        for item in [path] if isinstance(path, InputFile) else iter_inputs([path]):
            if isinstance(item, Skipped):
                log.info("skipped %s: %s", item.path, item.reason)
            else:
                files.append(item)
    return files


def _in_child(fn, *args) -> SideResult:
    """Run ``fn(*args)`` in a fresh process: its peak memory is then the side's own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as executor:
        return executor.submit(fn, *args).result()


def _peak_rss_mb() -> float:
    """ru_maxrss of this process plus its largest finished child, in MB (kB on Linux, bytes on macOS)."""
    unit = 1 if sys.platform == "darwin" else 1024
    used = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return used * unit / 2**20


def _passes(run, repeat: int, warmup: bool) -> list[float]:
    if warmup:
        run()
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return seconds


def _time_ours(documents: list[Document], options: Options, workers: int, repeat: int, warmup: bool) -> SideResult:
    from .models import ErrorRecord

    failed: list[int] = []

    def count_errors(records) -> None:
        failed.append(sum(isinstance(r, ErrorRecord) for r in records))

    if workers == 1:
        extractor = Extractor(options)
        extractor.nlp  # noqa: B018  (load the model before timing)
        seconds = _passes(lambda: count_errors(list(extractor.process(documents))), repeat, warmup)
    else:
        # Spawned workers are children of this process, so that their memory counts in RUSAGE_CHILDREN.
        with Pool(options, workers, context=multiprocessing.get_context("spawn")) as pool:
            seconds = _passes(lambda: count_errors(list(pool.run(documents, len(documents)))), repeat, warmup)
    return SideResult(seconds=seconds, peak_rss_mb=_peak_rss_mb(), errors=failed[-1])


def _time_default(texts: list[str], model: str, repeat: int, warmup: bool) -> SideResult:
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)

    def run() -> None:
        for _ in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
            pass

    seconds = _passes(run, repeat, warmup)
    return SideResult(seconds=seconds, peak_rss_mb=_peak_rss_mb())
