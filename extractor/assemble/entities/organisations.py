"""Organisation names: an entity cleaned into a name, a run of capitalised words, a public body."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ...components import lexicon
from ...dates import CLOCK
from ..text import _ent_at, _in_upper_sentence, fold
from ..trigger_words import headline_verbs, is_headline_verb
from ..words import _GENERIC_ORGS, _HONORIFICS, _JOIN_WORDS, _LEGAL_SUFFIXES, _STOP_CAPS, names_only_a_body
from .titles import _TITLE_ABBREVIATIONS, _all_title_words


_LOWER_LINKS = {"of", "for", "without", "de", "du", "des", "la", "le", "&", "-", "and", "y", "von", "van", "der"}


def _clean_org(span: Span) -> Span | None:
    """An organisation entity without "the" and trailing punctuation; None if it is not a name.

    Upper-case words of six letters or more come from headlines and datelines
    ("WILMINGTON", "RETIRE"), not from the organisation's name.
    """
    start, end = span.start, span.end
    doc = span.doc
    if start > 0 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ":" or _a_ticker(doc, start):
        return None  # "(OSE: FJELL)", "(NYSE: TKR)": a stock exchange and a ticker
    if fold(doc[start].text) in _SECURITY_CODES:
        return None  # "WKN 620840", "ISIN DE0006208408": a security's number
    if start > 0 and CLOCK.fullmatch(doc[start - 1].text):
        return None  # "14:32 BST": a time zone
    verb = next((t.i for t in span if is_headline_verb(t)), None)
    if verb is not None:
        # a headline the NER took in: "[Acme Names] Ann Lee ...", "[Ann Lee Joins Acme Group]":
        # the firm names before a verb that gives a post, and is named after "Joins"
        if verb == start or doc[verb].lower_ in _JOIN_WORDS:
            return _clean_org(doc[verb + 1:end]) if verb + 1 < end else None
        end = verb
    # the NER often cuts a name short: "Genex [Corp]", "Wertheim Schroder and [Co Inc]"
    k = start
    firm = fold(doc[end - 1].text) in _LEGAL_SUFFIXES  # "Wertheim Schroder and [Co Inc]"
    while k - 1 >= 0 and start - k < 5:
        prev = doc[k - 1]
        if prev.is_alpha and (prev.text[:1].isupper() or _camel_case(prev.text)) and (prev.ent_type_ in ("", "ORG") or firm and prev.ent_type_ == "PERSON") and prev.lower_ not in _STOP_CAPS and prev.lower_ not in headline_verbs() and (not prev.is_sent_start or firm and k < start):
            k -= 1
        elif prev.lower_ in ("and", "&") and k - 2 >= 0 and doc[k - 2].text[:1].isupper() and (
                doc[k - 2].ent_type_ in ("", "ORG") or firm and doc[k - 2].ent_type_ == "PERSON") and k < start + 1:
            k -= 1
        else:
            break
    if k < start and doc[k].lower_ not in ("and", "&"):
        start = k
    elif k < start:
        start = k + 1
    while start < end and (doc[start].lower_ in ("the", "a", "an", "former") or doc[start].text in ("<", "(", "-", "—", "–")):
        start += 1  # (and "Former UN": the UN)
    if start < end and doc[start].lower_.rstrip(".") in _HONORIFICS:
        return None  # "Mr. Kwon", "Dr. Balencic": a person
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", ">") or doc[end - 1].is_punct and doc[end - 1].text not in (".", "!")):
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    words = [fold(t.text).rstrip(".") for t in span if t.is_alpha or t.text.endswith(".")]
    if words and all(w in _LEGAL_SUFFIXES for w in words) and len(words) == len(span):
        # "Chevo Consulting, [LLC]": the name before the comma (a suffix alone names no one)
        k = start - 1
        if k < 1 or doc[k].text != "," or not doc[k - 1].text[:1].isupper():
            return None
        while k - 1 > 0 and start - k < 6 and doc[k - 2].text[:1].isupper() and doc[k - 2].is_alpha and not doc[k - 1].is_sent_start:
            k -= 1
        span = doc[k - 1:end]
    if "\n\n" in span.text or not any(t.text[:1].isupper() for t in span):
        return None
    if any(t.is_upper and t.is_alpha and len(t) >= 6 for t in span) and _in_upper_sentence(doc, span.start):
        return None
    if _all_title_words(span) or _names_a_post(span):
        return None  # "CFO", "EVP", "Digital & Transformation Officer", "Fractional CFO", "Director of Operations"
    if len(span) == 1 and fold(span.text) in _GENERIC_ORGS:
        return None  # "the Company"
    if names_only_a_body([t.lower_ for t in span]):
        return None  # "Advisory Board", "Management Board": a firm's body, named without the firm
    poss = next((t.i for t in span if t.text in ("'s", "’s")), None)
    if poss is not None and poss > span.start and names_only_a_body([t.lower_ for t in doc[poss + 1:span.end]]):
        span = doc[span.start:poss]  # "zenGate Global's Advisory Board": the firm whose body it is
    return _firm_of_its_body(span)


def _camel_case(word: str) -> bool:
    """A brand's word that opens in lower case ("zenGate", "eBay", "iCoreConnect")."""
    return word[:1].islower() and any(c.isupper() for c in word[1:])


