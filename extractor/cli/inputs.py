"""The documents a command reads: files and folders (skips noted), stdin, or JSON Lines feeds;
and where a command writes a whole file (stdout, or a file written atomically)."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import typer

from .. import errors
from ..ui import UI
from .common import UsageError

if TYPE_CHECKING:
    from ..batch import InputFile
    from ..feeds import Unusable
    from ..options import Document, Options

log = logging.getLogger(__name__)

#: Notes listing skipped files, before the rest are only counted.
SKIPPED_NOTES = 10


def gather_inputs(paths: list[Path] | None, ui: UI, stdin: bool = True, options: Options | None = None,
                  follow_links: bool = False) -> list[InputFile | Document | Unusable]:
    """The documents to read: the files under ``paths`` (skips noted, a missing path an input that
    gives its error record), or stdin (read up to the byte limit of ``options``)."""
    from ..walk import Skipped, iter_inputs

    paths = paths or []
    from_stdin = [str(p) for p in paths] == ["-"] or (not paths and not sys.stdin.isatty())
    if stdin and from_stdin:
        return [_stdin_document(options)]
    if not paths:
        raise UsageError("no input: give files or folders" + (", or pipe a document on stdin" if stdin else ""))
    if Path("-") in paths:
        raise UsageError("'-' (stdin) must be the only input")
    found: list[InputFile | Unusable] = []
    skipped = 0
    for item in iter_inputs(paths, follow_links=follow_links):
        if isinstance(item, Skipped):
            skipped += 1
            if skipped <= SKIPPED_NOTES:
                ui.note(f"note: skipped {item.path}: {item.reason}")
            else:
                log.debug("skipped %s: %s", item.path, item.reason)
        else:
            found.append(item)
    if skipped > SKIPPED_NOTES:
        ui.note(f"note: skipped {skipped - SKIPPED_NOTES} more files (--debug lists them)")
    if not found:
        ui.note("note: no .txt, .md, .html or .htm files found")
    return found


def _stdin_document(options: Options | None) -> Document | Unusable:
    """One document from stdin, read up to the byte limit (stdin can be endless)."""
    from ..feeds import Unusable
    from ..options import Document, Options
    from ..walk import byte_limit, read_capped

    options = options or Options()
    try:
        data = read_capped(typer.get_binary_stream("stdin"), byte_limit(options), options.max_chars)
    except errors.InputError as exc:
        return Unusable("stdin", "-", exc.type, exc.message)
    return Document("stdin", data, source="-")


def feed_inputs(paths: list[Path] | None) -> tuple[Iterable[Document | Unusable], int]:
    """The documents of JSON Lines feeds (files, folders of *.jsonl, or stdin) and their count.

    Files are streamed (read once beforehand for the count); a path that does not exist is an
    input that gives its error record."""
    from ..feeds import Unusable, count_lines, feed_files, iter_feeds, read_stream

    paths = paths or []
    if [str(p) for p in paths] == ["-"] or (not paths and not sys.stdin.isatty()):
        found = list(read_stream(typer.get_binary_stream("stdin"), "stdin"))
        return found, len(found)
    if not paths:
        raise UsageError("no input: give feed files or folders, or pipe a feed on stdin")
    if Path("-") in paths:
        raise UsageError("'-' (stdin) must be the only input")

    def inputs() -> Iterator[Document | Unusable]:
        for path in paths:
            if path.exists():
                yield from iter_feeds([path])
            else:
                yield Unusable(path.stem or str(path), str(path), errors.MISSING, f"no such file or folder: {path}")

    present = [p for p in paths if p.exists()]
    return inputs(), count_lines(feed_files(present)) + len(paths) - len(present)


@contextmanager
def output_stream(path: Path | None) -> Iterator[BinaryIO]:
    """stdout, or ``path`` written atomically."""
    from ..output import atomic_output

    if path is None or str(path) == "-":
        out = typer.get_binary_stream("stdout")
        yield out
        out.flush()
        return
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {path}: folder {path.parent} does not exist")
    with atomic_output(path) as out:
        yield out
