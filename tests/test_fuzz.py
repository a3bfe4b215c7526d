"""Fuzzing inputs -> clean -> extract: whatever bytes come in, one record comes out, it is valid,
and its offsets point at what it names.

Inputs are the documents of corpus/ mutated (bytes inserted, cut, repeated, re-encoded, wrapped in
HTML, hostile fragments spliced in), plus bytes and text from nothing. In CI a few dozen examples
run; ``python scripts/fuzz.py --minutes 10`` runs the same check for as long as asked (and with
atheris when it is installed). Every crash or hang it found is a regression test at the bottom.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import errors
from extractor.clean import clean, normalise
from extractor.inputs import load_text
from extractor.models import AnnouncementRecord, ErrorRecord
from extractor.output import to_json
from extractor.pipeline import Document, Extractor, Options

CORPUS = Path(__file__).parents[1] / "corpus"
SEEDS = [p.read_bytes() for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html"))]
MAX_BYTES = 40_000
#: Seconds one example may take before the fuzzer calls it a hang (the documents are small).
HANG_S = 30.0
#: The words a board seat's role span covers ("elected to its board").
BOARD_WORDS = {"board", "boards"}

FRAGMENTS = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r\n", b"\r", b"\x0b\x0c", b"\xc3", b"\xe9", b"\xed\xa0\x80",
    "\u2028".encode(), "\u00a0".encode(), "\u200b".encode(), "\U0001f600".encode(), "ﬁ".encode(),
    b"<div>" * 40, b"</p><p>", b"<script>x()</script>", b"<!--", b"<![CDATA[", b"&amp;" * 30, b"&#0;", b"&#xD800;",
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;', b"-" * 300, b"&" * 250, b"." * 120,
    b"named", b" as chief executive officer", b", succeeding John Smith,", b"effective March 1, 2024",
    b"Mr.", b"Dr. Jane Roe, 54,", b"resigned as president", b"\"He said,\" she said, \"that\" " * 10,
    b"Acme Corp <ACME.N>", b"    ", b"\n\n\n\n", b"\t" * 50, b"A" * 150, b"1" * 150,
]


@st.composite
def mutated(draw) -> tuple[bytes, str]:
    """A corpus document (or nothing) changed a few times, and the name it comes under."""
    data = bytearray(draw(st.sampled_from(SEEDS)) if draw(st.booleans()) or not SEEDS else b"")
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "fragment", "cut", "repeat", "bytes"]))
        if kind == "insert":
            data[at:at] = draw(st.text(max_size=60)).encode("utf-8", "surrogatepass")
        elif kind == "fragment":
            data[at:at] = draw(st.sampled_from(FRAGMENTS))
        elif kind == "cut":
            del data[at:at + draw(st.integers(0, 400))]
        elif kind == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(0, 200))]) * draw(st.integers(1, 20))
        else:
            data[at:at] = draw(st.binary(max_size=40))
    data = bytes(data[:MAX_BYTES])
    encoding = draw(st.sampled_from([None, None, None, "utf-16", "cp1252", "latin-1", "utf-16-le"]))
    if encoding:
        data = data.decode("utf-8", "replace").encode(encoding, "replace")
    if draw(st.integers(0, 9)) == 0:
        data = b"<html><body><p>" + data + b"</p></body></html>"
    return data, draw(st.sampled_from(["doc.txt", "doc.txt", "page.html", "notes.md", "noext"]))


_extractor: Extractor | None = None


def extractor() -> Extractor:
    global _extractor
    if _extractor is None:
        _extractor = Extractor(Options(include_text=True))
    return _extractor


def squash(text: str) -> str:
    return " ".join(text.split())


def check_document(data: bytes | str, name: str) -> AnnouncementRecord | ErrorRecord:
    """The properties every input keeps (raises AssertionError or the crash itself)."""
    started = time.monotonic()
    try:
        loaded = load_text(data, name=name)
    except errors.InputError:
        loaded = None
    if loaded is not None:
        cleaned = clean(loaded.text)  # may be longer: a dateline gets a paragraph break of its own
        for at in range(0, len(cleaned.text), max(1, len(cleaned.text) // 50)):
            start, end = cleaned.to_source(at, at)
            assert 0 <= start <= end <= len(loaded.text)
    records = list(extractor().process([Document("fuzz", data, name=name)]))
    assert len(records) == 1
    [record] = records
    type(record).model_validate_json(to_json(record))  # serialisable, and valid as written
    if isinstance(record, ErrorRecord):
        assert record.error.type != errors.INTERNAL, record.error.message
    else:
        _check_offsets(record)
    assert time.monotonic() - started < HANG_S, "a hang"
    return record


def _check_offsets(record: AnnouncementRecord) -> None:
    text = record.text
    assert text is not None
    for a in record.appointments:
        spans = [(a.person, a.person.name), (a.role, a.role.title), (a.evidence, a.evidence.text)]
        spans += [(a.organisation, a.organisation.name)] if a.organisation else []
        spans += [(p, p.name) for p in a.past_employers]
        for span, shown in spans:
            assert 0 <= span.start <= span.end <= len(text), (span, len(text))
            written = squash(normalise(text[span.start:span.end])[0])  # as written, entities decoded
            if span is a.role and shown == "director" and written.lower() in BOARD_WORDS:
                continue  # a board seat: the title "director", the span on "board" (see the README)
            assert written == squash(shown), (written, shown)


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_any_mutated_document_gives_one_valid_record_with_true_offsets(example):
    check_document(*example)


@pytest.mark.model
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3_000))
def test_any_text_gives_one_valid_record(text):
    check_document(text, "doc.txt")


# ---------------------------------------------------------------------- found by the fuzzer


@pytest.mark.model
def test_found_a_dateline_alone_on_its_first_line_gets_a_paragraph_of_its_own():
    """Fuzzing, first 10-minute run (19,890 examples): the property itself was wrong. Cleaning gives
    a dateline alone on the first line its own paragraph, so the cleaned text may be longer than
    the input; offsets still map back inside it."""
    data = (CORPUS / "ann-022.txt").read_bytes()
    assert data.startswith(b"February 28, 2024\nHoshizora")
    cleaned = clean(load_text(data, name="ann-022.txt").text)
    assert cleaned.text.startswith("February 28, 2024\n\nHoshizora")
    record = check_document(data[:data.index(b"April 2018  Managing")] + b"J\n", "doc.txt")
    assert isinstance(record, AnnouncementRecord) and record.appointments
