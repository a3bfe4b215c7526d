"""The trained decision: which candidates are moves, which organisation holds each post, which
organisations are past employers, whether a move is a departure, and how likely a record of the
hand rules is to be right.

Five logistic models (``PARTS``) over hashed string features (``candidates``), trained by
``extractor train`` (``decide.train``) and shipped as one ``.npz`` file inside the package.
Scoring needs only numpy: a feature is hashed (CRC-32) into ``DIM`` weights, and a probability
is the logistic of the summed weights. With the model deciding (``decide``), a record's
confidence is the probability that its post is a move times the probability of the organisation
chosen; for a record of the hand rules (``combine``, the default decision) it is the ``record``
part's probability, and the ``org`` part may give the record another organisation
(``organisation_over_rules``). Either is mapped through a calibration table fitted on held-out
predictions, so that a confidence of 0.8 is right about 80% of the time on text like the
training corpus.
"""
from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from ..assemble import fold
from ..components import normalize_title
from .candidates import Candidate, Option

#: Hashed feature space of each model.
DIM = 1 << 18
#: The model file shipped in the package.
MODEL_FILE = "decide.npz"
PARTS = ("pair", "org", "employer", "departed", "record")
#: Fallback when a file has no value for the share of the hand rules' records that are right.
RULE_BASE_RATE = 0.5
#: How much likelier the ``org`` part must find another organisation than the hand rules' own
#: (0.5 when the rules have none) before the combined decision gives a record of the rules that
#: organisation. Chosen among 0, 0.2 and 0.4: the cross-validation folds of ``corpus/train``
#: gain most at 0 (record F1 0.504, against 0.479 at 0.4 and 0.436 for the rules), but on 1987
#: wire copy, which the folds hardly hold, 8 right organisations of dev halves held out from
#: training were undone at 0, 4 at 0.2, none at 0.4 (README, "Trained decision").
ORG_MARGIN = 0.4


def record_features(cand: Candidate, org: Option | None = None) -> list[str]:
    """What the ``record`` part reads about a record the hand rules keep: the candidate's own
    features, and those of its organisation (``O:`` prefixed): ``org``, else the rules' own."""
    org = org or next((o for o in cand.orgs if o.rule), None)
    return cand.features + (["O:" + f for f in org.features] if org is not None else ["O:none"])


@lru_cache(maxsize=1 << 17)
def feature_index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


def indices(features: list[str]) -> np.ndarray:
    return np.unique(np.fromiter((feature_index(f) for f in features), dtype=np.int64, count=len(features)))


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


@dataclass
class Decision:
    """A candidate taken as a move, with what the model chose for it."""

    candidate: Candidate
    organisation: Option | None
    employers: list[Option]
    event: str
    confidence: float
    p_pair: float
    p_org: float


@dataclass
class Combined:
    """What the combined decision says of one record of the hand rules."""

    confidence: float
    #: the organisation the ``org`` part gives the post instead of the rules' own; None: theirs stands
    organisation: Option | None = None


