"""The frames file, ``data/frames.json``, read and validated without spaCy.

A pattern token (``Matcher``) or node (``DependencyMatcher``) names word classes of the data files
instead of copying words: in an ``IN`` / ``NOT_IN`` list (or as the whole list) a string

    "$appoint"                 the class ``appoint`` of triggers.json
    "$take_over.values"        the words of all rows of the table ``take_over`` (``over``, ``on``)
    "$triage:extra_title_words"  a class of another data file (triage.json, titles.json)

is replaced by the class's lower-case words. A token or node may carry ``"slot"``: ``trigger`` (one
per pattern), ``person`` or ``post`` (at least one of each), or ``predecessor``; the key is taken
out before the pattern reaches spaCy and remembered by position. A frame's ``trigger_words`` are
the words its trigger tokens accept: the union over all frames is the cue list of triage.

Validation (``FrameError``, naming the frame): unknown keys, unknown guard names, unknown word
classes or data files, a pattern without its trigger, person or post. That spaCy accepts each
pattern is checked when the matchers are built (``extractor.frames.load_frames``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError

from ..datafiles import DataFileError, WordClasses, read
from ..models import Event
from .guards import GUARDS

FRAMES_FILE = "frames.json"
SLOTS = ("trigger", "person", "post", "predecessor")
#: Data files whose word classes a pattern may name ("$file:class"); "$class" alone is triggers.json
WORD_FILES = {"triggers": "triggers.json", "triage": "triage.json", "titles": "titles.json"}
_WORD_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


class FrameError(ValueError):
    """A frame that can not be used; the message names it."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expect(_Strict):
    person: str
    post: str


class Pattern(_Strict):
    kind: Literal["matcher", "dependency"]
    pattern: list[dict[str, Any]] = Field(min_length=1)
    example: str | None = None  # a sentence of the pattern's own (the frame's example tests the first)
    expect: Expect | None = None


