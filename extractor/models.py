"""The data contract: pydantic models for announcement records.

These models are the single source of the JSON Schema published in ``schemas/``
(regenerate with ``extractor schema --output schemas/announcement.schema.json``).
Nothing here imports the rest of the package.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

Event = Literal["appointed", "promoted", "interim", "departed"]
EVENTS: tuple[str, ...] = ("appointed", "promoted", "interim", "departed")
Offset = Annotated[int, Field(ge=0, description="Character offset into the document text")]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Span(_Model):
    """A stretch of the document text: ``text[start:end]`` is what the span names."""

    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"span end ({self.end}) is before its start ({self.start})")
        return self


class Person(_Span):
    name: str = Field(min_length=1)


class Organisation(_Span):
    name: str = Field(min_length=1)


class Role(_Span):
    title: str = Field(min_length=1, description="The title as written in the text")
    normalized: str = Field(min_length=1, description="Lower-case canonical form, abbreviations expanded")


class PastEmployer(_Span):
    name: str = Field(min_length=1)
    role: str | None = None


class Evidence(_Span):
    text: str


class Successor(_Model):
    name: str = Field(min_length=1)


class Appointment(_Model):
    person: Person
    organisation: Organisation | None
    role: Role
    event: Event
    effective_date: date | None = None
    succeeds: Successor | None = None
    past_employers: list[PastEmployer] = Field(default_factory=list)
    evidence: Evidence
    confidence: Confidence


class ErrorInfo(_Model):
    type: str = Field(min_length=1, description="Machine-readable error kind, e.g. 'decode_error'")
    message: str = Field(min_length=1)


class AnnouncementRecord(_Model):
    """One document's result. Offsets index ``text`` when it is present (HTML inputs),
    otherwise the text the caller passed in."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    document_id: str
    source: str | None = None
    language: str = "en"
    announcement_date: date | None = None
    appointments: list[Appointment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: str | None = Field(
        default=None,
        description="The text offsets point into, when it differs from the input (e.g. text extracted from HTML)",
    )


class ErrorRecord(_Model):
    """What a batch writes for a document that could not be processed."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    document_id: str
    source: str | None = None
    error: ErrorInfo


def json_schema() -> dict:
    """The published JSON Schema: a record or an error record."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(AnnouncementRecord | ErrorRecord).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Appointment extractor output (schema_version 1.0)"
    return schema
