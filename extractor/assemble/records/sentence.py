"""Records of one sentence with triggers (rules 2 and 3 of the package).

For each person the sentence mentions, in order: a successor named after "by"; else, unless the
person is passed over (an agent, a possessor, "other than X"), the verbs after the person (A),
then the trigger that governs the person from before (B). Last, the successions the sentence
tells: the predecessor's own new post, and the post the predecessor leaves.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..constructions.subjects import _possessor
from ..results import Found
from ..trigger_words import Trigger, declined_term_end
from ..view import DocView
from .state import Place, SentenceState, place
from .successions import _is_predecessor, _predecessors_leave, _predecessors_new_posts, _successor_by_agent
from .trigger_before import _trigger_before
from .verbs_after import _verbs_after


def _sentence_records(view: DocView, sent: Span, si: int, mentions, trigs: list[Trigger], earlier: list[Found] = ()) -> list[Found]:
    """The records of sentence ``si``: its mentions ((first token, end token, person key), in
    order) and its triggers; ``earlier``, the records of the sentences before."""
    s = SentenceState(view, sent, si, mentions, trigs, earlier)
    for idx, (_, _, key) in enumerate(mentions):
        if idx in s.skip or key not in view.people.by_key:
            continue
        p = place(s, idx)
        if _successor_by_agent(s, p) or _passed_over(s, p):
            continue
        # a person after "succeeding"/"replacing" is the predecessor
        predecessor = _is_predecessor(s, p)
        if predecessor:
            s.succeeded.append((key, None))
        # continuity: "who will remain chairman" (only when no verb after it tells a change)
        window = [s.doc[i].lower_ for i in range(p.list_end_tok, min(p.limit, p.list_end_tok + 5))]
        continuing = any(w in s.lex.no_change for w in window)
        # (A) verbs after the person, each with its title: "resigned as president to become chairman"
        if _verbs_after(s, p, predecessor):
            continue
        # (B) the trigger governs the person from before: "named X (as) president", "the resignation of President X"
        if continuing or predecessor:
            continue
        _trigger_before(s, p)
    _predecessors_new_posts(s)
    _predecessors_leave(s)
    return s.out


def _passed_over(s: SentenceState, p: Place) -> bool:
    """Is the person no subject of a change here: "other than X", the agent ("nominated by
    President Reagan"), a possessor ("Reagan's director"), who ends an interim ("until Mr
    Fairweather arrives")?"""
    pre = p.pre
    if pre[-2:] == ["other", "than"] or pre[-1:] in (["except"], ["besides"]) or pre[-2:] == ["apart", "from"]:
        return True  # "four directors other than Cohen have resigned": not him
    if "by" in pre and any(t.kind == "depart" and declined_term_end(t.tok) is not None and p.me < t.tok.i <= p.me + 3
                           for t in s.trigs):
        return False  # "the decision by Paul Volcker not to serve a third term": his own decision
    # the agent ("nominated by President Reagan"), a possessor ("Reagan's director"), or
    # who ends an interim ("to act as interim chief executive until Mr Fairweather arrives")
    return "by" in pre or "until" in pre[-2:] or _possessor(s.view, p.me)
