"""Attaching the organisation to a record (rule 4 of the package): named in the title, owning it,
the subject announcing the move, a unit named before, the organisation left "from".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...components import lexicon
from ..constructions.appositions import _appositive_end
from ..entities.organisations import _capitalized_run, _clean_org, _institution
from ..entities.titles import _all_title_words, _finder, _title_word
from ..names import org_key, same_org
from ..results import CharSpan
from ..text import _ent_at, doc_ents, fold, sent_ents
from ..trigger_words import triggers
from ..view import DocView
from ..words import _GENERIC_ORGS, _LEGAL_SUFFIXES, _ORG_NOUNS
from .government import _country, _government_post, _ministry


#: Words many unrelated organisations share ("Chase Manhattan Bank", "Chemical Bank")
_GENERIC_NAME_WORDS = {"bank", "american", "national", "international", "first", "general", "united", "financial",
                       "capital", "partners", "systems", "industries", "trust", "savings", "insurance", "energy",
                       "group", "holdings", "services", "corporation", "company", "associates", "federal", "state",
                       "north", "south", "east", "west", "western", "eastern", "pacific", "atlantic", "new", "york",
                       "global", "technologies", "technology", "airlines", "express", "securities", "investment"}


def _same_group(view: DocView, held: CharSpan, new: CharSpan) -> bool:
    """Is a post held at ``held`` inside the group of the new one at ``new``: the same
    organisation, names sharing a word ("Nabisco Brands" and "RJR Nabisco Inc"), or the
    announcing organisation and one of its units ("president of Hartmarx" to head "its
    Jaymar-Ruby Inc subsidiary")?"""
    if same_org(held.text, new.text):
        return True
    if {w for w in org_key(held.text) if len(w) >= 4 and w not in _GENERIC_NAME_WORDS} & org_key(new.text):
        return True
    if view.main_org is None:
        return False
    if same_org(held.text, view.main_org.text):
        unit = new  # from the parent to one of its units
    elif same_org(new.text, view.main_org.text):
        unit = held  # "president of its Delta Leasing unit" to vice chairman of the parent
    else:
        return False
    doc = view.doc
    text = doc.text  # spaCy joins every token for each read: once, not once a mention
    name = unit.text.rstrip(".")
    at = text.find(name)
    while at >= 0:  # anywhere the text names it: "its Jaymar-Ruby Inc subsidiary"
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None and (span.start > 0 and doc[span.start - 1].lower_ == "its"
                                 or span.end < len(doc) and doc[span.end].lower_ in lexicon().unit_words):
            return True
        at = text.find(name, at + 1)
    return False


def _and_its_unit(view: DocView, org: CharSpan | None, sent: Span) -> CharSpan | None:
    """ "<org> and its <Name> unit/subsidiary": the unit, which the role also covers."""
    if org is None:
        return None
    doc = view.doc
    span = doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None or not (sent.start <= span.start < sent.end):
        return None
    k = span.end
    if k + 2 < sent.end and doc[k].lower_ == "and" and doc[k + 1].lower_ == "its":
        run = _capitalized_run(doc, k + 2, sent.end)
        if run is not None and run.end < sent.end and doc[run.end].lower_ in ("unit", "subsidiary", "division", "affiliate"):
            unit = _clean_org(run)
            if unit is not None:
                return CharSpan(unit.text, unit.start_char, unit.end_char)
    return None


def _split_title(title: Span) -> list[Span]:
    """Cut "X of A and Y of B" into its roles, one per organisation; other titles stay whole.

    Only a conjunction that follows an "of ..." part and starts a new role splits.
    """
    doc = title.doc
    finder = _finder()
    parts: list[Span] = []
    start = title.start
    seen_of = False
    i = title.start
    while i < title.end:
        tok = doc[i]
        if tok.lower_ in ("of", "for") and i > start:
            seen_of = True
        elif seen_of and tok.lower_ in ("and", "&") and i + 1 < title.end:
            nxt = i + 1
            if finder._role_run(doc, nxt, conjoined=True) is not None:
                end = i - 1 if doc[i - 1].text == "," else i
                parts.append(doc[start:end])
                start, seen_of = nxt, False
                i = nxt
                continue
        i += 1
    if not parts:
        return [title]
    parts.append(doc[start:title.end])
    # the last role must name an organisation of its own ("... of its Central Trust unit")
    last = parts[-1]
    of = next((t.i for t in last if t.lower_ in ("of", "for")), None)
    units = lexicon().unit_words - {"board", "committee", "staff", "office"}
    named = doc[of + 1:last.end] if of is not None else doc[0:0]
    if of is None and _names_the_firm(parts[0]) and title.end + 1 < len(doc) \
            and doc[title.end].lower_ in ("of", "at"):
        # "director of the company and president of Kierulff, its largest division": the
        # organisation of the last role follows the title
        k = title.end + 1
        while k < len(doc) and doc[k].lower_ in ("the", "its", "<"):
            k += 1
        if k >= len(doc):
            return [title]
        run = _capitalized_run(doc, k, min(len(doc), k + 8)) if doc[k].ent_type_ != "ORG" else _ent_at(doc, k)
        if run is None or _clean_org(run) is None or _all_title_words(run):
            return [title]
        return [p for p in parts if len(p)]
    if of is None or not any(t.ent_type_ == "ORG" or t.lower_ in units for t in named) and not (
        len(named) and named[0].text[:1].isupper() and named[0].lower_ not in ("the", "its")
    ):
        return [title]
    return [p for p in parts if len(p)]


def _names_the_firm(part: Span) -> bool:
    """ "director of the company", "president of Acme Corp": a role whose "of" part is an
    organisation, not a function ("vice president of finance")."""
    of = next((t.i for t in part if t.lower_ in ("of", "at")), None)
    if of is None or of + 1 >= part.end:
        return False
    rest = part.doc[of + 1:part.end]
    if rest[0].lower_ in ("the", "its") and len(rest) == 2 and rest[1].lower_ in _GENERIC_ORGS - {"board"}:
        return True  # (not "chairman of the board and chief executive of Acme": one firm's board)
    return all(t.ent_type_ == "ORG" for t in rest if t.lower_ not in ("the", "its"))


def _org_for_title(view: DocView, title: Span, sent: Span) -> CharSpan | None:
    """The organisation a title belongs to, when the sentence says it."""
    doc = view.doc
    # "chairman of the company's subsidiary, NL Chemicals": the unit named after the title
    if title[-1].lower_ in lexicon().unit_words and title.end + 1 < sent.end and doc[title.end].text == ",":
        k = title.end + 1
        if doc[k].ent_type_ == "ORG":
            ent = _ent_at(doc, k)
            span = _clean_org(ent) if ent is not None else None
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    # "president of the unit": the unit named earlier ("its beer subsidiary, Anheuser-Busch Inc")
    det = len(title) - 2
    while det > 0 and title[det].lower_ in _NEWLY:
        det -= 1  # "of the new affiliate", "of the newly formed unit"
    if len(title) >= 3 and title[-1].lower_ in _UNIT_NOUNS and det >= 1 and title[det].lower_ in ("the", "its") \
            and title[det - 1].lower_ == "of":
        unit = _unit_named_before(view, title.start, title[-1].lower_)
        if unit is not None:
            return unit
    # "president of its Britt Airways unit": the unit, when named (not a word of the post:
    # "Chief AI Officer", "Head of US Operations")
    for tok in title:
        if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B":
            ent = _ent_at(doc, tok.i)
            span = _clean_org(ent) if ent is not None else None
            if span is not None and span.end <= title.end and not (
                    span.end < title.end and _title_word(doc[span.end]) and doc[span.end].lower_ not in lexicon().unit_words) \
                    and not (span.start > title.start and _a_function_of_the_firm(view, doc[span.start - 1], span)):
                return CharSpan(span.text, span.start_char, span.end_char)
    # "president of Costa Rica's central bank": a unit named through its place
    of = next((t.i for t in title if t.lower_ == "of"), None)
    if of is not None and any(t.ent_type_ in ("GPE", "NORP") for t in doc[of + 1:title.end]):
        k = of + 1
        while k < title.end and doc[k].lower_ in ("the", "its", "a"):
            k += 1
        if k < title.end:
            part = doc[k:title.end]
            return CharSpan(part.text, part.start_char, part.end_char)
    # "agriculture secretary", "foreign minister": a government post, in its ministry when the
    # text names it, else the country's government
    if _government_post(title):
        ministry = _ministry(view, title)
        if ministry is not None:
            return ministry
        country = _country(view)
        if country is not None:
            return country
    # "president of Fil-Mor Express Inc", "CEO at Acme"
    j = title.end
    if j < sent.end and doc[j].lower_ in ("of", "at", "for", "with"):
        k = j + 1
        while k < sent.end and doc[k].lower_ in ("the", "<"):
            k += 1
        if k < sent.end and (doc[k].ent_type_ == "ORG" or _institution(doc, k)):
            ent = _ent_at(doc, k)
            if ent is not None:
                span = _clean_org(ent)
                if span is not None and not _a_function_of_the_firm(view, doc[j], span):
                    return CharSpan(span.text, span.start_char, span.end_char)
        elif k < sent.end and doc[k].ent_type_ in ("", "ORG", "PERSON") and view.people.at(k) is None:
            # a name the NER left unlabelled: "president of Industrial Motion" (or took for a person
            # that the people's registry turned down: "Redmoor Plc")
            run = _capitalized_run(doc, k, sent.end)
            if run is not None and _clean_org(run) is not None and not _all_title_words(run):
                span = _clean_org(run)
                if not _a_function_of_the_firm(view, doc[j], span):
                    return CharSpan(span.text, span.start_char, span.end_char)
    # "Hytek's vice president", "Midcon senior vice president"
    k = title.start - 1
    if k >= sent.start and doc[k].text in ("'s", "’s"):
        k -= 1
    if k >= sent.start and doc[k].ent_type_ == "ORG":
        ent = _ent_at(doc, k)
        if ent is not None and ent.end <= title.start:  # (not "NIL" of "its NIL Advisory Board")
            span = _clean_org(ent)
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    return None


#: Last words that make a name after "of" a firm's or a body's, not a function's ("Director of
#: Exploration" is a post, "president of Orchard Bank" one at a bank)
_FIRM_WORDS = _LEGAL_SUFFIXES | {
    "company", "bank", "university", "college", "school", "foundation", "institute", "association", "society",
    "council", "commission", "agency", "fund", "partners", "holdings", "ventures", "airlines", "airways",
    "bancorp", "trust", "labs", "laboratories", "hospital", "club", "league", "federation", "union", "museum",
    "center", "centre", "group", "corporation", "incorporated", "limited", "associates", "authority", "reserve",
    "board", "committee", "ministry", "department", "office", "administration", "bureau", "court", "house",
    "senate", "congress", "parliament", "government", "party", "army", "navy", "police", "organization",
    "organisation", "motors", "bancorporation", "pharmaceuticals", "therapeutics", "petroleum", "media",
}


def _a_function_of_the_firm(view: DocView, prep: Token, span: Span) -> bool:
    """Is the capitalised name after a title's "of" or "for" a function of the document's firm,
    not an organisation ("Vice President of Franchise Sales", "Head of Origination")? It is when
    the document has a firm of its own, the name ends in no firm's word (Inc, Bank, Partners),
    and the text names it nowhere but after "of" or "for" (the headline's post and the body's): a
    firm the post is at is named on its own too ("joins from", "About ..."), a function only in
    the post."""
    main = view.main_org
    if prep.lower_ not in ("of", "for") or main is None or same_org(main.text, span.text):
        return False
    if fold(span[-1].text).rstrip(".") in _FIRM_WORDS or len(span) == 1 and span[0].is_upper:
        return False  # (an acronym is a firm's short name: "CEO of NEA")
    if any(t.lower_ in ("for", "at", "of") for t in span):
        return False  # "Business Development for AMP Media": the firm is in it
    if span.start > 0 and view.doc[span.start - 1].text == "<":
        return False  # "<Birchwood Systems>": the wire's mark of a company
    text = view.doc.text
    return not any(not re.search(r"\b(?:of|for)(?: the)?\s*$", text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
                   and not _after_a_post(view, m.start()) for m in re.finditer(re.escape(span.text), text))


def _after_a_post(view: DocView, at: int) -> bool:
    """Does a post and a comma come right before the text at char ``at`` ("Chief Architect,
    Strategic Financing at CoreWeave": the function again, after its post)?"""
    doc = view.doc
    tok = doc.char_span(at, at + 1, alignment_mode="expand")
    i = tok.start if tok is not None else None
    return i is not None and i >= 2 and doc[i - 1].text == "," and view.title_at.get(i - 2) is not None


#: Words that point back at a unit named before ("president of the unit"); not "board" or "bank"
_UNIT_NOUNS = {"unit", "subsidiary", "division", "affiliate", "arm"}

#: Words between "the" and such a unit noun that still point back ("the new affiliate")
_NEWLY = {"new", "newly", "formed", "created", "combined"}


def _unit_named_before(view: DocView, before: int, noun: str | None = None) -> CharSpan | None:
    """The last unit the text named before token ``before``: "its beer subsidiary,
    Anheuser-Busch Inc", "its Britt Airways unit" ("unit" and "subsidiary" refer to either);
    with ``noun``, the last one named with that noun first ("the new affiliate": the one named
    an affiliate, not "the Mobil Corp subsidiary")."""
    doc = view.doc
    found = same_noun = None
    for ent in doc_ents(doc):
        if ent.start >= before:
            break
        if ent.label_ != "ORG":
            continue
        if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in _UNIT_NOUNS:
            called = doc[ent.start - 2].lower_
        elif ent.end < len(doc) and doc[ent.end].lower_ in _UNIT_NOUNS:
            called = doc[ent.end].lower_
        else:
            continue
        span = _clean_org(ent)
        if span is not None:
            found = CharSpan(span.text, span.start_char, span.end_char)
            if called == noun:
                same_noun = found
    # "the new affiliate": the unit named an affiliate, before any other kind of unit
    return same_noun or found


def _left_from(view: DocView, sent: Span, after: int) -> CharSpan | None:
    """The organisation a departure names after "from" ("resigned from Beta Inc", "his
    retirement from the Pentagon"), after token ``after``, the person's end."""
    doc = view.doc
    depart = triggers().depart
    for tok in doc[after:sent.end - 2]:
        if tok.lower_ in ("who", "which", ";") or tok.ent_type_ == "PERSON" or view.people.at(tok.i) is not None:
            return None  # "X, who retired from Beta Inc in 2019, resigned": another clause or person
        if tok.lower_ not in depart:
            continue
        if doc[tok.i + 1].lower_ != "from":
            return None  # only the first departure word after the person
        k = tok.i + 2
        if doc[k].lower_ == "the" and k + 1 < sent.end:
            k += 1
        if doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ == "B":
            ent = _ent_at(doc, k)
            span = _clean_org(ent) if ent is not None else None
            if span is not None and span.end <= sent.end:
                return CharSpan(span.text, span.start_char, span.end_char)
        return None
    return None


def _named_by_title(org: CharSpan, title: Span) -> bool:
    """Does ``org`` stand in or right after the title ("president of Acme Corp")?"""
    return title.start_char <= org.start < title.end_char + 40


def _subject_org(view: DocView, sent: Span, before: int) -> CharSpan | None:
    """ "Foo Inc said it named ...", "Foo Inc has appointed ...": the announcing organisation."""
    doc = view.doc
    for ent in sent_ents(sent):
        if ent.label_ != "ORG" or ent.start >= before:
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is None:
            continue
        if nxt.lower_ in ("said", "says", "announced", "announces", "has", "have", "named", "names", "appointed",
                           "appoints", "elected", "elects", "hired", "hires", "promoted", "promotes", "today",
                           "also", "board", "'s", "’s", "welcomed", "welcomes") or nxt.text == "," and _looks_like_said(doc, ent.end, sent.end):
            span = _clean_org(ent)
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    return None


def _looks_like_said(doc: Doc, i: int, limit: int) -> bool:
    """"MidCon Corp, a unit of Occidental Petroleum Corp, said": an appositive then "said"."""
    end = _appositive_end(doc, i, limit)
    return end is not None and end < limit and doc[end].lower_ in ("said", "announced", "has", "named", "appointed", "today")


def _unnamed_firm_after(doc: Doc, j: int, limit: int) -> bool:
    """Does a firm the text does not name follow the title ending at j ("president of a privately
    held software company", not "of a newly formed subsidiary, Acme Leasing Corp" nor "at a
    special meeting")?"""
    if j + 1 >= limit or doc[j].lower_ not in ("of", "at", "with") or doc[j + 1].lower_ not in ("a", "an", "another"):
        return False
    for k in range(j + 2, min(limit, j + 8)):
        tok = doc[k]
        if tok.text[:1].isupper() or tok.is_punct or tok.pos_ not in ("ADJ", "ADV", "NOUN", "VERB") or tok.pos_ == "VERB" and tok.tag_ not in ("VBN", "VBG"):
            return False  # not "with a mandate to expand the company"
        if tok.lower_ in _ORG_NOUNS:
            nxt = doc[k + 1] if k + 1 < limit else None
            return nxt is None or not (nxt.text == "," and k + 2 < limit and doc[k + 2].text[:1].isupper() or nxt.text[:1].isupper())
    return False
