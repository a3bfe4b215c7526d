"""Our spaCy components, registered in one place.

``appointment_titles`` (factory ``appointment_titles``, rules version in ``data/titles.json``) finds job titles
("executive vice president and chief operating officer of its consumer products
division", "CEO", "finance director") with a small grammar over word lists kept
in ``data/titles.json`` and stores them in ``doc.spans["titles"]``.
Add it to your own pipeline with ``nlp.add_pipe("appointment_titles")``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
from pydantic import BaseModel, ConfigDict
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .datafiles import read

SPAN_KEY = "titles"
COMPONENT = "appointment_titles"


class TitleLexicon(BaseModel):
    """The word lists of ``data/titles.json`` (validated: unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    heads: frozenset[str]
    abbreviations: dict[str, str]
    modifiers: frozenset[str]
    head_only_after_modifier: frozenset[str]
    not_titles: frozenset[str]
    of_words: frozenset[str]
    unit_words: frozenset[str]
    pre_stop: frozenset[str]
    departments: frozenset[str]
    posted_to: frozenset[str]
    abbreviated_modifiers: dict[str, str]  # "Sr." -> senior: a modifier written short, with or without its dot


@lru_cache(maxsize=1)
def lexicon() -> TitleLexicon:
    return read("titles.json", TitleLexicon)


#: Heads that are adjectives before a noun that is no title word ("the principal holder")
_ALSO_ADJECTIVES = {"principal"}
_POSSESSIVE_DETS = {"the", "its", "his", "her", "their", "our", "a", "an"}
#: Parts of speech not in the name of the operations a role runs
_NOT_IN_A_UNIT = frozenset({"DET", "PRON", "ADP", "AUX", "ADV", "PART", "NUM", "SCONJ"})
#: Words that end the operations a role runs, after a comma ("president, truck operations")
_RUN_UNITS = frozenset({"operations", "division", "group", "sector", "segment", "business", "businesses"})

_CONJ = {"and", "&", ","}
_MAX_CHIEF_GAP = 3  # "chief digital & transformation officer"
_MAX_OF_PART = 8


@dataclass
class TitleFinder:
    """Find job titles in a doc; see the module docstring."""

    lex: TitleLexicon

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.find(doc)
        return doc

    # -- token classes -------------------------------------------------
    def _word(self, tok: Token) -> str:
        return tok.lower_.replace("\u2019", "'")

    def is_head(self, tok: Token, conjoined: bool = False) -> bool:
        w = self._word(tok)
        if w in self.lex.abbreviations and w not in ("exec",):
            # all-caps abbreviations ("CEO", "CFO"), lower case only after "chairman and"
            # ("chairman and ceo"); spelled-out synonyms any case
            return tok.text.isupper() or conjoined or "-" in w or w.isalpha() and len(w) > 4
        return w in self.lex.heads

    def is_modifier(self, tok: Token) -> bool:
        w = self._word(tok)
        if w.startswith("co-") or w.startswith("vice-"):
            return True
        return w in self.lex.modifiers

    # -- grammar -------------------------------------------------------
    def _role_run(self, doc: Doc, i: int, conjoined: bool = False) -> int | None:
        """End (exclusive) of a role phrase starting at token i, or None."""
        n = len(doc)
        j = i
        last_head = None
        saw_modifier = False
        while j < n:
            tok = doc[j]
            if tok.ent_type_ == "PERSON" and not self._title_taken_for_a_name(doc, j) or tok.is_space:
                break
            if self._word(tok) == "chief":
                # "chief <up to 3 words> officer"
                k = j + 1
                while k < n and k - j <= _MAX_CHIEF_GAP + 1 and self._word(doc[k]) != "officer" and not doc[k].is_punct or (
                    k < n and doc[k].text in ("&", "/") and k - j <= _MAX_CHIEF_GAP
                ):
                    k += 1
                if k < n and self._word(doc[k]) == "officer" and k > j + 1:
                    last_head = k
                    j = k + 1
                    saw_modifier = True
                    continue
            if self.is_head(tok, conjoined) and (
                self._word(tok) not in self.lex.head_only_after_modifier
                or saw_modifier
                or self._word(tok) == "member" and j + 1 < n and doc[j + 1].lower_ == "of"  # "member of the board"
                or j == i and (self._in_a_posts_slot(doc, j) or self._given_as(doc, j))
            ):
                last_head = j
                saw_modifier = True  # "president" in "president emeritus" enables "emeritus"
                j += 1
                continue
            if self.is_modifier(tok) or self.is_head(tok):
                saw_modifier = True
                j += 1
                continue
            if self._word(tok) in self.lex.abbreviated_modifiers and j + 1 < n and (
                    self.is_head(doc[j + 1]) or self.is_modifier(doc[j + 1])
                    or doc[j + 1].text == "." and j + 2 < n and (self.is_head(doc[j + 2]) or self.is_modifier(doc[j + 2]))):
                saw_modifier = True  # "Sr. Vice President", "Asst Director"
                j += 2 if doc[j + 1].text == "." else 1
                continue
            if tok.text == "-" and j + 1 < n and last_head is None:
                j += 1
                continue
            break
        if last_head is None:
            return None
        return last_head + 1

    @staticmethod
    def _in_a_posts_slot(doc: Doc, j: int) -> bool:
        """Does a head that needs a modifier ("advisor", "analyst") follow a noun of its own where a
        post is given: "joined as a wealth advisor", "as its lead analyst"? (``_pre_modifiers``
        then takes the noun in.)"""
        if j < 3:
            return False
        noun, det, as_ = doc[j - 1], doc[j - 2], doc[j - 3]
        return (noun.pos_ == "NOUN" or noun.pos_ == "PROPN" and noun.is_title and not noun.ent_type_) and noun.is_alpha \
            and det.lower_ in ("a", "an", "its", "the", "our") and as_.lower_ == "as"

    @staticmethod
    def _given_as(doc: Doc, j: int) -> bool:
        """Is a head that needs a modifier given alone as a post, capitalised as posts are: "the
        appointment of Lamon Rutten as an Advisor", "joins as Scientist" (not "acted as an advisor
        to the deal")?"""
        if not doc[j].is_title:
            return False
        k = j - 1
        if k >= 0 and doc[k].lower_ in ("a", "an", "its", "our", "their"):
            k -= 1
        return k >= 0 and doc[k].lower_ == "as"

    def _title_taken_for_a_name(self, doc: Doc, i: int) -> bool:
        """Is the person entity at token i only title words from i on, and i its first token or
        after a name of two words at least? "promoted to [Treasurer]", "names [Jim Zeitunian Chief
        Technology] Officer" (the NER ran a title-case name on into the post)."""
        s, e = i, i + 1
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        def title_words(toks: Span) -> bool:
            return all(self.is_head(t) or self.is_modifier(t) or self._word(t) in ("chief", "officer", "of", "and") for t in toks)

        return title_words(doc[s:e]) or i - s >= 2 and title_words(doc[i:e])

    def _departmental(self, tok: Token) -> bool:
        """A capitalised word that names a function, not an organisation ("Strategy", "Sales")."""
        w = self._word(tok)
        return w in self.lex.modifiers or w in self.lex.heads or w in self.lex.unit_words or w in self.lex.departments

    def _of_part(self, doc: Doc, j: int) -> int:
        """Extend a role with "of marketing", "of its consumer products division"; return new end."""
        n = len(doc)
        if j >= n or self._word(doc[j]) not in self.lex.of_words:
            return j
        k = j + 1
        if self._word(doc[j]) == "responsible":
            if k < n and doc[k].lower_ == "for":
                k += 1
            else:
                return j
        if k < n and doc[k].lower_ in _POSSESSIVE_DETS:
            k += 1
        start = k
        end_unit = None
        while k < n and k - start < _MAX_OF_PART:
            tok = doc[k]
            if tok.is_space or tok.ent_type_ == "PERSON" or tok.pos_ in ("VERB", "AUX", "PRON", "ADP", "DET", "ADV") and tok.lower_ not in ("&",):
                break  # (an adverb: "president of a privately held software company" is no department)
            if tok.is_punct and tok.text not in ("&", "/", "-"):
                break
            if tok.lower_ in self.lex.unit_words:
                end_unit = k + 1
            if tok.lower_ == "and" and (k + 1 >= n or self.is_head(doc[k + 1]) or self.is_modifier(doc[k + 1]) and self._role_run(doc, k + 1)):
                break
            k += 1
        if end_unit is not None:
            if doc[end_unit - 1].ent_type_ == "ORG" and not (self._run_on(doc, doc[end_unit - 1], j) and all(
                    self._departmental(t) or t.lower_ in ("and", "&") for t in doc[start:end_unit])) and not (
                    end_unit - start == 1 and doc[start - 1].lower_ in ("the", "its") and doc[start].lower_ in ("board", "committee")):
                return j  # "Group" of "Vantage Group Inc", "the Swiss National Bank": a name, not "its ... unit"
            return end_unit  # (but "head of the Board": the firm's own board, whatever the NER says)
        words = doc[start:k]
        if not len(words):
            return j
        if any(t.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "NORP", "PERSON") and not self._run_on(doc, t, j)
               and not (t.ent_type_ != "PERSON" and self._word(t) in self.lex.departments) for t in words):
            return j  # (but a region the NER names is the post's: "Head of LATAM", "Vice President of EMEA")
        if all(t.is_lower or t.lower_ in ("&", "/", "-") for t in words) or len(words) <= 4 and all(
            (t.is_title or t.is_upper) and self._departmental(t) or t.lower_ in ("and", "&", "/") for t in words
        ):
            # trim a trailing conjunction
            while k > start and doc[k - 1].lower_ in ("and", "&", "/", "-"):
                k -= 1
            return k if k > start else j
        return j

    @staticmethod
    def _run_on(doc: Doc, tok: Token, j: int) -> bool:
        """Is ``tok``, of the "of" part after the title that ends at ``j``, in an organisation the
        NER ran on from before the title's "of" ("named [Ann Lee Head of Business Operations]")?
        Then the name is no firm's, and the part may still be a department."""
        if tok.ent_type_ != "ORG":
            return False
        k = tok.i
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        return k < j

    def _comma_unit(self, doc: Doc, j: int) -> int:
        """Extend a role with the operations it runs, written after a comma in lower case:
        "president, automotive/truck operations", "vice president, international producing
        operations"; return the new end."""
        n = len(doc)
        if not (j < n and doc[j].text == "," and j > 0 and self.is_head(doc[j - 1])):
            return j
        k = j + 1
        while k < n and k - j <= 5 and (doc[k].is_lower and doc[k].is_alpha or doc[k].text in ("/", "-", "&")):
            k += 1
        if k - j < 3 or self._word(doc[k - 1]) not in _RUN_UNITS or k < n and not doc[k].is_punct:
            return j
        if any(self.is_head(t) for t in doc[j + 1:k]):
            return j  # "president, chief executive ...": conjoined titles
        if doc[j + 1].pos_ == "VERB" or any(t.pos_ in _NOT_IN_A_UNIT for t in doc[j + 1:k]):
            return j  # "president, overseeing all operations", "president, left the business"
        return k

    def _to_country(self, doc: Doc, j: int) -> int:
        """Extend a posting with its country: "ambassador to the Netherlands"; return new end."""
        n = len(doc)
        if not (0 < j < n and self._word(doc[j - 1]) in self.lex.posted_to and doc[j].lower_ == "to"):
            return j
        k = j + 1
        if k < n and doc[k].lower_ == "the":
            k += 1
        if k < n and doc[k].ent_type_ == "GPE" and doc[k].ent_iob_ == "B":
            k += 1
            while k < n and doc[k].ent_iob_ == "I":
                k += 1
            return k
        return j

    def _pre_modifiers(self, doc: Doc, i: int, floor: int) -> int:
        """Extend a title left over the nouns that name its field: "planning minister",
        "foreign exchange department chief", "Finance Minister" (at most three words)."""
        if not self.is_head(doc[i]) or self._word(doc[i]) in ("officer", "member"):
            return i
        k = i
        while k - 1 >= floor and i - (k - 1) <= 3:
            tok = doc[k - 1]
            if not tok.is_alpha or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "DATE") or tok.lower_ in self.lex.pre_stop:
                break
            if tok.pos_ in ("NOUN", "PROPN") and tok.is_lower or tok.pos_ == "PROPN" and tok.is_title and tok.lower_ in self.lex.modifiers \
                    or tok.pos_ == "ADJ" and tok.is_lower and tok.lower_ in self.lex.modifiers:  # "foreign exchange department chief"
                k -= 1
                continue
            break
        return k

    def find(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        i = 0
        n = len(doc)
        while i < n:
            if doc[i].text in ("-", "–", "/"):
                i += 1
                continue  # a title does not start with a dash ("co-manager" is one word here)
            end = self._role_run(doc, i)
            if end is None:
                i += 1
                continue
            # "American [Financial] Chairman": a word of an organisation's name before the title
            while i < end - 1 and doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ == "I" and not self.is_head(doc[i]) \
                    and doc[i + 1].ent_iob_ != "I":
                i += 1
            end = self._comma_unit(doc, self._of_part(doc, end))
            end = self._to_country(doc, end)
            # conjoined roles: "chairman, president and chief executive"
            while end < n:
                k = end
                if doc[k].text == "," and k + 1 < n and doc[k + 1].lower_ in ("and", "&"):
                    k += 1
                if doc[k].lower_ not in _CONJ:
                    break
                nxt = self._role_run(doc, k + 1, conjoined=True)
                if nxt is None:
                    break
                end = self._comma_unit(doc, self._of_part(doc, nxt))
            if end < n and self._word(doc[end - 1]) in _ALSO_ADJECTIVES and doc[end].is_lower and doc[end].pos_ == "NOUN" \
                    and not self.is_head(doc[end]) and not self.is_modifier(doc[end]):
                i = end  # "the principal holder of Avalon stock": an adjective, not a title
                continue
            start = self._pre_modifiers(doc, i, spans[-1].end if spans else 0)
            if start == i and self._word(doc[i]) in self.lex.head_only_after_modifier and self._in_a_posts_slot(doc, i):
                start = i - 1  # "as a [Wealth Advisor]": the noun that makes the head a post
            span = doc[start:end]
            if span.text.lower() not in self.lex.not_titles:
                spans.append(Span(doc, start, end, label="TITLE"))
            i = end
        return spans


@Language.factory(COMPONENT, default_config={})
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(lexicon())


PARAGRAPHS = "paragraph_boundaries"


#: Words that can end a sentence (the hints below; assemble.sentences joins back what they allow)
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "…", "]"})


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence hints for the parser, which keeps what it is given.

    A blank line starts a sentence (headlines, datelines and list items stay apart);
    a word that follows neither sentence-final punctuation nor a line break does not
    ("Centronics Corp said" stays one sentence). Worked out on the text and token offsets
    and set in one ``from_array`` call: making a Token object per word costs more.
    """
    n = len(doc)
    if n < 2:
        return doc
    text = doc.text
    cols = doc.to_array([IDX, LENGTH, IS_SPACE])
    hints = numpy.zeros((n, 1), dtype="int64")
    prev_end = None  # where the last word ended
    last = ""  # and its text
    for i, (idx, length, space) in enumerate(cols.tolist()):
        if space:
            continue
        if prev_end is not None:
            gap = text[prev_end:idx]
            if "\n\n" in gap:
                hints[i, 0] = 1
            elif "\n" not in gap and last not in SENTENCE_ENDS and not last.endswith("."):
                hints[i, 0] = -1
        prev_end = idx + length
        last = text[idx:prev_end]
    doc.from_array([SENT_START], hints.astype("uint64"))  # spaCy's own encoding of -1
    return doc


BREAKS = "entities_at_breaks"
#: Marks that open a list item at the start of a line
_ITEM_MARKS = frozenset({"•", "▪", "●", "*", "-", "–", "—", "·"})


def _halves(ent: Span) -> tuple[Span, Span] | None:
    """The two copies of a name the recogniser read as one across a break: "Acme Corp  Acme Corp"."""
    words = [t for t in ent if not t.is_space]
    half = len(words) // 2
    if half == 0 or len(words) != 2 * half or len(words) == len(ent):
        return None
    first, second = words[:half], words[half:]
    if [t.text for t in first] != [t.text for t in second] or not any(
            t.is_space for t in ent.doc[first[-1].i + 1:second[0].i]):
        return None  # "Bora Bora" is one name; a copy is the same words after a break
    return (Span(ent.doc, first[0].i, first[-1].i + 1, label=ent.label),
            Span(ent.doc, second[0].i, second[-1].i + 1, label=ent.label))


def _before_an_item(ent: Span) -> Span | None:
    """The part of an entity before a line break that opens a list item ("Lakeshore Bank\n•
    Rosa Lind": the bank; the next item is someone else), or None when it runs into none."""
    for tok in ent[1:]:
        if tok.is_space and "\n" in tok.text and tok.i + 1 < ent.end and tok.doc[tok.i + 1].text in _ITEM_MARKS:
            return Span(ent.doc, ent.start, tok.i, label=ent.label) if tok.i > ent.start else None
    return None


def _mended(ent: Span) -> tuple[Span, ...] | None:
    """What an entity that runs across a break stands for, or None when it is left as it is."""
    if len(ent) < 3 or not any(t.is_space for t in ent):
        return None
    halves = _halves(ent)
    if halves is not None:
        return halves
    before = _before_an_item(ent)
    return (before,) if before is not None else None


@Language.component(BREAKS)
def entities_at_breaks(doc: Doc) -> Doc:
    """Entities the recogniser ran across a break, mended.

    - A name written twice with only a break between is two names: flattened web pages put a
      section heading and its first sentence on one line ("About Acme Corp  Acme Corp makes
      ...", "Jane Doe\n\nJane Doe joined ..."), which would be reported as "Acme Corp Acme Corp".
    - An entity that runs past a line break into the next item of a list ends at the break:
      "Ann Lee, CEO, Lakeshore Bank\n• Bo Park, ..." (the rules find the next item's name by
      where it stands).
    """
    ents = doc.ents
    if not any(_mended(e) for e in ents):
        return doc
    out: list[Span] = []
    for ent in ents:
        out.extend(_mended(ent) or (ent,))
    doc.ents = out
    return doc


def add_to_pipeline(nlp: Language) -> None:
    """Add our components to a loaded pipeline (idempotent)."""
    if PARAGRAPHS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPHS, before=before) if before else nlp.add_pipe(PARAGRAPHS, first=True)
    if BREAKS not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(BREAKS, after="ner")
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)


def normalize_title(title: str) -> str:
    """Canonical lower-case form of a title: abbreviations expanded, one spelling of "chairman".

    >>> normalize_title("President & CEO")
    'president and chief executive officer'
    >>> normalize_title("Chairwoman")
    'chairman'
    """
    abbr, short = lexicon().abbreviations, lexicon().abbreviated_modifiers
    words = []
    for word in title.replace("&", " and ").replace("/", " / ").split():
        w = word.strip(",.;:()").lower().replace("\u2019", "'")
        if not w:
            continue
        words.append(abbr.get(w) or short.get(w, w))
    return " ".join(" ".join(words).split()) or title.lower()
