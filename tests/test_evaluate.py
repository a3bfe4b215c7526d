"""Tests for extractor.evaluate: the matchers, the counting rules, and agreement with the
reference scorer (``shared/score.py``) over seeded perturbations of the shared gold sets.

Quirks of score.py's output that the agreement tests rely on:
* ``score(gold_rows, preds)`` returns ``(figures, errors)``; ``figures[metric]`` is a dict
  with keys ``p``, ``r``, ``f1`` (not precision/recall), already rounded to 4 places;
* accuracies sit at the top level of the same dict beside the metrics (``figures["role"]``),
  None when nothing was checked, and ``figures["documents"]`` is the gold row count;
* ``errors`` is a flat list of ``(document id, line)`` tuples, not grouped by document;
* an empty denominator gives precision/recall 1.0 (so no predictions at all = P 1.0).
"""
from __future__ import annotations

import copy
import importlib.util
import json
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluate import (
    PRF,
    EvalReport,
    acronym,
    align,
    evaluate,
    GoldAppointment,
    load_gold,
    load_predictions,
    org_key,
    parse_person,
    PredictedAppointment,
    role_words,
    same_organisation,
    same_person,
    same_role,
)

SHARED = Path(__file__).parents[2] / "shared"
GOLD_FILES = (SHARED / "dev" / "gold.jsonl", SHARED / "seeds" / "gold.jsonl")
#: Our own annotations of ../shared/train (in the repository, so always present).
TRAIN_GOLD = Path(__file__).parents[1] / "corpus" / "train" / "gold.jsonl"


# ------------------------------------------------------------------------------- helpers


def gold_app(person="John Smith", organisation="Olin Corp", role="chief executive officer", event="appointed", **kw):
    return {
        "person": person, "organisation": organisation, "role": role, "event": event,
        "effective_date": kw.get("effective_date"), "succeeds": None,
        "past_employers": kw.get("past_employers", []),
        "past_employers_optional": kw.get("past_employers_optional", []),
        "optional": kw.get("optional", False),
    }


def gold_doc(doc_id="d1", appointments=(), news=None, announcement_date="2020-01-02"):
    return {
        "id": doc_id, "is_appointment_news": bool(appointments) if news is None else news,
        "announcement_date": announcement_date, "appointments": list(appointments), "notes": "",
    }


def pred_app(person="John Smith", organisation="Olin Corp", role="chief executive officer", event="appointed",
             effective_date=None, past_employers=()):
    """An appointment in our output format (spans and evidence omitted: the scorer ignores them)."""
    return {
        "person": {"name": person, "start": 0, "end": len(person)},
        "organisation": None if organisation is None else {"name": organisation, "start": 0, "end": 1},
        "role": {"title": role, "normalized": role.lower(), "start": 0, "end": 1},
        "event": event,
        "effective_date": effective_date,
        "past_employers": [{"name": name, "start": 0, "end": 1} for name in past_employers],
    }


def pred_doc(doc_id="d1", appointments=(), announcement_date="2020-01-02"):
    return {"schema_version": "1.0", "document_id": doc_id, "announcement_date": announcement_date,
            "appointments": list(appointments)}


# ------------------------------------------------------------------------------- persons


def test_person_ignores_honorifics_and_suffixes():
    assert same_person("John Johnstone Jr", "Mr. John Johnstone")
    assert same_person("Winthrop Sargent IV", "Dr Winthrop Sargent")


def test_person_surnames_must_agree():
    assert not same_person("John Smith", "John Smithers")


def test_person_first_names_must_agree_when_both_given():
    assert same_person("John M. Henske", "John Henske")
    assert not same_person("John Henske", "Mary Henske")


def test_person_initial_matches_first_name():
    assert same_person("John Smith", "J. Smith")
    assert same_person("J. Smith", "John Smith")
    assert same_person("John M. Henske", "M. Henske")  # a middle initial will do


def test_person_initials_do_not_constrain():
    # the reference scorer's reading: an initial is not a first name, so any will do
    assert same_person("John Smith", "K. Smith")
    assert same_person("C.E. Spruell", "Charles Spruell")


