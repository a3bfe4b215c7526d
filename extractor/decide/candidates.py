"""Candidates for the trained decision: every (person, title) pair a sentence could announce as
a move, with the organisations that could hold the post and the ones that could be past
employers, each described by the features the model reads.

Candidates come from two sources, merged: the records of the hand rules (``assemble``), and,
for recall, each person mention paired with each title in a sentence that holds a change cue
(the trigger words of ``data/triggers.json``) or places the title right beside the name. The
model then decides which pairs are moves, which organisation holds each post and which
organisations are past employers (``decide.model``). Everything here is plain data (offsets
into the doc's text, strings), so candidates can be cached and re-scored across folds.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc, Span

from ..assemble import CharSpan, DocView, Found, find_triggers, fold, is_given_name, make_view
from ..assemble.words import _BOARD_MEMBERS, BOARD_MODIFIERS, BOARD_WORDS
from ..dates import effective_date, looks_like_wire_copy

T = TypeVar("T")

#: Person-title pairs further apart than this many tokens are not candidates.
MAX_PAIR_DISTANCE = 30
#: Words that, between a name and a title, make an apposition or a "named X as Y".
GLUE = frozenset({",", "as", "the", "its", "a", "an", "new", "is", "was", "will", "be", "become", "becomes",
                  "named", "appointed", "to", "of", "and", "has", "been", "serve", "serves", "also"})
CAREER_CUES = frozenset({
    "previously", "formerly", "former", "prior", "before", "earlier", "spent", "served", "serving", "held",
    "joined", "joins", "joining", "comes", "came", "from", "veteran", "career", "most", "recently", "years",
    "was", "had", "worked", "led", "headed", "founded", "co-founded", "where", "after", "alumnus",
})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTE = re.compile(r"[\"“”]")


@dataclass
class Option:
    """An organisation that could fill a slot of a candidate (its post, or a past employer)."""

    span: CharSpan
    features: list[str]
    rule: bool = False  # the hand rules chose it


@dataclass
class Candidate:
    """A (person, title) pair that may be a move, with its organisation and employer options."""

    person: CharSpan  # the mention, offsets in the doc's text
    person_name: str  # the fullest form the text gives
    person_key: str
    title: CharSpan
    sentence: CharSpan
    sent_index: int
    event: str  # appointed | promoted | interim | departed (the rules', else from the cue)
    effective: date | None
    features: list[str]
    orgs: list[Option] = field(default_factory=list)
    employers: list[Option] = field(default_factory=list)
    succeeds: str | None = None
    rule: bool = False
    offset: int = 0  # where the doc's text starts in the cleaned text (a long document is parsed in pieces)
    kept: int | None = None  # this is the hand rules' record number ``kept`` of the document (they keep it)


def _bucket(n: int, edges=(0, 1, 2, 3, 5, 8, 13, 21)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def _tw(doc: Doc, i: int) -> str:
    """A token's lower-case text for a feature: "<s>"/"</s>" past the ends, "<nl>" for white space."""
    if i < 0:
        return "<s>"
    if i >= len(doc):
        return "</s>"
    return "<nl>" if doc[i].is_space else doc[i].lower_


def _words(doc: Doc, start: int, end: int) -> list[str]:
    return [t.lower_ for t in doc[start:end] if not t.is_space]


def _first_words(doc: Doc, start: int, end: int, limit: int) -> list[str]:
    """``_words(doc, start, end)``, read no further than its first ``limit`` words."""
    out: list[str] = []
    for i in range(start, end):
        if not doc[i].is_space:
            out.append(doc[i].lower_)
            if len(out) == limit:
                break
    return out


def _cs(span: Span) -> CharSpan:
    return CharSpan(span.text, span.start_char, span.end_char)


def _head_word(title: Span) -> str:
    words = [t.lower_ for t in title if t.is_alpha]
    return words[-1] if words else ""


def _title_words(title: Span) -> list[str]:
    return [t.lower_ for t in title if t.is_alpha][:6]


def _cue_near(triggers, i: int):
    return min(triggers, key=lambda t: abs(t.tok.i - i), default=None)


