"""extractor.batch: which files are read, in what order, and how failures stay per document."""
from __future__ import annotations

import csv
import io
import json

import pytest

from extractor import batch, tables
from extractor.batch import InputFile, Skipped, iter_inputs
from extractor.feeds import Unusable
from extractor.models import AnnouncementRecord, ErrorRecord
from extractor.pipeline import Document, Options


# ---------------------------------------------------------------------------- iter_inputs


def test_folders_are_walked_recursively_in_sorted_path_order(make_files):
    root = make_files({"b.txt": "x", "a.md": "x", "sub/c.html": "x", "sub/deeper/a.htm": "x", "C.TXT": "x"})
    found = list(iter_inputs([root]))
    assert all(isinstance(item, InputFile) for item in found)
    assert [item.path.relative_to(root).as_posix() for item in found] == [
        "C.TXT", "a.md", "b.txt", "sub/c.html", "sub/deeper/a.htm",
    ]


def test_given_paths_keep_their_order_and_ids_are_stems(make_files):
    root = make_files({"z.txt": "x", "folder/a.txt": "x"})
    found = list(iter_inputs([root / "z.txt", root / "folder"]))
    assert [(f.document_id, f.source) for f in found] == [("z", str(root / "z.txt")), ("a", str(root / "folder" / "a.txt"))]


def test_unhandled_hidden_and_suffixless_files_are_skipped_with_a_reason(make_files):
    root = make_files({"a.txt": "x", "b.pdf": b"%PDF", "README": "x", ".hidden.txt": "x", ".git/config.txt": "x"})
    found = list(iter_inputs([root]))
    assert [f.path.name for f in found if isinstance(f, InputFile)] == ["a.txt"]
    skipped = {f.path.name: f.reason for f in found if isinstance(f, Skipped)}
    assert set(skipped) == {"b.pdf", "README", ".hidden.txt", ".git"}  # a hidden folder is one note, not one per file
    assert ".pdf" in skipped["b.pdf"]


def test_a_missing_path_is_an_input_that_gives_its_error_record_and_the_batch_goes_on(monkeypatch, make_files):
    root = make_files({"a.txt": "x", "b.txt": "y"})
    found = list(iter_inputs([root / "a.txt", root / "nope.txt", root / "b.txt"]))
    assert [type(f).__name__ for f in found] == ["InputFile", "Unusable", "InputFile"]
    assert (found[1].document_id, found[1].source, found[1].type) == ("nope", str(root / "nope.txt"), "missing_path")
    monkeypatch.setattr(batch, "Extractor", FlakyExtractor)
    records = list(batch.run(found))
    assert [r.document_id for r in records] == ["a", "nope", "b"]
    assert records[1].error.type == "missing_path" and "no such file or folder" in records[1].error.message


# ------------------------------------------------------------------------------------ run


class FlakyExtractor:
    """Stands in for ``Extractor``: fails on any batch holding a document whose text says "boom"."""

    def __init__(self, options=None):
        self.options = options or Options()

    def process(self, documents):
        for document in documents:
            if b"boom" in document.data if isinstance(document.data, bytes) else "boom" in document.data:
                raise RuntimeError("boom")
        for document in documents:
            yield AnnouncementRecord(document_id=document.document_id, source=document.source)


def test_an_exception_on_one_document_becomes_its_internal_error_record(monkeypatch, make_files):
    monkeypatch.setattr(batch, "Extractor", FlakyExtractor)
    root = make_files({"a.txt": "fine", "b.txt": "boom", "c.txt": "fine"})
    records = list(batch.run([root]))
    assert [r.document_id for r in records] == ["a", "b", "c"]
    assert isinstance(records[0], AnnouncementRecord) and isinstance(records[2], AnnouncementRecord)
    assert isinstance(records[1], ErrorRecord)
    assert records[1].error.type == "internal_error" and "boom" in records[1].error.message
    assert records[1].source == str(root / "b.txt")


def test_an_unreadable_file_gives_an_unreadable_file_record_in_its_place(monkeypatch, make_files):
    monkeypatch.setattr(batch, "Extractor", FlakyExtractor)
    root = make_files({"a.txt": "fine", "b.txt": "fine"})
    inputs = list(iter_inputs([root]))
    (root / "a.txt").unlink()  # gone between listing and reading
    records = list(batch.run([*inputs, Document("doc", "fine", source="-")]))
    assert [r.document_id for r in records] == ["a", "b", "doc"]
    assert records[0].error.type == "unreadable_file"
    assert isinstance(records[1], AnnouncementRecord) and isinstance(records[2], AnnouncementRecord)


