"""Predecessors across the document (rule 5 of the package): a former holder named beside a new one,
and a successor who takes every post the predecessor held.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from ..entities.titles import _title_words
from ..names import same_org
from ..results import CharSpan, Found, _span
from ..view import DocView


def _every_post_of_predecessor(found: list[Found]) -> list[Found]:
    """A successor takes the predecessor's post wherever he held it: "Kline will resign as
    president of Liberty Financial Group Inc and its Liberty Savings Bank unit ... Kline's
    post will be filled by Cheleden" makes Cheleden president of both."""
    out = list(found)
    for f in found:
        if f.event == "departed" or not f.succeeds or f.organisation is None:
            continue
        words = _title_words(f.title.text)
        held = [d for d in found if d.event == "departed" and d.person.text == f.succeeds and d.organisation is not None
                and _title_words(d.title.text) == words]
        if len(held) < 2 or len({d.sent_index for d in held}) > 1 or not any(
            same_org(d.organisation.text, f.organisation.text) for d in held
        ):
            continue  # one post, posts told apart, or not the same post
        for d in held:
            if any(g.person_key == f.person_key and g.event != "departed" and g.organisation is not None
                   and same_org(g.organisation.text, d.organisation.text) for g in out):
                continue
            out.append(replace(f, organisation=d.organisation, past_employers=[]))
    return out


def _former_holders(view: DocView, found: list[Found]) -> list[Found]:
    """ "former CEO Rod Pekurney will remain ... as a Senior Advisor", in a text that names a
    new CEO: the former holder left that role."""
    doc = view.doc
    arrivals = [f for f in found if f.event != "departed"]
    if not arrivals:
        return []
    out = []
    done = {f.person_key for f in found if f.event == "departed"}
    for t in view.titles:
        if t.start == 0 or doc[t.start - 1].lower_ not in ("former", "outgoing", "retiring", "departing"):
            continue
        at = t.end + 1 if t.end + 1 < len(doc) and doc[t.end].text == "," else t.end  # "its former chairman, Jon Jacoby,"
        key = view.people.at(at) if at < len(doc) else None
        if key is None or key in done:
            continue
        words = _title_words(t.text)
        match = next((f for f in arrivals if f.person_key != key and words & _title_words(f.title.text)
                      and (words <= _title_words(f.title.text) or _title_words(f.title.text) <= words)), None)
        if match is None:
            continue
        info = view.people.by_key[key]
        si = bisect.bisect_right([s.start for s in view.sents], t.start) - 1
        sent = view.sents[si]
        if si != match.sent_index and not any(w.lower_ in ("will", "remain", "remains", "continue", "continues", "stay", "stays") for w in sent):
            continue  # a former holder named as history ("former Fed chairman Arthur Burns")
        match.succeeds = match.succeeds or info.name
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t), organisation=match.organisation,
                         event="departed", sentence=_span(sent), confidence=0.5, person_key=key, sent_index=si))
        done.add(key)
    return out
