"""When the hand rules' records take effect, and which changes are background.

A record's effective date comes from its own sentence (``dates.effective_date``); these helpers
leave out changes told as background ("retired as chairman in 1983"), take a date another
sentence gives ("She will start on 3 June", "at the May 19 meeting") and share dates between a
successor and the person leaving.
"""
from __future__ import annotations

import re
from datetime import date

from .assemble import Found, triggers
from .dates import GENERATIONS, effective_date

_LONG_AGO = re.compile(
    r"\blast\s+(?:year|month|fall|spring|summer|winter)\b|\bearlier\s+this\s+year\b|\byears?\s+ago\b"
    # "was appointed president last April" (not "in the post since last June": a tenure)
    r"|(?<!since )\blast\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:previously|earlier)\s+(?:said|announced|reported)\b|\bhad\s+(?:said|announced|reported)\b"
    r"|\b(?:a|one|two|three|four|\d+)\s+(?:weeks?|months?)\s+ago\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|effective|to\s+become|to\s+succeed|to\s+replace|is\s+to|are\s+to)\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", re.IGNORECASE)  # ("In 1994, she joined ...")
#: A change dated this long before the announcement is background, not news
BACKGROUND_DAYS = 45


def is_background(sentence: str, when: date | None, announced: date | None, year: int | None = None) -> bool:
    """Is the change in this sentence an earlier one, told as background? ``year``: where a text
    that gives no announcement date stands in time (its latest dated year).

    >>> is_background("Smith quit as president of Acme in October.", date(1987, 3, 1), date(1987, 3, 23))
    False
    >>> is_background("Smith quit as president of Acme in October.", date(1986, 10, 1), date(1987, 3, 23))
    True
    >>> is_background("Jones resigned as chairman last year.", None, date(1987, 3, 23))
    True
    >>> is_background("Lee joined Acme in 2021 as CFO.", None, None, 2025)
    True
    """
    if _FUTURE.search(sentence):
        return False
    if _LONG_AGO.search(sentence):
        return True
    now = announced.year if announced is not None else year
    if now is not None and any(int(y) < now for y in _IN_YEAR.findall(sentence)):
        return True  # "Sticht retired as chairman of R.J. Reynolds in 1983"
    return when is not None and announced is not None and (announced - when).days > BACKGROUND_DAYS


#: "Sticht's appointment will be voted on ... on April 22", "French's official departure date of June 6"
_TOLD_CHANGES = frozenset({"appointment", "promotion", "election", "nomination", "retirement", "departure",
                           "resignation", "arrival", "start", "succession", "transition"})
#: "will retire at the meeting": the meeting whose date the text gives elsewhere
_AT_MEETING = re.compile(r"\b(?:at|during)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}meeting\b", re.IGNORECASE)


def dates_told_later(dated: list[tuple[Found, date | None]], sents: list, announced: date | None
                      ) -> list[tuple[Found, date | None]]:
    """Dates a record's own sentence leaves out and another sentence gives: a later sentence
    about the person's change ("Bowen's promotion aligns with ... June 6, 2025"), or the
    date of "the meeting" the change happens at ("at the May 19 meeting", "the annual meeting
    ... expected to be held in June")."""
    if all(eff is not None for _, eff in dated):
        return dated
    meeting: date | None = None
    for sent in sents:
        if "meeting" in sent.text.lower():
            meeting = meeting or _meeting_date(sent, announced)
    lex = triggers()
    verbs = lex.appoint | lex.depart | lex.promote | _STARTS
    out = []
    for found, eff in dated:
        if eff is None:
            eff = _date_of_the_next_sentence(found, dated, sents, announced, lex)
        if eff is None:
            parts = [w for w in re.split(r"[\s\-]+", found.person.text.lower()) if w.strip(".") not in GENERATIONS]
            surname = parts[-1] if parts else ""  # "Busch" of "August Busch III", "roux" of "Chastain-Roux"
            for sent in sents[found.sent_index + 1:]:
                toks = [t.lower_ for t in sent]
                # "Bowen's promotion ...", "Hendrick joined Deep MM ... in late April 2024"
                told = any(
                    w == surname and (toks[i + 1:i + 2] in (["'s"], ["’s"]) and any(x in _TOLD_CHANGES for x in toks[i + 2:i + 5])
                                      or any(_change_verb(toks, j, verbs) for j in range(i + 1, min(len(toks), i + 3)))
                                      # "Bradt, a local trader ..., assumed his duties yesterday"
                                      or toks[i + 1:i + 2] == [","] and any(x in verbs for x in _after_appositive(toks, i + 1)))
                    for i, w in enumerate(toks[:-2])
                )
                if told and not is_background(sent.text, None, announced):
                    later = effective_date(sent, announced)
                    # a month alone is its first day ("in late April"): allow a little more than
                    # BACKGROUND_DAYS, but not an old move ("joined Acme in March 2019")
                    if later is not None and (announced is None or (announced - later).days <= 2 * BACKGROUND_DAYS):
                        eff = later
                        break
        if eff is None and meeting is not None and _AT_MEETING.search(sents[found.sent_index].text):
            eff = meeting
        out.append((found, eff))
    return out


