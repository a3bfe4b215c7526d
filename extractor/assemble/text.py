"""Text helpers every stage reads: folding for comparison, sentences, tokens, headlines, entities.

What is worked out once per doc is kept in ``doc.user_data`` under "extractor.*" keys.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import Callable

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..components import SENTENCE_ENDS


_NOT_NAME_CHARS = re.compile(r"[^a-z0-9&]+")

#: Letters that Unicode does not decompose into a base letter and an accent ("Bjørn", "Łódź")
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                               "Đ": "D", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents off, punctuation to spaces: for comparing names.

    >>> fold("Stéphane  Roques!")
    'stephane roques'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_NAME_CHARS.sub(" ", text.lower()).split())


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, with a piece the parser cut off joined back to the one before it
    when nothing ends that one: no final punctuation and no line break ("named Richard P.
    Ostrowski president and | Janet L. Haugen chief financial officer."). The parser may leave
    two trees where ``paragraph_boundaries`` said no sentence starts. Worked out once per doc."""
    memo = doc.user_data.get("extractor.sentences")
    if memo is None:
        memo = doc.user_data["extractor.sentences"] = _joined(doc, doc.sents, _no_final_punctuation)
    return [doc[a:b] for a, b in memo]


def _no_final_punctuation(last: Token, first: Token) -> bool:
    return last.text not in SENTENCE_ENDS and not last.text.endswith(".")


def rejoin_sentences(doc: Doc, ends_none: Callable[[Token, Token], bool]) -> list[Span]:
    """The doc's sentences (``sentences``) with each joined to the one before it where
    ``ends_none(last word, next first word)`` says the parser's end is none and no line break
    comes between; the doc's memo of sentences is replaced, so every later reader sees them."""
    bounds = doc.user_data["extractor.sentences"] = _joined(doc, sentences(doc), ends_none)
    doc.user_data.pop("extractor.upper_sentences", None)
    return [doc[a:b] for a, b in bounds]


def _joined(doc: Doc, sents, ends_none: Callable[[Token, Token], bool]) -> list[tuple[int, int]]:
    """The (start, end) of ``sents``, each joined to the one before where ``ends_none(the last
    word before, the first word after)`` holds and no line break comes between them."""
    bounds: list[list[int]] = []
    text = doc.text
    for sent in sents:
        if bounds:
            last = next((doc[k] for k in range(bounds[-1][1] - 1, bounds[-1][0] - 1, -1) if not doc[k].is_space), None)
            first = next((t for t in sent if not t.is_space), None)
            if last is not None and first is not None and "\n" not in text[last.idx + len(last):first.idx] \
                    and ends_none(last, first):
                bounds[-1][1] = sent.end
                continue
        bounds.append([sent.start, sent.end])
    return [(a, b) for a, b in bounds]


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, worked out once per doc (from the ORTH column: no Token objects,
    which the doc-wide loops below would otherwise make by the hundred thousand)."""
    memo = doc.user_data.get("extractor.texts")
    if memo is None:
        strings = doc.vocab.strings
        memo = doc.user_data["extractor.texts"] = [strings[o] for o in doc.to_array(ORTH).tolist()]
    return memo


def is_upper_sentence(sent: Span) -> bool:
    """Is the sentence in capitals (a wire headline)? Worked out once per doc."""
    doc = sent.doc
    memo = doc.user_data.get("extractor.upper_sentences")
    if memo is None:
        text = doc.text
        memo = doc.user_data["extractor.upper_sentences"] = {}
        for s in sentences(doc):
            memo[s.start, s.end] = _in_capitals(text[s.start_char:s.end_char])
    upper = memo.get((sent.start, sent.end))
    if upper is None:  # a span that is not one of the doc's sentences
        upper = _in_capitals(sent.text)
    return upper


def _in_capitals(part: str) -> bool:
    """More than 8 letters, over 80% of them capitals (``map`` over the str methods: this runs
    over every character of every document)."""
    letters = sum(map(str.isalpha, part))
    return letters > 8 and sum(map(str.isupper, part)) / letters > 0.8


def _in_upper_sentence(doc: Doc, i: int) -> bool:
    """Is token ``i`` in an upper-case (headline) sentence? Computed once per doc."""
    upper = doc.user_data.get("extractor.upper_tokens")
    if upper is None:
        upper = set()
        for sent in sentences(doc):
            if is_upper_sentence(sent):
                upper.update(range(sent.start, sent.end))
        doc.user_data["extractor.upper_tokens"] = upper
    return i in upper


def _title_case_line(sent: Span) -> bool:
    """A headline in title case: most words capitalised."""
    if sent.text.rstrip().rstrip('"”’\'').endswith((".", "?", "!")):
        return False  # a sentence of the body, however many names it holds
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.7


def headline_line(sent: Span) -> bool:
    """A headline: a title-case line, or a line marked as one ("# Acme names ...")."""
    return _title_case_line(sent) or sent.text.lstrip().startswith("#")

def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The doc's entities, made once (``doc.ents`` and ``Span.ents`` build every Span anew)."""
    ents = doc.user_data.get("extractor.ents")
    if ents is None:
        ents = doc.user_data["extractor.ents"] = tuple(doc.ents)
    return ents


def _ent_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("extractor.ent_starts")
    if starts is None:
        starts = doc.user_data["extractor.ent_starts"] = [e.start for e in doc_ents(doc)]
    return starts


def sent_ents(sent: Span) -> list[Span]:
    """The entities inside a sentence, from the doc's list."""
    ents = doc_ents(sent.doc)
    starts = _ent_starts(sent.doc)
    out = []
    for k in range(bisect.bisect_left(starts, sent.start), len(ents)):
        if ents[k].start >= sent.end:
            break
        if ents[k].end <= sent.end:
            out.append(ents[k])
    return out


def _ent_at(doc: Doc, i: int) -> Span | None:
    ents = doc_ents(doc)
    starts = _ent_starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None


#: The marks that open the items of a list, one a line
LIST_MARKS = frozenset({"-", "*", "•", "–", "—", "·"})
#: The number that opens an item of a numbered list: "2.", "2)", "2" (then "." as a token of its own)
LIST_NUMBER = re.compile(r"\d{1,2}[.)]?")


def opens_a_line(doc: Doc, i: int) -> bool:
    """Does token ``i`` open a line, after a list mark or number if any ("* Ann Lee", "2. Ann Lee")?"""
    k = i - 1
    if k >= 0 and doc[k].text in LIST_MARKS:
        k -= 1
    elif k >= 0 and (LIST_NUMBER.fullmatch(doc[k].text) or doc[k].text in (".", ")") and k > 0 and LIST_NUMBER.fullmatch(doc[k - 1].text)):
        k -= 1 if LIST_NUMBER.fullmatch(doc[k].text) else 2
    return k < 0 or doc[k].is_space and "\n" in doc[k].text
