"""Records without a change verb: a new title said to be someone's ("the new planning minister is X",
"newly appointed CEO Jane Doe", "X, new chairman of Y, said").
"""
from __future__ import annotations

from spacy.tokens import Span

from ...components import lexicon
from ..attach.organisation import _org_for_title, _subject_org
from ..constructions.lists import _item_name, _listed_below, _posts_listed_below
from ..results import CharSpan, Found, _span
from ..trigger_words import _speculative, find_triggers, triggers
from ..view import DocView
from ..words import _PLURAL_HEADS, BODY_WORDS


def _copula_records(view: DocView, sent: Span, si: int, mentions) -> list[Found]:
    """ "Brazil's new planning minister is Anibal Teixeira de Souza": a new title said to be someone's."""
    members = _new_members_are(view, sent, si, mentions)
    return (members + _listed_with_posts(view, sent, si, {f.person_key for f in members}) + _newly_titled(view, sent, si)
            + _new_title_is(view, sent, si, mentions) + _new_in_apposition(view, sent, si, mentions))


def _new_members_are(view: DocView, sent: Span, si: int, mentions) -> list[Found]:
    """ "the four newly-appointed Council members were barrister Elizabeth Mary Freeman, Sir
    Maurice Hodgson, ...": the new members named after the plural head (or in a list below)."""
    doc = view.doc
    out = []
    for tok in sent:
        if tok.lower_ not in _PLURAL_HEADS or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in ("were", "are", "will"):
            continue
        k = tok.i - 1
        while k > sent.start and (doc[k].text[:1].isupper() or doc[k].lower_ in lexicon().modifiers):
            k -= 1
        if not (doc[k].lower_ in ("new", "newly-appointed", "newly-elected") or doc[k].lower_ in ("appointed", "elected", "named") and doc[k - 1].text == "-"):
            continue
        title = CharSpan(" ".join([t.text for t in doc[k + 1:tok.i]] + [tok.text[:-1]]), doc[k + 1].idx, tok.idx + len(tok.text) - 1)
        org = view.main_org
        for ms, me, key in mentions:
            if ms > tok.i:
                info = view.people.by_key[key]
                out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title, organisation=view.full_org(org),
                                 event="appointed", sentence=_span(sent), confidence=0.6, person_key=key, sent_index=si))
        if not any(ms > tok.i for ms, _, _ in mentions) and tok.i + 2 < sent.end and doc[tok.i + 2].text == ":":
            out.extend(_listed_members(view, sent, si, title, org))
    return out


def _listed_members(view: DocView, sent: Span, si: int, title: CharSpan, org: CharSpan | None) -> list[Found]:
    """ "The new partners are:" and a paragraph for each, opening with the name."""
    doc = view.doc
    out = []
    promoted = any(t.lower_ in triggers().promote for s in view.sents[max(0, si - 1):si + 1] for t in s)
    for sj, person in _listed_below(view, si):
        info = view.people.by_key[person[2]]
        name = _item_name(doc, person) or CharSpan(info.name, info.start, info.end)
        # the evidence runs from the list's opening to the item; the change is dated by the opening
        out.append(Found(person=name, title=title,
                         organisation=view.full_org(org), event="promoted" if promoted else "appointed",
                         sentence=_span(doc[sent.start:view.sents[sj].end]), confidence=0.6,
                         person_key=person[2], sent_index=si))
    return out




def _list_lead(view: DocView, sent: Span) -> tuple[str, int] | None:
    """Does sentence ``sent`` open a list of moves, one post an item: does it end with a colon
    and announce arrivals ("today announced the following appointments:", "has promoted the
    following individuals to new roles:")? Returns the event and where the cue stands, or None:
    no cue; a cue that speculates; "will remain in their roles:"; a cue whose mover the opening
    names ("Davis and Johnson join the board, whose members are:"); a list of the members of a
    board or committee, or of new directors, partners ... ("The new board will be made up of five
    independent directors:"), whose items give the posts they hold elsewhere."""
    doc = view.doc
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    lex = triggers()
    if any(t.lower_ in lex.no_change or t.lower_ in BODY_WORDS or t.lower_ in _PLURAL_HEADS
           and any(doc[k].lower_ in ("new", "newly") for k in range(max(sent.start, t.i - 3), t.i)) for t in sent):
        return None
    trigs = [t for t in find_triggers(sent) if t.kind in ("appoint", "promote") and not _speculative(sent, t.tok)]
    cue = trigs[0].tok if trigs else next((t for t in sent if t.lower_ in lex.list_lead), None)
    if cue is None or _speculative(sent, cue):
        return None
    movers = {i for ms, me, _ in view.people.mentions(sent) for i in range(ms, me)}
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and c.i in movers for c in cue.subtree):
        return None
    promoted = any(t.lower_ in lex.promote or t.lower_[:-1] in lex.promote for t in sent)  # "promotions"
    return ("promoted" if promoted else "appointed"), cue.i


