#!/usr/bin/env bash
# Throughput figures of issue 6, each measured side by side in one run (see the README's "Speed").
#
#   scripts/bench.sh [WORKDIR]      (default /tmp/extractor-bench; nothing is written into the repo)
#
# Builds, under WORKDIR, from ../shared/dev/texts and corpus/:
#   mixed500/   500 documents: the dev texts and the corpus, copied until there are 500
#   firehose/   500 documents, 1 in 10 appointment news (dev documents whose gold says so); the
#               other 450 are the dev documents whose gold says they are no appointment news (people
#               with titles, background moves: most pass triage) and made-up wire items about
#               markets, earnings and deals (seeded; one in ten mentions a past move in passing)
#   firehose-plain/  the same 50 appointment news with 450 made-up items that never mention a move
#   long/one/   one 1 MB document (dev texts and corpus, one after the other)
#   long/small/ the same text cut at paragraph breaks into documents of about 10 kB
# then runs, each printing its table:
#   1. extractor benchmark mixed500              ours vs spaCy's default and ner-only pipelines
#   2+3. extractor benchmark mixed500 --workers 2   2 workers vs 1, peak RSS per process
#   4. cold start: one document on stdin vs python -c "import spacy; spacy.load(MODEL)", 10 runs each
#   5. extractor benchmark firehose             ours (triage) vs ner-only, plus ours without triage
#   6. 1 MB document vs 10 kB documents, per byte
#   7. only with FLAT_DOCS=N: memory of every process sampled over an N-document run (2 workers)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/extractor-bench}"
shared="${SHARED:-$here/../shared}"
repeat="${REPEAT:-3}"
python="${PYTHON:-python}"
extractor="${EXTRACTOR:-extractor}"
mkdir -p "$work"

"$python" - "$here" "$shared" "$work" <<'PY'
import json, random, shutil, sys
from pathlib import Path

here, shared, work = map(Path, sys.argv[1:])
sources = sorted((shared / "dev" / "texts").glob("*.txt")) + sorted((here / "corpus").glob("*.txt"))

def fresh(folder):
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder

mixed = fresh(work / "mixed500")
for i in range(500):
    src = sources[i % len(sources)]
    shutil.copy(src, mixed / f"r{i // len(sources)}-{src.name}")

# 1 in 10 appointment news: documents the dev gold marks as appointment news
gold = [json.loads(line) for line in (shared / "dev" / "gold.jsonl").read_text().splitlines() if line.strip()]
news = [shared / "dev" / "texts" / f"{g['id']}.txt" for g in gold if g.get("is_appointment_news")]
not_news = [shared / "dev" / "texts" / f"{g['id']}.txt" for g in gold if not g.get("is_appointment_news")]
rng = random.Random(6)
fire = fresh(work / "firehose")
COMPANIES = ["Harlan Steel", "Medora Foods", "Pacific Tanker", "Orland Mining", "Keystone Savings",
             "Brightwater Utilities", "Calder Chemical", "Northgate Insurance", "Summit Paper",
             "Vexley Electronics", "Granger Shipping", "Tamsin Textiles", "Delmar Oil", "Ridgeway Stores"]
PLACES = ["NEW YORK", "CHICAGO", "LONDON", "TOKYO", "HOUSTON", "FRANKFURT", "SYDNEY", "TORONTO"]
PEOPLE = ["Robert Hale", "Susan Marsh", "Kenji Sato", "Ingrid Olsen", "David Kerr", "Maria Lopes"]
COMMODITIES = ["cocoa", "coffee", "sugar", "wheat", "copper", "crude oil", "soybeans", "tin"]

def n(lo, hi, digits=1):
    return f"{rng.uniform(lo, hi):.{digits}f}"