def test_a_file_far_larger_than_max_chars_is_refused_unread(monkeypatch, make_files):
    monkeypatch.setattr(batch, "Extractor", FlakyExtractor)
    root = make_files({"big.txt": "x" * 1000})
    [record] = batch.run([root], Options(max_chars=10))
    assert record.error.type == "too_large"


def test_workers_zero_means_one_per_cpu_and_negative_is_refused():
    assert batch.resolve_workers(0) >= 1
    with pytest.raises(ValueError):
        batch.resolve_workers(-1)


def test_small_runs_use_small_chunks_so_every_worker_gets_work():
    assert batch.chunk_size(8, 2) == 1
    assert batch.chunk_size(1000, 2) == batch.CHUNK_FILES
    assert batch.chunk_size(None, 2) == batch.CHUNK_FILES


# --------------------------------------------------------------------------------- output


def _records():
    from extractor.models import Appointment, Evidence, Organisation, PastEmployer, Person, Role

    appointment = Appointment(
        person=Person(name="Maria Olsen", start=0, end=11),
        organisation=Organisation(name="Norrland Freight AB", start=20, end=39),
        role=Role(title="Chief Financial Officer", normalized="chief financial officer", start=40, end=63),
        event="appointed",
        past_employers=[PastEmployer(name="Baltic Shipping Group", start=70, end=91),
                        PastEmployer(name="Volvo Cars", start=95, end=105)],
        evidence=Evidence(text="...", start=0, end=3),
        confidence=0.9,
    )
    return [
        AnnouncementRecord(document_id="a", source="a.txt", appointments=[appointment, appointment]),
        AnnouncementRecord(document_id="b", source="b.txt"),
        ErrorRecord(document_id="c", source="c.txt", error={"type": "empty_text", "message": "empty"}),
    ]


