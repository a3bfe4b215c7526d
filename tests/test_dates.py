"""Announcement and effective dates from candidate spans only."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.dates import announcement_date, blank_datelines, latest_dated_year, parse_date, wire_stamp


@pytest.mark.parametrize(
    "text, expected",
    [
        ("26-MAR-1987 12:27:23.14\nHEADLINE\n\nNEW YORK, March 26 - Body", date(1987, 3, 26)),
        ("# Title\n\nCLEVELAND, June 3, 2025 /PRNewswire/ — Body text", date(2025, 6, 3)),
        ("Paris, April 20, 2020 – Medicen Paris Region announces", date(2020, 4, 20)),
        ("LONDON, 4 March 2024 – Acme plc said", date(2024, 3, 4)),
        ("Headline\n\nBody paragraph.\n\n18th June 2018\n\nFrom: Healthcare", date(2018, 6, 18)),
        ("By Jane Roe | 4 March 2024, 09:12 GMT\n\nBody", date(2024, 3, 4)),
        ("# Title\n\nTAMPA, FL - May 14, 2025 (SOMEWIRE) - Acme Inc today said", date(2025, 5, 14)),
        ("Boise, ID – January 9th, 2024 – Acme Inc announced", date(2024, 1, 9)),
        ("DAYTON, OH / Wire Desk / November 2, 2023 09:15\n\nAcme Inc named", date(2023, 11, 2)),
        ("Munich, 12.03.2024 - The Supervisory Board of Acme AG", date(2024, 3, 12)),  # dots: day first
        ("Austin, 03/12/2024 - Acme Inc named", date(2024, 3, 12)),  # slashes: month first (US)
        ("Leeds, 25/03/2024 - Acme LLP named", date(2024, 3, 25)),  # unless the first can only be a day
        ("Oslo, 2024-03-12 - Acme ASA named", date(2024, 3, 12)),
        # bylines of news pages, as cleaning leaves them
        ("Acme names a new chief\n\nBy Karen Liu, Staff Writer  |  Published Jan. 5, 2024\n\nBody.", date(2024, 1, 5)),
        ("Acme dismisses its CEO\n\nBy Grace Whitmore  |  18 September 2023, 14:32 BST  |  Updated 16:05 BST\n\nBody.",
         date(2023, 9, 18)),
        ("Acme finally finds its tech chief Posted on 22 January 2024 by Tom Harland | 6 Comments\n\nBody.",
         date(2024, 1, 22)),
        ("Acme raises $42M\n\nPriyanka Mehra\n@pmehra_writes\n\n7:15 AM GMT+1 • April 17, 2024\n\nBody.", date(2024, 4, 17)),
        ("Acme said its chief will leave on 30 April 2024.\n\nMore text.", None),  # a sentence, not a byline
        ("Jane Roe To Retire As Acme CEO On December 31, 2024\n\nBody.", None),  # a title-case headline
        ("Annual General Meeting: 14 May 2024\n\nBody.", None),  # an event's date
        ("Acme names a chief\n\nThe review, published on 12 January 2023, was cited.", None),  # a sentence
        ("Bergen, 12.03.24 - Fjell ASA named", date(2024, 3, 12)),  # dots, two-digit year: day first too
        ("A text that states no date at all.", None),
    ],
)
def test_announcement_date_sources(text, expected):
    assert announcement_date(text) == expected


def test_dateline_without_year_takes_the_fallback_year():
    assert announcement_date("LOS ANGELES, April 9 - Acme said", fallback=date(1987, 1, 1)) == date(1987, 4, 9)


def test_html_publication_date_is_the_fallback():
    assert announcement_date("No date in this text.", fallback=date(2024, 3, 4)) == date(2024, 3, 4)


def test_relative_dates_resolve_against_the_announcement():
    assert parse_date("April 1", date(1987, 3, 3)) == date(1987, 4, 1)


def test_month_alone_is_the_first_day():
    assert parse_date("January 2025") == date(2025, 1, 1)


def test_wire_stamp_rejects_impossible_days():
    assert wire_stamp("31-FEB-1987 10:00:00.00") is None


def test_dateline_blanking_keeps_length():
    text = "LOS GATOS, Calif., March 13 - Hytek Microsystems Inc said"
    out = blank_datelines(text)
    assert len(out) == len(text)
    assert out.lstrip().startswith("Hytek")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_date_finders_never_raise_and_keep_length(text):
    announcement_date(text)
    assert len(blank_datelines(text)) == len(text)
    year = latest_dated_year(text)
    assert year is None or 1900 <= year < 2100


@pytest.mark.parametrize(("text", "year"), [
    ("She joined in 2019. The move takes effect on July 25th, 2025, the firm said.", 2025),
    ("Sales rose 4% in 2023 and 6% in June 2024.", 2024),  # a year alone is no date
    ("Founded in 1998, Acme names a new chief.", None),
    ("Acme said on 3 March 2021 that ... on Jan. 5, 2020", 2021),
])
def test_the_latest_dated_year_counts_only_years_given_with_a_month(text, year):
    assert latest_dated_year(text) == year


def test_a_lower_case_line_ending_in_a_dash_and_a_date_is_no_dateline():
    text = "# Acme results\n\nresults for the quarter ended - March 31, 2025, were strong.\n"
    assert announcement_date(text) is None


@pytest.mark.parametrize("line", [
    "Austin, Texas (PRNewswire) - Acme Inc named",
    "London (Bloomberg) -- Acme Plc named Jane Roe chief financial officer.",
    "NAIROBI (KNA) - The president named",
    "DALLAS, TX (October 2025) – RapidFire named",
])
def test_a_dateline_with_a_bracketed_tag_is_blanked(line):
    out = blank_datelines(line)
    assert len(out) == len(line) and out != line and line.endswith(out.strip())
    assert out.strip().split()[0] in ("Acme", "The", "RapidFire")


def test_only_the_first_dateline_shape_is_a_dateline():
    # list items later in the text have the same shape: "Name (Department) – ..."
    text = ("LEEDS, 2 May 2024 – Ashby Lane LLP has promoted two managers to partner.\n\nThe new partners are:\n\n"
            "Anna Kowalewska (M&A) – Anna advises family businesses.\n\nCarl Dunmore (Tax) – Carl leads the team.")
    out = blank_datelines(text)
    assert len(out) == len(text)
    assert out.lstrip().startswith("Ashby Lane LLP has promoted")
    assert "Anna Kowalewska (M&A) – Anna" in out and "Carl Dunmore (Tax) – Carl" in out


def test_an_html_pages_own_date_wins_over_a_guess_from_its_lines():
    text = "Acme raises $42M\n\nPriyanka Mehra\n\n7:15 AM GMT+1 • April 17, 2024\n\nBody."
    assert announcement_date(text) == date(2024, 4, 17)
    assert announcement_date(text, fallback=date(2024, 4, 18)) == date(2024, 4, 18)
