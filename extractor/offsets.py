"""Offset maps: where each stretch of a derived text came from in its source text.

A derived text (normalised, with boilerplate dropped) is described by *segments*, in
derived order: derived ``[d0, d1)`` came from source ``[s0, s1)``. A segment whose two
sides have the same length is a copy run and maps character by character; any other
segment (an entity decoded to one character, a CRLF turned into one newline, an inserted
paragraph break) maps as a whole to its whole source stretch, even when the two sides
happen to have the same length. Source characters that no
segment covers were deleted; a span that crosses such a gap maps to a source span that
includes it.

>>> b = OffsetMapBuilder()
>>> b.copy(0, 2)              # "AT" copied
>>> b.replace(2, 7, 1)        # "&amp;" -> "&"
>>> b.copy(7, 1)              # "T"
>>> m = b.build(source_length=8)
>>> m.to_source(0, 4)
(0, 8)
>>> m.to_source(2, 3)
(2, 7)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of a derived text back to the source text it was built from.

    The tuples are parallel: segment ``i`` covers derived ``[dst_starts[i], dst_ends[i])``
    and source ``[src_starts[i], src_ends[i])``, and ``copied[i]`` says whether it is a copy
    run. Segments tile the derived text without gaps and are non-decreasing in the source.
    """

    dst_starts: tuple[int, ...]
    dst_ends: tuple[int, ...]
    src_starts: tuple[int, ...]
    src_ends: tuple[int, ...]
    copied: tuple[bool, ...]
    source_length: int

    @property
    def length(self) -> int:
        """Length of the derived text."""
        return self.dst_ends[-1] if self.dst_ends else 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text onto itself.

        >>> OffsetMap.identity(5).to_source(1, 3)
        (1, 3)
        """
        if length == 0:
            return cls((), (), (), (), (), 0)
        return cls((0,), (length,), (0,), (length,), (True,), length)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that derived ``[start, end)`` came from.

        Inside a copy run the map is exact; a span touching a replaced or inserted stretch
        widens to that stretch's whole source. An empty span maps to what lies between its
        neighbours in the source: nothing, unless text was deleted or replaced there. So
        both ends are monotone in the arguments and ``s <= e`` always holds.
        Raises ValueError unless ``0 <= start <= end <= length``.

        >>> m = OffsetMap((0, 1), (1, 2), (0, 3), (1, 4), (True, True), 4)   # "a" + 2 deleted chars + "b"
        >>> m.to_source(1, 1), m.to_source(0, 1)
        ((1, 3), (0, 1))
        """
        if not 0 <= start <= end <= self.length:
            raise ValueError(f"span ({start}, {end}) is not inside a text of length {self.length}")
        if not self.dst_starts:
            return (0, 0)
        if start < end:
            return (self._left(start), self._right(end))
        if start == 0:
            return (self._left(0),) * 2
        if start == self.length:
            return (self._right(start),) * 2
        left, right = self._left(start), self._right(start)
        return (min(left, right), max(left, right))

    def _segment(self, pos: int) -> int:
        """Index of the segment that holds derived character ``pos``."""
        return bisect_right(self.dst_starts, pos) - 1

    def _left(self, pos: int) -> int:
        """Source offset where a span starting at derived ``pos`` starts."""
        i = self._segment(pos)
        if self.copied[i]:
            return self.src_starts[i] + (pos - self.dst_starts[i])
        return self.src_starts[i]

    def _right(self, pos: int) -> int:
        """Source offset where a span ending at derived ``pos`` (exclusive) ends."""
        i = self._segment(pos - 1)
        if self.copied[i]:
            return self.src_starts[i] + (pos - self.dst_starts[i])
        return self.src_ends[i]

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain two maps: ``self`` maps derived -> middle, ``inner`` maps middle -> source.

        >>> outer = OffsetMap.identity(3)
        >>> inner = OffsetMap((0, 1), (1, 3), (0, 6), (6, 8), (False, True), 8)  # "&amp;bc" -> "&bc"
        >>> outer.compose(inner).to_source(0, 1)
        (0, 6)
        """
        builder = OffsetMapBuilder()
        for d0, d1, m0, m1, copied in zip(self.dst_starts, self.dst_ends, self.src_starts, self.src_ends, self.copied):
            if copied:
                _compose_copy(builder, inner, m0, m1)
            elif m0 == m1:
                point = inner.to_source(m0, m0)[0]
                builder.replace(point, point, d1 - d0)
            else:
                s0, s1 = inner.to_source(m0, m1)
                builder.replace(s0, s1, d1 - d0)
        return builder.build(inner.source_length)


def _compose_copy(builder: OffsetMapBuilder, inner: OffsetMap, m0: int, m1: int) -> None:
    """Emit the source pieces of middle ``[m0, m1)``, a stretch that was copied as is."""
    i = inner._segment(m0)
    while i < len(inner.dst_starts) and inner.dst_starts[i] < m1:
        a, b = max(m0, inner.dst_starts[i]), min(m1, inner.dst_ends[i])
        if inner.copied[i]:
            builder.copy(inner.src_starts[i] + (a - inner.dst_starts[i]), b - a)
        else:
            builder.replace(inner.src_starts[i], inner.src_ends[i], b - a)
        i += 1


class OffsetMapBuilder:
    """Builds an OffsetMap while the derived text is written left to right.

    Every call appends derived characters; source offsets must not go backwards.
    Adjacent copy runs that are contiguous on both sides are merged.
    """

    def __init__(self) -> None:
        self._d0: list[int] = []
        self._d1: list[int] = []
        self._s0: list[int] = []
        self._s1: list[int] = []
        self._copied: list[bool] = []
        self.position = 0

    def copy(self, src_start: int, length: int) -> None:
        """Append ``length`` characters copied from ``source[src_start:]``."""
        if length <= 0:
            return
        if self._d0 and self._copied[-1] and self._s1[-1] == src_start:
            self._d1[-1] += length
            self._s1[-1] += length
        else:
            self._append(length, src_start, src_start + length, copied=True)
        self.position += length

    def replace(self, src_start: int, src_end: int, length: int) -> None:
        """Append ``length`` derived characters standing for ``source[src_start:src_end]``.

        ``length == 0`` records a deletion (nothing to append).
        """
        if length <= 0:
            return
        self._append(length, src_start, src_end, copied=False)
        self.position += length

    def _append(self, length: int, src_start: int, src_end: int, *, copied: bool) -> None:
        self._d0.append(self.position)
        self._d1.append(self.position + length)
        self._s0.append(src_start)
        self._s1.append(src_end)
        self._copied.append(copied)

    def build(self, source_length: int) -> OffsetMap:
        return OffsetMap(
            tuple(self._d0), tuple(self._d1), tuple(self._s0), tuple(self._s1), tuple(self._copied), source_length
        )
