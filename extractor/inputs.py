"""Input stage: bytes -> text.

``load_text`` is the one entry point the pipeline needs: it decodes bytes (BOMs first, then
UTF-8, then detection), refuses binary files and oversized texts, and turns HTML pages into
their article text with trafilatura.

>>> load_text(b"Acme names Jane Roe CEO").text
'Acme names Jane Roe CEO'
"""
from __future__ import annotations

import codecs
import datetime
import logging
import re
from dataclasses import dataclass
from pathlib import PurePath

from . import errors

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputText:
    """A document as text: what the cleaning stage gets."""

    text: str
    is_html: bool
    published: datetime.date | None


# --------------------------------------------------------------------------- decoding

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of common binary formats a folder of documents may contain.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
)

# Control bytes that plain text does not contain (tab, LF, VT, FF, CR and ESC excluded).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_NUL_SHARE = 0.30
_MAX_CONTROL_SHARE = 0.02

# In text read as cp1252, the share of letters outside ASCII above which the bytes are
# probably another script (Cyrillic, Greek, ...) and detection decides.
_MAX_ACCENTED_SHARE = 0.30


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes.

    A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else cp1252 if
    the result reads as Western text; else the encoding charset-normalizer finds.
    Binary data raises ``InputError(type=DECODE)``.

    >>> decode_bytes("Soci\\u00e9t\\u00e9".encode("cp1252"))
    'Société'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "Zoë".encode("utf-16-le"))
    'Zoë'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    reason = _binary_reason(data)
    if reason:
        raise errors.binary_file(reason)
    text = _strict_decode(data, "utf-8")
    if text is not None:
        return text
    mixed = _decode_mixed(data)
    return mixed if mixed is not None else _detect(data)


def _strict_decode(data: bytes, encoding: str) -> str | None:
    """``data`` decoded, or None when it is not valid in ``encoding``."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_with_bom(body: bytes, encoding: str) -> str:
    """Decode what follows a BOM; the BOM is trusted, so bad bytes become U+FFFD."""
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        logger.warning("invalid %s after its byte-order mark (%s); undecodable bytes replaced", encoding, exc.reason)
        return body.decode(encoding, errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte.

    >>> _bomless_utf16("Acme names CEO".encode("utf-16-le"))
    'Acme names CEO'
    """
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return _strict_decode(data, encoding)
    return None


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a known file signature, NULs, control bytes), or None.

    >>> _binary_reason(b"\\x89PNG\\r\\n\\x1a\\n...")
    'a PNG image'
    >>> _binary_reason(b"plain text with one \\x00 NUL") is None
    True
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if not data:
        return None
    nuls = data.count(0)
    if nuls / len(data) > _MAX_NUL_SHARE:
        return "binary data (mostly NUL bytes)"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls / len(data) > _MAX_CONTROL_SHARE:
        return "binary data (control bytes)"
    return None


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler: bytes that are not UTF-8 read as cp1252 (its five holes as Latin-1)."""
    bad = exc.object[exc.start:exc.end]
    return "".join(_strict_decode(bytes([b]), "cp1252") or chr(b) for b in bad), exc.end


codecs.register_error("extractor.cp1252", _cp1252_fallback)


def _decode_mixed(data: bytes) -> str | None:
    r"""A file pasted together from UTF-8 and cp1252 parts, decoded part by part; None if it is not one.

    It is one when some line is UTF-8 with letters beyond ASCII and the lines that are not UTF-8
    read as Western text in cp1252 (so a Cyrillic cp1251 file, which has no whole UTF-8 line
    beyond ASCII, goes to detection). Each byte that is not part of a UTF-8 character is read
    as cp1252.

    >>> _decode_mixed("Zoë named\n".encode("utf-8") + "Zoë named\n".encode("cp1252"))
    'Zoë named\nZoë named\n'
    """
    utf8_beyond_ascii = False
    other: list[bytes] = []
    for line in data.splitlines(keepends=True):
        if _strict_decode(line, "utf-8") is None:
            other.append(line)
        elif not line.isascii():
            utf8_beyond_ascii = True
    if not utf8_beyond_ascii or not other:
        return None
    rest = b"".join(other).decode("cp1252", errors="extractor.cp1252")
    if not _reads_as_western(rest):
        return None
    logger.debug("decoded as UTF-8 with %d lines of cp1252", len(other))
    return data.decode("utf-8", errors="extractor.cp1252")


def _detect(data: bytes) -> str:
    """Decode non-UTF-8 bytes: cp1252 when it reads like Western text, else detection.

    Detectors are unreliable on a short Western text (charset-normalizer reads the bytes
    of "Société" as Arabic), so cp1252 comes first when it decodes the bytes and most
    letters come out as plain ASCII; text in another script does not pass that test.
    """
    text = _strict_decode(data, "cp1252")
    if text is not None and _reads_as_western(text):
        logger.debug("decoded as cp1252")
        return text
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        logger.debug("decoded as %s (charset-normalizer)", best.encoding)
        return str(best)
    if text is not None:
        return text
    raise errors.undecodable("no text encoding fits the bytes")


def _reads_as_western(text: str) -> bool:
    """Are most letters ASCII, as in English or French (but not Greek read as cp1252)?

    >>> _reads_as_western("Société Générale"), _reads_as_western("Ðåêëàìà")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    accented = sum(not c.isascii() for c in letters)
    return accented / len(letters) <= _MAX_ACCENTED_SHARE


