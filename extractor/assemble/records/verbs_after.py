"""(A) Verbs after the person, each with its title: "X resigned as president to become chairman",
"X succeeds Bill Saxon as chairman", "X will be succeeded as president by Y", "X will join the
Group as Chief Financial Officer", "X was elected to its board"."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..attach.organisation import _org_for_title
from ..constructions.appositions import _appositive_end, _appositive_title, _own_clause, _title_before
from ..constructions.boards import _board_owner, _board_title, post_on_the_board
from ..constructions.subjects import _names_someone, _other_subject, _seeks_someone, _someone_else_does
from ..constructions.title_after import _left_behind, _takes_duties, _title_after_pos
from ..entities.organisations import _clean_org
from ..results import CharSpan, _as_charspan
from ..text import _ent_at
from ..trigger_words import Trigger, _background, declined_term_end
from ..words import _JOIN_WORDS
from .build import record
from .state import Place, SentenceState


def _verbs_after(s: SentenceState, p: Place, predecessor: bool) -> bool:
    """Records for the triggers between the person (with the list it is in) and the next
    subject (for a predecessor, only inside its own clause: "succeeding Hann, who becomes vice
    chairman"). True when one of them made a record."""
    made = False
    for trig in (t for t in s.trigs if p.list_end_tok <= t.tok.i < p.limit and (not predecessor or t.kind in ("appoint", "depart"))):
        if trig.kind == "depart" and _background(trig.tok) or _in_anothers_clause(s, p, trig) \
                or _past_in_own_clause(s, p, trig):
            continue
        if trig.kind == "succeed" and _is_succeeded(s.doc, trig, p.limit):
            made = _passive_succession(s, p, trig, made) or made
        elif trig.kind == "succeed":
            made = _succeeds_someone(s, p, trig) or made
        elif _verb_gives_title(s, p, trig):
            made = True
    return made


def _in_anothers_clause(s: SentenceState, p: Place, trig: Trigger) -> bool:
    """Does the trigger stand in a relative clause about someone else ("Erik Dahl, named to
    succeed Nils Lund, who retires as chief executive": Lund retires, not Dahl)?"""
    clause = next((t for t in (trig.tok, *trig.tok.ancestors) if t.dep_ == "relcl"), None)
    return clause is not None and any(ms <= clause.head.i < me and key != p.key for ms, me, key in s.mentions)


def _past_in_own_clause(s: SentenceState, p: Place, trig: Trigger) -> bool:
    """Does the trigger tell, in the past, the person's own relative clause, while the sentence
    moves the person on outside it ("Rob Gangemi, who joined Krasdale in 2017 as Corporate
    Controller, was promoted to Vice President": the clause is the career before)?"""
    clause = next((t for t in (trig.tok, *trig.tok.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or trig.tok.tag_ != "VBD" or not p.ms <= clause.head.i < p.me:
        return False
    inside = {t.i for t in clause.subtree}
    return any(t.kind in ("appoint", "promote") and t.tok.i > max(inside) for t in s.trigs)


def _is_succeeded(doc: Doc, trig: Trigger, limit: int) -> bool:
    """Is the succession verb passive ("will be succeeded", "replaced by")?"""
    return trig.tok.i > 0 and (
        doc[trig.tok.i - 1].lower_ in ("be", "been", "being", "was", "is", "were", "are")
        or trig.tok.i + 1 < limit and doc[trig.tok.i + 1].lower_ == "by" and trig.tok.tag_ == "VBN"
    )


def _passive_succession(s: SentenceState, p: Place, trig: Trigger, made: bool) -> bool:
    """ "Colbert will be succeeded as president by Zaccaria": Colbert leaves ("Minister X was
    being retired and replaced by Y": the post named before him). True when it made a record."""
    doc, view = s.doc, s.view
    title = _title_after_pos(view, trig.tok.i + 1, p.limit, s.trigger_words)
    if title is None and trig.tok.i + 1 < p.limit and doc[trig.tok.i + 1].lower_ == "by" and not made and not any(
        f.person_key == p.key and f.event == "departed" for f in s.out
    ):
        title = _title_before(view, p.ms, p.prev_end) or _appositive_title(view, p.me, p.limit)
    if title is not None:
        record(s, p.key, title, "depart", 0.85)
        return True
    return False


def _succeeds_someone(s: SentenceState, p: Place, trig: Trigger) -> bool:
    """ "succeeds Bill Saxon as chairman": the post taken, and the person after the verb its
    predecessor (whose mention then needs no record of its own, unless a clause of its own
    follows). True when it made or completed a record."""
    doc, view, mentions = s.doc, s.view, s.mentions
    nxt = [j for j in range(p.last + 1, len(mentions)) if mentions[j][0] > trig.tok.i]
    if not nxt:
        return False
    j = nxt[0]
    held = None
    if mentions[j][0] - trig.tok.i > 3:
        # "to replace retiring Federal Reserve Chairman Ken Vale": the post, named before the predecessor
        held = _post_named_before(s, trig.tok.i, mentions[j][0])
        if held is None:
            return False
    pj_end = mentions[j][1]
    lim2 = mentions[j + 1][0] if j + 1 < len(mentions) else s.sent.end
    app = _appositive_end(doc, pj_end, lim2)
    title = _title_after_pos(view, app or pj_end, lim2, s.trigger_words)
    pred_key = mentions[j][2]
    old = _appositive_title(view, p.me, p.limit) or _title_before(view, p.ms, p.prev_end)
    came = [f for f in list(s.earlier) + s.out if f.person_key == p.key and f.event != "departed"]
    if title is None and not came:
        # "named president Edward Mahoney to the added post of chief executive officer,
        # succeeding Broad": the post given between the name and "succeeding"
        title = _title_after_pos(view, p.list_end_tok, trig.tok.i, s.trigger_words)
    org = None
    if title is None and not came:
        # "Kamp, formerly vice chairman, was named to replace Weinroth": Weinroth's role, where he held it
        left = [f for f in list(s.earlier) + s.out if f.person_key == pred_key and f.event == "departed"]
        title, org = (left[0].title, left[0].organisation) if left else (None, None)
        old = old if left else None
    if title is None and not came:
        # "chairman Colin Fraser ... Margaret Ellery, nominated to succeed him": the post named
        # with the predecessor before
        named = next(((ms, me) for ms, me, k in mentions if k == pred_key and me <= p.ms), None)
        if named is not None:
            title = _title_before(view, named[0], s.sent.start) or _appositive_title(view, named[1], p.ms)
    if title is None and not came and held is not None:
        title = held
    if title is None and not came and _own_clause(doc, pj_end, lim2):
        title = _post_left_in_clause(s, pj_end, lim2)
    if title is None:
        # "Olin ... named to the added post of chief executive, succeeding Leo Hill",
        # "Mathis ... replaces Herbert Shaw": the role just given
        if not came:
            return False
        came[-1].succeeds = came[-1].succeeds or view.people.by_key[pred_key].name
        s.succeeded.append((pred_key, came[-1]))
        if not _own_clause(doc, pj_end, lim2):
            s.skip.add(j)
        return True
    f = record(s, p.key, title, "appoint", 0.85, old=old, org=org, succeeds=view.people.by_key[pred_key].name)
    s.succeeded.append((pred_key, f))
    if not _own_clause(doc, pj_end, lim2):
        s.skip.add(j)  # (but "replaces Mary Sandoval, who ... will become chair": her move too)
    return True


def _post_named_before(s: SentenceState, verb: int, named: int) -> Span | None:
    """The title standing before the person named at token ``named``, the object of the
    succession verb at ``verb``, with no more than an adjective, a determiner or the
    organisation between them: "replace [retiring] [U.S. Federal Reserve] Chairman Ken Vale"."""
    title = _title_before(s.view, named, verb)
    if title is None or title.end != named or named - verb > 9:
        return None
    leaving = {t.tok.i for t in s.trigs if t.kind == "depart"}  # "retiring", "outgoing"
    if any(t.pos_ in ("VERB", "AUX", "PRON", "ADP") and t.ent_type_ != "ORG" and t.dep_ not in ("amod", "compound")
           and t.i not in leaving or t.is_punct and t.text != "." for t in s.doc[verb + 1:title.start]):
        return None
    return title


def _post_left_in_clause(s: SentenceState, start: int, end: int) -> Span | None:
    """The post a departure verb between tokens ``start`` and ``end`` leaves, given after "as"
    ("succeed Nils Lund, who retires as chief executive"; not "who is leaving to become chief
    executive of Heyford Mutual", the post he goes to)."""
    doc = s.doc
    for d in s.trigs:
        if d.kind != "depart" or not start < d.tok.i < end:
            continue
        as_at = next((k for k in range(d.tok.i + 1, min(end, d.tok.i + 3)) if doc[k].lower_ == "as"), None)
        title = _title_after_pos(s.view, as_at + 1, end, s.trigger_words) if as_at is not None else None
        if title is not None:
            return title
    return None


def _verb_gives_title(s: SentenceState, p: Place, trig: Trigger) -> bool:
    """An appointment, promotion or departure verb after the person, with the title it gives:
    a record for every person of the list. True when it made them."""
    if _speaks_of_another(s, p, trig):
        return False
    after = declined_term_end(trig.tok) if trig.kind == "depart" else None  # "not seek a third term as ..."
    title = _title_after_pos(s.view, after or trig.tok.i + 1, p.limit, s.trigger_words)
    if title is not None and trig.kind in ("appoint", "promote") and _left_behind(s.doc, trig.tok.i, title):
        return False  # "was promoted from her position as Director of Compliance": the post she leaves
    title, seat_org = _title_or_seat(s, p, trig, title)
    if title is None:
        return False
    old = (_appositive_title(s.view, p.me, p.limit) or _title_before(s.view, p.ms, p.prev_end)) if trig.kind != "depart" else None
    for m in range(p.first_idx, p.last + 1):
        record(s, s.mentions[m][2], title, trig.kind, 0.9, old=old if m == p.idx else None, org=seat_org)
        s.skip.add(m)
    return True


def _speaks_of_another(s: SentenceState, p: Place, trig: Trigger) -> bool:
    """Is the verb after the person about someone or something else: an announcement without its
    object, an appointer, a post sought, another subject, a change noun that is not the person's?"""
    doc, view = s.doc, s.view
    if trig.kind == "appoint" and trig.tok.lower_ in s.lex.announce_needs_object:
        return True
    if trig.kind in ("appoint", "promote") and _names_someone(view, trig.tok, [m for m in s.mentions if m[2] != p.key]):
        return True  # "President Reagan named Thomas Lydon ...": Reagan is who appoints
    if trig.kind in ("appoint", "promote") and _seeks_someone(doc, trig.tok, p.limit):
        return True  # "Smith named a new chief financial officer", "intends to recruit a CRO"
    if _someone_else_does(view, trig.tok, p.key, p.ms) or _other_subject(view, trig.tok, p.ms):
        return True  # "Paulson sold his stake to Lubensky and resigned": Paulson resigned
    if trig.tok.pos_ == "NOUN" and not any(
        doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(p.me, trig.tok.i - 3), trig.tok.i)
    ):
        return True  # "Jacobs agreed to recommend a nominee for election to the board"
    return False


def _title_or_seat(s: SentenceState, p: Place, trig: Trigger, title):
    """The title the verb gives, when the one after it is not: the post held for a departure that
    goes on to a new post, the title after "as" for a join verb, the duties taken over, or a
    board seat (with the board's owner). Returns (title, the seat's organisation)."""
    doc, view, limit = s.doc, s.view, p.limit
    if title is not None and trig.kind == "depart" and any(
            o.kind in ("appoint", "promote") and trig.tok.i < o.tok.i and o.tok.idx < _as_charspan(title).start
            for o in s.trigs):
        # "X, chief financial officer, will leave the company to become president of ...": the
        # post he goes to; he leaves the one he holds
        title = _appositive_title(view, p.me, limit) or _title_before(view, p.ms, p.prev_end)
    if title is None and trig.tok.lower_ in _JOIN_WORDS:
        # "will join the Group as Chief Financial Officer"
        as_at = next((k for k in range(trig.tok.i + 1, min(limit, trig.tok.i + 9)) if doc[k].lower_ == "as"), None)
        if as_at is not None and not any(doc[k].pos_ in ("VERB", "AUX") and doc[k - 1].text != "-"  # "Edinburgh-based"
                                         for k in range(trig.tok.i + 1, as_at)):
            title = _title_after_pos(view, as_at + 1, limit, s.trigger_words)
    if title is None and trig.kind == "appoint" and _takes_duties(doc, trig.tok, limit):
        # "would take over his duties": the role just left
        left = [f for f in list(s.earlier) + s.out if f.event == "departed" and f.person_key != p.key]
        title = left[-1].title if left else None
    seat_org = None
    if title is None:
        seat = _board_title(doc, trig.tok.i, limit)
        if seat is not None:
            title = post_on_the_board(view, seat, limit, s.trigger_words)
            seat_org = _board_owner(view, seat)
    elif trig.tok.lower_ in _JOIN_WORDS and isinstance(title, Span):
        seat_org = _joined_firm(s, trig.tok.i, title)
    return title, seat_org


def _joined_firm(s: SentenceState, at: int, title: Span) -> CharSpan | None:
    """The firm a join verb names before the post it gives, when the post names none: "(Ann Lee,
    formerly of Beta Inc,) has joined [Corvane Inc.] as managing director"."""
    doc = s.doc
    k = at + 1
    while k < title.start and doc[k].lower_ == "the":
        k += 1
    ent = _ent_at(doc, k) if k < title.start and doc[k].ent_type_ == "ORG" else None
    if ent is None or ent.end + 1 != title.start or doc[ent.end].lower_ != "as" \
            or _org_for_title(s.view, title, s.sent) is not None:
        return None
    span = _clean_org(ent)
    return CharSpan(span.text, span.start_char, span.end_char) if span is not None else None
