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

One module a step: ``chars`` (1), ``lines`` and ``sections`` (2), ``layout`` (3); ``rules``
loads the rules they read.

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

import logging

from .chars import characters, normalise
from .layout import CleanText, DroppedBlock, dropped_blocks, lay_out
from .lines import classify_lines, make_units, split_lines
from .rules import KINDS, BoilerplateRules, Rules, load_rules
from .sections import mark_until_stable

__all__ = [
    "KINDS", "BoilerplateRules", "CleanText", "DroppedBlock", "Rules", "characters", "clean", "load_rules",
    "normalise",
]

logger = logging.getLogger(__name__)


def clean(text: str, *, rules: Rules | None = None) -> CleanText:
    """Normalise ``text`` and drop its boilerplate; never raises for a str.

    >>> c = clean("Please login to the form below\\n\\nAcme names CEO\\n\\n Reuter\\n")
    >>> c.text, [(d.kind, c.source[d.start:d.end]) for d in c.dropped]
    ('Acme names CEO', [('login', 'Please login to the form below'), ('footer', 'Reuter')])
    """
    rules = rules or load_rules()
    norm, norm_map = normalise(text)
    lines = split_lines(norm, rules)
    classify_lines(lines, rules)
    units = make_units(lines, rules)
    kept = mark_until_stable(lines, units, rules)
    out, layout_map = lay_out(norm, kept)
    dropped = dropped_blocks(lines, units, norm_map)
    if dropped:
        logger.debug("dropped %d blocks: %s", len(dropped), ", ".join(sorted({d.kind for d in dropped})))
    return CleanText(source=text, text=out, dropped=dropped, offsets=layout_map.compose(norm_map))
