"""The words the assessment reads from Haven's records: evidence tags, review statuses, US statuses…

They mirror the choices of the Django models (``haven.evidence``, ``haven.cases``); a test in
``tests/assessment`` fails when the two drift apart, so a rules file can be checked without Django.
"""

from __future__ import annotations

# What an evidence item shows (haven.evidence.models.items.TAG_CHOICES).
EVIDENCE_TAGS = frozenset(
    {
        "public_antiwar_statement",
        "protest_participation",
        "donation_ukraine",
        "fbk_work",
        "undesirable_media_journalism",
        "lgbtq_activism",
        "military_refusal",
        "prior_ac_20_3_3",
        "open_criminal_case",
        "arrest_in_absentia",
        "wanted_listing",
        "registry_listing",
    }
)

# An item's review (STATUS_CHOICES): verified counts fully, unreviewed less, the others not at all. An
# item sent back for correction is still not reviewed: it counts as unreviewed until it is verified, so
# a reviewer's request for a correction never lowers a person's risk by itself.
VERIFIED, UNREVIEWED, DISPUTED, RETRACTED = "verified", "unreviewed", "disputed", "retracted"
SENT_BACK = "sent_back"
NOT_YET_REVIEWED = frozenset({UNREVIEWED, SENT_BACK})
EVIDENCE_STATUSES = frozenset({VERIFIED, UNREVIEWED, DISPUTED, RETRACTED, SENT_BACK})
REGISTRY_KIND = "registry_listing"

# A person's vulnerability flags (haven.cases.models.person.VULNERABILITY_FIELDS).
PERSON_FLAGS = frozenset(
    {"serious_medical", "disability", "pregnancy", "lgbtq", "elderly", "minor", "survivor_of_violence"}
)
# Vulnerabilities the engine derives from other facts rather than a flag.
DERIVED_VULNERABILITIES = frozenset({"detained", "no_other_citizenship", "single_parent"})

# Relationship to the principal applicant (RELATIONSHIP_CHOICES).
PRINCIPAL, SPOUSE, CHILD, PARENT = "principal", "spouse", "child", "parent"
HOUSEHOLD_RELATIONSHIPS = frozenset({PRINCIPAL, SPOUSE, CHILD, PARENT, "sibling", "other"})

# US status (US_STATUS_CHOICES).
FINAL_ORDER, REMOVED, PROTECTION_GRANTED = "final_order", "removed", "protection_granted"
US_STATUSES = frozenset(
    {
        "asylum_pending",
        "removal_proceedings",
        FINAL_ORDER,
        "detained",
        "released",
        PROTECTION_GRANTED,
        REMOVED,
    }
)
# Statuses that mean the US claim was refused: a final order, or removal.
US_REFUSED = frozenset({FINAL_ORDER, REMOVED})

# Ties to Canada (RELATIVE_CHOICES, CANADIAN_STATUS_CHOICES).
CANADA_RELATIONSHIPS = frozenset(
    {
        "spouse",
        "child",
        "parent",
        "legal_guardian",
        "sibling",
        "grandparent",
        "grandchild",
        "aunt_uncle",
        "niece_nephew",
        "other",
    }
)
CANADIAN_STATUSES = frozenset(
    {
        "citizen",
        "permanent_resident",
        "protected_person",
        "accepted_claimant",
        "work_permit",
        "study_permit",
        "claim_referred",
        "removal_stayed",
        "visitor",
        "other",
    }
)

# Confidence marks of DOMAIN.md; U facts are shown as unverified and never counted.
CONFIDENCES = frozenset({"H", "M", "H/M", "U"})
UNVERIFIED = "U"
# Where a figure comes from: a DOMAIN.md fact, Haven's own choice, or a stated assumption.
BASES = frozenset({"domain", "haven", "assumption"})

# Levels, lowest first. Their thresholds are in the rules file; their names are fixed here.
RISK_LEVELS = ("low", "moderate", "high", "very_high")
VULNERABILITY_LEVELS = ("low", "moderate", "high")
URGENCY_LEVELS = ("normal", "urgent", "emergency")

UNHCR_CATEGORIES = (
    "legal_physical_protection",
    "survivors_violence_torture",
    "medical_needs",
    "women_girls_at_risk",
    "children_adolescents_at_risk",
    "restoring_family_unity",
    "lack_of_alternatives",
)
