"""The cleaning stage: what is kept, what is dropped, and that offsets still point home.

Grouped by origin: the shared seeds and dev set (skipped without ``/work/shared``), one
test per kind of boilerplate, things that must be kept, normalisation and offsets,
hypothesis properties, and adversarial inputs.
"""
from __future__ import annotations

import collections
import html
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from extractor.clean import KINDS, CleanText, clean, load_rules, normalise
from extractor.inputs import load_text

SHARED = Path(__file__).parents[2] / "shared"
CORPUS = Path(__file__).parents[1] / "corpus"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="needs the shared seeds and dev set in ../shared")
RULES_FILE = Path(__file__).parents[1] / "extractor" / "data" / "boilerplate.json"


def kinds(result: CleanText) -> list[str]:
    return [d.kind for d in result.dropped]


def paragraphs(result: CleanText) -> list[str]:
    return result.text.split("\n\n")


# --------------------------------------------------------------------------- shared seeds


@needs_shared
def test_seed_001_keeps_article_and_drops_login_and_footer():
    source = (SHARED / "seeds" / "seed-001.txt").read_text(encoding="utf-8")
    result = clean(source)
    text = result.text
    assert text.startswith("Paris biocluster appoints Stéphane Roques as new chief\n\n")
    body = source[source.index("Former general manager") : source.index("innovation players.") + len("innovation players.")]
    for paragraph in (p.strip() for p in body.split("\n\n")):
        assert paragraph.replace("\xa0", " ").strip() in text, paragraph[:60]
    assert "18th June 2018" in paragraphs(result)
    for gone in ("login", "logged in", "Password", "From: Healthcare", "Featured jobs", "Tags", "PMHub", "Infographics"):
        assert gone not in text
    for employer_not in ("M3", "NICE", "World Health Organization", "Latest intelligence"):
        assert employer_not not in text
    assert {"login", "share", "related"} <= set(kinds(result))


@needs_shared
def test_seed_000_is_all_article_text():
    source = (SHARED / "seeds" / "seed-000.txt").read_text(encoding="utf-8")
    result = clean(source)
    assert result.dropped == ()
    assert [p.strip() for p in source.split("\n\n") if p.strip()] == paragraphs(result)


# --------------------------------------------------------------------------- shared dev set


def _gold_strings(appointment: dict) -> list[list[str]]:
    """Surname, organisation and past employers; each a list of alternatives ("A | B")."""
    strings = [appointment["person"].split()[-1]]
    if appointment["organisation"]:
        strings.append(appointment["organisation"])
    strings += appointment["past_employers"] + appointment.get("past_employers_optional", [])
    return [[alt.strip() for alt in s.split("|")] for s in strings]


