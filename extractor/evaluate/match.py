"""When a predicted name, organisation or role is the gold one: text folding, then one matcher
for persons, organisations and roles (the conventions are in the package docstring)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------- text folding

_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits, in any script


def fold(text: str | None) -> str:
    """Case-fold and strip accents.

    >>> fold("Stéphane ROQUES")
    'stephane roques'
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str | None) -> list[str]:
    """The folded words of ``text``; punctuation separates words.

    >>> words("Gerald M.N. Corbett")
    ['gerald', 'm', 'n', 'corbett']
    """
    return _WORD.findall(fold(text))


def alternatives(gold: str | None) -> list[str]:
    """The ``|``-separated alternatives a gold value allows.

    >>> alternatives("MSF | Doctors without Borders")
    ['MSF', 'Doctors without Borders']
    """
    return [part.strip() for part in (gold or "").split("|") if part.strip()]


# --------------------------------------------------------------------------------- persons

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "rev"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq", "obe", "cbe", "mbe", "kbe"})


@dataclass(frozen=True)
class PersonName:
    """A name reduced to what identifies the person.

    Initials are left out: an initial stands for any first name (the reference scorer's
    reading, and the safe one when a text abbreviates a name it spells out elsewhere).
    """

    surname: str
    first_name: str | None  # the first given name written out in full


def parse_person(name: str | None) -> PersonName | None:
    """Surname and first name of ``name``, ignoring honorifics, suffixes and initials.

    None when no word longer than one letter is left.

    >>> parse_person("Mr. John W. Johnstone Jr.")
    PersonName(surname='johnstone', first_name='john')
    >>> parse_person("C.E. Spruell")
    PersonName(surname='spruell', first_name=None)
    """
    tokens = [w for w in words(name) if len(w) > 1 and w not in HONORIFICS and w not in NAME_SUFFIXES]
    if not tokens:
        return None
    return PersonName(surname=tokens[-1], first_name=tokens[0] if len(tokens) > 1 else None)


def same_person(gold: str | None, pred: str | None) -> bool:
    """True when two names can be the same person.

    Surnames must agree; first names must agree when both names spell one out; a name with
    only initials or a bare surname agrees with any first name. Hyphenated surnames compare
    on their last part, like the reference scorer ("Cathy Jean-Louis" is not "Jean-Louis").

    >>> same_person("John M. Henske", "J. Henske"), same_person("John Henske", "Mary Henske")
    (True, False)
    """
    a, b = parse_person(gold), parse_person(pred)
    if a is None or b is None or a.surname != b.surname:
        return False
    return a.first_name is None or b.first_name is None or a.first_name == b.first_name


# --------------------------------------------------------------------------- organisations

LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "companies",
    "ltd", "limited", "plc", "llc", "llp", "lp", "pty", "pte",
    "sa", "ag", "nv", "bv", "gmbh", "spa", "srl", "sarl", "sas", "ab", "asa", "oy", "kk",
})
GENERIC_ORG_WORDS = frozenset({"group", "holding", "holdings", "government"})  # the kind of body, not which
FUNCTION_WORDS = frozenset({"the", "of", "and"})
STEM_LENGTH = 5  # organisation words agree on their first five letters ("Japan"/"Japanese")


def org_words(name: str | None) -> list[str]:
    """Folded words of an organisation name, "&" read as "and", function words dropped.

    >>> org_words("The Hong Kong & Shanghai Banking Corp (U.S.)")
    ['hong', 'kong', 'shanghai', 'banking', 'corp', 'u', 's']
    """
    return [w for w in words((name or "").replace("&", " and ")) if w not in FUNCTION_WORDS]


def org_key(name: str | None) -> frozenset[str]:
    """The stems that identify an organisation: legal forms and generic words left out.

    >>> sorted(org_key("Olin Corporation")), sorted(org_key("Japanese government"))
    (['olin'], ['japan'])
    """
    return frozenset(
        w[:STEM_LENGTH] for w in org_words(name) if w not in LEGAL_FORMS and w not in GENERIC_ORG_WORDS
    )


