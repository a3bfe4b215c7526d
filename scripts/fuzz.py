#!/usr/bin/env python3
"""Fuzz inputs -> clean -> extract for as long as asked; run on demand, not in CI.

    python scripts/fuzz.py [--minutes 10] [--engine hypothesis|atheris] [--seed 15]

The property is ``check_document`` of tests/test_fuzz.py (one valid record per input, no
internal error, offsets that point at what they name, no hang). With hypothesis (the default)
the inputs are corpus/ documents mutated by ``mutated()`` and plain text; every distinct failure
is shrunk and printed, and the run goes on. With atheris (``pip install atheris``; coverage
guided) the seeds are corpus/; it stops at the first crash and writes it to ``crash-*``.
Prints how many examples ran and what was found; turn each finding into a regression test at
the bottom of tests/test_fuzz.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_property():
    """tests/test_fuzz.py as a module (it is not a package), for its strategies and checks."""
    spec = importlib.util.spec_from_file_location("fuzz_property", ROOT / "tests" / "test_fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def with_hypothesis(minutes: float, seed: int) -> dict:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as use_seed
    from hypothesis import strategies as st

    prop = load_property()
    prop.extractor().nlp  # noqa: B018  (the model, before the clock starts)
    count = {"examples": 0}
    findings: dict[str, dict] = {}

    def check(example) -> None:
        count["examples"] += 1
        prop.check_document(*example)

    inputs = st.one_of(prop.mutated(), st.text(max_size=5_000).map(lambda t: (t, "doc.txt")),
                       st.binary(max_size=5_000).map(lambda b: (b, "doc.txt")))
    stop = time.monotonic() + minutes * 60
    round_ = 0
    while time.monotonic() < stop:
        round_ += 1
        test = settings(max_examples=200, deadline=None, database=None, print_blob=True,
                        suppress_health_check=list(HealthCheck))(given(inputs)(check))
        try:
            use_seed(seed * 100_003 + round_)(test)()
        except Exception as exc:  # noqa: BLE001  (a finding: record it, go on)
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
            if key not in findings:
                findings[key] = {"round": round_, "traceback": traceback.format_exc()[-3000:]}
                print(f"FOUND ({count['examples']} examples so far): {key}", flush=True)
    return {"engine": "hypothesis", "minutes": minutes, "examples": count["examples"], "rounds": round_,
            "findings": findings}


def with_atheris(minutes: float, seed: int) -> dict:
    import atheris

    with atheris.instrument_imports(include=["extractor"]):
        prop = load_property()
    prop.extractor().nlp  # noqa: B018
    names = ["doc.txt", "page.html", "notes.md", "noext"]
    count = {"examples": 0}

    def one_input(data: bytes) -> None:
        count["examples"] += 1
        if data:
            prop.check_document(data[1:], names[data[0] % len(names)])

    seeds = ROOT / "corpus"
    atheris.Setup([sys.argv[0], f"-max_total_time={int(minutes * 60)}", f"-seed={seed}",
                   "-max_len=40000", "-timeout=60", str(seeds)], one_input)
    atheris.Fuzz()  # exits the process at the end or at the first crash
    return {"engine": "atheris", "examples": count["examples"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, default=Path("fuzz-report.json"))
    args = parser.parse_args()
    logging.getLogger("extractor").setLevel(logging.ERROR)  # notes on odd pages are expected here
    started = time.monotonic()
    report = (with_hypothesis if args.engine == "hypothesis" else with_atheris)(args.minutes, args.seed)
    report["wall_s"] = round(time.monotonic() - started, 1)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    shown = {k: v for k, v in report.items() if k != "findings"} | {"findings": list(report.get("findings", {}))}
    print(json.dumps(shown, indent=2))
    sys.exit(1 if report.get("findings") else 0)


if __name__ == "__main__":
    main()