@needs_shared
def test_dev_set_gold_strings_survive_cleaning():
    gold = {json.loads(line)["id"]: json.loads(line) for line in (SHARED / "dev" / "gold.jsonl").open(encoding="utf-8")}
    dropped = collections.Counter()
    lost = []
    for path in sorted((SHARED / "dev" / "texts").glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        result = clean(source)
        dropped.update(kinds(result))
        for appointment in gold[path.stem]["appointments"]:
            for alternatives in _gold_strings(appointment):
                if any(a in source for a in alternatives) and not any(a in result.text for a in alternatives):
                    lost.append((path.stem, alternatives))
    print("dropped across the dev set:", dict(dropped.most_common()))
    assert not lost
    assert sum(dropped.values()) > 0


@needs_shared
def test_dev_set_keeps_announcement_date_lines():
    """Reuters' first line is the filing date; wire releases open with a dateline."""
    for path in sorted((SHARED / "dev" / "texts").glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        result = clean(source)
        first = source.strip().split("\n")[0].strip()
        if path.stem.startswith("reuters"):
            assert paragraphs(result)[0] == first, path.stem
            assert "Reuter" not in result.text.split("\n")[-1], path.stem
        for match in re.finditer(r"(?m)^.{0,80}\b(?:19|20)\d\d\b.{0,20}(?:/|--|–|—|\(\w)", source[:600]):
            line = match.group().strip()
            assert line.replace("\xa0", " ") in result.text.replace("\xa0", " "), (path.stem, line)


@needs_shared
def test_dev_set_drops_no_reuters_body_text():
    for path in sorted((SHARED / "dev" / "texts").glob("reuters-*.txt")):
        result = clean(path.read_text(encoding="utf-8"))
        assert set(kinds(result)) <= {"footer"}, (path.stem, result.dropped)


# --------------------------------------------------------------------------- each kind of boilerplate

ARTICLE = (
    "Acme Corp names Jane Roe chief executive\n\n"
    "Acme Corp said on Monday it had appointed Jane Roe as chief executive officer, "
    "succeeding Richard Poe, who retires after twelve years.\n\n"
    "Roe joins from Globex Corporation, where she was chief operating officer."
)


def assert_drops(boilerplate: str, kind: str, *, where: str = "after") -> CleanText:
    source = f"{ARTICLE}\n\n{boilerplate}" if where == "after" else f"{boilerplate}\n\n{ARTICLE}"
    result = clean(source)
    assert result.text == ARTICLE, result.text
    assert kind in kinds(result)
    return result


@pytest.mark.parametrize(
    "boilerplate, kind, where",
    [
        ("Please login to the form below\n\nNot currently logged in\nEmail:\nPassword:", "login", "before"),
        ("Home | News | Markets | Opinion", "nav", "before"),
        ("Home\nNews\nMarkets\nLife Sciences\nOpinion", "nav", "before"),
        ("We use cookies to improve your experience. By continuing to browse you accept them. Accept all cookies", "cookie", "before"),
        ("Share\n\nTweet\n\nSubscribe to our email news alerts\n\nTags\n\nFeatured jobs\n\nAdd my company", "share", "after"),
        ("Share on Facebook Share on Twitter", "share", "after"),
        ("Related stories\n\nInitrode cuts 200 jobs\nHooli shares slump after profit warning\n\n4 March 2024", "related", "after"),
        ("Read more\n\nGlobex appoints new finance chief\nThe company said...", "related", "after"),
        ("More from Business Daily\n\nInitrode cuts 200 jobs", "related", "after"),
        ("Advertisement", "ad", "before"),
        ("Sponsored", "ad", "after"),
        ("About Acme Corp\n\nAcme Corp is a leading maker of widgets with 2,000 employees.\n\nFor more information visit www.acme.com.", "about", "after"),
        ("About Acme Corp:\n\nAcme Corp makes widgets. It was founded in 1901.", "about", "after"),
        ("About Acme CorpAcme Corp (NYSE: ACME) is a leading maker of widgets.", "about", "after"),
        ("Media contact:\nJohn Doe\n+1 555 123 4567\njohn.doe@acme.com", "contact", "after"),
        ("Contact DetailsAcme Press Office\n\n+44 20 7989 0813\n\npress@acme.com", "contact", "after"),
        ("[Original/Source Press Release](https://www.example.com/article/1/acme-names-ceo/)", "link", "after"),
        ("Pickup - [citybuzz.co](https://citybuzz.co/2024/04/16/acme)\n\n![Logo](https://cdn.example.com/x.webp)", "link", "after"),
        ("Forward-Looking Statements\n\nThis press release contains statements about future events.\n\nFactors include the economy.", "disclaimer", "after"),
        ("This press release contains forward-looking statements within the meaning of the Securities Act.", "disclaimer", "after"),
        ("---", "separator", "after"),
        ("The post Acme Corp names Jane Roe chief executive appeared first on citybiz.", "footer", "after"),
        (" Reuter", "footer", "after"),
        ("REUTER", "footer", "after"),
        ("Copyright 2024 Business Daily. All rights reserved.", "footer", "after"),
        ("© Business Daily Ltd", "footer", "after"),
        ("Infographics", "nav", "after"),
        ("Privacy Policy", "footer", "after"),
        ("Powered by WordPress | Theme: Ledgerline", "footer", "after"),
        ("Home    About    Archive    Podcast    Contact", "nav", "before"),
        ("News > People", "nav", "before"),
        ("« Previous post: Why banks lose CFOs\nNext post: Weekend reading »", "nav", "before"),
        ("Sign in   Register", "login", "before"),
        ("Email address: __________\nPassword: __________\n[Log in]   Forgot password?", "login", "before"),
        ("Your privacy matters to us\nWe and our 143 partners use cookies and similar technologies. [ Accept all ]", "cookie", "before"),
        ("Tags: Acme Corp, appointments, CEO", "share", "after"),
        ("Comments (12)   Sign in to comment", "share", "after"),
        ("6 thoughts on \u201cAcme names Jane Roe chief executive\u201d\n\nGavin says:\nGreat hire.", "comments", "after"),
        ("Leave a reply\nName*    Email*    Website", "comments", "after"),
        ("Enquiries:\n\nAcme Corp\nJohn Doe, Head of Investor Relations   +44 (0)20 7946 0456", "contact", "after"),
        ("Latest from Companies\nGlobex names Ann Lee finance director", "related", "after"),
    ],
)
def test_drops_boilerplate(boilerplate: str, kind: str, where: str):
    assert_drops(boilerplate, kind, where=where)


def test_related_section_runs_to_the_end():
    result = assert_drops(
        "Latest intelligence\n\nThe 2019 WHO essential medicine list\nThe essential medicine list (EML) contains...\n"
        "NICE\nEvolution or revolution: the latest review of NICE methods\nBy Leela Barham...\n\nInfographics",
        "related",
    )
    assert "NICE" not in result.text


def test_related_section_ends_at_a_clear_return_to_the_article():
    tail = (
        "The appointment follows a six-month search led by the board's nominating committee, which "
        "interviewed candidates from three continents before settling on Roe, the company said in its "
        "statement on Monday. Shares in Acme rose 2 percent on the news in early trading."
    )
    result = clean(f"{ARTICLE}\n\nRelated stories\n\nInitrode cuts 200 jobs\n\n{tail}")
    assert result.text == f"{ARTICLE}\n\n{tail}"


def test_about_section_stops_at_the_next_heading():
    result = clean(f"About Acme\n\nAcme makes widgets.\n\nStrategic Plan Underway\n\n{ARTICLE}")
    assert result.text == f"Strategic Plan Underway\n\n{ARTICLE}"


def test_about_a_person_is_kept():
    bio = (
        "About Jane Roe\n\nJane Roe is Acme's newly appointed CEO. Before Acme, she was chief operating "
        "officer of Globex, where she led its turnaround; earlier in her career she worked at Initech."
    )
    assert clean(f"{ARTICLE}\n\n{bio}").text == f"{ARTICLE}\n\n{bio}"


def test_dropped_blocks_point_into_the_original():
    source = "Share\r\n\r\nAcme names Jane Roe CEO\r\n\r\n&nbsp;Reuter\r\n"
    result = clean(source)
    assert [(d.kind, source[d.start : d.end]) for d in result.dropped] == [("share", "Share"), ("footer", "Reuter")]


# --------------------------------------------------------------------------- must be kept


@pytest.mark.parametrize(
    "paragraph",
    [
        "Shareholders approved the appointment of Jane Roe, and the board will share more details about the plan next week.",
        "About 30 employees joined Acme from Globex last year, the company said.",
        "About Face Inc said it named John Smith president, succeeding Bob Brown, who resigned.",
        "Contacts with the ministry were stepped up after Roe's appointment, officials said.",
        "CONTACT LENS MAKER NAMES NEW CHIEF EXECUTIVE",
        "LATEST NEWS CORP UNIT NAMES PRESIDENT",
        "Stephane Roques",
        "Strategic Plan Underway",
        "1. Reverse Stock Split\n\n2. New CFO\n\n3. New Director",
        "Interview Questions:",
        "He said the shares were worth about 12 dlrs each.",
    ],
)
def test_keeps_article_text(paragraph: str):
    source = f"{ARTICLE}\n\n{paragraph}\n\nThe board said the move was unanimous."
    assert clean(source).text == source


@pytest.mark.parametrize(
    "date_line",
    ["26-MAR-1987 12:27:23.14", "18th June 2018", "By Jane Roe | 4 March 2024", "March 4, 2024", "Published: 2024-03-04"],
)
def test_keeps_date_lines(date_line: str):
    result = clean(f"{date_line}\n{ARTICLE}\n\nShare")
    assert paragraphs(result)[0] == date_line


def test_reuters_item_layout():
    source = (
        "26-MAR-1987 12:27:45.45\n"
        "COFFEE, SUGAR AND COCOA EXCHANGE NAMES CHAIRMAN\n\n"
        "NEW YORK, March 26 - The New York Coffee, Sugar and Cocoa\n"
        "Exchange (CSCE) elected former first vice chairman Gerald\n"
        "Clancy to a two-year term as chairman of the board of managers,\n"
        "replacing previous chairman Howard Katz.\n"
        "    Katz, chairman since 1985, will remain a board member.\n"
        " Reuter\n"
    )
    assert clean(source).text == (
        "26-MAR-1987 12:27:45.45\n\n"
        "COFFEE, SUGAR AND COCOA EXCHANGE NAMES CHAIRMAN\n\n"
        "NEW YORK, March 26 - The New York Coffee, Sugar and Cocoa Exchange (CSCE) elected former first "
        "vice chairman Gerald Clancy to a two-year term as chairman of the board of managers, replacing "
        "previous chairman Howard Katz.\n\n"
        "Katz, chairman since 1985, will remain a board member."
    )


def test_wrapped_lines_are_not_mistaken_for_boilerplate():
    source = (
        "Acme Corp said the appointment of Jane Roe had been reported\n"
        "earlier by the\nReuters\nnews agency, citing people close to the\nboard.\n Reuter\n"
    )
    assert clean(source).text == (
        "Acme Corp said the appointment of Jane Roe had been reported earlier by the Reuters news agency, "
        "citing people close to the board."
    )


def test_menu_after_a_tagline_is_dropped_not_joined():
    source = "CARGOLINE REVIEW\nThe weekly for freight, ports and supply chains\nHome | News | Markets | Ports\n\n" + ARTICLE
    assert clean(source).text == "CARGOLINE REVIEW\nThe weekly for freight, ports and supply chains\n\n" + ARTICLE


def test_short_lines_after_a_sentence_are_not_joined():
    source = "Acme Corp said on Monday it had appointed Jane Roe as CEO.\nShare\nTweet"
    assert clean(source).text == "Acme Corp said on Monday it had appointed Jane Roe as CEO."


# --------------------------------------------------------------------------- the project corpus

CORPUS_BOILERPLATE = {
    # names that the corpus notes call boilerplate (sidebars, ads, contacts, comments)
    "ann-005": ["Dominic Reyes", "Claire Oduya"],
    "ann-013": ["Tom Ridley", "Datanest"],
    "ann-032": ["Oliver Grant"],
    "neg-002": ["Pauline Dray", "Tomasz Wrona"],
    "web-001": ["Simone Adair", "Robert Fennimore", "Gareth Olumide", "Mark Ellery", "Jonathan Pryce"],
    "web-002": ["Bernadette Hollis", "Rupert Marchetti", "Thornbury & Wilde"],
    "web-003": ["Leah Brandt", "Rachel Simmonds", "Thomas Achebe", "Walter Kimsey"],
    "web-004": ["Gavin Reilly", "Martin Cole", "Corran Securities", "Philippa Sands", "Rajesh Menon"],
    "web-005": ["Cheryl Ng", "Derek Haines"],
    "web-006": ["Helen Ashworth", "Owen Castellane", "Lucy Barrowcliffe", "Sam Oyelowo", "Berenger"],
    "web-007": ["Julia Ferrante", "Nikhil Bose", "Paul Dressler", "Martin Abara"],
}


def _corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.*") if not p.name.endswith(".json")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the project corpus")
@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: p.stem)
def test_corpus_keeps_gold_strings_and_drops_boilerplate(path: Path):
    text = load_text(path.read_bytes(), name=path.name).text
    result = clean(text)
    gold = json.loads((CORPUS / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    for appointment in gold["appointments"]:
        for alternatives in _gold_strings(appointment):
            if any(a in text for a in alternatives):
                assert any(a in result.text for a in alternatives), alternatives
    for name in CORPUS_BOILERPLATE.get(path.stem, []):
        assert name in text and name not in result.text, name
    assert {d.kind for d in result.dropped} <= set(KINDS)


# --------------------------------------------------------------------------- normalisation and offsets


@pytest.mark.parametrize(
    "source, expected",
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("Jane\x00 Roe\x07", "Jane Roe"),
        ("Jane\u00a0Roe\u2009and\u202fco\u2007x", "Jane Roe and co x"),
        ("Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &#39;s&#39; &rsquo; &nbsp;x", "Tom & Jerry <b> \"q\" 's' ’  x"),
        ("Jo\u200bhn\ufeff Sm\u00adith", "John Smith"),
        ("Alkira\u00ae, the leader in Fully Promoted\u2122 stores, and Acme&reg; Inc", "Alkira, the leader in Fully Promoted stores, and Acme Inc"),
        ("Société Générale’s Zoë Müller", "Société Générale’s Zoë Müller"),
        ("AT&T and R&D &unknown; &amp;amp; &#97;", "AT&T and R&D &unknown; &amp;amp; &#97;"),
    ],
)
def test_normalise(source: str, expected: str):
    assert normalise(source)[0] == expected


def test_to_source_maps_entities_crlf_and_kept_runs():
    source = "Share\r\n\r\nTom &amp; Jerry\r\nnamed CEO"
    result = clean(source)
    assert result.text == "Tom & Jerry\nnamed CEO"
    amp = result.text.index("&")
    assert source[slice(*result.to_source(amp, amp + 1))] == "&amp;"
    newline = result.text.index("\n")
    assert source[slice(*result.to_source(newline, newline + 1))] == "\r\n"
    start = result.text.index("Jerry")
    assert source[slice(*result.to_source(start, start + 5))] == "Jerry"
    assert result.to_source(0, len(result.text)) == (source.index("Tom"), len(source))


def test_to_source_rejects_spans_outside_the_text():
    result = clean("Acme")
    with pytest.raises(ValueError):
        result.to_source(2, 9)
    assert clean("").to_source(0, 0) == (0, 0)


# --------------------------------------------------------------------------- the rules file


def test_rules_file_is_valid():
    rules = load_rules(RULES_FILE)
    assert rules.spec.version == "boilerplate.v1"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(surprise=1),
        lambda d: d["thresholds"].update(wrap_min_char=40),
        lambda d: d["line_patterns"]["link"].append("[unclosed"),
        lambda d: d["line_phrases"].update(gossip=["psst"]),
    ],
)
def test_rules_file_is_validated(tmp_path: Path, change):
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_rules(path)


