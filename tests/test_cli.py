"""The ``extractor`` command, through typer's CliRunner and as a real subprocess."""
from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import batch, tables
from extractor.cli import app
from extractor.models import json_schema

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(600)


def cli(*args, input: str | bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def subprocess_cli(*args, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)], input=input,
                          capture_output=True, timeout=120)


def lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def mixed_folder(make_files, announcement) -> Path:
    """Two good announcements (one in a nested folder), an empty file and a binary file named .txt."""
    return make_files({
        "docs/a-good.txt": announcement,
        "docs/b-empty.txt": "",
        "docs/c-binary.txt": PNG,
        "docs/nested/d-good.txt": announcement.replace("Maria Olsen", "Jonas Lind").replace("Olsen", "Lind"),
    }) / "docs"


# ------------------------------------------------------------------------------- extract


@pytest.mark.model
def test_folder_gives_one_line_per_file_in_sorted_order_and_exit_1_on_errors(mixed_folder):
    result = cli("extract", mixed_folder)
    assert result.exit_code == 1, result.output
    records = lines(result.stdout)
    assert [r["document_id"] for r in records] == ["a-good", "b-empty", "c-binary", "nested/d-good"]
    assert [r.get("error", {}).get("type") for r in records] == [None, "empty_text", "decode_error", None]
    assert records[0]["appointments"][0]["person"]["name"] == "Maria Olsen"
    assert records[3]["source"] == str(mixed_folder / "nested" / "d-good.txt")
    assert "4 documents" in result.stderr and "2 errors" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_folder_as_a_subprocess_writes_the_same_lines_and_only_notes_on_stderr(mixed_folder):
    proc = subprocess_cli("extract", mixed_folder)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.decode() == cli("extract", mixed_folder).stdout
    stderr = proc.stderr.decode()
    assert "4 documents, " in stderr and "Traceback" not in stderr
    assert "extracting" not in stderr  # no progress bar when stderr is not a terminal


@pytest.mark.model
def test_a_file_that_is_not_handled_is_skipped_with_a_note(make_files, announcement):
    root = make_files({"a.txt": announcement, "b.pdf": b"%PDF-1.4 ..."})
    result = cli("extract", root)
    assert result.exit_code == 0, result.output
    assert [r["document_id"] for r in lines(result.stdout)] == ["a"]
    assert "skipped" in result.stderr and "b.pdf" in result.stderr


@pytest.mark.model
@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "no-path"])
def test_stdin_gives_one_record_with_document_id_stdin(args, announcement):
    result = cli("extract", *args, input=announcement.encode())
    assert result.exit_code == 0, result.output
    [record] = lines(result.stdout)
    assert record["document_id"] == "stdin" and record["source"] == "-"
    assert record["appointments"]


@pytest.mark.model
def test_stdin_through_a_pipe_with_pretty_indents_the_record(announcement):
    proc = subprocess_cli("extract", "-", "--pretty", "--quiet", input=announcement.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"{\n  ")
    assert json.loads(proc.stdout)["document_id"] == "stdin"
    assert proc.stderr == b""


