"""The examples in the docstrings of the rule helpers are true."""
import doctest

import pytest

import extractor.assemble
import extractor.components
import extractor.dates
import extractor.pipeline


@pytest.mark.parametrize("module", [extractor.assemble, extractor.components, extractor.dates, extractor.pipeline])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
