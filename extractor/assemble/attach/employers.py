"""Employer names in a sentence about a person's career: the names after "at", "joined", "from" ...,
without schools, places, functions, credentials and people.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...components import lexicon
from ..entities.organisations import _capitalized_run
from ..entities.titles import _all_title_words, _title_word
from ..text import fold
from ..trigger_words import triggers
from ..view import DocView
from ..words import _GENERIC_ORGS, _HONORIFICS, _LEGAL_SUFFIXES, _ORG_NOUNS, _ORG_WORDS, _RANKS


_EMPLOYER_PREPS = {"at", "of", "for", "with", "from", "joined", "join", "joining", "joins", "such", "led", "headed", "founded", "co-founded", "ran"}


def _school_segment(tokens: list[Token]) -> bool:
    words = {t.lower_ for t in tokens}
    return bool(words & {"graduate", "graduated", "degree", "studied", "alumnus", "alumna", "mba", "bachelor", "master", "phd", "doctorate", "diploma", "educated"})


def _is_school(name: str) -> bool:
    low = fold(name)
    return any(w in low for w in triggers().school_words)


def _modifies_a_noun(doc: Doc, j: int, limit: int) -> bool:
    """Is the name at [.., j) an attribute of a following common noun? "the Alcimed
    consulting firm" names a firm; "the COVID-19 pandemic" does not."""
    words = []
    while j < limit and len(words) < 3 and doc[j].is_lower and doc[j].is_alpha:
        words.append(doc[j])
        j += 1
    if not words or words[0].pos_ not in ("NOUN", "ADJ") and words[0].dep_ not in ("compound", "amod"):
        return False
    if any(w.lower_ in _ORG_NOUNS and w.i + 2 < limit and doc[w.i + 1].lower_ == "of" and doc[w.i + 2].text[:1].isupper()
           for w in words):
        return True  # "the Wall Street firm of E.F. Hutton": the firm is named after "of"
    return not any(w.lower_ in _ORG_NOUNS for w in words)


def _acts_as_person(view: DocView, key: str | None) -> bool:
    """Is this "person" shown as one somewhere: with a title beside the name, saying
    something, or with an honorific? ("Arthur Andersen" the firm never is.)"""
    if key is None:
        return False
    cached = view.person_roles.get(key)
    if cached is not None:
        return cached
    doc = view.doc
    result = False
    for tok in doc:
        if view.people.at(tok.i) != key or tok.i > 0 and view.people.at(tok.i - 1) == key:
            continue
        end = tok.i
        while end < len(doc) and view.people.at(end) == key:
            end += 1
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[end] if end < len(doc) else None
        after2 = doc[end + 1] if end + 1 < len(doc) else None
        if (before is not None and (view.title_at.get(before.i) is not None or before.lower_ in ("said", "says", "told") or before.lower_.rstrip(".") in _HONORIFICS)
                or after is not None and after.lower_ in ("said", "says", "told", "is", "was", "has", "will", "who")
                or after is not None and after.text == "," and after2 is not None and (view.title_at.get(after2.i) is not None or after2.like_num)):
            result = True
            break
    view.person_roles[key] = result
    return result


_FUNCTION_WORDS = {"committee", "program", "programme", "leadership", "analysis", "planning", "market", "markets",
                   "nomination", "nominations", "remuneration", "mentor", "team", "teams"}

_LINKS = {"and", "&", "of", "for", "the"}

#: Lower-case words that end the descriptors between a cue and a name ("at management consultants
#: Arthur Andersen"): after "a startup to a leading Managed ..." no name of the startup follows
_NOT_DESCRIPTORS = {"and", "in", "as", "at", "for", "of", "to", "a", "an", "the", "by", "with", "from", "on", "into",
                    "that", "which", "who", "where", "when", "while"}

#: Verbs of arriving whose "from" names the employer left, whatever the NER takes the name for
_ARRIVING = {"joins", "joined", "joining", "join", "comes", "came", "coming", "moves", "moved", "moving", "arrives", "arrived"}

_EMPLOYER_PLURALS = {"companies", "firms", "organizations", "organisations", "roles", "positions", "employers",
                     "banks", "groups", "businesses", "brands", "agencies", "startups", "start-ups"}

#: Professional credentials written after a name ("Meghan Fletcher, CFE,"), no employer
_CREDENTIALS = {"cpa", "cfa", "cfe", "cfp", "cma", "cia", "cisa", "cissp", "pmp", "mba", "phd", "md", "jd", "esq",
                "acca", "aca", "fca", "cgma", "cpcu", "sphr", "phr", "shrm-scp", "fcca", "cipd", "llm"}


