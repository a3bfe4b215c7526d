"""Lists of people: "A, B and C were named ..." and a list below a sentence, one paragraph an item."""
from __future__ import annotations

from spacy.tokens import Doc

from ...triage import LIST_ITEMS
from ..results import CharSpan
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


_LIST_MARKS = {"-", "*", "•", "–", "—", "·"}

#: What follows the name that opens a list item: "Owen Tremlett (Audit) – ...", "Owen Tremlett: ..."
_ITEM_ENDS = {"(", "–", "—", "-", ":"}


def _item_name(doc: Doc, mention: tuple[int, int, str]) -> CharSpan | None:
    """The whole name that opens a list item when the NER took only part of it: "Zofia
    Wiśniewska (Corporate Finance) – ...", up to the bracket, dash or comma after it."""
    k = mention[0]
    while k < len(doc) and k - mention[0] < 5 and (doc[k].is_alpha and doc[k].text[:1].isupper()
                                                    or doc[k].text in ("-", "'", ".") and k > mention[0]):
        k += 1
    if k <= mention[1] or k >= len(doc) or doc[k].text not in _ITEM_ENDS:
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


def _listed_below(view: DocView, si: int) -> list[tuple[int, tuple[int, int, str]]]:
    """(sentence index, mention) of the people a list below sentence ``si`` names, one paragraph
    each, the name first ("Harpreet Sandhu (Tax) – Harpreet advises ..."); the list ends at the
    first paragraph that does not open with a name."""
    doc = view.doc
    text = doc.text  # read once: each read joins every token, and this runs over the sentences after si
    out = []
    for sj in range(si + 1, len(view.sents)):
        sent = view.sents[sj]
        first = next((t for t in sent if not t.is_space and t.text not in _LIST_MARKS), None)
        if first is None:
            continue
        lead = text[sent.start_char:first.idx]
        opens = "\n" in lead or _after_a_line_break(text, sent.start_char)
        if not opens:
            continue  # a later sentence of the same item
        at = first.i + (first.lower_.rstrip(".") in _HONORIFICS)  # "Dr. Anna Kowalewska (Tax) – ..."
        person = next((m for m in view.people.mentions(sent) if m[0] == at), None)
        if person is None or len(out) >= LIST_ITEMS or _item_name(doc, person) is None and not (
                person[1] < len(doc) and doc[person[1]].text in _ITEM_ENDS):
            break  # the list is over: "Mark Brown, managing partner, said: ..." is no item
        out.append((sj, person))
    return out
