"""The one write path for the liaison's requests for more information: open one (with the liaison's
"more information needed" decision), answer it (a caseworker of the household's organisation), close it
(when the liaison decides again or the household leaves the batch).

Each writes the household's timeline and the audit trail in the caller's or its own transaction. Audit
details carry references and codes, never the question or the answer.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_change
from haven.cases.actions.permission_and_audit import audit
from haven.cases.models import Household, TimelineEvent
from haven.errors import InvalidChange, NotAllowed
from haven.referral.models import InformationRequest, ReferralEntry


def _today() -> dt.date:
    return timezone.localdate()


def _timeline(actor: Actor, household: Household, note: str) -> None:
    TimelineEvent.objects.create(
        household=household, date=_today(), kind="other", note=note, created_by=actor.user, system=True
    )
    household.save(update_fields=["updated_at"])


def information_request_open(*, actor: Actor, entry: ReferralEntry, question: str) -> InformationRequest:
    """Open a request on ``entry`` for what ``question`` asks; an earlier request still open is closed.

    Called by :func:`haven.referral.actions.referral_decision_record` inside its transaction, after it
    has checked that ``actor`` is the batch's liaison; the decision's own timeline entry carries the
    question, so this one adds only the audit entry.
    """
    question = question.strip()
    if not question:
        raise InvalidChange(_("Say what more information is needed."))
    with transaction.atomic():
        information_requests_close(actor=actor, entry=entry, why="superseded")
        request = InformationRequest.objects.create(entry=entry, question=question, asked_by=actor.user)
        audit(
            actor,
            "referral.request_open",
            entry.household,
            target=str(request.public_id),
            batch=entry.batch.reference,
        )
    return request


def information_request_answer(
    *, actor: Actor, request: InformationRequest, answer: str
) -> InformationRequest:
    """The household's organisation answers the liaison's open request; the liaison sees it on the batch."""
    answer = answer.strip()
    with transaction.atomic():
        request = (
            InformationRequest.objects.select_for_update()
            .select_related("entry__batch", "entry__household__organisation")
            .get(pk=request.pk)
        )
        household = request.entry.household
        if not can_change(actor, household):
            raise NotAllowed(_("Only the organisation that looks after this household can answer."))
        if request.status != InformationRequest.OPEN:
            raise InvalidChange(_("This request has already been answered or closed."))
        if not answer:
            raise InvalidChange(_("Write your answer to the liaison."))
        request.status = InformationRequest.ANSWERED
        request.answer, request.answered_by, request.answered_at = answer, actor.user, timezone.now()
        request.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        note = _("Referral %(ref)s: answer to the liaison's request for information — %(answer)s") % {
            "ref": request.entry.batch.reference,
            "answer": answer,
        }
        _timeline(actor, household, note)
        audit(
            actor,
            "referral.request_answer",
            household,
            target=str(request.public_id),
            batch=request.entry.batch.reference,
        )
    return request


def information_requests_close(*, actor: Actor, entry: ReferralEntry, why: str) -> int:
    """Close every request of ``entry`` not closed yet (``why``: "decided", "superseded" or "withdrawn");
    each closing goes to the timeline and the audit trail. Returns how many were closed."""
    closed = 0
    with transaction.atomic():
        pending = InformationRequest.objects.select_for_update().filter(
            entry=entry, status__in=(InformationRequest.OPEN, InformationRequest.ANSWERED)
        )
        for request in pending:
            request.status, request.closed_at = InformationRequest.CLOSED, timezone.now()
            request.save(update_fields=["status", "closed_at"])
            note = _("Referral %(ref)s: the liaison's request for information is closed") % {
                "ref": entry.batch.reference
            }
            _timeline(actor, entry.household, note)
            audit(
                actor,
                "referral.request_close",
                entry.household,
                target=str(request.public_id),
                batch=entry.batch.reference,
                why=why,
            )
            closed += 1
    return closed
