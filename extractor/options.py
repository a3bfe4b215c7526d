"""The settings of a run (``Options``) and one input (``Document``).

Light on purpose: the command line, the batch and walking modules build these before (or
without) the pipeline and spaCy are imported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import EVENTS

if TYPE_CHECKING:
    from .models import Appointment

#: How many documents one model batch may hold, in units of ``Options.batch_size``, when triage
#: sends most of them nowhere (their texts are small; the model is what batching is for)
SKIPPED_PER_BATCH = 8

#: The ways a move can be decided (``Options.decision``).
DECISIONS = ("combined", "rules", "model")


@dataclass(frozen=True)
class Options:
    """Every setting of a run."""

    model: str | None = None  # spaCy package; default: en_core_web_sm if installed, else the pinned copy
    max_chars: int = 2_000_000  # larger documents get a "too_large" error
    batch_size: int = 64  # documents that reach the model together (their texts in BATCH_CHARS batches)
    include_text: bool = False  # always put the offsets' text in the record (HTML inputs always do)
    triage: bool = True  # skip texts with no appointment cue, blank paragraphs that can not matter (see triage.py)
    min_confidence: float = 0.0  # appointments with a lower confidence are left out of the record
    events: frozenset[str] | None = None  # keep only these events (None: all four)
    #: who decides (see README, "Trained decision"): "combined" (the hand rules' records, with the
    #: trained model's calibrated confidence), "rules" (the hand rules alone, hand-set confidence)
    #: or "model" (the trained model alone)
    decision: str = "combined"
    decide: bool = False  # shorthand for decision="model"

    def __post_init__(self):
        if self.decide:
            object.__setattr__(self, "decision", "model")
        if self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}; use {', '.join(DECISIONS)}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
        if self.events is not None:
            object.__setattr__(self, "events", frozenset(self.events))
            unknown = self.events - set(EVENTS)
            if unknown:
                raise ValueError(f"unknown event(s) {sorted(unknown)}; use {', '.join(EVENTS)}")

    def keeps(self, appointment: Appointment) -> bool:
        """Is an appointment wanted under these options (confidence, event)?"""
        return appointment.confidence >= self.min_confidence and (
            self.events is None or appointment.event in self.events)


@dataclass(frozen=True)
class Document:
    """One input: raw bytes (from a file) or text, with its id and where it came from."""

    document_id: str
    data: bytes | str
    source: str | None = None
    name: str | None = None  # file name, used to recognise HTML by extension
