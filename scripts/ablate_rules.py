#!/usr/bin/env python3
"""Ablation of the hand rules: switch off one rule unit at a time and score the change.

usage (from the project root, the package importable)::

    python scripts/ablate_rules.py [--units NAME,...] [--sets train,dev] [--cache DIR] [--json OUT]
    python scripts/ablate_rules.py --list

Each *unit* is one rule of ``extractor/assemble`` (a construction, an attacher step, an entity
heuristic) or one entry of a word list. Switching it off is done by monkeypatching, so the
production code carries no ablation hooks:

- a function unit is replaced, in every ``extractor.assemble`` module that bound it, by a
  stand-in that returns its "no match" value (``None``, ``False``, ``[]`` ...);
- a word unit removes one entry from a set or tuple (rebound everywhere it was imported).

The texts are parsed once: the first run stores every piece's parsed ``Doc`` (a spaCy
``DocBin``, with ``doc.spans``) under ``--cache`` (default ``/tmp/ablate_cache``), keyed by the
piece's text; later runs give the ``Extractor`` a stand-in pipeline that returns the stored
docs, so that only cleaning, triage, the rules and dating run again (a piece not in the cache is
parsed). The rules' records (``Options(decision="rules")``) are scored with
``extractor.evaluate.evaluate`` against ``corpus/train/gold.jsonl`` (all documents, aggregate
scores only) and ``../shared/dev/gold.jsonl`` (a validation set: no rule is kept because of it).

The registry ``UNITS`` lists every unit of the first ablation (branch rule-ablation),
also those whose code it removed: such a unit is reported as gone.

Printed per unit: record F1, person F1, organisation accuracy, past-employer F1, news F1, and
the change in record F1 from the baseline on each set. No per-document output: the train
corpus's fold 0 is held out, and this script only ever reports aggregates.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import json
import pickle
import re
import sys
import time
from contextlib import ExitStack, contextmanager, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "train": (ROOT / "corpus/train/gold.jsonl", SHARED / "train/texts"),
    "dev": (SHARED / "dev/gold.jsonl", SHARED / "dev/texts"),
    "seeds": (SHARED / "seeds/gold.jsonl", SHARED / "seeds"),
}


# ------------------------------------------------------------------------------ parsed-doc cache


class CachedNLP:
    """A stand-in for the spaCy pipeline: ``pipe`` returns the stored parse of a text when there
    is one, else parses it with the real pipeline and stores it."""

    def __init__(self, nlp, path: Path):
        self.real = nlp
        self.vocab = nlp.vocab
        self.max_length = nlp.max_length
        self.path = path
        self.store: dict[str, bytes] = pickle.loads(path.read_bytes()) if path.exists() else {}
        self.added = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def pipe(self, items, as_tuples=False, batch_size=None):
        from spacy.tokens import DocBin

        items = list(items)
        texts = [t for t, _ in items] if as_tuples else items
        missing = [t for t in dict.fromkeys(texts) if self.key(t) not in self.store]
        if missing:
            for doc in self.real.pipe(missing, batch_size=len(missing)):
                bin_ = DocBin(store_user_data=False)
                bin_.add(doc)
                self.store[self.key(doc.text)] = bin_.to_bytes()
                self.added += 1
        for i, text in enumerate(texts):
            doc = next(iter(DocBin().from_bytes(self.store[self.key(text)]).get_docs(self.vocab)))
            yield (doc, items[i][1]) if as_tuples else doc

    def __call__(self, text: str):
        return next(self.pipe([text]))

    def __getattr__(self, name: str):
        return getattr(self.real, name)  # make_doc, pipe_names, get_pipe ... of the real pipeline

    def save(self) -> None:
        if self.added:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.store))
            self.added = 0


def _inputs(texts: Path, ids: list[str]):
    from extractor.pipeline import Document

    for doc_id in ids:
        path = next(iter(sorted(texts.glob(f"{doc_id}.*"))))
        yield Document(doc_id, path.read_bytes(), source=str(path), name=path.name)


def run_set(name: str, cached: CachedNLP) -> dict:
    """Run the rules over one set and score them (aggregates only)."""
    from extractor.evaluate import evaluate
    from extractor.pipeline import Extractor, Options

    gold_path, texts = SETS[name]
    rows = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    ex = Extractor(Options(decision="rules"), nlp=cached)
    preds = {r.document_id: r.model_dump(mode="json") for r in ex.process(_inputs(texts, [r["id"] for r in rows]))}
    cached.save()
    report = evaluate(rows, preds)
    m, acc = report.metrics, report.accuracy
    return {
        "record": m["record"].f1, "person": m["person"].f1, "organisation": acc["organisation"] or 0.0,
        "past_employers": m["past_employers"].f1, "news": m["news"].f1,
    }


# ------------------------------------------------------------------------------------ the units


def run_tests(cached: CachedNLP, tests: str) -> int:
    """How many tests of ``tests`` fail (run in this process, on cached parses): a unit with a
    test of its own fails one when it is switched off."""
    import pytest

    import extractor.nlp

    class Count:
        failed = 0

        def pytest_runtest_logreport(self, report):
            if report.failed:
                self.failed += 1

    counter = Count()
    load = extractor.nlp.load
    extractor.nlp.load = lambda name=None: cached
    try:
        with redirect_stdout(io.StringIO()):
            pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", *tests.split()], plugins=[counter])
    finally:
        extractor.nlp.load = load
    cached.save()
    return counter.failed


def _modules():
    return [m for n, m in sorted(sys.modules.items()) if n.startswith("extractor.") and m is not None]


@contextmanager
def patched(module: str, name: str, value):
    """Rebind ``module.name`` to ``value`` in every extractor module that holds the same object."""
    original = getattr(importlib.import_module(module), name)
    touched = [m for m in _modules() if getattr(m, name, None) is original]
    for m in touched:
        setattr(m, name, value)
    try:
        yield
    finally:
        for m in touched:
            setattr(m, name, original)


def off(module: str, name: str, result=None):
    """A unit that replaces function ``name`` by one returning ``result`` (a fresh copy of a list)."""
    def stand_in(*args, **kwargs):
        return list(result) if isinstance(result, list) else result
    return lambda: patched(module, name, stand_in)


def without(module: str, name: str, *entries):
    """A unit that removes ``entries`` from the set, frozenset, tuple or list ``name``."""
    def make():
        original = getattr(importlib.import_module(module), name)
        kept = [x for x in original if x not in entries]
        missing = [e for e in entries if e not in original]
        if missing:
            raise KeyError(f"{module}.{name} has no {missing}")
        return patched(module, name, type(original)(kept) if not isinstance(original, dict) else
                       {k: v for k, v in original.items() if k not in entries})
    return make


def as_is(module: str, name: str, arg: int = 0):
    """A unit that replaces function ``name`` by the identity on its argument number ``arg`` (a
    filter or rewrite switched off)."""
    return lambda: patched(module, name, lambda *args, **kwargs: args[arg])


#: The source of each module as the edits in force have made it (edits of one module stack up)
_SOURCES: dict[str, str | None] = {}


def edit(module: str, old: str, new: str = "", *more: tuple[str, str]):
    """A unit that runs ``module`` again from its source with ``old`` replaced by ``new`` (and each
    further (old, new) pair of ``more``): an inline branch or a word-list entry. What changed is
    rebound in every module that imported it."""
    def transform(source: str) -> str:
        for a, b in [(old, new), *more]:
            if source.count(a) != 1:
                raise ValueError(f"{module}: {a!r} found {source.count(a)} times, not once")
            source = source.replace(a, b)
        return source
    return rerun(module, transform)


def word(module: str, name: str, entry: str):
    """A unit that removes the string ``entry`` from the word list ``name`` (every copy of it)."""
    def transform(source: str) -> str:
        start = source.index(f"\n{name} = ") + 1
        end = source.index("}", start) + 1
        block = source[start:end]
        fixed = re.sub(rf'"{re.escape(entry)}",? ?', "", block)
        if fixed == block:
            raise ValueError(f"{module}.{name}: no {entry!r}")
        return source[:start] + fixed + source[end:]
    return rerun(module, transform)


def rerun(module: str, transform):
    """A unit that runs ``module`` again from ``transform(its source)`` (the source with the edits
    in force), rebinding what changed in every module that imported it, and back on exit."""
    @contextmanager
    def make():
        mod = importlib.import_module(module)
        kept_source = _SOURCES.get(module)
        source = transform(kept_source or Path(mod.__file__).read_text())
        before = dict(vars(mod))
        exec(compile(source, mod.__file__, "exec"), vars(mod))
        changed = {name: (value, vars(mod)[name]) for name, value in before.items()
                   if not name.startswith("__") and vars(mod).get(name) is not value}
        others = [(m, name, new_value) for name, (value, new_value) in changed.items()
                  for m in _modules() if m is not mod and getattr(m, name, None) is value]
        for m, name, new_value in others:
            setattr(m, name, new_value)
        _SOURCES[module] = source
        try:
            yield
        finally:
            _SOURCES[module] = kept_source
            vars(mod).update(before)
            for m, name, _ in others:
                setattr(m, name, changed[name][0])
    make.reruns = True  # entered before the stand-ins, which a rerun of their module would undo
    return make


A = "extractor.assemble."
C, R, T, E = A + "constructions.", A + "records.", A + "attach.", A + "entities."
UNITS: dict[str, object] = {
    # ---- records/: the sentence rules that make records
    "copula/new_members_are": off(R + "copula", "_new_members_are", []),
    "copula/listed_members": off(R + "copula", "_listed_members", []),
    "copula/newly_titled": off(R + "copula", "_newly_titled", []),
    "copula/new_title_is": off(R + "copula", "_new_title_is", []),
    "copula/new_in_apposition": off(R + "copula", "_new_in_apposition", []),
    "sentence/passed_over": off(R + "sentence", "_passed_over", False),
    "successions/successor_by_agent": off(R + "successions", "_successor_by_agent", False),
    "successions/is_predecessor": off(R + "successions", "_is_predecessor", False),
    "successions/predecessors_new_posts": off(R + "successions", "_predecessors_new_posts", None),
    "successions/predecessors_leave": off(R + "successions", "_predecessors_leave", None),
    "successions/not_acting": as_is(R + "successions", "_not_acting"),
    "verbs_after (all)": off(R + "verbs_after", "_verbs_after", False),
    "verbs_after/passive_succession": off(R + "verbs_after", "_passive_succession", False),
    "verbs_after/succeeds_someone": off(R + "verbs_after", "_succeeds_someone", False),
    "verbs_after/verb_gives_title": off(R + "verbs_after", "_verb_gives_title", False),
    "verbs_after/speaks_of_another": off(R + "verbs_after", "_speaks_of_another", False),
    "trigger_before (all)": off(R + "trigger_before", "_trigger_before", None),
    "trigger_before/held_in_apposition": off(R + "trigger_before", "_held_in_apposition", (None, None)),
    "trigger_before/filled_by_interim": off(R + "trigger_before", "_filled_by_interim", None),
    "trigger_before/board_seat": off(R + "trigger_before", "_board_seat", None),
    "build/split_title": off(T + "organisation", "_split_title", []),
    "build/promotion": edit(R + "build", "    held_at = None\n    if event", "    held_at = None\n    if False and event"),
    "build/and_its_unit": off(T + "organisation", "_and_its_unit", None),
    "appointments/pronoun_focus": edit(A + "appointments", 'if tok.lower_ in ("he", "she") and last_key', 'if False and last_key'),
    "appointments/him_her_after_trigger": edit(A + "appointments", 'if tok.lower_ in ("him", "her") and', 'if False and'),
    # ---- constructions/
    "appositions/appositive_end": off(C + "appositions", "_appositive_end", None),
    "appositions/as_after_appositive": off(C + "appositions", "_as_after_appositive", None),
    "appositions/as_closing_appositive": off(C + "appositions", "_as_closing_appositive", None),
    "appositions/title_by_apposition": off(C + "appositions", "_title_by_apposition", None),
    "appositions/title_before": off(C + "appositions", "_title_before", None),
    "appositions/appositive_title": off(C + "appositions", "_appositive_title", None),
    "appositions/own_clause": off(C + "appositions", "_own_clause", False),
    "appositions/named_in_brackets": off(C + "appositions", "_named_in_brackets", None),
    "boards/board_title": off(C + "boards", "_board_title", None),
    "boards/board_owner": off(C + "boards", "_board_owner", None),
    "governing/noun_of_reaches": off(C + "governing", "_noun_of_reaches", False),
    "governing/and_of_reaches": off(C + "governing", "_and_of_reaches", False),
    "governing/other_verb_between": off(C + "governing", "_other_verb_between", False),
    "lists/listed": off(C + "lists", "_listed", False),
    "lists/listed_below": off(C + "lists", "_listed_below", []),
    "lists/item_name": off(C + "lists", "_item_name", None),
    "subjects/possessor": off(C + "subjects", "_possessor", False),
    "subjects/aside": off(C + "subjects", "_aside", False),
    "subjects/possessed_object": off(C + "subjects", "_possessed_object", False),
    "subjects/other_subject": off(C + "subjects", "_other_subject", False),
    "subjects/someone_else_does": off(C + "subjects", "_someone_else_does", False),
    "subjects/subject_before": off(C + "subjects", "_subject_before", False),
    "subjects/seeks_someone": off(C + "subjects", "_seeks_someone", False),
    "subjects/names_someone": off(C + "subjects", "_names_someone", False),
    "title_after/plural_title": off(C + "title_after", "_plural_title", None),
    "title_after/after_by": off(C + "title_after", "_after_by", False),
    "title_after/from_to": as_is(C + "title_after", "_from_to", 1),
    "title_after/owned_title_end": off(C + "title_after", "_owned_title_end", None),
    "title_after/takes_duties": off(C + "title_after", "_takes_duties", False),
    "title_after/left_behind": off(C + "title_after", "_left_behind", False),
    # ---- attach/
    "organisation/org_for_title": off(T + "organisation", "_org_for_title", None),
    "organisation/same_group": off(T + "organisation", "_same_group", False),
    "organisation/unit_named_before": off(T + "organisation", "_unit_named_before", None),
    "organisation/left_from": off(T + "organisation", "_left_from", None),
    "organisation/subject_org": off(T + "organisation", "_subject_org", None),
    "organisation/unnamed_firm_after": off(T + "organisation", "_unnamed_firm_after", False),
    "organisation/names_the_firm": off(T + "organisation", "_names_the_firm", False),
    "government/ministry": off(T + "government", "_ministry", None),
    "government/country": off(T + "government", "_country", None),
    "government/government_post": off(T + "government", "_government_post", False),
    "employers/employer_candidates (all)": off(T + "employers", "_employer_candidates", []),
    "employers/school_segment": off(T + "employers", "_school_segment", False),
    "employers/is_school": off(T + "employers", "_is_school", False),
    "employers/modifies_a_noun": off(T + "employers", "_modifies_a_noun", False),
    "employers/acts_as_person": off(T + "employers", "_acts_as_person", False),
    "employers/names_no_firm": off(T + "employers", "_names_no_firm", False),
    "employers/arrives_before": off(T + "employers", "_arrives_before", False),
    "employers/possessed_unit": off(T + "employers", "_possessed_unit", None),
    "employers/list_as_well_as": edit(T + "employers", 'if n + 3 < sent.end and doc[n].text == ","', 'if False'),
    "employers/list_comma_and": edit(T + "employers", 'elif n + 2 < sent.end and doc[n].text == "," and doc[n + 1].lower_ == "and"', 'elif False'),
    "employers/lists (all)": edit(T + "employers", 'if n + 1 < sent.end and doc[n].lower_ in ("and", ",", "as")', 'if False'),
    "past_employers/left_for_new": off(T + "past_employers", "_left_for_new", None),
    "past_employers/attach (all)": off(T + "past_employers", "_attach_past_employers", None),
    "predecessor/every_post_of_predecessor": as_is(T + "predecessor", "_every_post_of_predecessor"),
    "predecessor/former_holders": off(T + "predecessor", "_former_holders", []),
    # ---- entities/
    "acronyms/acronyms": off(E + "acronyms", "_acronyms", {}),
    "acronyms/short_names_of": off(E + "acronyms", "_short_names_of", {}),
    "main_org/main_org (all)": off(E + "main_org", "_main_org", None),
    "main_org/headline_org": off(E + "main_org", "_headline_org", None),
    "main_org/subject_name": off(E + "main_org", "_subject_name", None),
    "names_by_context (all)": off(E + "names_by_context", "_names_by_context", []),
    "names_by_context/joined_at_saint": as_is(E + "names_by_context", "_joined_at_saint"),
    "names_by_context/left_out_first_name": off(E + "names_by_context", "_left_out_first_name", False),
    "names_by_context/passive_change_follows": off(E + "names_by_context", "_passive_change_follows", False),
    "names_by_context/succession_follows": off(E + "names_by_context", "_succession_follows", False),
    "organisations/institution": off(E + "organisations", "_institution", False),
    "organisations/bang (En Marche!)": edit(E + "organisations", 'if t.text in ("!",) and not doc[j - 1].whitespace_:', 'if False:',
                                            ('doc[end - 1].text not in (".", "!")', 'doc[end - 1].text not in (".",)')),
    "people/first_of_two_surnames": off(E + "people", "_first_of_two_surnames", None),
    "people/not_a_person": off(E + "people", "_not_a_person", False),
    "people/part_of_a_firm_name": off(E + "people", "_part_of_a_firm_name", False),
    "people/in_firm_name": off(E + "people", "_in_firm_name", False),
    # ---- resolve, trigger guards
    "resolve/committee_seat": off(A + "resolve", "_committee_seat", False),
    "resolve/seats_with_posts": as_is(A + "resolve", "seats_with_posts"),
    "resolve/merge": as_is(A + "resolve", "_merge"),
    "trigger_words/speculative": off(A + "trigger_words", "_speculative", False),
    "trigger_words/background": off(A + "trigger_words", "_background", False),
    "trigger_words/in_background_clause": off(A + "trigger_words", "_in_background_clause", False),
}
for _w in ("covid", "cluster", "region", "conseil", "audit", "specialty"):
    UNITS[f"word _ORG_WORDS {_w}"] = word(A + "words", "_ORG_WORDS", _w)
for _w in ("succession", "plan", "transition"):
    UNITS[f"word _STOP_CAPS {_w}"] = word(A + "words", "_STOP_CAPS", _w)
UNITS["word _FUNCTION_WORDS mentor"] = word(T + "employers", "_FUNCTION_WORDS", "mentor")
UNITS["names/_LEGAL from _LEGAL_SUFFIXES (refactor)"] = edit(
    A + "names", '''_LEGAL = {"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp", "sa",
          "ag", "nv", "bv", "gmbh", "the", "group", "holdings", "of", "and", "&"}''',
    '''_LEGAL = _LEGAL_SUFFIXES | {"corporation", "company", "limited", "the", "group", "holdings", "of", "and", "&"}''')
UNITS["word _NOT_NATIONALITIES (all)"] = lambda: patched(T + "government", "_NOT_NATIONALITIES", set())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", help="comma-separated unit names (default: all); 'baseline' is always run")
    ap.add_argument("--sets", default="train,dev")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ablate_cache"))
    ap.add_argument("--json", type=Path, help="write the table as JSON here")
    ap.add_argument("--list", action="store_true", help="list the units and stop")
    ap.add_argument("--together", action="store_true",
                    help="switch the --units off all at once (one row), to measure a set of removals")
    ap.add_argument("--tests", help="also count the failing tests of these pytest arguments (e.g. tests/test_rules.py)")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(UNITS))
        return 0
    from extractor.nlp import load

    import extractor.pipeline  # noqa: F401  (imports every assemble module, so that patches reach them)
    nlp = load()
    sets = args.sets.split(",")
    caches = {s: CachedNLP(nlp, args.cache / f"{s}.pickle") for s in [*sets, "tests"]}
    names = list(UNITS) if args.units is None else [n for n in args.units.split(",") if n]
    unknown = [n for n in names if n not in UNITS]
    if unknown:
        ap.error(f"unknown units {unknown}; see --list")
    table: dict[str, dict] = {}
    t0 = time.time()
    rows = [("baseline", [])]
    rows += [(" + ".join(names), names)] if args.together else [(n, [n]) for n in names]
    for name, units in rows:
        with ExitStack() as stack:
            try:
                for unit in sorted(units, key=lambda u: not getattr(UNITS[u], "reruns", False)):
                    stack.enter_context(UNITS[unit]())
            except (AttributeError, KeyError, ValueError) as exc:  # the rule's code is gone
                print(f"{name:40s} not in the code any more ({type(exc).__name__}: {exc})", flush=True)
                continue
            table[name] = {s: run_set(s, caches[s]) for s in sets}
            if args.tests:
                table[name]["tests_failed"] = run_tests(caches["tests"], args.tests)
        row = table[name]
        base = table["baseline"]
        cells = "  ".join(
            f"{s}: rec {row[s]['record']:.4f} ({row[s]['record'] - base[s]['record']:+.4f}) per {row[s]['person']:.4f} "
            f"org {row[s]['organisation']:.4f} pe {row[s]['past_employers']:.4f} news {row[s]['news']:.4f}"
            for s in sets)
        tests = f"  tests failed: {row['tests_failed']}" if args.tests else ""
        print(f"{name:40s} {cells}{tests}  [{time.time() - t0:.0f}s]", flush=True)
        if args.json:
            args.json.write_text(json.dumps(table, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
