#!/usr/bin/env python3
"""Soak test for issue 15 ("never lose a document"); run on demand, not in CI (20-30 minutes).

    python scripts/soak.py [--files 10000] [--workers 2] [--seed 15] [--keep DIR]

1. Builds a folder of ``--files`` files in sub-folders: real releases (../shared/train/texts,
   else corpus/) and, among them, the hostile ones: empty, binary, 20 MB, UTF-16, Latin-1,
   NUL-laden, HTML nested 300 and 5,000 deep, 100,000 <p>, one 5 MB line and one 0.5 MB line,
   long punctuation runs, strings built against regular expressions, a FIFO, a link loop; each
   hostile text wraps a real announcement, so that it goes through every stage.
2. Runs ``extractor extract FOLDER -o OUT --workers 2`` to the end, sampling the peak memory of
   every process it starts; checks one line per file, every error record named (a known type
   and a message), exit code 1.
3. Kills the same command with SIGKILL at three random points (each run resuming the last),
   then lets ``--resume`` finish; checks the output equals the uninterrupted run's byte for
   byte (nothing lost, nothing twice, same order).
Prints the figures the README's "Reliability" section quotes, and writes them as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "train" / "texts"
KNOWN_ERRORS = {"unreadable_file", "decode_error", "empty_text", "too_large", "internal_error", "bad_input_line",
                "missing_path", "timeout", "worker_died"}
SAMPLE_S = 0.25
PUNCTUATION = "&-.,;:!?'\"()[]/*#"


# --------------------------------------------------------------------------- the folder


def hostile_files(rng: random.Random, release: str) -> dict[str, bytes]:
    """Name -> content of the files built to hurt (each once)."""
    words = release.split()
    shuffled = " ".join(rng.choice(words) for _ in range(12_000))
    return {
        "empty.txt": b"",
        "blank.txt": b" \n\t\n" * 100,
        "binary.txt": bytes(rng.randrange(256) for _ in range(50_000)),
        "png-named-txt.txt": b"\x89PNG\r\n\x1a\n" + rng.randbytes(10_000),
        "twenty-mb.txt": (release.encode() + b"\n\n") * (20_000_000 // (len(release) + 2)),
        "utf16.txt": release.encode("utf-16"),
        "utf16-no-bom.txt": release.encode("utf-16-le"),
        "latin1.txt": release.replace("said", "said café Zoë").encode("latin-1", "replace"),
        "mixed-encodings.txt": release.encode() + "\nSociété Générale named Zoë Müller CEO.\n".encode("cp1252"),
        "nul-laden.txt": release.replace(" ", " \x00").encode(),
        "nested-300.html": _nested(release, 300).encode(),
        "nested-5000.html": _nested(release, 5_000).encode(),
        "many-paragraphs.html": f"<html><body>{'<p>x</p>' * 100_000}{_paragraphs(release)}</body></html>".encode(),
        "five-mb-line.txt": (release.replace("\n", " ") + " ").encode() * (5_000_000 // len(release)),
        "half-mb-line.txt": (release.replace("\n", " ") + " ").encode() * (500_000 // len(release)),
        "punctuation-run.txt": (release + "\n" + "".join(rng.choice(PUNCTUATION) for _ in range(300_000))).encode(),
        "ampersands.txt": (release + "\n" + "&amp;" * 60_000).encode(),
        "redos-spaces.txt": (release + "\n" + "a" + " " * 100_000 + "!").encode(),
        "redos-names.txt": (release + "\n" + "John Smith, " * 20_000).encode(),
        "redos-titles.txt": (release + "\n" + "chief executive officer and " * 8_000).encode(),
        "redos-dates.txt": (release + "\n" + "March 3, 1987 " * 10_000).encode(),
        "shuffled-announcement-words.txt": shuffled.encode(),
        "quotes.txt": (release + "\n" + '"He said," she said, "that" ' * 4_000).encode(),
    }


def _nested(release: str, depth: int) -> str:
    return f"<html><body>{'<div>' * depth}{_paragraphs(release)}{'</div>' * depth}</body></html>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())


def build_folder(folder: Path, files: int, rng: random.Random) -> int:
    """Write the folder; returns how many inputs it holds (one output line each)."""
    sources = sorted(TRAIN.glob("*.txt")) or sorted((ROOT / "corpus").glob("*.txt"))
    releases = [p.read_bytes() for p in sources]
    hostile = hostile_files(rng, (ROOT / "corpus" / "ann-014.txt").read_text(encoding="utf-8"))
    slots = rng.sample(range(files), len(hostile) + 2)
    special = dict(zip(slots, hostile.items()))
    for i in range(files):
        sub = folder / f"batch-{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        if i in special:
            name, content = special[i]
            (sub / f"{i:05d}-{name}").write_bytes(content)
        elif i == slots[-2]:
            os.mkfifo(sub / f"{i:05d}-fifo.txt")
        elif i == slots[-1]:
            (sub / f"{i:05d}-loop.txt").symlink_to(sub / f"{i:05d}-loop.txt")
        else:  # the same name in several folders: ids must stay apart
            (sub / f"{i % 700:05d}-release.txt").write_bytes(releases[i % len(releases)])
    return files


# ------------------------------------------------------------------------------ running


def command(folder: Path, out: Path, workers: int, resume: bool) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "--workers", str(workers),
            "-q", *(["--resume"] if resume else [])]


def _family(pid: int) -> dict[int, int]:
    """The processes under ``pid`` (and itself), each with its parent."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {pid: parents.get(pid, 0)}, {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - set(found)
        found.update({child: parents[child] for child in frontier})
    return found


def _peak_rss_mb(pid: int) -> tuple[str, float] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    return cmdline, int(peak) / 1024


