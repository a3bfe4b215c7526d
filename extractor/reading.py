"""A parsed piece of text to appointment records: the hand rules' reading, or the trained
decision over the candidates (``Options(decide=True)``), offsets mapped to the source text.

Used for each piece of a document by ``pipeline.Extractor`` and on a user's own ``Doc`` by the
``appointments`` spaCy component.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache, partial

from .assemble import CharSpan, DocView, Found, find_appointments, fold, make_view, seats_with_posts, sentences
from .clean import CleanText, normalise
from .components import normalize_title
from .dates import effective_date, latest_dated_year, looks_like_wire_copy
from .decide.candidates import Candidate, doc_candidates
from .decide.model import Decision, DecisionModel
from .models import Appointment, Evidence, Organisation, PastEmployer, Person, Role, Successor
from .record_dates import dates_told_later, is_background, share_dates


@lru_cache(maxsize=1)
def shipped_decider() -> DecisionModel | None:
    """The trained decision model shipped with the package (``extractor/data/decide.npz``),
    loaded once and shared; None when the package has none (then the hand rules decide).

    What ``Options(decide=True)`` and the spaCy component's ``decide`` config use; pass the
    result to ``doc_appointments(..., decider=...)``."""
    from .decide.model import shipped_model_exists

    return DecisionModel.load() if shipped_model_exists() else None


def rule_reading(doc, announced: date | None) -> tuple[DocView, list[Found], list[tuple[Found, date | None]]]:
    """The hand rules on a parsed ``Doc``: its view, every record they find, and those they keep
    (past changes told as background and board seats of people given posts left out) with
    their effective dates."""
    sents = sentences(doc)
    view = make_view(doc)
    found_all = find_appointments(doc, view)
    year = latest_dated_year(doc.text) if announced is None else None
    dated: list[tuple[Found, date | None]] = []
    for found in found_all:
        sent = sents[found.sent_index]
        eff = effective_date(sent, announced)
        if is_background(sent.text, eff, announced, year):
            continue
        dated.append((found, eff))
    kept = {id(f) for f in seats_with_posts([f for f, _ in dated])}
    dated = [(f, eff) for f, eff in dated if id(f) in kept]
    return view, found_all, share_dates(dates_told_later(dated, sents, announced))


def doc_appointments(doc, announced: date | None, cleaned: CleanText | None = None, offset: int = 0,
                     decider: DecisionModel | None = None, decision: str = "model") -> list[Appointment]:
    """The appointments a parsed ``Doc`` announces, offsets mapped through ``cleaned`` (the doc
    holds ``cleaned.text[offset:]``); without ``cleaned``, offsets index ``doc.text``. With a
    ``decider``, the trained model decides as ``decision`` says ("model" or "combined");
    without, the hand rules.

    Used for each piece of a document by ``Extractor`` and on a user's own ``Doc`` by the
    ``appointments`` spaCy component."""
    if cleaned is None:
        cleaned = CleanText(source=doc.text, text=doc.text)
    if decider is not None:
        candidates, final = piece_candidates(doc, announced, offset, only_kept=decision == "combined",
                                             wire=looks_like_wire_copy(cleaned.text))
        by_rules = [appointment_of_found(f, offset, cleaned, eff) for f, eff in final]
        return decided_appointments(decider, decision, candidates, by_rules, cleaned)
    _, _, final = rule_reading(doc, announced)
    return [appointment_of_found(found, offset, cleaned, eff) for found, eff in final]


def decided_appointments(decider: DecisionModel, decision: str, candidates: list[Candidate],
                         by_rules: list[Appointment], cleaned: CleanText) -> list[Appointment]:
    """The records of a document under the trained ``decider``: its own choice among the
    candidates ("model"), or ("combined") the hand rules' records ``by_rules``, each with the
    organisation the model gives it where it overrules theirs, and the model's confidence."""
    if decision == "model":
        return [decision_appointment(d, cleaned) for d in decider.decide(candidates)]
    offsets = {c.kept: c.offset for c in candidates if c.kept is not None}
    out = []
    for i, (record, said) in enumerate(zip(by_rules, decider.combined_records(candidates, len(by_rules)))):
        update: dict = {"confidence": said.confidence}
        if said.organisation is not None:
            s, e, name = _where(cleaned, offsets[i], said.organisation.span)
            update["organisation"] = Organisation(name=name, start=s, end=e)
            update["past_employers"] = [p for p in record.past_employers if fold(p.name) != fold(name)]
        out.append(record.model_copy(update=update))
    return out


