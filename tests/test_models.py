"""The record contract: invalid states cannot be built, and the published schema is current."""
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.models import (
    Appointment,
    AnnouncementRecord,
    Evidence,
    Person,
    Role,
    json_schema,
)

SCHEMA_FILE = Path(__file__).parents[1] / "schemas" / "announcement.schema.json"


def _appointment(**over):
    fields = dict(
        person=Person(name="Jane Doe", start=0, end=8),
        organisation=None,
        role=Role(title="CEO", normalized="chief executive officer", start=10, end=13),
        event="appointed",
        evidence=Evidence(text="Jane Doe, CEO", start=0, end=13),
        confidence=0.9,
    )
    fields.update(over)
    return Appointment(**fields)


def test_span_end_before_start_is_rejected():
    with pytest.raises(ValidationError, match="before its start"):
        Person(name="x", start=5, end=2)


def test_unknown_event_is_rejected():
    with pytest.raises(ValidationError):
        _appointment(event="hired")


def test_confidence_outside_unit_interval_is_rejected():
    with pytest.raises(ValidationError):
        _appointment(confidence=1.5)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Person(name="x", start=0, end=1, nickname="y")


def test_record_round_trips_through_json():
    rec = AnnouncementRecord(document_id="d", appointments=[_appointment()])
    again = AnnouncementRecord.model_validate_json(rec.model_dump_json())
    assert again == rec
    assert json.loads(rec.model_dump_json())["schema_version"] == "1.0"


def test_published_schema_matches_the_models():
    """Regenerate with: extractor schema --output schemas/announcement.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_package_ships_py_typed_for_type_checkers():
    from importlib.resources import files

    assert files("extractor").joinpath("py.typed").is_file()
