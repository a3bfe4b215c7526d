"""Which files a batch reads, under which ``document_id``, and reading them without surprises.

    paths --iter_inputs--> InputFile | Unusable (a path that does not exist) | Skipped
    InputFile --read--> Document    (regular files only, at most ``byte_limit`` bytes)

A folder is walked depth first, each folder's entries in sorted order, without recursion (any
depth) and without following a link twice (a loop of links is one error record, not a hang).
A link that leads out of the folder given is skipped unless ``follow_links``; so is a link to
a folder. A file's ``document_id`` is its path relative to the folder given, without the
file name extension ("sub/a" for ``folder/sub/a.txt``); a file given directly keeps its stem.
Ids are unique in a walk: a repeated one becomes the path as given (then "#2", "#3", ...).

Reading never trusts the size a file claims: at most ``byte_limit + 1`` bytes are read, from
regular files only (a FIFO named ``x.txt`` would block, ``/dev/zero`` never ends).
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import errors
from .feeds import Unusable
from .options import Document, Options

#: File name endings read as documents (compared case-insensitively).
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
#: A document may have this many bytes per character of ``Options.max_chars`` (UTF-32, HTML markup).
MAX_BYTES_PER_CHAR = 16
#: Bytes read from a file at a time.
READ_BLOCK = 1 << 20

_EXPECTED = "expected .txt, .md, .html or .htm"


@dataclass(frozen=True)
class InputFile:
    """A file to read: ``source`` is its path as given or found; ``document_id`` by default its stem."""

    path: Path
    doc_id: str | None = None

    @property
    def document_id(self) -> str:
        return self.doc_id if self.doc_id is not None else self.path.stem

    @property
    def source(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class Skipped:
    """A path that is not read, and why (the CLI notes it on stderr)."""

    path: Path
    reason: str


Input = InputFile | Document | Unusable


def byte_limit(options: Options) -> int:
    """Most bytes read for one document under ``options``."""
    return options.max_chars * MAX_BYTES_PER_CHAR


# ------------------------------------------------------------------------------- walking


class _UniqueIds:
    """Hands out each ``document_id`` once: a repeat gets the source, then "#2", "#3"..."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str, source: str) -> str:
        for candidate in (wanted, source.replace(os.sep, "/")):
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
        n = 2
        while f"{source}#{n}" in self._taken:
            n += 1
        self._taken.add(f"{source}#{n}")
        return f"{source}#{n}"


def iter_inputs(paths: Iterable[str | os.PathLike],
                follow_links: bool = False) -> Iterator[InputFile | Skipped | Unusable]:
    """The inputs under ``paths``, in order: files as given, folders walked (see the module doc).

    A path that does not exist gives an ``Unusable`` input (error type ``missing_path``), so
    that a batch still accounts for it and goes on. Files whose name does not end in
    .txt/.md/.html/.htm, hidden files and folders (name starting with ".") are ``Skipped``.
    """
    ids = _UniqueIds()
    for given in map(Path, paths):
        if not os.path.lexists(given):
            yield Unusable(ids.claim(given.stem or str(given), str(given)), str(given), errors.MISSING,
                           f"no such file or folder: {given}")
        elif _is_dir(given):
            yield from _walk(given, follow_links, ids)
        else:
            yield _classify(given, given.stem, ids)


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:  # a loop of links, a dangling link: a file that will not read
        return False


def _classify(path: Path, wanted_id: str, ids: _UniqueIds) -> InputFile | Skipped:
    if path.suffix.lower() in SUFFIXES:
        return InputFile(path, ids.claim(wanted_id, str(path)))
    if not path.suffix:
        return Skipped(path, f"no file name extension ({_EXPECTED})")
    return Skipped(path, f"{path.suffix} files are not read ({_EXPECTED})")


def _entries(folder: Path) -> list[os.DirEntry] | Skipped:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        return Skipped(folder, f"cannot read the folder ({exc.strerror or type(exc).__name__})")


