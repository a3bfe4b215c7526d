"""Score extractor output against hand-made gold records.

The gold format is described in ``GOLD_FORMAT.md`` (one JSON object per document). The
library behind ``extractor evaluate GOLD.jsonl PATH...``::

    gold = load_gold("gold.jsonl")
    predictions = load_predictions(["runs/dev/"])     # document id -> output record
    report = evaluate(gold, predictions)
    print(report.format_table())

What is counted
---------------
* ``person``: a required gold record whose person the prediction names.
* ``record``: person, organisation and role all right. ``record_in`` / ``record_out`` split
  ``record`` into arrivals and departures (``event == "departed"``): a miss counts on the
  gold's side, an extra on the prediction's side. A matched person with a wrong organisation
  or role is both a miss and an extra.
* ``past_employers``: over matched required records (and the misses of unmatched ones).
* ``news``: document level; a prediction with at least one appointment says "this is news".
* accuracies over matched required records: ``organisation``, ``role``, ``event`` (departed
  or not), ``effective_date`` (where gold gives one); ``announcement_date`` over documents
  whose gold gives one.

Gold records marked ``optional`` and names in ``past_employers_optional`` are neither
rewarded nor penalised: a prediction aligned to them is simply set aside.

Conventions shared with the reference scorer (``shared/score.py``), chosen where the gold
format leaves the choice open so that the two agree (on the shared dev set a single record
moves ``record_out`` or ``effective_date`` by about 0.01, so agreement has to be close):

* precision (recall) with nothing predicted (nothing to find) is 1.0; F1 is 0.0 when both
  precision and recall are 0;
* a matched record is a ``record`` true positive on the gold's side even when the
  prediction's event disagrees (event is an accuracy, not part of a record);
* past employers of an extra prediction are not counted; those of a missed gold record are
  all misses;
* optional gold records are aligned after the required ones and use up the prediction
  they align to;
* an initial stands for any first name ("K. Smith" may be "John Smith");
* organisation words are compared on their first five letters (so "Japan" and "Japanese",
  "Industries" and "Industrial" agree); only a one-word prediction can be an acronym, and
  of all the gold name's words, legal form included ("IBM" is not "International Business
  Machines Corp"; "IBMC" is);
* an abbreviation is expanded only as a whole word ("co-CEO" is not "co chief executive
  officer"); roles agree at a word overlap of 0.6.

Where this module differs from ``score.py``, following the gold format's definitions: a few
more honorifics, name suffixes and legal forms are ignored ("Winthrop Sargent IV" is
"W. Sargent", "Foo LLP" is "Foo"); accents in roles are folded rather than dropped; dates
may be ``date`` objects; an error record is reported as such in ``errors``.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

METRICS = ("person", "record", "record_in", "record_out", "past_employers", "news")
ACCURACIES = ("organisation", "role", "event", "effective_date", "announcement_date")
EVENTS = frozenset({"appointed", "promoted", "interim", "departed"})
DEPARTED = "departed"

# --------------------------------------------------------------------------- text folding

_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits, in any script


def fold(text: str | None) -> str:
    """Case-fold and strip accents.

    >>> fold("Stéphane ROQUES")
    'stephane roques'
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str | None) -> list[str]:
    """The folded words of ``text``; punctuation separates words.

    >>> words("Gerald M.N. Corbett")
    ['gerald', 'm', 'n', 'corbett']
    """
    return _WORD.findall(fold(text))


def alternatives(gold: str | None) -> list[str]:
    """The ``|``-separated alternatives a gold value allows.

    >>> alternatives("MSF | Doctors without Borders")
    ['MSF', 'Doctors without Borders']
    """
    return [part.strip() for part in (gold or "").split("|") if part.strip()]


# --------------------------------------------------------------------------------- persons

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "rev"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq", "obe", "cbe", "mbe", "kbe"})


@dataclass(frozen=True)
class PersonName:
    """A name reduced to what identifies the person.

    Initials are left out: an initial stands for any first name (the reference scorer's
    reading, and the safe one when a text abbreviates a name it spells out elsewhere).
    """

    surname: str
    first_name: str | None  # the first given name written out in full


def parse_person(name: str | None) -> PersonName | None:
    """Surname and first name of ``name``, ignoring honorifics, suffixes and initials.

    None when no word longer than one letter is left.

    >>> parse_person("Mr. John W. Johnstone Jr.")
    PersonName(surname='johnstone', first_name='john')
    >>> parse_person("C.E. Spruell")
    PersonName(surname='spruell', first_name=None)
    """
    tokens = [w for w in words(name) if len(w) > 1 and w not in HONORIFICS and w not in NAME_SUFFIXES]
    if not tokens:
        return None
    return PersonName(surname=tokens[-1], first_name=tokens[0] if len(tokens) > 1 else None)