def filler(co):
    """More paragraphs of ordinary business news, for articles of a few hundred words."""
    return rng.choice([
        f"{co} shares closed {rng.choice(['up', 'down'])} {rng.randint(1, 3)}-{rng.choice(['1/8', '1/4', '1/2', '3/4'])} "
        f"at {rng.randint(12, 80)} on volume of {n(100, 900, 0)},000 shares, against an average of about "
        f"{n(100, 900, 0)},000 shares a day over the past month.",
        f"The company said it expects capital spending of about {n(20, 200, 0)} mln dlrs this year, most of it "
        f"on new equipment at its plants in {rng.choice(['Ohio', 'Texas', 'Ontario', 'Georgia'])} and "
        f"{rng.choice(['Alabama', 'Quebec', 'Oregon', 'Kansas'])}, against {n(20, 200, 0)} mln dlrs last year.",
        f"Industry analysts said demand in the sector had recovered since the autumn, helped by lower "
        f"interest rates and a weaker dollar, which made exports cheaper for foreign buyers.",
        f"{co} has about {n(2, 40, 0)},{rng.randint(100, 999)} employees and sells its products in more than "
        f"{rng.randint(10, 60)} countries. About {rng.randint(20, 70)} pct of its sales come from outside the U.S.",
        f"The company said its order backlog stood at {n(100, 900)} mln dlrs at the end of the quarter, up "
        f"from {n(100, 900)} mln dlrs a year earlier, and that it saw no need for further price cuts.",
        f"Competitors including {rng.choice(COMPANIES)} and {rng.choice(COMPANIES)} have also reported "
        f"stronger results in recent weeks, and several have raised their forecasts for the year.",
        f"In a statement, the company said the figures reflected a {rng.choice(['one-time charge', 'tax credit', 'currency gain'])} "
        f"of {n(1, 30)} mln dlrs, or {rng.randint(2, 40)} cts a share, taken in the period.",
    ])

def background(co):
    """A past move told in passing: triage passes it, the rules should find no appointment in it."""
    who = rng.choice(PEOPLE)
    return rng.choice([
        f"{who}, who was named chief executive of {co} in {rng.randint(1975, 1985)}, said the company would "
        f"keep its dividend unchanged.",
        f"{who}, a former president of {rng.choice(COMPANIES)} who joined {co} in {rng.randint(1975, 1985)}, "
        f"told reporters the plan had the support of the board.",
    ])

BACKGROUND = 0.1  # share of made-up items that mention a past move in passing

def article(head, co, *paras):
    body = list(paras) + [filler(co) for _ in range(rng.randint(2, 6))]
    if rng.random() < BACKGROUND:
        body.insert(rng.randint(0, len(body)), background(co))
    return "\n\n".join([head] + body)

def earnings(co):
    table = "\n".join([f"Shr {n(10, 90, 0)} cts vs {n(10, 90, 0)} cts", f"Net {n(1, 90)} mln vs {n(1, 90)} mln",
                       f"Revs {n(50, 900)} mln vs {n(50, 900)} mln", f"Year shr {n(1, 4, 2)} dlrs vs {n(1, 4, 2)} dlrs",
                       f"Net {n(10, 300)} mln vs {n(10, 300)} mln"])
    return article(f"{co.upper()} INC 4TH QTR NET", co, table,
                   f"The company said results included a gain of {n(1, 9)} mln dlrs from the sale of "
                   f"its {rng.choice(['trucking', 'printing', 'leasing'])} unit.")

def commodity(co):
    c = rng.choice(COMMODITIES)
    paras = [f"{rng.choice(PLACES)}, March {rng.randint(2, 28)} - {c.capitalize()} prices rose {n(1, 9)} pct this "
             f"week on steady demand from importers and thin offers from producers, traders said."]
    for _ in range(rng.randint(2, 5)):
        paras.append(rng.choice([
            f"Arrivals for the week were {n(50, 400, 0)},{rng.randint(100, 999)} tonnes against "
            f"{n(50, 400, 0)},{rng.randint(100, 999)} a year ago.",
            f"Shippers were reluctant to offer nearby positions and only limited sales were booked "
            f"for May shipment at {n(900, 2000, 0)} dlrs per tonne to ports to be named.",
            "Routine sales were made to the U.S. and convertible currency areas.",
            f"Stocks in official warehouses fell by {n(1, 20, 0)},{rng.randint(100, 999)} tonnes.",
            f"Dealers expect the market to remain firm until the new crop arrives in {rng.choice(['June', 'July'])}.",
        ]))
    return article(f"{c.upper()} MARKET REVIEW", co, *paras)

def deal(co):
    other = rng.choice([c for c in COMPANIES if c != co])
    return article(
        f"{co.upper()} TO BUY {other.upper()} UNIT", co,
        f"{rng.choice(PLACES)}, April {rng.randint(2, 28)} - {co} Corp said it agreed to buy the "
        f"{rng.choice(['packaging', 'chemicals', 'software', 'freight'])} unit of {other} Inc for about "
        f"{n(20, 400, 0)} mln dlrs in cash.",
        f"{co} chairman {rng.choice(PEOPLE)} said the purchase would add to earnings in the first full year. "
        f"He added that financing had been arranged with a group of banks.",
        f"The unit had sales of {n(50, 300, 0)} mln dlrs last year. The deal needs the approval of "
        f"regulators and is expected to close in the third quarter.")

