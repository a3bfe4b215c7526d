"""Cleaning stage: text -> the text kept for extraction, with a map back to the original.

``clean`` works in three steps, each small enough to read on its own:

1. **normalise** characters (CRLF, control and zero-width characters, odd spaces, HTML
   entities), recording an offset map;
2. **classify** lines: line rules (login forms, share bars, links, ...); then, until
   nothing more drops, whole-paragraph rules (cookie banners, legal disclaimers),
   sections that run from an opening line (``About X``, ``Related stories``,
   ``Media contact:``, ...) and runs of menu entries;
3. **lay out** the kept lines: paragraphs separated by a blank line, hard-wrapped lines of
   one paragraph (wire copy) joined by a space.

Cleaning is idempotent: ``clean(clean(x).text).text == clean(x).text``.

The rules (phrases, regex parts, thresholds) live in ``data/boilerplate.json`` and are
validated when loaded. Every regex there is anchored to one line and uses bounded
repetition only, so cleaning stays linear in the size of the text.

>>> result = clean("Acme names Jane Roe CEO\\r\\n\\r\\nShare\\r\\nAcme Corp said Jane Roe &amp; Co ...")
>>> result.text
'Acme names Jane Roe CEO\\n\\nAcme Corp said Jane Roe & Co ...'
>>> [d.kind for d in result.dropped]
['share']
"""
from __future__ import annotations

import functools
import html
import itertools
import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .offsets import OffsetMap, OffsetMapBuilder

logger = logging.getLogger(__name__)

KINDS = (
    "login", "nav", "cookie", "share", "related", "footer", "ad",
    "about", "contact", "link", "disclaimer", "separator", "comments",
)  # fmt: skip


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DroppedBlock:
    """A stretch of the original text that cleaning left out, and why."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class CleanText:
    """The original text, the text kept for extraction, and how they line up."""

    source: str
    text: str
    dropped: tuple[DroppedBlock, ...] = ()
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``source`` it came from.

        For a span inside one kept run, ``source[s:e]`` is the original of those
        characters (an ``&amp;`` for an ``&``, a CRLF for a newline).

        >>> c = clean("Tom &amp; Jerry")
        >>> c.text, c.to_source(4, 5)
        ('Tom & Jerry', (4, 9))
        """
        if self.offsets is None:
            return OffsetMap.identity(len(self.text)).to_source(start, end)
        return self.offsets.to_source(start, end)


# --------------------------------------------------------------------------- rules


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(_Strict):
    wrap_min_chars: int
    heading_max_words: int
    heading_min_capitalised: float
    date_line_max_words: int
    menu_line_max_words: int
    menu_line_max_chars: int
    menu_min_lines: int
    button_bar_max_words: int
    nav_part_max_words: int
    contact_line_max_words: int
    contact_opener_max_words: int
    section_return_min_chars: int
    contact_prose_min_words: int
    about_keep_min_pronouns: int
    long_line_chars: int


class ButtonBar(_Strict):
    """A line made only of these words, at least one of them ``core``: ``Share Tweet Email``."""

    kind: str
    core: list[str]
    filler: list[str]

    @field_validator("kind")
    @classmethod
    def _known(cls, kind: str) -> str:
        return _check_kind(kind)


class NavSeparator(_Strict):
    """A regex that splits a one-line menu into ``min_parts`` or more short parts."""

    split: str
    min_parts: int


class BlockRule(_Strict):
    """A paragraph containing every phrase of ``all`` and one of ``any`` (case-folded),
    and at most ``max_chars`` long (0: any length), is dropped as ``kind``."""

    kind: str
    all: list[str] = []
    any: list[str]
    max_chars: int = 0

    @field_validator("kind")
    @classmethod
    def _known(cls, kind: str) -> str:
        return _check_kind(kind)


class SectionOpener(_Strict):
    """Lines that open a section, and where the section ends.

    ``until``: ``return`` = a long prose paragraph (related-stories lists run to the end),
    ``heading`` = the next heading-like line, ``prose`` = the next sentence-like paragraph.
    ``glued_patterns`` match a heading run into its paragraph (``About AcmeAcme is ...``).
    """

    kind: str
    until: Literal["return", "heading", "prose"]
    title_case: bool = False
    phrases: list[str] = []
    patterns: list[str] = []
    glued_patterns: list[str] = []

    @field_validator("kind")
    @classmethod
    def _known(cls, kind: str) -> str:
        return _check_kind(kind)


