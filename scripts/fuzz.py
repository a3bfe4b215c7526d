#!/usr/bin/env python3
"""Fuzz inputs -> clean -> extract for as long as asked; run on demand, not in CI.

    python scripts/fuzz.py [--minutes 10] [--engine hypothesis|atheris] [--seed 15]

The property is ``check_document`` of tests/test_fuzz.py (one valid record per input, no
internal error, offsets that point at what they name, no hang). With hypothesis (the default)
the inputs are corpus/ documents mutated by ``mutated()``, text and bytes; each distinct failure
is printed and its input kept, as found (not shrunk), in FINDINGS (``--findings``), and the run
goes on. With atheris (``pip install atheris``; coverage
guided) the seeds are corpus/ (read only; new inputs go to FINDINGS/atheris-corpus); it stops at the
first crash and writes it to ``FINDINGS/crash-*``.
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


def with_hypothesis(minutes: float, seed: int, out_dir: Path) -> dict:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as use_seed
    from hypothesis import strategies as st

    prop = load_property()
    prop.extractor().nlp  # noqa: B018  (the model, before the clock starts)
    count = {"examples": 0}
    findings: dict[str, dict] = {}
    saved = Path(out_dir)
    saved.mkdir(parents=True, exist_ok=True)

    def check(example) -> None:
        count["examples"] += 1
        try:
            prop.check_document(*example)
        except Exception as exc:  # keep the input at once (the run may be stopped before the end)
            data, name = example
            key = _key(exc)
            if key not in findings:
                path = saved / f"finding-{len(findings) + 1}{Path(name).suffix or '.txt'}"
                path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
                findings[key] = {"examples_before": count["examples"], "input": str(path),
                                 "traceback": traceback.format_exc()[-3000:]}
                print(f"FOUND after {count['examples']} examples: {key} (input in {path})", flush=True)
            raise

    inputs = st.one_of(prop.mutated(), st.text(max_size=5_000).map(lambda t: (t, "doc.txt")),
                       st.binary(max_size=5_000).map(lambda b: (b, "doc.txt")))
    stop = time.monotonic() + minutes * 60
    round_ = 0
    while time.monotonic() < stop:
        round_ += 1
        # no shrinking: it can take minutes a finding; the input is kept as found, to cut down by hand
        test = settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
                        suppress_health_check=list(HealthCheck))(given(inputs)(check))
        try:
            use_seed(seed * 100_003 + round_)(test)()
        except Exception:  # noqa: BLE001  (a finding, kept by check(): go on)
            continue
    return {"engine": "hypothesis", "minutes": minutes, "examples": count["examples"], "rounds": round_,
            "findings": findings}


def _key(exc: Exception) -> str:
    """What tells two findings apart: the exception and where it was raised."""
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}: {str(exc)[:120]}"


def with_atheris(minutes: float, seed: int, out_dir: Path) -> dict:
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

    work = Path(out_dir) / "atheris-corpus"  # libFuzzer adds inputs to the first folder: not corpus/
    work.mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], f"-max_total_time={int(minutes * 60)}", f"-seed={seed}", "-max_len=40000",
                   "-timeout=60", f"-artifact_prefix={out_dir}/", str(work), str(ROOT / "corpus")], one_input)
    atheris.Fuzz()  # exits the process at the end or at the first crash
    return {"engine": "atheris", "examples": count["examples"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, default=Path("fuzz-report.json"))
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"), help="where failing inputs are kept")
    args = parser.parse_args()
    logging.getLogger("extractor").setLevel(logging.ERROR)  # notes on odd pages are expected here
    started = time.monotonic()
    run = with_hypothesis if args.engine == "hypothesis" else with_atheris
    report = run(args.minutes, args.seed, args.findings)
    report["wall_s"] = round(time.monotonic() - started, 1)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    shown = {k: v for k, v in report.items() if k != "findings"} | {"findings": list(report.get("findings", {}))}
    print(json.dumps(shown, indent=2))
    sys.exit(1 if report.get("findings") else 0)


if __name__ == "__main__":
    main()
