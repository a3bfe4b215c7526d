"""The title finder and title normalisation (rules from data/titles.json)."""
import pytest
import spacy

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
