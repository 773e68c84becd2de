"""The one write path for referrals: make a batch from an approved selection, record a liaison's
decision, export a batch as a sealed package, and note who opened a referred household.

Each checks who is acting, writes in one transaction and records its audit entry there. Audit details
carry counts, codes and references, never names, notes or other sensitive values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.audit.record import audit_read, audit_record
from haven.cases.actions.households import _move_household
from haven.cases.actions.permission_and_audit import audit, audit_entry
from haven.cases.models import Household, TimelineEvent
from haven.cases.models.household import STAGE_CHOICES
from haven.consent.queries import lacking_consent
from haven.errors import InvalidChange, NotAllowed
from haven.referral import signing
from haven.referral.documents.profiles import profiles
from haven.referral.export import fingerprint, readme
from haven.referral.information.actions import information_request_open, information_requests_close
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.selection.models import SelectionRun
from haven_core.pipeline import Stage
from haven_core.referral.package import PackageError, PackageWriter
from haven_core.referral.readiness import scope_of_profile
from haven_core.roles import Role

# How a household of the run gets into the batch: from "assessed" it passes through "shortlisted" (each
# step written to its timeline); from "shortlisted" it goes straight on. Any other status is skipped:
# earlier ones have not finished review, later ones are already referred, decided, resettled or closed.
_PATHS: dict[str, tuple[Stage, ...]] = {
    Stage.ASSESSED.value: (Stage.SHORTLISTED, Stage.REFERRED),
    Stage.SHORTLISTED.value: (Stage.REFERRED,),
}

DECISIONS = (ReferralEntry.ACCEPTED, ReferralEntry.REFUSED, ReferralEntry.MORE_INFORMATION)


def role_of(user: Any) -> Role | None:
    return Actor.for_user(user).role


def ensure_coordinator(actor: Actor) -> None:
    if actor.role != Role.COORDINATOR:
        raise NotAllowed(_("Only the coalition coordinator can refer households."))


def batches_for(actor: Actor) -> Any:
    """The batches ``actor`` may see: all for the coordinator, their own for a liaison, none otherwise."""
    batches = ReferralBatch.objects.select_related("recipient", "created_by", "run")
    if actor.role == Role.COORDINATOR:
        return batches
    if actor.role == Role.LIAISON and actor.user_id:
        return batches.filter(recipient=actor.user)
    return batches.none()


def _next_reference(year: int) -> str:
    prefix = f"R-{year}-"
    last = ReferralBatch.objects.filter(reference__startswith=prefix).aggregate(m=Max("reference"))["m"]
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _new_batch(**fields: Any) -> ReferralBatch:
    """A batch with the next free reference; two made at the same moment both get one (savepoints)."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                return ReferralBatch.objects.create(reference=_next_reference(timezone.now().year), **fields)
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _today() -> dt.date:
    return timezone.localdate()


def _selected(run: SelectionRun) -> list[dict[str, Any]]:
    rows = [h for h in json.loads(run.results).get("households", []) if h.get("selected")]
    return sorted(rows, key=lambda h: (h.get("rank") is None, h.get("rank") or 0, h["reference"]))