def same_person(gold: str | None, pred: str | None) -> bool:
    """True when two names can be the same person.

    Surnames must agree; first names must agree when both names spell one out; a name with
    only initials or a bare surname agrees with any first name. Hyphenated surnames compare
    on their last part, like the reference scorer ("Cathy Jean-Louis" is not "Jean-Louis").

    >>> same_person("John M. Henske", "J. Henske"), same_person("John Henske", "Mary Henske")
    (True, False)
    """
    a, b = parse_person(gold), parse_person(pred)
    if a is None or b is None or a.surname != b.surname:
        return False
    return a.first_name is None or b.first_name is None or a.first_name == b.first_name


# --------------------------------------------------------------------------- organisations

LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "companies",
    "ltd", "limited", "plc", "llc", "llp", "lp", "pty", "pte",
    "sa", "ag", "nv", "bv", "gmbh", "spa", "srl", "sarl", "sas", "ab", "asa", "oy", "kk",
})
GENERIC_ORG_WORDS = frozenset({"group", "holding", "holdings", "government"})  # the kind of body, not which
FUNCTION_WORDS = frozenset({"the", "of", "and"})
STEM_LENGTH = 5  # organisation words agree on their first five letters ("Japan"/"Japanese")


def org_words(name: str | None) -> list[str]:
    """Folded words of an organisation name, "&" read as "and", function words dropped.

    >>> org_words("The Hong Kong & Shanghai Banking Corp (U.S.)")
    ['hong', 'kong', 'shanghai', 'banking', 'corp', 'u', 's']
    """
    return [w for w in words((name or "").replace("&", " and ")) if w not in FUNCTION_WORDS]


def org_key(name: str | None) -> frozenset[str]:
    """The stems that identify an organisation: legal forms and generic words left out.

    >>> sorted(org_key("Olin Corporation")), sorted(org_key("Japanese government"))
    (['olin'], ['japan'])
    """
    return frozenset(
        w[:STEM_LENGTH] for w in org_words(name) if w not in LEGAL_FORMS and w not in GENERIC_ORG_WORDS
    )


def acronym(name: str | None) -> str | None:
    """The initials of a multi-word name, legal form included (None for one word).

    The legal form counts, as in the reference scorer: "International Business Machines
    Corp" is "ibmc", so "IBM" does not match it (see the module docstring).

    >>> acronym("Medicen Paris Region"), acronym("Boeing")
    ('mpr', None)
    """
    ws = org_words(name)
    return "".join(w[0] for w in ws) if len(ws) > 1 else None


def _same_single_org(gold: str, pred_key: frozenset[str]) -> bool:
    gold_key = org_key(gold)
    if gold_key and (gold_key <= pred_key or pred_key <= gold_key):
        return True
    return len(pred_key) == 1 and acronym(gold) in pred_key


def same_organisation(gold: str | None, pred: str | None) -> bool:
    """True when a predicted organisation names (one of) the gold organisation(s).

    Case, accents, punctuation, legal forms and generic words are ignored; one name may be
    a subset of the other ("Medicen" / "Medicen Paris Region"); a one-word prediction may
    be the gold name's acronym ("MPR").

    >>> same_organisation("Olin Corp", "OLIN CORPORATION")
    True
    >>> same_organisation("MSF | Doctors without Borders", "Doctors Without Borders")
    True
    """
    pred_key = org_key(pred)
    return bool(pred_key) and any(_same_single_org(alt, pred_key) for alt in alternatives(gold))


# ----------------------------------------------------------------------------------- roles

ROLE_ABBREVIATIONS = {
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "cmo": "chief marketing officer",
    "evp": "executive vice president",
    "svp": "senior vice president",
    "vp": "vice president",
    "md": "managing director",
    "gm": "general manager",
    "chair": "chairman",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "exec": "executive",
    "pres": "president",
}
ROLE_STOP_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "as", "and", "its", "new", "company"})
ROLE_OVERLAP = 0.6  # Jaccard overlap at which two titles count as the same role

_ROLE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, hyphenated words kept whole
_ELIDED = re.compile(r"['\u2019]s\b|['\u2019.]")  # possessive 's, apostrophes, dots ("v.p." -> "vp")


