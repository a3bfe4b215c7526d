"""Appositions around a person: ", 45, senior vice president of X,", "<title> <person>",
a post named in brackets, a relative clause (", who ...").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..view import DocView
from ..words import _quote_closes


def _appositive_end(doc: Doc, j: int, limit: int) -> int | None:
    """If an appositive ", 45, senior vice president of X," starts at j, return the index after it."""
    if j >= limit or doc[j].text != ",":
        return None
    k = j + 1
    while k < limit and k - j < 24:
        if doc[k].text == ",":
            if k + 1 < limit and all(t.like_num for t in doc[j + 1:k]):
                # ", 58, a director since 1979,": the age, then what the person is (but not ", 58, a
                # director, and Carl Dunn, treasurer": her new post); ", 50, executive vice
                # president, as president": what the person is, before the new post
                second = _appositive_end(doc, k, limit)
                if second is not None and second < limit and (
                        doc[k + 1].lower_ in _DESCRIBING and doc[second].lower_ not in ("and", "or", "&")
                        or doc[second].lower_ == "as"):
                    return second
            return k + 1
        if doc[k].text in (".", ";") or doc[k].is_space and "\n\n" in doc[k].text or _quote_closes(doc, k, limit):
            return None
        k += 1
    return None


#: Words that open an appositive describing a person ("a director since 1979", "formerly ...")
_DESCRIBING = {"a", "an", "formerly", "previously", "currently", "now", "most", "until", "who"}


def _as_after_appositive(doc: Doc, j: int, limit: int) -> int | None:
    """The "as" that follows an appositive ending at j, past a short abbreviation or second
    appositive ("X, chairman of the Securities and Exchange Commission, SEC, as ..."), if any."""
    k = j
    while k < limit and k - j < 4:
        tok = doc[k]
        if tok.lower_ == "as":
            return k
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", "(", ")") or tok.is_space:
            return None
        k += 1
    return None


def _title_by_apposition(view: DocView, ms: int, me: int, lo: int) -> Span | None:
    """A title the person is in apposition to, through the organisation it is "of": "The acting
    governor of Saudi Arabia's state-owned oil company, Petromin, Jamal Hassan Jawa, has retired"."""
    doc = view.doc
    tok = doc[ms:me].root
    for _ in range(6):
        if tok.dep_ not in ("appos", "pobj", "prep") or tok.head is tok:
            return None
        tok = tok.head
        t = view.title_at.get(tok.i)
        if t is not None:
            return t if lo <= t.start < ms else None
    return None


def _as_closing_appositive(view: DocView, j: int, limit: int) -> int | None:
    """The "as" that ends an appositive opened by the comma at j and never closed, if any."""
    doc = view.doc
    for k in range(j + 1, min(limit, j + 16)):
        tok = doc[k]
        if tok.lower_ == "as":
            return k if k > j + 2 else None
        if tok.pos_ in ("VERB", "AUX") and k not in view.title_at or tok.text in (".", ";", ",", "(", ")") or tok.is_space and "\n\n" in tok.text:
            return None
    return None


def _title_before(view: DocView, start: int, lo: int) -> Span | None:
    doc = view.doc
    for t in reversed(view.titles):
        if t.end > start or t.end <= lo:
            continue
        gap = [doc[i] for i in range(t.end, start)]
        if all(g.lower_ in ("the", "its", "former", "new", "outgoing", ",", "'s") or g.ent_type_ == "ORG" for g in gap) and len(gap) <= 4:
            return t
        return None
    return None


def _appositive_title(view: DocView, end: int, limit: int) -> Span | None:
    doc = view.doc
    if end < limit and doc[end].text == ",":
        for t in view.titles:
            if t.start <= end or t.start >= limit:
                continue
            gap = [doc[i] for i in range(end + 1, t.start)]
            definite = any(g.lower_ in ("the", "its", "their", "'s", "’s") for g in gap)
            if len(gap) <= 4 and all(g.lower_ in ("the", "its", "a", "an", "former", "currently", "who", "is", "was", "'s", "’s")
                                     or g.ent_type_ == "ORG" or g.like_num or g.text == "," or definite and _describes_tenure(g)
                                     for g in gap):
                return t
            return None
    return None


def _describes_tenure(tok) -> bool:
    """An adjective before an appositive's post that the firm holds ("its longtime / current /
    outgoing chief financial officer"), or the hyphen of one ("long-time"); not a description of
    the person ("an experienced manager")."""
    return tok.tag_ in ("JJ", "HYPH") or tok.i > 0 and tok.nbor(-1).tag_ == "HYPH"


def _own_clause(doc: Doc, end: int, limit: int) -> bool:
    """Does a relative clause of the person ending at ``end`` follow (", who ...")?"""
    return end + 1 < limit and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _named_in_brackets(view: DocView, title: Span, limit: int) -> Span | None:
    """ "a member of the Board of Management responsible for risk management (Chief Risk
    Officer)": the post's name in brackets after a description of it, in the same clause (not
    an abbreviation: "chief product officer (CPO)" stays)."""
    doc = view.doc
    for k in range(title.end, min(limit, title.end + 15)):
        tok = doc[k]
        if tok.text == "(":
            inner = view.title_at.get(k + 1)
            if inner is not None and inner.start == k + 1 and inner.end < limit and doc[inner.end].text == ")" \
                    and not (len(inner) == 1 and inner.text.isupper()):  # (not "chief product officer (CPO)")
                return inner
            return None
        if tok.text in (".", ";", ",", ")") or tok.pos_ in ("VERB", "AUX") or view.people.at(k) is not None:
            return None
    return None
