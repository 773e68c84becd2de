"""Referral pages: the coordinator makes batches and follows them; a liaison reads the batches addressed
to them — each household only as the batch's field profile lets it out — and records decisions.

Everyone else is refused (403). A batch addressed to another liaison does not exist for a liaison (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import GuardedView, P, View, role_required
from haven.accounts.actor import ActorRequest
from haven.cases.models import Person
from haven.cases.views.lookup import posted
from haven.jobs.actions import job_start
from haven.referral import summary
from haven.referral.actions import (
    batches_for,
    consent_in_force,
    referral_batch_create,
    referral_decision_record,
    referral_view,
    referral_withdraw,
)
from haven.referral.documents import words
from haven.referral.documents.profiles import profiles
from haven.referral.forms import PROFILE_LABELS, BatchForm, DecisionForm, PackageForm, WithdrawForm
from haven.referral.information import latest_requests
from haven.referral.jobs import KIND, latest_package_job
from haven.referral.models import InformationRequest, ReferralBatch, ReferralEntry
from haven.referral.urgency import most_urgent_first
from haven.selection.wording import reason_text
from haven.submission import submit
from haven_core.referral.urgency_order import Urgency
from haven_core.roles import Role

LANGUAGES = ("en", "fr")


def referral_access(view: GuardedView[P]) -> View[P]:
    """Log-in required; then 403 for anyone but the coordinator and liaisons."""
    return role_required(lambda role: role in (Role.COORDINATOR, Role.LIAISON))(view)


def _batch(request: ActorRequest, public_id: Any) -> ReferralBatch:
    batch: ReferralBatch = get_object_or_404(
        batches_for(request.actor),
        public_id=public_id,
    )
    return batch


def _entry(batch: ReferralBatch, reference: str) -> ReferralEntry:
    entry: ReferralEntry = get_object_or_404(
        batch.entries.select_related("household__organisation", "decided_by"),
        household__reference=reference,
    )
    entry.batch = batch
    return entry


@require_http_methods(["GET", "POST"])
@referral_access
def batches(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    form = None
    if actor.role == Role.COORDINATOR:
        form = BatchForm(posted(request), initial={"run": request.GET.get("run")})
        if request.method == "POST" and (
            done := submit(
                request,
                lambda: referral_batch_create(
                    actor=actor,
                    run=form.cleaned_data["run"],
                    recipient=form.cleaned_data["recipient"],
                    profile=form.cleaned_data["profile"],
                ),
                form=form,
                success=lambda batch: _("Referral batch %(ref)s made.") % {"ref": batch.reference},
                then=lambda batch: redirect("referral:batch", public_id=batch.public_id),
            )
        ):
            return done
    elif request.method == "POST":
        raise PermissionDenied
    rows = batches_for(actor).prefetch_related("entries")[:200]
    listed = [{"batch": b, "counts": summary.decision_counts(b.entries.all())} for b in rows]
    return render(request, "referral/batches.html", {"rows": listed, "form": form, "nav": "referrals"})


@dataclass(frozen=True)
class BatchRow:
    """A household's line on the batch page: its entry and what the page shows beside it."""

    entry: ReferralEntry
    urgency: Urgency
    why: str  # why it was selected, in the reader's words
    request: InformationRequest | None  # the latest information request about it, if any
    withdraw_form: WithdrawForm | None  # the coordinator's, while the entry awaits a decision


def _why(entry: ReferralEntry, coordinator: bool) -> str:
    """Why the household was selected: the optimiser's account for the coordinator who ran it, plain
    words for the liaison (as in the dossier)."""
    if coordinator:
        return reason_text(entry.reason, entry.reason_detail)
    return words.put_forward(entry.reason)


@require_http_methods(["GET"])
@referral_access
def batch_view(request: ActorRequest, public_id: Any) -> HttpResponse:
    batch = _batch(request, public_id)
    entries = list(batch.entries.select_related("household__organisation", "decided_by"))
    latest = latest_requests(entries)
    coordinator = request.actor.role == Role.COORDINATOR
    rows = [
        BatchRow(
            entry=entry,
            urgency=urgency,
            why=_why(entry, coordinator),
            request=latest.get(entry.pk),
            # only an entry awaiting a decision can still be taken out of the batch
            withdraw_form=WithdrawForm(auto_id=f"id_withdraw_{entry.pk}_%s")
            if coordinator and entry.decision in ReferralEntry.OPEN
            else None,
        )
        for entry, urgency in most_urgent_first(entries, profiles().get(batch.profile))
    ]
    context = {
        "batch": batch,
        "package_form": PackageForm() if request.actor.role == Role.COORDINATOR else None,
        "package_job": latest_package_job(batch) if request.actor.role == Role.COORDINATOR else None,
        "entries": entries,
        "rows": rows,
        "counts": summary.decision_counts(entries),
        "people": sum(e.people for e in entries),
        "profile_label": PROFILE_LABELS.get(batch.profile, batch.profile),
        "skipped": [{**s, "why": summary.skip_reason(s)} for s in batch.skipped],
        "nav": "referrals",
    }
    return render(request, "referral/batch.html", context)


