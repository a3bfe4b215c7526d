"""Who does what a verb says: another subject, an agent after "by", a possessor, an appointer."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..entities.titles import _title_word
from ..trigger_words import triggers
from ..view import DocView
from ..words import _JOIN_WORDS, _PRONOUNS
from .appositions import _appositive_end, _title_before


def _possessor(view: DocView, me: int) -> bool:
    """ "Reagan's communications director" (but not "Hayashi's promotion")."""
    doc = view.doc
    if me >= len(doc) or doc[me].text not in ("'s", "’s"):
        return False
    nxt = doc[me + 1] if me + 1 < len(doc) else None
    lex = triggers()
    return not (nxt is not None and (nxt.lower_ in lex.appoint or nxt.lower_ in lex.promote or nxt.lower_ in lex.depart or nxt.lower_ in lex.succeed))


def _aside(view: DocView, mention, floor: int) -> bool:
    """A person named in passing inside another's clause: an agent after "by", a possessor."""
    doc = view.doc
    ms, me, _ = mention
    head = ms
    tb = _title_before(view, ms, floor)
    if tb is not None:
        head = tb.start
    return head > 0 and doc[head - 1].lower_ == "by" or _possessor(view, me) or _possessed_object(doc, head)


def _possessed_object(doc: Doc, head: int) -> bool:
    """Is the person at ``head`` someone's, named as the object of a verb or preposition
    ("Kesler joined Proactive's Stephen Gunnion after stepping into the role ...")?"""
    if head < 2 or doc[head - 1].text not in ("'s", "’s"):
        return False
    k = head - 2
    while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        k -= 1
    return k > 0 and doc[k - 1].pos_ in ("VERB", "ADP") and doc[k - 1].lower_ not in ("said", "says")


_PASSIVE = {"be", "been", "being", "was", "is", "were", "are", "has", "had", "have"}


def _other_subject(view: DocView, verb: Token, at: int) -> bool:
    """A verb after a person whose subject is some other noun phrase ("two other Phoenix
    representatives have been named to the board") does not speak about the person."""
    head = verb
    for _ in range(3):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("who", "which", "that", "he", "she", "they") or subj.left_edge.i <= at <= subj.right_edge.i:
                return False
            return subj.pos_ in ("NOUN", "PROPN") and view.people.at(subj.i) is None and subj.i > at
        if head.dep_ in ("conj", "xcomp") and head.head is not head:
            head = head.head
            continue
        break
    return False


def _someone_else_does(view: DocView, verb: Token, key: str, at: int) -> bool:
    """Is the grammatical subject of this verb (or of the verb it is coordinated with)
    another person, with the person at token ``at`` outside it? ("Paulson sold his stake to
    Lubensky and resigned": resigned is Paulson's.)"""
    if _subject_before(view, verb, key, at):
        return False
    head = verb
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj", "nsubjpass") and verb.head.pos_ == "VERB":
        head = verb.head  # "Sayad ... submitted his resignation": whose resignation is the verb's
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in _PRONOUNS or subj.left_edge.i <= at <= subj.right_edge.i:
                return False
            if verb.left_edge.i <= at <= verb.right_edge.i and not (subj.left_edge.i > at):
                # the person is the verb's object or complement ("Reagan named Lydon judge")
                in_object = any(t.i == at for t in verb.subtree if t.dep_ not in ("nsubj", "nsubjpass"))
                if in_object:
                    return False
            others = {view.people.at(t.i) for t in subj.subtree} - {None}
            return bool(others) and key not in others
        if head.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and head.head is not head:
            head = head.head
            continue
        break
    return False


def _subject_before(view: DocView, verb: Token, key: str, at: int) -> bool:
    """Does the person at ``at`` stand right before the verb, past an appositive and auxiliaries
    ("and David Evans, current president of Hal Roach, will become chief executive"), whatever
    the parse makes of it?"""
    doc = view.doc
    k = at
    while k < verb.i and view.people.at(k) == key:
        k += 1
    if k < verb.i and doc[k].text == ",":
        close = _appositive_end(doc, k, verb.i)
        if close is None:
            return False
        k = close
    return k < verb.i and all(doc[j].lower_ in ("will", "would", "shall", "has", "have", "had", "is", "was", "to", "also", "then")
                              for j in range(k, verb.i))


#: Verbs whose subject takes the post they name ("becomes the corporate executive responsible for")
_BECOME = {"become", "becomes", "became", "becoming"}


def _seeks_someone(doc: Doc, trig: Token, limit: int) -> bool:
    """An active appointment verb whose object is a post ("named a new chief financial officer",
    "intends to recruit a chief revenue officer", "will nominate the head of the program, X, as
    ..."): its subject appoints, it is not appointed."""
    if trig.lower_ in _JOIN_WORDS or trig.lower_ in _BECOME or trig.i + 1 >= limit or doc[trig.i + 1].lower_ not in ("a", "an", "the"):
        return False
    if doc[trig.i + 1].lower_ == "the" and not (trig.i + 2 < limit and _title_word(doc[trig.i + 2]) and doc[trig.i + 2].is_lower):
        return False  # "nominate the head of the program, X, as ...": who nominates; not "named the Acme board"
    if any(c.dep_ == "auxpass" for c in trig.children):
        return False  # "was named a director"
    k = trig.i - 1
    while k >= 0 and (doc[k].pos_ == "ADV" or doc[k].lower_ in ("also", "today", "now")):
        k -= 1  # "was also named", "has been formally appointed", "was today named"
    return k < 0 or doc[k].lower_ not in _PASSIVE and doc[k].lower_ not in ("been", "being", "be")


def _names_someone(view: DocView, trig: Token, mentions) -> bool:
    """An active appointment verb whose object is a person: its subject is the appointer."""
    doc = view.doc
    if trig.i > 0 and doc[trig.i - 1].lower_ in _PASSIVE and trig.tag_ == "VBN" and doc[trig.i - 1].lower_ not in ("has", "had", "have"):
        return False
    for ms, _, _ in mentions:
        if trig.i < ms <= trig.i + 5 and all(
            doc[k].lower_ in ("its", "the", "a", "new", "as", "his", "her", "their") or view.title_at.get(k) is not None
            for k in range(trig.i + 1, ms)
        ):
            return True
    return False
