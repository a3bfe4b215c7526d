"""Successions told in one sentence (rule 5 of the package): the successor named after "by", the
predecessor's own new post, and the post the predecessor leaves to the successor."""
from __future__ import annotations

import re

from ..constructions.appositions import _appositive_title, _title_before
from ..constructions.title_after import _title_after_pos
from ..entities.titles import _title_words
from ..results import CharSpan, Found, _span
from .build import record
from .state import Place, SentenceState


def _successor_by_agent(s: SentenceState, p: Place) -> bool:
    """ "replaced as president of the unit by August Busch III": the person after "by" is the
    successor, of the person named before the verb. True when it made the record."""
    if "by" not in p.pre:
        return False
    view = s.view
    st = [t for t in s.trigs if t.kind == "succeed" and p.head - 12 <= t.tok.i < p.ms]
    if not st:
        return False
    title = _title_after_pos(view, st[0].tok.i + 1, p.ms, s.trigger_words)
    before = [m for m in s.mentions if m[1] <= st[0].tok.i]
    pred = before[-1][2] if before else None
    if title is None and pred is not None:
        # "Rogers ... was replaced by Harold Simmons": the role Rogers left
        left = [f for f in list(s.earlier) + s.out if f.person_key == pred and f.event == "departed"]
        title = left[0].title if left else None
        org = left[0].organisation if left else None  # and where
    else:
        org = None
    if title is None:
        return False
    f = record(s, p.key, title, "appoint", 0.8, org=org, succeeds=view.people.by_key[pred].name if pred else None)
    if pred:
        s.succeeded.append((pred, f))
    return True


def _is_predecessor(s: SentenceState, p: Place) -> bool:
    """Is the person right after "succeeding"/"replacing" (and no one else between): the predecessor?"""
    doc = s.doc
    return any(
        doc[i].lower_ in s.lex.succeed and not any(i < m[0] < p.ms and m[2] != p.key for m in s.mentions)
        for i in range(max(s.sent.start, p.head - 3), p.head))  # not "succeed Dixon as chairman and ... Keigger"


def _predecessors_new_posts(s: SentenceState) -> None:
    """ "succeeding James C. Hann, who becomes vice chairman": the predecessor's own new post."""
    doc, sent = s.doc, s.sent
    for key, _ in s.succeeded:
        at = next((m for m in s.mentions if m[2] == key), None)
        if at is None or at[1] + 2 >= sent.end or doc[at[1]].text != "," or doc[at[1] + 1].lower_ != "who":
            continue
        trig = next((t for t in s.trigs if t.kind in ("appoint", "promote") and at[1] + 2 <= t.tok.i <= at[1] + 4), None)
        if trig is None or any(f.person_key == key and f.event != "departed" for f in s.out):
            continue
        title = _title_after_pos(s.view, trig.tok.i + 1, sent.end, s.trigger_words)
        if title is not None:
            record(s, key, title, trig.kind, 0.85)


def _predecessors_leave(s: SentenceState) -> None:
    """Predecessors leave the role their successor takes (or their own, when the sentence gives it)."""
    view, sent = s.view, s.sent
    arrivals = [f for f in s.out if f.event != "departed"]
    named = {k for _, _, k in s.mentions}
    for key, succ in s.succeeded:
        if succ is None:
            others = [f for f in arrivals if f.person_key != key] or [
                # "Geddes replaces John Wojcik": a successor named here whose record came earlier
                f for f in s.earlier if f.event != "departed" and f.person_key != key and f.person_key in named]
            succ = others[-1] if others else None
        if succ is None or key == succ.person_key:
            continue
        info = view.people.by_key[key]
        succ.succeeds = succ.succeeds or info.name
        if any(f.person_key == key and f.event == "departed" for f in s.out):
            continue  # the sentence already says what he leaves ("who will step down as CFO")
        own, moved_on = _own_title(s, key)
        if moved_on:
            continue
        told = own is not None and bool(_title_words(own.text) & _title_words(succ.title.text))
        if not told and any(f.person_key == key and f.event != "departed" for f in list(s.earlier) + s.out):
            # "Hodge will take over for Grubb", who was named the unit's president: a move up (but
            # "replaces former chief financial officer John Wojcik, who ... assumes the new position
            # of corporate counsel" leaves the post his successor takes)
            continue
        title = _span(own) if told else _not_acting(succ.title)
        s.out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title,
                           organisation=succ.organisation, event="departed", sentence=_span(sent),
                           confidence=0.5, person_key=key, sent_index=s.si))


def _own_title(s: SentenceState, key: str):
    """ "takes over from Laurent Béguin, Group Chief Financial Officer since 2017": the
    predecessor's own title; and whether he has moved on ("would succeed L. Paul Bremer, now the
    State Department's chief": he left before). Returns (title or None, moved on)."""
    doc, sent, view = s.doc, s.sent, s.view
    own = None
    moved_on = False
    for ms, me, k in s.mentions:
        if k == key:
            moved_on = me + 1 < sent.end and doc[me].text == "," and doc[me + 1].lower_ == "now" and any(
                t.text in ("'s", "’s") or t.ent_type_ == "ORG" or t.lower_ in ("at", "with") for t in doc[me + 2:min(sent.end, me + 10)])
            own = _appositive_title(view, me, sent.end) or _title_before(view, ms, sent.start)
            break
    return own, moved_on


def _not_acting(title: CharSpan) -> CharSpan:
    """The post an acting holder fills, as the one who left it held it: "acting president" ->
    "president"."""
    m = re.match(r"(?:acting|interim)\s+", title.text, re.IGNORECASE)
    if m is None or m.end() == len(title.text):
        return title
    return CharSpan(title.text[m.end():], title.start + m.end(), title.end)
