#!/usr/bin/env python3
"""Tools for the annotated training corpus (corpus/train/).

The texts stay in ../shared/train/texts; every command takes that folder as an argument.

  order TEXTS                      the fixed annotation order: ids sorted by the hex SHA-1 of
                                   the id, within each source (reuters-*, nwt-*)
  check GOLD TEXTS                 validate annotation lines (format, dates, events) and list
                                   every string that cannot be found in its text
  spans GOLD TEXTS -o OUT          add person_span, organisation_span, role_span and
                                   past_employers_spans (character offsets of one mention)
  sample CORE_N SEED N             ids for the second, independent pass (random, seeded)
  folds GOLD SEED                  a 5-fold split by document, written as {"id": fold}
  as-pred GOLD OUT                 turn annotation lines into prediction lines for score.py
                                   (to measure agreement of one pass against the other)

Standard library only, so that it runs before the project is installed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SOURCES = ("reuters", "nwt")
EVENTS = {"appointed", "promoted", "interim", "departed"}
TOP_KEYS = {"id", "is_appointment_news", "announcement_date", "appointments", "notes"}
APP_KEYS = {"person", "organisation", "role", "event", "effective_date", "succeeds",
            "past_employers", "past_employers_optional", "optional"}
SPAN_KEYS = {"person_span", "organisation_span", "role_span", "past_employers_spans"}


def source_of(doc_id: str) -> str:
    return doc_id.split("-", 1)[0]


def sha1_order(texts: Path) -> dict[str, list[str]]:
    """Each source's ids in the order nobody chose: by the hex SHA-1 of the id."""
    ids = sorted(p.stem for p in texts.glob("*.txt"))
    return {src: sorted((i for i in ids if source_of(i) == src),
                        key=lambda i: hashlib.sha1(i.encode()).hexdigest())
            for src in SOURCES}


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from None
    return rows


def _iso_or_none(value) -> bool:
    if value is None:
        return True
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except (TypeError, ValueError):
        return False


def format_problems(row: dict) -> list[str]:
    """What is wrong with one annotation line's format (not its content)."""
    out = []
    keys = set(row) - SPAN_KEYS
    if not {"id", "is_appointment_news", "announcement_date", "appointments"} <= keys:
        out.append(f"missing keys {sorted(TOP_KEYS - keys)}")
    if set(row) - TOP_KEYS:
        out.append(f"unknown keys {sorted(set(row) - TOP_KEYS)}")
    if not _iso_or_none(row.get("announcement_date")):
        out.append(f"announcement_date {row.get('announcement_date')!r} is not an ISO date")
    apps = row.get("appointments") or []
    if not isinstance(row.get("is_appointment_news"), bool):
        out.append("is_appointment_news is not a boolean")
    elif apps and not row["is_appointment_news"]:
        out.append("appointments given but is_appointment_news is false")
    elif row["is_appointment_news"] and not apps:
        out.append("is_appointment_news is true but no appointment is given")
    for k, app in enumerate(apps):
        where = f"appointment {k} ({app.get('person')!r})"
        extra = set(app) - APP_KEYS - SPAN_KEYS
        missing = APP_KEYS - set(app)
        if extra or missing:
            out.append(f"{where}: keys missing {sorted(missing)} / unknown {sorted(extra)}")
        if app.get("event") not in EVENTS:
            out.append(f"{where}: event {app.get('event')!r} not one of {sorted(EVENTS)}")
        if not _iso_or_none(app.get("effective_date")):
            out.append(f"{where}: effective_date {app.get('effective_date')!r} is not an ISO date")
        for key in ("person", "organisation", "role"):
            if not isinstance(app.get(key), str) or not app[key].strip():
                out.append(f"{where}: {key} is empty")
        if isinstance(app.get("role"), str) and app["role"] != app["role"].lower():
            out.append(f"{where}: role is not lower-cased")
        for key in ("past_employers", "past_employers_optional"):
            if not isinstance(app.get(key, []), list):
                out.append(f"{where}: {key} is not a list")
        if not isinstance(app.get("optional"), bool):
            out.append(f"{where}: optional is not a boolean")
    return out