def referral_batch_create(*, actor: Actor, run: SelectionRun, recipient: Any, profile: str) -> ReferralBatch:
    """Refer the households ``run`` selected to the liaison ``recipient``, with field profile ``profile``.

    A household that cannot be referred now (status, already in an open referral, gone) is left out and
    listed on the batch with its reason; if none can be, nothing is made.
    """
    ensure_coordinator(actor)
    if not run.approved:
        raise InvalidChange(_("Only an approved selection can be referred."))
    if role_of(recipient) != Role.LIAISON or not recipient.is_active:
        raise InvalidChange(_("A referral goes to a liaison."))
    if profile not in profiles():
        raise InvalidChange(_("There is no field profile called %(name)s.") % {"name": profile})
    rows = _selected(run)
    excluded = {p["reference"] for p in run.excluded}
    scope = scope_of_profile(profile)
    with transaction.atomic():
        refs = [r["reference"] for r in rows]
        households = {
            h.reference: h
            for h in Household.objects.select_for_update()
            .select_related("organisation")
            .prefetch_related("people")
            .filter(reference__in=refs)
        }
        no_consent = lacking_consent(households.values(), scope)
        under_referral = set(
            ReferralEntry.objects.filter(
                household__reference__in=refs, decision__in=ReferralEntry.OPEN
            ).values_list("household__reference", flat=True)
        )
        batch = _new_batch(run=run, recipient=recipient, profile=profile, created_by=actor.user)
        entries, skipped = [], []
        for row in rows:
            household = households.get(row["reference"])
            if household is None:
                skipped.append({"reference": row["reference"], "reason": "gone"})
                continue
            if household.reference in excluded:
                skipped.append({"reference": household.reference, "reason": "excluded"})
                continue
            if household.pk in no_consent:
                skipped.append({"reference": household.reference, "reason": "no_consent"})
                continue
            if household.reference in under_referral:
                skipped.append({"reference": household.reference, "reason": "open_referral"})
                continue
            path = _PATHS.get(household.stage)
            if path is None:
                skip = {"reference": household.reference, "reason": "status", "stage": household.stage}
                skipped.append(skip)
                continue
            for stage in path:
                note = _("referral batch %(ref)s") % {"ref": batch.reference}
                _move_household(actor, household, stage, reason=note)
            entries.append(
                ReferralEntry(
                    batch=batch,
                    household=household,
                    rank=row.get("rank"),
                    people=row.get("people") or 1,
                    priority=row.get("priority") or 0,
                    reason=row.get("reason", ""),
                    reason_detail={k: v for k, v in (row.get("detail") or {}).items() if k != "reason"},
                    outcome=row,
                )
            )
        if not entries:
            raise InvalidChange(
                _("None of the households of this selection can be referred now: %(why)s.")
                % {"why": skipped_text(skipped)}
            )
        ReferralEntry.objects.bulk_create(entries)
        batch.skipped = skipped
        batch.save(update_fields=["skipped"])
        audit_record(
            actor=actor.user,
            action="referral.create",
            target=str(batch.public_id),
            ip=actor.ip,
            detail={
                "batch": batch.reference,
                "run": str(run.public_id),
                "profile": profile,
                "households": len(entries),
                "people": sum(e.people for e in entries),
                "skipped": len(skipped),
                "selection_made_by": run.created_by.get_username(),
                "selection_approved_by": run.approved_by.get_username() if run.approved_by else "",
            },
        )
    return batch


def ensure_recipient(actor: Actor, batch: ReferralBatch) -> None:
    if actor.role != Role.LIAISON or actor.user_id != batch.recipient_id:
        raise NotAllowed(_("Only the liaison this referral is addressed to can record its decisions."))


def referral_decision_record(
    *, actor: Actor, entry: ReferralEntry, decision: str, note: str = ""
) -> ReferralEntry:
    """The liaison's decision on one referred household; it goes to the household's status and timeline.

    Accepted or refused moves a referred household to "decision received"; "more information needed"
    leaves it referred (the referral stays open) and asks its organisation, through the timeline, for
    what the note says. A later decision replaces an earlier one; each is written to the timeline.
    """
    ensure_recipient(actor, entry.batch)
    if entry.decision == ReferralEntry.WITHDRAWN:
        raise InvalidChange(_("The coordinator has withdrawn this household from the batch."))
    if decision not in DECISIONS:
        raise InvalidChange(_("Choose accepted, refused or more information needed."))
    note = note.strip()
    if decision == ReferralEntry.MORE_INFORMATION and not note:
        raise InvalidChange(_("Say what more information is needed."))
    with transaction.atomic():
        entry = ReferralEntry.objects.select_for_update().select_related("batch").get(pk=entry.pk)
        if entry.decision == ReferralEntry.WITHDRAWN:
            raise InvalidChange(_("The coordinator has withdrawn this household from the batch."))
        household = (
            Household.objects.select_for_update().select_related("organisation").get(pk=entry.household_id)
        )
        entry.decision, entry.decision_note = decision, note
        entry.decided_by, entry.decided_at = actor.user, timezone.now()
        entry.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
        # The organisation reads this on its timeline: in Haven's own language, not the liaison's French.
        with translation.override(settings.LANGUAGE_CODE):
            label = str(dict(ReferralEntry.DECISION_CHOICES)[decision])
            said = _("Referral %(ref)s: %(decision)s") % {"ref": entry.batch.reference, "decision": label}
        said += f" — {note}" if note else ""
        stage_from = household.stage
        if decision in ReferralEntry.FINAL and household.stage == Stage.REFERRED.value:
            _move_household(actor, household, Stage.DECISION_RECEIVED, reason=said)
        else:
            TimelineEvent.objects.create(
                household=household,
                date=_today(),
                kind="other",
                note=said,
                created_by=actor.user,
                system=True,
            )
            household.save(update_fields=["updated_at"])
        with translation.override(settings.LANGUAGE_CODE):
            if decision == ReferralEntry.MORE_INFORMATION:
                information_request_open(actor=actor, entry=entry, question=note)
            else:
                information_requests_close(actor=actor, entry=entry, why="decided")
        audit(
            actor,
            "referral.decide",
            household,
            target=str(entry.batch.public_id),
            batch=entry.batch.reference,
            decision=decision,
            stage_from=stage_from,
            stage_to=household.stage,
        )
    return entry