@require_http_methods(["POST"])
@referral_access
def entry_withdraw(request: ActorRequest, public_id: Any, reference: str) -> HttpResponse:
    """The coordinator takes a household awaiting a decision out of the batch, with a reason."""
    actor = request.actor
    if actor.role != Role.COORDINATOR:
        raise PermissionDenied
    batch = _batch(request, public_id)
    entry = _entry(batch, reference)
    form = WithdrawForm(request.POST)
    back = redirect("referral:batch", public_id=batch.public_id)
    withdrawn = submit(
        request,
        lambda: referral_withdraw(actor=actor, entry=entry, reason=form.cleaned_data["reason"]),
        form=form,
        invalid=_("Say why this household is being withdrawn from the batch."),
        success=_("%(ref)s withdrawn from the batch.") % {"ref": reference},
        then=lambda _withdrawn: back,
    )
    return withdrawn or back


@require_http_methods(["POST"])
@referral_access
def package(request: ActorRequest, public_id: Any) -> HttpResponse:
    """The coordinator asks for the batch's package: it is made in the background (a job) and the batch's
    page follows it; the files are offered for download there when it is done."""
    actor = request.actor
    if actor.role != Role.COORDINATOR:
        raise PermissionDenied
    batch = _batch(request, public_id)
    form = PackageForm(request.POST)
    if form.is_valid():
        job_start(
            actor=actor,
            kind=KIND,
            subject=str(batch.public_id),
            params={"recipient": form.cleaned_data["recipient_key"]},
            total=batch.entries.count(),
            audit_detail={"batch": batch.reference},
        )
        messages.success(request, _("The package is being made; this page shows how far it got."))
        return redirect("referral:batch", public_id=batch.public_id)
    for error in form.errors.get("recipient_key", []):
        messages.error(request, str(error))
    return redirect("referral:batch", public_id=batch.public_id)


@require_http_methods(["GET", "POST"])
@referral_access
def entry_view(request: ActorRequest, public_id: Any, reference: str) -> HttpResponse:
    actor = request.actor
    batch = _batch(request, public_id)
    entry = _entry(batch, reference)
    is_recipient = actor.role == Role.LIAISON and actor.user_id == batch.recipient_id
    form = None
    if is_recipient and entry.decision != ReferralEntry.WITHDRAWN:
        # Asked for more information, the liaison comes back to decide on the answer: nothing is chosen
        # for them (asking again is a choice to make, with a new question).
        chosen = entry.decision not in (entry.PENDING, entry.MORE_INFORMATION)
        initial = {"decision": entry.decision if chosen else None}
        form = DecisionForm(posted(request), initial=initial)
        if request.method == "POST" and (
            done := submit(
                request,
                lambda: referral_decision_record(
                    actor=actor,
                    entry=entry,
                    decision=form.cleaned_data["decision"],
                    note=form.cleaned_data["note"],
                ),
                form=form,
                success=_("Decision recorded for %(ref)s.") % {"ref": reference},
                then=lambda _decided: redirect("referral:batch", public_id=batch.public_id),
            )
        ):
            return done
    elif request.method == "POST":
        raise PermissionDenied
    if request.method == "GET":
        referral_view(actor=actor, entry=entry, page="summary")
    profile = profiles().get(batch.profile)
    if profile is None:
        raise Http404
    # The people read once, for the summary and for the consent check after it.
    people = Person.objects.select_related("us_record").order_by("id")
    prefetch_related_objects([entry.household], Prefetch("people", queryset=people))
    shown = summary.household_summary(entry.household, profile, entry.outcome or None)
    if not consent_in_force(entry):  # the record no longer leaves Haven: nothing of it is shown
        shown = {}
        messages.warning(request, _("Consent to share this household's record has been withdrawn."))
    context = {
        "batch": batch,
        "entry": entry,
        "why": _why(entry, actor.role == Role.COORDINATOR),
        "requests": list(entry.information_requests.select_related("asked_by", "answered_by")),
        "summary": shown,
        "form": form,
        "dossier_languages": LANGUAGES,
        "nav": "referrals",
    }
    return render(request, "referral/entry.html", context)


@require_http_methods(["GET"])
@referral_access
def dossier(request: ActorRequest, public_id: Any, reference: str, language: str) -> HttpResponse:
    if language not in LANGUAGES:
        raise Http404
    batch = _batch(request, public_id)
    entry = _entry(batch, reference)
    profile = profiles().get(batch.profile)
    if profile is None:
        raise Http404
    if not consent_in_force(entry):
        raise PermissionDenied
    from haven.referral.documents import dossier_pdf  # Typst loads only when a dossier is asked for

    pdf = dossier_pdf(
        entry.household,
        language=language,
        profile=profile,
        reasons=entry.outcome or None,
        batch_reference=batch.reference,
    )
    referral_view(actor=request.actor, entry=entry, page=f"dossier.{language}")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{batch.reference}-{reference}.{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
