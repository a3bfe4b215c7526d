"""Step 1 of cleaning: normalise characters (CRLF, control and zero-width characters, odd
spaces, HTML entities), recording an offset map back to the original text."""
from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..offsets import OffsetMap, OffsetMapBuilder

# Odd spaces become a plain space (same length, so offsets do not move).
_SPACES = {cp: " " for cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
# Line and page breaks that are not "\n"; C0/C1 controls and invisible format characters.
_SPECIAL = re.compile(
    r"(?P<cr>\r\n?)"
    r"|(?P<brk>[\x0b\x0c\x85\u2028\u2029])"
    # (and trade marks, which glue to names: "Alkira®, the leader in ...")
    r"|(?P<gone>[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u00ae\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2120\u2122\ufeff]+)"
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
    >>> _decoded_entity("Alkira&reg;", _ENTITY.search("Alkira&reg;"))
    ''
    """
    unescaped = html.unescape(match.group())
    decoded = _normalise_fragment(unescaped)
    if not decoded and unescaped != match.group():
        return ""  # "&reg;", "&shy;": a character normalising deletes
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
    quick look at the words of a raw text), except that an entity normalising deletes ("&shy;",
    "&reg;") stays as written: "chief&shy;executive" keeps both its words for that look.

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
