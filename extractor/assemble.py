"""From a parsed document to appointment candidates: who, which role, where, what change.

Reads what the pipeline's components left on the ``Doc`` (entities, sentences,
dependencies, ``doc.spans["titles"]``) plus the trigger words of
``data/triggers.json``. Everything here works in character offsets of the
text the ``Doc`` was made from; the pipeline maps them back to the caller's text.

The rules, in the order they are applied to each sentence:

1. find change triggers ("named", "resigned", "succeeding", "appointment") and skip
   sentences that speculate ("is expected to be named") or only report
   continuity ("will remain chairman");
2. for each person mentioned (by name, surname or pronoun), pick the title that the
   sentence links to them: "<person> as/to/was named <title>" (the new role),
   "<title> <person>" and "<person>, <title>," (the current role, which is the
   role left in a departure);
3. decide the event from the trigger that governs that link;
4. attach the organisation: named in the title ("president of Foo Inc"), owning it
   ("Foo's president"), the subject announcing the move ("Foo Inc said it named"),
   else the document's main organisation;
5. "succeeding/replacing X" names the predecessor, who leaves the same role;
6. past employers come from sentences about the same person with career cues
   ("previously", "spent six years at", "joins from", "former CFO of").
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .components import SENTENCE_ENDS, SPAN_KEY, lexicon, normalize_title
from .dates import CLOCK, GENERATIONS, month_is_first_name
from .triage import LIST_ITEMS


class TriggerLexicon(BaseModel):
    """``data/triggers.json``: the words that signal a change, and its context."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    appoint: frozenset[str]
    promote: frozenset[str]
    succeed: frozenset[str]
    depart: frozenset[str]
    depart_needs_particle: dict[str, list[str]]
    announce_needs_object: frozenset[str]
    appoint_needs_passive: frozenset[str]
    step_in: dict[str, list[str]]
    take_over: dict[str, list[str]]
    serve_as: frozenset[str]
    no_change: frozenset[str]
    speculation: frozenset[str]
    career: frozenset[str]
    school_words: frozenset[str]


@lru_cache(maxsize=1)
def triggers() -> TriggerLexicon:
    raw = resources.files("extractor").joinpath("data/triggers.json").read_text(encoding="utf-8")
    return TriggerLexicon.model_validate(json.loads(raw))


# ---------------------------------------------------------------------------
# results


@dataclass
class CharSpan:
    text: str
    start: int
    end: int


@dataclass
class Found:
    """One appointment candidate, offsets in the doc's text."""

    person: CharSpan
    title: CharSpan
    organisation: CharSpan | None
    event: str
    sentence: CharSpan
    confidence: float
    succeeds: str | None = None
    past_employers: list[CharSpan] = field(default_factory=list)
    person_key: str = ""
    sent_index: int = 0
    effective: object = None  # reserved for the pipeline's effective date
    headline: bool = False  # told in a headline, which the body usually repeats in full
    elsewhere: bool = False  # a post at an organisation the text does not name ("president of a privately held company")


# ---------------------------------------------------------------------------
# small helpers

_SUFFIXES = GENERATIONS
#: Words that make a "person" entity an organisation or a place
_ORG_WORDS = {
    "region", "group", "inc", "corp", "co", "company", "bank", "association", "institute", "university",
    "council", "cluster", "party", "partners", "capital", "systems", "holdings", "ltd", "plc", "llc",
    "foundation", "fund", "agency", "ministry", "department", "board", "committee", "exchange", "services",
    "technologies", "international", "industries", "airways", "airlines", "media", "energy", "covid",
    "authority", "commission", "administration", "bureau", "office", "court", "organization", "organisation",
    "society", "trust", "securities", "financial", "bancorp", "bancorporation", "exploration", "petroleum",
    "oil", "gas", "motors", "foods", "products", "resources", "investments", "management", "network",
    "networks", "pharmaceuticals", "therapeutics", "labs", "laboratories", "university", "college", "school",
    "ministry", "government", "army", "navy", "force", "police", "house", "senate", "congress", "parliament",
    "advisory", "consulting", "partners", "ventures", "capital", "holdings", "health", "insurance", "bank",
    "cloud", "software", "analytics", "solutions", "digital", "logistics", "freight", "foods", "pharma",
    "biologics", "therapeutics", "securities", "industries", "audit", "conseil", "society", "specialty",
}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "prof", "mr.", "mrs.", "ms.", "dr.", "prof.", "dame", "lord"}
_PRONOUNS = {"he": "m", "she": "f", "his": "m", "her": "f", "him": "m"}
_CONNECT = {"-", "–", "added", "into", "him", "them", 
    "as", "to", "be", "the", "new", "post", "position", "role", "job", "office", "of", "additional",
    "posts", "positions", "roles", "newly", "created", "will", "shall", "is", "was", "has", "have",
    "been", "its", "a", "an", "their", "his", "her", "also", "now", "from", "down", "aside", "away",
    "up", "become", "becomes", "became", "serve", "serves", "serving", "title", "titles", "duties",
    "company", "company's", "firm", "firm's", "bank's", "group's", "'s", "’s", "take", "takes",
    "taking", "over", "assume", "assumes", "assuming", "hold", "holds", "formerly", "effective",
    "immediately", "further", "permanent", "being", "had", "would", "fill", "filling", "vacant",
    "vacancy", "left", "by", "named", "appointed", "elected", "promoted", "hired", "chosen",
    "selected", "tapped", "designated", "nominated", "recruited", "retained", "made", "both",
    "our", "all", "two", "three", "another", "other", "each", "senior", "next", "incoming", "term",
    "year", "one-year", "two-year", "three-year",
}
_EMPLOYER_PREPS = {"at", "of", "for", "with", "from", "joined", "join", "joining", "joins", "such", "led", "headed", "founded", "co-founded", "ran"}
_ORG_NOUNS = {
    "company", "firm", "group", "bank", "consultants", "consultancy", "start-up", "startup",
    "movement", "party", "agency", "organisation", "organization", "fund", "insurer", "retailer",
    "maker", "manufacturer", "provider", "lab", "laboratory", "business", "subsidiary", "unit",
    "division", "giant", "house", "partnership", "brokerage", "practice", "platform",
}
_LOWER_LINKS = {"of", "for", "without", "de", "du", "des", "la", "le", "&", "-", "and", "y", "von", "van", "der"}
_STOP_CAPS = {
    "the", "a", "an", "in", "on", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their",
    "mr", "mrs", "ms", "dr", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "prior", "before", "after", "during", "most",
    "previously", "formerly", "since", "as", "president", "chairman", "chief", "ceo", "cfo",
    "besides", "also", "however", "meanwhile", "but", "and", "earlier", "later", "separately", "under",
    "with", "for", "at", "from", "by", "of", "to", "this", "that", "these", "those", "both", "all",
    # headline nouns after a title ("Announces CEO Succession Plan")
    "succession", "plan", "transition", "update", "leadership", "changes", "appointment", "appointments",
    "announcement", "team",
}


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


_TITLE_ABBREVIATIONS = frozenset(lexicon().abbreviations)
_GENERIC_ORGS = {"company", "corporation", "group", "board", "bank", "firm", "firms", "partnership", "association",
                 "organization", "organisation", "society", "fund", "trust", "agency", "government", "ministry"}
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


#: Words many unrelated organisations share ("Chase Manhattan Bank", "Chemical Bank")
_GENERIC_NAME_WORDS = {"bank", "american", "national", "international", "first", "general", "united", "financial",
                       "capital", "partners", "systems", "industries", "trust", "savings", "insurance", "energy",
                       "group", "holdings", "services", "corporation", "company", "associates", "federal", "state",
                       "north", "south", "east", "west", "western", "eastern", "pacific", "atlantic", "new", "york",
                       "global", "technologies", "technology", "airlines", "express", "securities", "investment"}