def _listed_with_posts(view: DocView, sent: Span, si: int, done: set[str]) -> list[Found]:
    """ "Harlow Ridge Capital today announced the following appointments:" and a line for each,
    the name and then the post ("* Dana Whitcombe, Chief Operating Officer", "1. Marcus Ilves –
    Head of Investor Relations"): a move to each post, at the organisation the item names after
    it ("Managing Director, Acme Hungary Kft."), else the one that announces the list.
    ``done``: people a record of the same list has already (``_new_members_are``)."""
    lead = _list_lead(view, sent)
    if lead is None:
        return []
    event, cue = lead
    org = view.full_org(_subject_org(view, sent, cue) or view.main_org)
    out = []
    for sj, person, name, post, unit in _posts_listed_below(view, si):
        if person[2] in done:
            continue
        interim = any(w in ("acting", "interim") for w in post.text.lower().split())
        out.append(Found(person=name, title=post, organisation=view.full_org(unit) if unit else org,
                         event="interim" if interim else event,
                         sentence=_span(view.doc[sent.start:view.sents[sj].end]), confidence=0.6,
                         person_key=person[2], sent_index=si))
    return out


def _newly_titled(view: DocView, sent: Span, si: int) -> list[Found]:
    """ "newly-nominated chairman Alan Greenspan", "newly appointed CEO Jane Doe"."""
    doc = view.doc
    out = []
    for t in view.titles:
        if t.start < sent.start + 2 or t.end >= sent.end:
            continue
        verb = doc[t.start - 1]
        newly = doc[t.start - 3].lower_ == "newly" if doc[t.start - 2].text == "-" else doc[t.start - 2].lower_ == "newly"
        if not (newly and verb.lower_ in triggers().appoint):
            continue
        key = view.people.at(t.end)
        if key is not None:
            out.append(_new_post(view, sent, si, key, t, 0.75))
    return out


def _new_title_is(view: DocView, sent: Span, si: int, mentions) -> list[Found]:
    """ "Brazil's new planning minister is Anibal Teixeira de Souza", "the new chairman will be X"."""
    doc = view.doc
    out = []
    for t in view.titles:
        if not (sent.start < t.start and t.end < sent.end) or doc[t.start - 1].lower_ != "new":
            continue
        k = t.end
        while k < sent.end and doc[k].lower_ in ("is", "will", "be", "was", "becomes", "would"):
            k += 1
        if k == t.end:
            continue
        for ms, me, key in mentions:
            if ms == k or ms == k + 1 and doc[k].lower_ in ("now", "to"):
                out.append(_new_post(view, sent, si, key, t, 0.75))
    return out


def _new_post(view: DocView, sent: Span, si: int, key: str, t: Span, confidence: float) -> Found:
    """The appointment of person ``key`` to the new post ``t``, at the organisation the title
    names, else the document's."""
    info = view.people.by_key[key]
    org = _org_for_title(view, t, sent) or view.main_org
    return Found(person=CharSpan(info.name, info.start, info.end), title=_span(t), organisation=view.full_org(org),
                 event="appointed", sentence=_span(sent), confidence=confidence, person_key=key, sent_index=si)


def _new_in_apposition(view: DocView, sent: Span, si: int, mentions) -> list[Found]:
    """ "William Bradt, new chairman of the New York Mercantile Exchange, said ...": an appositive
    that calls the post new."""
    doc = view.doc
    out = []
    for ms, me, key in mentions:
        k = me + 1
        if me >= sent.end or doc[me].text != ",":
            continue
        if k < sent.end and doc[k].lower_ in ("the", "its"):
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ not in ("new", "newly-appointed", "newly-elected", "newly-named"):
            continue
        t = view.title_at.get(k + 1)
        if t is None or t.start != k + 1:
            continue
        info = view.people.by_key[key]
        org = _org_for_title(view, t, sent)
        if org is None and (t.end < sent.end and doc[t.end].lower_ in ("of", "at") or "of" in t.text.lower().split()):
            continue  # "new president of rival Acme Corp", "new chairman of its audit committee"
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t),
                         organisation=view.full_org(org or view.main_org), event="appointed", sentence=_span(sent),
                         confidence=0.6, person_key=key, sent_index=si))
    return out
