"""Names the NER missed or cut, recognised by where they stand ("Chairman W.H. Knoell",
"named Arden Engebretsen as ...", "Laurent [Béguin]").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...components import lexicon
from ..names import is_given_name
from ..text import fold, opens_a_line, token_texts
from ..trigger_words import triggers
from ..words import _DAY_AND_MONTH_NAMES, _HONORIFICS, _JOIN_WORDS, _ORG_WORDS, _RANKS, _STOP_CAPS
from .titles import _title_word


# (Latin letters with accents too: "Ibáñez", "Wiśniewska", "Nygård")
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f"

_NAME_PART = re.compile(rf"^(?:[{_UPPER}][{_LOWER}'’\-]+(?:-[{_UPPER}][{_LOWER}]+)?|[A-Z]\.(?:[A-Z]\.)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O'[A-Z][a-z]+|Jr\.?|Sr\.?|II|III|IV|de|von|van|der|da|di|la|le)$")


def _joined_at_saint(spans: list[Span]) -> list[Span]:
    """Names the NER cuts at "St." joined back: "[Graham St.] [John Whitby]"."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end == span.start and out[-1][-1].text in ("St.", "St") and len(out[-1]) > 1:
            out[-1] = span.doc[out[-1].start:span.end]
        else:
            out.append(span)
    return out


def _runs_past(doc: Doc, i: int, j: int, title_at: dict[int, Span]) -> bool:
    """Does the entity starting at i run past j into more than a title ("names [Rafael Quiñones
    General Counsel]" is a name and a title, "[Marsh Lane Capital]" one firm)?"""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1  # the entity's end, found from its tokens (not a walk over every entity)
    if end <= j:
        return False
    return not all(t.is_space or t.i in title_at for t in doc[j:end])


def _left_out_first_name(tok: Token) -> bool:
    """Is ``tok``, right before a one-word person, a first name the NER left out? A capitalised
    proper noun outside any entity, after no other capitalised word ("Laurent [Béguin]"), that is
    no title, rank, honorific, month or organisation word."""
    doc = tok.doc
    if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title or not tok.is_alpha or len(tok) < 3:
        return False
    low = tok.lower_
    if low in _STOP_CAPS or low in _RANKS or low in _HONORIFICS or low in _DAY_AND_MONTH_NAMES or fold(tok.text) in _ORG_WORDS:
        return False
    lex = triggers()
    if _title_word(tok) or low in lex.appoint or low in lex.depart or low in lex.promote or low in lex.succeed:
        return False  # "(3) Retirement [Takeshi Onoda]": a heading run into the line
    return tok.i == 0 or not doc[tok.i - 1].text[:1].isupper() or doc[tok.i - 1].is_space


def _names_by_context(doc: Doc, title_at: dict[int, Span]) -> list[Span]:
    """Names the NER missed, recognised by where they stand: "Chairman W.H. Knoell",
    "named Arden Engebretsen as ...", "August Busch III, chairman of ...".

    A run of two to four name-shaped words (capitalised words, initials, Jr/III) that
    holds no organisation word and is not an entity already, preceded by a title or an
    appointment verb, or followed by "as" + title or ", " + title (or, opening a line, a dash and a title).
    """
    lex = triggers()
    out: list[Span] = []
    n = len(doc)
    i = 0
    texts = token_texts(doc)
    while i < n:
        if not texts[i][:1].isupper() or not _NAME_PART.match(texts[i]):
            i += 1
            continue
        tok = doc[i]
        if tok.ent_type_ in ("PERSON",) or not _NAME_PART.match(tok.text) or tok.lower_ in _STOP_CAPS or tok.lower_ in _RANKS or not tok.text[:1].isupper() or tok.is_sent_start and tok.pos_ != "PROPN":
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and _NAME_PART.match(doc[j].text) and doc[j].ent_type_ in ("", "ORG", "GPE", "LOC", "NORP", "LAW", "PRODUCT", "WORK_OF_ART", "FAC") and not doc[j].is_space and (j == i or not doc[j - 1].whitespace_ == "" or doc[j - 1].text.endswith(".")):
            if doc[j].lower_ in _STOP_CAPS or doc[j].lower_ in _RANKS or fold(doc[j].text) in _ORG_WORDS or title_at.get(doc[j].i) is not None:
                break
            j += 1
            # a hyphenated surname is one part: "Vasquez-Trent"
            if j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and _NAME_PART.match(doc[j + 1].text):
                j += 2
        while j > i and doc[j - 1].text in ("de", "von", "van", "der", "da", "di", "la", "le"):
            j -= 1
        words = [t for t in doc[i:j] if t.text[:1].isupper()]
        if words and (re.fullmatch(r"(?:[A-Z]\.)+", words[-1].text) or all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in words)
                      and not is_given_name(fold(words[0].text))):
            words = []  # "Shad U.S.", "Los Angeles", "Sunni Moslem" (not "Beverly Ahn")
        if words and _post_word(words[0]):
            words = []  # "its newly appointed [Global Artistic] Director": a post's words, no name
        if len(words) < 2 or any(t.ent_type_ == "ORG" and t.ent_iob_ == "B" and _runs_past(doc, t.i, j, title_at) for t in doc[i:j]):
            i = max(j, i + 1)
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[j] if j < n else None
        after2 = doc[j + 1] if j + 1 < n else None
        before2 = doc[i - 2] if i > 1 else None
        change_of = before is not None and before.lower_ == "of" and before2 is not None and before2.lower_ in _CHANGE_NOUNS \
            and after is not None and (after.lower_ == "as" or after.lower_ == "to" and after2 is not None
                                       and title_at.get(after2.i) is not None)
        if before is not None and (before.lower_ in ("of", "at", "for", "with", "from", "by") or before.lower_ in _JOIN_WORDS) \
                and not change_of:
            i = max(j, i + 1)
            continue  # "CCO of Colony Hardware, Executive Vice President of Aramsco", "joined Ballast Lane Private Wealth as": firms
        ok = (
            before is not None and (title_at.get(before.i) is not None and before.text[:1].isupper() or before.lower_ in lex.appoint or before.lower_ in lex.promote)
            # "its chief technology officer, Benedikt Aurich, will leave"
            or before is not None and before.text == "," and before2 is not None and title_at.get(before2.i) is not None
            and after is not None and after.text == ","
            or after is not None and after.lower_ == "as" and after2 is not None and (title_at.get(after2.i) is not None or after2.lower_ in ("its", "the", "a", "an", "new", "interim", "acting"))
            or after is not None and after.text == "," and after2 is not None and (
                title_at.get(after2.i) is not None
                # "Beverly Ahn, its controller, will replace ...": the NER took her for a place
                or after2.lower_ in ("its", "the") and j + 2 < n and title_at.get(j + 2) is not None
                and title_at[j + 2].start == j + 2 and is_given_name(fold(words[0].text)))
            # "* Marcus Ilves – Head of Investor Relations": a list item, the name and its post after a dash
            or after is not None and after.text in ("–", "—", "-") and after2 is not None and title_at.get(after2.i) is not None
            and opens_a_line(doc, i)
            # "the promotion of Kristie Vale to Director"
            or change_of and after.lower_ == "to"
            # "Winthrop Sargent IV has been named president": the subject of a passive appointment
            or _passive_change_follows(doc, j, lex)
            # "Troy Dale has joined the firm as a Wealth Advisor": who joins as a post
            or _joins_as_follows(doc, j, title_at)
            # "Beverly Ahn will replace John Voight as ...": the subject of a succession
            or _succession_follows(doc, j, lex)
        )
        if ok:
            out.append(doc[i:j])
        i = max(j, i + 1)
    return out


