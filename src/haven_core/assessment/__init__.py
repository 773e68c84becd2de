"""The assessment engine: persecution risk, vulnerability, urgency, UNHCR categories and Canadian route
notes for a household, from rules kept as data (``rules/*.toml``). No Django here.

    rules = load_rules()                        # checked; RulesError says what is wrong and where
    assessment = assess(facts, rules, today)    # deterministic
    assessment.risk.total, assessment.risk.contributions

Every figure is a sum of named :class:`~.result.Contribution` objects with their reason and source.
Nothing it produces is legal advice: it proposes, a reviewer decides. See docs/assessment.md.
"""

from haven_core.assessment.diff import Move, Summary, moves, summary
from haven_core.assessment.engine import assess
from haven_core.assessment.facts import (
    CanadaPermitFact,
    CanadaRelativeFact,
    EvidenceFact,
    HouseholdFacts,
    PersonFacts,
    TagFact,
    USRecordFacts,
    canonical,
)
from haven_core.assessment.loader import DEFAULT_RULES, load_rules, parse_rules
from haven_core.assessment.reading import RulesError
from haven_core.assessment.result import Assessment, Contribution, Note, Score, Urgency
from haven_core.assessment.rules import RuleSet
from haven_core.assessment.serialise import from_json, to_json

__all__ = [
    "DEFAULT_RULES",
    "Assessment",
    "CanadaPermitFact",
    "CanadaRelativeFact",
    "Contribution",
    "EvidenceFact",
    "HouseholdFacts",
    "Move",
    "Note",
    "PersonFacts",
    "RuleSet",
    "RulesError",
    "Score",
    "Summary",
    "TagFact",
    "USRecordFacts",
    "Urgency",
    "assess",
    "canonical",
    "from_json",
    "load_rules",
    "moves",
    "parse_rules",
    "summary",
    "to_json",
]
