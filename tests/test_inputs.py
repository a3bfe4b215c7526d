"""The input stage: bytes -> text (encodings, binary files, size limits, HTML pages)."""
from __future__ import annotations

import codecs
import datetime
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import errors
from extractor.clean import clean
from extractor.inputs import InputText, decode_bytes, html_to_text, load_text, looks_like_html

NAMED = "Société Générale named Ms. Zoë Müller as directrice"
QUOTED = "“We are delighted,” said Société Générale’s chairman. Ms. Zoë Müller joins as directrice."

# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data, expected",
    [
        (NAMED.encode("utf-8"), NAMED),
        (codecs.BOM_UTF8 + NAMED.encode("utf-8"), NAMED),
        (codecs.BOM_UTF16_LE + NAMED.encode("utf-16-le"), NAMED),
        (codecs.BOM_UTF16_BE + NAMED.encode("utf-16-be"), NAMED),
        (codecs.BOM_UTF32_LE + NAMED.encode("utf-32-le"), NAMED),
        (codecs.BOM_UTF32_BE + NAMED.encode("utf-32-be"), NAMED),
        ("Acme names Jane Roe chief executive".encode("utf-16-le"), "Acme names Jane Roe chief executive"),
        (NAMED.encode("cp1252"), NAMED),
        (QUOTED.encode("cp1252"), QUOTED),
        ("Société".encode("cp1252"), "Société"),
        ("“Piñero” at Pitié-Salpêtrière".encode("cp1252"), "“Piñero” at Pitié-Salpêtrière"),
        (NAMED.encode("latin-1"), NAMED),
        ("Новый директор назначен сегодня в Москве.".encode("cp1251"), "Новый директор назначен сегодня в Москве."),
        (b"", ""),
    ],
    ids=[
        "utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom", "utf16le-no-bom",
        "cp1252", "cp1252-smart-quotes", "cp1252-short", "cp1252-more-accents", "latin1", "cp1251", "empty",
    ],
)  # fmt: skip
def test_decode_bytes(data: bytes, expected: str):
    assert decode_bytes(data) == expected


def test_mixed_line_endings_are_decoded_as_is_and_cleaned_to_newlines():
    text = decode_bytes(b"Acme names CEO\r\n\r\nJane Roe joins.\rShe starts in May.\nReuter\r\n")
    assert text == "Acme names CEO\r\n\r\nJane Roe joins.\rShe starts in May.\nReuter\r\n"
    assert clean(text).text == "Acme names CEO\n\nJane Roe joins.\nShe starts in May."


def test_nul_bytes_inside_a_text_file_are_tolerated():
    data = b"Acme names Jane Roe CEO\x00\x00\n\nShe joins from Globex.\x00"
    text = decode_bytes(data)
    assert clean(text).text == "Acme names Jane Roe CEO\n\nShe joins from Globex."


def test_nul_bytes_inside_a_cp1252_file_are_tolerated():
    text = decode_bytes(NAMED.encode("cp1252") + b"\x00\n")
    assert clean(text).text == NAMED


def _random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + _random_bytes(4096),
        b"\xff\xd8\xff\xe0" + _random_bytes(4096),
        b"PK\x03\x04" + _random_bytes(4096),
        b"%PDF-1.7\n" + _random_bytes(4096),
        _random_bytes(4096, seed=1),
        b"\x00" * 100,
        b"\x00\x01\x02\x03 some text \x04\x05\x06\x07" * 20,
    ],
    ids=["png", "jpeg", "zip", "pdf", "random", "nuls", "control-bytes"],
)
def test_binary_data_is_a_decode_error(data: bytes):
    with pytest.raises(errors.InputError) as caught:
        decode_bytes(data)
    assert caught.value.type == errors.DECODE == "decode_error"
    assert "not text" in caught.value.message


# --------------------------------------------------------------------------- load_text


def test_load_text_plain():
    loaded = load_text("Acme names Jane Roe CEO".encode("utf-8"), name="acme.txt")
    assert loaded == InputText(text="Acme names Jane Roe CEO", is_html=False, published=None)


@pytest.mark.parametrize("data", [b"", "", b"   \n\t  ", "\n\n", codecs.BOM_UTF8])
def test_load_text_empty(data):
    with pytest.raises(errors.InputError) as caught:
        load_text(data)
    assert caught.value.type == errors.EMPTY == "empty_text"


def test_load_text_too_large():
    with pytest.raises(errors.InputError) as caught:
        load_text(b"x" * 101, max_chars=100)
    assert caught.value.type == errors.TOO_LARGE == "too_large"
    assert load_text("x" * 100, max_chars=100).text == "x" * 100