#: Names of a security's number ("WKN 620840; ISIN DE0006208408")
_SECURITY_CODES = {"wkn", "isin", "cusip", "sedol", "lei", "valor"}


def _a_ticker(doc: Doc, start: int) -> bool:
    """Is the token at ``start`` a ticker after its exchange, in the brackets after a firm's name:
    "(OSE: FJELL)", "(TSX: “HBP”, OTC PINK: “HBP0”)"?"""
    k = start - 1
    while k >= 0 and doc[k].is_quote:
        k -= 1
    if k < 1 or doc[k].text != ":" or not doc[k - 1].text[:1].isupper():
        return False
    k -= 1
    while k >= 0 and start - k < 24 and (doc[k].is_upper or doc[k].is_quote or doc[k].text in (",", ":", ";")
                                         or doc[k].like_num):
        k -= 1
    return k >= 0 and doc[k].text == "("


def _firm_of_its_body(span: Span) -> Span:
    """ "Supervisory Board of TRATON", "Audit Committee of Helix Corp": the firm whose board or
    committee it is (not "Board of Governors of ...": a name that opens with the body's noun)."""
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is None or of - span.start < 2 or of + 1 >= span.end or span.doc[of - 1].lower_ not in ("board", "committee", "council"):
        return span
    firm = span.doc[of + 1:span.end]
    return firm if firm[0].text[:1].isupper() else span


def _names_a_post(span: Span) -> bool:
    """Does a name of two words or more name a post, not an organisation: does a title's head
    end it ("Fractional CFO", "Special Counsel", "Indiana State Chair"), or open it before "of"
    or "for" ("Director of Operations")? An organisation's name ends in its own noun (Corp,
    Bank, Foods, Partners); none of the organisations of our annotated corpora ends in a head."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2:
        return False
    heads, abbreviations = lexicon().heads, _TITLE_ABBREVIATIONS
    last, first = words[-1], words[0]
    return last.lower_ in heads or fold(last.text) in abbreviations or (
        (first.lower_ in heads or fold(first.text) in abbreviations) and words[1].lower_ in ("of", "for"))


#: Heads of the names of public bodies, which the NER may read as a place ("the United States
#: Claims Court")
_INSTITUTION_HEADS = _GENERIC_ORGS | {"court", "commission", "department", "administration", "council",
                                      "authority", "bureau", "institute", "reserve", "exchange"}


def _institution(doc: Doc, k: int) -> bool:
    """A place entity at token ``k`` that names a public body by its head word."""
    if doc[k].ent_type_ != "GPE":
        return False
    ent = _ent_at(doc, k)
    return ent is not None and ent[-1].text[:1].isupper() and ent[-1].lower_ in _INSTITUTION_HEADS


def _capitalized_run(doc: Doc, k: int, limit: int) -> Span | None:
    """A proper-name run starting at k: "Arthur Andersen", "MSF - Doctors without Borders", "En Marche!"."""
    if k < limit and not doc[k].text[:1].isupper() and doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ == "B":
        ent = _ent_at(doc, k)  # "20th Century Fox Film Corp": a name the NER found whole
        if ent is not None and ent.end <= limit and "\n" not in ent.text and len(ent) <= 8:
            return ent
    if k >= limit or not (doc[k].is_title or doc[k].is_upper or doc[k].text[:1].isupper()) or doc[k].lower_ in _STOP_CAPS:
        return None
    if k > 0 and doc[k - 1].text == "<":  # a Reuters company tag is one name: "<Toomay, Mathis and Associates Inc>"
        close = next((m for m in range(k + 1, min(limit, k + 12)) if doc[m].text in (">", "<") or "\n\n" in doc[m].text), None)
        if close is not None and doc[close].text == ">":
            return doc[k:close]
    j = k
    while j < limit:
        t = doc[j]
        if t.is_space:
            break
        if t.text[:1].isupper() or t.like_num and j > k:
            j += 1
            continue
        if t.lower_ in _LOWER_LINKS and t.lower_ != "and" and j + 1 < limit and doc[j + 1].text[:1].isupper():
            j += 1
            continue
        if t.text in ("!",) and not doc[j - 1].whitespace_:
            j += 1
            continue
        if t.text in (".",) and j > k and not doc[j - 1].whitespace_ and fold(doc[j - 1].text) in ("inc", "co", "corp", "ltd", "bros"):
            j += 1
            continue
        if t.text == "," and j + 1 < limit and fold(doc[j + 1].text) in _LEGAL_SUFFIXES:
            j += 1  # "Radial, Inc."
            continue
        break
    if j == k:
        return None
    # an organisation the NER found whole: "Coopers and Lybrand", "Woodhouse, Drake and Carey"
    if doc[k].ent_type_ == "ORG":
        ent = _ent_at(doc, k)
        if ent is not None and ent.end > j and ent.end <= limit:
            j = next((m for m in range(k + 1, ent.end - 1) if doc[m].text == "," and _all_title_words(doc[m + 1:m + 2])),
                     ent.end)  # "[Aramark, CIO of Velden Cruises]": the NER ran on into the next post
            while j > k + 1 and doc[j - 1].lower_ in ("and", "or", ","):
                j -= 1  # "International Paper and": the NER ran into the next name of a list
    while j > k and (doc[j - 1].text == ">" or doc[j - 1].is_space):
        j -= 1  # the end of a Reuters company tag, "<Shaw Venture Partners>"; a line break
    return doc[k:j]