def _same_group(view: DocView, held: CharSpan, new: CharSpan) -> bool:
    """Is a post held at ``held`` inside the group of the new one at ``new``: the same
    organisation, names sharing a word ("Nabisco Brands" and "RJR Nabisco Inc"), or the
    announcing organisation and one of its units ("president of Hartmarx" to head "its
    Jaymar-Ruby Inc subsidiary")?"""
    if same_org(held.text, new.text):
        return True
    if {w for w in org_key(held.text) if len(w) >= 4 and w not in _GENERIC_NAME_WORDS} & org_key(new.text):
        return True
    if view.main_org is None:
        return False
    if same_org(held.text, view.main_org.text):
        unit = new  # from the parent to one of its units
    elif same_org(new.text, view.main_org.text):
        unit = held  # "president of its Delta Leasing unit" to vice chairman of the parent
    else:
        return False
    doc = view.doc
    text = doc.text  # spaCy joins every token for each read: once, not once a mention
    name = unit.text.rstrip(".")
    at = text.find(name)
    while at >= 0:  # anywhere the text names it: "its Jaymar-Ruby Inc subsidiary"
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None and (span.start > 0 and doc[span.start - 1].lower_ == "its"
                                 or span.end < len(doc) and doc[span.end].lower_ in lexicon().unit_words):
            return True
        at = text.find(name, at + 1)
    return False


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, with a piece the parser cut off joined back to the one before it
    when nothing ends that one: no final punctuation and no line break ("named Richard P.
    Ostrowski president and | Janet L. Haugen chief financial officer."). The parser may leave
    two trees where ``paragraph_boundaries`` said no sentence starts. Worked out once per doc."""
    memo = doc.user_data.get("extractor.sentences")
    if memo is not None:
        return [doc[a:b] for a, b in memo]
    bounds: list[list[int]] = []
    text = doc.text
    for sent in doc.sents:
        if bounds:
            prev = doc[bounds[-1][0]:bounds[-1][1]]
            words = [t for t in prev if not t.is_space]
            first = next((t for t in sent if not t.is_space), None)
            if words and first is not None and "\n" not in text[words[-1].idx + len(words[-1]):first.idx] \
                    and words[-1].text not in SENTENCE_ENDS and not words[-1].text.endswith("."):
                bounds[-1][1] = sent.end
                continue
        bounds.append([sent.start, sent.end])
    doc.user_data["extractor.sentences"] = [tuple(b) for b in bounds]
    return [doc[a:b] for a, b in bounds]


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
            part = text[s.start_char:s.end_char]
            letters = sum(c.isalpha() for c in part)
            memo[s.start, s.end] = letters > 8 and sum(c.isupper() for c in part) / letters > 0.8
    upper = memo.get((sent.start, sent.end))
    if upper is None:  # a span that is not one of the doc's sentences
        part = sent.text
        letters = sum(c.isalpha() for c in part)
        upper = letters > 8 and sum(c.isupper() for c in part) / letters > 0.8
    return upper


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


# ---------------------------------------------------------------------------
# people


@dataclass
class PersonInfo:
    key: str
    name: str
    start: int
    end: int
    surname: str


def _first_of_two_surnames(key: str) -> str | None:
    """The word before the surname of a name of three words or more, when it is no given name
    and so the first of two surnames ("ibarra" of "jose luis ibarra munoz", not "edward" of
    "robert edward lee")."""
    parts = key.split()
    if len(parts) >= 3 and len(parts[-2]) > 2 and not is_given_name(parts[-2]):
        return parts[-2]
    return None


class People:
    """The people of a document: full names, and the surnames and pronouns that refer to them."""

    def __init__(self, doc: Doc, title_at: dict[int, Span] | None = None):
        self.doc = doc
        self.by_key: dict[str, PersonInfo] = {}
        self.token_person: dict[int, str] = {}
        last_by_surname: dict[str, str] = {}
        name_words = {fold(t.text) for e in doc_ents(doc) if e.label_ in ("ORG", "GPE", "FAC") and len(e) > 1 for t in e}
        # "Stellaris, which processes card payments": a one-word name the text calls a thing
        texts = token_texts(doc)
        name_words |= {fold(w) for i, w in enumerate(texts[:-2]) if w[:1].isupper() and texts[i + 1] == ","
                       and texts[i + 2].lower() == "which"}
        candidates = _joined_at_saint(sorted([e for e in doc_ents(doc) if e.label_ == "PERSON"] + _names_by_context(doc, title_at or {}),
                                             key=lambda sp: sp.start))
        # a name that is anywhere followed by "Ltd", "Inc", ", S.A." ... is a company ("Levy-Russell Ltd"),
        # and so is every word of it: "Fjellheim" of "Fjellheim Energi ASA"
        firms: set[str] = set()
        firm_names: list[tuple[str, ...]] = []
        for ti in range(1, len(texts)):
            if not _legal_suffix(texts[ti]):
                continue
            t = doc[ti]
            if t.i + 1 < len(doc) and texts[t.i + 1] == "-" and not t.whitespace_:
                continue  # (not "Aurich co-founded")
            k = t.i - 2 if doc[t.i - 1].text == "," and t.i >= 2 else t.i - 1
            partners = doc[k].lower_ in ("and", "&") and k >= 1 and fold(t.text) in ("co", "company", "cie")
            if partners:
                k -= 1  # "Wertheim Schroder and Co Inc": the partners' names, a run of the firm's name only
            if not doc[k].text[:1].isupper():
                continue
            if not partners:  # (not "Fentress" of "Baker, Fentress and Co": "James Fentress" is a man)
                firms.add(fold(doc[k].text))
            last = k
            while k >= 0 and last - k < 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k -= 1
            firm_names.append(tuple(fold(x.text) for x in doc[k + 1:last + 1]))
        firm_tokens: set[int] = set()  # words of a firm's name the NER took for a person: no surname there
        for ent in candidates:
            span = self._trim(ent)
            if span is None:
                continue
            if len(span) == 1 and _in_firm_name(doc, span.start):
                continue
            if fold(span[-1].text) in firms or _legal_suffix(span[-1].text) or _part_of_a_firm_name(span, firm_names):
                firm_tokens.update(range(span.start, span.end))
                continue
            if len(span) == 1 and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN":
                continue  # "the Neill report": a name used as an attribute
            if len(span) == 1 and span.start >= 2 and doc[span.start - 1].text == "," and (
                doc[span.start - 2].text == ">" or fold(doc[span.start - 2].text) in _LEGAL_SUFFIXES
            ):
                continue  # "<Allied Comprehensive Health Inc>, Abilene,": the company's town
            lex = triggers()
            if any(t.lower_ in lex.appoint or t.lower_ in lex.depart or t.lower_ in lex.promote for t in span):
                continue  # "NanoGraf Appoints" in a title-case headline
            if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an", "the") or any(
                t.is_upper and t.is_alpha and len(t) >= 3 and t.text not in ("III", "II", "IV") for t in span
            ):
                continue  # "an Abilene investment firm", "SDC Sydney"
            if len(span) == 1 and fold(span.text) in name_words:
                continue  # "Medicen" of "Medicen Paris Region"
            if all(_title_word(t) or t.i in (title_at or {}) for t in span):
                continue  # "promoted to Treasurer": the NER took the title for a name
            words = [fold(t.text) for t in span if t.is_alpha or t.text.endswith(".") or _APOSTROPHE_NAME.fullmatch(t.text)]
            words = [w for w in words if w and w not in _SUFFIXES] or words
            if not words or not words[-1]:
                continue
            surname = words[-1]
            key = self._match(words, surname)
            if key is None:
                key = " ".join(words)
            info = self.by_key.get(key)
            if info is None or len(span.text) > len(info.name):
                self.by_key[key] = PersonInfo(key, span.text, span.start_char, span.end_char, surname)
            last_by_surname[surname] = key
            for t in span:
                self.token_person[t.i] = key
        for key in list(self.by_key):
            first_surname = _first_of_two_surnames(key)
            if first_surname is not None and first_surname not in last_by_surname:
                last_by_surname[first_surname] = key  # "Ibarra" of "José Luis Ibarra Muñoz"
        # full names the NER labelled otherwise ("Stéphane Roques" as ORG)
        known = {tuple(k.split()): k for k in self.by_key if len(k.split()) > 1}
        firsts = {words[0] for words in known}
        folded = [fold(w) for w in texts] if known else []
        for i, word in enumerate(folded):
            if word not in firsts or i in self.token_person:
                continue
            for size in (3, 2):
                words = tuple(folded[i:i + size])
                if i + size < len(doc) and folded[i + size].replace(" ", "") in _LEGAL_SUFFIXES:
                    continue  # "Robert Halmi Inc": the company named after the man
                if len(words) == size and words in known:
                    for k in range(i, i + size):
                        self.token_person[k] = known[words]
                    break
        # surname mentions the NER missed ("Fusco formerly was ..."), and first names
        # that only one known person has ("Ken served as ...")
        first_names: dict[str, str | None] = {}
        for key, info in self.by_key.items():
            parts = key.split()
            if len(parts) > 1 and len(parts[0]) > 1:
                for first in {parts[0]} | nicknames_of(parts[0]):  # "Tom" for Thomas Gellert too
                    first_names[first] = None if first_names.get(first, key) != key else key
        for ti, w in enumerate(texts):
            if not w.istitle() or ti in self.token_person or ti in firm_tokens:
                continue
            tok = doc[ti]
            if tok.i + 1 < len(doc) and _legal_suffix(texts[tok.i + 1]):
                continue  # "Halmi" of "Robert Halmi Inc": the company
            if tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an") or tok.i + 1 < len(doc) and doc[tok.i + 1].is_lower \
                    and doc[tok.i + 1].pos_ == "NOUN" and (doc[tok.i + 1].lower_ in ("board", "boards") or not _title_word(doc[tok.i + 1])
                                                           and (tok.i + 1) not in (title_at or {})):
                continue  # "an Abilene investment firm", "the Halbert report": an attribute, not the person
            key = last_by_surname.get(fold(tok.text))
            if key is None and (tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title):
                key = first_names.get(fold(tok.text))
            ent = tok.ent_type_
            if key and (ent not in ("ORG", "GPE") or ent and tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
                self.token_person[tok.i] = key
        # hyphenated surnames: "Bello-Grant" for Aisha Bello-Grant
        double = {}
        for key, info in self.by_key.items():
            m = re.search(r"(\w+)-(\w+)$", info.name)
            if m:
                double[(fold(m.group(1)), fold(m.group(2)))] = key
        if double:
            for ti in range(len(texts) - 2):
                if texts[ti + 1] != "-":
                    continue
                pair = (fold(texts[ti]), fold(texts[ti + 2]))
                if pair in double and ti not in self.token_person:
                    for k in range(ti, ti + 3):
                        self.token_person[k] = double[pair]

    def _match(self, words: list[str], surname: str) -> str | None:
        """The known person these name words refer to: same surname, compatible first name
        (or a lone first name that only one known person has: "Ken" for Ken Obermeyer)."""
        if len(words) == 1:
            firsts = [k for k in self.by_key if len(k.split()) > 1 and same_first_name(k.split()[0], words[0])]
            if len(firsts) == 1:
                return firsts[0]
        if len(words) == 1:
            # "Ibarra" for José Luis Ibarra Muñoz: the first of two surnames (not a middle name)
            double = [k for k in self.by_key if _first_of_two_surnames(k) == words[0]]
            if len(double) == 1:
                return double[0]
        for key, info in self.by_key.items():
            if info.surname != surname:
                continue
            known = key.split()
            if len(words) == 1 or len(known) == 1:
                return key
            if len(words) < len(known) and known[-len(words):] == list(words):
                return key  # "Chastain-Roux" for Élodie Chastain-Roux
            if len(known) < len(words) and list(words[-len(known):]) == known:
                return key  # "Priya R. Venkataraman" for "R. Venkataraman" (the NER cut the first name)
            a, b = words[0], known[0]
            if a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0] or same_first_name(a, b):
                return key
        return None

    @staticmethod
    def _trim(ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].lower_ in _HONORIFICS or not doc[start].is_alpha and doc[start].text not in ("(",)):
            start += 1
        while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct and doc[end - 1].text != "."):
            end -= 1
        if end <= start:
            return None
        # the NER takes a first name that is a month for a date: "[August] Busch III"
        if start > 0 and start == ent.start and month_is_first_name(doc[start - 1]):
            start -= 1  # only for a name left without a first name ("Busch III", not "John Johnstone Jr")
        # the NER leaves out a first initial: "[J.] Hugh Liedtke", "[R.] Joseph Clancy"
        while start > 0 and re.fullmatch(r"(?:[A-Z]\.)+", doc[start - 1].text) and ent.start - start < 2:
            start -= 1
        # the NER leaves out a first name: "Laurent [Béguin] will remain in office", "Jamal [Hassan Jawa]"
        if end - start <= 2 and start == ent.start and start > 0 and ent.label_ == "PERSON" and _left_out_first_name(doc[start - 1]):
            start -= 1
        # the NER takes a surname that is a day or a month for a date: "Thomas [Sunday]"
        if end - start == 1 and end + 1 < len(doc) and doc[end].lower_ in _DAY_AND_MONTH_NAMES and doc[end].is_title \
                and doc[end + 1].text == ",":
            end += 1  # only before an appositive ("Thomas Sunday, former chairman"), not "named Jones Tuesday to"
        # the NER stops at a hyphen: "Diego Alvarado[-Soto]"
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
            end += 2
        # the NER stops at a middle initial: "Joseph D. [Mahaffey]", "John L. [burns]"
        if re.fullmatch(r"[A-Z]\.", doc[end - 1].text) and end < len(doc) and doc[end].is_alpha and len(doc[end]) > 1 \
                and doc[end].ent_type_ in ("", "PERSON") and not doc[end].is_stop:
            end += 1
        span = doc[start:end]
        if not any(t.text[:1].isupper() for t in span) or any(t.like_num for t in span):
            return None
        if len(span) > 1 and re.fullmatch(r"[A-Z]\.", span[-1].text):
            return None  # "Joseph D.": a name cut short, no surname to refer to
        if "\n" in span.text or any(fold(t.text) in _ORG_WORDS for t in span):
            return None
        return span

    def is_surname(self, text: str) -> bool:
        return any(info.surname == fold(text) for info in self.by_key.values())

    def at(self, i: int) -> str | None:
        return self.token_person.get(i)

    def mentions(self, sent: Span) -> list[tuple[int, int, str]]:
        """(first token, end token, person key) for every mention in the sentence, in order."""
        out: list[tuple[int, int, str]] = []
        i = sent.start
        while i < sent.end:
            key = self.token_person.get(i)
            if key is None:
                i += 1
                continue
            j = i + 1
            while j < sent.end and self.token_person.get(j) == key:
                j += 1
            out.append((i, j, key))
            i = j
        return out


# ---------------------------------------------------------------------------
# the document-level view


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

    def full_org(self, org: CharSpan | None) -> CharSpan | None:
        """The spelled-out name of an organisation the text also abbreviates ("NYMEX")."""
        if org is None:
            return None
        return self.acronyms.get(fold(org.text), org)


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
    return out


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


#: Ranks and offices that stand before names but are not part of them
_RANKS = {"brigadier", "colonel", "admiral", "lieutenant", "sergeant", "general", "major", "captain", "ambassador",
          "senator", "governor", "judge", "justice", "secretary", "minister", "premier", "rep", "sen"}
#: A name with an apostrophe inside: "O'Donoghue", "D’Arcy"
_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+['’][^\W\d_]+")
# (Latin letters with accents too: "Ibáñez", "Wiśniewska", "Nygård")
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f"
_NAME_PART = re.compile(rf"^(?:[{_UPPER}][{_LOWER}'’\-]+(?:-[{_UPPER}][{_LOWER}]+)?|[A-Z]\.(?:[A-Z]\.)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O'[A-Z][a-z]+|Jr\.?|Sr\.?|II|III|IV|de|von|van|der|da|di|la|le)$")


def _part_of_a_firm_name(span: Span, firm_names: list[tuple[str, ...]]) -> bool:
    """Are the span's words a run of a firm's name the text gives with a legal suffix: "Fjellheim"
    of "Fjellheim Energi ASA", "Grupo Alcántara" of "Grupo Alcántara Infraestructuras, S.A."? Not
    a person the firm is named after ("Jane Porter" of "Jane Porter Associates Inc") nor the same
    words in another order ("Stanley Morgan" and "Morgan Stanley Group Inc")."""
    words = tuple(fold(t.text) for t in span if t.is_alpha)
    if not words or len(words) > 1 and is_given_name(words[0]):
        return False
    n = len(words)
    return any(name[i:i + n] == words for name in firm_names for i in range(len(name) - n + 1))


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
    appointment verb, or followed by "as" + title or ", " + title.
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
        while j < n and j - i < 4 and _NAME_PART.match(doc[j].text) and doc[j].ent_type_ in ("", "ORG", "GPE", "NORP", "LAW", "PRODUCT", "WORK_OF_ART", "FAC") and not doc[j].is_space and (j == i or not doc[j - 1].whitespace_ == "" or doc[j - 1].text.endswith(".")):
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
        if len(words) < 2 or any(t.ent_type_ == "ORG" and t.ent_iob_ == "B" and _runs_past(doc, t.i, j, title_at) for t in doc[i:j]):
            i = max(j, i + 1)
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[j] if j < n else None
        after2 = doc[j + 1] if j + 1 < n else None
        before2 = doc[i - 2] if i > 1 else None
        if before is not None and before.lower_ in ("of", "at", "for", "with", "from", "by") and not (
            before.lower_ == "of" and before2 is not None and before2.lower_ in _CHANGE_NOUNS
            and after is not None and after.lower_ == "as"
        ):
            i = max(j, i + 1)
            continue  # "CCO of Colony Hardware, Executive Vice President of Aramsco": firms
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
            # "Winthrop Sargent IV has been named president": the subject of a passive appointment
            or _passive_change_follows(doc, j, lex)
            # "Beverly Ahn will replace John Voight as ...": the subject of a succession
            or _succession_follows(doc, j, lex)
        )
        if ok:
            out.append(doc[i:j])
        i = max(j, i + 1)
    return out


#: "the appointment of Rhiannon Pryce-Jones as ...": nouns whose "of" leads to the person changing
_CHANGE_NOUNS = {"appointment", "appointments", "election", "promotion", "hiring", "nomination", "resignation",
                 "retirement", "departure", "arrival", "addition"}

_DAY_AND_MONTH_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december"}

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


def _succession_follows(doc: Doc, j: int, lex) -> bool:
    """Does "replaces", "will succeed", "is to replace" and then a name start at j?"""
    k = j
    while k < len(doc) and k - j < 2 and doc[k].lower_ in ("will", "would", "is", "to"):
        k += 1
    return k + 1 < len(doc) and doc[k].lower_ in lex.succeed and doc[k].pos_ == "VERB" and doc[k + 1].text.istitle()


def _in_firm_name(doc: Doc, i: int) -> bool:
    """Is the single name at ``i`` one partner in a firm's name ("vice president of
    Woodhouse, Drake and Carey")? Walk left over capitalised words, commas and "and"."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 6 and (doc[k].text in (",", "&") or doc[k].lower_ == "and" or doc[k].text[:1].isupper() and doc[k].is_alpha):
        k -= 1
        steps += 1
    return steps > 0 and k >= 0 and doc[k].lower_ in ("of", "at", "for", "with") and doc[i - 1].text in (",", "&", "and")


def _clean_org(span: Span) -> Span | None:
    """An organisation entity without "the" and trailing punctuation; None if it is not a name.

    Upper-case words of six letters or more come from headlines and datelines
    ("WILMINGTON", "RETIRE"), not from the organisation's name.
    """
    start, end = span.start, span.end
    doc = span.doc
    if start > 0 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ":" or \
            start > 1 and doc[start - 1].text == ":" and doc[start - 2].text[:1].isupper() and start > 2 and doc[start - 3].text == "(":
        return None  # "(OSE: FJELL)", "(NYSE: TKR)": a stock exchange and a ticker
    if start > 0 and CLOCK.fullmatch(doc[start - 1].text):
        return None  # "14:32 BST": a time zone
    # the NER often cuts a name short: "Genex [Corp]", "Wertheim Schroder and [Co Inc]"
    k = start
    firm = fold(doc[end - 1].text) in _LEGAL_SUFFIXES  # "Wertheim Schroder and [Co Inc]"
    while k - 1 >= 0 and start - k < 5:
        prev = doc[k - 1]
        if prev.is_alpha and prev.text[:1].isupper() and (prev.ent_type_ in ("", "ORG") or firm and prev.ent_type_ == "PERSON") and prev.lower_ not in _STOP_CAPS and (not prev.is_sent_start or firm and k < start):
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
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].text in ("<", "(", "-", "—", "–")):
        start += 1
    if start < end and doc[start].lower_.rstrip(".") in _HONORIFICS:
        return None  # "Mr. Kwon", "Dr. Balencic": a person
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", ">") or doc[end - 1].is_punct and doc[end - 1].text not in (".", "!")):
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    if "\n\n" in span.text or not any(t.text[:1].isupper() for t in span):
        return None
    if any(t.is_upper and t.is_alpha and len(t) >= 6 for t in span) and _in_upper_sentence(doc, span.start):
        return None
    if _all_title_words(span):
        return None  # "CFO", "EVP", "Digital & Transformation Officer"
    if len(span) == 1 and fold(span.text) in _GENERIC_ORGS:
        return None  # "the Company"
    return span


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


def _headline_org(doc: Doc, sents: list[Span]) -> Span | None:
    """ "# SomosVC Appoints José Piñero as ...": the name before the headline's verb."""
    lex = triggers()
    for sent in sents:
        if is_upper_sentence(sent) or not (_title_case_line(sent) or sent.text.lstrip().startswith("#")):
            continue
        for tok in sent:
            if tok.lower_ in lex.appoint or tok.lower_ in lex.promote or tok.lower_ in lex.depart:
                start = tok.i
                while start - 1 >= sent.start and doc[start - 1].text[:1].isupper() or start - 1 >= sent.start and doc[start - 1].text in (".", "&", "-"):
                    start -= 1
                if start < tok.i:
                    span = _clean_org(doc[start:tok.i])
                    if span is not None:
                        return span
                break
    return None


def _name_words(key: frozenset[str]) -> frozenset[str]:
    """An organisation key without legal suffixes ("llp", "asa" ...)."""
    return frozenset(w for w in key if w.replace(" ", "") not in _LEGAL_SUFFIXES)


@lru_cache(maxsize=65536)
def _legal_suffix(text: str) -> bool:
    """Is the word a company's legal suffix, dotted or not ("Inc", "S.A.", "ASA")?"""
    return fold(text).replace(" ", "") in _LEGAL_SUFFIXES


def _has_legal_suffix(span: Span) -> bool:
    return _legal_suffix(span[-1].text)


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
            if span is None or people.at(span.start) is not None or people.is_surname(span.text):
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
                if span is not None and _clean_org(span) is not None and people.at(span.start) is None and not people.is_surname(span.text):
                    subject = span
                    break
        if subject is not None:
            break
    headline = _headline_org(doc, sents[:4])
    if headline is not None and people.at(headline.start) is None:
        subject = headline
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
        spans = max(counts.values(), key=len)
        best = max(spans, key=lambda s: len(s.text))
        return CharSpan(best.text, best.start_char, best.end_char)
    return None


def make_view(doc: Doc) -> DocView:
    sents = sentences(doc)
    titles = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    title_at = {}
    for t in titles:
        for i in range(t.start, t.end):
            title_at[i] = t
    people = People(doc, title_at)
    acronyms = _acronyms(doc)
    main = _main_org(doc, sents, people)
    main = acronyms.get(fold(main.text), main) if main is not None else None
    acronyms = {**_short_names_of(doc, main), **acronyms}
    return DocView(doc, people, titles, title_at, main, sents, acronyms)


# ---------------------------------------------------------------------------
# sentence rules


@dataclass
class Trigger:
    kind: str  # appoint | promote | succeed | depart
    tok: Token


