"""Training and measuring the decision model on annotated documents.

    gather     run the pipeline over annotated texts and keep each document's candidates and
               the hand rules' records (cached: parsing is the slow part)
    label      mark candidates, organisation options and employer options from the gold
    fit        five logistic models (scikit-learn), thresholds and calibration tables chosen
               on predictions held out inside the training documents
    crossval   k-fold figures by document, with the ablation and the learning curve

scikit-learn is needed to train (extra ``[train]``), not to run: the shipped model is plain
weights (``model.DecisionModel``).
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import random
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from ..assemble import fold
from ..evaluate import GoldAppointment, align, evaluate, same_organisation, same_person, same_role
from .candidates import Candidate, Option
from .model import DIM, PARTS, DecisionModel, indices, record_features

log = logging.getLogger(__name__)

#: Regularisation of the logistic models (inverse strength), one per part. The ``org`` part is
#: held least: on the cross-validation folds (with 3 inner folds), 0.3 / 1 / 3 / 10 / 30 gave
#: combined organisation accuracy 0.913 / 0.915 / 0.917 / 0.918 / 0.918 (weights on corpus/train
#: alone: dev record F1 0.914 at 0.3, 0.918 at 10; on held-out dev halves 0.925 and 0.921).
C = {"pair": 0.3, "org": 10.0, "employer": 0.3, "departed": 0.3, "record": 0.3}
#: Inner folds used to pick the thresholds and fit the calibration (5: each inner model sees 80%
#: of the documents, closer to the model that ships than 67%; with 3 the folds' calibration
#: error of the combined decision was 0.053 at the org part's C of 10, with 5 0.042 to 0.048).
INNER_FOLDS = 5


@dataclass
class DocData:
    """One annotated document as the decision sees it."""

    doc_id: str
    announced: date | None
    candidates: list[Candidate]
    rules: list[dict]  # the hand rules' appointments, as output JSON
    gold: dict = field(default_factory=dict)


# ------------------------------------------------------------------------------ gathering


def _gather_chunk(items: list[tuple[str, str]]) -> list[tuple[str, date | None, list[Candidate], list[dict]]]:
    from ..batch import InputFile, process_chunk
    from ..pipeline import Extractor, Options

    got: list = []
    extractor = Extractor(Options(decide=False),
                          collector=lambda i, a, c, r: got.append((i, a, c, [x.model_dump(mode="json") for x in r])))
    process_chunk(extractor, [InputFile(Path(path)) for _, path in items])
    return got


def gather(rows: Sequence[dict], texts: Path, workers: int = 2, cache: Path | None = None) -> list[DocData]:
    """Candidates of every gold document (texts found as ``texts/<id>.*``), in gold order."""
    paths = []
    for row in rows:
        found = sorted(texts.glob(f"{row['id']}.*"))
        if not found:
            raise FileNotFoundError(f"no text for gold id {row['id']} in {texts}")
        paths.append((row["id"], str(found[0])))
    key = hashlib.sha256(repr(paths).encode() + b"".join(Path(p).read_bytes() for _, p in paths)
                         + _code_fingerprint()).hexdigest()[:16]
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return _attach(rows, stored["docs"])
    chunks = [paths[k:k + 32] for k in range(0, len(paths), 32)]
    collected: dict[str, tuple] = {}
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            for part in pool.map(_gather_chunk, chunks):
                collected.update((c[0], c) for c in part)
    else:
        for chunk in chunks:
            collected.update((c[0], c) for c in _gather_chunk(chunk))
    docs = [DocData(i, *collected[i][1:]) if i in collected else DocData(i, None, [], []) for i, _ in paths]
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps({"key": key, "docs": docs}))
    return _attach(rows, docs)


def _code_fingerprint() -> bytes:
    """The package's code and rule data (not the trained weights): a cache of candidates made by
    other code is stale."""
    root = Path(__file__).resolve().parents[1]
    parts = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json") and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part.relative_to(root)).encode() + b"\0" + part.read_bytes())
    return digest.digest()


def _attach(rows: Sequence[dict], docs: list[DocData]) -> list[DocData]:
    for row, doc in zip(rows, docs):
        doc.gold = row
    return docs


# ------------------------------------------------------------------------------- labels


def _golds(doc: DocData) -> list[dict]:
    return list(doc.gold.get("appointments") or [])


def pair_label(cand: Candidate, golds: list[dict]) -> tuple[int | None, dict | None]:
    """1 (with the gold record) when a required gold record has this person and role, None when
    only an optional one does (neither rewarded nor penalised), else 0."""
    hits = [g for g in golds if same_person(g["person"], cand.person_name) and same_role(g["role"], cand.title.text)]
    required = [g for g in hits if not g.get("optional")]
    if required:
        return 1, required[0]
    return (None, hits[0]) if hits else (0, None)


def rows_for(docs: Iterable[DocData]) -> dict[str, tuple[list[list[str]], list[int]]]:
    """Training rows of each part: (feature lists, labels)."""
    out: dict[str, tuple[list, list]] = {part: ([], []) for part in PARTS}
    for doc in docs:
        golds = _golds(doc)
        for cand in doc.candidates:
            label, gold = pair_label(cand, golds)
            if label is None:
                continue
            if cand.kept is not None:
                out["record"][0].append(record_features(cand))
                out["record"][1].append(int(_record_right(cand, label, gold)))
            out["pair"][0].append(cand.features)
            out["pair"][1].append(label)
            if not label:
                continue
            out["departed"][0].append(cand.features)
            out["departed"][1].append(int(gold["event"] == "departed"))
            if gold.get("organisation"):
                for option in cand.orgs:
                    out["org"][0].append(option.features)
                    out["org"][1].append(int(same_organisation(gold["organisation"], option.span.text)))
            for option in cand.employers:
                name = option.span.text
                if any(same_organisation(o, name) for o in gold.get("past_employers_optional") or ()):
                    continue
                if gold.get("organisation") and same_organisation(gold["organisation"], name):
                    continue
                out["employer"][0].append(option.features)
                out["employer"][1].append(int(any(same_organisation(p, name) for p in gold.get("past_employers") or ())))
    return out


def _record_right(cand: Candidate, label: int, gold: dict | None, org: Option | None = None) -> bool:
    """Is a record the hand rules keep right: a required gold record's person and role
    (``label``, from ``pair_label``), and its organisation (``org``, else the rules' own)?"""
    org = org or next((o for o in cand.orgs if o.rule), None)
    return bool(label) and gold is not None and same_organisation(gold.get("organisation"),
                                                                  org.span.text if org else None)


# ---------------------------------------------------------------------------------- fitting


def _matrix(features: list[list[str]]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, feats in enumerate(features):
        idx = indices(feats)
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(features), DIM))


