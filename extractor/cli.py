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
"""
from __future__ import annotations

import json
import logging
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, Optional

import typer
import typer.core
from typer.core import TyperGroup

from . import __version__, errors
from .ui import UI

if TYPE_CHECKING:
    from .batch import InputFile, Result
    from .feeds import Unusable
    from .options import Document, Options
    from .sinks import Sink

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
    "--decide", help="Let the trained model decide among candidate moves instead of the hand rules "
    "(see the README, 'Trained decision').")]
NoTriage = Annotated[bool, typer.Option(
    "--no-triage", help="Run the model on every paragraph of every document (slower; see the README's Speed section).")]

#: Notes listing skipped files, before the rest are only counted.
SKIPPED_NOTES = 10


# ------------------------------------------------------------------------------ commands


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(_version_text())
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Show versions (package, spaCy, model) and exit.")] = False,
) -> None:
    """Extract executive-appointment records from press releases."""


@app.command()
def extract(
    paths: Paths = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write to FILE instead of stdout: FILE.partial as records come, renamed to FILE at "
        "the end; '-' is stdout.", metavar="FILE", dir_okay=False)] = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "--output-dir", help="Write one indented <document_id>.json per input into DIR.", metavar="DIR",
        file_okay=False)] = None,
    format: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="jsonl (default): one record a line; json: one array; csv, parquet: one row per "
        "appointment, and one for each document with none or with an error (parquet needs --output).",
        case_sensitive=False, show_default=False)] = None,
    input_format: Annotated[InputFormat, typer.Option(
        "--input-format", help="files (default): each file is a document; jsonl: each line of each file (or of "
        "stdin) is a document {\"id\": ..., \"text\": ...}.", case_sensitive=False)] = InputFormat.files,
    min_confidence: MinConfidence = 0.0,
    decide: Decide = False,
    workers: Workers = 1,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent JSON (one input, or --format json).")] = False,
    quiet: Quiet = False,
    debug: Debug = False,
    max_chars: MaxChars = None,
    model: Model = None,
    include_text: Annotated[bool, typer.Option(
        "--include-text", help="Put the text the offsets point into in every record.")] = False,
    no_triage: NoTriage = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue an interrupted run of the same command (with --output or --output-dir): "
        "documents already written with the same content are kept, the rest appended.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, metavar="SECONDS", help="A document taking longer gets a 'timeout' error record and "
        "its worker is replaced (0: no limit).")] = 60.0,
    follow_links: Annotated[bool, typer.Option(
        "--follow-links", help="Follow links in folders that lead outside the folder given, or to folders.")] = False,
) -> None:
    """Extract appointment records from files, folders or stdin."""
    with _command(debug, quiet) as ui:
        from .processes import start_early

        start_early()  # the workers' fork server imports spaCy while this process reads the inputs
        from .options import Options

        format = _check_extract_usage(output, output_dir, format, resume)
        options = Options(model=model, include_text=include_text, triage=not no_triage,
                          min_confidence=min_confidence, decide=decide,
                          **({"max_chars": max_chars} if max_chars is not None else {}))
        if input_format is InputFormat.jsonl:
            inputs, total = _feed_inputs(paths)
        else:
            inputs = _inputs(paths, ui, options=options, follow_links=follow_links)
            total = len(inputs)
        if pretty and format is Format.jsonl and total > 1 and output_dir is None:
            raise UsageError("--pretty with several inputs needs --format json (JSON Lines keeps a record a line)")
        sink = _open_sink(output, output_dir, format, pretty, resume, options, ui)
        _run_into(sink, inputs, total, options, workers, timeout or None, ui)
        ui.note(str(sink.tally))
        raise typer.Exit(1 if sink.tally.errors else 0)


def _check_extract_usage(output: Path | None, output_dir: Path | None, format: Format | None,
                         resume: bool) -> Format:
    """The format to write; ``UsageError`` for options that do not go together."""
    if output is not None and output_dir is not None:
        raise UsageError("use --output or --output-dir, not both")
    if output_dir is not None and format not in (None, Format.json):
        raise UsageError("--output-dir writes one JSON file per input; leave out --format")
    format = format or Format.jsonl
    to_stdout = output is None or str(output) == "-"
    if format is Format.parquet and to_stdout:
        raise UsageError("--format parquet writes a file: give --output FILE")
    if resume and to_stdout and output_dir is None:
        raise UsageError("--resume continues an output file or folder: give --output FILE or --output-dir DIR")
    if resume and format is Format.parquet:
        raise UsageError("--format parquet is written whole at the end and cannot be resumed; use jsonl or csv")
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot write into {output_dir}: {exc.strerror or exc}") from exc
    elif not to_stdout and not output.parent.is_dir():
        raise UsageError(f"cannot write {output}: folder {output.parent} does not exist")
    return format


def _open_sink(output: Path | None, output_dir: Path | None, format: Format, pretty: bool, resume: bool,
               options: Options, ui: UI) -> Sink:
    from .sinks import FileSink, FolderSink, ParquetSink, StreamSink

    if output_dir is not None:
        return FolderSink(output_dir, options, resume)
    if output is None or str(output) == "-":
        return StreamSink(typer.get_binary_stream("stdout"), format.value, pretty)
    if format is Format.parquet:
        return ParquetSink(output)
    return FileSink(output, format.value, pretty, options, resume, note=ui.note)


def _run_into(sink: Sink, inputs: Iterable, total: int, options: Options, workers: int, timeout: float | None,
              ui: UI) -> None:
    """Run the inputs the sink still needs, writing each record as it comes; on an interruption keep
    what is written (resumable) and say how to go on."""
    from .batch import outcomes

    try:
        with ui.progress(total) as advance:
            sink.on_reuse = advance
            todo = sink.remaining(inputs, options)
            with closing(outcomes(todo, options, workers, timeout=timeout, count=total, isolate=True)) as results:
                for outcome in results:
                    ui.report(outcome.record)
                    sink.write(outcome)
                    advance()
        sink.finish()
    except BaseException:
        sink.abandon()
        kept = getattr(sink, "partial", getattr(sink, "folder", None))
        if kept is not None and sink.tally.documents:
            ui.note(f"note: {sink.tally.documents} documents are in {kept}; "
                    "run the same command with --resume to go on")
        raise
    if sink.reused:
        ui.note(f"note: {sink.reused} document{'s were' if sink.reused != 1 else ' was'} kept from the earlier run")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="Gold records, JSON Lines (format: the README, \"Evaluating on your own labelled data\").",
        show_default=False)],
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of the documents the gold describes.",
                                                show_default=False)],
    json_: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    show_errors: Annotated[int, typer.Option("--show-errors", min=0, metavar="N",
                                             help="Also list misses and extras of N documents.")] = 0,
    workers: Workers = 1,
    model: Model = None,
    quiet: Quiet = False,
    debug: Debug = False,
    no_triage: NoTriage = False,
    decide: Decide = False,
) -> None:
    """Extract from PATH... and score the records against GOLD."""
    with _command(debug, quiet) as ui:
        from .batch import run
        from .evaluate import evaluate as score
        from .evaluate import load_gold
        from .models import ErrorRecord
        from .options import Options

        try:
            gold_rows = load_gold(gold)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise UsageError(f"cannot use {gold} as gold: {reason}") from exc
        inputs = _inputs(paths, ui, stdin=False)
        gold_ids = {row["id"] for row in gold_rows}
        described = [item for item in inputs if item.document_id in gold_ids]
        if len(described) < len(inputs):
            ui.note(f"note: {len(inputs) - len(described)} of {len(inputs)} inputs have no gold line; not extracted")
        inputs = described
        predictions: dict[str, Result] = {}
        failed = 0
        for record in ui.track(run(inputs, Options(model=model, triage=not no_triage, decide=decide), workers),
                               len(inputs)):
            if record.document_id in predictions:
                ui.note(f"note: two inputs have the id {record.document_id}; the later one is scored")
            predictions[record.document_id] = record
            failed += isinstance(record, ErrorRecord)
        unmatched = sum(row["id"] not in predictions for row in gold_rows)
        if unmatched:
            ui.note(f"note: {unmatched} of {len(gold_rows)} gold documents have no input (scored as finding nothing)")
        report = score(gold_rows, predictions)
        typer.echo(json.dumps(report.to_dict(), indent=2) if json_ else report.format_table())
        if show_errors and report.errors:
            typer.echo("\n" + report.format_errors(show_errors))
        raise typer.Exit(1 if failed else 0)


@app.command()
def show(
    paths: Paths = None,
    html_out: Annotated[Path, typer.Option(
        "--html", help="Write the review page to FILE (atomically).", metavar="FILE", dir_okay=False)] = Path(
        "report.html"),
    workers: Workers = 1,
    model: Model = None,
    min_confidence: MinConfidence = 0.0,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Write an HTML page to review the records of PATH...: highlighted text and a table per document."""
    with _command(debug, quiet) as ui:
        from .batch import run
        from .options import Options
        from .report import render

        inputs = _inputs(paths, ui)
        options = Options(model=model, include_text=True, min_confidence=min_confidence)
        records = ui.track(run(inputs, options, workers), len(inputs))
        page = render((record, getattr(record, "text", None)) for record in records)
        with _output(html_out) as out:
            out.write(page.encode("utf-8"))
        ui.note(f"wrote {html_out}")


