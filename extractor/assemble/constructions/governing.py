"""Which trigger speaks about a person: a departure noun's "of", the parse, then the nearest word."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..trigger_words import Trigger, triggers
from ..view import DocView


def _governing_trigger(view: DocView, trigs: list[Trigger], ms: int, me: int, next_mention: int) -> Trigger | None:
    """The trigger that speaks about the person at [ms, me)."""
    doc = view.doc
    # "the death on June 23 of Chairman James Fentress", "the resignation of X": a departure
    # noun whose "of" leads to the person, whatever the parse hangs it on
    for t in reversed(trigs):
        if t.kind == "depart" and t.tok.pos_ == "NOUN" and _noun_of_reaches(doc, t.tok.i, ms):
            return t
    # dependency: nearest trigger among the person's ancestors
    head = doc[ms:me].root
    announcing = triggers().announce_needs_object
    for anc in head.ancestors:
        for t in trigs:
            if t.tok.i == anc.i and t.kind != "succeed" and not (t.tok.lower_ in announcing and not 0 < ms - t.tok.i <= 3):
                return t  # (not "announces that Chief Executive Officer X has informed ...": X is no object)
        if anc.lower_ in ("saying", "adding", "noting", "explaining", "citing") and anc.i < ms:
            return None  # "Koehler resigned ..., saying Reagan's new chief of staff had a right ...": another clause
        if anc.pos_ == "VERB" and anc.dep_ == "conj" and anc.i < ms and not any(t.tok.i == anc.i for t in trigs):
            break  # "agreed to join the unit ... and purchased stock from president X": X joins nothing
    # linear: a trigger just after the person ("X resigned", "X was named") or just before ("named X")
    # ("X announced his resignation": X is who announces, never the object of "announced")
    after = [t for t in trigs if me <= t.tok.i < min(next_mention, me + 20) and t.kind != "succeed"
             and t.tok.lower_ not in announcing]
    if after:
        return after[0]
    before = [t for t in trigs if t.tok.i < ms and t.kind != "succeed"]
    if before and (ms - before[-1].tok.i <= 8 or not _other_verb_between(doc[ms:me].root, before[-1].tok)
                   or before[-1].kind != "depart" and _pairs_reach(view, before[-1].tok.i, ms, me)):
        return before[-1]  # (and "appointed A as chairman, and B as president", however the parse hangs B)
    return None


def _noun_of_reaches(doc: Doc, i: int, ms: int) -> bool:
    """Does the noun at ``i`` reach the person at ``ms`` through "of", with only a date or a
    title between ("the death on June 23 of Chairman James Fentress")?"""
    if not i < ms <= i + 14:
        return False
    between = doc[i + 1:ms]
    return any(w.lower_ == "of" for w in between) and not any(w.pos_ in ("VERB", "AUX") or w.text in (",", ";") for w in between)


def _and_of_reaches(view: DocView, i: int, ms: int) -> bool:
    """Does the noun at ``i`` reach the person at ``ms`` through a second "of" ("the election
    of Bradt, and of local trader Vincent Viola as an at-large member")?"""
    doc = view.doc
    if not i + 1 < ms <= i + 24 or doc[i + 1].lower_ != "of":
        return False
    k = ms - 1
    while k > i and (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ("and", "of") or view.title_at.get(k) is not None):
        k -= 1  # "local trader", "Chairman"
    return k > i + 2 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "and" and not any(
        t.pos_ in ("VERB", "AUX") or t.text in (";", ".") for t in doc[i + 1:k])


def _pairs_reach(view: DocView, i: int, ms: int, me: int) -> bool:
    """Does the trigger at ``i`` reach the person at tokens ``ms`` to ``me`` through pairs of a
    name and its post? A noun through its "of" ("the promotions of Jimmy Frye to Partner, Charles
    Miller to Principal, and Travis Aho to Vice President"), a verb directly ("appointed Ann Lee
    as chairman, and Bo Park as president"). The person follows a comma or "and" after a post
    given with "to" or "as", and is given a post the same way."""
    doc = view.doc
    opener = i + 1 if doc[i].pos_ == "NOUN" else i  # the "of" after a noun, else the verb itself
    if not opener < ms <= i + 40 or opener > i and doc[opener].lower_ != "of" or me >= len(doc) \
            or doc[me].lower_ not in ("to", "as"):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.i not in view.title_at and t.lower_ not in ("to", "as") or t.text in (";", ".")
           for t in doc[opener:ms] if t.i != i):
        return False  # (a post the parser took for a verb still counts: "to partner")
    k = ms - 1
    while k > opener + 1 and doc[k].lower_ in (",", "and"):
        k -= 1
    title = view.title_at.get(k)
    return k < ms - 1 and title is not None and title.start - 1 > opener + 1 and doc[title.start - 1].lower_ in ("to", "as")


def _other_verb_between(tok: Token, verb: Token) -> bool:
    """Does the way up the parse from ``tok`` meet another verb before ``verb``?
    ("Koehler resigned, saying Reagan's new chief of staff had a right ...": Reagan is not
    the one resigning.)"""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return False
        if anc.pos_ == "VERB":
            return True
    return False
