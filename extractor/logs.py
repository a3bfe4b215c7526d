"""Logging for programs (the CLI, pool workers): one line per message on stderr.

Libraries that import us keep their own logging set-up: nothing here runs on import.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable


class OneLineFormatter(logging.Formatter):
    """``level name: message`` on one line; tracebacks only when ``tracebacks`` is set."""

    def __init__(self, tracebacks: bool = False):
        super().__init__("%(levelname)s %(name)s: %(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if self.tracebacks or not (record.exc_info or record.exc_text or record.stack_info):
            return super().format(record)
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info = plain.exc_text = plain.stack_info = None
        return super().format(plain)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a message comes (as ``logging.lastResort`` does)."""

    def __init__(self, level: int = logging.NOTSET):
        logging.Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


def configure_logging(level: int) -> Callable[[], None]:
    """Log this package's messages to stderr at ``level``, one line each (tracebacks at DEBUG).

    For programs (the CLI, pool workers), not for libraries that import us. Returns a
    function that undoes it.
    """
    logger = logging.getLogger(__package__)
    previous = logger.level
    handler = _StderrHandler()
    handler.setFormatter(OneLineFormatter(tracebacks=level <= logging.DEBUG))
    logger.addHandler(handler)
    logger.setLevel(level)

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return undo