def pair_features(view: DocView, sent: Span, si: int, p: tuple[int, int, str], title: Span, triggers,
                  rule: Found | None) -> list[str]:
    """What the model reads about one (person, title) pair."""
    doc = view.doc
    ps, pe, key = p
    f = ["bias"]
    lo, hi = (pe, title.start) if pe <= title.start else (title.end, ps)
    between = _words(doc, lo, hi) if hi > lo else []
    f.append("order=" + ("p_t" if pe <= title.start else "t_p"))
    f.append("gap=" + _bucket(len(between)))
    if len(between) <= 4:
        f.append("between=" + "_".join(between))
    f.extend("bw=" + w for w in set(between) if w in GLUE)
    f.append("glue_only=" + str(all(w in GLUE for w in between)))
    f.append("head=" + _head_word(title))
    f.extend("tw=" + w for w in _title_words(title))
    f.append("title_len=" + _bucket(len(title)))
    f.append("title_cap=" + str(title[0].text[:1].isupper()))
    trig = _cue_near(triggers, ps)
    if trig is None:
        f.append("cue=none")
    else:
        f.append("cue=" + trig.kind)
        f.append("cue_w=" + trig.tok.lower_)
        f.append("cue_dist=" + _bucket(abs(trig.tok.i - ps)))
        f.append("cue_side=" + ("before" if trig.tok.i < ps else "after"))
        f.append("cue_title_side=" + ("before" if trig.tok.i < title.start else "after"))
        f.append(f"cue_kind_order={trig.kind}_{'p_t' if pe <= title.start else 't_p'}")
        head = doc[ps:pe].root
        f.append("p_dep=" + head.dep_ + ("_cue" if head.head.i == trig.tok.i else ""))
        f.append("cue_tag=" + trig.tok.tag_)
        f.append("cue_kinds=" + "_".join(sorted({t.kind for t in triggers})))
    t_root = title.root
    f.append("t_dep=" + t_root.dep_)
    if ps <= t_root.head.i < pe:
        f.append("t_head=person")
    prev = _tw(doc, ps - 1)
    f.append("p_prev=" + prev)
    f.append("p_prev2=" + _tw(doc, ps - 2) + "_" + prev)
    f.append("p_next=" + _tw(doc, pe))
    f.append("sent=" + _bucket(si, (0, 1, 2, 3, 5)))
    text = sent.text
    f.append("said=" + str(" said" in text or " says" in text))
    f.append("quote=" + str(bool(_QUOTE.search(text))))
    f.append("year=" + str(bool(_YEAR.search(text))))
    f.append("will=" + str(" will " in text))
    persons, titles = _sentence_counts(view, sent)
    f.append("persons=" + _bucket(persons, (1, 2, 3, 5)))
    f.append("titles=" + _bucket(titles, (1, 2, 3, 5)))
    info = view.people.by_key.get(key)
    f.append("mention=" + ("full" if info is not None and doc[ps:pe].text == info.name else
                           "pron" if pe - ps == 1 and doc[ps].lower_ in ("he", "she", "him", "her") else "part"))
    f.append("upper=" + str(sent.text.isupper()))
    f.extend(person_features(view, ps, pe, key))
    if rule is not None:
        f.extend(["rule", "rule_event=" + rule.event, "rule_conf=" + f"{rule.confidence:.2f}",
                  "rule_headline=" + str(rule.headline), "rule_org=" + str(rule.organisation is not None)])
    else:
        f.append("norule")
    return f


def person_features(view: DocView, ps: int, pe: int, key: str) -> list[str]:
    """Is the "person" a person? The NER's label, a known given name, the shape of the name."""
    doc = view.doc
    labels = {t.ent_type_ for t in doc[ps:pe] if t.ent_type_} or {"none"}
    info = view.people.by_key.get(key)
    name = info.name if info is not None else doc[ps:pe].text
    words = name.split()
    f = ["p_ent=" + "_".join(sorted(labels)), "p_words=" + _bucket(len(words), (1, 2, 3, 4))]
    f.append("p_given=" + str(bool(words) and is_given_name(fold(words[0]))))
    f.append("p_upper=" + str(name.isupper()))
    if fold(name) in view_org_names(view):
        f.append("p_is_org")
    f.extend("pw=" + w.lower() for w in words[:1] if not is_given_name(fold(w)))
    return f


