"""Comparing names: organisations by their words without legal forms, people by first names and nicknames."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from .text import fold
from .words import _LEGAL_SUFFIXES


_LEGAL = {"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp", "sa",
          "ag", "nv", "bv", "gmbh", "the", "group", "holdings", "of", "and", "&"}


def org_key(name: str) -> frozenset[str]:
    return frozenset(w for w in fold(name).split() if w not in _LEGAL)


@lru_cache(maxsize=1)
def _nick_namer():
    from nicknames import NickNamer  # a hand-curated table of English given names and nicknames

    return NickNamer()


@lru_cache(maxsize=4096)
def nicknames_of(first: str) -> frozenset[str]:
    """The nicknames of a folded first name ("thomas" -> "tom", "tommy", ...)."""
    return frozenset(_nick_namer().nicknames_of(first)) if len(first) > 1 else frozenset()


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Is the folded word an English given name the nickname table knows ("jane", "robert")?"""
    namer = _nick_namer()
    return bool(namer.nicknames_of(word) or namer.canonicals_of(word))


@lru_cache(maxsize=4096)
def same_first_name(a: str, b: str) -> bool:
    """Are two folded first names one ("thomas" and "tom", "greg" and "gregory")?"""
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    # a short form of a longer name ("tom", "bill", "kate"), not two given names the table links
    # ("ian" and "john", "peter" and "patrick", "marie" and "mary")
    if len(short) < 2 or len(short) > 4 or len(full) - len(short) < 2:
        return False
    return short in nicknames_of(full) or full in nicknames_of(short)


def same_org(a: str, b: str) -> bool:
    ka, kb = org_key(a), org_key(b)
    return bool(ka and kb and (ka <= kb or kb <= ka))


def _name_words(key: frozenset[str]) -> frozenset[str]:
    """An organisation key without legal suffixes ("llp", "asa" ...)."""
    return frozenset(w for w in key if w.replace(" ", "") not in _LEGAL_SUFFIXES)


@lru_cache(maxsize=65536)
def _legal_suffix(text: str) -> bool:
    """Is the word a company's legal suffix, dotted or not ("Inc", "S.A.", "ASA")?"""
    return fold(text).replace(" ", "") in _LEGAL_SUFFIXES


def _has_legal_suffix(span: Span) -> bool:
    return _legal_suffix(span[-1].text)
