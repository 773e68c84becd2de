"""The examples in the matcher's docstrings are part of its specification: they must hold."""

import doctest
import importlib

import pytest

MODULES = [
    "haven_core.matching.birth",
    "haven_core.matching.features",
    "haven_core.matching.given_names",
    "haven_core.matching.index",
    "haven_core.matching.name_parts",
    "haven_core.matching.profiles",
    "haven_core.matching.records",
    "haven_core.matching.registry_names",
    "haven_core.matching.scoring",
    "haven_core.names.keys",
    "haven_core.names.set_aside",
    "haven_core.matching.search_keys",
    "haven.demo.matching_evaluation.labelled_spellings",
    "haven_core.intake.duplicates",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
