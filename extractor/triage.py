"""Triage: a cheap pass over the text before the model, so that the model only reads what can matter.

    text --triage--> Triage(relevant, text with the paragraphs that can not matter blanked)

A record needs a change cue (a word of ``data/triggers.json``: "named", "resigned",
"succeeds", "appointment", ...) in a sentence and a title (a head or abbreviation of
``data/titles.json``, a plural head, a board seat). A text with no cue or no title word at
all can hold no record: it is not ``relevant`` and skips the model.

In a relevant text, a paragraph (a block between blank lines, or starting with an indented
line) is kept when it is one of the first ``lead_paragraphs`` (stamp, headline, lead: the
main organisation is found there), holds a cue, a title word or a career cue ("previously",
"spent", "joined from"), or follows such a paragraph (pronouns and surnames refer back).
Every other paragraph is blanked: each character but the newlines becomes a space, so that
the text keeps its length and every offset. spaCy makes one token of a run of spaces, so a
blanked paragraph costs next to nothing in the tagger, parser and NER.

Words are compared in lower case, hyphenated words both whole and by their parts, so that
triage sees every word that the rules can see as a token.

The word lists are those of ``data/triggers.json`` and ``data/titles.json`` (read through
``assemble.triggers()`` and ``components.lexicon()``); ``data/triage.json`` only adds to them.

>>> text = "Acme names Jane Roe CEO\\n\\nLead.\\n\\nThird.\\n\\nShares rose.\\n\\nPlants make tea."
>>> result = triage(text)
>>> result.relevant, len(result.text) == len(text)
(True, True)
>>> result.text[-38:]
'Third.\\n\\n            \\n\\n                '

>>> triage("Shares rose 5% on Monday.").relevant
False
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field


class TriageRules(BaseModel):
    """``data/triage.json`` (validated: unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    description: list[str] = Field(default_factory=list)
    extra_cues: frozenset[str] = frozenset()
    extra_title_words: frozenset[str] = frozenset()
    career_too_common: frozenset[str] = frozenset()
    lead_paragraphs: int = Field(3, ge=0)
    follow: int = Field(1, ge=0)


@dataclass(frozen=True)
class Vocabulary:
    """The words triage looks for, all lower case."""

    cues: frozenset[str]  # change cues: a sentence with none of them gives no record
    titles: frozenset[str]  # title words: a record needs one
    career: frozenset[str]  # one-word career cues
    career_phrases: re.Pattern[str] | None  # career cues of several words ("joined from"), on lower-case text
    lead_paragraphs: int
    follow: int


@lru_cache(maxsize=1)
def rules() -> TriageRules:
    raw = resources.files("extractor").joinpath("data/triage.json").read_text(encoding="utf-8")
    return TriageRules.model_validate(json.loads(raw))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The cue, title and career words, from the rules' own data files plus ``data/triage.json``."""
    from .assemble import triggers
    from .components import lexicon

    trig, lex, extra = triggers(), lexicon(), rules()
    cues = set(trig.appoint | trig.promote | trig.succeed | trig.depart | extra.extra_cues)
    cues |= set(trig.depart_needs_particle) | set(trig.step_in) | set(trig.take_over)
    titles = set(lex.heads) | set(lex.abbreviations) | set(extra.extra_title_words)
    too_common = {w.lower() for w in extra.career_too_common}
    career = {w.lower() for w in trig.career if w.lower() not in too_common}
    phrases = sorted(w for w in career if " " in w)
    return Vocabulary(
        cues=frozenset(w.lower() for w in cues),
        titles=frozenset(w.lower().replace("\u2019", "'") for w in titles),
        career=frozenset(w for w in career if " " not in w),
        career_phrases=re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b")
        if phrases else None,
        lead_paragraphs=extra.lead_paragraphs,
        follow=extra.follow,
    )


#: A word: letters, possibly joined by hyphens or apostrophes ("re-elected", "company's").
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
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
            found.update(re.split(r"[-']", word))
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
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


@dataclass(frozen=True)
class Triage:
    """What triage decided for one text."""

    relevant: bool  # False: no cue or no title word anywhere, the model need not run
    text: str  # the text with the paragraphs that can not matter blanked (same length)
    kept: tuple[tuple[int, int], ...]  # the paragraphs left as they were
    blanked: tuple[tuple[int, int], ...]  # the paragraphs turned into spaces

    @property
    def blanked_chars(self) -> int:
        return sum(end - start for start, end in self.blanked)


def triage(text: str) -> Triage:
    """Decide whether ``text`` needs the model, and which of its paragraphs; see the module docstring."""
    vocab = vocabulary()
    spans = paragraphs(text)
    marks = []
    any_cue = any_title = False
    for start, end in spans:
        found = words(text[start:end])
        cue = not found.isdisjoint(vocab.cues)
        title = not found.isdisjoint(vocab.titles)
        any_cue = any_cue or cue
        any_title = any_title or title
        marks.append(cue or title or not found.isdisjoint(vocab.career)
                     or vocab.career_phrases is not None and vocab.career_phrases.search(text[start:end].lower()) is not None)
    if not (any_cue and any_title):
        return Triage(False, blank(text, spans), (), tuple(spans))
    keep = [i < vocab.lead_paragraphs for i in range(len(spans))]
    for i, marked in enumerate(marks):
        if marked:
            for j in range(i, min(len(spans), i + vocab.follow + 1)):
                keep[j] = True
    kept = tuple(span for span, k in zip(spans, keep) if k)
    blanked = tuple(span for span, k in zip(spans, keep) if not k)
    return Triage(True, blank(text, list(blanked)), kept, blanked)