def _fit_part(features: list[list[str]], labels: list[int], c: float, seed: int) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros(DIM)
    if not labels or len(set(labels)) < 2:
        if labels:  # one class only: a constant leaning to it
            weights[indices(["bias"])] = 3.0 if labels[0] else -3.0
        return weights
    model = LogisticRegression(C=c, solver="liblinear", fit_intercept=False, random_state=seed, max_iter=200)
    model.fit(_matrix(features), labels)
    return model.coef_[0].astype(np.float64)


def fit_weights(docs: Sequence[DocData], seed: int) -> dict[str, np.ndarray]:
    rows = rows_for(docs)
    return {part: _fit_part(*rows[part], C[part], seed) for part in PARTS}


def fit(docs: Sequence[DocData], seed: int = 13, meta: dict | None = None) -> DecisionModel:
    """The model for ``docs``: weights on all of them; threshold, employer threshold and
    calibration from predictions on inner folds of them (each held out in turn)."""
    rng = random.Random(seed)
    order = list(range(len(docs)))
    rng.shuffle(order)
    inner = [order[k::INNER_FOLDS] for k in range(INNER_FOLDS)]
    held: list[tuple[DocData, DecisionModel]] = []
    for k in range(INNER_FOLDS):
        train = [docs[i] for j, part in enumerate(inner) if j != k for i in part]
        model = DecisionModel(fit_weights(train, seed))
        held.extend((docs[i], model) for i in inner[k])
    threshold = _best_threshold(held, "pair")
    employer_threshold = _best_threshold(held, "employer")
    calibration = _calibration(held, threshold, employer_threshold)
    record_calibration, base_rate = _record_calibration(held)
    return DecisionModel(fit_weights(docs, seed), threshold, employer_threshold, calibration,
                         dict(meta or {}, seed=seed, documents=len(docs)),
                         record_calibration=record_calibration, rule_base_rate=base_rate)


#: No record is certain: calibrated confidence stays within these bounds (a held-out bin with
#: every record right says little more than "nearly always" on new text).
CONFIDENCE_BOUNDS = (0.01, 0.99)


#: Points of a calibration table, between which ``np.interp`` reads
CALIBRATION_POINTS = 101


