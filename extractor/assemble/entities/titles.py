"""Title words: is a token a word of a title, which words a title is made of."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ...components import lexicon, normalize_title
from ..text import fold


_TITLE_ABBREVIATIONS = frozenset(lexicon().abbreviations)


@lru_cache(maxsize=1)
def _finder():
    from ...components import TitleFinder

    return TitleFinder(lexicon())


def _title_words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalize_title(text).replace(",", " ").split() if w not in ("and", "of", "the", "its", "a"))


def _post_words(title: str) -> tuple[str, ...]:
    """The words that name a post before what it is "of" ("president of the unit": president)."""
    words = title.lower().split()
    if "of" in words:
        words = words[:words.index("of")]
    return tuple(w for w in words if w not in ("the", "its", "a", "an"))


def _all_title_words(span: Span) -> bool:
    """Is every word of the span a title word ("Chief Digital & Transformation Officer", "CFO")?
    A span without words ("Toggle3D.ai") is not."""
    words = [t for t in span if t.is_alpha and t.lower_ != "the"]
    return bool(words) and all(_title_word(t) or fold(t.text) in _TITLE_ABBREVIATIONS or _plural_title_word(t) for t in words)


def _plural_title_word(tok: Token) -> bool:
    """ "Directors", "Governors": a title word in the plural ("Board of Directors of")."""
    lex = lexicon()
    w = tok.lower_
    return w.endswith("s") and (w[:-1] in lex.heads or w[:-1] in lex.unit_words)


def _title_word(tok: Token) -> bool:
    lex = lexicon()
    w = tok.lower_
    return w in lex.modifiers or w in lex.heads or w in lex.unit_words or w in lex.departments or w in lex.abbreviated_modifiers
