"""The ``extract`` command: files, folders, feeds or stdin to records in a file, a folder or on
stdout, run in worker processes, resumable."""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..ui import UI
from .common import (
    Debug,
    Decide,
    DecisionOption,
    Format,
    InputFormat,
    MaxChars,
    MinConfidence,
    Model,
    NoTriage,
    Paths,
    Quiet,
    UsageError,
    Workers,
    command_ui,
    decision_keywords,
)
from .inputs import feed_inputs, gather_inputs

if TYPE_CHECKING:
    from ..options import Options
    from ..sinks import Sink


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
    decision: DecisionOption = None,
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
    with command_ui(debug, quiet) as ui:
        from ..processes import start_early

        start_early()  # the workers' fork server imports spaCy while this process reads the inputs
        from ..options import Options

        format = _check_extract_usage(output, output_dir, format, resume)
        options = Options(model=model, include_text=include_text, triage=not no_triage,
                          min_confidence=min_confidence, decide=decide, **decision_keywords(decision),
                          **({"max_chars": max_chars} if max_chars is not None else {}))
        if input_format is InputFormat.jsonl:
            inputs, total = feed_inputs(paths)
        else:
            inputs = gather_inputs(paths, ui, options=options, follow_links=follow_links)
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
    from ..sinks import FileSink, FolderSink, ParquetSink, StreamSink

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
    from ..batch import outcomes

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
