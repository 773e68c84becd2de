"""The one write path for consent: record a person's consent, withdraw it. Neither ever deletes.

Whoever may change the household (its organisation's caseworkers and reviewers, the coordinator) may
record or withdraw; each writes the row, a line on the household's timeline and the audit entry in
one transaction. Audit details carry the scopes and dates, never the reason for a withdrawal.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import audit, ensure_can_edit
from haven.cases.models import Household, Person, TimelineEvent
from haven.consent.models import Consent
from haven.errors import InvalidChange


def _scopes_text(consent: Consent) -> str:
    names = [str(_("government officials")) if consent.officials else "", ""]
    names[1] = str(_("private sponsors")) if consent.sponsors else ""
    return ", ".join(n for n in names if n)


def consent_record(
    *,
    actor: Actor,
    household: Household,
    person: Person,
    officials: bool,
    sponsors: bool,
    given_on: dt.date,
) -> Consent:
    """Record that ``person`` consented, on ``given_on``, to their record going to these recipients."""
    ensure_can_edit(actor, household)
    if person.household_id != household.pk:
        raise InvalidChange(_("This person is not in this household."))
    if not (officials or sponsors):
        raise InvalidChange(_("Say whom the person agreed to share their record with."))
    if given_on > timezone.localdate():
        raise InvalidChange(_("Consent cannot be dated in the future."))
    with transaction.atomic():
        consent = Consent.objects.create(
            household=household,
            person=person,
            officials=officials,
            sponsors=sponsors,
            given_on=given_on,
            recorded_by=actor.user,
        )
        TimelineEvent.objects.create(
            household=household,
            person=person,
            date=given_on,
            kind="other",
            note=_("Consent to share the record with %(whom)s") % {"whom": _scopes_text(consent)},
            created_by=actor.user,
            system=True,
        )
        household.save(update_fields=["updated_at"])
        audit(
            actor,
            "consent.record",
            household,
            target=str(consent.public_id),
            person=str(person.public_id),
            officials=officials,
            sponsors=sponsors,
            given_on=given_on.isoformat(),
        )
    return consent


def consent_withdraw(*, actor: Actor, consent: Consent, reason: str, withdrawn_on: dt.date) -> Consent:
    """Record that the person withdrew ``consent`` on ``withdrawn_on``, with the reason given.

    From then on the household is not referred to those recipients, and no later export of a batch
    it is in carries its dossier (``haven.referral``) — the batch shows why.
    """
    household = consent.household
    ensure_can_edit(actor, household)
    reason = reason.strip()
    if not reason:
        raise InvalidChange(_("Say why the consent is withdrawn (the person's own words will do)."))
    if withdrawn_on > timezone.localdate():
        raise InvalidChange(_("A withdrawal cannot be dated in the future."))
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if not consent.in_force:
            raise InvalidChange(_("This consent has already been withdrawn."))
        if withdrawn_on < consent.given_on:
            raise InvalidChange(_("A withdrawal cannot be dated before the consent it withdraws."))
        consent.withdrawn_on, consent.withdrawn_at = withdrawn_on, timezone.now()
        consent.withdrawn_by, consent.withdrawal_reason = actor.user, reason
        consent.save(update_fields=["withdrawn_on", "withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        TimelineEvent.objects.create(
            household=household,
            person=consent.person,
            date=withdrawn_on,
            kind="other",
            note=_("Consent to share the record with %(whom)s withdrawn: %(reason)s")
            % {"whom": _scopes_text(consent), "reason": reason},
            created_by=actor.user,
            system=True,
        )
        household.save(update_fields=["updated_at"])
        audit(
            actor,
            "consent.withdraw",
            household,
            target=str(consent.public_id),
            person=str(consent.person.public_id) if consent.person else "",
            withdrawn_on=withdrawn_on.isoformat(),
        )
    return consent