# --------------------------------------------------------------------------- HTML

_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(r"<(?:!doctype\s{1,5}html|html)\b", re.I)
_HTML_BODY = re.compile(r"<body\b", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|tr|td|script|style|meta|head|title|article|section|nav|img)\b[^<>]{0,500}>", re.I)
_MIN_TAGS = 5
_SNIFF_CHARS = 20_000
_DOCTYPE_CHARS = 2_000


def looks_like_html(text: str, name: str | None = None) -> bool:
    """Is this an HTML page? By file extension, or by a doctype / ``<html>`` / ``<body>``
    / several common tags near the start. Reuters-style ``<OXY>`` tickers are not tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("OCCIDENTAL <OXY> UNIT NAMES NEW PRESIDENT")
    False
    """
    if name and PurePath(name).suffix.lower() in _HTML_EXTENSIONS:
        return True
    head = text[:_SNIFF_CHARS]
    if _HTML_START.search(head[:_DOCTYPE_CHARS]) or _HTML_BODY.search(head):
        return True
    return len(_HTML_TAG.findall(head)) >= _MIN_TAGS


def html_to_text(html: str) -> tuple[str, datetime.date | None]:
    """The article text of an HTML page (title first, paragraphs separated by blank lines)
    and its publication date from the page metadata.

    Uses trafilatura, favouring recall so that every body paragraph is kept; comments,
    tables, links and images are left out. When trafilatura finds no article, the page's
    whole visible text is returned for the cleaning stage to sort out. A page nested deeper
    than libxml2 parses by default is parsed with ``huge_tree`` (to 2,048 levels) and, deeper
    still, read by stripping its tags. Nothing is fetched: no network, no external entity.
    """
    import trafilatura  # slow to import: only when a page needs it

    page = _page(html)
    if page is None:
        return _stripped_text(html), None
    document = trafilatura.bare_extraction(
        page(),
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if document is None or not (document.text or "").strip():
        logger.warning("trafilatura found no article text; using the page's whole text")
        return _paragraphs(trafilatura.html2txt(page())), None
    body = _paragraphs(document.text)
    title = (document.title or "").strip()
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}" if body else title
    return body, _parse_date(document.date)


#: libxml2 keeps at most this many nested elements unless told ``huge_tree`` (then 2,048).
_DEFAULT_DEPTH = 256


