"""Triage: which texts and paragraphs reach the model; offsets never move."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.assemble import triggers
from extractor.components import lexicon
from extractor.pipeline import Extractor, Options
from extractor.triage import blank, may_hold, paragraphs, rules, sentences, triage, vocabulary, words

HEADLINE = "Acme Corp Names Jane Roe Chief Financial Officer"
LEAD = "BOSTON, May 2, 2024 -- Acme Corp, a maker of widgets, today announced results."
CUE = "Acme said it appointed Jane Roe chief financial officer, succeeding Tom Poe."
FOLLOWER = "She will oversee the widget plants."
FILLER = [
    "Widget demand rose 5% in the first quarter on strong orders from Asia.",
    "The plants in Ohio run three shifts a day.",
    "Shares of Acme rose 12 cents to $41.50 in morning trading.",
]
TEXT = "\n\n".join([HEADLINE, LEAD, FILLER[0], CUE, FOLLOWER, FILLER[1], FILLER[2]])


def _blanked(original: str, result: str, start: int, end: int) -> bool:
    return all(c == (" " if o != "\n" else "\n") for o, c in zip(original[start:end], result[start:end]))


def test_triage_keeps_length_and_the_text_of_kept_paragraphs():
    result = triage(TEXT)
    assert result.relevant
    assert len(result.text) == len(TEXT)
    for start, end in result.kept:
        assert result.text[start:end] == TEXT[start:end]
    for start, end in result.blanked:
        assert _blanked(TEXT, result.text, start, end)
    # between paragraphs nothing changes: the breaks (and so every offset) stay
    covered = {i for start, end in result.kept + result.blanked for i in range(start, end)}
    assert all(result.text[i] == TEXT[i] for i in range(len(TEXT)) if i not in covered)


def test_triage_keeps_lead_cue_paragraphs_and_their_followers_and_blanks_the_rest():
    result = triage(TEXT)
    kept = [TEXT[s:e] for s, e in result.kept]
    blanked = [TEXT[s:e] for s, e in result.blanked]
    assert kept == [HEADLINE, LEAD, FILLER[0], CUE, FOLLOWER]  # three lead paragraphs, the cue and its follower
    assert blanked == [FILLER[1], FILLER[2]]
    assert result.blanked_chars == len(FILLER[1]) + len(FILLER[2])


def test_a_paragraph_with_a_title_word_or_a_career_cue_is_kept_with_its_follower():
    text = "\n\n".join(["Head", "Lead.", "Third.", CUE, FILLER[0], FILLER[1],
                       "Ms Roe previously worked at Widget Bank.", FILLER[2], FILLER[1],
                       "The company spokesman declined to comment.", FILLER[0], FILLER[2]])
    kept = [text[s:e] for s, e in triage(text).kept]
    assert "Ms Roe previously worked at Widget Bank." in kept and kept.count(FILLER[2]) == 1
    assert "The company spokesman declined to comment." in kept
    assert kept[-1] == FILLER[0]  # the follower of the spokesman's paragraph
    assert FILLER[1] not in kept[4:]


def test_wire_paragraphs_start_at_indented_lines():
    text = ("HEADLINE\n\nACME said it named John Smith president.\n"
            "    Smith, 51, had been vice president.\n    Acme makes tools.\n    Sales rose.")
    spans = paragraphs(text)
    assert [text[s:e].strip() for s, e in spans] == [
        "HEADLINE", "ACME said it named John Smith president.", "Smith, 51, had been vice president.",
        "Acme makes tools.", "Sales rose."]
    result = triage(text)
    assert result.text.rstrip().endswith("Acme makes tools.")  # follower of the "had been vice president" line
    assert "Sales rose." not in result.text


@pytest.mark.parametrize("text", [
    "Acme Corp reported record sales of widgets in the first quarter.",
    "Shares fell 3% on Monday as investors weighed the results.",
    # a cue but no title word: no record can come of it
    "Acme named its new widget the Roadrunner and joined a trade group.",
    # a title word but no cue
    "Jane Roe, chief executive of Acme, said sales were strong.",
    "",
])
def test_texts_without_a_cue_and_a_title_are_not_relevant(text):
    result = triage(text)
    assert not result.relevant
    assert result.kept == ()
    assert len(result.text) == len(text) and not result.text.strip()


@pytest.mark.parametrize("text", [
    "Acme Corp said John Smith RESIGNED as president.",
    "Jane Roe was re-elected chairman.",
    "Ms Roe, 51, steps down as CEO next month.",
    "The board welcomed Tom Poe as its new treasurer.",
    "Tom Poe takes over as head of sales.",
    "Acme Corp upped Tom Poe to vice-president.",
])
def test_cues_are_found_in_any_case_and_inside_hyphenated_words(text):
    assert triage(text).relevant


@pytest.mark.parametrize("text, relevant", [
    ("Jane Roe, chief executive of Acme, will not seek a third term.", True),
    ("Jane Roe, chief executive of Acme, said she would not stand for re-election.", True),
    ("Jane Roe, chief executive of Acme, will seek a third term.", False),  # not declined: no cue
    ("Jane Roe, chief executive of Acme, will run the marathon again.", False),
])
def test_a_verb_of_declining_is_a_cue_only_when_negated(text, relevant):
    assert triage(text).relevant is relevant


def test_every_trigger_word_and_title_word_of_the_rules_data_counts():
    vocab = vocabulary()
    trig = triggers()
    for word in trig.appoint | trig.promote | trig.succeed | trig.depart:
        assert word.lower() in vocab.cues
    for word in set(trig.depart_needs_particle) | set(trig.take_over) | set(trig.step_in):
        assert word.lower() in vocab.cues
    lex = lexicon()
    assert {w.lower() for w in lex.heads | set(lex.abbreviations)} <= vocab.titles
    assert vocab.career <= {w.lower() for w in trig.career} | rules().date_words
    assert not vocab.career & rules().career_too_common


def test_words_gives_hyphenated_words_whole_and_in_parts():
    assert {"re-elected", "re", "elected", "ceo"} <= words("Re-Elected CEO")
    assert {"company's", "company"} <= words("the company’s chairman")


def test_blank_keeps_newlines():
    assert blank("ab\ncd\n\nef", [(0, 5)]) == "  \n  \n\nef"
    assert blank("abc", []) == "abc"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["named", "President", "CEO", "resigned", "previously", "\n", "\n\n", "    ", "\t",
                     "re-elected", "\u2019s", "Jane Roe", ".", "\r\n", "\u2028"]),
), max_size=40).map("".join))
def test_triage_never_raises_and_never_moves_an_offset(text):
    result = triage(text)
    assert len(result.text) == len(text)
    for original, kept in zip(text, result.text):
        assert kept == original or (kept == " " and original != "\n")
    for start, end in result.kept:
        assert result.text[start:end] == text[start:end]
    assert re.sub(r"[^\n]", "", result.text) == re.sub(r"[^\n]", "", text)


# ------------------------------------------------------------------- in the pipeline


class _NoModel:
    """Stands in for spaCy where the model must not run."""

    max_length = 10**9

    def pipe(self, *args, **kwargs):
        raise AssertionError("the model ran on a text triage should have skipped")


def test_a_text_without_a_cue_skips_the_model_and_still_gets_its_announcement_date():
    text = "LONDON, March 3, 2021 -- Acme Corp reported record sales of widgets in the first quarter."
    record = Extractor(Options(), nlp=_NoModel()).extract(text, "news")
    assert record.appointments == []
    assert record.announcement_date == date(2021, 3, 3)


@pytest.mark.model
def test_triage_changes_no_record_of_the_seed_texts_and_finds_every_record_of_an_announcement(announcement):
    on, off = Extractor(Options(triage=True)), Extractor(Options(triage=False))
    record_on = on.extract(announcement, "a")
    record_off = off.extract(announcement, "a")
    assert record_on == record_off
    assert record_on.appointments


SHARED_DEV = Path(__file__).parents[2] / "shared" / "dev" / "texts"
CORPUS = Path(__file__).parents[1] / "corpus"


@pytest.mark.model
def test_every_text_triage_skips_gives_no_appointment_without_triage_either():
    """The skip is lossless on every real text we have: what triage sends past the model, the
    model and the rules find nothing in (dev set when ../shared is present, and the corpus)."""
    from extractor.clean import clean
    from extractor.dates import blank_datelines
    from extractor.pipeline import unwrap_lines

    paths = sorted(CORPUS.glob("*.txt")) + sorted(SHARED_DEV.glob("*.txt"))
    skipped = [p for p in paths
               if not triage(blank_datelines(unwrap_lines(clean(p.read_text(encoding="utf-8")).text))).relevant]
    assert skipped, "no text to check"
    full = Extractor(Options(triage=False))
    for path in skipped:
        assert full.extract(path.read_text(encoding="utf-8"), path.stem).appointments == [], path.name


def test_sentences_of_a_kept_paragraph_that_can_not_matter_are_blanked_too():
    para = ("Acme said it appointed Jane Roe chief financial officer. Widget demand rose 5% this spring. "
            "The plants run three shifts a day. She spent ten years at Bolt Industries. Sales grew in Peru.")
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], para])
    result = triage(text)
    assert len(result.text) == len(text)
    kept_words = result.text.split()
    assert "appointed" in kept_words and "She" in kept_words
    # right after the change: kept (a surname may carry it on); the sentence before "She": kept
    assert "Widget" in kept_words and "plants" in kept_words
    assert "Peru." not in kept_words  # nothing to do with the change
    gone = text.index("Sales grew")
    assert _blanked(text, result.text, gone, gone + len("Sales grew in Peru."))


def test_a_quotation_without_a_cue_is_blanked_but_not_who_said_it():
    praise = "\u201cJane has been a great colleague and she knows our customers well,\u201d said Tom Poe, chairman."
    welcome = "\"We are delighted to welcome Jane as our chief financial officer,\" said Tom Poe."
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], CUE, praise, welcome])
    result = triage(text)
    assert len(result.text) == len(text)
    inside = text.index("Jane has")
    assert _blanked(text, result.text, inside, text.index(",\u201d said") + 1)
    assert "\u201d said Tom Poe, chairman." in result.text
    assert "delighted to welcome Jane" in result.text  # a quotation with a cue stays
    # in the lead paragraphs, quotations stay whatever they hold
    lead = '"We are proud of the team and of what our customers have built with us," said Tom Poe.'
    text = "\n\n".join([HEADLINE, lead, CUE])
    assert triage(text).text == text


@pytest.mark.parametrize("text, relevant", [
    ("Ann Lee, who was named chief executive of Acme in 1979, said sales rose.", False),
    ("Ann Lee, a former president of Acme who joined Bolt Corp in early 1984, told reporters.", False),
    ("Ann Lee, who joined in 2019, was named chief executive of Acme.", True),  # the change after the aside
    ("Ann Lee, who was named chief executive, will start in 2025.", True),  # the year is not the aside's
    ("Ann Lee, who will be named chief executive in 2025, said.", True),  # not past
    ("Ann Lee was named chief executive of Acme in 1979.", True),  # no aside: the rules judge the date
    ("Acme chairman Tom Poe, who retires in 2026, said sales rose.", True),  # to come
    ("Jane Roe, who takes over as chief executive in 2025, said sales rose.", True),
])
def test_a_past_move_told_in_a_who_clause_with_its_year_is_no_cue(text, relevant):
    assert triage(text).relevant is relevant


def test_straight_quotes_pair_in_order_so_who_speaks_between_two_quotations_stays():
    para = ('"Sales were strong," said Tom Poe, chairman of Acme Corp\'s board of directors, "and we expect '
            'more of the same from the plants in Ohio next year."')
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], CUE, para])
    result = triage(text)
    assert "said Tom Poe, chairman of Acme Corp's board of directors," in result.text
    assert "expect more" not in result.text  # the second quotation: no cue
    odd = 'He said: "We expect more of the same from the plants in Ohio next year and beyond.'
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], CUE, odd])
    assert odd in triage(text).text  # an odd number of marks: the quotation goes on elsewhere, kept


def test_a_quotation_with_a_career_cue_is_kept():
    para = "\u201cShe spent twelve years at Merrow Biologics before she came to us,\u201d said Tom Poe."
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], CUE, para])
    assert "Merrow Biologics" in triage(text).text


def test_sentence_cuts_never_fall_after_abbreviations_or_initials():
    text = "Acme Corp. named J. R. Smith chief. He came from U.S. Steel Co. in 2019. Shares rose."
    cuts = [text[a:b].strip() for a, b in sentences(text, 0, len(text))]
    assert cuts == ["Acme Corp. named J. R. Smith chief.", "He came from U.S. Steel Co. in 2019.", "Shares rose."]


def test_may_hold_reads_the_raw_text_after_dropping_invisible_characters():
    assert not may_hold("Shares of Acme rose 3 pct on Monday.")
    assert may_hold("Acme named Jane Roe chief executive.")
    assert may_hold("Acme named Jane Roe chief exe\u00adcutive.")  # a soft hyphen inside the title word
    assert may_hold("Acme named Jane Roe chief&shy;executive.")


@pytest.mark.model
def test_a_text_without_cue_skips_cleaning_but_keeps_its_date():
    text = "Login | Subscribe\n\nBOSTON, May 2, 2024 -- Acme Corp said widget sales rose 5%.\n"
    on = Extractor().extract(text, "a")
    off = Extractor(Options(triage=False)).extract(text, "a")
    assert on.appointments == off.appointments == []
    assert on.announcement_date == off.announcement_date == date(2024, 5, 2)


def test_the_sentence_after_a_change_told_with_a_pronoun_is_kept():
    para = "She was named chief executive of the unit. Its plants make 40% of the output. Sales rose."
    text = "\n\n".join([HEADLINE, LEAD, FILLER[0], para])
    kept_words = triage(text).text.split()
    assert "plants" in kept_words  # right after a change: kept
    assert "rose." not in kept_words


def test_a_post_in_the_plural_makes_a_text_relevant_but_not_every_plural_head():
    assert may_hold("Acme Corp named John Smith and Jane Roe senior vice presidents.")
    assert not may_hold("Shares fell after analysts named the stock a sell, economists said.")


def test_a_cue_paragraph_ending_with_a_colon_makes_the_list_of_posts_below_it_relevant_and_kept():
    items = ["* Dana Whitcombe, Chief Operating Officer", "* Priya Natarajan, Partner and General Counsel"]
    text = "\n\n".join(["Harlow Ridge news", "Lead.", "Third.", FILLER[0], FILLER[1],
                        "Harlow Ridge Capital today announced the following promotions:", *items])
    result = triage(text)
    assert result.relevant and all(item in [text[s:e] for s, e in result.kept] for item in items)
    # without the colon the opening and the posts are unrelated paragraphs
    assert not triage(text.replace("promotions:", "promotions.")).relevant


@pytest.mark.parametrize("text, relevant", [
    ("Larkspur Foods said on Monday that Odile Brennan is taking the role of chief revenue officer.", True),
    ("Larkspur Foods said on Monday that Odile Brennan took the post of chief revenue officer.", True),
    ("Larkspur Foods said on Monday that Odile Brennan took over as chief revenue officer.", True),
    ("Larkspur Foods said on Monday that Odile Brennan is taking part in a panel with its chief revenue officer.", False),
])
def test_taking_a_post_by_its_noun_is_a_cue_as_taking_over_is(text, relevant):
    assert triage(text).relevant is relevant
