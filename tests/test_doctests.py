"""The examples in the docstrings of the rule helpers and of the batch modules are true."""
import doctest

import pytest

import extractor.assemble.constructions.lists
import extractor.assemble.entities.acronyms
import extractor.assemble.text
import extractor.clean
import extractor.clean.chars
import extractor.clean.layout
import extractor.clean.lines
import extractor.clean.rules
import extractor.components
import extractor.dates
import extractor.evaluate.match
import extractor.inputs
import extractor.output
import extractor.pieces
import extractor.pool
import extractor.record_dates
import extractor.tables
import extractor.walk

MODULES = [extractor.assemble.text, extractor.assemble.entities.acronyms, extractor.assemble.constructions.lists,
           extractor.components, extractor.dates, extractor.pieces, extractor.record_dates,
           extractor.inputs, extractor.output, extractor.pool, extractor.tables, extractor.walk,
           extractor.clean, extractor.clean.chars, extractor.clean.layout, extractor.clean.lines,
           extractor.clean.rules, extractor.evaluate.match]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