def acronym(name: str | None) -> str | None:
    """The initials of a multi-word name, legal form included (None for one word).

    The legal form counts, as in the reference scorer: "International Business Machines
    Corp" is "ibmc", so "IBM" does not match it (see the module docstring).

    >>> acronym("Medicen Paris Region"), acronym("Boeing")
    ('mpr', None)
    """
    ws = org_words(name)
    return "".join(w[0] for w in ws) if len(ws) > 1 else None


def _same_single_org(gold: str, pred_key: frozenset[str]) -> bool:
    gold_key = org_key(gold)
    if gold_key and (gold_key <= pred_key or pred_key <= gold_key):
        return True
    return len(pred_key) == 1 and acronym(gold) in pred_key


def same_organisation(gold: str | None, pred: str | None) -> bool:
    """True when a predicted organisation names (one of) the gold organisation(s).

    Case, accents, punctuation, legal forms and generic words are ignored; one name may be
    a subset of the other ("Medicen" / "Medicen Paris Region"); a one-word prediction may
    be the gold name's acronym ("MPR").

    >>> same_organisation("Olin Corp", "OLIN CORPORATION")
    True
    >>> same_organisation("MSF | Doctors without Borders", "Doctors Without Borders")
    True
    """
    pred_key = org_key(pred)
    return bool(pred_key) and any(_same_single_org(alt, pred_key) for alt in alternatives(gold))


# ----------------------------------------------------------------------------------- roles

ROLE_ABBREVIATIONS = {
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "cmo": "chief marketing officer",
    "evp": "executive vice president",
    "svp": "senior vice president",
    "vp": "vice president",
    "md": "managing director",
    "gm": "general manager",
    "chair": "chairman",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "exec": "executive",
    "pres": "president",
}
ROLE_STOP_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "as", "and", "its", "new", "company"})
ROLE_OVERLAP = 0.6  # Jaccard overlap at which two titles count as the same role

_ROLE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, hyphenated words kept whole
_ELIDED = re.compile(r"['\u2019]s\b|['\u2019.]")  # possessive 's, apostrophes, dots ("v.p." -> "vp")


def role_words(title: str | None) -> frozenset[str]:
    """The content words of a title, abbreviations expanded.

    An abbreviation is expanded only as a whole word: a hyphenated word is looked up whole
    and then split, so "vice-chairman" is "vice chairman" but "co-CEO" stays "co ceo" (the
    reference scorer's reading). Digits are not words.

    >>> sorted(role_words("Sr. V.P. and CFO of the company's unit"))
    ['chief', 'financial', 'officer', 'president', 'sr', 'unit', 'vice']
    """
    found = _ROLE_WORD.findall(_ELIDED.sub("", fold(title)))
    expanded = " ".join(ROLE_ABBREVIATIONS.get(w, w).replace("-", " ") for w in found)
    return frozenset(w for w in expanded.split() if w not in ROLE_STOP_WORDS)


def _same_single_role(gold: str, pred_words: frozenset[str]) -> bool:
    gold_words = role_words(gold)
    if not gold_words:
        return False
    if gold_words <= pred_words or pred_words <= gold_words:
        return True
    return len(gold_words & pred_words) / len(gold_words | pred_words) >= ROLE_OVERLAP


def same_role(gold: str | None, pred: str | None) -> bool:
    """True when a predicted title names (one of) the gold role(s).

    One title's words may be a subset of the other's ("chief executive" / "president and
    CEO"), or they overlap by at least ``ROLE_OVERLAP``.

    >>> same_role("chief executive officer", "CEO"), same_role("senior vice president", "executive vice president")
    (True, False)
    """
    pred_words = role_words(pred)
    return bool(pred_words) and any(_same_single_role(alt, pred_words) for alt in alternatives(gold))
