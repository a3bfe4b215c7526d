"""Never lose a document (issue 15): a run killed and resumed, SIGTERM, orphans, time budgets,
dead workers, and documents built to hurt. Each runs the real command or pool on a small input;
the long soak and the fuzzing are scripts run on demand (scripts/soak.py, scripts/fuzz.py)."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from extractor import batch
from extractor.models import AnnouncementRecord, ErrorRecord
from extractor.pipeline import Document

CORPUS = Path(__file__).parents[1] / "corpus"


def start_cli(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extractor", "extract", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def cli(*args, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", "extract", *map(str, args)], input=input,
                          capture_output=True, timeout=300)


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, limit_s: float = 120) -> None:
    """Until ``path`` holds ``n`` lines (the run is under way)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {n} lines")


def descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (children, their children ...), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def wait_gone(pids: set[int], limit_s: float = 20) -> set[int]:
    deadline = time.monotonic() + limit_s
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


@pytest.fixture(scope="module")
def slow_folder(tmp_path_factory) -> Path:
    """48 corpus documents: long enough to kill a run in the middle."""
    folder = tmp_path_factory.mktemp("docs")
    texts = sorted(CORPUS.glob("ann-*.txt"))
    for i in range(48):
        (folder / f"d{i:03d}.txt").write_bytes(texts[i % len(texts)].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(slow_folder, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("whole") / "out.jsonl"
    done = cli(slow_folder, "-o", out, "-q", "--workers", "2")
    assert done.returncode == 1, done.stderr  # the empty file
    return out.read_bytes()


# ------------------------------------------------------------------------- kill and resume


@pytest.mark.model
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_run_killed_in_the_middle_resumes_to_the_uninterrupted_output(slow_folder, uninterrupted, tmp_path, how):
    out = tmp_path / "out.jsonl"
    proc = start_cli(slow_folder, "-o", out, "--workers", "2")
    wait_for_lines(tmp_path / "out.jsonl.partial", 5, proc)
    family = descendants(proc.pid) if Path("/proc/self/stat").exists() else set()
    proc.send_signal(how)
    _, stderr = proc.communicate(timeout=60)
    assert wait_gone(family) == set()  # no orphan: the fork server and both workers are gone
    if how == signal.SIGTERM:
        assert proc.returncode == 143 and stderr.decode().strip().endswith("extractor: terminated"), stderr
        assert "--resume" in stderr.decode()
    partial = (tmp_path / "out.jsonl.partial").read_bytes()
    written = partial.count(b"\n")
    assert not out.exists() and 5 <= written < 49
    assert uninterrupted.startswith(partial[:partial.rfind(b"\n") + 1])  # whole lines, in order
    resumed = cli(slow_folder, "-o", out, "--workers", "2", "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert out.read_bytes() == uninterrupted
    kept = int(re.search(r"(\d+) documents were kept", resumed.stderr.decode()).group(1))
    assert written - 1 <= kept <= written  # the journal may be one record behind the output
    assert "49 documents" in resumed.stderr.decode()


@pytest.mark.model
def test_an_output_folder_killed_in_the_middle_resumes_with_every_document_once(slow_folder, tmp_path):
    out = tmp_path / "each"
    proc = start_cli(slow_folder, "--output-dir", out, "--workers", "2")
    wait_for_lines(out / ".journal", 6, proc)
    proc.kill()
    proc.wait(timeout=60)
    resumed = cli(slow_folder, "--output-dir", out, "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert "documents were kept" in resumed.stderr.decode()
    assert sorted(p.stem for p in out.glob("*.json")) == sorted(p.stem for p in slow_folder.iterdir())


# ---------------------------------------------------------------------- time and dead workers


class _Stalls:
    """Unpickling this in a worker (with its task) blocks it for ``seconds``: a document that takes forever."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __reduce__(self):
        return time.sleep, (self.seconds,)


@pytest.mark.model
def test_a_document_over_the_time_budget_gets_a_timeout_record_and_the_batch_goes_on(announcement):
    documents = (Document(name, data) for name, data in
                 [("first", announcement), ("slow", _Stalls(120)), ("last", announcement)])
    started = time.monotonic()
    records = list(batch.run(documents, workers=1, timeout=3))  # one task of three, then each alone
    assert time.monotonic() - started < 60
    assert [r.document_id for r in records] == ["first", "slow", "last"]
    assert isinstance(records[0], AnnouncementRecord) and isinstance(records[2], AnnouncementRecord)
    assert records[1].error.type == "timeout" and "--timeout" in records[1].error.message


class _TellsItsPid:
    """Unpickling this in a worker writes the worker's pid to ``path``, then blocks: a document to kill it on."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return exec, (f"import os, time; open({str(self.path)!r}, 'w').write(str(os.getpid())); time.sleep(60)",)


@pytest.mark.model
def test_a_worker_killed_from_outside_costs_only_its_document(announcement, tmp_path):
    pid_file = tmp_path / "pid"
    documents = [Document("first", announcement), Document("victim", _TellsItsPid(pid_file)),
                 Document("last", announcement)]
    records = batch.run(documents, workers=2)
    assert next(records).document_id == "first"
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(int(pid_file.read_text()), signal.SIGKILL)  # as the kernel's OOM killer would
    rest = list(records)
    assert [r.document_id for r in rest] == ["victim", "last"]
    assert rest[0].error.type == "worker_died" and "signal 9" in rest[0].error.message
    assert isinstance(rest[1], AnnouncementRecord) and rest[1].appointments


# ------------------------------------------------------------------------------- library


@pytest.mark.model
def test_extract_many_gives_an_error_record_for_a_lone_surrogate_and_goes_on(announcement):
    from extractor import Extractor

    records = list(Extractor().extract_many([announcement, "Acme named Jo \ud800 Li CEO. " + announcement,
                                             announcement]))
    assert [type(r).__name__ for r in records] == ["AnnouncementRecord", "ErrorRecord", "AnnouncementRecord"]
    assert records[1].error.type == "decode_error" and "surrogate" in records[1].error.message
    assert records[0].appointments and records[2].appointments


def test_non_text_arguments_are_a_clear_type_error():
    from extractor import Extractor, extract

    with pytest.raises(TypeError, match=r"extract\(\) expects the document's text as a str, not NoneType"):
        extract(None)
    with pytest.raises(TypeError, match="decode bytes first"):
        Extractor().extract(b"Acme named Jo Li CEO.")
    with pytest.raises(TypeError, match="not a single str"):
        Extractor().extract_many("Acme named Jo Li CEO.")
    with pytest.raises(TypeError, match=r"item 1 expects .* not int"):
        list(Extractor(nlp=object()).extract_many(["", 42]))


@pytest.mark.model
def test_a_batch_the_model_fails_on_is_run_again_document_by_document(monkeypatch, announcement):
    from extractor import Extractor

    extractor = Extractor()
    real_pipe = extractor.nlp.pipe

    def pipe(texts, **kwargs):
        texts = list(texts)
        if any("POISON" in str(item[0] if isinstance(item, tuple) else item) for item in texts):
            raise RuntimeError("the model fell over")
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(extractor.nlp, "pipe", pipe)
    records = list(extractor.extract_many([announcement, announcement + " POISON", announcement]))
    assert [type(r).__name__ for r in records] == ["AnnouncementRecord", "ErrorRecord", "AnnouncementRecord"]
    assert records[1].error.type == "internal_error" and "fell over" in records[1].error.message


# ------------------------------------------------------------------------------- inputs


@pytest.mark.model
def test_stdin_is_read_up_to_the_limit_only():
    done = cli("--max-chars", "10", input=b"x" * 100_000)
    assert done.returncode == 1
    record = json.loads(done.stdout)
    assert record["document_id"] == "stdin" and record["error"]["type"] == "too_large"


@pytest.mark.model
def test_a_page_nested_300_divs_deep_keeps_its_article(tmp_path, announcement):
    body = "".join(f"<p>{p}</p>" for p in announcement.split("\n\n"))
    page = tmp_path / "deep.html"
    page.write_text("<html><body><nav>Home | About</nav>" + "<div>" * 300 + body + "</div>" * 300 + "</body></html>")
    done = cli(page)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert "Maria Olsen" in {a["person"]["name"] for a in record["appointments"]}


def test_a_file_mixing_utf8_and_cp1252_lines_keeps_every_accent():
    from extractor.inputs import decode_bytes

    lines = ["Société Générale names Zoë Müller CEO.\n", "Crédit Agricole names René Lévêque CFO.\n"]
    mixed = lines[0].encode("utf-8") + lines[1].encode("cp1252") + lines[0].encode("utf-8")
    assert decode_bytes(mixed) == lines[0] + lines[1] + lines[0]
    cyrillic = "Газпром назначил Иванова директором.\n".encode("cp1251")
    assert "Газпром" in decode_bytes(cyrillic)  # a one-encoding file is still detected as a whole


@pytest.mark.model
def test_csv_cells_from_hostile_file_names_are_guarded_for_spreadsheets(tmp_path, announcement):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=HYPERLINK(1).txt").write_text(announcement)
    (folder / "@SUM(2).txt").write_text("")
    done = cli(folder, "--format", "csv")
    rows = done.stdout.decode().splitlines()[1:]
    assert rows and all(row.startswith(("'=", "'@")) for row in rows), rows


# ------------------------------------------------------------------------------- network


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<p>fetched</p>")

    def log_message(self, *args):
        pass


@pytest.mark.model
def test_html_is_read_without_fetching_anything(tmp_path, announcement):
    server = HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    body = "".join(f"<p>{p}</p>" for p in announcement.split("\n\n"))
    pages = {
        "xxe.html": f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY net SYSTEM "{url}/xxe">'
                    f'<!ENTITY file SYSTEM "file://{secret}">]><html><body><p>&net;&file;</p>{body}</body></html>',
        "assets.html": f'<html><head><link rel="stylesheet" href="{url}/css"><script src="{url}/js"></script>'
                       f'<meta http-equiv="refresh" content="0; url={url}/refresh"><base href="{url}/base/"></head>'
                       f'<body><img src="{url}/img"><iframe src="{url}/frame"></iframe>{body}'
                       f'<object data="{url}/object"></object></body></html>',
        "xinclude.html": f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>{body}'
                         f'<xi:include href="{url}/xinclude" parse="text"/></body></html>',
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page)
    _Counter.hits.clear()
    try:
        done = cli(*(tmp_path / name for name in pages), "--include-text")
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    assert _Counter.hits == []
    for line in done.stdout.splitlines():
        record = json.loads(line)
        assert "TOP-SECRET" not in record["text"] and "fetched" not in record["text"]
        assert record["appointments"], record["document_id"]


# ---------------------------------------------------------------------------- linear cost


def test_no_run_without_a_space_reaches_the_tokenizer_longer_than_long_run():
    """Long runs without a space are cut before the tokenizer, whose prefix and suffix rules rescan
    a run, so that its time grows with the square of the run's length: with every run under
    ``LONG_RUN`` characters the tokenizer's cost is linear in the text's length. (What that costs
    next to prose is measured on demand by ``scripts/tokenizer_runs.py``, not timed here.)"""
    import random

    from extractor.pieces import LONG_RUN
    from extractor.pipeline import _break_long_runs

    rng = random.Random(15)
    punctuation = "&-.,;:!?'\"()[]/*#"
    runs = {
        "one run": "".join(rng.choice(punctuation) for _ in range(200_000)),
        "ampersands": "&" * 200_000,
        "entities": "&amp;" * 40_000,
        "a URL in prose": "See https://example.com/" + "a1b2" * 5_000 + " for more. Acme named Jane Roe CEO.",
        "runs of 1-99": " ".join("".join(rng.choice(punctuation) for _ in range(rng.randint(1, 99)))
                                 for _ in range(4_100))[:200_000],
    }
    for name, text in runs.items():
        broken = _break_long_runs(text)
        assert len(broken) == len(text), name  # every offset stays where it was
        assert max(map(len, broken.split())) < LONG_RUN, name
        kept = [i for i, (a, b) in enumerate(zip(text, broken)) if a != b]
        assert all(broken[i] == " " for i in kept), name  # only characters of long runs become spaces
    prose = "Acme Corp named Jane Roe chief executive officer, effective March 1."
    assert _break_long_runs(prose) == prose


def test_a_model_batch_holds_as_many_tokens_of_punctuation_as_of_prose():
    """Issue 15, point 5: 100 kB dense with quotes peaked at 1.35 GB, the model's arrays growing with
    the tokens of a batch (a token a character here, one per five characters of prose)."""
    from extractor.pipeline import BATCH_CHARS, _batches, _prose_chars

    prose = [("Acme Corp named Jane Roe chief executive officer. " * 400, i) for i in range(5)]
    quotes = [('"He said," she said, "that" ' * 700, i) for i in range(5)]
    assert len(list(_batches(prose, BATCH_CHARS, weight=_prose_chars))) == 1
    assert len(list(_batches(quotes, BATCH_CHARS, weight=_prose_chars))) >= 3
    assert [len(b) for b in _batches(prose, BATCH_CHARS)] == [5]  # the default weight is the length


def test_a_page_nested_deeper_than_any_parse_is_read_by_its_tags_one_paragraph_a_block(announcement):
    from extractor.inputs import load_text

    body = "".join(f"<p>{p}</p>" for p in announcement.split("\n\n"))
    for depth in (300, 5_000):
        text = load_text("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>",
                         name="deep.html").text
        assert "today announced the appointment of Maria Olsen as Chief Financial Officer" in text, depth


def test_a_feed_line_longer_than_the_limit_is_a_bad_line_and_the_next_ones_are_read():
    import io

    from extractor.feeds import read_stream

    feed = b'{"id": "a", "text": "short"}\n' + b'{"id": "b", "text": "' + b"x" * 5_000 + b'"}\n' + b'{"id": "c", "text": "ok"}'
    found = list(read_stream(io.BytesIO(feed), "feed.jsonl", limit=1_000))
    assert [(type(f).__name__, f.document_id) for f in found] == [
        ("Document", "a"), ("Unusable", "feed:2"), ("Document", "c")]
    assert found[1].message == "line 2 is longer than the limit of 1,000 bytes; split the document"