def find_triggers(sent: Span) -> list[Trigger]:
    lex = triggers()
    out = []
    for tok in sent:
        w = tok.lower_
        kind = None
        if w in lex.promote:
            kind = "promote"
        elif w in lex.succeed:
            kind = "succeed"
        elif w in lex.depart:
            parts = lex.depart_needs_particle.get(w)
            if parts is not None:
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                if nxt is not None and nxt.lower_ in lex.step_in.get(w, ()):
                    out.append(Trigger("appoint", tok))  # "stepped into the role of interim CEO"
                    continue
                if nxt is None or nxt.lower_ not in parts:
                    continue
            kind = "depart"
        elif w in lex.serve_as:
            # "will serve as interim chief executive": a new, usually temporary, post
            doc = tok.doc
            ahead = [t.lower_ for t in doc[tok.i + 1:min(len(doc), tok.i + 4)]]
            if not (tok.i > 0 and doc[tok.i - 1].lower_ in ("will", "to", "would") and ahead[:1] == ["as"]
                    and any(a in ("interim", "acting", "temporary") for a in ahead)):
                continue
            kind = "appoint"
        elif w in lex.take_over:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is None or nxt.lower_ not in lex.take_over[w]:
                continue
            after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
            # "would take over as acting governor"; "will take over for Grubb as president"
            kind = "succeed" if after is not None and after.lower_ in ("from", "for") else "appoint"
        elif w in lex.appoint:
            if w in lex.appoint_needs_passive and not (tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("was", "were", "been", "be", "is", "being")):
                continue  # "was made agriculture secretary", not "made a profit"
            kind = "appoint"
        if kind is None:
            continue
        if tok.i > 1 and tok.doc[tok.i - 1].text == "-" and (
            tok.doc[tok.i - 2].lower_ == "newly" or tok.doc[tok.i - 2].lower_ == "re" and kind == "appoint" and w not in ("assume", "assumes", "assumed", "join", "joins", "joined")
        ):
            continue  # "re-elected" keeps a post; "newly-appointed" describes; "re-assume" is a change
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("the", "an", "a") and tok.tag_ in ("VBN", "JJ") or (
            tok.dep_ == "amod" and nxt is not None and nxt.lower_ in _DUTY_WORDS
        ):
            continue  # "the added post", "a retired general"
        if tok.pos_ in ("PROPN",) and not tok.is_lower and not _title_case_line(sent):
            continue  # "Gerald Names", "Leave Corp" (but "NanoGraf Appoints Thomas Redd")
        out.append(Trigger(kind, tok))
    return out


def _title_case_line(sent: Span) -> bool:
    """A headline in title case: most words capitalised."""
    if sent.text.rstrip().rstrip('"”’\'').endswith((".", "?", "!")):
        return False  # a sentence of the body, however many names it holds
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.7


def _speculative(sent: Span, trig: Token) -> bool:
    lex = triggers()
    window = sent.doc[max(sent.start, trig.i - 9): trig.i]
    return any(t.text in lex.speculation for t in window)


def _background(trig: Token) -> bool:
    """A change told as background: "after retiring from", "since joining", "who joined in 2019"."""
    doc = trig.doc
    prev = [doc[i].lower_ for i in range(max(0, trig.i - 2), trig.i)]
    if any(w in ("after", "before", "since", "until", "upon") for w in prev):
        return True
    return False


def _in_background_clause(tok: Token) -> bool:
    """Is the first verb above ``tok`` in the past, in a clause opened by "after", "before",
    "since", "when" ...? (A change told inside a clause that is itself background is background:
    "after Baker was named chief of staff following the resignation of Donald Regan"; but not
    "when Harlow's retirement takes effect".)"""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "prep":  # ("following" is a preposition)
            past = anc.tag_ == "VBD" or anc.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in anc.children)
            return past and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in anc.children)
    return False


_BACKGROUND_MARKS = {"after", "before", "since", "until", "when", "once"}


def _between_ok(doc: Doc, a: int, b: int, extra: frozenset[str] = frozenset()) -> bool:
    """Are all tokens in [a, b) connector words ("as", "to be", "was named")?"""
    if b - a > 9:
        return False
    agent = False
    for i in range(a, b):
        t = doc[i]
        w = t.lower_
        agent = agent or w == "by"
        if w in _CONNECT or w in extra or t.like_num or t.is_space or t.ent_type_ in ("DATE", "TIME") or w == "on":
            continue
        if agent and w in _APPOINTING_BODIES:
            continue  # "was appointed by the board (of directors) as president"
        return False
    return True


#: Who appoints, in "by the board of directors", "by its shareholders"
_APPOINTING_BODIES = {"board", "boards", "directors", "trustees", "governors", "shareholders", "stockholders",
                      "company", "company's", "'s", "’s", "members", "council", "supervisory"}


def _appositive_end(doc: Doc, j: int, limit: int) -> int | None:
    """If an appositive ", 45, senior vice president of X," starts at j, return the index after it."""
    if j >= limit or doc[j].text != ",":
        return None
    k = j + 1
    while k < limit and k - j < 24:
        if doc[k].text == ",":
            if k + 1 < limit and all(t.like_num for t in doc[j + 1:k]):
                # ", 58, a director since 1979,": the age, then what the person is (but not ", 58, a
                # director, and Carl Dunn, treasurer": her new post); ", 50, executive vice
                # president, as president": what the person is, before the new post
                second = _appositive_end(doc, k, limit)
                if second is not None and second < limit and (
                        doc[k + 1].lower_ in _DESCRIBING and doc[second].lower_ not in ("and", "or", "&")
                        or doc[second].lower_ == "as"):
                    return second
            return k + 1
        if doc[k].text in (".", ";") or doc[k].is_space and "\n\n" in doc[k].text:
            return None
        k += 1
    return None


#: Words that open an appositive describing a person ("a director since 1979", "formerly ...")
_DESCRIBING = {"a", "an", "formerly", "previously", "currently", "now", "most", "until", "who"}


def _as_after_appositive(doc: Doc, j: int, limit: int) -> int | None:
    """The "as" that follows an appositive ending at j, past a short abbreviation or second
    appositive ("X, chairman of the Securities and Exchange Commission, SEC, as ..."), if any."""
    k = j
    while k < limit and k - j < 4:
        tok = doc[k]
        if tok.lower_ == "as":
            return k
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", "(", ")") or tok.is_space:
            return None
        k += 1
    return None


def _title_by_apposition(view: DocView, ms: int, me: int, lo: int) -> Span | None:
    """A title the person is in apposition to, through the organisation it is "of": "The acting
    governor of Saudi Arabia's state-owned oil company, Petromin, Jamal Hassan Jawa, has retired"."""
    doc = view.doc
    tok = doc[ms:me].root
    for _ in range(6):
        if tok.dep_ not in ("appos", "pobj", "prep") or tok.head is tok:
            return None
        tok = tok.head
        t = view.title_at.get(tok.i)
        if t is not None:
            return t if lo <= t.start < ms else None
    return None


def _as_closing_appositive(view: DocView, j: int, limit: int) -> int | None:
    """The "as" that ends an appositive opened by the comma at j and never closed, if any."""
    doc = view.doc
    for k in range(j + 1, min(limit, j + 16)):
        tok = doc[k]
        if tok.lower_ == "as":
            return k if k > j + 2 else None
        if tok.pos_ in ("VERB", "AUX") and k not in view.title_at or tok.text in (".", ";", ",", "(", ")") or tok.is_space and "\n\n" in tok.text:
            return None
    return None


def _title_before(view: DocView, start: int, lo: int) -> Span | None:
    doc = view.doc
    for t in reversed(view.titles):
        if t.end > start or t.end <= lo:
            continue
        gap = [doc[i] for i in range(t.end, start)]
        if all(g.lower_ in ("the", "its", "former", "new", "outgoing", ",", "'s") or g.ent_type_ == "ORG" for g in gap) and len(gap) <= 4:
            return t
        return None
    return None


def _appositive_title(view: DocView, end: int, limit: int) -> Span | None:
    doc = view.doc
    if end < limit and doc[end].text == ",":
        for t in view.titles:
            if t.start <= end or t.start >= limit:
                continue
            gap = [doc[i] for i in range(end + 1, t.start)]
            if len(gap) <= 4 and all(g.lower_ in ("the", "its", "a", "an", "former", "currently", "who", "is", "was", "'s", "’s") or g.ent_type_ == "ORG" or g.like_num or g.text == "," for g in gap):
                return t
            return None
    return None


def _and_its_unit(view: DocView, org: CharSpan | None, sent: Span) -> CharSpan | None:
    """ "<org> and its <Name> unit/subsidiary": the unit, which the role also covers."""
    if org is None:
        return None
    doc = view.doc
    span = doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None or not (sent.start <= span.start < sent.end):
        return None
    k = span.end
    if k + 2 < sent.end and doc[k].lower_ == "and" and doc[k + 1].lower_ == "its":
        run = _capitalized_run(doc, k + 2, sent.end)
        if run is not None and run.end < sent.end and doc[run.end].lower_ in ("unit", "subsidiary", "division", "affiliate"):
            unit = _clean_org(run)
            if unit is not None:
                return CharSpan(unit.text, unit.start_char, unit.end_char)
    return None


def _split_title(title: Span) -> list[Span]:
    """Cut "X of A and Y of B" into its roles, one per organisation; other titles stay whole.

    Only a conjunction that follows an "of ..." part and starts a new role splits.
    """
    doc = title.doc
    finder = _finder()
    parts: list[Span] = []
    start = title.start
    seen_of = False
    i = title.start
    while i < title.end:
        tok = doc[i]
        if tok.lower_ in ("of", "for") and i > start:
            seen_of = True
        elif seen_of and tok.lower_ in ("and", "&") and i + 1 < title.end:
            nxt = i + 1
            if finder._role_run(doc, nxt, conjoined=True) is not None:
                end = i - 1 if doc[i - 1].text == "," else i
                parts.append(doc[start:end])
                start, seen_of = nxt, False
                i = nxt
                continue
        i += 1
    if not parts:
        return [title]
    parts.append(doc[start:title.end])
    # the last role must name an organisation of its own ("... of its Central Trust unit")
    last = parts[-1]
    of = next((t.i for t in last if t.lower_ in ("of", "for")), None)
    units = lexicon().unit_words - {"board", "committee", "staff", "office"}
    named = doc[of + 1:last.end] if of is not None else doc[0:0]
    if of is None and _names_the_firm(parts[0]) and title.end + 1 < len(doc) \
            and doc[title.end].lower_ in ("of", "at"):
        # "director of the company and president of Kierulff, its largest division": the
        # organisation of the last role follows the title
        k = title.end + 1
        while k < len(doc) and doc[k].lower_ in ("the", "its", "<"):
            k += 1
        if k >= len(doc):
            return [title]
        run = _capitalized_run(doc, k, min(len(doc), k + 8)) if doc[k].ent_type_ != "ORG" else _ent_at(doc, k)
        if run is None or _clean_org(run) is None or _all_title_words(run):
            return [title]
        return [p for p in parts if len(p)]
    if of is None or not any(t.ent_type_ == "ORG" or t.lower_ in units for t in named) and not (
        len(named) and named[0].text[:1].isupper() and named[0].lower_ not in ("the", "its")
    ):
        return [title]
    return [p for p in parts if len(p)]


def _names_the_firm(part: Span) -> bool:
    """ "director of the company", "president of Acme Corp": a role whose "of" part is an
    organisation, not a function ("vice president of finance")."""
    of = next((t.i for t in part if t.lower_ in ("of", "at")), None)
    if of is None or of + 1 >= part.end:
        return False
    rest = part.doc[of + 1:part.end]
    if rest[0].lower_ in ("the", "its") and len(rest) == 2 and rest[1].lower_ in _GENERIC_ORGS - {"board"}:
        return True  # (not "chairman of the board and chief executive of Acme": one firm's board)
    return all(t.ent_type_ == "ORG" for t in rest if t.lower_ not in ("the", "its"))


@lru_cache(maxsize=1)
def _finder():
    from .components import TitleFinder

    return TitleFinder(lexicon())


def _org_for_title(view: DocView, title: Span, sent: Span) -> CharSpan | None:
    """The organisation a title belongs to, when the sentence says it."""
    doc = view.doc
    # "chairman of the company's subsidiary, NL Chemicals": the unit named after the title
    if title[-1].lower_ in lexicon().unit_words and title.end + 1 < sent.end and doc[title.end].text == ",":
        k = title.end + 1
        if doc[k].ent_type_ == "ORG":
            ent = _ent_at(doc, k)
            span = _clean_org(ent) if ent is not None else None
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    # "president of the unit": the unit named earlier ("its beer subsidiary, Anheuser-Busch Inc")
    det = len(title) - 2
    while det > 0 and title[det].lower_ in _NEWLY:
        det -= 1  # "of the new affiliate", "of the newly formed unit"
    if len(title) >= 3 and title[-1].lower_ in _UNIT_NOUNS and det >= 1 and title[det].lower_ in ("the", "its") \
            and title[det - 1].lower_ == "of":
        unit = _unit_named_before(view, title.start, title[-1].lower_)
        if unit is not None:
            return unit
    # "president of its Britt Airways unit": the unit, when named
    for tok in title:
        if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B":
            ent = _ent_at(doc, tok.i)
            span = _clean_org(ent) if ent is not None else None
            if span is not None and span.end <= title.end:
                return CharSpan(span.text, span.start_char, span.end_char)
    # "president of Costa Rica's central bank": a unit named through its place
    of = next((t.i for t in title if t.lower_ == "of"), None)
    if of is not None and any(t.ent_type_ in ("GPE", "NORP") for t in doc[of + 1:title.end]):
        k = of + 1
        while k < title.end and doc[k].lower_ in ("the", "its", "a"):
            k += 1
        if k < title.end:
            part = doc[k:title.end]
            return CharSpan(part.text, part.start_char, part.end_char)
    # "agriculture secretary", "foreign minister": a government post, in its ministry when the
    # text names it, else the country's government
    if _government_post(title):
        ministry = _ministry(view, title)
        if ministry is not None:
            return ministry
        country = _country(view)
        if country is not None:
            return country
    # "president of Fil-Mor Express Inc", "CEO at Acme"
    j = title.end
    if j < sent.end and doc[j].lower_ in ("of", "at", "for", "with"):
        k = j + 1
        while k < sent.end and doc[k].lower_ in ("the", "<"):
            k += 1
        if k < sent.end and (doc[k].ent_type_ == "ORG" or _institution(doc, k)):
            ent = _ent_at(doc, k)
            if ent is not None:
                span = _clean_org(ent)
                if span is not None:
                    return CharSpan(span.text, span.start_char, span.end_char)
        elif k < sent.end and doc[k].ent_type_ in ("", "ORG", "PERSON") and view.people.at(k) is None:
            # a name the NER left unlabelled: "president of Industrial Motion" (or took for a person
            # that the people's registry turned down: "Redmoor Plc")
            run = _capitalized_run(doc, k, sent.end)
            if run is not None and _clean_org(run) is not None and not _all_title_words(run):
                span = _clean_org(run)
                return CharSpan(span.text, span.start_char, span.end_char)
    # "Hytek's vice president", "Midcon senior vice president"
    k = title.start - 1
    if k >= sent.start and doc[k].text in ("'s", "’s"):
        k -= 1
    if k >= sent.start and doc[k].ent_type_ == "ORG":
        ent = _ent_at(doc, k)
        if ent is not None:
            span = _clean_org(ent)
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    return None


#: Words that point back at a unit named before ("president of the unit"); not "board" or "bank"
_UNIT_NOUNS = {"unit", "subsidiary", "division", "affiliate", "arm"}
#: Words between "the" and such a unit noun that still point back ("the new affiliate")
_NEWLY = {"new", "newly", "formed", "created", "combined"}
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