def _once(view: DocView, kind: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once per document (``view.cache``) for each ``kind`` and ``key``."""
    memo = view.cache.setdefault(kind, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _mentions(view: DocView, sent: Span) -> list[tuple[int, int, str]]:
    """``view.people.mentions(sent)``, once per sentence of the doc."""
    return _once(view, "mentions", (sent.start, sent.end), lambda: view.people.mentions(sent))


def _sentence_counts(view: DocView, sent: Span) -> tuple[int, int]:
    """How many people and titles a sentence names, once per sentence of the doc."""
    return _once(view, "counts", (sent.start, sent.end), lambda: (
        len({k for _, _, k in _mentions(view, sent)}), sum(1 for t in view.titles if sent.start <= t.start < sent.end)))


def _sentence_marks(view: DocView, sent: Span) -> tuple[set[str], bool, bool]:
    """A sentence's career cues, and whether it has " said" and a quotation mark (once per sentence)."""
    def marks() -> tuple[set[str], bool, bool]:
        text = sent.text
        return set(_words(view.doc, sent.start, sent.end)) & CAREER_CUES, " said" in text, bool(_QUOTE.search(text))

    return _once(view, "marks", (sent.start, sent.end), marks)


def view_org_names(view: DocView) -> frozenset[str]:
    return _once(view, "org_names", None,
                 lambda: frozenset(fold(e.text) for e in view.doc.ents if e.label_ == "ORG"))


_ORG_CONTEXT = frozenset({"of", "at", "for", "with", "joins", "joined", "join", "from", "to", "'s", "’s", "by", "and"})


def org_features(view: DocView, cand_sent: Span, org: Span, title: Span, ps: int, sources: set[str],
                 rule_org: CharSpan | None) -> list[str]:
    """What the model reads about an organisation as the holder of a candidate's post."""
    doc = view.doc
    f = ["bias"] + sorted(sources)
    if not any(x.startswith("src=") for x in sources):
        f.append("src=elsewhere")
    before = _tw(doc, org.start - 1)
    f.append("o_prev=" + before)
    f.append("o_prev2=" + _tw(doc, org.start - 2) + "_" + before)
    f.append("o_next=" + _tw(doc, org.end))
    if org.end <= title.start:
        f.append("o_side=before_title")
    elif org.start >= title.end:
        f.append("o_side=after_title")
        gap = _first_words(doc, title.end, org.start, 4)
        f.append("o_title_gap=" + ("_".join(gap) if len(gap) <= 3 else "far"))
    else:
        f.append("o_side=in_title")
    if cand_sent.start <= org.start < cand_sent.end:
        f.append("o_dist=" + _bucket(min(abs(org.start - ps), abs(org.start - title.end))))
    words = [t.lower_ for t in org if t.is_alpha]
    f.extend("ow=" + w for w in words[:6])
    f.append("o_len=" + _bucket(len(org), (1, 2, 3, 4, 6)))
    f.append("o_label=" + org.label_)
    f.append("o_caps=" + str(all(t.text[:1].isupper() for t in org if t.is_alpha)))
    return f


def employer_features(view: DocView, sent: Span, org: Span, mention: int, rule_pe: bool, same_as_post: bool) -> list[str]:
    """What the model reads about an organisation as a past employer of a candidate's person."""
    doc = view.doc
    f = ["bias"]
    cues, said, quote = _sentence_marks(view, sent)
    f.extend("cue=" + w for w in cues)
    before = _tw(doc, org.start - 1)
    f.append("e_prev=" + before)
    f.append("e_prev2=" + _tw(doc, org.start - 2) + "_" + before)
    f.append("e_next=" + _tw(doc, org.end))
    f.append("e_dist=" + _bucket(abs(org.start - mention)))
    f.append("e_side=" + ("after" if org.start > mention else "before"))
    f.extend("ew=" + w for w in [t.lower_ for t in org if t.is_alpha][:6])
    f.append("e_label=" + org.label_)
    f.append("e_said=" + str(said))
    f.append("e_quote=" + str(quote))
    if rule_pe:
        f.append("rule_pe")
    if same_as_post:
        f.append("is_post_org")
    main = view.main_org
    if main is not None and fold(main.text) == fold(org.text):
        f.append("main")
    return f


def _orgs(doc: Doc) -> list[Span]:
    return [e for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]


ANNOUNCE_AFTER = frozenset({"announced", "announces", "announce", "appointed", "appoints", "named", "names",
                            "welcomes", "welcomed", "promoted", "promotes", "hired", "hires", "elected", "elects",
                            "said", "says", "today", "has", "have", "is", "adds", "added", "taps", "tapped"})
#: Most organisations of a document offered for one post (the most frequent first).
MAX_ORG_OPTIONS = 25


@dataclass
class OrgEntry:
    """One organisation of a document: its mentions and what the document says around them."""

    mentions: list[Span]
    flags: set[str]


def org_index(view: DocView, org_ents: list[Span]) -> dict[str, OrgEntry]:
    """The document's organisations by folded name, with where and how they are named."""
    doc = view.doc
    index: dict[str, OrgEntry] = {}
    headline_end = view.sents[0].end if view.sents else 0
    text = doc.text  # spaCy joins the tokens anew at each ``doc.text``
    for e in org_ents:
        key = fold(e.text)
        if not key:
            continue
        entry = index.setdefault(key, OrgEntry([], set()))
        entry.mentions.append(e)
        if e.start < headline_end:
            entry.flags.add("d_headline")
        line_start = text.rfind("\n", 0, e.start_char) + 1
        if re.match(r"\s*#*\s*about\s*$", text[line_start:e.start_char], re.IGNORECASE):
            entry.flags.add("d_about")
        after = [t.lower_ for t in doc[e.end:e.end + 3] if not t.is_punct]
        if after[:1] and after[0] in ANNOUNCE_AFTER:
            entry.flags.add("d_announcer")
        if doc[e.end:e.end + 2].text.startswith(("(NYSE", "(NASDAQ", "(Nasdaq", "(TSX", "(OTC", "(LSE", "<", "(CSE")):
            entry.flags.add("d_ticker")
    return index


def _ranked(view: DocView, index: dict[str, OrgEntry]) -> list[tuple[str, OrgEntry]]:
    """The document's organisations offered for a post, the most often named first (once per index)."""
    return _once(view, "ranked", id(index), lambda: sorted(
        index.items(), key=lambda kv: (-len(kv[1].mentions), kv[1].mentions[0].start))[:MAX_ORG_OPTIONS])


def _options_for(view: DocView, sent_index: int, title: Span, ps: int, rule: Found | None,
                 index: dict[str, OrgEntry]) -> list[Option]:
    sents = view.sents
    sent = sents[sent_index]
    windows = {"sent": (sent.start, sent.end)}
    if sent_index > 0:
        windows["prev"] = (sents[sent_index - 1].start, sents[sent_index - 1].end)
    if sent_index + 1 < len(sents):
        windows["next"] = (sents[sent_index + 1].start, sents[sent_index + 1].end)
    main = fold(view.main_org.text) if view.main_org is not None else None
    rule_org = rule.organisation if rule is not None else None
    ranked = list(_ranked(view, index))
    if rule_org is not None and fold(rule_org.text) not in dict(ranked):
        span = view.doc.char_span(rule_org.start, rule_org.end, alignment_mode="expand")
        if span is not None:
            ranked.append((fold(rule_org.text), OrgEntry([span], set())))
    options = []
    wire = is_wire_copy(view)
    for key, entry in ranked:
        sources = set(entry.flags)
        near = None
        for name, (lo, hi) in windows.items():
            inside = [m for m in entry.mentions if lo <= m.start < hi]
            if inside:
                sources.add("src=" + name)
                near = near or min(inside, key=lambda m: abs(m.start - ps))
        if key == main:
            sources.add("src=main")
        is_rule = rule_org is not None and key == fold(rule_org.text)
        if is_rule:
            sources.add("src=rule")
        span = near or entry.mentions[0]
        sources.add("d_count=" + _bucket(len(entry.mentions), (1, 2, 3, 5, 8)))
        sources.add("d_first=" + _bucket(sum(1 for s in sents if s.end <= entry.mentions[0].start), (0, 1, 2, 3, 5, 8)))
        features = org_features(view, sent, span, title, ps, sources, rule_org)
        options.append(Option(_cs(span), features + ["W:" + f for f in features] if wire else features,
                              rule=is_rule))
    return options


def is_wire_copy(view: DocView, told: bool | None = None) -> bool:
    """Is the document a wire story by its layout (``dates.looks_like_wire_copy``): what the
    caller was ``told`` by the text before its datelines were blanked, else the doc's text.
    Wire copy names organisations otherwise than a press release does, so each organisation
    feature of such a document is given twice, once ``W:`` prefixed, and the model weighs them
    apart, as the wire stories it is trained on teach it."""
    return _once(view, "wire", None, lambda: looks_like_wire_copy(view.doc.text) if told is None else told)


def _employers_for(view: DocView, key: str, org_ents: list[Span], rule: Found | None) -> list[Option]:
    """Organisations named in the stretch of text about the person: each sentence that mentions
    them, and the sentences after it until another person is mentioned; and the past employers
    the hand rules found."""
    sents = view.sents
    rule_pes = {(p.start, p.end): p for p in (rule.past_employers if rule is not None else [])}
    options: dict[tuple[int, int], Option] = {}
    about, mark, where = False, 0, "mention"
    for si, sent in enumerate(sents):
        mentions = _mentions(view, sent)
        mine = [m for m in mentions if m[2] == key]
        if mine:
            about, mark, where = True, mine[0][0], "mention"
        elif mentions:
            about = False
        elif about:
            where = "following"
        if not about:
            continue
        for org in org_ents:
            if sent.start <= org.start < sent.end:
                at = (org.start_char, org.end_char)
                feats = employer_features(view, sent, org, mark, at in rule_pes, False) + ["e_where=" + where]
                options.setdefault(at, Option(_cs(org), feats, rule=at in rule_pes))
    doc = view.doc
    for at, pe in rule_pes.items():
        if at not in options:
            span = doc.char_span(pe.start, pe.end, alignment_mode="expand")
            if span is not None:
                sent = next((s for s in sents if s.start <= span.start < s.end), None)
                if sent is not None:
                    feats = employer_features(view, sent, span, span.start, True, False) + ["e_where=rule_only"]
                    options[at] = Option(CharSpan(pe.text, pe.start, pe.end), feats, rule=True)
    return list(options.values())


def board_titles(doc: Doc, sent: Span, taken: set[int]) -> list[Span]:
    """Seats on a board, council or committee as titles ("Advisory Board", "Board of Directors",
    "Scientific Advisory Council"), where the title finder found no title."""
    out = []
    for tok in sent:
        if tok.lower_ not in BOARD_WORDS or tok.i in taken:
            continue
        start = tok.i
        while start > sent.start and doc[start - 1].lower_ in BOARD_MODIFIERS:
            start -= 1
        end = tok.i + 1
        if end + 1 < sent.end and doc[end].lower_ == "of" and doc[end + 1].lower_ in _BOARD_MEMBERS:
            end += 2
        if any(i in taken for i in range(start, end)):
            continue
        out.append(Span(doc, start, end, label="TITLE"))
    return out


def _role_text(title: Span) -> str:
    """The role a title span names: a seat on the board of directors is "director"."""
    words = [t.lower_ for t in title]
    if words[:1] == ["board"] and words[-1:] in (["directors"], ["trustees"], ["governors"]) or words == ["board"]:
        return "director"
    return title.text


def doc_candidates(doc: Doc, announced: date | None, rule_found: list[Found], kept: dict[int, tuple[Found, date | None]],
                   view: DocView | None = None, only_kept: bool = False, wire: bool | None = None) -> list[Candidate]:
    """Every candidate of a parsed doc. ``rule_found`` are the hand rules' records before their
    filters, ``kept`` maps ``id(found)`` to (found, effective date) for those the rules keep, in
    the order of their records (a candidate that is one of them gets its number as ``kept``).
    ``only_kept``: only those candidates (the same as among all of them), for the combined
    decision, which scores the rules' records and nothing else."""
    view = view or make_view(doc)
    is_wire_copy(view, wire)  # settled once for the document here; every option built below reads it
    org_ents = _orgs(doc)
    index = org_index(view, [e for e in org_ents if e.label_ == "ORG"])
    by_pair: dict[tuple[str, int], Found] = {}
    for found in rule_found:
        by_pair[(found.person_key, found.title.start)] = found
    title_spans = {t.start_char: t for t in view.titles}
    out: list[Candidate] = []
    seen: set[tuple[str, int]] = set()
    rule_titles = sorted({found.title.start for found in rule_found})
    for si, sent in enumerate(view.sents):
        if only_kept and not _holds_any(rule_titles, sent.start_char, sent.end_char):
            continue  # no record of the rules here: nothing to make, nothing to mark seen
        triggers = find_triggers(sent)
        mentions = _mentions(view, sent)
        titles = [t for t in view.titles if sent.start <= t.start < sent.end]
        if triggers:
            taken = {i for t in titles for i in range(t.start, t.end)}
            titles += board_titles(doc, sent, taken)
        for p in mentions:
            for title in titles:
                dist = title.start - p[1] if p[1] <= title.start else p[0] - title.end
                rule = by_pair.get((p[2], title.start_char))
                near = 0 <= dist <= 3 and all(w in GLUE for w in _words(doc, min(p[1], title.end), max(p[0], title.start)))
                if rule is None and (dist > MAX_PAIR_DISTANCE or not (triggers or near)):
                    continue
                if (p[2], title.start_char) in seen:
                    continue
                seen.add((p[2], title.start_char))
                if only_kept and (rule is None or id(rule) not in kept):
                    continue
                out.append(_candidate(view, si, sent, p, title, triggers, rule, kept, announced, org_ents, index))
    # rule records whose title or person is not a span here (a board seat read from "board", a pronoun)
    for found in rule_found:
        if (found.person_key, found.title.start) in seen:
            continue
        seen.add((found.person_key, found.title.start))
        if only_kept and id(found) not in kept:
            continue
        title = title_spans.get(found.title.start) or doc.char_span(found.title.start, found.title.end,
                                                                       alignment_mode="expand")
        person = doc.char_span(found.person.start, found.person.end, alignment_mode="expand")
        if title is None or person is None or found.sent_index >= len(view.sents):
            continue
        sent = view.sents[found.sent_index]
        p = (person.start, person.end, found.person_key)
        out.append(_candidate(view, found.sent_index, sent, p, title, find_triggers(sent), found, kept, announced,
                              org_ents, index))
    return out


def _holds_any(offsets: list[int], start: int, end: int) -> bool:
    """Does [start, end) hold one of the sorted ``offsets``?"""
    at = bisect.bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def _sentence_date(view: DocView, sent: Span, announced: date | None) -> date | None:
    """``effective_date(sent, announced)``, read once per sentence."""
    return _once(view, "dates", (sent.start, sent.end, announced), lambda: effective_date(sent, announced))


def _position(kept: dict[int, tuple[Found, date | None]], rule: Found | None) -> int | None:
    """The number of ``rule``'s record among those the rules keep, or None."""
    if rule is None or id(rule) not in kept:
        return None
    return list(kept).index(id(rule))


def _candidate(view, si, sent, p, title, triggers, rule, kept, announced, org_ents, index) -> Candidate:
    doc = view.doc
    info = view.people.by_key.get(p[2])
    name = info.name if info is not None else doc[p[0]:p[1]].text
    if rule is not None:
        event, succeeds = rule.event, rule.succeeds
        eff = kept[id(rule)][1] if id(rule) in kept else _sentence_date(view, sent, announced)
    else:
        trig = _cue_near(triggers, p[0])
        event = {"depart": "departed", "promote": "promoted"}.get(trig.kind if trig else "", "appointed")
        if any(t.lower_ in ("interim", "acting") for t in title):
            event = "interim"
        succeeds, eff = None, _sentence_date(view, sent, announced)
    feats = pair_features(view, sent, si, p, title, triggers, rule)
    if rule is not None and id(rule) not in kept:
        feats.append("rule_dropped")
    if rule is not None:
        person, title_cs = rule.person, rule.title  # the rules' own reading ("director" for "board")
    elif info is not None:
        person = CharSpan(info.name, info.start, info.end)
        title_cs = CharSpan(_role_text(title), title.start_char, title.end_char)
    else:
        person = CharSpan(name, doc[p[0]].idx, doc[p[1] - 1].idx + len(doc[p[1] - 1]))
        title_cs = CharSpan(_role_text(title), title.start_char, title.end_char)
    cand = Candidate(
        person=person, person_name=name, person_key=p[2], title=title_cs, sentence=_cs(sent), sent_index=si,
        event=event, effective=eff, features=feats, succeeds=succeeds, rule=rule is not None,
        kept=_position(kept, rule))
    cand.orgs = _options_for(view, si, title, p[0], rule, index)
    if rule is None:  # the same for every candidate of the person: worked out once
        cand.employers = list(_once(view, "employers", p[2], lambda: _employers_for(view, p[2], org_ents, None)))
    else:
        cand.employers = _employers_for(view, p[2], org_ents, rule)
    return cand
