"""Lists of people: "A, B and C were named ..." and a list below a sentence, one line an item."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...triage import LIST_ITEMS
from ..entities.organisations import _clean_org
from ..results import CharSpan
from ..text import LIST_MARKS, LIST_NUMBER, _ent_at
from ..view import DocView
from ..words import _HONORIFICS


_LIST_GAP = {",", "and", "&"}


def _listed(doc: Doc, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Are mentions a and b next to each other in a list: only ", " and "and" between them, or
    an appositive the parse joins across ("Benjamin W. Macdonald, a director of <TMOC Resources
    Ltd>, the principal holder of Avalon stock, and Hardwick Simmons, ...")?"""
    gap = [doc[i] for i in range(a[1], b[0])]
    if not gap:
        return False
    if all(t.text in _LIST_GAP or t.is_space for t in gap):
        return True
    if len(gap) > 24 or gap[0].text != "," or [t.text for t in gap[-2:]] != [",", "and"] or any(
        t.text in (";", ".") or t.is_space and "\n\n" in t.text for t in gap
    ):
        return False
    if gap[1].lower_ in ("its", "the", "their", "his", "her"):
        return False  # "Tom Baker, its president, and Ann Lee, its treasurer, resigned": each his own post
    root = next((t for t in doc[b[0]:b[1]] if not b[0] <= t.head.i < b[1]), None)
    return root is not None and root.dep_ == "conj" and a[0] <= root.head.i < a[1]


def _list_end(doc: Doc, mentions, idx: int) -> int:
    """Index of the last mention in a list "A, B and C" that starts at mention ``idx``."""
    j = idx
    while j + 1 < len(mentions) and _listed(doc, mentions[j], mentions[j + 1]):
        j += 1
    return j


def _list_start(doc: Doc, mentions, idx: int) -> int:
    j = idx
    while j > 0 and _listed(doc, mentions[j - 1], mentions[j]):
        j -= 1
    return j


#: What follows the name that opens a list item: "Owen Tremlett (Audit) – ...", "Owen Tremlett: ..."
_ITEM_ENDS = {"(", "–", "—", "-", ":"}


#: ... and what may follow it when the item gives the post: "Dana Whitcombe, Chief Operating Officer"
_POST_ITEM_ENDS = _ITEM_ENDS | {","}


def _item_name(doc: Doc, mention: tuple[int, int, str], ends: frozenset[str] | set[str] = _ITEM_ENDS) -> CharSpan | None:
    """The whole name that opens a list item when the NER took only part of it: "Zofia
    Wiśniewska (Corporate Finance) – ...", up to the bracket, dash (or one of ``ends``) after it."""
    k = mention[0]
    while k < len(doc) and k - mention[0] < 5 and (doc[k].is_alpha and doc[k].text[:1].isupper()
                                                    or doc[k].text in ("-", "'", ".") and k > mention[0]):
        k += 1
    if k <= mention[1] or k >= len(doc) or doc[k].text not in ends:
        return None
    span = doc[mention[0]:k]
    return CharSpan(span.text, span.start_char, span.end_char)


def _after_a_line_break(text: str, at: int) -> bool:
    """``text[:at].rstrip(" \\t").endswith("\\n")`` without copying ``text[:at]``.

    >>> _after_a_line_break("a\\n  \\tb", 4), _after_a_line_break("a b", 2), _after_a_line_break("   b", 3)
    (True, False, False)
    """
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at > 0 and text[at - 1] == "\n"


def _item_opening(doc: Doc, k: int, end: int) -> tuple[Token | None, bool]:
    """The first word of the line that starts at token ``k`` (before ``end``), past its list mark
    ("*", "•", "–") or number ("1.", "2)"), and whether it has one."""
    while k < end and doc[k].is_space:
        k += 1
    marked = k < end and doc[k].text in LIST_MARKS
    if marked:
        k += 1
    elif k < end and LIST_NUMBER.fullmatch(doc[k].text) and k + 1 < end and not doc[k + 1].is_space:
        marked = True
        k += 1 + (doc[k + 1].text in (".", ")"))
    while k < end and doc[k].is_space:
        k += 1
    return (doc[k] if k < end else None), marked


def _lines_below(view: DocView, si: int):
    """(sentence index, first word, marked) of each line after sentence ``si``: where a line
    break comes before the next sentence, and after each later line break. Lines are read from
    the tokens, not the sentences: a list without full stops is one sentence to the parser, and a
    number that opens an item ("2.") may be a sentence of its own."""
    doc, sents = view.doc, view.sents
    sj = si + 1
    if sj >= len(sents):
        return
    i, n = sents[sj].start, len(doc)
    opens = _after_a_line_break(doc.text, doc[i].idx)
    while i < n:
        tok = doc[i]
        if tok.is_space or not opens:
            opens = opens or tok.is_space and "\n" in tok.text
            i += 1
            continue
        opens = False
        first, marked = _item_opening(doc, i, n)
        if first is None:
            return
        while sents[sj].end <= first.i:
            sj += 1
        yield sj, first, marked
        i = first.i + 1


def _name_start(first: Token) -> int:
    """Where the name of an item that opens with ``first`` starts: past an honorific ("Dr. Anna
    Kowalewska (Tax) – ...")."""
    return first.i + (first.lower_.rstrip(".") in _HONORIFICS)