def test_csv_has_a_row_per_appointment_and_one_per_document_without():
    out = io.BytesIO()
    tally = batch.write_records(_records(), out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert tuple(rows[0]) == tables.COLUMNS
    assert [(r["document_id"], r["person"], r["error_type"]) for r in rows] == [
        ("a", "Maria Olsen", ""), ("a", "Maria Olsen", ""), ("b", "", ""), ("c", "", "empty_text")]
    assert rows[0]["past_employers"] == "Baltic Shipping Group; Volvo Cars"
    assert (tally.documents, tally.appointments, tally.errors) == (3, 2, 1)
    assert str(tally) == "3 documents, 2 appointments, 1 error"


def test_records_to_rows_keeps_types_for_pandas():
    rows = tables.records_to_rows(_records())
    assert len(rows) == 4 and set(rows[0]) == set(tables.COLUMNS)
    assert rows[0]["confidence"] == 0.9 and rows[0]["past_employers"] == ["Baltic Shipping Group", "Volvo Cars"]
    assert rows[2]["person"] is None and rows[3]["error_type"] == "empty_text"


@pytest.mark.parametrize("cell", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx"])
def test_csv_cells_that_start_like_a_formula_are_quoted(cell):
    assert tables.guard_cell(cell) == "'" + cell
    assert tables.guard_cell("Acme " + cell) == "Acme " + cell


@pytest.mark.parametrize("records", [[], "all"])
def test_json_format_is_one_array(records):
    records = _records() if records == "all" else records
    out = io.BytesIO()
    batch.write_records(records, out, "json", pretty=True)
    assert [r["document_id"] for r in json.loads(out.getvalue())] == [r.document_id for r in records]


def test_atomic_output_leaves_nothing_behind_on_failure(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with batch.atomic_output(target) as out:
            out.write(b"new")
            raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


class _KillsTheWorker:
    """Unpickling this (in the worker, with its task) ends the worker process at once, like a crash."""

    def __reduce__(self):
        import os

        return os._exit, (1,)


@pytest.mark.model
def test_a_worker_that_dies_costs_only_its_own_documents(announcement):
    documents = [Document("first", announcement), Document("crash", _KillsTheWorker()), Document("last", announcement)]
    records = list(batch.run(documents, workers=2))
    assert [r.document_id for r in records] == ["first", "crash", "last"]
    assert isinstance(records[0], AnnouncementRecord) and isinstance(records[2], AnnouncementRecord)
    assert records[1].error.type == "worker_died" and "died" in records[1].error.message


class _StallsTheWorker:
    """Unpickling this (in the worker, with its task) blocks the worker for a minute, like a stuck read."""

    def __reduce__(self):
        import time

        return time.sleep, (60,)


@pytest.mark.model
def test_ctrl_c_stops_a_pool_at_once_even_when_a_worker_is_stuck(announcement):
    import os
    import signal
    import threading
    import time

    documents = [Document("first", announcement), Document("stuck", _StallsTheWorker()), Document("last", announcement)]
    records = batch.run(documents, workers=2)
    assert next(records).document_id == "first"  # the workers are up; the next record waits for "stuck"
    started = time.monotonic()
    threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        list(records)
    assert time.monotonic() - started < 30  # not the minute the stuck worker would take to finish


# ------------------------------------------------------------------- long and pathological inputs
# Issue 4: very long lines and pathological inputs must not make any stage take super-linear
# time. These run the whole pipeline (read -> inputs -> clean -> spaCy -> assemble -> dates) and
# only check that each input finishes with one record and no internal error; timings go in notes,
# not assertions.

LEAD = "Acme Corp named Jane Roe chief executive officer, succeeding John Smith, effective March 1, 2024. "


def _one_megabyte_line(kind: str) -> str:
    """A single line of about 1 MB that starts with an appointment (so triage keeps it for the model)."""
    import base64
    import random

    if kind == "prose":
        sentence = "Acme Corp appointed Jane Roe as chief executive officer &amp; chair, the company said. "
        return sentence * (1_000_000 // len(sentence) + 1)
    if kind == "data-uri":  # an inline image pasted with a web page
        blob = base64.b64encode(random.Random(0).randbytes(750_000)).decode()
        return f'{LEAD}<img src="data:image/png;base64,{blob}"> {LEAD}'
    if kind == "numbers":  # a table flattened onto one line
        return LEAD + ",".join(str(i) for i in range(160_000)) + " " + LEAD
    raise ValueError(kind)


@pytest.mark.model
@pytest.mark.parametrize("kind", ["data-uri", "numbers", pytest.param("prose", marks=pytest.mark.slow)])
def test_whole_pipeline_finishes_on_a_one_megabyte_single_line(kind):
    text = _one_megabyte_line(kind)
    assert len(text) >= 1_000_000 and "\n" not in text
    [record] = batch.run([Document(kind, text)])
    assert isinstance(record, AnnouncementRecord), record
    assert "Jane Roe" in {a.person.name for a in record.appointments}


ADVERSARIAL = {
    # Runs of punctuation without a space stay short: spaCy's tokenizer takes time quadratic in
    # the length of such a run (2,500 "&" take 1.7 s, 10,000 take 27 s). Our own regexes get
    # 100k-character runs in test_clean.py.
    "ampersands": "&" * 1_500,
    "entities": "&amp;" * 400,
    "brackets": "[" * 500 + "](" * 500,
    "dashes": "-" * 1_500,
    "letters": "A" * 200_000,
    "digits": "1" * 200_000,
    "about": "About " * 3_000,
    "share": "Share " * 3_000,
    "names": "John Smith, " * 1_500,
    "succeeding": "succeeding John Smith " * 800,
    "dates": "March 3, 1987 " * 1_200,
    "effective": "effective " * 2_000,
    "titles": "chief executive officer and " * 600,
    "menu": "\n".join(["Home"] * 5_000),
    "nul-and-crlf": "\x00\r\n" * 50_000,
    "nbsp": "\xa0" * 100_000,
}


@pytest.mark.model
def test_whole_pipeline_finishes_on_adversarial_strings():
    documents = [Document(name, LEAD + text) for name, text in ADVERSARIAL.items()]
    records = list(batch.run(documents))
    assert [r.document_id for r in records] == list(ADVERSARIAL)
    internal = [(r.document_id, r.error.message) for r in records if isinstance(r, ErrorRecord)]
    assert internal == []
    for record in records:
        assert "Jane Roe" in {a.person.name for a in record.appointments}, record.document_id
