"""Login throttling: too many failures for one account or from one address lock logins for a while."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from haven.accounts.models import LoginFailure


def username_key(username: str) -> str:
    """A keyed hash (HMAC-SHA256 under the secret key) of a typed username: what a failed login keeps
    in the throttle and in the audit trail instead of the name, which may be a password typed in the
    wrong field. Whoever holds the secret key can test a guessed name against it; nobody else can."""
    message = b"haven.login-username:" + username.strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.HAVEN_LOGIN_LOCK_SECONDS)


def is_locked(username: str, ip: str | None) -> bool:
    """Locked when the account, or the address, failed too often within the lock window."""
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    by_user = recent.filter(username_key=username_key(username)).count()
    by_ip = recent.filter(ip=ip).count() if ip else 0
    return by_user >= settings.HAVEN_LOGIN_MAX_FAILURES or by_ip >= settings.HAVEN_LOGIN_MAX_FAILURES_PER_IP


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username_key=username_key(username), ip=ip)


def clear(username: str, ip: str | None) -> None:
    """A successful login forgets the account's failures (the address's stay until they age out)."""
    LoginFailure.objects.filter(Q(username_key=username_key(username)) | Q(at__lt=_window_start())).delete()