def _walk(root: Path, follow_links: bool, ids: _UniqueIds) -> Iterator[InputFile | Skipped]:
    """Depth first, entries sorted by name (the order of sorting every path by its parts)."""
    real_root = os.path.realpath(root)
    seen = {_identity(root)}
    stack: list[Iterator[os.DirEntry]] = []
    first = _entries(root)
    if isinstance(first, Skipped):
        yield first
        return
    stack.append(iter(first))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        kind = _kind(entry, real_root, follow_links, seen)
        if isinstance(kind, Skipped):
            yield kind
        elif kind == "folder":
            found = _entries(path)
            if isinstance(found, Skipped):
                yield found
            else:
                stack.append(iter(found))
        else:
            relative = path.relative_to(root)
            yield _classify(path, relative.with_name(relative.stem).as_posix(), ids)


def _kind(entry: os.DirEntry, real_root: str, follow_links: bool, seen: set) -> str | Skipped:
    """"folder" (to walk), "file" (to read, or to fail to read) or why the entry is skipped."""
    path = Path(entry.path)
    if entry.name.startswith("."):
        return Skipped(path, "hidden")
    try:
        is_link = entry.is_symlink()
        is_dir = entry.is_dir()  # follows a link; a loop of links raises
    except OSError:
        return "file"  # its read gives the error record
    if is_link:
        target = os.path.realpath(path)
        outside = os.path.commonpath([real_root, target]) != real_root
        if outside and not follow_links:
            return Skipped(path, "link to outside the folder given (not followed; --follow-links reads it)")
        if is_dir and not follow_links:
            return Skipped(path, "link to a folder (not followed; --follow-links walks it)")
    if not is_dir:
        return "file"
    identity = _identity(path)
    if identity in seen:
        return Skipped(path, "folder already walked (a loop of links)")
    seen.add(identity)
    return "folder"


def _identity(path: Path) -> tuple[int, int] | str:
    try:
        info = os.stat(path)
        return info.st_dev, info.st_ino
    except OSError:
        return os.path.realpath(path)


# ------------------------------------------------------------------------------- reading


def read(item: Input, options: Options) -> Document:
    """The ``Document`` for an input: files are read here; raises ``InputError`` when unreadable."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Unusable):
        raise errors.InputError(item.type, item.message)
    path = item.path
    data = read_file(path, byte_limit(options), options.max_chars)
    return Document(item.document_id, data, source=item.source, name=path.name)


def read_file(path: Path, limit: int, max_chars: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` (more raises ``too_large``), whatever its size says."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise errors.unreadable(str(path), exc.strerror or type(exc).__name__) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise errors.unreadable(str(path), f"it is {_file_kind(mode)}, not a regular file")
        with os.fdopen(os.dup(fd), "rb", buffering=0) as stream:
            return read_capped(stream, limit, max_chars)
    except OSError as exc:
        raise errors.unreadable(str(path), exc.strerror or type(exc).__name__) from exc
    finally:
        os.close(fd)


def read_capped(stream: BinaryIO, limit: int, max_chars: int | None = None) -> bytes:
    """Read ``stream`` to its end, or raise ``too_large`` past ``limit`` bytes (stdin included)."""
    blocks: list[bytes] = []
    size = 0
    while size <= limit:
        block = stream.read(min(READ_BLOCK, limit + 1 - size))
        if not block:
            break
        blocks.append(block)
        size += len(block)
    if size > limit:
        shown = f"{max_chars:,} characters" if max_chars else f"{limit:,} bytes"
        raise errors.InputError(
            errors.TOO_LARGE,
            f"the input has more than {limit:,} bytes, far more than the limit of {shown}; "
            "split the document or raise the limit with --max-chars",
        )
    return b"".join(blocks)


def _file_kind(mode: int) -> str:
    """
    >>> _file_kind(stat.S_IFIFO), _file_kind(stat.S_IFCHR)
    ('a FIFO (named pipe)', 'a character device')
    """
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
    return next((what for test, what in kinds if test(mode)), "not a regular file")


def fingerprint(data: bytes | str) -> str:
    """A short hash of a document's content (what ``--resume`` compares).

    >>> fingerprint(b"Acme") == fingerprint("Acme")
    True
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    elif not isinstance(data, (bytes, bytearray)):  # not a document's content: its error record tells
        data = repr(type(data)).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fingerprint_of(item: Input, options: Options) -> str:
    """The fingerprint of an input as a worker would see it: its content's, or that of its read error."""
    if isinstance(item, Unusable):
        return f"!{item.type}"
    try:
        return fingerprint(read(item, options).data)
    except errors.InputError as exc:
        return f"!{exc.type}"
