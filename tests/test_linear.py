"""Linear cost (issue 15, point 4): the reads of ``doc.text`` that sat in loops of the rule core.

spaCy builds ``doc.text`` by joining every token on each read, so a read inside a loop over
mentions or sentences makes a rule quadratic in the document's length. These changes keep the
output (dev and train byte-identical) and are listed for the rebuilt core. Timings are measured
by scripts/linearity.py on demand, not asserted here.
"""
from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from extractor.assemble import CharSpan, DocView
from extractor.assemble.attach.organisation import _same_group
from extractor.assemble.constructions.lists import _after_a_line_break, _listed_below


class CountingDoc:
    """A ``Doc`` that counts how often its ``text`` is built."""

    def __init__(self, doc):
        self._doc = doc
        self.reads = 0

    @property
    def text(self) -> str:
        self.reads += 1
        return self._doc.text

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def __getitem__(self, i):
        return self._doc[i]

    def __len__(self) -> int:
        return len(self._doc)


def view_of(text: str, main_org: CharSpan | None = None) -> tuple[DocView, CountingDoc]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    counting = CountingDoc(doc)
    return DocView(counting, None, [], {}, main_org, list(doc.sents)), counting


def test_same_group_builds_the_text_once_however_often_the_unit_is_named():
    text = "Acme Corp said Delta Leasing grew. " * 300 + "He heads its Delta Leasing unit."
    view, doc = view_of(text, main_org=CharSpan("Acme Corp", 0, 9))
    unit = CharSpan("Delta Leasing", 15, 28)
    assert _same_group(view, CharSpan("Acme Corp", 0, 9), unit)
    assert doc.reads == 1


def test_listed_below_builds_the_text_once_over_all_the_sentences_after():
    view, doc = view_of("The new partners are: " + "They met. " * 500)
    assert _listed_below(view, 0) == []
    assert doc.reads == 1


@given(st.text(alphabet=" \t\na", max_size=30), st.data())
def test_after_a_line_break_is_the_copying_test_it_replaces(text, data):
    at = data.draw(st.integers(0, len(text)))
    assert _after_a_line_break(text, at) == text[:at].rstrip(" \t").endswith("\n")