def _employer_candidates(view: DocView, sent: Span) -> list[Span]:
    doc = view.doc
    out: list[Span] = []
    # split the sentence into comma segments to drop school mentions
    segments: list[list[Token]] = [[]]
    depth = 0
    for t in sent:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if t.text in (",", ";") and depth == 0:
            segments.append([])
        else:
            segments[-1].append(t)
    school_tokens = {t.i for seg in segments if _school_segment(seg) for t in seg}
    i = sent.start
    while i < sent.end:
        t = doc[i]
        w = t.lower_
        start = None
        if t.ent_iob_ == "I":
            i += 1
            continue  # "of" inside "French Ministry of Research"
        including = w == "including" and any(doc[k].lower_ in _EMPLOYER_PLURALS for k in range(max(sent.start, i - 6), i))
        if including or w in _EMPLOYER_PREPS or (w in _ORG_NOUNS and t.is_lower):
            # "including" only after "companies", "roles": "roles at cybersecurity companies, including Zscaler"
            k = i + 1
            if w == "such":
                if k < sent.end and doc[k].lower_ == "as":
                    k += 1
                else:
                    i += 1
                    continue
            if k < sent.end and doc[k].lower_ in ("the", "his", "her", "its", "their", "<"):
                k += 1  # "<" opens a Reuters company tag: "co-founder of <Mediflex Systems Corp>"
            # skip up to three lower-case descriptors: "at management consultants Arthur Andersen"
            m = k
            while m < sent.end and m - k < 3 and doc[m].is_lower and doc[m].is_alpha and doc[m].lower_ not in _NOT_DESCRIPTORS:
                m += 1
            start = m if m < sent.end and (doc[m].text[:1].isupper() or doc[m].ent_type_ == "ORG" and doc[m].ent_iob_ == "B") else None
        if start is not None:
            run = _capitalized_run(doc, start, sent.end)
            in_school = run is not None and any(tok.i in school_tokens for tok in run)
            # a name the NER calls a person is an employer only after "at", "joined" ...:
            # "the resignation of Donald Regan" names a man
            person_ok = w in ("at", "such") or including or any(doc[d].lower_ in _ORG_NOUNS for d in range(k, m)) or (
                w == "from" and _arrives_before(doc, sent.start, i))  # "joins Mitiga from Deepwatch"
            while run is not None:
                if not in_school and (person_ok or run[0].ent_type_ != "PERSON" or any(
                        fold(x.text) in _ORG_WORDS or fold(x.text) in _LEGAL_SUFFIXES for x in run)):
                    out.append(run)
                # lists: "AFM-Téléthon, MSF and Genethon", "Microsoft, Procter & Gamble, as well as Hopelink"
                n = run.end
                if n + 3 < sent.end and doc[n].text == "," and [t.lower_ for t in doc[n + 1:n + 3]] == ["as", "well"]:
                    n += 3  # ", as well as"
                elif n + 2 < sent.end and doc[n].text == "," and doc[n + 1].lower_ == "and":
                    n += 1  # "Check Point Software, and McAfee"
                if n + 1 < sent.end and doc[n].lower_ in ("and", ",", "as") and doc[n + 1].text[:1].isupper():
                    run = _capitalized_run(doc, n + 1, sent.end)
                else:
                    run = None
            i = max(i + 1, out[-1].end if out else i + 1, start + 1)
            continue
        i += 1
    good = []
    for span in out:
        if any(tok.i in school_tokens for tok in span):
            continue
        ents = {tok.ent_type_ for tok in span}
        if ents <= {"GPE", "DATE", "NORP", "LOC", "CARDINAL", "MONEY", "PERCENT"} and "" not in ents and not any(
            fold(t.text) in _ORG_WORDS or t.lower_ in _ORG_NOUNS for t in span
        ):
            continue  # places, dates (but "Pellworth Advisory" is a firm)
        first = span.start
        if first - 1 >= 0 and view.title_at.get(first - 1) is not None and doc[first - 1].text[:1].isupper():
            continue  # "President Emmanuel Macron": a titled person
        if view.title_at.get(first) is not None and _all_title_words(span) or any(t.lower_ in _FUNCTION_WORDS for t in span) and all(
            t.lower_ in _FUNCTION_WORDS or t.lower_ in _LINKS or _title_word(t) for t in span if t.is_alpha
        ):
            continue  # "Vice President for Business Development", "Nomination Committee": functions
        if len(span) <= 2 and all(t.lower_ in lexicon().departments or t.lower_ in lexicon().modifiers for t in span):
            continue  # "Business Development", "Corporate Strategy": a function, not a firm
        if len(span) == 1 and span[0].is_upper and len(span[0]) <= 5 and span[0].ent_type_ != "ORG":
            continue  # "OSINT", "OTC": an abbreviation the NER does not know as a company
        if len(span) == 1 and fold(span.text).replace(".", "") in _CREDENTIALS and first >= 2 and doc[first - 1].text == "," \
                and view.people.at(first - 2) is not None:
            continue  # "Meghan Fletcher, CFE, was promoted": a credential after a name (not "Larry Lunt, USAF")
        held = view.title_at.get(first)
        if held is not None:
            # "Executive Vice President of Aramsco": the organisation after the title
            if held.end < span.end and doc[held.end].lower_ in ("of", "at", "for") and held.end + 1 < span.end:
                span = doc[held.end + 1:span.end]
                first = span.start
            else:
                continue
        unit = _possessed_unit(doc, span, sent.end)
        if unit is not None:
            span, first = unit, unit.start  # "Marriott Corp's <MHS> Straw Hat Pizza unit": the unit
        if doc[first].lower_.rstrip(".") in _HONORIFICS or _acts_as_person(view, view.people.at(first)):
            continue  # a person, not an employer
        named = next((t.i for t in span if view.people.at(t.i) is not None), None)
        if named is not None and named > span.start:
            head = doc[span.start:named]
            if view.title_at.get(named - 1) is not None or all(t.lower_ in _RANKS or _title_word(t) for t in head if t.is_alpha):
                continue  # "Brigadier General Larry V. Lunt": a rank or title and a person
            span = head  # "Launch Services [Meghan Fletcher]": the name ends the run
        if fold(span.text) in _LEGAL_SUFFIXES:
            continue
        if len(span) > 2 and span[0].lower_ in _GENERIC_ORGS and span[1].text in ("'s", "’s"):
            continue  # "the Group's Executive Board": a body of the new employer
        if _is_school(span.text):
            continue
        if _modifies_a_noun(doc, span.end, sent.end):
            continue  # "the COVID-19 pandemic", "the Celgene 'Innovation Lab'"
        good.append(span)
    starts = {span.start for span in good}
    # "Vice President of Sales, Commercial Bus Group at REV Group": after a title, a unit of the firm
    # named next (but "the Institute of Myology at Pitié-Salpêtrière" is both)
    return [span for span in good if not (
        span.end + 1 in starts and doc[span.end].lower_ == "at" and span.start >= 2
        and doc[span.start - 1].lower_ in (",", "of", "for") and view.title_at.get(span.start - 2) is not None)]


