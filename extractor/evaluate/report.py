"""The evaluation report over all documents: ``evaluate`` and ``EvalReport`` (table, JSON,
error lines)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .scoring import PRF, Ratio, Tally, score_document

METRICS = ("person", "record", "record_in", "record_out", "past_employers", "news")
ACCURACIES = ("organisation", "role", "event", "effective_date", "announcement_date")


@dataclass
class EvalReport:
    """Scores of a set of predictions against gold.

    ``accuracy`` values are None when there was nothing to check; ``accuracy_counts`` gives
    (correct, total) behind each. ``errors`` maps a document id to readable lines
    ("missed X / role / org", "extra 'X' / 'role'", "X: org 'predicted' vs 'gold'",
    "X: missed past employer 'Y'", "X: extra past employer 'Z'", "no prediction").
    """

    documents: int
    metrics: dict[str, PRF]
    accuracy: dict[str, float | None]
    errors: dict[str, list[str]] = field(default_factory=dict)
    accuracy_counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict; floats rounded to 4 places."""
        return {
            "documents": self.documents,
            "metrics": {
                name: {
                    "precision": round(prf.precision, 4),
                    "recall": round(prf.recall, 4),
                    "f1": round(prf.f1, 4),
                    "tp": prf.tp,
                    "fp": prf.fp,
                    "fn": prf.fn,
                }
                for name, prf in self.metrics.items()
            },
            "accuracy": {name: None if v is None else round(v, 4) for name, v in self.accuracy.items()},
            "errors": {doc: list(lines) for doc, lines in self.errors.items()},
        }

    def format_table(self) -> str:
        """An aligned plain-text table of the metrics, then the accuracies."""
        width = max(map(len, [*self.metrics, *self.accuracy, "metric"]))
        lines = [f"{'metric':<{width}}  {'P':>6}  {'R':>6}  {'F1':>6}  {'tp':>5}  {'fp':>5}  {'fn':>5}"]
        for name, prf in self.metrics.items():
            lines.append(
                f"{name:<{width}}  {prf.precision:6.4f}  {prf.recall:6.4f}  {prf.f1:6.4f}"
                f"  {prf.tp:5d}  {prf.fp:5d}  {prf.fn:5d}"
            )
        lines += ["", f"{'accuracy':<{width}}  {'value':>6}  {'n':>9}"]
        for name, value in self.accuracy.items():
            shown = "-" if value is None else f"{value:6.4f}"
            correct, total = self.accuracy_counts.get(name, (0, 0))
            support = f"{correct}/{total}" if name in self.accuracy_counts else ""
            lines.append(f"{name:<{width}}  {shown:>6}  {support:>9}")
        lines.append(f"\n{self.documents} documents")
        return "\n".join(lines)

    def format_errors(self, limit: int) -> str:
        """Misses and extras per document, for at most ``limit`` documents."""
        shown = list(self.errors.items())[: max(limit, 0)]
        lines = [line for doc, errs in shown for line in (doc, *(f"  {e}" for e in errs))]
        hidden = len(self.errors) - len(shown)
        if hidden > 0:
            lines.append(f"... and {hidden} more document{'s' if hidden != 1 else ''} with errors")
        return "\n".join(lines)


def evaluate(gold_rows: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]) -> EvalReport:
    """Score ``predictions`` (document id -> output record) against ``gold_rows``.

    Predictions for documents not in the gold are ignored; a gold document without a
    prediction counts as one with no appointments ("no prediction" in ``errors``), and so
    does an error record.
    """
    total = Tally()
    errors: dict[str, list[str]] = {}
    for row in gold_rows:
        doc = score_document(row, _as_mapping(predictions.get(row["id"])))
        total += doc
        if doc.errors:
            errors[row["id"]] = list(doc.errors)
    checks = {name: total.checks.get(name, Ratio()) for name in ACCURACIES}
    return EvalReport(
        documents=len(gold_rows),
        metrics={name: total.counts.get(name, PRF()) for name in METRICS},
        accuracy={name: ratio.value for name, ratio in checks.items()},
        errors=errors,
        accuracy_counts={name: (ratio.correct, ratio.total) for name, ratio in checks.items()},
    )


def _as_mapping(record: Any) -> Mapping[str, Any] | None:
    """A prediction as a dict: pydantic models (our records) are dumped to JSON form."""
    if record is None or isinstance(record, Mapping):
        return record
    if hasattr(record, "model_dump"):
        return record.model_dump(mode="json")
    raise TypeError(f"a prediction must be a dict or an output record, not {type(record).__name__}")
