"""What every command shares: the typer ``app`` (one-line usage errors), the options several
commands take, ``command_ui`` (logging, exit codes, the errors a user can meet as one line) and
the version text."""
from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from typer.core import TyperGroup

from .. import __version__, errors
from ..ui import UI

log = logging.getLogger(__name__)

#: The click that typer runs on (typer 0.22+ carries its own copy, older ones use the package).
click = getattr(typer.core, "_click", None) or typer.core.click
_NoArgsIsHelp = getattr(click.exceptions, "NoArgsIsHelpError", ())


class _OneLineErrors(TyperGroup):
    """Every usage error in one style: ``extractor: message`` on one line, exit 2 (click's own
    errors, such as a bad option value, included)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NoArgsIsHelp as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(2)
        except click.exceptions.ClickException as exc:
            command = f" {exc.ctx.info_name}" if getattr(exc, "ctx", None) and exc.ctx.parent else ""
            hint = f" (see 'extractor{command} --help')" if isinstance(exc, click.exceptions.UsageError) else ""
            typer.echo(f"extractor: {' '.join(exc.format_message().split())}{hint}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("extractor: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="extractor",
    cls=_OneLineErrors,
    help="Extract executive-appointment records from press releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


class DecisionMode(str, Enum):
    combined = "combined"
    rules = "rules"
    model = "model"


class InputFormat(str, Enum):
    files = "files"
    jsonl = "jsonl"


class UsageError(Exception):
    """A problem with how the command was called: one line on stderr, exit 2."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: stops the run as Ctrl-C does (workers stopped, a resumable output kept); exit 143."""


# Options shared by several commands.
Paths = Annotated[Optional[list[Path]], typer.Argument(
    help="Files or folders (walked recursively; .txt .md .html .htm). '-' or none: one document from stdin.",
    show_default=False)]
Workers = Annotated[int, typer.Option("--workers", "-w", min=0,
                                      help="Worker processes (0: one per CPU).")]
Model = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy model package (default: en_core_web_sm if installed, else the bundled copy).")]
MaxChars = Annotated[Optional[int], typer.Option(
    "--max-chars", min=1, show_default=False,
    help="Documents with more characters get a 'too_large' error record (default: 2,000,000).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No notes, progress or summary on stderr.")]
Debug = Annotated[bool, typer.Option("--debug", help="Debug logging, with tracebacks.")]
MinConfidence = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, metavar="X",
    help="Keep only appointments with confidence >= X (the README's table says what each threshold buys).")]
Decide = Annotated[bool, typer.Option(
    "--decide", help="Shorthand for --decision model.")]
DecisionOption = Annotated[Optional[DecisionMode], typer.Option(
    "--decision", case_sensitive=False, show_default=False,
    help="Who decides (see the README, 'Trained decision'): combined (default: the hand rules' records with the "
    "trained model's calibrated confidence), rules (the hand rules alone, their own confidence), model (the "
    "trained model alone).")]
NoTriage = Annotated[bool, typer.Option(
    "--no-triage", help="Run the model on every paragraph of every document (slower; see the README's Speed section).")]


def decision_keywords(decision: DecisionMode | None) -> dict:
    """``Options`` keywords for ``--decision`` (nothing when not given: the default stands)."""
    return {} if decision is None else {"decision": decision.value}


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Show versions (package, spaCy, model) and exit.")] = False,
) -> None:
    """Extract executive-appointment records from press releases."""


def version_text() -> str:
    """The versions of this package, spaCy and the model (without loading it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    from ..nlp import model_info

    try:
        spacy_version = package_version("spacy")
    except PackageNotFoundError:
        spacy_version = "not installed"
    lines = [f"appointment-extractor {__version__}", f"spaCy {spacy_version}"]
    try:
        info = model_info()
        lines.append(f"model {info['model']} {info['model_version']}")
    except errors.ModelNotFoundError as exc:
        lines.append(f"model: none ({exc.message})")
    return "\n".join(lines)


@contextmanager
def command_ui(debug: bool, quiet: bool) -> Iterator[UI]:
    """Set up logging; turn the errors a user can meet into one line and an exit code."""
    from ..logs import configure_logging

    undo_logging = configure_logging(logging.DEBUG if debug else logging.ERROR if quiet else logging.WARNING)
    undo_sigterm = _sigterm_as_interrupt()
    try:
        yield UI(quiet)
    except typer.Exit:
        raise
    except UsageError as exc:
        _fail(str(exc), 2)
    except errors.ExtractorError as exc:  # setup problems: no model, an output that cannot be resumed
        if debug:
            raise
        _fail(exc.message, 2)
    except Terminated:
        _fail("terminated", 143)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (`| head`): stop without a traceback
        raise typer.Exit(1) from None
    except Exception as exc:
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", 1)
    finally:
        undo_sigterm()
        undo_logging()


def _sigterm_as_interrupt() -> Callable[[], None]:
    """SIGTERM raises ``Terminated`` (a KeyboardInterrupt) so that it stops a run as Ctrl-C does."""

    def terminated(signum, frame):
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (an embedding program): leave SIGTERM alone
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)


def _fail(message: str, code: int) -> None:
    typer.echo(f"extractor: {message}", err=True)
    raise typer.Exit(code)


def _quiet_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError) as exc:  # no real stdout (in tests): nothing to silence
        log.debug("cannot silence stdout: %s", exc)
