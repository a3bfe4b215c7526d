"""Gold and predicted appointments as the scorer reads them, and their one-to-one alignment."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .match import same_organisation, same_person, same_role

DEPARTED = "departed"


@dataclass(frozen=True)
class GoldAppointment:
    """One gold appointment, as the scorer reads it."""

    person: str
    organisation: str | None
    role: str
    departed: bool
    effective_date: str | None = None
    past_employers: tuple[str, ...] = ()
    past_employers_optional: tuple[str, ...] = ()
    optional: bool = False

    @classmethod
    def from_gold(cls, row: Mapping[str, Any]) -> GoldAppointment:
        return cls(
            person=row.get("person") or "",
            organisation=row.get("organisation"),
            role=row.get("role") or "",
            departed=row.get("event") == DEPARTED,
            effective_date=iso_date(row.get("effective_date")),
            past_employers=tuple(row.get("past_employers") or ()),
            past_employers_optional=tuple(row.get("past_employers_optional") or ()),
            optional=bool(row.get("optional")),
        )


@dataclass(frozen=True)
class PredictedAppointment:
    """One predicted appointment, as the scorer reads it from an output record."""

    person: str
    organisation: str | None
    role: str
    departed: bool
    effective_date: str | None = None
    past_employers: tuple[str, ...] = ()

    @classmethod
    def from_output(cls, row: Mapping[str, Any]) -> PredictedAppointment:
        """Read an ``Appointment`` as JSON; plain strings are accepted for objects."""
        return cls(
            person=_name(row.get("person"), "name") or "",
            organisation=_name(row.get("organisation"), "name"),
            role=_name(row.get("role"), "title") or "",
            departed=row.get("event") == DEPARTED,
            effective_date=iso_date(row.get("effective_date")),
            past_employers=tuple(_name(pe, "name") or "" for pe in row.get("past_employers") or ()),
        )


def _name(value: Any, key: str) -> str | None:
    """``value[key]`` for an object, ``value`` itself for a string."""
    if isinstance(value, Mapping):
        value = value.get(key)
    return value if isinstance(value, str) else None


def iso_date(value: Any) -> str | None:
    """A date as an ISO string (``date`` objects and strings alike); None stays None."""
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) and value else None


def predicted_appointments(record: Mapping[str, Any] | None) -> list[PredictedAppointment]:
    """The appointments of an output record; none for a missing or an error record."""
    if record is None or "error" in record:
        return []
    return [PredictedAppointment.from_output(a) for a in record.get("appointments") or () if isinstance(a, Mapping)]


# ------------------------------------------------------------------------------ alignment


def agreement(gold: GoldAppointment, pred: PredictedAppointment) -> int:
    """How many of role, organisation and departure side a prediction gets right (0-3)."""
    return (
        same_role(gold.role, pred.role)
        + same_organisation(gold.organisation, pred.organisation)
        + (gold.departed == pred.departed)
    )


def align(golds: Sequence[GoldAppointment], preds: Sequence[PredictedAppointment]) -> dict[int, int]:
    """Greedy one-to-one alignment: gold index -> prediction index.

    Required gold records go first (then optional ones), each in gold order, each taking
    the unused prediction naming the same person that agrees most (``agreement``); ties go
    to the earlier prediction.
    """
    pairs: dict[int, int] = {}
    for i in sorted(range(len(golds)), key=lambda i: golds[i].optional):
        candidates = [
            j for j, pred in enumerate(preds)
            if j not in pairs.values() and same_person(golds[i].person, pred.person)
        ]
        if candidates:
            pairs[i] = max(candidates, key=lambda j: agreement(golds[i], preds[j]))
    return pairs
