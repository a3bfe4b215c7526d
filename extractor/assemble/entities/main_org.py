"""The organisation a document is about: the subject announcing the news, else the one named most."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..names import _has_legal_suffix, _legal_suffix, _name_words, is_given_name, org_key
from ..results import CharSpan
from ..text import _ent_at, doc_ents, fold, headline_line, is_upper_sentence, sent_ents, token_texts
from ..trigger_words import triggers
from ..words import _JOIN_WORDS, is_credential
from .organisations import _clean_org
from .people import People, _listed_at
from .titles import _title_word


_ANNOUNCING = {
    "said", "says", "announced", "announces", "announce", "named", "names", "appointed", "appoints",
    "elected", "elects", "hired", "hires", "promoted", "promotes", "welcomed", "welcomes", "reported",
    "has", "have", "added", "adds", "accepted", "selected", "tapped", "confirmed", "confirms", "is",
}


def _subject_name(tok: Token) -> Span | None:
    """The proper-noun phrase headed by ``tok`` ("Medicen Paris Region", "Hytek Microsystems Inc")."""
    doc = tok.doc
    if tok.ent_type_ == "ORG":
        ent = _ent_at(doc, tok.i)
        return _clean_org(ent) if ent is not None else None
    if tok.ent_type_ == "PERSON" and _described_as_a_firm(tok):
        return doc[tok.i:tok.i + 1]
    if tok.ent_type_ in ("GPE", "DATE", "PERSON", "NORP", "LOC", "TIME", "CARDINAL"):
        return None
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and (child.pos_ == "PROPN" or child.text[:1].isupper()):
            left = min(left, child.left_edge.i)
    while left < tok.i and (doc[left].lower_ == "the" or doc[left].is_space):
        left += 1  # the parse may hang a blanked dateline on the name
    span = doc[left:tok.i + 1]
    if not all(t.text[:1].isupper() or t.text in ("&", "-", "'s") or t.like_num for t in span):
        return None
    return span


#: Words a title-case headline capitalises that end a firm's name after "Joins"
_HEADLINE_BREAKS = {"as", "to", "in", "with", "for", "from", "at", "on"}


def _up_to_a_verb(doc: Doc, start: int, end: int) -> int:
    """Where a headline's run of capitals from ``start`` meets another verb before ``end`` (or
    ``end``): "[Fortun] Reports Exponential Asset Growth, Names ..."."""
    return next((k for k in range(start + 1, end) if doc[k].pos_ in ("VERB", "AUX")), end)


def _distributor(span: Span) -> bool:
    """Is the name the wire service of a release's dateline, set in brackets or slashes before its
    dash: "(NEWMEDIAWIRE) -", "/PRNewswire/ --", "–(BUSINESS WIRE)–"?"""
    doc = span.doc
    if span.start == 0 or span.end + 1 >= len(doc):
        return False
    pair = (doc[span.start - 1].text, doc[span.end].text)
    return pair in (("(", ")"), ("/", "/")) and doc[span.end + 1].text.strip("-–—") == "" and doc[span.end + 1].text != ""


def _short_upper(span: Span) -> bool:
    return len(span) == 1 and len(span.text) <= 4 and span.text.isupper()


def _described_as_a_firm(tok: Token) -> bool:
    """ "Zingly.ai, a leading innovator in ..., announced": a one-word name (no given name) the
    NER took for a person, described by an appositive as releases describe their firm."""
    doc = tok.doc
    if tok.ent_iob_ != "B" or tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I" or is_given_name(fold(tok.text)):
        return False
    return any(c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children)
               for c in tok.children)


def _headline_org(doc: Doc, sents: list[Span]) -> Span | None:
    """ "# SomosVC Appoints José Piñero as ...": the name before the headline's verb; after it
    when the verb joins the firm ("# Senator Carl Biggs Joins Ridgeway Partners"). Only a name
    the body repeats: a headline's run of capitalised words may hold more than the firm ("Company
    Gets Added ..., Names", "PickleJar Strengthens Executive Team With Key Hires")."""
    lex = triggers()
    for sent in sents:
        if is_upper_sentence(sent) or not headline_line(sent):
            continue
        for tok in sent:
            if tok.lower_ in lex.appoint or tok.lower_ in lex.promote or tok.lower_ in lex.depart:
                if tok.lower_ in _JOIN_WORDS:
                    end = tok.i + 1
                    while end < sent.end and (doc[end].text[:1].isupper() or doc[end].text in (".", "&", "-")) \
                            and doc[end].lower_ not in _HEADLINE_BREAKS:
                        end += 1  # (title case capitalises "As": "Joins Benchmark Strategies As Senior ...")
                    span = _clean_org(doc[tok.i + 1:end]) if end > tok.i + 1 else None
                    return span if span is not None and _named_again(doc, span, sent) else None
                start = tok.i
                while start - 1 >= sent.start and doc[start - 1].text[:1].isupper() or start - 1 >= sent.start and doc[start - 1].text in (".", "&", "-"):
                    start -= 1
                end = _up_to_a_verb(doc, start, tok.i)  # "[Acme] Is Expanding, Appoints"
                if start < end and doc[start].lower_ not in ("former", "ex"):  # (a past employer: "Former
                    # Cisco Systems COO Maria Martinez Appointed to ...")
                    span = _clean_org(doc[start:end])
                    if span is not None and _named_again(doc, span, sent) and not is_credential(span.text):
                        return span  # (not "Thomas Lee, MD, [MBA] Named ...")
                break
    return None


