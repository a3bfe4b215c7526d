"""Triage: a cheap pass over the text before the model, so that the model only reads what can matter.

    text --triage--> Triage(relevant, text with the paragraphs that can not matter blanked)

The rules make a record only from a sentence that holds a change cue (a trigger word of
``data/triggers.json``: "named", "resigned", "succeeds", "appointment", ...) and a title (a
head or abbreviation of ``data/titles.json``, a plural head, a board seat), or from a title
an earlier such record found. The cues are the words the triggers of the frames accept
(``extractor.frames.trigger_words``: the classes of ``triggers.json`` that ``data/frames.json``
names), plus ``data/triage.json``'s ``extra_cues`` and the nouns that open a list of moves
(``list_lead`` of ``triggers.json``): no list of cue words is kept here. A sentence never
crosses a blank line, so a text in which no block between blank lines holds both a cue and a
title word can hold no record, unless a paragraph with a cue ends with a colon and a list below
it gives the posts ("announced the following appointments:", then "Dana Whitcombe, Chief
Operating Officer"): a text with neither is not ``relevant`` and skips the model.

A cue counts where the rules would take it as a trigger: the words that ``triggers.json``
lets count only in context count only there ("step" before "down", "aside", "in";
"take" before "over"; "made" after "was"; "announced", "added", "welcomed" only with a name
within ``object_window`` words after them, or a name followed by "as" later in the block,
the object the rules look for). Words are compared in lower case, hyphenated ones whole and
by their parts, so triage sees every word the rules can see as a token. A class of
``triggers.json`` added later counts as cues once a frame's trigger names it.

In a relevant text, a paragraph (a block between blank lines, or one starting with an
indented line) is kept when it is one of the first ``lead_paragraphs`` (stamp, headline,
lead: the main organisation is found there), holds a cue, a title word or a career cue
("previously", "spent", "joined from"), or follows such a paragraph (pronouns and surnames
refer back), or is one of the ``LIST_ITEMS`` paragraphs below one that ends with a colon and
holds a title word or a cue ("The new partners are:", then a paragraph for each). Every other
paragraph is blanked: each character but the newlines becomes a space, so that the text
keeps its length and every offset. spaCy makes one token of a run of spaces, so a blanked
paragraph costs next to nothing in the tagger, parser and NER.
Inside the kept paragraphs past the lead, a sentence is blanked too when it holds no cue,
title word, career cue or personal pronoun, does not follow a sentence with a cue or title
and does not come right before one kept for a career cue or a pronoun (``_quiet_sentences``;
sentences are cut only where a cut is certain, see ``sentences``), and so is the inside of a
quotation that holds no cue and no career cue (``_quiet_quotes``: praise and outlook; who said
it stays).

``may_hold`` asks the first question (a cue and a title word anywhere?) of the raw text, so
that the pipeline can skip even cleaning for the texts that fail it: the cleaned text's words
are a subset of the raw text's (cleaning removes lines, it never adds words), once characters
are normalised the way cleaning does.

>>> text = "Acme names Jane Roe CEO\\n\\nLead.\\n\\nThird.\\n\\nShares rose.\\n\\nPlants make tea."
>>> result = triage(text)
>>> result.relevant, len(result.text) == len(text)
(True, True)
>>> result.text[-38:]
'Third.\\n\\n            \\n\\n                '
>>> triage("Acme named a new chief executive.").relevant, triage("The chairman added that sales rose.").relevant
(True, False)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from .datafiles import WordClasses, read


class TriageRules(BaseModel):
    """``data/triage.json`` (validated: unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    description: list[str] = Field(default_factory=list)
    extra_cues: frozenset[str] = frozenset()
    extra_title_words: frozenset[str] = frozenset()
    career_too_common: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()
    auxiliaries: frozenset[str]
    object_window: int = Field(3, ge=0)
    lead_paragraphs: int = Field(3, ge=0)
    follow: int = Field(1, ge=0)


# A condition on where a cue stands: (the words of its paragraph, its index, the paragraph's text, where the
# word ends in it) -> does it count there.
Condition = Callable[[list[str], int, str, int], bool]

@dataclass(frozen=True)
class Vocabulary:
    """The words triage looks for, all lower case."""

    cues: dict[str, tuple[Condition, ...]]  # change cue -> where it counts (empty: anywhere)
    titles: frozenset[str]  # title words: a record needs one
    career: frozenset[str]  # one-word career cues
    career_phrases: re.Pattern[str] | None  # career cues of several words ("joined from"), on lower-case text
    lead_paragraphs: int
    follow: int


@lru_cache(maxsize=1)
def rules() -> TriageRules:
    return read("triage.json", TriageRules)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The cue, title and career words: the frames' trigger words, the rules' own data files and
    ``data/triage.json``."""
    from .components import lexicon
    from .frames import trigger_words

    trig, lex, extra = read("triggers.json", WordClasses), lexicon(), rules()
    extra_cues = {w.lower() for w in extra.extra_cues}
    cue_words = trigger_words() | extra_cues | trig.words("list_lead")
    promote, succeed, depart, appoint = (trig.words(n) for n in ("promote", "succeed", "depart", "appoint"))
    particles, step_in, take_over = (trig.table(n) for n in ("depart_needs_particle", "step_in", "take_over"))
    passive, needs_object = trig.words("appoint_needs_passive"), trig.words("announce_needs_object")
    decline, serve_as = trig.words("decline"), trig.words("serve_as")
    cues: dict[str, tuple[Condition, ...]] = {}
    for word in cue_words:  # the first class a word is in decides, in assemble.find_triggers' order
        if word in decline and word not in serve_as:
            cues[word] = (_negated,)  # "will not seek another term"
        elif word in promote or word in succeed or word in extra_cues or not (word in appoint or word in depart
                                                                            or word in take_over):
            cues[word] = ()
        elif word in depart:
            cues[word] = (_next_word_in(frozenset(particles[word] | step_in.get(word, set()))),) if word in particles else ()
        elif word in take_over:
            cues[word] = (_next_word_in_or_role(frozenset(take_over[word]), trig.words("take_role")),)
        elif word in passive:
            cues[word] = (_after_word_in(frozenset(w.lower() for w in extra.auxiliaries)),)
        elif word in needs_object:
            cues[word] = (_object_within(extra.object_window),)
        else:
            cues[word] = ()

    titles = set(lex.heads) | set(lex.abbreviations) | set(extra.extra_title_words)
    too_common = {w.lower() for w in extra.career_too_common}
    career = {w for w in trig.words("career") if w not in too_common} | {w.lower() for w in extra.date_words}
    phrases = sorted(w for w in career if " " in w)
    return Vocabulary(
        cues=cues,
        titles=frozenset(w.lower().replace("\u2019", "'") for w in titles),
        career=frozenset(w for w in career if " " not in w),
        career_phrases=re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b")
        if phrases else None,
        lead_paragraphs=extra.lead_paragraphs,
        follow=extra.follow,
    )


def _next_word_in(allowed: frozenset[str]) -> Condition:
    def holds(words: list[str], i: int, text: str, end: int) -> bool:
        return i + 1 < len(words) and words[i + 1].lower() in allowed

    return holds


def _next_word_in_or_role(allowed: frozenset[str], role_nouns: frozenset[str]) -> Condition:
    """ "take over", or a post taken by its noun within five words: "is taking the newly created
    role of" (as ``assemble.trigger_words`` reads it)."""
    def holds(words: list[str], i: int, text: str, end: int) -> bool:
        if i + 1 < len(words) and words[i + 1].lower() in allowed:
            return True
        ahead = [w.lower() for w in words[i + 1:i + 7]]
        return any(w in role_nouns and k + 1 < len(ahead) and ahead[k + 1] in ("of", "as") for k, w in enumerate(ahead))

    return holds


def _after_word_in(allowed: frozenset[str]) -> Condition:
    def holds(words: list[str], i: int, text: str, end: int) -> bool:
        return i > 0 and words[i - 1].lower() in allowed

    return holds


def _negated(words: list[str], i: int, text: str, end: int) -> bool:
    """ "not" (or a word ending in "n't") within the two words before: "would not seek", "not to stand"."""
    return any(w.lower() in ("not", "never") or w.lower().endswith("n't") for w in words[max(0, i - 2):i])


#: A name followed by "as" ("announced Thomas Redd as chief executive").
_NAME_AS = re.compile(r"\b[A-Z][^\s,;:]*,?\s+as\b")


def _object_within(window: int) -> Condition:
    """The rules take "announced", "welcomed" as a trigger only with its object, a person: a name
    within ``window`` tokens after it, or a name followed by "as" further on. Names are capitalised."""

    def holds(words: list[str], i: int, text: str, end: int) -> bool:
        if any(word[:1].isupper() for word in words[i + 1:i + 1 + window]):
            return True
        return _NAME_AS.search(text, end) is not None

    return holds


#: A word: letters, possibly joined by hyphens or apostrophes ("re-elected", "company's").
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_JOINER = re.compile(r"[-'\u2019]")
#: Where a paragraph starts: after a blank line, or on an indented line (wire copy).
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+|\n(?=[ \t]+\S)")


def words(text: str) -> set[str]:
    """The lower-case words of ``text``, hyphenated ones whole and in parts.

    >>> sorted(words("Re-elected CEO's 2nd term"))
    ['ceo', "ceo's", 'elected', 'nd', 're', 're-elected', 's', 'term']
    """
    found: set[str] = set()
    for word in _WORD.findall(text.lower()):
        word = word.replace("\u2019", "'")
        found.add(word)
        if "-" in word or "'" in word:
            found.update(_JOINER.split(word))
    return found


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; together with the breaks between them they cover ``text``.

    >>> paragraphs("Head\\n\\nOne line\\nwrapped\\n    Indented")
    [(0, 4), (6, 22), (23, 35)]
    """
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but newlines turned into a space.

    >>> blank("ab\\ncd ef", [(1, 5)])
    'a \\n   ef'
    """
    if not spans:
        return text
    parts = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_spaces(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _spaces(text: str) -> str:
    """``text`` with every character but newlines turned into a space."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


@dataclass(frozen=True)
class Triage:
    """What triage decided for one text."""

    relevant: bool  # False: no block holds a cue and a title word, the model need not run
    text: str  # the text with the paragraphs and sentences that can not matter blanked (same length)
    kept: tuple[tuple[int, int], ...]  # the paragraphs kept (some of their sentences may be blanked in text)
    blanked: tuple[tuple[int, int], ...]  # the paragraphs turned into spaces (whole paragraphs only)

    @property
    def blanked_chars(self) -> int:
        return sum(end - start for start, end in self.blanked)


@dataclass
class _Paragraph:
    start: int
    end: int
    block: int  # paragraphs of one block are not separated by a blank line
    cue: bool
    title: bool
    career: bool


def may_hold(text: str) -> bool:
    """Can ``text`` hold a record at all? False when it has no change cue or no title word
    anywhere: then no part of it can, cleaned or not. Cheap enough to run on the raw text before
    cleaning (the firehose case: most documents stop here). Characters are first normalised
    the way cleaning does (invisible ones dropped, entities decoded), so that a word split by a
    soft hyphen still counts.

    >>> may_hold("Shares of Acme rose 3 pct."), may_hold("Acme named a new chief executive."), may_hold("")
    (False, True, False)
    """
    from .clean import characters

    return _cue_and_title(words(characters(text)), vocabulary())


def _cue_and_title(seen: set[str], vocab: Vocabulary) -> bool:
    """Do the words ``seen`` hold a change cue and a title word?"""
    return not seen.isdisjoint(vocab.cues) and not seen.isdisjoint(vocab.titles)


def triage(text: str) -> Triage:
    """Decide whether ``text`` needs the model, and which of its paragraphs; see the module docstring."""
    vocab = vocabulary()
    spans = paragraphs(text)
    seen = words(text)
    if not _cue_and_title(seen, vocab):  # the common case, at a glance
        return Triage(False, blank(text, spans), (), tuple(spans))
    found = [_look(text, start, end, block, vocab) for (start, end), block in zip(spans, _blocks(text, spans))]
    # "The new partners are:" / "announced the following appointments:" and the paragraphs below
    # it, one a person (with the post, when the opening has none)
    opens = [i for i, p in enumerate(found) if (p.title or p.cue) and text[p.start:p.end].rstrip().endswith(":")]
    listed = {j for i in opens for j in range(i + 1, min(len(found), i + 1 + LIST_ITEMS))}
    cue_blocks = {p.block for p in found if p.cue} | {found[j].block for i in opens if found[i].cue
                                                      for j in range(i + 1, min(len(found), i + 1 + LIST_ITEMS))}
    if not any(p.title and p.block in cue_blocks for p in found):
        return Triage(False, blank(text, spans), (), tuple(spans))
    keep = [i < vocab.lead_paragraphs for i in range(len(found))]
    for i, p in enumerate(found):
        if p.cue or p.title or p.career:
            for j in range(i, min(len(found), i + vocab.follow + 1)):
                keep[j] = True
    for j in listed:
        keep[j] = True
    kept = tuple(span for span, k in zip(spans, keep) if k)
    blanked = tuple(span for span, k in zip(spans, keep) if not k)
    quiet = _quiet_sentences(text, [(span, i) for i, (span, k) in enumerate(zip(spans, keep)) if k and i not in listed], vocab)
    quiet += _quiet_quotes(text, [span for i, (span, k) in enumerate(zip(spans, keep))
                                  if k and i >= vocab.lead_paragraphs and i not in listed], vocab)
    return Triage(True, blank(text, _union(list(blanked) + quiet)), kept, blanked)


#: A quotation in curly quotes inside one paragraph
_CURLY_QUOTE = re.compile(r"\u201c[^\u201d\n]*\u201d")
_STRAIGHT_QUOTE = re.compile('"')
#: Shortest inside of a quotation worth blanking
_QUOTE_CHARS = 40


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the insides of the quotations in ``text[start:end]``: curly quotes, and
    straight ones paired in order (first with second, third with fourth ...), only when their
    number is even (an odd one opens a quotation that goes on in the next paragraph)."""
    spans = [(m.start() + 1, m.end() - 1) for m in _CURLY_QUOTE.finditer(text, start, end)]
    marks = [m.start() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]
    if len(marks) % 2 == 0:
        spans += [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks), 2)]
    return spans


