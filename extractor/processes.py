"""How worker processes are started: light on purpose (no spaCy), so that the command line can
start the fork server first; the fork server imports the pipeline (spaCy) while the command
reads its inputs (the command's own process never imports spaCy)."""
from __future__ import annotations

import multiprocessing


def pool_context() -> multiprocessing.context.BaseContext:
    """Not "fork": a forked copy of a process with threads (a progress bar) can deadlock.

    The fork server imports the pipeline (spaCy) once; each worker is a fork of it.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extractor.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def start_early() -> None:
    """Start the fork server now, so that it imports spaCy while this process does the same."""
    if pool_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