# --------------------------------------------------------------------------- properties

FRAGMENTS = st.sampled_from(
    [
        "&amp;", "&lt;", "&#39;", "&rsquo;", "&nbsp;", "&#x2019;", "&#13;", "&#10;", "&#0;", "&#8203;", "&",
        "amp;", "#38;", "lt;", "\r\n", "\r", "\n", "\n\n", "\x00", "\x0c", "\u200b", "\xa0", "\t", " ", "    ",
        "Share", "About Acme", "Related stories", "Contact:", "---", " Reuter", "18th June 2018", "é", "’",
        "Email:", "Home | News | Markets", "jane@acme.com", "Forward-Looking Statements", "Markets", "News",
    ]
)  # fmt: skip
LINES = st.sampled_from(
    [
        "Share", "Tweet", "Email:", "Markets", "News", "Life Sciences", "Home | News | Markets", "About Acme Corp",
        "About Jane Roe", "Related stories", "Media contact:", "jane@acme.com", "+1 555 123 4567", "---",
        "Forward-Looking Statements", "18th June 2018", "26-MAR-1987 12:27:23.14", " Reuter", "Stephane Roques",
        "ACME NAMES NEW CHIEF", "Strategic Plan Underway", "* one item", "1. Reverse Stock Split",
        "Acme Corp said on Monday it had appointed Jane Roe as chief",
        "executive officer, succeeding Richard Poe, who is retiring",
        "after twelve years. She joins from Globex, where she was",
        "This press release contains forward-looking statements within the meaning of the law.",
        "He was previously at Initech and she led Globex for years, he said.",
        "We use cookies to improve your experience.",
        "The post Acme names CEO appeared first on citybiz.",
        "&amp; &nbsp;", "[Source](https://example.com/a)", "Sign in   Register", "Tags: Acme, CEO",
        "6 thoughts on \u201cAcme names CEO\u201d", "Home    About    Archive    Podcast", "News > People",
        "\u00ab Previous post: Acme names CEO", "Latest from Companies", "Comments (12)", "Enquiries:",
        "Reuters", "according to", "The weekly for freight, ports and supply chains", "Powered by WordPress",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(["\n", "\n\n", "\r\n", "\n    ", "\n\n\n", " \n"])
DOCUMENTS = st.lists(st.tuples(LINES, SEPARATORS), max_size=25).map(lambda xs: "".join(a + b for a, b in xs))
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8")),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join),
    DOCUMENTS,
)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(TEXTS)
def test_clean_never_raises(text: str):
    result = clean(text)
    assert result.source == text
    assert isinstance(result.text, str)
    assert "\r" not in result.text and "\x00" not in result.text
    assert result.text == result.text.strip(" \t\n")
    for block in result.dropped:
        assert 0 <= block.start <= block.end <= len(text)


@PROPERTY_SETTINGS
@given(TEXTS)
def test_clean_is_idempotent(text: str):
    once = clean(text).text
    assert clean(once).text == once


@PROPERTY_SETTINGS
@given(TEXTS, st.data())
def test_to_source_is_bounded_and_monotone(text: str, data):
    result = clean(text)
    n = len(result.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    c = data.draw(st.integers(b, n))
    s1, e1 = result.to_source(a, b)
    s2, e2 = result.to_source(b, c)
    assert 0 <= s1 <= e1 <= len(text)
    assert 0 <= s2 <= e2 <= len(text)
    assert s1 <= s2 and e1 <= e2
    assert result.to_source(a, c) == (s1, e2) or a == b or b == c


@PROPERTY_SETTINGS
@given(TEXTS)
def test_ascii_letters_map_to_themselves(text: str):
    """Each letter maps to the same letter; a run of letters maps to a stretch that
    normalises back to it (a deleted NUL or soft hyphen between letters stays inside)."""
    result = clean(text)
    for match in re.finditer(r"[A-Za-z]+", result.text):
        for i in range(match.start(), match.end()):
            s, e = result.to_source(i, i + 1)
            assert text[s:e] == result.text[i]
        s, e = result.to_source(match.start(), match.end())
        assert normalise(text[s:e])[0] == match.group()


@PROPERTY_SETTINGS
@given(TEXTS)
def test_every_kept_character_comes_from_its_source(text: str):
    """Each character of .text is its source stretch, normalised (or a layout space/newline)."""
    result = clean(text)
    for i, char in enumerate(result.text):
        s, e = result.to_source(i, i + 1)
        original = text[s:e]
        if char in " \n":
            assert original.strip(" \t\n\r\x0b\x0c\x85\u2028\u2029") == "" or char in normalise(original)[0] or e - s > 1
        else:
            assert char in normalise(html.unescape(original) if original.startswith("&") else original)[0]


# --------------------------------------------------------------------------- adversarial inputs


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a" * 100_000 + "!", "a" * 100_000 + "!"),
        ("&" * 100_000, "&" * 100_000),
        (" " * 200_000, ""),
        ("Share " * 50_000, ("Share " * 50_000).strip()),
        ("\r" * 100_000, ""),
        ("&amp;" + "amp;" * 50_000, "&amp;" + "amp;" * 50_000),
        ("About " * 30_000, ("About " * 30_000).strip()),
        ("Contact" + "A" * 100_000, "Contact" + "A" * 100_000),
        ("-" * 100_000, "-" * 100_000),
        ("[" * 50_000 + "](" * 50_000, "[" * 50_000 + "](" * 50_000),
        ("\n".join(["Home"] * 20_000), ""),
        ("1" * 100_000, "1" * 100_000),
    ],
    ids=["a-bang", "ampersands", "spaces", "share", "cr", "amp-chain", "about", "contact", "dashes", "brackets", "menu", "digits"],
)
def test_adversarial_inputs(text: str, expected: str):
    assert clean(text).text == expected


def test_one_megabyte_single_line():
    words = "Acme Corp appointed Jane Roe as chief executive officer &amp; chair, the company said. "
    text = words * (1_000_000 // len(words))
    started = time.perf_counter()
    result = clean(text)
    elapsed = time.perf_counter() - started
    print(f"clean() on a {len(text):,}-character single line took {elapsed:.3f}s")
    assert result.text == text.replace("&amp;", "&").strip()
    assert result.to_source(0, len(result.text)) == (0, len(text.rstrip()))
