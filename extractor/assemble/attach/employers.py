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
from ..words import _GENERIC_ORGS, _HONORIFICS, _LEGAL_SUFFIXES, _ORG_NOUNS, _ORG_WORDS, _RANKS, is_credential


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
                     "banks", "groups", "businesses", "brands", "agencies", "startups", "start-ups", "giants",
                     "institutions", "corporations", "enterprises", "multinationals"}



def _employer_candidates(view: DocView, sent: Span) -> list[Span]:
    """Names of organisations the sentence puts after an employer cue ("at", "joined", "from",
    "such as", a lower-case organisation noun, "including" after "companies"), without schools,
    places, functions, credentials and people."""
    doc = view.doc
    school_tokens = _school_tokens(sent)
    good = []
    for items in _listed(doc, _runs_after_cues(doc, sent, school_tokens)):
        names = [_employer_name(view, sent, span, school_tokens) for span in items]
        if len(items) > 1 and any(n is not None and n[0].ent_type_ == "ORG" for n in names):
            # "roles at Deloitte, Avanade and Tessian": a list's other items are firms too, though
            # the NER took them for places or peoples
            names = [n if n is not None else _employer_name(view, sent, span, school_tokens, place_ok=True)
                     for n, span in zip(names, items)]
        good.extend(n for n in names if n is not None)
    starts = {span.start for span in good}
    # "Vice President of Sales, Commercial Bus Group at REV Group": after a title, a unit of the firm
    # named next (but "the Institute of Myology at Pitié-Salpêtrière" is both)
    return [span for span in good if not (
        span.end + 1 in starts and doc[span.end].lower_ == "at" and span.start >= 2
        and doc[span.start - 1].lower_ in (",", "of", "for") and view.title_at.get(span.start - 2) is not None)]


def _listed(doc: Doc, runs: list[Span]) -> list[list[Span]]:
    """The runs grouped into the lists they form: runs joined by commas and a closing "and" or
    "or" ("Deloitte, Avanade and Tessian"); any other run is a list of its own."""
    groups: list[list[Span]] = []
    for run in runs:
        gap = [t.lower_ for t in doc[groups[-1][-1].end:run.start] if not (t.pos_ == "ADV" and t.is_lower)] if groups else None
        if gap and set(gap) <= {",", "and", "or", "&"}:  # (and "Oracle, and most recently Veritas")
            groups[-1].append(run)
        else:
            groups.append([run])
    return [g for group in groups for g in _closed(doc, group)]


def _closed(doc: Doc, group: list[Span]) -> list[list[Span]]:
    """A group of runs that an "and" or "or" closes, else each run alone ("Deloitte, London")."""
    if len(group) > 1 and any(t.lower_ in ("and", "or", "&") for t in doc[group[-2].end:group[-1].start]):
        return [group]
    return [[run] for run in group]


def _school_tokens(sent: Span) -> set[int]:
    """The tokens of the sentence's comma segments (outside brackets) that speak of schooling."""
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
    return {t.i for seg in segments if _school_segment(seg) for t in seg}


def _runs_after_cues(doc: Doc, sent: Span, school_tokens: set[int]) -> list[Span]:
    """The capitalised runs after each employer cue of the sentence, with the runs listed after
    them; a name the NER calls a person only where the cue allows it."""
    out: list[Span] = []
    i = sent.start
    while i < sent.end:
        t = doc[i]
        w = t.lower_
        if t.ent_iob_ == "I":
            i += 1
            continue  # "of" inside "French Ministry of Research"
        including = w in ("including", "like") and any(doc[k].lower_ in _EMPLOYER_PLURALS for k in range(max(sent.start, i - 6), i))
        # "including", "like" only after "companies", "roles": "roles at cybersecurity companies,
        # including Zscaler", "startups like Contently"
        cue = including or w in _EMPLOYER_PREPS or (w in _ORG_NOUNS and t.is_lower)
        found = _name_after_cue(doc, sent, i) if cue else None
        if found is None:
            i += 1
            continue
        k, start = found
        # a name the NER calls a person is an employer only after "at", "joined" ...:
        # "the resignation of Donald Regan" names a man
        person_ok = w in ("at", "such") or including or any(doc[d].lower_ in _ORG_NOUNS for d in range(k, start)) or (
            w == "from" and _arrives_before(doc, sent.start, i))  # "joins Mitiga from Deepwatch"
        _add_runs(doc, sent, start, person_ok, school_tokens, out)
        i = max(i + 1, out[-1].end if out else i + 1, start + 1)
    return out


