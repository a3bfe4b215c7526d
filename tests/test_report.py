"""``extractor show``: the review page, unit by unit, then rendered in headless Chromium."""
from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import (
    Appointment, AnnouncementRecord, ErrorInfo, ErrorRecord, Evidence, Organisation, PastEmployer, Person, Role,
)
from extractor.report import COLOURS, date_mentions, histogram, render

CORPUS = Path(__file__).parents[1] / "corpus"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

TEXT = "Acme Corp said on May 2, 2025 it named Jane Doe chief executive, effective June 1. She was at Zeta Inc."


def _record() -> AnnouncementRecord:
    def at(word: str) -> dict:
        return {"start": TEXT.index(word), "end": TEXT.index(word) + len(word)}

    end = TEXT.index(" She")
    appointment = Appointment(
        person=Person(name="Jane Doe", **at("Jane Doe")), organisation=Organisation(name="Acme Corp", **at("Acme Corp")),
        role=Role(title="chief executive", normalized="chief executive", **at("chief executive")), event="appointed",
        effective_date=date(2025, 6, 1), past_employers=[PastEmployer(name="Zeta Inc", **at("Zeta Inc"))],
        evidence=Evidence(text=TEXT[:end], start=0, end=end), confidence=0.85)
    return AnnouncementRecord(document_id="acme", announcement_date=date(2025, 5, 2), appointments=[appointment])


class TokenColours(HTMLParser):
    """The tokens of a displaCy span page, each with the colours of the bars under it."""

    def __init__(self):
        super().__init__()
        self.tokens: list[tuple[str, set[str]]] = []
        self._depth = 0
        self._token_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        self._depth += 1
        style = dict(attrs).get("style") or ""
        if tag == "span" and "display: inline-block" in style and "font-weight: bold" in style:
            self._token_depth = self._depth
            self.tokens.append(("", set()))
        elif tag == "span" and self._token_depth is not None and "background:" in style:
            self.tokens[-1][1].add(style.split("background:")[1].split(";")[0].strip())

    def handle_endtag(self, tag):
        if self._token_depth == self._depth:
            self._token_depth = None
        self._depth -= 1

    def handle_data(self, data):
        if self._token_depth == self._depth and data.strip():
            word, colours = self.tokens[-1]
            self.tokens[-1] = (word + data.strip(), colours)


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def highlighted_as(page: str, words: list[str], label: str) -> bool:
    """Do ``words`` appear in a row in the page, each with the bar of ``label``?"""
    parser = TokenColours()
    parser.feed(page)
    colours = {COLOURS[label], _rgb(COLOURS[label])}
    tokens = parser.tokens
    for i in range(len(tokens) - len(words) + 1):
        if all(tokens[i + k][0] == w and tokens[i + k][1] & colours for k, w in enumerate(words)):
            return True
    return False


def test_page_highlights_person_title_organisation_past_employer_and_dates():
    page = render([(_record(), TEXT)])
    assert highlighted_as(page, ["Jane", "Doe"], "PERSON")
    assert highlighted_as(page, ["chief", "executive"], "TITLE")
    assert highlighted_as(page, ["Acme", "Corp"], "ORG")
    assert highlighted_as(page, ["Zeta", "Inc."], "PAST_EMPLOYER")
    assert highlighted_as(page, ["June", "1"], "DATE") and highlighted_as(page, ["May", "2", ",", "2025"], "DATE")
    assert highlighted_as(page, ["named"], "EVIDENCE") and not highlighted_as(page, ["She"], "EVIDENCE")


def test_page_has_a_summary_a_table_per_document_and_error_rows():
    error = ErrorRecord(document_id="scan", source="in/scan.txt", error=ErrorInfo(type="decode_error", message="binary"))
    page = render([(_record(), TEXT), (error, None)])
    assert "<th>documents</th><td>2</td>" in page and "<th>errors</th><td>1</td>" in page
    assert "<td>Jane Doe</td>" in page and "<td>0.85</td>" in page
    assert "decode_error" in page and "in/scan.txt" in page


def test_text_is_escaped_in_tables_and_headings():
    record = AnnouncementRecord(document_id="<script>x</script>")
    page = render([(record, "<b>not markup</b>")])
    assert "<script>x" not in page and "&lt;script&gt;" in page


def test_histogram_counts_each_tenth():
    table = histogram([0.05, 0.85, 0.85, 0.9, 1.0])
    assert '<td>0.0-0.1</td><td class="n">1</td>' in table
    assert '<td>0.8-0.9</td><td class="n">2</td>' in table and '<td>0.9-1.0</td><td class="n">2</td>' in table


def test_dates_found_only_where_they_name_the_records_date():
    text = "Named on 3 March 2025; effective April 1, 2025 (not April 2)."
    spans = date_mentions(text, 0, len(text), {date(2025, 4, 1)}, date(2025, 3, 3))
    assert [text[s:e] for s, e in spans] == ["April 1, 2025"]


@pytest.mark.model
def test_show_command_writes_the_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["show", str(CORPUS / "ann-014.txt"), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert highlighted_as(page, ["Patricia", "K.", "Lowell"], "PERSON")


@pytest.mark.model
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
def test_page_renders_in_headless_chromium_not_blank_with_every_person_highlighted(tmp_path):
    from PIL import Image

    from extractor.batch import run
    from extractor.pipeline import Options

    files = sorted(CORPUS.glob("ann-00*.txt"))[:6]
    records = list(run(files, Options(include_text=True)))
    page_path = tmp_path / "report.html"
    assert CliRunner().invoke(app, ["show", *map(str, files), "--html", str(page_path)]).exit_code == 0
    browser = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "shot.png"
    subprocess.run([*browser, f"--screenshot={shot}", "--window-size=1280,1600", page_path.as_uri()],
                   capture_output=True, timeout=120, check=True)
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert image.size == (1280, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, bars and tables, not a blank page
    assert max(count for count, _ in colours) < 0.97 * 1280 * 1600
    dom = subprocess.run([*browser, "--dump-dom", page_path.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    people = [a.person.name for r in records for a in getattr(r, "appointments", [])]
    assert people
    for name in people:
        assert highlighted_as(dom, name.split(), "PERSON"), name