def _unit_named_before(view: DocView, before: int, noun: str | None = None) -> CharSpan | None:
    """The last unit the text named before token ``before``: "its beer subsidiary,
    Anheuser-Busch Inc", "its Britt Airways unit" ("unit" and "subsidiary" refer to either);
    with ``noun``, the last one named with that noun first ("the new affiliate": the one named
    an affiliate, not "the Mobil Corp subsidiary")."""
    doc = view.doc
    found = same_noun = None
    for ent in doc_ents(doc):
        if ent.start >= before:
            break
        if ent.label_ != "ORG":
            continue
        if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in _UNIT_NOUNS:
            called = doc[ent.start - 2].lower_
        elif ent.end < len(doc) and doc[ent.end].lower_ in _UNIT_NOUNS:
            called = doc[ent.end].lower_
        else:
            continue
        span = _clean_org(ent)
        if span is not None:
            found = CharSpan(span.text, span.start_char, span.end_char)
            if called == noun:
                same_noun = found
    # "the new affiliate": the unit named an affiliate, before any other kind of unit
    return same_noun or found


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


def _left_from(view: DocView, sent: Span, after: int) -> CharSpan | None:
    """The organisation a departure names after "from" ("resigned from Beta Inc", "his
    retirement from the Pentagon"), after token ``after``, the person's end."""
    doc = view.doc
    depart = triggers().depart
    for tok in doc[after:sent.end - 2]:
        if tok.lower_ in ("who", "which", ";") or tok.ent_type_ == "PERSON" or view.people.at(tok.i) is not None:
            return None  # "X, who retired from Beta Inc in 2019, resigned": another clause or person
        if tok.lower_ not in depart:
            continue
        if doc[tok.i + 1].lower_ != "from":
            return None  # only the first departure word after the person
        k = tok.i + 2
        if doc[k].lower_ == "the" and k + 1 < sent.end:
            k += 1
        if doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ == "B":
            ent = _ent_at(doc, k)
            span = _clean_org(ent) if ent is not None else None
            if span is not None and span.end <= sent.end:
                return CharSpan(span.text, span.start_char, span.end_char)
        return None
    return None


def _named_by_title(org: CharSpan, title: Span) -> bool:
    """Does ``org`` stand in or right after the title ("president of Acme Corp")?"""
    return title.start_char <= org.start < title.end_char + 40


def _subject_org(view: DocView, sent: Span, before: int) -> CharSpan | None:
    """ "Foo Inc said it named ...", "Foo Inc has appointed ...": the announcing organisation."""
    doc = view.doc
    for ent in sent_ents(sent):
        if ent.label_ != "ORG" or ent.start >= before:
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is None:
            continue
        if nxt.lower_ in ("said", "says", "announced", "announces", "has", "have", "named", "names", "appointed",
                           "appoints", "elected", "elects", "hired", "hires", "promoted", "promotes", "today",
                           "also", "board", "'s", "’s", "welcomed", "welcomes") or nxt.text == "," and _looks_like_said(doc, ent.end, sent.end):
            span = _clean_org(ent)
            if span is not None:
                return CharSpan(span.text, span.start_char, span.end_char)
    return None


def _looks_like_said(doc: Doc, i: int, limit: int) -> bool:
    """"MidCon Corp, a unit of Occidental Petroleum Corp, said": an appositive then "said"."""
    end = _appositive_end(doc, i, limit)
    return end is not None and end < limit and doc[end].lower_ in ("said", "announced", "has", "named", "appointed", "today")


def _board_title(doc: Doc, start: int, limit: int, reach: int = 7) -> Span | None:
    """ "elected to its board", "resigned from the board of directors", "named to the Jacobs
    board", "joined AST's board" -> the span "board"."""
    for i in range(start, min(limit, start + reach)):
        if doc[i].lower_ != "board":
            continue
        j = i - 1
        while j > start and (doc[j].ent_type_ == "ORG" or doc[j].text in ("'s", "’s") or doc[j].text[:1].isupper()):
            j -= 1
        if j - 1 > start and doc[j].lower_ in _GENERIC_ORGS and doc[j - 1].lower_ in ("the", "its", "our", "their"):
            j -= 1  # "the company's board": the words before the possessive
        if doc[j].lower_ in ("its", "the", "company's", "our", "their", "his", "her"):
            j -= 1
        if j >= start and doc[j].lower_ in ("to", "from", "on", "of", "joined", "join", "joins", "left", "leaves"):
            return doc[i:i + 1]
    return None


# ---------------------------------------------------------------------------
# the main entry


def _span(doc_or_span) -> CharSpan:
    return CharSpan(doc_or_span.text, doc_or_span.start_char, doc_or_span.end_char)


def find_appointments(doc: Doc, view: DocView | None = None) -> list[Found]:
    view = view or make_view(doc)
    found: list[Found] = []
    last_key: str | None = None
    for si, sent in enumerate(view.sents):
        # "Kyle Hendrick joined Deep MM as CFO": what is joined is the firm, whatever the NER says
        mentions = [m for m in view.people.mentions(sent) if m[0] == 0 or doc[m[0] - 1].lower_ not in _JOIN_WORDS
                    or m[1] < len(doc) and doc[m[1]].lower_ != "as"]  # ("She joins Tom Reed, who ...": a person)
        # pronoun at the start of a sentence refers to the last person in focus
        pron = None
        for tok in sent[:3]:
            if tok.lower_ in ("he", "she") and last_key is not None:
                pron = (tok.i, tok.i + 1, last_key)
                break
        if pron is not None:
            mentions = sorted(mentions + [pron])
        trigs = [t for t in find_triggers(sent) if not _speculative(sent, t.tok)]
        # "elected Paul Johnson a vice president and named him chief financial officer"
        trig_at = {t.tok.i for t in trigs if t.kind in ("appoint", "promote")}
        for tok in sent:
            if tok.lower_ in ("him", "her") and tok.i - 1 in trig_at:
                before = [m for m in mentions if m[1] <= tok.i]
                if before:
                    mentions = sorted(mentions + [(tok.i, tok.i + 1, before[-1][2])])
        if not is_upper_sentence(sent):
            if trigs:
                found.extend(_sentence_records(view, sent, si, mentions, trigs, found))
            found.extend(_copula_records(view, sent, si, mentions))
        if mentions:
            last_key = mentions[0][2] if not found or found[-1].sent_index != si else found[-1].person_key
    found.extend(_former_holders(view, found))
    found = [f for f in found if not f.elsewhere]  # nothing to name the organisation by
    found = [f for f in _merge(found) if not _committee_seat(doc, f)]
    found = _every_post_of_predecessor(found)
    _attach_past_employers(view, found)
    _left_for_new(view, found)
    return found


def _left_for_new(view: DocView, found: list[Found]) -> None:
    """Someone who leaves one organisation for another in the story worked at the first:
    "Fusco resigned as president of Iomega to become chairman of Sequoia Systems"."""
    for d in found:
        if d.event != "departed" or d.organisation is None:
            continue
        span = view.doc.char_span(d.organisation.start, d.organisation.end, alignment_mode="expand")
        if span is None or any(view.people.at(t.i) is not None for t in span):
            continue  # an organisation that is a person's name: a rule went wrong, pass nothing on
        for f in found:
            if f.person_key != d.person_key or f.event == "departed" or f.organisation is None:
                continue
            if same_org(f.organisation.text, d.organisation.text) or any(
                same_org(p.text, d.organisation.text) for p in f.past_employers
            ):
                continue
            f.past_employers.append(d.organisation)


def _every_post_of_predecessor(found: list[Found]) -> list[Found]:
    """A successor takes the predecessor's post wherever he held it: "Kline will resign as
    president of Liberty Financial Group Inc and its Liberty Savings Bank unit ... Kline's
    post will be filled by Cheleden" makes Cheleden president of both."""
    out = list(found)
    for f in found:
        if f.event == "departed" or not f.succeeds or f.organisation is None:
            continue
        words = _title_words(f.title.text)
        held = [d for d in found if d.event == "departed" and d.person.text == f.succeeds and d.organisation is not None
                and _title_words(d.title.text) == words]
        if len(held) < 2 or len({d.sent_index for d in held}) > 1 or not any(
            same_org(d.organisation.text, f.organisation.text) for d in held
        ):
            continue  # one post, posts told apart, or not the same post
        for d in held:
            if any(g.person_key == f.person_key and g.event != "departed" and g.organisation is not None
                   and same_org(g.organisation.text, d.organisation.text) for g in out):
                continue
            out.append(replace(f, organisation=d.organisation, past_employers=[]))
    return out


_LIST_GAP = {",", "and", "&"}
_PLURAL_HEADS = {"directors": "director", "trustees": "trustee", "members": "member",
                 "governors": "governor", "partners": "partner", "officers": "officer"}


