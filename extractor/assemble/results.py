"""Results: the candidates the stages make, in character offsets of the doc's text."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CharSpan:
    text: str
    start: int
    end: int


@dataclass
class Found:
    """One appointment candidate, offsets in the doc's text."""

    person: CharSpan
    title: CharSpan
    organisation: CharSpan | None
    event: str
    sentence: CharSpan
    confidence: float
    succeeds: str | None = None
    past_employers: list[CharSpan] = field(default_factory=list)
    person_key: str = ""
    sent_index: int = 0
    effective: object = None  # reserved for the pipeline's effective date
    headline: bool = False  # told in a headline, which the body usually repeats in full
    elsewhere: bool = False  # a post at an organisation the text does not name ("president of a privately held company")


def _span(doc_or_span) -> CharSpan:
    return CharSpan(doc_or_span.text, doc_or_span.start_char, doc_or_span.end_char)


def _as_charspan(t) -> CharSpan:
    return t if isinstance(t, CharSpan) else _span(t)
