"""Announcement and effective dates.

Only candidate spans are parsed: the wire's first-line stamp ("9-APR-1987
11:14:45.93"), datelines ("LOS ANGELES, April 9 -", "Paris, April 20, 2020 –"),
bylines and lone date lines ("18th June 2018"), and spaCy DATE entities after an
effective-date cue ("effective April 1"). dateparser (English only, imported
lazily, results cached) turns each span into a day, resolved against the
announcement date so that "April 1" in a text of 3 March 1987 is 1987-04-01.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Span

log = logging.getLogger(__name__)

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

#: Reuters stamp on the first line: "26-MAR-1987 12:27:23.14"
WIRE_STAMP = re.compile(rf"^\s*([0-3]?\d)-({_MONTHS})-({_YEAR})\b", re.IGNORECASE)
#: The dateline of a wire story: a place, the month and day without a year, a dash
#: ("PROVO, Utah, March 13 - "); with ``WIRE_STAMP``, the layout of wire copy
WIRE_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][\w.'’ -]{{1,60}}?(?:,\s*[A-Z][\w. ]{{1,25}}?)?,\s+(?i:{_MONTHS})\.?\s+{_DAY}\s+-\s", re.MULTILINE)
#: A date written out: "April 20, 2020", "20 April 2020", "18th June 2018", "April 9"
DATE_TEXT = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+(?:of\s+)?(?:{_MONTHS})\.?,?(?:\s+{_YEAR})?)\b",
    re.IGNORECASE,
)
#: Numeric dates in datelines: "12.03.2024", "2024-03-12", "03/12/2024"
DATE_NUMERIC = re.compile(r"\b(?:\d{4}-\d\d-\d\d|[0-3]?\d[./][01]?\d[./](?:19|20)\d\d)\b")
#: A dateline: a capitalised place, a comma, then the date, near the start of a line
DATELINE = re.compile(
    rf"^[ \t#*>]*[A-Z][\w.'’ -]{{1,60}}?(?:,\s*[A-Z][\w. ]{{1,25}}?)?,\s+(?P<date>(?:{_MONTHS})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+(?:{_MONTHS})\.?,?(?:\s+{_YEAR})?|\d{{4}}-\d\d-\d\d|[0-3]?\d[./][01]?\d[./](?:19|20)\d\d|[0-3]?\d\.[01]?\d\.\d\d)\b",
    re.IGNORECASE | re.MULTILINE,
)
#: A dateline whose date follows a dash or a "/ wire /" tag: "FORT LAUDERDALE, FL - March 21, 2025",
#: "Salt Lake City, UT – February 4th, 2025 –", "ST. LOUIS, MO / PR Karma / October 1, 2025" (year required)
DATELINE_AFTER_DASH = re.compile(
    rf"^[ \t#*>]*[A-Z][\w.'’ -]{{1,60}}?(?:,\s*[A-Z][\w. ]{{1,25}}?)?\s*(?:[-–—]|/[^/\n]{{1,40}}/)\s*"
    rf"(?P<date>(?i:{_MONTHS})\.?\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?i:{_MONTHS})\.?,?\s+{_YEAR})\b",
    re.MULTILINE,  # a place starts with a capital: "results for the quarter ended - March 31" is no dateline
)
#: A line that holds only a date (with "By <author> |" or "Published" around it)
DATE_LINE = re.compile(
    rf"^[ \t]*(?:(?:published|posted|updated|date)\s*:?\s*|by\s+[^|\n]{{1,60}}[|,–-]\s*)?(?P<date>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:{_MONTHS})\.?\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+{_YEAR}))\b[^\n]{{0,30}}$",
    re.IGNORECASE | re.MULTILINE,
)

#: "Posted on 22 January 2024", "Published: Jan. 5, 2024", anywhere in a line (a page's
#: heading and byline can come out of cleaning as one line)
POSTED = re.compile(
    rf"\b(?:Published|Posted|Updated|First\s+published|PUBLISHED|POSTED)\s*(?i:on\s+)?:?\s*(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<date>(?i:{_MONTHS})\.?\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?(?i:{_MONTHS})\.?,?\s+{_YEAR})\b",
)  # a capital: "the strategy review, published on 12 January 2023, ..." is a sentence, not a byline
#: A full date with its year, for byline lines
_FULL_DATE = re.compile(
    rf"(?P<date>(?:{_MONTHS})\.?\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+{_YEAR})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTHS})\.?\s+({_YEAR})\b", re.IGNORECASE)


def latest_dated_year(text: str) -> int | None:
    """The latest year of a date the text gives with its month ("June 2024", "July 25, 2025",
    "25 July 2025"): where a text without a dateline stands in time."""
    years = [int(m.group("date")[-4:]) for m in _FULL_DATE.finditer(text)]
    years += [int(m.group(1)) for m in _MONTH_YEAR.finditer(text)]
    return max(years, default=None)


#: What else a byline line may hold: times, zones, separators, capitalised names, and these words
#: A clock time: "14:32", "7:15 AM", "9.30am" (assemble: no organisation right after one)
CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_BYLINE_TIME = re.compile(rf"\b{CLOCK.pattern}|\b[A-Z]{{2,5}}(?:[+-]\d{{1,2}})?\b|[|•·/@,–—-]|\d+", re.IGNORECASE)
_BYLINE_WORDS = {"by", "on", "at", "and", "published", "posted", "updated", "last", "modified", "comments", "comment",
                 "min", "mins", "read", "am", "pm"}
_BYLINE_MAX = 120
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _byline_date(line: str) -> re.Match | None:
    """The date of a byline line ("By Grace Whitmore | 18 September 2023, 14:32 BST | Updated
    16:05 BST", "7:15 AM GMT+1 • April 17, 2024"): a short line with a full date and otherwise
    only times, zones, separators, capitalised names and byline words; not a sentence.

    >>> _byline_date("By Grace Whitmore  |  18 September 2023, 14:32 BST  |  Updated 16:05 BST").group("date")
    '18 September 2023'
    >>> _byline_date("Mrs Haskett will leave on 30 April 2024.") is None
    True
    >>> _byline_date("Jane Roe To Retire As Acme CEO On December 31, 2024") is None
    True
    """
    if len(line) > _BYLINE_MAX or line.rstrip().endswith((".", ":", "?", "!")) or re.search(r":\s", _FULL_DATE.split(line)[0]):
        return None  # (not "Annual General Meeting: 14 May 2024")
    m = _FULL_DATE.search(line)
    if m is None:
        return None
    rest = _BYLINE_TIME.sub(" ", _FULL_DATE.sub(" ", line))
    words = re.findall(r"[^\W\d_]+", rest)
    if any(word[0].islower() and word not in _BYLINE_WORDS for word in words):
        return None
    # a byline marks itself: "By", a separator or a clock time, or it is the date alone (and its weekday);
    # a title-case headline is none ("Jane Roe To Retire As Acme CEO On December 31, 2024")
    marked = re.search(rf"\bby\b|[|•·]|{CLOCK.pattern}|\b(?:published|posted|updated)\b", line, re.IGNORECASE)
    return m if marked or all(w.lower().rstrip("s") in _WEEKDAYS for w in words) else None


_HEAD_CHARS = 1500  # datelines and bylines live at the top


@lru_cache(maxsize=4096)
def parse_date(text: str, base: date | None = None, prefer: str = "current_period") -> date | None:
    """Parse one date span with dateparser (English, day-first off unless the text says so).

    >>> parse_date("April 20, 2020")
    datetime.date(2020, 4, 20)
    >>> parse_date("April 1", date(1987, 3, 3))
    datetime.date(1987, 4, 1)
    >>> parse_date("18th June 2018")
    datetime.date(2018, 6, 18)
    """
    quick = _written_out(text) or _numeric(text)
    if quick is not None:
        return quick
    import dateparser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["month"],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(" ,.-–—"), flags=re.IGNORECASE)
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError) as exc:  # dateparser raises these on odd spans
        log.debug("dateparser rejected %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None


_WRITTEN_OUT = re.compile(
    rf"(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>{_YEAR}))",
    re.IGNORECASE,
)


def _written_out(text: str) -> date | None:
    """A date given in full ("April 20, 2020", "18th June 2018") read without dateparser, which
    costs about a millisecond a call; anything else is left to dateparser.

    >>> _written_out(" Sept. 3, 2024 "), _written_out("3rd of May 1987"), _written_out("May 1987")
    (datetime.date(2024, 9, 3), datetime.date(1987, 5, 3), None)
    """
    m = _WRITTEN_OUT.fullmatch(text.strip(" ,.-–—"))
    if m is None:
        return None
    month = _MONTH_NUM[(m.group("m1") or m.group("m2"))[:3].lower()]
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y1") or m.group("y2"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NUMERIC = re.compile(r"(?P<iso>(?P<y0>\d{4})-(?P<m0>\d\d)-(?P<d0>\d\d))|(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)")


def _numeric(text: str) -> date | None:
    """A numeric date: ISO "2024-03-12"; dotted "12.03.2024" or "12.03.24" is day first (the
    German, Nordic and Swiss way; nobody writes month-first with dots); slashed "03/12/2024" is
    month first (the US way) unless the first number can only be a day ("25/03/2024"); a slashed
    date with a two-digit year is left to dateparser.

    >>> _numeric("12.03.2024"), _numeric("03/12/2024"), _numeric("25/03/2024"), _numeric("2024-03-12")
    (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12), datetime.date(2024, 3, 25), datetime.date(2024, 3, 12))
    """
    m = _NUMERIC.fullmatch(text.strip(" ,-–—"))
    if m is None:
        return None
    if m.group("iso"):
        year, month, day = int(m.group("y0")), int(m.group("m0")), int(m.group("d0"))
    else:
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if year < 100:
            if m.group("sep") != ".":
                return None  # "03/12/24": left to dateparser
            year += 2000 if year < 70 else 1900
        day, month = (a, b) if m.group("sep") == "." or a > 12 else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: How far into a text a wire dateline is looked for.
WIRE_HEAD = 1500


def looks_like_wire_copy(text: str) -> bool:
    """Is a text a wire story by its layout: a filing stamp on the first line or a wire dateline
    near the start (before ``blank_datelines`` hides it from the parser)?

    >>> looks_like_wire_copy("PROVO, Utah, March 13 - Zentra Corp said"), looks_like_wire_copy(
    ...     "PROVO, Utah, March 13, 2025 /PRNewswire/ -- Zentra Corp said")
    (True, False)
    """
    return WIRE_STAMP.match(text) is not None or WIRE_DATELINE.search(text[:WIRE_HEAD]) is not None


def wire_stamp(text: str) -> date | None:
    """The date of a Reuters-style first-line stamp.

    >>> wire_stamp("26-MAR-1987 12:27:23.14\\nHEADLINE")
    datetime.date(1987, 3, 26)
    """
    m = WIRE_STAMP.match(text)
    if not m:
        return None
    day, mon, year = int(m.group(1)), _MONTH_NUM[m.group(2)[:3].lower()], int(m.group(3))
    try:
        return date(year, mon, day)
    except ValueError:
        return None


def announcement_date(text: str, fallback: date | None = None) -> date | None:
    """The date the text was issued: wire stamp, dateline, byline or lone date line.

    A dateline without a year ("LOS ANGELES, April 9 -") takes the year of the stamp
    or of ``fallback`` (e.g. an HTML page's publication date).
    """
    stamp = wire_stamp(text)
    if stamp is not None:
        return stamp
    head = text[:_HEAD_CHARS]
    for m in DATELINE.finditer(head):
        span = m.group("date")
        if re.search(_YEAR, span) or _numeric(span) is not None:
            parsed = parse_date(span)
            if parsed is not None:
                return parsed
        elif fallback is not None:
            return parse_date(span, fallback)
    for m in DATELINE_AFTER_DASH.finditer(head):
        parsed = parse_date(m.group("date"))
        if parsed is not None:
            return parsed
    m = DATE_LINE.search(head) or DATE_LINE.search(text[-_HEAD_CHARS:] if len(text) > _HEAD_CHARS else "")
    if m:
        parsed = parse_date(m.group("date"))
        if parsed is not None:
            return parsed
    if fallback is not None:
        return fallback  # an HTML page's own publication date before a guess from its lines
    for m in (POSTED.search(head), *map(_byline_date, head.splitlines())):
        parsed = parse_date(m.group("date")) if m is not None else None
        if parsed is not None:
            return parsed
    # a lone date line anywhere (news sites often put it under the article)
    for m in DATE_LINE.finditer(text):
        parsed = parse_date(m.group("date"))
        if parsed is not None:
            return parsed
    return fallback


_IMMEDIATE = re.compile(
    r"\b(?:effective|starting|beginning)\s+immediately\b|\bwith\s+immediate\s+effect\b|\beffective\s+(?:today|now)\b"
    r"|\bimmediately\b|\btoday\b",
    re.IGNORECASE,
)
#: Words before a date that make it the start of something else, not the change
_NOT_EFFECTIVE = {"since", "until", "through", "ago", "last", "between", "before", "during", "earlier"}
_AHEAD = re.compile(r"\b(?:will|would|shall|effective|to\s+become|to\s+succeed|to\s+replace|to\s+take|is\s+to|are\s+to|plans?\s+to)\b", re.IGNORECASE)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"twenty-" + w: 20 + i for w, i in list(_NUMBER_WORDS.items())[1:10]})
_NUMBER_WORDS.update({"thirty": 30, "thirty-one": 31, "first": 1})
_SPELLED_DAY = re.compile(rf"\b((?i:{_MONTHS}))\s+([A-Za-z]+(?:-[a-z]+)?)\b")


def _nearest_year(day: date, announced: date, ahead: bool = False) -> date:
    """A date written without a year is the one nearest the announcement ("retired in
    October", in a March 1987 text: October 1986), or the next one when the sentence looks
    ahead ("will step aside in October": October 1987).

    >>> _nearest_year(date(1987, 10, 1), date(1987, 3, 23))
    datetime.date(1986, 10, 1)
    >>> _nearest_year(date(1987, 10, 1), date(1987, 3, 23), ahead=True)
    datetime.date(1987, 10, 1)
    >>> _nearest_year(date(1987, 4, 1), date(1987, 3, 3))
    datetime.date(1987, 4, 1)
    """
    options = []
    for year in (announced.year - 1, announced.year, announced.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    if ahead:
        later = [d for d in options if (d - announced).days >= -7]
        if later:
            return min(later)
    return min(options, key=lambda d: abs((d - announced).days)) if options else day


def _digits(text: str) -> str:
    """Wire copy spells small days out: "May one" -> "May 1", "June Five" -> "June 5".

    >>> _digits("on January one, 1988")
    'on January 1, 1988'
    """
    def sub(m: re.Match) -> str:
        n = _NUMBER_WORDS.get(m.group(2).lower())
        return f"{m.group(1)} {n}" if n else m.group(0)

    return _SPELLED_DAY.sub(sub, text)


def effective_date(sent: Span, announced: date | None) -> date | None:
    """The day a change takes effect, if its sentence states one: "effective April 1",
    "will retire April 21", "on January one, 1988", "in October" (the first), "effective
    immediately" or "today" (the announcement date)."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        text = _digits(ent.text)
        if not re.search(_MONTHS, text, re.IGNORECASE) and not DATE_NUMERIC.search(text):
            continue
        after = sent.doc[ent.end] if ent.end < len(sent.doc) else None
        if after is not None and after.text in ("-", "–", "—", "--"):
            continue  # a dateline, the date of the text
        if len(ent) == 1 and month_is_first_name(ent[0]):
            continue  # "August Busch III": a month that is a first name (not "in April John Smith")
        before = {t.lower_ for t in sent.doc[max(sent.start, ent.start - 2): ent.start]}
        if before & _NOT_EFFECTIVE or re.search(r"\b(?:ago|last|earlier)\b", text, re.IGNORECASE):
            continue
        # "the end of March", "late April 2024": the month (its first day)
        parsed = parse_date(re.sub(r"^(?:the\s+)?(?:(?:end|beginning|start)\s+of\s+|(?:early|mid|late)[\s-]+)", "", text,
                                   flags=re.IGNORECASE), announced)
        if parsed is not None and announced is not None and not re.search(_YEAR, text):
            parsed = _nearest_year(parsed, announced, ahead=bool(_AHEAD.search(sent.text)))
        if parsed is not None:
            return parsed
    if announced is not None:
        relative = _relative_day(sent.text, announced)
        if relative is not None:
            return relative
    if _IMMEDIATE.search(sent.text):
        return announced
    return None


#: Months that are also first names ("August Busch III", "June Carter")
MONTH_FIRST_NAMES = frozenset({"april", "may", "june", "august"})
#: Generational suffixes of names ("Jr", "III"); the rules share this list
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_BEFORE_DATES = frozenset({"in", "on", "since", "until", "from", "during", "of", "last", "next", "this", "early",
                           "late", "mid", "the", "by", "before", "after", "effective"})


def month_is_first_name(month) -> bool:
    """Is the token ``month`` ("August") the first name of the one-word name after it ("Busch
    III")? Only when that name has nothing but a surname, and a generational suffix or no word
    before the month that would make it a date ("by August Busch III", not "In May Johnson").
    """
    doc = month.doc
    if month.lower_ not in MONTH_FIRST_NAMES or not month.is_title or month.i + 1 >= len(doc):
        return False
    k = month.i + 1
    words, suffix = 0, False
    while k < len(doc) and (doc[k].is_title or doc[k].text.isupper()) and doc[k].is_alpha and k - month.i <= 3:
        if doc[k].lower_ in GENERATIONS:
            suffix = True
        else:
            words += 1
        k += 1
    if words != 1:
        return False
    before = doc[month.i - 1].lower_ if month.i > 0 else ""
    return suffix or before not in _BEFORE_DATES


_NEXT_MONTH = re.compile(r"\bnext\s+month\b", re.IGNORECASE)
_YEAR_END = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year-end|year\s+end)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(?:this\s+(?:morning|afternoon|evening)|tonight)\b", re.IGNORECASE)


def _relative_day(text: str, announced: date) -> date | None:
    """Days named relative to the announcement: "next month" (its first day), "the end of
    the year" (31 December), "yesterday", "this morning".

    >>> _relative_day("will be leaving the government next month", date(1987, 3, 26))
    datetime.date(1987, 4, 1)
    >>> _relative_day("plans to retire at the end of the year", date(1987, 4, 17))
    datetime.date(1987, 12, 31)
    """
    if _NEXT_MONTH.search(text):
        year, month = (announced.year + 1, 1) if announced.month == 12 else (announced.year, announced.month + 1)
        return date(year, month, 1)
    if _YEAR_END.search(text):
        return date(announced.year, 12, 31)
    if _YESTERDAY.search(text):
        return date.fromordinal(announced.toordinal() - 1)
    if _TODAY.search(text):
        return announced
    return None


#: The place-and-date lead of a wire story: "LOS GATOS, Calif., March 13 - ",
#: "CLEVELAND, June 3, 2025 /PRNewswire/ — ", "VIENNA, Va.–(BUSINESS WIRE)–".
DATELINE_PREFIX = re.compile(
    rf"^[ \t#*>]*[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,\s*[A-Z][A-Za-z. ]{{1,20}}?){{0,2}}"
    rf"(?:,\s+(?:(?i:{_MONTHS})\.?\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+(?i:{_MONTHS})\.?,?(?:\s+{_YEAR})?|[0-3]?\d[./][01]?\d[./](?:19|20)\d\d))?"
    rf"\s*(?:/[^/\n]{{1,40}}/|[-–—]*\s*\([^()\n]{{1,40}}\))?\s*[-–—]+\s*",
    re.MULTILINE,
)


def blank_datelines(text: str) -> str:
    """Replace dateline leads with spaces (offsets unchanged) so the parser sees the sentence.

    >>> blank_datelines("LOS GATOS, Calif., March 13 - Hytek said")
    '                              Hytek said'
    >>> blank_datelines("Harpreet Sandhu (Tax) – Harpreet advises owners.")  # an item of a list of people
    'Harpreet Sandhu (Tax) – Harpreet advises owners.'
    """
    def blank(m: re.Match) -> str:
        lead = m.group(0)
        # a dateline has a date or a wire tag, or an upper-case place
        if not (DATE_TEXT.search(lead) or "/" in lead or "(" in lead or lead.split(",")[0].strip(" #*>").isupper()):
            return lead
        after = _FIRST_WORD.match(text, m.end())
        words = [w for w in lead.strip(" #*>").split() if w.rstrip(".").lower() not in ("dr", "mr", "mrs", "ms", "prof")]
        if after is not None and (words and after.group() == words[0] or after.group() in ("He", "She")):
            return lead  # "Harpreet Sandhu (Tax) – Harpreet advises ...": a person, then about her
        return " " * len(lead)

    return DATELINE_PREFIX.sub(blank, text)


_FIRST_WORD = re.compile(r"[^\W\d_]+")
