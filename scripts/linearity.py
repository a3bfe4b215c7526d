#!/usr/bin/env python3
"""Cost per byte from 10 kB to 2 MB (issue 15, "linear cost"); run on demand, not in CI.

    python scripts/linearity.py [--sizes 10000,100000,500000,1000000,2000000] [--kinds prose,shuffled,quotes]

Each document is extracted in a fresh process (after the model is loaded and warmed up), so
that each peak memory is its own. Kinds: ``prose`` (real releases one after another),
``shuffled`` (the words of real releases in random order, their punctuation kept: sentences
of any length) and ``quotes`` (text dense with quotation marks). Flat microseconds per byte
mean linear cost.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "train" / "texts", ROOT / "corpus"]

CHILD = """
import json, resource, sys, time
from extractor import Extractor
from extractor.pipeline import Options
extractor = Extractor(Options(max_chars=10_000_000))
extractor.extract(open(sys.argv[2], encoding="utf-8").read())  # warm-up
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
record = extractor.extract(text)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "base_mb": base / 1024,
                  "appointments": len(record.appointments)}))
"""


def releases() -> list[str]:
    for folder in SOURCES:
        found = sorted(folder.glob("*.txt"))
        if found:
            return [p.read_text(encoding="utf-8", errors="replace") for p in found]
    raise SystemExit("no texts found")


def make(kind: str, size: int, texts: list[str], rng: random.Random) -> str:
    if kind == "prose":
        return _fill(texts, "\n\n", size, rng)
    if kind == "shuffled":
        return _fill([w for text in texts[:400] for w in text.split()], " ", size, rng)
    if kind == "quotes":
        lead = texts[0]
        return (lead + "\n\n" + '"He said," she said, "that" ' * (size // 28 + 1))[:size]
    raise ValueError(kind)


def _fill(pieces: list[str], sep: str, size: int, rng: random.Random) -> str:
    """Pieces drawn at random, joined by ``sep``, until there are ``size`` characters (cut there)."""
    out, total = [], 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece)
        total += len(piece) + len(sep)
    return sep.join(out)[:size]


def measure(path: Path, warm: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(warm)], capture_output=True, text=True,
                          cwd=ROOT, timeout=3600)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,500000,1000000,2000000")
    parser.add_argument("--kinds", default="prose,shuffled,quotes")
    parser.add_argument("--json", type=Path, default=Path("linearity-report.json"))
    args = parser.parse_args()
    texts = releases()
    work = Path(__import__("tempfile").mkdtemp(prefix="linearity-"))
    warm = work / "warm.txt"
    warm.write_text(texts[0], encoding="utf-8")
    rows = []
    for kind in args.kinds.split(","):
        for size in map(int, args.sizes.split(",")):
            if kind == "quotes" and size > 100_000:
                continue  # the memory case of the issue: 100 kB
            path = work / f"{kind}-{size}.txt"
            path.write_text(make(kind, size, texts, random.Random(size)), encoding="utf-8")
            result = measure(path, warm)
            row = {"kind": kind, "bytes": size, **{k: round(v, 2) for k, v in result.items()},
                   "us_per_byte": round(result["seconds"] / size * 1e6, 1)}
            rows.append(row)
            print(f"{kind:9s} {size:>9,d} bytes {row['seconds']:8.2f} s {row['us_per_byte']:6.1f} us/byte "
                  f"peak {row['peak_mb']:6.0f} MB (model loaded: {row['base_mb']:4.0f} MB)", flush=True)
    args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
