"""The people of a document: full names, and the surnames, first names and pronouns that refer to them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...components import lexicon
from ...dates import GENERATIONS, month_is_first_name
from ..names import _legal_suffix, is_given_name, nicknames_of, same_first_name
from ..text import doc_ents, fold, headline_line, token_texts
from ..trigger_words import headline_verbs, is_headline_verb, triggers
from ..words import _DAY_AND_MONTH_NAMES, _HONORIFICS, _JOIN_WORDS, _LEGAL_SUFFIXES, _ORG_WORDS, is_credential
from .names_by_context import _department_word, _joined_at_saint, _left_out_first_name, _names_by_context
from .titles import _TITLE_ABBREVIATIONS, _title_word


_SUFFIXES = GENERATIONS


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


def _described_in_a_headline(longer: Span | None, shorter) -> bool:
    """Is ``longer`` a headline's name that holds the words of another mention (``shorter``,
    a Span or a ``PersonInfo``) after words of its own: "Veteran Juan M. Sese" for "Juan M. Sese",
    "Shareholder Craig Parry" (a title-case headline's description run into the name)? Not when
    the text writes the longer name again ("Carleen Lyden Walker", then "Ms. Lyden Walker")."""
    if longer is None:
        return False
    words = (shorter.text if isinstance(shorter, Span) else shorter.name).split()
    return len(words) >= 2 and len(longer) > len(words) and longer.text.split()[-len(words):] == words \
        and longer.doc.has_annotation("SENT_START") and headline_line(longer.sent) \
        and longer.doc.text.count(longer.text) == 1


class People:
    """The people of a document: full names, and the surnames and pronouns that refer to them."""

    def __init__(self, doc: Doc, title_at: dict[int, Span] | None = None):
        """Register the people of ``doc``: the names the NER found or that stand where names do
        (``title_at``: the title covering each token), without firms; then every other mention
        of them (full names the NER labelled otherwise, surnames, first names, hyphenated names)."""
        self.doc = doc
        self.by_key: dict[str, PersonInfo] = {}
        self.token_person: dict[int, str] = {}
        title_at = title_at or {}
        last_by_surname: dict[str, str] = {}
        texts = token_texts(doc)
        name_words = _other_name_words(doc, texts)
        candidates = _joined_at_saint(sorted([e for e in doc_ents(doc) if e.label_ == "PERSON"] + _names_by_context(doc, title_at)
                                             + _named_inside_firms(doc), key=lambda sp: sp.start))
        firms, firm_names = _firms(doc, texts)
        firm_tokens = self._register(candidates, firms, firm_names, name_words, title_at, last_by_surname)
        for key in list(self.by_key):
            first_surname = _first_of_two_surnames(key)
            if first_surname is not None and first_surname not in last_by_surname:
                last_by_surname[first_surname] = key  # "Ibarra" of "José Luis Ibarra Muñoz"
        self._full_names(texts)
        self._surnames_and_first_names(texts, firm_tokens, last_by_surname, title_at)
        self._hyphenated_surnames(texts)

    def _register(self, candidates: list[Span], firms: set[str], firm_names: list[tuple[str, ...]],
                  name_words: set[str], title_at: dict[int, Span], last_by_surname: dict[str, str]) -> set[int]:
        """Register each candidate name that is a person's (under the key of a known person it
        refers to, else its own words). Returns the tokens of firms' names the NER took for a
        person, where no surname can stand."""
        doc = self.doc
        firm_tokens: set[int] = set()  # words of a firm's name the NER took for a person: no surname there
        for ent in candidates:
            span = self._trim(_headline_name(ent, title_at))
            if span is None:
                continue
            if len(span) == 1 and _in_firm_name(doc, span.start):
                continue
            if fold(span[-1].text) in firms or _legal_suffix(span[-1].text) or _part_of_a_firm_name(span, firm_names):
                firm_tokens.update(range(span.start, span.end))
                continue
            if _not_a_person(span, name_words, title_at):
                continue
            words = [fold(t.text) for t in span if t.is_alpha or t.text.endswith(".") or _APOSTROPHE_NAME.fullmatch(t.text)]
            words = [w for w in words if w and w not in _SUFFIXES] or words
            if not words or not words[-1]:
                continue
            surname = words[-1]
            key = self._match(words, surname)
            if key is None:
                key = " ".join(words)
            info = self.by_key.get(key)
            if info is None or len(span.text) > len(info.name) and not _described_in_a_headline(span, info) \
                    or _described_in_a_headline(doc.char_span(info.start, info.end), span):
                self.by_key[key] = PersonInfo(key, span.text, span.start_char, span.end_char, surname)
            last_by_surname[surname] = key
            for t in span:
                self.token_person[t.i] = key
        return firm_tokens

    def _full_names(self, texts: list[str]) -> None:
        """Full names the NER labelled otherwise ("Stéphane Roques" as ORG)."""
        doc = self.doc
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

    def _surnames_and_first_names(self, texts: list[str], firm_tokens: set[int], last_by_surname: dict[str, str],
                                  title_at: dict[int, Span]) -> None:
        """Surname mentions the NER missed ("Fusco formerly was ..."), and first names that only
        one known person has ("Ken served as ...")."""
        doc = self.doc
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
                                                           and (tok.i + 1) not in title_at):
                continue  # "an Abilene investment firm", "the Halbert report": an attribute, not the person
            key = last_by_surname.get(fold(tok.text))
            if key is None and (tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title):
                key = first_names.get(fold(tok.text))
            ent = tok.ent_type_
            if key and (ent not in ("ORG", "GPE") or ent and tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")):
                self.token_person[tok.i] = key

    def _hyphenated_surnames(self, texts: list[str]) -> None:
        """Hyphenated surnames the tokenizer split: "Bello-Grant" for Aisha Bello-Grant."""
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
    def _trim(ent: Span | None) -> Span | None:
        if ent is None:
            return None
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].lower_ in _HONORIFICS or not doc[start].is_alpha and doc[start].text not in ("(",)):
            start += 1
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_stop:
            end -= 1  # "[Jimmy Frye to] Partner": the NER ran into the next word
        while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct and doc[end - 1].text != "."
                               or end - start > 2 and doc[end - 1].is_upper and is_credential(doc[end - 1].text)):
            end -= 1  # (and an honour or degree after the name: "Kieran West MBE")
        if end <= start:
            return None
        # the NER takes a first name that is a month for a date: "[August] Busch III"
        if start > 0 and start == ent.start and month_is_first_name(doc[start - 1]):
            start -= 1  # only for a name left without a first name ("Busch III", not "John Johnstone Jr")
        # the NER leaves out a first initial: "[J.] Hugh Liedtke", "[R.] Joseph Clancy"
        while start > 0 and re.fullmatch(r"(?:[A-Z]\.)+", doc[start - 1].text) and ent.start - start < 2:
            start -= 1
        # the NER leaves out a first name: "Laurent [Béguin] will remain in office", "Jamal [Hassan Jawa]"
        # (not when the name opens with a given name already: "Leader and Educator [Jill Robert]")
        if end - start <= 2 and start == ent.start and start > 0 and ent.label_ == "PERSON" and _left_out_first_name(doc[start - 1]) \
                and not (end - start == 2 and is_given_name(fold(doc[start].text))):
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

    def taken_for_a_firm(self, span: Span) -> bool:
        """Is the firm's name ``span`` (a headline's, before its verb) a person's? Not when the
        person the NER saw there is one word and no given name ("Vertiv"), is only part of it
        ("[Kiolbassa Smoked] Meats Announces"), or the verb after it gives a post ("[Vertiv]
        Appoints ...") or the one before it joins it: the person was the firm."""
        key = self.at(span.start)
        if key is None or " " not in key and not is_given_name(key):
            return False  # (a "person" of one word, no given name: "Vertiv")
        doc = self.doc
        if span.end < len(doc) and _gives_a_post(doc[span.end].lower_) and doc[span.end].text[:1].isupper():
            return False
        if span.start > 0 and doc[span.start - 1].lower_ in _JOIN_WORDS:
            return False  # "Kenny Denton Joins [Daversa]'s ...": a firm named after its founder
        words = {fold(t.text) for t in span}
        return not (set(key.split()) <= words and len(key.split()) < len(words))

    def forget_firm(self, firm: str) -> None:
        """Drop the "people" whose name is a run of the firm's name and who do not start with a
        given name: the NER's "Vertiv", or "Kiolbassa Smoked" of "Kiolbassa Smoked Meats" (not
        "Michael Kiolbassa", nor "Stanley Morgan" of "Morgan Stanley Group Inc")."""
        words = [fold(w) for w in firm.split()]
        runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        gone = {k for k in self.by_key if k in runs and not is_given_name(k.split()[0])}
        for key in gone:
            del self.by_key[key]
        if gone:
            self.token_person = {i: k for i, k in self.token_person.items() if k not in gone}

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


#: Headline verbs whose subject is the person who moves ("Ann Lee Joins Acme", "Ann Lee Retires",
#: "Ann Lee Announces Retirement");
#: after the others the person is the object ("Acme Names Ann Lee CFO")
_SUBJECT_MOVES = frozenset({"announces", "becomes", "assumes", "departs", "dies", "exits", "leaves", "quits", "resigns",
                            "retires", "steps", "relinquishes"}) | _JOIN_WORDS


def _named_inside_firms(doc: Doc) -> list[Span]:
    """The names after a headline's verb that the NER ran the firm on into: "[Quill Welcomes Back
    Vanessa Norton] as ..." (each from the verb, which ``_headline_name`` cuts off)."""
    out = []
    for e in doc_ents(doc):
        if e.label_ == "ORG":
            verb = next((t.i for t in e if _headline_verb_at(doc, t.i) and _gives_a_post(t.lower_)), None)
            if verb is not None and e.end - verb > 2:
                out.append(Span(doc, verb, e.end, label="PERSON"))
    return out


def _headline_verb_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and is_headline_verb(doc[i])


def _gives_a_post(word: str) -> bool:
    """Is the word a headline verb whose subject gives the post: "Names", "Hires", "Promotes"
    (not "Joins", "Retires", "Succeeds", "Announces", whose subject may be the person)?"""
    lex = triggers()
    return word in headline_verbs() and word not in _SUBJECT_MOVES and word not in lex.succeed \
        and (word in lex.appoint or word in lex.promote or word in lex.depart)


def _headline_name(ent: Span, title_at: dict[int, Span]) -> Span | None:
    """The person's part of a name the NER ran over a title-case headline's verb or on into a
    post: "[Flash Names Jim Zeitunian Chief Technology] Officer" is Jim Zeitunian, "[Ann Lee Joins
    Acme]" Ann Lee; None when no name is left."""
    doc = ent.doc
    verb = next((t.i for t in ent if _headline_verb_at(doc, t.i)), None)
    if verb is None:
        start, end = ent.start, ent.end
    elif doc[verb].lower_ in _SUBJECT_MOVES:
        start, end = ent.start, verb
    else:
        start, end = verb + 1, ent.end
        if end - start < 2:
            return None  # "Andrea Pirlo Welcomes [Fans]": one word after the verb is no one's full name
    if verb is not None or _headline_verb_at(doc, start - 1) or _headline_verb_at(doc, end):
        # words before a given name are the headline's ("Welcomes [Back] Vanessa Savino", "Leader
        # and [Educator] Jill Robert Joins")
        if not is_given_name(fold(doc[start].text)):
            start = next((i for i in range(start + 1, end - 1) if is_given_name(fold(doc[i].text))), start)
    # the post the NER ran on into: "Jim Zeitunian [Chief Technology]" (two name words at least stay)
    cut = next((i for i in range(start + 2, end) if i in title_at), end)
    if (start, cut) == (ent.start, ent.end):
        return ent
    return Span(doc, start, cut, label=ent.label_) if cut > start else None


def _other_name_words(doc: Doc, texts: list[str]) -> set[str]:
    """Folded words of names that are not people's: words of organisation, place and building
    entities of two words or more, and a one-word name the text calls a thing ("Stellaris, which
    processes card payments")."""
    name_words = {fold(t.text) for e in doc_ents(doc) if e.label_ in ("ORG", "GPE", "FAC") and len(e) > 1 for t in e}
    name_words |= {fold(w) for i, w in enumerate(texts[:-2]) if w[:1].isupper() and texts[i + 1] == ","
                   and texts[i + 2].lower() == "which"}
    return name_words


def _firms(doc: Doc, texts: list[str]) -> tuple[set[str], list[tuple[str, ...]]]:
    """A name that is anywhere followed by "Ltd", "Inc", ", S.A." ... is a company ("Levy-Russell
    Ltd"), and so is every word of it: "Fjellheim" of "Fjellheim Energi ASA". Returns the folded
    last words before such suffixes, and the names (up to three words) they end."""
    firms: set[str] = set()
    firm_names: list[tuple[str, ...]] = []
    for ti in range(1, len(texts)):
        if _listed_at(texts, ti):  # "Atlas Lithium (NASDAQ: ATLX)": a listed company
            last = ti - 1
            k = last
            while k >= 0 and last - k < 3 and texts[k][:1].isupper() and texts[k].isalpha():
                k -= 1
            if k < last:
                firms.add(fold(texts[last]))
                firm_names.append(tuple(fold(x) for x in texts[k + 1:last + 1]))
            continue
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
    return firms, firm_names


def _listed_at(texts: list[str], i: int) -> bool:
    """Does a stock exchange and a ticker open in brackets at ``i``: "(NASDAQ: ATLX)", "(TSX-V:
    ABC)", "(OTCQB: OWPC)"?"""
    if texts[i] != "(" or i + 2 >= len(texts):
        return False
    k = i + 1
    while k < len(texts) and k - i <= 3 and texts[k] != ":":
        if not (texts[k].isupper() or texts[k] == "-"):
            return False
        k += 1
    return k < len(texts) - 1 and texts[k] == ":" and k > i + 1 and texts[k + 1][:1].isupper()


def _not_a_person(span: Span, name_words: set[str], title_at: dict[int, Span]) -> bool:
    """Is the trimmed name no person's: a name used as an attribute, a company's town, a headline
    verb, an upper-case or determined name, a word of a place's name, or a title?"""
    doc = span.doc
    if len(span) == 1 and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN":
        return True  # "the Neill report": a name used as an attribute
    if len(span) == 1 and span.start >= 2 and doc[span.start - 1].text == "," and (
        doc[span.start - 2].text == ">" or fold(doc[span.start - 2].text) in _LEGAL_SUFFIXES
    ):
        return True  # "<Allied Comprehensive Health Inc>, Abilene,": the company's town
    lex = triggers()
    if any(t.lower_ in lex.appoint or t.lower_ in lex.depart or t.lower_ in lex.promote for t in span):
        return True  # "NanoGraf Appoints" in a title-case headline
    if span.end < len(doc) and doc[span.end].text[:1].isupper() and _gives_a_post(doc[span.end].lower_):
        return True  # "[Flash] Names Jim Zeitunian ...": who names, promotes or hires is the firm
    if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an", "the") or any(
        t.is_upper and t.is_alpha and len(t) >= 3 and t.text not in ("III", "II", "IV") for t in span
    ):
        return True  # "an Abilene investment firm", "SDC Sydney"
    if len(span) == 1 and fold(span.text) in name_words:
        return True  # "Medicen" of "Medicen Paris Region"
    if all(_title_word(t) or t.i in title_at for t in span):
        return True  # "promoted to Treasurer": the NER took the title for a name
    if len(span) > 1 and _post_or_unit(span[-1]):
        return True  # "Accenture Partner", "Market Analyst", "Materials Segment": a post or a unit ends no name
    if len(span) > 1 and _a_department(span[-1]):
        return True  # "Senior Vice President, [Global Cell Therapy Commercial Development]": a post's field
    if span.start >= 2 and doc[span.start - 1].lower_ in ("of", "at") and _post_or_unit(doc[span.start - 2]):
        return True  # "Appointed CEO of [Velocity Global]": a post's firm
    return False