class BoilerplateRules(_Strict):
    """The schema of ``data/boilerplate.json``.

    Patterns may name a part of ``regex_parts`` as ``{part}``; every pattern must compile
    once the parts are filled in.
    """

    version: str
    description: list[str] = []
    thresholds: Thresholds
    regex_parts: dict[str, str] = {}
    line_phrases: dict[str, list[str]]
    line_patterns: dict[str, list[str]]
    standalone_patterns: dict[str, list[str]]
    button_bars: list[ButtonBar]
    nav_separators: list[NavSeparator]
    contact_markers: list[str]
    list_item: str
    section_openers: list[SectionOpener]
    block_rules: list[BlockRule]
    date_patterns: list[str]
    pronouns: list[str]
    minor_words: list[str]
    abbreviations: list[str]

    @field_validator("line_phrases", "line_patterns", "standalone_patterns")
    @classmethod
    def _known_kinds(cls, table: dict[str, list[str]]) -> dict[str, list[str]]:
        for kind in table:
            _check_kind(kind)
        return table

    @model_validator(mode="after")
    def _patterns_compile(self) -> BoilerplateRules:
        patterns = [
            *(p for ps in (*self.line_patterns.values(), *self.standalone_patterns.values()) for p in ps),
            *(sep.split for sep in self.nav_separators),
            *self.contact_markers, self.list_item, *self.date_patterns,
            *(p for o in self.section_openers for p in (*o.patterns, *o.glued_patterns)),
        ]  # fmt: skip
        for pattern in patterns:
            self.compile(pattern)
        return self

    def compile(self, pattern: str) -> re.Pattern[str]:
        """Compile ``pattern`` with its ``{part}`` names filled in from ``regex_parts``.

        >>> BoilerplateRules.model_construct(regex_parts={"year": "[0-9]{4}"}).compile("in {year}").pattern
        'in [0-9]{4}'
        """
        expanded = _PART.sub(lambda m: self.regex_parts.get(m.group(1), m.group()), pattern)
        try:
            return re.compile(expanded)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from exc


# A named part inside a pattern: ``{month}``; ``{1,3}`` is a quantifier and stays.
_PART = re.compile(r"\{([a-z_]+)\}")


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown block kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind


def _phrase_key(text: str) -> str:
    """The form a line takes for phrase lookup: case-folded, spaces collapsed, a trailing
    colon or ellipsis dropped.

    >>> _phrase_key("  Share  This: "), _phrase_key("Search this blog...")
    ('share this', 'search this blog')
    """
    key = " ".join(text.casefold().split())
    for suffix in (":", "...", "…"):
        key = key.removesuffix(suffix)
    return key.rstrip()


@dataclass(frozen=True)
class _Opener:
    kind: str
    until: str
    title_case: bool
    patterns: tuple[re.Pattern[str], ...]
    glued: tuple[re.Pattern[str], ...]


class Rules:
    """Compiled cleaning rules. Build with ``load_rules``."""

    def __init__(self, spec: BoilerplateRules):
        self.spec = spec
        self.t = spec.thresholds
        self.phrases: dict[str, str] = {}
        for kind, phrases in spec.line_phrases.items():
            for phrase in phrases:
                self.phrases.setdefault(_phrase_key(phrase), kind)
        self.line_patterns = _compile_table(spec, spec.line_patterns)
        self.standalone_patterns = _compile_table(spec, spec.standalone_patterns)
        self.button_bars = [(bar.kind, frozenset(bar.core), frozenset(bar.core + bar.filler)) for bar in spec.button_bars]
        self.nav_separators = [(spec.compile(sep.split), sep.min_parts) for sep in spec.nav_separators]
        self.contact_markers = [spec.compile(p) for p in spec.contact_markers]
        self.list_item = spec.compile(spec.list_item)
        self.openers = [
            _Opener(
                o.kind, o.until, o.title_case,
                tuple(spec.compile(p) for p in o.patterns),
                tuple(spec.compile(p) for p in o.glued_patterns),
            )
            for o in spec.section_openers
        ]  # fmt: skip
        self.opener_phrases: dict[str, _Opener] = {}
        for spec_opener, opener in zip(spec.section_openers, self.openers):
            for phrase in spec_opener.phrases:
                self.opener_phrases.setdefault(_phrase_key(phrase), opener)
        self.block_rules = [
            (rule.kind, tuple(p.casefold() for p in rule.all), tuple(p.casefold() for p in rule.any), rule.max_chars)
            for rule in spec.block_rules
        ]
        self.dates = [spec.compile(p) for p in spec.date_patterns]
        self.pronouns = frozenset(spec.pronouns)
        self.minor_words = frozenset(spec.minor_words)
        self.abbreviations = frozenset(spec.abbreviations)


