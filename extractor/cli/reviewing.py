"""Commands that run the extractor to look at its results: ``evaluate`` (score against gold),
``show`` (an HTML review page) and ``benchmark`` (time against spaCy's full pipeline)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import Debug, Decide, DecisionOption, MinConfidence, Model, NoTriage, Paths, Quiet, UsageError, Workers
from .common import command_ui, decision_keywords
from .inputs import gather_inputs, output_stream

if TYPE_CHECKING:
    from ..batch import Result


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
    decision: DecisionOption = None,
    decide: Decide = False,
) -> None:
    """Extract from PATH... and score the records against GOLD."""
    with command_ui(debug, quiet) as ui:
        from ..batch import run
        from ..evaluate import evaluate as score
        from ..evaluate import load_gold
        from ..models import ErrorRecord
        from ..options import Options

        try:
            gold_rows = load_gold(gold)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise UsageError(f"cannot use {gold} as gold: {reason}") from exc
        inputs = gather_inputs(paths, ui, stdin=False)
        gold_ids = {row["id"] for row in gold_rows}
        described = [item for item in inputs if item.document_id in gold_ids]
        if len(described) < len(inputs):
            ui.note(f"note: {len(inputs) - len(described)} of {len(inputs)} inputs have no gold line; not extracted")
        inputs = described
        predictions: dict[str, Result] = {}
        failed = 0
        options = Options(model=model, triage=not no_triage, decide=decide, **decision_keywords(decision))
        for record in ui.track(run(inputs, options, workers), len(inputs)):
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
    with command_ui(debug, quiet) as ui:
        from ..batch import run
        from ..options import Options
        from ..report import render

        inputs = gather_inputs(paths, ui)
        options = Options(model=model, include_text=True, min_confidence=min_confidence)
        records = ui.track(run(inputs, options, workers), len(inputs))
        page = render((record, getattr(record, "text", None)) for record in records)
        with output_stream(html_out) as out:
            out.write(page.encode("utf-8"))
        ui.note(f"wrote {html_out}")


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
    with command_ui(debug, quiet) as ui:
        from ..benchmark import benchmark as run_benchmark
        from ..options import Options

        inputs = gather_inputs(paths, ui, stdin=False)
        report = run_benchmark(inputs, workers=workers, repeat=repeat, options=Options(model=model, triage=not no_triage))
        typer.echo(json.dumps(report.to_dict(), indent=2) if json_ else report.format_table())