def _items_below(view: DocView, si: int, ends: frozenset[str] | set[str]):
    """(sentence index, mention or None, marked) for each of the first ``LIST_ITEMS`` lines below
    sentence ``si``: the person whose name opens the line, followed by one of ``ends``
    ("Harpreet Sandhu (Tax) – ..."), else None."""
    doc = view.doc
    mentions: dict[int, list] = {}
    for n, (sj, first, marked) in enumerate(_lines_below(view, si)):
        if n >= LIST_ITEMS:
            return
        if sj not in mentions:
            mentions[sj] = view.people.mentions(view.sents[sj])
        at = _name_start(first)
        person = next((m for m in mentions[sj] if m[0] == at), None)
        if person is not None and _item_name(doc, person, ends) is None and not (
                person[1] < len(doc) and doc[person[1]].text in ends):
            person = None
        yield sj, person, marked


def _listed_below(view: DocView, si: int, ends: frozenset[str] | set[str] = _ITEM_ENDS
                  ) -> list[tuple[int, tuple[int, int, str]]]:
    """(sentence index, mention) of the people a list below sentence ``si`` names, one line
    each, the name first ("Harpreet Sandhu (Tax) – Harpreet advises ...", followed by one of
    ``ends``); the list ends at the first line that neither opens with a name nor carries a list
    mark (a marked item whose name the NER missed is passed over): "Mark Brown, managing
    partner, said: ..." is no item."""
    out = []
    for sj, person, marked in _items_below(view, si, ends):
        if person is not None:
            out.append((sj, person))
        elif not marked:
            break
    return out


#: Degrees and honours between a listed name and the post: "Thomas Marsh, MD, PhD – Chief Medical Officer"
_CREDENTIAL = re.compile(r"(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3})")
#: What joins the posts of one item: "Co-Founder, Chief Operating Officer, and Chief Financial Officer"
_POST_GLUE = {",", "and", "&", "–", "—", "-"}


def _post_of_item(view: DocView, name_end: int, line_end: int) -> CharSpan | None:
    """The post a list item gives after the name ("Dana Whitcombe, Chief Operating Officer",
    "Thomas Marsh, MD, PhD – Chief Medical Officer"): the titles from the first one, right after
    the name (past its degrees), to the last one joined to it by commas, "and" or dashes, all on
    the item's first line. None when there is none, or when it is a past one ("former CFO at ...")."""
    doc = view.doc
    k = name_end
    while k < line_end and view.title_at.get(k) is None and (
            doc[k].text in _POST_ITEM_ENDS or doc[k].text == ")" or _CREDENTIAL.fullmatch(doc[k].text)):
        k += 1
    first = view.title_at.get(k)
    if first is None or first.start != k or first.end > line_end or first[0].lower_ in ("former", "formerly", "ex"):
        return None
    end = first.end
    while True:
        j = end
        while j < line_end and j - end < 2 and doc[j].text in _POST_GLUE:
            j += 1
        nxt = view.title_at.get(j) if j > end else None
        if nxt is None or nxt.start != j or nxt.end > line_end:
            break
        end = nxt.end
    span = doc[first.start:end]
    return CharSpan(span.text, span.start_char, span.end_char)


def _posts_listed_below(view: DocView, si: int) -> list[tuple[int, tuple[int, int, str], CharSpan, CharSpan, CharSpan | None]]:
    """(sentence index, mention, name, post, organisation or None) of each item of a list below
    sentence ``si`` that names a person and then the post ("* Dana Whitcombe, Chief Operating
    Officer, Harlow Europe"). A marked item without them is passed over; the list ends at the
    first unmarked line without them."""
    doc = view.doc
    out = []
    for sj, person, marked in _items_below(view, si, _POST_ITEM_ENDS):
        item = person is not None and _item_post(view, sj, person)
        if item:
            out.append((sj, person, *item))
        elif not marked:
            break
    return out


def _item_post(view: DocView, sj: int, person: tuple[int, int, str]) -> tuple[CharSpan, CharSpan, CharSpan | None] | None:
    """The name, the post and the organisation named right after it (", Harlow Europe Ltd") of
    the list item that ``person`` opens in sentence ``sj``; None when it gives no post, or goes on
    as a clause ("Mark Brown, managing partner, said: ...")."""
    doc, sent = view.doc, view.sents[sj]
    line_end = next((t.i for t in doc[person[1]:sent.end] if "\n" in t.text), sent.end)
    name = _item_name(doc, person, _POST_ITEM_ENDS)
    if name is None:
        info = view.people.by_key[person[2]]
        name, name_end = CharSpan(info.name, info.start, info.end), person[1]
    else:
        name_end = next(t.i for t in doc[person[0]:sent.end] if t.idx >= name.end)
    post = _post_of_item(view, name_end, line_end)
    if post is None:
        return None
    rest = next((t.i for t in doc[name_end:line_end] if t.idx >= post.end), line_end)
    stop = next((t.i for t in doc[rest:line_end] if t.text in (":", "–", "—", ".", "(", ";")), line_end)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[rest:stop]):
        return None
    unit = None
    if rest + 1 < stop and doc[rest].text == "," and doc[rest + 1].ent_type_ == "ORG":
        ent = _ent_at(doc, rest + 1)
        unit = _clean_org(ent) if ent is not None and ent.end <= stop else None
    return name, post, (CharSpan(unit.text, unit.start_char, unit.end_char) if unit is not None else None)
