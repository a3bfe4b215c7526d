"""Frames: the constructions that can announce a move, declared as data (``data/frames.json``).

Each frame has an id, an event, spaCy ``Matcher`` / ``DependencyMatcher`` patterns whose tokens
name word classes of the data files (``"$appoint"``: triggers.json's list) instead of copying
words, slots (trigger, person, post), the guards that apply to it (``guards.GUARDS``) and an example
sentence of its own with the person and post it must give (``tests/test_frames.py``).

    load_frames()  -> Frames        the file validated, every pattern accepted by spaCy (cached)
    match(doc)     -> [FrameMatch]  candidates (person, post, trigger, frame) of a parsed doc
    trigger_words() -> frozenset    the words the frames' triggers accept: triage's change cues

``trigger_words`` and ``spec`` need no spaCy; ``load_frames`` and ``match`` import it when called.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .guards import GUARDS
from .spec import FrameError, Frames, FrameSpec, load_specs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .matching import FrameMatch

__all__ = ["GUARDS", "FrameError", "FrameSpec", "Frames", "load_frames", "match", "trigger_words"]


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    """The frames of ``data/frames.json``: validated, word classes expanded, and every pattern
    added to a spaCy matcher once (``FrameError`` naming the frame otherwise)."""
    from spacy.vocab import Vocab

    from .matching import compile_frames

    frames = load_specs()
    compile_frames(frames, Vocab())
    return frames


def match(doc: "Doc") -> list["FrameMatch"]:
    """The frame matches of a doc parsed by the project's pipeline (``extractor.nlp.load``)."""
    from .matching import match as run

    return run(doc, load_frames())


def trigger_words() -> frozenset[str]:
    """Every word that a frame's trigger accepts (lower case): the change cues."""
    return load_specs().trigger_words()
