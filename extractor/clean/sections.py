"""Step 2 of cleaning, over paragraphs: until nothing more drops, whole-paragraph rules (cookie
banners, legal disclaimers), sections that run from an opening line (``About X``, ``Related
stories``, ``Media contact:``, ...) and runs of menu entries."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from .lines import Line, Unit, heading_like, heading_shaped
from .rules import Opener, Rules, phrase_key

logger = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
_WORD_CHARS = re.compile(r"[^\w&'’-]+")


def _opener(unit: Unit, rules: Rules) -> Opener | None:
    """The section this unit opens, if it is a section heading."""
    text = unit.text
    opener = rules.opener_phrases.get(phrase_key(text).rstrip(":").rstrip())
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


def _opener_shaped(text: str, opener: Opener, rules: Rules) -> bool:
    if opener.kind == "contact":
        return len(text.split()) <= rules.t.contact_opener_max_words or any(
            p.search(text) for p in rules.contact_markers
        )
    if opener.until == "heading" and not heading_shaped(text, rules):
        return False
    return not opener.title_case or heading_like(text, rules)


def _ends_section(unit: Unit, opener: Opener, rules: Rules) -> bool:
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
        return heading_like(unit.text, rules)
    return len(unit.text.split()) >= rules.t.contact_prose_min_words and bool(_SENTENCE_END.search(unit.text))


def _is_person_bio(units: Sequence[Unit], rules: Rules) -> bool:
    """An "About <person>" section (kept): it talks about a he or a she."""
    words = _WORD_CHARS.split(" ".join(u.text for u in units).casefold())
    return sum(w in rules.pronouns for w in words) >= rules.t.about_keep_min_pronouns


def _mark_sections(units: list[Unit], rules: Rules) -> None:
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


def _mark_blocks(units: list[Unit], rules: Rules) -> None:
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


def _blocks(units: list[Unit]) -> Iterator[list[Unit]]:
    """Consecutive units of the same paragraph."""
    block: list[Unit] = []
    for unit in units:
        if block and unit.block != block[-1].block:
            yield block
            block = []
        block.append(unit)
    if block:
        yield block


def _menu_like(unit: Unit, rules: Rules) -> bool:
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


def _mark_menus(lines: list[Line], units: list[Unit], rules: Rules) -> None:
    """Drop runs of menu-like lines: ``menu_min_lines`` or more in a row, counting the
    one-line boilerplate already dropped among them (``Home``, ``Share``).

    Lines dropped by a section or paragraph rule neither count nor break a run.
    """
    unit_of = {id(unit.lines[0]): unit for unit in units}
    run: list[Unit] = []
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


def _drop_menu(run: list[Unit], count: int, rules: Rules) -> None:
    if count >= rules.t.menu_min_lines:
        for unit in run:
            unit.kind = "nav"


def mark_until_stable(lines: list[Line], units: list[Unit], rules: Rules) -> list[Unit]:
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