def watch(proc: subprocess.Popen, partial: Path, kill_at_lines: int | None) -> dict:
    """Sample memory and the output's growth until the run ends (or kill it at ``kill_at_lines``)."""
    peaks: dict[int, tuple[str, float]] = {}
    times: list[float] = []  # when each line appeared
    started = time.monotonic()
    while proc.poll() is None:
        for pid, parent in _family(proc.pid).items():
            sample = _peak_rss_mb(pid)
            if sample is not None:
                role = "parent" if pid == proc.pid else "server" if parent == proc.pid else "worker"
                peaks[pid] = (role, max(sample[1], peaks.get(pid, ("", 0.0))[1]))
        lines = partial.read_bytes().count(b"\n") if partial.exists() else 0
        times.extend([time.monotonic() - started] * (lines - len(times)))
        if kill_at_lines is not None and lines >= kill_at_lines:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            break
        time.sleep(SAMPLE_S)
    return {"seconds": time.monotonic() - started, "peaks": peaks, "line_times": times, "code": proc.wait()}


def memory_figures(peaks: dict[int, tuple[str, float]]) -> dict[str, float]:
    """Peak RSS of the command, of its fork server (and resource tracker), of its workers."""
    def top(role: str) -> float:
        return round(max((mb for kind, mb in peaks.values() if kind == role), default=0.0), 1)

    return {"parent_peak_rss_mb": top("parent"), "worker_peak_rss_mb": top("worker"),
            "workers_seen": sum(kind == "worker" for kind, _ in peaks.values())}


TIMER = """
import json, sys, time
from pathlib import Path
from extractor.batch import process_items
from extractor.pipeline import Extractor
from extractor.walk import InputFile
extractor = Extractor()
extractor.nlp
for line in sys.stdin:
    path = Path(line.rstrip("\\n"))
    started = time.perf_counter()
    [outcome] = process_items(extractor, [InputFile(path)])
    error = getattr(outcome.record, "error", None)
    print(json.dumps({"source": str(path), "seconds": round(time.perf_counter() - started, 2),
                      "error": error.type if error else None}), flush=True)
"""


def slowest(folder: Path, releases: int = 200) -> list[dict]:
    """Each hostile file and ``releases`` ordinary ones timed alone (one process, model loaded once):
    the slowest five."""
    paths = sorted(p for p in folder.rglob("*") if "-release" not in p.name and not p.is_dir())
    paths += sorted(folder.rglob("*-release.txt"))[:releases]
    done = subprocess.run([sys.executable, "-c", TIMER], input="\n".join(map(str, paths)) + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=3600)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return sorted(rows, key=lambda row: -row["seconds"])[:5]


def check_output(out: Path, expected: int, code: int) -> tuple[list[dict], Counter]:
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == expected, f"{len(records)} lines for {expected} inputs"
    assert len({r["source"] for r in records}) == expected, "a source twice"
    assert len({r["document_id"] for r in records}) == expected, "a document_id twice"
    errors = Counter()
    for record in records:
        if "error" in record:
            assert record["error"]["type"] in KNOWN_ERRORS and record["error"]["message"], record
            errors[record["error"]["type"]] += 1
    assert code == (1 if errors else 0), f"exit code {code}"
    return records, errors


def killed_and_resumed(folder: Path, work: Path, workers: int, expected: int, rng: random.Random) -> dict:
    """Kill the run with SIGKILL at three random points (each resuming the last), then finish."""
    out = work / "resumed.jsonl"
    points = sorted(rng.sample(range(1, expected), 3))
    runs = []
    for i, point in enumerate([*points, None]):
        proc = subprocess.Popen(command(folder, out, workers, resume=i > 0), cwd=ROOT, stderr=subprocess.PIPE)
        seen = watch(proc, out.with_name(out.name + ".partial"), point)
        stderr = proc.stderr.read().decode()
        runs.append({"killed_at_lines": point, "seconds": round(seen["seconds"], 1), "exit": seen["code"]})
        assert point is not None or seen["code"] == 1, stderr
    return {"runs": runs, "output": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build the folder and outputs here (kept)")
    parser.add_argument("--json", type=Path, default=Path("soak-report.json"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="soak-"))
    folder = work / "in"
    if folder.exists():
        shutil.rmtree(folder)
    expected = build_folder(folder, args.files, rng)
    print(f"built {expected} inputs in {folder}", flush=True)

    out = work / "whole.jsonl"
    proc = subprocess.Popen(command(folder, out, args.workers, resume=False), cwd=ROOT, stderr=subprocess.PIPE)
    seen = watch(proc, out.with_name(out.name + ".partial"), None)
    records, errors = check_output(out, expected, seen["code"])
    report = {
        "inputs": expected, "workers": args.workers, "wall_s": round(seen["seconds"], 1),
        "docs_per_s": round(expected / seen["seconds"], 1), "lines": len(records), "exit": seen["code"],
        "errors_by_type": dict(errors.most_common()), **memory_figures(seen["peaks"]),
        "longest_wait_between_lines_s": round(max(b - a for a, b in zip([0.0, *seen["line_times"]],
                                                                         seen["line_times"])), 1),
    }
    print(json.dumps(report, indent=2), flush=True)
    report["slowest_documents_alone"] = slowest(folder)
    print(json.dumps(report["slowest_documents_alone"], indent=2), flush=True)
    resumed = killed_and_resumed(folder, work, args.workers, expected, rng)
    same = resumed["output"].read_bytes() == out.read_bytes()
    report["kill_and_resume"] = {"runs": resumed["runs"], "identical_to_uninterrupted": same}
    print(json.dumps(report["kill_and_resume"], indent=2))
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    if not args.keep:
        shutil.rmtree(work)
    if not same:
        sys.exit("the resumed output differs from the uninterrupted run's")


if __name__ == "__main__":
    main()
