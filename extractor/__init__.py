"""Turn press releases about executive moves into validated appointment records.

    >>> from extractor import extract
    >>> record = extract("Acme Corp named Jane Doe chief executive officer.")  # doctest: +SKIP
    >>> record.appointments[0].person.name  # doctest: +SKIP
    'Jane Doe'

For many documents reuse one ``Extractor`` (it holds the loaded model) or use
``extractor.batch.run``. Importing this package is cheap: spaCy, dateparser and
trafilatura are imported on first use.
"""
from __future__ import annotations

import threading
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import AnnouncementRecord, ErrorRecord
    from .options import Options
    from .pipeline import Extractor

try:
    __version__ = version("appointment-extractor")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["extract", "Extractor", "Options", "AnnouncementRecord", "ErrorRecord", "__version__"]

#: Public names imported on first access (module __getattr__), so that importing the package stays light.
_LAZY = {
    "Extractor": ".pipeline",
    "Options": ".options",
    "AnnouncementRecord": ".models",
    "ErrorRecord": ".models",
}

_default: Extractor | None = None
_default_lock = threading.Lock()


def extract(text: str, document_id: str = "document", source: str | None = None) -> AnnouncementRecord:
    """Extract the appointments of one text with a shared ``Extractor`` (default options).

    The model is loaded on the first call. Raises ``extractor.errors.InputError`` for
    text that cannot be processed (empty, too large).
    """
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                from .pipeline import Extractor

                _default = Extractor()
    return _default.extract(text, document_id=document_id, source=source)


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
