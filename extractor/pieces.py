"""A cleaned text cut for the model: hard-wrapped lines joined, list items run into one line put
on lines of their own, long runs without spaces broken,
pieces of at most ``CHUNK_CHARS`` cut at paragraph breaks, pieces grouped into batches of
``BATCH_CHARS``. Every step keeps every offset.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


#: Texts longer than this are parsed in pieces cut at paragraph breaks, so that
#: memory stays flat and cost grows linearly with length.
CHUNK_CHARS = 20_000
#: Most characters in one ``nlp.pipe`` batch (one piece may be longer). The model's arrays grow
#: with the tokens of a batch; past about this size they outgrow the CPU caches, so that
#: tok2vec slows down per token and memory peaks (a batch of 32 pieces of 20,000 characters
#: needs over a gigabyte). See the README's "Speed" section.
BATCH_CHARS = 100_000
#: Characters of prose per token, about: a batch is measured in characters of prose, so that a
#: text dense in punctuation (a token a character: "&&&", quotes) does not fill one batch with
#: five times the tokens (the model's memory grows with the tokens of a batch, some 15 kB each).
PROSE_CHARS_PER_TOKEN = 5
_PUNCTUATION = re.compile(r"[^\w\s]")

_WRAP = re.compile(r"(?<=[^\n])\n(?=[^\s*#>\-•|])")


def unwrap_lines(text: str) -> str:
    r"""Join hard-wrapped lines (wire copy) with a space, keeping every offset.

    A newline between two non-empty lines becomes a space when the first line is a
    wrapped piece of a sentence: long, or of four words or more that do not end a
    sentence, and not an upper-case headline.

    >>> unwrap_lines("Hercules Inc said it named David Hollingsworth as\nchairman.")
    'Hercules Inc said it named David Hollingsworth as chairman.'
    >>> unwrap_lines("NEW YORK, March 30 - Centronics\nCorp said")
    'NEW YORK, March 30 - Centronics Corp said'
    >>> unwrap_lines("HEADLINE\nBody")
    'HEADLINE\nBody'
    """
    out = list(text)
    for m in _WRAP.finditer(text):
        nl = m.start()
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        stripped = line.rstrip()
        if not stripped or stripped.isupper() or stripped.lstrip().startswith(("#", "*", "-", "•", "|")):
            continue
        if len(line) >= 40 or len(stripped.split()) >= 4 and stripped[-1] not in ".!?:;\"”)":
            out[nl] = " "
    return "".join(out)


def prose_chars(text: str) -> int:
    """The characters of prose that hold as many tokens as ``text`` (at least its length).

    >>> prose_chars("Acme named Jane Roe chief executive."), prose_chars("&" * 100)
    (36, 505)
    """
    return max(len(text), PROSE_CHARS_PER_TOKEN * (len(text.split()) + len(_PUNCTUATION.findall(text))))


def batches(texts: list[tuple[str, object]], limit: int, weight=len) -> Iterator[list[tuple[str, object]]]:
    """Consecutive runs of ``(text, context)`` pairs of at most ``limit`` characters (or one text);
    ``weight`` measures a text (default: its length).

    >>> [len(b) for b in batches([("a" * 6, 0), ("b" * 5, 1), ("c" * 20, 2), ("d", 3)], 12)]
    [2, 1, 1]
    >>> [len(b) for b in batches([("a" * 6, 0), ("b" * 5, 1), ("d", 3)], 12)]
    [3]
    """
    group: list[tuple[str, object]] = []
    size = 0
    for item in texts:
        cost = weight(item[0])
        if group and size + cost > limit:
            yield group
            group, size = [], 0
        group.append(item)
        size += cost
    if group:
        yield group


LONG_RUN = 100  # characters without a space after which the tokenizer gets a break

_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


#: The marks of list items that flattened web pages run into one line
_INLINE_MARK = re.compile(r"(?<=\S)[ \t]+(?=[•▪●][ \t])")


def break_inline_lists(text: str) -> str:
    r"""Items of a list run into one line each start a line of their own, keeping every offset:
    the first space before each item's mark becomes a line break, on lines with two marks or
    more (a page flattened to text: "named to the committee:  • Ann Lee, CEO, Acme • Bo Park, ...").

    >>> break_inline_lists("named to it:  • Ann Lee, CEO • Bo Park, CFO\nA • B")
    'named to it:\n • Ann Lee, CEO\n• Bo Park, CFO\nA • B'
    """
    if "•" not in text and "▪" not in text and "●" not in text:
        return text
    out = list(text)
    start = 0
    for line in text.split("\n"):
        marks = list(_INLINE_MARK.finditer(line))
        if len(marks) >= 2:
            for m in marks:
                out[start + m.start()] = "\n"
        start += len(line) + 1
    return "".join(out)


def break_long_runs(text: str) -> str:
    """``text`` with every ``LONG_RUN``-th character of a long run without spaces (a URL, a
    line of "&&&&", base64) turned into a space. spaCy's tokenizer takes time quadratic in the
    length of such a run (its prefix and suffix rules rescan it); no name or title is that long,
    and the length, so every offset, stays the same.

    >>> break_long_runs("a " + "&" * 250 + " b") == "a " + ("&" * 99 + " ") * 2 + "&" * 50 + " b"
    True
    """
    def cut(m: re.Match) -> str:
        run = m.group(0)
        return "".join(c if (i + 1) % LONG_RUN else " " for i, c in enumerate(run))

    return _LONG_RUN.sub(cut, text)


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of at most about CHUNK_CHARS, cut at paragraph breaks when possible."""
    n = len(text)
    start = 0
    while start < n:
        end = min(n, start + CHUNK_CHARS)
        if end < n:
            cut = text.rfind("\n\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + CHUNK_CHARS // 2, end)
                cut = cut + 1 if cut != -1 else -1
            if cut != -1:
                end = cut
        yield start, text[start:end]
        start = end