def test_person_surname_alone_matches_any_first_name():
    assert same_person("Gareth L. Reed", "Reed")
    assert same_person("Reed", "Mr Reed")


def test_person_folds_case_and_accents():
    assert same_person("José Piñero", "JOSE PINERO")


def test_person_without_a_surname_matches_nothing():
    for name in ("", None, "J.", "Mr."):
        assert parse_person(name) is None
        assert not same_person(name, "John Smith")
        assert not same_person("John Smith", name)


# -------------------------------------------------------------------------- organisations


def test_org_folds_case_accents_and_punctuation():
    assert same_organisation("AFM-Téléthon", "afm telethon")
    assert same_organisation("Baker, Fentress and Co", "BAKER FENTRESS & CO.")


def test_org_ignores_legal_suffix():
    assert same_organisation("Olin Corp", "Olin Corporation")
    assert same_organisation("Volkswagen AG", "Volkswagen")
    assert same_organisation("Bowater Industries Plc", "Bowater Industries Ltd")
    assert same_organisation("Radial, Inc.", "Radial LLC")


def test_org_subset_matches_either_way():
    assert same_organisation("Medicen Paris Region", "Medicen")
    assert same_organisation("Mellon Bank", "Mellon Bank Corp of Pittsburgh")


def test_org_different_names_do_not_match():
    assert not same_organisation("Mellon Bank", "Irving Bank")
    assert not same_organisation("Olin Corp", "Xidex Corp")


def test_org_words_compare_on_stems():
    assert same_organisation("Japanese government", "Japan")
    assert org_key("Systems Inc") == org_key("System")


def test_org_acronym_matches():
    assert acronym("Medicen Paris Region") == "mpr"
    assert same_organisation("Medicen Paris Region", "MPR")
    assert same_organisation("Medicen Paris Region", "MPR Inc")
    assert not same_organisation("Medicen Paris Region", "XYZ")


def test_org_acronym_quirks_kept_for_agreement():
    # the acronym includes the legal form and only a prediction may be the acronym
    assert same_organisation("International Business Machines Corp", "IBMC")
    assert not same_organisation("International Business Machines Corp", "IBM")
    assert not same_organisation("HRI", "Hospitality Resources Inc")


def test_org_alternatives_in_gold():
    gold = "MSF | Doctors without Borders | MSF - Doctors without Borders"
    assert same_organisation(gold, "Doctors Without Borders")
    assert same_organisation(gold, "MSF")
    assert not same_organisation(gold, "Red Cross")


def test_org_dotted_initials_are_separate_words():
    assert same_organisation("U.S. government", "U.S.")
    assert same_organisation("E.F. Hutton", "E. F. Hutton and Co")


def test_org_missing_or_only_legal_form_matches_nothing():
    for name in (None, "", "Inc", "The Group"):
        assert not same_organisation("Olin Corp", name)
        assert not same_organisation(name, "Olin Corp")


# ---------------------------------------------------------------------------------- roles


def test_role_abbreviation_expands():
    assert role_words("CEO") == {"chief", "executive", "officer"}
    assert same_role("chief executive officer", "CEO")
    assert same_role("executive vice president", "EVP")
    assert same_role("vice president", "V.P.")
    assert same_role("managing director", "MD")


def test_role_chair_variants_are_chairman():
    for title in ("chair", "Chairwoman", "chairperson"):
        assert same_role("chairman", title)


def test_role_stop_words_ignored():
    assert same_role("chairman of the board", "Board Chairman")
    assert same_role("chief executive officer", "the company's new CEO")


def test_role_subset_matches():
    assert same_role("president and chief executive officer", "CEO")
    assert same_role("chief executive", "chief executive officer")


def test_role_high_overlap_matches():
    # 3 shared words of 5: overlap 0.6
    assert same_role("group vice president marketing", "vice president marketing europe")


def test_role_low_overlap_does_not_match():
    assert not same_role("senior vice president", "executive vice president")
    assert not same_role("treasurer", "chief executive officer")