def referral_withdraw(*, actor: Actor, entry: ReferralEntry, reason: str) -> ReferralEntry:
    """The coordinator takes a household awaiting a decision out of its batch, with a written reason.

    The entry says "withdrawn from the batch" with the reason (for the liaison too), and the household
    goes back from "referred" to "shortlisted" — a backward move, confirmed by this action, on its
    timeline with the reason — so the batch and the household agree again.
    """
    ensure_coordinator(actor)
    reason = reason.strip()
    if not reason:
        raise InvalidChange(_("Say why this household is being withdrawn from the batch."))
    with transaction.atomic():
        entry = ReferralEntry.objects.select_for_update().select_related("batch").get(pk=entry.pk)
        if entry.decision not in ReferralEntry.OPEN:
            raise InvalidChange(
                _("Only a household still awaiting a decision can be withdrawn from a batch.")
            )
        household = (
            Household.objects.select_for_update().select_related("organisation").get(pk=entry.household_id)
        )
        entry.decision, entry.decision_note = ReferralEntry.WITHDRAWN, reason
        entry.decided_by, entry.decided_at = actor.user, timezone.now()
        entry.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
        stage_from = household.stage
        if household.stage == Stage.REFERRED.value:
            said = _("withdrawn from referral batch %(ref)s: %(reason)s") % {
                "ref": entry.batch.reference,
                "reason": reason,
            }
            _move_household(actor, household, Stage.SHORTLISTED, reason=said, confirmed=True)
        information_requests_close(actor=actor, entry=entry, why="withdrawn")
        audit(
            actor,
            "referral.withdraw",
            household,
            target=str(entry.batch.public_id),
            batch=entry.batch.reference,
            stage_from=stage_from,
            stage_to=household.stage,
        )
    return entry


def referral_view(*, actor: Actor, entry: ReferralEntry, page: str) -> None:
    """Record that ``actor`` opened a referred household's summary or dossier.

    The summary page is a read, staged without waiting for the chain's lock like a household page
    (sealed by the next write); a dossier leaving Haven is chained at once."""
    household = entry.household
    if page == "summary":
        target = str(entry.batch.public_id)
        audit_read(**audit_entry(actor, "referral.view", household, target=target, page=page))
        return
    audit(actor, "referral.view", household, target=str(entry.batch.public_id), page=page)


@dataclass(frozen=True)
class Exported:
    package: Path
    readme: Path
    public_key: Path
    files: int
    size: int
    households: int


def check_recipient(recipient_key: str) -> str:
    key = recipient_key.strip()
    try:
        pyrage.x25519.Recipient.from_str(key)
    except Exception as exc:  # pyrage raises its own error types
        raise InvalidChange(
            _("%(key)r is not an age public key: it starts with age1 (age-keygen prints it).")
            % {"key": key[:80]}
        ) from exc
    return key


