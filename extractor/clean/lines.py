"""Step 2 of cleaning, line by line: split the normalised text into lines, tell which line
continues a hard-wrapped sentence, drop lines by the line rules (login forms, share bars,
links, menus on one line, ...), and group the kept lines into units (a line and its
continuations)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .rules import Rules, load_rules, phrase_key  # noqa: F401  (load_rules: the examples use it)

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_BUTTON_TOKENS = re.compile(r"[^\w/|-]+")


@dataclass
class Line:
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
class Unit:
    """Kept lines that print as one line: a line and its hard-wrapped continuations."""

    lines: list[Line]
    text: str
    block: int
    kind: str | None = None

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def split_lines(text: str, rules: Rules) -> list[Line]:
    """The non-blank lines of ``text``, stripped, with where they sit."""
    lines: list[Line] = []
    blank = True
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(" \t")
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip(" \t")))
            long = len(stripped) > rules.t.long_line_chars
            lines.append(
                Line(
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


def _is_date_line(line: Line, rules: Rules) -> bool:
    """A short line with a full date: a Reuters filing stamp, a byline, a dateline.

    >>> r = load_rules()
    >>> _is_date_line(Line(0, 0, "26-MAR-1987 12:27:23.14", False, True, 2, False), r)
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


def heading_shaped(text: str, rules: Rules) -> bool:
    """Short, and not ending like a sentence (``Inc.`` and friends allowed)."""
    words = text.split()
    if not 1 <= len(words) <= rules.t.heading_max_words:
        return False
    if text[-1] in ".,;!?" and words[-1].casefold() not in rules.abbreviations:
        return False
    return True


def heading_like(text: str, rules: Rules) -> bool:
    """A title: short, no closing punctuation, mostly capitalised words.

    >>> r = load_rules()
    >>> heading_like("Strategic Plan Underway", r), heading_like("and the board said so", r)
    (True, False)
    """
    if not heading_shaped(text, rules) or not (text[0].isupper() or text[0].isdigit()):
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

    def add(self, line: Line, rules: Rules) -> bool:
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
        return self.words > rules.t.heading_max_words or not heading_like(self.short_text, rules)


def _line_kind(text: str, words: int, rules: Rules, *, continues: bool = False) -> str | None:
    """The boilerplate kind of a line, or None to keep it.

    A line that ``continues`` a hard-wrapped sentence ("...according to" / "Reuters")
    is only dropped by unmistakable rules: a phrase of two or more words, a line pattern,
    a button bar of two or more words, a one-line menu.

    >>> r = load_rules()
    >>> _line_kind("Share", 1, r), _line_kind("Share", 1, r, continues=True)
    ('share', None)
    """
    key = phrase_key(text)
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


def classify_lines(lines: list[Line], rules: Rules) -> None:
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


def make_units(lines: list[Line], rules: Rules) -> list[Unit]:
    """Group kept lines into units (a line plus its continuations).

    A joined unit is checked against the line rules once more: it is a line of the
    output, and cleaning the output again must not find more to drop.
    """
    groups: list[list[Line]] = []
    for line in lines:
        if line.kind is None:
            if line.continuation and groups:
                groups[-1].append(line)
            else:
                groups.append([line])
    units = [Unit(group, " ".join(line.text for line in group), group[0].block) for group in groups]
    for unit in units:
        if len(unit.lines) > 1 and len(unit.text) <= rules.t.long_line_chars:
            unit.kind = _line_kind(unit.text, len(unit.text.split()), rules)
    return units
