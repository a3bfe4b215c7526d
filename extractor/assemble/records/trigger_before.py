"""(B) The trigger governs the person from before: "named X (as) president", "the resignation of
President X", "nominate John Shad, chairman of the SEC, as ambassador"."""
from __future__ import annotations

from spacy.tokens import Span

from ..constructions.appositions import (
    _appositive_end, _appositive_title, _as_after_appositive, _as_closing_appositive, _title_before,
    _title_by_apposition,
)
from ..constructions.boards import _board_title, post_on_the_board, seat_title
from ..constructions.governing import _and_of_reaches, _governing_trigger, _noun_of_reaches, _pairs_reach
from ..constructions.subjects import _seeks_someone, _someone_else_does
from ..constructions.title_after import _left_behind, _title_after_pos, _to_the_group_end
from ..entities.titles import _title_word
from ..results import CharSpan, _as_charspan
from ..trigger_words import Trigger, _background, _in_background_clause
from ..words import _HONORIFICS, _JOIN_WORDS, _quote_closes
from .build import record
from .state import Place, SentenceState

#: The confidence of a record by where its title came from: the new post, the post held (a
#: departure), a post held before an appointment that names none, a board seat
_CONFIDENCE = {"new": 0.85, "held": 0.75, "pre": 0.6, "board": 0.6}


def _trigger_before(s: SentenceState, p: Place) -> None:
    """Records for the person (and the list it is in) from the trigger that governs them."""
    trig = _governing(s, p)
    if trig is None:
        return
    title, held_before = _new_title(s, p, trig)
    if title is not None and trig.kind in ("appoint", "promote") and trig.tok.i > p.ms and _left_behind(s.doc, trig.tok.i, title):
        title = None  # "X was promoted from her position as Director of Compliance": the post left
    view = s.view
    old = held_before or _appositive_title(view, p.me, p.limit) or _title_before(view, p.ms, p.prev_end) \
        or _title_by_apposition(view, p.ms, p.me, p.prev_end)
    if old is not None and title is not None and _overlap(_as_charspan(old), _as_charspan(title)):
        old = None  # "Joining the firm as COO, Dana Lee will ...": the post before the name is the new one
    title, rel = _title_or_held(s, p, trig, title, old)
    if title is None:
        return
    conf = _CONFIDENCE[rel]
    for m in range(p.first_idx, p.last + 1):
        if m == p.idx or m not in s.skip:
            record(s, s.mentions[m][2], title, trig.kind, conf, old=old if rel == "new" and m == p.idx else None)
            s.skip.add(m)


def _overlap(a: CharSpan, b: CharSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _governing(s: SentenceState, p: Place) -> Trigger | None:
    """The trigger that governs the person, unless it is about someone else or told as background."""
    doc, ms, me, limit = s.doc, p.ms, p.me, p.limit
    trig = _governing_trigger(s.view, s.trigs, ms, me, limit)
    if trig is None or trig.kind == "succeed" or _someone_else_does(s.view, trig.tok, p.key, ms):
        return None
    if trig.tok.i < ms and any(_quote_closes(doc, k, ms) for k in range(trig.tok.i + 1, ms)):
        return None  # "“... pleased to promote her to this role,” said Dana Lee, President": who speaks
    if trig.tok.lower_ in _JOIN_WORDS and trig.tok.i < ms and _joins_a_person(doc, trig.tok.i, ms):
        return None  # "Dana Lee joins existing board member Ravi Patel": Patel is who is joined
    if trig.kind in ("appoint", "promote") and trig.tok.i >= me and _seeks_someone(doc, trig.tok, limit):
        return None  # "Smith named a new chief financial officer": Smith appoints
    if trig.tok.pos_ == "NOUN" and trig.tok.i > me and not any(
        doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(me, trig.tok.i - 3), trig.tok.i)
    ):
        return None  # "swore in secretaries to fill vacancies created by the resignations of ..."
    if trig.tok.pos_ == "NOUN" and trig.tok.i < ms and not (
        trig.tok.i < ms <= trig.tok.i + 5 and trig.tok.i + 1 < len(doc) and doc[trig.tok.i + 1].lower_ == "of"
        or trig.kind == "depart" and _noun_of_reaches(doc, trig.tok.i, ms)
        or _and_of_reaches(s.view, trig.tok.i, ms)
        or _pairs_reach(s.view, trig.tok.i, ms, me)
    ):
        return None  # "Commenting on the appointment, X, president of Y, said"
    if trig.kind == "appoint" and trig.tok.lower_ in s.lex.announce_needs_object:
        as_at = _to_the_group_end(doc, p.list_end_tok, limit)  # "the addition of X to its team as"
        as_title = as_at < limit and doc[as_at].lower_ == "as"
        if not (ms > trig.tok.i and (ms - trig.tok.i <= 3 or as_title)):
            return None
    if trig.kind != "depart" and trig.tok.i < ms and _background(trig.tok) and any(
            doc[k].text == "," for k in range(trig.tok.i + 1, ms)):
        return None  # "Before joining Orrin, Hale was a partner at Kearney": the post held before
    if trig.kind == "depart" and _background(trig.tok) and not (
        trig.tok.pos_ == "NOUN" and _noun_of_reaches(doc, trig.tok.i, ms)
    ):
        return None  # "after retiring from", but not "after the death of Chairman X": news
    if trig.kind == "depart" and trig.tok.pos_ == "NOUN" and _in_background_clause(trig.tok):
        return None  # "after Baker was named chief of staff following the resignation of Donald Regan"
    return trig


