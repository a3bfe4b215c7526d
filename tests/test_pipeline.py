"""The whole pipeline on small texts: records, offsets, dates, errors, long inputs."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import errors
from extractor.clean import normalise
from extractor.models import ErrorRecord
from extractor.pieces import break_inline_lists
from extractor.pipeline import CHUNK_CHARS, Document, Extractor, Options, _chunks, unwrap_lines

pytestmark = pytest.mark.model

WIRE = """3-MAR-1987 10:12:44.10
ACME <ACM> NAMES NEW PRESIDENT

NEW YORK, March 3 - Acme Corp said it named John A. Smith
president and chief executive officer, effective April 1,
succeeding Robert Jones, who is retiring.
    Smith was previously executive vice president of Widget Co.
 Reuter
"""


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def test_wire_item_gives_appointment_and_departure(ex):
    rec = ex.extract(WIRE, "wire")
    assert rec.announcement_date == date(1987, 3, 3)
    by_event = {a.event: a for a in rec.appointments}
    smith = by_event["appointed"]
    assert smith.person.name == "John A. Smith"
    assert smith.organisation.name == "Acme Corp"
    assert smith.role.normalized == "president and chief executive officer"
    assert smith.effective_date == date(1987, 4, 1)
    assert smith.succeeds.name == "Robert Jones"
    assert [p.name for p in smith.past_employers] == ["Widget Co."]
    assert by_event["departed"].person.name == "Robert Jones"


def test_quoted_executive_is_not_an_appointment(ex):
    text = ('BOSTON, May 2, 2024 -- Acme Corp reported record sales. "We had a strong quarter," '
            'said Jane Doe, chief executive officer of Acme Corp.')
    assert ex.extract(text).appointments == []


def test_offsets_index_the_callers_text(ex):
    rec = ex.extract(WIRE)
    for app in rec.appointments:
        for span, value in ((app.person, app.person.name), (app.role, app.role.title), (app.evidence, app.evidence.text)):
            assert " ".join(WIRE[span.start:span.end].split()) == value


def test_empty_text_is_an_input_error(ex):
    with pytest.raises(errors.InputError) as info:
        ex.extract("   \n\n ")
    assert info.value.type == errors.EMPTY


def test_batch_keeps_order_and_reports_bad_documents(ex):
    docs = [Document("a", WIRE), Document("b", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), Document("c", WIRE)]
    out = list(ex.process(docs))
    assert [r.document_id for r in out] == ["a", "b", "c"]
    assert isinstance(out[1], ErrorRecord) and out[1].error.type == errors.DECODE


def test_documents_triage_sends_nowhere_do_not_count_toward_a_model_batch(monkeypatch):
    from extractor.pipeline import SKIPPED_PER_BATCH, Options

    ex = Extractor(Options(batch_size=2))
    sizes = []
    run = ex._run
    monkeypatch.setattr(ex, "_run", lambda batch: (sizes.append((len(batch), sum(bool(p.chunks) for p in batch))), run(batch))[1])
    quiet = [Document(f"q{i}", "Shares of Acme rose 3 pct on strong sales.") for i in range(5)]
    docs = quiet[:2] + [Document("w1", WIRE)] + quiet[2:] + [Document("w2", WIRE), Document("w3", WIRE)]
    records = list(ex.process(docs))
    assert [r.document_id for r in records] == [d.document_id for d in docs]  # input order
    assert sizes == [(7, 2), (1, 1)]  # two documents for the model in a batch, the skipped ones riding along
    many = [Document(f"q{i}", "Shares of Acme rose.") for i in range(2 * SKIPPED_PER_BATCH + 1)]
    sizes.clear()
    assert len(list(ex.process(many))) == len(many)
    assert sizes == [(2 * SKIPPED_PER_BATCH, 0), (1, 0)]  # and never more than that many in all


def test_too_large_text_is_refused():
    small = Extractor()
    small.options = small.options.__class__(max_chars=100)
    out = list(small.process([Document("big", "word " * 100)]))
    assert out[0].error.type == errors.TOO_LARGE


def test_long_text_is_parsed_in_pieces_that_cover_it():
    text = ("Acme Corp named Jane Doe president. " * 40 + "\n\n") * 40
    pieces = list(_chunks(text))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= CHUNK_CHARS for _, p in pieces)


def test_unwrap_keeps_length_and_paragraphs():
    text = "A long wrapped line of wire copy that goes on and on\ncontinues here.\n\nNext paragraph"
    out = unwrap_lines(text)
    assert len(out) == len(text) and "\n\n" in out and "on continues" in out


_fragments = st.sampled_from([
    "Acme Corp", " said it named ", "Jane Doe", " as ", "chief executive officer", ", ", ".", "\n",
    "\n\n", " resigned", " Robert Jones", " succeeding ", "president", " of Widget Co", "&amp;", "\u00a0",
    "\u2019", "“", "é", " previously worked at ", "Board", "\r\n", "  ", "CEO", "the company",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_fragments, min_size=1, max_size=30).map("".join))
def test_reported_strings_slice_back_from_offsets(ex, text):
    try:
        rec = ex.extract(text)
    except errors.InputError as exc:
        assert exc.type == errors.EMPTY  # text that is all blank or all boilerplate
        return
    for app in rec.appointments:
        spans = [(app.person, app.person.name), (app.role, app.role.title), (app.evidence, app.evidence.text)]
        spans += [(p, p.name) for p in app.past_employers]
        if app.organisation is not None:
            spans.append((app.organisation, app.organisation.name))
        for span, value in spans:
            sliced = " ".join(normalise(text[span.start:span.end])[0].split())  # "&amp;" reads "&"
            assert sliced == value or value == "director" and sliced.lower() == "board"


def test_a_date_told_in_a_later_sentence_about_the_change(ex):
    text = ("OMAHA, May 4, 2026 - Prairie Rail Inc said it promoted Lena Voss to chief operating officer. "
            "Voss's promotion takes effect on June 15, when the current officer leaves.")
    (app,) = ex.extract(text).appointments
    assert app.effective_date == date(2026, 6, 15)


@pytest.mark.parametrize(
    "text, month_day",
    [
        pytest.param(  # a change "at the meeting" takes the date of the meeting told before
            "TOLEDO, Ohio, March 3 - Lakeside Glass Co said it nominated Arthur Penn for election to its "
            "board at the April 28 annual meeting.\n\n"
            "    Two members of the board, Sam Gold and Ruth Berg, will retire at the meeting, the company said.",
            (4, 28), id="the-meeting"),
        pytest.param(  # successors named in one sentence share the date of the predecessor's departure
            "TULSA, Okla., March 3 - Mesa Pipe Inc said Carl Dunn will retire May 1 as chairman. "
            "The company said president Joan Pryce will succeed Dunn as chairman and vice president "
            "Omar Hale will become president.",
            (5, 1), id="one-sentence"),
    ],
)
def test_every_change_of_the_text_gets_the_one_date_it_gives(ex, text, month_day):
    apps = ex.extract(text).appointments
    assert len(apps) == 3
    (when,) = {a.effective_date for a in apps}
    assert when is not None and (when.month, when.day) == month_day


# ------------------------------------------------------------------------------ language

FRENCH = ("Le conseil d'administration du groupe Vernier a nommé Claire Dubois directrice générale, "
          "avec effet au 1er avril. Elle succède à Marc Lefèvre, qui prend sa retraite après douze ans "
          "à la tête de l'entreprise. Auparavant, elle dirigeait la filiale italienne du groupe.")
GERMAN = ("Der Aufsichtsrat der Hollmann AG hat Jonas Becker mit Wirkung zum 1. April zum "
          "Vorstandsvorsitzenden bestellt. Er folgt auf Petra Lange, die nach zwölf Jahren an der Spitze "
          "des Unternehmens in den Ruhestand geht. Becker war zuvor Finanzvorstand bei der Nordbank.")


@pytest.mark.model
@pytest.mark.parametrize("text, code", [(FRENCH, "fr"), (GERMAN, "de")])
def test_text_in_another_language_is_flagged_not_silently_empty(ex, text, code):
    record = ex.extract(text)
    assert record.language == code
    assert record.warnings == ["unsupported_language"] and record.appointments == []


@pytest.mark.model
def test_english_text_is_english_without_warning(ex, announcement):
    record = ex.extract(announcement)
    assert record.language == "en" and record.warnings == [] and record.appointments


def test_language_of_short_or_english_text_is_english():
    from extractor.language import detect_language

    assert detect_language("Acme named Jo Li CEO.") == "en"  # too short to tell: English
    assert detect_language("") == "en"
    assert detect_language(FRENCH) == "fr"


@pytest.mark.model
def test_batch_summary_counts_texts_in_another_language(tmp_path, announcement):
    from extractor.batch import Tally, run

    tally = Tally()
    for record in run([Document("fr", FRENCH), Document("en", announcement)]):
        tally.add(record)
    assert tally.unsupported_language == 1 and "1 in a language other than English" in str(tally)


# ----------------------------------------------------------------------- options filter


@pytest.mark.model
def test_options_keep_only_the_events_and_confidence_asked_for(announcement):
    from extractor.pipeline import Extractor

    full = Extractor().extract(announcement).appointments
    assert {a.event for a in full} >= {"appointed", "departed"}
    only_departures = Extractor(Options(events={"departed"})).extract(announcement).appointments
    assert only_departures and all(a.event == "departed" for a in only_departures)
    assert Extractor(Options(min_confidence=1.0)).extract(announcement).appointments == [
        a for a in full if a.confidence >= 1.0]


@pytest.mark.parametrize("bad", [{"min_confidence": 1.5}, {"min_confidence": -0.1}, {"events": {"hired"}}])
def test_options_refuse_impossible_filters(bad):
    with pytest.raises(ValueError):
        Options(**bad)


def test_names_are_reported_with_html_entities_decoded_and_offsets_on_the_text_as_given(ex):
    text = ("LONDON, May 4, 2026 - Rothschild &amp; Co said it appointed Maren Holt as head of "
            "restructuring at Calder &amp; Finch.")
    (app,) = ex.extract(text).appointments
    assert app.organisation.name == "Rothschild & Co"
    assert text[app.organisation.start:app.organisation.end] == "Rothschild &amp; Co"
    assert "&amp;" not in app.evidence.text


@given(st.lists(st.sampled_from(["Ann Lee", ", CEO", " • ", "  • ", "\n", ":", " ● ", "Acme", " "]), max_size=25).map("".join))
def test_breaking_inline_list_items_keeps_every_offset_and_character_but_spaces(text):
    out = break_inline_lists(text)
    assert len(out) == len(text)
    assert all(a == b or a in " \t" and b == "\n" for a, b in zip(text, out))


def test_list_items_run_into_one_line_each_start_a_line():
    text = "named to the committee:  • Ann Lee, CEO, Acme • Bo Park, CFO, Zeta\nHome • News"
    assert break_inline_lists(text).split("\n") == ["named to the committee:", " • Ann Lee, CEO, Acme", "• Bo Park, CFO, Zeta",
                                                   "Home • News"]
