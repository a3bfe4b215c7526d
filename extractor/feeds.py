"""Documents from a feed: JSON Lines of ``{"id": ..., "text": ...}`` (a scraper's output, a Dask
partition), so that text held in files of records needs no temporary files.

Every non-blank line is one input: a good line gives a ``Document`` (``document_id`` the line's
``id``, ``source`` "path:line"), a bad one an ``Unusable`` input that the batch turns into an
error record (type ``bad_input_line``), so the output still has one line per input line.

    >>> import io
    >>> feed = io.StringIO('{"id": "a1", "text": "Acme named Jo Li CEO."}\\nnot json\\n')
    >>> [type(item).__name__ for item in read_feed(feed, "feed.jsonl")]
    ['Document', 'Unusable']
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .options import Document

BAD_LINE = "bad_input_line"
#: File name endings read as feeds inside a folder.
FEED_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: A feed line longer than this is not read (a bad line of its own): a feed may be endless.
MAX_LINE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class Unusable:
    """An input that cannot become a document (a feed line that is not a record); it yields an error record."""

    document_id: str
    source: str
    type: str
    message: str


def _problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return f"expected a JSON object with \"id\" and \"text\", got {type(row).__name__}"
    if not isinstance(row.get("text"), str):
        return "\"text\" must be a string"
    if "id" in row and not isinstance(row["id"], (str, int)) or isinstance(row.get("id"), bool):
        return "\"id\" must be a string or an integer"
    return None


def read_feed(lines: Iterable[str], name: str) -> Iterator[Document | Unusable]:
    """The inputs of one feed (``name`` is used in sources and for lines without an id)."""
    stem = Path(name).stem or name
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        if line.startswith("\x00"):  # a line _decoded could not give: not UTF-8, too long
            yield Unusable(f"{stem}:{lineno}", source, BAD_LINE, f"line {lineno} is {line[1:].strip()}")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Unusable(f"{stem}:{lineno}", source, BAD_LINE, f"line {lineno} is not valid JSON ({exc.msg})")
            continue
        problem = _problem(row)
        doc_id = str(row["id"]) if isinstance(row, dict) and isinstance(row.get("id"), (str, int)) else f"{stem}:{lineno}"
        if problem:
            yield Unusable(doc_id, source, BAD_LINE, f"line {lineno}: {problem}")
        else:
            yield Document(doc_id, row["text"], source=source, name=row.get("name") if isinstance(row.get("name"), str) else None)


def feed_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The feed files under ``paths``: files as given, folders' ``*.jsonl``/``*.ndjson`` sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in FEED_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def iter_feeds(paths: Iterable[str | os.PathLike]) -> Iterator[Document | Unusable]:
    """Every input line of the feeds under ``paths``, streamed (one line in memory at a time).

    A line that is not UTF-8 is a bad line of its own; the lines around it are read as usual."""
    for path in feed_files(paths):
        with open(path, "rb") as handle:
            yield from read_stream(handle, str(path))


def read_stream(handle: BinaryIO, name: str, limit: int = MAX_LINE_BYTES) -> Iterator[Document | Unusable]:
    """The inputs of a binary stream of JSON lines (a file, stdin), a line in memory at a time."""
    return read_feed(_decoded(_lines(handle, limit), limit), name)


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The stream's lines, each read up to ``limit`` bytes; None for a line that is longer (skipped)."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass  # the rest of the line, dropped a block at a time
        yield None


def _decoded(lines: Iterable[bytes | None], limit: int = MAX_LINE_BYTES) -> Iterator[str]:
    for raw in lines:
        if raw is None:
            yield f"\x00longer than the limit of {limit:,} bytes; split the document\n"
            continue
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield f"\x00not utf-8: {exc.reason} at byte {exc.start}\n"


def count_lines(paths: Iterable[Path]) -> int:
    """Non-blank lines in the feed files (for a progress bar), read in binary blocks."""
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total
