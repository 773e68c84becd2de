"""A user's own second factor: enrolling an authenticator, passing the check at sign-in (with its code or
a recovery code), and making new recovery codes. Each is audited in the transaction that makes it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts import recovery, twofactor
from haven.accounts.actor import Actor
from haven.accounts.models import TOTPDevice
from haven.audit.record import audit_record
from haven.errors import InvalidChange


def _audit(actor: Actor, *, action: str, **detail: Any) -> None:
    """The entry of an event of the actor's own second factor, about their own account."""
    user = actor.signed_in
    audit_record(actor=user, action=action, target=f"user:{user.pk}", ip=actor.ip, detail=detail)


def second_factor_enrol(*, actor: Actor, code: str) -> list[str] | None:
    """Confirm the authenticator being set up with its first code.

    Returns the new recovery codes (to show once), or None when the code is wrong.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(user=actor.user)
        if not twofactor.accept(device, code):
            return None
        device.confirmed_at = timezone.now()
        device.required = False
        device.save(update_fields=["confirmed_at", "required", "last_used_step"])
        codes = recovery.new_codes()
        recovery.store(actor.user, codes)
        _audit(actor, action="auth.2fa_enrolled", recovery_codes=len(codes))
    return codes


def second_factor_verify(*, actor: Actor, code: str) -> bool:
    """Check the second factor at sign-in: a code from the authenticator, or one of the recovery codes,
    which is spent by this use."""
    with transaction.atomic():
        if recovery.looks_like_recovery_code(code):
            spent = recovery.matching(actor.user, code)
            if spent is not None:
                spent.used_at = timezone.now()
                spent.save(update_fields=["used_at"])
                left = recovery.remaining(actor.user)
                _audit(actor, action="recovery_code.use", remaining=left)
                return True
            method = "recovery_code"
            ok = False
        else:
            method = "authenticator"
            device = (
                TOTPDevice.objects.select_for_update()
                .filter(user=actor.user, confirmed_at__isnull=False)
                .first()
            )
            ok = device is not None and twofactor.accept(device, code)
            if device is not None and ok:
                device.save(update_fields=["last_used_step"])
        _audit(actor, action="auth.2fa_passed" if ok else "auth.2fa_failed", method=method)
    return ok


def recovery_codes_regenerate(*, actor: Actor) -> list[str]:
    """New recovery codes for the actor's own second factor; the old ones stop working."""
    if not twofactor.has_device(actor.user):
        raise InvalidChange(_("Set up two-factor authentication first."))
    with transaction.atomic():
        before = recovery.remaining(actor.user)
        codes = recovery.new_codes()
        recovery.store(actor.user, codes)
        _audit(actor, action="recovery_code.regenerate", replaced_unused=before, recovery_codes=len(codes))
    return codes
