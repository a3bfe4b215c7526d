"""The change triggers of ``data/triggers.json`` and where they count (rule 1 of the package).

A trigger word counts unless the sentence speculates about it ("is expected to be named") or tells
it as background ("after retiring from", "since joining").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from ..components import lexicon
from ..datafiles import read
from .text import _title_case_line
from .words import _DUTY_WORDS, _quote_closes


class TriggerLexicon(BaseModel):
    """``data/triggers.json``: the words that signal a change, and its context."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    appoint: frozenset[str]
    promote: frozenset[str]
    succeed: frozenset[str]
    depart: frozenset[str]
    depart_needs_particle: dict[str, list[str]]
    announce_needs_object: frozenset[str]
    appoint_needs_passive: frozenset[str]
    list_lead: frozenset[str]  # nouns that open a list of moves: "the following appointments:"
    step_in: dict[str, list[str]]
    take_over: dict[str, list[str]]
    take_role: frozenset[str]  # "is taking the newly created role of CRO": the nouns of a post taken
    serve_as: frozenset[str]
    decline: frozenset[str]  # "will not seek another term as chairman": a departure when negated ...
    another_term: frozenset[str]  # ... and followed by one of these
    no_change: frozenset[str]
    speculation: frozenset[str]
    career: frozenset[str]
    school_words: frozenset[str]


@lru_cache(maxsize=1)
def triggers() -> TriggerLexicon:
    return read("triggers.json", TriggerLexicon)


@lru_cache(maxsize=1)
def headline_verbs() -> frozenset[str]:
    """The move verbs a headline puts after a firm's name, never inside it: "Names", "Appoints",
    "Joins", "Announces" (the third-person forms of the trigger classes)."""
    lex = triggers()
    words = lex.appoint | lex.promote | lex.depart | lex.succeed | lex.announce_needs_object
    return frozenset(w for w in words if w.endswith("s") and not w.endswith(("ss", "ions", "ments")))


def is_headline_verb(tok: Token) -> bool:
    """Is the token a capitalised headline move verb ("Names", "Joins")?"""
    return tok.text[:1].isupper() and tok.lower_ in headline_verbs()


#: The naming verbs that also name a thing after a person ("named after", "named for")
_NAMES = {"name", "names", "named", "naming"}


@dataclass
class Trigger:
    kind: str  # appoint | promote | succeed | depart
    tok: Token


def find_triggers(sent: Span) -> list[Trigger]:
    lex = triggers()
    out = []
    for tok in sent:
        w = tok.lower_
        kind = None
        if w in lex.decline and _declines_another_term(tok):
            kind = "depart"
        elif w in lex.promote:
            kind = "promote"
        elif w in lex.succeed:
            kind = "succeed"
        elif w in lex.depart:
            parts = lex.depart_needs_particle.get(w)
            if parts is not None:
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                if nxt is not None and nxt.lower_ in lex.step_in.get(w, ()):
                    out.append(Trigger("appoint", tok))  # "stepped into the role of interim CEO"
                    continue
                if nxt is None or nxt.lower_ not in parts:
                    continue
            kind = "depart"
        elif w in lex.serve_as:
            if not _serves_from_now(tok, lex):
                continue
            kind = "appoint"
        elif w in lex.take_over:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ not in lex.take_over[w] and _takes_a_role(tok, lex):
                out.append(Trigger("appoint", tok))  # "is taking the newly created role of CRO"
                continue
            if nxt is None or nxt.lower_ not in lex.take_over[w]:
                continue
            after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
            # "would take over as acting governor"; "will take over for Grubb as president"
            kind = "succeed" if after is not None and after.lower_ in ("from", "for") else "appoint"
        elif w in lex.appoint:
            if w in lex.appoint_needs_passive and not (tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("was", "were", "been", "be", "is", "being")):
                continue  # "was made agriculture secretary", not "made a profit"
            kind = "appoint"
        if kind is None:
            continue
        if tok.i > 1 and tok.doc[tok.i - 1].text == "-" and (
            tok.doc[tok.i - 2].lower_ == "newly" or tok.doc[tok.i - 2].lower_ == "re" and kind == "appoint" and w not in ("assume", "assumes", "assumed", "join", "joins", "joined")
        ):
            continue  # "re-elected" keeps a post; "newly-appointed" describes; "re-assume" is a change
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("the", "an", "a") and tok.tag_ in ("VBN", "JJ") or (
            tok.dep_ == "amod" and nxt is not None and nxt.lower_ in _DUTY_WORDS
        ):
            continue  # "the added post", "a retired general"
        if kind == "depart" and _describes_a_post(tok):
            continue  # "Pennzoil's retired president", "the country's ousted prime minister": a past state
        if w in _NAMES and nxt is not None and nxt.lower_ in ("after", "for"):
            continue  # "an award named after co-founder Joan Bavaria", "named for its principal author"
        if tok.i > 0 and _quote_closes(tok.doc, tok.i - 1, len(tok.doc)):
            continue  # "“... a part of,” added Dana Lee, president of Harwick": who speaks
        if tok.pos_ in ("PROPN",) and not tok.is_lower and not _title_case_line(sent):
            continue  # "Gerald Names", "Leave Corp" (but "NanoGraf Appoints Thomas Redd")
        out.append(Trigger(kind, tok))
    return out


