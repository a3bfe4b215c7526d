"""The frames' patterns run over a parsed ``Doc``: candidates (person, post, trigger, frame).

A pattern token may ask for ``{"_": {"in_title": true}}``: a token inside one of the titles the
pipeline's ``appointment_titles`` component stored in ``doc.spans["titles"]``. A match's person
is the PERSON entity holding its first person token (else the run of name-like tokens around it,
see ``_persons``), its post the title span
holding its first post token (else the post tokens with the compounds and adjectives before them).
A match whose tokens run over two sentences is dropped; the same (frame, person, post, trigger)
is kept once. Every guard of the frame is tried: those that fire are listed on the match and mark
it ``blocked``; nothing is dropped for them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .guards import GUARDS, Context
from .spec import CompiledPattern, FrameError, Frames, FrameSpec, GuardSettings

TITLES = "titles"
#: for the doc being matched (set and cleared by ``match``): the tokens inside a title span, and
#: the frames' trigger words
_CURRENT: dict[int, tuple[frozenset[int], frozenset[str]]] = {}
_NOTHING: tuple[frozenset[int], frozenset[str]] = (frozenset(), frozenset())


#: entity labels a name is never given
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def _in_title(token: Token) -> bool:
    return token.i in _CURRENT.get(id(token.doc), _NOTHING)[0]


def _person_like(token: Token) -> bool:
    """A token of a PERSON entity, or a capitalised proper noun outside titles and dates: the
    small model calls many a name ORG, GPE or nothing. Never a trigger word ("Acme Names Ann Lee")."""
    if token.lower_ in _CURRENT.get(id(token.doc), _NOTHING)[1]:
        return False
    if token.ent_type_ == "PERSON":
        return True
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in _NOT_NAMES \
        and not _in_title(token)



for _name, _getter in (("in_title", _in_title), ("person_like", _person_like)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)


@dataclass(frozen=True)
class FrameMatch:
    """One candidate move found by a frame."""

    frame: str
    event: str
    person: Span
    post: Span
    trigger: int  # token index in the doc
    sentence: int  # index in doc.sents
    guards: tuple[str, ...] = ()  # the frame's guards that fired
    predecessor: Span | None = None
    blocked: bool = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "blocked", bool(self.guards))


@dataclass
class Compiled:
    matcher: Matcher
    dependency: DependencyMatcher
    keys: dict[int, tuple[FrameSpec, CompiledPattern]]


def compile_frames(frames: Frames, vocab: Vocab) -> Compiled:
    """spaCy matchers of every pattern; ``FrameError`` naming the frame for a pattern spaCy refuses."""
    matcher = Matcher(vocab, validate=True)
    dependency = DependencyMatcher(vocab, validate=True)
    keys: dict[int, tuple[FrameSpec, CompiledPattern]] = {}
    for frame in frames.frames:
        for k, pattern in enumerate(frame.patterns):
            key = f"{frame.id}#{k}"
            try:
                (matcher if pattern.kind == "matcher" else dependency).add(key, [pattern.pattern])
            except Exception as exc:  # spaCy's MatchPatternError, ValueError ... : name the frame
                raise FrameError(f"frame {frame.id}: pattern {k} is not a valid spaCy {pattern.kind} "
                                 f"pattern: {exc}") from exc
            keys[vocab.strings[key]] = (frame, pattern)
    return Compiled(matcher, dependency, keys)


_COMPILED: list[tuple[Frames, Vocab, Compiled]] = []


def _compiled(frames: Frames, vocab: Vocab) -> Compiled:
    for f, v, c in _COMPILED:
        if f is frames and v is vocab:
            return c
    compiled = compile_frames(frames, vocab)
    _COMPILED.append((frames, vocab, compiled))
    del _COMPILED[:-4]
    return compiled


def _persons(doc: Doc, tokens: list[int], ents: dict[int, Span]) -> list[Span]:
    """Who a match's person tokens name: the PERSON entity at the first one; else the run of
    name-like tokens around it, and inside a run of more than two words its PERSON entities and
    its last two words (a headline puts descriptors before the name: "Appoints Retail Veteran
    Ann Lee", where every word is a proper noun)."""
    if tokens[0] in ents:
        return [ents[tokens[0]]]
    start = end = tokens[0]
    while start > 0 and _person_like(doc[start - 1]):
        start -= 1
    while end + 1 < len(doc) and _person_like(doc[end + 1]):
        end += 1
    run = doc[start:end + 1]
    if len(run) <= 2:
        return [run]
    inside = [ents[i] for i in range(start, end + 1) if i in ents and ents[i].start == i]
    return list({(s.start, s.end): s for s in [run, *inside, doc[end - 1:end + 1]]}.values())


def _post(doc: Doc, tokens: list[int], titles: dict[int, Span]) -> Span:
    if tokens[0] in titles:
        return titles[tokens[0]]
    last = doc[max(tokens)]
    start = min([tokens[0]] + [c.i for c in last.lefts if c.dep_ in ("compound", "amod", "nmod")])
    return doc[start:last.i + 1]


def match(doc: Doc, frames: Frames) -> list[FrameMatch]:
    """Every frame match of ``doc``; see the module docstring."""
    compiled = _compiled(frames, doc.vocab)
    titles: dict[int, Span] = {}
    for span in doc.spans[TITLES] if TITLES in doc.spans else ():
        for i in range(span.start, span.end):
            titles.setdefault(i, span)
    ents = {i: e for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    sents = list(doc.sents)
    raw: list[tuple[FrameSpec, int, int, dict[str, list[int]]]] = []
    _CURRENT[id(doc)] = (frozenset(titles), frames.trigger_words())
    try:
        for key, start, end, align in compiled.matcher(doc, with_alignments=True):
            frame, pattern = compiled.keys[key]
            slots: dict[str, list[int]] = {}
            for offset, k in enumerate(align):
                if k in pattern.slots:
                    slots.setdefault(pattern.slots[k], []).append(start + offset)
            raw.append((frame, start, end - 1, slots))
        for key, ids in compiled.dependency(doc):
            frame, pattern = compiled.keys[key]
            slots = {}
            for k, i in enumerate(ids):
                if k in pattern.slots:
                    slots.setdefault(pattern.slots[k], []).append(i)
            raw.append((frame, min(ids), max(ids), slots))
        return _resolve(doc, frames, raw, titles, ents, sents)
    finally:
        _CURRENT.pop(id(doc), None)


def _resolve(doc: Doc, frames: Frames, raw: list, titles: dict[int, Span], ents: dict[int, Span],
             sents: list[Span]) -> list[FrameMatch]:
    """The matches of ``raw`` with their person, post and guards, once each, in text order."""
    starts = [s.start for s in sents]
    out: list[FrameMatch] = []
    seen: set[tuple] = set()
    for frame, first, last, slots in raw:
        si = bisect_right(starts, first) - 1
        if bisect_right(starts, last) - 1 != si:
            continue  # across a sentence break
        post = _post(doc, slots["post"], titles)
        trigger = slots["trigger"][0]
        predecessor = _persons(doc, slots["predecessor"], ents)[0] if "predecessor" in slots else None
        for person in _persons(doc, slots["person"], ents):
            if person.start < post.end and post.start < person.end:
                continue
            key = (frame.id, person.start, person.end, post.start, post.end, trigger)
            if key in seen:
                continue
            seen.add(key)
            ctx = Context(doc, sents[si], doc[trigger], person, post)
            fired = tuple(g for g in frame.guards if GUARDS[g](ctx, frames.guards.get(g, GuardSettings())))
            event = frames.event_of(doc[trigger].lower_) if frame.event == "by_trigger" else frame.event
            out.append(FrameMatch(frame.id, event, person, post, trigger, si, fired, predecessor))
    out.sort(key=lambda m: (m.sentence, m.trigger, m.person.start, m.post.start, m.frame))
    return out