def role_words(title: str | None) -> frozenset[str]:
    """The content words of a title, abbreviations expanded.

    An abbreviation is expanded only as a whole word: a hyphenated word is looked up whole
    and then split, so "vice-chairman" is "vice chairman" but "co-CEO" stays "co ceo" (the
    reference scorer's reading). Digits are not words.

    >>> sorted(role_words("Sr. V.P. and CFO of the company's unit"))
    ['chief', 'financial', 'officer', 'president', 'sr', 'unit', 'vice']
    """
    found = _ROLE_WORD.findall(_ELIDED.sub("", fold(title)))
    expanded = " ".join(ROLE_ABBREVIATIONS.get(w, w).replace("-", " ") for w in found)
    return frozenset(w for w in expanded.split() if w not in ROLE_STOP_WORDS)


def _same_single_role(gold: str, pred_words: frozenset[str]) -> bool:
    gold_words = role_words(gold)
    if not gold_words:
        return False
    if gold_words <= pred_words or pred_words <= gold_words:
        return True
    return len(gold_words & pred_words) / len(gold_words | pred_words) >= ROLE_OVERLAP


def same_role(gold: str | None, pred: str | None) -> bool:
    """True when a predicted title names (one of) the gold role(s).

    One title's words may be a subset of the other's ("chief executive" / "president and
    CEO"), or they overlap by at least ``ROLE_OVERLAP``.

    >>> same_role("chief executive officer", "CEO"), same_role("senior vice president", "executive vice president")
    (True, False)
    """
    pred_words = role_words(pred)
    return bool(pred_words) and any(_same_single_role(alt, pred_words) for alt in alternatives(gold))


# ----------------------------------------------------------------------- records to compare


@dataclass(frozen=True)
class GoldAppointment:
    """One gold appointment, as the scorer reads it."""

    person: str
    organisation: str | None
    role: str
    departed: bool
    effective_date: str | None = None
    past_employers: tuple[str, ...] = ()
    past_employers_optional: tuple[str, ...] = ()
    optional: bool = False

    @classmethod
    def from_gold(cls, row: Mapping[str, Any]) -> GoldAppointment:
        return cls(
            person=row.get("person") or "",
            organisation=row.get("organisation"),
            role=row.get("role") or "",
            departed=row.get("event") == DEPARTED,
            effective_date=_iso(row.get("effective_date")),
            past_employers=tuple(row.get("past_employers") or ()),
            past_employers_optional=tuple(row.get("past_employers_optional") or ()),
            optional=bool(row.get("optional")),
        )


@dataclass(frozen=True)
class PredictedAppointment:
    """One predicted appointment, as the scorer reads it from an output record."""

    person: str
    organisation: str | None
    role: str
    departed: bool
    effective_date: str | None = None
    past_employers: tuple[str, ...] = ()

    @classmethod
    def from_output(cls, row: Mapping[str, Any]) -> PredictedAppointment:
        """Read an ``Appointment`` as JSON; plain strings are accepted for objects."""
        return cls(
            person=_name(row.get("person"), "name") or "",
            organisation=_name(row.get("organisation"), "name"),
            role=_name(row.get("role"), "title") or "",
            departed=row.get("event") == DEPARTED,
            effective_date=_iso(row.get("effective_date")),
            past_employers=tuple(_name(pe, "name") or "" for pe in row.get("past_employers") or ()),
        )


def _name(value: Any, key: str) -> str | None:
    """``value[key]`` for an object, ``value`` itself for a string."""
    if isinstance(value, Mapping):
        value = value.get(key)
    return value if isinstance(value, str) else None


def _iso(value: Any) -> str | None:
    """A date as an ISO string (``date`` objects and strings alike); None stays None."""
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) and value else None


def predicted_appointments(record: Mapping[str, Any] | None) -> list[PredictedAppointment]:
    """The appointments of an output record; none for a missing or an error record."""
    if record is None or "error" in record:
        return []
    return [PredictedAppointment.from_output(a) for a in record.get("appointments") or () if isinstance(a, Mapping)]


# ------------------------------------------------------------------------------ alignment


def agreement(gold: GoldAppointment, pred: PredictedAppointment) -> int:
    """How many of role, organisation and departure side a prediction gets right (0-3)."""
    return (
        same_role(gold.role, pred.role)
        + same_organisation(gold.organisation, pred.organisation)
        + (gold.departed == pred.departed)
    )


def align(golds: Sequence[GoldAppointment], preds: Sequence[PredictedAppointment]) -> dict[int, int]:
    """Greedy one-to-one alignment: gold index -> prediction index.

    Required gold records go first (then optional ones), each in gold order, each taking
    the unused prediction naming the same person that agrees most (``agreement``); ties go
    to the earlier prediction.
    """
    pairs: dict[int, int] = {}
    for i in sorted(range(len(golds)), key=lambda i: golds[i].optional):
        candidates = [
            j for j, pred in enumerate(preds)
            if j not in pairs.values() and same_person(golds[i].person, pred.person)
        ]
        if candidates:
            pairs[i] = max(candidates, key=lambda j: agreement(golds[i], preds[j]))
    return pairs


