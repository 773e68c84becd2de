"""Verifying evidence: a second person's verdict, with the two-person rule enforced.

Who may verify: a reviewer of the household's organisation, the coordinator or an administrator — the
roles whose job is to judge a case — and never the person who added the item (nor, for a working copy,
the person who added its original). Caseworkers do not verify: they collect the evidence, and letting a
colleague at the same desk sign it off would make the second person a formality.

The same people may send an item back instead (:func:`evidence_send_back`): what it claims does not yet
match its file, and the reason tells the caseworker what to correct. Correcting it
(``evidence_update``) returns it to review.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_see
from haven.cases.actions.permission_and_audit import touch
from haven.errors import NotAllowed
from haven.evidence.actions.permission_and_custody import custody, ensure_can_see
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem, Verification
from haven.evidence.models.review import SENT_BACK, VERDICT_CHOICES
from haven_core.roles import Role

REVIEW_ROLES = frozenset({Role.REVIEWER, Role.COORDINATOR, Role.ADMIN})
_VERDICTS = {code for code, _label in VERDICT_CHOICES}


def may_review(actor: Actor) -> bool:
    """Whether the actor's role verifies evidence at all."""
    return actor.role in REVIEW_ROLES


def _adders(item: EvidenceItem) -> set[int]:
    ids = {item.added_by_id} if item.added_by_id else set()
    if item.original_id is not None and item.original is not None and item.original.added_by_id:
        ids.add(item.original.added_by_id)
    return ids


def can_verify(actor: Actor, item: EvidenceItem) -> tuple[bool, str]:
    """Whether ``actor`` may give a verdict on ``item``, and if not, why (shown to the user)."""
    household = item.person.household
    if not can_see(actor, household):
        return False, _("You cannot see this household's evidence.")
    if not may_review(actor):
        return False, _("Only a reviewer, the coordinator or an administrator verifies evidence.")
    if actor.user_id in _adders(item):
        return False, _("You added this evidence: someone else must verify it (two-person rule).")
    return True, ""


def evidence_verify(*, actor: Actor, item: EvidenceItem, verdict: str, note: str) -> Verification:
    """Record a verdict (verified, disputed or retracted) with a note; the item's status follows it."""
    ensure_can_see(actor, item.person.household)
    allowed, why = can_verify(actor, item)
    if not allowed:
        raise NotAllowed(why)
    if verdict not in _VERDICTS:
        raise InvalidEvidence(_("Choose a verdict."))
    if not note.strip():
        raise InvalidEvidence(_("Say what you checked, or why you dispute or retract it."))
    return _review(actor, item, verdict, note, "evidence.verify", verdict=verdict)


def evidence_send_back(*, actor: Actor, item: EvidenceItem, reason: str) -> Verification:
    """Send ``item`` back to the person who added it, saying what to correct; it leaves the review queue
    until it is corrected. Only an item not yet verified is sent back: a verified one is disputed."""
    ensure_can_see(actor, item.person.household)
    allowed, why = can_verify(actor, item)
    if not allowed:
        raise NotAllowed(why)
    if item.status not in ("unreviewed", SENT_BACK):
        raise InvalidEvidence(_("Only evidence not yet reviewed is sent back; dispute it instead."))
    if not reason.strip():
        raise InvalidEvidence(_("Say what must be corrected before it can be verified."))
    return _review(actor, item, SENT_BACK, reason, "evidence.send_back")


def _review(
    actor: Actor, item: EvidenceItem, verdict: str, note: str, action: str, /, **detail: str
) -> Verification:
    """The reviewer's verdict recorded, the item's status set to it, and its custody entry, at once."""
    with transaction.atomic():
        verification = Verification.objects.create(
            item=item, reviewer=actor.signed_in, verdict=verdict, note=note
        )
        before = item.status
        item.status, item.last_verification = verdict, verification
        item.save(update_fields=["status", "last_verification"])
        touch(item.person.household, actor)
        custody(actor, action, item, **detail, previous=before)
    return verification
