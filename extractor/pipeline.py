"""The library entry point: ``Extractor`` runs every stage for one or many documents.

    bytes/str --inputs--> text --clean--> kept text + offset map --spaCy--> Doc
        --assemble--> candidates --dates--> records (pydantic, offsets into the input)

One ``Options`` object carries every setting; the spaCy model is loaded once,
lazily, on first use. The stages around the model live beside this module: ``pieces`` cuts
the cleaned text for the model, ``reading`` turns a parsed piece into appointments (hand
rules or the trained decision), ``record_dates`` dates them; ``options`` holds ``Options``
and ``Document`` (importable from here too).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date

import numpy

from . import errors
from .clean import CleanText, clean
from .dates import announcement_date, blank_datelines, looks_like_wire_copy
from .decide.candidates import Candidate
from .decide.model import DecisionModel
from .inputs import load_text
from .language import SUPPORTED as SUPPORTED_LANGUAGES
from .language import UNSUPPORTED as UNSUPPORTED_LANGUAGE
from .language import detect_language
from .models import Appointment, AnnouncementRecord, ErrorInfo, ErrorRecord
from .options import DECISIONS, SKIPPED_PER_BATCH, Document, Options
from .pieces import (BATCH_CHARS, CHUNK_CHARS, batches, break_inline_lists, break_long_runs, chunks, prose_chars,
                     unwrap_lines)
from .reading import appointment_of_found, decided_appointments, decision_appointment, doc_appointments
from .reading import piece_candidates, rule_reading, shipped_decider
from .triage import may_hold, triage

__all__ = [
    "BATCH_CHARS", "CHUNK_CHARS", "DECISIONS", "SKIPPED_PER_BATCH", "Document", "Extractor", "Options",
    "decided_appointments", "decision_appointment", "doc_appointments", "piece_candidates", "rule_reading",
    "shipped_decider", "unwrap_lines",
]

log = logging.getLogger(__name__)


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
            self._decider = shipped_decider()
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
            text = blank_datelines(break_inline_lists(unwrap_lines(prep.cleaned.text)))
            if self.options.triage:
                sorted_out = triage(text)
                if not sorted_out.relevant:
                    log.debug("%s: no appointment cue, not parsed", document.document_id)
                    return prep  # no chunks: a record with no appointments
                text = sorted_out.text
            text = break_long_runs(text)
            prep.chunks = [(offset, piece) for offset, piece in chunks(text) if not piece.isspace()]
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
        for group in batches(texts, BATCH_CHARS, weight=prose_chars):
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
        """The document's appointments: the hand rules' records of all its pieces, scored by the
        trained decision (``Options(decision="combined")``), or the decision's own choice among
        the candidates (``"model"``), or (``"rules"``, or no shipped model) the rules alone."""
        decider = self.decider
        if decider is None and self.collector is None:
            return [a for offset, doc in docs for a in doc_appointments(doc, announced, cleaned, offset)]
        candidates: list[Candidate] = []
        by_rules: list[Appointment] = []
        only_kept = self.collector is None and self.options.decision == "combined"
        wire = looks_like_wire_copy(cleaned.text) if cleaned is not None else None
        for offset, doc in docs:
            found, final = piece_candidates(doc, announced, offset, only_kept, wire)
            for cand in found:
                if cand.kept is not None:  # numbered in the piece: number it in the document
                    cand.kept += len(by_rules)
            candidates.extend(found)
            by_rules.extend(appointment_of_found(f, offset, cleaned, eff) for f, eff in final)
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


# The names these helpers had when they lived in this module (kept for callers and tests).
_chunks, _batches, _prose_chars, _break_long_runs = chunks, batches, prose_chars, break_long_runs
