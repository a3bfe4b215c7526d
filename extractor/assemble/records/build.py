"""Building a record: the event, the organisation (rule 4), a move inside the group, a unit the role also covers."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..attach.organisation import (
    _and_its_unit, _left_from, _named_by_title, _org_for_title, _same_group, _split_title, _subject_org,
    _unnamed_firm_after,
)
from ..constructions.appositions import _named_in_brackets
from ..results import CharSpan, Found, _as_charspan, _span
from .state import SentenceState


def record(s: SentenceState, key, title, trig_kind, conf, rel="new", old=None, org=None, succeeds=None) -> Found:
    """Add to ``s.out`` the record of person ``key`` taking (or, for a departure trigger, leaving)
    ``title`` (a Span, or a CharSpan the rules made); ``old``, a title the person held before;
    ``org``, the organisation when the rule knows it. Returns the (first) record."""
    view, sent = s.view, s.sent
    if isinstance(title, Span) and org is None:
        parts = _split_title(title)
        if len(parts) > 1:
            # "president of the company and chairman of its Central Trust unit": two roles
            made = [record(s, key, part, trig_kind, conf, rel, old, None, succeeds) for part in parts]
            return made[0]
    if isinstance(title, Span):
        title = _named_in_brackets(view, title, sent.end) or title
    info = view.people.by_key[key]
    title_cs = _as_charspan(title)
    tspan = title if isinstance(title, Span) else None
    event = _event(trig_kind, title_cs, sent)
    elsewhere = event != "departed" and tspan is not None and _unnamed_firm_after(s.doc, tspan.end, sent.end)
    org = _organisation(s, key, tspan, event, org)
    event, held_at = _promotion(s, event, old, org)
    if s.headline:
        conf = min(conf, 0.7)  # the body usually says it again, in full
    f = Found(person=CharSpan(info.name, info.start, info.end), title=title_cs, organisation=org,
              event=event, sentence=_span(sent), confidence=conf, person_key=key, sent_index=s.si,
              succeeds=succeeds, headline=s.headline, past_employers=[held_at] if held_at is not None else [],
              elsewhere=elsewhere)
    s.out.append(f)
    second = _and_its_unit(view, org, sent)
    if second is not None:
        # "president of Liberty Financial Group Inc and its Liberty Savings Bank unit": both
        s.out.append(Found(person=f.person, title=title_cs, organisation=second, event=event,
                           sentence=f.sentence, confidence=conf, person_key=key, sent_index=s.si, succeeds=succeeds))
    return f


def _event(trig_kind: str, title: CharSpan, sent: Span) -> str:
    """The event a trigger of ``trig_kind`` makes of the title: departed, promoted, appointed,
    or interim (an acting or interim post, or a sentence that says "temporarily")."""
    event = "departed" if trig_kind == "depart" else "promoted" if trig_kind == "promote" else "appointed"
    if event != "departed" and (
        re.search(r"\b(acting|interim)\b", title.text.lower())
        or any(t.lower_ in ("temporarily", "interim") for t in sent)
    ):
        event = "interim"
    return event


def _organisation(s: SentenceState, key: str, tspan: Span | None, event: str, org: CharSpan | None) -> CharSpan | None:
    """The organisation of the record: the one the rule knows, else the one the title names (for a
    departure, the one left "from"), else the subject announcing the move, else the document's;
    spelled out when the text abbreviates it."""
    view, sent, mentions = s.view, s.sent, s.mentions
    if org is None and tspan is not None:
        org = _org_for_title(view, tspan, sent)
        if event == "departed":
            left = _left_from(view, sent, next((m[1] for m in mentions if m[2] == key), sent.start))
            if left is not None and (org is None or not _named_by_title(org, tspan)):
                org = left  # "resigned from Beta Inc", not the announcing firm or the country
    first = min(m[0] for m in mentions) if mentions else sent.start
    return view.full_org(org or _subject_org(view, sent, max(first, sent.start + 1)) or view.main_org)


def _promotion(s: SentenceState, event: str, old: Span | None, org: CharSpan | None) -> tuple[str, CharSpan | None]:
    """An appointment of someone who held ``old``: a promotion when the old post was inside the
    group; else the event stands and the old post's organisation is where the person worked."""
    held_at = None
    if event == "appointed" and old is not None:
        old_org = _org_for_title(s.view, old, s.sent)
        if _said_to_be_past(s.doc, old):
            # "Former State Senator Carl Biggs joins ... as special advisor": a post given up before
            return event, old_org if old_org is not None and (org is None or not _same_group(s.view, old_org, org)) else None
        if old_org is None or org is None or _same_group(s.view, old_org, org):
            event = "promoted"  # a move inside the group: "president of Hartmarx" to head its unit
        else:
            held_at = old_org  # "John Shad, chairman of the SEC, as ambassador": where he worked
    return event, held_at


def _said_to_be_past(doc, title: Span) -> bool:
    """Is the title called a past one ("former chief financial officer", "Former State Senator",
    "ex-CFO")?"""
    if title[0].lower_ in ("former", "ex"):
        return True
    k = title.start - 1
    if k >= 1 and doc[k].text == "-" and doc[k - 1].lower_ == "ex":
        return True
    while k >= 0 and title.start - k <= 3 and doc[k].text[:1].isupper() and doc[k].lower_ != "former":
        k -= 1  # "Former [State] Senator"
    return k >= 0 and doc[k].lower_ == "former"
