"""Scale out on Dask: one ``Extractor`` per worker process, records as partitioned JSON Lines.

Needs the optional extra: ``pip install 'appointment-extractor[dask]'``.

    from dask.distributed import Client, LocalCluster
    from extractor.dask import extract_to_partitions

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster):
        parts = extract_to_partitions(["archive/2024"], "out/records", npartitions=64)

Inputs are files and folders (walked as ``extractor extract`` walks them, in the same order) or
feed records ``{"id": ..., "text": ...}``; ``records_bag`` maps a ``dask.bag`` of either. Each
partition is written atomically to ``part-NNNNN.jsonl`` in the output folder, one line per
input (a record or an error record, exactly as ``extractor extract`` writes them), so the
partitions concatenated in order equal the CLI's output. Run the same call again after a crash
and only the partitions that are missing are computed. The model is loaded once per worker
process and kept for every later partition (not once per partition).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .batch import InputFile, Skipped, atomic_output, iter_inputs, process_chunk, to_json
from .feeds import BAD_LINE, Unusable
from .pipeline import Document, Extractor, Options

MANIFEST = "_manifest.json"

#: One Extractor per worker process, per options (a Dask worker process runs many partitions).
_extractors: dict[Options, Extractor] = {}


def worker_extractor(options: Options) -> Extractor:
    """This process's ``Extractor`` for ``options``, made (and its model loaded) on first use."""
    found = _extractors.get(options)
    if found is None:
        found = _extractors[options] = Extractor(options)
        found.nlp  # noqa: B018  (load the model now)
    return found


def _as_input(item: Any) -> InputFile | Document | Unusable:
    """A path (str or Path) is a file to read; a mapping is a feed record."""
    if isinstance(item, (InputFile, Document, Unusable)):
        return item
    if isinstance(item, (str, os.PathLike)):
        return InputFile(Path(item))
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return Document(str(item.get("id", "document")), item["text"], source=item.get("source"))
    doc_id = str(item.get("id", "record")) if isinstance(item, dict) else "record"
    return Unusable(doc_id, repr(item)[:80], BAD_LINE, "expected a path or a mapping with a \"text\" string")


def extract_partition(items: Iterable[Any], options: Options | None = None) -> list[str]:
    """The records of one partition's inputs as JSON lines (one per input, in order)."""
    extractor = worker_extractor(options or Options())
    inputs = [_as_input(item) for item in items]
    return [to_json(record).decode() for record in process_chunk(extractor, inputs)]


def records_bag(bag, options: Options | None = None):
    """Map a ``dask.bag`` of paths or ``{"id", "text"}`` records to a bag of record JSON lines.

    Write it with ``bag.to_textfiles("out/*.jsonl")`` or parse with ``.map(json.loads)``."""
    return bag.map_partitions(extract_partition, options=options)


def expand(paths: Iterable[str | os.PathLike]) -> list[InputFile]:
    """The files under ``paths`` in the order ``extractor extract`` reads them (skipped files left out)."""
    return [item for item in iter_inputs(paths) if not isinstance(item, Skipped)]


def split(items: Sequence[Any], npartitions: int) -> list[list[Any]]:
    """``items`` in ``npartitions`` consecutive runs of near-equal size (none empty).

    >>> [len(p) for p in split(list(range(10)), 3)]
    [4, 3, 3]
    """
    n = max(1, min(npartitions, len(items)))
    size, extra = divmod(len(items), n)
    parts, start = [], 0
    for k in range(n):
        end = start + size + (k < extra)
        parts.append(list(items[start:end]))
        start = end
    return parts


def _fingerprint(items: Sequence[Any], npartitions: int, options: Options) -> str:
    digest = hashlib.sha256(repr((npartitions, options)).encode())
    for item in items:
        key = item.source if isinstance(item, InputFile) else item.get("id") if isinstance(item, dict) else str(item)
        digest.update(str(key).encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _write_partition(items: list[Any], path: str, options: Options) -> str:
    lines = extract_partition(items, options)
    with atomic_output(Path(path)) as out:
        out.write("".join(line + "\n" for line in lines).encode())
    return path


def extract_to_partitions(
    inputs: Iterable[Any],
    out_dir: str | os.PathLike,
    npartitions: int = 32,
    options: Options | None = None,
    client=None,
) -> list[Path]:
    """Extract ``inputs`` on Dask into ``out_dir/part-NNNNN.jsonl``; returns every partition's path.

    ``inputs``: files or folders (expanded as the CLI does) or ``{"id", "text"}`` records.
    Partitions already written by an earlier run of the same call are kept, not recomputed;
    a different input list or options in the same folder raise ``ValueError``. ``client``: a
    ``dask.distributed.Client`` (default: the current one, else Dask's default scheduler).
    """
    import dask

    options = options or Options()
    items: list[Any] = []
    for item in inputs:
        if isinstance(item, (str, os.PathLike)):
            items.extend(expand([item]))
        else:
            items.append(item)
    parts = split(items, npartitions)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"fingerprint": _fingerprint(items, len(parts), options), "partitions": len(parts),
                "inputs": len(items)}
    manifest_path = folder / MANIFEST
    if manifest_path.exists():
        earlier = json.loads(manifest_path.read_text())
        if earlier != manifest:
            raise ValueError(f"{folder} holds partitions of other inputs or options ({earlier['inputs']} inputs "
                             f"in {earlier['partitions']} partitions); use a new folder")
    else:
        manifest_path.write_text(json.dumps(manifest) + "\n")
    paths = [folder / f"part-{k:05d}.jsonl" for k in range(len(parts))]
    todo = [dask.delayed(_write_partition)(part, str(path), options)
            for part, path in zip(parts, paths) if not path.exists()]
    if todo:
        if client is not None:
            client.compute(todo, sync=True)
        else:
            dask.compute(*todo)
    return paths