#: Verbs that tell when someone starts ("will start on 3 June", "begins work", "assumes the post")
_STARTS = frozenset({"start", "starts", "begin", "begins", "commence", "commences", "assume", "assumes"})
#: "will take up the post", "takes office", "will step down", "stands down"
_PHRASES = {"take": ("up", "office"), "takes": ("up", "office"), "step": ("down",), "steps": ("down",),
            "stand": ("down",), "stands": ("down",)}
_LEAVING_PHRASES = {"step", "steps", "stand", "stands"}


def _change_verb(toks: list[str], j: int, verbs) -> bool:
    """Is ``toks[j]`` a verb of a change ("joins", "starts", "take up", "steps down")?"""
    word = toks[j]
    if word in _PHRASES:
        return toks[j + 1:j + 2] != [] and toks[j + 1] in _PHRASES[word]
    return word in verbs


def _date_of_the_next_sentence(found: Found, dated: list[tuple[Found, date | None]], sents: list,
                               announced: date | None, lex) -> date | None:
    """The date of the sentence right after a record's own when that one opens with a pronoun for
    the person and a verb of the change: "... hired Ingrid Castellanos-Moe as its chief marketing
    officer. She will start on 3 June." ("Both will join ... from 1 January 2025" for every
    record of the sentence; "He"/"She" only when one record of the sentence fits the verb; not a
    date long before the announcement, which tells a career)."""
    i = found.sent_index + 1
    if i >= len(sents):
        return None
    toks = [t.lower_ for t in sents[i] if not t.is_space]
    if len(toks) < 3 or toks[0] not in ("he", "she", "both"):
        return None
    verbs = lex.appoint | lex.depart | _STARTS
    k = next((j for j in range(1, min(4, len(toks))) if _change_verb(toks, j, verbs)), None)
    if k is None:
        return None
    verb = toks[k]
    leaving = verb in lex.depart or verb in _LEAVING_PHRASES
    if (found.event == "departed") != leaving:
        return None
    fits = [f for f, _ in dated if f.sent_index == found.sent_index and (f.event == "departed") == leaving]
    if toks[0] in ("he", "she") and len({f.person_key for f in fits}) != 1:
        return None  # whom "she" means is not sure
    when = effective_date(sents[i], announced)
    if when is None or is_background(sents[i].text, when, announced):
        return None  # "She joined the company in March 2015 as a brand manager": her career, not this change
    return when


def _after_appositive(toks: list[str], comma: int) -> list[str]:
    """The two words after an appositive that opens at ``comma`` and closes within 16 words."""
    close = next((k for k in range(comma + 1, min(len(toks), comma + 17)) if toks[k] == ","), None)
    return toks[close + 1:close + 3] if close is not None else []


def _meeting_date(sent, announced: date | None) -> date | None:
    """The date of a meeting the sentence names: "at the May 19 meeting", "its regular meeting
    on April 22", "the annual meeting ... expected to be held in June"."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        near = [t.lower_ for t in sent.doc[max(sent.start, ent.start - 8):min(sent.end, ent.end + 3)]]
        if "meeting" in near:
            found = effective_date(sent.doc[ent.start - 1 if ent.start > sent.start else ent.start:ent.end + 1], announced)
            if found is not None:
                return found
    return None


def share_dates(dated: list[tuple[Found, date | None]]) -> list[tuple[Found, date | None]]:
    """A successor takes effect when the predecessor leaves, and the other way round:
    "Dixon will retire April 21 ... Tacke will succeed Dixon" dates both."""
    leaving = {f.person_key: eff for f, eff in dated if f.event == "departed" and eff is not None}
    arriving = {f.succeeds: eff for f, eff in dated if f.event != "departed" and f.succeeds and eff is not None}
    names = {f.person_key: f.person.text for f, _ in dated}
    out = []
    for f, eff in dated:
        if eff is None and f.event != "departed" and f.succeeds:
            eff = next((e for k, e in leaving.items() if names.get(k) == f.succeeds), None)
        if eff is None and f.event == "departed":
            eff = arriving.get(f.person.text)
        out.append((f, eff))
    # a chain of moves up: "Hodge will take over for Grubb when he assumes his new duties"
    moving_up = {f.person.text: eff for f, eff in out if f.event != "departed" and eff is not None}
    out = [(f, moving_up.get(f.succeeds) if eff is None and f.event != "departed" and f.succeeds else eff)
           for f, eff in out]
    # "Tacke will succeed Dixon ... and Keigger will become president": one sentence, one date
    per_sentence: dict[int, set[date]] = {}
    for f, eff in out:
        if eff is not None and f.event != "departed":
            per_sentence.setdefault(f.sentence.start, set()).add(eff)
    return [(f, next(iter(per_sentence[f.sentence.start]))
             if eff is None and f.event != "departed" and len(per_sentence.get(f.sentence.start, ())) == 1 else eff)
            for f, eff in out]