def _calibration_table(raw: list[float], right: list[bool]) -> tuple[list[float], list[float]]:
    """Platt scaling: a logistic fit of right on the log-odds of raw, as a table for ``np.interp``.
    (Isotonic regression's steps, fitted on the same held-out records, moved the folds' expected
    calibration error between 0.026 and 0.058 from one run to the next with features that
    barely changed; the logistic curve kept it at 0.024-0.028.)"""
    from sklearn.linear_model import LogisticRegression

    low, high = CONFIDENCE_BOUNDS
    if len(set(right)) < 2:
        return ([0.0, 1.0], [low, high])
    fitted = LogisticRegression(C=1e6).fit(_log_odds(np.asarray(raw, dtype=float)), right)
    xs = np.linspace(0.0, 1.0, CALIBRATION_POINTS)
    ys = np.clip(fitted.predict_proba(_log_odds(xs))[:, 1], low, high)
    return [float(x) for x in xs], [float(y) for y in ys]


def _log_odds(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)) as one column, p kept off 0 and 1."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p)).reshape(-1, 1)


def _record_calibration(held: list[tuple[DocData, DecisionModel]]) -> tuple[tuple[list[float], list[float]], float]:
    """The ``record`` part's held-out probability -> share right (Platt scaling), and the share of the
    hand rules' judged records that are right."""
    raw, right = [], []
    for doc, model in held:
        golds = _golds(doc)
        for cand in doc.candidates:
            label, gold = pair_label(cand, golds) if cand.kept is not None else (None, None)
            if label is not None:
                org = model.organisation_over_rules(cand)
                raw.append(model.prob("record", record_features(cand, org)))
                right.append(_record_right(cand, label, gold, org))
    judged = [r for doc, _ in held for r in _app_correctness(doc, doc.rules) if r is not None]
    return _calibration_table(raw, right), (sum(judged) / len(judged) if judged else 0.5)


def _best_threshold(held: list[tuple[DocData, DecisionModel]], part: str) -> float:
    """The cut that maximises F1 of the part's held-out rows."""
    scored = []
    for doc, model in held:
        rows = rows_for([doc])[part]
        scored.extend((model.prob(part, f), y) for f, y in zip(*rows))
    positives = sum(y for _, y in scored)
    best, best_f1 = 0.5, -1.0
    for cut in np.arange(0.2, 0.81, 0.025):
        tp = sum(1 for p, y in scored if p >= cut and y)
        fp = sum(1 for p, y in scored if p >= cut and not y)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f1 > best_f1:
            best, best_f1 = float(cut), f1
    return round(best, 3)


def _calibration(held, threshold: float, employer_threshold: float) -> tuple[list[float], list[float]]:
    """Raw record confidence -> share of such records that are right, fitted by Platt scaling on
    the held-out records, as a table for ``np.interp``."""
    raw, right = [], []
    for doc, model in held:
        model.threshold, model.employer_threshold = threshold, employer_threshold
        model.calibration = ([0.0, 1.0], [0.0, 1.0])
        decisions = model.decide(doc.candidates)
        for decision, correct in zip(decisions, record_correctness(doc, decisions)):
            if correct is not None:
                raw.append(decision.p_pair * decision.p_org)
                right.append(correct)
    return _calibration_table(raw, right)


# ------------------------------------------------------------------------------ predicting


def prediction(doc: DocData, appointments: list[dict]) -> dict:
    return {"document_id": doc.doc_id, "announcement_date": doc.announced.isoformat() if doc.announced else None,
            "appointments": appointments}


def decided(doc: DocData, model: DecisionModel) -> list[dict]:
    """The model's records of a document, as output JSON (names only, no offsets)."""
    return _as_output(model.decide(doc.candidates))


def combined(doc: DocData, model: DecisionModel) -> list[dict]:
    """The combined decision's records: the hand rules', each with the organisation the ``org``
    part gives it where it overrules theirs, and the ``record`` part's confidence."""
    said = model.combined_records(doc.candidates, len(doc.rules))
    return [dict(_overruled(r, c.organisation), confidence=c.confidence) for r, c in zip(doc.rules, said)]


def _overruled(record: dict, org: Option | None) -> dict:
    """A record (output JSON) with the organisation ``org`` instead of its own (None: as it is);
    a past employer of the same name is then no longer one."""
    if org is None:
        return record
    name = org.span.text
    return dict(record, organisation={"name": name},
                past_employers=[p for p in record.get("past_employers") or () if fold(p["name"]) != fold(name)])


