"""One catalogue of the errors a user can meet, each with a message that says what to do.

Every error carries a short machine-readable ``type`` that batch error records expose as
``error.type``; the CLI prints ``message`` on one line.
"""
from __future__ import annotations


class ExtractorError(Exception):
    """Base class: an input or setup problem we can explain, as opposed to a bug."""

    type = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(ExtractorError):
    """The document cannot be processed as given (reported per document, the batch goes on)."""

    def __init__(self, type: str, message: str):
        super().__init__(message)
        self.type = type


class ModelNotFoundError(ExtractorError):
    type = "model_not_found"


# Error types used in records (``error.type``).
UNREADABLE = "unreadable_file"
DECODE = "decode_error"
EMPTY = "empty_text"
TOO_LARGE = "too_large"
UNSUPPORTED = "unsupported_file"
INTERNAL = "internal_error"
MISSING = "missing_path"  # a path given that does not exist
TIMEOUT = "timeout"  # the document took longer than the time budget (--timeout); its worker was replaced
WORKER_DIED = "worker_died"  # the worker process died on the document (a crash, killed for memory)


def unreadable(path: str, reason: str) -> InputError:
    return InputError(UNREADABLE, f"cannot read {path}: {reason}")


def undecodable(detail: str) -> InputError:
    return InputError(DECODE, f"cannot decode the bytes as text ({detail}); save the file as UTF-8 and retry")


def empty() -> InputError:
    return InputError(EMPTY, "the document has no text after cleaning; nothing to extract")


def too_large(size: int, limit: int) -> InputError:
    return InputError(
        TOO_LARGE,
        f"the text has {size:,} characters, more than the limit of {limit:,}; "
        "split the document or raise the limit with --max-chars",
    )


def binary_file(what: str) -> InputError:
    return InputError(DECODE, f"the file looks like {what}, not text; pass plain-text or HTML documents")