def test_role_hyphens_split_after_abbreviations():
    assert same_role("vice chairman", "vice-chairman")
    assert same_role("vice president", "vice-president")
    # an abbreviation is a whole word: "co-ceo" is "co ceo" (as in the reference scorer)
    assert not same_role("chief executive officer", "co-CEO")


def test_role_alternatives_in_gold():
    assert same_role("chairman | president", "President")


def test_role_missing_matches_nothing():
    assert not same_role("chairman", None)
    assert not same_role("chairman", "of the")
    assert not same_role(None, "chairman")


# ------------------------------------------------------------------------------- alignment


def test_alignment_prefers_the_prediction_that_agrees_most():
    golds = [GoldAppointment.from_gold(gold_app(role="chairman"))]
    preds = [PredictedAppointment.from_output(pred_app(role="treasurer")),
             PredictedAppointment.from_output(pred_app(role="Chairman"))]
    assert align(golds, preds) == {0: 1}


def test_alignment_serves_required_records_first():
    golds = [GoldAppointment.from_gold(gold_app(role="chairman", optional=True)),
             GoldAppointment.from_gold(gold_app(role="president"))]
    preds = [PredictedAppointment.from_output(pred_app(role="chairman"))]
    assert align(golds, preds) == {1: 0}


# ------------------------------------------------------------------------------- counting


def test_perfect_prediction_scores_one():
    gold = [gold_doc(appointments=[gold_app(past_employers=["Acme Inc"], effective_date="2020-02-01")])]
    preds = {"d1": pred_doc(appointments=[pred_app(past_employers=["Acme"], effective_date="2020-02-01")])}
    report = evaluate(gold, preds)
    for name in ("person", "record", "record_in", "past_employers", "news"):
        assert report.metrics[name].f1 == 1.0, name
    assert all(v == 1.0 for v in report.accuracy.values())
    assert report.errors == {}


def test_empty_predictions_miss_everything():
    gold = [gold_doc(appointments=[gold_app(past_employers=["Acme"])])]
    report = evaluate(gold, {})
    assert report.metrics["record"] == PRF(tp=0, fp=0, fn=1)
    assert report.metrics["past_employers"] == PRF(tp=0, fp=0, fn=1)
    assert report.metrics["news"] == PRF(tp=0, fp=0, fn=1)
    assert report.metrics["record"].precision == 1.0  # nothing predicted: nothing wrong
    assert report.metrics["record"].recall == 0.0
    assert report.metrics["record"].f1 == 0.0
    assert report.accuracy["announcement_date"] == 0.0
    assert report.accuracy["role"] is None
    assert report.errors["d1"][0] == "no prediction"
    assert "missed John Smith / chief executive officer / Olin Corp" in report.errors["d1"]


def test_no_gold_and_no_predictions_is_perfect_by_convention():
    report = evaluate([gold_doc(appointments=[])], {"d1": pred_doc()})
    assert report.metrics["record"].precision == report.metrics["record"].recall == 1.0


def test_error_record_counts_as_no_appointments():
    gold = [gold_doc(appointments=[gold_app()])]
    error = {"schema_version": "1.0", "document_id": "d1", "error": {"type": "decode_error", "message": "bad bytes"}}
    report = evaluate(gold, {"d1": error})
    assert report.metrics["record"] == PRF(fn=1)
    assert report.metrics["news"] == PRF(fn=1)
    assert report.errors["d1"][0] == "error record: decode_error: bad bytes"


def test_optional_gold_record_neither_rewarded_nor_penalised():
    gold = [gold_doc(appointments=[gold_app(), gold_app(person="Mary Jones", role="director", optional=True)])]
    with_optional = {"d1": pred_doc(appointments=[pred_app(), pred_app(person="Mary Jones", role="director")])}
    without = {"d1": pred_doc(appointments=[pred_app()])}
    for preds in (with_optional, without):
        report = evaluate(gold, preds)
        assert report.metrics["person"] == PRF(tp=1)
        assert report.metrics["record"] == PRF(tp=1)
        assert report.errors == {}


