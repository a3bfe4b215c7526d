"""Board seats: "elected to its board", "named to the Jacobs board" (the seat and whose board)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..entities.organisations import _clean_org
from ..results import CharSpan
from ..view import DocView
from ..words import _GENERIC_ORGS


def _board_title(doc: Doc, start: int, limit: int, reach: int = 7) -> Span | None:
    """ "elected to its board", "resigned from the board of directors", "named to the Jacobs
    board", "joined AST's board" -> the span "board"."""
    for i in range(start, min(limit, start + reach)):
        if doc[i].lower_ != "board":
            continue
        j = i - 1
        while j > start and (doc[j].ent_type_ == "ORG" or doc[j].text in ("'s", "’s") or doc[j].text[:1].isupper()):
            j -= 1
        if j - 1 > start and doc[j].lower_ in _GENERIC_ORGS and doc[j - 1].lower_ in ("the", "its", "our", "their"):
            j -= 1  # "the company's board": the words before the possessive
        if doc[j].lower_ in ("its", "the", "company's", "our", "their", "his", "her"):
            j -= 1
        if j >= start and doc[j].lower_ in ("to", "from", "on", "of", "joined", "join", "joins", "left", "leaves"):
            return doc[i:i + 1]
    return None


def _board_owner(view: DocView, seat: Span) -> CharSpan | None:
    """ "appointed to the Jacobs board": Jacobs."""
    doc = view.doc
    k = seat.start - 1
    end = seat.start
    while k >= 0 and doc[k].text in ("'s", "’s"):
        end = k
        k -= 1
    start = end
    while start - 1 >= 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ("the", "its", "their"):
        start -= 1
    if start == end:
        return None
    span = _clean_org(doc[start:end])
    return CharSpan(span.text, span.start_char, span.end_char) if span is not None else None
