"""Short names of organisations the text defines or implies ("CSCE", "NYMEX", "the Fed", "VW",
"CureAlz")."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..names import org_key
from ..results import CharSpan
from ..text import doc_ents, fold, token_texts
from .organisations import _clean_org


def _acronyms(doc: Doc) -> dict[str, CharSpan]:
    """Short names the text defines or implies, mapped to the full name:
    "New York Coffee, Sugar and Cocoa Exchange (CSCE)", "Cassa di Risparmio di
    Calabria e Lucania (Carical)", and upper-case abbreviations whose letters start the
    words of a longer organisation name ("NYMEX" for New York Mercantile Exchange)."""
    out: dict[str, CharSpan] = {}
    n = len(doc)
    texts = token_texts(doc)
    for i, w in enumerate(texts):
        if w != "(" or i + 2 >= n or texts[i + 2] != ")" or not texts[i + 1][:1].isupper():
            continue
        e = i - 1 if i > 0 and doc[i - 1].text == ">" else i  # "<Fletcher Challenge Ltd> (FCL)"
        k = e
        while k - 1 >= 0 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in ("of", "and", "&", "di", "de", "e", "du", "la", "for", ",")) and e - k < 12:
            k -= 1
        while k < e and not doc[k].text[:1].isupper():
            k += 1
        if e - k >= 2:
            full = doc[k:e]
            out[fold(doc[i + 1].text)] = CharSpan(full.text, full.start_char, full.end_char)
    names = [(e, [t.text for t in e if t.text[:1].isupper() and t.lower_ not in ("the",)])
             for e in doc_ents(doc) if e.label_ == "ORG" and len(e) >= 2]
    names_all = [(e, words) for e, words in names if len(words) >= 2]
    names = [(e, words) for e, words in names if len(words) >= 3]
    tried: set[str] = set()
    for w in texts:
        if not (w.isupper() and w.isalpha() and 3 <= len(w) <= 6) or fold(w) in out or w in tried:
            continue
        tried.add(w)
        for ent, words in names:
            clean = _clean_org(ent) if words[0][:1].lower() == w[0].lower() and _abbreviates(w, words) else None
            if clean is not None:
                out[fold(w)] = CharSpan(clean.text, clean.start_char, clean.end_char)
                break
    # a clipped first word: "the Fed" for the Federal Reserve Board, when the text names it in full
    for ent in doc_ents(doc):
        w = ent.text
        if ent.label_ != "ORG" or len(ent) != 1 or not (3 <= len(w) <= 5 and w.istitle()) or fold(w) in out:
            continue
        fulls = {}
        for full, words in names_all:
            if words[0] != w and words[0].startswith(w) and len(words[0]) >= 2 * len(w):
                clean = _clean_org(full)
                if clean is not None:
                    fulls.setdefault(org_key(clean.text), clean)
        if len(fulls) == 1:  # (not when "Fed" could be the FDIC as well: "Federal Deposit ...")
            clean = next(iter(fulls.values()))
            out[fold(w)] = CharSpan(clean.text, clean.start_char, clean.end_char)
    _blended_names(texts, names_all, out)
    return out


def _blended_names(texts: list[str], names: list, out: dict[str, CharSpan]) -> None:
    """Short names blended from the first letters of a longer name's words, each part capitalised:
    "CureAlz" for Cure Alzheimer's Fund, "NatWest" for National Westminster Bank (a part of two
    letters at least, the first word's whole or its start, the longer name named in the text)."""
    for w in set(texts):
        if _BLEND.fullmatch(w) is None or fold(w) in out:
            continue
        pieces = re.findall(r"[A-Z][a-z]+", w)
        for ent, words in names:
            if len(words) > len(pieces) and all(word.startswith(piece) for piece, word in zip(pieces, words)):
                clean = _clean_org(ent)
                if clean is not None:
                    out[fold(w)] = CharSpan(clean.text, clean.start_char, clean.end_char)
                    break


#: A word of two or three capitalised parts of two letters or more: "CureAlz", "NatWest"
_BLEND = re.compile(r"(?:[A-Z][a-z]+){2,3}")


def _short_names_of(doc: Doc, main: CharSpan | None) -> dict[str, CharSpan]:
    """Two or three capitals that shorten the document's own organisation ("VW" for Volkswagen):
    the first its first letter, the others inside its first word in order, the word at least three
    times as long. Only for the main organisation, or a company the text gives a ticker that has
    those letters in order too ("Volkswagen <VOWG.F>"): "GE" is not Gillette <GS>."""
    named: list[tuple[CharSpan, str | None]] = [(main, None)] if main is not None else []
    for ent in doc_ents(doc):
        if ent.label_ == "ORG" and ent.end + 2 < len(doc) and doc[ent.end].text == "<" \
                and doc[ent.end + 2].text == ">" and doc[ent.end + 1].text.isupper():
            named.append((CharSpan(ent.text, ent.start_char, ent.end_char), doc[ent.end + 1].text.lower()))
    firsts = [(org, ticker, (fold(org.text).split() or [""])[0]) for org, ticker in named]
    out: dict[str, CharSpan] = {}
    for w in token_texts(doc):
        if not (w.isupper() and w.isalpha() and 2 <= len(w) <= 3) or fold(w) in out:
            continue
        low = w.lower()
        for org, ticker, first in firsts:
            if first[:1] == low[0] and len(first) >= 3 * len(w) and _in_order(low[1:], first[1:]) and (
                    ticker is None or ticker[:1] == low[0] and _in_order(low[1:], ticker[1:])):
                out[fold(w)] = org  # (a ticker's company only when its ticker has the letters too: VW, VOWG)
                break
    return out


def _in_order(letters: str, word: str) -> bool:
    """Do the letters appear in the word in this order ("w" in "olkswagen")?"""
    it = iter(word)
    return all(c in it for c in letters)


def _abbreviates(short: str, words: list[str]) -> bool:
    """Do the letters of ``short`` start the words in order ("NYMEX": New York MErcantile eXchange)?

    >>> _abbreviates("NYMEX", ["New", "York", "Mercantile", "Exchange"])
    True
    >>> _abbreviates("IBM", ["International", "Business", "Machines"])
    True
    >>> _abbreviates("ABC", ["New", "York", "Mercantile"])
    False
    """
    short = short.lower()

    def match(si: int, wi: int) -> bool:
        if si == len(short):
            return wi == len(words)
        if wi == len(words):
            return False
        word = words[wi].lower()
        if word[0] != short[si]:
            return False
        # take 1..len(word) letters from this word, as long as they agree
        for take in range(1, len(word) + 1):
            if si + take > len(short) or short[si:si + take] != word[:take] and not all(c in word for c in short[si:si + take]):
                break
            if match(si + take, wi + 1):
                return True
        return False

    return match(0, 0)
