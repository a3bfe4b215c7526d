"""How fast is the extractor next to spaCy's own pipelines on the same texts?

    report = benchmark(["corpus/"], workers=1, repeat=3)
    print(report.format_table())

Every side gets the same files and runs in a fresh child process of its own (so that its
peak memory is its own), all of them alive at once but taking turns: one warm-up pass
each, then ``repeat`` rounds in which each side makes one timed pass, alone on the
machine, in an order that rotates from round to round. A slow spell of a shared machine
then hits every side alike instead of one of them. The sides:

* ``ours``: the whole extraction as ``extractor extract`` runs it (read the file, decode,
  clean, triage, spaCy, rules, dates, records written as JSON Lines to a sink), with
  ``workers`` processes (a ``batch.Pool``, started before the timing) or in the side's
  process;
* ``ours_1``: the same in one process, when ``workers`` > 1 (how it scales);
* ``no_triage``: ours with ``Options(triage=False)`` (asked for with ``baselines``);
* ``default``: ``nlp.pipe(texts, batch_size=64)`` with every component of the same model
  (``spacy.load(nlp.resolve_model_name())``), in one process, on the decoded texts;
* ``ner``: the same with the model's ``ner`` alone (in the small models it has its own
  ``tok2vec``), the cheapest pipeline that still finds names.

Speeds are reported as median and min-max over the passes. Peak RSS is ``ru_maxrss`` of
the side's process plus that of its largest child (a pool worker), taken once at the end:
it only ever grows, so it has no spread over passes. The largest single process (the
side's own, or its largest worker) is reported too.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from . import errors
from .batch import InputFile, Pool, Skipped, iter_inputs, read, resolve_workers
from .options import Options

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 64  # nlp.pipe batch size of the spaCy sides
#: The sides ``benchmark`` compares ours with unless told otherwise.
DEFAULT_BASELINES = ("default", "ner")
#: Every side there is, in the order of the report.
SIDES = ("ours", "ours_1", "no_triage", "default", "ner")
LABELS = {
    "ours": "ours",
    "ours_1": "ours (1 worker)",
    "no_triage": "ours without triage",
    "default": "spaCy default (1 process)",
    "ner": "spaCy ner only (1 process)",
}


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
    peak_rss_mb: float  # the side's process plus its largest child
    errors: int = 0  # error records (ours only)
    largest_process_mb: float = 0.0  # the side's process or its largest worker, whichever is larger
    cpu_seconds: list[float] = field(default_factory=list)  # CPU time of the passes; empty for a pool


@dataclass(frozen=True)
class BenchReport:
    documents: int
    words: int
    workers: int
    repeat: int
    model: str
    results: dict[str, SideResult]
    unreadable: int = 0  # inputs left out because they could not be read as text

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(side for side in SIDES if side in self.results)

    @property
    def ours(self) -> SideResult:
        return self.results["ours"]

    @property
    def default(self) -> SideResult | None:
        return self.results.get("default")

    def words_per_s(self, side: str) -> Spread:
        return Spread.of([self.words / s for s in self.results[side].seconds])

    def docs_per_s(self, side: str) -> Spread:
        return Spread.of([self.documents / s for s in self.results[side].seconds])

    def cpu_words_per_s(self, side: str) -> Spread | None:
        """Words per CPU-second: what a pass costs whatever else the machine runs (one-process sides)."""
        cpu = self.results[side].cpu_seconds
        return Spread.of([self.words / s for s in cpu]) if cpu else None

    def ratio_to(self, side: str) -> float:
        """Median words/s of ours over that of ``side``."""
        return self.words_per_s("ours").median / self.words_per_s(side).median

    @property
    def ratio(self) -> float:
        """Median words/s of ours over that of spaCy's default pipeline."""
        return self.ratio_to("default")

    @property
    def ratios(self) -> dict[str, float]:
        return {side: self.ratio_to(side) for side in self.sides if side != "ours"}

    @property
    def cpu_ratios(self) -> dict[str, float]:
        """Like ``ratios`` in words per CPU-second, for the sides that ran in one process (ours too)."""
        ours = self.cpu_words_per_s("ours")
        if ours is None:
            return {}
        return {side: ours.median / spread.median for side in self.sides if side != "ours"
                if (spread := self.cpu_words_per_s(side)) is not None}

    def label(self, side: str) -> str:
        if side == "ours":
            return f"ours ({self.workers} worker{'s' if self.workers != 1 else ''})"
        return LABELS[side]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "words": self.words,
            "workers": self.workers,
            "repeat": self.repeat,
            "model": self.model,
            "unreadable": self.unreadable,
        }
        for side in self.sides:
            result = self.results[side]
            out[side] = {
                "words_per_s": self.words_per_s(side).to_dict(),
                "docs_per_s": self.docs_per_s(side).to_dict(2),
                "seconds": Spread.of(result.seconds).to_dict(3),
                "cpu_words_per_s": cpu.to_dict() if (cpu := self.cpu_words_per_s(side)) else None,
                "peak_rss_mb": round(result.peak_rss_mb, 1),
                "largest_process_mb": round(result.largest_process_mb, 1),
                "errors": result.errors,
            }
        if "default" in self.results:
            out["ratio"] = round(self.ratio, 3)
        out["ratios"] = {side: round(value, 3) for side, value in self.ratios.items()}
        out["cpu_ratios"] = {side: round(value, 3) for side, value in self.cpu_ratios.items()}
        return out

    def format_table(self) -> str:
        rows = [("", "words/s", "docs/s", "words/CPU-s", "peak RSS MB", "largest process MB")]
        for side in self.sides:
            docs = self.docs_per_s(side)
            result = self.results[side]
            cpu = self.cpu_words_per_s(side)
            rows.append((self.label(side), str(self.words_per_s(side)),
                         f"{docs.median:,.1f} ({docs.min:,.1f}-{docs.max:,.1f})", str(cpu) if cpu else "-",
                         f"{result.peak_rss_mb:,.0f}", f"{result.largest_process_mb:,.0f}"))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [f"{self.documents} documents, {self.words:,} words, model {self.model}, "
                 f"median (min-max) of {self.repeat} pass{'es' if self.repeat != 1 else ''}"]
        lines += ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
                  for row in rows]
        cpu_ratios = self.cpu_ratios
        for side, value in self.ratios.items():
            per_cpu = f" ({cpu_ratios[side]:.2f}x words/CPU-s)" if side in cpu_ratios else ""
            lines.append(f"{self.label('ours')} / {self.label(side)}: {value:.2f}x words/s{per_cpu}")
        if self.ours.errors:
            lines.append(f"({self.ours.errors} documents gave error records in our passes)")
        return "\n".join(lines)


