"""The document-level view every sentence rule reads: people, titles, the main organisation, short names."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..components import SPAN_KEY
from .entities.acronyms import _acronyms, _short_names_of
from .entities.main_org import _main_org
from .entities.people import People
from .names import _legal_suffix
from .results import CharSpan
from .text import fold, rejoin_sentences
from .trigger_words import is_headline_verb


@dataclass
class DocView:
    doc: Doc
    people: People
    titles: list[Span]
    title_at: dict[int, Span]
    main_org: CharSpan | None
    sents: list[Span]
    acronyms: dict[str, CharSpan] = field(default_factory=dict)
    person_roles: dict[str, bool] = field(default_factory=dict)
    #: what later stages work out once per document (the trained decision's candidates)
    cache: dict = field(default_factory=dict)

    def full_org(self, org: CharSpan | None) -> CharSpan | None:
        """The spelled-out name of an organisation the text also abbreviates ("NYMEX")."""
        if org is None:
            return None
        return self.acronyms.get(fold(org.text), org)


def _ends_no_headline(last: Token, first: Token) -> bool:
    """ "# One World Products, Inc. | Appoints William Rowland as CFO", "# D-Wave Quantum (NYSE:
    QBTS) | Names ...": a firm's legal suffix with its full stop, or the bracket closing its
    ticker, which the parser took for a sentence's end before a headline's verb."""
    return (last.text == ")" or last.text.endswith(".") and _legal_suffix(last.text)) and is_headline_verb(first)


def make_view(doc: Doc) -> DocView:
    sents = rejoin_sentences(doc, _ends_no_headline)
    titles = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    title_at = {}
    for t in titles:
        for i in range(t.start, t.end):
            title_at[i] = t
    people = People(doc, title_at)
    acronyms = _acronyms(doc)
    main = _main_org(doc, sents, people)
    if main is not None:
        people.forget_firm(main.text)  # "Vertiv, a global leader in ...": the NER's person was the firm
    main = acronyms.get(fold(main.text), main) if main is not None else None
    acronyms = {**_short_names_of(doc, main), **acronyms}
    return DocView(doc, people, titles, title_at, main, sents, acronyms)
