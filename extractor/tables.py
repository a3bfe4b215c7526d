"""Records as flat rows: for pandas (``records_to_rows``), CSV and Parquet.

Every document gives at least one row, so row counts reconcile with inputs: a record with
appointments gives one row per appointment, a record with none gives one row with the
appointment columns empty, and an error record gives one row carrying its error type.

    >>> from extractor.models import ErrorRecord, ErrorInfo
    >>> rows = records_to_rows([ErrorRecord(document_id="scan", error=ErrorInfo(type="decode_error", message="binary"))])
    >>> rows[0]["document_id"], rows[0]["error_type"], rows[0]["person"]
    ('scan', 'decode_error', None)
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .models import AnnouncementRecord, ErrorRecord

Result = AnnouncementRecord | ErrorRecord

#: Columns of a row, in order. Offsets index the record's text (see the README, "Record format").
COLUMNS = (
    "document_id", "source", "error_type", "error_message", "language", "warnings", "announcement_date",
    "person", "title", "normalized_role", "organisation", "event", "effective_date", "succeeds",
    "past_employers", "confidence", "evidence", "evidence_start", "evidence_end",
    "person_start", "person_end", "role_start", "role_end", "organisation_start", "organisation_end",
)

#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _empty_row(record: Result) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row["document_id"] = printable(record.document_id)
    row["source"] = printable(record.source) if record.source is not None else None
    if isinstance(record, ErrorRecord):
        row["error_type"] = record.error.type
        row["error_message"] = record.error.message
    else:
        row["language"] = record.language
        row["warnings"] = "; ".join(record.warnings) or None
        row["announcement_date"] = record.announcement_date
    return row


def record_rows(record: Result) -> list[dict[str, Any]]:
    """The rows of one record (at least one). Dates stay ``datetime.date``, confidence a float,
    past employers a list of names."""
    base = _empty_row(record)
    if isinstance(record, ErrorRecord) or not record.appointments:
        return [base]
    rows = []
    for a in record.appointments:
        row = dict(base)
        row.update(
            person=a.person.name, title=a.role.title, normalized_role=a.role.normalized,
            organisation=a.organisation.name if a.organisation else None, event=a.event,
            effective_date=a.effective_date, succeeds=a.succeeds.name if a.succeeds else None,
            past_employers=[p.name for p in a.past_employers], confidence=a.confidence,
            evidence=a.evidence.text, evidence_start=a.evidence.start, evidence_end=a.evidence.end,
            person_start=a.person.start, person_end=a.person.end, role_start=a.role.start, role_end=a.role.end,
            organisation_start=a.organisation.start if a.organisation else None,
            organisation_end=a.organisation.end if a.organisation else None,
        )
        rows.append(row)
    return rows


def records_to_rows(records: Iterable[Result]) -> list[dict[str, Any]]:
    """Flat rows for a table (``pandas.DataFrame(records_to_rows(records))``), ``COLUMNS`` as keys."""
    return [row for record in records for row in record_rows(record)]


def guard_cell(value: str) -> str:
    """A text cell a spreadsheet will show as text: one starting like a formula gets a leading quote.

    >>> guard_cell("=HYPERLINK(\\"http://x\\")"), guard_cell("Acme Corp")
    ('\\'=HYPERLINK("http://x")', 'Acme Corp')
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_cell(key: str, value: Any) -> str | float | int:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value  # confidence and offsets stay numbers
    if isinstance(value, list):
        value = "; ".join(value)
    return guard_cell(value if isinstance(value, str) else value.isoformat())


def csv_header() -> bytes:
    """The CSV header line."""
    return (",".join(COLUMNS) + "\n").encode()


def csv_rows(record: Result) -> bytes:
    """The CSV lines of one record (at least one)."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writerows({k: _csv_cell(k, v) for k, v in row.items()} for row in record_rows(record))
    return text.getvalue().encode()


def write_csv(records: Iterable[Result], out: BinaryIO) -> Iterator[Result]:
    """Write the header, then each record's rows as it comes; yields the records written."""
    out.write(csv_header())
    for record in records:
        out.write(csv_rows(record))
        yield record


def printable(text: str) -> str:
    r"""``text`` as valid UTF-8: a byte of a file name that is not UTF-8 (which Python holds as a
    lone surrogate, PEP 383) is shown as ``\udcXX``, the way JSON writes it.

    >>> print(printable("caf\udce9.txt"), printable("café"))
    caf\udce9.txt café
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def arrow_table(rows: list[dict[str, Any]]):
    """A pyarrow Table of rows, with a fixed schema (past employers a list column)."""
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet output needs pyarrow: pip install 'appointment-extractor[parquet]'") from exc
    text, num, day = pa.string(), pa.int64(), pa.date32()
    types = dict.fromkeys(COLUMNS, text)
    types.update({k: num for k in COLUMNS if k.endswith(("_start", "_end"))})
    types.update(announcement_date=day, effective_date=day, confidence=pa.float64(),
                 past_employers=pa.list_(pa.string()))
    schema = pa.schema([(k, types[k]) for k in COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(records: Iterable[Result], path, rows_per_group: int = 10_000) -> Iterator[Result]:
    """Write rows to a Parquet file in row groups as records come; yields the records written."""
    import pyarrow.parquet as pq

    writer = None
    pending: list[dict[str, Any]] = []
    try:
        for record in records:
            pending.extend(record_rows(record))
            yield record
            if len(pending) >= rows_per_group:
                table = arrow_table(pending)
                writer = writer or pq.ParquetWriter(path, table.schema)
                writer.write_table(table)
                pending = []
        table = arrow_table(pending)
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