def _named_again(doc: Doc, span: Span, headline: Span) -> bool:
    """Does the text after the headline name the firm again (its first two words at least, as in
    "Ashgrove Pemberton LLP" for "Ashgrove Pemberton Partners"), if there is such a text?"""
    body = doc.text[headline.end_char:]
    if not any(c.isalpha() for c in body):
        return True  # a headline alone
    return span.text in body or len(span) > 2 and f"{span[0].text} {span[1].text} " in body


def _listed_firm(doc: Doc, sents: list[Span]) -> Span | None:
    """The first name the opening sentences give with its exchange and ticker: "Atlas Lithium
    (NASDAQ: ATLX) Announces ...", whatever the NER took it for."""
    texts = token_texts(doc)
    for sent in sents:
        for i in range(sent.start + 1, sent.end):
            if _listed_at(texts, i):
                k = i
                while k - 1 >= sent.start and i - k < 5 and (
                        texts[k - 1][:1].isupper() and texts[k - 1].isalpha() or texts[k - 1] in ("&", "-")):
                    k -= 1
                span = _clean_org(doc[k:i]) if k < i else None
                if span is not None:
                    return span
    return None


def _main_org(doc: Doc, sents: list[Span], people: "People") -> CharSpan | None:
    """The organisation the document is about: the subject announcing the news in the
    body ("Hytek Microsystems Inc said ...", "Medicen Paris Region ... today announces"),
    else the organisation named most often."""
    counts: dict[frozenset[str], list[Span]] = {}
    subject = None
    body = [s for s in sents if not is_upper_sentence(s)]
    for sent in body:
        for ent in sent_ents(sent):
            if ent.label_ != "ORG":
                continue
            span = _clean_org(ent)
            if span is None or people.at(span.start) is not None or people.is_surname(span.text) or _distributor(span) \
                    or is_credential(span.text):
                continue
            if headline_line(sent):
                # a headline's capitals may run a firm into its news: "[Fortun] Reports Exponential Asset"
                end = _up_to_a_verb(doc, span.start, span.end)
                span = _clean_org(doc[span.start:end]) if end < span.end else span
                if span is None:
                    continue
            counts.setdefault(org_key(span.text), []).append(span)
    lex = triggers()
    changes = lex.appoint | lex.depart | lex.promote
    for sent in body[:6]:
        for tok in sent:
            # "Hytek Microsystems Inc said", "Stellaris Payments has dismissed its chief executive"
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lower_ in _ANNOUNCING or tok.dep_ == "nsubj" and tok.head.lower_ in changes and any(
                    c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or _title_word(c)) for c in tok.head.children)) \
                    and tok.pos_ == "PROPN":
                span = _subject_name(tok)
                if span is not None and _clean_org(span) is not None and (people.at(span.start) is None or _described_as_a_firm(tok)) \
                        and not people.is_surname(span.text):
                    subject = span
                    break
        if subject is not None:
            break
    headline = _headline_org(doc, sents[:4])
    if headline is not None and (not people.taken_for_a_firm(headline) or any(
            e.label_ == "ORG" and e.start > headline.end and e.text == headline.text for e in doc_ents(doc))):
        subject = headline  # (the NER's "person" is the firm when the body names it as one)
    if subject is None:
        subject = _listed_firm(doc, sents[:6])
    if subject is not None:
        key = org_key(subject.text)
        named = counts.get(key, []) + [subject]
        # the body's legal name for a headline's form ("Ashgrove Pemberton Partners Elect ...":
        # "The partners of Ashgrove Pemberton LLP have elected")
        head = fold(subject.text).split()[:1]
        # (not "Pacific Harbor Bank Corp" for "Harbor Bank", nor "Northwind Health Insurance Co." for "Northwind Health")
        legal = [s for k, spans in counts.items() if len(k & key) >= 2 and _name_words(k) <= key for s in spans
                 if _has_legal_suffix(s) and fold(s.text).split()[:1] == head]
        for sent in body[:6] if not legal else ():
            for t in sent:  # a legal name the NER did not take for an organisation
                if _legal_suffix(t.text) and t.i > sent.start and t.text[:1].isupper():
                    k = t.i
                    while k - 1 >= sent.start and t.i - k < 4 and doc[k - 1].is_title and doc[k - 1].is_alpha:
                        k -= 1
                    name = org_key(doc[k:t.i + 1].text)
                    if k < t.i and len(name & key) >= 2 and _name_words(name) <= key and fold(doc[k].text) == (head or [""])[0]:
                        legal.append(doc[k:t.i + 1])
        if legal and not any(_has_legal_suffix(s) for s in named):
            named = legal
        best = max(named, key=lambda s: len(s.text))
        return CharSpan(best.text, best.start_char, best.end_char)
    if counts:
        # (a short upper-case word is more often a field's than the firm's: "AI", "EV", "GTM")
        # (a tie goes to the name the text writes most, whatever the NER made of it elsewhere)
        text = doc.text  # (joined anew at each read)
        spans = max(counts.values(), key=lambda named: (not _short_upper(named[0]), len(named), text.count(named[0].text)))
        best = max(spans, key=lambda s: len(s.text))
        return CharSpan(best.text, best.start_char, best.end_char)
    return None
