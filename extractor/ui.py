"""Where the command line talks to the user: notes, error notes and a progress bar, on stderr."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from .batch import Result


class UI:
    """Where the CLI talks to the user: notes and progress on stderr."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self._console = None  # the progress bar's console while it runs

    def note(self, message: str) -> None:
        if self.quiet:
            return
        if self._console is not None:
            self._console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)

    def report(self, record: Result) -> None:
        """A note for an error record."""
        from .models import ErrorRecord

        if isinstance(record, ErrorRecord):
            self.note(f"error: {record.source or record.document_id}: {record.error.message} [{record.error.type}]")

    def track(self, records: Iterable[Result], total: int) -> Iterator[Result]:
        """Pass records through, noting error records, with a progress bar on a terminal."""
        with self.progress(total) as advance:
            for record in records:
                self.report(record)
                advance()
                yield record

    def progress(self, total: int):
        """A progress bar on a terminal (a function to call per document), or a function that does nothing."""
        show_bar = not self.quiet and total > 1 and sys.stderr.isatty()
        return self._progress(total) if show_bar else nullcontext(lambda: None)

    @contextmanager
    def _progress(self, total: int) -> Iterator[Callable[[], None]]:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("extracting", total=total)
            self._console = bar.console
            try:
                yield lambda: bar.advance(task)
            finally:
                self._console = None
