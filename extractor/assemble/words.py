"""Word lists that more than one stage reads, each defined once (with the test a list answers,
when several stages ask it). A list only one rule reads stays beside that rule.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .text import fold


#: Words that make a "person" entity an organisation or a place
_ORG_WORDS = {
    "region", "group", "inc", "corp", "co", "company", "bank", "association", "institute", "university",
    "council", "cluster", "party", "partners", "capital", "systems", "holdings", "ltd", "plc", "llc",
    "foundation", "fund", "agency", "ministry", "department", "board", "committee", "exchange", "services",
    "technologies", "international", "industries", "airways", "airlines", "media", "energy", "covid",
    "authority", "commission", "administration", "bureau", "office", "court", "organization", "organisation",
    "society", "trust", "securities", "financial", "bancorp", "bancorporation", "exploration", "petroleum",
    "oil", "gas", "motors", "foods", "products", "resources", "investments", "management", "network",
    "networks", "pharmaceuticals", "therapeutics", "labs", "laboratories", "university", "college", "school",
    "ministry", "government", "army", "navy", "force", "police", "house", "senate", "congress", "parliament",
    "advisory", "consulting", "partners", "ventures", "capital", "holdings", "health", "insurance", "bank",
    "cloud", "software", "analytics", "solutions", "digital", "logistics", "freight", "foods", "pharma",
    "biologics", "therapeutics", "securities", "industries", "audit", "conseil", "society", "specialty",
}

_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "prof", "mr.", "mrs.", "ms.", "dr.", "prof.", "dame", "lord"}

_PRONOUNS = {"he": "m", "she": "f", "his": "m", "her": "f", "him": "m"}

_ORG_NOUNS = {
    "company", "firm", "group", "bank", "consultants", "consultancy", "start-up", "startup",
    "movement", "party", "agency", "organisation", "organization", "fund", "insurer", "retailer",
    "maker", "manufacturer", "provider", "lab", "laboratory", "business", "subsidiary", "unit",
    "division", "giant", "house", "partnership", "brokerage", "practice", "platform",
}

_STOP_CAPS = {
    "the", "a", "an", "in", "on", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their",
    "mr", "mrs", "ms", "dr", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "prior", "before", "after", "during", "most",
    "previously", "formerly", "since", "as", "president", "chairman", "chief", "ceo", "cfo",
    "besides", "also", "however", "meanwhile", "but", "and", "earlier", "later", "separately", "under",
    "with", "for", "at", "from", "by", "of", "to", "this", "that", "these", "those", "both", "all",
    # prepositions a title-case headline capitalises ("as CFO Amid Rapid Industry Growth")
    "amid", "amidst", "among", "across", "through", "throughout", "into", "within", "without", "toward",
    "towards", "following", "ahead", "via", "despite", "including", "upon", "beyond", "alongside",
    # headline nouns after a title ("Announces CEO Succession Plan")
    "succession", "plan", "transition", "update", "leadership", "changes", "appointment", "appointments",
    "announcement", "team",
}

_GENERIC_ORGS = {"company", "corporation", "group", "board", "bank", "firm", "firms", "partnership", "association",
                 "organization", "organisation", "society", "fund", "trust", "agency", "government", "ministry"}

#: Ranks and offices that stand before names but are not part of them
_RANKS = {"brigadier", "colonel", "admiral", "lieutenant", "sergeant", "general", "major", "captain", "ambassador",
          "senator", "governor", "judge", "justice", "secretary", "minister", "premier", "rep", "sen"}

_DAY_AND_MONTH_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december"}

_PLURAL_HEADS = {"directors": "director", "trustees": "trustee", "members": "member",
                 "governors": "governor", "partners": "partner", "officers": "officer"}

#: Bodies a seat is held on, and the words that give one a name of its own ("Advisory Board",
#: "Management Board", "Scientific Advisory Council"): a seat on such a body is named by the body,
#: not "director", and the body is no organisation of its own
BOARD_WORDS = frozenset({"board", "council", "committee"})
#: Bodies whose members a list may name ("The new committee is made up of:")
BODY_WORDS = BOARD_WORDS | {"panel"}
BOARD_MODIFIERS = frozenset({"advisory", "strategic", "scientific", "technical", "supervisory", "medical",
                             "clinical", "industry", "executive", "global", "editorial", "management", "managing"})
_BOARD_MEMBERS = frozenset({"directors", "advisors", "advisers", "trustees", "governors"})


def names_only_a_body(words: list[str]) -> bool:
    """Do the (lower-case) words name a board or committee and nothing else: "advisory board",
    "the management board", "board of directors" (not "federal reserve board")?"""
    words = [w for w in words if w not in ("the", "its", "of")]
    return bool(words) and any(w in BOARD_WORDS for w in words) and all(
        w in BOARD_WORDS or w in BOARD_MODIFIERS or w in _BOARD_MEMBERS for w in words)


_JOIN_WORDS = {"join", "joins", "joined", "joining", "rejoin", "rejoins", "rejoined", "returns", "return", "returned"}

#: Words before "to" and a name that the post answers to: "reporting (directly) to", "adviser to",
#: "chief of staff to" (Chief Executive) Ann Lee
_ANSWERS_TO = {"report", "reports", "reported", "reporting", "adviser", "advisor", "advisers", "advisors", "aide",
               "aides", "assistant", "assistants", "counsel", "counselor", "counsellor", "deputy", "staff"}

#: Verbs before "with" and a name that the post works beside: "working (directly) with", "will
#: closely collaborate with" (founder and CEO) Alan Moore
_WORKS_WITH = {"work", "works", "worked", "working", "collaborate", "collaborates", "collaborated", "collaborating",
               "partner", "partners", "partnering"}

_DUTY_WORDS = {"duties", "post", "job", "role", "position", "responsibilities", "posts", "functions", "place"}

_LEGAL_SUFFIXES = {"inc", "llc", "ltd", "plc", "corp", "co", "lp", "llp", "gmbh", "ag", "sa", "nv", "bv", "asa", "ab", "oyj",
                   "spa", "srl", "sas", "kk", "pty", "pte", "bhd", "se"}

#: Professional credentials, degrees and honours written after a name ("Meghan Fletcher, CFE,", "Ann
#: Lee, MPH", "Kieran West MBE"): no employer, no firm a text is about, and no part of the name
_CREDENTIALS = {"cpa", "cfa", "cfe", "cfp", "cma", "cia", "cisa", "cissp", "pmp", "mba", "phd", "md", "jd", "esq",
                "acca", "aca", "fca", "cgma", "cpcu", "sphr", "phr", "shrm-scp", "fcca", "cipd", "llm", "mph",
                "mbe", "obe", "cbe", "kbe", "dbe", "dnp", "fnp-c", "rn"}


def is_credential(text: str) -> bool:
    """Is the word a credential, degree or honour written after a name ("CPA", "Ph.D.", "MBE")?"""
    return fold(text).replace(".", "").replace(" ", "") in _CREDENTIALS  # ("M.D." folds to "m d")


def _quote_closes(doc: Doc, k: int, limit: int) -> bool:
    """Does a quotation close at ``k``, before its speaker ("... welcome Ann Lee,” said Bo Park,
    chairman": no appositive of Ann Lee; "“...,” added Dana Lee, president": no hire)?"""
    return doc[k].is_quote and k + 1 < limit and doc[k + 1].lower_ in _SPEECH_VERBS


_SPEECH_VERBS = {"said", "says", "added", "adds", "noted", "notes", "explained", "explains", "commented",
                 "comments", "stated", "states", "told", "tells", "remarked", "remarks"}