@pytest.mark.model
def test_two_workers_give_byte_identical_output_to_one(make_files, corpus_texts):
    root = make_files({f"doc-{i}.txt": text for i, text in enumerate(corpus_texts(8))})
    one = cli("extract", root, "--workers", "1")
    two = cli("extract", root, "--workers", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert len(one.stdout.splitlines()) == 8
    assert two.stdout == one.stdout


@pytest.mark.model
def test_csv_rows_reconcile_with_inputs_one_per_appointment_or_error(mixed_folder):
    result = cli("extract", mixed_folder, "--format", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == tables.COLUMNS
    per_document = list(dict.fromkeys((r["document_id"], r["error_type"]) for r in rows))
    assert per_document == [("a-good", ""), ("b-empty", "empty_text"), ("c-binary", "decode_error"),
                            ("nested/d-good", "")]
    assert float(rows[0]["confidence"]) > 0
    assert rows[0]["evidence"] and int(rows[0]["evidence_start"]) < int(rows[0]["evidence_end"])


@pytest.mark.model
def test_min_confidence_drops_appointments_below_it(mixed_folder):
    everything = lines(cli("extract", mixed_folder / "a-good.txt").stdout)[0]["appointments"]
    lowest = min(a["confidence"] for a in everything)
    # (half the 4-decimal rounding unit above the lowest: two records may be closer than 0.001)
    kept = lines(cli("extract", mixed_folder / "a-good.txt", "--min-confidence", lowest + 0.00005).stdout)[0]
    assert len(kept["appointments"]) == sum(a["confidence"] > lowest for a in everything)
    assert cli("extract", mixed_folder, "--min-confidence", "1.5").exit_code == 2


@pytest.mark.model
def test_jsonl_feed_gives_one_line_per_input_line_bad_lines_included(tmp_path, announcement):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": announcement}) + "\n" + "{broken\n"
                    + json.dumps({"id": 7, "text": "Nothing to see."}) + "\n", encoding="utf-8")
    result = cli("extract", "--input-format", "jsonl", feed)
    assert result.exit_code == 1, result.output
    records = lines(result.stdout)
    assert [r["document_id"] for r in records] == ["n1", "feed:2", "7"]
    assert records[0]["appointments"][0]["person"]["name"] == "Maria Olsen"
    assert records[0]["source"] == f"{feed}:1"
    assert records[1]["error"]["type"] == "bad_input_line"
    piped = cli("extract", "--input-format", "jsonl", "-", input=feed.read_bytes())
    assert [r["document_id"] for r in lines(piped.stdout)] == ["n1", "stdin:2", "7"]


@pytest.mark.model
def test_parquet_reads_back_with_pandas_one_row_per_document_or_appointment(mixed_folder, tmp_path):
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "records.parquet"
    result = cli("extract", mixed_folder, "--format", "parquet", "-o", out)
    assert result.exit_code == 1, result.output
    frame = pandas.read_parquet(out)
    assert list(frame.columns) == list(tables.COLUMNS)
    assert list(dict.fromkeys(frame["document_id"])) == ["a-good", "b-empty", "c-binary", "nested/d-good"]
    assert list(frame.loc[0, "past_employers"]) == ["Baltic Shipping Group", "Volvo Cars"]
    assert frame["confidence"].dtype == "float64"
    assert cli("extract", mixed_folder, "--format", "parquet").exit_code == 2  # needs --output


@pytest.mark.model
def test_json_format_is_one_list(mixed_folder):
    result = cli("extract", mixed_folder, "--format", "json")
    assert [r["document_id"] for r in json.loads(result.stdout)] == ["a-good", "b-empty", "c-binary", "nested/d-good"]


@pytest.mark.model
def test_output_file_is_written_atomically_and_output_dir_one_file_per_input(mixed_folder, tmp_path):
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    result = cli("extract", mixed_folder, "--output", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(lines(out.read_text())) == 4
    # no temp file left behind; the journal says what made the output (for --resume)
    assert sorted(p.name for p in out.parent.iterdir()) == [".records.jsonl.journal", "records.jsonl"]

    result = cli("extract", mixed_folder, "--output-dir", tmp_path / "each")
    assert result.exit_code == 1
    written = sorted(p.relative_to(tmp_path / "each").as_posix() for p in (tmp_path / "each").rglob("*") if p.is_file())
    assert written == [".journal", "a-good.json", "b-empty.json", "c-binary.json", "nested/d-good.json"]
    assert json.loads((tmp_path / "each" / "b-empty.json").read_text())["error"]["type"] == "empty_text"


def test_ctrl_c_before_any_record_exits_130_and_leaves_no_file(monkeypatch, make_files, tmp_path):
    def interrupted(inputs, options, workers, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(batch, "outcomes", interrupted)
    root = make_files({"in/a.txt": "text"})
    result = cli("extract", root / "in", "--output", tmp_path / "out.jsonl")
    assert result.exit_code == 130
    assert result.stderr.strip().endswith("interrupted")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


# --------------------------------------------------------------------------- usage errors


@pytest.mark.model
def test_a_missing_path_gives_an_error_record_and_the_batch_goes_on_with_exit_1(make_files, announcement):
    root = make_files({"a.txt": announcement})
    result = cli("extract", root / "a.txt", root / "nope.txt", root / "a.txt")
    assert result.exit_code == 1, result.output
    records = lines(result.stdout)
    assert [r["document_id"] for r in records] == ["a", "nope", str(root / "a.txt")]  # ids stay unique
    assert records[1] == {"schema_version": "1.0", "document_id": "nope", "source": str(root / "nope.txt"),
                          "error": {"type": "missing_path", "message": f"no such file or folder: {root / 'nope.txt'}"}}
    assert records[0]["appointments"] and records[2]["appointments"]
    assert f"error: {root / 'nope.txt'}: no such file or folder" in result.stderr


@pytest.mark.parametrize("args", [
    ["--workers", "-1"], ["--format", "xml"], ["--bogus"], ["--timeout", "-3"], ["--resume"],
    ["--output-dir", "{file}/sub"], ["--output", "{tmp}/no/such/folder/x.jsonl"],
], ids=["negative-workers", "bad-format", "unknown-option", "negative-timeout", "resume-to-stdout",
        "output-dir-under-a-file", "output-in-missing-folder"])
def test_usage_errors_are_one_line_in_one_style_with_exit_2(args, make_files, tmp_path):
    root = make_files({"a.txt": "x"})
    args = [a.format(file=root / "a.txt", tmp=tmp_path) for a in args]
    proc = subprocess_cli("extract", root, *args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b""
    message = proc.stderr.decode()
    assert message.startswith("extractor: ") and message.count("\n") == 1, message
    assert "Traceback" not in message and "internal error" not in message


@pytest.mark.parametrize("args", [
    ["--output", "x.jsonl", "--output-dir", "out"],
    ["--format", "csv", "--output-dir", "out"],
    ["--pretty"],
    ["--workers", "-1"],
    ["--format", "xml"],
], ids=["output-and-dir", "csv-to-dir", "pretty-jsonl-of-two", "negative-workers", "bad-format"])
def test_bad_option_combinations_exit_2(args, make_files):
    root = make_files({"a.txt": "x", "b.txt": "y"})
    assert cli("extract", root, *args).exit_code == 2


# ------------------------------------------------------------------- other commands


def test_schema_prints_the_models_json_schema():
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_version_prints_package_spacy_and_model_without_loading_it():
    from extractor.nlp import model_info

    proc = subprocess_cli("version")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert model_info()["model"] in text and "spaCy" in text and "appointment-extractor" in text
    assert cli("--version").stdout == text


@pytest.mark.model
def test_evaluate_prints_a_table_with_record(tmp_path, make_files, announcement):
    root = make_files({"docs/ann.txt": announcement})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ann", "is_appointment_news": True, "appointments": [{
        "person": "Maria Olsen", "organisation": "Norrland Freight AB",
        "role": "chief financial officer", "event": "appointed"}]}) + "\n")
    result = cli("evaluate", gold, root / "docs", "--show-errors", "5")
    assert result.exit_code == 0, result.output
    assert "record" in result.stdout and "1 documents" in result.stdout
    as_json = json.loads(cli("evaluate", gold, root / "docs", "--json").stdout)
    assert as_json["metrics"]["person"]["recall"] == 1.0


