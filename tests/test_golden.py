"""Golden tests: our own corpus, the two seed announcements, and the dev-set quality gate.

Each corpus document must come out exactly as its ``.expected.json`` says (record,
past employers, appointment news or not, announcement date). Documents the rules do
not yet get right are listed in ``corpus_known_failures.json`` and run as strict
xfails: fixing one makes its test fail until it is taken off the list.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate import evaluate, load_gold
from extractor.inputs import decode_bytes
from extractor.pipeline import Document, Extractor

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
KNOWN_FAILURES = set(json.loads((Path(__file__).parent / "corpus_known_failures.json").read_text()))
BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())
TOLERANCE = 0.02

pytestmark = pytest.mark.model


def _expected() -> dict[str, dict]:
    return {p.name.removesuffix(".expected.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(CORPUS.glob("*.expected.json"))}


def _input(doc_id: str) -> Path:
    return next(p for p in CORPUS.glob(f"{doc_id}.*") if not p.name.endswith(".expected.json"))


def _run(paths: list[Path]) -> dict[str, dict]:
    ex = Extractor()
    docs = (Document(p.stem, p.read_bytes(), str(p), p.name) for p in paths)
    return {rec.document_id: rec.model_dump(mode="json") for rec in ex.process(docs)}


@pytest.fixture(scope="module")
def corpus_predictions():
    return _run([_input(i) for i in _expected()])


def _exact(gold: dict, pred: dict) -> list[str]:
    report = evaluate([gold], {gold["id"]: pred})
    problems = [line for lines in report.errors.values() for line in lines]
    if gold.get("announcement_date") and pred.get("announcement_date") != gold["announcement_date"]:
        problems.append(f"announcement date {pred.get('announcement_date')} vs {gold['announcement_date']}")
    return problems


def test_corpus_is_large_and_varied():
    expected = _expected()
    assert len(expected) >= 40
    negatives = [g for g in expected.values() if not g["is_appointment_news"]]
    assert len(negatives) >= 8
    assert sum(1 for i in expected if _input(i).suffix == ".html") >= 5


@pytest.mark.parametrize(
    "doc_id",
    [pytest.param(i, marks=pytest.mark.xfail(strict=True, reason="known rule gap")) if i in KNOWN_FAILURES else i
     for i in _expected()],
)
def test_corpus_document_exact(doc_id, corpus_predictions):
    gold = _expected()[doc_id]
    assert _exact(gold, corpus_predictions[doc_id]) == []


def test_corpus_records_point_into_their_text(corpus_predictions):
    for doc_id, pred in corpus_predictions.items():
        text = pred.get("text") or decode_bytes(_input(doc_id).read_bytes())
        for app in pred.get("appointments", []):
            for part in ("person", "organisation"):
                span = app[part]
                if span is not None:
                    assert " ".join(text[span["start"]:span["end"]].split()) == span["name"], (doc_id, part)


needs_shared = pytest.mark.skipif(not (SHARED / "dev" / "gold.jsonl").exists(), reason="../shared is not present")


@needs_shared
def test_seeds_come_out_exactly_right():
    gold = load_gold(SHARED / "seeds" / "gold.jsonl")
    preds = _run(sorted((SHARED / "seeds").glob("*.txt")))
    report = evaluate(gold, preds)
    assert report.errors == {}
    assert report.metrics["record"].f1 == 1.0
    assert report.metrics["past_employers"].f1 == 1.0
    assert report.accuracy["announcement_date"] == 1.0


@needs_shared
def test_dev_quality_gate():
    """Fails when dev figures drop more than 0.02 below tests/quality_baseline.json (raise the
    baseline when you improve them)."""
    gold = load_gold(SHARED / "dev" / "gold.jsonl")
    preds = _run(sorted((SHARED / "dev" / "texts").glob("*.txt")))
    assert len(preds) == len(gold)
    report = evaluate(gold, preds)
    figures = {
        "record_f1": report.metrics["record"].f1,
        "past_employers_f1": report.metrics["past_employers"].f1,
        "news_f1": report.metrics["news"].f1,
        "announcement_date": report.accuracy["announcement_date"],
        "effective_date": report.accuracy["effective_date"],
    }
    for name, floor in BASELINE.items():
        assert figures[name] >= floor - TOLERANCE, f"{name} fell to {figures[name]:.4f} (baseline {floor})"
    errors = [p for p in preds.values() if "error" in p]
    assert errors == [], "no dev document may fail"
