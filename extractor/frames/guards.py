"""The guards: named checks of a frame match that say why it may not be a move.

A frame lists the guards that apply to it; a guard that fires is recorded on the match (a
feature for a trained model) and marks it ``blocked``, it never drops it. Each guard is a function
``(match context, settings) -> bool``; its words and window come from the ``guards`` section of
``data/frames.json`` (word classes expanded). The registry ``GUARDS`` is fixed: the frames file
can only name guards that are here.

    speculation  "is expected to be named", "may appoint": a speculation word shortly before the
                 trigger, or governing it
    negation     "was not named", "denied he would be named"
    background   "had been named in 1985", "after he was named", "who joined Acme in 1998": a past
                 move told in passing
    continuity   "will remain chairman", "was re-elected chairman": no change
    agent_of     "named by Ann Lee", "Ann Lee named Bob Roe": the person appoints, not appointed
    past_post    "formerly president of": the post is one held before
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .spec import GuardSettings


@dataclass(frozen=True)
class Context:
    """What a guard sees of one match."""

    doc: "Doc"
    sent: "Span"
    trigger: "Token"
    person: "Span"
    post: "Span"


Guard = Callable[[Context, "GuardSettings"], bool]

_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _clause_heads(tok: "Token", limit: int = 3) -> list["Token"]:
    """``tok`` and up to ``limit`` of its ancestors inside its sentence."""
    out = [tok]
    for anc in tok.ancestors:
        if len(out) > limit or anc.sent.start != tok.sent.start:
            break
        out.append(anc)
    return out


def speculation(ctx: Context, s: "GuardSettings") -> bool:
    words = set(s.words)
    lo = max(ctx.sent.start, ctx.trigger.i - s.window)
    if any(ctx.doc[i].lower_ in words for i in range(lo, ctx.trigger.i)):
        return True
    return any(a.lower_ in words for a in _clause_heads(ctx.trigger)[1:])


def negation(ctx: Context, s: "GuardSettings") -> bool:
    words = set(s.words)
    for head in _clause_heads(ctx.trigger):
        if head is not ctx.trigger and head.lower_ in words:
            return True  # "denied he would be named"
        if any(c.dep_ == "neg" or c.lower_ in words and c.dep_ in ("advmod", "det") for c in head.children):
            return True  # "was not named", "never joined"
        if head.pos_ in ("VERB", "AUX") and head is not ctx.trigger:
            break  # the clause above is someone else's
    return False


def background(ctx: Context, s: "GuardSettings") -> bool:
    doc, trig = ctx.doc, ctx.trigger
    marks = set(s.marks)
    if any(doc[i].lower_ in marks for i in range(max(ctx.sent.start, trig.i - s.window), trig.i)):
        return True  # "after retiring", "since joining"
    verb = next((t for t in _clause_heads(trig) if t.pos_ in ("VERB", "AUX")), trig)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in set(s.words) for c in aux):
        return True  # "had been named": past perfect
    past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)
    if past and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return True  # "after he was named"
    if past and verb.dep_ == "relcl":  # "who joined Acme in 1998"
        return any(_YEAR.match(t.text) for t in verb.subtree if t.i > verb.i)
    return False


def continuity(ctx: Context, s: "GuardSettings") -> bool:
    doc, words = ctx.doc, set(s.words)
    lo = max(ctx.sent.start, min(ctx.person.end, ctx.post.start) - s.window)
    if any(doc[i].lower_ in words for i in range(lo, ctx.post.start)):
        return True  # "will remain chairman", "continues as president"
    i = ctx.trigger.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in set(s.marks)  # "re-elected"


_OBJECTS = ("dobj", "oprd", "dative")


def agent_of(ctx: Context, s: "GuardSettings") -> bool:
    root = ctx.person.root
    if root.head.lower_ in set(s.words) and root.dep_ == "pobj" and root.head.i < root.i:
        return True  # "named by Ann Lee"
    trig = ctx.trigger
    if root.dep_ == "nsubj" and root.head == trig:  # "Ann Lee named Bob Roe": an object that is a person
        return any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for c in trig.children if c.dep_ in _OBJECTS
                   for t in c.subtree if not ctx.person.start <= t.i < ctx.person.end)
    return False


def past_post(ctx: Context, s: "GuardSettings") -> bool:
    lo = max(ctx.sent.start, ctx.post.start - s.window)
    return any(ctx.doc[i].lower_ in set(s.words) for i in range(lo, ctx.post.start))


GUARDS: dict[str, Guard] = {
    "speculation": speculation,
    "negation": negation,
    "background": background,
    "continuity": continuity,
    "agent_of": agent_of,
    "past_post": past_post,
}
