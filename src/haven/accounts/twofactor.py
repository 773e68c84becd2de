"""Two-factor authentication with an authenticator app (TOTP, RFC 6238).

Mandatory for coordinators, liaisons and administrators, whose accounts reach every organisation's
caseload or its referrals; optional for everyone else.
"""

from __future__ import annotations

import time
from typing import Any

import pyotp
import segno
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.accounts.models import TOTPDevice
from haven.audit.record import audit_record
from haven_core.roles import Role

MANDATORY_ROLES = frozenset({Role.COORDINATOR, Role.LIAISON, Role.ADMIN})
SESSION_FLAG = "haven_2fa_verified"
ISSUER = "Haven"


def requires_2fa(user: Any) -> bool:
    return Actor.for_user(user).role in MANDATORY_ROLES


def has_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_FLAG))


def mark_verified(request: HttpRequest) -> None:
    request.session.cycle_key()
    request.session[SESSION_FLAG] = True


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed device being set up, created with a fresh secret if there is none."""
    device = TOTPDevice.objects.filter(user=user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, secret=pyotp.random_base32())
    return device


def provisioning_svg(user: Any, device: TOTPDevice) -> str:
    """A QR code (inline SVG markup) that authenticator apps scan to add the account."""
    uri = pyotp.TOTP(device.secret).provisioning_uri(name=user.get_username(), issuer_name=ISSUER)
    return str(segno.make(uri, error="m").svg_inline(scale=4, dark="#1d2733"))


def _accept(device: TOTPDevice, code: str) -> bool:
    """Accept a code from this or a neighbouring 30-second step, once only."""
    totp = pyotp.TOTP(device.secret)
    code = "".join(c for c in code if c.isdigit())
    now = int(time.time())
    for offset in (0, -30, 30):
        step = (now + offset) // 30
        if step > device.last_used_step and totp.verify(code, for_time=now + offset, valid_window=0):
            device.last_used_step = step
            return True
    return False


def totp_confirm(*, request: HttpRequest, user: Any, code: str) -> bool:
    """Finish setting up the authenticator with its first code."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(user=user)
        if not _accept(device, code):
            return False
        device.confirmed_at = timezone.now()
        device.save(update_fields=["confirmed_at", "last_used_step"])
        audit_record(actor=user, action="auth.2fa_enrolled", target=f"user:{user.pk}", ip=_ip(request))
    mark_verified(request)
    return True


def totp_verify(*, request: HttpRequest, user: Any, code: str) -> bool:
    """Check the second factor at login."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
        ok = device is not None and _accept(device, code)
        if device is not None and ok:
            device.save(update_fields=["last_used_step"])
        action = "auth.2fa_passed" if ok else "auth.2fa_failed"
        audit_record(actor=user, action=action, target=f"user:{user.pk}", ip=_ip(request))
    if ok:
        mark_verified(request)
    return ok


def _ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")
