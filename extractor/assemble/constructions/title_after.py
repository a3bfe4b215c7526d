"""The title a verb gives: after "as", "to be", "was named" and the like; "from X to Y";
plural titles ("were named directors"); a title left behind ("promoted from ...").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...components import lexicon
from ..entities.titles import _finder, _plural_title_word
from ..results import CharSpan
from ..view import DocView
from ..words import _DUTY_WORDS, _PLURAL_HEADS


_CONNECT = {"-", "–", "added", "into", "him", "them", 
    "as", "to", "be", "the", "new", "post", "position", "role", "job", "office", "of", "additional",
    "posts", "positions", "roles", "newly", "created", "will", "shall", "is", "was", "has", "have",
    "been", "its", "a", "an", "their", "his", "her", "also", "now", "from", "down", "aside", "away",
    "up", "become", "becomes", "became", "serve", "serves", "serving", "title", "titles", "duties",
    "company", "company's", "firm", "firm's", "bank's", "group's", "'s", "’s", "take", "takes",
    "taking", "over", "assume", "assumes", "assuming", "hold", "holds", "formerly", "effective",
    "immediately", "further", "permanent", "being", "had", "would", "fill", "filling", "vacant",
    "vacancy", "left", "by", "named", "appointed", "elected", "promoted", "hired", "chosen",
    "selected", "tapped", "designated", "nominated", "recruited", "retained", "made", "both",
    "our", "all", "two", "three", "another", "other", "each", "senior", "next", "incoming", "term",
    "newest", "latest",
    "year", "one-year", "two-year", "three-year",
}


def _between_ok(doc: Doc, a: int, b: int, extra: frozenset[str] = frozenset()) -> bool:
    """Are all tokens in [a, b) connector words ("as", "to be", "was named")?"""
    if b - a > 9:
        return False
    agent = False
    group_end = _to_the_group_end(doc, a, b)
    for i in range(a, b):
        t = doc[i]
        w = t.lower_
        agent = agent or w == "by"
        if i < group_end:
            continue
        if w in _CONNECT or w in extra or t.like_num or t.is_space or t.ent_type_ in ("DATE", "TIME") or w == "on":
            continue
        if agent and w in _APPOINTING_BODIES:
            continue  # "was appointed by the board (of directors) as president"
        return False
    return True


#: The group a newcomer is added to, welcomed to, brought to: "to its team as", "to the family as"
_GROUPS = {"team", "teams", "family", "staff", "ranks", "roster", "crew", "bench"}


def _to_the_group_end(doc: Doc, a: int, b: int) -> int:
    """ "added Rory Kell to its growing team as", "welcomed X to the Tamsin family as": the end
    of the "to" phrase that names the group, when the title's "as" follows it; else ``a``."""
    if not (a + 2 < b and doc[a].lower_ == "to" and doc[a + 1].lower_ in _GROUP_OWNERS):
        return a
    for k in range(a + 2, min(b, a + 6)):
        if doc[k].lower_ in _GROUPS:
            return k + 1 if k + 1 < b and doc[k + 1].lower_ == "as" else a
        if doc[k].is_punct or doc[k].lower_ in ("as", "and", "to"):
            return a
    return a


_GROUP_OWNERS = {"its", "the", "our", "their", "his", "her"}


#: Who appoints, in "by the board of directors", "by its shareholders"
_APPOINTING_BODIES = {"board", "boards", "directors", "trustees", "governors", "shareholders", "stockholders",
                      "company", "company's", "'s", "’s", "members", "council", "supervisory"}


def _plural_title(doc: Doc, i: int, limit: int) -> CharSpan | None:
    """ "were named directors", "named X and Y senior vice presidents": the title with its head
    in the singular (the span leaves out the "s")."""
    lex = lexicon()
    k = i
    while k < limit and k - i < 4 and doc[k].lower_ in lex.modifiers:
        k += 1
    if k + 1 < limit and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ == "NOUN" \
            and doc[k + 1].lower_ in _PLURAL_HEADS:
        k += 1  # "equity partners": a noun of the post's own before a plural head
    if k < limit and (doc[k].lower_ in _PLURAL_HEADS or k > i and _plural_title_word(doc[k])):
        return _singular_title(doc, doc[i].idx, doc[k])
    return None


def _singular_title(doc: Doc, start_char: int, head: Token) -> CharSpan:
    """The title from ``start_char`` to a plural ``head``, the head in the singular: the span
    leaves out its "s"."""
    end = head.idx + len(head.text) - 1
    return CharSpan(doc.text[start_char:end], start_char, end)


