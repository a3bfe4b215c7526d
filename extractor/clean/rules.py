"""The cleaning rules: the schema of ``data/boilerplate.json`` (validated when loaded) and the
compiled ``Rules`` the other steps read.

Every regex there is anchored to one line and uses bounded repetition only, so cleaning stays
linear in the size of the text.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from ..datafiles import read

KINDS = (
    "login", "nav", "cookie", "share", "related", "footer", "ad",
    "about", "contact", "link", "disclaimer", "separator", "comments",
)  # fmt: skip


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


def phrase_key(text: str) -> str:
    """The form a line takes for phrase lookup: case-folded, spaces collapsed, a trailing
    colon or ellipsis dropped.

    >>> phrase_key("  Share  This: "), phrase_key("Search this blog...")
    ('share this', 'search this blog')
    """
    key = " ".join(text.casefold().split())
    for suffix in (":", "...", "…"):
        key = key.removesuffix(suffix)
    return key.rstrip()


@dataclass(frozen=True)
class Opener:
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
                self.phrases.setdefault(phrase_key(phrase), kind)
        self.line_patterns = _compile_table(spec, spec.line_patterns)
        self.standalone_patterns = _compile_table(spec, spec.standalone_patterns)
        self.button_bars = [(bar.kind, frozenset(bar.core), frozenset(bar.core + bar.filler)) for bar in spec.button_bars]
        self.nav_separators = [(spec.compile(sep.split), sep.min_parts) for sep in spec.nav_separators]
        self.contact_markers = [spec.compile(p) for p in spec.contact_markers]
        self.list_item = spec.compile(spec.list_item)
        self.openers = [
            Opener(
                o.kind, o.until, o.title_case,
                tuple(spec.compile(p) for p in o.patterns),
                tuple(spec.compile(p) for p in o.glued_patterns),
            )
            for o in spec.section_openers
        ]  # fmt: skip
        self.opener_phrases: dict[str, Opener] = {}
        for spec_opener, opener in zip(spec.section_openers, self.openers):
            for phrase in spec_opener.phrases:
                self.opener_phrases.setdefault(phrase_key(phrase), opener)
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
    return Rules(read("boilerplate.json", BoilerplateRules))


def _rules_from_text(text: str) -> Rules:
    return Rules(BoilerplateRules.model_validate(json.loads(text)))