def piece_candidates(doc, announced: date | None, offset: int, only_kept: bool = False, wire: bool | None = None
                     ) -> tuple[list[Candidate], list[tuple[Found, date | None]]]:
    """The decision's candidates of one parsed piece (offsets into it; ``offset`` recorded), and
    the records the hand rules keep; ``only_kept``: only the candidates that are those records;
    ``wire``: whether the document is wire copy (``dates.looks_like_wire_copy``), None: tell by
    the piece's text."""
    view, found_all, final = rule_reading(doc, announced)
    candidates = doc_candidates(doc, announced, found_all, {id(f): (f, eff) for f, eff in final}, view, only_kept,
                                wire)
    for cand in candidates:
        cand.offset = offset
    return candidates, final


def decision_appointment(decision: Decision, cleaned: CleanText) -> Appointment:
    """A record of a move the model took, offsets mapped to the source text."""
    cand = decision.candidate
    return _build(cleaned, cand.offset, cand.person, cand.title, decision.organisation.span if decision.organisation
                  else None, cand.sentence, [o.span for o in decision.employers], event=decision.event,
                  eff=cand.effective, succeeds=cand.succeeds, confidence=decision.confidence)


def appointment_of_found(found: Found, offset: int, cleaned: CleanText, eff: date | None) -> Appointment:
    """A record the hand rules kept (``found``, dated ``eff``), offsets mapped to the source text."""
    return _build(cleaned, offset, found.person, found.title, found.organisation, found.sentence, found.past_employers,
                  event=found.event, eff=eff, succeeds=found.succeeds, confidence=found.confidence)


def _build(cleaned: CleanText, offset: int, person: CharSpan, title: CharSpan, organisation: CharSpan | None,
           sentence: CharSpan, employers: list[CharSpan], *, event: str, eff: date | None, succeeds: str | None,
           confidence: float) -> Appointment:
    """An ``Appointment`` from spans of a piece (``offset`` into the cleaned text), mapped to the source."""
    where = partial(_where, cleaned, offset)
    ps, pe, pname = where(person)
    ts, te, written = where(title)
    if title.text == "director" and written.lower() in ("board", "board of directors"):
        written = "director"  # a board seat: the span covers "board" (or "Board of Directors")
    org = None
    if organisation is not None:
        os_, oe, oname = where(organisation)
        org = Organisation(name=oname, start=os_, end=oe)
    es, ee, etext = where(sentence)
    past = [PastEmployer(name=name, start=s, end=e) for s, e, name in map(where, employers)]
    return Appointment(
        person=Person(name=pname, start=ps, end=pe),
        organisation=org,
        role=Role(title=written, normalized=normalize_title(written), start=ts, end=te),
        event=event,
        effective_date=eff,
        succeeds=Successor(name=succeeds) if succeeds else None,
        past_employers=past,
        evidence=Evidence(text=etext, start=es, end=ee),
        confidence=confidence,
    )


def _where(cleaned: CleanText, offset: int, span: CharSpan) -> tuple[int, int, str]:
    """A span of a piece (``offset`` into the cleaned text) in the source text: start, end, its
    text with characters normalised as cleaning does ("Rothschild &amp; Co" is "Rothschild & Co",
    "Alkira®" is "Alkira") and whitespace runs squashed."""
    s, e = cleaned.to_source(span.start + offset, span.end + offset)
    written = cleaned.source[s:e]
    # (``normalise``, not ``clean.characters``, which keeps an entity normalising deletes: "Alkira&reg;")
    return s, e, _squash(normalise(written)[0] if _NORMALISED.search(written) else written)


#: What character normalisation may change: entities, and characters outside printable ASCII
_NORMALISED = re.compile(r"&|[^\x20-\x7e\n\t]")


def _squash(text: str) -> str:
    """Whitespace runs to one space: names wrapped over two lines read as one."""
    return " ".join(text.split())
