"""``extractor benchmark``: a well-formed report (no timing assertions)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app


@pytest.mark.model
def test_benchmark_reports_speeds_memory_and_ratio_for_both_sides(make_files, corpus_texts):
    root = make_files({f"doc-{i}.txt": text for i, text in enumerate(corpus_texts(5))})
    result = CliRunner().invoke(app, ["benchmark", str(root), "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 5 and report["words"] > 0 and report["repeat"] == 1
    for side in ("ours", "default"):
        for key in ("words_per_s", "docs_per_s", "seconds"):
            assert set(report[side][key]) == {"median", "min", "max"}
            assert report[side][key]["median"] > 0
        assert report[side]["peak_rss_mb"] > 0
    assert report["ratio"] > 0
