"""The entry: ``find_appointments`` reads a document sentence by sentence, then resolves and attaches."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .attach.past_employers import _attach_past_employers, _left_for_new
from .attach.predecessor import _every_post_of_predecessor, _former_holders
from .entities.titles import _all_title_words
from .records.copula import _copula_records
from .records.groups import _group_records
from .records.sentence import _sentence_records
from .resolve import _committee_seat, _merge
from .results import CharSpan, Found
from .text import is_upper_sentence
from .trigger_words import _aside, _speculative, find_triggers
from .view import DocView, make_view
from .words import _ANSWERS_TO, _JOIN_WORDS, _WORKS_WITH


def _with_its_title(view: DocView, start: int) -> int:
    """Where the name at ``start`` begins together with a title right before it ("[President] Reagan")."""
    title = view.title_at.get(start - 1) if start > 0 else None
    return title.start if title is not None else start


def _by_agent(view: DocView, start: int) -> bool:
    """Does "by" (and a title) come before the name at ``start``: "nominated by (President) Reagan"?"""
    k = _with_its_title(view, start)
    return k > 0 and view.doc[k - 1].lower_ == "by"


def _answered_to(view: DocView, start: int) -> bool:
    """Is the name at ``start`` the one a post answers to or works beside: "reporting (directly)
    to (its chief executive) Ann Lee", "an adviser to (Senator) Helmut Kohl", "working closely
    with (founder and CEO) Alan Moore"? It names a superior or a colleague, not a move."""
    doc = view.doc
    k = _with_its_title(view, start)
    while k > 0 and start - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha:  # a rank the finder missed
        k -= 1
    if k > 0 and doc[k - 1].lower_ in ("the", "its", "their", "his", "her"):
        k -= 1
    if k < 2 or doc[k - 1].lower_ not in ("to", "with"):
        return False
    j = k - 2 if doc[k - 2].lower_ not in ("directly", "closely") else k - 3
    return j >= 0 and doc[j].lower_ in (_ANSWERS_TO if doc[k - 1].lower_ == "to" else _WORKS_WITH)


def find_appointments(doc: Doc, view: DocView | None = None) -> list[Found]:
    view = view or make_view(doc)
    found: list[Found] = []
    grouped: list[Found] = []  # the members of counted groups, for those no other sentence gives a post
    last_key: str | None = None
    for si, sent in enumerate(view.sents):
        # "Kyle Hendrick joined Deep MM as CFO": what is joined is the firm, whatever the NER says
        mentions = [m for m in view.people.mentions(sent) if m[0] == 0 or doc[m[0] - 1].lower_ not in _JOIN_WORDS
                    or m[1] < len(doc) and doc[m[1]].lower_ != "as"]  # ("She joins Tom Reed, who ...": a person)
        mentions = [m for m in mentions if not _answered_to(view, m[0])]
        # pronoun at the start of a sentence refers to the last person in focus
        pron = None
        for tok in sent[:3]:
            if tok.lower_ in ("he", "she") and last_key is not None:
                pron = (tok.i, tok.i + 1, last_key)
                break
        if pron is not None:
            mentions = sorted(mentions + [pron])
        trigs = [t for t in find_triggers(sent) if not _speculative(sent, t.tok)]
        trigs = [t for t in trigs if not _aside(t, trigs)]
        # "elected Paul Johnson a vice president and named him chief financial officer"
        trig_at = {t.tok.i for t in trigs if t.kind in ("appoint", "promote")}
        succeed_at = {t.tok.i for t in trigs if t.kind == "succeed"}
        for tok in sent:
            if tok.lower_ in ("him", "her") and tok.i - 1 in trig_at:
                before = [m for m in mentions if m[1] <= tok.i]
                if before:
                    mentions = sorted(mentions + [(tok.i, tok.i + 1, before[-1][2])])
            elif tok.lower_ in ("him", "her") and tok.i - 1 in succeed_at:
                # "outgoing chairman Colin Fraser ... Margaret Ellery, nominated to succeed him": the
                # one named before the successor (here, else in focus before)
                keys = [m[2] for m in mentions if m[1] <= tok.i and not _by_agent(view, m[0])]  # (not Reagan
                # of "nominated by President Reagan to succeed him")
                others = [k for k in keys[:-1] if k != keys[-1]] if keys else []
                pred = others[-1] if others else last_key if keys and last_key not in (None, keys[-1]) else None
                if pred is not None:
                    mentions = sorted(mentions + [(tok.i, tok.i + 1, pred)])
        if not is_upper_sentence(sent):
            if trigs:
                found.extend(_sentence_records(view, sent, si, mentions, trigs, found))
                grouped.extend(_group_records(view, sent, si, mentions, trigs))
            found.extend(_copula_records(view, sent, si, mentions))
        if mentions:
            last_key = mentions[0][2] if not found or found[-1].sent_index != si else found[-1].person_key
    # a group's reading of its own sentence wins there ("named to the committee: Ann Lee, CEO,
    # Acme ...": Acme's CEO is a post held elsewhere); elsewhere, other records win
    in_group = {(f.person_key, f.sent_index) for f in grouped}
    found = [f for f in found if (f.person_key, f.sent_index) not in in_group]
    movers = {f.person_key for f in found}
    found.extend(f for f in grouped if f.person_key not in movers)
    found.extend(_former_holders(view, found))
    found = [f for f in found if not f.elsewhere]  # nothing to name the organisation by
    found = [f for f in found if not _a_firm_taken_for_a_person(f, doc.text)]
    _mend_organisations(view, found)
    found = [f for f in _merge(found) if not _committee_seat(doc, f)]
    found = _every_post_of_predecessor(found)
    _attach_past_employers(view, found)
    _left_for_new(view, found)
    return found