def markets(co):
    paras = [f"NEW YORK, May {rng.randint(2, 28)} - Stock prices {rng.choice(['rose', 'fell'])} in active trading "
             f"as investors weighed interest rates and the dollar. The Dow Jones industrial average was "
             f"{rng.choice(['up', 'down'])} {n(1, 30, 2)} points at {n(2000, 2400, 2)}."]
    for _ in range(rng.randint(1, 4)):
        paras.append(rng.choice([
            f"Advances led declines {n(700, 900, 0)} to {n(500, 700, 0)} on volume of {n(120, 200, 0)} mln shares.",
            "\"The market is looking for direction,\" said one trader. \"Nobody wants to commit before the "
            "jobs report,\" he added.",
            f"{co} rose {rng.randint(1, 3)} to {rng.randint(20, 80)} after reporting higher profits.",
            "Analysts said bond prices were steady after the Treasury's refunding auction.",
        ]))
    return article(f"U.S. STOCKS {rng.choice(['EDGE HIGHER', 'FALL', 'MIXED'])} IN ACTIVE TRADING", co, *paras)

def economy(co):
    return article(
        f"{rng.choice(['JAPAN', 'WEST GERMAN', 'U.K.'])} TRADE SURPLUS {rng.choice(['WIDENS', 'NARROWS'])}", co,
        f"{rng.choice(PLACES)}, June {rng.randint(2, 28)} - The trade surplus {rng.choice(['widened', 'narrowed'])} "
        f"to {n(1, 9, 2)} billion dlrs in May from {n(1, 9, 2)} billion in April, the finance ministry said.",
        f"Exports rose {n(1, 9)} pct while imports fell {n(1, 9)} pct, the ministry said. Economists had "
        f"expected a surplus of about {n(1, 9, 1)} billion dlrs.")

def dividend(co):
    return article(
        f"{co.upper()} SETS QUARTERLY DIVIDEND", co,
        f"{rng.choice(PLACES)}, July {rng.randint(2, 28)} - {co} Inc said its board of directors declared a "
        f"quarterly dividend of {n(5, 60, 0)} cts a share, payable August {rng.randint(1, 28)} to holders of "
        f"record July {rng.randint(1, 28)}.")

def launch(co):
    return article(
        f"# {co} Introduces New {rng.choice(['Cloud Platform', 'Battery Line', 'Payments App'])}", co,
        f"{rng.choice(PLACES).title()}, September {rng.randint(2, 28)}, 2024 -- {co} today announced the launch "
        f"of a product for mid-sized businesses, available from next month in North America and Europe.",
        f"\"Our customers asked for something simpler,\" said {rng.choice(PEOPLE)}, Chief Technology Officer of "
        f"{co}. \"This is the result of two years of work with them.\"",
        f"The product is priced from {rng.randint(10, 90)} dollars a month. {co} will show it at trade fairs "
        f"in {rng.choice(['Berlin', 'Las Vegas', 'Singapore'])} and {rng.choice(['Paris', 'Chicago', 'Seoul'])}.")

