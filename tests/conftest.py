"""Shared fixtures: a short realistic announcement and a way to lay out input folders."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "corpus"

ANNOUNCEMENT = """\
Norrland Freight Names Maria Olsen Chief Financial Officer

GOTHENBURG, Sweden, June 3, 2024 -- Norrland Freight AB, a Nordic logistics company, \
today announced the appointment of Maria Olsen as Chief Financial Officer, effective July 1, 2024. \
She succeeds Lars Berg, who is retiring after twelve years with the company.

Olsen joins from Baltic Shipping Group, where she was finance director. \
Earlier she held finance roles at Volvo Cars.
"""


@pytest.fixture
def announcement() -> str:
    return ANNOUNCEMENT


@pytest.fixture
def make_files(tmp_path):
    """``make_files({"a.txt": "text", "sub/b.txt": b"bytes"})`` writes the files under tmp_path; returns tmp_path."""

    def make(files: dict[str, str | bytes], root: Path | None = None) -> Path:
        root = root or tmp_path
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


class EchoExtractor:
    """Stands in for ``Extractor``: a record per document (its id and source), no model."""

    def __init__(self, options=None):
        from extractor.options import Options

        self.options = options or Options()

    def process(self, documents):
        from extractor.models import AnnouncementRecord

        for document in documents:
            yield AnnouncementRecord(document_id=document.document_id, source=document.source)


@pytest.fixture
def no_model(monkeypatch):
    """``extractor.batch`` runs ``EchoExtractor`` in this process instead of the model."""
    from extractor import batch

    monkeypatch.setattr(batch, "Extractor", EchoExtractor)
    return EchoExtractor


@pytest.fixture
def corpus_texts():
    """``corpus_texts(n)``: n announcement texts, from the project corpus when present, else made up."""
    return _corpus_texts


def _corpus_texts(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:n]]
    people = ["Ana Ruiz", "Tom Becker", "Li Wei", "Sara Holm", "Omar Haddad", "Eva Novak", "Ken Ito", "Ida Berg"]
    for i in range(len(texts), n):
        name = people[i % len(people)]
        texts.append(ANNOUNCEMENT.replace("Maria Olsen", name).replace("Olsen", name.split()[1]))
    return texts