def _page(html: str):
    """What trafilatura should read: a function giving the page (a fresh tree each time, since
    trafilatura changes it) or None when the page is nested too deep for any parse.

    >>> _page("<p>x</p>")() == "<p>x</p>"
    True
    >>> type(_page("<div>" * 300 + "x")()).__name__, _page("<div>" * 3000 + "x")
    ('HtmlElement', None)
    """
    import lxml.html

    if html.count("<") <= _DEFAULT_DEPTH or not _too_deep(html, huge=False):
        return lambda: html
    if _too_deep(html, huge=True):
        logger.warning("the page nests elements more than 2,048 deep; reading it by stripping its tags")
        return None
    logger.debug("the page nests elements more than %d deep; parsed with huge_tree", _DEFAULT_DEPTH)
    return lambda: lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True, no_network=True))


def _too_deep(html: str, huge: bool) -> bool:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=huge, no_network=True)
    try:
        lxml.html.fromstring(html, parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        return False  # trafilatura meets the same problem and reports it
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


#: Tags whose content is not text to read.
_NOT_TEXT = re.compile(r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_ANY_TAG = re.compile(r"<!--.*?-->|<[^<>]*>", re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|pre|table|title|nav|header|footer)"
                        r"\b[^<>]*>", re.I)


def _stripped_text(html: str) -> str:
    r"""The text of a page, read without a parser: a paragraph per block element, tags dropped,
    whitespace inside a block made single spaces, HTML's own entities decoded.

    >>> _stripped_text("<div><p>Acme &amp; Co\n named</p><script>x()</script><p>Jo Li <b>CEO</b>.</p></div>")
    'Acme & Co named\n\nJo Li CEO.'
    """
    import html as html_entities

    blocks = _BLOCK_TAG.split(_NOT_TEXT.sub(" ", html))
    texts = (" ".join(html_entities.unescape(_ANY_TAG.sub("", block)).split()) for block in blocks)
    return "\n\n".join(text for text in texts if text)


def _paragraphs(text: str) -> str:
    """One paragraph per line -> paragraphs separated by blank lines.

    >>> _paragraphs("Title\\n  First.\\n\\nSecond.")
    'Title\\n\\nFirst.\\n\\nSecond.'
    """
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _parse_date(value: str | None) -> datetime.date | None:
    """Trafilatura's ``YYYY-MM-DD`` date, or None.

    >>> _parse_date("2024-03-04"), _parse_date(None), _parse_date("March")
    (datetime.date(2024, 3, 4), None, None)
    """
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        logger.debug("unparseable page date %r", value)
        return None


# --------------------------------------------------------------------------- entry point


def load_text(data: bytes | str, *, name: str | None = None, max_chars: int = 2_000_000) -> InputText:
    """Bytes or text -> ``InputText``: decode, check the size, extract HTML articles.

    Raises ``InputError`` of type DECODE (binary), TOO_LARGE (more than ``max_chars``
    characters) or EMPTY (nothing but whitespace).

    >>> load_text("   ")
    Traceback (most recent call last):
    ...
    extractor.errors.InputError: the document has no text after cleaning; nothing to extract
    """
    text = decode_bytes(data) if isinstance(data, bytes) else _valid_unicode(data)
    if len(text) > max_chars:
        raise errors.too_large(len(text), max_chars)
    published = None
    is_html = looks_like_html(text, name)
    if is_html:
        text, published = html_to_text(text)
    if not text.strip():
        raise errors.empty()
    return InputText(text=text, is_html=is_html, published=published)


def _valid_unicode(text: str) -> str:
    """``text``, or ``InputError(DECODE)`` when it holds a lone surrogate (not text: no model can read it).

    >>> _valid_unicode("Jo \\ud800 Li")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    extractor.errors.InputError: the text holds an unpaired surrogate (U+D800) at character 3, ...
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise errors.InputError(
            errors.DECODE,
            f"the text holds an unpaired surrogate (U+{ord(text[exc.start]):04X}) at character {exc.start}, "
            'which is not valid Unicode; decode the bytes with errors="replace" rather than "surrogateescape"',
        ) from None
    except TypeError:
        raise TypeError(f"expected the document as bytes or str, not {type(text).__name__}") from None
    return text