def _as_output(decisions) -> list[dict]:
    out = []
    for d in decisions:
        cand = d.candidate
        out.append({"person": {"name": cand.person.text}, "role": {"title": cand.title.text},
                    "organisation": {"name": d.organisation.span.text} if d.organisation else None,
                    "event": d.event, "effective_date": cand.effective.isoformat() if cand.effective else None,
                    "past_employers": [{"name": o.span.text} for o in d.employers], "confidence": d.confidence})
    return out


def record_correctness(doc: DocData, decisions) -> list[bool | None]:
    """For each decision: right (person, organisation and role of a required gold record), wrong,
    or None (it is an optional gold record: not judged)."""
    return _app_correctness(doc, _as_output(decisions))


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> float:
    """Mean |confidence - accuracy| over equal-width bins, weighted by their counts."""
    if not pairs:
        return 0.0
    total = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (k == bins - 1 and c == 1.0)]
        if inside:
            conf = sum(c for c, _ in inside) / len(inside)
            acc = sum(r for _, r in inside) / len(inside)
            total += len(inside) * abs(conf - acc)
    return total / len(pairs)


def hand_decided(doc: DocData) -> list[dict]:
    """The ablation without a model: the candidates' own hand thresholds (a pair the rules keep,
    or a cue with only glue words between name and title), the rules' organisation else the
    nearest in the sentence, the rules' past employers."""
    out, seen = [], set()
    for cand in doc.candidates:
        f = set(cand.features)
        taken = ("rule" in f and "rule_dropped" not in f) or (
            "cue=none" not in f and "glue_only=True" in f and any(x in f for x in ("gap=0", "gap=1", "gap=2", "gap=3")))
        key = (cand.person_key, cand.title.text.lower())
        if not taken or key in seen:
            continue
        seen.add(key)
        org = next((o for o in cand.orgs if o.rule), None) or next((o for o in cand.orgs if "src=sent" in o.features), None) \
            or next(iter(cand.orgs), None)
        out.append({"person": {"name": cand.person.text}, "role": {"title": cand.title.text},
                    "organisation": {"name": org.span.text} if org else None, "event": cand.event,
                    "effective_date": cand.effective.isoformat() if cand.effective else None,
                    "past_employers": [{"name": o.span.text} for o in cand.employers if o.rule]})
    return out


Decider = Callable[[DocData], list[dict]]


def score(docs: Sequence[DocData], decide: Decider):
    """The evaluation report of ``decide`` on ``docs`` (``extractor.evaluate``)."""
    preds = {doc.doc_id: prediction(doc, decide(doc)) for doc in docs}
    return evaluate([doc.gold for doc in docs], preds)


# --------------------------------------------------------------------------- cross-validation

#: Confidence thresholds of the README's table.
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
FIGURES = ("record", "person", "past_employers", "news")
ACCURACY_FIGURES = ("organisation", "role", "event", "effective_date", "announcement_date")


def figures(report) -> dict[str, float | None]:
    """The headline figures of an evaluation report."""
    out: dict[str, float | None] = {}
    for key in FIGURES:
        out[key] = round(report.metrics[key].f1, 4)
    out["record_p"] = round(report.metrics["record"].precision, 4)
    out["record_r"] = round(report.metrics["record"].recall, 4)
    for key in ACCURACY_FIGURES:
        value = report.accuracy.get(key)
        out[key] = None if value is None else round(value, 4)
    return out


def _mean(rows: list[dict[str, float | None]]) -> dict[str, float | None]:
    keys = rows[0].keys() if rows else ()
    out = {}
    for key in keys:
        values = [r[key] for r in rows if r[key] is not None]
        out[key] = round(sum(values) / len(values), 4) if values else None
    return out