def _mend_organisations(view: DocView, found: list[Found]) -> None:
    """Organisations that hold the person's own name, mended in place: the firm before the post
    ("[FeganScott Managing Partner Elizabeth Fegan]"), else the document's firm ("named [Vera
    Lind] president", the NER calling her a firm too, or only her first name, "[Emina]")."""
    for f in found:
        if f.organisation is not None and f.organisation.text.endswith(" " + f.person.text):
            f.organisation = _before_the_post(view, f.organisation, f.person.text)
        if f.organisation is not None and _names_the_person(f.organisation.text, f.person.text):
            main = view.main_org
            f.organisation = main if main is not None and not _same_name(main.text, f.person.text) else None


def _same_name(org: str, person: str) -> bool:
    """Does the organisation's name open with the person's ("Allied Universal" of "Allied
    Universal Technology Services", or the whole of it)?"""
    return org == person or org.startswith(person + " ")


def _names_the_person(org: str, person: str) -> bool:
    """Is the organisation's name the person's, or opens with it, or is one word of it ("Emina"
    of "Emina Selinovic")? The NER took the person for a firm too."""
    return _same_name(org, person) or org in person.split()


def _a_firm_taken_for_a_person(f: Found, text: str) -> bool:
    """Is the record's "person" the name its organisation opens with ("BitYuan Blockchain" at
    BitYuan Blockchain, "Allied Universal" at Allied Universal Technology Services), and a name
    whose last word the text never uses alone, as it does a person's surname ("Lind held roles")?
    Then the NER took the firm for a person, and no one moved. (A person whom the NER also took
    for a firm keeps the record; its organisation is mended.)"""
    if f.organisation is None or not _same_name(f.organisation.text, f.person.text) or " " not in f.person.text:
        return False
    first, last = f.person.text.rsplit(" ", 1)
    return re.search(rf"(?<!{re.escape(first)} )\b{re.escape(last)}\b", text) is None


def _before_the_post(view: DocView, org: CharSpan, person: str) -> CharSpan | None:
    """The organisation an entity names before a post and the person's name, or the document's
    firm when only a post stands there ("[CFO Patrik Heider]")."""
    span = view.doc.char_span(org.start, org.end - len(person), alignment_mode="contract")
    if span is None:
        return view.main_org
    end = span.end
    while end > span.start and (_all_title_words(view.doc[end - 1:end]) or view.doc[end - 1].is_punct):
        end -= 1
    if end == span.start:
        return view.main_org
    named = view.doc[span.start:end]
    return CharSpan(named.text, named.start_char, named.end_char)
