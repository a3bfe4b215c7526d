"""Recall of the frames (``extractor.frames``) against the current candidate generator, on the
training corpus's folds 1-4 (fold 0 is the held-out fold: its documents are never read here).

    python scripts/frame_recall.py ../shared/train/texts [--gold corpus/train/gold.jsonl]
        [--folds corpus/train/folds.json] [--cache /tmp/frame_recall_docs.spacy] [--misses N]

Each document goes through the pipeline's own preparation (clean, triage, pieces) and model; the
parsed pieces are stored once in a spaCy ``DocBin`` (``--cache``) so that later runs only match.
A required gold record (person + role) counts as found by a generator when one of its
candidates in the document has the same person (``evaluate.same_person``: the full name, or the
surname, case-insensitive) and a post that overlaps the role: ``same_role`` (strict), or sharing
a content word of the role, plurals made singular (loose: "Board of Directors" for "director"). Matches per document are reported as a proxy of precision.
``--misses N`` prints N required records of folds 1-4 that the frames miss (for improving them).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

HELD_OUT_FOLD = 0
_STOP = frozenset({"of", "and", "the", "&", "a", "an", "for", "its", "to", "in", "at"})


def _ids(folds_path: Path) -> set[str]:
    folds = json.loads(folds_path.read_text())
    return {doc_id for doc_id, fold in folds.items() if fold != HELD_OUT_FOLD}


def parse(texts: Path, ids: set[str], cache: Path) -> None:
    """Prepare and parse the documents of ``ids`` the way ``Extractor`` does; store the pieces."""
    from spacy.tokens import DocBin

    from extractor.dates import announcement_date
    from extractor.pipeline import Document, Extractor, Options

    extractor = Extractor(Options())
    nlp = extractor.nlp
    store = DocBin(store_user_data=True)
    start = time.time()
    for n, doc_id in enumerate(sorted(ids)):
        path = texts / f"{doc_id}.txt"
        prep = extractor._prepare(Document(doc_id, path.read_bytes(), name=path.name))
        if prep.error is not None or not prep.chunks:
            continue
        announced = announcement_date(prep.cleaned.text, fallback=prep.published)
        for doc, offset in nlp.pipe(((text, offset) for offset, text in prep.chunks), as_tuples=True):
            doc.user_data["doc_id"] = doc_id
            doc.user_data["offset"] = offset
            doc.user_data["announced"] = announced.isoformat() if announced else None
            store.add(doc)
        if n % 100 == 0:
            print(f"{n} documents, {time.time() - start:.0f} s", file=sys.stderr)
    cache.write_bytes(store.to_bytes())


def _content(text: str) -> set[str]:
    """The content words of a role, plurals made singular ("Board of Directors" shares "director")."""
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z]+", text.lower())
            if w not in _STOP}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path)
    ap.add_argument("--gold", type=Path, default=Path("corpus/train/gold.jsonl"))
    ap.add_argument("--folds", type=Path, default=Path("corpus/train/folds.json"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/frame_recall_docs.spacy"))
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--parse-only", action="store_true")
    args = ap.parse_args(argv)
    ids = _ids(args.folds)
    if not args.cache.exists():
        parse(args.texts, ids, args.cache)
    if args.parse_only:
        return 0
    return report(args, ids)


def report(args, ids: set[str]) -> int:
    from datetime import date

    from spacy.tokens import DocBin

    from extractor.evaluate import same_person, same_role
    from extractor.frames import match
    from extractor.nlp import load
    from extractor.pipeline import piece_candidates

    nlp = load()
    gold = {}
    for line in args.gold.read_text().splitlines():
        row = json.loads(line)
        if row["id"] in ids:  # never a record of the held-out fold
            gold[row["id"]] = [a for a in row.get("appointments") or [] if not a.get("optional")]
    # per document: ((forms of the person's name), post text) of each candidate of each generator
    frames: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    current: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    by_frame: Counter[str] = Counter()
    blocked: Counter[str] = Counter()
    for doc in DocBin(store_user_data=True).from_bytes(args.cache.read_bytes()).get_docs(nlp.vocab):
        doc_id = doc.user_data["doc_id"]
        if doc_id not in ids:
            continue
        announced = doc.user_data.get("announced")
        announced = date.fromisoformat(announced) if announced else None
        found_here = match(doc)
        frames.setdefault(doc_id, []).extend(((m.person.text,), m.post.text) for m in found_here)
        by_frame.update(m.frame for m in found_here)
        blocked.update(m.frame for m in found_here if m.blocked)
        cands, _ = piece_candidates(doc, announced, doc.user_data["offset"])
        current.setdefault(doc_id, []).extend(
            ((doc.text[c.person.start:c.person.end], c.person_name), c.title.text) for c in cands)

    def found(pairs, record, loose):
        for names, post in pairs:
            if not any(same_person(record["person"], n) or same_person(n, record["person"]) for n in names):
                continue
            if same_role(record["role"], post) or loose and _content(record["role"]) & _content(post):
                return True
        return False

    required = [(doc_id, r) for doc_id, records in sorted(gold.items()) for r in records]
    print(f"documents in folds 1-4: {len(ids)}; parsed (past triage): {len(set(frames) | set(current))}; "
          f"required records: {len(required)}")
    for name, pairs in (("frames", frames), ("current candidates", current)):
        strict = sum(found(pairs.get(d, []), r, False) for d, r in required)
        loose = sum(found(pairs.get(d, []), r, True) for d, r in required)
        n = sum(len(set(p)) for p in pairs.values())
        print(f"{name:20s} recall strict {strict / len(required):.3f} ({strict}/{len(required)})  "
              f"loose {loose / len(required):.3f} ({loose})  distinct (person, post) {n}, "
              f"{n / max(1, len(ids)):.2f} per document ({n / max(1, len(pairs)):.2f} per parsed document)")
    if args.misses:
        shown = 0
        for d, r in required:
            if not found(frames.get(d, []), r, True):
                cur = "current finds it" if found(current.get(d, []), r, True) else "current misses it too"
                print(f"MISS {d}: {r['person']!r} / {r['role']!r} ({r['event']}; {cur})")
                shown += 1
                if shown >= args.misses:
                    break
    print("matches per frame (blocked by a guard):")
    for frame, n in by_frame.most_common():
        print(f"  {frame:26s} {n:6d} ({blocked[frame]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
