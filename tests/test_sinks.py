"""extractor.sinks and extractor.output: records written as they come, an interrupted output
resumed to exactly what an uninterrupted run writes, and an output folder never written outside."""
from __future__ import annotations

import json
import os
import sys

import pytest

from extractor import batch
from extractor.models import AnnouncementRecord
from extractor.output import FolderNames, safe_relative_path, write_each
from extractor.pipeline import Document, Options
from extractor.sinks import FileSink, FolderSink, ResumeError
from extractor.walk import iter_inputs


pytestmark = pytest.mark.usefixtures("no_model")  # records without the model (conftest.py)


@pytest.fixture
def folder(make_files):
    return make_files({f"in/doc-{i:02d}.txt": f"text {i}" for i in range(8)} | {"in/empty.txt": ""}) / "in"


def run(sink, inputs, options=Options(), stop_after=None):
    """Feed the sink as the CLI does; ``stop_after`` records, abandon it (an interruption)."""
    todo = sink.remaining(inputs, options)
    for i, outcome in enumerate(batch.outcomes(todo, options)):
        if i == stop_after:
            sink.abandon()
            return sink
        sink.write(outcome)
    sink.finish()
    return sink


def inputs_of(folder):
    return list(iter_inputs([folder]))


def whole_and_interrupted(folder, tmp_path, stop_after, format="jsonl"):
    """The output of an uninterrupted run (``whole.FORMAT``), and one interrupted after ``stop_after``
    records (``out.FORMAT``, so far only its ``.partial``)."""
    whole = tmp_path / f"whole.{format}"
    run(FileSink(whole, format, False, Options(), resume=False), inputs_of(folder))
    out = tmp_path / f"out.{format}"
    run(FileSink(out, format, False, Options(), resume=False), inputs_of(folder), stop_after=stop_after)
    return whole, out, out.with_name(out.name + ".partial")


