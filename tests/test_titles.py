"""The title finder and title normalisation (rules from data/titles.json)."""
import pytest
import spacy
from spacy.tokens import Span

from extractor.components import TitleFinder, lexicon, normalize_title


@pytest.fixture(scope="module")
def finder():
    return TitleFinder(lexicon())


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def titles(blank, finder, text):
    return [s.text for s in finder.find(blank(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was named president and chief executive officer.", ["president and chief executive officer"]),
        ("She is the new CFO.", ["CFO"]),
        ("chairman, president and chief executive", ["chairman, president and chief executive"]),
        ("the executive vice president, chief digital & transformation officer", ["executive vice president, chief digital & transformation officer"]),
        ("head of its foreign exchange department left", ["head of its foreign exchange department"]),
        ("vice president of marketing", ["vice president of marketing"]),
        ("the company's treasurer and controller", ["treasurer and controller"]),
        # the operations a role runs, after a comma in lower case
        ("named executive vice president and president, automotive/truck operations, reporting to",
         ["executive vice president and president, automotive/truck operations"]),
        ("now vice president, international producing operations, has been",
         ["vice president, international producing operations"]),
        ("named him president, and she", ["president"]),
    ],
)
def test_titles_found(blank, finder, text, expected):
    assert titles(blank, finder, text) == expected


def test_plural_and_bare_words_are_not_titles(blank, finder):
    assert titles(blank, finder, "The directors met the officers.") == []
    assert titles(blank, finder, "an executive of the firm") == []


def test_lowercase_abbreviation_lookalikes_are_not_titles(blank, finder):
    assert titles(blank, finder, "the md5 sum and a vp-ish cfo") == []


@pytest.mark.parametrize(
    "title, normalized",
    [
        ("CEO", "chief executive officer"),
        ("President & CEO", "president and chief executive officer"),
        ("Chairwoman", "chairman"),
        ("EVP, Sales", "executive vice president, sales".replace(",", "")),
        ("SVP", "senior vice president"),
    ],
)
def test_normalize_title(title, normalized):
    assert normalize_title(title) == normalized


@pytest.mark.parametrize("text, expected", [
    ("She joined as a wealth advisor .", ["wealth advisor"]),
    ("She joined as a Wealth Advisor .", ["Wealth Advisor"]),
    ("She joined as its lead analyst .", ["lead analyst"]),  # (a modifier of the lexicon, as before)
    ("She met a wealth advisor .", []),  # not where a post is given
    ("She joined as an Advisor .", ["Advisor"]),  # the head alone, capitalised as a post
    ("She joined as Scientist .", ["Scientist"]),
    ("She joined as an advisor .", []),  # (in lower case, as likely "acted as an advisor to the deal")
    ("She met an Advisor .", []),  # the head alone, elsewhere, is no post
])
def test_a_head_that_needs_a_modifier_takes_the_noun_before_it_where_a_post_is_given(blank, finder, text, expected):
    doc = blank(text)
    for tok in doc:  # the tagger's parts of speech for these words
        tok.pos_ = "PROPN" if tok.text[:1].isupper() and tok.i else "NOUN" if tok.is_alpha and tok.i else "PRON"
        if tok.lower_ in ("as", "a", "an", "its", "joined", "met"):
            tok.pos_ = {"as": "ADP", "joined": "VERB", "met": "VERB"}.get(tok.lower_, "DET")
    assert [s.text for s in finder.find(doc)] == expected


@pytest.mark.parametrize("text, title", [
    ("Harwick Bank has promoted Dana Whitcombe to Sr. Vice President, Commercial Lending.", "Sr. Vice President"),
    ("Orrin Labs hired Kira Vance as Asst Director of Research.", "Asst Director of Research"),
])
def test_a_modifier_written_short_opens_the_title(blank, finder, text, title):
    assert title in titles(blank, finder, text)


def test_a_modifier_written_short_is_spelled_out_in_the_normalised_title():
    assert normalize_title("Sr. Vice President") == "senior vice president"
    assert normalize_title("Asst. Director") == "assistant director"


@pytest.mark.parametrize("text, ent_words, expected", [
    # the recogniser ran a name and its post into one organisation: the department is still the post's
    ("Harwick named Dana Lee Head of Business Operations today", (2, 8), ["Head of Business Operations"]),
    ("Harwick named Dana Lee Managing Director and Head of Business Operations today", (2, 11),
     ["Managing Director and Head of Business Operations"]),
    # a firm the post is at is no department, however the recogniser runs it on
    ("Harwick named Dana Lee President of Vantage Group today", (2, 8), ["President"]),
])
def test_an_of_part_the_recogniser_ran_into_from_before_the_title_is_still_a_department(blank, finder, text, ent_words, expected):
    doc = blank(text)
    doc.ents = [Span(doc, *ent_words, label="ORG")]
    assert [s.text for s in finder.find(doc)] == expected


@pytest.mark.parametrize("text, ent, label, expected", [
    # a region the recogniser names is the post's
    ("Harwick named Dana Lee Head of LATAM.", (5, 6), "ORG", ["Head of LATAM"]),
    ("Harwick named Dana Lee Vice President of EMEA.", (6, 7), "ORG", ["Vice President of EMEA"]),
    ("Harwick named Dana Lee General Manager of Europe.", (6, 7), "LOC", ["General Manager of Europe"]),
    # a firm is not: the post is at it
    ("Harwick named Dana Lee President of Vantor Payments.", (5, 7), "ORG", ["President"]),
])
def test_a_region_the_recogniser_names_after_of_is_part_of_the_post(blank, finder, text, ent, label, expected):
    doc = blank(text)
    doc.ents = [Span(doc, *ent, label=label)]
    assert [s.text for s in finder.find(doc)] == expected
