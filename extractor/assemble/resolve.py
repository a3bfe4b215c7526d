"""Resolving the records of a document: one record per person, side and role; seats that go with posts;
committee seats that are no post.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .entities.titles import _post_words, _title_words
from .names import same_org
from .results import Found
from .words import names_only_a_body


#: "... of the Audit and Sustainability Committees" after "member": a committee seat
_OF_COMMITTEE = re.compile(r"\s*of\s+(?:the\s+|its\s+)?(?P<names>[\w&' -]{0,40}?)\bcommittees?\b", re.IGNORECASE)

#: Committees that are a firm's executive body, whose seats are posts ("Group Executive Committee")
_EXECUTIVE_BODIES = re.compile(r"\b(?:executive|management|operating|board)\b|\bchair", re.IGNORECASE)


def _committee_seat(doc: Doc, f: Found) -> bool:
    """Is the record a seat on a board committee ("will become a member of the Audit Committee"),
    which no one tracks as a post (its chair is one: "chairman of the executive committee"; so is
    a seat on an executive committee)?"""
    if f.event == "departed" or f.title.text.lower() not in ("member", "members"):
        return False
    m = _OF_COMMITTEE.match(doc.text, f.title.end)
    return m is not None and _EXECUTIVE_BODIES.search(m.group("names")) is None


def seats_with_posts(found: list[Found]) -> list[Found]:
    """A board seat given with a post ("named president and chief executive officer ... has
    also been named to the board") is part of that change, not one of its own: the seat's record
    goes when the same person takes another post at the same organisation within two sentences.
    A seat is one on the board of directors or on a body named without its firm ("appointed to
    the management board and named chief financial officer"). (The pipeline applies it once
    changes told as background are gone.)"""
    def seat(f: Found) -> bool:
        return _title_words(f.title.text) == {"director"} or names_only_a_body(f.title.text.lower().split())

    posts = [f for f in found if f.event != "departed" and not seat(f)]
    out = []
    for f in found:
        if f.event != "departed" and seat(f) and any(
            p.person_key == f.person_key and abs(p.sent_index - f.sent_index) <= 2
            and (p.organisation is None or f.organisation is None or same_org(p.organisation.text, f.organisation.text))
            for p in posts
        ):
            continue
        out.append(f)
    return out


def _merge(found: list[Found]) -> list[Found]:
    """One record per (person, side, role): a person told twice with the same (or a
    narrower) title is one change; two different titles are two changes ("senior vice
    president of finance" now, "chief financial officer" later)."""
    out: list[Found] = []
    for f in found:
        words = _title_words(f.title.text)
        same = None
        for cur in out:
            if cur.person_key != f.person_key or (cur.event == "departed") != (f.event == "departed"):
                continue
            cw = _title_words(cur.title.text)
            if cur.organisation and f.organisation and not same_org(cur.organisation.text, f.organisation.text) and not (cur.headline or f.headline):
                continue  # the same title at two organisations: two changes
            if words <= cw or cw <= words or len(words & cw) / max(1, len(words | cw)) >= 0.6:
                same = cur
                break
            if cur.organisation and f.organisation and _post_words(cur.title.text) == _post_words(f.title.text):
                same = cur  # "president of its beer subsidiary" and, later, "president of the unit": one post
                break
        if same is None:
            out.append(f)
            continue
        cw = _title_words(same.title.text)
        if words != cw and (words < cw or cw < words):
            # "managing partner" and, told later, "joined as a partner in 2009": the fuller title
            better = same if words < cw else f
        else:
            better = f if f.confidence > same.confidence else same
        other = same if better is f else f
        better.succeeds = better.succeeds or other.succeeds
        if better.organisation is None:
            better.organisation = other.organisation
        if better.effective is None:
            better.effective = other.effective
        out[out.index(same)] = better
    return out