def _describes_a_post(tok: Token) -> bool:
    """Is the departure word a past participle that describes a post ("retired", "ousted" before
    "president"), not a move told here? ("retiring", "outgoing" are moves to come.)"""
    if tok.tag_ not in ("VBN", "JJ", "VBD") or tok.dep_ != "amod" or not tok.lower_.endswith("ed"):
        return False
    heads = lexicon().heads
    return tok.head.i > tok.i and any(t.lower_ in heads for t in tok.doc[tok.i + 1:tok.head.i + 1])


def _declines_another_term(tok: Token) -> bool:
    """ "would not seek a third term", "not to stand for re-election", "not to accept reappointment":
    the verb negated (within the two words before it) and a new term within the five words after."""
    doc = tok.doc
    if not any(doc[k].lower_ in ("not", "n't", "never") for k in range(max(0, tok.i - 2), tok.i)):
        return False
    return declined_term_end(tok) is not None


def declined_term_end(tok: Token) -> int | None:
    """Where the term after a verb of declining ends ("not seek [a third term] as chairman"): the
    post follows it. None when no term word follows within five words."""
    doc, lex = tok.doc, triggers()
    if tok.lower_ not in lex.decline:
        return None
    return next((t.i + 1 for t in doc[tok.i + 1:min(len(doc), tok.i + 6)] if t.lower_ in lex.another_term), None)


def _serves_from_now(tok: Token, lex: TriggerLexicon) -> bool:
    """ "will serve as chief growth officer", "to serve as interim chief executive": a post taken
    from now on; not one kept ("will continue to serve as", "will remain and serve as") or held for
    a while before a change ("will serve as chairman until ...")."""
    doc = tok.doc
    ahead = [t.lower_ for t in doc[tok.i + 1:min(len(doc), tok.i + 4)]]
    if not (tok.i > 0 and doc[tok.i - 1].lower_ in ("will", "to", "would", "shall") and ahead[:1] == ["as"]):
        return False
    head = tok.head
    if doc[tok.i - 1].lower_ == "to" and head.i != tok.i and head.tag_ == "VBD" and head.lower_ not in lex.appoint \
            and head.lower_ not in lex.promote:
        return False  # "she went on to serve as chair": a story told in the past
    if any(a in ("interim", "acting", "temporary") for a in ahead):
        return True
    before = doc[max(tok.sent.start, tok.i - 4):tok.i]
    after = doc[tok.i + 1:tok.sent.end]
    return not any(t.lower_ in lex.no_change or t.lower_ in ("also", "still") for t in before) \
        and not any(t.lower_ in ("until", "through", "while", "pending") for t in after)


def _takes_a_role(tok: Token, lex: TriggerLexicon) -> bool:
    """ "is taking the newly created role of Chief Revenue Officer", "took the post of": a verb of
    taking whose object is a post named after "of" or "as"."""
    doc = tok.doc
    for k in range(tok.i + 1, min(len(doc) - 1, tok.i + 6)):
        if doc[k].lower_ in lex.take_role:
            return doc[k + 1].lower_ in ("of", "as")
        if doc[k].is_punct or doc[k].pos_ == "ADP" or doc[k].pos_ == "VERB" and doc[k].dep_ != "amod":
            return False
    return False


def _speculative(sent: Span, trig: Token) -> bool:
    """A move not made: a speculation word shortly before the trigger ("may appoint", "is likely
    to leave"), a condition right after it ("would resign if the plan failed"), or a trigger that
    is itself the condition ("unless the minister resigned")."""
    lex = triggers()
    window = sent.doc[max(sent.start, trig.i - 9): trig.i]
    if any(t.text in lex.speculation for t in window):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in trig.children):
        return True  # "... unless Prime Minister Carlo Neri resigned": a condition
    for t in sent.doc[trig.i + 1:min(sent.end, trig.i + 5)]:  # "vowed to resign if they were rejected"
        if t.is_punct:
            return False
        if t.lower_ in ("if", "unless"):
            return True
    return False


def _aside(trig: Trigger, trigs: list[Trigger]) -> bool:
    """A departure told in passing, in a relative clause about someone the sentence says something
    else of: "Adm. Lane Ferris, a former adviser who resigned over the arms affair, refused to
    testify". Not when the sentence tells another change ("succeeding Ferris, who resigned")."""
    tok = trig.tok
    return trig.kind == "depart" and tok.dep_ == "relcl" and tok.tag_ == "VBD" and len(trigs) == 1


def _background(trig: Token) -> bool:
    """A change told as background: "after retiring from", "since joining", "prior to joining"."""
    doc = trig.doc
    prev = [doc[i].lower_ for i in range(max(0, trig.i - 2), trig.i)]
    return any(w in ("after", "before", "since", "until", "upon") for w in prev) or prev == ["prior", "to"]


def _in_background_clause(tok: Token) -> bool:
    """Is the first verb above ``tok`` in the past, in a clause opened by "after", "before",
    "since", "when" ...? (A change told inside a clause that is itself background is background:
    "after Baker was named chief of staff following the resignation of Donald Regan"; but not
    "when Harlow's retirement takes effect".)"""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "prep":  # ("following" is a preposition)
            past = anc.tag_ == "VBD" or anc.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in anc.children)
            return past and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in anc.children)
    return False


_BACKGROUND_MARKS = {"after", "before", "since", "until", "when", "once"}