def _quiet_quotes(text: str, kept: list[tuple[int, int]], vocab: Vocabulary) -> list[tuple[int, int]]:
    """The insides of the quotations in the kept paragraphs past the lead that hold no change
    cue and no career cue ("We are proud of what the team has built," said ...): praise and
    outlook, which the rules never read; who said it, after the quotation, stays (and so does
    "She spent twelve years at Merrow Biologics," said ...: a past employer)."""
    out = []
    for start, end in kept:
        for a, b in _quotations(text, start, end):
            if b - a >= _QUOTE_CHARS:
                seen = _look(text, a, b, 0, vocab)
                if not (seen.cue or seen.career):
                    out.append((a, b))
    return out


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined.

    >>> _union([(5, 9), (0, 3), (2, 4), (9, 10)])
    [(0, 4), (5, 10)]
    """
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


#: Paragraphs kept below one that ends with a colon and names a post ("The new partners are:");
#: assemble reads as many items
LIST_ITEMS = 20


#: Where a sentence may end: ".", "!" or "?" (and closing quotes), space, then a capital or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z\"“‘(])")
#: The word before a full stop that does not end a sentence: short capitalised words ("Mr.",
#: "Corp.", "Inc.", "Gen."), initials and dotted abbreviations ("J.", "U.S.").
_ABBREVIATION = re.compile(r"(?:\b[A-Z][A-Za-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z]?|\b(?:approx|est|etc|vs|no))\.$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text[start:end]``, cut only where a cut is certain:
    never after an abbreviation or an initial (a missed cut keeps more text, never less).

    >>> text = "Acme Corp. named J. Smith chief. He joins from U.S. Steel Co. Shares rose."
    >>> [text[a:b] for a, b in sentences(text, 0, len(text))]
    ['Acme Corp. named J. Smith chief. ', 'He joins from U.S. Steel Co. Shares rose.']
    """
    out = []
    last = start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[max(last, m.start() - 12):m.start()]
        before = before.rstrip("\"'”’)]")
        if _ABBREVIATION.search(before):
            continue
        out.append((last, m.end()))
        last = m.end()
    if last < end:
        out.append((last, end))
    return out


