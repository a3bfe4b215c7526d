"""Commands of the trained decision: ``train`` (fit and write the weights) and ``crossval``
(cross-validate by document)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import Debug, Quiet, UsageError, Workers, command_ui


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
    from ..decide.train import gather
    from ..evaluate import load_gold

    docs = []
    for n, (gold, texts) in enumerate(pairs):
        rows = load_gold(gold)
        part_cache = cache.with_name(f"{cache.stem}-{n}{cache.suffix}") if cache is not None else None
        docs.extend(gather(rows, texts, workers=max(1, workers), cache=part_cache))
    return docs


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
    with command_ui(debug, quiet) as ui:
        from importlib.resources import files

        from ..decide.model import MODEL_FILE
        from ..decide.train import fit

        sources = _gold_and_texts(pairs)
        docs = _annotated(sources, workers, cache)
        model = fit(docs, seed, meta={"trained_on": [str(g) for g, _ in sources]})
        target = output or Path(str(files("extractor").joinpath("data", MODEL_FILE)))
        model.save(target)
        ui.note(f"trained on {len(docs)} documents (threshold {model.threshold}, employer threshold "
                f"{model.employer_threshold}); wrote {target}")


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
    with command_ui(debug, quiet) as ui:
        from ..decide.train import crossval as run_crossval
        from ..decide.train import format_crossval

        docs = _annotated(_gold_and_texts([gold, texts]), workers, cache)
        assignment = json.loads(folds.read_text(encoding="utf-8"))
        missing = [d.doc_id for d in docs if d.doc_id not in assignment]
        if missing:
            raise UsageError(f"{len(missing)} gold documents have no fold in {folds} (first: {missing[0]})")
        result = run_crossval(docs, assignment, seed)
        typer.echo(json.dumps(result, indent=2) if json_ else format_crossval(result))
        ui.note(f"{len(docs)} documents in {len(set(assignment.values()))} folds")
