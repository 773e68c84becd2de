"""Choosing whom to put forward within a quota of places: whole households, most priority first.

A pure, typed core: :mod:`.inputs` says what is known of each household and what the coordinator asked
for, :mod:`.eligibility` who may be chosen and why not, :mod:`.priority` how much each counts,
:mod:`.exact` the optimum (a knapsack with side limits, solved as a MIP with HiGHS), :mod:`.greedy`
the obvious alternative shown beside it, :mod:`.reasons` why each household is in or out, and
:mod:`.run` ties them together, for one quota or several.
"""

from haven_core.selection.eligibility import check_pins
from haven_core.selection.inputs import Candidate, Filters, Limits, Parameters, Pin, Weights
from haven_core.selection.run import Outcome, Selection, SelectionError, select, what_if

__all__ = [
    "Candidate",
    "Filters",
    "Limits",
    "Outcome",
    "Parameters",
    "Pin",
    "Selection",
    "SelectionError",
    "Weights",
    "check_pins",
    "select",
    "what_if",
]