class Frame(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    event: Event | Literal["by_trigger"]  # by_trigger: the event of the trigger word's class (events_by_class)
    patterns: list[Pattern] = Field(min_length=1)
    guards: list[str] = Field(default_factory=list)
    example: str
    expect: Expect


class GuardSettings(_Strict):
    words: list[str] = Field(default_factory=list)  # words or "$class" references
    marks: list[str] = Field(default_factory=list)
    window: int = Field(3, ge=0)


class FramesFile(_Strict):
    version: str
    description: list[str] = Field(default_factory=list)
    events_by_class: dict[str, Event]  # trigger class -> event, first class holding the word wins
    guards: dict[str, GuardSettings]
    frames: list[Frame] = Field(min_length=1)


@dataclass(frozen=True)
class CompiledPattern:
    kind: str  # matcher | dependency
    pattern: list[dict[str, Any]]  # classes expanded, "slot" keys taken out
    slots: dict[int, str]  # token (matcher) or node (dependency) position -> slot
    trigger_words: frozenset[str]
    example: str | None = None
    expect: Expect | None = None


@dataclass(frozen=True)
class FrameSpec:
    id: str
    description: str
    event: str
    patterns: tuple[CompiledPattern, ...]
    guards: tuple[str, ...]
    example: str
    expect: Expect

    @property
    def trigger_words(self) -> frozenset[str]:
        return frozenset().union(*(p.trigger_words for p in self.patterns))

    def examples(self) -> list[tuple[str, Expect]]:
        """The frame's example and those of its patterns, each with the person and post it must give."""
        return [(self.example, self.expect)] + [(p.example, p.expect) for p in self.patterns if p.example]


@dataclass(frozen=True)
class Frames:
    frames: tuple[FrameSpec, ...]
    guards: dict[str, GuardSettings]  # words expanded
    events_by_class: tuple[tuple[frozenset[str], str], ...]  # (class words, event) in the file's order
    cues: frozenset[str] = frozenset()  # every frame's trigger words (set by ``build``)

    def trigger_words(self) -> frozenset[str]:
        """Every word a frame's trigger accepts: the change cues."""
        return self.cues

    def event_of(self, word: str) -> str:
        for words, event in self.events_by_class:
            if word in words:
                return event
        return "appointed"


@lru_cache(maxsize=None)
def _classes(file: str) -> WordClasses:
    return read(WORD_FILES[file], WordClasses)


def expand(ref: str) -> frozenset[str]:
    """The words of a class reference ("$appoint", "$take_over.values", "$triage:extra_title_words").

    >>> sorted(expand("$take_over.values")), "named" in expand("$appoint")
    (['on', 'over'], True)
    """
    if not ref.startswith("$"):
        raise KeyError(f"{ref!r} is no class reference (they start with '$')")
    file, _, name = ref[1:].rpartition(":")
    file = file or "triggers"
    if file not in WORD_FILES:
        raise KeyError(f"{ref!r}: no data file {file!r} (known: {', '.join(sorted(WORD_FILES))})")
    values = name.endswith(".values")
    name = name.removesuffix(".values")
    classes = _classes(file)
    if name not in classes.names():
        raise KeyError(f"{ref!r}: {WORD_FILES[file]} has no class {name!r}")
    return classes.words(name, values=values)


def _words(items: str | list) -> list:
    """A pattern's ``IN`` value with its class references replaced by their words."""
    out: list = []
    for item in [items] if isinstance(items, str) else items:
        if isinstance(item, str) and item.startswith("$"):
            out.extend(sorted(expand(item)))
        else:
            out.append(item)
    return out


def _expand_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if isinstance(value, dict):
            value = {op: _words(v) if op in ("IN", "NOT_IN") and isinstance(v, (str, list)) else v
                     for op, v in value.items()}
        elif isinstance(value, str) and value.startswith("$"):
            raise KeyError(f"{value!r} stands for a list of words: write {{\"IN\": {value!r}}}")
        out[key] = value
    return out


def _accepted(attrs: dict[str, Any]) -> frozenset[str]:
    """The words a token's attributes accept (its LOWER/ORTH/TEXT/NORM ``IN`` list or value)."""
    words: set[str] = set()
    for key in _WORD_KEYS:
        value = attrs.get(key)
        if isinstance(value, str):
            words.add(value.lower())
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            words.update(w.lower() for w in value["IN"] if isinstance(w, str))
    return frozenset(words)


def _compile(frame: Frame, pattern: Pattern) -> CompiledPattern:
    tokens: list[dict[str, Any]] = []
    slots: dict[int, str] = {}
    trigger = frozenset()
    for k, token in enumerate(pattern.pattern):
        token = dict(token)
        slot = token.pop("slot", None)
        if slot is not None:
            if slot not in SLOTS:
                raise FrameError(f"frame {frame.id}: unknown slot {slot!r} (slots: {', '.join(SLOTS)})")
            slots[k] = slot
        if pattern.kind == "dependency":
            token["RIGHT_ATTRS"] = _expand_attrs(token.get("RIGHT_ATTRS", {}))
            attrs = token["RIGHT_ATTRS"]
        else:
            token = _expand_attrs(token)
            attrs = token
        if slot == "trigger":
            trigger = _accepted(attrs)
        tokens.append(token)
    named = list(slots.values())
    if named.count("trigger") != 1 or "person" not in named or "post" not in named:
        raise FrameError(f"frame {frame.id}: a pattern needs one trigger slot and a person and a post slot, "
                         f"not {named}")
    if not trigger:
        raise FrameError(f"frame {frame.id}: the trigger token names no words (LOWER/ORTH IN ...)")
    if (pattern.example is None) != (pattern.expect is None):
        raise FrameError(f"frame {frame.id}: a pattern's example needs its expect, and the other way round")
    return CompiledPattern(pattern.kind, tokens, slots, trigger, pattern.example, pattern.expect)


def build(data: dict) -> Frames:
    """Validate the frames file's content and expand it; ``FrameError`` names what is wrong."""
    try:
        parsed = FramesFile.model_validate(data)
    except ValidationError as exc:
        where = ""
        for err in exc.errors():
            loc = err["loc"]
            if len(loc) > 1 and loc[0] == "frames" and isinstance(loc[1], int):
                frame_id = (data.get("frames") or [{}])[loc[1]].get("id", f"#{loc[1]}")
                where = f"frame {frame_id}: "
                break
        raise FrameError(f"{where}{FRAMES_FILE} is not valid: {exc}") from exc
    for name in parsed.guards:
        if name not in GUARDS:
            raise FrameError(f"{FRAMES_FILE}: settings for unknown guard {name!r} (guards: {', '.join(GUARDS)})")
    seen: set[str] = set()
    frames = []
    for frame in parsed.frames:
        if frame.id in seen:
            raise FrameError(f"frame {frame.id}: the id is used twice")
        seen.add(frame.id)
        for guard in frame.guards:
            if guard not in GUARDS:
                raise FrameError(f"frame {frame.id}: unknown guard {guard!r} (guards: {', '.join(GUARDS)})")
        try:
            patterns = tuple(_compile(frame, p) for p in frame.patterns)
        except KeyError as exc:
            raise FrameError(f"frame {frame.id}: unknown word class: {exc.args[0]}") from exc
        frames.append(FrameSpec(frame.id, frame.description, frame.event, patterns, tuple(frame.guards),
                                frame.example, frame.expect))
    try:
        guards = {name: settings.model_copy(update={"words": _words(settings.words)})
                  for name, settings in parsed.guards.items()}
        by_class = tuple((expand(f"${name}"), event) for name, event in parsed.events_by_class.items())
    except KeyError as exc:
        raise FrameError(f"{FRAMES_FILE}: unknown word class: {exc.args[0]}") from exc
    return Frames(tuple(frames), guards, by_class, frozenset().union(*(f.trigger_words for f in frames)))


class _Json(RootModel[dict[str, Any]]):
    """Any JSON object: the frames file is validated by ``build``, which names the frame at fault."""


@lru_cache(maxsize=1)
def load_specs() -> Frames:
    """``data/frames.json``, validated and expanded (cached; no spaCy)."""
    try:
        data = read(FRAMES_FILE, _Json).root
    except DataFileError as exc:
        raise FrameError(str(exc)) from exc
    return build(data)