@dataclass
class DecisionModel:
    weights: dict[str, np.ndarray]
    threshold: float = 0.5
    employer_threshold: float = 0.5
    #: calibration table: raw confidence -> observed precision (increasing), for np.interp
    calibration: tuple[list[float], list[float]] = field(default_factory=lambda: ([0.0, 1.0], [0.0, 1.0]))
    meta: dict = field(default_factory=dict)
    #: the ``record`` part's probability -> observed share right, for the hand rules' records
    record_calibration: tuple[list[float], list[float]] = field(default_factory=lambda: ([0.0, 1.0], [0.0, 1.0]))
    #: share of the hand rules' records that are right, for a record with no candidate to score
    rule_base_rate: float = RULE_BASE_RATE
    org_margin: float = ORG_MARGIN

    def prob(self, part: str, features: list[str]) -> float:
        return logistic(float(self.weights[part][indices(features)].sum()))

    # -- deciding -------------------------------------------------------
    def decide(self, candidates: list[Candidate]) -> list[Decision]:
        """The moves among a document's candidates, one per person and post, in text order."""
        best: dict[tuple[str, frozenset[str]], tuple[float, Candidate]] = {}
        for cand in candidates:
            p = self.prob("pair", cand.features)
            if p < self.threshold:
                continue
            key = (cand.person_key, _role_key(cand.title.text))
            if key not in best or p > best[key][0]:
                best[key] = (p, cand)
        chosen = _drop_contained_roles(list(best.values()))
        decisions = [self._decision(cand, p) for p, cand in chosen]
        return sorted(decisions, key=lambda d: (d.candidate.offset, d.candidate.sentence.start, d.candidate.person.start))

    def rule_confidence(self, cand: Candidate | None, org: Option | None = None) -> float:
        """The confidence of a record the hand rules keep: the ``record`` part's probability that
        its person, post and organisation (``org``, else the rules' own) are right, calibrated on
        held-out records."""
        if cand is None:
            return round(self.rule_base_rate, 4)
        xs, ys = self.record_calibration
        return round(float(np.interp(self.prob("record", record_features(cand, org)), xs, ys)), 4)

    def organisation_over_rules(self, cand: Candidate) -> Option | None:
        """The organisation the ``org`` part gives a record of the hand rules in their stead: the
        likeliest option, when it is not theirs and is at least ``org_margin`` likelier than
        theirs (than 0.5 when they have none); else None.

        Only the organisation of an arrival that the rules found in or after the title ("vice
        president of Service Delivery") is overruled: not one named before the title (the
        company that announces, "its Birchwood affiliate named ...", a ministry the text names
        earlier), nor the organisation a person leaves ("resigned from Ostrava Metals"), where
        the rules' constructions know what the model's features do not see."""
        if not cand.orgs or cand.event == "departed":
            return None
        theirs = next((o for o in cand.orgs if o.rule), None)
        if theirs is not None and theirs.span.end <= cand.title.start:
            return None
        scored = [(self.prob("org", o.features), o) for o in cand.orgs]
        p, best = max(scored, key=lambda s: s[0])
        floor = next((q for q, o in scored if o is theirs), 0.5)
        return None if best.rule or p < floor + self.org_margin else best

    def combine(self, candidates: list[Candidate]) -> dict[int, Combined]:
        """The combined decision on each record the hand rules keep, by its number
        (``Candidate.kept``): its organisation if the model overrules theirs, and its confidence."""
        out = {}
        for cand in candidates:
            if cand.kept is not None:
                org = self.organisation_over_rules(cand)
                out[cand.kept] = Combined(self.rule_confidence(cand, org), org)
        return out

    def combined_records(self, candidates: list[Candidate], count: int) -> list[Combined]:
        """The combined decision on each of the hand rules' ``count`` records of a document, in
        their order (a record no candidate stands for keeps its organisation and gets
        ``rule_confidence(None)``)."""
        said = self.combine(candidates)
        return [said[i] if i in said else Combined(self.rule_confidence(None)) for i in range(count)]

    def _decision(self, cand: Candidate, p_pair: float) -> Decision:
        org, p_org = None, 1.0
        if cand.orgs:
            scored = [(self.prob("org", o.features), o) for o in cand.orgs]
            best, org = max(scored, key=lambda s: s[0])
            # the chosen organisation's share among the options (they compete for one post)
            p_org = best * best / max(best, sum(p for p, _ in scored))
        event = cand.event
        departed = self.prob("departed", cand.features) > 0.5
        if departed and event != "departed":
            event = "departed"
        elif not departed and event == "departed" and "rule" not in cand.features:
            event = "appointed"
        employers = []
        seen = {fold(org.span.text)} if org is not None else set()
        for option in cand.employers:
            name = fold(option.span.text)
            if name in seen or self.prob("employer", option.features) < self.employer_threshold:
                continue
            seen.add(name)
            employers.append(option)
        raw = p_pair * p_org
        xs, ys = self.calibration
        confidence = float(np.interp(raw, xs, ys))
        return Decision(cand, org, employers, event, round(confidence, 4), p_pair, p_org)

    # -- files ------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        meta = dict(self.meta, threshold=self.threshold, employer_threshold=self.employer_threshold,
                    calibration=list(map(list, self.calibration)), dim=DIM, parts=list(PARTS),
                    record_calibration=list(map(list, self.record_calibration)),
                    rule_base_rate=self.rule_base_rate, org_margin=self.org_margin)
        arrays = {part: self.weights[part].astype(np.float32) for part in PARTS}
        np.savez_compressed(path, meta=np.array(json.dumps(meta)), **arrays)

    @classmethod
    def load(cls, path: str | Path | None = None) -> DecisionModel:
        """The model at ``path``, or the one shipped in the package."""
        source = Path(path) if path is not None else files("extractor").joinpath("data", MODEL_FILE)
        with source.open("rb") as handle, np.load(handle) as data:
            meta = json.loads(str(data["meta"]))
            if meta.get("dim") != DIM or set(meta.get("parts", ())) != set(PARTS):
                raise ValueError(f"{source}: not a decision model of this version (dim {meta.get('dim')})")
            weights = {part: np.asarray(data[part], dtype=np.float64) for part in PARTS}
        xs, ys = meta.pop("calibration")
        rxs, rys = meta.pop("record_calibration")
        return cls(weights, meta.pop("threshold"), meta.pop("employer_threshold"), (xs, ys), meta,
                   record_calibration=(rxs, rys),
                   rule_base_rate=meta.pop("rule_base_rate"), org_margin=meta.pop("org_margin", ORG_MARGIN))


def shipped_model_exists() -> bool:
    return files("extractor").joinpath("data", MODEL_FILE).is_file()


def _role_key(title: str) -> frozenset[str]:
    return frozenset(w for w in normalize_title(title).split() if w not in ("of", "the", "and", "a", "an"))


def _drop_contained_roles(chosen: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """Of two posts of one person where one title's words hold the other's ("president" and
    "president and chief executive"), keep the one the model is surer of."""
    keep = []
    for p, cand in sorted(chosen, key=lambda pc: -pc[0]):
        words = _role_key(cand.title.text)
        clash = any(k.person_key == cand.person_key and (words <= _role_key(k.title.text) or _role_key(k.title.text) <= words)
                    and (k.event == "departed") == (cand.event == "departed") for _, k in keep)
        if not clash:
            keep.append((p, cand))
    return keep