def crossval(docs: Sequence[DocData], folds: dict[str, int], seed: int = 13,
             fractions: Sequence[float] = (0.25, 0.5, 1.0)) -> dict:
    """k-fold figures by document: the combined decision (the default), the model alone, the
    candidates with hand thresholds, the hand rules; the learning curve (trained on a share of
    each training split); calibration (ECE, 10 bins) and the confidence-threshold table of the
    combined decision and of the model, from the held-out predictions."""
    ks = sorted(set(folds.values()))
    per_fold: dict[str, list[dict]] = {"combined": [], "model": [], "hand": [], "rules": []}
    curve: dict[str, dict[float, list[dict]]] = {"combined": {f: [] for f in fractions}, "model": {f: [] for f in fractions}}
    held: dict[str, list[tuple[DocData, list[dict]]]] = {"combined": [], "model": [], "rules": []}
    deciders = {"combined": combined, "model": decided}
    for k in ks:
        test = [d for d in docs if folds.get(d.doc_id) == k]
        train = [d for d in docs if folds.get(d.doc_id) not in (k, None)]
        for fraction in fractions:
            subset = train if fraction >= 1.0 else random.Random(seed + k).sample(train, int(len(train) * fraction))
            model = fit(subset, seed)
            for name, decide in deciders.items():
                report = score(test, lambda d: decide(d, model))
                curve[name][fraction].append(dict(figures(report), fold=k, documents=len(subset)))
                if fraction >= 1.0:
                    per_fold[name].append(dict(figures(report), fold=k))
                    held[name].extend((d, decide(d, model)) for d in test)
        per_fold["hand"].append(dict(figures(score(test, hand_decided)), fold=k))
        per_fold["rules"].append(dict(figures(score(test, lambda d: d.rules)), fold=k))
        held["rules"].extend((d, d.rules) for d in test)

    def means(rows: list[dict]) -> dict:
        return _mean([{k: v for k, v in r.items() if k != "fold"} for r in rows])

    return {
        "folds": per_fold,
        "mean": {name: means(rows) for name, rows in per_fold.items()},
        "learning_curve": {name: {str(f): means(rows) for f, rows in by.items()} for name, by in curve.items()},
        "ece": {name: round(_ece_of(pairs), 4) for name, pairs in held.items()},
        "thresholds": {name: _threshold_table(held[name]) for name in deciders},
    }


def _ece_of(held: list[tuple[DocData, list[dict]]]) -> float:
    pairs = []
    for doc, apps in held:
        for app, right in zip(apps, _app_correctness(doc, apps)):
            if right is not None:
                pairs.append((app["confidence"], right))
    return expected_calibration_error(pairs)


def _app_correctness(doc: DocData, apps: list[dict]) -> list[bool | None]:
    from ..evaluate import PredictedAppointment

    golds = [GoldAppointment.from_gold(g) for g in _golds(doc)]
    preds = [PredictedAppointment.from_output(a) for a in apps]
    verdict: list[bool | None] = [False] * len(preds)
    for gi, pj in align(golds, preds).items():
        g = golds[gi]
        verdict[pj] = None if g.optional else bool(same_role(g.role, preds[pj].role)
                                                   and same_organisation(g.organisation, preds[pj].organisation))
    return verdict


def _threshold_table(held: list[tuple[DocData, list[dict]]]) -> list[dict]:
    rows = []
    for cut in THRESHOLDS:
        preds = {d.doc_id: prediction(d, [a for a in apps if a["confidence"] >= cut]) for d, apps in held}
        report = evaluate([d.gold for d, _ in held], preds)
        rec = report.metrics["record"]
        rows.append({"confidence": cut, "scored": rec.tp + rec.fp, "precision": round(rec.precision, 4),
                     "recall": round(rec.recall, 4), "f1": round(rec.f1, 4)})
    return rows


def format_crossval(result: dict) -> str:
    """The cross-validation report as plain-text tables."""
    cols = ("record", "record_p", "record_r", "person", "organisation", "role", "event", "past_employers",
            "effective_date", "announcement_date", "news")
    head = f"{'':18}" + "".join(f"{c[:10]:>11}" for c in cols)
    lines = ["per fold and mean (F1 for record/person/past_employers/news, accuracy otherwise)", head]

    def row(label, r):
        return f"{label:18}" + "".join(f"{'' if r.get(c) is None else format(r[c], '.3f'):>11}" for c in cols)

    for name, rows in result["folds"].items():
        for r in rows:
            lines.append(row(f"{name} fold {r['fold']}", r))
        lines.append(row(f"{name} mean", result["mean"][name]))
    for name, by in result["learning_curve"].items():
        lines += ["", f"learning curve ({name}, mean over folds)"]
        for fraction, r in by.items():
            lines.append(row(f"{float(fraction):.0%} of training", r))
    lines += ["", "expected calibration error of record confidence (10 bins): "
              + ", ".join(f"{name} {value:.3f}" for name, value in result["ece"].items())]
    for name, table in result["thresholds"].items():
        lines += ["", f"{name}: confidence >=   scored   precision   recall     F1"]
        for t in table:
            lines.append(f"{t['confidence']:>12.2f} {t['scored']:>8} {t['precision']:>11.3f} {t['recall']:>8.3f} {t['f1']:>6.3f}")
    return "\n".join(lines)