def _compile_table(spec: BoilerplateRules, table: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, spec.compile(p)) for kind, patterns in table.items() for p in patterns]


def load_rules(path: str | Path | None = None) -> Rules:
    """Load and validate cleaning rules (default: the packaged ``data/boilerplate.json``)."""
    if path is None:
        return _default_rules()
    return _rules_from_text(Path(path).read_text(encoding="utf-8"))


@functools.cache
def _default_rules() -> Rules:
    text = resources.files("extractor").joinpath("data/boilerplate.json").read_text(encoding="utf-8")
    return _rules_from_text(text)


def _rules_from_text(text: str) -> Rules:
    return Rules(BoilerplateRules.model_validate(json.loads(text)))


# --------------------------------------------------------------------------- step 1: normalise

# Odd spaces become a plain space (same length, so offsets do not move).
_SPACES = {cp: " " for cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
# Line and page breaks that are not "\n"; C0/C1 controls and invisible format characters.
_SPECIAL = re.compile(
    r"(?P<cr>\r\n?)"
    r"|(?P<brk>[\x0b\x0c\x85\u2028\u2029])"
    r"|(?P<gone>[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+)"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Characters an entity is made of: a decoded entity must not produce them (except a lone
# "&" before a non-entity character), or cleaning the result again would decode more.
_ENTITY_CHARS = re.compile(r"[A-Za-z0-9#;&]")
_ENTITY_START = re.compile(r"[A-Za-z0-9#]")


def _normalise_fragment(text: str) -> str:
    """Normalise a short string (a decoded entity) the way ``normalise`` does a document.

    >>> _normalise_fragment("\\xa0")
    ' '
    """
    text = text.translate(_SPACES)
    return _SPECIAL.sub(lambda m: "" if m.group("gone") else "\n", text)


def _decoded_entity(text: str, match: re.Match[str]) -> str | None:
    """What an entity becomes, or None to leave it as written.

    >>> _decoded_entity("a &amp; b", _ENTITY.search("a &amp; b"))
    '&'
    >>> _decoded_entity("&amp;lt;", _ENTITY.search("&amp;lt;")) is None
    True
    """
    decoded = _normalise_fragment(html.unescape(match.group()))
    if not decoded or decoded == match.group():
        return None
    if decoded == "&":
        following = text[match.end() : match.end() + 1]
        return None if _ENTITY_START.match(following) else decoded
    return None if _ENTITY_CHARS.search(decoded) else decoded


def _rewrite(
    text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]
) -> tuple[str, OffsetMap]:
    """Apply ``replace(match) -> str | None`` to every match, recording the offsets."""
    parts: list[str] = []
    builder = OffsetMapBuilder()
    last = 0
    for match in pattern.finditer(text):
        new = replace(match)
        if new is None:
            continue
        parts.append(text[last : match.start()])
        builder.copy(last, match.start() - last)
        parts.append(new)
        builder.replace(match.start(), match.end(), len(new))
        last = match.end()
    parts.append(text[last:])
    builder.copy(last, len(text) - last)
    return "".join(parts), builder.build(len(text))


def characters(text: str) -> str:
    """``text`` with characters normalised as ``normalise`` does, without an offset map (for a
    quick look at the words of a raw text).

    >>> characters("chief\u00adexecutive&nbsp;officer")
    'chiefexecutive officer'
    """
    step1 = _normalise_fragment(text)
    return _ENTITY.sub(lambda m: _decoded_entity(step1, m) or m.group(), step1) if "&" in step1 else step1


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Normalise characters; return the new text and its map onto ``text``.

    >>> normalise("caf\\u00e9&nbsp;&amp; bar\\r\\n\\x00ok")[0]
    'café & bar\\nok'
    """
    spaced = text.translate(_SPACES)
    step1, map1 = _rewrite(spaced, _SPECIAL, lambda m: "" if m.group("gone") else "\n")
    step2, map2 = _rewrite(step1, _ENTITY, lambda m: _decoded_entity(step1, m))
    return step2, map2.compose(map1)


# --------------------------------------------------------------------------- step 2: classify

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
_WORD_CHARS = re.compile(r"[^\w&'’-]+")
_BUTTON_TOKENS = re.compile(r"[^\w/|-]+")


@dataclass
class _Line:
    """One non-blank line of the normalised text (offsets of its stripped content)."""

    start: int
    end: int
    text: str
    indent: bool
    blank_before: bool
    words: int
    long: bool
    is_date: bool = False
    block: int = 0
    continuation: bool = False
    kind: str | None = None


@dataclass
class _Unit:
    """Kept lines that print as one line: a line and its hard-wrapped continuations."""

    lines: list[_Line]
    text: str
    block: int
    kind: str | None = None

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def _split_lines(text: str, rules: Rules) -> list[_Line]:
    """The non-blank lines of ``text``, stripped, with where they sit."""
    lines: list[_Line] = []
    blank = True
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(" \t")
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip(" \t")))
            long = len(stripped) > rules.t.long_line_chars
            lines.append(
                _Line(
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                    indent=start > pos,
                    blank_before=blank,
                    words=len(stripped.split()),
                    long=long,
                )
            )
        blank = not stripped
        pos += len(raw) + 1
    return lines


def _is_date_line(line: _Line, rules: Rules) -> bool:
    """A short line with a full date: a Reuters filing stamp, a byline, a dateline.

    >>> r = load_rules()
    >>> _is_date_line(_Line(0, 0, "26-MAR-1987 12:27:23.14", False, True, 2, False), r)
    True
    """
    if line.long or line.words > rules.t.date_line_max_words:
        return False
    return any(p.search(line.text) for p in rules.dates)


def _capitalised_ratio(words: Sequence[str], rules: Rules) -> float | None:
    counted = capital = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters or word.casefold() in rules.minor_words:
            continue
        counted += 1
        capital += letters[0].isupper()
    return capital / counted if counted else None


def _heading_shaped(text: str, rules: Rules) -> bool:
    """Short, and not ending like a sentence (``Inc.`` and friends allowed)."""
    words = text.split()
    if not 1 <= len(words) <= rules.t.heading_max_words:
        return False
    if text[-1] in ".,;!?" and words[-1].casefold() not in rules.abbreviations:
        return False
    return True


def _heading_like(text: str, rules: Rules) -> bool:
    """A title: short, no closing punctuation, mostly capitalised words.

    >>> r = load_rules()
    >>> _heading_like("Strategic Plan Underway", r), _heading_like("and the board said so", r)
    (True, False)
    """
    if not _heading_shaped(text, rules) or not (text[0].isupper() or text[0].isdigit()):
        return False
    ratio = _capitalised_ratio(text.split(), rules)
    return ratio is not None and ratio >= rules.t.heading_min_capitalised


@dataclass
class _OutputLine:
    """The output line being built from kept lines: enough to tell if the next line
    continues it (kept cheap: the joined text is only built while it is short)."""

    length: int = -1
    words: int = 0
    last: str = ""
    short_text: str = ""

    def add(self, line: _Line, rules: Rules) -> bool:
        """Append ``line``; return whether the next line continues this output line."""
        self.length += len(line.text) + 1
        self.words += line.words
        self.last = line.text
        if self.words <= rules.t.heading_max_words:
            self.short_text = f"{self.short_text} {line.text}".lstrip()
        return self.joinable(rules)

    def joinable(self, rules: Rules) -> bool:
        """Long enough, not ending like a sentence or a label, and not a title."""
        if self.length < rules.t.wrap_min_chars or _TERMINAL.search(self.last):
            return False
        return self.words > rules.t.heading_max_words or not _heading_like(self.short_text, rules)


def _line_kind(text: str, words: int, rules: Rules, *, continues: bool = False) -> str | None:
    """The boilerplate kind of a line, or None to keep it.

    A line that ``continues`` a hard-wrapped sentence ("...according to" / "Reuters")
    is only dropped by unmistakable rules: a phrase of two or more words, a line pattern,
    a button bar of two or more words, a one-line menu.

    >>> r = load_rules()
    >>> _line_kind("Share", 1, r), _line_kind("Share", 1, r, continues=True)
    ('share', None)
    """
    key = _phrase_key(text)
    kind = rules.phrases.get(key)
    if kind and (not continues or " " in key):
        return kind
    for kind, pattern in rules.line_patterns:
        if pattern.fullmatch(text):
            return kind
    bar = _button_bar(text, words, rules)
    if bar and (not continues or words > 1):
        return bar
    if _is_nav_bar(text, rules):
        return "nav"
    if continues:
        return None
    for kind, pattern in rules.standalone_patterns:
        if pattern.fullmatch(text):
            return kind
    if words <= rules.t.contact_line_max_words and any(p.search(text) for p in rules.contact_markers):
        return "contact"
    return None


def _button_bar(text: str, words: int, rules: Rules) -> str | None:
    """The kind of a row of buttons (``Share Tweet Email``, ``Sign in / Register``), if it is one.

    >>> r = load_rules()
    >>> _button_bar("Share on Facebook", 3, r), _button_bar("Sign in | Register", 4, r), _button_bar("This story", 2, r)
    ('share', 'login', None)
    """
    if words > rules.t.button_bar_max_words:
        return None
    tokens = {t for t in _BUTTON_TOKENS.split(text.casefold()) if t}
    for kind, core, allowed in rules.button_bars:
        if tokens and tokens <= allowed and not core.isdisjoint(tokens):
            return kind
    return None


def _is_nav_bar(text: str, rules: Rules) -> bool:
    """A menu on one line: ``Home | News | Markets``, ``News > People``, ``Home   About   Archive``.

    Every part is one to a few words with a letter and no digit (so tables are not menus).

    >>> r = load_rules()
    >>> _is_nav_bar("Home | News | Markets", r), _is_nav_bar("By Jane Roe | Reuters", r), _is_nav_bar("Shr  1.25  1.10", r)
    (True, False, False)
    """
    for separator, min_parts in rules.nav_separators:
        parts = separator.split(text)
        if len(parts) >= min_parts and all(_menu_part(part, rules) for part in parts):
            return True
    return False


def _menu_part(part: str, rules: Rules) -> bool:
    """A menu entry: a capitalised word or few (``Markets``, ``Life & Arts``, ``e-Edition``).

    >>> r = load_rules()
    >>> _menu_part("Personal Finance", r), _menu_part("said it named", r), _menu_part("1.25 dlrs", r)
    (True, False, False)
    """
    words = part.split()
    letters = [c for c in part if c.isalpha()]
    return (
        1 <= len(words) <= rules.t.nav_part_max_words
        and bool(letters)
        and (len(words) == 1 or letters[0].isupper())
        and not any(c.isdigit() for c in part)
    )


def _classify_lines(lines: list[_Line], rules: Rules) -> None:
    """Set block numbers, continuation flags and line-rule kinds, top to bottom.

    A line continues the output line before it when that one reads as a hard-wrapped
    sentence; such a line is only dropped by unmistakable rules (see ``_line_kind``), and
    the next line still continues the same output line.
    """
    block = -1
    current = _OutputLine()
    joinable = False
    previous_date = False
    for line in lines:
        # a date inside a wrapped sentence ("... replaced by Tom / Roach effective April 20,
        # 1987.") continues it; a date line on its own starts a block
        line.is_date = _is_date_line(line, rules) and not (
            joinable and not line.blank_before and not line.indent
            and not any(p.match(line.text.strip()) for p in rules.dates)
        )
        starts_block = (
            line.blank_before
            or line.indent
            or previous_date
            or line.is_date
            or bool(rules.list_item.match(line.text))
        )
        if starts_block:
            block += 1
            joinable = False
        line.block = block
        previous_date = line.is_date
        line.continuation = joinable
        if not line.is_date and not line.long:
            line.kind = _line_kind(line.text, line.words, rules, continues=joinable)
        if line.kind is None:
            if not line.continuation:
                current = _OutputLine()
            joinable = current.add(line, rules)


def _units(lines: list[_Line], rules: Rules) -> list[_Unit]:
    """Group kept lines into units (a line plus its continuations).

    A joined unit is checked against the line rules once more: it is a line of the
    output, and cleaning the output again must not find more to drop.
    """
    groups: list[list[_Line]] = []
    for line in lines:
        if line.kind is None:
            if line.continuation and groups:
                groups[-1].append(line)
            else:
                groups.append([line])
    units = [_Unit(group, " ".join(line.text for line in group), group[0].block) for group in groups]
    for unit in units:
        if len(unit.lines) > 1 and len(unit.text) <= rules.t.long_line_chars:
            unit.kind = _line_kind(unit.text, len(unit.text.split()), rules)
    return units


def _opener(unit: _Unit, rules: Rules) -> _Opener | None:
    """The section this unit opens, if it is a section heading."""
    text = unit.text
    opener = rules.opener_phrases.get(_phrase_key(text).rstrip(":").rstrip())
    if opener is not None:
        return opener
    if len(text) > rules.t.long_line_chars:
        return None
    for opener in rules.openers:
        if any(p.fullmatch(text) for p in opener.glued):
            return opener
        if any(p.fullmatch(text) for p in opener.patterns) and _opener_shaped(text, opener, rules):
            return opener
    return None


def _opener_shaped(text: str, opener: _Opener, rules: Rules) -> bool:
    if opener.kind == "contact":
        return len(text.split()) <= rules.t.contact_opener_max_words or any(
            p.search(text) for p in rules.contact_markers
        )
    if opener.until == "heading" and not _heading_shaped(text, rules):
        return False
    return not opener.title_case or _heading_like(text, rules)


def _ends_section(unit: _Unit, opener: _Opener, rules: Rules) -> bool:
    """Does ``unit`` end a section opened by ``opener`` (and is itself kept)?"""
    if opener.until == "return":
        return (
            len(unit.text) >= rules.t.section_return_min_chars
            and bool(_SENTENCE_END.search(unit.text))
            and not _ELLIPSIS.search(unit.text)
        )
    if unit.lines[0].is_date or _opener(unit, rules) is not None:
        return True
    if opener.until == "heading":
        return _heading_like(unit.text, rules)
    return len(unit.text.split()) >= rules.t.contact_prose_min_words and bool(_SENTENCE_END.search(unit.text))


def _is_person_bio(units: Sequence[_Unit], rules: Rules) -> bool:
    """An "About <person>" section (kept): it talks about a he or a she."""
    words = _WORD_CHARS.split(" ".join(u.text for u in units).casefold())
    return sum(w in rules.pronouns for w in words) >= rules.t.about_keep_min_pronouns


def _mark_sections(units: list[_Unit], rules: Rules) -> None:
    """Drop sections: an opening unit and the units after it until the section ends."""
    i = 0
    while i < len(units):
        opener = _opener(units[i], rules)
        if opener is None:
            i += 1
            continue
        j = i + 1
        while j < len(units) and not _ends_section(units[j], opener, rules):
            j += 1
        if opener.kind == "about" and _is_person_bio(units[i:j], rules):
            logger.debug("kept an About section about a person: %r", units[i].text[:60])
        else:
            for unit in units[i:j]:
                unit.kind = opener.kind
        i = j


def _mark_blocks(units: list[_Unit], rules: Rules) -> None:
    """Drop whole paragraphs that read as a cookie banner or a legal disclaimer."""
    for block in _blocks([u for u in units if u.kind is None]):
        text = " ".join(u.text for u in block).casefold()
        for kind, every, some, max_chars in rules.block_rules:
            if max_chars and len(text) > max_chars:
                continue
            if all(p in text for p in every) and any(p in text for p in some):
                for unit in block:
                    unit.kind = kind
                break


def _blocks(units: list[_Unit]) -> Iterator[list[_Unit]]:
    """Consecutive units of the same paragraph."""
    block: list[_Unit] = []
    for unit in units:
        if block and unit.block != block[-1].block:
            yield block
            block = []
        block.append(unit)
    if block:
        yield block


def _menu_like(unit: _Unit, rules: Rules) -> bool:
    """One or two words on a line, like a menu entry: ``Markets``, ``Life Sciences``."""
    text = unit.text
    return (
        len(unit.lines) == 1
        and not unit.lines[0].is_date
        and len(text) <= rules.t.menu_line_max_chars
        and len(text.split()) <= rules.t.menu_line_max_words
        and text[-1] not in ".!?,;:"
        and any(c.isalpha() for c in text)
        and not any(c.isdigit() for c in text)
    )


def _mark_menus(lines: list[_Line], units: list[_Unit], rules: Rules) -> None:
    """Drop runs of menu-like lines: ``menu_min_lines`` or more in a row, counting the
    one-line boilerplate already dropped among them (``Home``, ``Share``).

    Lines dropped by a section or paragraph rule neither count nor break a run.
    """
    unit_of = {id(unit.lines[0]): unit for unit in units}
    run: list[_Unit] = []
    count = 0
    for line in lines:
        unit = unit_of.get(id(line))
        if line.kind is not None:
            count += 1
        elif unit is None or unit.kind is not None:
            continue  # a continuation line, or dropped by another rule
        elif _menu_like(unit, rules):
            run.append(unit)
            count += 1
        else:
            _drop_menu(run, count, rules)
            run, count = [], 0
    _drop_menu(run, count, rules)


def _drop_menu(run: list[_Unit], count: int, rules: Rules) -> None:
    if count >= rules.t.menu_min_lines:
        for unit in run:
            unit.kind = "nav"


def _mark_until_stable(lines: list[_Line], units: list[_Unit], rules: Rules) -> list[_Unit]:
    """Apply paragraph, section and menu rules to the kept units until none drops more.

    Each rule sees only what is still kept, so cleaning the result again drops nothing
    (a person's "About" section whose pronouns were all in a dropped disclaimer is not a
    bio any more). One or two rounds are the rule; the cap only bounds odd inputs.
    """
    kept = [u for u in units if u.kind is None]
    for _ in range(_MAX_ROUNDS):
        _mark_blocks(kept, rules)
        _mark_sections([u for u in kept if u.kind is None], rules)
        _mark_menus(lines, units, rules)
        still = [u for u in kept if u.kind is None]
        if len(still) == len(kept):
            return still
        kept = still
    logger.debug("cleaning rules still dropping after %d rounds", _MAX_ROUNDS)
    return kept


_MAX_ROUNDS = 8


# --------------------------------------------------------------------------- step 3: lay out


def _layout(norm: str, units: list[_Unit]) -> tuple[str, OffsetMap]:
    """Write the kept units: a blank line between paragraphs, a newline between units
    of one paragraph, a space where a hard-wrapped line was joined."""
    parts: list[str] = []
    builder = OffsetMapBuilder()
    previous: _Unit | None = None
    for unit in units:
        if previous is not None:
            _write(parts, builder, norm, "\n\n" if unit.block != previous.block else "\n", previous.end, unit.start)
        for k, line in enumerate(unit.lines):
            if k:
                _write(parts, builder, norm, " ", unit.lines[k - 1].end, line.start)
            parts.append(line.text)
            builder.copy(line.start, len(line.text))
        previous = unit
    return "".join(parts), builder.build(len(norm))


def _write(parts: list[str], builder: OffsetMapBuilder, norm: str, gap: str, start: int, end: int) -> None:
    """Write ``gap`` for ``norm[start:end]`` (a copy when that is what it already says)."""
    parts.append(gap)
    if norm[start:end] == gap:
        builder.copy(start, len(gap))
    else:
        builder.replace(start, end, len(gap))


def _dropped_blocks(lines: list[_Line], units: list[_Unit], norm_map: OffsetMap) -> tuple[DroppedBlock, ...]:
    """Dropped lines, runs of one kind merged, in offsets of the original text."""
    for unit in units:
        for line in unit.lines:
            line.kind = line.kind or unit.kind
    blocks = []
    for kind, group in itertools.groupby(lines, key=lambda line: line.kind):
        if kind is not None:
            stretch = list(group)
            blocks.append(DroppedBlock(kind, *norm_map.to_source(stretch[0].start, stretch[-1].end)))
    return tuple(blocks)


# --------------------------------------------------------------------------- entry point


def clean(text: str, *, rules: Rules | None = None) -> CleanText:
    """Normalise ``text`` and drop its boilerplate; never raises for a str.

    >>> c = clean("Please login to the form below\\n\\nAcme names CEO\\n\\n Reuter\\n")
    >>> c.text, [(d.kind, c.source[d.start:d.end]) for d in c.dropped]
    ('Acme names CEO', [('login', 'Please login to the form below'), ('footer', 'Reuter')])
    """
    rules = rules or load_rules()
    norm, norm_map = normalise(text)
    lines = _split_lines(norm, rules)
    _classify_lines(lines, rules)
    units = _units(lines, rules)
    kept = _mark_until_stable(lines, units, rules)
    out, layout_map = _layout(norm, kept)
    dropped = _dropped_blocks(lines, units, norm_map)
    if dropped:
        logger.debug("dropped %d blocks: %s", len(dropped), ", ".join(sorted({d.kind for d in dropped})))
    return CleanText(source=text, text=out, dropped=dropped, offsets=layout_map.compose(norm_map))
