"""Where a batch's records go, written as they come, and how an interrupted output is resumed.

    sink.remaining(inputs) -> the inputs still to do (with --resume, the others are counted)
    sink.write(outcome)    -> per record: written, flushed, journaled
    sink.finish()          -> the output complete (``-o FILE``: renamed into place)
    sink.abandon()         -> interrupted: what is written stays, resumable

``-o FILE`` writes ``FILE.partial`` and renames it to ``FILE`` at the end; beside it, the
journal ``.FILE.journal`` says what made the output (format, options) and, for each document
written, its source, the fingerprint of its content, where its bytes end and what its
record counted. An interrupted run leaves the ``.partial`` and its journal; ``--resume`` keeps
the documents at the start of the input order that are done with the same content (bytes
past the last journaled document, such as a torn last line, are cut off) and appends the
rest, so that the output is the one an uninterrupted run gives. With ``--output-dir`` the
journal is ``DIR/.journal`` and any document already written with the same content is kept.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from . import errors, tables
from .output import Encoder, FolderNames, Tally, atomic_output, mode_for, summary, write_record_file
from .options import Options
from .pool import Outcome
from .walk import Input, fingerprint_of

log = logging.getLogger(__name__)

JOURNAL_VERSION = 1
#: The journal of an output folder, inside it.
FOLDER_JOURNAL = ".journal"


class ResumeError(errors.ExtractorError):
    """An output cannot be resumed (made with other options, no journal)."""

    type = "cannot_resume"


def journal_header(kind: str, options: Options, **extra: Any) -> dict[str, Any]:
    """What made an output: resuming it with anything else would mix two kinds of record."""
    settings = dataclasses.asdict(options)
    settings.pop("batch_size")  # changes speed, not records
    settings["events"] = sorted(options.events) if options.events is not None else None
    return json.loads(json.dumps({"journal": JOURNAL_VERSION, "output": kind, "options": settings, **extra}))


class Journal:
    """JSON lines: a header, then one line per document written."""

    def __init__(self, path: Path):
        self.path = path
        self._file: BinaryIO | None = None

    def load(self, header: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The entries of an earlier run (a torn last line left out); None when there is no journal."""
        try:
            lines = self.path.read_bytes().split(b"\n")
        except FileNotFoundError:
            return None
        rows = []
        for line in lines[:-1]:  # the last piece has no newline: torn, or empty
            try:
                rows.append(json.loads(line))
            except ValueError:
                break
        if not rows or rows[0] != header:
            raise ResumeError(f"cannot resume: the output was made by another command or other options "
                              f"(see {self.path}); rerun without --resume to start over")
        return rows[1:]

    def start(self, header: dict[str, Any], entries: Iterable[dict[str, Any]] = (), append: bool = False) -> None:
        """Open for appending: a new journal with ``entries``, or (``append``) the one there is."""
        if not append:
            with atomic_output(self.path, fsync=False) as out:
                out.write(b"".join(_line(row) for row in (header, *entries)))
        self._file = open(self.path, "ab", buffering=0)  # noqa: SIM115  (closed in close())

    def append(self, entry: dict[str, Any]) -> None:
        assert self._file is not None, "Journal.start() first"
        self._file.write(_line(entry))

    def close(self, sync: bool = False) -> None:
        if self._file is not None:
            if sync:
                os.fsync(self._file.fileno())
            self._file.close()
            self._file = None


def _line(row: dict[str, Any]) -> bytes:
    return json.dumps(row).encode() + b"\n"  # ASCII: a lone surrogate is escaped