def _post_word(tok: Token) -> bool:
    """Is the word one that opens a post ("Global", "Senior", "Marketing"): a title's modifier or
    a department's word? None of the people of our annotated corpora has one for a first name."""
    w = tok.lower_
    return w in lexicon().modifiers or _department_word(w)


def _department_word(w: str) -> bool:
    """Is the (lower-case) word one of a department's name ("development", "operations")?"""
    return w in lexicon().departments and w not in ("and", "of")


#: "the appointment of Rhiannon Pryce-Jones as ...": nouns whose "of" leads to the person changing
_CHANGE_NOUNS = {"appointment", "appointments", "election", "promotion", "promotions", "hiring", "nomination", "resignation",
                 "retirement", "departure", "arrival", "addition"}

_PASSIVE_LEAD = {"has", "have", "had", "was", "is", "will", "would"}


def _passive_change_follows(doc: Doc, j: int, lex) -> bool:
    """Does "has been named", "was elected", "will be appointed" (or "has resigned") start at j?"""
    words = [t.lower_ for t in doc[j:j + 3]]
    if not words or words[0] not in _PASSIVE_LEAD:
        return False
    rest = words[1:]
    passive = rest[:1] in (["been"], ["be"]) or words[0] in ("was", "is")  # "has been named", "was elected"
    if rest[:1] in (["been"], ["be"]):
        rest = rest[1:]
    if not rest or not rest[0].endswith(("ed", "en", "ne")):
        return False
    if rest[0] in lex.depart:
        return True  # "has resigned", "was dismissed"
    return passive and (rest[0] in lex.appoint or rest[0] in lex.promote)


def _joins_as_follows(doc: Doc, j: int, title_at: dict[int, Span]) -> bool:
    """Does "joins", "has joined" start at j, and "as" and a post follow in a few words ("has
    joined the firm as a Wealth Advisor")? A firm joins no post."""
    k = j + (j < len(doc) and doc[j].lower_ in ("has", "have", "had"))
    if k >= len(doc) or doc[k].lower_ not in _JOIN_WORDS:
        return False
    for i in range(k + 1, min(len(doc) - 1, k + 9)):
        if doc[i].is_punct and doc[i].text != "’" or doc[i].is_space:
            return False
        if doc[i].lower_ == "as":
            nxt = i + 1 + (doc[i + 1].lower_ in ("a", "an", "the", "its", "our", "new") and i + 2 < len(doc))
            return title_at.get(nxt) is not None
    return False


def _succession_follows(doc: Doc, j: int, lex) -> bool:
    """Does "replaces", "will succeed", "is to replace" and then a name start at j?"""
    k = j
    while k < len(doc) and k - j < 2 and doc[k].lower_ in ("will", "would", "is", "to"):
        k += 1
    return k + 1 < len(doc) and doc[k].lower_ in lex.succeed and doc[k].pos_ == "VERB" and doc[k + 1].text.istitle()
