"""Step 3 of cleaning: lay out the kept lines (paragraphs separated by a blank line,
hard-wrapped lines of one paragraph joined by a space), and the result, ``CleanText``, with the
map back to the original text and the blocks left out."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..offsets import OffsetMap, OffsetMapBuilder
from .lines import Line, Unit

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

        >>> from extractor.clean import clean
        >>> c = clean("Tom &amp; Jerry")
        >>> c.text, c.to_source(4, 5)
        ('Tom & Jerry', (4, 9))
        """
        if self.offsets is None:
            return OffsetMap.identity(len(self.text)).to_source(start, end)
        return self.offsets.to_source(start, end)


# --------------------------------------------------------------------------- step 3: lay out


def lay_out(norm: str, units: list[Unit]) -> tuple[str, OffsetMap]:
    """Write the kept units: a blank line between paragraphs, a newline between units
    of one paragraph, a space where a hard-wrapped line was joined."""
    parts: list[str] = []
    builder = OffsetMapBuilder()
    previous: Unit | None = None
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


def dropped_blocks(lines: list[Line], units: list[Unit], norm_map: OffsetMap) -> tuple[DroppedBlock, ...]:
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
