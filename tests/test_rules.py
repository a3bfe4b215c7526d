"""Sentence-level rules of assemble.py, each on a short text that shows one construction."""
from __future__ import annotations

import pytest

from extractor.pipeline import Extractor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def changes(ex, text):
    return {(a.person.name, a.role.title, a.event) for a in ex.extract(text, "t").appointments}


def test_post_after_as_wins_over_the_appositive_title(ex):
    text = ("WASHINGTON, May 4 - The president will nominate Mary Quill, chairman of the Federal Trade "
            "Commission, FTC, as ambassador to Canada, the White House said.")
    assert ("Mary Quill", "ambassador to Canada", "appointed") in changes(ex, text)
    assert not any(role == "chairman" and event != "departed" for _, role, event in changes(ex, text))


def test_a_title_holder_after_the_verbs_object_is_not_appointed(ex):
    text = ("ROME, May 4 - Parliament on Tuesday named Interior Minister Paolo Verdi as acting prime "
            "minister after the assassination of Prime Minister Carlo Neri in Naples.")
    found = changes(ex, text)
    assert ("Paolo Verdi", "acting prime minister", "interim") in found
    assert [event for name, _, event in found if name == "Carlo Neri"] == ["departed"]


def test_death_of_a_title_holder_is_a_departure_even_with_a_date_between(ex):
    text = ("DALLAS, May 4 - Harlow Tool Co said its board elected Ann Pike chairman after the death "
            "last Friday of Chairman and Chief Executive Officer Walter Harlow.")
    found = changes(ex, text)
    assert ("Ann Pike", "chairman", "appointed") in found
    assert [event for name, _, event in found if name == "Walter Harlow"] == ["departed"]


def test_a_name_the_ner_misses_is_found_as_subject_of_a_passive_appointment(ex):
    text = ("QUINCY, Mass., May 4 - Harbor Savings Bank said Ellery Hawthorne IV has been named its "
            "president, taking over from Martin Greaves, who stays on as chairman.")
    found = changes(ex, text)
    assert ("Ellery Hawthorne IV", "president", "appointed") in found


def test_prime_minister_is_one_title_and_the_nationality_gives_the_government(ex):
    text = ("OSLO, Sept 9 - Norwegian Labour Prime Minister Eva Lundgren resigned on Monday after her "
            "party lost its majority in the general election.")
    (app,) = ex.extract(text, "t").appointments
    assert (app.person.name, app.event) == ("Eva Lundgren", "departed")
    assert app.role.title.endswith("Prime Minister")
    assert app.organisation.name == "Norwegian"
