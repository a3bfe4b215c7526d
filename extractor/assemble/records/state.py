"""What the rules of one sentence share: the sentence read, and where a mention's person stands in it."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..constructions.appositions import _appositive_end, _title_before
from ..constructions.lists import _list_end, _list_start
from ..constructions.subjects import _aside
from ..results import Found
from ..text import headline_line
from ..trigger_words import Trigger, TriggerLexicon, triggers
from ..view import DocView
from ..words import is_credential


@dataclass
class SentenceState:
    """One sentence being read: its mentions ((first token, end token, person key), in order) and
    its triggers; the records it has made (``out``), the predecessors it names (``succeeded``:
    their key, and their successor's record when known) and the mentions that have their record
    (``skip``). ``earlier`` holds the records of the sentences before."""

    view: DocView
    sent: Span
    si: int
    mentions: list[tuple[int, int, str]]
    trigs: list[Trigger]
    earlier: list[Found] | tuple = ()
    lex: TriggerLexicon = field(init=False)
    trigger_words: frozenset[str] = field(init=False)
    out: list[Found] = field(default_factory=list)
    succeeded: list[tuple[str, Found | None]] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)
    headline: bool = field(init=False)

    def __post_init__(self) -> None:
        self.lex = triggers()
        self.trigger_words = frozenset(t.tok.lower_ for t in self.trigs)
        self.headline = headline_line(self.sent)

    @property
    def doc(self) -> Doc:
        return self.view.doc


@dataclass
class Place:
    """Where the person of mention ``idx`` (tokens ``ms`` to ``me``) stands: in a list of names
    that runs from mention ``first_idx`` to mention ``last`` and ends at token ``list_end_tok``,
    after the mention that ends at ``prev_end``; ``limit``, where the next subject starts; ``head``,
    the start of the phrase that names the person (with a title before the name), and ``pre``, the
    three words before it."""

    idx: int
    ms: int
    me: int
    key: str
    first_idx: int
    last: int
    list_end_tok: int
    prev_end: int
    limit: int
    head: int
    pre: list[str]


def place(s: SentenceState, idx: int) -> Place:
    """Where the person of mention ``idx`` stands in the sentence."""
    doc, sent, view, mentions = s.doc, s.sent, s.view, s.mentions
    ms, me, key = mentions[idx]
    last = _list_end(doc, mentions, idx)
    first_idx = _list_start(doc, mentions, idx)
    list_end_tok = _past_credentials(doc, mentions[last][1], sent.end)
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
    return Place(idx, ms, me, key, first_idx, last, list_end_tok, prev_end, limit, head, pre)


def _past_credentials(doc: Doc, i: int, end: int) -> int:
    """The token after the honours and degrees written right after a name at ``i``, without a
    comma: "Dana Whitcombe MBE as ..." (one set off by commas is an appositive: "Ann Lee, CPA,
    chief financial officer")."""
    k = i
    while k < end and doc[k].is_upper and is_credential(doc[k].text):
        k += 1
    return k
