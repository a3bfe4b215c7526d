"""``extractor benchmark``: a well-formed report (no timing assertions); what we change in the
model for speed changes nothing in its output."""
from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from extractor.cli import app
from extractor.nlp import RulerMatcher, UnsupportedPattern, fast_attribute_ruler


@pytest.mark.model
def test_benchmark_reports_speeds_memory_and_ratios_for_every_side(make_files, corpus_texts):
    root = make_files({f"doc-{i}.txt": text for i, text in enumerate(corpus_texts(5))})
    result = CliRunner().invoke(app, ["benchmark", str(root), "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 5 and report["words"] > 0 and report["repeat"] == 1
    for side in ("ours", "default", "ner"):
        for key in ("words_per_s", "docs_per_s", "seconds", "cpu_words_per_s"):
            assert set(report[side][key]) == {"median", "min", "max"}
            assert report[side][key]["median"] > 0
        assert report[side]["peak_rss_mb"] > 0
        assert 0 < report[side]["largest_process_mb"] <= report[side]["peak_rss_mb"]
    assert report["ours"]["errors"] == 0
    assert report["ratio"] > 0 and report["ratio"] == report["ratios"]["default"]
    assert set(report["ratios"]) == set(report["cpu_ratios"]) == {"default", "ner"}


def test_report_names_each_side_and_ratio():
    from extractor.benchmark import BenchReport, SideResult

    results = {
        "ours": SideResult(seconds=[2.0, 1.0, 4.0], peak_rss_mb=900, largest_process_mb=400),
        "ours_1": SideResult(seconds=[4.0, 4.0, 4.0], peak_rss_mb=400, largest_process_mb=400, cpu_seconds=[3.0] * 3),
        "no_triage": SideResult(seconds=[5.0] * 3, peak_rss_mb=900, largest_process_mb=400),
    }
    report = BenchReport(documents=10, words=1000, workers=2, repeat=3, model="m", results=results)
    assert report.sides == ("ours", "ours_1", "no_triage")
    assert report.words_per_s("ours").median == 500 and report.ratios == {"ours_1": 2.0, "no_triage": 2.5}
    table = report.format_table()
    assert "ours (2 workers)" in table and "ours (1 worker)" in table and "ours without triage" in table
    assert "ours (2 workers) / ours (1 worker): 2.00x words/s" in table
    data = report.to_dict()
    assert data["ours"]["cpu_words_per_s"] is None and data["ours_1"]["cpu_words_per_s"]["median"] == 333.3
    assert "ratio" not in data and data["cpu_ratios"] == {}  # no default side; a pool's CPU time is not ours to see


@pytest.mark.model
def test_fast_attribute_ruler_gives_the_same_docs_as_spacys_matcher(corpus_texts):
    from extractor.nlp import resolve_model_name

    texts = corpus_texts(20) + [
        "Y'all gon na let's c'm on, ain't nothin' there. There is a cat; there's two. I got ta go.",
        "He gets it, she got it.   \n\n  Whether or not, he'd have done it 'cause it's there.",
    ]
    plain = spacy.load(resolve_model_name(), exclude=["lemmatizer"])
    fast = spacy.load(resolve_model_name(), exclude=["lemmatizer"])
    assert fast_attribute_ruler(fast)
    assert isinstance(fast.get_pipe("attribute_ruler").matcher, RulerMatcher)
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert a.to_bytes() == b.to_bytes()


def test_fast_attribute_ruler_leaves_patterns_it_can_not_read_to_spacy():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"TAG": "X"})
    assert not fast_attribute_ruler(nlp)
    assert not isinstance(ruler.matcher, RulerMatcher)
    with pytest.raises(UnsupportedPattern):
        RulerMatcher(ruler.matcher, ruler.patterns)


def test_ruler_matcher_matches_like_spacys_matcher_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a", "new"]}, "IS_SPACE": False}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}]], {"POS": "DET"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": {"REGEX": "^york$"}}]], {"POS": "PROPN"}, index=1)  # later wins
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    text = "The cat of a New York shop in New  York"
    expected = [(t.text, t.pos_) for t in nlp(text)]
    assert fast_attribute_ruler(nlp)
    assert [(t.text, t.pos_) for t in nlp(text)] == expected
    assert [pos for _, pos in expected] == ["DET", "NOUN", "NOUN", "DET", "", "PROPN", "NOUN", "NOUN", "",
                                            "SPACE", "NOUN"]