def test_all_optional_positive_takes_the_predictions_answer():
    gold = [gold_doc(appointments=[gold_app(optional=True)], news=True)]
    assert evaluate(gold, {"d1": pred_doc()}).metrics["news"] == PRF()
    assert evaluate(gold, {"d1": pred_doc(appointments=[pred_app()])}).metrics["news"] == PRF(tp=1)


def test_negative_with_a_predicted_appointment_is_a_false_news_positive():
    report = evaluate([gold_doc(appointments=[])], {"d1": pred_doc(appointments=[pred_app()])})
    assert report.metrics["news"] == PRF(fp=1)
    assert report.metrics["person"] == PRF(fp=1)
    assert report.errors["d1"] == ["extra 'John Smith' / 'chief executive officer'"]


def test_past_employers_optional_neither_rewarded_nor_penalised():
    gold = [gold_doc(appointments=[gold_app(past_employers=["Acme"], past_employers_optional=["Genosafe"])])]
    preds = {"d1": pred_doc(appointments=[pred_app(past_employers=["Acme", "Genosafe"])])}
    assert evaluate(gold, preds).metrics["past_employers"] == PRF(tp=1)


def test_own_organisation_as_past_employer_is_ignored():
    gold = [gold_doc(appointments=[gold_app(past_employers=["Acme"])])]
    preds = {"d1": pred_doc(appointments=[pred_app(past_employers=["Olin Corporation", "Acme", "Zeta"])])}
    report = evaluate(gold, preds)
    assert report.metrics["past_employers"] == PRF(tp=1, fp=1)
    assert report.errors["d1"] == ["John Smith: extra past employer 'Zeta'"]


def test_missed_past_employer_reported():
    gold = [gold_doc(appointments=[gold_app(past_employers=["Acme", "Celgene"])])]
    report = evaluate(gold, {"d1": pred_doc(appointments=[pred_app(past_employers=["Celgene"])])})
    assert report.metrics["past_employers"] == PRF(tp=1, fn=1)
    assert report.errors["d1"] == ["John Smith: missed past employer 'Acme'"]


def test_wrong_organisation_is_a_miss_and_an_extra_split_by_side():
    gold = [gold_doc(appointments=[gold_app(event="departed")])]
    report = evaluate(gold, {"d1": pred_doc(appointments=[pred_app(organisation="Xidex Corp", event="appointed")])})
    assert report.metrics["person"] == PRF(tp=1)
    assert report.metrics["record"] == PRF(fp=1, fn=1)
    assert report.metrics["record_out"] == PRF(fn=1)  # the gold's side
    assert report.metrics["record_in"] == PRF(fp=1)  # the prediction's side
    assert report.accuracy["event"] == 0.0
    assert report.errors["d1"] == ["John Smith: org 'Xidex Corp' vs 'Olin Corp'"]


def test_null_organisation_is_wrong():
    gold = [gold_doc(appointments=[gold_app()])]
    report = evaluate(gold, {"d1": pred_doc(appointments=[pred_app(organisation=None)])})
    assert report.accuracy["organisation"] == 0.0
    assert report.accuracy["role"] == 1.0
    assert report.errors["d1"] == ["John Smith: org None vs 'Olin Corp'"]


def test_right_record_with_wrong_event_counts_on_the_golds_side():
    gold = [gold_doc(appointments=[gold_app(event="departed")])]
    report = evaluate(gold, {"d1": pred_doc(appointments=[pred_app(event="appointed")])})
    assert report.metrics["record_out"] == PRF(tp=1)
    assert report.metrics["record_in"] == PRF()
    assert report.accuracy["event"] == 0.0


def test_dates_checked_only_where_gold_gives_one():
    gold = [gold_doc(appointments=[gold_app(), gold_app(person="Mary Jones", effective_date="2020-03-01")],
                     announcement_date=None)]
    preds = {"d1": pred_doc(appointments=[pred_app(effective_date="2020-01-01"),
                                          pred_app(person="Mary Jones", effective_date=date(2020, 3, 1))])}
    report = evaluate(gold, preds)
    assert report.accuracy_counts["effective_date"] == (1, 1)
    assert report.accuracy["announcement_date"] is None


