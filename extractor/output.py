"""Records into output: JSON Lines, one JSON array, CSV, Parquet, or one file per input.

The streamed formats (JSON Lines, JSON, CSV) are a head, one piece of bytes per record and a
tail (``Encoder``), so that a record can be written, flushed and counted as soon as it is made,
and an interrupted output is cut between records (``extractor.sinks`` keeps it resumable).

    >>> from extractor.models import ErrorRecord, ErrorInfo
    >>> record = ErrorRecord(document_id="scan", error=ErrorInfo(type="decode_error", message="binary"))
    >>> Encoder("json").head() + Encoder("json").piece(record, first=True) + Encoder("json").tail(True)
    b'[\\n{"schema_version":"1.0","document_id":"scan","source":null,"error":{"type":"decode_error","message":"binary"}}\\n]\\n'
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Literal

from . import tables
from .language import UNSUPPORTED as UNSUPPORTED_LANGUAGE
from .models import AnnouncementRecord, ErrorRecord

Result = AnnouncementRecord | ErrorRecord
Format = Literal["jsonl", "json", "csv", "parquet"]
STREAMED = ("jsonl", "json", "csv")


# -------------------------------------------------------------------------------- tally


@dataclass
class Tally:
    """What went by: documents, appointments found, error records, texts in a language not read."""

    documents: int = 0
    appointments: int = 0
    errors: int = 0
    unsupported_language: int = 0

    def add(self, record: Result) -> None:
        self.add_summary(summary(record))

    def add_summary(self, counts: dict[str, Any]) -> None:
        """Count a record from its ``summary`` (a record written by an earlier, resumed run)."""
        self.documents += 1
        self.errors += counts.get("error") is not None
        self.appointments += counts.get("appointments", 0)
        self.unsupported_language += bool(counts.get("unsupported_language"))

    def __str__(self) -> str:
        text = ", ".join(_plural(n, word) for n, word in
                         ((self.documents, "document"), (self.appointments, "appointment"), (self.errors, "error")))
        if self.unsupported_language:
            text += f", {self.unsupported_language} in a language other than English (warning {UNSUPPORTED_LANGUAGE})"
        return text


def summary(record: Result) -> dict[str, Any]:
    """What a tally needs of a record, small enough to keep in a journal line."""
    if isinstance(record, ErrorRecord):
        return {"error": record.error.type}
    return {"appointments": len(record.appointments),
            "unsupported_language": UNSUPPORTED_LANGUAGE in record.warnings}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------- encoding


def to_json(record: Result, pretty: bool = False) -> bytes:
    """A record as UTF-8 JSON, keys in field order, nulls kept.

    A file name that is not UTF-8 (its bytes held as lone surrogates, PEP 383) is written with
    ``\\udcXX`` escapes: ``os.fsencode(json.loads(line)["source"])`` gives the bytes back.
    """
    try:
        return record.model_dump_json(indent=2 if pretty else None).encode()
    except ValueError:  # pydantic cannot write a lone surrogate
        data = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2 if pretty else None,
                          separators=None if pretty else (",", ":"))
        return data.encode("utf-8", "backslashreplace")  # a lone surrogate becomes its JSON escape


class Encoder:
    """The bytes of a streamed format: ``head()``, a ``piece`` per record, ``tail``."""

    def __init__(self, format: str = "jsonl", pretty: bool = False):
        if format not in STREAMED:
            raise ValueError(f"unknown streamed format {format!r}; use jsonl, json or csv")
        self.format = format
        self.pretty = pretty

    def head(self) -> bytes:
        return {"jsonl": b"", "json": b"[", "csv": tables.csv_header()}[self.format]

    def piece(self, record: Result, first: bool) -> bytes:
        if self.format == "csv":
            return tables.csv_rows(record)
        if self.format == "jsonl":
            return to_json(record, self.pretty) + b"\n"
        # JSON strings hold no raw newline, so indenting the items of the array this way is safe
        item = b"  " + to_json(record, True).replace(b"\n", b"\n  ") if self.pretty else to_json(record)
        return (b"\n" if first else b",\n") + item

    def tail(self, any_records: bool) -> bytes:
        if self.format == "json":
            return b"\n]\n" if any_records else b"]\n"
        return b""


def write_records(records: Iterable[Result], out: BinaryIO, format: Format = "jsonl",
                  pretty: bool = False) -> Tally:
    """Stream ``records`` to ``out`` as JSON Lines, one JSON array, CSV or Parquet; returns the tally.

    ``pretty`` indents JSON (with "jsonl" each record then spans several lines). CSV and
    Parquet hold at least one row per document (see ``extractor.tables``).
    """
    tally = Tally()
    if format == "parquet":
        for record in tables.write_parquet(records, out):
            tally.add(record)
        return tally
    if format not in STREAMED:
        raise ValueError(f"unknown format {format!r}; use jsonl, json, csv or parquet")
    encoder = Encoder(format, pretty)
    out.write(encoder.head())
    for record in records:
        out.write(encoder.piece(record, first=tally.documents == 0))
        tally.add(record)
    out.write(encoder.tail(tally.documents > 0))
    return tally


# ------------------------------------------------------------------------ file per input

#: Longest file name most file systems take, in bytes.
NAME_MAX = 255
#: A longer name part is cut to this many bytes and given a hash of the whole.
_KEEP_BYTES = 200
_SEPARATORS = re.compile(r"[/\\]")


def safe_relative_path(document_id: str, suffix: str = ".json") -> PurePosixPath:
    """Where a record goes inside an output folder: never outside it, each part a legal name.

    "/" and "\\" make sub-folders; empty, "." and ".." parts cannot climb out; a part starting
    with "." is not hidden; a part too long for the file system is cut and given a hash.

    >>> safe_relative_path("../../etc/passwd"), safe_relative_path("/abs/.x"), safe_relative_path("")
    (PurePosixPath('_../_../etc/passwd.json'), PurePosixPath('abs/_.x.json'), PurePosixPath('_.json'))
    >>> len(os.fsencode(safe_relative_path("x" * 300).name)) <= NAME_MAX
    True
    """
    parts = [part for part in _SEPARATORS.split(document_id) if part not in ("", ".")] or ["_"]
    parts = [_safe_part(part) for part in parts]
    parts[-1] = _fit(parts[-1], suffix)
    return PurePosixPath(*[_fit(part, "") for part in parts[:-1]], parts[-1])


def _safe_part(part: str) -> str:
    part = part.replace("\x00", "_")
    return "_" + part if part.startswith(".") else part


def _fit(part: str, suffix: str) -> str:
    raw = os.fsencode(part)
    if len(raw) + len(suffix) <= NAME_MAX:
        return part + suffix
    return f"{_cut(raw)}-{hashlib.blake2b(raw, digest_size=8).hexdigest()}{suffix}"


def _cut(raw: bytes) -> str:
    """The first ``_KEEP_BYTES`` bytes of a (longer) name, not splitting a UTF-8 character."""
    end = _KEEP_BYTES
    while end > 0 and (raw[end] & 0xC0) == 0x80:  # the first byte left out continues a character
        end -= 1
    return os.fsdecode(raw[:end])


class FolderNames:
    """Hands out each record's file name in an output folder once (a clash gets "~2", "~3"...)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._real = os.path.realpath(folder)
        self._taken: set[str] = set()

    def claim(self, document_id: str) -> PurePosixPath:
        name = safe_relative_path(document_id)
        n = 1
        while str(name).casefold() in self._taken:
            n += 1
            name = safe_relative_path(f"{document_id}~{n}")
        self._taken.add(str(name).casefold())
        return name

    def target(self, name: PurePosixPath) -> Path:
        """The path for ``name``, its folders made; never outside the output folder (a link there is not followed)."""
        path = self.folder.joinpath(*name.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        real_parent = os.path.realpath(path.parent)
        if os.path.commonpath([self._real, real_parent]) != self._real:  # a sub-folder is a link leading out
            digest = hashlib.blake2b(os.fsencode(str(name)), digest_size=8).hexdigest()
            path = self.folder / _fit(f"_outside-{digest}-{name.name}", "")
        return path


def write_each(records: Iterable[Result], folder: Path, name: Callable[[Result], str] | None = None) -> Tally:
    """Write each record, indented, to its own ``<document_id>.json`` in ``folder`` (made if missing).

    A ``document_id`` with "/" gives sub-folders; nothing is written outside ``folder``
    (see ``safe_relative_path``).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = FolderNames(folder)
    tally = Tally()
    for record in records:
        tally.add(record)
        wanted = name(record).removesuffix(".json") if name else record.document_id
        write_record_file(names.target(names.claim(wanted)), record)
    return tally


def write_record_file(path: Path, record: Result) -> None:
    with atomic_output(path, fsync=False) as out:
        out.write(to_json(record, pretty=True) + b"\n")


# ------------------------------------------------------------------------------ atomicity


@contextmanager
def atomic_output(path: Path, fsync: bool = True) -> Iterator[BinaryIO]:
    """Write ``path`` all at once: a temporary file beside it replaces it only on success.

    ``fsync`` also makes the content durable before the rename (slow for many small files).
    """
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(dir=path.parent or ".", prefix=".tmp-", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.chmod(handle.name, mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def mode_for(path: Path) -> int:
    """The permissions a new file would get (or the existing file's), not the temp file's 0600."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
