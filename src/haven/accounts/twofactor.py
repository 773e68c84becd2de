"""Two-factor authentication with an authenticator app (TOTP, RFC 6238).

Mandatory for coordinators, liaisons and administrators, whose accounts reach every organisation's
caseload or its referrals; optional for everyone else, and required again of anyone whose lost second
factor an administrator reset. The changes (enrolment, a code passed or failed, a recovery code spent)
are actions with their audit entries: :mod:`haven.accounts.actions.second_factor`.
"""

from __future__ import annotations

import time
from typing import Any

import pyotp
import segno
from django.db.models import Q
from django.http import HttpRequest

from haven.accounts.actor import Actor
from haven.accounts.models import TOTPDevice
from haven_core.roles import Role

MANDATORY_ROLES = frozenset({Role.COORDINATOR, Role.LIAISON, Role.ADMIN})
SESSION_FLAG = "haven_2fa_verified"
ISSUER = "Haven"


def requires_2fa(user: Any) -> bool:
    """Whether the user must have a second factor: by role, or because theirs was reset."""
    if Actor.for_user(user).role in MANDATORY_ROLES:
        return True
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=True, required=True).exists()


def has_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def second_factor_state(user: Any) -> tuple[bool, bool]:
    """``(has_device(user), requires_2fa(user))`` in one query: what the guard asks on every request of a
    signed-in user who has not passed a second factor this session (one who needs none, most often)."""
    devices = TOTPDevice.objects.filter(user=user).filter(
        Q(confirmed_at__isnull=False) | Q(confirmed_at__isnull=True, required=True)
    )
    found = list(devices.values_list("confirmed_at", flat=True))
    has = any(confirmed is not None for confirmed in found)
    required = Actor.for_user(user).role in MANDATORY_ROLES or any(c is None for c in found)
    return has, required


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


def accept(device: TOTPDevice, code: str) -> bool:
    """Accept a code from this or a neighbouring 30-second step, once only (moves ``last_used_step``)."""
    totp = pyotp.TOTP(device.secret)
    code = "".join(c for c in code if c.isdigit())
    now = int(time.time())
    for offset in (0, -30, 30):
        step = (now + offset) // 30
        if step > device.last_used_step and totp.verify(code, for_time=now + offset, valid_window=0):
            device.last_used_step = step
            return True
    return False
