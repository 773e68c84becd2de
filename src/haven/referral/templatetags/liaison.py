"""The liaison's side of referrals in templates: their batches (their home page) and the requests for more
information on a household (its page, for the organisation that answers them)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("referral/_liaison_batches.html")
def liaison_batches(actor: Any) -> dict[str, Any]:
    """The batches addressed to the liaison ``actor``, with their counts (their home page)."""
    from haven.referral.home import liaison_batches as listed

    return listed(actor)


@register.inclusion_tag("referral/_information_requests.html", takes_context=True)
def information_requests(context: Any, household: Any) -> dict[str, Any]:
    """The liaison's requests for more information on ``household``, with a form to answer an open one
    (the household page)."""
    from haven.accounts.visibility import can_change
    from haven.referral.household import household_entries
    from haven.referral.information import RequestRow, answerable
    from haven.referral.models import InformationRequest

    # Requests hang on referral entries: a household never referred (most) has none to read.
    requests = (
        list(
            InformationRequest.objects.filter(entry__household=household)
            .select_related("entry__batch__recipient", "asked_by", "answered_by")
            .order_by("-asked_at", "-id")
        )
        if household_entries(household)
        else []
    )
    from haven.accounts.access import actor_of

    may_answer = can_change(actor_of(context["request"]), household)
    rows = [
        answerable(r) if may_answer and r.status == InformationRequest.OPEN else RequestRow(r, form=None)
        for r in requests
    ]
    return {"requests": rows, "household": household, "csrf_token": context.get("csrf_token")}