def test_load_text_binary():
    with pytest.raises(errors.InputError) as caught:
        load_text(b"\x89PNG\r\n\x1a\n" + _random_bytes(1000), name="photo.txt")
    assert caught.value.type == errors.DECODE


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Acme names Jane Roe chief executive | Business Daily</title>
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
<meta property="og:title" content="Acme names Jane Roe chief executive">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article>
<h1>Acme names Jane Roe chief executive</h1>
<p>Acme Corp said on Monday it had appointed Jane Roe as chief executive officer, effective April 1,
succeeding Richard Poe, who is retiring after twelve years in the role.</p>
<p>Roe joins from Globex Corporation, where she was chief operating officer for five years. Before
that she spent a decade at Initech in senior finance roles.</p>
<p>"Jane is the right leader for our next chapter," said chairman Paul Doe. The board had run a
six-month search, the company said in a statement.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Initrode cuts 200 jobs in restructuring</a></li>
<li><a href="/b">Hooli shares slump after profit warning</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 Business Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_html_page_to_article_text():
    loaded = load_text(PAGE.encode("utf-8"), name="acme.html")
    assert loaded.is_html
    assert loaded.published == datetime.date(2024, 3, 4)
    text = clean(loaded.text).text
    assert text.split("\n\n")[0] == "Acme names Jane Roe chief executive"
    for kept in ("appointed Jane Roe", "Roe joins from Globex Corporation", "Initech", "said chairman Paul Doe"):
        assert kept in text
    for gone in ("Initrode", "Hooli", "Related stories", "Copyright", "Privacy", "cookies", "Markets"):
        assert gone not in text


def test_html_is_recognised_without_an_extension():
    assert load_text(PAGE).is_html


def test_html_to_text_keeps_the_title_first():
    text, published = html_to_text(
        "<html><head><title>Globex hires a new CFO</title></head><body><article>"
        "<p>Globex Corporation said it hired John Smith as chief financial officer, effective immediately, "
        "replacing Ann Lee, who left the company in January after nine years as finance chief.</p>"
        "</article></body></html>"
    )
    assert text.startswith("Globex hires a new CFO\n\nGlobex Corporation said it hired John Smith")
    assert published is None


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("plain words", "page.html", True),
        ("plain words", "PAGE.HTM", True),
        ("<!doctype html><p>Hi</p>", None, True),
        ("<html><p>Hi</p></html>", None, True),
        ("<body>Hi</body>", None, True),
        ("<div><p>a</p><p>b</p><span>c</span><br></div>", None, True),
        ("OCCIDENTAL <OXY> UNIT NAMES NEW PRESIDENT\n\nMidCon <MCN> said ...", None, False),
        ("# Heading\n\n[Source](https://example.com)", "release.md", False),
        ("Use a <p> tag for paragraphs.", "notes.txt", False),
    ],
)
def test_looks_like_html(text: str, name: str | None, expected: bool):
    assert looks_like_html(text, name) is expected


def test_trafilatura_is_imported_only_for_html():
    code = "import sys, extractor.inputs as i; i.load_text(b'plain text'); print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- announcement dates from page metadata

CORPUS = Path(__file__).parents[1] / "corpus"
CORPUS_PAGES = sorted(CORPUS.glob("*.html")) if CORPUS.is_dir() else []


def _expected_date(page: Path) -> datetime.date:
    expected = json.loads((CORPUS / f"{page.stem}.expected.json").read_text(encoding="utf-8"))
    return datetime.date.fromisoformat(expected["announcement_date"])


@pytest.mark.parametrize("page", CORPUS_PAGES, ids=lambda p: p.stem)
def test_corpus_html_pages_give_their_publication_date_from_metadata(page: Path):
    loaded = load_text(page.read_bytes(), name=page.name)
    assert loaded.is_html
    assert loaded.published == _expected_date(page)


@pytest.mark.model
def test_html_records_take_the_announcement_date_from_metadata_unless_the_text_has_one():
    from extractor.pipeline import Document, Extractor

    with_dateline = PAGE.replace("<p>Acme Corp said", "<p>NEW YORK, March 1, 2024 -- Acme Corp said")
    documents = [Document(p.stem, p.read_bytes(), source=str(p), name=p.name) for p in CORPUS_PAGES]
    documents += [Document("meta-only", PAGE.encode(), name="meta-only.html"),
                  Document("dateline", with_dateline.encode(), name="dateline.html")]
    records = {r.document_id: r for r in Extractor().process(documents)}
    for page in CORPUS_PAGES:
        assert records[page.stem].announcement_date == _expected_date(page), page.stem
        assert records[page.stem].text  # offsets index the extracted article text, which the record carries
    assert records["meta-only"].announcement_date == datetime.date(2024, 3, 4)  # the page's published_time
    assert records["dateline"].announcement_date == datetime.date(2024, 3, 1)  # the text's own dateline wins