class Sink:
    """Base: every input is to do; records are counted."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.reused = 0  # documents an earlier run wrote that this one keeps
        self.on_reuse: Callable[[], None] = lambda: None  # called for each (a progress bar)

    def remaining(self, inputs: Iterable[Input], options: Options) -> Iterator[Input]:
        yield from inputs

    def write(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """The output is complete."""

    def abandon(self) -> None:
        """The run stops early: keep what can be resumed, drop the rest."""

    def _reuse(self, entry: dict[str, Any]) -> None:
        self.tally.add_summary(entry)
        self.reused += 1
        self.on_reuse()


class StreamSink(Sink):
    """A stream (stdout): each record written and flushed as it comes."""

    def __init__(self, out: BinaryIO, format: str, pretty: bool):
        super().__init__()
        self.out = out
        self.encoder = Encoder(format, pretty)
        self._put(self.encoder.head())

    def _put(self, data: bytes) -> None:
        if data:
            self.out.write(data)
            self.out.flush()

    def write(self, outcome: Outcome) -> None:
        self._put(self.encoder.piece(outcome.record, first=self.tally.documents == 0))
        self.tally.add(outcome.record)

    def finish(self) -> None:
        self._put(self.encoder.tail(self.tally.documents > 0))


class ParquetSink(Sink):
    """A Parquet file, written in row groups and put in place at the end (not resumable)."""

    def __init__(self, path: Path, rows_per_group: int = 10_000):
        super().__init__()
        self._stack = ExitStack()
        self._out = self._stack.enter_context(atomic_output(path))
        self._rows: list[dict[str, Any]] = []
        self._writer = None
        self.rows_per_group = rows_per_group

    def write(self, outcome: Outcome) -> None:
        self._rows.extend(tables.record_rows(outcome.record))
        self.tally.add(outcome.record)
        if len(self._rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        table = tables.arrow_table(self._rows)
        self._writer = self._writer or pq.ParquetWriter(self._out, table.schema)
        self._writer.write_table(table)
        self._rows = []

    def finish(self) -> None:
        self._flush()
        self._writer.close()
        self._stack.close()

    def abandon(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._stack.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)  # removes the temporary file


class FileSink(Sink):
    """``-o FILE`` in a streamed format: ``FILE.partial`` written as records come, renamed at the end."""

    def __init__(self, path: Path, format: str, pretty: bool, options: Options, resume: bool,
                 note: Callable[[str], None] = log.info):
        super().__init__()
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.journal = Journal(self.path.with_name(f".{self.path.name}.journal"))
        self.encoder = Encoder(format, pretty)
        self.header = journal_header("file", options, format=format, pretty=pretty,
                                     head=len(self.encoder.head()))
        self._earlier: list[dict[str, Any]] = self._load(note) if resume else []
        if not resume and self.partial.exists():
            note(f"note: starting over; {self.partial} (an interrupted run) is replaced (--resume continues it)")
        self._out: BinaryIO | None = None
        self._end = 0
        self._written = 0  # records in the output: kept and new

    def _load(self, note: Callable[[str], None]) -> list[dict[str, Any]]:
        base = self.partial if self.partial.exists() else self.path if self.path.exists() else None
        if base is None:
            note(f"note: nothing to resume at {self.path}; starting")
            return []
        entries = self.journal.load(self.header)
        if entries is None:
            raise ResumeError(f"cannot resume {base}: its journal {self.journal.path} is missing; "
                              "rerun without --resume to start over")
        if base == self.path:
            os.replace(self.path, self.partial)  # the finished output is reopened: its tail may change
        size = self.partial.stat().st_size
        kept = []
        for entry in entries:
            if not isinstance(entry.get("end"), int) or entry["end"] > size:
                break  # the journal ran ahead of the output (cut off by a crash)
            kept.append(entry)
        return kept

    def remaining(self, inputs: Iterable[Input], options: Options) -> Iterator[Input]:
        """The inputs after the longest run at the start that an earlier run did with the same content."""
        kept = 0
        for item in inputs:
            if self._out is None:
                if kept < len(self._earlier) and self._same(self._earlier[kept], item, options):
                    self._reuse(self._earlier[kept])
                    kept += 1
                    continue
                self._open(kept)
            yield item
        if self._out is None:
            self._open(kept)

    @staticmethod
    def _same(entry: dict[str, Any], item: Input, options: Options) -> bool:
        return entry.get("source") == item.source and entry.get("fp") == fingerprint_of(item, options)

    def _open(self, kept: int) -> None:
        """Cut the output after the ``kept`` documents of the earlier run (or start it) and open it to append."""
        entries = self._earlier[:kept]
        if entries:
            self._end = entries[-1]["end"]
        else:
            head = self.encoder.head()
            self.partial.write_bytes(head)
            os.chmod(self.partial, mode_for(self.path))
            self._end = len(head)
        self._out = open(self.partial, "r+b", buffering=0)  # noqa: SIM115  (closed in finish/abandon)
        self._out.truncate(self._end)
        self._out.seek(self._end)
        self._written = kept
        self.journal.start(self.header, entries)

    def write(self, outcome: Outcome) -> None:
        assert self._out is not None, "write() before remaining() gave an input"
        piece = self.encoder.piece(outcome.record, first=self._written == 0)
        self._out.write(piece)
        self._end += len(piece)
        self._written += 1
        self.journal.append({"source": outcome.record.source, "fp": outcome.fingerprint, "end": self._end,
                             **summary(outcome.record)})
        self.tally.add(outcome.record)

    def finish(self) -> None:
        if self._out is None:
            self._open(0)
        self._out.write(self.encoder.tail(self._written > 0))
        os.fsync(self._out.fileno())
        self._out.close()
        os.replace(self.partial, self.path)
        self.journal.close(sync=True)
        _sync_folder(self.path.parent)

    def abandon(self) -> None:
        if self._out is not None:
            self._out.close()
        self.journal.close()


class FolderSink(Sink):
    """``--output-dir DIR``: one ``<document_id>.json`` per input, each written whole; resumable."""

    def __init__(self, folder: Path, options: Options, resume: bool):
        super().__init__()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.names = FolderNames(self.folder)
        self.journal = Journal(self.folder / FOLDER_JOURNAL)
        header = journal_header("folder", options)
        earlier = (self.journal.load(header) or []) if resume else []
        self._earlier = {entry.get("source"): entry for entry in earlier}  # the last line of a source wins
        self.journal.start(header, append=bool(resume and self.journal.path.exists()))
        self._names: deque[PurePosixPath] = deque()

    def remaining(self, inputs: Iterable[Input], options: Options) -> Iterator[Input]:
        for item in inputs:
            name = self.names.claim(item.document_id)
            entry = self._earlier.get(item.source)
            if (entry is not None and entry.get("file") == str(name) and (self.folder / name).is_file()
                    and entry.get("fp") == fingerprint_of(item, options)):
                self._reuse(entry)
                continue
            self._names.append(name)
            yield item

    def write(self, outcome: Outcome) -> None:
        name = self._names.popleft()
        write_record_file(self.names.target(name), outcome.record)
        self.journal.append({"source": outcome.record.source, "fp": outcome.fingerprint, "file": str(name),
                             **summary(outcome.record)})
        self.tally.add(outcome.record)

    def finish(self) -> None:
        self.journal.close(sync=True)

    def abandon(self) -> None:
        self.journal.close()


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        log.debug("cannot fsync folder %s", folder)
    finally:
        os.close(fd)