def benchmark(
    paths: Iterable[str | os.PathLike | InputFile],
    workers: int = 1,
    repeat: int = 3,
    warmup: bool = True,
    options: Options | None = None,
    baselines: Sequence[str] = DEFAULT_BASELINES,
) -> BenchReport:
    """Time ours against ``baselines`` (see the module docstring) over the files under ``paths``."""
    from .inputs import load_text
    from .nlp import resolve_model_name

    if repeat < 1:
        raise ValueError(f"repeat must be 1 or more, not {repeat}")
    unknown = [side for side in baselines if side not in SIDES or side == "ours"]
    if unknown:
        raise ValueError(f"unknown baseline {unknown[0]!r}; choose from {', '.join(SIDES[1:])}")
    options = options or Options()
    workers = resolve_workers(workers)
    model = resolve_model_name(options.model)
    files: list[InputFile] = []
    texts: list[str] = []
    unreadable = 0
    for item in _files(paths):
        try:
            loaded = load_text(read(item, options).data, name=item.path.name, max_chars=options.max_chars)
        except errors.InputError as exc:
            log.warning("left out %s: %s", item.path, exc.message)
            unreadable += 1
            continue
        files.append(item)
        texts.append(loaded.text)
    if not files:
        raise errors.InputError(errors.EMPTY, "no readable documents to time")
    setups = {"ours": ("ours", files, options, workers)}
    if workers > 1:
        setups["ours_1"] = ("ours", files, options, 1)
    for side in baselines:
        if side == "no_triage":
            setups[side] = ("ours", files, _replace(options, triage=False), workers)
        elif side in ("default", "ner"):
            setups[side] = ("spacy", texts, model, side == "ner")
        elif side == "ours_1":
            setups[side] = ("ours", files, options, 1)
    results = _take_turns(setups, repeat, warmup)
    return BenchReport(
        documents=len(files),
        words=sum(len(t.split()) for t in texts),
        workers=workers,
        repeat=repeat,
        model=model,
        results={side: results[side] for side in SIDES if side in results},
        unreadable=unreadable,
    )