#: A sentence about someone named before ("He also brings expertise from his time at ...")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


def _quiet_sentences(text: str, kept: list[tuple[tuple[int, int], int]], vocab: Vocabulary) -> list[tuple[int, int]]:
    """The sentences of the kept paragraphs past the lead that can not matter: no change cue,
    title word, career cue or personal pronoun, not right after a sentence with a cue or a
    title (a pronoun or a surname may carry it on) and not right before a sentence with a
    career cue or a pronoun (it names whom that one is about). Blanking them spares the model
    most of a long release's company description, quotes and outlook."""
    spans: list[tuple[int, int]] = []
    change: list[bool] = []  # a cue or a title word (or a lead paragraph)
    about: list[bool] = []  # a career cue or a personal pronoun
    for (start, end), index in kept:
        if index < vocab.lead_paragraphs:
            spans.append((start, end))
            change.append(True)
            about.append(False)
            continue
        for a, b in sentences(text, start, end):
            seen = _look(text, a, b, 0, vocab)
            spans.append((a, b))
            change.append(seen.cue or seen.title)
            about.append(seen.career or _PRONOUN.search(text, a, b) is not None)
    quiet = []
    for i, span in enumerate(spans):
        if change[i] or about[i] or i and change[i - 1] or i + 1 < len(spans) and about[i + 1]:
            continue
        quiet.append(span)
    return quiet


