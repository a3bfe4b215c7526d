"""Reading the data files of ``extractor/data``: one function, validated by a pydantic model.

    read("triage.json", TriageRules) -> TriageRules

A file that is missing, is not JSON or does not fit its model raises ``DataFileError`` naming the
file. Nothing here imports spaCy or the rules, so any module can read its data through it.

``WordClasses`` reads a file of named word lists (``triggers.json``: ``"appoint": [...]``, and
``"step": ["down", ...]`` tables) without fixing which lists it has; ``words`` gives one class's
words, the keys of a table or (``values``) the words of all its rows.

>>> classes = read("triggers.json", WordClasses)
>>> "named" in classes.words("appoint"), sorted(classes.words("take_over", values=True))
(True, ['on', 'over'])
>>> sorted(classes.table("take_over")["took"])
['on', 'over']
"""
from __future__ import annotations

import json
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, RootModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file of ``extractor/data`` that can not be used."""


def read(name: str, model: type[M]) -> M:
    """``extractor/data/<name>`` validated by ``model``."""
    path = resources.files("extractor").joinpath("data", name)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return model.model_validate(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"data/{name}: {exc}") from exc
    except ValidationError as exc:
        raise DataFileError(f"data/{name} does not fit {model.__name__}: {exc}") from exc


class WordClasses(RootModel[dict[str, str | int | list[str] | dict[str, list[str] | str]]]):
    """A file of named word classes: lists, and tables from a word to the word or words that go
    with it (a plain string or number, such as ``version``, is no class)."""

    def names(self) -> frozenset[str]:
        return frozenset(k for k, v in self.root.items() if isinstance(v, (list, dict)))

    def words(self, name: str, values: bool = False) -> frozenset[str]:
        """The lower-case words of class ``name``: a list's words, a table's keys, or with
        ``values`` the words of all of a table's rows. ``KeyError`` for an unknown class."""
        found = self.root.get(name)
        if not isinstance(found, (list, dict)):
            raise KeyError(name)
        if values:
            if not isinstance(found, dict):
                raise KeyError(f"{name} is a list, it has no values")
            return frozenset(w.lower() for row in found.values() for w in ([row] if isinstance(row, str) else row))
        return frozenset(w.lower() for w in found)

    def table(self, name: str) -> dict[str, frozenset[str]]:
        """A table's rows in lower case ("step": {"down", "aside"}); ``KeyError`` for no table."""
        found = self.root.get(name)
        if not isinstance(found, dict):
            raise KeyError(name)
        return {k.lower(): frozenset(w.lower() for w in ([row] if isinstance(row, str) else row))
                for k, row in found.items()}