def _joins_a_person(doc, i: int, ms: int) -> bool:
    """Is the person at ``ms`` the object of the join verb at ``i`` ("joins Ravi Patel",
    "joining existing board member Ravi Patel"), not its agent ("joined by Ravi Patel")?"""
    between = doc[i + 1:ms]
    return len(between) <= 6 and not any(t.lower_ in ("by", "as", "to", "from") or t.is_punct or t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                                         for t in between)


def _new_title(s: SentenceState, p: Place, trig: Trigger):
    """The title the trigger gives the person: after the name (or its appositive), after the "as"
    that follows an appositive, or between the trigger and the name. Returns (title, the title
    held before, when the name stands in apposition to it)."""
    doc, view, ms, limit, words = s.doc, s.view, p.ms, p.limit, s.trigger_words
    list_end_tok = p.list_end_tok
    app = _appositive_end(doc, list_end_tok, limit)
    title = _title_after_pos(view, list_end_tok, limit, words)
    if trig.kind != "depart" and trig.tok.i < ms and (app is not None or list_end_tok < limit and doc[list_end_tok].text == ","):
        # "nominate John Shad, chairman of the SEC, as ambassador": the post after "as" is
        # the new one, the appositive the one held (its closing comma may be missing: "David
        # Lyon, currently managing director of Redland Plc as its new chief executive")
        as_at = _as_after_appositive(doc, app, limit) if app is not None else _as_closing_appositive(view, list_end_tok, limit)
        if as_at is not None:
            title = _title_after_pos(view, as_at + 1, limit, words) or title
    if title is None and app is not None:
        title = _title_after_pos(view, app, limit, words)
    held_before, after = _held_in_apposition(s, p, trig)
    if after is not None:
        title = after
    if title is None and trig.tok.i < ms and trig.kind != "depart":
        title = _title_after_pos(view, trig.tok.i + 1, ms, words)
    return title, held_before


def _held_in_apposition(s: SentenceState, p: Place, trig: Trigger):
    """ "named its chief operating officer, Samuel Finch, interim president": the title before
    the name, in apposition to it, is the one held; the one after it is the new one. Returns
    (held, new), both None unless both are there."""
    doc, view, limit, words = s.doc, s.view, p.limit, s.trigger_words
    list_end_tok = p.list_end_tok
    named_at = p.ms
    while named_at > 0 and doc[named_at - 1].lower_ in _HONORIFICS:
        named_at -= 1
    if not (trig.kind != "depart" and trig.tok.i < named_at and named_at > 0 and doc[named_at - 1].text == ","
            and list_end_tok < limit and doc[list_end_tok].text == ","):
        return None, None
    held_before = _title_after_pos(view, trig.tok.i + 1, named_at, words)
    if held_before is None:
        return None, None
    k = list_end_tok + 1 + (list_end_tok + 1 < limit and doc[list_end_tok + 1].lower_ == "as")
    while k < limit and doc[k].lower_ in ("its", "the", "a", "an", "new", "next"):
        k += 1  # "as its new president", "as the next chief executive"
    after = _title_after_pos(view, k, limit, words) if k < limit and view.title_at.get(k) is not None else None
    if after is None:
        return None, None
    return held_before, after