def _name_after_cue(doc: Doc, sent: Span, i: int) -> tuple[int, int] | None:
    """Where a name starts after the cue at token ``i``: past "as" of "such as", a determiner and up
    to three lower-case descriptors. Returns (the token after the determiner, the name's start)."""
    k = i + 1
    if doc[i].lower_ == "such":
        if k < sent.end and doc[k].lower_ == "as":
            k += 1
        else:
            return None
    if k < sent.end and doc[k].lower_ in ("the", "his", "her", "its", "their", "<"):
        k += 1  # "<" opens a Reuters company tag: "co-founder of <Mediflex Systems Corp>"
    # skip up to three lower-case descriptors: "at management consultants Arthur Andersen"
    m = k
    while m < sent.end and m - k < 3 and doc[m].is_lower and doc[m].is_alpha and doc[m].lower_ not in _NOT_DESCRIPTORS:
        m += 1
    if m < sent.end and (doc[m].text[:1].isupper() or doc[m].ent_type_ == "ORG" and doc[m].ent_iob_ == "B"):
        return k, m
    return None


def _add_runs(doc: Doc, sent: Span, start: int, person_ok: bool, school_tokens: set[int], out: list[Span]) -> None:
    """Add to ``out`` the capitalised run at ``start`` and the runs listed after it, unless they
    are in a school's segment (or a person's name where ``person_ok`` is false)."""
    run = _capitalized_run(doc, start, sent.end)
    in_school = run is not None and any(tok.i in school_tokens for tok in run)
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
        if n + 1 >= sent.end:
            break
        k = n + 1
        while doc[n].lower_ == "and" and k < min(sent.end, n + 3) and doc[k].pos_ == "ADV" and doc[k].is_lower:
            k += 1  # "Oracle, and most recently Veritas"
        if k < sent.end and doc[n].lower_ in ("and", ",", "as") and doc[k].text[:1].isupper():
            run = _capitalized_run(doc, k, sent.end)
        else:
            run = None


def _employer_name(view: DocView, sent: Span, span: Span, school_tokens: set[int], place_ok: bool = False) -> Span | None:
    """The employer a candidate run names (the organisation after a title, the unit a company
    owns, the name before a person's), or None when it names none. A name the NER calls a place
    is none, unless ``place_ok``."""
    doc = view.doc
    if _names_no_firm(view, span, school_tokens, place_ok):
        return None
    first = span.start
    held = view.title_at.get(first)
    if held is not None:
        # "Executive Vice President of Aramsco": the organisation after the title
        if held.end < span.end and doc[held.end].lower_ in ("of", "at", "for") and held.end + 1 < span.end:
            span = doc[held.end + 1:span.end]
            first = span.start
        else:
            return None
    if _function_before_its_firm(view, span, sent.end):
        return None  # "Director of Valuations and [Transaction Support] at Open Text": a function
    unit = _possessed_unit(doc, span, sent.end)
    if unit is not None:
        span, first = unit, unit.start  # "Marriott Corp's <MHS> Straw Hat Pizza unit": the unit
    if doc[first].lower_.rstrip(".") in _HONORIFICS or _acts_as_person(view, view.people.at(first)):
        return None  # a person, not an employer
    named = next((t.i for t in span if view.people.at(t.i) is not None), None)
    if named is not None and named > span.start:
        head = doc[span.start:named]
        if view.title_at.get(named - 1) is not None or all(t.lower_ in _RANKS or _title_word(t) for t in head if t.is_alpha):
            return None  # "Brigadier General Larry V. Lunt": a rank or title and a person
        span = head  # "Launch Services [Meghan Fletcher]": the name ends the run
    if fold(span.text) in _LEGAL_SUFFIXES:
        return None
    if len(span) > 2 and span[0].lower_ in _GENERIC_ORGS and span[1].text in ("'s", "’s"):
        return None  # "the Group's Executive Board": a body of the new employer
    if _is_school(span.text):
        return None
    if _modifies_a_noun(doc, span.end, sent.end):
        return None  # "the COVID-19 pandemic", "the Celgene 'Innovation Lab'"
    return span