def _post_or_unit(tok: Token) -> bool:
    """Is the word a title's head or abbreviation or a unit's noun (and no first name: "Dean")?
    None of the people of our annotated corpora has such a word last in the name."""
    lex = lexicon()
    w = tok.lower_
    return (w in lex.heads or w in lex.unit_words or fold(tok.text) in _TITLE_ABBREVIATIONS) and not is_given_name(fold(tok.text))


#: Department words that are also places or surnames ("Kieran West", "Oliver North")
_REGIONS = {"north", "south", "east", "west", "america", "americas", "africa", "asia", "europe", "pacific", "latin",
            "emea", "apac", "region", "worldwide"}


def _a_department(tok: Token) -> bool:
    """Is the word a department's ("Development", "Operations", "Corporate Finance"), never a
    surname: no region word, no first name?"""
    w = tok.lower_
    return _department_word(w) and w not in _REGIONS and not is_given_name(fold(tok.text))


#: A name with an apostrophe inside: "O'Donoghue", "D’Arcy"
_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+['’][^\W\d_]+")


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


def _in_firm_name(doc: Doc, i: int) -> bool:
    """Is the single name at ``i`` one partner in a firm's name ("vice president of
    Woodhouse, Drake and Carey")? Walk left over capitalised words, commas and "and"."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 6 and (doc[k].text in (",", "&") or doc[k].lower_ == "and" or doc[k].text[:1].isupper() and doc[k].is_alpha):
        k -= 1
        steps += 1
    return steps > 0 and k >= 0 and doc[k].lower_ in ("of", "at", "for", "with") and doc[i - 1].text in (",", "&", "and")