def _find(text: str, needle: str, *, fold_case: bool) -> tuple[int, int] | None:
    """Offsets of the first whole-word mention of needle (whitespace may differ)."""
    if not needle or not needle.strip():
        return None
    parts = [re.escape(p) for p in needle.split()]
    pattern = r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"
    m = re.search(pattern, text, re.IGNORECASE if fold_case else 0)
    if m is None and not fold_case:
        m = re.search(pattern, text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def spans_for(app: dict, text: str) -> dict:
    """One mention of each string of an appointment, as [start, end] or null."""
    def span(s, fold):
        found = _find(text, s, fold_case=fold)
        return list(found) if found else None
    return {
        "person_span": span(app["person"], False),
        "organisation_span": span(app["organisation"], False),
        "role_span": span(app["role"], True),
        "past_employers_spans": [span(p, False) for p in app.get("past_employers", [])],
    }


def span_matches(text: str, span, string: str, *, fold_case: bool) -> bool:
    """True when text[start:end] is the string (whitespace runs and, for roles, case aside)."""
    got = " ".join(text[span[0]:span[1]].split())
    want = " ".join(string.split())
    return got.lower() == want.lower() if fold_case else got == want


def cmd_order(args) -> None:
    for src, ids in sha1_order(Path(args.texts)).items():
        for rank, doc_id in enumerate(ids):
            print(f"{src}\t{rank}\t{doc_id}")


def cmd_check(args) -> int:
    texts = Path(args.texts)
    bad = 0
    seen = set()
    for row in read_jsonl(Path(args.gold)):
        doc_id = row.get("id", "?")
        probs = format_problems(row)
        if doc_id in seen:
            probs.append("duplicate id")
        seen.add(doc_id)
        path = texts / f"{doc_id}.txt"
        if not path.exists():
            probs.append(f"no text {path}")
        else:
            text = path.read_text(encoding="utf-8")
            for k, app in enumerate(row.get("appointments") or []):
                sp = spans_for(app, text)
                for key, fold in (("person", False), ("organisation", False), ("role", True)):
                    if sp[f"{key}_span"] is None:
                        probs.append(f"note: appointment {k}: {key} {app.get(key)!r} not found in the text")
                for pe, s in zip(app.get("past_employers", []), sp["past_employers_spans"]):
                    if s is None:
                        probs.append(f"note: appointment {k}: past employer {pe!r} not found in the text")
        for p in probs:
            print(f"{doc_id}: {p}")
        bad += any(not p.startswith("note:") for p in probs)
    print(f"{len(seen)} lines, {bad} with format problems", file=sys.stderr)
    return 1 if bad else 0


def cmd_spans(args) -> None:
    texts = Path(args.texts)
    out = []
    missing = {"person": 0, "organisation": 0, "role": 0, "past_employer": 0}
    total = dict.fromkeys(missing, 0)
    for row in read_jsonl(Path(args.gold)):
        text = (texts / f"{row['id']}.txt").read_text(encoding="utf-8")
        for app in row.get("appointments") or []:
            for key in list(app):
                if key in SPAN_KEYS:
                    del app[key]
            app.update(spans_for(app, text))
            for key in ("person", "organisation", "role"):
                total[key] += 1
                missing[key] += app[f"{key}_span"] is None
            total["past_employer"] += len(app["past_employers_spans"])
            missing["past_employer"] += sum(s is None for s in app["past_employers_spans"])
        out.append(json.dumps(row, ensure_ascii=False))
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    for key in total:
        print(f"{key}: {total[key] - missing[key]} of {total[key]} strings located", file=sys.stderr)


def cmd_sample(args) -> None:
    order = sha1_order(Path(args.texts))
    core = order["reuters"][: args.reuters] + order["nwt"][: args.nwt]
    for doc_id in random.Random(args.seed).sample(core, args.n):
        print(doc_id)


def cmd_folds(args) -> None:
    """5 folds by document, stratified by source and by news/not: each group is shuffled with
    the seed and dealt round-robin, so every fold holds a fifth of each."""
    rows = sorted(read_jsonl(Path(args.gold)), key=lambda r: r["id"])
    rng = random.Random(args.seed)
    folds: dict[str, int] = {}
    dealt = 0
    for src in SOURCES:
        for news in (True, False):
            group = [r["id"] for r in rows if source_of(r["id"]) == src and bool(r["appointments"]) == news]
            rng.shuffle(group)
            for doc_id in group:
                folds[doc_id] = dealt % 5
                dealt += 1
    Path(args.out).write_text(json.dumps(dict(sorted(folds.items())), indent=0) + "\n", encoding="utf-8")


def cmd_as_pred(args) -> None:
    lines = []
    for row in read_jsonl(Path(args.gold)):
        apps = [{"person": {"name": a["person"]}, "organisation": {"name": a["organisation"]},
                 "role": {"title": a["role"]}, "event": a["event"],
                 "effective_date": a.get("effective_date"),
                 "past_employers": [{"name": p} for p in a.get("past_employers", [])]}
                for a in row.get("appointments") or [] if not (args.required_only and a.get("optional"))]
        lines.append(json.dumps({"document_id": row["id"], "announcement_date": row.get("announcement_date"),
                                 "appointments": apps}, ensure_ascii=False))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("order"); p.add_argument("texts"); p.set_defaults(fn=cmd_order)
    p = sub.add_parser("check"); p.add_argument("gold"); p.add_argument("texts"); p.set_defaults(fn=cmd_check)
    p = sub.add_parser("spans"); p.add_argument("gold"); p.add_argument("texts"); p.add_argument("-o", "--out", required=True)
    p.set_defaults(fn=cmd_spans)
    p = sub.add_parser("sample"); p.add_argument("texts"); p.add_argument("--reuters", type=int, default=255)
    p.add_argument("--nwt", type=int, default=510); p.add_argument("--n", type=int, default=90)
    p.add_argument("--seed", type=int, default=20261206); p.set_defaults(fn=cmd_sample)
    p = sub.add_parser("folds"); p.add_argument("gold"); p.add_argument("-o", "--out", required=True)
    p.add_argument("--seed", type=int, default=13); p.set_defaults(fn=cmd_folds)
    p = sub.add_parser("as-pred"); p.add_argument("gold"); p.add_argument("out")
    p.add_argument("--required-only", action="store_true"); p.set_defaults(fn=cmd_as_pred)
    args = ap.parse_args(argv)
    return args.fn(args) or 0


if __name__ == "__main__":
    sys.exit(main())
