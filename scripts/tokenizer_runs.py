#!/usr/bin/env python3
"""What tokenising 200,000 characters of punctuation runs costs next to 200,000 of prose, once
long runs are cut (``pieces.break_long_runs``); run on demand, not in CI (under a minute).

    python scripts/tokenizer_runs.py

Prints, for each kind of run, the best of three timings as a multiple of the prose's. Measured
on 2026-12-06: 0.1x-2.4x; with the runs left whole, 3,000 "&" alone take 3x the prose.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from extractor.nlp import load
from extractor.pieces import break_long_runs

ROOT = Path(__file__).resolve().parents[1]
PUNCTUATION = "&-.,;:!?'\"()[]/*#"


def main() -> None:
    tokenizer = load(None).tokenizer
    rng = random.Random(15)
    prose = ("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))) * 4)[:200_000]
    runs = {
        "one run": "".join(rng.choice(PUNCTUATION) for _ in range(200_000)),
        "ampersands": "&" * 200_000,
        "entities": "&amp;" * 40_000,
        "runs of 1-99": " ".join("".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 99)))
                                 for _ in range(4_100))[:200_000],
    }

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            tokenizer(break_long_runs(text))
            best = min(best, time.perf_counter() - started)
        return best

    base = cost(prose)
    print(f"prose: {base:.3f} s for {len(prose):,} characters")
    for name, text in runs.items():
        print(f"{name}: {cost(text) / base:.1f}x the prose")


if __name__ == "__main__":
    main()
