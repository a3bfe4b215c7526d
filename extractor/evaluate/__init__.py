"""Score extractor output against hand-made gold records.

The gold format is described in ``GOLD_FORMAT.md`` (one JSON object per document). The
library behind ``extractor evaluate GOLD.jsonl PATH...``::

    gold = load_gold("gold.jsonl")
    predictions = load_predictions(["runs/dev/"])     # document id -> output record
    report = evaluate(gold, predictions)
    print(report.format_table())

Modules: ``match`` (names, organisations, roles), ``records`` (appointments read from gold
and output, and their alignment), ``scoring`` (what a document counts), ``report``
(``evaluate`` and ``EvalReport``), ``files`` (reading gold and prediction files).

What is counted
---------------
* ``person``: a required gold record whose person the prediction names.
* ``record``: person, organisation and role all right. ``record_in`` / ``record_out`` split
  ``record`` into arrivals and departures (``event == "departed"``): a miss counts on the
  gold's side, an extra on the prediction's side. A matched person with a wrong organisation
  or role is both a miss and an extra.
* ``past_employers``: over matched required records (and the misses of unmatched ones).
* ``news``: document level; a prediction with at least one appointment says "this is news".
* accuracies over matched required records: ``organisation``, ``role``, ``event`` (departed
  or not), ``effective_date`` (where gold gives one); ``announcement_date`` over documents
  whose gold gives one.

Gold records marked ``optional`` and names in ``past_employers_optional`` are neither
rewarded nor penalised: a prediction aligned to them is simply set aside.

Conventions shared with the reference scorer (``shared/score.py``), chosen where the gold
format leaves the choice open so that the two agree (on the shared dev set a single record
moves ``record_out`` or ``effective_date`` by about 0.01, so agreement has to be close):

* precision (recall) with nothing predicted (nothing to find) is 1.0; F1 is 0.0 when both
  precision and recall are 0;
* a matched record is a ``record`` true positive on the gold's side even when the
  prediction's event disagrees (event is an accuracy, not part of a record);
* past employers of an extra prediction are not counted; those of a missed gold record are
  all misses;
* optional gold records are aligned after the required ones and use up the prediction
  they align to;
* an initial stands for any first name ("K. Smith" may be "John Smith");
* organisation words are compared on their first five letters (so "Japan" and "Japanese",
  "Industries" and "Industrial" agree); only a one-word prediction can be an acronym, and
  of all the gold name's words, legal form included ("IBM" is not "International Business
  Machines Corp"; "IBMC" is);
* an abbreviation is expanded only as a whole word ("co-CEO" is not "co chief executive
  officer"); roles agree at a word overlap of 0.6.

Where this module differs from ``score.py``, following the gold format's definitions: a few
more honorifics, name suffixes and legal forms are ignored ("Winthrop Sargent IV" is
"W. Sargent", "Foo LLP" is "Foo"); accents in roles are folded rather than dropped; dates
may be ``date`` objects; an error record is reported as such in ``errors``.
"""
from __future__ import annotations

from .files import EVENTS, load_gold, load_predictions, prediction_id
from .match import FUNCTION_WORDS, GENERIC_ORG_WORDS, HONORIFICS, LEGAL_FORMS, NAME_SUFFIXES, ROLE_ABBREVIATIONS
from .match import ROLE_OVERLAP, ROLE_STOP_WORDS, STEM_LENGTH
from .match import PersonName, acronym, alternatives, fold, org_key, org_words, parse_person, role_words
from .match import same_organisation, same_person, same_role, words
from .records import DEPARTED, GoldAppointment, PredictedAppointment, agreement, align, predicted_appointments
from .report import ACCURACIES, METRICS, EvalReport, evaluate
from .scoring import PRF, Ratio, Tally, score_document, score_extra, score_match, score_miss, score_news
from .scoring import score_past_employers

__all__ = [
    "ACCURACIES", "DEPARTED", "EVENTS", "FUNCTION_WORDS", "GENERIC_ORG_WORDS", "HONORIFICS", "LEGAL_FORMS",
    "METRICS", "NAME_SUFFIXES", "PRF", "ROLE_ABBREVIATIONS", "ROLE_OVERLAP", "ROLE_STOP_WORDS", "STEM_LENGTH",
    "EvalReport", "GoldAppointment", "PersonName", "PredictedAppointment", "Ratio", "Tally", "acronym", "agreement",
    "align", "alternatives", "evaluate", "fold", "load_gold", "load_predictions", "org_key", "org_words",
    "parse_person", "predicted_appointments", "prediction_id", "role_words", "same_organisation", "same_person",
    "same_role", "score_document", "score_extra", "score_match", "score_miss", "score_news",
    "score_past_employers", "words",
]
