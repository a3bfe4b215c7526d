"""The library entry point: ``Extractor`` runs every stage for one or many documents.

    bytes/str --inputs--> text --clean--> kept text + offset map --spaCy--> Doc
        --assemble--> candidates --dates--> records (pydantic, offsets into the input)

One ``Options`` object carries every setting; the spaCy model is loaded once,
lazily, on first use.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date

import numpy

from . import errors
from .assemble import CharSpan, DocView, Found, find_appointments, make_view, seats_with_posts, sentences, triggers
from .clean import CleanText, clean
from .components import normalize_title
from .decide.candidates import Candidate, doc_candidates
from .decide.model import Decision, DecisionModel
from .dates import GENERATIONS, announcement_date, blank_datelines, effective_date
from .inputs import load_text
from .language import SUPPORTED as SUPPORTED_LANGUAGES
from .language import UNSUPPORTED as UNSUPPORTED_LANGUAGE
from .language import detect_language
from .models import (
    Appointment,
    AnnouncementRecord,
    ErrorInfo,
    ErrorRecord,
    EVENTS,
    Evidence,
    Organisation,
    PastEmployer,
    Person,
    Role,
    Successor,
)
from .triage import may_hold, triage

log = logging.getLogger(__name__)

#: Texts longer than this are parsed in pieces cut at paragraph breaks, so that
#: memory stays flat and cost grows linearly with length.
CHUNK_CHARS = 20_000
#: Most characters in one ``nlp.pipe`` batch (one piece may be longer). The model's arrays grow
#: with the tokens of a batch; past about this size they outgrow the CPU caches, so that
#: tok2vec slows down per token and memory peaks (a batch of 32 pieces of 20,000 characters
#: needs over a gigabyte). See the README's "Speed" section.
BATCH_CHARS = 100_000
#: Characters of prose per token, about: a batch is measured in characters of prose, so that a
#: text dense in punctuation (a token a character: "&&&", quotes) does not fill one batch with
#: five times the tokens (the model's memory grows with the tokens of a batch, some 15 kB each).
PROSE_CHARS_PER_TOKEN = 5
_PUNCTUATION = re.compile(r"[^\w\s]")


#: How many documents one model batch may hold, in units of ``Options.batch_size``, when triage
#: sends most of them nowhere (their texts are small; the model is what batching is for)
SKIPPED_PER_BATCH = 8


#: The ways a move can be decided (``Options.decision``).
DECISIONS = ("combined", "rules", "model")


@dataclass(frozen=True)
class Options:
    """Every setting of a run."""

    model: str | None = None  # spaCy package; default: en_core_web_sm if installed, else the pinned copy
    max_chars: int = 2_000_000  # larger documents get a "too_large" error
    batch_size: int = 64  # documents that reach the model together (their texts in BATCH_CHARS batches)
    include_text: bool = False  # always put the offsets' text in the record (HTML inputs always do)
    triage: bool = True  # skip texts with no appointment cue, blank paragraphs that can not matter (see triage.py)
    min_confidence: float = 0.0  # appointments with a lower confidence are left out of the record
    events: frozenset[str] | None = None  # keep only these events (None: all four)
    #: who decides (see README, "Trained decision"): "combined" (the hand rules' records, with the
    #: trained model's calibrated confidence, plus the moves the model is sure of that the rules
    #: miss), "rules" (the hand rules alone, hand-set confidence) or "model" (the trained model alone)
    decision: str = "rules"
    decide: bool = False  # shorthand for decision="model"

    def __post_init__(self):
        if self.decide:
            object.__setattr__(self, "decision", "model")
        if self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}; use {', '.join(DECISIONS)}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
        if self.events is not None:
            object.__setattr__(self, "events", frozenset(self.events))
            unknown = self.events - set(EVENTS)
            if unknown:
                raise ValueError(f"unknown event(s) {sorted(unknown)}; use {', '.join(EVENTS)}")

    def keeps(self, appointment: Appointment) -> bool:
        """Is an appointment wanted under these options (confidence, event)?"""
        return appointment.confidence >= self.min_confidence and (
            self.events is None or appointment.event in self.events)


@dataclass(frozen=True)
class Document:
    """One input: raw bytes (from a file) or text, with its id and where it came from."""

    document_id: str
    data: bytes | str
    source: str | None = None
    name: str | None = None  # file name, used to recognise HTML by extension


@dataclass
class _Prepared:
    document: Document
    source_text: str = ""
    cleaned: CleanText | None = None
    published: date | None = None
    is_html: bool = False
    chunks: list[tuple[int, str]] = field(default_factory=list)
    error: ErrorInfo | None = None
    language: str = "en"


class Extractor:
    """Extract appointment records; reuse one instance (it holds the loaded model)."""

    def __init__(self, options: Options | None = None, nlp=None, decider: DecisionModel | None = None,
                 collector: Callable[[str, date | None, list[Candidate], list[Appointment]], None] | None = None):
        self.options = options or Options()
        self._nlp = nlp
        self._decider = decider
        #: called with each document's id, announcement date, candidates and the rules' records
        #: (how ``extractor train`` gathers its data; the docs behind them are gone afterwards)
        self.collector = collector

    @property
    def decider(self) -> DecisionModel | None:
        """The trained decision (loaded once, lazily) unless ``Options(decision="rules")``."""
        wanted = self.options.decision != "rules"
        if self._decider is None and wanted:
            self._decider = _shipped_model()
        return self._decider if wanted else None

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load

            self._nlp = load(self.options.model)
        if self._nlp.max_length < CHUNK_CHARS * 2:
            self._nlp.max_length = CHUNK_CHARS * 2
        return self._nlp

    # -- public API ------------------------------------------------------
    def extract(self, text: str, document_id: str = "document", source: str | None = None) -> AnnouncementRecord:
        """One text to one record; raises ``errors.InputError`` for unusable input, ``TypeError`` for a non-str."""
        _check_text(text, "extract()")
        result = next(self.process([Document(document_id, text, source)]))
        if isinstance(result, ErrorRecord):
            raise errors.InputError(result.error.type, result.error.message)
        return result

    def extract_many(self, texts: Iterable[str | tuple[str, str]]) -> Iterator[AnnouncementRecord | ErrorRecord]:
        """Stream records for texts (or ``(document_id, text)`` pairs), batching through the model.

        A text that cannot be used gives an ``ErrorRecord`` in its place and the others go on;
        an item that is not a str (or a pair with one) raises ``TypeError`` when it is reached."""
        if isinstance(texts, (str, bytes)):
            raise TypeError("extract_many() takes an iterable of texts (str) or (document_id, text) pairs, "
                            f"not a single {type(texts).__name__}; use extract() for one text")

        def docs():
            for i, item in enumerate(texts):
                if isinstance(item, tuple) and len(item) == 2:
                    _check_text(item[1], f"extract_many() item {i}")
                    yield Document(str(item[0]), item[1])
                else:
                    _check_text(item, f"extract_many() item {i}")
                    yield Document(f"document-{i}", item)

        return self.process(docs())

    def process(self, documents: Iterable[Document]) -> Iterator[AnnouncementRecord | ErrorRecord]:
        """Records in input order; a document that fails yields an ``ErrorRecord``, never an exception.

        Documents are run through the model ``batch_size`` at a time; those that triage sends
        nowhere do not count, up to ``SKIPPED_PER_BATCH`` times as many, so that a firehose of
        texts with no appointment still gives the model batches of a useful size."""
        batch: list[_Prepared] = []
        to_model = 0
        for document in documents:
            prep = self._prepare(document)
            batch.append(prep)
            to_model += bool(prep.chunks)
            if to_model >= self.options.batch_size or len(batch) >= self.options.batch_size * SKIPPED_PER_BATCH:
                yield from self._run(batch)
                batch = []
                to_model = 0
        if batch:
            yield from self._run(batch)

    # -- stages ----------------------------------------------------------
    def _prepare(self, document: Document) -> _Prepared:
        prep = _Prepared(document)
        try:
            loaded = load_text(document.data, name=document.name, max_chars=self.options.max_chars)
            prep.source_text = loaded.text
            prep.is_html = loaded.is_html
            prep.published = loaded.published
            prep.language = detect_language(loaded.text)
            if prep.language not in SUPPORTED_LANGUAGES:
                log.debug("%s: language %s, not parsed", document.document_id, prep.language)
                return prep  # a record with the warning, no appointments
            if self.options.triage and not may_hold(loaded.text):
                # no cue or no title word anywhere: nothing to clean or parse (the record only
                # needs the announcement date, read from the text as it is; a text of nothing but
                # boilerplate is not told apart here, it gives a record with no appointments)
                log.debug("%s: no appointment cue, not cleaned or parsed", document.document_id)
                return prep
            prep.cleaned = clean(loaded.text)
            if not prep.cleaned.text.strip():
                raise errors.empty()
            text = blank_datelines(unwrap_lines(prep.cleaned.text))
            if self.options.triage:
                sorted_out = triage(text)
                if not sorted_out.relevant:
                    log.debug("%s: no appointment cue, not parsed", document.document_id)
                    return prep  # no chunks: a record with no appointments
                text = sorted_out.text
            text = _break_long_runs(text)
            prep.chunks = [(offset, piece) for offset, piece in _chunks(text) if not piece.isspace()]
        except errors.InputError as exc:
            prep.error = ErrorInfo(type=exc.type, message=exc.message)
        return prep

    def _run(self, batch: list[_Prepared]) -> Iterator[AnnouncementRecord | ErrorRecord]:
        if not any(p.chunks for p in batch):
            yield from self._results(batch)  # nothing for the model (errors, texts triage skipped)
            return
        zone = getattr(self.nlp, "memory_zone", None)
        try:
            # The strings and lexemes spaCy makes for these texts are freed when the zone closes, so that
            # memory stays flat over any number of documents; nothing made inside may be used after it.
            with zone() if zone is not None else nullcontext():
                results = list(self._results(batch))
        except errors.ExtractorError:
            raise  # a setup problem (no model)
        except Exception as exc:  # the model failed on the batch: only the document at fault may be lost
            if len(batch) > 1:
                log.warning("a batch of %d documents failed (%s); running them one by one", len(batch), exc)
                for prep in batch:
                    yield from self._run([prep])
                return
            log.error("internal error on %s", batch[0].document.document_id, exc_info=True)
            results = [_failed(batch[0], exc)]
        yield from results

    def _results(self, batch: list[_Prepared]) -> Iterator[AnnouncementRecord | ErrorRecord]:
        texts = [(text, (bi, offset)) for bi, p in enumerate(batch) if p.error is None for offset, text in p.chunks]
        per_doc: dict[int, list[tuple[int, object]]] = {}
        for group in _batches(texts, BATCH_CHARS, weight=_prose_chars):
            for doc, (bi, offset) in self.nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                doc.tensor = _NO_TENSOR  # tok2vec's output, 384 bytes a token: the rules never read it
                per_doc.setdefault(bi, []).append((offset, doc))
        for bi, prep in enumerate(batch):
            if prep.error is not None:
                yield ErrorRecord(document_id=prep.document.document_id, source=prep.document.source, error=prep.error)
                continue
            try:
                yield self._record(prep, per_doc.get(bi, []))
            except errors.ExtractorError as exc:
                yield ErrorRecord(document_id=prep.document.document_id, source=prep.document.source,
                                  error=ErrorInfo(type=exc.type, message=exc.message))
            except Exception as exc:  # a bug must not lose the document: report it as one
                log.exception("internal error on %s", prep.document.document_id)
                yield ErrorRecord(document_id=prep.document.document_id, source=prep.document.source,
                                  error=ErrorInfo(type=errors.INTERNAL, message=f"{type(exc).__name__}: {exc}"))

    def _appointments(self, document_id: str, docs: list[tuple[int, object]], announced: date | None,
                      cleaned: CleanText | None) -> list[Appointment]:
        """The document's appointments: the trained decision over the candidates of all its
        pieces, or (``Options(decide=False)``, or no model) the hand rules."""
        decider = self.decider
        if decider is None and self.collector is None:
            return [a for offset, doc in docs for a in doc_appointments(doc, announced, cleaned, offset)]
        candidates: list[Candidate] = []
        by_rules: list[Appointment] = []
        for offset, doc in docs:
            found, final = piece_candidates(doc, announced, offset)
            for cand in found:
                if cand.kept is not None:  # numbered in the piece: number it in the document
                    cand.kept += len(by_rules)
            candidates.extend(found)
            by_rules.extend(_appointment(f, offset, cleaned, eff) for f, eff in final)
        if self.collector is not None:
            self.collector(document_id, announced, candidates, by_rules)
        if decider is None:
            return by_rules
        return decided_appointments(decider, self.options.decision, candidates, by_rules, cleaned)

    def _record(self, prep: _Prepared, docs: list[tuple[int, object]]) -> AnnouncementRecord:
        cleaned = prep.cleaned
        announced = announcement_date(cleaned.text if cleaned is not None else prep.source_text, fallback=prep.published)
        appointments = [a for a in self._appointments(prep.document.document_id, docs, announced, cleaned)
                        if self.options.keeps(a)]
        warnings: list[str] = []
        if prep.language not in SUPPORTED_LANGUAGES:
            warnings.append(UNSUPPORTED_LANGUAGE)
        return AnnouncementRecord(
            document_id=prep.document.document_id,
            source=prep.document.source,
            language=prep.language,
            announcement_date=announced,
            appointments=appointments,
            warnings=warnings,
            text=prep.source_text if (prep.is_html or self.options.include_text) else None,
        )


@lru_cache(maxsize=1)
def _shipped_model() -> DecisionModel | None:
    from .decide.model import shipped_model_exists

    return DecisionModel.load() if shipped_model_exists() else None


def rule_reading(doc, announced: date | None) -> tuple[DocView, list[Found], list[tuple[Found, date | None]]]:
    """The hand rules on a parsed ``Doc``: its view, every record they find, and those they keep
    (past changes told as background and board seats of people given posts left out) with
    their effective dates."""
    sents = sentences(doc)
    view = make_view(doc)
    found_all = find_appointments(doc, view)
    dated: list[tuple[Found, date | None]] = []
    for found in found_all:
        sent = sents[found.sent_index]
        eff = effective_date(sent, announced)
        if _background(sent.text, eff, announced):
            continue
        dated.append((found, eff))
    kept = {id(f) for f in seats_with_posts([f for f, _ in dated])}
    dated = [(f, eff) for f, eff in dated if id(f) in kept]
    return view, found_all, _share_dates(_dates_told_later(dated, sents, announced))


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
        candidates, final = piece_candidates(doc, announced, offset)
        by_rules = [_appointment(f, offset, cleaned, eff) for f, eff in final]
        return decided_appointments(decider, decision, candidates, by_rules, cleaned)
    _, _, final = rule_reading(doc, announced)
    return [_appointment(found, offset, cleaned, eff) for found, eff in final]


def decided_appointments(decider: DecisionModel, decision: str, candidates: list[Candidate],
                         by_rules: list[Appointment], cleaned: CleanText) -> list[Appointment]:
    """The records of a document under the trained ``decider``: its own choice among the
    candidates ("model"), or ("combined") the hand rules' records ``by_rules`` with the model's
    confidence, and the moves it adds placed in text order among them."""
    if decision == "model":
        return [decision_appointment(d, cleaned) for d in decider.decide(candidates)]
    confidences, added = decider.combine(candidates)
    out = [a.model_copy(update={"confidence": confidences.get(i, round(decider.rule_base_rate, 4))})
           for i, a in enumerate(by_rules)]
    for extra in sorted((decision_appointment(d, cleaned) for d in added), key=lambda a: a.evidence.start):
        at = next((i for i, a in enumerate(out) if a.evidence.start > extra.evidence.start), len(out))
        out.insert(at, extra)
    return out


def piece_candidates(doc, announced: date | None, offset: int) -> tuple[list[Candidate], list[tuple[Found, date | None]]]:
    """The decision's candidates of one parsed piece (offsets into it; ``offset`` recorded), and
    the records the hand rules keep."""
    view, found_all, final = rule_reading(doc, announced)
    candidates = doc_candidates(doc, announced, found_all, {id(f): (f, eff) for f, eff in final}, view)
    for cand in candidates:
        cand.offset = offset
    return candidates, final


def decision_appointment(decision: Decision, cleaned: CleanText) -> Appointment:
    """A record of a move the model took, offsets mapped to the source text."""
    cand = decision.candidate
    return _build(cleaned, cand.offset, cand.person, cand.title, decision.organisation.span if decision.organisation
                  else None, cand.sentence, [o.span for o in decision.employers], event=decision.event,
                  eff=cand.effective, succeeds=cand.succeeds, confidence=decision.confidence)


def _appointment(found: Found, offset: int, cleaned: CleanText, eff: date | None) -> Appointment:
    return _build(cleaned, offset, found.person, found.title, found.organisation, found.sentence, found.past_employers,
                  event=found.event, eff=eff, succeeds=found.succeeds, confidence=found.confidence)


def _build(cleaned: CleanText, offset: int, person: CharSpan, title: CharSpan, organisation: CharSpan | None,
           sentence: CharSpan, employers: list[CharSpan], *, event: str, eff: date | None, succeeds: str | None,
           confidence: float) -> Appointment:
    """An ``Appointment`` from spans of a piece (``offset`` into the cleaned text), mapped to the source."""
    source = cleaned.source

    def where(span: CharSpan) -> tuple[int, int, str]:
        s, e = cleaned.to_source(span.start + offset, span.end + offset)
        return s, e, _squash(source[s:e])

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

_LONG_AGO = re.compile(
    r"\blast\s+(?:year|month|fall|spring|summer|winter)\b|\bearlier\s+this\s+year\b|\byears?\s+ago\b"
    # "was appointed president last April" (not "in the post since last June": a tenure)
    r"|(?<!since )\blast\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:previously|earlier)\s+(?:said|announced|reported)\b|\bhad\s+(?:said|announced|reported)\b"
    r"|\b(?:a|one|two|three|four|\d+)\s+(?:weeks?|months?)\s+ago\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|effective|to\s+become|to\s+succeed|to\s+replace|is\s+to|are\s+to)\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\b")
#: A change dated this long before the announcement is background, not news
BACKGROUND_DAYS = 45


def _background(sentence: str, when: date | None, announced: date | None) -> bool:
    """Is the change in this sentence an earlier one, told as background?

    >>> _background("Smith quit as president of Acme in October.", date(1987, 3, 1), date(1987, 3, 23))
    False
    >>> _background("Smith quit as president of Acme in October.", date(1986, 10, 1), date(1987, 3, 23))
    True
    >>> _background("Jones resigned as chairman last year.", None, date(1987, 3, 23))
    True
    """
    if _FUTURE.search(sentence):
        return False
    if _LONG_AGO.search(sentence):
        return True
    if announced is not None and any(int(y) < announced.year for y in _IN_YEAR.findall(sentence)):
        return True  # "Sticht retired as chairman of R.J. Reynolds in 1983"
    return when is not None and announced is not None and (announced - when).days > BACKGROUND_DAYS


#: "Sticht's appointment will be voted on ... on April 22", "French's official departure date of June 6"
_TOLD_CHANGES = frozenset({"appointment", "promotion", "election", "nomination", "retirement", "departure",
                           "resignation", "arrival", "start", "succession", "transition"})
#: "will retire at the meeting": the meeting whose date the text gives elsewhere
_AT_MEETING = re.compile(r"\b(?:at|during)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}meeting\b", re.IGNORECASE)


def _dates_told_later(dated: list[tuple[Found, date | None]], sents: list, announced: date | None
                      ) -> list[tuple[Found, date | None]]:
    """Dates a record's own sentence leaves out and another sentence gives: a later sentence
    about the person's change ("Bowen's promotion aligns with ... June 6, 2025"), or the
    date of "the meeting" the change happens at ("at the May 19 meeting", "the annual meeting
    ... expected to be held in June")."""
    if all(eff is not None for _, eff in dated):
        return dated
    meeting: date | None = None
    for sent in sents:
        if "meeting" in sent.text.lower():
            meeting = meeting or _meeting_date(sent, announced)
    lex = triggers()
    verbs = lex.appoint | lex.depart | lex.promote | _STARTS
    out = []
    for found, eff in dated:
        if eff is None:
            eff = _date_of_the_next_sentence(found, dated, sents, announced, lex)
        if eff is None:
            parts = [w for w in re.split(r"[\s\-]+", found.person.text.lower()) if w.strip(".") not in GENERATIONS]
            surname = parts[-1] if parts else ""  # "Busch" of "August Busch III", "roux" of "Chastain-Roux"
            for sent in sents[found.sent_index + 1:]:
                toks = [t.lower_ for t in sent]
                # "Bowen's promotion ...", "Hendrick joined Deep MM ... in late April 2024"
                told = any(
                    w == surname and (toks[i + 1:i + 2] in (["'s"], ["’s"]) and any(x in _TOLD_CHANGES for x in toks[i + 2:i + 5])
                                      or any(_change_verb(toks, j, verbs) for j in range(i + 1, min(len(toks), i + 3)))
                                      # "Bradt, a local trader ..., assumed his duties yesterday"
                                      or toks[i + 1:i + 2] == [","] and any(x in verbs for x in _after_appositive(toks, i + 1)))
                    for i, w in enumerate(toks[:-2])
                )
                if told and not _background(sent.text, None, announced):
                    later = effective_date(sent, announced)
                    # a month alone is its first day ("in late April"): allow a little more than
                    # BACKGROUND_DAYS, but not an old move ("joined Acme in March 2019")
                    if later is not None and (announced is None or (announced - later).days <= 2 * BACKGROUND_DAYS):
                        eff = later
                        break
        if eff is None and meeting is not None and _AT_MEETING.search(sents[found.sent_index].text):
            eff = meeting
        out.append((found, eff))
    return out


#: Verbs that tell when someone starts ("will start on 3 June", "begins work", "assumes the post")
_STARTS = frozenset({"start", "starts", "begin", "begins", "commence", "commences", "assume", "assumes"})
#: "will take up the post", "takes office", "will step down", "stands down"
_PHRASES = {"take": ("up", "office"), "takes": ("up", "office"), "step": ("down",), "steps": ("down",),
            "stand": ("down",), "stands": ("down",)}
_LEAVING_PHRASES = {"step", "steps", "stand", "stands"}


def _change_verb(toks: list[str], j: int, verbs) -> bool:
    """Is ``toks[j]`` a verb of a change ("joins", "starts", "take up", "steps down")?"""
    word = toks[j]
    if word in _PHRASES:
        return toks[j + 1:j + 2] != [] and toks[j + 1] in _PHRASES[word]
    return word in verbs


def _date_of_the_next_sentence(found: Found, dated: list[tuple[Found, date | None]], sents: list,
                               announced: date | None, lex) -> date | None:
    """The date of the sentence right after a record's own when that one opens with a pronoun for
    the person and a verb of the change: "... hired Ingrid Castellanos-Moe as its chief marketing
    officer. She will start on 3 June." ("Both will join ... from 1 January 2025" for every
    record of the sentence; "He"/"She" only when one record of the sentence fits the verb; not a
    date long before the announcement, which tells a career)."""
    i = found.sent_index + 1
    if i >= len(sents):
        return None
    toks = [t.lower_ for t in sents[i] if not t.is_space]
    if len(toks) < 3 or toks[0] not in ("he", "she", "both"):
        return None
    verbs = lex.appoint | lex.depart | _STARTS
    k = next((j for j in range(1, min(4, len(toks))) if _change_verb(toks, j, verbs)), None)
    if k is None:
        return None
    verb = toks[k]
    leaving = verb in lex.depart or verb in _LEAVING_PHRASES
    if (found.event == "departed") != leaving:
        return None
    fits = [f for f, _ in dated if f.sent_index == found.sent_index and (f.event == "departed") == leaving]
    if toks[0] in ("he", "she") and len({f.person_key for f in fits}) != 1:
        return None  # whom "she" means is not sure
    when = effective_date(sents[i], announced)
    if when is None or _background(sents[i].text, when, announced):
        return None  # "She joined the company in March 2015 as a brand manager": her career, not this change
    return when


def _after_appositive(toks: list[str], comma: int) -> list[str]:
    """The two words after an appositive that opens at ``comma`` and closes within 16 words."""
    close = next((k for k in range(comma + 1, min(len(toks), comma + 17)) if toks[k] == ","), None)
    return toks[close + 1:close + 3] if close is not None else []


def _meeting_date(sent, announced: date | None) -> date | None:
    """The date of a meeting the sentence names: "at the May 19 meeting", "its regular meeting
    on April 22", "the annual meeting ... expected to be held in June"."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        near = [t.lower_ for t in sent.doc[max(sent.start, ent.start - 8):min(sent.end, ent.end + 3)]]
        if "meeting" in near:
            found = effective_date(sent.doc[ent.start - 1 if ent.start > sent.start else ent.start:ent.end + 1], announced)
            if found is not None:
                return found
    return None


def _share_dates(dated: list[tuple[Found, date | None]]) -> list[tuple[Found, date | None]]:
    """A successor takes effect when the predecessor leaves, and the other way round:
    "Dixon will retire April 21 ... Tacke will succeed Dixon" dates both."""
    leaving = {f.person_key: eff for f, eff in dated if f.event == "departed" and eff is not None}
    arriving = {f.succeeds: eff for f, eff in dated if f.event != "departed" and f.succeeds and eff is not None}
    names = {f.person_key: f.person.text for f, _ in dated}
    out = []
    for f, eff in dated:
        if eff is None and f.event != "departed" and f.succeeds:
            eff = next((e for k, e in leaving.items() if names.get(k) == f.succeeds), None)
        if eff is None and f.event == "departed":
            eff = arriving.get(f.person.text)
        out.append((f, eff))
    # a chain of moves up: "Hodge will take over for Grubb when he assumes his new duties"
    moving_up = {f.person.text: eff for f, eff in out if f.event != "departed" and eff is not None}
    out = [(f, moving_up.get(f.succeeds) if eff is None and f.event != "departed" and f.succeeds else eff)
           for f, eff in out]
    # "Tacke will succeed Dixon ... and Keigger will become president": one sentence, one date
    per_sentence: dict[int, set[date]] = {}
    for f, eff in out:
        if eff is not None and f.event != "departed":
            per_sentence.setdefault(f.sentence.start, set()).add(eff)
    return [(f, next(iter(per_sentence[f.sentence.start]))
             if eff is None and f.event != "departed" and len(per_sentence.get(f.sentence.start, ())) == 1 else eff)
            for f, eff in out]


def _squash(text: str) -> str:
    """Whitespace runs to one space: names wrapped over two lines read as one."""
    return " ".join(text.split())


_WRAP = re.compile(r"(?<=[^\n])\n(?=[^\s*#>\-•|])")


def unwrap_lines(text: str) -> str:
    r"""Join hard-wrapped lines (wire copy) with a space, keeping every offset.

    A newline between two non-empty lines becomes a space when the first line is a
    wrapped piece of a sentence: long, or of four words or more that do not end a
    sentence, and not an upper-case headline.

    >>> unwrap_lines("Hercules Inc said it named David Hollingsworth as\nchairman.")
    'Hercules Inc said it named David Hollingsworth as chairman.'
    >>> unwrap_lines("NEW YORK, March 30 - Centronics\nCorp said")
    'NEW YORK, March 30 - Centronics Corp said'
    >>> unwrap_lines("HEADLINE\nBody")
    'HEADLINE\nBody'
    """
    out = list(text)
    for m in _WRAP.finditer(text):
        nl = m.start()
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        stripped = line.rstrip()
        if not stripped or stripped.isupper() or stripped.lstrip().startswith(("#", "*", "-", "•", "|")):
            continue
        if len(line) >= 40 or len(stripped.split()) >= 4 and stripped[-1] not in ".!?:;\"”)":
            out[nl] = " "
    return "".join(out)


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _check_text(text: object, where: str) -> None:
    """A clear ``TypeError`` for what is not text (``extract(None)``), before anything else fails on it."""
    if not isinstance(text, str):
        raise TypeError(f"{where} expects the document's text as a str, not {type(text).__name__}"
                        + ("; decode bytes first, or pass them to extractor.batch.run as a Document"
                           if isinstance(text, (bytes, bytearray)) else ""))


def _failed(prep: _Prepared, exc: Exception) -> ErrorRecord:
    return ErrorRecord(document_id=prep.document.document_id, source=prep.document.source,
                       error=ErrorInfo(type=errors.INTERNAL, message=f"{type(exc).__name__}: {exc}"))


def _prose_chars(text: str) -> int:
    """The characters of prose that hold as many tokens as ``text`` (at least its length).

    >>> _prose_chars("Acme named Jane Roe chief executive."), _prose_chars("&" * 100)
    (36, 505)
    """
    return max(len(text), PROSE_CHARS_PER_TOKEN * (len(text.split()) + len(_PUNCTUATION.findall(text))))


def _batches(texts: list[tuple[str, object]], limit: int, weight=len) -> Iterator[list[tuple[str, object]]]:
    """Consecutive runs of ``(text, context)`` pairs of at most ``limit`` characters (or one text);
    ``weight`` measures a text (default: its length).

    >>> [len(b) for b in _batches([("a" * 6, 0), ("b" * 5, 1), ("c" * 20, 2), ("d", 3)], 12)]
    [2, 1, 1]
    >>> [len(b) for b in _batches([("a" * 6, 0), ("b" * 5, 1), ("d", 3)], 12)]
    [3]
    """
    group: list[tuple[str, object]] = []
    size = 0
    for item in texts:
        cost = weight(item[0])
        if group and size + cost > limit:
            yield group
            group, size = [], 0
        group.append(item)
        size += cost
    if group:
        yield group


LONG_RUN = 100  # characters without a space after which the tokenizer gets a break

_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _break_long_runs(text: str) -> str:
    """``text`` with every ``LONG_RUN``-th character of a long run without spaces (a URL, a
    line of "&&&&", base64) turned into a space. spaCy's tokenizer takes time quadratic in the
    length of such a run (its prefix and suffix rules rescan it); no name or title is that long,
    and the length, so every offset, stays the same.

    >>> _break_long_runs("a " + "&" * 250 + " b") == "a " + ("&" * 99 + " ") * 2 + "&" * 50 + " b"
    True
    """
    def cut(m: re.Match) -> str:
        run = m.group(0)
        return "".join(c if (i + 1) % LONG_RUN else " " for i, c in enumerate(run))

    return _LONG_RUN.sub(cut, text)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of at most about CHUNK_CHARS, cut at paragraph breaks when possible."""
    n = len(text)
    start = 0
    while start < n:
        end = min(n, start + CHUNK_CHARS)
        if end < n:
            cut = text.rfind("\n\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + CHUNK_CHARS // 2, end)
                cut = cut + 1 if cut != -1 else -1
            if cut != -1:
                end = cut
        yield start, text[start:end]
        start = end