def _listed(doc: Doc, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Are mentions a and b next to each other in a list: only ", " and "and" between them, or
    an appositive the parse joins across ("Benjamin W. Macdonald, a director of <TMOC Resources
    Ltd>, the principal holder of Avalon stock, and Hardwick Simmons, ...")?"""
    gap = [doc[i] for i in range(a[1], b[0])]
    if not gap:
        return False
    if all(t.text in _LIST_GAP or t.is_space for t in gap):
        return True
    if len(gap) > 24 or gap[0].text != "," or [t.text for t in gap[-2:]] != [",", "and"] or any(
        t.text in (";", ".") or t.is_space and "\n\n" in t.text for t in gap
    ):
        return False
    if gap[1].lower_ in ("its", "the", "their", "his", "her"):
        return False  # "Tom Baker, its president, and Ann Lee, its treasurer, resigned": each his own post
    root = next((t for t in doc[b[0]:b[1]] if not b[0] <= t.head.i < b[1]), None)
    return root is not None and root.dep_ == "conj" and a[0] <= root.head.i < a[1]


def _list_end(doc: Doc, mentions, idx: int) -> int:
    """Index of the last mention in a list "A, B and C" that starts at mention ``idx``."""
    j = idx
    while j + 1 < len(mentions) and _listed(doc, mentions[j], mentions[j + 1]):
        j += 1
    return j


def _list_start(doc: Doc, mentions, idx: int) -> int:
    j = idx
    while j > 0 and _listed(doc, mentions[j - 1], mentions[j]):
        j -= 1
    return j


def _plural_title(doc: Doc, i: int, limit: int) -> CharSpan | None:
    """ "were named directors", "named X and Y senior vice presidents": the title with its head
    in the singular (the span leaves out the "s")."""
    lex = lexicon()
    k = i
    while k < limit and k - i < 4 and doc[k].lower_ in lex.modifiers:
        k += 1
    if k < limit and (doc[k].lower_ in _PLURAL_HEADS or k > i and _plural_title_word(doc[k])):
        return _singular_title(doc, doc[i].idx, doc[k])
    return None


def _singular_title(doc: Doc, start_char: int, head: Token) -> CharSpan:
    """The title from ``start_char`` to a plural ``head``, the head in the singular: the span
    leaves out its "s"."""
    end = head.idx + len(head.text) - 1
    return CharSpan(doc.text[start_char:end], start_char, end)


def _title_after_pos(view: DocView, pos: int, limit: int, trigger_words: frozenset[str]):
    """A title (Span or CharSpan) that follows token ``pos`` with only connectors between."""
    doc = view.doc
    skip_to = None
    titles = view.titles
    inside = view.title_at.get(pos)
    if inside is not None and inside.start < pos and _finder()._role_run(doc, pos) is not None:
        # "formerly a vice president, treasurer": the conjoined title after the appositive
        titles = [doc[pos:inside.end]] + [t for t in titles if t.start >= inside.end]
    for t in titles:
        if t.start < pos or t.start >= limit:
            continue
        if t.end < len(doc) and doc[t.end].text in ("'s", "’s"):
            continue  # "the president's top aide": the title of someone else
        owner_end = _owned_title_end(view, t)
        if owner_end is None and _after_by(doc, t.start):
            owner_end = t.end  # "will be named by the President as judge": who names
        if owner_end is not None:
            # "by President Reagan", "President Reagan's": another person's title, passed over
            if skip_to is None and _between_ok(doc, pos, t.start, trigger_words):
                skip_to = owner_end
            continue
        # "as Federal Reserve Board chairman", "as Acme's president": the organisation before the title
        lead = t.start
        while lead - 1 >= pos:
            if doc[lead - 1].ent_type_ in ("ORG", "GPE", "NORP"):
                lead -= 1
            elif doc[lead - 1].text in ("'s", "’s") and lead - 2 >= pos and (
                    doc[lead - 2].ent_type_ == "ORG" or doc[lead - 2].text[:1].isupper() and view.people.at(lead - 2) is None):
                lead -= 2  # the owner, whatever the NER made of it ("Charter's chairman")
                while lead - 1 >= pos and doc[lead - 1].text[:1].isupper() and doc[lead - 1].is_alpha \
                        and view.people.at(lead - 1) is None:
                    lead -= 1
            else:
                break
        if skip_to is not None:
            if t.start >= skip_to and _between_ok(doc, skip_to, lead, trigger_words | {"as"}):
                return _from_to(view, t)
            break
        if _between_ok(doc, pos, lead, trigger_words):
            return _from_to(view, t)
        break
    k = pos
    while k < limit and (doc[k].lower_ in _CONNECT or doc[k].lower_ in trigger_words) and k - pos < 6:
        k += 1
    # "senior vice presidents": a modifier the connectors took ("senior post") opens the title
    for j in range(pos, k):
        if doc[j].lower_ in lexicon().modifiers and doc[j].lower_ not in _NOT_OPENING:
            plural = _plural_title(doc, j, limit)
            if plural is not None:
                return plural
    return _plural_title(doc, k, limit)


def _after_by(doc: Doc, i: int) -> bool:
    """Does "by" stand right before token ``i``, or "by the/its/their"?"""
    k = i - 1
    if k >= 0 and doc[k].lower_ in ("the", "its", "their"):
        k -= 1
    return k >= 0 and doc[k].lower_ == "by"


#: Modifiers that do not open a title ("its new directors": "director")
_NOT_OPENING = {"new", "newly", "additional", "incoming", "next", "interim", "acting"}


def _from_to(view: DocView, title: Span) -> Span | CharSpan:
    """ "from Vice President of Strategy to Chief Operating Officer": the second title;
    "as independent Non-Executive Directors": the words before a plural head with the head in
    the singular (the span leaves out the "s")."""
    doc = view.doc
    if title.end < len(doc) and doc[title.end].lower_ in _PLURAL_HEADS:
        return _singular_title(doc, title.start_char, doc[title.end])
    # (also "from her position as Director of Compliance to Chief Operating Officer")
    if any(t.lower_ == "from" for t in doc[max(0, title.start - 5):title.start]) and title.end < len(doc) and doc[title.end].lower_ == "to":
        nxt = view.title_at.get(title.end + 1)
        if nxt is not None and nxt.start == title.end + 1:
            return nxt
    return title


def _possessor(view: DocView, me: int) -> bool:
    """ "Reagan's communications director" (but not "Hayashi's promotion")."""
    doc = view.doc
    if me >= len(doc) or doc[me].text not in ("'s", "’s"):
        return False
    nxt = doc[me + 1] if me + 1 < len(doc) else None
    lex = triggers()
    return not (nxt is not None and (nxt.lower_ in lex.appoint or nxt.lower_ in lex.promote or nxt.lower_ in lex.depart or nxt.lower_ in lex.succeed))


def _aside(view: DocView, mention, floor: int) -> bool:
    """A person named in passing inside another's clause: an agent after "by", a possessor."""
    doc = view.doc
    ms, me, _ = mention
    head = ms
    tb = _title_before(view, ms, floor)
    if tb is not None:
        head = tb.start
    return head > 0 and doc[head - 1].lower_ == "by" or _possessor(view, me) or _possessed_object(doc, head)


def _possessed_object(doc: Doc, head: int) -> bool:
    """Is the person at ``head`` someone's, named as the object of a verb or preposition
    ("Kesler joined Proactive's Stephen Gunnion after stepping into the role ...")?"""
    if head < 2 or doc[head - 1].text not in ("'s", "’s"):
        return False
    k = head - 2
    while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        k -= 1
    return k > 0 and doc[k - 1].pos_ in ("VERB", "ADP") and doc[k - 1].lower_ not in ("said", "says")


def _owned_title_end(view: DocView, title: Span) -> int | None:
    """If a person's name follows the title ("President Reagan"), the token after the
    name (and after a possessive "'s")."""
    doc = view.doc
    i = title.end
    key = view.people.at(i) if i < len(doc) else None
    if key is None:
        return None
    while i < len(doc) and view.people.at(i) == key:
        i += 1
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    return i


def _as_charspan(t) -> CharSpan:
    return t if isinstance(t, CharSpan) else _span(t)


def _sentence_records(view: DocView, sent: Span, si: int, mentions, trigs: list[Trigger], earlier: list[Found] = ()) -> list[Found]:
    doc = view.doc
    lex = triggers()
    trigger_words = frozenset(t.tok.lower_ for t in trigs)
    out: list[Found] = []
    succeeded: list[tuple[str, Found | None]] = []
    skip: set[int] = set()
    headline = _title_case_line(sent) or sent.text.lstrip().startswith("#")

    def record(key, title, trig_kind, conf, rel="new", old=None, org=None, succeeds=None):
        if isinstance(title, Span) and org is None:
            parts = _split_title(title)
            if len(parts) > 1:
                # "president of the company and chairman of its Central Trust unit": two roles
                made = [record(key, part, trig_kind, conf, rel, old, None, succeeds) for part in parts]
                return made[0]
        if isinstance(title, Span):
            title = _named_in_brackets(view, title, sent.end) or title
        info = view.people.by_key[key]
        title_cs = _as_charspan(title)
        tspan = title if isinstance(title, Span) else None
        event = "departed" if trig_kind == "depart" else "promoted" if trig_kind == "promote" else "appointed"
        if event != "departed" and (
            re.search(r"\b(acting|interim)\b", title_cs.text.lower())
            or any(t.lower_ in ("temporarily", "interim") for t in sent)
        ):
            event = "interim"
        elsewhere = event != "departed" and tspan is not None and _unnamed_firm_after(doc, tspan.end, sent.end)
        if org is None and tspan is not None:
            org = _org_for_title(view, tspan, sent)
            if event == "departed":
                left = _left_from(view, sent, next((m[1] for m in mentions if m[2] == key), sent.start))
                if left is not None and (org is None or not _named_by_title(org, tspan)):
                    org = left  # "resigned from Beta Inc", not the announcing firm or the country
        first = min(m[0] for m in mentions) if mentions else sent.start
        org = view.full_org(org or _subject_org(view, sent, max(first, sent.start + 1)) or view.main_org)
        held_at = None
        if event == "appointed" and old is not None:
            old_org = _org_for_title(view, old, sent)
            if old_org is None or org is None or _same_group(view, old_org, org):
                event = "promoted"  # a move inside the group: "president of Hartmarx" to head its unit
            else:
                held_at = old_org  # "John Shad, chairman of the SEC, as ambassador": where he worked
        if headline:
            conf = min(conf, 0.7)  # the body usually says it again, in full
        f = Found(person=CharSpan(info.name, info.start, info.end), title=title_cs, organisation=org,
                  event=event, sentence=_span(sent), confidence=conf, person_key=key, sent_index=si,
                  succeeds=succeeds, headline=headline, past_employers=[held_at] if held_at is not None else [],
                  elsewhere=elsewhere)
        out.append(f)
        second = _and_its_unit(view, org, sent)
        if second is not None:
            # "president of Liberty Financial Group Inc and its Liberty Savings Bank unit": both
            out.append(Found(person=f.person, title=title_cs, organisation=second, event=event,
                             sentence=f.sentence, confidence=conf, person_key=key, sent_index=si, succeeds=succeeds))
        return f

    for idx, (ms, me, key) in enumerate(mentions):
        if idx in skip or key not in view.people.by_key:
            continue
        last = _list_end(doc, mentions, idx)
        first_idx = _list_start(doc, mentions, idx)
        list_end_tok = mentions[last][1]
        prev_end = mentions[first_idx - 1][1] if first_idx > 0 else sent.start
        app_end = _appositive_end(doc, list_end_tok, sent.end) or list_end_tok
        nxt_subject = next((j for j in range(last + 1, len(mentions))
                            if mentions[j][2] != key and mentions[j][0] >= app_end
                            and not _aside(view, mentions[j], mentions[j - 1][1])), None)
        limit = mentions[nxt_subject][0] if nxt_subject is not None else sent.end
        head = mentions[first_idx][0]
        tb = _title_before(view, head, prev_end)
        if tb is not None:
            head = tb.start  # "by executive vice president Bert Zaccaria"
        pre = [doc[i].lower_ for i in range(max(sent.start, head - 3), head)]
        # "replaced as president of the unit by August Busch III": the successor
        if "by" in pre:
            st = [t for t in trigs if t.kind == "succeed" and head - 12 <= t.tok.i < ms]
            if st:
                title = _title_after_pos(view, st[0].tok.i + 1, ms, trigger_words)
                before = [m for m in mentions if m[1] <= st[0].tok.i]
                pred = before[-1][2] if before else None
                if title is None and pred is not None:
                    # "Rogers ... was replaced by Harold Simmons": the role Rogers left
                    left = [f for f in list(earlier) + out if f.person_key == pred and f.event == "departed"]
                    title = left[0].title if left else None
                    org = left[0].organisation if left else None  # and where
                else:
                    org = None
                if title is not None:
                    f = record(key, title, "appoint", 0.8, org=org, succeeds=view.people.by_key[pred].name if pred else None)
                    if pred:
                        succeeded.append((pred, f))
                    continue
        if pre[-2:] == ["other", "than"] or pre[-1:] in (["except"], ["besides"]) or pre[-2:] == ["apart", "from"]:
            continue  # "four directors other than Cohen have resigned": not him
        if "by" in pre or "until" in pre[-2:] or _possessor(view, me):
            continue  # the agent ("nominated by President Reagan"), a possessor ("Reagan's director"), or
            # who ends an interim ("to act as interim chief executive until Mr Fairweather arrives")
        # a person after "succeeding"/"replacing" is the predecessor
        predecessor = any(
            doc[i].lower_ in lex.succeed and not any(i < m[0] < ms and m[2] != key for m in mentions)
            for i in range(max(sent.start, head - 3), head))  # not "succeed Dixon as chairman and ... Keigger"
        if predecessor:
            succeeded.append((key, None))
        # continuity: "who will remain chairman" (only when no verb after it tells a change)
        window = [doc[i].lower_ for i in range(list_end_tok, min(limit, list_end_tok + 5))]
        continuing = any(w in lex.no_change for w in window)
        made = False
        # (A) verbs after the person, each with its title: "resigned as president to become chairman"
        # (for a predecessor, only inside its own clause: "succeeding Hann, who becomes vice chairman")
        for trig in (t for t in trigs if list_end_tok <= t.tok.i < limit and (not predecessor or t.kind in ("appoint", "depart"))):
            if trig.kind == "depart" and _background(trig.tok):
                continue
            if trig.kind == "succeed" and trig.tok.i > 0 and (
                doc[trig.tok.i - 1].lower_ in ("be", "been", "being", "was", "is", "were", "are")
                or trig.tok.i + 1 < limit and doc[trig.tok.i + 1].lower_ == "by" and trig.tok.tag_ == "VBN"
            ):
                # "Colbert will be succeeded as president by Zaccaria": Colbert leaves ("Minister X
                # was being retired and replaced by Y": the post named before him)
                title = _title_after_pos(view, trig.tok.i + 1, limit, trigger_words)
                if title is None and trig.tok.i + 1 < limit and doc[trig.tok.i + 1].lower_ == "by" and not made and not any(
                    f.person_key == key and f.event == "departed" for f in out
                ):
                    title = _title_before(view, ms, prev_end) or _appositive_title(view, me, limit)
                if title is not None:
                    record(key, title, "depart", 0.85)
                    made = True
                continue
            if trig.kind == "succeed":
                # "succeeds Bill Saxon as chairman"
                nxt = [j for j in range(last + 1, len(mentions)) if mentions[j][0] > trig.tok.i]
                if not nxt or mentions[nxt[0]][0] - trig.tok.i > 3:
                    continue
                j = nxt[0]
                pj_end = mentions[j][1]
                lim2 = mentions[j + 1][0] if j + 1 < len(mentions) else sent.end
                app = _appositive_end(doc, pj_end, lim2)
                title = _title_after_pos(view, app or pj_end, lim2, trigger_words)
                pred_key = mentions[j][2]
                old = _appositive_title(view, me, limit) or _title_before(view, ms, prev_end)
                came = [f for f in list(earlier) + out if f.person_key == key and f.event != "departed"]
                if title is None and not came:
                    # "named president Edward Mahoney to the added post of chief executive officer,
                    # succeeding Broad": the post given between the name and "succeeding"
                    title = _title_after_pos(view, list_end_tok, trig.tok.i, trigger_words)
                if title is None and not came:
                    # "Kamp, formerly vice chairman, was named to replace Weinroth": Weinroth's role
                    left = [f for f in list(earlier) + out if f.person_key == pred_key and f.event == "departed"]
                    title = left[0].title if left else None
                    old = old if left else None
                if title is None:
                    # "Olin ... named to the added post of chief executive, succeeding Leo Hill",
                    # "Mathis ... replaces Herbert Shaw": the role just given
                    if came:
                        came[-1].succeeds = came[-1].succeeds or view.people.by_key[pred_key].name
                        succeeded.append((pred_key, came[-1]))
                        if not _own_clause(doc, pj_end, lim2):
                            skip.add(j)
                        made = True
                    continue
                f = record(key, title, "appoint", 0.85, old=old, succeeds=view.people.by_key[pred_key].name)
                succeeded.append((pred_key, f))
                if not _own_clause(doc, pj_end, lim2):
                    skip.add(j)  # (but "replaces Mary Sandoval, who ... will become chair": her move too)
                made = True
                continue
            if trig.kind == "appoint" and trig.tok.lower_ in lex.announce_needs_object:
                continue
            if trig.kind in ("appoint", "promote") and _names_someone(view, trig.tok, [m for m in mentions if m[2] != key]):
                continue  # "President Reagan named Thomas Lydon ...": Reagan is who appoints
            if trig.kind in ("appoint", "promote") and _seeks_someone(doc, trig.tok, limit):
                continue  # "Smith named a new chief financial officer", "intends to recruit a CRO"
            if _someone_else_does(view, trig.tok, key, ms) or _other_subject(view, trig.tok, ms):
                continue  # "Paulson sold his stake to Lubensky and resigned": Paulson resigned
            if trig.tok.pos_ == "NOUN" and not any(
                doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(me, trig.tok.i - 3), trig.tok.i)
            ):
                continue  # "Jacobs agreed to recommend a nominee for election to the board"
            title = _title_after_pos(view, trig.tok.i + 1, limit, trigger_words)
            if title is not None and trig.kind in ("appoint", "promote") and _left_behind(doc, trig.tok.i, title):
                continue  # "was promoted from her position as Director of Compliance": the post she leaves
            if title is not None and trig.kind == "depart" and any(
                    o.kind in ("appoint", "promote") and trig.tok.i < o.tok.i and o.tok.idx < _as_charspan(title).start
                    for o in trigs):
                # "X, chief financial officer, will leave the company to become president of ...": the
                # post he goes to; he leaves the one he holds
                title = _appositive_title(view, me, limit) or _title_before(view, ms, prev_end)
            if title is None and trig.tok.lower_ in _JOIN_WORDS:
                # "will join the Group as Chief Financial Officer"
                as_at = next((k for k in range(trig.tok.i + 1, min(limit, trig.tok.i + 9)) if doc[k].lower_ == "as"), None)
                if as_at is not None and not any(doc[k].pos_ in ("VERB", "AUX") and doc[k - 1].text != "-"  # "Edinburgh-based"
                                                 for k in range(trig.tok.i + 1, as_at)):
                    title = _title_after_pos(view, as_at + 1, limit, trigger_words)
            if title is None and trig.kind == "appoint" and _takes_duties(doc, trig.tok, limit):
                # "would take over his duties": the role just left
                left = [f for f in list(earlier) + out if f.event == "departed" and f.person_key != key]
                title = left[-1].title if left else None
            seat_org = None
            if title is None:
                seat = _board_title(doc, trig.tok.i, limit)
                if seat is not None:
                    title = CharSpan("director", seat.start_char, seat.end_char)
                    seat_org = _board_owner(view, seat)
            if title is None:
                continue
            old = (_appositive_title(view, me, limit) or _title_before(view, ms, prev_end)) if trig.kind != "depart" else None
            for m in range(first_idx, last + 1):
                record(mentions[m][2], title, trig.kind, 0.9, old=old if m == idx else None, org=seat_org)
                skip.add(m)
            made = True
        if made:
            continue
        # (B) the trigger governs the person from before: "named X (as) president", "the resignation of President X"
        if continuing or predecessor:
            continue
        trig = _governing_trigger(doc, trigs, ms, me, limit)
        if trig is None or trig.kind == "succeed" or _someone_else_does(view, trig.tok, key, ms):
            continue
        if trig.kind in ("appoint", "promote") and trig.tok.i >= me and _seeks_someone(doc, trig.tok, limit):
            continue  # "Smith named a new chief financial officer": Smith appoints
        if trig.tok.pos_ == "NOUN" and trig.tok.i > me and not any(
            doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(me, trig.tok.i - 3), trig.tok.i)
        ):
            continue  # "swore in secretaries to fill vacancies created by the resignations of ..."
        if trig.tok.pos_ == "NOUN" and trig.tok.i < ms and not (
            trig.tok.i < ms <= trig.tok.i + 5 and trig.tok.i + 1 < len(doc) and doc[trig.tok.i + 1].lower_ == "of"
            or trig.kind == "depart" and _noun_of_reaches(doc, trig.tok.i, ms)
            or _and_of_reaches(view, trig.tok.i, ms)
        ):
            continue  # "Commenting on the appointment, X, president of Y, said"
        if trig.kind == "appoint" and trig.tok.lower_ in lex.announce_needs_object:
            as_title = list_end_tok < limit and doc[list_end_tok].lower_ == "as"
            if not (ms > trig.tok.i and (ms - trig.tok.i <= 3 or as_title)):
                continue
        if trig.kind == "depart" and _background(trig.tok) and not (
            trig.tok.pos_ == "NOUN" and _noun_of_reaches(doc, trig.tok.i, ms)
        ):
            continue  # "after retiring from", but not "after the death of Chairman X": news
        if trig.kind == "depart" and trig.tok.pos_ == "NOUN" and _in_background_clause(trig.tok):
            continue  # "after Baker was named chief of staff following the resignation of Donald Regan"
        app = _appositive_end(doc, list_end_tok, limit)
        title = _title_after_pos(view, list_end_tok, limit, trigger_words)
        rel = "new"
        if trig.kind != "depart" and trig.tok.i < ms and (app is not None or list_end_tok < limit and doc[list_end_tok].text == ","):
            # "nominate John Shad, chairman of the SEC, as ambassador": the post after "as" is
            # the new one, the appositive the one held (its closing comma may be missing: "David
            # Lyon, currently managing director of Redland Plc as its new chief executive")
            as_at = _as_after_appositive(doc, app, limit) if app is not None else _as_closing_appositive(view, list_end_tok, limit)
            if as_at is not None:
                title = _title_after_pos(view, as_at + 1, limit, trigger_words) or title
        if title is None and app is not None:
            title = _title_after_pos(view, app, limit, trigger_words)
        held_before = None
        named_at = ms
        while named_at > 0 and doc[named_at - 1].lower_ in _HONORIFICS:
            named_at -= 1
        if trig.kind != "depart" and trig.tok.i < named_at and named_at > 0 and doc[named_at - 1].text == "," \
                and list_end_tok < limit and doc[list_end_tok].text == ",":
            # "named its chief operating officer, Samuel Finch, interim president": the title before
            # the name, in apposition to it, is the one held; the one after it is the new one
            held_before = _title_after_pos(view, trig.tok.i + 1, named_at, trigger_words)
            if held_before is not None:
                k = list_end_tok + 1 + (list_end_tok + 1 < limit and doc[list_end_tok + 1].lower_ == "as")
                while k < limit and doc[k].lower_ in ("its", "the", "a", "an", "new", "next"):
                    k += 1  # "as its new president", "as the next chief executive"
                after = _title_after_pos(view, k, limit, trigger_words) if k < limit and view.title_at.get(k) is not None else None
                if after is not None:
                    title = after
                else:
                    held_before = None
        if title is None and trig.tok.i < ms and trig.kind != "depart":
            title = _title_after_pos(view, trig.tok.i + 1, ms, trigger_words)
        if title is not None and trig.kind in ("appoint", "promote") and trig.tok.i > ms and _left_behind(doc, trig.tok.i, title):
            title = None  # "X was promoted from her position as Director of Compliance": the post left
        old = held_before or _appositive_title(view, me, limit) or _title_before(view, ms, prev_end) or _title_by_apposition(view, ms, me, prev_end)
        if trig.kind == "depart" and title is None and old is None and trig.tok.i < ms:
            # "stepping into the role of interim CEO following the resignation of Aldo Boitano":
            # the role the interim holder now fills
            filled = [f for f in out if f.event != "departed" and f.person_key != key]
            if filled:
                words = [w for w in filled[-1].title.text.split() if w.lower() not in ("interim", "acting", "temporary")]
                if words:
                    text = " ".join(words)
                    at = filled[-1].title.text.find(words[0])
                    title, rel = CharSpan(text, filled[-1].title.start + at, filled[-1].title.end), "held"
        if trig.kind == "depart" and title is None and old is not None:
            title, rel = old, "held"
        elif title is None and old is not None and trig.tok.i < ms and min(ms, old.start) > 0 \
                and doc[min(ms, old.start) - 1].lower_ in ("of", "by", "from") and any(
            k != key and trig.tok.i < s < mentions[first_idx][0] for s, _, k in mentions
        ):
            # "named Selim Hoss as acting prime minister following the assassination of Premier
            # Rashid Karami": the verb's object came before; this one only holds a title
            continue
        elif title is None and old is not None and trig.tok.i < ms:
            # "nominated X, president of Holiday Corp, ... to its board": the seat, not the old title
            seat = _board_title(doc, trig.tok.i, sent.end, reach=40)
            if seat is not None:
                title, rel = CharSpan("director", seat.start_char, seat.end_char), "board"
            else:
                title, rel = old, "pre"
        if title is None:
            board = _board_title(doc, min(trig.tok.i, me), sent.end, reach=7 if trig.tok.i > ms else 40)
            if board is None:
                # "elected a new board consisting of A, B and C"
                board_tok = next((doc[i] for i in range(max(sent.start, mentions[first_idx][0] - 6), mentions[first_idx][0])
                                  if doc[i].lower_ == "board"), None)
                if board_tok is None:
                    continue
                title = CharSpan("director", board_tok.idx, board_tok.idx + len(board_tok))
            else:
                title = CharSpan("director", board.start_char, board.end_char)
            rel = "board"
        conf = {"new": 0.85, "held": 0.75, "pre": 0.6, "board": 0.6}[rel]
        for m in range(first_idx, last + 1):
            if m == idx or m not in skip:
                record(mentions[m][2], title, trig.kind, conf, old=old if rel == "new" and m == idx else None)
                skip.add(m)
    # "succeeding James C. Hann, who becomes vice chairman": the predecessor's own new post
    for key, _ in succeeded:
        at = next((m for m in mentions if m[2] == key), None)
        if at is None or at[1] + 2 >= sent.end or doc[at[1]].text != "," or doc[at[1] + 1].lower_ != "who":
            continue
        trig = next((t for t in trigs if t.kind in ("appoint", "promote") and at[1] + 2 <= t.tok.i <= at[1] + 4), None)
        if trig is None or any(f.person_key == key and f.event != "departed" for f in out):
            continue
        title = _title_after_pos(view, trig.tok.i + 1, sent.end, trigger_words)
        if title is not None:
            record(key, title, trig.kind, 0.85)
    # predecessors leave the role their successor takes
    arrivals = [f for f in out if f.event != "departed"]
    named = {k for _, _, k in mentions}
    for key, succ in succeeded:
        if succ is None:
            others = [f for f in arrivals if f.person_key != key] or [
                # "Geddes replaces John Wojcik": a successor named here whose record came earlier
                f for f in earlier if f.event != "departed" and f.person_key != key and f.person_key in named]
            succ = others[-1] if others else None
        if succ is None or key == succ.person_key:
            continue
        info = view.people.by_key[key]
        succ.succeeds = succ.succeeds or info.name
        if any(f.person_key == key and f.event == "departed" for f in out):
            continue  # the sentence already says what he leaves ("who will step down as CFO")
        # "takes over from Laurent Béguin, Group Chief Financial Officer since 2017": his own title
        own = None
        moved_on = False
        for ms, me, k in mentions:
            if k == key:
                # "would succeed L. Paul Bremer, now the State Department's chief": he left before
                moved_on = me + 1 < sent.end and doc[me].text == "," and doc[me + 1].lower_ == "now" and any(
                    t.text in ("'s", "’s") or t.ent_type_ == "ORG" or t.lower_ in ("at", "with") for t in doc[me + 2:min(sent.end, me + 10)])
                own = _appositive_title(view, me, sent.end) or _title_before(view, ms, sent.start)
                break
        if moved_on:
            continue
        told = own is not None and bool(_title_words(own.text) & _title_words(succ.title.text))
        if not told and any(f.person_key == key and f.event != "departed" for f in list(earlier) + out):
            # "Hodge will take over for Grubb", who was named the unit's president: a move up (but
            # "replaces former chief financial officer John Wojcik, who ... assumes the new position
            # of corporate counsel" leaves the post his successor takes)
            continue
        title = _span(own) if told else _not_acting(succ.title)
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title,
                         organisation=succ.organisation, event="departed", sentence=_span(sent),
                         confidence=0.5, person_key=key, sent_index=si))
    return out


