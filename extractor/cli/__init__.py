"""The ``extractor`` command: argument parsing, then one library call per command.

    extractor extract PATH... [--output FILE | --output-dir DIR] [--format jsonl|json|csv] ...
    extractor evaluate GOLD.jsonl PATH... [--json] [--show-errors N]
    extractor show PATH... [--html FILE]
    extractor train GOLD.jsonl TEXTS [GOLD.jsonl TEXTS ...] [-o FILE]
    extractor crossval GOLD.jsonl TEXTS --folds FOLDS.json
    extractor benchmark PATH... [--workers N] [--repeat K] [--json]
    extractor schema [--output FILE]
    extractor version

Exit codes: 0 every document succeeded, 1 some document gave an error record (a path that
does not exist included), 2 usage errors (bad option, no model; one line on stderr), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM). Records go to stdout (or --output); notes,
progress and the summary to stderr. Heavy imports (spaCy) happen inside the commands that
need them.

Modules: ``common`` (the typer app, shared options, exit codes), ``inputs`` (what a command
reads and writes whole), one module per group of commands (``extracting``, ``reviewing``,
``training``, ``info``); the commands are registered below, in one place.
"""
from __future__ import annotations

from .common import UsageError, app
from .extracting import extract
from .info import schema, version
from .reviewing import benchmark, evaluate, show
from .training import crossval, train

__all__ = ["app", "main", "UsageError"]

# Every command is registered here, in the order ``extractor --help`` lists them.
for _command in (extract, evaluate, show, train, crossval, benchmark, schema, version):
    app.command()(_command)


def main() -> None:
    """The ``extractor`` console script."""
    app(prog_name="extractor")