def test_predictions_may_be_output_models():
    from extractor.models import AnnouncementRecord

    record = AnnouncementRecord.model_validate(
        {
            **pred_doc(),
            "appointments": [{**pred_app(), "evidence": {"start": 0, "end": 1, "text": "x"}, "confidence": 0.9}],
        }
    )
    report = evaluate([gold_doc(appointments=[gold_app()])], {"d1": record})
    assert report.metrics["record"] == PRF(tp=1)


# --------------------------------------------------------------------------------- report


def _small_report() -> EvalReport:
    gold = [gold_doc("a", [gold_app()]), gold_doc("b", [gold_app()]), gold_doc("c", [gold_app()])]
    return evaluate(gold, {"a": pred_doc("a", [pred_app(role="treasurer")])})


def test_to_dict_is_json_and_rounded():
    data = _small_report().to_dict()
    json.dumps(data)
    assert set(data["metrics"]) == {"person", "record", "record_in", "record_out", "past_employers", "news"}
    assert data["metrics"]["person"] == {"precision": 1.0, "recall": 0.3333, "f1": 0.5, "tp": 1, "fp": 0, "fn": 2}
    assert data["accuracy"]["role"] == 0.0


def test_format_table_lists_metrics_and_accuracies():
    table = _small_report().format_table()
    for name in ("person", "record_out", "news", "organisation", "announcement_date"):
        assert name in table
    assert "0.3333" in table
    rows = [line for line in table.splitlines() if line.startswith(("person", "record "))]
    assert len({len(r) for r in rows}) == 1  # aligned columns


def test_format_errors_limits_documents():
    report = _small_report()
    text = report.format_errors(2)
    assert text.splitlines()[0] == "a"
    assert "  a" not in text and "\nc" not in text
    assert text.endswith("... and 1 more document with errors")
    assert report.format_errors(0).startswith("... and 3 more")


# ---------------------------------------------------------------------------------- input


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_rows_and_skips_blank_lines(tmp_path):
    rows = [gold_doc("a", [gold_app()]), gold_doc("b")]
    assert load_gold(_write(tmp_path, [json.dumps(rows[0]), "", json.dumps(rows[1])])) == rows


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        (json.dumps({"id": "b", "appointments": []}), "line 2: missing key(s) is_appointment_news"),
        (json.dumps(gold_doc("b", [{**gold_app(), "event": "fired"}])), "line 2: appointment 0: 'event' must be one of"),
        (
            json.dumps(gold_doc("b", [{k: v for k, v in gold_app().items() if k != "role"}])),
            "appointment 0: missing key(s) role",
        ),
        (json.dumps(gold_doc("a")), "line 2: id 'a' already given on line 1"),
        ("[]", "line 2: expected a JSON object"),
    ],
)
def test_load_gold_names_the_bad_line(tmp_path, line, message):
    path = _write(tmp_path, [json.dumps(gold_doc("a")), line])
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gold(path)


def test_load_predictions_from_files_and_folders(tmp_path):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "x.json").write_text(json.dumps(pred_doc("x")), encoding="utf-8")
    lines = [json.dumps(pred_doc("y")), json.dumps({"source": "texts/z.txt", "appointments": []})]
    (tmp_path / "run.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    preds = load_predictions([tmp_path / "run", tmp_path / "run.jsonl"])
    assert set(preds) == {"x", "y", "z"}


def test_load_predictions_rejects_records_without_id(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"appointments": []}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="p.jsonl, line 1"):
        load_predictions([path])


# ------------------------------------------------------------------------ matchers never raise


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()))
def test_matchers_never_raise(a, b):
    for matcher in (same_person, same_organisation, same_role):
        assert matcher(a, b) in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="|")))
def test_matchers_are_reflexive_for_meaningful_text(text):
    assert same_person(text, text) == (parse_person(text) is not None)
    assert same_organisation(text, text) == bool(org_key(text))
    assert same_role(text, text) == bool(role_words(text))


# --------------------------------------------------------------- agreement with score.py