_PASSIVE = {"be", "been", "being", "was", "is", "were", "are", "has", "had", "have"}


def _not_acting(title: CharSpan) -> CharSpan:
    """The post an acting holder fills, as the one who left it held it: "acting president" ->
    "president"."""
    m = re.match(r"(?:acting|interim)\s+", title.text, re.IGNORECASE)
    if m is None or m.end() == len(title.text):
        return title
    return CharSpan(title.text[m.end():], title.start + m.end(), title.end)


_JOIN_WORDS = {"join", "joins", "joined", "joining", "rejoin", "rejoins", "rejoined", "returns", "return", "returned"}
_DUTY_WORDS = {"duties", "post", "job", "role", "position", "responsibilities", "posts", "functions", "place"}


def _own_clause(doc: Doc, end: int, limit: int) -> bool:
    """Does a relative clause of the person ending at ``end`` follow (", who ...")?"""
    return end + 1 < limit and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _named_in_brackets(view: DocView, title: Span, limit: int) -> Span | None:
    """ "a member of the Board of Management responsible for risk management (Chief Risk
    Officer)": the post's name in brackets after a description of it, in the same clause (not
    an abbreviation: "chief product officer (CPO)" stays)."""
    doc = view.doc
    for k in range(title.end, min(limit, title.end + 15)):
        tok = doc[k]
        if tok.text == "(":
            inner = view.title_at.get(k + 1)
            if inner is not None and inner.start == k + 1 and inner.end < limit and doc[inner.end].text == ")" \
                    and not (len(inner) == 1 and inner.text.isupper()):  # (not "chief product officer (CPO)")
                return inner
            return None
        if tok.text in (".", ";", ",", ")") or tok.pos_ in ("VERB", "AUX") or view.people.at(k) is not None:
            return None
    return None


def _other_subject(view: DocView, verb: Token, at: int) -> bool:
    """A verb after a person whose subject is some other noun phrase ("two other Phoenix
    representatives have been named to the board") does not speak about the person."""
    head = verb
    for _ in range(3):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("who", "which", "that", "he", "she", "they") or subj.left_edge.i <= at <= subj.right_edge.i:
                return False
            return subj.pos_ in ("NOUN", "PROPN") and view.people.at(subj.i) is None and subj.i > at
        if head.dep_ in ("conj", "xcomp") and head.head is not head:
            head = head.head
            continue
        break
    return False


def _board_owner(view: DocView, seat: Span) -> CharSpan | None:
    """ "appointed to the Jacobs board": Jacobs."""
    doc = view.doc
    k = seat.start - 1
    end = seat.start
    while k >= 0 and doc[k].text in ("'s", "’s"):
        end = k
        k -= 1
    start = end
    while start - 1 >= 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ("the", "its", "their"):
        start -= 1
    if start == end:
        return None
    span = _clean_org(doc[start:end])
    return CharSpan(span.text, span.start_char, span.end_char) if span is not None else None


def _takes_duties(doc: Doc, verb: Token, limit: int) -> bool:
    """ "take over his duties", "assume her post", "fill the position"."""
    window = [t.lower_ for t in doc[verb.i + 1:min(limit, verb.i + 5)]]
    return any(w in _DUTY_WORDS for w in window) and any(w in ("his", "her", "their", "the") for w in window)


def _someone_else_does(view: DocView, verb: Token, key: str, at: int) -> bool:
    """Is the grammatical subject of this verb (or of the verb it is coordinated with)
    another person, with the person at token ``at`` outside it? ("Paulson sold his stake to
    Lubensky and resigned": resigned is Paulson's.)"""
    if _subject_before(view, verb, key, at):
        return False
    head = verb
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj", "nsubjpass") and verb.head.pos_ == "VERB":
        head = verb.head  # "Sayad ... submitted his resignation": whose resignation is the verb's
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in _PRONOUNS or subj.left_edge.i <= at <= subj.right_edge.i:
                return False
            if verb.left_edge.i <= at <= verb.right_edge.i and not (subj.left_edge.i > at):
                # the person is the verb's object or complement ("Reagan named Lydon judge")
                in_object = any(t.i == at for t in verb.subtree if t.dep_ not in ("nsubj", "nsubjpass"))
                if in_object:
                    return False
            others = {view.people.at(t.i) for t in subj.subtree} - {None}
            return bool(others) and key not in others
        if head.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and head.head is not head:
            head = head.head
            continue
        break
    return False


def _unnamed_firm_after(doc: Doc, j: int, limit: int) -> bool:
    """Does a firm the text does not name follow the title ending at j ("president of a privately
    held software company", not "of a newly formed subsidiary, Acme Leasing Corp" nor "at a
    special meeting")?"""
    if j + 1 >= limit or doc[j].lower_ not in ("of", "at", "with") or doc[j + 1].lower_ not in ("a", "an", "another"):
        return False
    for k in range(j + 2, min(limit, j + 8)):
        tok = doc[k]
        if tok.text[:1].isupper() or tok.is_punct or tok.pos_ not in ("ADJ", "ADV", "NOUN", "VERB") or tok.pos_ == "VERB" and tok.tag_ not in ("VBN", "VBG"):
            return False  # not "with a mandate to expand the company"
        if tok.lower_ in _ORG_NOUNS:
            nxt = doc[k + 1] if k + 1 < limit else None
            return nxt is None or not (nxt.text == "," and k + 2 < limit and doc[k + 2].text[:1].isupper() or nxt.text[:1].isupper())
    return False


def _subject_before(view: DocView, verb: Token, key: str, at: int) -> bool:
    """Does the person at ``at`` stand right before the verb, past an appositive and auxiliaries
    ("and David Evans, current president of Hal Roach, will become chief executive"), whatever
    the parse makes of it?"""
    doc = view.doc
    k = at
    while k < verb.i and view.people.at(k) == key:
        k += 1
    if k < verb.i and doc[k].text == ",":
        close = _appositive_end(doc, k, verb.i)
        if close is None:
            return False
        k = close
    return k < verb.i and all(doc[j].lower_ in ("will", "would", "shall", "has", "have", "had", "is", "was", "to", "also", "then")
                              for j in range(k, verb.i))


#: Verbs whose subject takes the post they name ("becomes the corporate executive responsible for")
_BECOME = {"become", "becomes", "became", "becoming"}


def _seeks_someone(doc: Doc, trig: Token, limit: int) -> bool:
    """An active appointment verb whose object is a post ("named a new chief financial officer",
    "intends to recruit a chief revenue officer", "will nominate the head of the program, X, as
    ..."): its subject appoints, it is not appointed."""
    if trig.lower_ in _JOIN_WORDS or trig.lower_ in _BECOME or trig.i + 1 >= limit or doc[trig.i + 1].lower_ not in ("a", "an", "the"):
        return False
    if doc[trig.i + 1].lower_ == "the" and not (trig.i + 2 < limit and _title_word(doc[trig.i + 2]) and doc[trig.i + 2].is_lower):
        return False  # "nominate the head of the program, X, as ...": who nominates; not "named the Acme board"
    if any(c.dep_ == "auxpass" for c in trig.children):
        return False  # "was named a director"
    k = trig.i - 1
    while k >= 0 and (doc[k].pos_ == "ADV" or doc[k].lower_ in ("also", "today", "now")):
        k -= 1  # "was also named", "has been formally appointed", "was today named"
    return k < 0 or doc[k].lower_ not in _PASSIVE and doc[k].lower_ not in ("been", "being", "be")


def _names_someone(view: DocView, trig: Token, mentions) -> bool:
    """An active appointment verb whose object is a person: its subject is the appointer."""
    doc = view.doc
    if trig.i > 0 and doc[trig.i - 1].lower_ in _PASSIVE and trig.tag_ == "VBN" and doc[trig.i - 1].lower_ not in ("has", "had", "have"):
        return False
    for ms, _, _ in mentions:
        if trig.i < ms <= trig.i + 5 and all(
            doc[k].lower_ in ("its", "the", "a", "new", "as", "his", "her", "their") or view.title_at.get(k) is not None
            for k in range(trig.i + 1, ms)
        ):
            return True
    return False


def _former_holders(view: DocView, found: list[Found]) -> list[Found]:
    """ "former CEO Rod Pekurney will remain ... as a Senior Advisor", in a text that names a
    new CEO: the former holder left that role."""
    doc = view.doc
    arrivals = [f for f in found if f.event != "departed"]
    if not arrivals:
        return []
    out = []
    done = {f.person_key for f in found if f.event == "departed"}
    for t in view.titles:
        if t.start == 0 or doc[t.start - 1].lower_ not in ("former", "outgoing", "retiring", "departing"):
            continue
        at = t.end + 1 if t.end + 1 < len(doc) and doc[t.end].text == "," else t.end  # "its former chairman, Jon Jacoby,"
        key = view.people.at(at) if at < len(doc) else None
        if key is None or key in done:
            continue
        words = _title_words(t.text)
        match = next((f for f in arrivals if f.person_key != key and words & _title_words(f.title.text)
                      and (words <= _title_words(f.title.text) or _title_words(f.title.text) <= words)), None)
        if match is None:
            continue
        info = view.people.by_key[key]
        si = bisect.bisect_right([s.start for s in view.sents], t.start) - 1
        sent = view.sents[si]
        if si != match.sent_index and not any(w.lower_ in ("will", "remain", "remains", "continue", "continues", "stay", "stays") for w in sent):
            continue  # a former holder named as history ("former Fed chairman Arthur Burns")
        match.succeeds = match.succeeds or info.name
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t), organisation=match.organisation,
                         event="departed", sentence=_span(sent), confidence=0.5, person_key=key, sent_index=si))
        done.add(key)
    return out


