"""The interface's words for what the engine says in codes: notes, urgency triggers, categories, routes.

Names of provisions, designations, registries, signals and vulnerabilities come from the rules file
itself, in English and Russian; everything the engine itself defines is translated here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CONFIDENCE = {
    "H": _("official or several agreeing sources"),
    "M": _("one good secondary source"),
    "H/M": _("official or good secondary sources"),
    "U": _("not verified"),
}
# Where a fact comes from, as a reader may look it up: the rules cite sections of Haven's internal domain
# reference, which no user sees; the page names the kind of public source each section draws on.
SOURCE_SECTIONS = {
    "§1": _("Reported outcomes for people returned to Russia"),
    "§2": _("Russian legislation and official designations"),
    "§4": _("US immigration detention practice"),
    "§5": _("Canadian immigration law and programmes"),
    "§6": _("UNHCR Resettlement Handbook: submission categories"),
}
BASIS_KIND = {"domain": "", "haven": _("Haven's choice"), "assumption": _("Haven's assumption")}
DESIGNATION_KIND = {
    "extremist": _("“extremist”"),
    "undesirable": _("“undesirable”"),
    "foreign_agent": _("a “foreign agent”"),
}

URGENCY_TRIGGERS = {
    "removal_emergency": _("Removal within days"),
    "removal_overdue": _("Scheduled removal date has passed"),
    "detained_final_order": _("Detained with a final order of removal"),
    "removal_urgent": _("Removal scheduled soon"),
    "final_order": _("Final order of removal"),
    "detained": _("Detained"),
    "hearing_soon": _("Hearing soon"),
}

CATEGORIES = {
    "legal_physical_protection": _("Legal and/or physical protection needs"),
    "survivors_violence_torture": _("Survivors of violence and/or torture"),
    "medical_needs": _("Medical needs"),
    "women_girls_at_risk": _("Women and girls at risk"),
    "children_adolescents_at_risk": _("Children and adolescents at risk"),
    "restoring_family_unity": _("Restoring family unity"),
    "lack_of_alternatives": _("Lack of foreseeable alternative durable solutions"),
}

PATHWAYS = {
    "stca_family": _("Safe Third Country Agreement exception: a family member in Canada"),
    "stca_document": _("Safe Third Country Agreement exception: a Canadian visa or permit"),
    "stca_unaccompanied_minor": _("Safe Third Country Agreement exception: an unaccompanied minor"),
    "sponsorship_sah": _(
        "Private sponsorship by a Sponsorship Agreement Holder (no refugee recognition needed)"
    ),
    "sponsorship_g5": _(
        "Private sponsorship by a Group of Five (needs refugee recognition by UNHCR or a state)"
    ),
    "sponsorship_after_us_refusal": _(
        "Whether someone whose US claim was refused can be privately sponsored is doubtful"
    ),
    "government_assisted": _(
        "Government-assisted refugees: only through UNHCR or a designated referral organisation"
    ),
    "temporary_public_policy": _(
        "A temporary public policy for this group, as for Hong Kong (2021) and Ukrainians (CUAET, 2022–2024)"
    ),
    "discretionary_permits": _(
        "Temporary resident permit (IRPA s.24) or humanitarian and compassionate grounds (IRPA s.25): "
        "discretionary"
    ),
    "admissibility": _("Admissibility bars still apply"),
}

# Sentences explaining a contribution, by the engine's note code. Values are filled in by display.py.
NOTES = {
    "status_weight": _("Counted at %(percent)s%%: the item is %(status)s."),
    "shown_by": _("Shown by: %(tag)s, %(date)s."),
    "before_in_force": _(
        "The activity predates the provision (in force since %(in_force)s): counted at %(percent)s%%."
    ),
    "before_practice": _("The activity predates this practice (since %(since)s): counted at %(percent)s%%."),
    "designation_date_unknown": _(
        "%(designation)s was designated %(kind)s on %(since)s; the activity has no date, so it counts fully."
    ),
    "after_designation": _("After %(designation)s was designated %(kind)s on %(since)s: counts fully."),
    "before_designation": _(
        "Before %(designation)s was designated %(kind)s on %(since)s: counted at %(percent)s%%."
    ),
    "penalty": _("Maximum penalty (part %(part)s) for conduct on %(on)s: %(penalty)s."),
    "repeat_dates_unknown": _("A repeat after an AC 20.3.3 penalty; a date is unknown, so it counts."),
    "repeat_within": _("Within a year of the AC 20.3.3 penalty of %(penalty_on)s."),
    "listed": _("Listed: %(registry)s, %(date)s."),
    "duties_since": _("Foreign-agent duties apply since %(since)s (%(designation)s)."),
    "not_added_heaviest": _("Not added: only the heaviest of these articles counts (%(heaviest)s)."),
    "unverified_provision": _("This provision is not verified in Haven's sources: shown, never counted."),
    "repeat_window_until": _("Until %(until)s a new “discrediting” would be a crime under CC 280.3."),
    "reach": _("Audience: %(followers)s followers, %(views)s views."),
    "age_in_range": _("Age %(age)s, within %(low)s–%(high)s."),
    "from_age": _("From the date of birth (age %(age)s)."),
    "citizenships": _("Citizenship recorded: %(codes)s."),
    "children": _("Children in the household: %(count)s; no partner."),
    "removal_on": _("Removal was scheduled for %(date)s and is not recorded as done."),
    "removal_within": _("Removal scheduled for %(date)s, within %(days)s days."),
    "order_on": _("Final order of removal: %(date)s."),
    "order_undated": _("Final order of removal (date not recorded)."),
    "detained": _("Currently detained."),
    "hearing_within": _("Hearing on %(date)s, within %(days)s days."),
    "risk_level": _("Persecution risk is %(level)s (this category from %(minimum)s up)."),
    "member_flag": _("%(person)s: %(flag)s."),
    "woman_alone": _("%(person)s: a woman without a partner in the household."),
    "unaccompanied_minor": _("%(person)s: a minor without a parent or partner in the household."),
    "minor_at_risk": _("%(person)s: a minor personally exposed to prosecution."),
    "relative_in_canada": _("%(person)s has a relative in Canada: %(relationship)s."),
    "no_durable_solution": _("The US claim was refused (%(status)s) and no other citizenship is recorded."),
    "relative": _("Relative in Canada: %(relationship)s, %(status)s."),
    "relative_must_be_adult": _("The relative must be an adult for this status to count."),
    "not_listed_relationship": _("This relationship is not among the exceptions."),
    "not_listed_status": _("This status is not among the exceptions."),
    "permit": _("Canadian document: %(kind)s, valid until %(valid_until)s."),
    "permit_expired": _("Canadian document: %(kind)s, expired on %(valid_until)s."),
}