def _function_before_its_firm(view: DocView, span: Span, limit: int) -> bool:
    """Is the run a post's function, with the firm named after it: "Director of Valuations and
    Transaction Support at Open Text", "Head of Sales for Orrin Bank", "Head of Cell Research (CR)
    at Orrin", "Dean for Student Affairs in the School of Design"? It follows a title's "of" or "for"
    (a few words back: "of Valuations and ...") and "at", "for", "with" or "in" and a name that is no
    place or date follow it (not "president of Acme in Boston")."""
    doc = view.doc
    k = span.end
    while k < limit and k - span.end < 6 and (doc[k].lower_ in ("and", "&", ",") or doc[k].text[:1].isupper()):
        if view.title_at.get(k) is not None:
            return False  # "CEO for FP Markets, GM for IC Markets": the next post, not more function
        k += 1  # "Valuations [and Transaction Support] at": the rest of the function
    if k + 2 < limit and doc[k].text == "(":
        close = next((m for m in range(k + 1, min(limit, k + 5)) if doc[m].text == ")"), None)
        k = close + 1 if close is not None else k  # "Cell Research (CR) at": its abbreviation
    if not (k + 1 < limit and doc[k].lower_ in ("at", "for", "with", "in")):
        return False
    nxt = doc[k + 2] if doc[k + 1].lower_ == "the" and k + 2 < limit else doc[k + 1]
    if not nxt.text[:1].isupper() or doc[k].lower_ == "in" and nxt.ent_type_ in _PLACES_AND_TIMES:
        return False
    of = next((i for i in range(span.start - 1, max(span.start - 6, -1), -1) if doc[i].lower_ in ("of", "for")), None)
    return of is not None and of > 0 and view.title_at.get(of - 1) is not None


#: What a name after "in" may be that leaves the name before it a firm ("president of Acme in Boston")
_PLACES_AND_TIMES = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"}


def _a_place(span: Span) -> bool:
    """Does the NER call the whole run a place, a date or a number ("Ohio", "2019"), with no word
    of a firm's in it ("Pellworth Advisory" is a firm)?"""
    ents = {tok.ent_type_ for tok in span}
    return ents <= {"GPE", "DATE", "NORP", "LOC", "CARDINAL", "MONEY", "PERCENT"} and "" not in ents and not any(
        fold(t.text) in _ORG_WORDS or t.lower_ in _ORG_NOUNS for t in span)


def _names_no_firm(view: DocView, span: Span, school_tokens: set[int], place_ok: bool = False) -> bool:
    """Does the run name no firm: a school, a place or date, a titled person, a function, an
    abbreviation the NER does not know, a credential after a name?"""
    doc = view.doc
    if any(tok.i in school_tokens for tok in span):
        return True
    if not place_ok and _a_place(span):
        return True  # places, dates
    first = span.start
    if first - 1 >= 0 and view.title_at.get(first - 1) is not None and doc[first - 1].text[:1].isupper():
        return True  # "President Emmanuel Macron": a titled person
    if view.title_at.get(first) is not None and _all_title_words(span) or any(t.lower_ in _FUNCTION_WORDS for t in span) and all(
        t.lower_ in _FUNCTION_WORDS or t.lower_ in _LINKS or _title_word(t) for t in span if t.is_alpha
    ):
        return True  # "Vice President for Business Development", "Nomination Committee": functions
    if len(span) <= 2 and all(t.lower_ in lexicon().departments or t.lower_ in lexicon().modifiers for t in span):
        return True  # "Business Development", "Corporate Strategy": a function, not a firm
    if len(span) == 1 and span[0].is_upper and len(span[0]) <= 5 and span[0].ent_type_ != "ORG":
        return True  # "OSINT", "OTC": an abbreviation the NER does not know as a company
    if len(span) == 1 and is_credential(span.text) and first >= 2 and doc[first - 1].text == "," \
            and view.people.at(first - 2) is not None:
        return True  # "Meghan Fletcher, CFE, was promoted": a credential after a name (not "Larry Lunt, USAF")
    return False


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