def _replace(options: Options, **changes) -> Options:
    from dataclasses import replace

    return replace(options, **changes)


def _files(paths: Iterable[str | os.PathLike | InputFile]) -> list[InputFile]:
    files: list[InputFile] = []
    for path in paths:
        for item in [path] if isinstance(path, InputFile) else iter_inputs([path]):
            if isinstance(item, Skipped):
                log.info("skipped %s: %s", item.path, item.reason)
            else:
                files.append(item)
    return files


def _take_turns(setups: dict[str, tuple], repeat: int, warmup: bool) -> dict[str, SideResult]:
    """One child process per side, all set up first; then passes in turn, one side at a time."""
    context = multiprocessing.get_context("spawn")
    children = {side: ProcessPoolExecutor(1, mp_context=context, initializer=_setup, initargs=setup)
                for side, setup in setups.items()}
    try:
        names = list(children)
        started = [children[side].submit(_ready) for side in names]  # all load at once, before any timing
        for future in started:
            future.result()
        if warmup:
            for side in names:
                children[side].submit(_pass).result()
        seconds: dict[str, list[float]] = {side: [] for side in names}
        cpu: dict[str, list[float]] = {side: [] for side in names}
        failed: dict[str, int] = {side: 0 for side in names}
        for round_ in range(repeat):
            k = round_ % len(names)
            for side in names[k:] + names[:k]:
                took, cpu_took, errors_seen = children[side].submit(_pass).result()
                seconds[side].append(took)
                if cpu_took is not None:
                    cpu[side].append(cpu_took)
                failed[side] = errors_seen
        results = {}
        for side in names:
            peak, largest = children[side].submit(_finish).result()
            results[side] = SideResult(seconds=seconds[side], peak_rss_mb=peak, errors=failed[side],
                                       largest_process_mb=largest, cpu_seconds=cpu[side])
        return results
    finally:
        for child in children.values():
            child.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ in the side's process

_runner: Any = None


def _setup(kind: str, *args) -> None:
    global _runner
    _runner = _OursRunner(*args) if kind == "ours" else _SpacyRunner(*args)


def _ready() -> bool:
    return _runner is not None


def _pass() -> tuple[float, float | None, int]:
    """Wall seconds, CPU seconds (None when the work is done by a pool) and error records of one pass."""
    start, cpu = time.perf_counter(), time.process_time()
    errors_seen = _runner.run()
    took, cpu_took = time.perf_counter() - start, time.process_time() - cpu
    return took, (None if getattr(_runner, "pool", None) else cpu_took), errors_seen


def _finish() -> tuple[float, float]:
    _runner.close()
    return _peak_rss_mb()


class _Sink:
    """Where our records are written: counts the bytes, keeps nothing."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


class _OursRunner:
    def __init__(self, files: list[InputFile], options: Options, workers: int):
        self.files = files
        self.options = options
        self.pool = None
        if workers > 1:
            # Spawned workers are children of this process, so that their memory counts in RUSAGE_CHILDREN.
            self.pool = Pool(options, workers, context=multiprocessing.get_context("spawn"))
        else:
            from .nlp import load

            load(options.model)  # the model, before any timing

    def run(self) -> int:
        from .batch import run, write_records

        records = self.pool.run(self.files, len(self.files)) if self.pool else run(self.files, self.options, 1)
        return write_records(records, _Sink(), "jsonl").errors

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


class _SpacyRunner:
    def __init__(self, texts: list[str], model: str, ner_only: bool):
        import spacy

        self.texts = texts
        if ner_only:
            from spacy.util import get_model_meta, get_package_path

            # excluded, not just disabled, so that the other components' weights are not in memory
            pipeline = get_model_meta(get_package_path(model)).get("pipeline", [])
            self.nlp = spacy.load(model, exclude=[name for name in pipeline if name != "ner"])
        else:
            self.nlp = spacy.load(model)
        self.nlp.max_length = max(self.nlp.max_length, max(map(len, texts)) + 1)

    def run(self) -> int:
        for _ in self.nlp.pipe(self.texts, batch_size=DEFAULT_BATCH_SIZE):
            pass
        return 0

    def close(self) -> None:
        pass


def _peak_rss_mb() -> tuple[float, float]:
    """(this process plus its largest finished child, the larger of the two), in MB.

    ru_maxrss is in kB on Linux, in bytes on macOS.
    """
    unit = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 2**20
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 2**20
    return own + child, max(own, child)
