"""Records of one sentence with triggers (rules 2 and 3 of the package)."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..attach.organisation import (
    _and_its_unit, _left_from, _named_by_title, _org_for_title, _same_group, _split_title, _subject_org,
    _unnamed_firm_after,
)
from ..constructions.appositions import (
    _appositive_end, _appositive_title, _as_after_appositive, _as_closing_appositive, _named_in_brackets,
    _own_clause, _title_before, _title_by_apposition,
)
from ..constructions.boards import _board_owner, _board_title
from ..constructions.governing import _and_of_reaches, _governing_trigger, _noun_of_reaches
from ..constructions.lists import _list_end, _list_start
from ..constructions.subjects import (
    _aside, _names_someone, _other_subject, _possessor, _seeks_someone, _someone_else_does,
)
from ..constructions.title_after import _left_behind, _takes_duties, _title_after_pos
from ..entities.titles import _title_words
from ..results import CharSpan, Found, _as_charspan, _span
from ..text import _title_case_line
from ..trigger_words import Trigger, _background, _in_background_clause, triggers
from ..view import DocView
from ..words import _HONORIFICS, _JOIN_WORDS


def _sentence_records(view: DocView, sent: Span, si: int, mentions, trigs: list[Trigger], earlier: list[Found] = ()) -> list[Found]:
    doc = view.doc
    lex = triggers()
    trigger_words = frozenset(t.tok.lower_ for t in trigs)
    out: list[Found] = []
    succeeded: list[tuple[str, Found | None]] = []
    skip: set[int] = set()
    headline = _title_case_line(sent) or sent.text.lstrip().startswith("#")

    def record(key, title, trig_kind, conf, rel="new", old=None, org=None, succeeds=None):
        if isinstance(title, Span) and org is None:
            parts = _split_title(title)
            if len(parts) > 1:
                # "president of the company and chairman of its Central Trust unit": two roles
                made = [record(key, part, trig_kind, conf, rel, old, None, succeeds) for part in parts]
                return made[0]
        if isinstance(title, Span):
            title = _named_in_brackets(view, title, sent.end) or title
        info = view.people.by_key[key]
        title_cs = _as_charspan(title)
        tspan = title if isinstance(title, Span) else None
        event = "departed" if trig_kind == "depart" else "promoted" if trig_kind == "promote" else "appointed"
        if event != "departed" and (
            re.search(r"\b(acting|interim)\b", title_cs.text.lower())
            or any(t.lower_ in ("temporarily", "interim") for t in sent)
        ):
            event = "interim"
        elsewhere = event != "departed" and tspan is not None and _unnamed_firm_after(doc, tspan.end, sent.end)
        if org is None and tspan is not None:
            org = _org_for_title(view, tspan, sent)
            if event == "departed":
                left = _left_from(view, sent, next((m[1] for m in mentions if m[2] == key), sent.start))
                if left is not None and (org is None or not _named_by_title(org, tspan)):
                    org = left  # "resigned from Beta Inc", not the announcing firm or the country
        first = min(m[0] for m in mentions) if mentions else sent.start
        org = view.full_org(org or _subject_org(view, sent, max(first, sent.start + 1)) or view.main_org)
        held_at = None
        if event == "appointed" and old is not None:
            old_org = _org_for_title(view, old, sent)
            if old_org is None or org is None or _same_group(view, old_org, org):
                event = "promoted"  # a move inside the group: "president of Hartmarx" to head its unit
            else:
                held_at = old_org  # "John Shad, chairman of the SEC, as ambassador": where he worked
        if headline:
            conf = min(conf, 0.7)  # the body usually says it again, in full
        f = Found(person=CharSpan(info.name, info.start, info.end), title=title_cs, organisation=org,
                  event=event, sentence=_span(sent), confidence=conf, person_key=key, sent_index=si,
                  succeeds=succeeds, headline=headline, past_employers=[held_at] if held_at is not None else [],
                  elsewhere=elsewhere)
        out.append(f)
        second = _and_its_unit(view, org, sent)
        if second is not None:
            # "president of Liberty Financial Group Inc and its Liberty Savings Bank unit": both
            out.append(Found(person=f.person, title=title_cs, organisation=second, event=event,
                             sentence=f.sentence, confidence=conf, person_key=key, sent_index=si, succeeds=succeeds))
        return f

    for idx, (ms, me, key) in enumerate(mentions):
        if idx in skip or key not in view.people.by_key:
            continue
        last = _list_end(doc, mentions, idx)
        first_idx = _list_start(doc, mentions, idx)
        list_end_tok = mentions[last][1]
        prev_end = mentions[first_idx - 1][1] if first_idx > 0 else sent.start
        app_end = _appositive_end(doc, list_end_tok, sent.end) or list_end_tok
        nxt_subject = next((j for j in range(last + 1, len(mentions))
                            if mentions[j][2] != key and mentions[j][0] >= app_end
                            and not _aside(view, mentions[j], mentions[j - 1][1])), None)
        limit = mentions[nxt_subject][0] if nxt_subject is not None else sent.end
        head = mentions[first_idx][0]
        tb = _title_before(view, head, prev_end)
        if tb is not None:
            head = tb.start  # "by executive vice president Bert Zaccaria"
        pre = [doc[i].lower_ for i in range(max(sent.start, head - 3), head)]
        # "replaced as president of the unit by August Busch III": the successor
        if "by" in pre:
            st = [t for t in trigs if t.kind == "succeed" and head - 12 <= t.tok.i < ms]
            if st:
                title = _title_after_pos(view, st[0].tok.i + 1, ms, trigger_words)
                before = [m for m in mentions if m[1] <= st[0].tok.i]
                pred = before[-1][2] if before else None
                if title is None and pred is not None:
                    # "Rogers ... was replaced by Harold Simmons": the role Rogers left
                    left = [f for f in list(earlier) + out if f.person_key == pred and f.event == "departed"]
                    title = left[0].title if left else None
                    org = left[0].organisation if left else None  # and where
                else:
                    org = None
                if title is not None:
                    f = record(key, title, "appoint", 0.8, org=org, succeeds=view.people.by_key[pred].name if pred else None)
                    if pred:
                        succeeded.append((pred, f))
                    continue
        if pre[-2:] == ["other", "than"] or pre[-1:] in (["except"], ["besides"]) or pre[-2:] == ["apart", "from"]:
            continue  # "four directors other than Cohen have resigned": not him
        if "by" in pre or "until" in pre[-2:] or _possessor(view, me):
            continue  # the agent ("nominated by President Reagan"), a possessor ("Reagan's director"), or
            # who ends an interim ("to act as interim chief executive until Mr Fairweather arrives")
        # a person after "succeeding"/"replacing" is the predecessor
        predecessor = any(
            doc[i].lower_ in lex.succeed and not any(i < m[0] < ms and m[2] != key for m in mentions)
            for i in range(max(sent.start, head - 3), head))  # not "succeed Dixon as chairman and ... Keigger"
        if predecessor:
            succeeded.append((key, None))
        # continuity: "who will remain chairman" (only when no verb after it tells a change)
        window = [doc[i].lower_ for i in range(list_end_tok, min(limit, list_end_tok + 5))]
        continuing = any(w in lex.no_change for w in window)
        made = False
        # (A) verbs after the person, each with its title: "resigned as president to become chairman"
        # (for a predecessor, only inside its own clause: "succeeding Hann, who becomes vice chairman")
        for trig in (t for t in trigs if list_end_tok <= t.tok.i < limit and (not predecessor or t.kind in ("appoint", "depart"))):
            if trig.kind == "depart" and _background(trig.tok):
                continue
            if trig.kind == "succeed" and trig.tok.i > 0 and (
                doc[trig.tok.i - 1].lower_ in ("be", "been", "being", "was", "is", "were", "are")
                or trig.tok.i + 1 < limit and doc[trig.tok.i + 1].lower_ == "by" and trig.tok.tag_ == "VBN"
            ):
                # "Colbert will be succeeded as president by Zaccaria": Colbert leaves ("Minister X
                # was being retired and replaced by Y": the post named before him)
                title = _title_after_pos(view, trig.tok.i + 1, limit, trigger_words)
                if title is None and trig.tok.i + 1 < limit and doc[trig.tok.i + 1].lower_ == "by" and not made and not any(
                    f.person_key == key and f.event == "departed" for f in out
                ):
                    title = _title_before(view, ms, prev_end) or _appositive_title(view, me, limit)
                if title is not None:
                    record(key, title, "depart", 0.85)
                    made = True
                continue
            if trig.kind == "succeed":
                # "succeeds Bill Saxon as chairman"
                nxt = [j for j in range(last + 1, len(mentions)) if mentions[j][0] > trig.tok.i]
                if not nxt or mentions[nxt[0]][0] - trig.tok.i > 3:
                    continue
                j = nxt[0]
                pj_end = mentions[j][1]
                lim2 = mentions[j + 1][0] if j + 1 < len(mentions) else sent.end
                app = _appositive_end(doc, pj_end, lim2)
                title = _title_after_pos(view, app or pj_end, lim2, trigger_words)
                pred_key = mentions[j][2]
                old = _appositive_title(view, me, limit) or _title_before(view, ms, prev_end)
                came = [f for f in list(earlier) + out if f.person_key == key and f.event != "departed"]
                if title is None and not came:
                    # "named president Edward Mahoney to the added post of chief executive officer,
                    # succeeding Broad": the post given between the name and "succeeding"
                    title = _title_after_pos(view, list_end_tok, trig.tok.i, trigger_words)
                if title is None and not came:
                    # "Kamp, formerly vice chairman, was named to replace Weinroth": Weinroth's role
                    left = [f for f in list(earlier) + out if f.person_key == pred_key and f.event == "departed"]
                    title = left[0].title if left else None
                    old = old if left else None
                if title is None:
                    # "Olin ... named to the added post of chief executive, succeeding Leo Hill",
                    # "Mathis ... replaces Herbert Shaw": the role just given
                    if came:
                        came[-1].succeeds = came[-1].succeeds or view.people.by_key[pred_key].name
                        succeeded.append((pred_key, came[-1]))
                        if not _own_clause(doc, pj_end, lim2):
                            skip.add(j)
                        made = True
                    continue
                f = record(key, title, "appoint", 0.85, old=old, succeeds=view.people.by_key[pred_key].name)
                succeeded.append((pred_key, f))
                if not _own_clause(doc, pj_end, lim2):
                    skip.add(j)  # (but "replaces Mary Sandoval, who ... will become chair": her move too)
                made = True
                continue
            if trig.kind == "appoint" and trig.tok.lower_ in lex.announce_needs_object:
                continue
            if trig.kind in ("appoint", "promote") and _names_someone(view, trig.tok, [m for m in mentions if m[2] != key]):
                continue  # "President Reagan named Thomas Lydon ...": Reagan is who appoints
            if trig.kind in ("appoint", "promote") and _seeks_someone(doc, trig.tok, limit):
                continue  # "Smith named a new chief financial officer", "intends to recruit a CRO"
            if _someone_else_does(view, trig.tok, key, ms) or _other_subject(view, trig.tok, ms):
                continue  # "Paulson sold his stake to Lubensky and resigned": Paulson resigned
            if trig.tok.pos_ == "NOUN" and not any(
                doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(me, trig.tok.i - 3), trig.tok.i)
            ):
                continue  # "Jacobs agreed to recommend a nominee for election to the board"
            title = _title_after_pos(view, trig.tok.i + 1, limit, trigger_words)
            if title is not None and trig.kind in ("appoint", "promote") and _left_behind(doc, trig.tok.i, title):
                continue  # "was promoted from her position as Director of Compliance": the post she leaves
            if title is not None and trig.kind == "depart" and any(
                    o.kind in ("appoint", "promote") and trig.tok.i < o.tok.i and o.tok.idx < _as_charspan(title).start
                    for o in trigs):
                # "X, chief financial officer, will leave the company to become president of ...": the
                # post he goes to; he leaves the one he holds
                title = _appositive_title(view, me, limit) or _title_before(view, ms, prev_end)
            if title is None and trig.tok.lower_ in _JOIN_WORDS:
                # "will join the Group as Chief Financial Officer"
                as_at = next((k for k in range(trig.tok.i + 1, min(limit, trig.tok.i + 9)) if doc[k].lower_ == "as"), None)
                if as_at is not None and not any(doc[k].pos_ in ("VERB", "AUX") and doc[k - 1].text != "-"  # "Edinburgh-based"
                                                 for k in range(trig.tok.i + 1, as_at)):
                    title = _title_after_pos(view, as_at + 1, limit, trigger_words)
            if title is None and trig.kind == "appoint" and _takes_duties(doc, trig.tok, limit):
                # "would take over his duties": the role just left
                left = [f for f in list(earlier) + out if f.event == "departed" and f.person_key != key]
                title = left[-1].title if left else None
            seat_org = None
            if title is None:
                seat = _board_title(doc, trig.tok.i, limit)
                if seat is not None:
                    title = CharSpan("director", seat.start_char, seat.end_char)
                    seat_org = _board_owner(view, seat)
            if title is None:
                continue
            old = (_appositive_title(view, me, limit) or _title_before(view, ms, prev_end)) if trig.kind != "depart" else None
            for m in range(first_idx, last + 1):
                record(mentions[m][2], title, trig.kind, 0.9, old=old if m == idx else None, org=seat_org)
                skip.add(m)
            made = True
        if made:
            continue
        # (B) the trigger governs the person from before: "named X (as) president", "the resignation of President X"
        if continuing or predecessor:
            continue
        trig = _governing_trigger(doc, trigs, ms, me, limit)
        if trig is None or trig.kind == "succeed" or _someone_else_does(view, trig.tok, key, ms):
            continue
        if trig.kind in ("appoint", "promote") and trig.tok.i >= me and _seeks_someone(doc, trig.tok, limit):
            continue  # "Smith named a new chief financial officer": Smith appoints
        if trig.tok.pos_ == "NOUN" and trig.tok.i > me and not any(
            doc[k].lower_ in ("his", "her", "their", "'s", "’s") for k in range(max(me, trig.tok.i - 3), trig.tok.i)
        ):
            continue  # "swore in secretaries to fill vacancies created by the resignations of ..."
        if trig.tok.pos_ == "NOUN" and trig.tok.i < ms and not (
            trig.tok.i < ms <= trig.tok.i + 5 and trig.tok.i + 1 < len(doc) and doc[trig.tok.i + 1].lower_ == "of"
            or trig.kind == "depart" and _noun_of_reaches(doc, trig.tok.i, ms)
            or _and_of_reaches(view, trig.tok.i, ms)
        ):
            continue  # "Commenting on the appointment, X, president of Y, said"
        if trig.kind == "appoint" and trig.tok.lower_ in lex.announce_needs_object:
            as_title = list_end_tok < limit and doc[list_end_tok].lower_ == "as"
            if not (ms > trig.tok.i and (ms - trig.tok.i <= 3 or as_title)):
                continue
        if trig.kind == "depart" and _background(trig.tok) and not (
            trig.tok.pos_ == "NOUN" and _noun_of_reaches(doc, trig.tok.i, ms)
        ):
            continue  # "after retiring from", but not "after the death of Chairman X": news
        if trig.kind == "depart" and trig.tok.pos_ == "NOUN" and _in_background_clause(trig.tok):
            continue  # "after Baker was named chief of staff following the resignation of Donald Regan"
        app = _appositive_end(doc, list_end_tok, limit)
        title = _title_after_pos(view, list_end_tok, limit, trigger_words)
        rel = "new"
        if trig.kind != "depart" and trig.tok.i < ms and (app is not None or list_end_tok < limit and doc[list_end_tok].text == ","):
            # "nominate John Shad, chairman of the SEC, as ambassador": the post after "as" is
            # the new one, the appositive the one held (its closing comma may be missing: "David
            # Lyon, currently managing director of Redland Plc as its new chief executive")
            as_at = _as_after_appositive(doc, app, limit) if app is not None else _as_closing_appositive(view, list_end_tok, limit)
            if as_at is not None:
                title = _title_after_pos(view, as_at + 1, limit, trigger_words) or title
        if title is None and app is not None:
            title = _title_after_pos(view, app, limit, trigger_words)
        held_before = None
        named_at = ms
        while named_at > 0 and doc[named_at - 1].lower_ in _HONORIFICS:
            named_at -= 1
        if trig.kind != "depart" and trig.tok.i < named_at and named_at > 0 and doc[named_at - 1].text == "," \
                and list_end_tok < limit and doc[list_end_tok].text == ",":
            # "named its chief operating officer, Samuel Finch, interim president": the title before
            # the name, in apposition to it, is the one held; the one after it is the new one
            held_before = _title_after_pos(view, trig.tok.i + 1, named_at, trigger_words)
            if held_before is not None:
                k = list_end_tok + 1 + (list_end_tok + 1 < limit and doc[list_end_tok + 1].lower_ == "as")
                while k < limit and doc[k].lower_ in ("its", "the", "a", "an", "new", "next"):
                    k += 1  # "as its new president", "as the next chief executive"
                after = _title_after_pos(view, k, limit, trigger_words) if k < limit and view.title_at.get(k) is not None else None
                if after is not None:
                    title = after
                else:
                    held_before = None
        if title is None and trig.tok.i < ms and trig.kind != "depart":
            title = _title_after_pos(view, trig.tok.i + 1, ms, trigger_words)
        if title is not None and trig.kind in ("appoint", "promote") and trig.tok.i > ms and _left_behind(doc, trig.tok.i, title):
            title = None  # "X was promoted from her position as Director of Compliance": the post left
        old = held_before or _appositive_title(view, me, limit) or _title_before(view, ms, prev_end) or _title_by_apposition(view, ms, me, prev_end)
        if trig.kind == "depart" and title is None and old is None and trig.tok.i < ms:
            # "stepping into the role of interim CEO following the resignation of Aldo Boitano":
            # the role the interim holder now fills
            filled = [f for f in out if f.event != "departed" and f.person_key != key]
            if filled:
                words = [w for w in filled[-1].title.text.split() if w.lower() not in ("interim", "acting", "temporary")]
                if words:
                    text = " ".join(words)
                    at = filled[-1].title.text.find(words[0])
                    title, rel = CharSpan(text, filled[-1].title.start + at, filled[-1].title.end), "held"
        if trig.kind == "depart" and title is None and old is not None:
            title, rel = old, "held"
        elif title is None and old is not None and trig.tok.i < ms and min(ms, old.start) > 0 \
                and doc[min(ms, old.start) - 1].lower_ in ("of", "by", "from") and any(
            k != key and trig.tok.i < s < mentions[first_idx][0] for s, _, k in mentions
        ):
            # "named Selim Hoss as acting prime minister following the assassination of Premier
            # Rashid Karami": the verb's object came before; this one only holds a title
            continue
        elif title is None and old is not None and trig.tok.i < ms:
            # "nominated X, president of Holiday Corp, ... to its board": the seat, not the old title
            seat = _board_title(doc, trig.tok.i, sent.end, reach=40)
            if seat is not None:
                title, rel = CharSpan("director", seat.start_char, seat.end_char), "board"
            else:
                title, rel = old, "pre"
        if title is None:
            board = _board_title(doc, min(trig.tok.i, me), sent.end, reach=7 if trig.tok.i > ms else 40)
            if board is None:
                # "elected a new board consisting of A, B and C"
                board_tok = next((doc[i] for i in range(max(sent.start, mentions[first_idx][0] - 6), mentions[first_idx][0])
                                  if doc[i].lower_ == "board"), None)
                if board_tok is None:
                    continue
                title = CharSpan("director", board_tok.idx, board_tok.idx + len(board_tok))
            else:
                title = CharSpan("director", board.start_char, board.end_char)
            rel = "board"
        conf = {"new": 0.85, "held": 0.75, "pre": 0.6, "board": 0.6}[rel]
        for m in range(first_idx, last + 1):
            if m == idx or m not in skip:
                record(mentions[m][2], title, trig.kind, conf, old=old if rel == "new" and m == idx else None)
                skip.add(m)
    # "succeeding James C. Hann, who becomes vice chairman": the predecessor's own new post
    for key, _ in succeeded:
        at = next((m for m in mentions if m[2] == key), None)
        if at is None or at[1] + 2 >= sent.end or doc[at[1]].text != "," or doc[at[1] + 1].lower_ != "who":
            continue
        trig = next((t for t in trigs if t.kind in ("appoint", "promote") and at[1] + 2 <= t.tok.i <= at[1] + 4), None)
        if trig is None or any(f.person_key == key and f.event != "departed" for f in out):
            continue
        title = _title_after_pos(view, trig.tok.i + 1, sent.end, trigger_words)
        if title is not None:
            record(key, title, trig.kind, 0.85)
    # predecessors leave the role their successor takes
    arrivals = [f for f in out if f.event != "departed"]
    named = {k for _, _, k in mentions}
    for key, succ in succeeded:
        if succ is None:
            others = [f for f in arrivals if f.person_key != key] or [
                # "Geddes replaces John Wojcik": a successor named here whose record came earlier
                f for f in earlier if f.event != "departed" and f.person_key != key and f.person_key in named]
            succ = others[-1] if others else None
        if succ is None or key == succ.person_key:
            continue
        info = view.people.by_key[key]
        succ.succeeds = succ.succeeds or info.name
        if any(f.person_key == key and f.event == "departed" for f in out):
            continue  # the sentence already says what he leaves ("who will step down as CFO")
        # "takes over from Laurent Béguin, Group Chief Financial Officer since 2017": his own title
        own = None
        moved_on = False
        for ms, me, k in mentions:
            if k == key:
                # "would succeed L. Paul Bremer, now the State Department's chief": he left before
                moved_on = me + 1 < sent.end and doc[me].text == "," and doc[me + 1].lower_ == "now" and any(
                    t.text in ("'s", "’s") or t.ent_type_ == "ORG" or t.lower_ in ("at", "with") for t in doc[me + 2:min(sent.end, me + 10)])
                own = _appositive_title(view, me, sent.end) or _title_before(view, ms, sent.start)
                break
        if moved_on:
            continue
        told = own is not None and bool(_title_words(own.text) & _title_words(succ.title.text))
        if not told and any(f.person_key == key and f.event != "departed" for f in list(earlier) + out):
            # "Hodge will take over for Grubb", who was named the unit's president: a move up (but
            # "replaces former chief financial officer John Wojcik, who ... assumes the new position
            # of corporate counsel" leaves the post his successor takes)
            continue
        title = _span(own) if told else _not_acting(succ.title)
        out.append(Found(person=CharSpan(info.name, info.start, info.end), title=title,
                         organisation=succ.organisation, event="departed", sentence=_span(sent),
                         confidence=0.5, person_key=key, sent_index=si))
    return out


def _not_acting(title: CharSpan) -> CharSpan:
    """The post an acting holder fills, as the one who left it held it: "acting president" ->
    "president"."""
    m = re.match(r"(?:acting|interim)\s+", title.text, re.IGNORECASE)
    if m is None or m.end() == len(title.text):
        return title
    return CharSpan(title.text[m.end():], title.start + m.end(), title.end)