def _title_or_held(s: SentenceState, p: Place, trig: Trigger, title, old):
    """The title of the records, and where it came from ("new", "held", "pre", "board"): the new
    title; else, for a departure, the post left; else the post held, or a board seat. Returns
    (None, ...) when the person gets no record."""
    doc, ms = s.doc, p.ms
    rel = "new"
    if trig.kind == "depart" and title is None and old is None and trig.tok.i < ms:
        title = _filled_by_interim(s, p)
        if title is not None:
            rel = "held"
    if trig.kind == "depart" and title is None and old is not None:
        title, rel = old, "held"
    elif title is None and old is not None and trig.tok.i < ms and min(ms, old.start) > 0 \
            and doc[min(ms, old.start) - 1].lower_ in ("of", "by", "from") and any(
        k != p.key and trig.tok.i < st < s.mentions[p.first_idx][0] for st, _, k in s.mentions
    ):
        # "named Selim Hoss as acting prime minister following the assassination of Premier
        # Rashid Karami": the verb's object came before; this one only holds a title
        return None, rel
    elif title is None and old is not None and trig.tok.i < ms:
        # "nominated X, president of Holiday Corp, ... to its board": the seat, not the old title
        seat = _board_title(doc, trig.tok.i, s.sent.end, reach=40)
        if seat is not None:
            title, rel = post_on_the_board(s.view, seat, s.sent.end, s.trigger_words), "board"
        else:
            title, rel = old, "pre"
    if title is None:
        title, rel = _board_seat(s, p, trig), "board"
    return title, rel


def _no_seat(s: SentenceState, i: int) -> bool:
    """Does the word "board" at ``i`` name no seat: a title's word ("Board Chair Ann Lee", "Board
    Member Bo Park"), the body that appoints ("Supervisory Board Appoints ..."), or "across the
    board"?"""
    doc = s.doc
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and (_title_word(nxt) or nxt.lower_ in ("member", "members")
                                or any(t.tok.i == nxt.i for t in s.trigs)) \
        or i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "across"


def _filled_by_interim(s: SentenceState, p: Place) -> CharSpan | None:
    """ "stepping into the role of interim CEO following the resignation of Aldo Boitano": the
    role the interim holder now fills, without "interim"."""
    filled = [f for f in s.out if f.event != "departed" and f.person_key != p.key]
    if filled:
        words = [w for w in filled[-1].title.text.split() if w.lower() not in ("interim", "acting", "temporary")]
        if words:
            text = " ".join(words)
            at = filled[-1].title.text.find(words[0])
            return CharSpan(text, filled[-1].title.start + at, filled[-1].title.end)
    return None


def _board_seat(s: SentenceState, p: Place, trig: Trigger) -> Span | CharSpan | None:
    """A board seat near the trigger ("elected to its board"), or a board named just before the
    list ("elected a new board consisting of A, B and C"): "director", or the body's own name
    ("Advisory Board")."""
    doc, sent, ms, me = s.doc, s.sent, p.ms, p.me
    board = _board_title(doc, min(trig.tok.i, me), sent.end, reach=7 if trig.tok.i > ms else 40)
    if board is not None:
        return post_on_the_board(s.view, board, sent.end, s.trigger_words)
    first = s.mentions[p.first_idx][0]
    board_tok = next((doc[i] for i in range(max(sent.start, first - 6), first)
                      if doc[i].lower_ == "board" and not _no_seat(s, i)), None)
    if board_tok is None:
        return None
    return seat_title(doc[board_tok.i:board_tok.i + 1])
