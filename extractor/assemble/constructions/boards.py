"""Board seats: "elected to its board", "named to the Jacobs board" (the seat and whose board)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..entities.organisations import _clean_org
from ..results import CharSpan
from ..view import DocView
from ..words import _BOARD_MEMBERS, _GENERIC_ORGS, BOARD_MODIFIERS
from .title_after import _title_after_pos


def _board_title(doc: Doc, start: int, limit: int, reach: int = 7) -> Span | None:
    """ "elected to its board", "resigned from the board of directors", "named to the Jacobs
    board", "joined AST's board" -> the span "board"."""
    for i in range(start, min(limit, start + reach)):
        if doc[i].lower_ != "board":
            continue
        j = i - 1
        while j > start and (doc[j].ent_type_ == "ORG" or doc[j].text in ("'s", "’s") or doc[j].text[:1].isupper()
                             or doc[j].lower_ in BOARD_MODIFIERS):
            j -= 1
        if j - 1 > start and doc[j].lower_ in _GENERIC_ORGS and doc[j - 1].lower_ in ("the", "its", "our", "their"):
            j -= 1  # "the company's board": the words before the possessive
        if doc[j].lower_ in ("its", "the", "company's", "our", "their", "his", "her"):
            j -= 1
        if j >= start and doc[j].lower_ in ("to", "from", "on", "of", "joined", "join", "joins", "left", "leaves") and not (
                doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ not in ("member", "members", "seat", "seats")):
            return doc[i:i + 1]  # (not "Chairman of the Supervisory Board": a post of its own)
    return None


def seat_title(seat: Span) -> Span | CharSpan:
    """The post a seat on the board ``seat`` (the word "board") gives: "director" on the board (of
    directors); on a body with a name of its own, the name as written: "Advisory Board",
    "Scientific Advisory Board", "management board", "Board of Advisors"."""
    doc = seat.doc
    start, end = seat.start, seat.end
    while start > 0 and doc[start - 1].lower_ in BOARD_MODIFIERS:
        start -= 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in ("advisors", "advisers"):
        end += 2
    if (start, end) == (seat.start, seat.end):
        return CharSpan("director", seat.start_char, seat.end_char)
    return doc[start:end]


def post_on_the_board(view: DocView, seat: Span, limit: int, trigger_words: frozenset[str]) -> Span | CharSpan:
    """The post a seat gives, or the one named after it: "appointed to the management board as
    chief financial officer", "elected to the board of directors as its chairman"."""
    doc = seat.doc
    k = seat.end
    if k + 1 < limit and doc[k].lower_ == "of" and doc[k + 1].lower_ in _BOARD_MEMBERS:
        k += 2
    if k < limit and doc[k].lower_ == "as":
        post = _title_after_pos(view, k + 1, limit, trigger_words)
        if post is not None:
            return post
    return seat_title(seat)


def _board_owner(view: DocView, seat: Span) -> CharSpan | None:
    """ "appointed to the Jacobs board": Jacobs (not "Strategic Advisory" of "the Strategic
    Advisory Board", nor "NIL" of "Players Health's NIL Advisory Board")."""
    doc = view.doc
    k = seat.start - 1
    while k >= 0 and doc[k].lower_ in BOARD_MODIFIERS:
        k -= 1
    j = k
    while j >= 0 and k - j < 2 and doc[j].text[:1].isupper():
        j -= 1
    if j < k and j >= 1 and doc[j].text in ("'s", "’s"):
        k = j  # "Players Health's NIL Advisory Board": a name of the board's own after its owner's
    end = k + 1
    while k >= 0 and doc[k].text in ("'s", "’s"):
        end = k
        k -= 1
    start = end
    while start - 1 >= 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ("the", "its", "their"):
        start -= 1
    if start == end or start > 0 and doc[start - 1].lower_ in ("its", "their", "our"):
        return None  # (not "NIL" of "its NIL Advisory Board": the board's own name)
    span = _clean_org(doc[start:end])
    return CharSpan(span.text, span.start_char, span.end_char) if span is not None else None