def referral_export(
    *,
    actor: Actor,
    batch: ReferralBatch,
    recipient_key: str,
    out_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    say: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> Exported:
    """Render the batch's files, seal them to ``recipient_key`` signed with Haven's key, write them to
    ``out_dir`` with Haven's public key and the recipient's README, and audit the export.

    ``progress(done, total)`` follows the households' dossiers; ``say`` hears about a new signing key.
    """
    if actor.role not in (Role.COORDINATOR, Role.ADMIN):
        raise NotAllowed(_("Only the coalition coordinator can export a referral."))
    key_text = check_recipient(recipient_key)
    profile = profiles().get(batch.profile)
    if profile is None:
        raise InvalidChange(_("There is no field profile called %(name)s.") % {"name": batch.profile})
    entries = exportable_entries(batch)
    households = [e.household for e in entries]
    reasons = {e.household.reference: e.outcome for e in entries}
    from haven.referral.documents import write_package_files  # Typst loads only for an export

    recipient = batch.recipient.get_full_name() or batch.recipient.get_username()
    created_on = timezone.localtime(batch.created_at).date()
    key = signing.signing_key(say=say)
    about = {
        "issuer": "Haven",
        "batch": batch.reference,
        "created_on": created_on.isoformat(),
        "profile": profile.name,
        "households": len(entries),
        "people": sum(e.people for e in entries),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    package = out_dir / f"{batch.reference}.tar.age"
    # Each file goes into the package, encrypted, as soon as it is rendered: memory stays bounded
    # whatever the size of the batch, and nothing unencrypted is written to disk.
    try:
        with PackageWriter(package, recipient=key_text) as writer:
            write_package_files(
                households,
                writer.add,
                profile=profile,
                batch_reference=batch.reference,
                recipient=recipient,
                created_on=created_on,
                reasons=reasons,
                progress=progress,
                jobs=jobs,
            )
            size = writer.finish(signing_key=key, about=about)
            count = writer.count
    except PackageError as exc:
        raise InvalidChange(str(exc)) from exc
    public = out_dir / "haven-signing-key.pub"
    public.write_bytes(signing.public_key_pem(key.public_key()))
    instructions = out_dir / f"{batch.reference}.README.txt"
    instructions.write_text(
        readme(
            reference=batch.reference,
            package_name=package.name,
            package_sha256=_sha256_of(package),
            key_fingerprint=fingerprint(key.public_key()),
        ),
        encoding="utf-8",
    )
    referral_exported(actor=actor, batch=batch, files=count, size=size)
    return Exported(package, instructions, public, count, size, len(entries))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def consent_withdrawn_entries(batch: ReferralBatch) -> list[ReferralEntry]:
    """The batch's entries (not withdrawn by the coordinator) whose household no longer has every
    adult's consent for the batch's recipients: no export carries them any more."""
    entries = list(
        batch.entries.exclude(decision=ReferralEntry.WITHDRAWN)
        .select_related("household__organisation")
        .prefetch_related("household__people")
        .order_by("rank", "id")
    )
    lacking = lacking_consent([e.household for e in entries], scope_of_profile(batch.profile))
    return [e for e in entries if e.household_id in lacking]


def consent_in_force(entry: ReferralEntry) -> bool:
    """Whether every adult of the entry's household still consents to the batch's recipients: without
    it, neither the household's summary nor its dossier leaves Haven any more."""
    household = entry.household
    if "people" not in getattr(household, "_prefetched_objects_cache", {}):  # the summary page has them
        household = Household.objects.prefetch_related("people").get(pk=entry.household_id)
    return not lacking_consent([household], scope_of_profile(entry.batch.profile))


def exportable_entries(batch: ReferralBatch) -> list[ReferralEntry]:
    """The entries an export of ``batch`` carries now: not withdrawn by the coordinator, and every adult
    of the household still consenting to the batch's recipients."""
    entries = list(
        batch.entries.exclude(decision=ReferralEntry.WITHDRAWN)
        .select_related("household__organisation")
        .prefetch_related("household__people")
        .order_by("rank", "id")
    )
    lacking = lacking_consent([e.household for e in entries], scope_of_profile(batch.profile))
    return [e for e in entries if e.household_id not in lacking]


def skipped_text(skipped: list[dict[str, Any]]) -> str:
    """Which households were left out of a batch and why, in words (``H-… (no consent)``)."""
    reasons = {
        "gone": _("no longer exists"),
        "excluded": _("left out at approval"),
        "no_consent": _("no consent on record for every adult"),
        "open_referral": _("awaiting a decision in another referral"),
    }
    stages = dict(STAGE_CHOICES)
    parts = []
    for row in skipped:
        why = reasons.get(row["reason"])
        if why is None:
            why = _("status %(stage)s") % {"stage": stages.get(row.get("stage", ""), row.get("stage", ""))}
        parts.append(f"{row['reference']} ({why})")
    return ", ".join(parts)


def referral_exported(*, actor: Actor, batch: ReferralBatch, files: int, size: int) -> None:
    """Count an export on the batch and audit it (counts only: what was in it is in the sealed package)."""
    with transaction.atomic():
        batch = ReferralBatch.objects.select_for_update().get(pk=batch.pk)
        batch.exported_count += 1
        batch.exported_at = timezone.now()
        batch.save(update_fields=["exported_count", "exported_at"])
        audit_record(
            actor=actor.user,
            action="referral.export",
            target=str(batch.public_id),
            ip=actor.ip,
            detail={
                "batch": batch.reference,
                "households": len(exportable_entries(batch)),
                "files": files,
                "bytes": size,
                "profile": batch.profile,
                "export": batch.exported_count,
            },
        )