@pytest.fixture(scope="module")
def reference():
    path = SHARED / "score.py"
    if not path.exists():
        pytest.skip(f"reference scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shared_gold() -> list[dict]:
    if not all(p.exists() for p in GOLD_FILES):
        pytest.skip("shared gold sets not found")
    return [row for path in GOLD_FILES for row in load_gold(path)]


ABBREVIATIONS = [
    ("chief executive officer", "CEO"), ("chief financial officer", "CFO"), ("chief operating officer", "COO"),
    ("executive vice president", "EVP"), ("senior vice president", "SVP"), ("vice president", "VP"),
    ("managing director", "MD"), ("general manager", "GM"), ("chairman", "Chair"),
]
RELATED_ROLES = ["president", "vice president", "chairman", "director", "senior vice president", "chief executive"]
UNRELATED_ROLES = ["treasurer", "general counsel", "head of sales", "chief scientist", "secretary"]
EXTRA_PEOPLE = ["Alice Martin", "Bob Okafor", "Chen Wei", "Dana Ruiz", "Erik Lund"]
LEGAL_SUFFIXES = [" Inc", " Corp", " Ltd", " plc", " LLC", " SA", " AG", " GmbH"]


class Perturber:
    """Seeded, rate-controlled damage to gold records, written out as our output records."""

    def __init__(self, gold_rows: list[dict], seed: int):
        self.rng = random.Random(seed)
        self.rate = self.rng.uniform(0.05, 0.6)
        self.orgs = sorted({a["organisation"] for r in gold_rows for a in r["appointments"]})
        self.employers = sorted({pe for r in gold_rows for a in r["appointments"] for pe in a["past_employers"]})

    def chance(self, scale: float = 1.0) -> bool:
        return self.rng.random() < self.rate * scale

    def person(self, name: str) -> str:
        parts = name.replace(",", "").split()
        kept = [p for p in parts if p.rstrip(".").lower() not in {"jr", "sr", "ii", "iii", "iv"}]
        choice = self.rng.randrange(4)
        if choice == 0 and kept:
            return kept[-1]  # surname only
        if choice == 1 and len(kept) > 1:
            return f"{kept[0][0]}. {kept[-1]}"  # initial
        if choice == 2:
            return f"Mr. {name}"
        return name.upper()

    def role(self, title: str) -> str:
        choice = self.rng.randrange(4)
        if choice == 0:
            for full, short in ABBREVIATIONS:
                title = title.replace(full, short)
            return title
        if choice == 1:
            return self.rng.choice(RELATED_ROLES)
        if choice == 2:
            return self.rng.choice(UNRELATED_ROLES)
        return f"{self.rng.choice(['Senior', 'Executive', 'Acting'])} {title}"

    def organisation(self, name: str | None) -> str | None:
        choice = self.rng.randrange(4)
        if choice == 0:
            return self.rng.choice(self.orgs)  # swapped
        if choice == 1:
            return None
        if choice == 2 and name:
            return name.split()[0]  # first word only
        return (name or "X") + self.rng.choice(LEGAL_SUFFIXES)

    def past_employers(self, app: dict) -> list[str]:
        names = [self.rng.choice(pe.split("|")).strip() for pe in app["past_employers"] if not self.chance()]
        if self.chance():
            names.append(self.rng.choice(self.employers))
        if self.chance(0.3):
            names.append(app["organisation"])  # its own organisation
        if app["past_employers_optional"] and self.chance():
            names.append(self.rng.choice(app["past_employers_optional"]))
        self.rng.shuffle(names)
        return names

    def date(self, value: str | None) -> str | None:
        return self.rng.choice([None, "1987-01-01", value, (value or "2000-01-01")[:8] + "15"])

    def appointment(self, app: dict) -> dict:
        org = self.organisation(app["organisation"]) if self.chance() else app["organisation"]
        event = app["event"]
        if self.chance(0.5):
            event = "appointed" if event == "departed" else "departed"
        return pred_app(
            person=self.person(app["person"]) if self.chance() else app["person"],
            organisation=org,
            role=self.role(app["role"]) if self.chance() else app["role"],
            event=event,
            effective_date=self.date(app["effective_date"]) if self.chance() else app["effective_date"],
            past_employers=self.past_employers(app),
        )

    def extra(self, row: dict) -> dict:
        if row["appointments"] and self.rng.random() < 0.5:
            same = self.rng.choice(row["appointments"])  # the same person again, another role
            return pred_app(person=same["person"], organisation=same["organisation"], role=self.rng.choice(UNRELATED_ROLES))
        return pred_app(person=self.rng.choice(EXTRA_PEOPLE), organisation=self.rng.choice(self.orgs),
                        role=self.rng.choice(RELATED_ROLES), event=self.rng.choice(["appointed", "departed"]))

    def document(self, row: dict) -> dict:
        if self.chance(0.1):
            return {"schema_version": "1.0", "document_id": row["id"], "error": {"type": "decode_error", "message": "x"}}
        apps = [self.appointment(a) for a in row["appointments"]
                if not self.chance(0.5) and not (a["optional"] and self.rng.random() < 0.5)]
        while self.chance(0.4):
            apps.append(self.extra(row))
        if self.chance(0.3):
            self.rng.shuffle(apps)
        announced = self.date(row["announcement_date"]) if self.chance() else row["announcement_date"]
        return pred_doc(row["id"], apps, announced)

    def predictions(self, gold_rows: list[dict]) -> dict[str, dict]:
        return {row["id"]: self.document(row) for row in gold_rows if not self.chance(0.3)}


def disagreements(report: EvalReport, reference_figures: dict) -> dict[str, float]:
    """|ours - score.py| for every figure both give (None counts as agreeing with None only)."""
    gaps = {}
    for name, prf in report.metrics.items():
        theirs = reference_figures[name]
        for key, ours in (("p", prf.precision), ("r", prf.recall), ("f1", prf.f1)):
            gaps[f"{name}.{key}"] = abs(ours - theirs[key])
    for name, ours in report.accuracy.items():
        theirs = reference_figures[name]
        gaps[name] = 0.0 if ours is None and theirs is None else (
            1.0 if ours is None or theirs is None else abs(ours - theirs))
    gaps["documents"] = float(report.documents != reference_figures["documents"])
    return gaps


def assert_agrees(reference, gold_rows: list[dict], predictions: dict[str, dict]) -> None:
    figures, _ = reference.score(copy.deepcopy(gold_rows), copy.deepcopy(predictions))
    gaps = disagreements(evaluate(gold_rows, predictions), figures)
    worst = max(gaps, key=gaps.get)
    assert gaps[worst] <= 0.01, f"{worst} differs by {gaps[worst]:.4f}"


@pytest.fixture(scope="module")
def train_gold() -> list[dict]:
    return load_gold(TRAIN_GOLD)


@pytest.mark.parametrize("seed", range(40))
def test_agrees_with_reference_on_perturbed_gold(reference, shared_gold, seed):
    assert_agrees(reference, shared_gold, Perturber(shared_gold, seed).predictions(shared_gold))


@pytest.mark.parametrize("seed", range(10))
def test_agrees_with_reference_on_perturbed_training_corpus(reference, train_gold, seed):
    assert_agrees(reference, train_gold, Perturber(train_gold, seed).predictions(train_gold))


def test_perturbations_span_good_and_bad_predictions(shared_gold):
    """Guards the agreement tests against going vacuous: the sets must differ in quality."""
    f1 = [evaluate(shared_gold, Perturber(shared_gold, seed).predictions(shared_gold)).metrics["record"].f1
          for seed in range(0, 40, 4)]
    assert min(f1) < 0.6 and max(f1) > 0.85


@pytest.mark.parametrize("which", ["shared", "train"])
def test_agrees_with_reference_on_gold_itself(reference, shared_gold, train_gold, which):
    rows = shared_gold if which == "shared" else train_gold
    predictions = {row["id"]: pred_doc(row["id"], [
        pred_app(a["person"], a["organisation"], a["role"], a["event"], a["effective_date"],
                 [pe.split("|")[0].strip() for pe in a["past_employers"]])
        for a in row["appointments"]], row["announcement_date"]) for row in rows}
    assert_agrees(reference, rows, predictions)


def test_agrees_with_reference_on_no_predictions(reference, shared_gold):
    assert_agrees(reference, shared_gold, {})