def _title_after_pos(view: DocView, pos: int, limit: int, trigger_words: frozenset[str]):
    """A title (Span or CharSpan) that follows token ``pos`` with only connectors between."""
    doc = view.doc
    skip_to = None
    titles = view.titles
    inside = view.title_at.get(pos)
    if inside is not None and inside.start < pos and _finder()._role_run(doc, pos) is not None:
        # "formerly a vice president, treasurer": the conjoined title after the appositive
        titles = [doc[pos:inside.end]] + [t for t in titles if t.start >= inside.end]
    for t in titles:
        if t.start < pos or t.start >= limit:
            continue
        if t.end < len(doc) and doc[t.end].text in ("'s", "’s"):
            continue  # "the president's top aide": the title of someone else
        owner_end = _owned_title_end(view, t)
        if owner_end is None and _after_by(doc, t.start):
            owner_end = t.end  # "will be named by the President as judge": who names
        if owner_end is not None:
            # "by President Reagan", "President Reagan's": another person's title, passed over
            if skip_to is None and _between_ok(doc, pos, t.start, trigger_words):
                skip_to = owner_end
            continue
        # "as Federal Reserve Board chairman", "as Acme's president": the organisation before the title
        lead = t.start
        while lead - 1 >= pos:
            if doc[lead - 1].ent_type_ in ("ORG", "GPE", "NORP"):
                lead -= 1
            elif doc[lead - 1].text in ("'s", "’s") and lead - 2 >= pos and (
                    doc[lead - 2].ent_type_ == "ORG" or doc[lead - 2].text[:1].isupper() and view.people.at(lead - 2) is None):
                lead -= 2  # the owner, whatever the NER made of it ("Charter's chairman")
                while lead - 1 >= pos and doc[lead - 1].text[:1].isupper() and doc[lead - 1].is_alpha \
                        and view.people.at(lead - 1) is None:
                    lead -= 1
            else:
                break
        if skip_to is not None:
            if t.start >= skip_to and _between_ok(doc, skip_to, lead, trigger_words | {"as"}):
                return _from_to(view, t)
            break
        if _between_ok(doc, pos, lead, trigger_words):
            return _from_to(view, t)
        break
    k = pos
    while k < limit and (doc[k].lower_ in _CONNECT or doc[k].lower_ in trigger_words) and k - pos < 6:
        k += 1
    # "senior vice presidents": a modifier the connectors took ("senior post") opens the title
    for j in range(pos, k):
        if doc[j].lower_ in lexicon().modifiers and doc[j].lower_ not in _NOT_OPENING:
            plural = _plural_title(doc, j, limit)
            if plural is not None:
                return plural
    return _plural_title(doc, k, limit)


def _after_by(doc: Doc, i: int) -> bool:
    """Does "by" stand right before token ``i``, or "by the/its/their"?"""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("the", "its", "their"):
        k -= 1
    return k >= 0 and doc[k].lower_ == "by"


#: Modifiers that do not open a title ("its new directors": "director")
_NOT_OPENING = {"new", "newly", "additional", "incoming", "next", "interim", "acting"}


def _from_to(view: DocView, title: Span) -> Span | CharSpan:
    """ "from Vice President of Strategy to Chief Operating Officer": the second title;
    "as independent Non-Executive Directors": the words before a plural head with the head in
    the singular (the span leaves out the "s")."""
    doc = view.doc
    if title.end < len(doc) and doc[title.end].lower_ in _PLURAL_HEADS:
        return _singular_title(doc, title.start_char, doc[title.end])
    # (also "from her position as Director of Compliance to Chief Operating Officer")
    if any(t.lower_ == "from" for t in doc[max(0, title.start - 5):title.start]) and title.end < len(doc) and doc[title.end].lower_ == "to":
        nxt = view.title_at.get(title.end + 1)
        if nxt is not None and nxt.start == title.end + 1:
            return nxt
    return title


def _owned_title_end(view: DocView, title: Span) -> int | None:
    """If a person's name follows the title ("President Reagan"), the token after the
    name (and after a possessive "'s")."""
    doc = view.doc
    i = title.end
    key = view.people.at(i) if i < len(doc) else None
    if key is None:
        return None
    while i < len(doc) and view.people.at(i) == key:
        i += 1
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    return i


def _takes_duties(doc: Doc, verb: Token, limit: int) -> bool:
    """ "take over his duties", "assume her post", "fill the position", "was chosen as his successor"."""
    window = [t.lower_ for t in doc[verb.i + 1:min(limit, verb.i + 5)]]
    if window[:1] == ["as"] and window[1:2] in (["his"], ["her"], ["their"]) and window[2:3] in (["successor"], ["replacement"]):
        return True
    return any(w in _DUTY_WORDS for w in window) and any(w in ("his", "her", "their", "the") for w in window)


def _left_behind(doc: Doc, i: int, title) -> bool:
    """Is ``title`` the post left, reached from the verb at ``i`` through "from" with no "to"
    after it ("promoted from her position as Director of Compliance")?"""
    start, end = (title.start, title.end) if isinstance(title, CharSpan) else (title.start_char, title.end_char)
    stop = doc.char_span(start, start, alignment_mode="expand")
    stop_at = stop.start if stop is not None else len(doc)
    between = [t.lower_ for t in doc[i + 1:max(i + 1, stop_at)]]
    if "from" not in between or "to" in between[between.index("from"):]:
        return False  # "promoted from vice president to president": the title after "to"
    return not doc.text[end:end + 4].lstrip().startswith("to ")
