"""The organisation of a government post: the ministry the text names, else the country."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..entities.titles import _title_word
from ..results import CharSpan
from ..text import doc_ents, is_upper_sentence
from ..view import DocView


_GOVERNMENT_HEADS = {"minister", "premier", "ambassador", "senator", "chancellor"}


def _government_post(title: Span) -> bool:
    """Ministers and cabinet secretaries ("justice secretary", "secretary for natural
    resources"), whose organisation is the country's government."""
    words = [t.lower_ for t in title]
    if any(w in _GOVERNMENT_HEADS for w in words) or words[:2] == ["prime", "minister"]:
        return True
    if "secretary" in words:
        i = words.index("secretary")
        return i > 0 and words[i - 1] not in ("corporate", "company", "general", "executive", "assistant", "the") or "for" in words[i:]
    return False


#: Words of a government title that do not name its field ("deputy minister of agriculture")
_NOT_A_FIELD = {"minister", "ministers", "secretary", "deputy", "acting", "interim", "first", "prime", "of", "for",
                "the", "and", "assistant", "under", "state", "junior", "senior", "new", "former", "vice"}


def _ministry(view: DocView, title: Span) -> CharSpan | None:
    """The ministry or department the text names for a government post: "Grain Products
    Minister" in "the country's Grain Products Ministry", "minister of agriculture" in "the
    Ministry of Agriculture", "treasury secretary" in "the Department of the Treasury"."""
    doc = view.doc
    field = [t.lower_ for t in title if t.is_alpha and t.lower_ not in _NOT_A_FIELD and t.lower_ not in _GOVERNMENT_HEADS]
    k = title.start
    while not field and k > 0 and title.start - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha and doc[k - 1].ent_type_ == "ORG":
        k -= 1  # "[Fisheries] Minister Ivan Popov": the NER took the field for a name
    if k < title.start:
        field = [t.lower_ for t in doc[k:title.start]]
    n = len(field)
    if not n or n > 4:
        return None
    words = {t.lower_ for t in title}
    bodies = ({"ministry"} if words & {"minister", "ministers", "premier"} else set()) | ({"department"} if "secretary" in words else set())
    bodies_at = doc.user_data.get("extractor.bodies")
    if bodies_at is None:  # where the text names a ministry or department, found once per doc
        bodies_at = doc.user_data["extractor.bodies"] = [t.i for t in doc if t.lower_ in ("ministry", "department") and t.is_title]
    for tok in (doc[i] for i in bodies_at):
        if tok.lower_ not in bodies:
            continue  # a minister's ministry, a secretary's department
        i = tok.i
        if i >= n and [t.lower_ for t in doc[i - n:i]] == field:
            span = doc[i - n:i + 1]  # "Grain Products Ministry"
            return CharSpan(span.text, span.start_char, span.end_char)
        k = i + 1
        if k < len(doc) and doc[k].lower_ in ("of", "for"):
            k += 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if [t.lower_ for t in doc[k:k + n]] == field:
                span = doc[i:k + n]  # "Ministry of Agriculture", "Department of the Treasury"
                return CharSpan(span.text, span.start_char, span.end_char)
    return None


_NOT_NATIONALITIES = {"moslem", "moslems", "muslim", "muslims", "christian", "christians", "catholic", "jewish",
                      "democrat", "democrats", "democratic", "republican", "republicans", "communist", "communists",
                      "socialist", "socialists", "sunni", "shiite", "shi", "protestant", "liberal", "liberals",
                      "conservative", "conservatives", "centrist", "centrists", "labour", "tory", "tories", "green"}

_NATIONALITY_ENDINGS = ("ish", "ese", "ian", "can", "ch", "ean", "ine")


def _country(view: DocView) -> CharSpan | None:
    """The first nationality or country the text names ("Philippine", "Kenya")."""
    # not an upper-case headline or dateline word, but "U.S.", "U.K." wherever they stand
    ents = [e for e in doc_ents(view.doc) if e.text[:1].isupper() and (not e.text.isupper() or re.fullmatch(r"(?:[A-Z]\.){2,3}", e.text) and (
        e.end < len(view.doc) and _title_word(view.doc[e.end]) or is_upper_sentence(e.sent)))]  # "U.S. ambassador", not "U.S. officials"
    for ent in ents:
        # a nationality ("Lebanese", "Finnish", "Brazilian"), not a faith or a party
        if ent.label_ != "NORP":
            continue
        # "Finnish Social Democrat": the nationality that opens a longer group
        word = ent[0] if len(ent) == 1 or ent[0].text.endswith(_NATIONALITY_ENDINGS) else None
        if word is not None and word.lower_ not in _NOT_NATIONALITIES and not word.lower_.endswith(("ists", "ites")):
            return CharSpan(word.text, word.idx, word.idx + len(word))
    doc = view.doc
    for ent in ents:
        before = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]]
        if ent.label_ == "GPE" and before[-1:] != ["to"] and before != ["to", "the"]:  # not "ambassador to Bulgaria"
            return CharSpan(ent.text, ent.start_char, ent.end_char)
    return None