_LIST_MARKS = {"-", "*", "•", "–", "—", "·"}
#: What follows the name that opens a list item: "Owen Tremlett (Audit) – ...", "Owen Tremlett: ..."
_ITEM_ENDS = {"(", "–", "—", "-", ":"}


def _item_name(doc: Doc, mention: tuple[int, int, str]) -> CharSpan | None:
    """The whole name that opens a list item when the NER took only part of it: "Zofia
    Wiśniewska (Corporate Finance) – ...", up to the bracket, dash or comma after it."""
    k = mention[0]
    while k < len(doc) and k - mention[0] < 5 and (doc[k].is_alpha and doc[k].text[:1].isupper()
                                                    or doc[k].text in ("-", "'", ".") and k > mention[0]):
        k += 1
    if k <= mention[1] or k >= len(doc) or doc[k].text not in _ITEM_ENDS:
        return None
    span = doc[mention[0]:k]
    return CharSpan(span.text, span.start_char, span.end_char)


def _after_a_line_break(text: str, at: int) -> bool:
    """``text[:at].rstrip(" \\t").endswith("\\n")`` without copying ``text[:at]``.

    >>> _after_a_line_break("a\\n  \\tb", 4), _after_a_line_break("a b", 2), _after_a_line_break("   b", 3)
    (True, False, False)
    """
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at > 0 and text[at - 1] == "\n"


def _listed_below(view: DocView, si: int) -> list[tuple[int, tuple[int, int, str]]]:
    """(sentence index, mention) of the people a list below sentence ``si`` names, one paragraph
    each, the name first ("Harpreet Sandhu (Tax) – Harpreet advises ..."); the list ends at the
    first paragraph that does not open with a name."""
    doc = view.doc
    text = doc.text  # read once: each read joins every token, and this runs over the sentences after si
    out = []
    for sj in range(si + 1, len(view.sents)):
        sent = view.sents[sj]
        first = next((t for t in sent if not t.is_space and t.text not in _LIST_MARKS), None)
        if first is None:
            continue
        lead = text[sent.start_char:first.idx]
        opens = "\n" in lead or _after_a_line_break(text, sent.start_char)
        if not opens:
            continue  # a later sentence of the same item
        at = first.i + (first.lower_.rstrip(".") in _HONORIFICS)  # "Dr. Anna Kowalewska (Tax) – ..."
        person = next((m for m in view.people.mentions(sent) if m[0] == at), None)
        if person is None or len(out) >= LIST_ITEMS or _item_name(doc, person) is None and not (
                person[1] < len(doc) and doc[person[1]].text in _ITEM_ENDS):
            break  # the list is over: "Mark Brown, managing partner, said: ..." is no item
        out.append((sj, person))
    return out


def _copula_records(view: DocView, sent: Span, si: int, mentions) -> list[Found]:
    """ "Brazil's new planning minister is Anibal Teixeira de Souza": a new title said to be someone's."""
    doc = view.doc
    out = []
    # "the four newly-appointed Council members were barrister Elizabeth Mary Freeman, Sir Maurice Hodgson, ..."
    for tok in sent:
        if tok.lower_ not in _PLURAL_HEADS or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in ("were", "are", "will"):
            continue
        k = tok.i - 1
        while k > sent.start and (doc[k].text[:1].isupper() or doc[k].lower_ in lexicon().modifiers):
            k -= 1
        if not (doc[k].lower_ in ("new", "newly-appointed", "newly-elected") or doc[k].lower_ in ("appointed", "elected", "named") and doc[k - 1].text == "-"):
            continue
        title = CharSpan(" ".join([t.text for t in doc[k + 1:tok.i]] + [tok.text[:-1]]), doc[k + 1].idx, tok.idx + len(tok.text) - 1)
        org = view.main_org
        for ms, me, key in mentions:
            if ms > tok.i:
                info = view.people.by_key[key]
                out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title, organisation=view.full_org(org),
                                 event="appointed", sentence=_span(sent), confidence=0.6, person_key=key, sent_index=si))
        if not any(ms > tok.i for ms, _, _ in mentions) and tok.i + 2 < sent.end and doc[tok.i + 2].text == ":":
            # "The new partners are:" and a paragraph for each, opening with the name
            promoted = any(t.lower_ in triggers().promote for s in view.sents[max(0, si - 1):si + 1] for t in s)
            for sj, person in _listed_below(view, si):
                info = view.people.by_key[person[2]]
                name = _item_name(doc, person) or CharSpan(info.name, info.start, info.end)
                # the evidence runs from the list's opening to the item; the change is dated by the opening
                out.append(Found(person=name, title=title,
                                 organisation=view.full_org(org), event="promoted" if promoted else "appointed",
                                 sentence=_span(doc[sent.start:view.sents[sj].end]), confidence=0.6,
                                 person_key=person[2], sent_index=si))
    # "newly-nominated chairman Alan Greenspan", "newly appointed CEO Jane Doe"
    for t in view.titles:
        if t.start < sent.start + 2 or t.end >= sent.end:
            continue
        verb = doc[t.start - 1]
        newly = doc[t.start - 3].lower_ == "newly" if doc[t.start - 2].text == "-" else doc[t.start - 2].lower_ == "newly"
        if not (newly and verb.lower_ in triggers().appoint):
            continue
        key = view.people.at(t.end)
        if key is not None:
            info = view.people.by_key[key]
            org = _org_for_title(view, t, sent) or view.main_org
            out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t), organisation=view.full_org(org),
                             event="appointed", sentence=_span(sent), confidence=0.75, person_key=key, sent_index=si))
    for t in view.titles:
        if not (sent.start < t.start and t.end < sent.end) or doc[t.start - 1].lower_ != "new":
            continue
        k = t.end
        while k < sent.end and doc[k].lower_ in ("is", "will", "be", "was", "becomes", "would"):
            k += 1
        if k == t.end:
            continue
        for ms, me, key in mentions:
            if ms == k or ms == k + 1 and doc[k].lower_ in ("now", "to"):
                info = view.people.by_key[key]
                org = _org_for_title(view, t, sent) or view.main_org
                out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t),
                                 organisation=view.full_org(org), event="appointed", sentence=_span(sent),
                                 confidence=0.75, person_key=key, sent_index=si))
    # "William Bradt, new chairman of the New York Mercantile Exchange, said ...": an appositive
    # that calls the post new
    for ms, me, key in mentions:
        k = me + 1
        if me >= sent.end or doc[me].text != ",":
            continue
        if k < sent.end and doc[k].lower_ in ("the", "its"):
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ not in ("new", "newly-appointed", "newly-elected", "newly-named"):
            continue
        t = view.title_at.get(k + 1)
        if t is None or t.start != k + 1:
            continue
        info = view.people.by_key[key]
        org = _org_for_title(view, t, sent)
        if org is None and (t.end < sent.end and doc[t.end].lower_ in ("of", "at") or "of" in t.text.lower().split()):
            continue  # "new president of rival Acme Corp", "new chairman of its audit committee"
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=_span(t),
                         organisation=view.full_org(org or view.main_org), event="appointed", sentence=_span(sent),
                         confidence=0.6, person_key=key, sent_index=si))
    return out


def _governing_trigger(doc: Doc, trigs: list[Trigger], ms: int, me: int, next_mention: int) -> Trigger | None:
    """The trigger that speaks about the person at [ms, me)."""
    # "the death on June 23 of Chairman James Fentress", "the resignation of X": a departure
    # noun whose "of" leads to the person, whatever the parse hangs it on
    for t in reversed(trigs):
        if t.kind == "depart" and t.tok.pos_ == "NOUN" and _noun_of_reaches(doc, t.tok.i, ms):
            return t
    # dependency: nearest trigger among the person's ancestors
    head = doc[ms:me].root
    announcing = triggers().announce_needs_object
    for anc in head.ancestors:
        for t in trigs:
            if t.tok.i == anc.i and t.kind != "succeed" and not (t.tok.lower_ in announcing and not 0 < ms - t.tok.i <= 3):
                return t  # (not "announces that Chief Executive Officer X has informed ...": X is no object)
        if anc.lower_ in ("saying", "adding", "noting", "explaining", "citing") and anc.i < ms:
            return None  # "Koehler resigned ..., saying Reagan's new chief of staff had a right ...": another clause
        if anc.pos_ == "VERB" and anc.dep_ == "conj" and anc.i < ms and not any(t.tok.i == anc.i for t in trigs):
            break  # "agreed to join the unit ... and purchased stock from president X": X joins nothing
    # linear: a trigger just after the person ("X resigned", "X was named") or just before ("named X")
    # ("X announced his resignation": X is who announces, never the object of "announced")
    after = [t for t in trigs if me <= t.tok.i < min(next_mention, me + 20) and t.kind != "succeed"
             and t.tok.lower_ not in announcing]
    if after:
        return after[0]
    before = [t for t in trigs if t.tok.i < ms and t.kind != "succeed"]
    if before and (ms - before[-1].tok.i <= 8 or not _other_verb_between(doc[ms:me].root, before[-1].tok)):
        return before[-1]
    return None


def _noun_of_reaches(doc: Doc, i: int, ms: int) -> bool:
    """Does the noun at ``i`` reach the person at ``ms`` through "of", with only a date or a
    title between ("the death on June 23 of Chairman James Fentress")?"""
    if not i < ms <= i + 14:
        return False
    between = doc[i + 1:ms]
    return any(w.lower_ == "of" for w in between) and not any(w.pos_ in ("VERB", "AUX") or w.text in (",", ";") for w in between)


def _left_behind(doc: Doc, i: int, title) -> bool:
    """Is ``title`` the post left, reached from the verb at ``i`` through "from" with no "to"
    after it ("promoted from her position as Director of Compliance")?"""
    start, end = (title.start, title.end) if isinstance(title, CharSpan) else (title.start_char, title.end_char)
    stop = doc.char_span(start, start, alignment_mode="expand")
    stop_at = stop.start if stop is not None else len(doc)
    between = [t.lower_ for t in doc[i + 1:max(i + 1, stop_at)]]
    if "from" not in between or "to" in between[between.index("from"):]:
        return False  # "promoted from vice president to president": the title after "to"
    return not doc.text[end:end + 4].lstrip().startswith("to ")


def _and_of_reaches(view: DocView, i: int, ms: int) -> bool:
    """Does the noun at ``i`` reach the person at ``ms`` through a second "of" ("the election
    of Bradt, and of local trader Vincent Viola as an at-large member")?"""
    doc = view.doc
    if not i + 1 < ms <= i + 24 or doc[i + 1].lower_ != "of":
        return False
    k = ms - 1
    while k > i and (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ("and", "of") or view.title_at.get(k) is not None):
        k -= 1  # "local trader", "Chairman"
    return k > i + 2 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "and" and not any(
        t.pos_ in ("VERB", "AUX") or t.text in (";", ".") for t in doc[i + 1:k])


def _other_verb_between(tok: Token, verb: Token) -> bool:
    """Does the way up the parse from ``tok`` meet another verb before ``verb``?
    ("Koehler resigned, saying Reagan's new chief of staff had a right ...": Reagan is not
    the one resigning.)"""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return False
        if anc.pos_ == "VERB":
            return True
    return False


def _title_words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalize_title(text).replace(",", " ").split() if w not in ("and", "of", "the", "its", "a"))


def _post_words(title: str) -> tuple[str, ...]:
    """The words that name a post before what it is "of" ("president of the unit": president)."""
    words = title.lower().split()
    if "of" in words:
        words = words[:words.index("of")]
    return tuple(w for w in words if w not in ("the", "its", "a", "an"))


#: "... of the Audit and Sustainability Committees" after "member": a committee seat
_OF_COMMITTEE = re.compile(r"\s*of\s+(?:the\s+|its\s+)?(?P<names>[\w&' -]{0,40}?)\bcommittees?\b", re.IGNORECASE)
#: Committees that are a firm's executive body, whose seats are posts ("Group Executive Committee")
_EXECUTIVE_BODIES = re.compile(r"\b(?:executive|management|operating|board)\b|\bchair", re.IGNORECASE)


def _committee_seat(doc: Doc, f: Found) -> bool:
    """Is the record a seat on a board committee ("will become a member of the Audit Committee"),
    which no one tracks as a post (its chair is one: "chairman of the executive committee"; so is
    a seat on an executive committee)?"""
    if f.event == "departed" or f.title.text.lower() not in ("member", "members"):
        return False
    m = _OF_COMMITTEE.match(doc.text, f.title.end)
    return m is not None and _EXECUTIVE_BODIES.search(m.group("names")) is None


def seats_with_posts(found: list[Found]) -> list[Found]:
    """A board seat given with a post ("named president and chief executive officer ... has
    also been named to the board") is part of that change, not one of its own: the seat's record
    goes when the same person takes another post at the same organisation within two sentences.
    (The pipeline applies it once changes told as background are gone.)"""
    posts = [f for f in found if f.event != "departed" and _title_words(f.title.text) != {"director"}]
    out = []
    for f in found:
        if f.event != "departed" and _title_words(f.title.text) == {"director"} and any(
            p.person_key == f.person_key and abs(p.sent_index - f.sent_index) <= 2
            and (p.organisation is None or f.organisation is None or same_org(p.organisation.text, f.organisation.text))
            for p in posts
        ):
            continue
        out.append(f)
    return out


def _merge(found: list[Found]) -> list[Found]:
    """One record per (person, side, role): a person told twice with the same (or a
    narrower) title is one change; two different titles are two changes ("senior vice
    president of finance" now, "chief financial officer" later)."""
    out: list[Found] = []
    for f in found:
        words = _title_words(f.title.text)
        same = None
        for cur in out:
            if cur.person_key != f.person_key or (cur.event == "departed") != (f.event == "departed"):
                continue
            cw = _title_words(cur.title.text)
            if cur.organisation and f.organisation and not same_org(cur.organisation.text, f.organisation.text) and not (cur.headline or f.headline):
                continue  # the same title at two organisations: two changes
            if words <= cw or cw <= words or len(words & cw) / max(1, len(words | cw)) >= 0.6:
                same = cur
                break
            if cur.organisation and f.organisation and _post_words(cur.title.text) == _post_words(f.title.text):
                same = cur  # "president of its beer subsidiary" and, later, "president of the unit": one post
                break
        if same is None:
            out.append(f)
            continue
        cw = _title_words(same.title.text)
        if words != cw and (words < cw or cw < words):
            # "managing partner" and, told later, "joined as a partner in 2009": the fuller title
            better = same if words < cw else f
        else:
            better = f if f.confidence > same.confidence else same
        other = same if better is f else f
        better.succeeds = better.succeeds or other.succeeds
        if better.organisation is None:
            better.organisation = other.organisation
        if better.effective is None:
            better.effective = other.effective
        out[out.index(same)] = better
    return out


# ---------------------------------------------------------------------------
# past employers


def _school_segment(tokens: list[Token]) -> bool:
    words = {t.lower_ for t in tokens}
    return bool(words & {"graduate", "graduated", "degree", "studied", "alumnus", "alumna", "mba", "bachelor", "master", "phd", "doctorate", "diploma", "educated"})


def _is_school(name: str) -> bool:
    low = fold(name)
    return any(w in low for w in triggers().school_words)


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
            j = ent.end
            while j > k + 1 and doc[j - 1].lower_ in ("and", "or", ","):
                j -= 1  # "International Paper and": the NER ran into the next name of a list
    while j > k and (doc[j - 1].text == ">" or doc[j - 1].is_space):
        j -= 1  # the end of a Reuters company tag, "<Shaw Venture Partners>"; a line break
    return doc[k:j]


_LEGAL_SUFFIXES = {"inc", "llc", "ltd", "plc", "corp", "co", "lp", "llp", "gmbh", "ag", "sa", "nv", "bv", "asa", "ab", "oyj",
                   "spa", "srl", "sas", "kk", "pty", "pte", "bhd", "se"}


