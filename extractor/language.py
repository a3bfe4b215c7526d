"""Which language a document is in, so that a text the extractor cannot read is flagged, not
silently given an empty result.

English is recognised on the spot by its function words; any other text goes to py3langid
(whose model ships inside its package: nothing is downloaded), loaded on first need.

    >>> detect_language("Acme Corp said it named Jane Doe president of its software unit, "
    ...                 "effective March 1, and that she succeeds John Roe, who retires.")
    'en'
    >>> detect_language("Le conseil d'administration de la société a nommé Marie Dupont au poste "
    ...                 "de directrice générale, avec effet au premier mars. Elle succède à Paul Durand, "
    ...                 "qui quitte le groupe après vingt ans pour prendre sa retraite.")
    'fr'
"""
from __future__ import annotations

import re
import threading

#: The languages the extractor reads.
SUPPORTED = frozenset({"en"})
#: The warning a record carries when its text is in another language.
UNSUPPORTED = "unsupported_language"
#: Characters looked at (the opening of a document tells its language).
SAMPLE_CHARS = 3000
#: Fewer words than this cannot be told apart reliably (a headline, a table): taken as English.
MIN_WORDS = 30
#: Share of English function words above which a text is English without asking the model.
ENGLISH_SHARE = 0.08
#: The model's probability needed to call a text something other than English.
MIN_PROBABILITY = 0.9
#: The model's answers that name no language (no linguistic content, e.g. base64 or numbers).
NO_LANGUAGE = frozenset({"zxx", "und"})

_FUNCTION_WORDS = frozenset(
    "the of and to in a is for on with said as by at that from its it has was be will an are "
    "he she his her their who which this has have been were".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_identifier = None
_lock = threading.Lock()


def _model():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def english_share(words: list[str]) -> float:
    return sum(w in _FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language; "en" when it is English or too short to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS or english_share(words) >= ENGLISH_SHARE:
        return "en"
    code, probability = _model().classify(sample)
    return code if probability >= MIN_PROBABILITY and code not in NO_LANGUAGE else "en"
