"""A visual review page: each document with its records' people, titles, organisations, past
employers and dates highlighted (spaCy's displaCy "span" style), the evidence sentences marked,
the records as a table beside the text, and a summary on top.

    extractor show corpus/ann-014.txt --html report.html
"""
from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from .batch import Tally
from .dates import parse_date
from .models import AnnouncementRecord, ErrorRecord

Result = AnnouncementRecord | ErrorRecord

SPANS_KEY = "review"
#: Span labels and their colours in the page.
COLOURS = {
    "PERSON": "#9ecae1", "TITLE": "#fdd0a2", "ORG": "#c7e9c0", "PAST_EMPLOYER": "#dadaeb",
    "DATE": "#fcbba1", "EVIDENCE": "#f0f0f0",
}
#: Confidence histogram bins (lower edges).
BINS = tuple(round(0.1 * k, 1) for k in range(10))

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: Written dates a record's date may have been read from ("April 1", "1 April 2025", "4/1/2025").
DATE_MENTION = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+\d{{4}})?|\b{_MONTH}\s+\d{{4}}|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\b\d{{1,2}}-[A-Z]{{3}}-\d{{4}}",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en")


def date_mentions(text: str, start: int, end: int, wanted: set[date], base: date | None) -> list[tuple[int, int]]:
    """Where in ``text[start:end]`` a date of ``wanted`` is written."""
    found = []
    for m in DATE_MENTION.finditer(text, start, end):
        if parse_date(m.group(), base) in wanted:
            found.append((m.start(), m.end()))
    return found


def _record_spans(record: AnnouncementRecord, text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for a in record.appointments:
        spans.append((a.evidence.start, a.evidence.end, "EVIDENCE"))
        spans.append((a.person.start, a.person.end, "PERSON"))
        spans.append((a.role.start, a.role.end, "TITLE"))
        if a.organisation is not None:
            spans.append((a.organisation.start, a.organisation.end, "ORG"))
        spans.extend((p.start, p.end, "PAST_EMPLOYER") for p in a.past_employers)
        if a.effective_date is not None:
            spans.extend((s, e, "DATE") for s, e in date_mentions(
                text, a.evidence.start, a.evidence.end, {a.effective_date}, record.announcement_date))
    if record.announcement_date is not None:  # where the text says when it was issued
        spans.extend((s, e, "DATE") for s, e in date_mentions(
            text, 0, min(len(text), 600), {record.announcement_date}, record.announcement_date)[:1])
    return sorted(set(spans))


def highlighted(record: AnnouncementRecord, text: str) -> str:
    """The text as displaCy span-style HTML, with every span of the record's appointments."""
    from spacy import displacy
    from spacy.tokens import SpanGroup

    doc = _tokenizer()(text)
    spans = []
    for start, end, label in _record_spans(record, text):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    if not spans:  # nothing to mark: the text as it is (displaCy would warn)
        return f'<div class="plain">{html.escape(text)}</div>'
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    return displacy.render(doc, style="span", page=False, jupyter=False,
                           options={"spans_key": SPANS_KEY, "colors": COLOURS})


def _cell(value) -> str:
    return html.escape("" if value is None else str(value))


def records_table(record: AnnouncementRecord) -> str:
    head = ("person", "event", "role", "organisation", "effective", "succeeds", "past employers", "confidence")
    rows = []
    for a in record.appointments:
        cells = (a.person.name, a.event, a.role.title, a.organisation.name if a.organisation else "",
                 a.effective_date, a.succeeds.name if a.succeeds else "",
                 "; ".join(p.name for p in a.past_employers), f"{a.confidence:.2f}")
        rows.append("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in cells) + "</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="{len(head)}" class="none">no appointment</td></tr>')
    return ('<table class="records"><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
            + "".join(rows) + "</table>")


def histogram(confidences: list[float]) -> str:
    """A table of how many records fall in each tenth of confidence, with bars."""
    counts = Counter(min(int(c * 10), 9) for c in confidences)
    top = max(counts.values(), default=1)
    rows = []
    for k, low in enumerate(BINS):
        width = round(200 * counts[k] / top)
        rows.append(f'<tr><td>{low:.1f}-{low + 0.1:.1f}</td><td class="n">{counts[k]}</td>'
                    f'<td><div class="bar" style="width:{width}px"></div></td></tr>')
    return '<table class="histogram"><tr><th>confidence</th><th>records</th><th></th></tr>' + "".join(rows) + "</table>"


def summary(tally: Tally, confidences: list[float]) -> str:
    facts = (("documents", tally.documents), ("records (appointments)", tally.appointments),
             ("errors", tally.errors), ("not in English", tally.unsupported_language))
    table = '<table class="summary">' + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts) + "</table>"
    return f'<section class="top"><h1>Appointment review</h1><div class="row">{table}{histogram(confidences)}</div></section>'


def legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span style="background:{c}">{label}</span>' for label, c in COLOURS.items()) + "</p>"


def document_section(record: Result, text: str | None) -> str:
    title = _cell(record.document_id)
    source = f' <span class="source">{_cell(record.source)}</span>' if record.source else ""
    if isinstance(record, ErrorRecord):
        return (f'<section class="doc error"><h2>{title}{source}</h2><p>error <b>{_cell(record.error.type)}</b>: '
                f"{_cell(record.error.message)}</p></section>")
    facts = f"announced {_cell(record.announcement_date or 'unknown')} · language {_cell(record.language)}"
    if record.warnings:
        facts += " · warnings: " + _cell(", ".join(record.warnings))
    body = highlighted(record, text or "")
    return (f'<section class="doc"><h2>{title}{source}</h2><p class="facts">{facts}</p>'
            f'<div class="row"><div class="text">{body}</div><div class="side">{records_table(record)}</div></div>'
            "</section>")


STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
.row{display:flex;gap:2em;align-items:flex-start}
.text{flex:3;max-height:40em;overflow:auto;border:1px solid #ddd;padding:.5em}
.side{flex:2}
table{border-collapse:collapse;font-size:.9em}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
.bar{background:#6baed6;height:.9em}
.n{text-align:right}
.doc{margin-top:2em;border-top:2px solid #888}
.error{color:#a00}
.source{font-size:.6em;color:#666;font-weight:normal}
.legend span{padding:.1em .4em;margin-right:.5em}
.none{color:#888}
.plain{white-space:pre-wrap}
"""


def render(results: Iterable[tuple[Result, str | None]]) -> str:
    """The whole page for ``(record, text)`` pairs (the text the record's offsets index)."""
    tally = Tally()
    sections, confidences = [], []
    for record, text in results:
        tally.add(record)
        if isinstance(record, AnnouncementRecord):
            confidences.extend(a.confidence for a in record.appointments)
        sections.append(document_section(record, text))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Appointment review</title>"
            f"<style>{STYLE}</style></head><body>{summary(tally, confidences)}{legend()}{''.join(sections)}"
            "</body></html>\n")