def _modifies_a_noun(doc: Doc, j: int, limit: int) -> bool:
    """Is the name at [.., j) an attribute of a following common noun? "the Alcimed
    consulting firm" names a firm; "the COVID-19 pandemic" does not."""
    words = []
    while j < limit and len(words) < 3 and doc[j].is_lower and doc[j].is_alpha:
        words.append(doc[j])
        j += 1
    if not words or words[0].pos_ not in ("NOUN", "ADJ") and words[0].dep_ not in ("compound", "amod"):
        return False
    if any(w.lower_ in _ORG_NOUNS and w.i + 2 < limit and doc[w.i + 1].lower_ == "of" and doc[w.i + 2].text[:1].isupper()
           for w in words):
        return True  # "the Wall Street firm of E.F. Hutton": the firm is named after "of"
    return not any(w.lower_ in _ORG_NOUNS for w in words)


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
    return w in lex.modifiers or w in lex.heads or w in lex.unit_words or w in lex.departments


def _acts_as_person(view: DocView, key: str | None) -> bool:
    """Is this "person" shown as one somewhere: with a title beside the name, saying
    something, or with an honorific? ("Arthur Andersen" the firm never is.)"""
    if key is None:
        return False
    cached = view.person_roles.get(key)
    if cached is not None:
        return cached
    doc = view.doc
    result = False
    for tok in doc:
        if view.people.at(tok.i) != key or tok.i > 0 and view.people.at(tok.i - 1) == key:
            continue
        end = tok.i
        while end < len(doc) and view.people.at(end) == key:
            end += 1
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[end] if end < len(doc) else None
        after2 = doc[end + 1] if end + 1 < len(doc) else None
        if (before is not None and (view.title_at.get(before.i) is not None or before.lower_ in ("said", "says", "told") or before.lower_.rstrip(".") in _HONORIFICS)
                or after is not None and after.lower_ in ("said", "says", "told", "is", "was", "has", "will", "who")
                or after is not None and after.text == "," and after2 is not None and (view.title_at.get(after2.i) is not None or after2.like_num)):
            result = True
            break
    view.person_roles[key] = result
    return result


_FUNCTION_WORDS = {"committee", "program", "programme", "leadership", "analysis", "planning", "market", "markets",
                   "nomination", "nominations", "remuneration", "mentor", "team", "teams"}
_LINKS = {"and", "&", "of", "for", "the"}
_REPORTING = {"said", "told", "added", "announced", "noted", "stated", "reported", "explained", "commented"}
#: Lower-case words that end the descriptors between a cue and a name ("at management consultants
#: Arthur Andersen"): after "a startup to a leading Managed ..." no name of the startup follows
_NOT_DESCRIPTORS = {"and", "in", "as", "at", "for", "of", "to", "a", "an", "the", "by", "with", "from", "on", "into",
                    "that", "which", "who", "where", "when", "while"}
#: Verbs of arriving whose "from" names the employer left, whatever the NER takes the name for
_ARRIVING = {"joins", "joined", "joining", "join", "comes", "came", "coming", "moves", "moved", "moving", "arrives", "arrived"}
_EMPLOYER_PLURALS = {"companies", "firms", "organizations", "organisations", "roles", "positions", "employers",
                     "banks", "groups", "businesses", "brands", "agencies", "startups", "start-ups"}


#: Professional credentials written after a name ("Meghan Fletcher, CFE,"), no employer
_CREDENTIALS = {"cpa", "cfa", "cfe", "cfp", "cma", "cia", "cisa", "cissp", "pmp", "mba", "phd", "md", "jd", "esq",
                "acca", "aca", "fca", "cgma", "cpcu", "sphr", "phr", "shrm-scp", "fcca", "cipd", "llm"}


def _employer_candidates(view: DocView, sent: Span) -> list[Span]:
    doc = view.doc
    out: list[Span] = []
    # split the sentence into comma segments to drop school mentions
    segments: list[list[Token]] = [[]]
    depth = 0
    for t in sent:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if t.text in (",", ";") and depth == 0:
            segments.append([])
        else:
            segments[-1].append(t)
    school_tokens = {t.i for seg in segments if _school_segment(seg) for t in seg}
    i = sent.start
    while i < sent.end:
        t = doc[i]
        w = t.lower_
        start = None
        if t.ent_iob_ == "I":
            i += 1
            continue  # "of" inside "French Ministry of Research"
        including = w == "including" and any(doc[k].lower_ in _EMPLOYER_PLURALS for k in range(max(sent.start, i - 6), i))
        if including or w in _EMPLOYER_PREPS or (w in _ORG_NOUNS and t.is_lower):
            # "including" only after "companies", "roles": "roles at cybersecurity companies, including Zscaler"
            k = i + 1
            if w == "such":
                if k < sent.end and doc[k].lower_ == "as":
                    k += 1
                else:
                    i += 1
                    continue
            if k < sent.end and doc[k].lower_ in ("the", "his", "her", "its", "their", "<"):
                k += 1  # "<" opens a Reuters company tag: "co-founder of <Mediflex Systems Corp>"
            # skip up to three lower-case descriptors: "at management consultants Arthur Andersen"
            m = k
            while m < sent.end and m - k < 3 and doc[m].is_lower and doc[m].is_alpha and doc[m].lower_ not in _NOT_DESCRIPTORS:
                m += 1
            start = m if m < sent.end and (doc[m].text[:1].isupper() or doc[m].ent_type_ == "ORG" and doc[m].ent_iob_ == "B") else None
        if start is not None:
            run = _capitalized_run(doc, start, sent.end)
            in_school = run is not None and any(tok.i in school_tokens for tok in run)
            # a name the NER calls a person is an employer only after "at", "joined" ...:
            # "the resignation of Donald Regan" names a man
            person_ok = w in ("at", "such") or including or any(doc[d].lower_ in _ORG_NOUNS for d in range(k, m)) or (
                w == "from" and _arrives_before(doc, sent.start, i))  # "joins Mitiga from Deepwatch"
            while run is not None:
                if not in_school and (person_ok or run[0].ent_type_ != "PERSON" or any(
                        fold(x.text) in _ORG_WORDS or fold(x.text) in _LEGAL_SUFFIXES for x in run)):
                    out.append(run)
                # lists: "AFM-Téléthon, MSF and Genethon", "Microsoft, Procter & Gamble, as well as Hopelink"
                n = run.end
                if n + 3 < sent.end and doc[n].text == "," and [t.lower_ for t in doc[n + 1:n + 3]] == ["as", "well"]:
                    n += 3  # ", as well as"
                elif n + 2 < sent.end and doc[n].text == "," and doc[n + 1].lower_ == "and":
                    n += 1  # "Check Point Software, and McAfee"
                if n + 1 < sent.end and doc[n].lower_ in ("and", ",", "as") and doc[n + 1].text[:1].isupper():
                    run = _capitalized_run(doc, n + 1, sent.end)
                else:
                    run = None
            i = max(i + 1, out[-1].end if out else i + 1, start + 1)
            continue
        i += 1
    good = []
    for span in out:
        if any(tok.i in school_tokens for tok in span):
            continue
        ents = {tok.ent_type_ for tok in span}
        if ents <= {"GPE", "DATE", "NORP", "LOC", "CARDINAL", "MONEY", "PERCENT"} and "" not in ents and not any(
            fold(t.text) in _ORG_WORDS or t.lower_ in _ORG_NOUNS for t in span
        ):
            continue  # places, dates (but "Pellworth Advisory" is a firm)
        first = span.start
        if first - 1 >= 0 and view.title_at.get(first - 1) is not None and doc[first - 1].text[:1].isupper():
            continue  # "President Emmanuel Macron": a titled person
        if view.title_at.get(first) is not None and _all_title_words(span) or any(t.lower_ in _FUNCTION_WORDS for t in span) and all(
            t.lower_ in _FUNCTION_WORDS or t.lower_ in _LINKS or _title_word(t) for t in span if t.is_alpha
        ):
            continue  # "Vice President for Business Development", "Nomination Committee": functions
        if len(span) <= 2 and all(t.lower_ in lexicon().departments or t.lower_ in lexicon().modifiers for t in span):
            continue  # "Business Development", "Corporate Strategy": a function, not a firm
        if len(span) == 1 and span[0].is_upper and len(span[0]) <= 5 and span[0].ent_type_ != "ORG":
            continue  # "OSINT", "OTC": an abbreviation the NER does not know as a company
        if len(span) == 1 and fold(span.text).replace(".", "") in _CREDENTIALS and first >= 2 and doc[first - 1].text == "," \
                and view.people.at(first - 2) is not None:
            continue  # "Meghan Fletcher, CFE, was promoted": a credential after a name (not "Larry Lunt, USAF")
        held = view.title_at.get(first)
        if held is not None:
            # "Executive Vice President of Aramsco": the organisation after the title
            if held.end < span.end and doc[held.end].lower_ in ("of", "at", "for") and held.end + 1 < span.end:
                span = doc[held.end + 1:span.end]
                first = span.start
            else:
                continue
        unit = _possessed_unit(doc, span, sent.end)
        if unit is not None:
            span, first = unit, unit.start  # "Marriott Corp's <MHS> Straw Hat Pizza unit": the unit
        if doc[first].lower_.rstrip(".") in _HONORIFICS or _acts_as_person(view, view.people.at(first)):
            continue  # a person, not an employer
        named = next((t.i for t in span if view.people.at(t.i) is not None), None)
        if named is not None and named > span.start:
            head = doc[span.start:named]
            if view.title_at.get(named - 1) is not None or all(t.lower_ in _RANKS or _title_word(t) for t in head if t.is_alpha):
                continue  # "Brigadier General Larry V. Lunt": a rank or title and a person
            span = head  # "Launch Services [Meghan Fletcher]": the name ends the run
        if fold(span.text) in _LEGAL_SUFFIXES:
            continue
        if len(span) > 2 and span[0].lower_ in _GENERIC_ORGS and span[1].text in ("'s", "’s"):
            continue  # "the Group's Executive Board": a body of the new employer
        if _is_school(span.text):
            continue
        if _modifies_a_noun(doc, span.end, sent.end):
            continue  # "the COVID-19 pandemic", "the Celgene 'Innovation Lab'"
        good.append(span)
    starts = {span.start for span in good}
    # "Vice President of Sales, Commercial Bus Group at REV Group": after a title, a unit of the firm
    # named next (but "the Institute of Myology at Pitié-Salpêtrière" is both)
    return [span for span in good if not (
        span.end + 1 in starts and doc[span.end].lower_ == "at" and span.start >= 2
        and doc[span.start - 1].lower_ in (",", "of", "for") and view.title_at.get(span.start - 2) is not None)]


def _arrives_before(doc: Doc, start: int, at: int) -> bool:
    """Is there a verb of arriving in the clause before token ``at`` ("joined Ashgrove as a partner
    in 2009 from ...")?"""
    for d in range(at - 1, start - 1, -1):
        if doc[d].text in (",", ";", ":") or doc[d].is_space:
            return False
        if doc[d].lower_ in _ARRIVING:
            return True
    return False


def _possessed_unit(doc: Doc, span: Span, limit: int) -> Span | None:
    """The unit a company owns, named right after it: "Marriott Corp's <MHS> Straw Hat Pizza
    unit", "Du Pont Co's Conoco Inc" (a company the NER knows, or a name before a unit word)."""
    k = span.end
    if span[-1].text not in ("'s", "’s"):  # the NER may take the "'s" into the name
        if k >= limit or doc[k].text not in ("'s", "’s"):
            return None
        k += 1
    if k + 2 < limit and doc[k].text == "<":  # a Reuters ticker tag
        close = next((m for m in range(k + 1, min(limit, k + 5)) if doc[m].text == ">"), None)
        if close is None:
            return None
        k = close + 1
    run = _capitalized_run(doc, k, limit)
    if run is None:
        return None
    if run.end < limit and doc[run.end].lower_ in lexicon().unit_words or run[0].ent_type_ == "ORG" \
            or fold(run[-1].text) in _LEGAL_SUFFIXES:  # "Irving Bank's <V> Irving Trust Co"
        return run
    return None


def _genders(view: DocView) -> dict[str, str]:
    """ "m" or "f" for people the text refers to as he/she (the pronoun that first follows
    a sentence opening with their name) or with an honorific (Mr, Ms, Mrs)."""
    doc = view.doc
    out: dict[str, str] = {}
    for i in sorted(view.people.token_person):
        key = view.people.token_person[i]
        if key in out:
            continue
        prev = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
        if prev in ("mr", "sir", "lord"):
            out[key] = "m"
        elif prev in ("ms", "mrs", "miss", "dame", "lady"):
            out[key] = "f"
    for sent in view.sents:
        mentions = view.people.mentions(sent)
        if not mentions or mentions[0][0] > sent.start + 3:
            continue
        key = mentions[0][2]
        if key in out or len({m[2] for m in mentions}) > 1:
            continue
        pron = next((t for t in sent if t.i >= mentions[0][1] and t.lower_ in _PRONOUNS), None)
        if pron is not None:
            out[key] = _PRONOUNS[pron.lower_]
    return out


def _attach_past_employers(view: DocView, found: list[Found]) -> None:
    doc = view.doc
    lex = triggers()
    by_key: dict[str, list[Found]] = {}
    for f in found:
        if f.event != "departed":
            by_key.setdefault(f.person_key, []).append(f)
    if not by_key:
        return
    gender = _genders(view)
    recent: list[str] = []  # people with a record, most recently named last
    for si, sent in enumerate(view.sents):
        if is_upper_sentence(sent):
            continue
        mentions = view.people.mentions(sent)
        # the sentence is about its first person: a name, or "he"/"she" as subject before any
        # name ("Prior to Corvane, she held ..."): the person last named who fits the pronoun
        first_name = mentions[0][0] if mentions else sent.end
        pronoun = next((t for t in sent if t.i < first_name and t.lower_ in ("he", "she") and t.dep_.startswith("nsubj")), None)
        if pronoun is not None:
            want = _PRONOUNS[pronoun.lower_]
            subject = next((k for k in reversed(recent) if gender.get(k) in (None, want)), None)
        else:
            subject = mentions[0][2] if mentions else None
        for m in mentions:
            if m[2] in by_key:
                if m[2] in recent:
                    recent.remove(m[2])
                recent.append(m[2])
        if subject is None or subject not in by_key:
            continue
        words = {t.lower_ for t in sent}
        text_low = sent.text.lower()
        records = by_key[subject]
        rec_sent = any(r.sent_index == si for r in records)
        cue = words & lex.career or "prior to" in text_low or "joins from" in text_low or "joined from" in text_low
        # a verb in the past, not the reporting one ("It said Cassani will be responsible for ...")
        past_tense = any(t.tag_ == "VBD" and t.lower_ not in _REPORTING for t in sent)
        if not (cue or past_tense and not rec_sent):
            continue
        if rec_sent and not (words & {"previously", "formerly", "former", "from", "prior", "most", "recently", "was", "currently"}):
            continue
        # other people mentioned in the sentence own what follows their name
        # another person who starts a clause owns what follows ("..., while Smith was at Acme")
        # or is told about in a relative clause ("replaces Herbert Shaw, who returns to his post at ...")
        others = [m for m in mentions if m[2] != subject and (
            m[0] == sent.start or doc[m[0] - 1].lower_ in (",", "and", "while", "whereas", ";")
            or m[1] + 1 < sent.end and doc[m[1]].text == "," and doc[m[1] + 1].lower_ in ("who", "whose"))]
        for cand in _employer_candidates(view, sent):
            if any(m[0] < cand.start and m[0] > (mentions[0][0] if mentions else sent.start) for m in others):
                continue
            if view.people.at(cand.start) == subject:
                continue
            name = cand.text
            for rec in records:
                if rec.organisation is not None and same_org(rec.organisation.text, name):
                    continue
                if view.main_org is not None and same_org(view.main_org.text, name):
                    continue  # the announcing organisation (or its parent) is where the move happens
                if any(same_org(p.text, name) for p in rec.past_employers):
                    continue
                rec.past_employers.append(CharSpan(name, cand.start_char, cand.end_char))
