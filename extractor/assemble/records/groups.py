"""Moves told of a counted group, the people named after it.

"Harbor Trust appointed three industry leaders to its advisory board: Maya Lindqvist, Omar
Petrakis and Helen Ruiz", and "Four researchers have joined its Scientific Council." followed by a
paragraph for each, opening with the name ("Omar Petrakis is a professor of ..."). The group's
count decides: the records are made only when exactly that many people are named, in apposition
to the group or opening the paragraphs below it. A group listed without a number ("The following
individuals have been named to the committee:") takes the people who open the lines of the list
after its colon.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..attach.organisation import _subject_org
from ..constructions.boards import _board_title, seat_title
from ..constructions.lists import _POST_ITEM_ENDS, _item_opening, _lines_below, _listed_below, _name_start
from ..results import CharSpan, Found, _span
from ..text import headline_line
from ..trigger_words import Trigger
from ..view import DocView
from ..words import _HONORIFICS, _JOIN_WORDS, _SPEECH_VERBS, BOARD_MODIFIERS, BODY_WORDS

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}
#: Bodies a group may be named to, besides those a list names the members of ("its Research Leadership Group")
_BODY_WORDS = BODY_WORDS | {"group", "cabinet", "commission"}
#: What opens the names given in apposition to the group: "three members: A, B and C", "—A, B and C—"
_APPOSITION_MARKS = {":", "—", "–", "-", "("}
#: Lines below the lead that are read for the group's paragraphs
_LINES_READ = 16


def _count(tok: Token) -> int | None:
    """The number a plural noun is counted by: "three (seasoned) leaders" -> 3; 0 for a group
    listed without a number ("the following individuals"); None for no group."""
    for child in tok.children:
        if child.dep_ == "nummod":
            n = _COUNTS.get(child.lower_) or (int(child.text) if child.text.isdigit() else 0)
            return n if 2 <= n <= 12 else None
        if child.lower_ == "following" and child.i < tok.i:
            return 0
    return None


def _group(sent: Span, trig: Trigger) -> tuple[Token, int] | None:
    """The counted group the trigger moves and its count (``_count``): its object ("appointed
    three leaders"), the noun after its "of" ("the appointment of three leaders") or the subject
    of a join verb ("Four researchers have joined")."""
    for tok in sent:
        n = _count(tok) if tok.tag_ in ("NNS", "NNPS") else None
        if n is None:
            continue
        if n == 0:  # "the following individuals ... have been named to the committee:"
            colon = next((t.i for t in sent.doc[tok.i:sent.end] if t.text == ":"), None)
            if colon is not None and trig.tok.i < colon:
                return tok, n
            continue
        head = tok.head
        if head == trig.tok and tok.dep_ in ("dobj", "nsubjpass") or (
                tok.dep_ == "pobj" and head.lower_ == "of" and head.head == trig.tok and trig.tok.pos_ == "NOUN"):
            return tok, n
        if head == trig.tok and tok.dep_ == "nsubj" and trig.tok.lower_ in _JOIN_WORDS:
            return tok, n
        if tok.dep_ == "dobj" and head.lemma_ in ("include", "comprise") and any(
                c.dep_ == "nsubj" and c.lower_ in _BODY_WORDS and trig.tok in c.children for c in head.children):
            return tok, n  # "The newly appointed Advisory Board includes the following leaders:"
    return None


def _named_body(sent: Span, start: int) -> Span | None:
    """A body with a name of its own, from ``start`` on: "its Research Leadership Group", "the
    Scientific Council of the Lumen Institute" (the capitalised words ending in a body's word)."""
    doc = sent.doc
    for i in range(start, sent.end):
        if doc[i].lower_ not in _BODY_WORDS or not doc[i].text[:1].isupper():
            continue
        j = i
        while j - 1 >= start and doc[j - 1].text[:1].isupper() and doc[j - 1].lower_ not in ("the", "its", "our"):
            j -= 1
        if j < i:
            return doc[j:i + 1]
    return None


def _post(view: DocView, sent: Span, group: Token, n: int) -> Span | CharSpan | None:
    """The post each member of the group takes: the post after "to" or "as" ("promoted three
    managers to partner"), a seat on the board ("to its advisory board"), a body with a name of its
    own ("joined its Research Leadership Group"); None otherwise ("added two executives to support
    its growth": each is given a post of their own; "named two new managing directors: A and B"
    is read by the constructions of a post before the names)."""
    doc = sent.doc
    k = group.i + 1
    if k + 1 < sent.end and doc[k].lower_ in ("to", "as"):
        title = view.title_at.get(k + 1)
        if title is not None and title.start == k + 1:
            return title  # "promoted three managers to partner", "elevated six lawyers as equity partners"
    # of the body the sentence names: "formed its Advisory Board, naming three members", "The newly
    # appointed Advisory Board includes the following leaders:"
    members = group.lower_ == "members" or n == 0
    seat = _board_title(doc, group.i + 1, sent.end) or members and _board_title(doc, sent.start, sent.end, reach=len(sent))
    if seat:
        return seat_title(seat)
    return _named_body(sent, group.i + 1) or members and _named_body(sent, sent.start) or _body_after_to(sent, group) \
        or None


def _body_after_to(sent: Span, group: Token) -> Span | None:
    """A body named in lower case after "to" ("have been named to the advisory committee")."""
    doc = sent.doc
    for i in range(group.i + 1, sent.end - 2):
        if doc[i].lower_ != "to" or doc[i + 1].lower_ not in ("the", "its", "our", "their"):
            continue
        k = i + 2
        while k < sent.end and doc[k].lower_ in BOARD_MODIFIERS:
            k += 1
        if k < sent.end and doc[k].lower_ in _BODY_WORDS:
            return doc[i + 2:k + 1]
    return None


def _named_in_apposition(view: DocView, sent: Span, group: Token, mentions) -> list[tuple[int, int, str]]:
    """The people named right after the group, opened by a colon or a dash: "three members: A, B
    and C", "three members—A, B and C—to support ..."."""
    doc = sent.doc
    k = group.i + 1
    while k < sent.end and doc[k].text not in _APPOSITION_MARKS and k - group.i <= 8 and doc[k].text not in (".", ";"):
        k += 1
    if k >= sent.end or doc[k].text not in _APPOSITION_MARKS:
        return []
    out = []
    at = k + 1
    for m in mentions:
        if m[0] < at:
            continue
        gap = [t for t in doc[at:m[0]] if not (t.text in (",", "and", "&") or t.lower_.rstrip(".") in _HONORIFICS)]
        if gap:
            break
        out.append(m)
        at = m[1]
    return out


def _listed_lines(view: DocView, sent: Span, group: Token) -> list[tuple[int, int, str]]:
    """The people who open the lines of a list after the colon that ends the group's clause
    ("named to the committee:" then "• Ann Lee, CEO, Acme" a line), while the sentence lasts;
    the list ends at the first line that opens with neither a list mark nor a name."""
    doc = sent.doc
    colon = next((t.i for t in doc[group.i:sent.end] if t.text == ":"), None)
    if colon is None:
        return []
    mentions = {m[0]: m for m in view.people.mentions(sent)}
    out = []
    for i in range(colon + 1, sent.end):
        if not (doc[i - 1].is_space and "\n" in doc[i - 1].text or doc[i - 1].text == ":" and i == colon + 1):
            continue
        first, marked = _item_opening(doc, i, sent.end)
        if first is None:
            break
        at = _name_start(first)
        if at in mentions:
            out.append(mentions[at])
        elif not marked:
            break
    return out


def _listed_below_colon(view: DocView, sent: Span, si: int) -> list[tuple[int, tuple[int, int, str]]]:
    """(sentence index, mention) of the people who open the items of a list below a sentence
    that ends with a colon ("... includes the following leaders:" then "* Ann Lee, CEO, Acme")."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return []
    return _listed_below(view, si, _POST_ITEM_ENDS)


def _opening_paragraphs(view: DocView, si: int, n: int) -> list[tuple[int, tuple[int, int, str]]]:
    """(sentence index, mention) of the people who open the paragraphs below sentence ``si``
    ("Omar Petrakis is a professor ...", "Dr. Helen Ruiz, Ph.D., leads ..."), passing over a
    paragraph that opens with someone who speaks ("Maya Lindqvist said ..."); more than ``n``
    people, or a heading ("About Harbor Trust"), ends the reading."""
    doc = view.doc
    out: list[tuple[int, tuple[int, int, str]]] = []
    for read, (sj, first, marked) in enumerate(_lines_below(view, si)):
        if read >= _LINES_READ or headline_line(view.sents[sj]) and first.lower_ == "about":
            break
        at = _name_start(first)
        person = next((m for m in view.people.mentions(view.sents[sj]) if m[0] == at), None)
        if person is None or any(k == person[2] for _, (_, _, k) in out):
            continue
        if any(t.lower_ in _SPEECH_VERBS for t in doc[person[1]:view.sents[sj].end]):
            continue
        out.append((sj, person))
        if len(out) > n:
            break
    return out


def _group_records(view: DocView, sent: Span, si: int, mentions, trigs: list[Trigger]) -> list[Found]:
    """Records for the members of a counted group a trigger moves (see the module docstring)."""
    if headline_line(sent):
        return []  # the body tells the group again, with the date and the organisation
    for trig in trigs:
        if trig.kind not in ("appoint", "promote"):
            continue
        found = _group(sent, trig)
        if found is None:
            continue
        group, n = found
        post = _post(view, sent, group, n)
        if post is None:
            return []
        named = [(si, m) for m in _named_in_apposition(view, sent, group, mentions) or _listed_lines(view, sent, group)] \
            or _listed_below_colon(view, sent, si)
        if not named and not any(m[0] > trig.tok.i for m in mentions) and n:
            named = _opening_paragraphs(view, si, n)
        if len(named) != n and not (n == 0 and len(named) >= 2):
            return []
        org = view.full_org(_subject_org(view, sent, trig.tok.i) or view.main_org)
        title = post if isinstance(post, CharSpan) else _span(post)
        event = "promoted" if trig.kind == "promote" else "appointed"
        out = []
        for sj, (ms, me, key) in named:
            info = view.people.by_key[key]
            out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title, organisation=org,
                             event=event, sentence=_span(view.doc[sent.start:view.sents[sj].end]), confidence=0.6,
                             person_key=key, sent_index=si))
        return out
    return []