def _blocks(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """For each paragraph, the number of the blank-line block it is in."""
    out, block = [], 0
    for i, (start, _) in enumerate(spans):
        if i and "\n" in text[spans[i - 1][1]:start].replace("\n", "", 1):
            block += 1
        out.append(block)
    return out


#: The rest of a clause up to "in" and a year: "who was named chief executive of Acme in 1979"
_IN_A_YEAR = re.compile(r"[^,.;:()\n]{0,80}?\bin (?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b(?!-)")


def _dated_aside(lower: list[str], i: int, paragraph: str, end: int) -> bool:
    """Is the cue at ``i`` a past move told in passing, in a "who" clause in the past tense that
    gives its year ("Jane Roe, who was named chief executive in 1979, said ...", "who joined
    Acme in 1984")? A career note, not news: the rules drop such a change when the year is
    before the announcement's, and triage does not read the text's date, so a move told this way
    in the year of the text is passed over too."""
    before = lower[max(0, i - 3):i]
    if "who" not in before or any(w in ("will", "ll", "is", "are", "has", "have", "would", "shall") for w in before):
        return False
    if not (lower[i].endswith("ed") or any(w in ("was", "were", "had") for w in before)):
        return False  # "who retires in 2026", "who takes over in 2025": to come
    return _IN_A_YEAR.match(paragraph, end) is not None


def _look(text: str, start: int, end: int, block: int, vocab: Vocabulary) -> _Paragraph:
    paragraph = text[start:end]
    seen: set[str] = set()  # the words in lower case, hyphenated ones whole and in parts
    for word in _WORD.findall(paragraph):
        word = word.lower()
        if "-" in word or "'" in word or "\u2019" in word:
            word = word.replace("\u2019", "'")
            seen.update(_JOINER.split(word))
        seen.add(word)
    cue = not seen.isdisjoint(vocab.cues) and _has_cue(paragraph, vocab)
    career = not seen.isdisjoint(vocab.career) or (
        vocab.career_phrases is not None and vocab.career_phrases.search(paragraph.lower()) is not None)
    return _Paragraph(start, end, block, cue, not seen.isdisjoint(vocab.titles), career)


def _has_cue(paragraph: str, vocab: Vocabulary) -> bool:
    """Does a cue word of ``paragraph`` count where it stands (its context conditions hold, and it
    is no past move told in passing)?"""
    tokens: list[str] = []  # words, hyphenated ones in parts (as spaCy splits them), in their case
    ends: list[int] = []
    joined: set[str] = set()  # the hyphenated words, whole
    for m in _WORD.finditer(paragraph):
        word = m.group()
        if "-" in word or "'" in word or "\u2019" in word:
            word = word.replace("\u2019", "'")
            joined.add(word.lower())
            for part in _JOINER.split(word):
                tokens.append(part)
                ends.append(m.end())
        else:
            tokens.append(word)
            ends.append(m.end())
    lower = [t.lower() for t in tokens]
    for i, word in enumerate(lower):
        conditions = vocab.cues.get(word)
        if conditions is not None and (not conditions or any(c(tokens, i, paragraph, ends[i]) for c in conditions)) \
                and not _dated_aside(lower, i, paragraph, ends[i]):
            return True
    return any(w in vocab.cues and not vocab.cues[w] for w in joined)  # "re-elected", "co-chair" whole