KINDS = [earnings, earnings, commodity, deal, markets, markets, economy, dividend, dividend, launch]
picked = [rng.choice(news) for _ in range(50)]
hard = rng.sample(not_news, min(45, len(not_news)))
for i in range(500):
    if i % 10 == 0:
        src = picked[i // 10]
        (fire / f"{i:03d}-news-{src.name}").write_bytes(src.read_bytes())
    elif i % 10 == 5 and hard:
        src = hard.pop()
        (fire / f"{i:03d}-not-news-{src.name}").write_bytes(src.read_bytes())
    else:
        kind = rng.choice(KINDS)
        (fire / f"{i:03d}-{kind.__name__}.txt").write_text(kind(rng.choice(COMPANIES)) + "\n")
plain = fresh(work / "firehose-plain")
BACKGROUND = 0.0
for i in range(500):
    if i % 10 == 0:
        src = picked[i // 10]
        (plain / f"{i:03d}-news-{src.name}").write_bytes(src.read_bytes())
    else:
        kind = rng.choice(KINDS)
        (plain / f"{i:03d}-{kind.__name__}.txt").write_text(kind(rng.choice(COMPANIES)) + "\n")

# one 1 MB document, and the same text as documents of about 10 kB
texts = [p.read_text(errors="replace").strip() for p in sources]
paragraphs, size, k = [], 0, 0
while size < 1_000_000:
    text = texts[k % len(texts)]
    k += 1
    paragraphs.append(text)
    size += len(text.encode()) + 2
big = "\n\n".join(paragraphs).encode()[:1_000_000].decode(errors="ignore").rsplit("\n\n", 1)[0]
one, small = fresh(work / "long" / "one"), fresh(work / "long" / "small")
(one / "big.txt").write_text(big + "\n")
piece, size, j = [], 0, 0
for par in big.split("\n\n"):
    piece.append(par)
    size += len(par.encode()) + 2
    if size >= 10_000:
        (small / f"s{j:03d}.txt").write_text("\n\n".join(piece) + "\n")
        piece, size, j = [], 0, j + 1
if piece:
    (small / f"s{j:03d}.txt").write_text("\n\n".join(piece) + "\n")
print(f"made {work}: mixed500, firehose, firehose-plain, long/one, long/small")
PY

echo; echo "== 1. end to end, one process: ours vs spaCy default and ner-only (mixed500)"
"$extractor" benchmark "$work/mixed500" --repeat "$repeat"
echo; echo "== 2+3. two workers vs one, peak RSS (mixed500)"
"$extractor" benchmark "$work/mixed500" --repeat "$repeat" --workers 2
echo; echo "== 4. cold start: one document on stdin"
"$python" - "$here/corpus/ann-014.txt" <<'PY'
import statistics, subprocess, sys, time
from extractor.nlp import resolve_model_name

doc = open(sys.argv[1], "rb").read()
model = resolve_model_name()
runs = {"python -c 'import spacy; spacy.load(MODEL)'": (["python", "-c", f"import spacy; spacy.load({model!r})"], None),
        "extractor extract - < doc": (["extractor", "extract", "-"], doc)}
times = {name: [] for name in runs}
for _ in range(10):
    for name, (cmd, data) in runs.items():
        start = time.perf_counter()
        subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
for name, values in times.items():
    print(f"{name:45s} median {statistics.median(values):.3f} s (range {min(values):.3f}-{max(values):.3f})")
a, b = (statistics.median(v) for v in times.values())
print(f"extract / spacy.load: {b / a:.2f}x")
PY
echo; echo "== 5. firehose (1 in 10 appointment news): ours vs ner-only, and ours without triage"
# (python -c, not a here-document: the benchmark's spawned processes must not re-read the main script)
"$python" -c '
import sys
from extractor.benchmark import benchmark
print(benchmark([sys.argv[1]], repeat=int(sys.argv[2]), baselines=("no_triage", "ner")).format_table())
' "$work/firehose" "$repeat"
echo "-- the same with made-up items that never mention a move (firehose-plain)"
"$python" -c '
import sys
from extractor.benchmark import benchmark
print(benchmark([sys.argv[1]], repeat=int(sys.argv[2]), baselines=("ner",)).format_table())
' "$work/firehose-plain" "$repeat"
echo; echo "== 6. one 1 MB document vs 10 kB documents, per byte"
"$python" -c '
import sys
from pathlib import Path
from extractor.benchmark import benchmark
root = Path(sys.argv[1])
cost = {}
for name in ("one", "small"):
    report = benchmark([root / name], repeat=int(sys.argv[2]), baselines=())
    size = sum(p.stat().st_size for p in (root / name).glob("*.txt"))
    seconds = sorted(report.ours.seconds)[len(report.ours.seconds) // 2]
    cost[name] = seconds / size
    print(f"{name:5s}: {report.documents:3d} documents, {size:,} bytes, median {seconds:.2f} s "
          f"(range {min(report.ours.seconds):.2f}-{max(report.ours.seconds):.2f}), {cost[name] * 1e6:.2f} us/byte, "
          f"peak RSS {report.ours.peak_rss_mb:.0f} MB")
ratio = cost["one"] / cost["small"]
print(f"1 MB document / 10 kB documents, per byte: {ratio:.2f}x")
' "$work/long" "$repeat"

# 7. (FLAT_DOCS=20000 scripts/bench.sh) memory over a long run: mixed500 hard-linked until there are
# FLAT_DOCS documents, extracted with 2 workers while the RSS of every process is sampled every 10 s
flat="${FLAT_DOCS:-0}"
if [ "$flat" -gt 0 ]; then
  echo; echo "== 7. memory over $flat documents, 2 workers (RSS in MB of each process, every 10 s)"
  dst="$work/flat"; rm -rf "$dst"; mkdir -p "$dst"
  i=0
  while [ $(( i * 500 )) -lt "$flat" ]; do
    i=$(( i + 1 )); mkdir "$dst/$i"; cp -l "$work"/mixed500/*.txt "$dst/$i/"
  done
  "$extractor" extract "$dst" --workers 2 -q -o "$work/flat.jsonl" &
  pid=$!; start=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    echo "t=$(( $(date +%s) - start ))s rss_mb: $(ps -eo rss=,args= | grep -E 'multiprocessing|extractor extract' | grep -v grep | awk '{printf "%d ", $1/1024}')"
    sleep 10
  done
  wait "$pid"
  echo "$(wc -l < "$work/flat.jsonl") records written"
fi