def _gold_and_texts(pairs: list[Path]) -> list[tuple[Path, Path]]:
    if len(pairs) % 2:
        raise UsageError("give pairs: GOLD.jsonl TEXTS [GOLD.jsonl TEXTS ...]")
    out = list(zip(pairs[::2], pairs[1::2]))
    for gold, texts in out:
        if not gold.is_file():
            raise UsageError(f"no gold file {gold}")
        if not texts.is_dir():
            raise UsageError(f"no texts folder {texts}")
    return out


def _annotated(pairs: list[tuple[Path, Path]], workers: int, cache: Path | None):
    from .decide.train import gather
    from .evaluate import load_gold

    docs = []
    for n, (gold, texts) in enumerate(pairs):
        rows = load_gold(gold)
        part_cache = cache.with_name(f"{cache.stem}-{n}{cache.suffix}") if cache is not None else None
        docs.extend(gather(rows, texts, workers=max(1, workers), cache=part_cache))
    return docs


@app.command()
def train(
    pairs: Annotated[list[Path], typer.Argument(
        help="GOLD.jsonl TEXTS pairs: gold records and the folder of their texts (several pairs are pooled).",
        show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Where to write the model (default: the package's extractor/data/decide.npz).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the fitting and of its inner folds.")] = 13,
    workers: Workers = 2,
    cache: Annotated[Optional[Path], typer.Option(
        "--cache", metavar="FILE", dir_okay=False, help="Keep the parsed candidates here between runs.")] = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Train the decision model on annotated documents and write its weights."""
    with _command(debug, quiet) as ui:
        from importlib.resources import files

        from .decide.model import MODEL_FILE
        from .decide.train import fit

        sources = _gold_and_texts(pairs)
        docs = _annotated(sources, workers, cache)
        model = fit(docs, seed, meta={"trained_on": [str(g) for g, _ in sources]})
        target = output or Path(str(files("extractor").joinpath("data", MODEL_FILE)))
        model.save(target)
        ui.note(f"trained on {len(docs)} documents (threshold {model.threshold}, employer threshold "
                f"{model.employer_threshold}); wrote {target}")


@app.command()
def crossval(
    gold: Annotated[Path, typer.Argument(help="Gold records (JSON Lines).", show_default=False)],
    texts: Annotated[Path, typer.Argument(help="Folder of their texts.", show_default=False)],
    folds: Annotated[Path, typer.Option("--folds", help="JSON {id: fold} (corpus/train/folds.json).",
                                        exists=True, dir_okay=False)],
    seed: Annotated[int, typer.Option("--seed")] = 13,
    json_: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    workers: Workers = 2,
    cache: Annotated[Optional[Path], typer.Option("--cache", metavar="FILE", dir_okay=False)] = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Cross-validate the decision model by document: per fold and mean, the ablation (model,
    candidates with hand thresholds, the hand rules), the learning curve, calibration."""
    with _command(debug, quiet) as ui:
        from .decide.train import crossval as run_crossval
        from .decide.train import format_crossval

        docs = _annotated(_gold_and_texts([gold, texts]), workers, cache)
        assignment = json.loads(folds.read_text(encoding="utf-8"))
        missing = [d.doc_id for d in docs if d.doc_id not in assignment]
        if missing:
            raise UsageError(f"{len(missing)} gold documents have no fold in {folds} (first: {missing[0]})")
        result = run_crossval(docs, assignment, seed)
        typer.echo(json.dumps(result, indent=2) if json_ else format_crossval(result))
        ui.note(f"{len(docs)} documents in {len(set(assignment.values()))} folds")


@app.command()
def benchmark(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to time.", show_default=False)],
    workers: Workers = 1,
    repeat: Annotated[int, typer.Option("--repeat", "-r", min=1, help="Timed passes (after one warm-up).")] = 3,
    json_: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    model: Model = None,
    quiet: Quiet = False,
    debug: Debug = False,
    no_triage: NoTriage = False,
) -> None:
    """Time our extraction against spaCy's full default pipeline on the same texts."""
    with _command(debug, quiet) as ui:
        from .benchmark import benchmark as run_benchmark
        from .options import Options

        inputs = _inputs(paths, ui, stdin=False)
        report = run_benchmark(inputs, workers=workers, repeat=repeat, options=Options(model=model, triage=not no_triage))
        typer.echo(json.dumps(report.to_dict(), indent=2) if json_ else report.format_table())


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", dir_okay=False,
                                                   help="Write to FILE (atomically) instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the output records."""
    with _command(debug=False, quiet=True):
        from .models import json_schema

        with _output(output) as out:
            out.write(json.dumps(json_schema(), indent=2).encode() + b"\n")


@app.command()
def version() -> None:
    """Show the versions of this package, spaCy and the model (without loading it)."""
    typer.echo(_version_text())


def main() -> None:
    app(prog_name="extractor")


# ------------------------------------------------------------------------------- helpers


def _version_text() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    from .nlp import model_info

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
def _command(debug: bool, quiet: bool) -> Iterator[UI]:
    """Set up logging; turn the errors a user can meet into one line and an exit code."""
    from .logs import configure_logging

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


def _inputs(paths: list[Path] | None, ui: UI, stdin: bool = True, options: Options | None = None,
            follow_links: bool = False) -> list[InputFile | Document | Unusable]:
    """The documents to read: the files under ``paths`` (skips noted, a missing path an input that
    gives its error record), or stdin (read up to the byte limit of ``options``)."""
    from .walk import Skipped, iter_inputs

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
    from .feeds import Unusable
    from .options import Document, Options
    from .walk import byte_limit, read_capped

    options = options or Options()
    try:
        data = read_capped(typer.get_binary_stream("stdin"), byte_limit(options), options.max_chars)
    except errors.InputError as exc:
        return Unusable("stdin", "-", exc.type, exc.message)
    return Document("stdin", data, source="-")


def _feed_inputs(paths: list[Path] | None) -> tuple[Iterable[Document | Unusable], int]:
    """The documents of JSON Lines feeds (files, folders of *.jsonl, or stdin) and their count.

    Files are streamed (read once beforehand for the count); a path that does not exist is an
    input that gives its error record."""
    from .feeds import Unusable, count_lines, feed_files, iter_feeds, read_stream

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
def _output(path: Path | None) -> Iterator[BinaryIO]:
    """stdout, or ``path`` written atomically."""
    from .output import atomic_output

    if path is None or str(path) == "-":
        out = typer.get_binary_stream("stdout")
        yield out
        out.flush()
        return
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {path}: folder {path.parent} does not exist")
    with atomic_output(path) as out:
        yield out
