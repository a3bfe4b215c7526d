"""Reading gold records (validated, with the file and line of a problem) and prediction files."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: The events a gold record may give
EVENTS = frozenset({"appointed", "promoted", "interim", "departed"})
_REQUIRED_DOC_KEYS = ("id", "is_appointment_news", "appointments")
_REQUIRED_APPOINTMENT_KEYS = ("person", "organisation", "role", "event")


def _gold_problem(row: Any) -> str | None:
    """What is wrong with one gold row, or None."""
    if not isinstance(row, dict):
        return f"expected a JSON object, got {type(row).__name__}"
    missing = [k for k in _REQUIRED_DOC_KEYS if k not in row]
    if missing:
        return f"missing key(s) {', '.join(missing)}"
    if not isinstance(row["id"], str) or not row["id"]:
        return "'id' must be a non-empty string"
    if not isinstance(row["appointments"], list):
        return "'appointments' must be a list"
    for n, appointment in enumerate(row["appointments"]):
        problem = _appointment_problem(appointment)
        if problem:
            return f"appointment {n}: {problem}"
    return None


def _appointment_problem(appointment: Any) -> str | None:
    if not isinstance(appointment, dict):
        return "expected a JSON object"
    missing = [k for k in _REQUIRED_APPOINTMENT_KEYS if k not in appointment]
    if missing:
        return f"missing key(s) {', '.join(missing)}"
    for key in ("person", "role"):
        if not isinstance(appointment[key], str) or not appointment[key].strip():
            return f"{key!r} must be a non-empty string"
    if appointment["organisation"] is not None and not isinstance(appointment["organisation"], str):
        return "'organisation' must be a string or null"
    if appointment["event"] not in EVENTS:
        return f"'event' must be one of {', '.join(sorted(EVENTS))}, not {appointment['event']!r}"
    for key in ("past_employers", "past_employers_optional"):
        value = appointment.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key!r} must be a list of strings"
    return None


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold records (JSONL, one document a line; blank lines skipped).

    Raises ValueError naming the file and line of a row that is not valid JSON, lacks a
    required key (``id``, ``is_appointment_news``, ``appointments``; per appointment
    ``person``, ``organisation``, ``role``, ``event``) or repeats an id.
    """
    path = Path(path)
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}, line {lineno}: not valid JSON ({exc.msg})") from exc
        problem = _gold_problem(row)
        if problem:
            raise ValueError(f"{path}, line {lineno}: {problem}")
        if row["id"] in seen:
            raise ValueError(f"{path}, line {lineno}: id {row['id']!r} already given on line {seen[row['id']]}")
        seen[row["id"]] = lineno
        rows.append(row)
    return rows


def prediction_id(record: Mapping[str, Any]) -> str | None:
    """A record's document id: ``document_id``, else the stem of its ``source`` path."""
    if record.get("document_id"):
        return str(record["document_id"])
    if record.get("source"):
        return Path(str(record["source"])).stem
    return None


def _records_in(path: Path) -> Iterable[tuple[str, Any]]:
    """(where, record) for each record in a .jsonl or .json file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}, line {lineno}", _parse(line, f"{path}, line {lineno}")
        return
    data = _parse(text, str(path))
    for n, record in enumerate(data if isinstance(data, list) else [data]):
        yield (f"{path}[{n}]" if isinstance(data, list) else str(path)), record


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not valid JSON ({exc.msg})") from exc


def _prediction_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
    return [path]


def load_predictions(paths: Iterable[str | Path]) -> dict[str, dict[str, Any]]:
    """Read output records from JSONL/JSON files or folders of them: document id -> record.

    A record's id is its ``document_id`` (or the stem of its ``source``). When an id comes
    twice the later record wins, with a warning.
    """
    predictions: dict[str, dict[str, Any]] = {}
    for path in map(Path, paths):
        for file in _prediction_files(path):
            for where, record in _records_in(file):
                doc_id = prediction_id(record) if isinstance(record, dict) else None
                if doc_id is None:
                    raise ValueError(f"{where}: not an output record with a document_id or source")
                if doc_id in predictions:
                    logger.warning("%s: a second record for %s replaces the first", where, doc_id)
                predictions[doc_id] = record
    return predictions