# -------------------------------------------------------------------------------- tallies


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
    gold_date = _iso(gold_row.get("announcement_date"))
    if gold_date:
        tally += _check("announcement_date", _iso((prediction or {}).get("announcement_date")) == gold_date)
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


# -------------------------------------------------------------------------------- report


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


# ---------------------------------------------------------------------------------- input

_REQUIRED_DOC_KEYS = ("id", "is_appointment_news", "appointments")
_REQUIRED_APPOINTMENT_KEYS = ("person", "organisation", "role", "event")


def _gold_problem(row: Any) -> str | None:
    """What is wrong with one gold row, or None."""
    if not isinstance(row, dict):
        return f"expected a JSON object, got {type(row).__name__}"
    missing = [k for k in _REQUIRED_DOC_KEYS if k not in row]
    if missing:
        return f"missing key(s) {', '.join(missing)}"
    if not isinstance(row["id"], str) or not row["id"]:
        return "'id' must be a non-empty string"
    if not isinstance(row["appointments"], list):
        return "'appointments' must be a list"
    for n, appointment in enumerate(row["appointments"]):
        problem = _appointment_problem(appointment)
        if problem:
            return f"appointment {n}: {problem}"
    return None


def _appointment_problem(appointment: Any) -> str | None:
    if not isinstance(appointment, dict):
        return "expected a JSON object"
    missing = [k for k in _REQUIRED_APPOINTMENT_KEYS if k not in appointment]
    if missing:
        return f"missing key(s) {', '.join(missing)}"
    for key in ("person", "role"):
        if not isinstance(appointment[key], str) or not appointment[key].strip():
            return f"{key!r} must be a non-empty string"
    if appointment["organisation"] is not None and not isinstance(appointment["organisation"], str):
        return "'organisation' must be a string or null"
    if appointment["event"] not in EVENTS:
        return f"'event' must be one of {', '.join(sorted(EVENTS))}, not {appointment['event']!r}"
    for key in ("past_employers", "past_employers_optional"):
        value = appointment.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key!r} must be a list of strings"
    return None


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold records (JSONL, one document a line; blank lines skipped).

    Raises ValueError naming the file and line of a row that is not valid JSON, lacks a
    required key (``id``, ``is_appointment_news``, ``appointments``; per appointment
    ``person``, ``organisation``, ``role``, ``event``) or repeats an id.
    """
    path = Path(path)
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}, line {lineno}: not valid JSON ({exc.msg})") from exc
        problem = _gold_problem(row)
        if problem:
            raise ValueError(f"{path}, line {lineno}: {problem}")
        if row["id"] in seen:
            raise ValueError(f"{path}, line {lineno}: id {row['id']!r} already given on line {seen[row['id']]}")
        seen[row["id"]] = lineno
        rows.append(row)
    return rows


def prediction_id(record: Mapping[str, Any]) -> str | None:
    """A record's document id: ``document_id``, else the stem of its ``source`` path."""
    if record.get("document_id"):
        return str(record["document_id"])
    if record.get("source"):
        return Path(str(record["source"])).stem
    return None


def _records_in(path: Path) -> Iterable[tuple[str, Any]]:
    """(where, record) for each record in a .jsonl or .json file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}, line {lineno}", _parse(line, f"{path}, line {lineno}")
        return
    data = _parse(text, str(path))
    for n, record in enumerate(data if isinstance(data, list) else [data]):
        yield (f"{path}[{n}]" if isinstance(data, list) else str(path)), record


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON ({exc.msg})") from exc


def _prediction_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
    return [path]


def load_predictions(paths: Iterable[str | Path]) -> dict[str, dict[str, Any]]:
    """Read output records from JSONL/JSON files or folders of them: document id -> record.

    A record's id is its ``document_id`` (or the stem of its ``source``). When an id comes
    twice the later record wins, with a warning.
    """
    predictions: dict[str, dict[str, Any]] = {}
    for path in map(Path, paths):
        for file in _prediction_files(path):
            for where, record in _records_in(file):
                doc_id = prediction_id(record) if isinstance(record, dict) else None
                if doc_id is None:
                    raise ValueError(f"{where}: not an output record with a document_id or source")
                if doc_id in predictions:
                    logger.warning("%s: a second record for %s replaces the first", where, doc_id)
                predictions[doc_id] = record
    return predictions