@pytest.mark.model
def test_evaluate_extracts_only_the_documents_the_gold_describes(tmp_path, make_files, announcement):
    root = make_files({"docs/ann.txt": announcement, "docs/other.txt": "Not described by the gold."})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ann", "is_appointment_news": True, "appointments": []}) + "\n")
    result = cli("evaluate", gold, root / "docs", "--json")
    assert result.exit_code == 0, result.output
    assert "1 of 2 inputs have no gold line" in result.stderr
    assert json.loads(result.stdout)["documents"] == 1


def test_importing_the_package_does_not_import_spacy():
    code = "import sys, extractor; print(sorted({'spacy', 'dateparser', 'trafilatura'} & set(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_extract_runs_in_worker_processes_with_the_time_budget_given(monkeypatch, make_files):
    seen = {}

    def record(inputs, options, workers, **kwargs):
        seen.update(kwargs, workers=workers, inputs=[item.document_id for item in inputs])
        yield from ()

    monkeypatch.setattr(batch, "outcomes", record)
    root = make_files({"a.txt": "x", "sub/b.txt": "y"})
    assert cli("extract", root, "--timeout", "2.5", "-q").exit_code == 0
    assert seen == {"timeout": 2.5, "count": 2, "isolate": True, "workers": 1, "inputs": ["a", "sub/b"]}
    assert cli("extract", root, "--timeout", "0", "-q").exit_code == 0
    assert seen["timeout"] is None and seen["isolate"] is True  # no limit, still one document per crash
