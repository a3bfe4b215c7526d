"""The ``appointments`` spaCy component: on our model's components sourced into a blank
pipeline, on the user's own model, found by entry point, and saved and loaded with the pipeline."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

spacy = pytest.importorskip("spacy")

from extractor.models import Appointment  # noqa: E402
from extractor.nlp import resolve_model_name  # noqa: E402

pytestmark = pytest.mark.model

from conftest import ANNOUNCEMENT as TEXT  # noqa: E402


@pytest.fixture(scope="module")
def users_model():
    """The model as a user would load it: every component, nothing of ours added."""
    return spacy.load(resolve_model_name())


def _people(doc) -> set[tuple[str, str]]:
    return {(a.person.name, a.event) for a in doc._.appointments}


def test_component_on_the_users_model_sets_typed_appointments_with_doc_offsets(users_model):
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("appointments")
    doc = nlp(TEXT)
    assert _people(doc) == {("Maria Olsen", "appointed"), ("Lars Berg", "departed")}
    maria = next(a for a in doc._.appointments if a.person.name == "Maria Olsen")
    assert isinstance(maria, Appointment)
    assert doc.text[maria.person.start:maria.person.end] == "Maria Olsen"
    assert maria.organisation.name == "Norrland Freight AB" and maria.effective_date == date(2024, 7, 1)
    assert doc._.announcement_date == date(2024, 6, 3)
    evidence = list(doc.spans["appointment_evidence"])
    assert len(evidence) == len(doc._.appointments)
    assert {span.label_ for span in evidence} == {"appointed", "departed"}
    assert [(span.start_char, span.end_char) for span in evidence] == [
        (a.evidence.start, a.evidence.end) for a in doc._.appointments]


def test_component_on_a_blank_pipeline_with_our_models_components_sourced(users_model):
    nlp = spacy.blank("en")
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "ner"):
        nlp.add_pipe(name, source=users_model)
    nlp.add_pipe("appointments")
    assert nlp.pipe_names == ["tok2vec", "tagger", "paragraph_boundaries", "parser", "attribute_ruler", "ner",
                              "entities_at_breaks", "appointments"]
    assert _people(nlp(TEXT)) == {("Maria Olsen", "appointed"), ("Lars Berg", "departed")}


def test_config_chooses_events_and_minimum_confidence():
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("appointments", config={"events": ["departed"]})
    assert _people(nlp(TEXT)) == {("Lars Berg", "departed")}
    strict = spacy.load(resolve_model_name())
    strict.add_pipe("appointments", config={"min_confidence": 1.0})
    assert strict(TEXT)._.appointments == []
    with pytest.raises(ValueError):
        spacy.load(resolve_model_name()).add_pipe("appointments", config={"events": ["hired"]})


def test_pipeline_with_the_component_round_trips_through_disk(tmp_path):
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("appointments", config={"min_confidence": 0.3})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-1] == "appointments"
    assert loaded.get_pipe("appointments").min_confidence == 0.3
    assert _people(loaded(TEXT)) == _people(nlp(TEXT))


def test_factory_is_found_by_entry_point_without_importing_the_package():
    code = ("import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('appointments'); "
            "print('extractor.spacy_component' in sys.modules, nlp.pipe_names)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True ['appointments']"


def test_config_decide_hands_the_decision_to_the_trained_model():
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("appointments", config={"decide": True})
    doc = nlp(TEXT)
    maria = [a for a in doc._.appointments if a.person.name == "Maria Olsen"]
    assert maria and maria[0].organisation.name == "Norrland Freight AB"


def test_a_name_read_twice_across_a_break_is_split_into_its_two_copies():
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("appointments")
    doc = nlp("Harwick Foods named Mike Bazar chief revenue officer.\n\nAbout Mike Bazar  Mike Bazar is a "
              "veteran of the food industry.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Mike Bazar"] * 3
    assert _people(doc) == {("Mike Bazar", "appointed")}


def test_a_firm_that_runs_into_the_next_list_item_ends_at_the_line_break():
    from extractor.nlp import load

    doc = load()("Named to the committee:\n• Jonah Pike, CEO, Lakeshore Credit Union\n• Rosa Lindqvist, chairman emeritus")
    assert "Lakeshore Credit Union" in [e.text for e in doc.ents]
    assert not any("\n" in e.text for e in doc.ents)
