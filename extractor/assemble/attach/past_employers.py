"""Past employers (rule 6 of the package): from sentences about the same person with career cues,
and the organisation someone leaves for another in the story.
"""
from __future__ import annotations

from ..names import same_org
from ..results import CharSpan, Found
from ..text import is_upper_sentence
from ..trigger_words import triggers
from ..view import DocView
from ..words import _PRONOUNS
from .employers import _employer_candidates


def _left_for_new(view: DocView, found: list[Found]) -> None:
    """Someone who leaves one organisation for another in the story worked at the first:
    "Fusco resigned as president of Iomega to become chairman of Sequoia Systems"."""
    for d in found:
        if d.event != "departed" or d.organisation is None:
            continue
        span = view.doc.char_span(d.organisation.start, d.organisation.end, alignment_mode="expand")
        if span is None or any(view.people.at(t.i) is not None for t in span):
            continue  # an organisation that is a person's name: a rule went wrong, pass nothing on
        for f in found:
            if f.person_key != d.person_key or f.event == "departed" or f.organisation is None:
                continue
            if same_org(f.organisation.text, d.organisation.text) or any(
                same_org(p.text, d.organisation.text) for p in f.past_employers
            ):
                continue
            f.past_employers.append(d.organisation)


_REPORTING = {"said", "told", "added", "announced", "noted", "stated", "reported", "explained", "commented"}


def _genders(view: DocView) -> dict[str, str]:
    """ "m" or "f" for people the text refers to as he/she (the pronoun that first follows
    a sentence opening with their name) or with an honorific (Mr, Ms, Mrs)."""
    doc = view.doc
    out: dict[str, str] = {}
    for i in sorted(view.people.token_person):
        key = view.people.token_person[i]
        if key in out:
            continue
        prev = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
        if prev in ("mr", "sir", "lord"):
            out[key] = "m"
        elif prev in ("ms", "mrs", "miss", "dame", "lady"):
            out[key] = "f"
    for sent in view.sents:
        mentions = view.people.mentions(sent)
        if not mentions or mentions[0][0] > sent.start + 3:
            continue
        key = mentions[0][2]
        if key in out or len({m[2] for m in mentions}) > 1:
            continue
        pron = next((t for t in sent if t.i >= mentions[0][1] and t.lower_ in _PRONOUNS), None)
        if pron is not None:
            out[key] = _PRONOUNS[pron.lower_]
    return out


#: Those a person served or dealt with, whose names a list follows ("clients like", "brands such as")
_SERVED = {"clients", "customers", "brands", "accounts", "co-investors", "exits"}


def _served_list_start(sent) -> int | None:
    """Where a list of clients, customers or brands starts ("clients like Mastercard, Kraken",
    "top brands such as Chipotle"): the names after it are no employers."""
    doc = sent.doc
    for t in sent:
        if t.lower_ in _SERVED:
            nxt = [doc[k].lower_ for k in range(t.i + 1, min(sent.end, t.i + 3))]
            if nxt[:1] in (["like"], ["including"]) or nxt[:2] == ["such", "as"]:
                return t.i
    return None


#: Words of posts held now, alongside the new one ("serves on the boards of", "sits on"); not "currently"
#: alone: "is currently chairman of Cascade Filters" is the post a wire story's appointee leaves
_HOLDS_NOW = {"serves", "sits", "concurrently"}
#: Words of posts held before, which make a sentence with posts held now tell past ones too
_HELD_BEFORE = {"previously", "formerly", "former", "prior", "was", "served", "held", "spent", "worked", "led",
                "joined", "before", "earlier", "had"}


def _attach_past_employers(view: DocView, found: list[Found]) -> None:
    doc = view.doc
    lex = triggers()
    by_key: dict[str, list[Found]] = {}
    for f in found:
        if f.event != "departed":
            by_key.setdefault(f.person_key, []).append(f)
    if not by_key:
        return
    gender = _genders(view)
    recent: list[str] = []  # people with a record, most recently named last
    for si, sent in enumerate(view.sents):
        if is_upper_sentence(sent):
            continue
        mentions = view.people.mentions(sent)
        # the sentence is about its first person: a name, or "he"/"she" as subject before any
        # name ("Prior to Corvane, she held ..."): the person last named who fits the pronoun
        first_name = mentions[0][0] if mentions else sent.end
        pronoun = next((t for t in sent if t.i < first_name and t.lower_ in ("he", "she") and t.dep_.startswith("nsubj")), None)
        if pronoun is None and not mentions:
            # "Previous roles at firms such as X and Y have prepared her": a sentence of the
            # person's story that names no one, with a pronoun of theirs
            pronoun = next((t for t in sent if t.lower_ in _PRONOUNS), None)
        if pronoun is not None:
            want = _PRONOUNS[pronoun.lower_]
            subject = next((k for k in reversed(recent) if gender.get(k) in (None, want)), None)
        else:
            subject = mentions[0][2] if mentions else None
        for m in mentions:
            if m[2] in by_key:
                if m[2] in recent:
                    recent.remove(m[2])
                recent.append(m[2])
        if subject is None or subject not in by_key:
            continue
        words = {t.lower_ for t in sent}
        text_low = sent.text.lower()
        records = by_key[subject]
        rec_sent = any(r.sent_index == si for r in records)
        cue = words & lex.career or "prior to" in text_low or "joins from" in text_low or "joined from" in text_low
        # a verb in the past, not the reporting one ("It said Cassani will be responsible for ...")
        past_tense = any(t.tag_ == "VBD" and t.lower_ not in _REPORTING for t in sent)
        if not (cue or past_tense and not rec_sent):
            continue
        if rec_sent and not (words & {"previously", "formerly", "former", "from", "prior", "most", "recently", "was", "currently"}):
            continue
        if words & _HOLDS_NOW and not words & _HELD_BEFORE:
            continue  # "She currently serves on the boards of X and Y": posts held now, no past employers
        # other people mentioned in the sentence own what follows their name
        # another person who starts a clause owns what follows ("..., while Smith was at Acme")
        # or is told about in a relative clause ("replaces Herbert Shaw, who returns to his post at ...")
        others = [m for m in mentions if m[2] != subject and (
            m[0] == sent.start or doc[m[0] - 1].lower_ in (",", "and", "while", "whereas", ";")
            or m[1] + 1 < sent.end and doc[m[1]].text == "," and doc[m[1] + 1].lower_ in ("who", "whose"))]
        served = _served_list_start(sent)
        for cand in _employer_candidates(view, sent):
            if any(m[0] < cand.start and m[0] > (mentions[0][0] if mentions else sent.start) for m in others):
                continue
            if served is not None and cand.start > served:
                continue  # "at FTI Consulting, working with clients like Mastercard and Kraken"
            if view.people.at(cand.start) == subject:
                continue
            name = cand.text
            for rec in records:
                if rec.organisation is not None and same_org(rec.organisation.text, name):
                    continue
                if view.main_org is not None and same_org(view.main_org.text, name):
                    continue  # the announcing organisation (or its parent) is where the move happens
                if any(same_org(p.text, name) for p in rec.past_employers):
                    continue
                rec.past_employers.append(CharSpan(name, cand.start_char, cand.end_char))
