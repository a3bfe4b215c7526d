"""What each document contributes: tallies of true and false positives and negatives,
accuracy checks and readable error lines, for a match, a miss, an extra and the document."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .match import same_organisation, same_role
from .records import GoldAppointment, PredictedAppointment, align, iso_date, predicted_appointments


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with the scores they give.

    With nothing predicted precision is 1.0, with nothing to find recall is 1.0 (as in the
    reference scorer); F1 is 0.0 when precision and recall are both 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Ratio:
    """``correct`` out of ``total`` checks."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


def _merge(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for key, value in b.items():
        out[key] = out[key] + value if key in out else value
    return out


@dataclass(frozen=True)
class Tally:
    """Counts, accuracy checks and error lines; tallies add up."""

    counts: Mapping[str, PRF] = field(default_factory=dict)
    checks: Mapping[str, Ratio] = field(default_factory=dict)
    errors: tuple[str, ...] = ()

    def __add__(self, other: Tally) -> Tally:
        return Tally(_merge(self.counts, other.counts), _merge(self.checks, other.checks), self.errors + other.errors)


def _count(*metrics: str, tp: int = 0, fp: int = 0, fn: int = 0) -> Tally:
    return Tally(counts={m: PRF(tp, fp, fn) for m in metrics})


def _check(name: str, ok: bool) -> Tally:
    return Tally(checks={name: Ratio(int(ok), 1)})


def _error(line: str) -> Tally:
    return Tally(errors=(line,))


def _side(departed: bool) -> str:
    return "record_out" if departed else "record_in"


# ------------------------------------------------------------------------------- scoring


def score_miss(gold: GoldAppointment) -> Tally:
    """A required gold record no prediction names."""
    return (
        _count("person", "record", _side(gold.departed), fn=1)
        + _count("past_employers", fn=len(gold.past_employers))
        + _error(f"missed {gold.person} / {gold.role} / {gold.organisation}")
    )


def score_extra(pred: PredictedAppointment) -> Tally:
    """A prediction aligned to no gold record (its past employers are not counted)."""
    return _count("person", "record", _side(pred.departed), fp=1) + _error(f"extra {pred.person!r} / {pred.role!r}")


def score_past_employers(gold: GoldAppointment, pred: PredictedAppointment) -> Tally:
    """Predicted past employers against the gold ones, greedily in prediction order.

    A predicted employer matching no (unused) gold one is ignored when it is optional or
    is the record's own organisation, else an extra.
    """
    hit: set[int] = set()
    tally = Tally()
    for name in pred.past_employers:
        i = next((i for i, g in enumerate(gold.past_employers) if i not in hit and same_organisation(g, name)), None)
        if i is not None:
            hit.add(i)
            tally += _count("past_employers", tp=1)
        elif not _ignorable_employer(gold, name):
            tally += _count("past_employers", fp=1) + _error(f"{gold.person}: extra past employer {name!r}")
    for i, g in enumerate(gold.past_employers):
        if i not in hit:
            tally += _count("past_employers", fn=1) + _error(f"{gold.person}: missed past employer {g!r}")
    return tally


def _ignorable_employer(gold: GoldAppointment, name: str) -> bool:
    return same_organisation(gold.organisation, name) or any(
        same_organisation(o, name) for o in gold.past_employers_optional
    )


def score_match(gold: GoldAppointment, pred: PredictedAppointment) -> Tally:
    """A required gold record and the prediction aligned to it."""
    org_ok = same_organisation(gold.organisation, pred.organisation)
    role_ok = same_role(gold.role, pred.role)
    tally = (
        _count("person", tp=1)
        + _check("organisation", org_ok)
        + _check("role", role_ok)
        + _check("event", gold.departed == pred.departed)
    )
    if gold.effective_date:
        tally += _check("effective_date", pred.effective_date == gold.effective_date)
    if org_ok and role_ok:
        tally += _count("record", _side(gold.departed), tp=1)
    else:
        tally += (
            _count("record", fp=1, fn=1)
            + _count(_side(gold.departed), fn=1)
            + _count(_side(pred.departed), fp=1)
            + _error(_mismatch_line(gold, pred, org_ok, role_ok))
        )
    return tally + score_past_employers(gold, pred)


def _mismatch_line(gold: GoldAppointment, pred: PredictedAppointment, org_ok: bool, role_ok: bool) -> str:
    """``"X: org 'predicted' vs 'gold', role 'predicted' vs 'gold'"``, wrong parts only."""
    parts = []
    if not org_ok:
        parts.append(f"org {pred.organisation!r} vs {gold.organisation!r}")
    if not role_ok:
        parts.append(f"role {pred.role!r} vs {gold.role!r}")
    return f"{gold.person}: {', '.join(parts)}"


def score_news(gold_row: Mapping[str, Any], golds: Sequence[GoldAppointment], said_news: bool) -> Tally:
    """Document level: is this appointment news?

    A gold positive whose every record is optional cannot be demanded of a system, so it
    takes the prediction's answer.
    """
    is_news = bool(gold_row.get("is_appointment_news"))
    if is_news and all(g.optional for g in golds):
        is_news = said_news
    return _count(
        "news", tp=int(is_news and said_news), fp=int(said_news and not is_news), fn=int(is_news and not said_news)
    )


def score_document(gold_row: Mapping[str, Any], prediction: Mapping[str, Any] | None) -> Tally:
    """Everything one document contributes to the report."""
    golds = [GoldAppointment.from_gold(a) for a in gold_row.get("appointments") or ()]
    preds = predicted_appointments(prediction)
    tally = score_news(gold_row, golds, bool(preds))
    if prediction is None:
        tally += _error("no prediction")
    elif "error" in prediction:
        tally += _error(f"error record: {_error_summary(prediction['error'])}")
    gold_date = iso_date(gold_row.get("announcement_date"))
    if gold_date:
        tally += _check("announcement_date", iso_date((prediction or {}).get("announcement_date")) == gold_date)
    pairs = align(golds, preds)
    for i, gold in enumerate(golds):
        if gold.optional:
            continue
        tally += score_match(gold, preds[pairs[i]]) if i in pairs else score_miss(gold)
    for j, pred in enumerate(preds):
        if j not in pairs.values():
            tally += score_extra(pred)
    return tally


def _error_summary(error: Any) -> str:
    if isinstance(error, Mapping):
        return f"{error.get('type', 'error')}: {error.get('message', '')}".rstrip(": ")
    return str(error)
