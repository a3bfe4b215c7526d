"""The Dask path (``extractor.dask``) on a LocalCluster of 2 worker processes: output identical
to ``extractor extract``, error records for bad documents, one model per worker, and a rerun
that redoes only the missing partitions."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from extractor.cli import app  # noqa: E402
from extractor.dask import extract_to_partitions, records_bag, split  # noqa: E402

pytestmark = pytest.mark.model
DEV_TEXTS = Path(__file__).parents[2] / "shared" / "dev" / "texts"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(600)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with cluster, distributed.Client(cluster) as c:
        yield c


def _cli_lines(*paths) -> list[str]:
    result = CliRunner().invoke(app, ["extract", *map(str, paths)])
    return result.stdout.splitlines()


def _read(parts: list[Path]) -> list[str]:
    return [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="../shared/dev/texts is not present")
def test_partitions_concatenated_equal_the_cli_output_on_dev(client, tmp_path):
    parts = extract_to_partitions([DEV_TEXTS], tmp_path / "out", npartitions=8, client=client)
    assert len(parts) == 8
    assert _read(parts) == _cli_lines(DEV_TEXTS)
    # each worker made one Extractor (one model load) however many partitions it ran
    counts = client.run(lambda: len(__import__("extractor.dask", fromlist=["_extractors"])._extractors))
    assert sorted(counts.values()) == [1, 1]


def test_bad_documents_become_error_records_and_a_rerun_redoes_only_missing_partitions(
        client, make_files, announcement, tmp_path):
    folder = make_files({"in/a.txt": announcement, "in/b.txt": "", "in/c.txt": PNG,
                         "in/d.txt": announcement.replace("Maria Olsen", "Ida Berg").replace("Olsen", "Berg")})
    out = tmp_path / "out"
    parts = extract_to_partitions([folder / "in"], out, npartitions=2, client=client)
    first = _read(parts)
    records = [json.loads(line) for line in first]
    assert [r["document_id"] for r in records] == ["a", "b", "c", "d"]
    assert [r.get("error", {}).get("type") for r in records] == [None, "empty_text", "decode_error", None]
    assert first == _cli_lines(folder / "in")
    kept = parts[0].stat().st_mtime_ns
    parts[1].unlink()
    again = extract_to_partitions([folder / "in"], out, npartitions=2, client=client)
    assert again == parts and parts[0].stat().st_mtime_ns == kept and _read(again) == first
    with pytest.raises(ValueError, match="other inputs"):
        extract_to_partitions([folder / "in" / "a.txt"], out, npartitions=2, client=client)


def test_a_bag_of_feed_records_maps_to_record_lines(client, announcement):
    import dask.bag as db

    bag = db.from_sequence([{"id": "x1", "text": announcement}, {"id": "x2", "text": ""}, 7], npartitions=2)
    lines = [json.loads(line) for line in records_bag(bag).compute()]
    assert [r["document_id"] for r in lines] == ["x1", "x2", "record"]
    assert lines[0]["appointments"] and lines[1]["error"]["type"] == "empty_text"
    assert lines[2]["error"]["type"] == "bad_input_line"


def test_split_keeps_order_and_sizes_even():
    assert split(list("abcdefg"), 3) == [["a", "b", "c"], ["d", "e"], ["f", "g"]]
    assert split(["a"], 4) == [["a"]]