@pytest.mark.parametrize("format", ["jsonl", "json", "csv"])
def test_an_interrupted_output_resumes_to_the_bytes_of_an_uninterrupted_run(folder, tmp_path, format):
    whole, out, partial = whole_and_interrupted(folder, tmp_path, 3, format)
    assert not out.exists() and partial.exists()
    sink = run(FileSink(out, format, False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 3 and sink.tally.documents == 9
    assert out.read_bytes() == whole.read_bytes()
    assert not partial.exists()


def test_records_are_on_disk_as_they_are_written(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    sink = FileSink(out, "jsonl", False, Options(), resume=False)
    todo = sink.remaining(inputs_of(folder), Options())
    for i, outcome in enumerate(batch.outcomes(todo, Options())):
        sink.write(outcome)
        on_disk = out.with_name("out.jsonl.partial").read_bytes()
        assert on_disk.count(b"\n") == i + 1 and on_disk.endswith(b"\n")  # whole lines, flushed
    sink.finish()


def test_a_torn_last_line_is_redone(folder, tmp_path):
    whole, out, partial = whole_and_interrupted(folder, tmp_path, 4)
    with open(partial, "ab") as torn:  # a kill in the middle of writing the fifth line
        torn.write(whole.read_bytes().splitlines(keepends=True)[4][:25])
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 4
    assert out.read_bytes() == whole.read_bytes()


def test_a_journal_ahead_of_its_output_and_a_torn_journal_line_lose_only_those_documents(folder, tmp_path):
    whole, out, partial = whole_and_interrupted(folder, tmp_path, 5)
    partial.write_bytes(b"".join(partial.read_bytes().splitlines(keepends=True)[:3]))  # lost from the cache
    journal = tmp_path / ".out.jsonl.journal"
    journal.write_bytes(journal.read_bytes() + b'{"source": "tor')
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 3
    assert out.read_bytes() == whole.read_bytes()


def test_a_document_changed_since_is_redone_with_all_after_it(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    run(FileSink(out, "jsonl", False, Options(), resume=False), inputs_of(folder), stop_after=6)
    (folder / "doc-02.txt").write_text("changed")
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 2 and sink.tally.documents == 9
    assert [json.loads(line)["document_id"] for line in out.read_text().splitlines()] == [
        f"doc-{i:02d}" for i in range(8)] + ["empty"]


def test_resuming_a_finished_output_keeps_it_and_adds_new_inputs_in_order(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    run(FileSink(out, "jsonl", False, Options(), resume=False), inputs_of(folder))
    before = out.read_bytes()
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 9 and out.read_bytes() == before
    (folder / "zz-new.txt").write_text("new")
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 9 and out.read_bytes().startswith(before)
    assert json.loads(out.read_text().splitlines()[-1])["document_id"] == "zz-new"


def test_resuming_with_other_options_or_without_a_journal_is_refused(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    run(FileSink(out, "jsonl", False, Options(), resume=False), inputs_of(folder), stop_after=2)
    with pytest.raises(ResumeError, match="other options"):
        FileSink(out, "jsonl", False, Options(min_confidence=0.5), resume=True)
    with pytest.raises(ResumeError, match="other options"):
        FileSink(out, "csv", False, Options(), resume=True)
    (tmp_path / ".out.jsonl.journal").unlink()
    with pytest.raises(ResumeError, match="journal"):
        FileSink(out, "jsonl", False, Options(), resume=True)


def test_an_output_folder_resumes_skipping_what_is_written(folder, tmp_path):
    out = tmp_path / "each"
    run(FolderSink(out, Options(), resume=False), inputs_of(folder), stop_after=5)
    assert len(list(out.glob("*.json"))) == 5
    (out / "doc-01.json").unlink()
    (folder / "doc-03.txt").write_text("changed")
    sink = run(FolderSink(out, Options(), resume=True), inputs_of(folder))
    assert sink.reused == 3 and sink.tally.documents == 9  # doc-00, doc-02, doc-04 kept
    assert sorted(p.name for p in out.glob("*.json")) == sorted(f"doc-{i:02d}.json" for i in range(8)) + ["empty.json"]


# ------------------------------------------------------------------------ output folder safety


@pytest.mark.parametrize("document_id", [
    "../../escape", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\x", ".hidden", "nul\x00byte", "", "./.",
])
def test_no_document_id_writes_outside_the_output_folder(tmp_path, document_id):
    out = tmp_path / "deep" / "out"
    write_each([AnnouncementRecord(document_id=document_id)], out)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 1 and out in written[0].parents
    assert not written[0].name.startswith(".")


def test_a_long_file_stem_and_a_clash_after_cleaning_still_write_every_record(tmp_path):
    long_id = "x" * 240  # a legal file stem; with ".json" and a temporary prefix it was too long
    ids = [long_id, "é" * 200, "a/b", "a\\b", "A/B"]
    tally = write_each([AnnouncementRecord(document_id=i) for i in ids], tmp_path / "out")
    assert tally.documents == 5
    files = [p for p in (tmp_path / "out").rglob("*.json")]
    assert len(files) == 5
    assert all(len(os.fsencode(p.name)) <= 255 for p in files)
    assert {json.loads(p.read_text())["document_id"] for p in files} == set(ids)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_link_inside_the_output_folder_is_not_followed_out(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    names = FolderNames(out)
    target = names.target(names.claim("sub/a"))
    assert out in target.parents and elsewhere not in target.resolve().parents


def test_safe_relative_path_keeps_ordinary_ids():
    assert str(safe_relative_path("nw-002")) == "nw-002.json"
    assert str(safe_relative_path("2024/q1/nw-002")) == "2024/q1/nw-002.json"


def test_stdin_documents_and_feeds_resume_by_source_and_content(tmp_path):
    out = tmp_path / "out.jsonl"
    documents = [Document(f"n{i}", f"text {i}", source=f"feed.jsonl:{i}") for i in range(4)]
    run(FileSink(out, "jsonl", False, Options(), resume=False), documents, stop_after=2)
    sink = run(FileSink(out, "jsonl", False, Options(), resume=True), documents)
    assert sink.reused == 2
    assert [json.loads(line)["document_id"] for line in out.read_text().splitlines()] == ["n0", "n1", "n2", "n3"]