def _arrives_before(doc: Doc, start: int, at: int) -> bool:
    """Is there a verb of arriving in the clause before token ``at`` ("joined Ashgrove as a partner
    in 2009 from ...")?"""
    for d in range(at - 1, start - 1, -1):
        if doc[d].text in (",", ";", ":") or doc[d].is_space:
            return False
        if doc[d].lower_ in _ARRIVING:
            return True
    return False


def _possessed_unit(doc: Doc, span: Span, limit: int) -> Span | None:
    """The unit a company owns, named right after it: "Marriott Corp's <MHS> Straw Hat Pizza
    unit", "Du Pont Co's Conoco Inc" (a company the NER knows, or a name before a unit word)."""
    k = span.end
    if span[-1].text not in ("'s", "’s"):  # the NER may take the "'s" into the name
        if k >= limit or doc[k].text not in ("'s", "’s"):
            return None
        k += 1
    if k + 2 < limit and doc[k].text == "<":  # a Reuters ticker tag
        close = next((m for m in range(k + 1, min(limit, k + 5)) if doc[m].text == ">"), None)
        if close is None:
            return None
        k = close + 1
    run = _capitalized_run(doc, k, limit)
    if run is None:
        return None
    if run.end < limit and doc[run.end].lower_ in lexicon().unit_words or run[0].ent_type_ == "ORG" \
            or fold(run[-1].text) in _LEGAL_SUFFIXES:  # "Irving Bank's <V> Irving Trust Co"
        return run
    return None
